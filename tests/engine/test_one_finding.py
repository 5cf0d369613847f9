"""One mistake, one finding: a missing person, a misspelt code or a bad value is reported once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import psed
from psed._submission_schema import add_submission_conditions

AS_OF = dt.date(2026, 11, 26)


def _findings(document: dict[str, Any] | str, **kwargs: Any) -> list[tuple[str, str]]:
    report = psed.validate(document, as_of=AS_OF, **kwargs)
    return [(f.code, f.pointer) for f in report.findings]


# ---------------------------------------------------------------- sign-offs


@pytest.mark.parametrize(
    ("slot", "name_code", "date_code", "status"),
    [
        ("responsible", "PSED301", "PSED302", "submitted"),
        ("approver", "PSED303", "PSED304", "approved"),
    ],
)
@pytest.mark.parametrize("signoff", [None, {}, {"name": ""}, {"name": "TBC", "role": "Head"}])
def test_no_one_named_is_one_finding_not_two(
    slot: str, name_code: str, date_code: str, status: str, signoff: dict[str, str] | None
) -> None:
    document: dict[str, Any] = {"name": "Library review", "status": status}
    if signoff is not None:
        document[slot] = signoff
    found = _findings(document)
    assert [c for c, _ in found if c in (name_code, date_code)] == [name_code]


@pytest.mark.parametrize(
    ("slot", "date_code", "status"),
    [("responsible", "PSED302", "submitted"), ("approver", "PSED304", "approved")],
)
def test_a_named_person_without_a_date_is_the_date_finding(
    slot: str, date_code: str, status: str
) -> None:
    document = {"name": "Library review", "status": status, slot: {"name": "Dan Tong"}}
    found = _findings(document)
    assert (date_code, f"/{slot}/date") in found
    assert not any(c in ("PSED301", "PSED303") and p.startswith(f"/{slot}") for c, p in found)


@pytest.mark.parametrize(
    "signoff",
    [None, {"name": ""}, {"name": "Dan Tong"}, {"name": "Dan Tong", "date": "2026-09-01"}],
)
def test_the_submission_schema_asks_for_the_date_as_the_rules_do(
    signoff: dict[str, str] | None,
) -> None:
    document: dict[str, Any] = {"name": "Library review", "status": "approved"}
    if signoff is not None:
        document["approver"] = signoff
    schema = add_submission_conditions(
        psed.json_schema("psed"), psed.BUILTIN_FRAMEWORKS["psed"], status="approved"
    )
    failing = {
        c["x-psed-rule"]
        for c in schema["allOf"]
        if c.get("x-psed-rule") in ("PSED303", "PSED304")
        and not Draft202012Validator(c).is_valid(document)
    }
    reported = {c for c, _ in _findings(document) if c in ("PSED303", "PSED304")}
    assert failing == reported


# ---------------------------------------------------------------- misspelt characteristics


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Age", "age"),
        ("AGE ", "age"),
        ("Gender reassignment", "gender_reassignment"),
        ("sexual-orientation", "sexual_orientation"),
        ("Religion or belief", "religion_belief"),
    ],
)
def test_a_misspelt_required_code_is_reported_once(written: str, meant: str) -> None:
    document = {
        "name": "Library review",
        "status": "submitted",
        "impacts": [{"characteristic": written, "impact": "neutral", "details": "No change."}],
    }
    report = psed.validate(document, as_of=AS_OF)
    assert [(f.code, f.pointer) for f in report.findings if f.code == "PSED006"] == [
        ("PSED006", "/impacts/0/characteristic")
    ]
    missing = {f.characteristic for f in report.findings if f.code == "PSED101"}
    assert meant not in missing
    assert len(missing) == 8  # the other eight are still missing


def test_an_unrelated_unknown_code_does_not_stand_for_a_required_one() -> None:
    document = {
        "name": "Library review",
        "status": "submitted",
        "impacts": [{"characteristic": "agee", "impact": "neutral", "details": "No change."}],
    }
    report = psed.validate(document, as_of=AS_OF)
    assert "age" in {f.characteristic for f in report.findings if f.code == "PSED101"}


# ---------------------------------------------------------------- invalid values


def test_an_invalid_impact_leaves_the_entry_s_other_findings() -> None:
    def entry(impact: str) -> dict[str, Any]:
        return {
            "name": "Library review",
            "status": "approved",
            "impacts": [
                {
                    "characteristic": "age",
                    "impact": impact,
                    "group": "TBC",
                    "details": "Older people may be excluded. TBC",
                    "mitigations": [{"action": "N/A"}, {"action": "Run drop-in sessions"}],
                }
            ],
        }

    def below_the_impact(found: list[tuple[str, str]]) -> set[tuple[str, str]]:
        return {(c, p) for c, p in found if p.startswith("/impacts/0") and p != "/impacts/0/impact"}

    invalid = _findings(entry("n/a"))
    assert ("PSED004", "/impacts/0/impact") in invalid
    kept = below_the_impact(invalid)
    assert kept == below_the_impact(_findings(entry("unknown")))
    assert {"PSED106", "PSED202", "PSED203", "PSED205"} <= {c for c, _ in kept}


# ---------------------------------------------------------------- the name


@pytest.mark.parametrize("name", ["", "  ", "TBC", "[Insert name of proposal]", "\uff2e/\uff21"])
def test_an_empty_or_placeholder_name_is_a_finding(name: str) -> None:
    found = _findings({"name": name, "status": "submitted"})
    assert ("PSED113", "/name") in found
    report = psed.validate({"name": name}, as_of=AS_OF)  # a draft: a to-do, not a failure
    assert [f.severity for f in report.findings if f.code == "PSED113"] == [psed.Severity.INFO]


def test_a_missing_name_is_the_structural_finding_only() -> None:
    found = _findings({"description": "A proposal.", "status": "submitted"})
    assert ("PSED002", "/name") in found
    assert not any(c == "PSED113" for c, _ in found)


def test_the_new_template_is_told_its_name_is_missing(tmp_path: Path) -> None:
    from psed.cli import main

    target = tmp_path / "new.yaml"
    assert main(["new", "-o", str(target)]) == 0
    report = psed.validate(target.read_bytes(), status="submitted", as_of=AS_OF)
    assert ("PSED113", "/name") in [(f.code, f.pointer) for f in report.findings]
