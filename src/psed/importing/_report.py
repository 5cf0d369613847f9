"""The import report: JSON that accounts for every file and every piece of its text.

``import_report_version`` 1. For each file: the template used and how sure the
choice was, the YAML written, each field with where it came from, the values
inferred, every piece of text not imported, and the form leftovers skipped (with
the reason); or, for a file that could not be imported, the error. The schema is
published with :func:`report_schema` (``psed schema --import-report``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from psed.importing import ImportResult

__all__ = ["REPORT_VERSION", "import_report", "report_schema"]

REPORT_VERSION = 1


def _file(result: ImportResult, output: str | None) -> dict[str, Any]:
    return {
        "source": result.path,
        "format": result.format,
        "ok": True,
        "output": output,
        "template": {
            "id": result.template,
            "chosen": result.chosen,
            "score": result.score,
            "candidates": [{"id": tid, "score": s} for tid, s in result.candidates],
        },
        "fields": [dict(f) for f in result.fields],
        "inferred": [dict(i) for i in result.inferred],
        "unmapped": [dict(u) for u in result.unmapped],
        "skipped": [dict(s) for s in result.skipped],
        "problems": [
            {"code": f.code, "pointer": f.pointer, "message": f.message} for f in result.findings
        ],
    }


def import_report(
    results: Sequence[tuple[ImportResult, str | None]],
    failures: Sequence[tuple[str, str]] = (),
    *,
    version: str,
) -> dict[str, Any]:
    """The report of one import run: each result with the file it was written to; each failure."""
    files: list[dict[str, Any]] = [_file(result, output) for result, output in results]
    files += [{"source": path, "ok": False, "error": message} for path, message in failures]
    files.sort(key=lambda f: str(f["source"]))
    return {
        "import_report_version": REPORT_VERSION,
        "psed_version": version,
        "files": files,
        "totals": {
            "files": len(files),
            "imported": len(results),
            "failed": len(failures),
            "inferred": sum(len(r.inferred) for r, _ in results),
            "unmapped": sum(len(r.unmapped) for r, _ in results),
            "skipped": sum(len(r.skipped) for r, _ in results),
        },
    }


def report_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of the import report (``import_report_version`` 1)."""
    text = resources.files("psed.importing").joinpath("import-report-1.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def dumps_report(report: Mapping[str, Any]) -> str:
    """The report as JSON text: UTF-8, two-space indent, a final newline."""
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
