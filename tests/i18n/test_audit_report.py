"""The audit report's own words (headings, columns, totals, labels) in Welsh."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from psed.cli import main

ROOT = Path(__file__).resolve().parents[2]
ESTATE = ROOT / "tests" / "audit" / "estate"

ENGLISH_TEXT = (
    "errors warns complete signed",
    " documents: ",
    "fully assessed",
    "in all.",
    "Portfolio findings (",
    "Reviews overdue (",
    "Reviews due within",
    "Actions past their due date",
    "review date",
    "days overdue",
    "days left",
    "By organisation:",
    "By directorate:",
    "By programme:",
    "reviews overdue",
    "actions overdue",
    "Cumulative impact, programme",
    "proposals;",
    "Findings by rule:",
    "Required characteristics not assessed",
    "New findings",
    "Resolved findings",
    "Trend by month and directorate",
    "[error]",
    "[warning]",
    "[info]",
    "(none)",
)
WELSH_TEXT = (
    "gwallau rhybuddion cyflawn llofnodwyd",
    " dogfen: ",
    "wedi'u hasesu'n llawn",
    "i gyd.",
    "Canfyddiadau portffolio (",
    "Adolygiadau hwyr (",
    "Adolygiadau sy'n ddyledus o fewn 90 diwrnod",
    "Camau gweithredu y mae eu dyddiad dyledus wedi mynd heibio",
    "dyddiad adolygu",
    "diwrnodau'n hwyr",
    "diwrnodau ar ôl",
    "Yn ôl sefydliad:",
    "Yn ôl cyfarwyddiaeth:",
    "Yn ôl rhaglen:",
    "adolygiadau hwyr",
    "camau hwyr",
    "Effaith gronnol, rhaglen",
    "Canfyddiadau yn ôl rheol:",
    "Canfyddiadau newydd",
    "Canfyddiadau a ddatryswyd",
    "Tuedd yn ôl mis a chyfarwyddiaeth",
    "[gwall]",
    "[rhybudd]",
    "[gwybodaeth]",
    "(dim)",
)


def _report(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, *args: str) -> str:
    """The text audit of the estate as of 26 November 2026, with last month's run before it."""
    db = tmp_path / f"history-{lang}.sqlite"
    folder = tmp_path / "estate"
    if not folder.exists():
        shutil.copytree(ESTATE, folder)
    main(["audit", str(folder), "--as-of", "2026-10-26", "--db", str(db), "--jobs", "0"])
    capsys.readouterr()
    arguments = ["--as-of", "2026-11-26", "--db", str(db), "--baseline", "--jobs", "0"]
    code = main(["audit", str(folder), *arguments, "--lang", lang, *args])
    assert code in (0, 1)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return out


def test_the_english_report_has_its_english_headings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _report(tmp_path, capsys, "en")
    missing = [words for words in ENGLISH_TEXT if words not in report]
    assert missing == []


def test_the_welsh_report_has_no_english_heading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _report(tmp_path, capsys, "cy")
    assert [words for words in ENGLISH_TEXT if words in report] == []
    assert [words for words in WELSH_TEXT if words not in report] == []


def test_the_welsh_document_table_is_as_wide_as_its_headings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _report(tmp_path, capsys, "cy").splitlines()
    header = lines[0]
    assert header.endswith(" llwybr")
    start = header.index("llwybr")
    rows = [line for line in lines[1:] if line.strip()]
    rows = rows[: rows.index(next(r for r in rows if "dogfen:" in r))]
    assert len(rows) == len(list(ESTATE.glob("*.yaml")))
    for row in rows:
        assert row[start:].startswith(str(tmp_path)), row  # every path under its heading
        assert row[start - 1] == " "
    # each right-aligned column ends where its heading ends
    for heading in ("gwallau", "rhybuddion", "cyflawn", "llofnodwyd", "adolygu"):
        end = header.index(heading) + len(heading)
        for row in rows:
            assert row[end - 1] != " ", (heading, row)
            assert row[end] == " ", (heading, row)


