"""Template fields and list tables read from real files: what lands in the document, and why not."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import docx
import pytest

from psed.importing import (
    TemplateError,
    builtin_templates,
    choose_template,
    import_file,
    read_source,
)
from psed.importing._template import parse_template

from .conftest import GOOD_TEMPLATE, word_file

_IMPACTS = [["Group", "Details"], ["Age", "Older residents use the library."]]


def _template(**changes: Any) -> Any:
    raw = copy.deepcopy(GOOD_TEMPLATE)
    for key, value in changes.items():
        if key == "fields":
            raw["fields"].update(value)
        else:
            raw[key] = value
    return parse_template(raw, "ours.yaml")


def _reasons(result: Any) -> dict[str, Any]:
    return {u["text"]: u.get("reason") for u in result.unmapped}


def test_a_functions_field_gives_one_code_per_line_or_comma(tmp_path: Path) -> None:
    template = _template(fields={"functions": {"labels": ["Functions"]}})
    path = word_file(tmp_path / "f.docx", ["Summary: fewer hours", "Functions: housing, education"])
    result = import_file(path, template=template)
    assert result.tree["functions"] == ["housing", "education"]
    assert result.proposal is not None
    assert result.proposal.functions == ("housing", "education")
    pointers = {f["pointer"] for f in result.fields}
    assert {"/functions/0", "/functions/1"} <= pointers


@pytest.mark.parametrize("template", ["auto", "esia"])
def test_no_templates_to_choose_from_is_a_template_error(tmp_path: Path, template: str) -> None:
    path = word_file(tmp_path / "f.docx", ["Summary: fewer hours"])
    with pytest.raises(TemplateError, match=r"no templates to choose from.*leave templates out"):
        import_file(path, template=template, templates=[])


def test_choose_template_with_none_names_the_problem(tmp_path: Path) -> None:
    path = word_file(tmp_path / "f.docx", ["Summary: fewer hours"])
    with pytest.raises(TemplateError, match="no templates to choose from"):
        choose_template(read_source(str(path)), [])
    assert choose_template(read_source(str(path)), builtin_templates().values())[0].id


@pytest.mark.parametrize(
    ("typed", "number"),
    [("1,200", 1200), ("1 200", 1200), ("about 350 residents", 350), ("1200", 1200)],
)
def test_an_integer_field_reads_the_one_number_typed(
    tmp_path: Path, typed: str, number: int
) -> None:
    template = _template(
        fields={"service_profile.customers": {"labels": ["Number of customers"], "read": "integer"}}
    )
    rows = [["Number of customers", typed]]
    path = word_file(tmp_path / "n.docx", ["Summary: s"], rows, _IMPACTS)
    result = import_file(path, template=template)
    assert result.tree["service_profile"] == {"customers": number}


@pytest.mark.parametrize("typed", ["1,200 (was 900)", "1200 - 1500"])
def test_an_integer_field_with_two_numbers_is_not_read_as_either(
    tmp_path: Path, typed: str
) -> None:
    template = _template(
        fields={"service_profile.customers": {"labels": ["Number of customers"], "read": "integer"}}
    )
    rows = [["Number of customers", typed]]
    path = word_file(tmp_path / "n.docx", ["Summary: s"], rows, _IMPACTS)
    result = import_file(path, template=template)
    assert "service_profile" not in result.tree
    assert _reasons(result)[typed] == (
        "service_profile.customers: not one whole number; give the number alone"
    )


def test_a_web_page_without_a_charset_is_read_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(
        "<html><body><p>Summary: Café opening – naïve hours</p></body></html>".encode()
    )
    result = import_file(path, template=_template())
    assert result.tree["impact_summary"] == "Café opening – naïve hours"


def test_a_web_page_that_names_its_charset_is_read_in_it(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(
        b'<html><head><meta charset="windows-1252"></head>'
        b"<body><p>Summary: Caf\xe9 \x96 hours</p></body></html>"
    )
    result = import_file(path, template=_template())
    assert result.tree["impact_summary"] == "Café – hours"


_ACTIONS = {
    "mitigations": {
        "columns": {
            "characteristic": ["Characteristic"],
            "action": ["Action"],
            "status": ["Progress"],
            "due": ["By when"],
        }
    },
    "evidence": {"columns": {"source": ["Source"], "date": ["Dated"]}},
}


def test_an_action_plan_carries_each_action_status_and_says_why_not(tmp_path: Path) -> None:
    template = _template(list_tables=_ACTIONS)
    plan = [
        ["Characteristic", "Action", "Progress", "By when"],
        ["Age", "Keep Tuesday mornings", "In progress", "31/03/2026"],
        ["Age", "Survey users", "stalled", "soon"],
    ]
    path = word_file(tmp_path / "a.docx", ["Summary: s"], _IMPACTS, plan)
    result = import_file(path, template=template)
    first, second = result.tree["impacts"][0]["mitigations"]
    assert first == {
        "action": "Keep Tuesday mornings",
        "status": "in_progress",
        "due": "2026-03-31",
    }
    assert second == {"action": "Survey users"}
    assert result.proposal is not None
    assert result.proposal.impacts[0].mitigations[0].status.value == "in_progress"
    assert _reasons(result) == {
        "stalled": "/impacts/0/mitigations/1/status: use Planned, In progress, Done or Dropped",
        "soon": "/impacts/0/mitigations/1/due: not a date the importer can read",
    }


def test_an_evidence_date_that_is_not_a_date_is_listed_with_the_field(tmp_path: Path) -> None:
    template = _template(list_tables=_ACTIONS)
    evidence = [["Source", "Dated"], ["Census 2021", "last year"], ["Library survey", "1/2/2025"]]
    path = word_file(tmp_path / "e.docx", ["Summary: s"], _IMPACTS, evidence)
    result = import_file(path, template=template)
    assert result.tree["evidence"] == [
        {"source": "Census 2021"},
        {"source": "Library survey", "date": "2025-02-01"},
    ]
    assert _reasons(result) == {"last year": "/evidence/0/date: not a date the importer can read"}


def test_row_labels_with_an_ampersand_or_an_end_note_mark_are_matched(tmp_path: Path) -> None:
    rows = [
        ["Group", "Details"],
        ["Health & Wellbeing\u00b9", "More walking to the library."],
        ["Age[1] - older people", "Mornings matter most."],
        ["Marriage & Civil Partnership*", "No differential impact."],
    ]
    path = word_file(tmp_path / "t.docx", ["Summary: s"], rows)
    result = import_file(path, template=_template())
    assert [(e["characteristic"], e.get("group")) for e in result.tree["impacts"]] == [
        ("health_wellbeing", None),
        ("age", "older people"),
        ("marriage_civil_partnership", None),
    ]
    assert "characteristics" not in result.tree  # none became a characteristic of its own
    assert result.unmapped == ()


def test_an_inline_action_label_in_an_impact_section_is_not_part_of_the_action(
    tmp_path: Path,
) -> None:
    template = _template(
        impact_sections=[
            {
                "within": ["Impacts"],
                "fields": {
                    "details": {"labels": ["Details"]},
                    "mitigations": {"labels": ["Action", "Actions"]},
                    "owner": {"labels": ["Owner"]},
                },
            }
        ]
    )
    paragraphs = [
        "Summary: s",
        "Impacts",
        "Age",
        "Details: older people use the mornings",
        "Action: keep Tuesday mornings",
        "Owner: Head of libraries",
        "Disability",
        "Details: fewer staffed hours",
        "Actions",
        "Add a ramp",
    ]
    result = import_file(word_file(tmp_path / "s.docx", paragraphs), template=template)
    age, disability = result.tree["impacts"]
    assert age["mitigations"] == [{"action": "keep Tuesday mornings", "owner": "Head of libraries"}]
    assert disability["mitigations"] == [{"action": "Add a ramp"}]
    assert result.unmapped == ()


def test_lines_choices_and_a_guessed_name_split_are_read_as_the_template_says(
    tmp_path: Path,
) -> None:
    template = _template(
        fields={
            "name": {"labels": ["Title"]},
            "description": {"labels": ["Description"]},
            "strategic": {
                "labels": ["Strategic decision"],
                "read": "choice",
                "choices": {"true": ["Yes"], "false": ["No"]},
            },
            "responsible": {"labels": ["Completed by"], "read": "person"},
            "functions": {"labels": ["Functions"], "read": "lines"},
            "impact_summary": {"labels": ["Summary"], "read": "lines"},
        }
    )
    rows = [
        ["Title", "Library opening hours"],
        ["Strategic decision", "Yes"],
        ["Completed by", "James Marshall Head of Libraries"],
    ]
    paragraphs = ["Summary", "Fewer hours.", "More staff.", "Functions", "libraries", "culture"]
    path = word_file(tmp_path / "c.docx", paragraphs, rows, _IMPACTS)
    result = import_file(path, template=template)
    assert result.tree["strategic"] is True
    assert result.tree["functions"] == ["libraries", "culture"]
    assert result.tree["impact_summary"] == "Fewer hours.\nMore staff."  # text stays text
    assert result.findings == ()
    assert result.tree["responsible"] == {"name": "James Marshall", "role": "Head of Libraries"}
    guessed = {i["pointer"]: i["reason"] for i in result.inferred}
    assert guessed["/responsible/name"] == (
        "the name was split from the role at the first job-title word"
    )
    assert guessed["/responsible/role"] == (
        "the role was split from the name at the first job-title word"
    )


def test_rows_naming_no_known_characteristic_become_the_documents_own(tmp_path: Path) -> None:
    rows = [
        ["Group", "Details"],
        ["Veterans' families", "Fewer evening hours."],
        ["Veterans' families", "Weekend hours kept."],
        ["Veterans families", "Same words, another spelling."],
    ]
    result = import_file(word_file(tmp_path / "o.docx", ["Summary: s"], rows), template=_template())
    assert result.tree["characteristics"] == [
        {"code": "veterans_families", "label": "Veterans' families"},
        {"code": "veterans_families_2", "label": "Veterans families"},
    ]
    first, second = result.tree["impacts"]
    assert first["characteristic"] == "veterans_families"
    assert first["details"] == "Fewer evening hours.\n\nWeekend hours kept."
    assert second["characteristic"] == "veterans_families_2"
    assert result.findings == ()


def test_action_plan_rows_that_fit_no_entry_are_listed_with_why(tmp_path: Path) -> None:
    template = _template(list_tables=_ACTIONS)
    plan = [
        ["Characteristic", "Action", "Progress", "By when"],
        ["Race", "Translate the leaflets", "", ""],
        ["Planets", "Look up", "", ""],
        ["Age", "", "Done", ""],
        ["", "Review in a year", "", ""],
    ]
    path = word_file(tmp_path / "a.docx", ["Summary: s"], _IMPACTS, plan)
    result = import_file(path, template=template)
    (age,) = result.tree["impacts"]
    assert "mitigations" not in age
    race = "action plan row for 'Race', which is not a characteristic of the impact table"
    planets = "action plan row for 'Planets', which is not a characteristic of the impact table"
    assert _reasons(result) == {
        "Race": f"{race}; name one assessed there",
        "Translate the leaflets": f"{race}; name one assessed there",
        "Planets": f"{planets}; name one assessed there",
        "Look up": f"{planets}; name one assessed there",
        "Age": "action plan row with no action; fill in its action",
        "Done": "action plan row with no action; fill in its action",
        "Review in a year": "action plan row with no characteristic; fill in its characteristic",
    }


def test_a_heading_followed_by_a_one_cell_table_takes_the_box_as_its_answer(
    tmp_path: Path,
) -> None:
    document = docx.Document()
    document.add_paragraph("Summary", style="Heading 2")
    box = document.add_table(rows=1, cols=1)
    box.cell(0, 0).text = "Fewer evening hours at three libraries."
    impacts = document.add_table(rows=2, cols=2)
    for r, row in enumerate(_IMPACTS):
        for c, text in enumerate(row):
            impacts.cell(r, c).text = text
    path = tmp_path / "box.docx"
    document.save(str(path))
    result = import_file(path, template=_template())
    assert result.tree["impact_summary"] == "Fewer evening hours at three libraries."
    assert result.unmapped == ()


def test_a_label_over_a_merged_row_takes_the_row_below_as_its_answer(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Summary"
    table.cell(0, 1).text = "Group"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Fewer evening hours."
    path = tmp_path / "merged.docx"
    document.save(str(path))
    result = import_file(path, template=_template())  # "Group" is a label: no answer
    assert result.tree["impact_summary"] == "Fewer evening hours."


def test_a_row_label_with_no_separator_before_a_group_is_a_characteristic_of_its_own(
    tmp_path: Path,
) -> None:
    rows = [["Group", "Details"], ["Age older people", "Mornings matter."]]
    result = import_file(word_file(tmp_path / "g.docx", ["Summary: s"], rows), template=_template())
    assert result.tree["characteristics"] == [
        {"code": "age_older_people", "label": "Age older people"}
    ]
    assert result.tree["impacts"][0]["characteristic"] == "age_older_people"


def test_a_choice_left_unanswered_writes_nothing_and_lists_the_label(tmp_path: Path) -> None:
    template = _template(
        fields={
            "strategic": {
                "labels": ["Strategic decision"],
                "read": "choice",
                "choices": {"true": ["Yes"], "false": ["No"]},
            }
        }
    )
    paragraphs = ["Summary: s", "Strategic decision:"]
    result = import_file(word_file(tmp_path / "u.docx", paragraphs, _IMPACTS), template=template)
    assert "strategic" not in result.tree
    assert result.unmapped == ()


def test_an_evidence_row_with_no_source_is_named_by_its_text_inferred_or_listed(
    tmp_path: Path,
) -> None:
    template = _template(
        list_tables={
            "evidence": {"columns": {"source": ["Source"], "summary": ["Shows"], "date": ["Dated"]}}
        }
    )
    rows = [
        ["Source", "Shows", "Dated"],
        ["", "Older people visit in the mornings", "1/2/2025"],
        ["", "", "3/4/2025"],
    ]
    result = import_file(
        word_file(tmp_path / "ev.docx", ["Summary: s"], _IMPACTS, rows), template=template
    )
    assert result.tree["evidence"] == [
        {
            "source": "Older people visit in the mornings",
            "summary": "Older people visit in the mornings",
            "date": "2025-02-01",
        }
    ]
    (guess,) = [i for i in result.inferred if i["pointer"] == "/evidence/0/source"]
    assert guess["reason"] == "the row has no source; the summary column's text is used"
    assert _reasons(result) == {"3/4/2025": "/evidence/1: a row with no source; fill in its source"}


def test_labels_written_as_one_text_work_like_a_list_of_one(tmp_path: Path) -> None:
    template = _template(fields={"impact_summary": {"labels": "Summary of impact"}})
    assert template.fields[0].labels == ("Summary of impact",)
    path = word_file(tmp_path / "one.docx", ["Summary of impact: fewer hours"], _IMPACTS)
    assert import_file(path, template=template).tree["impact_summary"] == "fewer hours"
