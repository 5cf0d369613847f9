"""The Word reader on the markup Word itself writes: tick boxes, tracked changes, lists."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml

from psed.importing import read_source
from psed.importing._source import Paragraph, Source

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)


def _paragraph_xml(inner: str) -> Any:
    return parse_xml(f"<w:p {_NS}>{inner}</w:p>")


def _save(tmp_path: Path, document: Any) -> Source:
    path = tmp_path / "form.docx"
    document.save(str(path))
    return read_source(path)


def _texts(source: Source) -> list[str]:
    return [b.text for b in source.blocks if isinstance(b, Paragraph)]


def test_tick_boxes_of_every_kind_word_writes(tmp_path: Path) -> None:
    document = docx.Document()
    body = document.element.body
    ticked_cc = (
        "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val='1'/></w14:checkbox></w:sdtPr>"
        "<w:sdtContent><w:r><w:t>X</w:t></w:r></w:sdtContent></w:sdt>"
    )
    unticked_cc = (
        "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val='0'/></w14:checkbox></w:sdtPr>"
        "<w:sdtContent><w:r><w:t>X</w:t></w:r></w:sdtContent></w:sdt>"
    )
    legacy = (
        "<w:r><w:fldChar w:fldCharType='begin'><w:ffData><w:checkBox><w:default w:val='1'/>"
        "</w:checkBox></w:ffData></w:fldChar></w:r>"
        "<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
    )
    legacy_off = (
        "<w:r><w:fldChar w:fldCharType='begin'><w:ffData><w:checkBox><w:checked w:val='0'/>"
        "</w:checkBox></w:ffData></w:fldChar></w:r>"
    )
    symbols = (
        "<w:r><w:sym w:font='Wingdings' w:char='F0FE'/></w:r><w:r><w:t xml:space='preserve'>"
        " Race </w:t></w:r><w:r><w:sym w:font='Wingdings' w:char='A8'/></w:r>"
        "<w:r><w:sym w:font='Wingdings' w:char='F041'/></w:r>"
    )
    for inner in (
        ticked_cc + "<w:r><w:t xml:space='preserve'> Age</w:t></w:r>",
        unticked_cc + "<w:r><w:t xml:space='preserve'> Sex</w:t></w:r>",
        legacy + "<w:r><w:t xml:space='preserve'> Disability</w:t></w:r>",
        legacy_off + "<w:r><w:t xml:space='preserve'> Religion</w:t></w:r>",
        symbols + "<w:r><w:t>Belief</w:t></w:r>",
    ):
        body.insert(len(body) - 1, _paragraph_xml(inner))
    assert _texts(_save(tmp_path, document)) == [
        "☒ Age",
        "☐ Sex",
        "☒ Disability",
        "☐ Religion",
        "☒ Race ☐Belief",
    ]


def test_tracked_changes_tabs_and_breaks(tmp_path: Path) -> None:
    document = docx.Document()
    body = document.element.body
    inner = (
        "<w:r><w:t>Opening</w:t></w:r><w:r><w:tab/></w:r>"
        "<w:del w:id='1' w:author='A'><w:r><w:delText>old hours</w:delText></w:r></w:del>"
        "<w:ins w:id='2' w:author='A'><w:r><w:t>new hours</w:t></w:r></w:ins>"
        "<w:r><w:br/><w:t>second line</w:t></w:r>"
        "<w:hyperlink><w:r><w:t xml:space='preserve'> (see policy)</w:t></w:r></w:hyperlink>"
    )
    body.insert(len(body) - 1, _paragraph_xml(inner))
    assert _texts(_save(tmp_path, document)) == ["Opening new hours\nsecond line (see policy)"]


def test_bulleted_and_numbered_lists_show_their_markers(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Older residents", style="List Bullet")
    document.add_paragraph("Extend opening hours", style="List Number")
    document.add_paragraph("Review in a year", style="List Number")
    document.add_heading("Aims", level=2)
    document.add_paragraph("Guidance text", style="Intense Quote").runs[0].italic = True
    source = _save(tmp_path, document)
    paragraphs = [b for b in source.blocks if isinstance(b, Paragraph)]
    assert [p.text for p in paragraphs] == [
        "• Older residents",
        "1. Extend opening hours",
        "2. Review in a year",
        "Aims",
        "Guidance text",
    ]
    assert paragraphs[3].heading == 2
    assert paragraphs[4].italic


def test_a_character_style_in_italics_marks_guidance(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Explain who is affected.", style="Emphasis")
    plain = document.add_paragraph()
    plain.add_run("Residents over 65.")
    paragraphs = [b for b in _save(tmp_path, document).blocks if isinstance(b, Paragraph)]
    assert [(p.text, p.italic) for p in paragraphs] == [
        ("Explain who is affected.", True),
        ("Residents over 65.", False),
    ]


def test_a_table_inside_a_cell_gives_one_line_a_row(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Evidence"
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    for r, (a, b) in enumerate((("Census", "2021"), ("Library survey", "2024"))):
        inner.cell(r, 0).text = a
        inner.cell(r, 1).text = b
    (table,) = [b for b in _save(tmp_path, document).blocks if not isinstance(b, Paragraph)]
    assert [[c.text for c in row] for row in table.rows] == [
        ["Evidence", "Census 2021\nLibrary survey 2024"]
    ]


def test_a_content_control_in_a_cell_still_showing_its_prompt_is_a_placeholder(
    tmp_path: Path,
) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Lead officer"
    table.cell(1, 0).text = "Directorate"
    for row, (shows, text) in enumerate(
        (("<w:showingPlcHdr/>", "Click or tap here to enter text."), ("", "Housing"))
    ):
        cell = table.cell(row, 1)._tc
        cell.remove(cell.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"))
        cell.append(
            parse_xml(
                f"<w:sdt {_NS}><w:sdtPr>{shows}</w:sdtPr><w:sdtContent><w:p><w:r>"
                f"<w:t>{text}</w:t></w:r></w:p></w:sdtContent></w:sdt>"
            )
        )
    (read,) = [b for b in _save(tmp_path, document).blocks if not isinstance(b, Paragraph)]
    answers = [row[1].paragraphs[0] for row in read.rows]
    assert [(p.text, p.placeholder) for p in answers] == [
        ("Click or tap here to enter text.", True),
        ("Housing", False),
    ]


def test_page_header_and_footer_text_is_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Body")
    document.sections[0].header.paragraphs[0].text = "OFFICIAL"
    document.sections[0].footer.paragraphs[0].text = "Page footer: Borough Council"
    document.add_section()
    source = _save(tmp_path, document)
    assert [(p.text, p.where.kind) for p in source.extras] == [
        ("OFFICIAL", "header"),
        ("Page footer: Borough Council", "footer"),
    ]
