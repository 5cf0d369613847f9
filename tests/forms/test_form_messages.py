"""The short form messages: every one plain, short and complete; every field named.

A form message is what a person filling in the form reads next to a field, in the
GOV.UK error-message style: it says what happened and how to fix it, in under 120
characters, with no rule code and no field name from the file format.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import psed
import psed.rules
from psed._form_messages import (
    FIELD_NAMES,
    FORM_MESSAGES,
    GROUPED,
    field_path,
    grouped_message,
    message_id,
)
from psed._reading.fields import CLASS_SPECS, ClassSpec, Kind
from psed.model import Proposal
from psed.testing import documents

from .forms_helpers import example_payloads

AS_OF = dt.date(2026, 11, 26)
PLACEHOLDERS = {"field", "Field", "characteristic", "characteristics"}
LONGEST_LABEL = max((c.label for c in psed.BUILTIN_CHARACTERISTICS.values()), key=len)
CODE = re.compile(r"\bPSED[0-9]{3}\b", re.IGNORECASE)
FORMAT_WORDS = {
    name
    for spec in CLASS_SPECS.values()
    for name in spec.by_name
    if "_" in name or name.isidentifier()
}


def _problems_with(text: str) -> list[str]:
    """What is wrong with one form message, as the issue's acceptance test says."""
    wrong = []
    if len(text) > 120:
        wrong.append(f"longer than 120 characters ({len(text)})")
    if CODE.search(text):
        wrong.append("contains a rule code")
    first_word = re.split(r"[\s:,]", text, maxsplit=1)[0]
    if text[:1].islower():
        wrong.append("starts with a lower-case letter")
    if first_word in FORMAT_WORDS and first_word[:1].islower():
        wrong.append(f"starts with the field name {first_word!r}")
    if "_" in first_word:
        wrong.append("starts with a code-like word")
    if text.endswith((".", ";")):
        wrong.append("ends with punctuation (GOV.UK error messages have no full stop)")
    return wrong


def _field_paths(spec: ClassSpec, prefix: str = "") -> list[str]:
    paths = []
    for field in spec.fields:
        path = f"{prefix}{field.name}"
        paths.append(path)
        if field.kind is Kind.LIST:
            paths.append(path + "/*")
            if field.cls is not None:
                paths.extend(_field_paths(CLASS_SPECS[field.cls], path + "/*/"))
        elif field.kind is Kind.OBJECT and field.cls is not None:
            paths.extend(_field_paths(CLASS_SPECS[field.cls], path + "/"))
    return paths


ALL_PATHS = _field_paths(CLASS_SPECS[Proposal])


@pytest.mark.parametrize("message", sorted(FORM_MESSAGES))
def test_every_message_is_short_plain_and_complete(message: str) -> None:
    template = FORM_MESSAGES[message]
    used = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    assert used <= PLACEHOLDERS, f"{message}: unknown placeholders {used - PLACEHOLDERS}"
    # Filled in with every field name and the longest characteristic label, each
    # message stays short and plain.
    for name in FIELD_NAMES.values():
        text = template.format(
            field=name,
            Field=name[:1].upper() + name[1:],
            characteristic=LONGEST_LABEL,
            characteristics=LONGEST_LABEL,
        )
        assert _problems_with(text) == [], f"{message}: {text!r}"


def test_the_acceptance_check_itself_catches_developer_sentences() -> None:
    """The checks above would have failed on the 0.1 wording."""
    assert _problems_with("customers: expected a whole number, got text; write a number")
    assert _problems_with("Describe the proposal (PSED107)")
    assert _problems_with("review_date: '20/11/2026' is not a date")
    assert _problems_with("x" * 121)
    assert _problems_with("Enter a description of the proposal") == []


def test_every_field_of_the_format_has_a_name_in_messages() -> None:
    assert sorted(set(ALL_PATHS) - set(FIELD_NAMES)) == []
    assert sorted(set(FIELD_NAMES) - {*ALL_PATHS, ""}) == []
    for path, name in FIELD_NAMES.items():
        assert name == name.strip(), path
        assert name[:1].islower(), path
        assert "_" not in name, f"{path}: {name!r} uses a format word"


def test_every_built_in_rule_has_a_form_message() -> None:
    codes = [rule.code for rule in psed.rules.all_rules() if rule.code.startswith("PSED")]
    assert codes
    assert [code for code in codes if message_id(code, "") is None] == []


def test_grouped_codes_have_a_message_for_many() -> None:
    for code, group in GROUPED.items():
        assert group in FORM_MESSAGES
        assert "{characteristics}" in FORM_MESSAGES[group]
        text = grouped_message(code, ["race", "sex", "race", "digitally_excluded"])
        assert text == "Assess the impact on: Race, Sex, Digitally excluded"


