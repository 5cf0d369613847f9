"""Templates are data: the built-in ones load, and a broken one is refused, naming the key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from psed.importing import TemplateError, builtin_templates, load_template
from psed.importing._template import parse_template

from .conftest import GOOD_TEMPLATE, TEMPLATES


def test_built_in_templates() -> None:
    found = builtin_templates()
    assert sorted(found) == [
        "ecni-s75-screening",
        "esia",
        "generic-eqia",
        "psed-rendered",
        "wales-iia",
    ]
    assert {t.framework for t in found.values()} >= {"esia", "psed", "ni-s75", "wales"}


@pytest.mark.parametrize("path", sorted(TEMPLATES.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_organisation_templates_of_the_tests_load(path: Path) -> None:
    assert load_template(str(path)).id == path.stem


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"template_version": 2}, "template_version: give template_version: 1"),
        ({"colour": "blue"}, "colour: unknown key"),
        (
            {"fields": {"summary_of_impact": {"labels": ["Summary"]}}},
            "fields/summary_of_impact: not a document field",
        ),
        ({"fields": {"impact_summary": {}}}, "fields/impact_summary: give labels"),
        (
            {"fields": {"impact_summary": {"labels": "Summary", "read": "guess"}}},
            "'guess' is not a way to read",
        ),
        (
            {"fields": {"review_date": {"labels": ["Review"], "after": "decision.date"}}},
            "'decision.date' is not a field of this template",
        ),
        (
            {"impact_tables": [{"columns": {"details": ["Details"]}}]},
            "name the characteristic column",
        ),
        (
            {"impact_tables": [{"columns": {"characteristic": ["Group"], "colour": ["x"]}}]},
            "colour: unknown column",
        ),
        (
            {
                "impact_tables": [
                    {"columns": {"characteristic": ["Group"]}, "impact_words": {"minor": "small"}}
                ]
            },
            "'small' is not an impact",
        ),
        ({"layout": "theirs"}, "layout: the only layout"),
        ({"id": ""}, "id: expected non-empty text"),
    ],
)
def test_a_broken_template_is_refused_naming_the_key(change: dict[str, Any], message: str) -> None:
    with pytest.raises(TemplateError, match=r"ours\.yaml: ") as caught:
        parse_template({**GOOD_TEMPLATE, **change}, "ours.yaml")
    assert message in str(caught.value)


def test_a_good_template_parses() -> None:
    template = parse_template(GOOD_TEMPLATE, "ours.yaml")
    assert template.id == "ours"
    assert template.tables[0].column_labels("details") == ("Details",)


def test_a_template_file_that_is_not_yaml(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="not valid YAML"):
        load_template(str(path))
    with pytest.raises(TemplateError, match="cannot be read"):
        load_template(str(tmp_path / "missing.yaml"))
