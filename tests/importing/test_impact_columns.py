"""Impact tables and sections read from Word files: every column and option a template can name."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from psed.importing import import_file
from psed.importing._template import parse_template

from .conftest import GOOD_TEMPLATE, word_file


def _template(**changes: Any) -> Any:
    raw = copy.deepcopy(GOOD_TEMPLATE)
    raw.update(changes)
    return parse_template(raw, "ours.yaml")


_COLUMNS = {
    "characteristic": ["Group"],
    "impact": ["Impact"],
    "details": ["Details"],
    "group": ["Who"],
    "justification": ["Justification"],
}


def test_an_impact_table_reads_ticked_options_groups_and_justifications(tmp_path: Path) -> None:
    rows = [
        ["Group", "Impact", "Details", "Who", "Justification"],
        ["Age", "\u2612 Positive \u2610 Negative", "More evening hours.", "Students", "N/A"],
        ["Disability", "\u2612 Positive \u2612 Negative", "Lifts, but fewer staff.", "", ""],
        ["Race", "Negative", "Fewer translated leaflets.", "", "Budget is fixed by law."],
    ]
    template = _template(impact_tables=[{"columns": _COLUMNS}])
    result = import_file(word_file(tmp_path / "t.docx", ["Summary: s"], rows), template=template)
    age, disability, race = result.tree["impacts"]
    assert age == {
        "characteristic": "age",
        "group": "Students",
        "impact": "positive",
        "details": "More evening hours.",
    }
    assert disability["impact"] == "mixed"  # both boxes ticked
    assert race["impact"] == "negative"
    assert race["justification"] == "Budget is fixed by law."
    skipped = {s["text"]: s["reason"] for s in result.skipped}
    assert skipped["N/A"] == "says there is no justification"
    assert not any(i["pointer"].endswith("/impact") for i in result.inferred)


def test_a_characteristic_in_two_rows_is_one_entry_with_the_impacts_combined(
    tmp_path: Path,
) -> None:
    rows = [
        ["Group", "Impact", "Details"],
        ["Age", "Positive", "More evening hours."],
        ["Age", "Negative", "Fewer morning hours."],
    ]
    template = _template(impact_tables=[{"columns": _COLUMNS}])
    result = import_file(word_file(tmp_path / "t.docx", ["Summary: s"], rows), template=template)
    (age,) = result.tree["impacts"]
    assert age["impact"] == "mixed"
    assert age["details"] == "More evening hours.\n\nFewer morning hours."


def test_an_impact_section_reads_ticked_options_choices_groups_and_justifications(
    tmp_path: Path,
) -> None:
    section = {
        "within": ["Impacts"],
        "until": ["Sign-off"],
        "impact_words": {"Good": "positive", "Bad": "negative"},
        "fields": {
            "impact": {"labels": ["Impact"]},
            "details": {"labels": ["Details"]},
            "group": {"labels": ["Who"]},
            "justification": {"labels": ["Justification"]},
        },
    }
    paragraphs = [
        "Summary: s",
        "Impacts",
        "Age",
        "Impact: \u2612 Good \u2610 Bad",
        "Details: More evening hours.",
        "Who: Students",
        "Justification: N/A",
        "Disability",
        "Impact: \u2610 Good \u2610 Bad",
        "Details: Lifts are kept.",
        "Race",
        "Impact: Bad",
        "Justification: The budget is fixed by law.",
        "Sign-off",
        "Religion or belief",
    ]
    template = _template(impact_tables=[], impact_sections=[section])
    result = import_file(word_file(tmp_path / "s.docx", paragraphs), template=template)
    age, disability, race = result.tree["impacts"]
    assert age == {
        "characteristic": "age",
        "group": "Students",
        "impact": "positive",
        "details": "More evening hours.",
    }
    assert disability["details"] == "Lifts are kept."
    assert disability["impact"] == "unknown"  # no box ticked: inferred from the details
    assert race == {
        "characteristic": "race",
        "impact": "negative",
        "justification": "The budget is fixed by law.",
    }
    reasons = {u["text"]: u.get("reason") for u in result.unmapped}
    assert reasons["Impact: \u2610 Good \u2610 Bad"] == "impact: no option ticked"
    skipped = {s["text"]: s["reason"] for s in result.skipped}
    assert skipped["Justification: N/A"] == "says there is no justification"
    # after "Sign-off" the section ends: a characteristic there is not an entry
    assert "Religion or belief" in reasons


def test_an_owner_with_no_action_and_an_owner_that_is_a_placeholder_are_not_written(
    tmp_path: Path,
) -> None:
    columns = {
        "characteristic": ["Group"],
        "details": ["Details"],
        "mitigations": ["Action"],
        "owner": ["Owner"],
        "due": ["By when"],
    }
    rows = [
        ["Group", "Details", "Action", "Owner", "By when"],
        ["Age", "Fewer hours.", "Keep mornings", "N/A", "31/03/2026"],
        ["Sex", "No differential impact.", "", "Head of libraries", ""],
    ]
    template = _template(impact_tables=[{"columns": columns}])
    result = import_file(word_file(tmp_path / "o.docx", ["Summary: s"], rows), template=template)
    age, sex = result.tree["impacts"]
    assert age["mitigations"] == [{"action": "Keep mornings", "due": "2026-03-31"}]
    assert "mitigations" not in sex
    skipped = {s["text"]: s["reason"] for s in result.skipped}
    assert skipped["N/A"] == "placeholder"
    assert [(u["text"], u["reason"]) for u in result.unmapped] == [
        (
            "Head of libraries",
            "/impacts/1/mitigations/0/owner: no action in this row for it to belong to; add one",
        )
    ]
