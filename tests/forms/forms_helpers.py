"""Hand-made findings and reports for the form tests (no rules engine needed)."""

from __future__ import annotations

import datetime as dt

from psed import Finding, Report, Severity, Status


def make_finding(
    code: str,
    pointer: str,
    *,
    severity: str = "error",
    message: str | None = None,
    waived: str | None = None,
    characteristic: str | None = None,
) -> Finding:
    """A finding as the engine would report it, for tests that do not need the rules."""
    return Finding(
        code=code,
        name=code.lower(),
        severity=Severity(severity),
        default_severity=Severity(severity),
        message=message or f"{code} at {pointer or 'the document'}",
        pointer=pointer,
        characteristic=characteristic,
        waived=waived,
    )


def make_report(*findings: Finding, status: str = "submitted") -> Report:
    """A report holding these findings in the given order."""
    return Report(
        findings=findings,
        as_of=dt.date(2026, 11, 26),
        status=Status(status),
        version="test",
    )
