"""Helpers for the render tests: read a rendered HTML page back, walk the model's fields.

``read_html`` is a reader of psed's own rendered layout written only from the layout's
contract (``data-pointer`` on every value, ``<time datetime>`` and ``<data value>``
behind display wording, ``psed-none`` for an absent value, ``psed-char`` for a
character shown as its code point). If it reads a page back into the document it came
from, the page lost nothing.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import types
import typing
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import attrs

from psed import model
from psed.model import Characteristic, Proposal

_INTEGERS = {"customers", "schema_version"}
_BOOLEANS = {"strategic", "chosen", "assessment_appended"}
_CODE_LISTS = re.compile(r"^(/functions|/intersections/\d+/characteristics)$")
_MARKER = re.compile(r"^U\+([0-9A-F]{4,6})$")


class _PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, Any] = {}
        self.absent: set[str] = set()
        self.rows: set[str] = set()
        self.cell: str | None = None
        self.pieces: list[str] = []
        self.machine: str | None = None
        self.none = False
        self.in_marker = False
        self.marker = ""

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs_ = dict(attributes)
        pointer = attrs_.get("data-pointer")
        classes = (attrs_.get("class") or "").split()
        if tag == "td" and pointer is not None:
            self.cell, self.pieces, self.machine, self.none = pointer, [], None, False
        elif tag == "tr" and pointer is not None:
            self.rows.add(pointer)
        elif tag == "p" and pointer is not None and "psed-none" in classes:
            self.absent.add(pointer)
        elif self.cell is not None:
            if tag == "span" and "psed-none" in classes:
                self.none = True
            elif tag == "span" and "psed-char" in classes:
                self.in_marker, self.marker = True, ""
            elif tag == "time":
                self.machine = attrs_["datetime"]
            elif tag == "data":
                self.machine = attrs_["value"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.in_marker:
            found = _MARKER.match(self.marker)
            assert found, self.marker
            self.pieces.append(chr(int(found.group(1), 16)))
            self.in_marker = False
        elif tag == "td" and self.cell is not None:
            text = "".join(self.pieces)
            if self.none:
                self.values[self.cell] = ("none", None)
            elif self.machine is not None:
                self.values[self.cell] = ("machine", self.machine)
            else:
                self.values[self.cell] = ("text", text)
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.in_marker:
            self.marker += data
        elif self.cell is not None and not self.none:
            self.pieces.append(data)


def pointers(page: str) -> set[str]:
    """Every pointer a page shows a value, an item or an absent object or list at."""
    reader = _PageReader()
    reader.feed(page)
    reader.close()
    return set(reader.values) | reader.absent | reader.rows


def _leaf(pointer: str, kind: str, raw: Any) -> Any:
    name = pointer.rsplit("/", 1)[-1]
    if _CODE_LISTS.match(pointer):
        return [] if kind == "none" else raw.split(", ")
    if kind == "none":
        return [] if name in _LISTS else None
    if kind == "machine" and name in _INTEGERS:
        return int(raw)
    if kind == "machine" and name in _BOOLEANS:
        return {"true": True, "false": False}[raw]
    return raw


def _tokens(pointer: str) -> list[str]:
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]


def _set(tree: dict[str, Any], pointer: str, value: Any) -> None:
    tokens = _tokens(pointer)
    node: Any = tree
    for i, token in enumerate(tokens):
        last = i == len(tokens) - 1
        nxt: Any = value if last else ([] if tokens[i + 1].isdigit() else {})
        if isinstance(node, list):
            index = int(token)
            while len(node) <= index:
                node.append(None)
            if last or node[index] is None:
                node[index] = nxt
            node = node[index]
        else:
            if last or token not in node:
                node[token] = nxt
            node = node[token]


def read_html(page: str) -> dict[str, Any]:
    """The document tree a rendered HTML page shows (by pointer, in the layout's terms)."""
    reader = _PageReader()
    reader.feed(page)
    reader.close()
    tree: dict[str, Any] = {}
    for pointer in sorted(reader.absent, key=lambda p: len(_tokens(p))):
        # An object shown as "not given" is null; a list shown as "none recorded" is empty.
        is_list = pointer.rsplit("/", 1)[-1] in _LISTS
        _set(tree, pointer, [] if is_list else None)
    for pointer in sorted(reader.rows, key=lambda p: len(_tokens(p))):
        _set(tree, pointer, {})
    for pointer, (kind, raw) in reader.values.items():
        _set(tree, pointer, _leaf(pointer, kind, raw))
    return tree


# --------------------------------------------------------------------------- the model


def _document_classes() -> Iterator[type]:
    seen: list[type] = []
    todo: list[type] = [Proposal]
    while todo:
        cls = todo.pop(0)
        if cls in seen:
            continue
        seen.append(cls)
        yield cls
        hints = typing.get_type_hints(cls, vars(model))
        for field in attrs.fields(cls):
            for inner in _inner_types(hints[field.name]):
                if attrs.has(inner):
                    todo.append(inner)


def _inner_types(tp: Any) -> Iterator[Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType, tuple):
        for arg in typing.get_args(tp):
            if arg is not Ellipsis:
                yield from _inner_types(arg)
    else:
        yield tp


def model_fields() -> set[tuple[str, str]]:
    """(class, field) for every document field of every class a Proposal can hold."""
    found = set()
    for cls in _document_classes():
        for field in attrs.fields(cls):
            if field.metadata.get("document", True):
                found.add((cls.__name__, field.name))
    return found


def set_fields(obj: Any) -> Iterator[tuple[str, str]]:
    """(class, field) for every field of ``obj`` and the objects in it that holds a value
    (an absent value or an empty list does not count)."""
    if not attrs.has(type(obj)):
        return
    for field in attrs.fields(type(obj)):
        if not field.metadata.get("document", True):
            continue
        value = getattr(obj, field.name)
        if value is not None and value != ():
            yield type(obj).__name__, field.name
        if isinstance(value, tuple):
            for item in value:
                yield from set_fields(item)
        elif attrs.has(type(value)) and not isinstance(value, Characteristic):
            yield from set_fields(value)
    if isinstance(obj, Proposal):
        for entry in obj.impacts:
            yield from set_fields(entry.characteristic)


_LISTS = {
    "evidence",
    "engagement",
    "alternatives",
    "impacts",
    "intersections",
    "contributors",
    "related",
    "characteristics",
    "waivers",
    "mitigations",
}


# --------------------------------------------------------------------------- Word


def _labels_of(cls_name: str) -> dict[str, str]:
    """Label text -> field name, for the fields of one class as a rendered table shows them."""
    from psed.rendering._labels import LABELS

    prefix = f"field.{cls_name}."
    return {text: key[len(prefix) :] for key, text in LABELS.items() if key.startswith(prefix)}


def _section_ids() -> dict[str, str]:
    from psed.rendering._labels import LABELS

    return {
        text: key.split(".", 1)[1] for key, text in LABELS.items() if key.startswith("section.")
    }


def _part_ids() -> dict[str, str]:
    from psed.rendering._labels import LABELS

    return {
        text: key.split(".", 1)[1] for key, text in LABELS.items() if key.startswith("subsection.")
    }


_MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
}  # fmt: skip


