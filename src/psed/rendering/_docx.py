"""A Word document (.docx) from a layout, with python-docx and Word's own styles.

Headings use Heading 1-3; tables use one table style ("psed Table", based on Word's
"Table Grid") whose header row and row-header column are bold, and every table has a
header row that repeats on every page (a field table's is "Item | Details"). The
document's title, author (the organisation), subject and language are set in its
properties, as Word's accessibility checker expects. Two character styles mark what
is not text: "psed Not given" for an absent value and "psed Character" for a
character Word cannot hold (shown as "U+001B").
The output is deterministic: no creation time, and fixed timestamps in the package.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from psed.rendering._chars import plain, segments
from psed.rendering._labels import label
from psed.rendering._layout import FieldTable, Layout, ListTable, Note, Part, Value, ValueKind

__all__ = [
    "CHARACTER_STYLE",
    "CODE_STYLE",
    "NOT_GIVEN_STYLE",
    "TABLE_STYLE",
    "docx",
]

NOT_GIVEN_STYLE = "psed Not given"
"""The character style of the "not given" wording of an absent value."""
CHARACTER_STYLE = "psed Character"
"""The character style of a character shown as its code point ("U+001B")."""
CODE_STYLE = "psed Code"
"""The character style of a code (a framework id, a characteristic code, a rule)."""
TABLE_STYLE = "psed Table"
"""The table style of every table."""

_FONT = "Arial"
_MONO = "Courier New"
_GREY = (0x50, 0x5A, 0x5F)
_BLACK = (0x0B, 0x0C, 0x0C)
_TEXT_WIDTH_CM = 17.0
_LABEL_WIDTH_CM = 6.0
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def _docx_module() -> Any:
    from psed.rendering import _require

    return _require("docx", "python-docx")


class _Writer:
    def __init__(self, layout: Layout) -> None:
        module = _docx_module()
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Cm, Pt, RGBColor

        self.layout = layout
        self.WD_STYLE_TYPE = WD_STYLE_TYPE
        self.OxmlElement = OxmlElement
        self.qn = qn
        self.Cm, self.Pt, self.RGBColor = Cm, Pt, RGBColor
        self.document = module.Document()

    # ----------------------------------------------------------------- set-up

    def element(self, tag: str, **attributes: str) -> Any:
        el = self.OxmlElement(tag)
        for name, value in attributes.items():
            el.set(self.qn(f"w:{name}"), value)
        return el

    def styles(self) -> None:
        styles = self.document.styles
        normal = styles["Normal"]
        normal.font.name = _FONT
        normal.font.size = self.Pt(11)
        # The document's language, for spelling and for screen readers.
        defaults = styles.element.find(self.qn("w:docDefaults"))
        rpr = defaults.find(self.qn("w:rPrDefault")).find(self.qn("w:rPr"))
        for old in rpr.findall(self.qn("w:lang")):
            rpr.remove(old)
        rpr.append(self.element("w:lang", val=self.layout.lang, eastAsia=self.layout.lang))
        # The template's headings and subtitle are light blue (under 4.5:1 on white).
        for name in ("Heading 1", "Heading 2", "Heading 3", "Subtitle"):
            style = styles[name]
            style.font.name = _FONT
            style.font.color.rgb = self.RGBColor(*(_GREY if name == "Subtitle" else _BLACK))
            style.font.italic = False
        character = self.WD_STYLE_TYPE.CHARACTER
        not_given = styles.add_style(NOT_GIVEN_STYLE, character)
        not_given.font.italic = True
        not_given.font.color.rgb = self.RGBColor(*_GREY)
        for name in (CHARACTER_STYLE, CODE_STYLE):
            style = styles.add_style(name, character)
            style.font.name = _MONO
        table = styles.add_style(TABLE_STYLE, self.WD_STYLE_TYPE.TABLE)
        table.base_style = styles["Table Grid"]
        margins = self.OxmlElement("w:tblCellMar")
        for side, width in (("top", "60"), ("left", "100"), ("bottom", "60"), ("right", "100")):
            margins.append(self.element(f"w:{side}", w=width, type="dxa"))
        table_pr = self.OxmlElement("w:tblPr")
        table_pr.append(margins)
        table.element.append(table_pr)
        for kind in ("firstRow", "firstCol"):
            conditional = self.element("w:tblStylePr", type=kind)
            run = self.OxmlElement("w:rPr")
            run.append(self.OxmlElement("w:b"))
            conditional.append(run)
            if kind == "firstRow":
                cell = self.OxmlElement("w:tcPr")
                cell.append(self.element("w:shd", val="clear", color="auto", fill="F3F2F1"))
                conditional.append(cell)
            table.element.append(conditional)
        # Styles are set by id: python-docx looks a style name up by a scan of all styles.
        self.ids = {
            name: styles[name].style_id
            for name in (
                NOT_GIVEN_STYLE,
                CHARACTER_STYLE,
                CODE_STYLE,
                TABLE_STYLE,
                "List Bullet",
                "Subtitle",
                "Heading 1",
                "Heading 2",
                "Heading 3",
            )
        }

    def run(self, paragraph: Any, text: str, style: str | None = None) -> None:
        run = paragraph.add_run(text)
        if style is not None:
            run._r.style = self.ids[style]

    def paragraph(self, style: str | None = None) -> Any:
        paragraph = self.document.add_paragraph()
        if style is not None:
            paragraph._p.style = self.ids[style]
        return paragraph

    def properties(self) -> None:
        layout = self.layout
        props = self.document.core_properties
        props.title = plain(layout.title)
        props.author = plain(layout.author)
        props.subject = plain(layout.kind)
        props.language = layout.lang
        props.last_modified_by = ""
        props.comments = layout.generator
        props.revision = 1
        core = props._element
        for tag in ("dcterms:created", "dcterms:modified"):
            found = core.find(self.qn(tag))
            if found is not None:
                core.remove(found)

    def page(self) -> None:
        section = self.document.sections[0]
        section.page_width, section.page_height = self.Cm(21.0), self.Cm(29.7)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, self.Cm(2.0))
        section.footer.paragraphs[0].text = self.layout.generator

    # ----------------------------------------------------------------- text

    def runs(self, paragraph: Any, text: str, style: str | None = None) -> None:
        """``text`` as runs: special characters in their own style, the rest in ``style``."""
        for piece, marker in segments(text):
            self.run(paragraph, piece, CHARACTER_STYLE if marker else style)

    def value(self, cell: Any, v: Value) -> None:
        paragraph = cell.paragraphs[0]
        if v.kind is ValueKind.LINES:
            for i, line in enumerate(v.lines):
                target = paragraph if i == 0 else cell.add_paragraph()
                if v.bullets:
                    target._p.style = self.ids["List Bullet"]
                self.inline(target, line)
            return
        self.inline(paragraph, v)

    def inline(self, paragraph: Any, v: Value) -> None:
        if v.kind is ValueKind.NONE:
            self.run(paragraph, v.text, NOT_GIVEN_STYLE)
        elif v.kind is ValueKind.CODE:
            self.runs(paragraph, v.text, CODE_STYLE)
        else:
            self.runs(paragraph, v.text)

    def heading(self, text: str, level: int) -> None:
        paragraph = self.paragraph(f"Heading {level}")
        self.runs(paragraph, text)

    # ----------------------------------------------------------------- tables

    def table(self, headers: tuple[str, ...], caption: str, *, row_headers: bool) -> Any:
        """A table with a header row of ``headers`` that repeats on each page; with
        ``row_headers`` its first column is a column of headers too (a field table)."""
        table = self.document.add_table(rows=1, cols=len(headers))
        table._tbl.tblStyle_val = self.ids[TABLE_STYLE]
        tbl_pr = table._tbl.tblPr
        look = tbl_pr.find(self.qn("w:tblLook"))
        if look is not None:
            tbl_pr.remove(look)
        tbl_pr.append(
            self.element(
                "w:tblLook",
                val="06A0" if row_headers else "0620",
                firstRow="1",
                lastRow="0",
                firstColumn="1" if row_headers else "0",
                lastColumn="0",
                noHBand="1",
                noVBand="1",
            )
        )
        tbl_pr.append(self.element("w:tblCaption", val=plain(caption)))
        header = table.rows[0]
        header._tr.get_or_add_trPr().append(self.OxmlElement("w:tblHeader"))
        for cell, text in zip(header.cells, headers, strict=True):
            cell.paragraphs[0].add_run(text)
        return table

    def fields(self, block: FieldTable) -> None:
        # Word's accessibility checker asks every table for a header row: "Item | Details".
        headers = (label("table.item"), label("table.details"))
        table = self.table(headers, block.caption, row_headers=True)
        table.autofit = False
        widths = (self.Cm(_LABEL_WIDTH_CM), self.Cm(_TEXT_WIDTH_CM - _LABEL_WIDTH_CM))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for cell, width in zip(table.rows[0].cells, widths, strict=True):
            cell.width = width
        for row in block.rows:
            label_cell, value_cell = table.add_row().cells
            label_cell.width, value_cell.width = widths
            label_cell.paragraphs[0].add_run(row.label)
            self.value(value_cell, row.value)

    def items(self, block: ListTable) -> None:
        if not block.rows:
            self.note(Note(text=block.empty, pointer=block.pointer))
            return
        table = self.table(block.columns, block.caption, row_headers=False)
        header = table.rows[0]
        widths = [self.Cm(_TEXT_WIDTH_CM * w) for w in _column_shares(block)]
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for cell, width in zip(header.cells, widths, strict=True):
            cell.width = width
        for row in block.rows:
            for cell, v, width in zip(table.add_row().cells, row.cells, widths, strict=True):
                cell.width = width
                self.value(cell, v)

    def note(self, block: Note) -> None:
        paragraph = self.paragraph()
        if block.absent:
            self.run(paragraph, block.text, NOT_GIVEN_STYLE)
        else:
            self.runs(paragraph, block.text)

    def block(self, block: FieldTable | ListTable | Note) -> None:
        if isinstance(block, FieldTable):
            self.fields(block)
        elif isinstance(block, ListTable):
            self.items(block)
        else:
            self.note(block)

    # ----------------------------------------------------------------- the document

    def write(self) -> bytes:
        self.styles()
        self.properties()
        self.page()
        layout = self.layout
        kind = self.paragraph("Subtitle")
        self.runs(kind, layout.kind)
        self.heading(layout.title, 1)
        for section in layout.sections:
            self.heading(section.heading, 2)
            for item in section.blocks:
                if isinstance(item, Part):
                    self.heading(item.heading, 3)
                    for inner in item.blocks:
                        self.block(inner)
                else:
                    self.block(item)
        buffer = io.BytesIO()
        self.document.save(buffer)
        return _fixed_timestamps(buffer.getvalue())


def _column_shares(block: ListTable) -> list[float]:
    """Each column's share of the page width, by the length of its longest text (a date
    column stays narrow, a column of actions gets the room), within fixed bounds."""
    longest = [len(column) for column in block.columns]
    for row in block.rows:
        for i, v in enumerate(row.cells):
            texts = [line.text for line in v.lines] if v.kind is ValueKind.LINES else [v.text]
            longest[i] = max(longest[i], *(len(t) for t in texts))
    weights = [min(max(n, 12), 60) for n in longest]
    total = sum(weights)
    return [w / total for w in weights]


def _fixed_timestamps(package: bytes) -> bytes:
    """The same package with every member dated 1980-01-01, so equal input gives equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


def docx(layout: Layout) -> bytes:
    """The Word document of ``layout``."""
    return _Writer(layout).write()
