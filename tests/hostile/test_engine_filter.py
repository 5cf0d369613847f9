"""Filters that must be fast for hostile sizes and give the same answers as their definition.

The rule-finding filter of validate and the waiver matcher used to compare every pair
(structural finding x rule finding, waiver x finding): minutes for large documents.
"""

from __future__ import annotations

import datetime as _dt

import attrs
from hypothesis import given
from hypothesis import strategies as st

import psed
from psed._reading.pointer import is_at_or_below
from psed.engine import _covered
from psed.findings import Finding, Severity
from psed.rules.waivers import apply_waivers, valid_waivers, waivable

_tokens = st.sampled_from(["", "a", "ab", "0", "1", "10", "a~1b", "impacts"])
_pointers = st.lists(_tokens, max_size=4).map(lambda parts: "".join("/" + p for p in parts))


@given(_pointers, st.sets(_pointers | st.just(""), max_size=6))
def test_covered_agrees_with_is_at_or_below(pointer: str, places: set[str]) -> None:
    expected = any(is_at_or_below(pointer, p) for p in places)
    assert _covered(pointer, places) is expected


def test_covered_examples() -> None:
    assert _covered("/impacts/3/owner", {"/impacts/3"})
    assert not _covered("/impacts/30", {"/impacts/3"})
    assert _covered("/anything", {""})
    assert not _covered("/a", set())
    assert _covered("", {""})
    assert not _covered("", {"/a"})


# --------------------------------------------------------------------------- waivers


def _naive(findings: list[Finding], proposal: psed.Proposal) -> tuple[list[str | None], set[int]]:
    """The definition: each finding takes the reason of the first valid waiver covering it."""
    waivers = valid_waivers(proposal, _dt.date(2026, 11, 26))
    reasons, used = [], set()
    for finding in findings:
        reason = None
        if waivable(finding.code):
            for index, waiver in waivers:
                if waiver.rule.strip() == finding.code and (
                    waiver.pointer is None or is_at_or_below(finding.pointer, waiver.pointer)
                ):
                    used.add(index)
                    reason = reason if reason is not None else waiver.reason
        reasons.append(reason)
    return reasons, used


_codes = st.sampled_from(["PSED103", "PSED201", " PSED201 ", "PSED001"])


@given(
    st.lists(st.tuples(_codes, _pointers), max_size=8),
    st.lists(st.tuples(_codes, st.none() | _pointers | st.just(""), st.integers(0, 3)), max_size=6),
)
def test_apply_waivers_agrees_with_the_definition(
    found: list[tuple[str, str]], given_waivers: list[tuple[str, str | None, int]]
) -> None:
    findings = [
        Finding(
            code=code.strip(),
            name="x",
            severity=Severity.ERROR,
            default_severity=Severity.ERROR,
            message="m",
            pointer=pointer,
        )
        for code, pointer in found
    ]
    proposal = psed.Proposal(
        name="x",
        waivers=[
            psed.Waiver(rule=code, pointer=pointer, reason=f"Reason {n}", approved_by="Head")
            for code, pointer, n in given_waivers
        ],
    )
    outcome = apply_waivers(findings, proposal, _dt.date(2026, 11, 26))
    reasons, used = _naive(findings, proposal)
    assert [f.waived for f in outcome.findings] == reasons
    valid = {index for index, _ in valid_waivers(proposal, _dt.date(2026, 11, 26))}
    assert set(outcome.unused) == valid - used
    assert [attrs.evolve(f, waived=None) for f in outcome.findings] == findings
