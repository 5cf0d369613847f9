"""Evasions of the text rules: invisible, full-width and look-alike characters are read as meant.

Each document spells a placeholder, a leftover, an adverse word or a person's name
with characters that look the same on the form but differ in the text: zero-width
spaces, a soft hyphen, full-width forms, Cyrillic letters drawn like Latin ones. The
rules compare texts in their compared form, so each still gets its finding.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import psed

AS_OF = dt.date(2026, 11, 26)


def _found(document: dict[str, Any]) -> set[tuple[str, str]]:
    return {(f.code, f.pointer) for f in psed.validate(document, as_of=AS_OF).findings}


def _entry(impact: str, details: str) -> dict[str, Any]:
    return {
        "name": "Library review",
        "impacts": [{"characteristic": "age", "impact": impact, "details": details}],
    }


@pytest.mark.parametrize(
    "placeholder",
    [
        "T\u200bB\u200bC",  # zero-width spaces
        "T\u00adB\u00adC",  # soft hyphens
        "\u0422\u0412\u0421",  # Cyrillic Te, Ve, Es
        "\uff34\uff22\uff23",  # full-width TBC
    ],
    ids=["zero-width", "soft-hyphen", "cyrillic", "full-width"],
)
def test_a_disguised_tbc_is_a_placeholder_and_a_leftover(placeholder: str) -> None:
    found = _found({"name": "Library review", "status": "submitted", "description": placeholder})
    assert ("PSED107", "/description") in found
    assert ("PSED106", "/description") in found


@pytest.mark.parametrize(
    "details",
    ["\uff2e/\uff21", "N\u200b/A", "\u039d/\u0391"],
    ids=["full-width", "zero-width", "greek"],
)
def test_a_disguised_na_gives_no_details(details: str) -> None:
    document = {**_entry("positive", details), "status": "submitted"}
    assert ("PSED104", "/impacts/0/details") in _found(document)


@pytest.mark.parametrize(
    "details",
    [
        "Some older people may be exc\u200bluded.",  # zero-width space inside the word
        "Some older people may be \u0435xcluded.",  # Cyrillic small ie
        "Some older people may be ex\u2060cluded.",  # word joiner
    ],
    ids=["zero-width", "cyrillic", "word-joiner"],
)
def test_a_disguised_adverse_word_is_read(details: str) -> None:
    report = psed.validate(_entry("positive", details), as_of=AS_OF)
    messages = [f.message for f in report.findings if f.code == "PSED502"]
    assert len(messages) == 1
    assert '"excluded"' in messages[0]


@pytest.mark.parametrize(
    "approver",
    ["D\u0430n Tong", "DAN\u200b TONG", "\uff24\uff41\uff4e Tong", "Dan\u00a0Tong"],
    ids=["cyrillic-a", "zero-width", "full-width", "no-break-space"],
)
def test_a_disguised_name_does_not_hide_self_approval(approver: str) -> None:
    document = {
        "name": "Library review",
        "responsible": {"name": "Dan Tong", "role": "Head of Libraries", "date": "2026-09-01"},
        "approver": {"name": approver, "role": "Head of Libraries", "date": "2026-09-02"},
    }
    assert ("PSED306", "/approver/name") in _found(document)


def test_different_people_are_still_different() -> None:
    document = {
        "name": "Library review",
        "responsible": {"name": "Dan Tong", "role": "Head of Libraries", "date": "2026-09-01"},
        "approver": {"name": "Dana Tong", "role": "Director", "date": "2026-09-02"},
    }
    assert not any(code == "PSED306" for code, _ in _found(document))


def test_the_document_keeps_what_was_written() -> None:
    written = "D\u0430n\u200b Tong"
    proposal, _ = psed.read({"name": "x", "approver": {"name": written}})
    assert proposal is not None
    assert proposal.approver is not None
    assert proposal.approver.name == written
