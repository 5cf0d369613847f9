"""Read psed's own rendered layout (``psed render``) back into the document, losslessly.

A page or Word file psed rendered shows every field, each value in a form that reads
back exactly: text as written, dates and codes behind their display wording, a
"Not given" marker in a style of its own for an absent value, and special characters
as their code points. So this reader needs no guessing:

- HTML: every value cell carries the field's JSON Pointer (``data-pointer``), dates
  ``<time datetime>``, enumerations and numbers ``<data value>``;
- Word: the sections and subsections are headings, each object a two-column field
  table whose labels name the fields, each list a table with a header row, and each
  impact entry's number is in its heading (the action plan names the entry by it).

The wording (section headings, field labels, month names) is the renderer's own,
read from :mod:`psed.rendering`, so the reader cannot drift from the writer. The
quality-check annex, when there is one, is not document data and is left out.
"""

from __future__ import annotations

import enum
import io
import re
from collections.abc import Iterator
from typing import Any

from psed._reading.fields import CLASS_SPECS, FieldSpec, Kind
from psed._reading.pointer import split
from psed.importing._safety import ImportProblem
from psed.model import Proposal

__all__ = ["read_psed_docx", "read_psed_html"]

_MARKER = re.compile(r"U\+([0-9A-F]{4,6})")


def _labels() -> dict[str, str]:
    from psed.rendering._labels import LABELS

    return dict(LABELS)


def _field(pointer: str) -> FieldSpec | None:
    """The field a pointer names, following the field table from the root."""
    cls: type | None = Proposal
    field: FieldSpec | None = None
    for token in split(pointer):
        if token.isdigit() and field is not None and field.kind is Kind.LIST:
            continue
        spec = CLASS_SPECS.get(cls) if cls is not None else None
        if spec is None or token not in spec.by_name:
            return None
        field = spec.by_name[token]
        cls = field.cls
    return field


def _enum_code(field: FieldSpec, shown: str) -> str:
    assert field.enum is not None
    for member in field.enum:
        coded: Any = member
        if coded.label == shown or member.value == shown:
            return str(member.value)
    return shown


def _date(shown: str, months: dict[str, int]) -> str:
    found = re.fullmatch(r"(\d{1,2}) (\w+) (\d+)", shown.strip())
    if found is None or found.group(2) not in months:
        return shown
    return f"{int(found.group(3)):04d}-{months[found.group(2)]:02d}-{int(found.group(1)):02d}"


def _months(labels: dict[str, str]) -> dict[str, int]:
    return {labels[f"month.{n}"]: n for n in range(1, 13)}


def _typed(field: FieldSpec | None, text: str, machine: str | None, labels: dict[str, str]) -> Any:
    """A shown value as the document holds it, by the kind of its field."""
    if field is None:
        return text
    kind = field.kind
    if kind is Kind.LIST:
        return [] if text == labels["value.none"] else text.split(", ")
    if machine is not None:
        if kind is Kind.INTEGER:
            return int(machine)
        if machine in ("true", "false") and kind not in (Kind.TEXT, Kind.ENUM):
            return machine == "true"
        return machine
    if kind is Kind.INTEGER:
        return int(text.replace(",", ""))
    if kind is Kind.DATE:
        return _date(text, _months(labels))
    if kind is Kind.ENUM:
        return _enum_code(field, text)
    if kind is Kind.BOOLEAN:
        return text == labels["value.yes"]
    if text in (labels["value.yes"], labels["value.no"]) and kind not in (
        Kind.TEXT,
        Kind.FRAMEWORK,
        Kind.CHARACTERISTIC_REF,
    ):
        return text == labels["value.yes"]
    return text


def _put(tree: dict[str, Any], pointer: str, value: Any) -> None:
    tokens = split(pointer)
    node: Any = tree
    for i, token in enumerate(tokens):
        last = i == len(tokens) - 1
        following: Any = value if last else ([] if tokens[i + 1].isdigit() else {})
        if isinstance(node, list):
            index = int(token)
            while len(node) <= index:
                node.append({})
            if last:
                node[index] = following
            node = node[index]
        else:
            if last or token not in node or node[token] is None:
                node[token] = following
            node = node[token]


