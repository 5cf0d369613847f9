"""The estate workbook: ``psed audit --format xlsx -o estate.xlsx`` (needs ``psed[audit]``).

One sheet each for documents, findings, rules, characteristics, actions and reviews,
then the totals by organisation, directorate and programme, the cumulative impact of
each programme, the trends, and with ``--baseline`` the new and resolved findings.
Every sheet has a bold header row, a filter on it and frozen panes (the header row
and the first column stay in view); dates are real dates, counts real numbers.

No cell is ever a formula: every text is written as a text cell, and one that starts
with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is also marked with
Excel's quote prefix, the mark Excel itself sets when a person types ``'=...``, so it
stays text when the cell is edited. A control character a workbook cannot hold is
written as an escape such as ``\\x01``, as the text report shows it. The workbook is
written in openpyxl's write-only mode, row by row, so its memory does not grow with
the number of documents.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from psed._i18n import C_, Message, label
from psed._i18n_tables import CHARACTERISTIC, RULE_SUMMARY
from psed.audit.estate import GroupTotals
from psed.output.audit import CSV_COLUMNS, AuditView
from psed.output.text import pointer_text, severity_name

__all__ = ["FORMULA_START", "SHEETS", "render_xlsx"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""Text starting with one of these is marked with the quote prefix."""

SHEETS = (
    "documents",
    "findings",
    "rules",
    "characteristics",
    "actions",
    "reviews",
    "totals",
    "cumulative",
    "trends",
)
"""The sheets of every workbook, in order (``new findings`` and ``resolved findings``
follow with a baseline), as an English workbook names them; a Welsh one (``--lang cy``)
gives every sheet name, heading and word in Welsh."""

_BOLD = Font(bold=True)

_WORDS: dict[str, Message] = {
    str(m): m
    for m in (
        # sheets
        C_("audit workbook", "documents"),
        C_("audit workbook", "findings"),
        C_("audit workbook", "rules"),
        C_("audit workbook", "characteristics"),
        C_("audit workbook", "actions"),
        C_("audit workbook", "reviews"),
        C_("audit workbook", "totals"),
        C_("audit workbook", "cumulative"),
        C_("audit workbook", "trends"),
        C_("audit workbook", "new findings"),
        C_("audit workbook", "resolved findings"),
        # the documents sheet's columns, as the CSV names them
        C_("audit workbook", "path"),
        C_("audit workbook", "id"),
        C_("audit workbook", "name"),
        C_("audit workbook", "organisation"),
        C_("audit workbook", "directorate"),
        C_("audit workbook", "programme"),
        C_("audit workbook", "level"),
        C_("audit workbook", "framework"),
        C_("audit workbook", "framework_known"),
        C_("audit workbook", "status"),
        C_("audit workbook", "readable"),
        C_("audit workbook", "ok"),
        C_("audit workbook", "errors"),
        C_("audit workbook", "warnings"),
        C_("audit workbook", "info"),
        C_("audit workbook", "waived"),
        C_("audit workbook", "required"),
        C_("audit workbook", "assessed"),
        C_("audit workbook", "completeness"),
        C_("audit workbook", "not_assessed"),
        C_("audit workbook", "signoffs_expected"),
        C_("audit workbook", "signoffs_present"),
        C_("audit workbook", "review_date"),
        C_("audit workbook", "superseded"),
        C_("audit workbook", "adverse"),
        C_("audit workbook", "actions_overdue"),
        C_("audit workbook", "sha256"),
        C_("audit workbook", "codes"),
        # the other sheets' columns
        C_("audit workbook", "pointer"),
        C_("audit workbook", "code"),
        C_("audit workbook", "severity"),
        C_("audit workbook", "default severity"),
        C_("audit workbook", "characteristic"),
        C_("audit workbook", "message"),
        C_("audit workbook", "summary"),
        C_("audit workbook", "label"),
        C_("audit workbook", "negative"),
        C_("audit workbook", "not assessed"),
        C_("audit workbook", "document"),
        C_("audit workbook", "action"),
        C_("audit workbook", "owner"),
        C_("audit workbook", "due"),
        C_("audit workbook", "days overdue"),
        C_("audit workbook", "review date"),
        C_("audit workbook", "days"),
        C_("audit workbook", "overdue"),
        C_("audit workbook", "by"),
        C_("audit workbook", "value"),
        C_("audit workbook", "failing"),
        C_("audit workbook", "fully assessed"),
        C_("audit workbook", "mean completeness"),
        C_("audit workbook", "reviews overdue"),
        C_("audit workbook", "actions overdue"),
        C_("audit workbook", "proposals in programme"),
        C_("audit workbook", "cumulative assessment"),
        C_("audit workbook", "proposals"),
        C_("audit workbook", "mixed"),
        C_("audit workbook", "month"),
        # values
        C_("audit workbook", "yes"),
        C_("audit workbook", "no"),
    )
}
"""Every sheet name, column heading and word of the workbook, by its English."""


