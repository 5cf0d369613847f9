"""Renderers for ``psed audit``: text, CSV and JSON (the dashboard and the workbook are in
:mod:`psed.output.audit_html` and :mod:`psed.output.audit_xlsx`).

Every format holds the same things: one row per document, the portfolio findings,
the estate views (reviews due and overdue, overdue actions, totals by organisation,
directorate and programme, the cumulative impact of each programme), the totals by
rule and by characteristic, and, when asked for, the baseline and the trends.

- ``text``: aligned tables with column headers, for a terminal.
- ``csv``: a header and one row per document (columns as in :data:`CSV_COLUMNS`, then
  ``review_state`` and ``review_days`` and, with ``--baseline``, ``new_findings`` and
  ``resolved_findings``), for a spreadsheet: the estate views are its pivot tables (by
  directorate or programme, the characteristics in ``adverse``, the reviews by state,
  ``actions_overdue``), with the superseded documents marked. Cells that a spreadsheet
  would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return) are prefixed with ``'``.
- ``json``: ``{"audit_version": 1, "psed_version", "as_of", "status", "documents":
  [...], "totals", "estate", "trends", "baseline", "run_id"}``, byte-identical for the
  same inputs and ``as_of`` when no history is written.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

import attrs

from psed.audit import AuditRow, AuditTotals, Baseline
from psed.audit.estate import Estate, GroupTotals, TrendPoint
from psed.findings import Finding
from psed.output._common import JsonStream, RunInfo
from psed.output.text import finding_line, one_line
from psed.rules.portfolio import is_portfolio

__all__ = [
    "AUDIT_FORMATS",
    "AUDIT_VERSION",
    "CSV_COLUMNS",
    "AuditView",
    "render_audit",
    "review_state",
    "safe_cell",
]

AUDIT_FORMATS: tuple[str, ...] = ("text", "csv", "json", "html", "xlsx")
"""Every format of ``psed audit``; ``html`` and ``xlsx`` need ``psed[audit]``."""
AUDIT_VERSION = 1

CSV_COLUMNS: tuple[str, ...] = (
    "path",
    "id",
    "name",
    "organisation",
    "directorate",
    "programme",
    "level",
    "framework",
    "framework_known",
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
    "superseded",
    "adverse",
    "actions_overdue",
    "sha256",
    "codes",
)


@attrs.frozen(kw_only=True)
class AuditView:
    """What every audit format shows: one run's rows, findings, totals and views.

    ``rows`` and ``findings`` are called once each and iterated: a format reads the
    documents one by one, so its memory does not grow with their number.
    """

    run: RunInfo
    rows: Callable[[], Iterator[AuditRow]]
    findings: Callable[[], Iterator[tuple[str, Finding]]]
    """Every finding of every document, with its path."""
    portfolio: Callable[[], Iterator[tuple[str, Finding]]]
    """The portfolio findings only (PSED701-PSED704, and unused waivers of them)."""
    totals: AuditTotals
    estate: Estate
    trends: tuple[TrendPoint, ...] = ()
    baseline: Baseline | None = None
    run_id: int | None = None


# --------------------------------------------------------------------------- text


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def _rule_name(code: str) -> str:
    """The rule's kebab-case name, or ``?`` for a code no registered rule has."""
    from psed.rules._registry import lookup

    found = lookup(code)
    return "?" if found is None else found.name


def _table(headers: tuple[str, ...], rows: Iterable[tuple[Any, ...]], align: str) -> list[str]:
    """Lines of an aligned table with its header, indented two spaces.

    ``align`` has one letter per column: ``r`` for numbers (right-aligned), ``l`` for
    text; the last column is not padded.
    """
    cells = [tuple(one_line(str(v)) for v in row) for row in rows]
    widths = [max([len(h), *(len(row[i]) for row in cells)]) for i, h in enumerate(headers)]

    def line(values: tuple[str, ...]) -> str:
        parts = []
        for i, value in enumerate(values):
            last = i == len(values) - 1
            if align[i] == "r":
                parts.append(value.rjust(widths[i]))
            else:
                parts.append(value if last else value.ljust(widths[i]))
        return ("  " + " ".join(parts)).rstrip()

    return [line(headers), *(line(row) for row in cells)]


def _row_line(row: AuditRow) -> str:
    if not row.readable:
        return (
            f"{row.errors:>6} {row.warnings:>5} {'-':>8} {'-':>6} {'-':>10} "
            f"{'unreadable':<9} {'-':<9} {one_line(row.path)}\n"
        )
    signed = (
        f"{len(row.signoffs_present)}/{len(row.signoffs_expected)}" if row.framework_known else "?"
    )
    review = "-" if row.review_date is None else row.review_date.isoformat()
    # "?" marks a value the document gives but psed does not know (PSED004, PSED007)
    status = "?" if row.status is None else row.status.value
    framework = one_line(row.framework or "?") + ("" if row.framework_known else "?")
    return (
        f"{row.errors:>6} {row.warnings:>5} {_percent(row.completeness):>8} {signed:>6} "
        f"{review:>10} {status:<9} {framework:<9} {one_line(row.path)}\n"
    )


