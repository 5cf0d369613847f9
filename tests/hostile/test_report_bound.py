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


# Bounding where findings are made ---------------------------------------------------------
#
# The report is bounded as findings are found: the reader's walk and the rule loop hand
# each finding to the report's bound, which makes only those it lists. The reference below
# is the slow way: every finding made (the producers with no bound), sorted, cut to the
# first 999 and the rest counted. The report must be the same, finding for finding.


def _reference(payload: dict[str, Any], config: psed.Config | None = None) -> list[Finding]:
    from collections import Counter

    from psed._bound import Bound
    from psed._reading.pointer import order_key
    from psed.engine import _broken_waivers, _run_rules

    cfg = psed.Config() if config is None else config
    proposal, structural = psed.read(payload, catalogue=cfg.catalogue())
    assert proposal is not None
    places = frozenset(f.pointer for f in structural)
    everything = Bound(room=None)
    _run_rules(
        proposal,
        AS_OF,
        psed.Status(proposal.status),
        cfg,
        cfg.catalogue(),
        everything,
        places,
        _broken_waivers(places),
    )
    ordered = sorted(structural + everything.made(), key=lambda f: (order_key(f.pointer), f.code))
    if len(ordered) <= MAX_FINDINGS:
        return ordered
    kept, rest = ordered[: MAX_FINDINGS - 1], ordered[MAX_FINDINGS - 1 :]
    counts = Counter(f.code for f in rest).most_common()
    shown = ", ".join(f"{n:,} {code}" for code, n in counts[:5])
    others = " and others" if len(counts) > 5 else ""
    standing = [f.severity for f in rest if f.waived is None]
    summary = Finding(
        code="PSED008",
        name="too-many-findings",
        severity=max(standing, key=lambda s: s.rank) if standing else Severity.INFO,
        default_severity=Severity.ERROR,
        message=f"There are {len(rest):,} more findings than this report lists ({shown}{others}): "
        "put right the ones listed and check the document again.",
        pointer="",
        references=("psed document format, schema_version 1",),
    )
    at = 0
    while at < len(kept) and kept[at].pointer == "" and kept[at].code < "PSED008":
        at += 1
    return [*kept[:at], summary, *kept[at:]]


def _mixed(width: int) -> dict[str, Any]:
    """Unknown keys (walked in one order, sorted by name in another), bad items and rules."""
    entry = {"characteristic": "age", "impact": "negative", "mitigations": [{"action": "TBC"}]}
    payload: dict[str, Any] = {f"k{i}": i for i in range(width)}
    payload.update(
        name="Mixed",
        status="submitted",
        impacts=[entry, 1, {"characteristic": "nope", "impact": "sideways"}] * (width // 3),
        waivers=[
            {
                "rule": "PSED201",
                "reason": "Accepted for the pilot by the Head of Service.",
                "approved_by": "A. Person",
            }
        ],
    )
    return payload


@pytest.mark.parametrize("width", [30, 1500, 4500])
def test_a_report_bounded_as_it_is_made_is_the_one_cut_from_every_finding(width: int) -> None:
    payload = _mixed(width)
    report = psed.validate(payload, as_of=AS_OF)
    expected = _reference(payload)
    assert [(f.code, f.pointer) for f in report.findings] == [(f.code, f.pointer) for f in expected]
    assert list(report.findings) == expected
    assert (len(expected) == MAX_FINDINGS) is (width > 30)


def test_only_and_the_bound_keep_the_first_findings_under_the_places_asked_for() -> None:
    payload = _mixed(3000)
    report = psed.validate(payload, as_of=AS_OF, only="/impacts")
    assert len(report.findings) == MAX_FINDINGS
    assert all(f.pointer.startswith("/impacts") for f in report.findings if f.code != "PSED008")
    whole = [f for f in _reference(payload) if f.pointer.startswith("/impacts")]
    listed = [f for f in report.findings if f.code != "PSED008"]
    assert listed[: len(whole)] == whole[: len(listed)]


def test_findings_left_out_of_a_report_are_counted_not_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import psed.engine as engine
    from psed._reading.codes import structural_finding

    made = {"structural": 0, "rule": 0}
    make_structural, make_rule = structural_finding, engine._finding

    def counted_structural(*args: Any) -> Finding:
        made["structural"] += 1
        return make_structural(*args)

    def counted_rule(*args: Any) -> Finding:
        made["rule"] += 1
        return make_rule(*args)

    monkeypatch.setattr("psed._reading.structural.structural_finding", counted_structural)
    monkeypatch.setattr(engine, "_finding", counted_rule)
    entry = {"characteristic": "age", "impact": "negative", "mitigations": [{"action": "TBC"}]}
    payload: dict[str, Any] = {f"k{i}": i for i in range(20_000)}
    payload.update(name="x", status="submitted", impacts=[entry] * 2000)
    report = psed.validate(payload, as_of=AS_OF)
    told = re.search(r"There are ([\d,]+) more", report.findings[0].message)
    assert told is not None
    total = MAX_FINDINGS - 1 + int(told.group(1).replace(",", ""))
    assert total > 30_000
    # Each producer makes what it lists, and what it made before it found the first in
    # document order (unknown keys are walked k0, k1, ... and listed by name, k0, k1, k10,
    # ...): a small part of the 20,000 structural and 12,000 rule findings found.
    assert made["structural"] < 4 * MAX_FINDINGS
    assert made["rule"] < 3 * MAX_FINDINGS


def test_a_mapping_of_40000_unknown_keys_is_checked_in_little_memory() -> None:
    import tracemalloc

    payload: dict[str, Any] = {f"k{i}": i for i in range(40_000)}
    payload["name"] = "x"
    psed.validate({"name": "warm-up"}, as_of=AS_OF)
    tracemalloc.start()
    try:
        report = psed.validate(payload, as_of=AS_OF)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(report.findings) == MAX_FINDINGS
    assert peak < 30 * 1024 * 1024  # every finding made in full took over 100 MiB
