"""The HTML reader on the markup councils' web forms and committee pages use."""

from __future__ import annotations

from pathlib import Path

from psed.importing import read_source
from psed.importing._source import Paragraph, Source, Table


def _read(tmp_path: Path, body: str, head: str = "") -> Source:
    path = tmp_path / "page.html"
    path.write_text(
        f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>", encoding="utf-8"
    )
    return read_source(path)


def _texts(source: Source) -> list[str]:
    return [b.text for b in source.blocks if isinstance(b, Paragraph)]


def test_a_saved_web_form_reads_ticks_typed_values_and_chosen_options(tmp_path: Path) -> None:
    source = _read(
        tmp_path,
        "<form><fieldset><legend>Who is affected?</legend>"
        '<p><input type="checkbox" checked> Age <input type="checkbox"> Sex</p>'
        '<p><input type="radio" name="r" checked>Yes <input type="radio" name="r">No</p>'
        '<p>Lead officer: <input type="text" value="J. Patel"></p>'
        '<p>Token <input type="hidden" value="secret"><input type="submit" value="Send"></p>'
        "<p>Directorate: <select><option>Housing</option><option selected>Adult social care"
        "</option></select></p>"
        "<p>Summary: <textarea>Library hours cut</textarea></p>"
        "</fieldset></form>",
    )
    assert _texts(source) == [
        "Who is affected?",
        "☒ Age ☐ Sex",
        "☒ Yes ☐ No",
        "Lead officer: J. Patel",
        "Token",
        "Directorate: Adult social care",
        "Summary: Library hours cut",
    ]


def test_line_breaks_images_and_italic_guidance(tmp_path: Path) -> None:
    source = _read(
        tmp_path,
        "<p>First line<br>second line</p>"
        '<p><img src="logo.png" alt="Borough Council"><img src="x.png" alt=" "></p>'
        '<p><span style="font-style: italic">Describe the policy here.</span></p>'
        "<p><em>Guidance</em> and an answer</p>",
    )
    paragraphs = [b for b in source.blocks if isinstance(b, Paragraph)]
    assert [p.text for p in paragraphs] == [
        "First line\nsecond line",
        "Borough Council",
        "Describe the policy here.",
        "Guidance and an answer",
    ]
    assert [p.italic for p in paragraphs] == [False, False, True, False]


def test_loose_text_between_blocks_is_kept_as_paragraphs(tmp_path: Path) -> None:
    source = _read(
        tmp_path,
        "Intro text <b>bold</b><h2>Aims</h2>After the heading<div>Leaf div</div>tail text"
        "<script>var x = 1;</script>",
        head="<title>  EqIA:\n library  </title>",
    )
    assert source.title == "EqIA: library"
    paragraphs = [b for b in source.blocks if isinstance(b, Paragraph)]
    assert [(p.text, p.heading) for p in paragraphs] == [
        ("Intro text bold", 0),
        ("Aims", 2),
        ("After the heading", 0),
        ("Leaf div", 0),
        ("tail text", 0),
    ]
    assert paragraphs[2].where.heading == "Aims"
    assert paragraphs[2].where.as_dict() == {"kind": "paragraph", "paragraph": 3, "heading": "Aims"}


def test_a_table_with_spans_header_body_and_a_nested_table(tmp_path: Path) -> None:
    source = _read(
        tmp_path,
        "<h3>Impacts</h3><table><caption>ignored</caption>"
        "<thead><tr><th>Group</th><th>Impact</th></tr></thead>"
        '<tbody><tr><td colspan="2">Age</td></tr>'
        '<tr><td colspan="x">Disability</td><td><table><tr><td>Step-free</td><td>access</td>'
        "</tr></table><p>More</p></td></tr></tbody>"
        "<tfoot><tr><td>Total</td></tr></tfoot></table>",
    )
    tables = [b for b in source.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = tables[0].rows
    assert [[c.text for c in row] for row in rows] == [
        ["Group", "Impact"],
        ["Age"],
        ["Disability", "Step-free access\nMore"],
        ["Total"],
    ]
    assert rows[1][0].span == 2
    assert rows[2][0].span == 1
    cell = rows[2][1]
    assert (cell.where.table, cell.where.row, cell.where.cell) == (1, 3, 2)
    assert cell.where.heading == "Impacts"
    assert cell.where.as_dict() == {
        "kind": "cell",
        "table": 1,
        "row": 3,
        "cell": 2,
        "heading": "Impacts",
    }


def test_a_gov_uk_summary_list_becomes_a_two_column_table(tmp_path: Path) -> None:
    source = _read(
        tmp_path,
        '<dl class="govuk-summary-list">'
        '<div class="govuk-summary-list__row"><dt>Title</dt><dd>Library opening hours</dd></div>'
        '<div class="govuk-summary-list__row"><dt>Owner</dt><dd>Culture</dd></div>'
        "<dt>Date</dt><dd>1 May 2025</dd></dl>",
    )
    (table,) = [b for b in source.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [
        ["Title", "Library opening hours"],
        ["Owner", "Culture"],
        ["Date", "1 May 2025"],
    ]


def test_a_page_without_a_body_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "fragment.html"
    path.write_text("<html><p>Only a paragraph</p></html>", encoding="utf-8")
    assert _texts(read_source(path)) == ["Only a paragraph"]


def test_script_inside_a_paragraph_is_not_text(tmp_path: Path) -> None:
    source = _read(tmp_path, "<p>Opening hours <script>track()</script>are changing</p>")
    assert _texts(source) == ["Opening hours are changing"]


def test_paragraphs_inside_a_list_item_stay_paragraphs(tmp_path: Path) -> None:
    source = _read(tmp_path, "<ul><li><p>Age</p><p>Older residents</p></li><li>Sex</li></ul>")
    assert _texts(source) == ["Age", "Older residents", "Sex"]


def test_a_page_with_no_charset_that_is_not_utf8_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "old.html"
    path.write_bytes(b"<html><body><p>Caf\xe9 opening hours</p></body></html>")
    assert _texts(read_source(path)) == ["Caf\xe9 opening hours"]
