"""What a user gets when a form's answer cannot be read: the text listed, and why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from psed.importing import ImportResult, import_file

_DETAILS = """
<tr><td>Title of policy</td><td>Library opening hours</td></tr>
<tr><td>Number of people affected</td><td>about forty</td></tr>
<tr><td>Outcome of the assessment</td><td>Maybe later</td></tr>
<tr><td>Date of decision</td><td>next spring</td></tr>
<tr><td>Date of next review</td><td>{review}</td></tr>
"""
_IMPACTS = """
<tr><th>Protected characteristic</th><th>Impact</th><th>Evidence and reasons</th>
<th>Mitigating actions</th><th>Action owner</th><th>Target date</th></tr>
<tr><td>Age - older people (65+)</td><td>Medium</td>
<td>Older residents use the library in the mornings.</td><td>Keep Tuesday mornings</td>
<td>Head of libraries</td><td>when funds allow</td></tr>
<tr><td>Disability</td><td>Negative</td><td>Fewer staffed hours.</td><td>N/A</td>
<td></td><td></td></tr>
"""


def _import(tmp_path: Path, review: str = "31/03/2026") -> ImportResult:
    path = tmp_path / "eqia.html"
    path.write_text(
        "<html><body><h1>Equality Impact Assessment</h1>"
        f"<table>{_DETAILS.format(review=review)}</table><table>{_IMPACTS}</table>"
        "</body></html>",
        encoding="utf-8",
    )
    return import_file(path, template="generic-eqia")


def _unmapped(result: ImportResult) -> dict[str, Any]:
    return {u["text"]: u.get("reason") for u in result.unmapped}


def test_values_that_cannot_be_read_are_listed_with_the_field_and_why(tmp_path: Path) -> None:
    result = _import(tmp_path)
    assert result.findings == ()
    assert _unmapped(result) == {
        "about forty": "service_profile.customers: not one whole number; give the number alone",
        "Maybe later": (
            "decision.outcome: no option ticked, or an option the template does not know"
        ),
        "next spring": "decision.date: not a date the importer can read",
        "when funds allow": "/impacts/0/mitigations/0/due: not a date the importer can read",
    }
    cell = next(u["from"] for u in result.unmapped if u["text"] == "next spring")
    assert (cell["table"], cell["row"], cell["cell"]) == (1, 4, 2)
    assert "decision" not in result.tree
    assert "customers" not in result.tree.get("service_profile", {})


def test_an_impact_word_with_no_direction_is_inferred_unknown_with_the_words_quoted(
    tmp_path: Path,
) -> None:
    result = _import(tmp_path)
    age, disability = result.tree["impacts"]
    assert age == {
        "characteristic": "age",
        "group": "older people (65+)",
        "impact": "unknown",
        "details": "Older residents use the library in the mornings.",
        "mitigations": [{"action": "Keep Tuesday mornings", "owner": "Head of libraries"}],
    }
    assert disability == {
        "characteristic": "disability",
        "impact": "negative",
        "details": "Fewer staffed hours.",
    }
    (inferred,) = [i for i in result.inferred if i["pointer"] == "/impacts/0/impact"]
    assert inferred["value"] == "unknown"
    assert inferred["reason"].startswith("the form says 'Medium', which gives no direction; ")
    assert "# inferred: unknown (the form says 'Medium'" in result.yaml
    assert {
        "text": "N/A",
        "reason": "says there is no mitigation",
    }.items() <= next(s for s in result.skipped if s["text"] == "N/A").items()


def test_a_review_date_row_is_not_taken_for_a_sign_off_date_no_one_signed(
    tmp_path: Path,
) -> None:
    # "Date" after "Completed by" is the completion date; this form has no "Completed by"
    result = _import(tmp_path)
    assert result.tree["review_date"] == "2026-03-31"
    assert "responsible" not in result.tree
    assert "Date of next review" not in _unmapped(result)


def test_a_review_date_that_is_not_a_real_day_is_listed(tmp_path: Path) -> None:
    result = _import(tmp_path, review="31/02/2026")
    assert "review_date" not in result.tree
    assert _unmapped(result)["31/02/2026"] == "review_date: not a date the importer can read"
