"""Every audit format: the workbook's sheets, formula safety, the dashboard page, JSON and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import psed.audit
from psed import cli
from psed.output.audit_xlsx import SHEETS

from .conftest import EXAMPLES

AS_OF = "2026-11-26"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _hostile_folder(folder: Path) -> Path:
    """The examples, plus a document whose every text starts like a formula."""
    folder.mkdir()
    for example in sorted(EXAMPLES.glob("*.yaml")):
        (folder / example.name).write_bytes(example.read_bytes())
    (folder / "=cmd.yaml").write_text(
        "\n".join(
            [
                "id: '=1+2'",
                'name: \'=HYPERLINK("http://example.org", "click")\'',
                "directorate: '+Finance'",
                "programme: '@SUM(A1:A9)'",
                "status: approved",
                "impacts:",
                "  - characteristic: age",
                "    impact: negative",
                "    details: '-2 is what the survey said'",
                "    mitigations:",
                "      - action: '=cmd|'' /C calc''!A0'",
                "        owner: '@owner'",
                "        due: 2020-01-01",
                "review_date: 2020-06-30",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    return folder


def test_workbook_has_every_sheet_with_headers_filters_and_frozen_panes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "estate.xlsx"
    code, out, err = run(
        capsys, "audit", str(EXAMPLES), "--as-of", AS_OF, "--format", "xlsx", "-o", str(target)
    )
    assert (code, out) == (1, "")
    assert err == f"psed: wrote {target}\n"
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == list(SHEETS)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "B2", sheet.title
        assert sheet.auto_filter.ref is not None
        assert sheet.auto_filter.ref.startswith("A1:")
        header = [cell.value for cell in sheet[1]]
        assert all(isinstance(h, str) and h for h in header), sheet.title
        assert all(cell.font.bold for cell in sheet[1])
    documents = book["documents"]
    paths = [row[0] for row in documents.iter_rows(min_row=2, values_only=True)]
    assert paths == sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
    result = psed.audit.audit(str(EXAMPLES), as_of=dt.date.fromisoformat(AS_OF))
    expected = sum(r.errors + r.warnings + r.info + r.waived for r in result.rows)
    assert book["findings"].max_row - 1 == expected > 20
    reviews = list(book["reviews"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[4], r[5]) for r in reviews] == [
        ("NDC-EQIA-2026-007", dt.datetime(2027, 2, 24), 90)  # a real date, not text
    ]


def test_workbook_cells_are_never_formulas(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = _hostile_folder(tmp_path / "docs")
    target = tmp_path / "estate.xlsx"
    run(capsys, "audit", str(folder), "--as-of", AS_OF, "--format", "xlsx", "-o", str(target))
    with zipfile.ZipFile(target) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name)
                assert b"<f " not in archive.read(name)
    book = openpyxl.load_workbook(target)
    risky = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@"):
                    assert cell.quotePrefix, (sheet.title, cell.coordinate, cell.value)
                    risky += 1
    assert risky >= 6  # id, name, directorate, programme, action, owner at least


def test_csv_cells_never_start_like_a_formula(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = _hostile_folder(tmp_path / "docs")
    _, out, _ = run(capsys, "audit", str(folder), "--as-of", AS_OF, "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    for row in rows:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    hostile = next(row for row in rows if "cmd.yaml" in row[0])
    assert "'=1+2" in hostile


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(min_size=1, max_size=30))
def test_any_text_is_stored_as_text(tmp_path: Path, text: str) -> None:
    from psed.output.audit_xlsx import _Sheet

    book = openpyxl.Workbook(write_only=True)
    sheet = _Sheet(book, "documents", ("value",))
    cell = sheet._cell(text)
    assert cell.data_type == "s"
    assert bool(cell.quotePrefix) == cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))
    sheet.add([text])
    sheet.close()
    book.save(io.BytesIO())  # every text can be written


def test_json_carries_the_estate_and_is_plain_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "audit", str(EXAMPLES), "--as-of", AS_OF, "--format", "json")
    data = json.loads(out)
    assert out == json.dumps(data, indent=2) + "\n"  # streamed, yet the same text
    assert set(data) == {
        "audit_version",
        "psed_version",
        "as_of",
        "status",
        "documents",
        "totals",
        "estate",
        "trends",
        "baseline",
        "run_id",
    }
    estate = data["estate"]
    assert [r["review_date"] for r in estate["reviews_due"]] == ["2027-02-24"]
    assert estate["due_within"] == 90
    assert data["trends"][0]["month"] == "2026-11"


def test_due_within_widens_the_window(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, "audit", str(EXAMPLES), "--as-of", AS_OF, "--format", "json", "--due-within", "400"
    )
    due = json.loads(out)["estate"]["reviews_due"]
    assert [r["review_date"] for r in due] == ["2027-02-24", "2027-09-28", "2027-12-10"]
    assert [r["days"] for r in due] == [90, 306, 379]
    code, _, err = run(capsys, "audit", str(EXAMPLES), "--due-within", "soon")
    assert code == 2
    assert "'soon' is not a number of days" in err


def test_xlsx_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "audit", str(EXAMPLES), "--format", "xlsx")
    assert (code, out) == (2, "")
    assert "give -o FILE" in err


def test_html_is_one_self_contained_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "estate.html"
    run(capsys, "audit", str(EXAMPLES), "--as-of", AS_OF, "--format", "html", "-o", str(target))
    page = target.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    # nothing is fetched: no script, no stylesheet link, no image or frame source
    assert "<script" not in page
    assert not re.search(r"<link\b|<img\b|<iframe\b|\bsrc=|@import|url\(http", page)
    svgs = re.findall(r"<svg\b[^>]*>", page)
    assert len(svgs) >= 2
    for svg in svgs:
        assert 'role="img"' in svg
        assert "aria-labelledby=" in svg
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))  # inline charts do not clash
    # each chart is followed by a table of the same figures
    assert '<caption id="table-rules-caption">' in page
    assert '<caption id="table-completeness-caption">' in page


def test_html_is_the_same_for_the_same_audit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pages = []
    for n in range(2):
        target = tmp_path / f"estate-{n}.html"
        run(capsys, "audit", str(EXAMPLES), "--as-of", AS_OF, "--format", "html", "-o", str(target))
        pages.append(target.read_bytes())
    assert pages[0] == pages[1]


def test_html_escapes_what_documents_say(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "x.yaml").write_text(
        "name: '<script>alert(1)</script>'\nid: '<b>X</b>'\n", encoding="utf-8"
    )
    target = tmp_path / "estate.html"
    run(capsys, "audit", str(folder), "--as-of", AS_OF, "--format", "html", "-o", str(target))
    page = target.read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "<b>X</b>" not in page
    assert "&lt;b&gt;X&lt;/b&gt;" in page


def test_html_charts_show_any_text_as_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    # matplotlib would read this as a (malformed) formula and fail
    (folder / "x.yaml").write_text(
        'name: Parks\ndirectorate: "$\\\\frac{a$ and \\x01 $^$"\nstatus: approved\n',
        encoding="utf-8",
    )
    target = tmp_path / "estate.html"
    code, _, err = run(capsys, "audit", str(folder), "--format", "html", "-o", str(target))
    assert code in (0, 1)
    assert "internal error" not in err
    assert "frac{a" in target.read_text(encoding="utf-8")
