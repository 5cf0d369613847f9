"""SARIF 2.1.0: the format code-scanning services (GitHub, Azure DevOps) read.

One run whose ``tool.driver`` lists every rule of the catalogue (id, name, short and
full description, help text and Markdown, ``helpUri``, default level). Each finding is
a result with ``ruleId``, ``ruleIndex``, ``level`` (``error``, ``warning`` or
``note`` for info), the message, a physical location (the file's path relative to the
working folder as a URI, and the line and column of the finding's place when the
reading knew it, else line 1, column 1) and a logical location whose
``fullyQualifiedName`` is the JSON Pointer.
A waived finding carries ``suppressions: [{"kind": "external", "justification": reason}]``.

Each result's properties give the finding's own references (those of the document's
framework on its law date) and the law date with how it was chosen (``lawDate``,
``lawDateSource``); each rule's properties list its references and, separately, those
marked ``law`` and ``practice``.
"""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Iterable, Sequence
from typing import Any

from psed.findings import Finding, Severity
from psed.output._common import FileResult, JsonStream, Renderer, RunInfo, Totals

__all__ = ["SARIF_SCHEMA", "SarifRenderer", "artifact_uri", "rule_descriptor"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://psed.readthedocs.io/"

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A file's path as a URI reference: relative (with ``/``) when below the working folder."""
    if path == "-":
        return "stdin"
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive on Windows
        relative = absolute
    # Quoted from the name's bytes: a file name that is not UTF-8 (read with
    # surrogateescape) becomes %XX escapes instead of an encoding error.
    if relative.startswith(os.pardir) or os.path.isabs(relative):
        return "file://" + urllib.parse.quote(os.fsencode(absolute.replace(os.sep, "/")))
    return urllib.parse.quote(os.fsencode(relative.replace(os.sep, "/")))


def rule_descriptor(rule: Any) -> dict[str, Any]:
    """A ``reportingDescriptor`` for one rule of :mod:`psed.rules`."""
    from psed.rules import help_url

    summary = getattr(rule, "summary", "") or rule.name.replace("-", " ")
    what = rule.what or summary
    references = list(rule.references)
    cites = [r for r in getattr(rule, "cites", ()) if not r.general]
    law = [r.citation for r in cites if r.basis is not None and r.basis.value == "law"]
    practice = [r.citation for r in cites if r.basis is not None and r.basis.value == "practice"]
    text = f"{what}\n\nWhy it matters: {rule.why}" if rule.why else what
    markdown = [f"**{rule.code} {rule.name}**", "", what]
    if rule.why:
        markdown += ["", "**Why it matters.** " + rule.why]
    if rule.fail_example:
        markdown += ["", "Failing example:", "", "```yaml", rule.fail_example.rstrip(), "```"]
    if rule.pass_example:
        markdown += ["", "Passing example:", "", "```yaml", rule.pass_example.rstrip(), "```"]
    if references:
        markdown += ["", "References: " + "; ".join(references) + "."]
    severity = Severity(rule.severity)
    status = getattr(rule.status, "value", rule.status)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": what},
        "help": {"text": text, "markdown": "\n".join(markdown)},
        "helpUri": help_url(rule.code),
        "defaultConfiguration": {"level": LEVEL[severity]},
        "properties": {
            "tags": ["psed", f"from-status:{status}"],
            "references": references,
            "law": law,
            "practice": practice,
        },
    }


def sarif_result(result: FileResult, finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    """One finding as a SARIF ``result``."""
    line, column = result.position(finding) or (1, 1)
    physical = {
        "artifactLocation": {"uri": artifact_uri(result.path)},
        "region": {"startLine": line, "startColumn": column},
    }
    location: dict[str, Any] = {"physicalLocation": physical}
    if finding.pointer:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.pointer, "kind": "member"}]
    out: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in index:
        out["ruleIndex"] = index[finding.code]
    out["level"] = LEVEL[finding.severity]
    out["message"] = {"text": finding.message}
    out["locations"] = [location]
    if finding.waived is not None:
        out["suppressions"] = [{"kind": "external", "justification": finding.waived}]
    out["properties"] = {
        "pointer": finding.pointer,
        "characteristic": finding.characteristic,
        "defaultSeverity": finding.default_severity.value,
        "references": list(finding.references),
    }
    if finding.message_en is not None:
        out["properties"]["message_en"] = finding.message_en
    report = result.report
    if report.law_date is not None:
        out["properties"]["lawDate"] = report.law_date.isoformat()
        out["properties"]["lawDateSource"] = report.law_date_source
    return out


class SarifRenderer(Renderer):
    """Streams the results of a single SARIF run."""

    def __init__(
        self, run: RunInfo, *, color: bool = False, rules: Sequence[Any] | None = None
    ) -> None:
        super().__init__(run, color=color)
        if rules is None:
            from psed.rules import all_rules

            rules = list(all_rules())
        self._rules = sorted(rules, key=lambda r: str(r.code))
        self._index = {r.code: i for i, r in enumerate(self._rules)}
        self._stream = JsonStream(self._document())

    def _document(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "psed",
                            "version": self.run.version,
                            "semanticVersion": self.run.version,
                            "informationUri": INFORMATION_URI,
                            "rules": [rule_descriptor(r) for r in self._rules],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "properties": {
                        "asOf": self.run.as_of.isoformat(),
                        "status": None if self.run.status is None else self.run.status.value,
                        "lawDate": (
                            None if self.run.law_date is None else self.run.law_date.isoformat()
                        ),
                        "failOn": self.run.fail_on.value,
                    },
                    "results": [],
                }
            ],
        }
        return document

    def begin(self) -> str:
        return self._stream.head()

    def items(self, result: FileResult) -> tuple[str, ...]:
        return tuple(
            self._stream.item(sarif_result(result, f, self._index)) for f in result.report.findings
        )

    def add_items(self, items: tuple[str, ...]) -> str:
        return self._stream.join(items)

    def end(self, totals: Totals) -> Iterable[str]:
        return (self._stream.end(),)
