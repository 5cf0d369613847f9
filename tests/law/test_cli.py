"""The law date on the command line: --law-date, the law date in reports, duties, explain."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from psed.cli import main
from psed.output.schema import report_schema

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-26"

DOC_2008 = """\
name: Day centre transport review
status: submitted
impacts:
  - characteristic: race
    impact: neutral
    details: Take-up by ethnicity is the same on every route.
  - characteristic: disability
    impact: neutral
    details: Every route keeps its accessible minibus and the same timetable.
  - characteristic: sex
    impact: neutral
    details: Women and men use the routes in the same proportions.
decision:
  outcome: adjust
  date: 2008-06-12
"""


def _run(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


@pytest.fixture
def doc_2008(tmp_path: Path) -> Path:
    path = tmp_path / "transport-2008.yaml"
    path.write_text(DOC_2008, encoding="utf-8")
    return path


def test_json_report_gives_each_files_law_date_and_validates(
    doc_2008: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _code, out = _run("check", str(doc_2008), "--as-of", AS_OF, "--format", "json", capsys=capsys)
    report = json.loads(out)
    jsonschema.validate(report, report_schema())
    assert report["law_date"] is None
    (entry,) = report["files"]
    assert (entry["law_date"], entry["law_date_source"]) == ("2008-06-12", "decision")
    assert not [f for f in entry["findings"] if f["code"] == "PSED101"]


def test_law_date_option_judges_by_that_days_law(
    doc_2008: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ("check", str(doc_2008), "--as-of", AS_OF, "--law-date", "2012-01-01")
    _code, out = _run(*argv, "--format", "json", capsys=capsys)
    report = json.loads(out)
    jsonschema.validate(report, report_schema())
    assert report["law_date"] == "2012-01-01"
    (entry,) = report["files"]
    assert entry["law_date_source"] == "given"
    missing = [f for f in entry["findings"] if f["code"] == "PSED101"]
    assert len(missing) == 6
    assert all(f["references"][0] == "Equality Act 2010 s149(1)" for f in missing)
    code, text = _run(*argv, capsys=capsys)
    assert code == 1
    assert text.rstrip().endswith("judged by the law in force on 2012-01-01")


def test_sarif_results_carry_the_law_date_and_rules_mark_law_and_practice(
    doc_2008: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _code, out = _run("check", str(doc_2008), "--as-of", AS_OF, "--format", "sarif", capsys=capsys)
    run = json.loads(out)["runs"][0]
    assert run["properties"]["lawDate"] is None
    results = run["results"]
    assert results
    for result in results:
        assert result["properties"]["lawDate"] == "2008-06-12"
        assert result["properties"]["lawDateSource"] == "decision"
        assert not any("s149" in r for r in result["properties"]["references"])
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    owner = rules["PSED202"]["properties"]
    brown_96 = "R (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin) [96]"
    assert brown_96 in owner["practice"]
    assert "Northern Ireland Act 1998 Sch 9 para 9" in owner["law"]


def test_law_date_on_audit(doc_2008: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("audit", str(doc_2008), "--as-of", AS_OF, "--format", "json")
    _code, own = _run(*argv, capsys=capsys)
    code, given = _run(*argv, "--law-date", "2012-01-01", capsys=capsys)
    assert code in (0, 1)
    assert "PSED101" not in own
    assert "PSED101" in given


def test_a_bad_law_date_is_a_usage_error(doc_2008: Path) -> None:
    err = io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(err):
        code = main(["check", str(doc_2008), "--law-date", "12/01/2012"])
    assert code == 2
    assert "--law-date" in err.getvalue()


def test_rules_lists_the_duties_with_their_dates(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = _run("rules", "--duties", capsys=capsys)
    assert code == 0
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["DUTY", "PROVISION", "WHERE"]
    s149 = next(line for line in lines if line.startswith("ea2010-s149"))
    assert "2011-04-05" in s149
    assert "England, Wales, Scotland" in s149
    legacy = next(line for line in lines if line.startswith("rra-s71"))
    assert "2001-04-02" in legacy
    assert "2011-04-04" in legacy
    _code, out = _run("rules", "--duties", "--format", "json", capsys=capsys)
    duties = {d["id"]: d for d in json.loads(out)}
    assert duties["armed-forces-covenant"]["functions"] == ["housing", "education", "health"]
    assert duties["fairer-scotland"]["required_by"] == "PSED602"
    _code, markdown = _run("rules", "--duties", "--format", "markdown", capsys=capsys)
    assert markdown.startswith("| duty | provision |")


def test_explain_lists_references_per_framework_marked_law_or_practice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _code, text = _run("explain", "PSED202", capsys=capsys)
    lines = {
        line.split(" (", 1)[0].strip(): line for line in text.splitlines() if line.startswith("  ")
    }
    assert "Northern Ireland" not in lines["psed"]
    assert "[96] [practice]" in lines["psed"]
    assert "Northern Ireland Act 1998 Sch 9 para 9 [law]" in lines["ni-s75"]
    assert "Equality Act 2010" not in lines["ni-s75"]
    _code, old = _run("explain", "PSED101", "--law-date", "2008-06-12", capsys=capsys)
    assert "the law on 2008-06-12" in old
    cited = [line for line in old.splitlines() if line.startswith("  ")]
    assert any("Race Relations Act 1976 s71(1) [law]" in line for line in cited)
    assert not any("Equality Act 2010 s149(1)" in line for line in cited)
