"""Renderers for ``psed audit``: a text table, CSV and JSON, streamed row by row.

- ``text``: one line per document (errors, warnings, completeness, sign-offs, review
  date, status, framework, path; the path last so that the columns stay aligned),
  then the portfolio totals: the most common findings by rule, the characteristics
  most often left unassessed, and the unreadable files.
- ``csv``: a header and one row per document (columns as in :data:`CSV_COLUMNS`), for
  a spreadsheet. Cells that a spreadsheet would run as a formula (starting with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) are prefixed with ``'``.
  Totals are not part of the CSV: use ``--format json`` or ``text`` for them.
- ``json``: ``{"audit_version": 1, "psed_version", "as_of", "status", "documents":
  [...], "totals": {...}}``, byte-identical for the same inputs and ``as_of``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from psed.audit import AuditRow, AuditTotals
from psed.output._common import JsonStream, RunInfo
from psed.output.text import one_line

__all__ = ["AUDIT_FORMATS", "AUDIT_VERSION", "CSV_COLUMNS", "AuditRenderer", "make_audit_renderer"]

AUDIT_FORMATS: tuple[str, ...] = ("text", "csv", "json")
AUDIT_VERSION = 1

CSV_COLUMNS: tuple[str, ...] = (
    "path",
    "name",
    "framework",
    "status",
    "readable",
    "ok",
    "errors",
    "warnings",
    "info",
    "waived",
    "required",
    "assessed",
    "completeness",
    "not_assessed",
    "signoffs_expected",
    "signoffs_present",
    "review_date",
    "codes",
)


class AuditRenderer:
    """Turns audit rows into one report, piece by piece (see :class:`psed.output.Renderer`)."""

    def __init__(self, run: RunInfo) -> None:
        self.run = run

    def begin(self) -> str:
        """Text before the first row."""
        return ""

    def add(self, row: AuditRow) -> str:  # pragma: no cover - overridden
        """Text for one document."""
        raise NotImplementedError

    def end(self, totals: AuditTotals) -> Iterable[str]:
        """The rest of the report."""
        return ()


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


class TextAuditRenderer(AuditRenderer):
    """An aligned table, then the portfolio totals."""

    def begin(self) -> str:
        return (
            f"{'errors':>6} {'warns':>5} {'complete':>8} {'signed':>6} {'review':>10} "
            f"{'status':<9} {'framework':<9} path\n"
        )

    def add(self, row: AuditRow) -> str:
        if not row.readable:
            return (
                f"{row.errors:>6} {row.warnings:>5} {'-':>8} {'-':>6} {'-':>10} "
                f"{'unreadable':<9} {'-':<9} {one_line(row.path)}\n"
            )
        signed = (
            f"{len(row.signoffs_present)}/{len(row.signoffs_expected)}"
            if row.framework_known
            else "?"
        )
        review = "-" if row.review_date is None else row.review_date.isoformat()
        # "?" marks a value the document gives but psed does not know (PSED004, PSED007)
        status = "?" if row.status is None else row.status.value
        framework = one_line(row.framework or "?") + ("" if row.framework_known else "?")
        return (
            f"{row.errors:>6} {row.warnings:>5} {_percent(row.completeness):>8} {signed:>6} "
            f"{review:>10} {status:<9} {framework:<9} {one_line(row.path)}\n"
        )

    def end(self, totals: AuditTotals) -> Iterable[str]:
        lines = [
            "",
            f"{totals.documents} documents: {totals.failing} failing, "
            f"{totals.complete} fully assessed, {totals.unreadable} unreadable; "
            f"{totals.errors} errors, {totals.warnings} warnings in all.",
        ]
        rules = totals.most_common_rules()
        if rules:
            names = {code: _rule_name(code) for code, _, _ in rules}
            width = max(len("name"), *(len(name) for name in names.values()))
            lines += ["", "Findings by rule:"]
            lines.append(f"  {'code':<9} {'name':<{width}} {'documents':>9} {'findings':>8}")
            lines += [
                f"  {code:<9} {names[code]:<{width}} {docs:>9} {n:>8}" for code, docs, n in rules
            ]
        gaps = totals.most_common_gaps()
        if gaps:
            lines += ["", "Required characteristics not assessed with a reason:"]
            lines.append(f"  {'characteristic':<28} {'documents':>9}")
            lines += [f"  {one_line(code):<28} {docs:>9}" for code, docs in gaps]
        if totals.unreadable_paths:
            lines += ["", "Unreadable files:"]
            lines += [f"  {one_line(path)}" for path in totals.unreadable_paths]
        return ("\n".join(lines) + "\n",)


def _rule_name(code: str) -> str:
    """The rule's kebab-case name, or ``?`` for a code no registered rule has."""
    from psed.rules._registry import lookup

    found = lookup(code)
    return "?" if found is None else found.name


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


class CsvAuditRenderer(AuditRenderer):
    """A header and one CSV row per document (RFC 4180, ``\\r\\n`` line ends)."""

    def _line(self, values: Iterable[Any]) -> str:
        buffer = io.StringIO()
        csv.writer(buffer).writerow([_cell(v) for v in values])
        return buffer.getvalue()

    def begin(self) -> str:
        return self._line(CSV_COLUMNS)

    def add(self, row: AuditRow) -> str:
        data = row.to_dict()
        return self._line(data[column] for column in CSV_COLUMNS)


class JsonAuditRenderer(AuditRenderer):
    """The versioned JSON audit, streamed document by document."""

    def begin(self) -> str:
        document = {
            "audit_version": AUDIT_VERSION,
            "psed_version": self.run.version,
            "as_of": self.run.as_of.isoformat(),
            "status": None if self.run.status is None else self.run.status.value,
            "documents": [],
        }
        self._stream = JsonStream(document)
        return self._stream.head()

    def add(self, row: AuditRow) -> str:
        return self._stream.join((self._stream.item(row.to_dict()),))

    def end(self, totals: AuditTotals) -> Iterable[str]:
        return (self._stream.end({"totals": totals.to_dict()}),)


def make_audit_renderer(fmt: str, run: RunInfo) -> AuditRenderer:
    """The audit renderer for a format name (one of :data:`AUDIT_FORMATS`)."""
    renderers: dict[str, type[AuditRenderer]] = {
        "text": TextAuditRenderer,
        "csv": CsvAuditRenderer,
        "json": JsonAuditRenderer,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown audit format {fmt!r}; use one of {', '.join(AUDIT_FORMATS)}")
    return renderers[fmt](run)