ENGLISH_DASHBOARD = (
    "Skip to the audit",
    "estate audit",
    'aria-label="Contents"',
    ">Summary<",
    ">Completeness over time<",
    ">Findings by rule<",
    ">Findings by directorate<",
    ">Cumulative impact<",
    ">Reviews due and overdue<",
    "Actions past their due date",
    "Portfolio findings",
    ">Since the previous run<",
    ">Every document<",
    "fully assessed",
    "Completeness is the share",
    "Mean completeness",
    "Documents and findings of each rule",
    "Current assessments by",
    "current proposals",
    "Characteristics adversely affected",
    "Reviews overdue",
    "Reviews due within",
    ">Review date<",
    ">Days overdue<",
    ">Days left<",
    ">Status<",
    ">Document<",
    ">Path<",
    "Mitigating actions still planned",
    ">Owner<",
    ">Severity<",
    ">Message<",
    "Compared with run",
    "New findings",
    "Resolved findings",
    "Every document audited",
    "Made by psed",
    "not findings of law",
    ">Signed<",
    "Documents with each finding",
    "Completeness over time, by directorate",
    "the table below",
    ">warning<",
    ">error<",
)
WELSH_DASHBOARD = (
    '<html lang="cy">',
    "Neidio i'r archwiliad",
    "archwiliad o'r ystad",
    'aria-label="Cynnwys"',
    ">Crynodeb<",
    ">Cyflawnder dros amser<",
    ">Canfyddiadau yn ôl rheol<",
    ">Effaith gronnol<",
    "Camau gweithredu y mae eu dyddiad dyledus wedi mynd heibio",
    "Canfyddiadau portffolio",
    ">Ers y rhediad blaenorol<",
    "Pob dogfen a archwiliwyd",
    "O'i gymharu â rhediad",
    ">Dyddiad adolygu<",
    ">Difrifoldeb<",
    "Gwnaed gan psed",
    "Dogfennau gyda phob canfyddiad",
    ">rhybudd<",
)


def _dashboard(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> str:
    target = tmp_path / f"estate-{lang}.html"
    _report(tmp_path, capsys, lang, "--format", "html", "-o", str(target))
    return target.read_text(encoding="utf-8")


def test_the_english_dashboard_has_its_english_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _dashboard(tmp_path, capsys, "en")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert [words for words in ENGLISH_DASHBOARD if words not in page] == []


def test_the_welsh_dashboard_has_no_english_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _dashboard(tmp_path, capsys, "cy")
    assert [words for words in ENGLISH_DASHBOARD if words in page] == []
    assert [words for words in WELSH_DASHBOARD if words not in page] == []


WELSH_SHEETS = [
    "dogfennau",
    "canfyddiadau",
    "rheolau",
    "nodweddion",
    "camau gweithredu",
    "adolygiadau",
    "cyfansymiau",
    "cronnol",
    "tueddiadau",
    "canfyddiadau newydd",
    "canfyddiadau a ddatryswyd",
]
SAME_IN_BOTH = {"id", "sha256", "label"}  # the same word in English and in Welsh


def _workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> dict[str, list[list[object]]]:
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / f"estate-{lang}.xlsx"
    _report(tmp_path, capsys, lang, "--format", "xlsx", "-o", str(target))
    book = openpyxl.load_workbook(target)
    return {
        sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()]
        for sheet in book.worksheets
    }


def test_the_welsh_workbook_names_its_sheets_and_columns_in_welsh(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from psed.output.audit import CSV_COLUMNS
    from psed.output.audit_xlsx import SHEETS

    english = _workbook(tmp_path, capsys, "en")
    welsh = _workbook(tmp_path, capsys, "cy")
    assert list(english) == [*SHEETS, "new findings", "resolved findings"]
    assert list(welsh) == WELSH_SHEETS
    assert english["documents"][0] == list(CSV_COLUMNS)
    english_headings = {str(h) for rows in english.values() for h in rows[0]} - SAME_IN_BOTH
    welsh_headings = {str(h) for rows in welsh.values() for h in rows[0]}
    assert english_headings & welsh_headings == set()
    # the same figures, only the words differ
    for (en_name, en_rows), (cy_name, cy_rows) in zip(english.items(), welsh.items(), strict=True):
        assert len(en_rows) == len(cy_rows), (en_name, cy_name)
    documents = welsh["dogfennau"]
    readable = documents[0].index("darllenadwy")
    assert {row[readable] for row in documents[1:]} <= {"ie", "na"}
    severity = welsh["canfyddiadau"][0].index("difrifoldeb")
    assert {row[severity] for row in welsh["canfyddiadau"][1:]} <= {
        "gwall",
        "rhybudd",
        "gwybodaeth",
    }
