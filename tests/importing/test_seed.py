"""The seed form (Southampton's ESIA) imported from Word and from PDF.

The Word file rebuilds the published form in its layout; the PDF is that file
converted by LibreOffice (tests/importing/make_fixtures.py made both). The import
must equal examples/customer-access-strategy.yaml, which encodes the same form by
hand, except for what the form does not hold, and be judged the same by the rules.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import pytest

import psed

from .conftest import imported

ROOT = Path(__file__).resolve().parents[2]
AS_OF = _dt.date(2026, 11, 26)

# What the example holds that the form does not, each with the reason:
NOT_ON_THE_FORM = {
    # the council's reference for the assessment is the example's own
    "id",
    # the example lists the channel volumes, which the form gives inside the service
    # profile, as an evidence item written by an editor
    "evidence",
}


def _example() -> dict[str, Any]:
    return psed.unstructure(psed.load(ROOT / "examples" / "customer-access-strategy.yaml"))


def _imported(name: str) -> dict[str, Any]:
    result = imported(name)
    assert result.proposal is not None, result.findings
    assert result.findings == ()
    return psed.unstructure(result.proposal)


@pytest.mark.parametrize("name", ["southampton-esia.docx", "southampton-esia.pdf"])
def test_seed_import_equals_the_example_except_what_the_form_does_not_hold(name: str) -> None:
    got = _imported(name)
    example = _example()
    # the form's service profile box holds the channel volumes too (the example moved
    # them to evidence), so the example's text is the start of the form's
    profile = got.pop("service_profile")
    expected_profile = example.pop("service_profile")
    assert profile["customers"] == expected_profile["customers"] == 260111
    assert profile["description"].startswith(expected_profile["description"])
    assert "273,308 calls" in profile["description"]
    for key in NOT_ON_THE_FORM:
        got.pop(key)
        example.pop(key)
    assert got == example


def test_pdf_import_equals_word_import() -> None:
    assert _imported("southampton-esia.pdf") == _imported("southampton-esia.docx")


def _findings(proposal: psed.Proposal) -> set[tuple[str, str]]:
    report = psed.check(proposal, as_of=AS_OF)
    return {(f.code, f.pointer) for f in report.findings}


@pytest.mark.parametrize("name", ["southampton-esia.docx", "southampton-esia.pdf"])
def test_check_reports_the_same_findings_as_on_the_example(name: str) -> None:
    proposal = imported(name).proposal
    assert proposal is not None
    example = psed.load(ROOT / "examples" / "customer-access-strategy.yaml")
    # the one difference: with no evidence list on the form, PSED401 says so
    assert _findings(proposal) - _findings(example) == {("PSED401", "/evidence")}
    assert _findings(example) - _findings(proposal) == set()


def test_seed_inferences_are_the_impacts_the_form_has_no_column_for() -> None:
    result = imported("southampton-esia.docx")
    inferred = {item["pointer"]: item["value"] for item in result.inferred}
    impacts = {
        f"/impacts/{i}/impact": entry.impact.value
        for i, entry in enumerate(result.proposal.impacts if result.proposal else ())
    }
    assert inferred == {
        **impacts,
        "/status": "approved",
        "/service_profile/customers": 260111,
    }
    assert inferred["/impacts/0/impact"] == "mixed"
    assert inferred["/impacts/9/impact"] == "not_applicable"
    # every inferred value is commented in the YAML, on the line above it
    lines = result.yaml.splitlines()
    for number, line in enumerate(lines):
        if line.strip().startswith("impact:"):
            assert lines[number - 1].strip().startswith("# inferred:"), line


def test_seed_leaves_no_text_unaccounted_for() -> None:
    result = imported("southampton-esia.docx")
    assert result.unmapped == ()
    reasons = {item["reason"] for item in result.skipped}
    assert reasons == {"form text", "says there is no mitigation"}
    assert result.template == "esia"
    assert result.score == 1.0
