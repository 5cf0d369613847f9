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

from psed.output._common import FileResult, Renderer, RunInfo, Totals, dumps, split_skeleton

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
_FINDING_ENCODER = json.JSONEncoder(ensure_ascii=True, separators=(", ", ": "))
"""One finding on one line (json.dumps with these options builds a new encoder per call)."""


def file_entry(result: FileResult, indent: int) -> str:
    """A file's entry, indented, with each finding on one line of its own.

    One finding a line keeps the report easy to grep and diff, and lets the C JSON
    encoder do most of the work (it is not used when indenting).
    """
    entry = result.to_dict()
    findings = entry.pop("findings")
    entry["findings"] = _FINDINGS
    text = " " * indent + dumps(entry, indent)
    pad = " " * (indent + 2)
    if findings:
        lines = ",\n".join(pad + "  " + _FINDING_ENCODER.encode(f) for f in findings)
        value = "[\n" + lines + "\n" + pad + "]"
    else:
        value = "[]"
    return text.replace(json.dumps(_FINDINGS), value, 1)


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
