"""The submission schema's conditions that follow the law date, screening and the decision trail."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import psed
from psed._submission_schema import _date_pattern

S4 = psed.BUILTIN_FRAMEWORKS["psed"].required
AS_OF = dt.date(2026, 11, 26)


def _failing(framework: str, doc: dict[str, Any], status: str = "submitted") -> list[str]:
    schema = psed.json_schema(framework, mode="submission")
    if status == "approved":
        from psed._submission_schema import add_submission_conditions

        schema = add_submission_conditions(
            psed.json_schema(framework), psed.BUILTIN_FRAMEWORKS[framework], status="approved"
        )
    return [
        c["x-psed-rule"]
        + (":" + c["x-psed-characteristic"] if "x-psed-characteristic" in c else "")
        for c in schema["allOf"]
        if "x-psed-rule" in c and not Draft202012Validator(c).is_valid(doc)
    ]


def _errors(doc: dict[str, Any], status: str = "submitted") -> list[str]:
    report = psed.validate(doc, status=status, as_of=AS_OF)
    return [
        f.code + (":" + f.characteristic if f.code == "PSED101" and f.characteristic else "")
        for f in report.findings
        if f.severity is psed.Severity.ERROR
    ]


def _doc(framework: str = "psed", codes: tuple[str, ...] = S4, **extra: Any) -> dict[str, Any]:
    return {
        "name": "Library opening hours",
        "framework": framework,
        "status": "submitted",
        "description": "Change the opening hours of three branch libraries.",
        "impact_summary": "Later opening helps working people; earlier closing affects some.",
        "impacts": [
            {"characteristic": c, "impact": "neutral", "details": "No differential effect found."}
            for c in codes
        ],
        "responsible": {"name": "Dan Tong", "role": "Manager", "date": "2021-11-18"},
        **extra,
    }


@settings(max_examples=300)
@given(st.dates(), st.dates(), st.booleans())
def test_date_patterns_order_iso_dates(day: dt.date, edge: dt.date, at_least: bool) -> None:
    matched = re.search(_date_pattern(edge, at_least=at_least), day.isoformat()) is not None
    assert matched is ((day >= edge) if at_least else (day <= edge))


@pytest.mark.parametrize(
    ("decided", "required"),
    [
        ("2001-04-01", set()),
        ("2001-04-02", {"race"}),
        ("2006-12-04", {"race", "disability"}),
        ("2008-06-30", {"race", "disability", "sex"}),
        ("2011-04-04", {"race", "disability", "sex"}),
        ("2011-04-05", set(S4)),
    ],
)
def test_characteristics_required_on_the_law_date(decided: str, required: set[str]) -> None:
    doc = _doc(codes=(), decision={"date": decided})
    schema_says = {
        code.split(":")[1] for code in _failing("psed", doc) if code.startswith("PSED101")
    }
    psed_says = {code.split(":")[1] for code in _errors(doc) if code.startswith("PSED101")}
    assert schema_says == psed_says == required


def test_the_law_date_is_the_first_date_given() -> None:
    # No decision date: the responsible officer's 2008 date is the law date.
    doc = _doc(codes=("race", "disability", "sex"), responsible={"name": "A", "date": "2008-01-01"})
    assert not [c for c in _failing("psed", doc) if c.startswith("PSED101")]
    # A decision date wins over it.
    doc["decision"] = {"date": "2012-01-01"}
    assert "PSED101:age" in _failing("psed", doc)
    # With no date at all the document is judged by the law in force now.
    del doc["decision"], doc["responsible"]
    assert "PSED101:age" in _failing("psed", doc)


@pytest.mark.parametrize(("strategic", "needs"), [(None, True), (True, True), (False, False)])
def test_welsh_socio_economic_entry_follows_strategic(strategic: bool | None, needs: bool) -> None:
    codes = tuple(c for c in psed.BUILTIN_FRAMEWORKS["wales"].required if c != "socio_economic")
    doc = _doc("wales", codes, decision={"date": "2022-05-01"})
    if strategic is not None:
        doc["strategic"] = strategic
    assert ("PSED101:socio_economic" in _failing("wales", doc)) is needs
    assert ("PSED101:socio_economic" in _errors(doc)) is needs
    doc["decision"]["date"] = "2021-03-30"  # the day before the duty
    assert "PSED101:socio_economic" not in _failing("wales", doc)


@pytest.mark.parametrize("outcome", ["screened_out", "not_required"])
def test_screened_out_with_an_adverse_impact(outcome: str) -> None:
    doc = _doc(screening={"outcome": outcome})
    assert "PSED110" not in _failing("psed", doc)
    doc["impacts"][0].update(
        impact="mixed", justification="The saving protects the mobile library."
    )
    assert "PSED110" in _failing("psed", doc)
    assert "PSED110" in _errors(doc)
    doc["screening"]["outcome"] = "screened_out_with_mitigation"
    assert "PSED110" not in _failing("psed", doc) + _errors(doc)


def test_assessment_before_the_decision_maker_when_approved() -> None:
    doc = _doc(decision={"outcome": "adjust", "maker": "Cabinet"})
    doc["approver"] = {"name": "James Marshall", "role": "Head of Service", "date": "2021-11-19"}
    doc["status"] = "approved"
    assert "PSED313" in _failing("psed", doc, "approved")
    assert "PSED313" in _errors(doc, "approved")
    assert "PSED313" not in _failing("psed", doc)  # not a condition at submission
    doc["decision"]["report"] = {"title": "Cabinet report", "assessment_appended": False}
    assert "PSED313" in _failing("psed", doc, "approved")
    doc["decision"]["report"]["assessment_appended"] = True
    assert "PSED313" not in _failing("psed", doc, "approved") + _errors(doc, "approved")
    doc["decision"] = {"outcome": "adjust", "maker": "N/A"}
    assert "PSED313" not in _failing("psed", doc, "approved") + _errors(doc, "approved")


def test_alternatives_of_a_northern_ireland_full_assessment() -> None:
    codes = psed.BUILTIN_FRAMEWORKS["ni-s75"].required
    doc = _doc("ni-s75", codes, level="full")
    doc["impacts"][3].update(impact="negative", justification="The saving keeps all four centres.")
    assert "PSED409" in _failing("ni-s75", doc)
    assert "PSED409" in _errors(doc)
    doc["alternatives"] = [{"option": "N/A"}]
    assert "PSED409" in _failing("ni-s75", doc)
    doc["alternatives"] = [{"option": "Keep the current concessions"}]
    assert "PSED409" not in _failing("ni-s75", doc) + _errors(doc)
    # Only a screening: PSED409 is a warning, so not a condition.
    doc.update(level="screening", alternatives=[])
    assert "PSED409" not in _failing("ni-s75", doc) + _errors(doc)
    # Screened in counts as a full assessment.
    doc["screening"] = {"outcome": "screened_in"}
    assert "PSED409" in _failing("ni-s75", doc)
    # Before section 75 was in force (1 January 2000) the duty did not apply.
    doc["decision"] = {"date": "1999-12-31"}
    assert "PSED409" not in _failing("ni-s75", doc) + _errors(doc)
    # Under the other frameworks PSED409 is practice: a warning, never a condition.
    assert all("PSED409" not in _failing(f, doc) for f in ("psed", "esia", "wales", "scotland"))
