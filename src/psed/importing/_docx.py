"""Read a Word (.docx) file into a :class:`~psed.importing._source.Source`.

python-docx opens the package; the body is then walked in document order, so
paragraphs, tables and content controls come out as they stand in the form.
Tick boxes (check-box content controls, legacy check-box form fields and the
Wingdings box symbols) become ``☒`` / ``☐``. Text still showing a content
control's placeholder ("Click or tap here to enter text.") is flagged, and
deleted tracked changes are left out, inserted ones kept.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from psed.importing._safety import ImportLimits, ImportProblem, check_package
from psed.importing._source import TICKED, UNTICKED, Cell, Location, Paragraph, Source, Table

__all__ = ["read_docx"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT, _SDT_PR = (
    _q("p"),
    _q("tbl"),
    _q("tr"),
    _q("tc"),
    _q("sdt"),
    _q("sdtContent"),
    _q("sdtPr"),
)
_R, _T, _TAB, _BR, _CR, _SYM, _DEL, _INSTR, _FLDCHAR = (
    _q("r"),
    _q("t"),
    _q("tab"),
    _q("br"),
    _q("cr"),
    _q("sym"),
    _q("del"),
    _q("instrText"),
    _q("fldChar"),
)
_VAL = _q("val")

# Wingdings / Wingdings 2 / Segoe UI Symbol code points of box glyphs, as Word stores
# them in w:sym (private-use F0xx).
_SYMBOL_BOXES = {
    "F0A8": UNTICKED,
    "F06F": UNTICKED,
    "F0FE": TICKED,
    "F078": TICKED,
    "F0FD": TICKED,
    "F053": TICKED,
    "F0A3": UNTICKED,
    "F054": TICKED,
    "F052": TICKED,
    "F0A2": UNTICKED,
}
_HEADING = re.compile(r"^(?:heading|titre|überschrift)\s*(\d)$", re.IGNORECASE)


class _Styles:
    """Paragraph and character styles by id: heading level, italics and list numbering."""

    def __init__(self, document: Any) -> None:
        self.by_id: dict[str, Any] = {}
        try:
            for style in document.styles:
                if style.style_id:
                    self.by_id[style.style_id] = style
        except Exception:  # a damaged styles part: read without styles
            self.by_id = {}
        self.formats: dict[tuple[str, str], str] = {}
        try:
            numbering = document.part.numbering_part.element
        except Exception:  # no numbering part: no lists
            numbering = None
        if numbering is not None:
            abstract = {}
            for node in numbering.findall(_q("abstractNum")):
                levels = {}
                for lvl in node.findall(_q("lvl")):
                    fmt = lvl.find(_q("numFmt"))
                    levels[lvl.get(_q("ilvl")) or "0"] = "" if fmt is None else fmt.get(_VAL) or ""
                abstract[node.get(_q("abstractNumId"))] = levels
            for num in numbering.findall(_q("num")):
                ref = num.find(_q("abstractNumId"))
                levels = abstract.get(None if ref is None else ref.get(_VAL), {})
                for ilvl, fmt in levels.items():
                    self.formats[(num.get(_q("numId")) or "", ilvl)] = fmt
        self.counters: dict[tuple[str, str], int] = {}

    def list_prefix(self, props: Any, style_id: str | None) -> str:
        """The bullet or number Word shows before a list paragraph ("• ", "3. "), or ""."""
        num = None if props is None else props.find(_q("numPr"))
        style = self.by_id.get(style_id or "")
        seen = 0
        while num is None and style is not None and seen < 10:
            ppr = style.element.find(_q("pPr"))
            num = None if ppr is None else ppr.find(_q("numPr"))
            style = style.base_style
            seen += 1
        if num is None:
            return ""
        num_id = num.find(_q("numId"))
        ilvl = num.find(_q("ilvl"))
        key = (
            "" if num_id is None else num_id.get(_VAL) or "",
            "0" if ilvl is None else ilvl.get(_VAL) or "0",
        )
        fmt = self.formats.get(key, "")
        if fmt == "bullet":
            return "• "
        if fmt in ("decimal", "decimalZero"):
            self.counters[key] = self.counters.get(key, 0) + 1
            return f"{self.counters[key]}. "
        return ""

    def heading(self, style_id: str | None) -> int:
        style = self.by_id.get(style_id or "")
        seen = 0
        while style is not None and seen < 10:
            name = str(style.name or "")
            if name.lower() == "title":
                return 1
            match = _HEADING.match(name)
            if match:
                return int(match.group(1))
            style = style.base_style
            seen += 1
        return 0

    def italic(self, style_id: str | None) -> bool:
        style = self.by_id.get(style_id or "")
        seen = 0
        while style is not None and seen < 10:
            font = getattr(style, "font", None)
            value = None if font is None else font.italic
            if value is not None:
                return bool(value)
            style = style.base_style
            seen += 1
        return False


def _on(element: Any, tag: str) -> bool | None:
    """The value of a toggle property such as w:i: None when absent."""
    if element is None:
        return None
    prop = element.find(tag)
    if prop is None:
        return None
    value = prop.get(_VAL)
    return value not in ("0", "false", "off")


class _Walker:
    def __init__(self, document: Any) -> None:
        self.styles = _Styles(document)
        self.paragraphs = 0
        self.tables = 0
        self.heading: str | None = None

    # ----------------------------------------------------------------- runs

    def _runs(self, element: Any, placeholder: bool) -> Iterator[tuple[str, bool, bool]]:
        """(text, italic, placeholder) pieces of a paragraph, in order."""
        for child in element:
            tag = child.tag
            if tag == _R:
                yield from self._run(child, placeholder)
            elif tag == _DEL:
                continue
            elif tag == _SDT:
                yield from self._inline_sdt(child, placeholder)
            elif isinstance(tag, str) and tag not in (_q("pPr"),):
                # hyperlinks, tracked insertions, smart tags, fields: their runs count
                yield from self._runs(child, placeholder)

    def _inline_sdt(self, sdt: Any, placeholder: bool) -> Iterator[tuple[str, bool, bool]]:
        props = sdt.find(_SDT_PR)
        shows_placeholder = props is not None and props.find(_q("showingPlcHdr")) is not None
        checkbox = None if props is None else props.find(f"{{{_W14}}}checkbox")
        content = sdt.find(_SDT_CONTENT)
        if checkbox is not None:
            checked = checkbox.find(f"{{{_W14}}}checked")
            value = None if checked is None else checked.get(f"{{{_W14}}}val")
            yield (TICKED if value in ("1", "true") else UNTICKED), False, False
            return
        if content is not None:
            yield from self._runs(content, placeholder or shows_placeholder)

    def _run(self, run: Any, placeholder: bool) -> Iterator[tuple[str, bool, bool]]:
        props = run.find(_q("rPr"))
        italic = _on(props, _q("i"))
        if italic is None and props is not None:
            rstyle = props.find(_q("rStyle"))
            if rstyle is not None:
                italic = self.styles.italic(rstyle.get(_VAL)) or None
        for child in run:
            tag = child.tag
            if tag == _T:
                yield child.text or "", bool(italic), placeholder
            elif tag in (_TAB,):
                yield " ", bool(italic), placeholder
            elif tag in (_BR, _CR):
                yield "\n", bool(italic), placeholder
            elif tag == _SYM:
                char = (child.get(_q("char")) or "").upper()
                box = _SYMBOL_BOXES.get(char if char.startswith("F") else "F0" + char[-2:])
                if box is not None:
                    yield box, False, False
            elif tag == _FLDCHAR:
                ff = child.find(_q("ffData"))
                box = None if ff is None else ff.find(_q("checkBox"))
                if box is not None:
                    checked = box.find(_q("checked"))
                    if checked is None:
                        checked = box.find(_q("default"))
                    on = checked is not None and checked.get(_VAL) not in ("0", "false")
                    yield (TICKED if on else UNTICKED), False, False
            elif tag == _INSTR:
                continue

    # ----------------------------------------------------------------- blocks

    def paragraph(self, p: Any, where: Location, placeholder: bool = False) -> Paragraph | None:
        props = p.find(_q("pPr"))
        style_id = None
        if props is not None:
            pstyle = props.find(_q("pStyle"))
            style_id = None if pstyle is None else pstyle.get(_VAL)
        style_italic = self.styles.italic(style_id)
        text_parts: list[str] = []
        italic_all = True
        placeholder_all = True
        any_text = False
        for text, italic, is_placeholder in self._runs(p, placeholder):
            text_parts.append(text)
            if text.strip():
                any_text = True
                italic_all = italic_all and (italic or style_italic)
                placeholder_all = placeholder_all and is_placeholder
        text = "".join(text_parts)
        if any_text:
            text = self.styles.list_prefix(props, style_id) + text
        heading = self.styles.heading(style_id)
        if props is not None and not heading:
            outline = props.find(_q("outlineLvl"))
            if outline is not None and (outline.get(_VAL) or "").isdigit():
                heading = int(outline.get(_VAL) or "0") + 1
        if not any_text:
            return None
        if heading and where.kind == "paragraph":
            self.heading = text.strip()
        return Paragraph(
            text=text,
            where=where,
            heading=heading,
            italic=italic_all,
            placeholder=placeholder_all,
        )

    def body(self, element: Any) -> Iterator[Paragraph | Table]:
        for child in element:
            tag = child.tag
            if tag == _P:
                self.paragraphs += 1
                para = self.paragraph(
                    child,
                    Location(kind="paragraph", paragraph=self.paragraphs, heading=self.heading),
                )
                if para is not None:
                    yield para
            elif tag == _TBL:
                yield self.table(child)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    yield from self.body(content)
            elif tag == _q("customXml"):
                yield from self.body(child)

    def table(self, tbl: Any) -> Table:
        self.tables += 1
        index = self.tables
        heading = self.heading
        rows: list[tuple[Cell, ...]] = []
        for tr in tbl.iter(_TR):
            if _parent_table(tr) is not tbl:
                continue
            cells: list[Cell] = []
            for tc in _row_cells(tr):
                where = Location(
                    kind="cell",
                    table=index,
                    row=len(rows) + 1,
                    cell=len(cells) + 1,
                    heading=heading,
                )
                props = tc.find(_q("tcPr"))
                span = 1
                if props is not None:
                    grid = props.find(_q("gridSpan"))
                    if grid is not None and (grid.get(_VAL) or "").isdigit():
                        span = max(1, int(grid.get(_VAL) or "1"))
                cells.append(
                    Cell(paragraphs=tuple(self.cell_paragraphs(tc, where)), where=where, span=span)
                )
            rows.append(tuple(cells))
        return Table(rows=tuple(rows), index=index)

    def cell_paragraphs(self, element: Any, where: Location) -> Iterator[Paragraph]:
        """A cell's paragraphs; a table nested in it gives one paragraph per row."""
        for child in element:
            tag = child.tag
            if tag == _P:
                para = self.paragraph(child, where)
                if para is not None:
                    yield para
            elif tag == _TBL:
                for tr in child.iter(_TR):
                    if _parent_table(tr) is not child:
                        continue
                    texts = []
                    italic = True
                    placeholder = True
                    for tc in _row_cells(tr):
                        for para in self.cell_paragraphs(tc, where):
                            texts.append(para.text)
                            italic = italic and para.italic
                            placeholder = placeholder and para.placeholder
                    if texts:
                        yield Paragraph(
                            text=" ".join(texts),
                            where=where,
                            italic=italic,
                            placeholder=placeholder,
                        )
            elif tag == _SDT:
                props = child.find(_SDT_PR)
                shows = props is not None and props.find(_q("showingPlcHdr")) is not None
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    for para in self.cell_paragraphs(content, where):
                        yield para if not shows else _as_placeholder(para)
            elif tag == _q("customXml"):
                yield from self.cell_paragraphs(child, where)


