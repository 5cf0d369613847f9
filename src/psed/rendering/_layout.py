"""The layout of a rendered assessment: its sections, tables and values, in publishing order.

One layout serves every format: the HTML and Markdown templates and the Word writer
walk the same :class:`Layout`, so the formats cannot disagree about what is shown or
where. The layout is built from the model alone (no I/O) and is deterministic: the same
Proposal gives the same layout.

Every document field is shown, and each value keeps what is needed to read it back: a
text exactly as written, a date or code behind its display wording, and a distinct
"not given" marker for an absent value (so ``None`` and ``""`` differ). Values shown
only to help a reader (a characteristic's label beside its code, the action texts in
an impact entry) carry no pointer: they are derived from fields shown elsewhere.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

import attrs

from psed.catalogue import default_catalogue
from psed.findings import Report
from psed.model import Characteristic, ImpactEntry, Proposal
from psed.rendering._labels import (
    characteristic_label,
    enum_label,
    framework_label,
    label,
    language,
)

__all__ = [
    "CODE_FIELDS",
    "SHOWN",
    "FieldTable",
    "Layout",
    "ListRow",
    "ListTable",
    "Note",
    "Part",
    "Place",
    "Row",
    "Section",
    "Value",
    "ValueKind",
    "build",
    "format_date",
]


class ValueKind(str, enum.Enum):
    """How a value is shown and how it reads back."""

    TEXT = "text"
    """Free text, shown exactly as written."""
    CODE = "code"
    """A code shown as written (a framework id, a characteristic code, a rule code)."""
    DATE = "date"
    """A date in words; :attr:`Value.machine` holds it as YYYY-MM-DD."""
    DATA = "data"
    """An enumeration label, a number or yes/no; :attr:`Value.machine` holds the code."""
    NONE = "none"
    """No value: the text is the "not given" wording, in a style of its own."""
    LINES = "lines"
    """Several texts, one a line (derived for the reader, such as the actions of an entry)."""


@attrs.frozen(kw_only=True)
class Value:
    """One value as a rendered document shows it."""

    kind: ValueKind
    text: str
    """What a reader sees."""
    pointer: str | None = None
    """The JSON Pointer of the field shown; None for text derived from other fields."""
    machine: str | None = None
    """For dates, YYYY-MM-DD; for data, the code, the number or ``true``/``false``."""
    href: str | None = None
    """A link target: a web address given in the document, or an anchor in the page."""
    lines: tuple[Value, ...] = ()
    """For :attr:`ValueKind.LINES`, the lines."""
    bullets: bool = True
    """For :attr:`ValueKind.LINES`, whether the lines are shown as a bulleted list."""


@attrs.frozen(kw_only=True)
class Row:
    """One row of a field table: the field's label and its value."""

    label: str
    value: Value


@attrs.frozen(kw_only=True)
class FieldTable:
    """The fields of one object, one row each (label in a row header)."""

    block: ClassVar[str] = "fields"
    caption: str
    pointer: str | None
    """The object's pointer; None for a table derived from the document (the annex's)."""
    rows: tuple[Row, ...]


@attrs.frozen(kw_only=True)
class ListRow:
    """One item of a list, one value a column."""

    pointer: str | None
    cells: tuple[Value, ...]


@attrs.frozen(kw_only=True)
class ListTable:
    """A list of objects: a header row of column labels and one row per item.

    A list with no items is shown as its :attr:`empty` sentence instead of a table.
    """

    block: ClassVar[str] = "list"
    caption: str
    pointer: str | None
    columns: tuple[str, ...]
    rows: tuple[ListRow, ...]
    empty: str


@attrs.frozen(kw_only=True)
class Note:
    """A sentence in place of a table: an object not given, or a plain paragraph."""

    block: ClassVar[str] = "note"
    text: str
    pointer: str | None = None
    absent: bool = True
    """True when the note stands for a value that is not given (its own style)."""


Block = FieldTable | ListTable | Note


