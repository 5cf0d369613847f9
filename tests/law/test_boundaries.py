"""The day before and the day of each commencement, for each framework: what PSED101 requires.

And the 2008/2012 acceptance examples: the same entries, judged by the law of each year.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import psed

D = dt.date
AS_OF = D(2026, 11, 26)
S4 = {
    "age",
    "disability",
    "gender_reassignment",
    "marriage_civil_partnership",
    "pregnancy_maternity",
    "race",
    "religion_belief",
    "sex",
    "sexual_orientation",
}
S75 = {
    "religious_belief",
    "political_opinion",
    "racial_group",
    "age",
    "marital_status",
    "sexual_orientation",
    "men_women",
    "disability",
    "dependants",
}
ESIA_LOCAL = {"poverty", "health_wellbeing"}


def _required(framework: str, day: dt.date, **fields: Any) -> set[str]:
    """The characteristics PSED101 reports on an empty document decided on ``day``."""
    doc = {
        "name": "Empty",
        "framework": framework,
        "status": "submitted",
        "decision": {"date": day.isoformat()},
    }
    doc.update(fields)
    report = psed.validate(doc, as_of=AS_OF)
    assert report.law_date == day
    return {f.characteristic for f in report.findings if f.code == "PSED101" and f.characteristic}


def _day_before(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=1)


GB_STEPS: tuple[tuple[dt.date, set[str], set[str]], ...] = (
    (D(2001, 4, 2), set(), {"race"}),
    (D(2006, 12, 4), {"race"}, {"race", "disability"}),
    (D(2007, 4, 6), {"race", "disability"}, {"race", "disability", "sex"}),
    (D(2011, 4, 5), {"race", "disability", "sex"}, S4),
)


@pytest.mark.parametrize("framework", ["psed", "scotland"])
@pytest.mark.parametrize(("day", "before", "on"), GB_STEPS)
def test_gb_equality_duties_by_date(
    framework: str, day: dt.date, before: set[str], on: set[str]
) -> None:
    assert _required(framework, _day_before(day)) == before
    assert _required(framework, day) == on


@pytest.mark.parametrize(("day", "before", "on"), GB_STEPS)
def test_esia_adds_community_safety_and_its_local_characteristics(
    day: dt.date, before: set[str], on: set[str]
) -> None:
    extra = {"community_safety", *ESIA_LOCAL}
    assert _required("esia", _day_before(day)) == before | extra
    assert _required("esia", day) == on | extra


def test_esia_before_and_on_the_s17_commencement() -> None:
    assert _required("esia", D(1998, 9, 29)) == ESIA_LOCAL
    assert _required("esia", D(1998, 9, 30)) == ESIA_LOCAL | {"community_safety"}


@pytest.mark.parametrize(
    ("day", "before", "on"),
    [
        *GB_STEPS,
        (D(2016, 3, 30), S4, S4 | {"welsh_language"}),
        (D(2021, 3, 31), S4 | {"welsh_language"}, S4 | {"welsh_language", "socio_economic"}),
    ],
)
def test_wales_by_date(day: dt.date, before: set[str], on: set[str]) -> None:
    assert _required("wales", _day_before(day)) == before
    assert _required("wales", day) == on


def test_the_welsh_socio_economic_duty_is_for_strategic_decisions() -> None:
    day = D(2022, 6, 1)
    assert "socio_economic" in _required("wales", day)
    assert "socio_economic" not in _required("wales", day, strategic=False)
    assert "socio_economic" in _required("wales", day, strategic=True)


def test_scotland_never_requires_a_socio_economic_entry_under_psed101() -> None:
    assert "socio_economic" not in _required("scotland", D(2018, 4, 1))
    assert "socio_economic" not in _required("scotland", D(2026, 1, 1))


def test_northern_ireland_by_date() -> None:
    assert _required("ni-s75", D(1999, 12, 31)) == set()
    assert _required("ni-s75", D(2000, 1, 1)) == S75
    assert _required("ni-s75", D(2006, 12, 31)) == S75
    assert _required("ni-s75", D(2007, 1, 1)) == S75


def test_the_covenant_duty_is_never_psed101s() -> None:
    for framework in ("psed", "esia", "wales", "scotland", "ni-s75"):
        assert "armed_forces" not in _required(framework, D(2022, 11, 22))


# ---------------------------------------------------------------- acceptance 2008 / 2012

ENTRIES = [
    {
        "characteristic": "race",
        "impact": "neutral",
        "details": "Take-up by ethnicity is the same on every route.",
    },
    {
        "characteristic": "disability",
        "impact": "negative",
        "details": "Two routes used by wheelchair users end in September.",
        "mitigations": [{"action": "Door-to-door transport for the fourteen users affected."}],
    },
    {
        "characteristic": "sex",
        "impact": "neutral",
        "details": "Women and men use the routes equally.",
    },
]


def _english(year: int, **fields: Any) -> psed.Report:
    doc: dict[str, Any] = {
        "name": "Day centre transport review",
        "status": "submitted",
        "impacts": ENTRIES,
        "decision": {"outcome": "adjust", "date": f"{year}-06-12"},
    }
    doc.update(fields)
    return psed.validate(doc, as_of=AS_OF)


def test_a_2008_english_assessment_with_race_disability_and_sex_needs_nothing_more() -> None:
    report = _english(2008)
    assert [f for f in report.findings if f.code == "PSED101"] == []
    cited = {r for f in report.findings for r in f.references}
    assert not any(r.startswith("Equality Act 2010 s149") for r in cited), cited
    assert not any("Northern Ireland" in r for r in cited)
    (thin,) = [
        f for f in report.findings if f.code == "PSED203" and f.characteristic == "disability"
    ]
    assert thin.references[0] == "Disability Discrimination Act 1995 s49A(1)"


def test_the_same_entries_in_2012_need_the_six_other_characteristics_citing_s149() -> None:
    report = _english(2012)
    missing = [f for f in report.findings if f.code == "PSED101"]
    assert {f.characteristic for f in missing} == S4 - {"race", "disability", "sex"}
    for finding in missing:
        assert finding.references[:2] == ("Equality Act 2010 s149(1)", "Equality Act 2010 s149(7)")
    cited = {r for f in report.findings for r in f.references}
    assert not any(r.startswith(("Race Relations", "Sex Discrimination")) for r in cited)


# ------------------------------------------------------------------------ s17 limbs


def _s17_finding(framework: str, day: dt.date, details: str, **config: Any) -> list[psed.Finding]:
    doc = {
        "name": "Late-night bus",
        "framework": framework,
        "status": "submitted",
        "impacts": [
            {"characteristic": "community_safety", "impact": "neutral", "details": details}
        ],
        "decision": {"date": day.isoformat()},
    }
    cfg = psed.Config.from_mapping(config) if config else None
    report = psed.validate(doc, as_of=AS_OF, config=cfg)
    return [f for f in report.findings if f.code == "PSED601"]


WELSH_S17 = {"frameworks": {"cymru-esia": {"base": "wales", "community-safety": True}}}


def test_in_wales_anti_social_behaviour_became_a_limb_on_19_november_2007() -> None:
    text = "No anti-social behaviour is expected on the route."
    assert _s17_finding("cymru-esia", D(2007, 11, 18), text, **WELSH_S17)
    assert not _s17_finding("cymru-esia", D(2007, 11, 19), text, **WELSH_S17)
    assert not _s17_finding("esia", D(2007, 8, 1), text)


def test_the_message_names_the_limbs_in_force_on_the_law_date() -> None:
    (old,) = _s17_finding("esia", D(2005, 1, 1), "N/A")
    assert "considering crime and disorder:" in old.message
    assert "re-offending" not in old.message
    (now,) = _s17_finding("esia", D(2026, 1, 1), "N/A")
    assert "re-offending or serious violence:" in now.message
    assert now.references[:2] == (
        "Crime and Disorder Act 1998 s17(1)",
        "Crime and Disorder Act 1998 s17(1)(a)",
    )
    assert "Crime and Disorder Act 1998 s17(1)(d)" in now.references
    assert "Crime and Disorder Act 1998 s17(1)(d)" not in old.references


def test_bare_safety_is_not_a_limb() -> None:
    assert _s17_finding("esia", D(2026, 1, 1), "No road-safety issues.")
    assert _s17_finding("esia", D(2026, 1, 1), "Safety is not affected.")
    assert not _s17_finding("esia", D(2026, 1, 1), "No effect on crime or safety.")


def test_the_2008_assessment_if_approved_gets_psed607_naming_s149_and_its_date() -> None:
    (changed,) = [f for f in _english(2008, status="approved").findings if f.code == "PSED607"]
    assert changed.pointer == ""
    assert changed.severity is psed.Severity.WARNING
    assert "Equality Act 2010 s149, from 5 April 2011" in changed.message
    assert not [f for f in _english(2012, status="approved").findings if f.code == "PSED607"]


def test_psed607_lists_only_duties_still_in_force_and_sorted_by_date() -> None:
    doc = {
        "name": "Old policy",
        "status": "approved",
        "framework": "wales",
        "decision": {"date": "1999-05-01"},
    }
    (changed,) = [f for f in psed.validate(doc, as_of=AS_OF).findings if f.code == "PSED607"]
    assert "Race Relations" not in changed.message  # repealed since: not the law now
    order = ["s149, from 5 April 2011", "Regulations 2011, from 6 April 2011", "2016", "2021"]
    positions = [changed.message.index(part) for part in order]
    assert positions == sorted(positions)


def _codes(framework: str, day: dt.date, code: str, **fields: Any) -> list[psed.Finding]:
    doc: dict[str, Any] = {"name": "Policy", "framework": framework, "status": "submitted"}
    doc.update(fields)
    doc["decision"] = {"date": day.isoformat()}
    return [f for f in psed.validate(doc, as_of=AS_OF).findings if f.code == code]


def test_fairer_scotland_duty_from_1_april_2018_for_strategic_decisions() -> None:
    assert not _codes("scotland", D(2018, 3, 31), "PSED602", strategic=True)
    (found,) = _codes("scotland", D(2018, 4, 1), "PSED602", strategic=True)
    assert found.references[0] == "Equality Act 2010 s1(1)"
    assert not _codes("scotland", D(2018, 4, 1), "PSED602")
    assert not _codes("psed", D(2026, 1, 1), "PSED602", strategic=True)  # not in force in England


@pytest.mark.parametrize(
    ("framework", "section"),
    [
        ("psed", "s343AA"),
        ("esia", "s343AA"),
        ("wales", "s343AB"),
        ("scotland", "s343AC"),
        ("ni-s75", "s343AD"),
    ],
)
def test_covenant_duty_from_22_november_2022_citing_each_nations_section(
    framework: str, section: str
) -> None:
    assert not _codes(framework, D(2022, 11, 21), "PSED603", functions=["housing"])
    (found,) = _codes(framework, D(2022, 11, 22), "PSED603", functions=["housing"])
    assert found.references[0] == f"Armed Forces Act 2006 {section}"
    assert not _codes(framework, D(2022, 11, 22), "PSED603", functions=["parks"])


def test_psed607_names_the_covenant_only_where_functions_bring_it() -> None:
    assert not _codes("psed", D(2020, 1, 1), "PSED607", status="approved")
    (housing,) = _codes("psed", D(2020, 1, 1), "PSED607", functions=["housing"], status="approved")
    assert "Armed Forces covenant duty, Armed Forces Act 2006 ss343AA-343AD" in housing.message
