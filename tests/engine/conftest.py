"""Shared helpers for the engine tests: small documents and temporary rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import cast

import pytest

import psed
from psed.rules import Context, Hit, RuleFunc, rule, unregister

AS_OF = dt.date(2026, 11, 26)

DOC = """{summary}

    ## What it checks
    A test rule.

    ## Why it matters
    Tests need it (Equality Act 2010 s149(1)).

    ## Failing example
    ```yaml
    name: x
    ```

    ## Passing example
    ```yaml
    name: y
    ```
    """


def complete_proposal(**changes: object) -> psed.Proposal:
    """A document with every s4 characteristic assessed, signed and reviewed."""
    impacts = [
        psed.ImpactEntry(
            characteristic=c,
            impact=psed.Impact.NEUTRAL,
            details=f"No differential effect on {c.label.lower()} was found in usage data.",
        )
        for c in psed.PROTECTED_CHARACTERISTICS
    ]
    base: dict[str, object] = {
        "name": "Library opening hours review",
        "description": "Change library opening hours on two weekday evenings.",
        "status": psed.Status.SUBMITTED,
        "service_profile": psed.ServiceProfile(description="Libraries", customers=1200),
        "impact_summary": "Small effect on evening users, mitigated by online services.",
        "evidence": [psed.Evidence(source="Footfall counts 2025")],
        "impacts": impacts,
        "responsible": psed.SignOff(name="Ann Lee", role="Libraries Manager", date=AS_OF),
        "review_date": dt.date(2027, 11, 1),
    }
    base.update(changes)
    return psed.Proposal(**base)  # type: ignore[arg-type]


@pytest.fixture
def temporary_rule() -> Iterator[Callable[..., Callable[[Callable[[Context], object]], object]]]:
    """Register rules for one test; they are removed afterwards."""
    codes: list[str] = []

    def make(code: str, **meta: object) -> Callable[[Callable[[Context], object]], object]:
        meta.setdefault("name", f"test-rule-{code.lower()}")
        meta.setdefault("severity", "error")
        meta.setdefault("status", "draft")
        meta.setdefault("references", ("Equality Act 2010 s149(1)",))

        def decorate(func: Callable[[Context], object]) -> object:
            func.__doc__ = DOC.format(summary=f"Test rule {code}.")
            codes.append(code)
            return rule(code=code, **meta)(cast(RuleFunc, func))  # type: ignore[arg-type]

        return decorate

    yield make
    for code in codes:
        unregister(code)


def hits_at(*pointers: str) -> Callable[[Context], Iterator[Hit]]:
    """A rule body that fires at the given pointers."""

    def body(ctx: Context) -> Iterator[Hit]:
        for pointer in pointers:
            yield Hit(pointer, f"hit at {pointer}")

    return body