def _docx_cell(paragraphs: list[Any]) -> tuple[str, str]:
    """("none", "") for a value shown as not given, else ("text", the text decoded)."""
    out = []
    for paragraph in paragraphs:
        for run in paragraph.runs:
            style = run.style.name if run.style is not None else ""
            if style == "psed Not given":
                return "none", ""
            if style == "psed Character":
                found = _MARKER.match(run.text)
                assert found, run.text
                out.append(chr(int(found.group(1), 16)))
            else:
                out.append(run.text)
    return "text", "".join(out)


def _typed(cls: type, name: str, kind: str, text: str) -> Any:
    """A cell's text as the tree holds the field ``name`` of ``cls``."""
    hint = typing.get_type_hints(cls, vars(model))[name]
    inner = [t for t in _inner_types(hint) if t is not type(None)]
    if typing.get_origin(hint) is tuple or (inner and inner[0] is Characteristic):
        if kind == "none":
            return [] if typing.get_origin(hint) is tuple else None
        if typing.get_origin(hint) is tuple:
            return text.split(", ")
        return text
    if kind == "none":
        return None
    tp = inner[0]
    if tp is bool:
        return {"Yes": True, "No": False}[text]
    if tp is int:
        return int(text.replace(",", ""))
    if tp is dt.date:
        day, month, year = text.split(" ")
        return dt.date(int(year), _MONTHS[month], int(day)).isoformat()
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        by_label = {m.label: m.value for m in tp}  # type: ignore[attr-defined]
        return by_label[text]
    return text


