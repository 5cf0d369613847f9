"""Completeness counts only characteristics assessed with a real reason, and knows its limits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import psed
import psed.audit

AS_OF = dt.date(2026, 11, 26)
PASTED = "The proposal is expected to have a positive effect on all customers of the service."
NINE = (
    "age",
    "disability",
    "gender_reassignment",
    "marriage_civil_partnership",
    "pregnancy_maternity",
    "race",
    "religion_belief",
    "sex",
    "sexual_orientation",
)


def _document(details: dict[str, str], extra: str = "") -> str:
    lines = ["name: Library opening hours", "status: submitted", extra, "impacts:"]
    for code in NINE:
        lines += [
            f"  - characteristic: {code}",
            "    impact: positive",
            f"    details: {details.get(code, PASTED)}",
        ]
    return "\n".join(lines) + "\n"


def _row(tmp_path: Path, text: str) -> psed.audit.AuditRow:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    (row,) = psed.audit.audit(str(path), as_of=AS_OF).rows
    return row


def _own(code: str) -> str:
    return f"Evidence for {code.replace('_', ' ')} from the 2025 library users survey shows a gain."


def test_one_pasted_sentence_is_not_complete(tmp_path: Path) -> None:
    row = _row(tmp_path, _document({}))
    assert "PSED501" in row.codes
    assert row.assessed == 0
    assert row.completeness == 0.0
    assert row.not_assessed == NINE


def test_only_the_entries_that_repeat_the_text_count_against(tmp_path: Path) -> None:
    own = {code: _own(code) for code in NINE[:6]}
    row = _row(tmp_path, _document(own))  # three entries share the pasted text
    assert row.assessed == 6
    assert row.not_assessed == NINE[6:]
    assert row.completeness == 6 / 9


def test_every_entry_written_on_its_own_is_complete(tmp_path: Path) -> None:
    row = _row(tmp_path, _document({code: _own(code) for code in NINE}))
    assert row.completeness == 1.0
    assert row.not_assessed == ()


def test_a_waived_repeat_counts_as_assessed(tmp_path: Path) -> None:
    waiver = (
        "waivers:\n"
        "  - rule: PSED501\n"
        "    reason: Text reviewed; the effect is the same for every group\n"
        "    approved_by: Head of Libraries\n"
    )
    row = _row(tmp_path, _document({}, waiver))
    assert row.waived == 9
    assert row.completeness == 1.0


def test_one_unassessed_group_leaves_its_characteristic_unassessed(tmp_path: Path) -> None:
    text = _document({code: _own(code) for code in NINE}) + (
        "  - characteristic: age\n    group: Under 25s\n    impact: unknown\n"
    )
    row = _row(tmp_path, text)
    assert row.not_assessed == ("age",)
    assert row.assessed == 8


def test_unknown_framework_and_status_are_shown_as_written(tmp_path: Path) -> None:
    row = _row(tmp_path, "name: Parks review\nframework: eisa\nstatus: finalised\n")
    assert row.readable
    assert row.framework == "eisa"
    assert not row.framework_known
    assert row.status is None
    assert row.completeness is None
    assert row.required == 0
    assert {"PSED004", "PSED007"} <= set(row.codes)
    data = row.to_dict()
    assert (data["framework"], data["status"], data["completeness"]) == ("eisa", None, None)


def test_known_framework_with_an_invalid_status(tmp_path: Path) -> None:
    row = _row(tmp_path, "name: Parks review\nframework: esia\nstatus: final\n")
    assert row.framework == "esia"
    assert row.framework_known
    assert row.status is None
    assert row.completeness == 0.0
    assert row.required == 12
