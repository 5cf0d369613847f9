"""Each portfolio rule's fixture folders report exactly the findings written by hand.

``tests/audit/fixtures/PSED70n/`` holds one folder of documents per case, ``fail-*``
folders that the rule reports on and ``pass-*`` near misses that it must not, and
``expected.yaml`` mapping each case and file to its ``{pointer, severity}`` findings of
that code (``waived: true`` for a waived one). Each folder is audited on its own as of
2026-11-26, each document at its own status.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

import psed.audit
from psed.rules.portfolio import PORTFOLIO_CODES

FIXTURES = Path(__file__).parent / "fixtures"
AS_OF = dt.date(2026, 11, 26)


def _expected(code: str) -> dict[str, dict[str, list[dict[str, Any]]]]:
    data = yaml.safe_load((FIXTURES / code / "expected.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _cases() -> list[tuple[str, str]]:
    return [
        (code.name, case.name)
        for code in sorted(FIXTURES.iterdir())
        if code.is_dir()
        for case in sorted(code.iterdir())
        if case.is_dir()
    ]


def test_every_portfolio_rule_has_failing_and_passing_folders() -> None:
    cases = _cases()
    assert {code for code, _ in cases} == PORTFOLIO_CODES
    for code in PORTFOLIO_CODES:
        names = [case for c, case in cases if c == code]
        assert any(n.startswith("fail-") for n in names), code
        assert any(n.startswith("pass-") for n in names), code
        assert set(_expected(code)) == set(names), code


@pytest.mark.parametrize(("code", "case"), _cases())
def test_folder_reports_exactly_the_expected_findings(code: str, case: str) -> None:
    folder = FIXTURES / code / case
    expected = _expected(code)[case]
    result = psed.audit.audit(str(folder), as_of=AS_OF)
    assert sorted(Path(r.path).name for r in result.rows) == sorted(expected)
    for row in result.rows:
        got = Counter(
            (f.pointer, f.severity.value, f.waived is not None)
            for f in row.portfolio
            if f.code == code
        )
        want = Counter(
            (e["pointer"], e["severity"], bool(e.get("waived")))
            for e in expected[Path(row.path).name]
        )
        assert got == want, (case, Path(row.path).name)
    reported = sum(len(v) for v in expected.values())
    assert (reported > 0) == case.startswith("fail-")
