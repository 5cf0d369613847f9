"""Each portfolio rule's documented examples: the failing folder reports it, the passing not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import psed.audit
from psed.law import BUILTIN_DUTIES
from psed.rules import Rule, all_rules
from psed.rules.portfolio import PORTFOLIO_CODES

from .helpers import write_stream

AS_OF = dt.date(2026, 11, 26)
RULES = [r for r in all_rules() if r.code in PORTFOLIO_CODES]


def _codes(example: str, folder: Path) -> set[str]:
    write_stream(example, folder)
    result = psed.audit.audit(str(folder), as_of=AS_OF, status="approved")
    return {f.code for row in result.rows for f in row.portfolio}


def test_there_are_four_portfolio_rules() -> None:
    assert [r.code for r in RULES] == ["PSED701", "PSED702", "PSED703", "PSED704"]
    assert all(r.check is None for r in RULES)  # psed.check never runs them


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_failing_example_is_reported(rule: Rule, tmp_path: Path) -> None:
    assert rule.code in _codes(rule.fail_example, tmp_path)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_passing_example_is_not_reported(rule: Rule, tmp_path: Path) -> None:
    assert rule.code not in _codes(rule.pass_example, tmp_path)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_documentation_cites_its_references(rule: Rule) -> None:
    assert rule.cites
    assert all(reference.basis is not None for reference in rule.cites)  # law or practice
    why = " ".join(rule.why.split())
    generals = {d.general for d in BUILTIN_DUTIES.values()}
    for reference in rule.cites:
        if reference.general:
            assert any(g in why for g in generals), (rule.code, "the general duty")
        else:
            assert reference.citation in why, (rule.code, reference.citation)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_check_of_one_document_never_reports_it(rule: Rule, tmp_path: Path) -> None:
    for path in write_stream(rule.fail_example, tmp_path):
        report = psed.validate(path.read_bytes(), as_of=AS_OF, status="approved")
        assert rule.code not in report.codes()