@pytest.mark.parametrize(
    ("payload", "pointer", "expected"),
    [
        ({}, "/name", "Enter the name of the proposal"),
        (
            {"service_profile": {"customers": "lots"}},
            "/service_profile/customers",
            "Enter the number of customers as a whole number, like 1800",
        ),
        (
            {"service_profile": {"customers": -3}},
            "/service_profile/customers",
            "The number of customers must be 0 or more",
        ),
        (
            {"review_date": "20/11/2026"},
            "/review_date",
            "Enter the review date as a real date, like 18 11 2022",
        ),
        (
            {"impacts": [{"characteristic": "age", "impact": "bad"}]},
            "/impacts/0/impact",
            "Select the impact from the list",
        ),
        (
            {"impacts": [{"impact": "positive"}]},
            "/impacts/0/characteristic",
            "Select the characteristic",
        ),
        (
            {"impacts": [{"characteristic": "agee"}]},
            "/impacts/0/characteristic",
            "Select a characteristic from the list, or add it as a characteristic of your own",
        ),
        ({"framework": "england"}, "/framework", "Select the kind of assessment from the list"),
        ({"colour": "blue"}, "/colour", "Remove the answer to a question this form does not ask"),
        (
            {"strategic": "yes"},
            "/strategic",
            "Select yes or no for whether the decision is strategic",
        ),
        ({"description": 5}, "/description", "Enter a description of the proposal as text"),
        (
            {"evidence": [{"source": "Census", "date": "2021-02-30"}]},
            "/evidence/0/date",
            "Enter the date of the evidence as a real date, like 18 11 2022",
        ),
        (
            {"evidence": ["Census 2021"]},
            "/evidence/0",
            "The evidence could not be read: enter it again",
        ),
    ],
)
def test_structural_findings_read_plainly(
    payload: dict[str, Any], pointer: str, expected: str
) -> None:
    report = psed.validate({"name": "A proposal", **payload}, status="draft", as_of=AS_OF)
    if pointer == "/name":
        report = psed.validate(payload, status="draft", as_of=AS_OF)
    found = [f for f in report.findings if f.pointer == pointer and f.code < "PSED100"]
    assert found, report.findings
    assert found[0].form_message == expected
    assert found[0].message != expected  # the fuller message is still there for reports


def test_rule_findings_name_the_characteristic() -> None:
    doc = {
        "name": "Library hours",
        "impacts": [
            {"characteristic": "age", "impact": "unknown"},
            {"characteristic": "disability", "impact": "negative"},
        ],
    }
    report = psed.validate(doc, status="submitted", as_of=AS_OF)
    messages = {(f.code, f.pointer): f.form_message for f in report.findings}
    assert messages["PSED103", "/impacts/0/impact"] == "Select the impact on Age"
    assert messages["PSED104", "/impacts/1/details"] == "Enter details of the impact on Disability"
    assert messages["PSED107", "/description"] == "Enter a description of the proposal"


def test_a_plug_in_rule_without_a_form_message_shows_its_message() -> None:
    finding = psed.Finding(
        code="ACME001",
        name="acme",
        severity=psed.Severity.ERROR,
        default_severity=psed.Severity.ERROR,
        message="Say which ward the library is in.",
        pointer="/description",
    )
    assert finding.form_message == "Say which ward the library is in."
    given_one = psed.Finding(
        code="PSED107",
        name="missing-description",
        severity=psed.Severity.ERROR,
        default_severity=psed.Severity.ERROR,
        message="The proposal has no description.",
        pointer="/description",
        form_message="Tell us what the proposal is",
    )
    assert given_one.form_message == "Tell us what the proposal is"


def test_field_path_writes_list_indexes_as_stars() -> None:
    assert field_path("/impacts/12/mitigations/0/due") == "impacts/*/mitigations/*/due"
    assert field_path("") == ""
    assert field_path("/a~1b") == "a/b"


@pytest.mark.parametrize("name", sorted(example_payloads()))
def test_every_finding_on_the_examples_has_a_plain_form_message(name: str) -> None:
    payload = example_payloads()[name]
    for status in ("draft", "submitted", "approved"):
        report = psed.validate(payload, status=status, as_of=AS_OF)
        for finding in report.findings:
            assert _problems_with(finding.form_message) == [], finding


@settings(max_examples=60)
@given(documents("esia", "submitted") | documents("wales", "draft"))
def test_every_finding_on_generated_documents_has_a_plain_form_message(
    doc: dict[str, Any],
) -> None:
    report = psed.validate(doc, status="submitted", as_of=AS_OF)
    for finding in report.findings:
        assert _problems_with(finding.form_message) == [], finding


@settings(max_examples=100)
@given(
    st.dictionaries(
        st.sampled_from([*sorted(CLASS_SPECS[Proposal].by_name), "colour"]),
        st.none() | st.booleans() | st.integers() | st.text(max_size=5) | st.lists(st.integers()),
        max_size=6,
    )
)
def test_every_structural_finding_has_a_plain_form_message(doc: dict[str, Any]) -> None:
    report = psed.validate(doc, status="draft", as_of=AS_OF)
    for finding in report.findings:
        assert _problems_with(finding.form_message) == [], finding


def _details_finding(code: str) -> psed.Finding:
    return psed.Finding(
        code="PSED104",
        name="missing-impact-details",
        severity=psed.Severity.ERROR,
        default_severity=psed.Severity.ERROR,
        message="No details.",
        pointer="/impacts/0/details",
        characteristic=code,
    )


def test_a_characteristic_registered_later_is_named_by_its_label() -> None:
    code = "forms_test_kinship_carers"  # registered for the rest of the process: a unique code
    assert _details_finding(code).form_message == (
        "Enter details of the impact on Forms test kinship carers"
    )
    psed.register_characteristic(psed.Characteristic(code=code, label="Kinship carers"))
    assert _details_finding(code).form_message == "Enter details of the impact on Kinship carers"
