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

from psed._i18n import C_, Message, _, label
from psed._i18n_tables import CHARACTERISTIC
from psed.audit import AuditRow, AuditTotals, Baseline
from psed.audit.estate import Estate, GroupTotals, Review, TrendPoint
from psed.findings import Finding
from psed.model import Status
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


def _words(lang: str, *messages: Message) -> tuple[str, ...]:
    """Headings in ``lang``."""
    return tuple(m.text(lang) for m in messages)


def _table(headers: tuple[str, ...], rows: Iterable[tuple[Any, ...]], align: str) -> list[str]:
    """Lines of an aligned table with its header, indented two spaces.

    ``align`` has one letter per column: ``r`` for numbers (right-aligned), ``l`` for
    text; the last column is not padded. Each column is as wide as its heading or its
    widest value, whichever is wider.
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


_STATUS_WIDTH = max(len(s.value) for s in Status)
_DOCUMENT_ALIGN = "rrrrrll"


def _document_columns(lang: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The document table's headings (the path's last) and the widths of the others.

    The table is written a row at a time, so a column is as wide as its heading or the
    widest value it holds (a percentage, ``2/2``, a date, a status), whichever is wider.
    """
    headings = _words(
        lang,
        C_("audit report", "errors"),
        C_("audit report", "warns"),
        C_("audit report", "complete"),
        C_("audit report", "signed"),
        C_("audit report", "review"),
        C_("audit report", "status"),
        C_("audit report", "framework"),
        C_("audit report", "path"),
    )
    values = (0, 0, len("100%"), len("2/2"), len("2026-01-01"), _STATUS_WIDTH, 0)
    widths = tuple(max(len(h), v) for h, v in zip(headings[:-1], values, strict=True))
    return headings, widths


def _document_line(values: tuple[str, ...], widths: tuple[int, ...]) -> str:
    parts = [
        value.rjust(width) if align == "r" else value.ljust(width)
        for value, width, align in zip(values[:-1], widths, _DOCUMENT_ALIGN, strict=True)
    ]
    return " ".join([*parts, values[-1]]) + "\n"


def _row_values(row: AuditRow, lang: str) -> tuple[str, ...]:
    if not row.readable:
        unreadable = C_("audit report", "unreadable").text(lang)
        return (
            str(row.errors),
            str(row.warnings),
            "-",
            "-",
            "-",
            unreadable,
            "-",
            one_line(row.path),
        )
    signed = (
        f"{len(row.signoffs_present)}/{len(row.signoffs_expected)}" if row.framework_known else "?"
    )
    review = "-" if row.review_date is None else row.review_date.isoformat()
    # "?" marks a value the document gives but psed does not know (PSED004, PSED007)
    status = "?" if row.status is None else row.status.value
    framework = one_line(row.framework or "?") + ("" if row.framework_known else "?")
    return (
        str(row.errors),
        str(row.warnings),
        _percent(row.completeness),
        signed,
        review,
        status,
        framework,
        one_line(row.path),
    )


def _none(value: str | None, lang: str) -> str:
    return C_("audit report", "(none)").text(lang) if value is None else value


def _characteristic(english: str, lang: str) -> str:
    """A characteristic's label in ``lang`` (a label psed does not know, as it is)."""
    return label(CHARACTERISTIC, english).text(lang)


