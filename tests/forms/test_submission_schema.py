"""add_submission_conditions: the rule conditions JSON Schema can express, checked."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import psed
from psed import BUILTIN_FRAMEWORKS, Framework
from psed._submission_schema import (
    NOT_PLACEHOLDER,
    PLACEHOLDER_PATTERNS,
    SCHEMA_RULES,
    add_submission_conditions,
)
from psed._text import is_placeholder

from .forms_helpers import example_payloads

S4 = BUILTIN_FRAMEWORKS["psed"].required

_IMPACT = {
    "type": "object",
    "required": ["characteristic"],
    "additionalProperties": False,
    "properties": {
        "characteristic": {"type": "string"},
        "impact": {
            "enum": ["positive", "negative", "mixed", "neutral", "not_applicable", "unknown"]
        },
        "details": {"type": ["string", "null"]},
        "justification": {"type": ["string", "null"]},
        "mitigations": {"type": "array", "items": {"$ref": "#/$defs/Mitigation"}},
    },
}
_DEFS = {
    "Mitigation": {
        "type": "object",
        "required": ["action"],
        "properties": {"action": {"type": "string"}, "status": {"type": "string"}},
    },
    "SignOff": {"type": ["object", "null"]},
    "ImpactEntry": _IMPACT,
}
_PROPOSAL = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string"},
        "description": {"type": ["string", "null"]},
        "impact_summary": {"type": ["string", "null"]},
        "impacts": {"type": "array", "items": {"$ref": "#/$defs/ImpactEntry"}},
        "responsible": {"$ref": "#/$defs/SignOff"},
        "approver": {"$ref": "#/$defs/SignOff"},
        "decision": {"type": ["object", "null"]},
    },
}
# Two layouts a structural schema may have: the root is the Proposal, or refers to it.
INLINE = {"$schema": "https://json-schema.org/draft/2020-12/schema", **_PROPOSAL, "$defs": _DEFS}
BY_REF = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$ref": "#/$defs/Proposal",
    "$defs": {**_DEFS, "Proposal": _PROPOSAL},
}
LAYOUTS = pytest.mark.parametrize("base", [INLINE, BY_REF], ids=["inline", "ref"])


def complete(framework: Framework = BUILTIN_FRAMEWORKS["psed"]) -> dict[str, Any]:
    """A document that meets every condition the submission schema expresses."""
    return {
        "name": "Library opening hours",
        "description": "Change the opening hours of three branch libraries.",
        "impact_summary": "Later opening helps working people; earlier closing affects some.",
        "impacts": [
            {"characteristic": code, "impact": "neutral", "details": "No differential effect."}
            for code in framework.required
        ],
        "responsible": {"name": "Dan Tong", "role": "Manager", "date": "2021-11-18"},
        "approver": {"name": "James Marshall", "date": "2021-11-19"},
        "decision": {"outcome": "adjust"},
    }


def failing_rules(schema: dict[str, Any], doc: Any) -> list[str]:
    """The x-psed-rule codes of the conditions ``doc`` fails, in schema order."""
    return [
        cond["x-psed-rule"]
        for cond in schema["allOf"]
        if "x-psed-rule" in cond and not Draft202012Validator(cond).is_valid(doc)
    ]


@LAYOUTS
def test_complete_document_passes(base: dict[str, Any]) -> None:
    for fid, framework in BUILTIN_FRAMEWORKS.items():
        schema = add_submission_conditions(base, framework)
        Draft202012Validator.check_schema(schema)
        errors = list(Draft202012Validator(schema).iter_errors(complete(framework)))
        assert errors == [], (fid, [e.message for e in errors])


@LAYOUTS
def test_input_schema_is_not_modified(base: dict[str, Any]) -> None:
    before = copy.deepcopy(base)
    add_submission_conditions(base, BUILTIN_FRAMEWORKS["esia"])
    assert base == before


def test_existing_all_of_is_kept() -> None:
    base = {**INLINE, "allOf": [{"required": ["name"]}]}
    schema = add_submission_conditions(base, BUILTIN_FRAMEWORKS["psed"])
    assert schema["allOf"][0] == {"required": ["name"]}
    assert all("x-psed-rule" in c for c in schema["allOf"][1:])


@LAYOUTS
def test_every_condition_is_annotated(base: dict[str, Any]) -> None:
    schema = add_submission_conditions(base, BUILTIN_FRAMEWORKS["esia"])
    codes = [c["x-psed-rule"] for c in schema["allOf"]]
    assert all(re.fullmatch(r"PSED\d{3}", c) for c in codes)
    assert all(c["description"] for c in schema["allOf"])
    assert codes.count("PSED101") == len(BUILTIN_FRAMEWORKS["esia"].required)
    assert set(codes) == {
        "PSED101",
        "PSED103",
        "PSED107",
        "PSED109",
        "PSED110",
        "PSED201",
        "PSED301",
        "PSED302",
    }
    assert [
        c["x-psed-characteristic"] for c in schema["allOf"] if c["x-psed-rule"] == "PSED101"
    ] == list(BUILTIN_FRAMEWORKS["esia"].required)
    assert schema["x-psed-mode"] == "submission"


@LAYOUTS
def test_missing_characteristic_is_psed101(base: dict[str, Any]) -> None:
    framework = BUILTIN_FRAMEWORKS["esia"]
    schema = add_submission_conditions(base, framework)
    doc = complete(framework)
    doc["impacts"] = [e for e in doc["impacts"] if e["characteristic"] != "poverty"]
    assert failing_rules(schema, doc) == ["PSED101"]
    failing = [c for c in schema["allOf"] if not Draft202012Validator(c).is_valid(doc)]
    assert [c["x-psed-characteristic"] for c in failing] == ["poverty"]
    del doc["impacts"]
    assert failing_rules(schema, doc) == ["PSED101"] * len(framework.required)


@LAYOUTS
def test_unknown_or_absent_impact_is_psed103(base: dict[str, Any]) -> None:
    schema = add_submission_conditions(base, BUILTIN_FRAMEWORKS["psed"])
    doc = complete()
    doc["impacts"][3]["impact"] = "unknown"
    assert failing_rules(schema, doc) == ["PSED103"]
    del doc["impacts"][3]["impact"]
    assert failing_rules(schema, doc) == ["PSED103"]


@LAYOUTS
@pytest.mark.parametrize("impact", ["negative", "mixed"])
def test_adverse_impact_needs_mitigation_or_justification(
    base: dict[str, Any], impact: str
) -> None:
    schema = add_submission_conditions(base, BUILTIN_FRAMEWORKS["psed"])
    doc = complete()
    entry = doc["impacts"][0]
    entry["impact"] = impact
    assert failing_rules(schema, doc) == ["PSED201"]
    entry["mitigations"] = [{"action": "N/A"}]
    assert failing_rules(schema, doc) == ["PSED201"]
    entry["mitigations"] = [{"action": "Free IT courses", "status": "dropped"}]
    assert failing_rules(schema, doc) == ["PSED201"]
    entry["mitigations"].append({"action": "Free IT courses at every branch"})
    assert failing_rules(schema, doc) == []
    entry["mitigations"] = []
    entry["justification"] = "tbc."
    assert failing_rules(schema, doc) == ["PSED201"]
    entry["justification"] = "The saving protects the mobile library service."
    assert failing_rules(schema, doc) == []
    entry["impact"] = "positive"
    entry["justification"] = None
    assert failing_rules(schema, doc) == []


@LAYOUTS
@pytest.mark.parametrize(
    ("key", "code"), [("description", "PSED107"), ("impact_summary", "PSED109")]
)
def test_narratives_must_be_real(base: dict[str, Any], key: str, code: str) -> None:
    schema = add_submission_conditions(base, BUILTIN_FRAMEWORKS["psed"])
    doc = complete()
    for value in ("", "  ", "N/A", "See above.", "[Insert summary here]", None):
        doc[key] = value
        assert failing_rules(schema, doc) == [code], value
    del doc[key]
    assert failing_rules(schema, doc) == [code]


@LAYOUTS
def test_signoffs_follow_framework_and_status(base: dict[str, Any]) -> None:
    psed_fw, scotland = BUILTIN_FRAMEWORKS["psed"], BUILTIN_FRAMEWORKS["scotland"]
    doc = complete()
    doc["responsible"] = None
    doc["approver"] = None
    doc["decision"] = None
    # No one is named: the name's condition fails, and the date's waits for a name.
    assert failing_rules(add_submission_conditions(base, psed_fw), doc) == ["PSED301"]
    # Scotland expects no responsible officer, and approval is not checked at submission.
    assert failing_rules(add_submission_conditions(base, scotland), doc) == []
    approved = add_submission_conditions(base, psed_fw, status="approved")
    assert failing_rules(approved, doc) == ["PSED301", "PSED303", "PSED403"]
    assert failing_rules(add_submission_conditions(base, scotland, status="approved"), doc) == [
        "PSED303",
        "PSED403",
    ]
    doc["responsible"] = {"name": "Dan Tong"}
    assert failing_rules(add_submission_conditions(base, psed_fw), doc) == ["PSED302"]
    assert add_submission_conditions(base, psed_fw, status="draft")["allOf"] == []


SAMPLES = [
    "",
    " ",
    "-",
    "...",
    "N/A",
    "n.a.",
    "na",
    "None.",
    "NIL",
    "TBC!",
    "t-b-d",
    "ToDo",
    "xxx",
    "To follow",
    "to-follow",
    "See above",
    "Lorem ipsum dolor sit amet",
    "The text: lorem  ipsum.",
    "[Insert name]",
    "Please [ insert the figures",
    "None of the groups is affected",
    "Not applicable to this service because it closed in 2019.",
    "nan",
    "TBC by Friday",
    "tbc",
    "a",
    "1",
    "Free IT courses",
    "nil return",
    "insert here",
    "see above and below",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_placeholder_patterns_agree_with_the_rules_helper(text: str) -> None:
    assert Draft202012Validator(NOT_PLACEHOLDER).is_valid(text) is not is_placeholder(text)


def test_patterns_compile_as_python_regexes() -> None:
    for pattern in PLACEHOLDER_PATTERNS:
        re.compile(pattern)


_PIECES = st.sampled_from(
    [
        "n",
        "a",
        "N",
        "A",
        "/",
        ".",
        " ",
        "-",
        "_",
        "none",
        "nil",
        "TBC",
        "tbd",
        "ToDo",
        "xxx",
        "to",
        "follow",
        "see",
        "above",
        "lorem",
        "ipsum",
        "[",
        "insert",
        "Insert",
        "x",
        "1",
        "é",
    ]
)


@settings(max_examples=200)
@given(st.lists(_PIECES, max_size=6).map("".join))
def test_placeholder_patterns_agree_on_generated_ascii_text(text: str) -> None:
    assert Draft202012Validator(NOT_PLACEHOLDER).is_valid(text) is not is_placeholder(text)


@pytest.mark.parametrize("framework", sorted(BUILTIN_FRAMEWORKS))
def test_psed_json_schema_submission_mode(framework: str) -> None:
    """The real structural schema (root $ref into $defs) takes the conditions as designed."""
    draft = psed.json_schema(framework)
    schema = psed.json_schema(framework, mode="submission")
    Draft202012Validator.check_schema(schema)
    assert schema["$defs"] == draft["$defs"]
    tagged = [c for c in schema["allOf"] if "x-psed-rule" in c]
    assert [c["x-psed-characteristic"] for c in tagged if c["x-psed-rule"] == "PSED101"] == list(
        BUILTIN_FRAMEWORKS[framework].required
    )
    assert "allOf" not in draft or all("x-psed-rule" not in c for c in draft["allOf"])


def test_clean_example_passes_the_submission_schema() -> None:

    import psed

    for name, payload in example_payloads().items():
        framework = payload.get("framework", "psed")
        report = psed.validate(payload, status="submitted")
        schema = psed.json_schema(framework, mode="submission")
        errors = list(Draft202012Validator(schema).iter_errors(payload))
        reported = {f.code for f in report.findings}
        failing = failing_rules(schema, payload)
        assert set(failing) <= reported, name
        if not set(SCHEMA_RULES[psed.Status.SUBMITTED]) & reported:
            assert errors == [], name


def test_a_long_run_of_punctuation_is_read_in_linear_time() -> None:
    """50,000 spaces then a letter: read at once (two adjacent gaps made this quadratic)."""
    import time

    text = " " * 50_000 + "x"
    start = time.perf_counter()
    assert Draft202012Validator(NOT_PLACEHOLDER).is_valid(text)
    assert time.perf_counter() - start < 5