def _word(english: str, lang: str) -> str:
    """A sheet name, heading or word of the workbook in ``lang``."""
    return _WORDS[english].text(lang)


class _Sheet:
    """A write-only sheet with a bold, filtered, frozen header row."""

    def __init__(
        self, book: Workbook, title: str, headers: Sequence[str], lang: str = "en"
    ) -> None:
        """A sheet called ``title`` with ``headers``, both given in English and written
        in ``lang``."""
        self.lang = lang
        self.sheet: WriteOnlyWorksheet = book.create_sheet(_word(title, lang))
        headers = [_word(h, lang) for h in headers]
        self.sheet.freeze_panes = "B2"
        self.columns = len(headers)
        self.rows = 0
        widths = [max(10, min(60, len(h) + 4)) for h in headers]
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        header = []
        for text in headers:
            cell = WriteOnlyCell(self.sheet, value=text)
            cell.font = _BOLD
            header.append(cell)
        self.sheet.append(header)

    def add(self, values: Iterable[Any]) -> None:
        self.sheet.append([self._cell(value) for value in values])
        self.rows += 1

    def _cell(self, value: Any) -> Any:
        if isinstance(value, bool):
            return _word("yes" if value else "no", self.lang)
        if value is None or isinstance(value, (int, float)):
            return value
        if isinstance(value, _dt.date):
            midnight = _dt.datetime(value.year, value.month, value.day)
            cell = WriteOnlyCell(self.sheet, value=midnight)
            cell.number_format = "yyyy-mm-dd"
            return cell
        if isinstance(value, (list, tuple)):
            value = " ".join(str(v) for v in value)
        # characters a workbook cannot hold (most C0 controls) are shown as escapes
        text = ILLEGAL_CHARACTERS_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))
        cell = WriteOnlyCell(self.sheet, value=text)
        cell.data_type = "s"  # a text cell, never a formula, whatever it starts with
        if cell.value and str(cell.value).startswith(FORMULA_START):
            cell.quotePrefix = True
        return cell

    def close(self) -> None:
        last = get_column_letter(self.columns)
        # write-only sheets have a filter, though the type stubs do not say so
        sheet: Any = self.sheet
        sheet.auto_filter.ref = f"A1:{last}{self.rows + 1}"


def _groups(sheet: _Sheet, kind: str, groups: Iterable[GroupTotals]) -> None:
    for g in groups:
        sheet.add(
            (
                _word(kind, sheet.lang),
                g.value,
                g.documents,
                g.failing,
                g.errors,
                g.warnings,
                g.complete,
                None if g.completeness is None else round(g.completeness, 4),
                g.reviews_overdue,
                g.actions_overdue,
            )
        )


_FINDING_HEADERS = (
    "path",
    "pointer",
    "code",
    "name",
    "severity",
    "default severity",
    "characteristic",
    "message",
    "waived",
)


def _finding_row(path: str, f: Any, lang: str) -> tuple[Any, ...]:
    return (
        path,
        pointer_text(f.pointer),
        f.code,
        f.name,
        severity_name(f.severity, lang),
        severity_name(f.default_severity, lang),
        f.characteristic,
        f.message,
        f.waived,
    )