def _group_lines(
    title: Message, heading: Message, groups: tuple[GroupTotals, ...], lang: str
) -> list[str]:
    if not groups or all(g.value is None for g in groups):
        return []
    return [
        "",
        title.text(lang),
        *_table(
            _words(
                lang,
                heading,
                C_("audit report", "documents"),
                C_("audit report", "failing"),
                C_("audit report", "errors"),
                C_("audit report", "warnings"),
                C_("audit report", "complete"),
                C_("audit report", "mean"),
                C_("audit report", "reviews overdue"),
                C_("audit report", "actions overdue"),
            ),
            (
                (
                    _none(g.value, lang),
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


def _review_table(reviews: Iterable[Review], days: Message, sign: int, lang: str) -> list[str]:
    """The overdue or due reviews; ``days`` heads the column of ``sign`` times their days."""
    return _table(
        _words(
            lang,
            C_("audit report", "review date"),
            days,
            C_("audit report", "status"),
            C_("audit report", "directorate"),
            C_("audit report", "document"),
        ),
        (
            (
                r.review_date.isoformat(),
                sign * r.days,
                r.status or "?",
                _none(r.directorate, lang),
                r.label,
            )
            for r in reviews
        ),
        "lrlll",
    )


def _estate_lines(estate: Estate, lang: str) -> list[str]:
    lines: list[str] = []
    overdue, due = estate.reviews_overdue, estate.reviews_due
    lines += ["", _("Reviews overdue ({count}):", count=len(overdue)).text(lang)]
    if overdue:
        lines += _review_table(overdue, C_("audit report", "days overdue"), -1, lang)
    heading = _("Reviews due within {days} days ({count}):", days=estate.due_within, count=len(due))
    lines += ["", heading.text(lang)]
    if due:
        lines += _review_table(due, C_("audit report", "days left"), 1, lang)
    heading = _("Actions past their due date ({count}):", count=len(estate.actions))
    lines += ["", heading.text(lang)]
    if estate.actions:
        lines += _table(
            _words(
                lang,
                C_("audit report", "due"),
                C_("audit report", "days overdue"),
                C_("audit report", "status"),
                C_("audit report", "owner"),
                C_("audit report", "document"),
                C_("audit report", "characteristic"),
                C_("audit report", "action"),
            ),
            (
                (
                    a.due.isoformat(),
                    a.days_overdue,
                    a.status,
                    a.owner or C_("audit report", "(no owner)").text(lang),
                    a.label,
                    a.characteristic,
                    a.action,
                )
                for a in estate.actions
            ),
            "lrlllll",
        )
    lines += _group_lines(
        _("By organisation:"), C_("audit report", "organisation"), estate.organisations, lang
    )
    lines += _group_lines(
        _("By directorate:"), C_("audit report", "directorate"), estate.directorates, lang
    )
    lines += _group_lines(
        _("By programme:"), C_("audit report", "programme"), estate.programmes, lang
    )
    for programme in estate.cumulative:
        name = repr(one_line(programme.programme))
        if programme.cumulative:
            heading = _(
                "Cumulative impact, programme {programme} ({proposals} proposals; "
                "has a cumulative assessment):",
                programme=name,
                proposals=programme.proposals,
            )
        else:
            heading = _(
                "Cumulative impact, programme {programme} ({proposals} proposals; "
                "no cumulative assessment):",
                programme=name,
                proposals=programme.proposals,
            )
        lines += ["", heading.text(lang)]
        if programme.characteristics:
            lines += _table(
                _words(
                    lang,
                    C_("audit report", "characteristic"),
                    C_("audit report", "proposals"),
                    C_("audit report", "negative"),
                    C_("audit report", "mixed"),
                    C_("audit report", "documents"),
                ),
                (
                    (
                        _characteristic(c.label, lang),
                        c.proposals,
                        c.negative,
                        c.mixed,
                        ", ".join(c.documents),
                    )
                    for c in programme.characteristics
                ),
                "lrrrl",
            )
        else:
            lines.append("  " + _("No adverse impact recorded.").text(lang))
    return lines


def _text(view: AuditView, out: IO[str]) -> None:
    lang = view.run.lang
    headings, widths = _document_columns(lang)
    out.write(_document_line(headings, widths))
    for row in view.rows():
        out.write(_document_line(_row_values(row, lang), widths))
    totals = view.totals
    summary = _(
        "{documents} documents: {failing} failing, {complete} fully assessed, "
        "{unreadable} unreadable; {errors} errors, {warnings} warnings in all.",
        documents=totals.documents,
        failing=totals.failing,
        complete=totals.complete,
        unreadable=totals.unreadable,
        errors=totals.errors,
        warnings=totals.warnings,
    )
    out.write(f"\n{summary.text(lang)}\n")
    count = sum(n for code, n in totals.rule_findings.items() if is_portfolio(code))
    if count:
        out.write("\n" + _("Portfolio findings ({count}):", count=count).text(lang) + "\n")
        for path, f in view.portfolio():
            if f.waived is None and is_portfolio(f.code):
                out.write("  " + finding_line(path, f, lang=lang).rstrip("\n") + "\n")
    lines: list[str] = []
    lines += _estate_lines(view.estate, lang)
    rules = totals.most_common_rules()
    if rules:
        lines += ["", _("Findings by rule:").text(lang)]
        lines += _table(
            _words(
                lang,
                C_("audit report", "code"),
                C_("audit report", "name"),
                C_("audit report", "documents"),
                C_("audit report", "findings"),
            ),
            ((code, _rule_name(code), docs, n) for code, docs, n in rules),
            "llrr",
        )
    gaps = totals.most_common_gaps()
    if gaps:
        lines += ["", _("Required characteristics not assessed with a reason:").text(lang)]
        lines += _table(
            _words(lang, C_("audit report", "characteristic"), C_("audit report", "documents")),
            gaps,
            "lr",
        )
    if totals.unreadable_paths:
        lines += ["", _("Unreadable files:").text(lang)]
        lines += [f"  {one_line(path)}" for path in totals.unreadable_paths]
    lines += _baseline_lines(view.baseline, lang)
    lines += _trend_lines(view.trends, lang)
    out.write("\n".join(lines) + "\n")


def _baseline_lines(baseline: Baseline | None, lang: str) -> list[str]:
    if baseline is None:
        return []
    if baseline.previous_run is None:
        heading = _(
            "New findings, no earlier run is recorded, so every finding is new ({count}):",
            count=len(baseline.new),
        )
    else:
        as_of = "?" if baseline.previous_as_of is None else baseline.previous_as_of.isoformat()
        heading = _(
            "New findings, since run {run} (as of {as_of}) ({count}):",
            run=baseline.previous_run,
            as_of=as_of,
            count=len(baseline.new),
        )
    lines = ["", heading.text(lang)]
    lines += ["  " + finding_line(b.path, b.finding, lang=lang).rstrip("\n") for b in baseline.new]
    if baseline.previous_run is not None:
        resolved = _("Resolved findings ({count}):", count=len(baseline.resolved))
        lines += ["", resolved.text(lang)]
        lines += [
            "  " + finding_line(b.path, b.finding, lang=lang).rstrip("\n")
            for b in baseline.resolved
        ]
    return lines


def _trend_lines(trends: tuple[TrendPoint, ...], lang: str) -> list[str]:
    if len({t.month for t in trends}) < 2:
        return []  # one month is the table above; a trend needs a history
    return [
        "",
        _("Trend by month and directorate (the last run of each month):").text(lang),
        *_table(
            _words(
                lang,
                C_("audit report", "month"),
                C_("audit report", "directorate"),
                C_("audit report", "documents"),
                C_("audit report", "failing"),
                C_("audit report", "errors"),
                C_("audit report", "warnings"),
                C_("audit report", "complete"),
            ),
            (
                (
                    t.month,
                    _none(t.directorate, lang),
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
