"""Acceptance example: the seed ESIA, encoded faithfully, checked as of 2026-11-26."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import psed

SEED = Path(__file__).parents[2] / "examples" / "customer-access-strategy.yaml"


def _codes() -> set[str]:
    report = psed.check(psed.load(SEED), as_of=dt.date(2026, 11, 26))
    return {f.code for f in report.findings}


def test_seed_reports_the_gaps_the_spec_names() -> None:
    codes = _codes()
    for code in ("PSED202", "PSED203", "PSED402", "PSED403", "PSED310", "PSED501", "PSED601"):
        assert code in codes, code


def test_seed_reports_unmonitored_adverse_impacts_and_no_population_evidence() -> None:
    report = psed.check(psed.load(SEED), as_of=dt.date(2026, 11, 26))
    unmonitored = [(f.pointer, f.characteristic) for f in report.findings if f.code == "PSED206"]
    assert unmonitored == [
        ("/impacts/0/monitoring", "age"),
        ("/impacts/1/monitoring", "disability"),
        ("/impacts/10/monitoring", "poverty"),
    ]
    # Its one evidence item, contact volumes by channel, says nothing of who the
    # customers are: no population or service-user evidence.
    (population,) = [f for f in report.findings if f.code == "PSED410"]
    assert population.pointer == "/evidence"
    assert population.severity is psed.Severity.WARNING


def test_seed_reports_none_of_the_things_it_does_record() -> None:
    codes = _codes()
    for code in ("PSED101", "PSED201", *(f"PSED30{n}" for n in range(1, 7))):
        assert code not in codes, code


def test_seed_boilerplate_is_reported_once_per_pasted_entry() -> None:
    proposal = psed.load(SEED)
    report = psed.check(proposal, as_of=dt.date(2026, 11, 26))
    pasted = [f.characteristic or "" for f in report.findings if f.code == "PSED501"]
    assert sorted(pasted) == sorted(
        [
            "gender_reassignment",
            "marriage_civil_partnership",
            "pregnancy_maternity",
            "race",
            "religion_belief",
            "sex",
            "sexual_orientation",
            "health_wellbeing",
        ]
    )
    (safety,) = [f for f in report.findings if f.code == "PSED601"]
    assert safety.characteristic == "community_safety"
    assert safety.severity is psed.Severity.ERROR
