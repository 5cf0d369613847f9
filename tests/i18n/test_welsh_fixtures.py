"""Every rule has a failing fixture written in Welsh, and reports on it in Welsh.

``fixtures/PSEDnnn.yaml`` is a whole assessment in Welsh with one change that rule
``PSEDnnn`` reports (``make_fixtures.py`` writes them from one complete document,
``fixtures/pass.yaml``, that no rule reports on). Checked with ``lang="cy"``, every
finding must be in Welsh: not the English message, and holding no English sentence
of the catalogue word for word.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest

import psed
from psed import _babel
from psed.rules import all_rules
from psed.rules.portfolio import is_portfolio

FIXTURES = Path(__file__).parent / "fixtures"
AS_OF = dt.date(2026, 11, 26)
NOT_YET_IN_WELSH: frozenset[str] = frozenset({"PSED001"})
"""Codes whose messages the reader still writes in English only."""


def _codes() -> list[str]:
    return [r.code for r in all_rules(builtin_only=True) if not is_portfolio(r.code)]


@cache
def _english_pieces() -> tuple[str, ...]:
    """The fixed English text of every catalogue sentence: the runs between placeholders
    that are five words or more (shorter runs, such as a name, can be the same in Welsh)."""
    pieces: set[str] = set()
    for message in _babel.extract():
        if not message.id or message.context is not None:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for english in ids:
            for piece in re.split(r"\{[^{}]*\}", english):
                piece = piece.strip(" .,;:()")
                if len(piece.split()) >= 5:
                    pieces.add(piece)
    return tuple(sorted(pieces))


def test_every_rule_has_a_welsh_fixture() -> None:
    missing = [code for code in _codes() if not (FIXTURES / f"{code}.yaml").exists()]
    assert missing == []


def test_the_welsh_base_document_has_no_finding() -> None:
    report = psed.validate((FIXTURES / "pass.yaml").read_text(encoding="utf-8"), as_of=AS_OF)
    assert report.findings == ()


@pytest.mark.parametrize("code", _codes())
def test_the_rule_reports_its_welsh_fixture_in_welsh(code: str) -> None:
    text = (FIXTURES / f"{code}.yaml").read_text(encoding="utf-8")
    report = psed.validate(text, as_of=AS_OF, lang="cy")
    assert code in report.codes()
    if code in NOT_YET_IN_WELSH:
        return
    for finding in report.findings:
        assert finding.lang == "cy"
        assert finding.message_en is not None
        assert finding.message != finding.message_en, finding.code
        english = [piece for piece in _english_pieces() if piece in finding.message]
        assert english == [], f"{finding.code}: English left in {finding.message!r}"