@attrs.frozen(kw_only=True)
class Part:
    """A subsection (a third-level heading) with its blocks."""

    block: ClassVar[str] = "part"
    anchor: str
    heading: str
    pointer: str | None
    blocks: tuple[Block, ...]


@attrs.frozen(kw_only=True)
class Section:
    """A section (a second-level heading) with its blocks and subsections."""

    anchor: str
    heading: str
    blocks: tuple[Block | Part, ...]
    annex: bool = False
    """True for the quality check, which is about the document and not part of it."""


@attrs.frozen(kw_only=True)
class Layout:
    """A whole rendered assessment."""

    lang: str
    """The BCP 47 language tag of the text (``en-GB``)."""
    title: str
    """The main heading: the proposal's name."""
    kind: str
    """What the document is, from its framework ("Equality and Safety Impact Assessment")."""
    page_title: str
    author: str
    """The organisation, or "" when the document does not name one."""
    generator: str
    sections: tuple[Section, ...]
    where: dict[str, Place] = attrs.field(factory=dict, eq=False, repr=False)
    """Where each pointer of the document is shown."""


@attrs.frozen
class Place:
    """Where a field is shown: its label, and the anchors of its subsection and section."""

    label: str
    anchor: str
    section: str


# --------------------------------------------------------------------------- what is shown

SHOWN: dict[str, tuple[str, ...]] = {
    "Proposal.about": (
        "name",
        "id",
        "organisation",
        "directorate",
        "programme",
        "version",
        "description",
        "framework",
        "level",
        "strategic",
        "functions",
        "status",
        "published",
    ),
    "Screening": ("outcome", "date", "rationale"),
    "Proposal.summary": ("impact_summary", "positive_impacts"),
    "Proposal.review": ("review_date",),
    "Proposal.document": ("schema_version",),
    "ServiceProfile": ("description", "customers"),
    "ImpactEntry.head": ("characteristic", "group", "impact"),
    "ImpactEntry.details": ("details",),
    "ImpactEntry.tail": ("justification", "monitoring"),
    "Intersection": ("characteristics", "details"),
    "Aims": ("eliminate", "advance", "foster"),
    "Mitigation": ("action", "owner", "due", "status", "monitoring"),
    "Evidence": ("source", "kind", "summary", "date", "area", "url"),
    "Engagement": ("audience", "method", "date", "end", "summary", "changes"),
    "Alternative": ("option", "chosen", "reason"),
    "Decision": ("outcome", "justification", "date", "maker", "duty_statement"),
    "DecisionReport": ("title", "ref", "date", "url", "assessment_appended"),
    "SignOff": ("name", "role", "date"),
    "Contributor": ("name", "role"),
    "RelatedAssessment": ("id", "relation", "title"),
    "Characteristic": ("code", "label", "description"),
    "Waiver": ("rule", "pointer", "reason", "approved_by", "expires"),
}
"""The fields each table shows, in order (``Class`` or ``Class.part`` for the root's parts).

The root's object and list fields (``service_profile``, ``impacts``, ...) each have a
section or subsection of their own; ``ImpactEntry.aims`` and ``mitigations`` are shown
in the entry's table and the action plan, ``Decision.report`` in a subsection of the
decision.
"""

CODE_FIELDS = frozenset(
    {
        "Proposal.framework",
        "Proposal.functions",
        "ImpactEntry.characteristic",
        "Intersection.characteristics",
        "Characteristic.code",
        "Waiver.rule",
        "Waiver.pointer",
    }
)
"""Fields whose value is a code, shown as written in a code style."""

_LINK = re.compile(r"https?://[^\s<>\"'`\\\x00-\x1f\x7f-\x9f]+")
"""A web address that is safe to link to: http or https, no spaces, quotes or controls."""


def format_date(value: _dt.date) -> str:
    """A date in words, such as "18 November 2021"."""
    return label("value.date", day=value.day, month=label(f"month.{value.month}"), year=value.year)


