"""More ways an organisation's template can be wrong, each refused naming the key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from psed.importing import TemplateError, load_template
from psed.importing._template import parse_template

from .conftest import GOOD_TEMPLATE


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"fields": ["impact_summary"]}, "ours.yaml: fields: expected a mapping (key: value"),
        ({"fields": {1: {"labels": ["x"]}}}, "ours.yaml: fields: keys must be text, got 1"),
        (
            {"fields": {"impact_summary": {"labels": []}}},
            "ours.yaml: fields/impact_summary/labels: expected a list of text such as [a, b]",
        ),
        (
            {"fields": {"impact_summary": {"labels": ["Summary"], "value": "left"}}},
            "ours.yaml: fields/impact_summary/value: use auto, right, below, inline or following",
        ),
        (
            {"fields": {"decision.outcome": {"labels": ["Outcome"], "read": "choice"}}},
            "ours.yaml: fields/decision.outcome/choices: read: choice needs choices",
        ),
        ({"guidance_italic": "yes"}, "ours.yaml: guidance_italic: expected true or false"),
        ({"match": 3}, "ours.yaml: match: expected a list of text such as [a, b], got 3"),
        ({"match": ["  "]}, "ours.yaml: match/0: expected non-empty text, got '  '"),
        (
            {"impact_sections": [{"fields": {"owner_email": {"labels": ["Email"]}}}]},
            "ours.yaml: impact_sections/0/fields/owner_email: not an impact entry field; use one",
        ),
        (
            {"impact_sections": [{"fields": {"due": {"from": "details", "read": "date"}}}]},
            "ours.yaml: impact_sections/0/fields/due/from: an impact section's field is read "
            "from its own labels; give labels, not from",
        ),
        (
            {"list_tables": {"meetings": {"columns": {"date": ["Date"]}}}},
            "ours.yaml: list_tables/meetings: use one of ",
        ),
    ],
)
def test_a_broken_template_is_refused_naming_the_key(change: dict[str, Any], message: str) -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template({**GOOD_TEMPLATE, **change}, "ours.yaml")
    assert message in str(caught.value)


def test_a_template_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ours.yaml"
    path.write_bytes("id: caf\u00e9\n".encode("cp1252"))
    with pytest.raises(TemplateError) as caught:
        load_template(str(path))
    assert str(caught.value) == f"{path}: not UTF-8 text; save it as UTF-8"
