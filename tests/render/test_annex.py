"""The quality check annex: findings grouped by section, with codes, law, waivers, summary."""

from __future__ import annotations

import datetime as dt
import re

import psed
from psed import Finding, Report, Severity
from psed.model import Proposal, Status


def _finding(
    code: str, pointer: str, message: str, *, waived: str | None = None, refs: tuple[str, ...] = ()
) -> Finding:
    return Finding(
        code=code,
        name="a-rule",
        severity=Severity.WARNING,
        default_severity=Severity.WARNING,
        message=message,
        pointer=pointer,
        references=refs,
        waived=waived,
    )


def _report(*findings: Finding) -> Report:
    return Report(
        findings=findings,
        as_of=dt.date(2026, 11, 26),
        status=Status.SUBMITTED,
        version="9.9.9",
        law_date=dt.date(2021, 12, 1),
        law_date_source="decision",
    )


def _sections(page: str) -> list[str]:
    return re.findall(r"<h[23] id=\"quality-?[^\"]*\">([^<]*)</h[23]>", page)


def test_findings_are_grouped_by_the_section_they_concern(full_proposal: Proposal) -> None:
    report = _report(
        _finding("PSED310", "/review_date", "Set a review date."),
        _finding("PSED001", "", "The whole document is wrong."),
        _finding(
            "PSED202",
            "/impacts/0/mitigations/0/owner",
            "Name an owner.",
            refs=("Equality Act 2010 s149(1)",),
        ),
        _finding("PSED501", "/impacts/1/details", "Same text.", waived="Reviewed by the lead."),
    )
    page = psed.render(full_proposal, findings=report)
    annex = page[page.index('data-annex="quality-check"') :]
    assert _sections(annex) == [
        "Quality check",
        "Summary of findings",
        "The whole document",
        "Impact by characteristic",
        "Action plan",
        "Review",
    ]
    assert "9.9.9 checked this assessment on 26 November 2026" in annex
    assert "the law in force on 1 December 2021, the date of the decision." in annex
    # Where: the field's label in its context, linked to where it is shown, and the pointer.
    assert '<a href="#action_plan">1. Age: Older people (65+), action 1: Owner</a>' in annex
    assert '<a href="#impact-2">2. People without internet access: Details of impact</a>' in annex
    assert "<code>/impacts/0/mitigations/0/owner</code>" in annex
    assert "<li>Equality Act 2010 s149(1)</li>" in annex
    assert "<td>Reviewed by the lead.</td>" in annex
    counts = dict(re.findall(r'<th scope="row">([^<]+)</th><td><data value="(\d+)">', annex))
    assert counts == {"Errors": "0", "Warnings": "3", "For information": "0", "Accepted": "1"}


def test_no_findings_says_so(full_proposal: Proposal) -> None:
    page = psed.render(full_proposal, format="md", findings=_report())
    assert "psed found no gaps in this assessment." in page
    assert "Summary of findings" not in page


def test_the_annex_of_a_real_check(full_proposal: Proposal) -> None:
    report = psed.check(full_proposal, as_of=dt.date(2026, 11, 26))
    page = psed.render(full_proposal, format="md", findings=report)
    for finding in report.findings:
        assert finding.code in page