def _value(raw: Any, pointer: str, *, code: bool = False, link: bool = False) -> Value:
    """One field's value as shown (the type of the value decides how)."""
    if raw is None:
        return Value(kind=ValueKind.NONE, text=label("value.not_given"), pointer=pointer)
    if isinstance(raw, bool):
        return Value(
            kind=ValueKind.DATA,
            text=label("value.yes" if raw else "value.no"),
            pointer=pointer,
            machine="true" if raw else "false",
        )
    if isinstance(raw, enum.Enum):
        coded: Any = raw  # the model's enumerations carry their display label
        return Value(
            kind=ValueKind.DATA, text=enum_label(coded), pointer=pointer, machine=raw.value
        )
    if isinstance(raw, int):
        return Value(kind=ValueKind.DATA, text=f"{raw:,}", pointer=pointer, machine=str(raw))
    if isinstance(raw, _dt.date):
        return Value(
            kind=ValueKind.DATE, text=format_date(raw), pointer=pointer, machine=raw.isoformat()
        )
    if isinstance(raw, Characteristic):
        return Value(kind=ValueKind.CODE, text=raw.code, pointer=pointer)
    if isinstance(raw, tuple):
        # A list of codes (lower snake case, so a comma never occurs in one).
        if not raw:
            return Value(kind=ValueKind.NONE, text=label("value.none"), pointer=pointer)
        codes = [item.code if isinstance(item, Characteristic) else str(item) for item in raw]
        return Value(kind=ValueKind.CODE, text=", ".join(codes), pointer=pointer)
    text = str(raw)
    href = text if link and _LINK.fullmatch(text) else None
    return Value(
        kind=ValueKind.CODE if code else ValueKind.TEXT, text=text, pointer=pointer, href=href
    )


def _derived(text: str, href: str | None = None) -> Value:
    return Value(kind=ValueKind.TEXT, text=text, href=href)


def _absent(text: str, pointer: str | None) -> Value:
    return Value(kind=ValueKind.NONE, text=text, pointer=pointer)


