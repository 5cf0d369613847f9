"""The JSON report, ``report_version`` 1: documented, versioned, streamed file by file.

The layout is published as a JSON Schema in the package (``psed schema --report``)::

    {"report_version": 1, "psed_version": ..., "as_of": "YYYY-MM-DD",
     "status": override or null, "fail_on": "error",
     "files": [{"path", "framework", "status", "ok", "unreadable", "counts", "findings"}],
     "totals": {"files", "failing", "unreadable", "ok", "counts"}}

The output is ``json.dumps(report, indent=2)`` (ASCII only) plus a newline: the same
inputs and ``as_of`` give byte-identical output.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from psed.output._common import FileResult, Renderer, RunInfo, Totals, split_skeleton

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


class JsonRenderer(Renderer):
    """Streams the ``files`` list; the totals come last."""

    def begin(self) -> str:
        document = {**report_head(self.run), "files": [], "totals": _TOTALS}
        self._skeleton = split_skeleton(document, ("files",))
        return self._skeleton.head

    def add(self, result: FileResult) -> str:
        return self._skeleton.item(result.to_dict())

    def end(self, totals: Totals) -> Iterable[str]:
        return (self._skeleton.finish({_TOTALS: totals.to_dict()}),)
