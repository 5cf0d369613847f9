"""psed.check: statuses, severities, document order and rules that break."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator

import pytest

import psed
from psed import Severity, Status
from psed.rules import Context, Hit

from .conftest import AS_OF, complete_proposal, hits_at

Make = Callable[..., Callable[[Callable[[Context], object]], object]]


def test_report_carries_as_of_status_version_and_fail_level() -> None:
    report = psed.check(complete_proposal(), as_of=AS_OF)
    assert report.as_of == AS_OF
    assert report.status is Status.SUBMITTED
    assert report.version == psed.__version__
    assert report.fail_on is Severity.ERROR
    data = report.to_dict()
    assert data["as_of"] == "2026-11-26"
    assert data["status"] == "submitted"


def test_as_of_defaults_to_today() -> None:
    before = dt.date.today()
    report = psed.check(complete_proposal())
    assert before <= report.as_of <= dt.date.today()


def test_a_rule_above_the_status_reports_at_info(temporary_rule: Make) -> None:
    temporary_rule("TST201", severity="error", status="approved")(hits_at("/name"))
    submitted = psed.check(complete_proposal(), as_of=AS_OF)
    (finding,) = [f for f in submitted.findings if f.code == "TST201"]
    assert finding.severity is Severity.INFO
    assert finding.default_severity is Severity.ERROR
    assert submitted.ok == (not submitted.errors)
    approved = psed.check(complete_proposal(), as_of=AS_OF, status="approved")
    (finding,) = [f for f in approved.findings if f.code == "TST201"]
    assert finding.severity is Severity.ERROR
    assert not approved.ok
    assert approved.status is Status.APPROVED


def test_a_draft_passes_with_a_to_do_list() -> None:
    draft = psed.Proposal(name="Half-filled draft")
    report = psed.check(draft, as_of=AS_OF)
    assert report.status is Status.DRAFT
    submitted_rules = {r.code for r in psed.rules.all_rules() if r.status is not Status.DRAFT}
    todo = [f for f in report.findings if f.code in submitted_rules]
    assert todo, "a blank draft must get a to-do list"
    assert all(f.severity is Severity.INFO for f in todo)


def test_status_overrides_the_documents_own() -> None:
    proposal = complete_proposal(status=Status.APPROVED)
    assert psed.check(proposal, as_of=AS_OF, status=Status.DRAFT).status is Status.DRAFT
    assert psed.check(proposal, as_of=AS_OF, status="draft").status is Status.DRAFT
    assert psed.check(proposal, as_of=AS_OF).status is Status.APPROVED


def test_an_invalid_status_is_a_value_error_naming_the_codes() -> None:
    with pytest.raises(ValueError, match="use one of draft, submitted, approved"):
        psed.check(complete_proposal(), status="final")


def test_the_context_carries_status_framework_and_date(temporary_rule: Make) -> None:
    seen: list[Context] = []

    def spy(ctx: Context) -> Iterator[Hit]:
        seen.append(ctx)
        yield from ()

    temporary_rule("TST202")(spy)
    psed.check(complete_proposal(framework="esia"), as_of=AS_OF, status="approved")
    psed.check(complete_proposal(framework="no-such-framework"), as_of=AS_OF)
    assert seen[0].as_of == AS_OF
    assert seen[0].status is Status.APPROVED
    assert seen[0].framework.id == "esia"
    assert seen[0].catalogue is psed.default_catalogue()
    assert seen[1].framework.id == "psed"  # unknown framework: the rules use psed


def test_a_rule_that_raises_is_reported_not_raised(temporary_rule: Make) -> None:
    def broken(ctx: Context) -> Iterator[Hit]:
        yield Hit("/name", "first")
        raise ZeroDivisionError("division by zero")

    temporary_rule("TST203", severity="warning", status="approved")(broken)
    temporary_rule("TST204")(hits_at("/description"))
    report = psed.check(complete_proposal(), as_of=AS_OF)
    (finding,) = [f for f in report.findings if f.code == "TST203"]
    assert finding.severity is Severity.ERROR
    assert finding.pointer == ""
    assert "internal error in rule TST203" in finding.message
    assert "ZeroDivisionError" in finding.message
    assert finding.message.endswith("please report it")
    assert not report.ok
    # The other rules still ran.
    assert [f.pointer for f in report.findings if f.code == "TST204"] == ["/description"]


def test_a_rule_yielding_something_else_than_a_hit_is_an_internal_error(
    temporary_rule: Make,
) -> None:
    def wrong(ctx: Context) -> Iterator[object]:
        yield ("/name", "a tuple")

    temporary_rule("TST205")(wrong)
    report = psed.check(complete_proposal(), as_of=AS_OF)
    (finding,) = [f for f in report.findings if f.code == "TST205"]
    assert "not a Hit" in finding.message


def test_findings_come_in_document_order(temporary_rule: Make) -> None:
    temporary_rule("TST207")(
        hits_at("/waivers/0", "/impacts/1/details", "/impacts/0/mitigations/0/owner", "")
    )
    temporary_rule("TST206")(hits_at("/impacts/1/details", "/description", "/impacts"))
    report = psed.check(complete_proposal(), as_of=AS_OF)
    mine = [(f.pointer, f.code) for f in report.findings if f.code.startswith("TST")]
    assert mine == [
        ("", "TST207"),
        ("/description", "TST206"),
        ("/impacts", "TST206"),
        ("/impacts/0/mitigations/0/owner", "TST207"),
        ("/impacts/1/details", "TST206"),
        ("/impacts/1/details", "TST207"),
        ("/waivers/0", "TST207"),
    ]
    from psed._reading.pointer import order_key

    keys = [(order_key(f.pointer), f.code) for f in report.findings]
    assert keys == sorted(keys)


def test_same_input_same_report() -> None:
    proposal = complete_proposal(description="TBC", status=Status.APPROVED)
    first = psed.check(proposal, as_of=AS_OF)
    second = psed.check(proposal, as_of=AS_OF)
    assert first == second
    assert json.dumps(first.to_dict()) == json.dumps(second.to_dict())