class _Builder:
    """Builds the layout of one Proposal and records where each pointer is shown."""

    def __init__(self, proposal: Proposal, *, indexing: bool) -> None:
        self.proposal = proposal
        self.indexing = indexing
        self.where: dict[str, Place] = {}
        self.anchor = ""
        self.section_anchor = ""

    def place(self, pointer: str, text: str, *, replace: bool = True, **values: Any) -> None:
        """Record that ``pointer`` is shown here, labelled ``text`` (a label id when
        ``values`` fill its placeholders). Only a quality check annex needs the record."""
        if not self.indexing or (not replace and pointer in self.where):
            return
        shown = label(text, **values) if values else text
        self.where[pointer] = Place(shown, self.anchor, self.section_anchor)

    # ----------------------------------------------------------------- building blocks

    def note(self, heading: str, label_id: str, pointer: str, *, absent: bool = True) -> Note:
        self.place(pointer, heading)
        return Note(text=label(label_id), pointer=pointer, absent=absent)

    def rows(
        self, obj: Any, cls: str, pointer: str, names: Sequence[str], context: str | None = None
    ) -> tuple[Row, ...]:
        rows = []
        for name in names:
            key = f"{cls.split('.')[0]}.{name}"
            text = label(f"field.{key}")
            field_pointer = f"{pointer}/{name}"
            if context is None:
                self.place(field_pointer, text)
            else:
                self.place(field_pointer, "place.field", context=context, field=text)
            value = _value(
                getattr(obj, name),
                field_pointer,
                code=key in CODE_FIELDS,
                link=name == "url",
            )
            rows.append(Row(label=text, value=value))
        return tuple(rows)

    def fields(
        self, caption: str, obj: Any, cls: str, pointer: str, absent: str | None = None
    ) -> Block:
        """The field table of ``obj``, or the ``absent`` note when it is None."""
        if obj is None:
            assert absent is not None
            return self.note(caption, absent, pointer)
        self.place(pointer, caption, replace=False)
        return FieldTable(
            caption=caption, pointer=pointer, rows=self.rows(obj, cls, pointer, SHOWN[cls])
        )

    def items(
        self, caption: str, items: Iterable[Any], cls: str, pointer: str, empty: str
    ) -> ListTable:
        """A list table of ``items``, one column per shown field."""
        names = SHOWN[cls]
        columns = tuple(label(f"field.{cls}.{name}") for name in names)
        self.place(pointer, caption)
        rows = []
        for i, item in enumerate(items):
            row_pointer = f"{pointer}/{i}"
            self.place(row_pointer, "place.item", context=caption, number=i + 1)
            cells = []
            for name, column in zip(names, columns, strict=True):
                cell_pointer = f"{row_pointer}/{name}"
                self.place(
                    cell_pointer, "place.item_field", context=caption, number=i + 1, field=column
                )
                key = f"{cls}.{name}"
                cells.append(
                    _value(
                        getattr(item, name),
                        cell_pointer,
                        code=key in CODE_FIELDS,
                        link=name == "url",
                    )
                )
            rows.append(ListRow(pointer=row_pointer, cells=tuple(cells)))
        return ListTable(
            caption=caption,
            pointer=pointer,
            columns=columns,
            rows=tuple(rows),
            empty=label(empty),
        )

    def section(self, anchor: str, blocks: Any) -> Section:
        """A section whose blocks are built by ``blocks()`` under this anchor."""
        self.anchor = self.section_anchor = anchor
        heading = label(f"section.{anchor}")
        return Section(anchor=anchor, heading=heading, blocks=tuple(blocks(heading)))

    # ----------------------------------------------------------------- sections

    def about(self, heading: str) -> Iterable[Block]:
        p = self.proposal
        yield self.fields(heading, p, "Proposal.about", "")

    def screening(self, heading: str) -> Iterable[Block]:
        yield self.fields(
            heading, self.proposal.screening, "Screening", "/screening", "absent.screening"
        )

    def service_profile(self, heading: str) -> Iterable[Block]:
        p = self.proposal
        yield self.fields(
            heading,
            p.service_profile,
            "ServiceProfile",
            "/service_profile",
            "absent.service_profile",
        )

    def summary(self, heading: str) -> Iterable[Block]:
        yield self.fields(heading, self.proposal, "Proposal.summary", "")

    def impacts(self, heading: str) -> Iterable[Block | Part]:
        entries = self.proposal.impacts
        self.place("/impacts", heading)
        if not entries:
            yield Note(text=label("empty.impacts"), pointer="/impacts")
        else:
            yield self.overview(entries)
            for i, entry in enumerate(entries):
                yield self.entry(i, entry)
        yield self.intersections()

    def intersections(self) -> Part:
        """Where characteristics combine: their labels (for the reader), codes and details."""
        heading = label("subsection.intersections")
        self.anchor = "intersections"
        table = self.items(
            heading,
            self.proposal.intersections,
            "Intersection",
            "/intersections",
            "empty.intersections",
        )
        labels = tuple(
            _derived(", ".join(characteristic_label(c.label) for c in item.characteristics))
            for item in self.proposal.intersections
        )
        rows = tuple(
            attrs.evolve(row, cells=(text, *row.cells))
            for row, text in zip(table.rows, labels, strict=True)
        )
        columns = (label("field.Intersection.labels"), *table.columns)
        table = attrs.evolve(table, rows=rows, columns=columns)
        part = Part(
            anchor="intersections", heading=heading, pointer="/intersections", blocks=(table,)
        )
        self.anchor = self.section_anchor
        return part

    def overview(self, entries: Sequence[ImpactEntry]) -> ListTable:
        """The impact table at a glance: each entry (its heading names the group) and its impact."""
        rows = []
        for i, entry in enumerate(entries):
            impact = entry.impact
            rows.append(
                ListRow(
                    pointer=None,
                    cells=(
                        _derived(_entry_heading(i, entry), href=f"#{_entry_anchor(i)}"),
                        Value(kind=ValueKind.DATA, text=enum_label(impact), machine=impact.value),
                    ),
                )
            )
        return ListTable(
            caption=label("subsection.overview"),
            pointer=None,
            columns=(label("field.ImpactEntry.label"), label("field.ImpactEntry.impact")),
            rows=tuple(rows),
            empty=label("empty.impacts"),
        )

    def entry(self, i: int, entry: ImpactEntry) -> Part:
        """One impact entry: a subsection with the entry's field table."""
        pointer = f"/impacts/{i}"
        heading = _entry_heading(i, entry)
        previous, self.anchor = self.anchor, _entry_anchor(i)
        self.place(pointer, heading)
        if entry.aims is None:
            self.place(
                f"{pointer}/aims", "place.field", context=heading, field=label("absent.aims")
            )
            value = _absent(label("value.not_given"), f"{pointer}/aims")
            aims: tuple[Row, ...] = (Row(label=label("absent.aims"), value=value),)
        else:
            aims = self.rows(entry.aims, "Aims", f"{pointer}/aims", SHOWN["Aims"], heading)
        actions_label = label("field.ImpactEntry.actions")
        self.place(f"{pointer}/mitigations", "place.field", context=heading, field=actions_label)
        if entry.mitigations:
            # The actions in full (owner, due date, progress) are in the action plan.
            lines = tuple(_derived(m.action) for m in entry.mitigations)
            actions = Value(kind=ValueKind.LINES, text="", lines=lines)
        else:
            actions = _absent(label("empty.actions"), f"{pointer}/mitigations")
        rows = (
            Row(
                label=label("field.ImpactEntry.label"),
                value=_derived(characteristic_label(entry.characteristic.label)),
            ),
            *self.rows(entry, "ImpactEntry", pointer, SHOWN["ImpactEntry.head"], heading),
            *aims,
            *self.rows(entry, "ImpactEntry", pointer, SHOWN["ImpactEntry.details"], heading),
            Row(label=actions_label, value=actions),
            *self.rows(entry, "ImpactEntry", pointer, SHOWN["ImpactEntry.tail"], heading),
        )
        self.anchor = previous
        table = FieldTable(caption=heading, pointer=pointer, rows=rows)
        return Part(anchor=_entry_anchor(i), heading=heading, pointer=pointer, blocks=(table,))

    def action_plan(self, heading: str) -> Iterable[Block]:
        names = SHOWN["Mitigation"]
        columns = (
            label("field.Mitigation.impact"),
            *(label(f"field.Mitigation.{name}") for name in names),
        )
        rows = []
        for i, entry in enumerate(self.proposal.impacts):
            for j, mitigation in enumerate(entry.mitigations):
                pointer = f"/impacts/{i}/mitigations/{j}"
                context = _entry_heading(i, entry)
                self.place(pointer, "place.action", context=context, number=j + 1)
                cells = [_derived(context, href=f"#{_entry_anchor(i)}")]
                for name, column in zip(names, columns[1:], strict=True):
                    self.place(
                        f"{pointer}/{name}",
                        "place.action_field",
                        context=context,
                        number=j + 1,
                        field=column,
                    )
                    cells.append(_value(getattr(mitigation, name), f"{pointer}/{name}"))
                rows.append(ListRow(pointer=pointer, cells=tuple(cells)))
        yield ListTable(
            caption=heading,
            pointer=None,
            columns=columns,
            rows=tuple(rows),
            empty=label("empty.action_plan"),
        )

    def evidence(self, heading: str) -> Iterable[Block]:
        yield self.items(heading, self.proposal.evidence, "Evidence", "/evidence", "empty.evidence")

    def engagement(self, heading: str) -> Iterable[Block]:
        yield self.items(
            heading, self.proposal.engagement, "Engagement", "/engagement", "empty.engagement"
        )

    def alternatives(self, heading: str) -> Iterable[Block]:
        yield self.items(
            heading,
            self.proposal.alternatives,
            "Alternative",
            "/alternatives",
            "empty.alternatives",
        )

    def decision(self, heading: str) -> Iterable[Block | Part]:
        decision = self.proposal.decision
        yield self.fields(heading, decision, "Decision", "/decision", "absent.decision")
        if decision is not None:
            title = label("subsection.report")
            self.anchor = "report"
            table = self.fields(
                title, decision.report, "DecisionReport", "/decision/report", "absent.report"
            )
            yield Part(anchor="report", heading=title, pointer="/decision/report", blocks=(table,))

    def signoff(self, heading: str) -> Iterable[Block | Part]:
        for slot in ("responsible", "approver"):
            title = label(f"subsection.{slot}")
            self.anchor = slot
            signoff = getattr(self.proposal, slot)
            table = self.fields(title, signoff, "SignOff", f"/{slot}", f"absent.{slot}")
            yield Part(anchor=slot, heading=title, pointer=f"/{slot}", blocks=(table,))
        title = label("subsection.contributors")
        self.anchor = "contributors"
        table = self.items(
            title, self.proposal.contributors, "Contributor", "/contributors", "empty.contributors"
        )
        yield Part(anchor="contributors", heading=title, pointer="/contributors", blocks=(table,))

    def review(self, heading: str) -> Iterable[Block]:
        yield self.fields(heading, self.proposal, "Proposal.review", "")

    def related(self, heading: str) -> Iterable[Block]:
        yield self.items(
            heading, self.proposal.related, "RelatedAssessment", "/related", "empty.related"
        )

    def characteristics(self, heading: str) -> Iterable[Block]:
        yield self.items(
            heading,
            self.proposal.characteristics,
            "Characteristic",
            "/characteristics",
            "empty.characteristics",
        )

    def waivers(self, heading: str) -> Iterable[Block]:
        yield self.items(heading, self.proposal.waivers, "Waiver", "/waivers", "empty.waivers")

    def about_document(self, heading: str) -> Iterable[Block]:
        yield self.fields(heading, self.proposal, "Proposal.document", "")

    def sections(self) -> tuple[Section, ...]:
        return (
            self.section("proposal", self.about),
            self.section("screening", self.screening),
            self.section("service_profile", self.service_profile),
            self.section("summary", self.summary),
            self.section("impacts", self.impacts),
            self.section("action_plan", self.action_plan),
            self.section("evidence", self.evidence),
            self.section("engagement", self.engagement),
            self.section("alternatives", self.alternatives),
            self.section("decision", self.decision),
            self.section("signoff", self.signoff),
            self.section("review", self.review),
            self.section("related", self.related),
            self.section("characteristics", self.characteristics),
            self.section("waivers", self.waivers),
            self.section("about", self.about_document),
        )


