"""Rule functions called directly with a Context: frameworks, status overrides, edge cases."""

from __future__ import annotations

import datetime as dt

import psed
from psed.catalogue import BUILTIN_CHARACTERISTICS, default_catalogue
from psed.model import Decision, ImpactEntry, Mitigation, Proposal, SignOff, Status
from psed.rules import Context, Hit
from psed.rules.community_safety import community_safety_not_considered
from psed.rules.completeness import (
    characteristic_not_assessed,
    duplicate_characteristic,
    placeholder_text,
    unexplained_no_impact,
)
from psed.rules.mitigation import negative_impact_without_mitigation
from psed.rules.signoff import date_in_future, self_approval

AS_OF = dt.date(2026, 11, 26)
CS = BUILTIN_CHARACTERISTICS["community_safety"]


def _ctx(proposal: Proposal, framework: str | psed.Framework = "psed", status: str = "") -> Context:
    catalogue = default_catalogue()
    fw = catalogue.framework(framework) if isinstance(framework, str) else framework
    assert fw is not None
    return Context(
        proposal=proposal,
        as_of=AS_OF,
        status=Status(status) if status else proposal.status,
        framework=fw,
        catalogue=catalogue,
    )


def _entry(
    code: str, impact: str = "neutral", details: str | None = None, **kw: object
) -> ImpactEntry:
    return ImpactEntry(
        characteristic=BUILTIN_CHARACTERISTICS[code],
        impact=psed.Impact(impact),
        details=details,
        **kw,  # type: ignore[arg-type]
    )


def test_custom_framework_declaring_s17_gets_psed601_not_psed105() -> None:
    custom = default_catalogue().derive_framework("county", base="psed", community_safety=True)
    proposal = Proposal(
        name="Town centre CCTV", impacts=[_entry("community_safety", details="N/A")]
    )
    assert [h.pointer for h in community_safety_not_considered(_ctx(proposal, custom))] == [
        "/impacts/0/details"
    ]
    assert list(unexplained_no_impact(_ctx(proposal, custom))) == []
    # the same document under psed: PSED105's business, not PSED601's
    assert list(community_safety_not_considered(_ctx(proposal))) == []
    assert len(list(unexplained_no_impact(_ctx(proposal)))) == 1


def test_missing_characteristics_are_named_by_label_in_framework_order() -> None:
    proposal = Proposal(name="x", impacts=[_entry("age", details="No change for any age group.")])
    hits = list(characteristic_not_assessed(_ctx(proposal, "esia")))
    assert [h.characteristic for h in hits][:2] == ["disability", "gender_reassignment"]
    assert hits[-1].characteristic == "health_wellbeing"
    assert all(h.pointer == "/impacts" for h in hits)
    assert hits[0].message.startswith("Disability has no impact entry")


def test_duplicates_reported_after_the_first_only() -> None:
    proposal = Proposal(
        name="x",
        impacts=[_entry("age"), _entry("age", group="  "), _entry("age", group="-"), _entry("sex")],
    )
    assert [h.pointer for h in duplicate_characteristic(_ctx(proposal))] == [
        "/impacts/1",
        "/impacts/2",
    ]


def test_placeholder_justification_and_dropped_mitigation_do_not_count() -> None:
    dropped = Mitigation(action="Extra bus", status=psed.MitigationStatus.DROPPED)
    proposal = Proposal(
        name="x",
        impacts=[
            _entry("age", "negative", "Older people travel further.", justification="TBC."),
            _entry("sex", "mixed", "Women travel at night.", mitigations=[dropped]),
            _entry("race", "negative", "Fewer interpreters.", justification="Budget cut of 40%."),
        ],
    )
    hits = list(negative_impact_without_mitigation(_ctx(proposal)))
    assert [h.pointer for h in hits] == ["/impacts/0/mitigations", "/impacts/1/mitigations"]
    assert hits[0].message == (
        "Age is marked negative but has no mitigation and no justification: add a mitigating "
        "action or explain why the impact is justified."
    )


def test_decision_date_in_future_only_matters_once_approved() -> None:
    proposal = Proposal(
        name="x",
        status=Status.SUBMITTED,
        decision=Decision(date=dt.date(2027, 1, 14)),
        responsible=SignOff(name="A", role="B", date=AS_OF),
    )
    assert list(date_in_future(_ctx(proposal))) == []
    hits = list(date_in_future(_ctx(proposal, status="approved")))
    assert [h.pointer for h in hits] == ["/decision/date"]
    report = psed.check(proposal, as_of=AS_OF, status="approved")
    assert "/decision/date" in [f.pointer for f in report.findings if f.code == "PSED307"]


def test_self_approval_ignores_case_and_spacing_but_not_placeholders() -> None:
    same = Proposal(
        name="x", responsible=SignOff(name="Dan Tong"), approver=SignOff(name="DAN  TONG")
    )
    blank = Proposal(name="x", responsible=SignOff(name="N/A"), approver=SignOff(name="n/a"))
    assert [h.pointer for h in self_approval(_ctx(same))] == ["/approver/name"]
    assert list(self_approval(_ctx(blank))) == []


def test_placeholder_text_walks_every_free_text_field_but_not_codes_or_urls() -> None:
    proposal = psed.structure(
        {
            "name": "Leisure pricing [JS1]",
            "id": "TODO-1",
            "evidence": [{"source": "Survey", "url": "https://example.org/TODO"}],
            "characteristics": [{"code": "xxx", "label": "Local label TBD"}],
            "impacts": [
                {"characteristic": "xxx", "details": "Fine."},
                {
                    "characteristic": "age",
                    "mitigations": [{"action": "Outreach", "owner": "TBC"}],
                },
            ],
            "waivers": [{"rule": "PSED106", "reason": "lorem ipsum", "approved_by": "Jo"}],
        }
    )
    hits = list(placeholder_text(_ctx(proposal)))
    assert [(h.pointer, h.characteristic) for h in hits] == [
        ("/name", None),
        ("/impacts/1/mitigations/0/owner", "age"),
        ("/characteristics/0/label", None),
        ("/waivers/0/reason", None),
    ]
    assert all(isinstance(h, Hit) for h in hits)
    assert '"TBC"' in hits[1].message
