"""The JSON report, ``report_version`` 1: documented, versioned, streamed file by file.

The layout is published as a JSON Schema in the package (``psed schema --report``)::

    {"report_version": 1, "psed_version": ..., "as_of": "YYYY-MM-DD",
     "status": override or null, "law_date": override or null, "fail_on": "error",
     "files": [{"path", "framework", "status", "law_date", "law_date_source", "ok",
                "unreadable", "counts", "findings"}],
     "totals": {"files", "failing", "unreadable", "ok", "counts"}}

The output is indented JSON (ASCII only), written by the json module, with each
finding on a line of its own, and ends with a newline: the same inputs and ``as_of``
give byte-identical output.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from psed.output._common import FileResult, JsonStream, Renderer, RunInfo, Totals, indented

__all__ = ["REPORT_VERSION", "JsonRenderer", "file_entry", "report_head"]

REPORT_VERSION = 1
"""The version of the JSON report layout; a breaking change gets a new number."""


def report_head(run: RunInfo) -> dict[str, Any]:
    """The report's top-level fields, before ``files``."""
    return {
        "report_version": REPORT_VERSION,
        "psed_version": run.version,
        "as_of": run.as_of.isoformat(),
        "status": None if run.status is None else run.status.value,
        "law_date": None if run.law_date is None else run.law_date.isoformat(),
        "fail_on": run.fail_on.value,
    }


def file_entry(result: FileResult, pad: str) -> str:
    """A file's entry, indented by ``pad``, with each finding on one line of its own.

    ``json.dumps(result.summary(), indent=2)`` with ``"findings"`` added as its last
    key, the findings each written by ``json.dumps`` on one line: easy to grep and to
    diff, and written by the json module's C encoder (its indenting encoder is pure
    Python, and several times slower).
    """
    head = indented(result.summary(), pad)  # ends with "\n" + pad + "}"
    findings = result.report.findings
    if findings:
        inner = pad + "    "
        lines = (",\n" + inner).join(json.dumps(f.to_dict()) for f in findings)
        value = "[\n" + inner + lines + "\n" + pad + "  ]"
    else:
        value = "[]"
    return pad + head[: -len(pad) - 2] + ",\n" + pad + '  "findings": ' + value + "\n" + pad + "}"


class JsonRenderer(Renderer):
    """Streams the ``files`` list; the totals come last."""

    def __init__(self, run: RunInfo, *, color: bool = False) -> None:
        super().__init__(run, color=color)
        self._stream = JsonStream({**report_head(self.run), "files": []})

    def begin(self) -> str:
        return self._stream.head()

    def items(self, result: FileResult) -> tuple[str, ...]:
        return (file_entry(result, self._stream.item_pad),)

    def add_items(self, items: tuple[str, ...]) -> str:
        return self._stream.join(items)

    def end(self, totals: Totals) -> Iterable[str]:
        return (self._stream.end({"totals": totals.to_dict()}),)
