"""The "Quality check" annex: a report's findings, grouped by the section they concern."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from psed.findings import Finding, Report
from psed.rendering._labels import enum_label, finding_message, label
from psed.rendering._layout import (
    FieldTable,
    ListRow,
    ListTable,
    Note,
    Part,
    Place,
    Row,
    Section,
    Value,
    ValueKind,
    format_date,
)

__all__ = ["quality_check"]

_WHOLE = "document"
_COUNTS = (
    ("error", "quality.errors"),
    ("warning", "quality.warnings"),
    ("info", "quality.info"),
    ("waived", "quality.waived"),
)


def _place(pointer: str, where: Mapping[str, Place]) -> Place | None:
    """Where the deepest shown field at or above ``pointer`` is; None for the whole document."""
    while pointer:
        found = where.get(pointer)
        if found is not None:
            return found
        pointer = pointer.rpartition("/")[0]
    return None


def _text(text: str, href: str | None = None) -> Value:
    return Value(kind=ValueKind.TEXT, text=text, href=href)


def _row(finding: Finding, place: Place | None) -> ListRow:
    if place is None:
        where = [_text(label("quality.whole_document"))]
    else:
        where = [_text(place.label, href=f"#{place.anchor}")]
    if finding.pointer:
        where.append(Value(kind=ValueKind.CODE, text=finding.pointer))
    references = tuple(_text(ref) for ref in finding.references) or (
        Value(kind=ValueKind.NONE, text=label("value.none")),
    )
    severity = finding.severity.value
    return ListRow(
        pointer=None,
        cells=(
            Value(kind=ValueKind.CODE, text=finding.code),
            Value(kind=ValueKind.DATA, text=label(f"severity.{severity}"), machine=severity),
            Value(kind=ValueKind.LINES, text="", lines=tuple(where), bullets=False),
            _text(finding_message(finding)),
            Value(kind=ValueKind.LINES, text="", lines=references),
            _text(finding.waived or ""),
        ),
    )


def _summary(report: Report) -> Part:
    counts = report.counts
    rows = tuple(
        Row(
            label=label(label_id),
            value=Value(kind=ValueKind.DATA, text=f"{counts[key]:,}", machine=str(counts[key])),
        )
        for key, label_id in _COUNTS
    )
    heading = label("quality.summary")
    return Part(
        anchor="quality-summary",
        heading=heading,
        pointer=None,
        blocks=(FieldTable(caption=heading, pointer=None, rows=rows),),
    )


def quality_check(
    report: Report, sections: Sequence[Section], where: Mapping[str, Place]
) -> Section:
    """The annex of ``report`` about the document laid out in ``sections``."""
    status = "" if report.status is None else enum_label(report.status)
    intro = Note(
        text=label(
            "quality.intro", version=report.version, as_of=format_date(report.as_of), status=status
        ),
        absent=False,
    )
    notes = [intro]
    if report.law_date is not None and report.law_date_source is not None:
        law = label(f"quality.law_date.{report.law_date_source}", date=format_date(report.law_date))
        notes.append(Note(text=law, absent=False))
    groups: dict[str, list[ListRow]] = {}
    for finding in report.findings:
        place = _place(finding.pointer, where)
        groups.setdefault(_WHOLE if place is None else place.section, []).append(
            _row(finding, place)
        )
    headings = {_WHOLE: label("quality.whole_document")}
    headings.update((s.anchor, s.heading) for s in sections)
    columns = tuple(
        label(f"quality.{key}")
        for key in ("code", "severity", "where", "message", "references", "accepted")
    )
    parts: list[Part] = []
    for anchor in (_WHOLE, *(s.anchor for s in sections)):
        rows = groups.get(anchor)
        if not rows:
            continue
        heading = headings[anchor]
        table = ListTable(
            caption=heading, pointer=None, columns=columns, rows=tuple(rows), empty=""
        )
        parts.append(
            Part(anchor=f"quality-{anchor}", heading=heading, pointer=None, blocks=(table,))
        )
    blocks: tuple[Note | Part, ...]
    if report.findings:
        blocks = (*notes, _summary(report), *parts)
    else:
        blocks = (*notes, Note(text=label("quality.no_findings"), absent=False))
    return Section(anchor="quality", heading=label("section.quality"), blocks=blocks, annex=True)