def _list_pointer(pointer: str) -> bool:
    field = _field(pointer)
    return field is not None and field.kind is Kind.LIST


# --------------------------------------------------------------------------- HTML


def read_psed_html(path: str, data: bytes) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The document tree a rendered page shows, and (pointer, its heading) for each value."""
    import lxml.html

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except Exception as exc:
        raise ImportProblem(path, f"the page cannot be read as HTML ({exc})") from None
    labels = _labels()
    tree: dict[str, Any] = {}
    where: list[tuple[str, str]] = []
    for annex in root.xpath("//*[@data-annex]"):
        annex.getparent().remove(annex)
    absent = root.xpath('//p[contains(concat(" ", @class, " "), " psed-none ")][@data-pointer]')
    for element in sorted(absent, key=lambda e: len(split(e.get("data-pointer")))):
        pointer = element.get("data-pointer")
        _put(tree, pointer, [] if _list_pointer(pointer) else None)
    for row in root.xpath("//tr[@data-pointer]"):
        _put(tree, row.get("data-pointer"), {})
    for cell in root.xpath("//td[@data-pointer]"):
        pointer = cell.get("data-pointer")
        classes = {c for e in cell.iter() for c in (e.get("class") or "").split()}
        field = _field(pointer)
        if "psed-none" in classes:
            value: Any = [] if field is not None and field.kind is Kind.LIST else None
        else:
            machine = None
            for tag, attribute in (("time", "datetime"), ("data", "value")):
                found = cell.find(f".//{tag}")
                if found is not None:
                    machine = found.get(attribute)
            value = _typed(field, _html_text(cell), machine, labels)
        _put(tree, pointer, value)
        headings = cell.xpath("preceding::*[self::h2 or self::h3][1]")
        where.append((pointer, " ".join(headings[0].text_content().split()) if headings else ""))
    return tree, where


def _html_text(cell: Any) -> str:
    """A value cell's text: markers of special characters turned back into the characters."""
    pieces: list[str] = []

    def walk(element: Any) -> None:
        classes = (element.get("class") or "").split()
        if "psed-char" in classes:
            found = _MARKER.fullmatch(element.text_content().strip())
            pieces.append(chr(int(found.group(1), 16)) if found else element.text_content())
        else:
            if element.text:
                pieces.append(element.text)
            for child in element:
                walk(child)
                if child.tail:
                    pieces.append(child.tail)

    walk(cell)
    return "".join(pieces)


# --------------------------------------------------------------------------- Word


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# Where each table of the layout belongs, by (section, subsection) of the headings it
# stands under: field tables give one object's fields, list tables one item a row.
_FIELD_TABLES: dict[tuple[str, str], tuple[str, str]] = {
    ("proposal", ""): ("", "Proposal"),
    ("screening", ""): ("/screening", "Screening"),
    ("service_profile", ""): ("/service_profile", "ServiceProfile"),
    ("summary", ""): ("", "Proposal"),
    ("impacts", "entry"): ("/impacts/{entry}", "ImpactEntry"),
    ("decision", ""): ("/decision", "Decision"),
    ("decision", "report"): ("/decision/report", "DecisionReport"),
    ("signoff", "responsible"): ("/responsible", "SignOff"),
    ("signoff", "approver"): ("/approver", "SignOff"),
    ("review", ""): ("", "Proposal"),
    ("about", ""): ("", "Proposal"),
}
_LIST_TABLES: dict[tuple[str, str], tuple[str, str | None]] = {
    ("action_plan", ""): ("Mitigation", None),  # each row names its entry by number
    ("impacts", "intersections"): ("Intersection", "/intersections"),
    ("evidence", ""): ("Evidence", "/evidence"),
    ("engagement", ""): ("Engagement", "/engagement"),
    ("alternatives", ""): ("Alternative", "/alternatives"),
    ("signoff", "contributors"): ("Contributor", "/contributors"),
    ("related", ""): ("RelatedAssessment", "/related"),
    ("characteristics", ""): ("Characteristic", "/characteristics"),
    ("waivers", ""): ("Waiver", "/waivers"),
}
_NOTES: dict[str, str] = {
    "absent.screening": "/screening",
    "absent.service_profile": "/service_profile",
    "absent.decision": "/decision",
    "absent.report": "/decision/report",
    "absent.responsible": "/responsible",
    "absent.approver": "/approver",
    "empty.intersections": "/intersections",
    "empty.evidence": "/evidence",
    "empty.engagement": "/engagement",
    "empty.alternatives": "/alternatives",
    "empty.contributors": "/contributors",
    "empty.related": "/related",
    "empty.characteristics": "/characteristics",
    "empty.waivers": "/waivers",
}
_DERIVED = frozenset({"impact", "labels"})
"""Columns shown for the reader only: the action plan's entry, an intersection's labels."""