def _entry_anchor(index: int) -> str:
    return f"impact-{index + 1}"


def _entry_heading(index: int, entry: ImpactEntry) -> str:
    if entry.group is None:
        return label(
            "impact.heading",
            number=index + 1,
            characteristic=characteristic_label(entry.characteristic.label),
        )
    return label(
        "impact.heading_group",
        number=index + 1,
        characteristic=characteristic_label(entry.characteristic.label),
        group=entry.group,
    )


def build(proposal: Proposal, findings: Report | None = None, lang: str = "en") -> Layout:
    """The layout of one assessment, with the quality check annex when given ``findings``.

    ``lang`` is ``en``, ``cy`` (Welsh) or ``both`` (each label in Welsh, then English).
    """
    with language(lang):
        return _build(proposal, findings, lang)


_LANG_TAGS = {"en": "en-GB", "cy": "cy", "both": "cy"}
"""The BCP 47 tag of each rendering language (a bilingual document is Welsh first)."""


def _build(proposal: Proposal, findings: Report | None, lang: str) -> Layout:
    from psed import __version__

    builder = _Builder(proposal, indexing=findings is not None)
    sections = builder.sections()
    if findings is not None:
        from psed.rendering._annex import quality_check

        sections = (*sections, quality_check(findings, sections, builder.where))
    framework = default_catalogue().framework(proposal.framework)
    kind = framework_label(framework.label) if framework is not None else label("document.kind")
    title = proposal.name if proposal.name.strip() else label("document.untitled")
    return Layout(
        lang=_LANG_TAGS[lang],
        title=title,
        kind=kind,
        page_title=label("document.page_title", name=title, kind=kind),
        author=proposal.organisation or "",
        generator=label("document.generator", version=__version__),
        sections=sections,
        where=builder.where,
    )
