"""The fixture estate: the script writes it, and the audit shows what was worked out by hand."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

import psed.audit
from psed.audit import AuditResult

from .conftest import ROOT

ESTATE = Path(__file__).parent / "estate"
EXPECTED: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "estate-expected.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def result() -> AuditResult:
    return psed.audit.audit(str(ESTATE), as_of=EXPECTED["as_of"])


def test_the_committed_estate_is_what_the_script_writes(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_estate.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    written = {p.name: p.read_bytes() for p in tmp_path.glob("*.yaml")}
    committed = {p.name: p.read_bytes() for p in ESTATE.glob("*.yaml")}
    assert written == committed, "run: python scripts/make_estate.py"


def test_the_estate_is_big_and_varied_enough(result: AuditResult) -> None:
    rows = result.rows
    assert len(rows) == EXPECTED["documents"] >= 40
    assert all(r.readable for r in rows)
    assert len({r.directorate for r in rows}) == 3
    assert len({r.programme for r in rows if r.programme}) == 2
    assert len({r.organisation for r in rows}) == 2
    assert {r.status for r in rows} == set(psed.Status)
    superseded = sorted(Path(r.path).name for r in rows if r.superseded)
    assert superseded == EXPECTED["superseded"]


def test_portfolio_findings_are_those_written_by_hand(result: AuditResult) -> None:
    got = Counter(
        (Path(row.path).name, f.code, f.pointer, f.severity.value)
        for row in result.rows
        for f in row.portfolio
    )
    want = Counter(tuple(item) for item in EXPECTED["portfolio"])
    assert got == want


def test_portfolio_findings_are_in_each_documents_own_counts(result: AuditResult) -> None:
    for row in result.rows:
        for f in row.portfolio:
            assert f.code in row.codes
    rows = {Path(r.path).name: r for r in result.rows}
    assert not rows["bud-16-allotments.yaml"].ok  # PSED702 is an error


def test_cumulative_impact_tables(result: AuditResult) -> None:
    assert result.estate is not None
    got = [
        {
            "programme": p.programme,
            "proposals": p.proposals,
            "cumulative": p.cumulative,
            "characteristics": [
                [c.characteristic, c.proposals, c.negative, c.mixed, list(c.documents)]
                for c in p.characteristics
            ],
        }
        for p in result.estate.cumulative
    ]
    assert got == EXPECTED["cumulative"]


def test_reviews_overdue_and_due(result: AuditResult) -> None:
    assert result.estate is not None
    assert [[r.id, r.review_date, r.days] for r in result.estate.reviews_overdue] == EXPECTED[
        "reviews_overdue"
    ]
    assert [[r.id, r.review_date, r.days] for r in result.estate.reviews_due] == EXPECTED[
        "reviews_due"
    ]


def test_actions_past_their_due_date(result: AuditResult) -> None:
    assert result.estate is not None
    assert [
        [a.id, a.owner, a.due, a.days_overdue, a.status] for a in result.estate.actions
    ] == EXPECTED["actions"]


@pytest.mark.parametrize("kind", ["directorates", "organisations", "programmes"])
def test_totals_by_group(result: AuditResult, kind: str) -> None:
    assert result.estate is not None
    groups = getattr(result.estate, kind)
    got = [[g.value, g.documents, g.reviews_overdue, g.actions_overdue] for g in groups]
    assert got == EXPECTED[kind]
    assert sum(g.documents for g in groups) == EXPECTED["documents"] - len(EXPECTED["superseded"])


def test_a_wider_window_and_a_lower_threshold(result: AuditResult) -> None:
    wider = psed.audit.audit(
        str(ESTATE), as_of=dt.date(2026, 11, 26), due_within=100, min_cumulative=2
    )
    assert wider.estate is not None
    assert [r.id for r in wider.estate.reviews_due][-1] == "NDC-GEN-06"  # 94 days away
    sex = [
        (Path(row.path).name, f.pointer)
        for row in wider.rows
        for f in row.portfolio
        if f.code == "PSED701" and f.characteristic == "sex"
    ]
    assert sex == [
        ("bud-05-leisure-staffing.yaml", "/impacts/7"),
        ("bud-11-childrens-centres.yaml", "/impacts/7"),
    ]


def _sex_cumulative(result: AuditResult) -> list[str]:
    return sorted(
        Path(row.path).name
        for row in result.rows
        for f in row.portfolio
        if f.code == "PSED701" and f.characteristic == "sex"
    )


def test_the_threshold_comes_from_the_configuration_unless_the_call_gives_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = dt.date(2026, 11, 26)
    lower = psed.audit.audit(str(ESTATE), as_of=day, config=psed.Config(min_cumulative=2))
    assert _sex_cumulative(lower) == [
        "bud-05-leisure-staffing.yaml",
        "bud-11-childrens-centres.yaml",
    ]
    assert _sex_cumulative(psed.audit.audit(str(ESTATE), as_of=day)) == []
    explicit = psed.audit.audit(
        str(ESTATE), as_of=day, config=psed.Config(min_cumulative=2), min_cumulative=3
    )
    assert _sex_cumulative(explicit) == []
    # the same from psed.toml, and --min-cumulative over it
    from psed import cli

    config = tmp_path / "psed.toml"
    config.write_text("min-cumulative = 2\n", encoding="utf-8")
    args = ["audit", str(ESTATE), "--as-of", "2026-11-26", "--format", "json"]
    cli.main([*args, "--config", str(config)])
    assert "bud-05-leisure-staffing.yaml" in _psed701_sex_paths(capsys.readouterr().out)
    cli.main([*args, "--config", str(config), "--min-cumulative", "3"])
    assert _psed701_sex_paths(capsys.readouterr().out) == []


def _psed701_sex_paths(out: str) -> list[str]:
    import json

    report = json.loads(out)
    return sorted(
        Path(row["path"]).name
        for row in report["documents"]
        for f in row["portfolio_findings"]
        if f["code"] == "PSED701" and f["characteristic"] == "sex"
    )


@pytest.mark.parametrize("value", [1, 0, 10_001, True, "3"])
def test_the_threshold_out_of_range_is_a_config_error_naming_the_key(value: object) -> None:
    with pytest.raises(psed.ConfigError, match="min-cumulative"):
        psed.Config.from_mapping({"min-cumulative": value})
    with pytest.raises(psed.ConfigError, match="min_cumulative"):
        psed.Config(min_cumulative=value)  # type: ignore[arg-type]


def test_the_csv_rows_pivot_to_the_estate_views(capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    from psed import cli

    cli.main(["audit", str(ESTATE), "--as-of", "2026-11-26", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    current = [r for r in rows if r["superseded"] == "false"]
    for directorate, _documents, reviews, actions in EXPECTED["directorates"]:
        mine = [r for r in current if r["directorate"] == directorate]
        assert sum(r["review_state"] == "overdue" for r in mine) == reviews
        assert sum(int(r["actions_overdue"]) for r in mine) == actions
    budget = [r for r in current if r["programme"] == "Budget 2026/27 savings"]
    age = sum("age" in r["adverse"].split() for r in budget)
    assert age == EXPECTED["cumulative"][0]["characteristics"][0][1]
    due = [r["id"] for r in current if r["review_state"] == "due"]
    assert sorted(due) == sorted(item[0] for item in EXPECTED["reviews_due"])


def test_portfolio_findings_cite_only_the_law_of_english_documents(result: AuditResult) -> None:
    for row in result.rows:
        for f in row.portfolio:
            assert f.references, f
            assert "Equality Act 2010 s149(1)" in f.references
            for reference in f.references:
                assert "Northern Ireland" not in reference, f
                assert "Scotland" not in reference, f
                assert "Wales) Regulations" not in reference, f
