"""The fields added in 0.2: read, written back, checked, and in the schema and the template."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

import psed
from psed.catalogue import Framework
from psed.output.template import new_document

VALIDATOR = Draft202012Validator(
    psed.json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
)

FULL = """\
schema_version: 1
id: CAS-2022
name: Customer Access Strategy 2022-26
organisation: Southampton City Council
directorate: Customer and Communications
programme: Budget 2025/26 savings
version: "2.1"
published: 2022-01-10
framework: esia
level: full
screening:
  outcome: screened_in
  date: 2021-10-01
  rationale: Likely major impact on older and disabled customers.
strategic: true
functions: [housing, adult_social_care]
evidence:
  - source: Census 2021, Southampton
    kind: population
    area: E06000045
engagement:
  - audience: Residents' panel
    changes: Kept the Gateway open two days a week
alternatives:
  - option: Keep all six face-to-face centres open
    chosen: false
    reason: Not affordable within the savings target
  - option: Keep the Gateway open two days a week
    chosen: true
impacts:
  - characteristic: age
    impact: mixed
    monitoring: Quarterly take-up of digital inclusion courses by age band
  - characteristic: digitally_excluded
    impact: negative
intersections:
  - characteristics: [age, disability, digitally_excluded]
    details: Older disabled people are least likely to be online.
decision:
  maker: Cabinet
  report:
    title: Customer Access Strategy 2022-26
    ref: CAB-2021-114
    date: 2021-11-23
    url: https://example.org/cab-2021-114
    assessment_appended: true
  duty_statement: Cabinet must have due regard to the need to eliminate discrimination.
contributors:
  - name: Equality and Diversity Officer
  - name: Dan Tong
    role: Improvement Manager
related:
  - id: CAS-2018
    relation: supersedes
    title: Customer Access Strategy 2018-21 ESIA
characteristics:
  - code: digitally_excluded
    label: People without internet access
