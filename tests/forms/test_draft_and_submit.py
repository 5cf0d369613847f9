"""Draft versus submit: a draft never fails on what is merely not done yet; submit applies all."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import psed
from psed.forms import error_summary

from .forms_helpers import example_payloads

AS_OF = dt.date(2026, 11, 26)
CLEAN = next(
    p for p in example_payloads().values() if psed.validate(p, status="submitted", as_of=AS_OF).ok
)
# Leaving any of these out is "not done yet": never a draft error.
OPTIONAL_TOP = (
    "id",
    "description",
    "service_profile",
    "impact_summary",
    "positive_impacts",
    "evidence",
    "engagement",
    "decision",
    "responsible",
    "approver",
    "review_date",
)


@st.composite
def unfinished(draw: st.DrawFn) -> tuple[dict[str, Any], list[str]]:
    """The clean example with parts not filled in yet, and a note of what was removed."""
    doc = copy.deepcopy(CLEAN)
    removed: list[str] = []
    for key in draw(st.sets(st.sampled_from(OPTIONAL_TOP), min_size=1)):
        if key in doc:
            del doc[key]
            removed.append(key)
    impacts = doc["impacts"]
    dropped = draw(st.sets(st.integers(0, len(impacts) - 1), max_size=3))
    for i in dropped:
        entry = impacts[i]
        what = draw(st.sampled_from(["impact", "details", "mitigations", "justification"]))
        if what == "impact":
            entry["impact"] = "unknown"
        else:
            entry.pop(what, None)
    if draw(st.booleans()):
        doc["impacts"] = doc["impacts"][: draw(st.integers(0, len(doc["impacts"])))]
        removed.append("impacts")
    return doc, removed


@settings(max_examples=60, deadline=None)
@given(unfinished())
def test_a_draft_never_fails_on_what_is_not_done_yet(
    case: tuple[dict[str, Any], list[str]],
) -> None:
    doc, _ = case
    draft = psed.validate(doc, status="draft", as_of=AS_OF)
    assert draft.ok, [(f.code, f.pointer) for f in draft.errors]
    assert error_summary(draft, severities=["error"]) == []
    # The same findings either way: the status changes only how much each one matters.
    submitted = psed.validate(doc, status="submitted", as_of=AS_OF)
    assert [(f.code, f.pointer) for f in draft.findings] == [
        (f.code, f.pointer) for f in submitted.findings
    ]
    # What a draft lists as "to do" (info) is what submit will hold against it.
    to_do = {(f.code, f.pointer) for f in draft.findings if f.severity.value == "info"}
    assert {(f.code, f.pointer) for f in submitted.errors} <= to_do | {
        (f.code, f.pointer) for f in draft.errors
    }


@settings(max_examples=60, deadline=None)
@given(unfinished())
def test_submit_applies_the_completeness_rules(case: tuple[dict[str, Any], list[str]]) -> None:
    doc, removed = case
    submitted = psed.validate(doc, status="submitted", as_of=AS_OF)
    codes = {f.code for f in submitted.errors}
    if "description" in removed:
        assert "PSED107" in codes
    if "impact_summary" in removed:
        assert "PSED109" in codes
    if "responsible" in removed:
        assert "PSED301" in codes
        assert "PSED302" not in codes  # one mistake (no officer), one finding
    present = {e["characteristic"] for e in doc["impacts"]}
    if set(psed.BUILTIN_FRAMEWORKS[doc.get("framework", "psed")].required) - present:
        assert "PSED101" in codes
    if any(e.get("impact", "unknown") == "unknown" for e in doc["impacts"]):
        assert "PSED103" in codes
    if codes & {"PSED101", "PSED103", "PSED107", "PSED109", "PSED301"}:
        assert not submitted.ok
        assert error_summary(submitted, severities=["error"])


def test_a_structural_mistake_fails_even_a_draft() -> None:
    doc = copy.deepcopy(CLEAN)
    doc["impacts"][0]["impact"] = "quite bad"
    draft = psed.validate(doc, status="draft", as_of=AS_OF)
    assert not draft.ok
    assert error_summary(draft) == [
        {"text": draft.errors[0].form_message, "href": "#impacts-0-impact"}
    ]
