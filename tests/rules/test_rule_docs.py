"""Each rule's documented failing example is reported by the rule; its passing example is not."""

from __future__ import annotations

import datetime as dt

import pytest

import psed
from psed.law import BUILTIN_DUTIES
from psed.rules import Rule, all_rules

OWN_MODULES = {
    "psed.rules.completeness",
    "psed.rules.mitigation",
    "psed.rules.signoff",
    "psed.rules.evidence",
    "psed.rules.rigour",
    "psed.rules.community_safety",
    "psed.rules.duties",
}
RULES = [r for r in all_rules() if r.check is not None and r.check.__module__ in OWN_MODULES]


def _codes(example: str) -> list[str]:
    proposal = psed.loads(example, format="yaml")
    return psed.check(proposal, as_of=dt.date(2026, 11, 26)).codes()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_failing_example_is_reported(rule: Rule) -> None:
    assert rule.code in _codes(rule.fail_example)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_passing_example_is_not_reported(rule: Rule) -> None:
    assert rule.code not in _codes(rule.pass_example)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_documentation_cites_the_law(rule: Rule) -> None:
    assert rule.references
    assert rule.cites
    # Every reference is cited in the "why it matters" text, so a reader can follow it;
    # the general duty (whichever is in force) is named by one of its provisions.
    why = " ".join(rule.why.split())
    generals = {d.general for d in BUILTIN_DUTIES.values()}
    for reference in rule.cites:
        if reference.general:
            assert any(g in why for g in generals), (rule.code, "the general duty")
        else:
            assert reference.citation in why, (rule.code, reference.citation)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_reference_is_marked_law_or_practice(rule: Rule) -> None:
    assert all(reference.basis is not None for reference in rule.cites), rule.code
