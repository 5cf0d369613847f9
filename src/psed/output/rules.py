"""The rule catalogue as ``psed rules`` and ``psed explain`` print it.

``rules_text`` is a table with column headers (code, name, severity, the status a rule
applies from, what it reports), ``rules_markdown`` the same as a Markdown table with
links to each rule's documentation, ``rules_json`` a list of objects, and
``explain_text`` one rule's full documentation.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable
from typing import Any

__all__ = [
    "duties_json",
    "duties_markdown",
    "duties_text",
    "duty_dict",
    "explain_text",
    "rule_dict",
    "rules_json",
    "rules_markdown",
    "rules_text",
]


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


def duty_dict(duty: Any) -> dict[str, Any]:
    """One duty as ``psed rules --duties --format json`` lists it."""
    from psed.law import Jurisdiction

    return {
        "id": duty.id,
        "citation": duty.citation,
        "title": duty.title,
        "jurisdictions": [j.value for j in Jurisdiction if j in duty.jurisdictions],
        "in_force": None if duty.in_force is None else duty.in_force.isoformat(),
        "until": None if duty.until is None else duty.until.isoformat(),
        "requires": list(duty.requires),
        "required_by": duty.required_by,
        "scope": duty.scope.value,
        "functions": list(duty.functions),
        "basis": duty.basis.value,
        "source": duty.source,
        "confirmed": duty.confirmed,
    }


def duties_json(duties: Iterable[Any]) -> str:
    return json.dumps([duty_dict(d) for d in duties], indent=2) + "\n"


def _duty_rows(duties: Iterable[Any]) -> list[tuple[str, ...]]:
    from psed.law import Jurisdiction

    rows: list[tuple[str, ...]] = []
    for d in duties:
        where = ", ".join(j.label for j in Jurisdiction if j in d.jurisdictions)
        start = "-" if d.in_force is None else d.in_force.isoformat()
        end = "" if d.until is None else d.until.isoformat()
        requires = ", ".join(d.requires) or "-"
        rows.append((d.id, d.citation, where, start, end, requires))
    return rows


def duties_markdown(duties: Iterable[Any]) -> str:
    lines = [
        "| duty | provision | where | in force from | until | requires |",
        "|---|---|---|---|---|---|",
    ]
    for row in _duty_rows(duties):
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |")
    return "\n".join(lines) + "\n"


def duties_text(duties: Iterable[Any]) -> str:
    rows = _duty_rows(duties)
    headers = ("DUTY", "PROVISION", "WHERE", "FROM", "UNTIL", "REQUIRES")
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers[:-1])]
    lines = []
    for row in (headers, *rows):
        cells = [c.ljust(w) for c, w in zip(row[:-1], widths, strict=True)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines) + "\n"


def _references_by_framework(rule: Any, catalogue: Any, day: _dt.date) -> list[str]:
    """``framework (jurisdiction): citation [law]; ...`` for each framework of ``catalogue``."""
    from psed.law import citations_under

    lines = []
    for framework in catalogue.frameworks.values():
        cited = citations_under(rule.cites, framework, catalogue, day)
        text = "; ".join(f"{c} [{b.value}]" if b is not None else c for c, b in cited)
        lines.append(f"  {framework.id} ({framework.jurisdiction.label}): {text or 'none'}")
    return lines


def explain_text(rule: Any, *, catalogue: Any = None, law_date: _dt.date | None = None) -> str:
    """A rule's full documentation as plain text (what ``psed explain`` prints).

    The references are listed for each framework of ``catalogue`` (default: the
    process-wide one) as the law stood on ``law_date`` (default: today), each marked
    law or practice.
    """
    from psed.catalogue import default_catalogue

    day = law_date or _dt.date.today()
    lines = [
        f"{rule.code} {rule.name}",
        "",
        rule.summary,
        "",
        f"Severity: {rule.severity} (from status {rule.status}; below it, info)",
    ]
    if rule.references:
        lines.append(f"References by framework (the law on {day.isoformat()}):")
        lines += _references_by_framework(rule, catalogue or default_catalogue(), day)
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
