"""The JSON report, ``report_version`` 1: documented, versioned, streamed file by file.

The layout is published as a JSON Schema in the package (``psed schema --report``)::

    {"report_version": 1, "psed_version": ..., "as_of": "YYYY-MM-DD",
     "status": override or null, "fail_on": "error",
     "files": [{"path", "framework", "status", "ok", "unreadable", "counts", "findings"}],
     "totals": {"files", "failing", "unreadable", "ok", "counts"}}

The output is indented JSON (ASCII only) with each finding on a line of its own, and
ends with a newline: the same inputs and ``as_of`` give byte-identical output.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from psed.findings import Finding
from psed.output._common import (
    FileResult,
    Renderer,
    RunInfo,
    Totals,
    _encode_str,
    dumps,
    split_skeleton,
)

__all__ = ["REPORT_VERSION", "JsonRenderer", "report_head"]

REPORT_VERSION = 1
"""The version of the JSON report layout; a breaking change gets a new number."""

_TOTALS = "\x00totals\x00"


def report_head(run: RunInfo) -> dict[str, Any]:
    """The report's top-level fields, before ``files``."""
    return {
        "report_version": REPORT_VERSION,
        "psed_version": run.version,
        "as_of": run.as_of.isoformat(),
        "status": None if run.status is None else run.status.value,
        "fail_on": run.fail_on.value,
    }


_FINDINGS = "\x00findings\x00"
_FINDINGS_MARKER = json.dumps(_FINDINGS)
_FINDING_ENCODER = json.JSONEncoder(ensure_ascii=True, separators=(", ", ": "))
"""One finding on one line (json.dumps with these options builds a new encoder per call)."""

_heads: dict[tuple[Any, ...], str] = {}
"""A finding's line up to its message, by (code, name, severity, default severity)."""
_references: dict[tuple[str, ...], str] = {}
"""The JSON of a rule's references (a few dozen rules: small)."""
_MEMO_LIMIT = 4096


def _slow_line(finding: Finding) -> str:
    return _FINDING_ENCODER.encode(finding.to_dict())


def _fast_line(finding: Finding) -> str:
    """A finding's one-line JSON, written field by field; raises TypeError for odd values.

    Exactly ``_FINDING_ENCODER.encode(finding.to_dict())`` (a test compares them on
    arbitrary findings), about three times faster: the rule's fields are memoized, and
    every string is escaped by the function the json module uses.
    """
    key = (finding.code, finding.name, finding.severity, finding.default_severity)
    head = _heads.get(key)
    if head is None:
        if len(_heads) >= _MEMO_LIMIT:
            _heads.clear()
        head = _heads[key] = (
            '{"code": '
            + _encode_str(finding.code)
            + ', "name": '
            + _encode_str(finding.name)
            + ', "severity": '
            + _encode_str(finding.severity.value)
            + ', "default_severity": '
            + _encode_str(finding.default_severity.value)
            + ', "message": '
        )
    references = _references.get(finding.references)
    if references is None:
        if len(_references) >= _MEMO_LIMIT:
            _references.clear()
        references = _references[finding.references] = _FINDING_ENCODER.encode(
            list(finding.references)
        )
    characteristic = finding.characteristic
    waived = finding.waived
    return (
        head
        + _encode_str(finding.message)
        + ', "pointer": '
        + _encode_str(finding.pointer)
        + ', "characteristic": '
        + ("null" if characteristic is None else _encode_str(characteristic))
        + ', "references": '
        + references
        + ', "waived": '
        + ("null" if waived is None else _encode_str(waived))
        + "}"
    )


def finding_line(finding: Finding) -> str:
    """A finding as one line of JSON: ``to_dict()``, encoded with ", " and ": " separators."""
    if type(finding) is not Finding:  # a subclass may write other fields
        return _slow_line(finding)
    try:
        return _fast_line(finding)
    except (TypeError, AttributeError):  # a value of an unexpected type: the json module decides
        return _slow_line(finding)


def file_entry(result: FileResult, indent: int) -> str:
    """A file's entry, indented, with each finding on one line of its own.

    One finding a line keeps the report easy to grep and diff, and lets the findings
    be written without the json module's indenting encoder (pure Python, and slow).
    The entry is ``result.to_dict()``, its findings written by :func:`finding_line`.
    """
    entry = result.entry(_FINDINGS)
    text = " " * indent + dumps(entry, indent)
    findings = result.report.findings
    if findings:
        pad = " " * (indent + 2)
        lines = (",\n" + pad + "  ").join(map(finding_line, findings))
        value = "[\n" + pad + "  " + lines + "\n" + pad + "]"
    else:
        value = "[]"
    return text.replace(_FINDINGS_MARKER, value, 1)


class JsonRenderer(Renderer):
    """Streams the ``files`` list; the totals come last."""

    def __init__(self, run: RunInfo, *, color: bool = False) -> None:
        super().__init__(run, color=color)
        document = {**report_head(self.run), "files": [], "totals": _TOTALS}
        self._skeleton = split_skeleton(document, ("files",))

    def begin(self) -> str:
        return self._skeleton.head

    def items(self, result: FileResult) -> tuple[str, ...]:
        return (file_entry(result, self._skeleton.item_indent),)

    def add_items(self, items: tuple[str, ...]) -> str:
        return self._skeleton.join(items)

    def end(self, totals: Totals) -> Iterable[str]:
        return (self._skeleton.finish({_TOTALS: totals.to_dict()}),)