"""


def test_every_new_field_reads_into_its_class() -> None:
    proposal = psed.loads(FULL)
    assert proposal.organisation == "Southampton City Council"
    assert proposal.version == "2.1"
    assert proposal.published == dt.date(2022, 1, 10)
    assert proposal.level is psed.Level.FULL
    assert proposal.screening == psed.Screening(
        outcome=psed.ScreeningOutcome.SCREENED_IN,
        date=dt.date(2021, 10, 1),
        rationale="Likely major impact on older and disabled customers.",
    )
    assert proposal.strategic is True
    assert proposal.functions == ("housing", "adult_social_care")
    assert proposal.evidence[0].kind is psed.EvidenceKind.POPULATION
    assert proposal.evidence[0].area == "E06000045"
    assert proposal.engagement[0].changes == "Kept the Gateway open two days a week"
    assert [a.chosen for a in proposal.alternatives] == [False, True]
    assert proposal.impacts[0].monitoring is not None
    (intersection,) = proposal.intersections
    assert [c.code for c in intersection.characteristics] == [
        "age",
        "disability",
        "digitally_excluded",
    ]
    assert intersection.characteristics[1].is_protected
    assert intersection.characteristics[2].label == "People without internet access"
    assert proposal.decision is not None
    assert proposal.decision.report is not None
    assert proposal.decision.report.assessment_appended is True
    assert proposal.contributors[1] == psed.Contributor(name="Dan Tong", role="Improvement Manager")
    assert proposal.related == (
        psed.RelatedAssessment(
            id="CAS-2018",
            relation=psed.Relation.SUPERSEDES,
            title="Customer Access Strategy 2018-21 ESIA",
        ),
    )


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_new_fields_round_trip_through_text(fmt: str) -> None:
    proposal = psed.loads(FULL)
    assert psed.loads(psed.dumps(proposal, format=fmt), format=fmt) == proposal


def test_the_compact_tree_is_what_was_written() -> None:
    tree = psed.unstructure(psed.loads(FULL), compact=True)
    written = yaml.safe_load(FULL)
    # The writer fills in defaults (status, impact) and writes dates as text.
    assert tree["intersections"] == written["intersections"]
    assert tree["alternatives"][0] == written["alternatives"][0]
    assert tree["alternatives"][1] == {**written["alternatives"][1], "chosen": True}
    assert tree["decision"]["report"]["date"] == "2021-11-23"
    assert tree["functions"] == ["housing", "adult_social_care"]


def test_the_full_document_passes_the_schema() -> None:
    tree = psed.unstructure(psed.loads(FULL))
    assert list(VALIDATOR.iter_errors(tree)) == []


def _findings(document: dict[str, Any]) -> list[tuple[str, str]]:
    return [(f.code, f.pointer) for f in psed.read(document)[1]]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"name": "x", "level": "partial"}, ("PSED004", "/level")),
        ({"name": "x", "screening": {"outcome": "screened"}}, ("PSED004", "/screening/outcome")),
        (
            {"name": "x", "related": [{"id": "B", "relation": "replaces"}]},
            ("PSED004", "/related/0/relation"),
        ),
        (
            {"name": "x", "evidence": [{"source": "s", "kind": "census"}]},
            ("PSED004", "/evidence/0/kind"),
        ),
        ({"name": "x", "functions": ["Housing"]}, ("PSED004", "/functions/0")),
        ({"name": "x", "functions": ["housing", 7]}, ("PSED003", "/functions/1")),
        ({"name": "x", "functions": "housing"}, ("PSED003", "/functions")),
        ({"name": "x", "strategic": "yes"}, ("PSED003", "/strategic")),
        (
            {"name": "x", "alternatives": [{"option": "a", "chosen": "true"}]},
            ("PSED003", "/alternatives/0/chosen"),
        ),
        ({"name": "x", "alternatives": [{"chosen": True}]}, ("PSED002", "/alternatives/0/option")),
        ({"name": "x", "related": [{"relation": "see_also"}]}, ("PSED002", "/related/0/id")),
        ({"name": "x", "contributors": [{"role": "Officer"}]}, ("PSED002", "/contributors/0/name")),
        (
            {"name": "x", "decision": {"report": {"assessment_appended": 1}}},
            ("PSED003", "/decision/report/assessment_appended"),
        ),
        (
            {"name": "x", "decision": {"report": {"date": "23/11/2021"}}},
            ("PSED004", "/decision/report/date"),
        ),
        (
            {"name": "x", "intersections": [{"characteristics": ["age", "Age"]}]},
            ("PSED006", "/intersections/0/characteristics/1"),
        ),
        (
            {"name": "x", "intersections": [{"characteristics": [["age"]]}]},
            ("PSED003", "/intersections/0/characteristics/0"),
        ),
        (
            {"name": "x", "impacts": [{"characteristic": "age", "monitoring": 3}]},
            ("PSED003", "/impacts/0/monitoring"),
        ),
        ({"name": "x", "engagement": [{"changes": ["a"]}]}, ("PSED003", "/engagement/0/changes")),
        ({"name": "x", "screening": {"colour": "red"}}, ("PSED005", "/screening/colour")),
    ],
)
def test_each_new_field_is_checked_by_the_reader_and_the_schema(
    document: dict[str, Any], expected: tuple[str, str]
) -> None:
    assert _findings(document) == [expected]
    if expected[0] != "PSED006":  # the one the schema leaves to the reader
        assert not VALIDATOR.is_valid(document)


def test_a_second_chosen_alternative_is_refused_at_its_chosen() -> None:
    alternatives = [
        {"option": "a", "chosen": True},
        {"option": "b"},
        {"option": "c", "chosen": True},
        {"option": "d", "chosen": True},
    ]
    findings = psed.read({"name": "x", "alternatives": alternatives})[1]
    assert [(f.code, f.pointer) for f in findings] == [
        ("PSED004", "/alternatives/2/chosen"),
        ("PSED004", "/alternatives/3/chosen"),
    ]
    assert "/alternatives/0" in findings[0].message
    assert not VALIDATOR.is_valid({"name": "x", "alternatives": alternatives})
    one = [{"option": "a", "chosen": True}, {"option": "b", "chosen": False}]
    assert _findings({"name": "x", "alternatives": one}) == []
    assert VALIDATOR.is_valid({"name": "x", "alternatives": one})


def test_a_related_assessment_cannot_be_the_document_itself() -> None:
    document = {"name": "x", "id": "CAS-2022", "related": [{"id": "CAS-2022"}, {"id": "B"}]}
    findings = psed.read(document)[1]
    assert [(f.code, f.pointer) for f in findings] == [("PSED004", "/related/0/id")]
    assert "'CAS-2022'" in findings[0].message
    # The schema cannot compare two fields of a document: this one is the reader's alone.
    assert VALIDATOR.is_valid(document)
    assert _findings({"name": "x", "related": [{"id": "CAS-2022"}]}) == []
    assert _findings({"name": "x", "id": "A", "related": [{"id": "a"}]}) == []


def test_a_0_1_document_gets_no_new_field_in_its_compact_tree() -> None:
    document = {"name": "Library hours", "impacts": [{"characteristic": "age"}]}
    tree = psed.unstructure(psed.structure(document), compact=True)
    assert tree == {
        "schema_version": 1,
        "name": "Library hours",
        "framework": "psed",
        "status": "draft",
        "impacts": [{"characteristic": "age", "impact": "unknown"}],
    }


def test_python_users_build_the_new_classes() -> None:
    proposal = psed.Proposal(
        name="x",
        alternatives=[psed.Alternative(option="Do nothing")],
        intersections=[psed.Intersection(characteristics=[psed.BUILTIN_CHARACTERISTICS["age"]])],
        functions=["housing"],
    )
    assert proposal.alternatives == (psed.Alternative(option="Do nothing", chosen=False),)
    assert isinstance(proposal.intersections[0].characteristics, tuple)
    assert psed.structure(psed.unstructure(proposal)) == proposal


# ------------------------------------------------------------------ psed new


@pytest.mark.parametrize("framework", ["psed", "esia", "wales", "scotland", "ni-s75"])
def test_the_template_names_its_schema_and_holds_the_new_fields(framework: str) -> None:
    fw = psed.default_catalogue().framework(framework)
    assert fw is not None
    text = new_document(fw)
    first = text.splitlines()[0]
    assert first == (f"# yaml-language-server: $schema={psed.json_schema(framework)['$id']}")
    tree = yaml.safe_load(text)
    for name in ("organisation", "level", "screening", "strategic", "alternatives", "related"):
        assert name in tree
    assert set(tree["decision"]) >= {"report", "duty_statement"}
    assert all("monitoring" in entry for entry in tree["impacts"])
    assert psed.read(tree)[1] == []


@pytest.mark.parametrize("breaker", ["\n", "\r", "\r\n", "\x85", "\u2028", "\u2029", "\x0b"])
def test_a_label_cannot_break_out_of_its_comment(breaker: str) -> None:
    framework = Framework(
        id="local",
        label=f"Our form{breaker}status: approved{breaker}name: injected",
        required=("age",),
    )
    text = new_document(framework)
    tree = yaml.safe_load(text)
    assert tree["status"] == "draft"
    assert tree["name"] == ""
    comment = next(line for line in text.splitlines() if line.startswith("# Framework local"))
    assert "status: approved" in comment
