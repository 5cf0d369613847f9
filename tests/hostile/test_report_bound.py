"""A report never grows past its documented bound: 1,000 findings, the last telling of the rest."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest

import psed
from psed import Finding, Severity
from psed.rules.report import MAX_FINDINGS, bounded

AS_OF = dt.date(2026, 11, 26)


def _finding(index: int, code: str = "PSED005", severity: Severity = Severity.ERROR) -> Finding:
    return Finding(
        code=code,
        name="x",
        severity=severity,
        default_severity=severity,
        message="A finding.",
        pointer=f"/k{index:06d}",
    )


def test_a_parsed_mapping_with_a_huge_width_gets_a_bounded_report() -> None:
    # A form backend that calls json.loads first hands validate a plain dict.
    # 30,000 unknown keys are 60,001 values, within the reading limits.
    payload: dict[str, Any] = {f"k{i}": 0 for i in range(30_000)}
    payload["name"] = "x"
    report = psed.validate(payload, as_of=AS_OF)
    assert len(report.findings) == MAX_FINDINGS == 1000
    summary = next(f for f in report.findings if f.code == "PSED008")
    assert summary.pointer == ""
    assert summary.severity is Severity.ERROR
    assert "PSED005" in summary.message
    assert not report.ok
    told = re.search(r"([\d,]+) PSED005", summary.message)
    assert told is not None
    listed = sum(f.code == "PSED005" for f in report.findings)
    assert listed + int(told.group(1).replace(",", "")) == 30_000
    assert len(psed.read(payload)[1]) == 30_000  # the reader still reports every one


def test_the_same_bound_holds_for_text_and_for_check() -> None:
    text = json.dumps({"name": "x", **{f"k{i}": 0 for i in range(3000)}})
    assert len(psed.validate(text, as_of=AS_OF).findings) == MAX_FINDINGS
    proposal = psed.structure({"name": "x"})
    assert len(psed.check(proposal, as_of=AS_OF).findings) < MAX_FINDINGS


def test_a_report_within_the_bound_is_unchanged() -> None:
    findings = [_finding(i) for i in range(MAX_FINDINGS)]
    assert bounded(findings) == findings


def test_the_first_findings_are_kept_in_document_order() -> None:
    findings = [_finding(i) for i in range(MAX_FINDINGS + 500)]
    cut = bounded(findings)
    assert len(cut) == MAX_FINDINGS
    assert cut[0].code == "PSED008"
    assert cut[1:] == findings[: MAX_FINDINGS - 1]
    assert "There are 501 more findings than this report lists (501 PSED005)" in cut[0].message


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        ([Severity.WARNING, Severity.INFO], Severity.WARNING),
        ([Severity.INFO], Severity.INFO),
        ([Severity.ERROR, Severity.WARNING], Severity.ERROR),
    ],
)
def test_the_summary_is_as_severe_as_what_it_stands_for(
    rest: list[Severity], expected: Severity
) -> None:
    kept = [_finding(i, severity=Severity.INFO) for i in range(MAX_FINDINGS - 1)]
    told = [_finding(MAX_FINDINGS + i, "PSED201", s) for i, s in enumerate(rest)]
    summary = bounded(kept + told)[0]
    assert summary.severity is expected
    assert summary.waived is None


def test_waived_findings_do_not_make_the_summary_fail() -> None:
    kept = [_finding(i, severity=Severity.INFO) for i in range(MAX_FINDINGS - 1)]
    waived = [
        Finding(
            code="PSED201",
            name="x",
            severity=Severity.ERROR,
            default_severity=Severity.ERROR,
            message="A finding.",
            pointer=f"/z{i}",
            waived="Accepted by the Head of Service",
        )
        for i in range(5)
    ]
    assert bounded(kept + waived)[0].severity is Severity.INFO


def test_whole_document_findings_that_sort_first_stay_first() -> None:
    first = Finding(
        code="PSED001",
        name="unreadable-document",
        severity=Severity.ERROR,
        default_severity=Severity.ERROR,
        message="The document could not be read.",
        pointer="",
    )
    cut = bounded([first] + [_finding(i) for i in range(MAX_FINDINGS + 1)])
    assert [f.code for f in cut[:2]] == ["PSED001", "PSED008"]
