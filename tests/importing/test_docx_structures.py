"""Word structures that wrap a form's text: content controls, custom XML, nested tables."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from psed.importing import ImportProblem, import_file, read_source
from psed.importing._mapping import pieces_of
from psed.importing._source import Table

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _cell(inner: str) -> str:
    return f"<w:tc>{inner}</w:tc>"


def _save(tmp_path: Path, *xml: str) -> Path:
    document = docx.Document()
    body = document.element.body
    for fragment in xml:
        body.insert(len(body) - 1, parse_xml(fragment))  # before the section properties
    path = tmp_path / "form.docx"
    document.save(str(path))
    return path


def _texts(path: Path) -> list[str]:
    return [p.text for p in pieces_of(read_source(str(path)))]


def test_text_in_block_content_controls_and_custom_xml_is_read(tmp_path: Path) -> None:
    path = _save(
        tmp_path,
        f"<w:sdt {_W}><w:sdtPr/><w:sdtContent>{_para('In a content control')}"
        "</w:sdtContent></w:sdt>",
        f'<w:customXml {_W} w:element="answer">{_para("In custom XML")}</w:customXml>',
    )
    assert _texts(path) == ["In a content control", "In custom XML"]


def test_cells_inside_content_controls_and_custom_xml_are_read(tmp_path: Path) -> None:
    nested = f"<w:tbl><w:tr>{_cell(_para('inner a'))}{_cell(_para('inner b'))}</w:tr></w:tbl>"
    row = (
        "<w:tr>"
        f"{_cell(_para('Summary'))}"
        f"<w:sdt><w:sdtPr/><w:sdtContent>{_cell(_para('a cell in a control'))}"
        "</w:sdtContent></w:sdt>"
        f'<w:customXml w:element="c">{_cell(_para("a cell in custom XML"))}</w:customXml>'
        "</w:tr>"
    )
    shows_placeholder = (
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr>"
        f"<w:sdtContent>{_para('Enter the owner')}</w:sdtContent></w:sdt>"
    )
    custom = f'<w:customXml w:element="d">{_para("custom in a cell")}</w:customXml>'
    cell_controls = f"<w:tr>{_cell(shows_placeholder)}{_cell(custom)}{_cell(nested)}</w:tr>"
    path = _save(tmp_path, f"<w:tbl {_W}>{row}{cell_controls}</w:tbl>")
    source = read_source(str(path))
    (table,) = source.blocks
    assert isinstance(table, Table)
    assert [[c.text for c in r] for r in table.rows] == [
        ["Summary", "a cell in a control", "a cell in custom XML"],
        ["Enter the owner", "custom in a cell", "inner a inner b"],
    ]
    placeholder = table.rows[1][0].paragraphs[0]
    assert placeholder.placeholder  # the control shows its placeholder: not content


def test_a_zip_with_a_document_part_python_docx_cannot_open_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    path = tmp_path / "broken.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ImportProblem, match=r"cannot be opened .*re-save it in Word"):
        import_file(path)


def test_a_paragraph_in_the_title_style_is_a_top_level_heading(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Library opening hours", style="Title")
    document.add_paragraph("Summary", style="Heading 2")
    document.add_paragraph("Fewer evening hours.")
    path = tmp_path / "titled.docx"
    document.save(str(path))
    pieces = pieces_of(read_source(str(path)))
    assert [(p.text, p.heading) for p in pieces] == [
        ("Library opening hours", 1),
        ("Summary", 2),
        ("Fewer evening hours.", 0),
    ]