def _none(value: str | None) -> str:
    return "(none)" if value is None else value


def _group_lines(title: str, groups: tuple[GroupTotals, ...]) -> list[str]:
    if not groups or all(g.value is None for g in groups):
        return []
    return [
        "",
        f"By {title}:",
        *_table(
            (
                title,
                "documents",
                "failing",
                "errors",
                "warnings",
                "complete",
                "mean",
                "reviews overdue",
                "actions overdue",
            ),
            (
                (
                    _none(g.value),
                    g.documents,
                    g.failing,
                    g.errors,
                    g.warnings,
                    g.complete,
                    _percent(g.completeness),
                    g.reviews_overdue,
                    g.actions_overdue,
                )
                for g in groups
            ),
            "lrrrrrrrr",
        ),
    ]


def _estate_lines(estate: Estate) -> list[str]:
    lines: list[str] = []
    overdue, due = estate.reviews_overdue, estate.reviews_due
    lines += ["", f"Reviews overdue ({len(overdue)}):"]
    if overdue:
        lines += _table(
            ("review date", "days overdue", "status", "directorate", "document"),
            (
                (r.review_date.isoformat(), -r.days, r.status or "?", _none(r.directorate), r.label)
                for r in overdue
            ),
            "lrlll",
        )
    lines += ["", f"Reviews due within {estate.due_within} days ({len(due)}):"]
    if due:
        lines += _table(
            ("review date", "days left", "status", "directorate", "document"),
            (
                (r.review_date.isoformat(), r.days, r.status or "?", _none(r.directorate), r.label)
                for r in due
            ),
            "lrlll",
        )
    lines += ["", f"Actions past their due date ({len(estate.actions)}):"]
    if estate.actions:
        lines += _table(
            ("due", "days overdue", "status", "owner", "document", "characteristic", "action"),
            (
                (
                    a.due.isoformat(),
                    a.days_overdue,
                    a.status,
                    a.owner or "(no owner)",
                    a.label,
                    a.characteristic,
                    a.action,
                )
                for a in estate.actions
            ),
            "lrlllll",
        )
    lines += _group_lines("organisation", estate.organisations)
    lines += _group_lines("directorate", estate.directorates)
    lines += _group_lines("programme", estate.programmes)
    for programme in estate.cumulative:
        state = (
            "has a cumulative assessment" if programme.cumulative else "no cumulative assessment"
        )
        lines += [
            "",
            f"Cumulative impact, programme {one_line(programme.programme)!r} "
            f"({programme.proposals} proposals; {state}):",
        ]
        if programme.characteristics:
            lines += _table(
                ("characteristic", "proposals", "negative", "mixed", "documents"),
                (
                    (c.label, c.proposals, c.negative, c.mixed, ", ".join(c.documents))
                    for c in programme.characteristics
                ),
                "lrrrl",
            )
        else:
            lines.append("  No adverse impact recorded.")
    return lines


def _text(view: AuditView, out: IO[str]) -> None:
    out.write(
        f"{'errors':>6} {'warns':>5} {'complete':>8} {'signed':>6} {'review':>10} "
        f"{'status':<9} {'framework':<9} path\n"
    )
    for row in view.rows():
        out.write(_row_line(row))
    totals = view.totals
    out.write(
        f"\n{totals.documents} documents: {totals.failing} failing, "
        f"{totals.complete} fully assessed, {totals.unreadable} unreadable; "
        f"{totals.errors} errors, {totals.warnings} warnings in all.\n"
    )
    count = sum(n for code, n in totals.rule_findings.items() if is_portfolio(code))
    if count:
        out.write(f"\nPortfolio findings ({count}):\n")
        for path, f in view.portfolio():
            if f.waived is None and is_portfolio(f.code):
                out.write("  " + finding_line(path, f).rstrip("\n") + "\n")
    lines: list[str] = []
    lines += _estate_lines(view.estate)
    rules = totals.most_common_rules()
    if rules:
        lines += ["", "Findings by rule:"]
        lines += _table(
            ("code", "name", "documents", "findings"),
            ((code, _rule_name(code), docs, n) for code, docs, n in rules),
            "llrr",
        )
    gaps = totals.most_common_gaps()
    if gaps:
        lines += ["", "Required characteristics not assessed with a reason:"]
        lines += _table(("characteristic", "documents"), gaps, "lr")
    if totals.unreadable_paths:
        lines += ["", "Unreadable files:"]
        lines += [f"  {one_line(path)}" for path in totals.unreadable_paths]
    lines += _baseline_lines(view.baseline)
    lines += _trend_lines(view.trends)
    out.write("\n".join(lines) + "\n")


