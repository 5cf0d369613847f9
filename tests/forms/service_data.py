"""Answers a person would type into every page of the form service, as the form posts them."""

from __future__ import annotations

from typing import Any

import psed

CHARACTERISTICS = psed.BUILTIN_FRAMEWORKS["psed"].required


def _date(prefix: str, day: str, month: str, year: str) -> dict[str, str]:
    return {f"{prefix}-day": day, f"{prefix}-month": month, f"{prefix}-year": year}


def _impacts() -> dict[str, str]:
    answers: dict[str, str] = {}
    for code in CHARACTERISTICS:
        answers[f"impact-{code}-impact"] = "neutral"
        label = psed.BUILTIN_CHARACTERISTICS[code].label.lower()
        answers[f"impact-{code}-details"] = (
            f"Visitors are not affected differently by {label}: the service stays the same."
        )
    answers["impact-age-impact"] = "negative"
    answers["impact-age-details"] = (
        "Older people who cannot travel to the central library lose their nearest branch."
    )
    answers["impact-age-mitigations-0-action"] = "A weekly mobile library stop at the old branch"
    answers["impact-age-mitigations-0-owner"] = "Mobile Library Manager"
    answers.update(_date("impact-age-mitigations-0-due", "31", "3", "2027"))
    answers["impact-age-monitoring"] = "Quarterly visits to the mobile stop, by age band"
    return answers


ANSWERS: dict[str, dict[str, str]] = {
    "proposal": {
        "name": "Close the Northfield branch library",
        "description": "Close the branch and extend the mobile library route to cover the area.",
        "framework": "psed",
    },
    "service": {
        "service_profile-description": "The branch library and its visitors, most of them local.",
        "service_profile-customers": "1,800",
    },
    "evidence": {
        "evidence-0-source": "Library visitor survey 2026",
        "evidence-0-kind": "service_users",
        "evidence-0-area": "Northfield ward",
        "evidence-0-summary": "1,800 regular visitors; 40% are over 65.",
        **_date("evidence-0-date", "30", "6", "2026"),
    },
    "engagement": {
        "engagement-0-audience": "Branch visitors and the residents' panel",
        "engagement-0-method": "Online survey and two drop-in sessions",
        **_date("engagement-0-date", "1", "8", "2026"),
        **_date("engagement-0-end", "30", "9", "2026"),
        "engagement-0-summary": "People asked for a mobile stop near the old branch.",
        "engagement-0-changes": "A weekly mobile stop was added to the plan.",
    },
    "impacts": _impacts(),
    "summary": {
        "impact_summary": "Older visitors lose their nearest branch; a mobile stop reduces this.",
        "positive_impacts": "Longer opening hours at the central library.",
    },
    "decision": {
        "decision-outcome": "adjust",
        **_date("decision-date", "20", "11", "2026"),
        "decision-maker": "Cabinet",
        "decision-duty_statement": (
            "Cabinet must have due regard to the need to eliminate discrimination, advance"
            " equality of opportunity and foster good relations."
        ),
    },
    "signoff": {
        "responsible-name": "Dan Tong",
        "responsible-role": "Library Manager",
        **_date("responsible-date", "2", "11", "2026"),
        "approver-name": "James Marshall",
        "approver-role": "Head of Culture",
        **_date("approver-date", "10", "11", "2026"),
        **_date("review_date", "20", "11", "2027"),
    },
}
"""Every section filled in, so that the assessment passes a submission check."""


def posted(section: str, action: str = "continue", **changes: str) -> dict[str, Any]:
    """The form data one page posts: the answers, any changes, and the button pressed."""
    return {**ANSWERS[section], **changes, "action": action}