def render_xlsx(view: AuditView, out: IO[bytes]) -> None:
    """Write the workbook of one audit to the binary stream ``out``."""
    book = Workbook(write_only=True)
    lang = view.run.lang
    documents = _Sheet(book, "documents", CSV_COLUMNS, lang)
    for row in view.rows():
        data = row.to_dict()
        data["review_date"] = row.review_date
        documents.add(data[column] for column in CSV_COLUMNS)
    documents.close()

    findings = _Sheet(book, "findings", _FINDING_HEADERS, lang)
    for path, f in view.findings():
        findings.add(_finding_row(path, f, lang))
    findings.close()

    from psed.rules._registry import lookup

    rules = _Sheet(book, "rules", ("code", "name", "documents", "findings", "summary"), lang)
    for code, docs, n in view.totals.most_common_rules():
        rule = lookup(code)
        summary = None if rule is None else label(RULE_SUMMARY, rule.summary).text(lang)
        rules.add((code, "?" if rule is None else rule.name, docs, n, summary))
    rules.close()

    gaps = dict(view.totals.most_common_gaps())
    characteristics = _Sheet(
        book,
        "characteristics",
        ("characteristic", "label", "documents", "adverse", "negative", "not assessed"),
        lang,
    )
    listed = set()
    for c in view.estate.characteristics:
        listed.add(c.characteristic)
        characteristics.add(
            (
                c.characteristic,
                label(CHARACTERISTIC, c.label).text(lang),
                c.documents,
                c.adverse,
                c.negative,
                gaps.get(c.characteristic, 0),
            )
        )
    for code, count in gaps.items():
        if code not in listed:
            characteristics.add((code, None, 0, 0, 0, count))
    characteristics.close()

    actions = _Sheet(
        book,
        "actions",
        (
            "path",
            "document",
            "directorate",
            "pointer",
            "characteristic",
            "action",
            "owner",
            "due",
            "status",
            "days overdue",
        ),
        lang,
    )
    for a in view.estate.actions:
        actions.add(
            (
                a.path,
                a.label,
                a.directorate,
                pointer_text(a.pointer),
                a.characteristic,
                a.action,
                a.owner,
                a.due,
                a.status,
                a.days_overdue,
            )
        )
    actions.close()

    reviews = _Sheet(
        book,
        "reviews",
        ("path", "document", "directorate", "status", "review date", "days", "overdue"),
        lang,
    )
    for r in view.estate.reviews:
        reviews.add((r.path, r.label, r.directorate, r.status, r.review_date, r.days, r.overdue))
    reviews.close()

    totals = _Sheet(
        book,
        "totals",
        (
            "by",
            "value",
            "documents",
            "failing",
            "errors",
            "warnings",
            "fully assessed",
            "mean completeness",
            "reviews overdue",
            "actions overdue",
        ),
        lang,
    )
    _groups(totals, "organisation", view.estate.organisations)
    _groups(totals, "directorate", view.estate.directorates)
    _groups(totals, "programme", view.estate.programmes)
    totals.close()

    cumulative = _Sheet(
        book,
        "cumulative",
        (
            "programme",
            "proposals in programme",
            "cumulative assessment",
            "characteristic",
            "label",
            "proposals",
            "negative",
            "mixed",
            "documents",
        ),
        lang,
    )
    for programme in view.estate.cumulative:
        for impact in programme.characteristics:
            cumulative.add(
                (
                    programme.programme,
                    programme.proposals,
                    programme.cumulative,
                    impact.characteristic,
                    label(CHARACTERISTIC, impact.label).text(lang),
                    impact.proposals,
                    impact.negative,
                    impact.mixed,
                    ", ".join(impact.documents),
                )
            )
    cumulative.close()

    trends = _Sheet(
        book,
        "trends",
        ("month", "directorate", "documents", "failing", "errors", "warnings", "completeness"),
        lang,
    )
    for t in view.trends:
        trends.add(
            (
                t.month,
                t.directorate,
                t.documents,
                t.failing,
                t.errors,
                t.warnings,
                None if t.completeness is None else round(t.completeness, 4),
            )
        )
    trends.close()

    if view.baseline is not None:
        for title, items in (
            ("new findings", view.baseline.new),
            ("resolved findings", view.baseline.resolved),
        ):
            sheet = _Sheet(book, title, _FINDING_HEADERS, lang)
            for b in items:
                sheet.add(_finding_row(b.path, b.finding, lang))
            sheet.close()
    book.save(out)