def _baseline_lines(baseline: Baseline | None) -> list[str]:
    if baseline is None:
        return []
    if baseline.previous_run is None:
        since = "no earlier run is recorded, so every finding is new"
    else:
        as_of = "?" if baseline.previous_as_of is None else baseline.previous_as_of.isoformat()
        since = f"since run {baseline.previous_run} (as of {as_of})"
    lines = ["", f"New findings, {since} ({len(baseline.new)}):"]
    lines += ["  " + finding_line(b.path, b.finding).rstrip("\n") for b in baseline.new]
    if baseline.previous_run is not None:
        lines += ["", f"Resolved findings ({len(baseline.resolved)}):"]
        lines += ["  " + finding_line(b.path, b.finding).rstrip("\n") for b in baseline.resolved]
    return lines


def _trend_lines(trends: tuple[TrendPoint, ...]) -> list[str]:
    if len({t.month for t in trends}) < 2:
        return []  # one month is the table above; a trend needs a history
    return [
        "",
        "Trend by month and directorate (the last run of each month):",
        *_table(
            ("month", "directorate", "documents", "failing", "errors", "warnings", "complete"),
            (
                (
                    t.month,
                    _none(t.directorate),
                    t.documents,
                    t.failing,
                    t.errors,
                    t.warnings,
                    _percent(t.completeness),
                )
                for t in trends
            ),
            "llrrrrr",
        ),
    ]


# --------------------------------------------------------------------------- CSV

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """``text``, prefixed with ``'`` when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return safe_cell(" ".join(str(v) for v in value))
    return safe_cell(str(value))


def _csv_line(values: Iterable[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([_cell(v) for v in values])
    return buffer.getvalue()


def review_state(row: AuditRow, estate: Estate) -> tuple[str, int | None]:
    """``overdue``, ``due`` (within the window) or ``""``, and the days to the review date."""
    if row.review_date is None:
        return "", None
    days = (row.review_date - estate.as_of).days
    if days < 0:
        return "overdue", days
    return ("due" if days <= estate.due_within else ""), days


def _csv(view: AuditView, out: IO[str]) -> None:
    baseline = view.baseline
    extra: tuple[str, ...] = ("review_state", "review_days")
    new: Counter[str] = Counter()
    resolved: Counter[str] = Counter()
    if baseline is not None:
        extra += ("new_findings", "resolved_findings")
        new.update(b.path for b in baseline.new)
        resolved.update(b.path for b in baseline.resolved)
    out.write(_csv_line((*CSV_COLUMNS, *extra)))
    for row in view.rows():
        data = row.to_dict()
        values: list[Any] = [data[column] for column in CSV_COLUMNS]
        values += review_state(row, view.estate)
        if baseline is not None:
            values += [new[row.path], resolved[row.path]]
        out.write(_csv_line(values))


# --------------------------------------------------------------------------- JSON


def _json(view: AuditView, out: IO[str]) -> None:
    """The JSON audit, written document by document (the text ``json.dumps`` of the
    whole object with ``indent=2`` would give)."""
    run = view.run
    stream = JsonStream(
        {
            "audit_version": AUDIT_VERSION,
            "psed_version": run.version,
            "as_of": run.as_of.isoformat(),
            "status": None if run.status is None else run.status.value,
            "documents": [],
        }
    )
    out.write(stream.head())
    for row in view.rows():
        out.write(stream.join((stream.item(row.to_dict()),)))
    late = {
        "totals": view.totals.to_dict(),
        "estate": view.estate.to_dict(),
        "trends": [t.to_dict() for t in view.trends],
        "baseline": None if view.baseline is None else view.baseline.to_dict(),
        "run_id": view.run_id,
    }
    out.write(stream.end(late))


_TEXT_RENDERERS: dict[str, Callable[[AuditView, IO[str]], None]] = {
    "text": _text,
    "csv": _csv,
    "json": _json,
}


def render_audit(fmt: str, view: AuditView, out: IO[str] | IO[bytes]) -> None:
    """Write the audit in ``fmt`` (one of :data:`AUDIT_FORMATS`) to ``out``.

    ``text``, ``csv``, ``json`` and ``html`` write text; ``xlsx`` writes bytes to a
    binary stream. ``html`` and ``xlsx`` need the ``psed[audit]`` extra (ImportError
    naming it otherwise).
    """
    if fmt in _TEXT_RENDERERS:
        _TEXT_RENDERERS[fmt](view, out)  # type: ignore[arg-type]
    elif fmt == "html":
        from psed.output.audit_html import render_html

        render_html(view, out)  # type: ignore[arg-type]
    elif fmt == "xlsx":
        from psed.output.audit_xlsx import render_xlsx

        render_xlsx(view, out)  # type: ignore[arg-type]
    else:
        raise ValueError(f"unknown audit format {fmt!r}; use one of {', '.join(AUDIT_FORMATS)}")
