"""A program that builds an assessment from every class of the model, as a user writes it.

``tests/api/test_user_program.py`` type-checks this file with ``mypy --strict`` as a
separate program, so the constructors' types are those a user's type checker sees. The
lines marked ``# type: ignore[...]`` must be errors: ``--strict`` reports an ignore
that is not needed, so a constructor that accepted anything would fail the check.
"""

from __future__ import annotations

import datetime

import psed
import psed.law
from psed.catalogue import SignOffSlot

AGE = psed.BUILTIN_CHARACTERISTICS["age"]
DISABILITY = psed.BUILTIN_CHARACTERISTICS["disability"]


def build() -> psed.Proposal:
    """An assessment with every part filled in, from lists and tuples alike."""
    carers = psed.Characteristic(
        code="carers",
        label="Carers",
        kind=psed.CharacteristicKind.LOCAL,
        legal_basis=["Local policy"],
        aims={psed.Aim.ADVANCE, "foster"},
        description="People who look after someone.",
    )
    mitigation = psed.Mitigation(
        action="Move the session to Tuesday afternoon.",
        owner="Library manager",
        due=datetime.date(2026, 3, 1),
        status=psed.MitigationStatus.PLANNED,
        monitoring="Attendance counts each month.",
    )
    entry = psed.ImpactEntry(
        characteristic=AGE,
        group="Older residents",
        impact=psed.Impact.NEGATIVE,
        aims=psed.Aims(eliminate=psed.Impact.NEUTRAL, advance=psed.Impact.NEGATIVE),
        details="Older residents use the Tuesday evening session most.",
        mitigations=[mitigation],
        monitoring="Quarterly.",
    )
    return psed.Proposal(
        name="Library opening hours",
        id="EIA-2026-001",
        status=psed.Status.SUBMITTED,
        level=psed.Level.FULL,
        screening=psed.Screening(
            outcome=psed.ScreeningOutcome.SCREENED_IN,
            date=datetime.date(2026, 1, 5),
            rationale="It changes a public service.",
        ),
        functions=["libraries"],
        service_profile=psed.ServiceProfile(description="Four branch libraries.", customers=1800),
        evidence=[
            psed.Evidence(
                source="Library visitor survey 2025",
                summary="Who uses each session.",
                date=datetime.date(2025, 11, 1),
                kind=psed.EvidenceKind.SERVICE_USERS,
            )
        ],
        engagement=(
            psed.Engagement(
                audience="Library users",
                method="Online survey",
                date=datetime.date(2026, 1, 10),
                end=datetime.date(2026, 2, 21),
                changes="The afternoon session was added.",
            ),
        ),
        alternatives=[psed.Alternative(option="Do nothing", chosen=False, reason="Over budget.")],
        impacts=(entry,),
        intersections=[psed.Intersection(characteristics=[AGE, DISABILITY], details="Both.")],
        decision=psed.Decision(
            outcome=psed.Outcome.ADJUST,
            justification="The afternoon session keeps access.",
            date=datetime.date(2026, 3, 1),
            maker="Cabinet",
            report=psed.DecisionReport(title="Library hours", ref="CAB-12"),
        ),
        contributors=[psed.Contributor(name="A. Officer", role="Equality lead")],
        responsible=psed.SignOff(name="A. Manager", role="Service manager"),
        approver=psed.SignOff(name="A. Director", date=datetime.date(2026, 3, 2)),
        review_date=datetime.date(2027, 3, 1),
        related=[psed.RelatedAssessment(id="EIA-2025-009", relation=psed.Relation.SUPERSEDES)],
        characteristics=[carers],
        waivers=[psed.Waiver(rule="PSED501", reason="Agreed by the board.")],
    )


def configure() -> psed.Config:
    """The configuration and catalogue classes, built with lists as the docs show."""
    framework = psed.Framework(
        id="council",
        label="Council",
        required=["age", "disability"],
        signoffs=[SignOffSlot("responsible")],
    )
    reference = psed.law.Reference(
        citation="Equality Act 2010 s149(1)",
        duties=["ea-s149"],
        jurisdictions=["england"],
        since="2011-04-05",
    )
    scheme = psed.law.Duty(
        id="county-equality-scheme",
        citation="County Equality Scheme 2024-28",
        title="County Equality Scheme",
        jurisdictions=[psed.law.Jurisdiction.ENGLAND],
        in_force=datetime.date(2024, 4, 1),
        until="2028-03-31",
        sections={"england": "para 2"},
        also=[reference],
        basis="practice",
    )
    return psed.Config(
        select=["PSED1", "PSED2"],
        ignore=["PSED301"],
        severity={"PSED2": "warning"},
        characteristics=[AGE],
        frameworks=[framework],
        duties=[scheme],
        import_templates=["templates/council.yaml"],
    )


def mistakes() -> None:
    """What a type checker must reject: each line is an error in the caller's code."""
    psed.Proposal(name="x", impacts=["age"])  # type: ignore[list-item]
    psed.Proposal(name="x", evidence=[psed.Waiver(rule="PSED501")])  # type: ignore[list-item]
    psed.Proposal(name="x", waivers=("PSED501",))  # type: ignore[arg-type]
    psed.ImpactEntry(characteristic=AGE, impact=psed.Impact.MIXED, mitigations=[1])  # type: ignore[list-item]
    psed.Intersection(characteristics=["age"])  # type: ignore[list-item]
    psed.Config(characteristics=["carers"])  # type: ignore[list-item]
    psed.Config(frameworks=[AGE])  # type: ignore[list-item]
    psed.law.Reference(citation="s149", since=2011)  # type: ignore[arg-type]
    psed.law.Duty(id="d", citation="c", title="t", jurisdictions=[], also=["s149"])  # type: ignore[list-item]


if __name__ == "__main__":
    print(build().name, len(configure().frameworks))
