"""The submission schema's PSED101 conditions follow the law date, as validate does."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import psed

AS_OF = dt.date(2026, 11, 26)


def _schema_missing(framework: str, doc: dict[str, Any]) -> list[str]:
    schema = psed.json_schema(framework, mode="submission")
    return sorted(
        c["x-psed-characteristic"]
        for c in schema["allOf"]
        if c.get("x-psed-rule") == "PSED101" and not Draft202012Validator(c).is_valid(doc)
    )


def _validate_missing(doc: dict[str, Any]) -> list[str]:
    report = psed.validate(doc, status="submitted", as_of=AS_OF)
    return sorted(f.characteristic or "" for f in report.findings if f.code == "PSED101")


RACE_ONLY = [{"characteristic": "race", "impact": "neutral", "details": "No change for anyone."}]


@pytest.mark.parametrize(
    ("framework", "fields"),
    [
        ("psed", {"decision": {"date": "2008-06-12"}}),
        ("psed", {"decision": {"date": "2011-04-04"}}),
        ("psed", {"decision": {"date": "2011-04-05"}}),
        ("psed", {"decision": {"date": None}, "approver": {"date": "2000-01-01"}}),
        ("psed", {"responsible": {"date": "2006-12-04"}}),
        ("psed", {"screening": {"date": "2007-04-05"}}),
        ("psed", {}),
        ("esia", {"decision": {"date": "1998-09-29"}}),
        ("wales", {"decision": {"date": "2021-03-30"}}),
        ("wales", {"decision": {"date": "2021-03-31"}}),
        ("wales", {"decision": {"date": "2022-01-01"}, "strategic": False}),
        ("wales", {"decision": {"date": "2016-03-29"}}),
        ("scotland", {"decision": {"date": "2018-04-01"}, "strategic": True}),
        ("ni-s75", {"decision": {"date": "1999-12-31"}}),
        ("ni-s75", {"approver": {"date": "2000-01-01"}}),
    ],
)
def test_schema_and_validate_require_the_same_characteristics(
    framework: str, fields: dict[str, Any]
) -> None:
    doc = {"name": "Policy", "framework": framework, "impacts": RACE_ONLY, **fields}
    assert _schema_missing(framework, doc) == _validate_missing(doc)


def test_before_2011_the_schema_asks_for_race_disability_and_sex_only() -> None:
    doc = {"name": "Policy", "impacts": [], "decision": {"date": "2008-06-12"}}
    assert _schema_missing("psed", doc) == ["disability", "race", "sex"]
