"""Waivers: what they cover, when they are invalid, and PSED901-PSED903."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypedDict

import psed
from psed import Config, Severity, Waiver
from psed.rules import Context

from .conftest import AS_OF, complete_proposal, hits_at

Make = Callable[..., Callable[[Callable[[Context], object]], object]]


class _Accepted(TypedDict):
    reason: str
    approved_by: str


GOOD: _Accepted = {
    "reason": "Reviewed by the equality lead; accepted",
    "approved_by": "Head of Service",
}


def _check(*waivers: Waiver, config: Config | None = None) -> psed.Report:
    return psed.check(complete_proposal(waivers=waivers), as_of=AS_OF, config=config)


def _by_code(report: psed.Report, prefix: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.pointer, f.waived) for f in report.findings if f.code.startswith(prefix)]


def test_a_waiver_covers_its_rule_at_and_below_its_pointer(temporary_rule: Make) -> None:
    temporary_rule("TST401")(hits_at("/impacts", "/impacts/2/details", "/impactsx", "/name"))
    temporary_rule("TST402")(hits_at("/impacts/2"))
    report = _check(Waiver(rule="TST401", pointer="/impacts", **GOOD))
    reason = GOOD["reason"]
    assert _by_code(report, "TST") == [
        ("TST401", "/name", None),
        ("TST401", "/impacts", reason),
        ("TST402", "/impacts/2", None),  # another rule: not covered
        ("TST401", "/impacts/2/details", reason),
        ("TST401", "/impactsx", None),  # a sibling key, not below
    ]
    assert report.counts["waived"] == 2
    assert not report.ok  # the unwaived errors still fail
    assert "PSED903" not in report.codes()


def test_a_waiver_without_pointer_covers_the_whole_document(temporary_rule: Make) -> None:
    temporary_rule("TST403")(hits_at("/name", "/impacts/0"))
    report = _check(Waiver(rule="TST403", **GOOD))
    assert [f.waived for f in report.findings if f.code == "TST403"] == [GOOD["reason"]] * 2
    assert report.ok
    waived = next(f for f in report.findings if f.code == "TST403")
    assert waived.severity is Severity.ERROR  # keeps its severity, does not fail
    assert waived.to_dict()["waived"] == GOOD["reason"]


def test_reasonless_or_approverless_waivers_waive_nothing(temporary_rule: Make) -> None:
    temporary_rule("TST404")(hits_at("/name"))
    report = _check(
        Waiver(rule="TST404", reason="n/a", approved_by="Head of Service"),
        Waiver(rule="TST404", reason="Accepted for now", approved_by="  "),
        Waiver(rule="TST404"),
    )
    assert [f.waived for f in report.findings if f.code == "TST404"] == [None]
    assert _by_code(report, "PSED9") == [
        ("PSED901", "/waivers/0/reason", None),
        ("PSED901", "/waivers/1/approved_by", None),
        ("PSED901", "/waivers/2/reason", None),
        ("PSED901", "/waivers/2/approved_by", None),
    ]
    assert all(f.severity is Severity.ERROR for f in report.findings if f.code == "PSED901")


def test_expired_waivers_waive_nothing(temporary_rule: Make) -> None:
    temporary_rule("TST405")(hits_at("/name"))
    yesterday = AS_OF - dt.timedelta(days=1)
    expired = _check(Waiver(rule="TST405", expires=yesterday, **GOOD))
    assert [f.waived for f in expired.findings if f.code == "TST405"] == [None]
    assert _by_code(expired, "PSED9") == [("PSED902", "/waivers/0/expires", None)]
    (finding,) = [f for f in expired.findings if f.code == "PSED902"]
    assert finding.severity is Severity.WARNING
    assert "2026-11-25" in finding.message
    today = _check(Waiver(rule="TST405", expires=AS_OF, **GOOD))
    assert [f.waived for f in today.findings if f.code == "TST405"] == [GOOD["reason"]]
    assert _by_code(today, "PSED9") == []


def test_unused_waivers_are_reported_once(temporary_rule: Make) -> None:
    temporary_rule("TST406")(hits_at("/name"))
    report = _check(
        Waiver(rule="TST406", pointer="/impacts", **GOOD),  # valid, matches nothing
        Waiver(rule="TST406", pointer="/impacts", reason="tbc"),  # 901, not also 903
        Waiver(rule="TST406", pointer="/x", expires=dt.date(2000, 1, 1), **GOOD),  # 902 only
        Waiver(rule="PSED005", **GOOD),  # structural codes cannot be waived
    )
    assert _by_code(report, "PSED9") == [
        ("PSED903", "/waivers/0", None),
        ("PSED901", "/waivers/1/reason", None),
        ("PSED901", "/waivers/1/approved_by", None),
        ("PSED902", "/waivers/2/expires", None),
        ("PSED903", "/waivers/3", None),
    ]
    messages = [f.message for f in report.findings if f.code == "PSED903"]
    assert "matched no finding" in messages[0]
    assert "cannot be waived" in messages[1]


def test_an_unused_waiver_of_an_unknown_code_says_the_code_is_not_a_rule() -> None:
    report = _check(Waiver(rule="PSED999", **GOOD), Waiver(rule="psed306", **GOOD))
    assert _by_code(report, "PSED9") == [
        ("PSED903", "/waivers/0", None),
        ("PSED903", "/waivers/1", None),
    ]
    messages = [f.message for f in report.findings if f.code == "PSED903"]
    assert all("not a rule code psed knows" in m for m in messages)
    assert "PSED999" in messages[0]
    assert "psed306" in messages[1]
    assert all(":" in m and m.endswith(".") for m in messages)


def test_two_waivers_matching_the_same_finding_are_both_used(temporary_rule: Make) -> None:
    temporary_rule("TST407")(hits_at("/impacts/1"))
    report = _check(
        Waiver(rule="TST407", pointer="/impacts/1", reason="First reason", approved_by="A"),
        Waiver(rule="TST407", reason="Second reason", approved_by="B"),
    )
    assert [f.waived for f in report.findings if f.code == "TST407"] == ["First reason"]
    assert "PSED903" not in report.codes()


def test_waivers_do_not_apply_to_waiver_findings_or_internal_errors(temporary_rule: Make) -> None:
    def broken(ctx: Context):  # type: ignore[no-untyped-def]
        raise RuntimeError("bug")

    temporary_rule("TST408")(broken)
    report = _check(
        Waiver(rule="PSED901", **GOOD),
        Waiver(rule="TST408", **GOOD),
        Waiver(rule="PSED902", reason="", approved_by="X"),
    )
    assert [f.waived for f in report.findings if f.code in ("PSED901", "TST408")] == [
        None,
        None,
    ]
    assert not report.ok


def test_a_waiver_of_an_unselected_rule_is_not_unused(temporary_rule: Make) -> None:
    temporary_rule("TST409")(hits_at("/name"))
    report = _check(Waiver(rule="TST409", **GOOD), config=Config(ignore=["TST409"]))
    assert "PSED903" not in report.codes()
    assert "TST409" not in report.codes()
    quiet = _check(Waiver(rule="TST999", **GOOD), config=Config(ignore=["PSED903"]))
    assert "PSED903" not in quiet.codes()


def test_a_waiver_the_reader_could_not_read_waives_nothing() -> None:
    # `pointer: review_date` lacks its leading slash: the reader reports PSED004 and reads
    # the waiver without a pointer. Read that way it would cover PSED310 everywhere, a
    # wider waiver than the person wrote; so a waiver with a structural problem waives
    # nothing, and is not reported again as unused.
    payload = {
        "name": "Library opening hours",
        "waivers": [{"rule": "PSED310", "pointer": "review_date", **GOOD}],
    }
    report = psed.validate(payload, as_of=AS_OF)
    assert [(f.pointer, f.waived) for f in report.findings if f.code == "PSED310"] == [
        ("/review_date", None)
    ]
    assert ("PSED004", "/waivers/0/pointer") in [(f.code, f.pointer) for f in report.findings]
    assert "PSED903" not in report.codes()
    assert report.counts["waived"] == 0
    # the same waiver with its slash waives the finding
    payload["waivers"][0]["pointer"] = "/review_date"  # type: ignore[index]
    fixed = psed.validate(payload, as_of=AS_OF)
    assert [(f.code, f.waived) for f in fixed.findings if f.code == "PSED310"] == [
        ("PSED310", GOOD["reason"])
    ]
