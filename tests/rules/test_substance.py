"""The rules on screening, the decision trail, consultation and evidence quality: edges.

The fixtures (tests/rules/fixtures/PSEDnnn) hold whole documents; these tests vary one
thing at a time: the configured thresholds, the date arithmetic, each phrase of
PSED412, and the "one mistake, one finding" pairs.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import psed
import psed.audit
from psed.output.sarif import rule_descriptor
from psed.rules import all_rules, get_rule
from psed.rules.evidence import _years_before

AS_OF = dt.date(2026, 11, 26)
FIXTURES = Path(__file__).parent / "fixtures"
NEW_CODES = (
    "PSED110",
    "PSED111",
    "PSED112",
    "PSED206",
    "PSED207",
    "PSED313",
    "PSED314",
    "PSED315",
    "PSED316",
    "PSED406",
    "PSED407",
    "PSED408",
    "PSED409",
    "PSED410",
    "PSED411",
    "PSED412",
    "PSED503",
)


def _fixture(code: str, name: str) -> dict[str, Any]:
    return psed.unstructure(psed.load(FIXTURES / code / name))


def _at(tree: dict[str, Any], code: str, **kw: Any) -> list[tuple[str, str]]:
    report = psed.validate(tree, as_of=AS_OF, **kw)
    return [(f.pointer, f.severity.value) for f in report.findings if f.code == code]


# ------------------------------------------------------------------ PSED407 thresholds


@pytest.mark.parametrize(("days", "reported"), [(27, True), (28, False), (41, False)])
def test_consultation_length_against_the_default(days: int, reported: bool) -> None:
    tree = _fixture("PSED407", "pass_28_days.yaml")
    tree["engagement"][0]["end"] = (dt.date(2026, 5, 1) + dt.timedelta(days=days)).isoformat()
    assert bool(_at(tree, "PSED407")) is reported


def test_consultation_minimum_is_configurable_per_framework() -> None:
    tree = _fixture("PSED407", "pass_28_days.yaml")  # 28 days, framework psed
    longer = psed.Config(thresholds=psed.Thresholds(min_consultation_days=29))
    assert _at(tree, "PSED407", config=longer) == [("/engagement/0/end", "warning")]
    ni_only = psed.Config(
        framework_thresholds={"ni-s75": psed.Thresholds(min_consultation_days=84)}
    )
    assert _at(tree, "PSED407", config=ni_only) == []
    tree["framework"] = "ni-s75"
    assert ("/engagement/0/end", "warning") in _at(tree, "PSED407", config=ni_only)
    message = next(
        f.message
        for f in psed.validate(tree, as_of=AS_OF, config=ni_only).findings
        if f.code == "PSED407"
    )
    assert "fewer than 84 days" in message


# ------------------------------------------------------------------ PSED411 dates


@settings(max_examples=200)
@given(st.dates(min_value=dt.date(51, 1, 1)), st.integers(min_value=1, max_value=50))
def test_years_before_is_the_same_calendar_day(day: dt.date, years: int) -> None:
    earlier = _years_before(day, years)
    assert earlier.year == day.year - years
    if (day.month, day.day) == (2, 29):
        assert (earlier.month, earlier.day) in ((2, 28), (2, 29))
        assert earlier.day == 29 or earlier.replace(day=1).year % 4 != 0 or earlier.year % 100 == 0
    else:
        assert (earlier.month, earlier.day) == (day.month, day.day)


def test_leap_day_counts_back_to_28_february() -> None:
    assert _years_before(dt.date(2024, 2, 29), 5) == dt.date(2019, 2, 28)
    assert _years_before(dt.date(2024, 2, 29), 4) == dt.date(2020, 2, 29)
    # Counting back past year 1: nothing can be older.
    assert _years_before(dt.date(5, 1, 1), 5) == dt.date.min
    assert _years_before(dt.date(6, 1, 1), 5) == dt.date(1, 1, 1)


@pytest.mark.parametrize(
    ("dated", "years", "reported"),
    [
        ("2022-07-22", 4, False),  # exactly 4 years before the decision (2026-07-22)
        ("2022-07-21", 4, True),
        ("2021-07-22", 5, False),
        ("2021-07-21", 5, True),
        ("2021-07-21", 6, False),
    ],
)
def test_evidence_age_is_configurable(dated: str, years: int, reported: bool) -> None:
    tree = _fixture("PSED411", "pass_five_and_four_years.yaml")
    tree["evidence"][0]["date"] = dated
    config = psed.Config(thresholds=psed.Thresholds(max_evidence_age_years=years))
    found = _at(tree, "PSED411", config=config)
    assert found == ([("/evidence/0/date", "warning")] if reported else [])


def test_undated_2011_census_is_stale_only_when_old_enough() -> None:
    tree = _fixture("PSED411", "fail_undated_2011_census.yaml")
    # Judged in 2014, census day 2011 is three years old: not stale under the default.
    tree["decision"]["date"] = "2014-03-01"
    assert _at(tree, "PSED411") == []
    tree["decision"]["date"] = "2016-03-28"
    assert _at(tree, "PSED411") == [
        ("/evidence/2/source", "warning"),
        ("/evidence/3/summary", "warning"),
    ]


# ------------------------------------------------------------------ PSED412 phrases

_PHRASES = (
    "no data",
    "data is not available",
    "not collected",
    "not held",
    "not known",
    "don't know",
    "do not know",
    "unknown",
    "no information",
    "not recorded",
)


def _with_details(details: str, *, mitigation: str | None = None) -> dict[str, Any]:
    tree = _fixture("PSED412", "pass_inside_longer_words.yaml")
    entry = tree["impacts"][0]
    entry["details"] = details
    entry["mitigations"] = [] if mitigation is None else [{"action": mitigation}]
    return tree


@pytest.mark.parametrize("phrase", _PHRASES)
def test_each_phrase_on_word_boundaries(phrase: str) -> None:
    for text in (
        phrase,
        phrase.upper(),
        f"({phrase})",
        f"It is {phrase}, so we asked.",
        phrase.replace(" ", "\n  "),
    ):
        found = _at(_with_details(text), "PSED412")
        assert found == [("/impacts/0/details", "warning")], text


@pytest.mark.parametrize("phrase", _PHRASES)
def test_each_phrase_inside_a_longer_word_is_not_reported(phrase: str) -> None:
    for text in (f"x{phrase}", f"{phrase}x", f"pre{phrase}post"):
        assert _at(_with_details(text), "PSED412") == [], text


@pytest.mark.parametrize("phrase", _PHRASES)
def test_a_real_mitigation_answers_the_gap(phrase: str) -> None:
    tree = _with_details(f"The effect is {phrase}.", mitigation="Add the question to the survey.")
    assert _at(tree, "PSED412") == []
    tree["impacts"][0]["mitigations"][0]["status"] = "dropped"
    assert _at(tree, "PSED412") == [("/impacts/0/details", "warning")]


def test_the_message_names_the_phrase_as_listed() -> None:
    report = psed.validate(_with_details("We Don\u2019t  Know yet."), as_of=AS_OF)
    (finding,) = [f for f in report.findings if f.code == "PSED412"]
    assert '("don\'t know")' in finding.message
    assert finding.characteristic == "age"


# ------------------------------------------------------------------ PSED409 severity


def test_alternatives_severity_by_framework_and_level() -> None:
    tree = _fixture("PSED409", "fail_ni_full_error.yaml")
    report = psed.validate(tree, as_of=AS_OF)
    (finding,) = [f for f in report.findings if f.code == "PSED409"]
    assert (finding.severity, finding.default_severity) == (psed.Severity.ERROR,) * 2
    assert not report.ok
    # The configured severity for the code wins over the document's escalation.
    relaxed = psed.Config(severity={"PSED409": "warning"})
    assert _at(tree, "PSED409", config=relaxed) == [("/alternatives", "warning")]
    # The same document under the default framework: the warning of practice.
    tree["framework"] = "psed"
    assert _at(tree, "PSED409") == [("/alternatives", "warning")]
    assert get_rule("PSED409").severity is psed.Severity.WARNING


# ------------------------------------------------------------------ one mistake, one finding

_PAIRS = (("PSED112", "PSED104"), ("PSED207", "PSED205"))
_TEXTS = st.sampled_from(
    [
        "",
        "N/A",
        "TBC",
        "See above.",
        "Monitor",
        "Keep under review",
        "Positive impact.",
        "Offer assisted collections on request.",
        "Older residents who walk to the library will have a three mile trip.",
    ]
)
_DATES = st.none() | st.dates(min_value=dt.date(2026, 6, 1), max_value=dt.date(2026, 7, 31))


@st.composite
def _trails(draw: st.DrawFn) -> dict[str, Any]:
    """Documents that vary exactly what the pairs of rules look at."""
    impacts = [
        {
            "characteristic": code,
            "impact": draw(st.sampled_from(["positive", "negative", "mixed", "neutral"])),
            "details": draw(_TEXTS),
            "mitigations": [
                {
                    "action": draw(_TEXTS),
                    "status": draw(st.sampled_from(["planned", "done", "dropped"])),
                }
                for _ in range(draw(st.integers(0, 2)))
            ],
        }
        for code in draw(st.lists(st.sampled_from(["age", "disability", "race"]), max_size=3))
    ]
    report = draw(
        st.none()
        | st.fixed_dictionaries(
            {"date": _DATES.map(lambda d: d and d.isoformat())},
            optional={"assessment_appended": st.booleans()},
        )
    )
    decision: dict[str, Any] = {"maker": draw(st.sampled_from([None, "N/A", "Cabinet"]))}
    if report is not None:
        decision["report"] = report
    signoff = {"name": "Ann Lee", "date": draw(_DATES.map(lambda d: d and d.isoformat()))}
    return {"name": "Pairs", "impacts": impacts, "decision": decision, "approver": signoff}


@settings(max_examples=150, deadline=None)
@given(_trails())
def test_one_mistake_one_finding(tree: dict[str, Any]) -> None:
    report = psed.validate(tree, as_of=AS_OF)
    at: dict[str, set[str]] = {}
    for finding in report.findings:
        at.setdefault(finding.code, set()).add(finding.pointer)
    for new, old in _PAIRS:
        assert not at.get(new, set()) & at.get(old, set()), (new, old)
    # PSED313 and PSED314 never both report the same report.
    assert not ("PSED313" in at and "PSED314" in at)


@pytest.mark.parametrize("details", ["TBC", "N/A", "", None])
def test_placeholder_details_are_psed104_not_psed112(details: str | None) -> None:
    tree = _fixture("PSED112", "pass_eight_words.yaml")
    tree["impacts"][0]["details"] = details
    report = psed.validate(tree, as_of=AS_OF)
    assert [f.pointer for f in report.findings if f.code == "PSED104"] == ["/impacts/0/details"]
    assert [f.pointer for f in report.findings if f.code == "PSED112"] == []


def test_an_early_report_without_the_assessment_is_psed313_only() -> None:
    tree = _fixture("PSED314", "pass_left_to_psed313.yaml")
    report = psed.validate(tree, as_of=AS_OF)
    assert [f.code for f in report.findings if f.code in ("PSED313", "PSED314")] == ["PSED313"]
    tree["decision"]["report"]["assessment_appended"] = True
    report = psed.validate(tree, as_of=AS_OF)
    assert [f.code for f in report.findings if f.code in ("PSED313", "PSED314")] == ["PSED314"]


# ------------------------------------------------------------------ catalogue and outputs


def test_every_new_code_is_in_the_catalogue_with_docs_and_sarif_metadata() -> None:
    rules = {r.code: r for r in all_rules()}
    for code in NEW_CODES:
        rule = rules[code]
        assert rule.check is not None
        assert rule.help_url.endswith("#" + code.lower())
        descriptor = rule_descriptor(rule)
        assert descriptor["id"] == code
        assert descriptor["name"] == rule.name
        text = json.dumps(descriptor)
        assert rule.summary in text


def test_every_new_code_is_listed_and_explained(capsys: pytest.CaptureFixture[str]) -> None:
    from psed.cli import main

    assert main(["rules", "--format", "json"]) == 0
    listed = {entry["code"] for entry in json.loads(capsys.readouterr().out)}
    assert set(NEW_CODES) <= listed
    for code in NEW_CODES:
        assert main(["explain", code]) == 0
        out = capsys.readouterr().out
        assert code in out
        assert get_rule(code).name in out


def test_every_new_code_reaches_the_audit_totals() -> None:
    paths = [str(FIXTURES / code) for code in NEW_CODES]
    result = psed.audit.audit(paths, as_of=AS_OF)
    for code in NEW_CODES:
        assert result.totals.rule_documents[code] >= 1, code
        assert result.totals.rule_findings[code] >= result.totals.rule_documents[code], code


def test_old_documents_get_no_new_structural_finding() -> None:
    for path in sorted((Path(__file__).parents[2] / "examples").glob("*.yaml")):
        assert psed.read(path.read_bytes())[1] == [], path.name


def test_thresholds_reach_rules_called_directly() -> None:
    # A Context built by hand (as a plug-in's tests do) has the default thresholds.
    from psed.catalogue import default_catalogue
    from psed.rules import Context
    from psed.rules.evidence import consultation_period_short

    proposal = psed.load(FIXTURES / "PSED407" / "fail_27_days.yaml")
    catalogue = default_catalogue()
    framework = catalogue.framework("psed")
    assert framework is not None
    ctx = Context(
        proposal=proposal,
        as_of=AS_OF,
        status=proposal.status,
        framework=framework,
        catalogue=catalogue,
    )
    assert [h.pointer for h in consultation_period_short(ctx)] == ["/engagement/0/end"]
    lenient = attrs.evolve(ctx, thresholds=psed.Thresholds(min_consultation_days=27))
    assert list(consultation_period_short(lenient)) == []
