"""The JSON Schema agrees with the reader: valid documents pass both, each mutation fails both."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import psed
from psed.testing import documents, mutated_documents

STRUCTURAL_EXCEPT_PSED006 = {"PSED001", "PSED002", "PSED003", "PSED004", "PSED005", "PSED007"}


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


VALIDATOR = _validator(psed.json_schema())


@settings(max_examples=100, deadline=None)
@given(documents())
def test_valid_documents_pass_schema_and_reader(document: dict[str, Any]) -> None:
    assert list(VALIDATOR.iter_errors(document)) == []
    assert psed.read(document)[1] == []


@settings(max_examples=200, deadline=None)
@given(mutated_documents())
def test_each_mutation_fails_schema_and_reader(mutation: tuple[dict[str, Any], str, str]) -> None:
    document, code, pointer = mutation
    findings = psed.read(document)[1]
    assert (code, pointer) in [(f.code, f.pointer) for f in findings]
    assert not VALIDATOR.is_valid(document)


@pytest.mark.parametrize(
    "document",
    [
        {"name": "x", "review_date": "2021-02-30"},
        {"name": "x", "review_date": "2021-01-01\n"},
        {"name": "x", "review_date": "0000-01-01"},
        {"name": "x", "schema_version": 2},
        {"name": "x", "schema_version": True},
        {"name": "x", "service_profile": {"customers": -1}},
        {"name": "x", "service_profile": {"customers": 1.5}},
        {"name": "x", "framework": "nope"},
        {"name": "x", "characteristics": [{"code": "Bad Code", "label": "x"}]},
        {"name": "x", "characteristics": [{"code": "local_x\n", "label": "x"}]},
        {"name": "x", "functions": ["housing\n"]},
        {"name": "x", "alternatives": [{"option": "a", "chosen": True}] * 2},
        {"name": "x", "waivers": [{"rule": "PSED501", "pointer": "no-slash"}]},
        {"name": "x", "waivers": [{"rule": "PSED501", "pointer": "/a~2"}]},
        {"name": "x", "impacts": [{"characteristic": None}]},
        {"name": None},
    ],
)
def test_edge_cases_fail_both(document: dict[str, Any]) -> None:
    codes = {f.code for f in psed.read(document)[1]}
    assert codes & STRUCTURAL_EXCEPT_PSED006
    assert not VALIDATOR.is_valid(document)


@pytest.mark.parametrize(
    "document",
    [
        {"name": "x", "service_profile": {"customers": 5.0}},
        {"name": "x", "waivers": [{"rule": "PSED501", "pointer": ""}]},
        {"name": "x", "waivers": [{"rule": "PSED501", "pointer": "/a~0b/~1"}]},
        {"name": "x", "status": None, "impacts": None, "framework": None},
        {"name": ""},
    ],
)
def test_edge_cases_pass_both(document: dict[str, Any]) -> None:
    assert psed.read(document)[1] == []
    assert VALIDATOR.is_valid(document)


def test_psed006_is_the_one_check_outside_the_schema() -> None:
    document = {"name": "x", "impacts": [{"characteristic": "not_defined_anywhere"}]}
    assert [f.code for f in psed.read(document)[1]] == ["PSED006"]
    assert VALIDATOR.is_valid(document)


@settings(max_examples=50, deadline=None)
@given(documents(), st.data())
def test_a_repeated_characteristic_code_is_the_second_check_outside_the_schema(
    document: dict[str, Any], data: st.DataObject
) -> None:
    # The schema cannot say "codes are unique" (uniqueItems compares whole entries), so
    # like PSED006 this one passes the schema and is reported by the reader only.
    defined = document.get("characteristics") or []
    assume(defined)
    repeated = dict(data.draw(st.sampled_from(defined)), label="Another label")
    document = {**document, "characteristics": [*defined, repeated]}
    first = next(i for i, c in enumerate(defined) if c["code"] == repeated["code"])
    findings = psed.read(document)[1]
    assert [(f.code, f.pointer) for f in findings] == [
        ("PSED004", f"/characteristics/{len(defined)}/code")
    ]
    assert f"(also at /characteristics/{first})" in findings[0].message
    assert VALIDATOR.is_valid(document)


def test_schema_shape() -> None:
    schema = psed.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "https://psed.readthedocs.io/schema/1/proposal.json"
    defs = schema["$defs"]
    assert set(defs) == {
        "Proposal",
        "ServiceProfile",
        "Evidence",
        "Engagement",
        "ImpactEntry",
        "Aims",
        "Mitigation",
        "Decision",
        "SignOff",
        "Characteristic",
        "Waiver",
        "Screening",
        "Alternative",
        "Intersection",
        "RelatedAssessment",
        "DecisionReport",
        "Contributor",
    }
    proposal = defs["Proposal"]
    assert proposal["additionalProperties"] is False
    assert proposal["required"] == ["name"]
    assert list(proposal["properties"])[:3] == ["schema_version", "id", "name"]
    assert proposal["properties"]["name"]["description"].startswith('"Name or brief')
    assert defs["Characteristic"]["required"] == ["code", "label"]
    assert set(defs["Characteristic"]["properties"]) == {"code", "label", "description"}
    impact = defs["ImpactEntry"]["properties"]["impact"]
    consts = impact["anyOf"][0]["oneOf"]
    assert {"const": "not_applicable", "title": "Not applicable"} in consts
    assert impact["default"] == "unknown"
    customers = defs["ServiceProfile"]["properties"]["customers"]
    assert customers["minimum"] == 0
    due = defs["Mitigation"]["properties"]["due"]
    assert due["format"] == "date"
    assert "pattern" in due
    frameworks = proposal["properties"]["framework"]["anyOf"][0]["oneOf"]
    assert {c["const"] for c in frameworks} >= set(psed.BUILTIN_FRAMEWORKS)


def test_framework_specific_schema() -> None:
    schema = psed.json_schema("esia")
    assert schema["$id"] == "https://psed.readthedocs.io/schema/1/esia/proposal.json"
    validator = _validator(schema)
    assert validator.is_valid({"name": "x", "framework": "esia"})
    assert not validator.is_valid({"name": "x", "framework": "wales"})
    assert not validator.is_valid({"name": "x"})  # absent means psed
    assert _validator(psed.json_schema("psed")).is_valid({"name": "x"})
    with pytest.raises(ValueError, match="not registered"):
        psed.json_schema("nope")


def test_mode_is_validated() -> None:
    with pytest.raises(ValueError, match="'draft', 'submission'"):
        psed.json_schema(mode="final")


def test_submission_mode_adds_conditions() -> None:
    schema = psed.json_schema("esia", mode="submission")
    assert schema["$id"] == "https://psed.readthedocs.io/schema/1/esia/submission.json"
    validator = _validator(schema)
    # A bare draft passes the draft schema but not the submission one.
    assert VALIDATOR.is_valid({"name": "x", "framework": "esia"})
    assert not validator.is_valid({"name": "x", "framework": "esia"})
    seed = psed.unstructure(psed.load("examples/customer-access-strategy.yaml"), compact=True)
    assert VALIDATOR.is_valid(seed)


def test_the_submission_schema_takes_its_placeholders_from_the_text_pass() -> None:
    import re

    from psed._submission_schema import PLACEHOLDER_PATTERNS
    from psed._text import PLACEHOLDER_ANYWHERE, PLACEHOLDER_WORDS, is_placeholder

    def marked(text: str) -> bool:
        return any(re.search(p, text) for p in PLACEHOLDER_PATTERNS)

    for word in PLACEHOLDER_WORDS:
        spaced = " ".join(word.upper())  # "T B C", punctuation and case ignored
        assert marked(word)
        assert marked(spaced)
        assert marked(f"{word}.\n")
        assert is_placeholder(spaced)
    for phrase in PLACEHOLDER_ANYWHERE:
        assert marked(f"Some text {phrase.upper()} and more")
    assert not marked("Older residents rely on the mobile library.")
