"""The rule catalogue as ``psed rules`` and ``psed explain`` print it.

``rules_text`` is a table with column headers (code, name, severity, the status a rule
applies from, what it reports), ``rules_markdown`` the same as a Markdown table with
links to each rule's documentation, ``rules_json`` a list of objects, and
``explain_text`` one rule's full documentation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

__all__ = ["explain_text", "rule_dict", "rules_json", "rules_markdown", "rules_text"]


def rule_dict(rule: Any) -> dict[str, Any]:
    """One rule as ``psed rules --format json`` lists it."""
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": str(rule.severity),
        "status": str(rule.status),
        "summary": rule.summary,
        "references": list(rule.references),
        "help_url": rule.help_url,
        "origin": rule.origin,
    }


def rules_json(rules: Iterable[Any]) -> str:
    return json.dumps([rule_dict(r) for r in rules], indent=2) + "\n"


def rules_markdown(rules: Iterable[Any]) -> str:
    lines = ["| code | name | severity | from status | what it reports |", "|---|---|---|---|---|"]
    for r in rules:
        summary = r.summary.replace("|", "\\|")
        lines.append(
            f"| [{r.code}]({r.help_url}) | {r.name} | {r.severity} | {r.status} | {summary} |"
        )
    return "\n".join(lines) + "\n"


def rules_text(rules: Iterable[Any]) -> str:
    items = list(rules)
    code_width = max([len("code"), *(len(r.code) for r in items)])
    width = max([len("name"), *(len(r.name) for r in items)])
    lines = [
        f"{'code':<{code_width}}  {'name':<{width}}  {'severity':<8}  {'from':<9}  what it reports"
    ]
    for r in items:
        lines.append(
            f"{r.code:<{code_width}}  {r.name:<{width}}  {r.severity!s:<8}  "
            f"{r.status!s:<9}  {r.summary}"
        )
    return "\n".join(lines) + "\n"


def explain_text(rule: Any) -> str:
    """A rule's full documentation as plain text (what ``psed explain`` prints)."""
    lines = [
        f"{rule.code} {rule.name}",
        "",
        rule.summary,
        "",
        f"Severity: {rule.severity} (from status {rule.status}; below it, info)",
    ]
    if rule.references:
        lines.append("References: " + "; ".join(rule.references))
    lines += ["", "What it checks", "", rule.what.strip(), "", "Why it matters", ""]
    lines += [rule.why.strip()]
    for title, example in (
        ("Failing example", rule.fail_example),
        ("Passing example", rule.pass_example),
    ):
        if example and example.strip():
            lines += ["", title, ""]
            lines += ["    " + line if line else "" for line in example.rstrip().splitlines()]
    lines += ["", f"Documentation: {rule.help_url}"]
    return "\n".join(lines) + "\n"