def _as_placeholder(para: Paragraph) -> Paragraph:
    return Paragraph(
        text=para.text,
        where=para.where,
        heading=para.heading,
        italic=para.italic,
        placeholder=True,
    )


def _parent_table(tr: Any) -> Any:
    parent = tr.getparent()
    while parent is not None and parent.tag != _TBL:
        parent = parent.getparent()
    return parent


def _row_cells(tr: Any) -> Iterator[Any]:
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag in (_SDT, _q("customXml")):
            content = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if content is not None:
                yield from (c for c in content if c.tag == _TC)


def _extras(document: Any, walker: _Walker) -> list[Paragraph]:
    """Page header and footer text, once each (every section usually repeats them)."""
    seen: set[str] = set()
    out: list[Paragraph] = []
    for section in document.sections:
        for kind, part in (("header", section.header), ("footer", section.footer)):
            try:
                if part.is_linked_to_previous:
                    continue
                element = part._element
            except Exception:
                continue
            for block in walker.cell_paragraphs(element, Location(kind=kind)):
                key = block.text.strip()
                if key and key not in seen:
                    seen.add(key)
                    out.append(block)
    return out


def _notes(document: Any, walker: _Walker) -> list[Paragraph]:
    """The text of the footnotes and end notes (a form's guidance, usually), each note once."""
    from lxml import etree

    out: list[Paragraph] = []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        if name not in ("/word/footnotes.xml", "/word/endnotes.xml"):
            continue
        kind = "footnote" if "foot" in name else "endnote"
        try:
            root = etree.fromstring(part.blob, parser)
        except etree.XMLSyntaxError:
            continue
        for note in root:
            if note.get(_q("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            for para in walker.cell_paragraphs(note, Location(kind=kind)):
                if para.text.strip():
                    out.append(para)
    return out


def read_docx(path: str, data: bytes, limits: ImportLimits) -> Source:
    """Read a .docx file's bytes (already checked for size and kind)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ImportProblem(
            path, "the file is damaged: it starts like a Word file but is not a valid zip package"
        ) from None
    with archive:
        check_package(path, archive, limits)
        if "word/document.xml" not in archive.namelist() and not any(
            n.endswith("document.xml") for n in archive.namelist()
        ):
            raise ImportProblem(
                path,
                "the file is a zip archive but not a Word document (it has no document "
                "part); only .docx files can be imported this way",
            )
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise ImportProblem(
            path,
            f"the Word document cannot be opened ({type(exc).__name__}); open and re-save "
            "it in Word, then import it again",
        ) from None
    walker = _Walker(document)
    blocks = tuple(walker.body(document.element.body))
    try:
        title = (document.core_properties.title or "").strip() or None
    except Exception:
        title = None
    return Source(
        path=path,
        format="docx",
        blocks=blocks,
        title=title,
        extras=(*_extras(document, walker), *_notes(document, walker)),
    )