def _contexts() -> dict[tuple[str, str | None], tuple[type, str, str]]:
    """(section, subsection) -> (the class shown there, its pointer, root | object | list)."""
    m = model
    return {
        ("proposal", None): (m.Proposal, "", "root"),
        ("screening", None): (m.Screening, "/screening", "object"),
        ("service_profile", None): (m.ServiceProfile, "/service_profile", "object"),
        ("summary", None): (m.Proposal, "", "root"),
        ("impacts", None): (m.ImpactEntry, "/impacts", "list"),
        ("impacts", "intersections"): (m.Intersection, "/intersections", "list"),
        ("action_plan", None): (m.Mitigation, "/impacts", "actions"),
        ("evidence", None): (m.Evidence, "/evidence", "list"),
        ("engagement", None): (m.Engagement, "/engagement", "list"),
        ("alternatives", None): (m.Alternative, "/alternatives", "list"),
        ("decision", None): (m.Decision, "/decision", "object"),
        ("decision", "report"): (m.DecisionReport, "/decision/report", "object"),
        ("signoff", "responsible"): (m.SignOff, "/responsible", "object"),
        ("signoff", "approver"): (m.SignOff, "/approver", "object"),
        ("signoff", "contributors"): (m.Contributor, "/contributors", "list"),
        ("review", None): (m.Proposal, "", "root"),
        ("related", None): (m.RelatedAssessment, "/related", "list"),
        ("characteristics", None): (m.Characteristic, "/characteristics", "list"),
        ("waivers", None): (m.Waiver, "/waivers", "list"),
        ("about", None): (m.Proposal, "", "root"),
    }


def read_docx(data: bytes) -> dict[str, Any]:
    """The document tree a rendered Word file shows, read by headings, labels and styles."""
    import io

    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    sections, parts, contexts = _section_ids(), _part_ids(), _contexts()
    from psed.rendering._labels import LABELS

    aims_labels, absent_aims = _labels_of("Aims"), LABELS["absent.aims"]
    tree: dict[str, Any] = {}
    section: str | None = None
    part: str | None = None
    entry = -1
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            style = paragraph.style.name if paragraph.style is not None else ""
            if style == "Heading 2":
                section, part = sections.get(paragraph.text), None
            elif style == "Heading 3":
                if section == "impacts" and paragraph.text not in parts:
                    entry, part = int(paragraph.text.split(".", 1)[0]) - 1, "entry"
                else:
                    part = parts.get(paragraph.text)
            elif section not in (None, "quality") and _docx_cell([paragraph])[0] == "none":
                cls, pointer, shape = contexts[(section, part)]
                if shape == "object":
                    _set(tree, pointer, None)
                elif shape == "list":
                    _set(tree, pointer, [])
            continue
        if tag != "tbl" or section in (None, "quality"):
            continue
        table = Table(child, document)
        if part == "entry":
            cls, pointer, shape = model.ImpactEntry, f"/impacts/{entry}", "object"
        else:
            cls, pointer, shape = contexts[(section, part)]
        if section == "impacts" and part is None:
            continue  # the overview, derived from the entries
        labels = _labels_of(cls.__name__)
        if shape in ("root", "object"):
            for row in table.rows[1:]:  # the header row is "Item | Details"
                label_text = row.cells[0].text
                kind, text = _docx_cell(row.cells[1].paragraphs)
                if label_text == absent_aims:
                    _set(tree, f"{pointer}/aims", None)
                elif label_text in aims_labels and cls is model.ImpactEntry:
                    name = aims_labels[label_text]
                    _set(tree, f"{pointer}/aims/{name}", _typed(model.Aims, name, kind, text))
                else:
                    name = labels[label_text]
                    if name in ("label", "actions"):
                        continue  # derived: the characteristic's label, the action texts
                    _set(tree, f"{pointer}/{name}", _typed(cls, name, kind, text))
            continue
        header, *rows = table.rows
        names = [labels.get(cell.text) for cell in header.cells]
        counts: dict[int, int] = {}
        for i, row in enumerate(rows):
            item: dict[str, Any] = {}
            target = f"{pointer}/{i}"
            for column, cell in zip(names, row.cells, strict=True):
                kind, text = _docx_cell(cell.paragraphs)
                if column == "impact":  # the action plan's "For impact": the entry's number
                    number = int(text.split(".", 1)[0]) - 1
                    counts[number] = counts.get(number, -1) + 1
                    target = f"/impacts/{number}/mitigations/{counts[number]}"
                elif column is not None and column != "labels":
                    item[column] = _typed(cls, column, kind, text)
            _set(tree, target, item)
    return tree