class _DocxReader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.labels = _labels()
        self.styles = {s.style_id: s.name for s in document.styles}
        self.sections = {
            v: k.split(".", 1)[1] for k, v in self.labels.items() if k.startswith("section.")
        }
        self.subsections = {
            v: k.split(".", 1)[1] for k, v in self.labels.items() if k.startswith("subsection.")
        }
        self.notes = {v: k for k, v in self.labels.items() if k.startswith(("absent.", "empty."))}
        self.fields: dict[str, dict[str, str]] = {}
        for key, text in self.labels.items():
            if key.startswith("field."):
                _, cls, name = key.split(".", 2)
                self.fields.setdefault(cls, {})[text] = name
        self.tree: dict[str, Any] = {}
        self.where: list[tuple[str, str]] = []
        self.heading = ""
        """The heading the table being read stands under, for the report."""

    def style_name(self, element: Any, props_tag: str, style_tag: str) -> str:
        props = element.find(_W + props_tag)
        style = None if props is None else props.find(_W + style_tag)
        style_id = None if style is None else style.get(_W + "val")
        return str(self.styles.get(style_id, style_id or ""))

    def paragraph_value(self, paragraph: Any) -> tuple[str, bool]:
        """A paragraph's text (markers decoded) and whether it is the "not given" marker."""
        pieces: list[str] = []
        not_given = False
        for run in paragraph.iter(_W + "r"):
            style = self.style_name(run, "rPr", "rStyle")
            text = ""
            for child in run:
                if child.tag == _W + "t":
                    text += child.text or ""
                elif child.tag == _W + "tab":
                    text += "\t"
                elif child.tag in (_W + "br", _W + "cr"):
                    text += "\n"
            if style == "psed Not given":
                not_given = True
            elif style == "psed Character":
                found = _MARKER.fullmatch(text.strip())
                pieces.append(chr(int(found.group(1), 16)) if found else text)
            else:
                pieces.append(text)
        return "".join(pieces), not_given

    def cell_value(self, cell: Any, pointer: str) -> Any:
        paragraphs = cell.findall(_W + "p")
        field = _field(pointer)
        texts = [self.paragraph_value(p) for p in paragraphs]
        if any(not_given for _, not_given in texts):
            return [] if field is not None and field.kind is Kind.LIST else None
        text = "\n".join(t for t, _ in texts)
        return _typed(field, text, None, self.labels)

    def blocks(self) -> Iterator[Any]:
        body = self.document.element.body
        for child in body:
            if child.tag in (_W + "p", _W + "tbl"):
                yield child

    def read(self) -> dict[str, Any]:
        section = ""
        subsection = ""
        entry = -1
        for element in self.blocks():
            if element.tag == _W + "p":
                style = self.style_name(element, "pPr", "pStyle")
                text, not_given = self.paragraph_value(element)
                if style in ("Heading 2", "Heading 3"):
                    self.heading = text
                if style == "Heading 2":
                    section = self.sections.get(text, "")
                    subsection = ""
                    if section == "quality":
                        break
                elif style == "Heading 3":
                    subsection = self.subsections.get(text, "")
                    number = re.match(r"(\d+)\. ", text)
                    if section == "impacts" and number:
                        entry = int(number.group(1)) - 1
                        subsection = "entry"
                elif not_given and text in self.notes:
                    self.note(self.notes[text])
                continue
            self.table(element, section, subsection, entry)
        return self.tree

    def note(self, key: str) -> None:
        """An absent object (null) or an empty list, shown as a "not given" note."""
        pointer = _NOTES.get(key)
        if pointer is not None:
            _put(self.tree, pointer, [] if key.startswith("empty.") else None)

    def table(self, tbl: Any, section: str, subsection: str, entry: int) -> None:
        rows = tbl.findall(_W + "tr")
        if not rows:
            return
        # where it stands says what it is: a field table ("Item | Details" heads it, and no
        # row of it is labelled so) or a list table whose header row names its columns
        if (section, subsection) in _LIST_TABLES:
            self.list_table(rows, section, subsection)
            return
        owner = _FIELD_TABLES.get((section, subsection))
        if owner is None:
            return
        base, cls = owner
        base = base.format(entry=entry)
        names = self.fields.get(cls, {})
        aims = self.fields.get("Aims", {})
        for row in rows:
            cells = row.findall(_W + "tc")
            if len(cells) != 2:
                continue
            label = "\n".join(self.paragraph_value(p)[0] for p in cells[0].findall(_W + "p"))
            if cls == "ImpactEntry" and label in aims:
                pointer = f"{base}/aims/{aims[label]}"
            elif cls == "ImpactEntry" and label == self.labels["absent.aims"]:
                pointer = f"{base}/aims"
            elif label in names and names[label] not in ("label", "actions"):
                pointer = f"{base}/{names[label]}"
            else:
                continue
            if pointer.endswith("/aims"):
                _put(self.tree, pointer, None)
            else:
                _put(self.tree, pointer, self.cell_value(cells[1], pointer))
            self.where.append((pointer, self.heading))

    def list_table(self, rows: list[Any], section: str, subsection: str) -> None:
        target = _LIST_TABLES.get((section, subsection))
        if target is None:
            return
        cls, base = target
        names = self.fields.get(cls, {})
        columns = [
            "\n".join(self.paragraph_value(p)[0] for p in cell.findall(_W + "p"))
            for cell in rows[0].findall(_W + "tc")
        ]
        counts: dict[int, int] = {}
        for i, row in enumerate(rows[1:]):
            cells = row.findall(_W + "tc")
            item_base = f"{base}/{i}" if base is not None else None
            if item_base is None:
                # the action plan: the "For impact" column names the entry by its number
                first = self.paragraph_value(cells[0].find(_W + "p"))[0]
                number = re.match(r"(\d+)\.", first)
                if number is None:
                    continue
                index = int(number.group(1)) - 1
                n = counts.get(index, 0)
                counts[index] = n + 1
                item_base = f"/impacts/{index}/mitigations/{n}"
            _put(self.tree, item_base, {})
            for column, cell in zip(columns, cells, strict=False):
                name = names.get(column)
                if name is None or name in _DERIVED:
                    continue
                pointer = f"{item_base}/{name}"
                _put(self.tree, pointer, self.cell_value(cell, pointer))
                self.where.append((pointer, self.heading))


def read_psed_docx(path: str, data: bytes) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The document tree a rendered Word file shows, and (pointer, place) for each value."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise ImportProblem(
            path, f"the Word document cannot be opened ({type(exc).__name__})"
        ) from None
    reader = _DocxReader(document)
    return reader.read(), reader.where


assert isinstance(Kind.ENUM, enum.Enum)
