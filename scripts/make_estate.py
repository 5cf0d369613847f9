"""Write the fixture estate: 44 assessments of one district council and a partnership.

    python scripts/make_estate.py [OUT]        (default: tests/audit/estate)

The documents are built from the repository's examples with realistic variations: a
budget round of savings proposals across three directorates, a customer access
programme with a cumulative assessment, and assessments outside any programme; some
approved, some submitted, some drafts; reviews overdue and due; actions past their
due date; one assessment replaced by another that drops one of its open actions; an
id pasted into two documents; a link to an id with a typing mistake. Every choice is
in the PROPOSALS table below, so the expected views (tests/audit/estate-expected.yaml)
can be written by hand from it. The output is the same on every run: the test suite
checks that the committed files are what this script writes.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any, NamedTuple

import psed

ROOT = Path(__file__).resolve().parents[1]
COUNCIL = "Northdale District Council"
PARTNERSHIP = "Northdale and Westmoor Waste Partnership"
BUDGET = "Budget 2026/27 savings"
ACCESS = "Customer Access Programme"

# What an adverse (or other) entry says, by characteristic: {service} is the proposal's.
_DETAILS = {
    ("age", "negative"): "Residents aged 75 and over use {service} most and are least able to "
    "travel to the alternative, so the change falls on them hardest.",
    ("age", "mixed"): "Older residents gain from {service} being simpler, but those without "
    "internet access may find the new arrangements harder to use.",
    ("disability", "negative"): "Disabled residents who rely on {service} would lose a service "
    "they cannot easily replace, according to the Disability Forum.",
    ("disability", "mixed"): "Step-free access improves, but residents with sight loss may "
    "struggle with the new booking arrangements for {service}.",
    ("sex", "negative"): "Women make up seven in ten users of {service} and most of the part-time "
    "staff whose hours are reduced by the change.",
    ("sex", "mixed"): "Mothers with young children gain longer opening hours, while women "
    "working shifts lose the early sessions of {service}.",
    ("race", "negative"): "Households who speak little English rely on the face-to-face help "
    "of {service}, which the change removes from two wards.",
}
_NEUTRAL = {
    "age": "Use of {service} by age is the same as the population's, so no age group is "
    "affected more than another.",
    "disability": "The change to {service} keeps step-free access and assisted arrangements "
    "as they are today for disabled residents.",
    "race": "Take-up of {service} by ward matches each ward's ethnic make-up, and information "
    "stays available in six community languages.",
    "sex": "Survey data show no difference between women and men in the use of {service} or "
    "in the ability to pay for it.",
}


class Proposal(NamedTuple):
    """One document of the estate."""

    file: str
    id: str
    name: str
    service: str
    directorate: str
    programme: str | None = None
    status: str = "approved"
    adverse: tuple[tuple[str, str], ...] = ()
    """(characteristic, negative or mixed) pairs; every other entry is as in the base."""
    review: str | None = "2027-06-30"
    organisation: str = COUNCIL
    level: str | None = None
    related: tuple[tuple[str, str], ...] = ()
    """(id, relation) links."""
    actions: tuple[tuple[str, str, str, str], ...] = ()
    """Extra mitigations on the race entry: (action, owner, due, status)."""
    base: str = "garden-waste-charge.yaml"


_OLD_ACTIONS = (
    (
        "Review the support offer with the Disability Forum after six months",
        "Housing Support Manager",
        "2026-05-31",
        "planned",
    ),
    (
        "Publish take-up figures by ward every quarter",
        "Policy and Performance Officer",
        "2026-03-31",
        "in_progress",
    ),
)

PROPOSALS: tuple[Proposal, ...] = (
    # The budget round: savings proposals across the three directorates, no cumulative one.
    Proposal(
        "bud-01-library-hours.yaml",
        "NDC-BUD-01",
        "Reduce library opening hours",
        "the branch libraries",
        "People",
        BUDGET,
        adverse=(("age", "negative"), ("disability", "negative")),
    ),
    Proposal(
        "bud-02-evening-buses.yaml",
        "NDC-BUD-02",
        "End the evening bus subsidy",
        "the subsidised evening buses",
        "Place",
        BUDGET,
        adverse=(("age", "negative"),),
    ),
    Proposal(
        "bud-03-day-centres.yaml",
        "NDC-BUD-03",
        "Merge two day centres",
        "the day centres",
        "People",
        BUDGET,
        adverse=(("disability", "negative"),),
        review="2027-01-31",
    ),
    Proposal(
        "bud-04-parking-charges.yaml",
        "NDC-BUD-04",
        "Introduce charges at district car parks",
        "the district car parks",
        "Place",
        BUDGET,
        status="submitted",
        adverse=(("age", "mixed"),),
    ),
    Proposal(
        "bud-05-leisure-staffing.yaml",
        "NDC-BUD-05",
        "Reduce leisure centre staffing",
        "the leisure centres",
        "Resources",
        BUDGET,
        adverse=(("sex", "negative"),),
    ),
    Proposal(
        "bud-06-advice-service.yaml",
        "NDC-BUD-06",
        "Close the town hall advice desk",
        "the town hall advice desk",
        "Resources",
        BUDGET,
        adverse=(("race", "negative"),),
        actions=(
            (
                "Run advice surgeries in the two wards once a month",
                "Customer Services Manager",
                "2026-09-30",
                "in_progress",
            ),
        ),
    ),
    Proposal(
        "bud-07-community-transport.yaml",
        "NDC-BUD-07",
        "Reduce the community transport grant",
        "community transport",
        "People",
        BUDGET,
        adverse=(("age", "negative"), ("disability", "mixed")),
        review="2026-08-31",
    ),
    Proposal(
        "bud-08-grounds.yaml",
        "NDC-BUD-08",
        "Reduce grass cutting in parks",
        "parks maintenance",
        "Place",
        BUDGET,
    ),
    Proposal(
        "bud-09-toilets.yaml",
        "NDC-BUD-09",
        "Close three public toilets",
        "the public toilets",
        "Place",
        BUDGET,
        status="draft",
        adverse=(("age", "mixed"),),
        review=None,
    ),
    Proposal(
        "bud-10-taxi-card.yaml",
        "NDC-BUD-10",
        "Lower the taxi card allowance",
        "the taxi card scheme",
        "People",
        BUDGET,
        adverse=(("disability", "negative"),),
    ),
    Proposal(
        "bud-11-childrens-centres.yaml",
        "NDC-BUD-11",
        "Change children's centre hours",
        "the children's centres",
        "People",
        BUDGET,
        status="submitted",
        adverse=(("sex", "mixed"),),
    ),
    Proposal(
        "bud-12-meals.yaml",
        "NDC-BUD-12",
        "End the subsidy for community meals",
        "the community meals service",
        "People",
        BUDGET,
        adverse=(("age", "negative"),),
        review="2027-02-24",
    ),
    Proposal(
        "bud-13-printing.yaml",
        "NDC-BUD-13",
        "Stop printing the residents' magazine",
        "the printed residents' magazine",
        "Resources",
        BUDGET,
    ),
    Proposal(
        "bud-14-swimming-2025.yaml",
        "NDC-BUD-14",
        "Withdraw free swimming for over-60s",
        "free swimming",
        "Resources",
        BUDGET,
        adverse=(("age", "negative"),),
        review="2026-04-30",
    ),
    Proposal(
        "bud-15-swimming-2026.yaml",
        "NDC-BUD-15",
        "Withdraw free swimming for over-60s (revised)",
        "free swimming",
        "Resources",
        BUDGET,
        adverse=(("age", "negative"),),
        related=(("NDC-BUD-14", "supersedes"),),
    ),
    Proposal(
        "bud-16-allotments.yaml",
        "NDC-BUD-16",
        "Raise allotment rents",
        "the allotments",
        "Place",
        BUDGET,
    ),
    Proposal(
        "bud-17-pest-control.yaml",
        "NDC-BUD-16",
        "Charge for pest control",
        "pest control",
        "Place",
        BUDGET,
        status="submitted",
    ),
    Proposal(
        "bud-18-it-contract.yaml",
        "NDC-BUD-18",
        "Retender the IT support contract",
        "IT support",
        "Resources",
        BUDGET,
    ),
    # The customer access programme, with its cumulative assessment.
    Proposal(
        "cap-01-online-first.yaml",
        "NDC-CAP-01",
        "Online-first council tax enquiries",
        "council tax enquiries",
        "Resources",
        ACCESS,
        adverse=(("age", "mixed"),),
    ),
    Proposal(
        "cap-02-phone-hours.yaml",
        "NDC-CAP-02",
        "Shorter contact centre phone hours",
        "the contact centre",
        "Resources",
        ACCESS,
        adverse=(("age", "negative"), ("disability", "mixed")),
        review="2026-10-31",
    ),
    Proposal(
        "cap-03-web-forms.yaml",
        "NDC-CAP-03",
        "New web forms for missed bins",
        "missed bin reporting",
        "Place",
        ACCESS,
        related=(("NDC-CAP-2O22", "see_also"),),
    ),
    Proposal(
        "cap-04-appointments.yaml",
        "NDC-CAP-04",
        "Appointments only at the customer centre",
        "the customer centre",
        "Resources",
        ACCESS,
        adverse=(("disability", "negative"),),
        related=(("NDC-CAP-10", "part_of"),),
    ),
    Proposal(
        "cap-05-chatbot.yaml",
        "NDC-CAP-05",
        "Introduce a web chat assistant",
        "web chat",
        "Resources",
        ACCESS,
        status="submitted",
        adverse=(("age", "mixed"),),
    ),
    Proposal(
        "cap-06-payments.yaml",
        "NDC-CAP-06",
        "Close the cash payment office",
        "the cash payment office",
        "Resources",
        ACCESS,
        adverse=(("race", "negative"),),
        actions=(
            (
                "Arrange payment at post offices and local shops",
                "Revenues Manager",
                "2026-07-31",
                "planned",
            ),
        ),
    ),
    Proposal(
        "cap-07-housing-portal.yaml",
        "NDC-CAP-07",
        "Housing repairs portal",
        "housing repair reporting",
        "People",
        ACCESS,
    ),
    Proposal(
        "cap-08-planning.yaml",
        "NDC-CAP-08",
        "Planning advice by video call",
        "planning advice",
        "Place",
        ACCESS,
        status="draft",
        review=None,
    ),
    Proposal(
        "cap-09-registrars.yaml",
        "NDC-CAP-09",
        "Online booking for the register office",
        "the register office",
        "Resources",
        ACCESS,
    ),
    Proposal(
        "cap-10-cumulative.yaml",
        "NDC-CAP-10",
        "Customer Access Programme: cumulative equality impact",
        "the customer access programme",
        "Resources",
        ACCESS,
        level="cumulative",
        adverse=(("age", "negative"), ("disability", "mixed")),
        review="2027-01-15",
    ),
    # Outside any programme.
    Proposal(
        "gen-01-tenancy-2024.yaml",
        "NDC-GEN-01",
        "Tenancy support service",
        "tenancy support",
        "People",
        review="2026-01-31",
        actions=_OLD_ACTIONS,
    ),
    Proposal(
        "gen-02-tenancy-2026.yaml",
        "NDC-GEN-02",
        "Tenancy support service (recommissioned)",
        "tenancy support",
        "People",
        related=(("NDC-GEN-01", "supersedes"),),
        actions=(_OLD_ACTIONS[1],),
    ),
    Proposal(
        "gen-03-street-lighting.yaml",
        "NDC-GEN-03",
        "Part-night street lighting",
        "street lighting",
        "Place",
        adverse=(("sex", "negative"),),
        review="2026-09-30",
    ),
    Proposal(
        "gen-04-recruitment.yaml",
        "NDC-GEN-04",
        "New recruitment policy",
        "recruitment",
        "Resources",
        review="2026-12-31",
    ),
    Proposal(
        "gen-05-homelessness.yaml",
        "NDC-GEN-05",
        "Homelessness strategy 2026-31",
        "homelessness services",
        "People",
        status="submitted",
        adverse=(("disability", "mixed"),),
    ),
    Proposal(
        "gen-06-markets.yaml",
        "NDC-GEN-06",
        "Move the Saturday market",
        "the Saturday market",
        "Place",
        review="2027-02-28",
    ),
    Proposal(
        "gen-07-cctv.yaml",
        "NDC-GEN-07",
        "Extend town centre CCTV",
        "town centre CCTV",
        "Place",
        status="draft",
        review=None,
    ),
    Proposal(
        "gen-08-hr-flexible.yaml",
        "NDC-GEN-08",
        "Flexible working policy",
        "flexible working",
        "Resources",
        adverse=(("sex", "mixed"),),
    ),
    Proposal(
        "gen-09-play-areas.yaml",
        "NDC-GEN-09",
        "Play area improvements",
        "the play areas",
        "Place",
        actions=(
            (
                "Consult parents' groups on the equipment for disabled children",
                "Parks Manager",
                "2026-06-30",
                "planned",
            ),
        ),
    ),
    Proposal(
        "gen-10-grants.yaml",
        "NDC-GEN-10",
        "Community grants scheme",
        "community grants",
        "People",
        review="2026-11-30",
    ),
    Proposal(
        "gen-11-licensing.yaml", "NDC-GEN-11", "Taxi licensing policy", "taxi licensing", "Place"
    ),
    Proposal(
        "gen-12-bins.yaml",
        "NWP-GEN-12",
        "Three-weekly residual waste collection",
        "residual waste collection",
        "Place",
        organisation=PARTNERSHIP,
        adverse=(("disability", "negative"),),
        review="2026-07-31",
    ),
    Proposal(
        "gen-13-recycling.yaml",
        "NWP-GEN-13",
        "Close a household recycling centre on Tuesdays",
        "the recycling centres",
        "Place",
        organisation=PARTNERSHIP,
    ),
    Proposal(
        "gen-14-bulky.yaml",
        "NWP-GEN-14",
        "Charge for bulky waste collection",
        "bulky waste collection",
        "Place",
        organisation=PARTNERSHIP,
        status="submitted",
        adverse=(("age", "negative"),),
    ),
    # Two customer strategies written on the seed's form, with its gaps.
    Proposal(
        "esia-01-customer-strategy.yaml",
        "NDC-ESIA-01",
        "Customer Strategy 2026-30",
        "customer services",
        "Resources",
        base="customer-access-strategy.yaml",
        review="2026-10-01",
    ),
    Proposal(
        "esia-02-digital-strategy.yaml",
        "NDC-ESIA-02",
        "Digital Strategy 2026-30",
        "digital services",
        "Resources",
        base="customer-access-strategy.yaml",
        status="submitted",
        review=None,
    ),
)


def _base(name: str) -> dict[str, Any]:
    tree: dict[str, Any] = psed.unstructure(psed.load(ROOT / "examples" / name), compact=True)
    return tree


def _document(p: Proposal) -> dict[str, Any]:
    base = copy.deepcopy(_base(p.base))
    placed = {
        "id": p.id,
        "name": p.name,
        "organisation": p.organisation,
        "directorate": p.directorate,
        "programme": p.programme,
        "level": p.level,
    }
    doc: dict[str, Any] = {"schema_version": base.pop("schema_version", 1)}
    doc.update({key: value for key, value in placed.items() if value is not None})
    for key in placed:
        base.pop(key, None)
    doc.update(base)
    doc["status"] = p.status
    if p.related:
        doc["related"] = [{"id": i, "relation": r} for i, r in p.related]
    if p.review is None:
        doc.pop("review_date", None)
    else:
        doc["review_date"] = p.review
    if p.base != "garden-waste-charge.yaml":
        return doc
    doc["description"] = (
        f"{p.name}: a change to {p.service} that {p.organisation} proposes for 2026/27."
    )
    doc["impact_summary"] = (
        f"The assessment of the change to {p.service} looked at every protected "
        "characteristic, with the evidence and consultation listed below."
    )
    doc["positive_impacts"] = f"The change keeps {p.service} affordable for the council."
    doc["service_profile"] = {
        "description": f"{p.service[0].upper()}{p.service[1:]}, provided by the "
        f"{p.directorate} directorate to residents across the district.",
        "customers": 1200 + 37 * len(p.name),
    }
    doc["evidence"] = [
        {
            "source": f"Service records for {p.service}, 2025-26",
            "summary": f"Who uses {p.service}, by age, disability and ward.",
            "date": "2026-03-31",
            "kind": "service_users",
        },
        {
            "source": "Census 2021, Northdale",
            "summary": "The district's population by age, disability, sex and ethnic group.",
            "date": "2022-11-02",
            "kind": "population",
        },
    ]
    doc["engagement"] = [
        {
            "audience": f"Users of {p.service}",
            "method": "Online and paper survey, with two drop-in sessions",
            "date": "2025-09-15",
            "end": "2025-11-09",
            "summary": f"Users of {p.service} said what the change would mean for them; "
            "the mitigations below answer what they raised.",
        }
    ]
    for entry in doc["impacts"]:
        code = entry["characteristic"]
        impact = dict(p.adverse).get(code)
        if impact is not None:
            entry["impact"] = impact
            entry["details"] = _DETAILS[(code, impact)].format(service=p.service)
            entry.setdefault("mitigations", [])
            if not entry["mitigations"]:
                entry["mitigations"] = [
                    {
                        "action": f"Offer affected residents help to use the alternative to "
                        f"{p.service}.",
                        "owner": "Service Manager",
                        "due": "2027-03-31",
                        "status": "planned",
                    }
                ]
        elif code in _NEUTRAL:
            entry["impact"] = "neutral"
            entry["details"] = _NEUTRAL[code].format(service=p.service)
            if code in ("age", "disability"):
                entry.pop("mitigations", None)
        if code == "race" and p.actions:
            entry["mitigations"] = [
                {"action": a, "owner": o, "due": d, "status": s} for a, o, d, s in p.actions
            ]
    return doc


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "tests" / "audit" / "estate"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.yaml"):
        old.unlink()
    header = (
        "# Written by scripts/make_estate.py from the examples: edit the script, not this file.\n"
    )
    for p in PROPOSALS:
        (out / p.file).write_text(header + psed.dumps(_document(p)), encoding="utf-8")
    print(f"wrote {len(PROPOSALS)} documents to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
