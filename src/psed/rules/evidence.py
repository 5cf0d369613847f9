"""Evidence, engagement and outcome rules PSED401-PSED405."""

from __future__ import annotations

from collections.abc import Iterator

from psed.model import Outcome
from psed.rules._common import BRACKING, BROWN, S149_1, characteristic_name
from psed.rules._registry import Context, Hit, rule

__all__ = [
    "continue_without_justification",
    "missing_decision_outcome",
    "no_engagement_on_adverse_impact",
    "no_evidence",
    "outcome_contradicts_impacts",
]

BRIDGES = "R (Bridges) v Chief Constable of South Wales Police [2020] EWCA Civ 1058 [175]-[181]"
MOSELEY = "R (Moseley) v Haringey LBC [2014] UKSC 56"
EHRC_OUTCOMES = "EHRC guidance on equality impact assessment outcomes"


def _adverse_labels(ctx: Context) -> list[str]:
    labels: dict[str, None] = {}
    for entry in ctx.proposal.impacts:
        if entry.impact.is_adverse:
            labels.setdefault(characteristic_name(entry.characteristic), None)
    return list(labels)


def _listing(labels: list[str]) -> str:
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


@rule(
    code="PSED401",
    name="no-evidence",
    severity="warning",
    status="submitted",
    references=(BRACKING, BRIDGES),
)
def no_evidence(ctx: Context) -> Iterator[Hit]:
    """The assessment records no evidence.

    ## What it checks

    The `evidence` list must hold at least one item whose `source` is not a
    placeholder (an item with source "N/A" or "TBC" is not evidence).

    ## Why it matters

    There is a duty of due inquiry: where information is missing the authority must
    take steps to get it (R (Bracking) v Secretary of State for Work and Pensions
    [2013] EWCA Civ 1345), including reasonable steps to find out what is not yet
    known about a policy's effect on groups (R (Bridges) v Chief Constable of South
    Wales Police [2020] EWCA Civ 1058 [175]-[181]). An assessment that cites nothing
    shows no inquiry.

    ## Failing example

    ```yaml
    name: Community transport grant
    status: submitted
    evidence: []
    ```

    ## Passing example

    ```yaml
    name: Community transport grant
    status: submitted
    evidence:
      - source: Dial-a-ride passenger survey 2025
        summary: 71% of passengers are over 75; 58% are disabled.
    ```
    """
    if not any(not ctx.text(item.source).placeholder for item in ctx.proposal.evidence):
        yield Hit(
            "/evidence",
            "No evidence is recorded: list the data, research or feedback the assessment "
            "relied on.",
        )


@rule(
    code="PSED402",
    name="no-engagement-on-adverse-impact",
    severity="warning",
    status="submitted",
    references=(MOSELEY, "Equality Act 2010 s149(3)", BRACKING),
)
def no_engagement_on_adverse_impact(ctx: Context) -> Iterator[Hit]:
    """Adverse impacts are recorded but no engagement is.

    ## What it checks

    When some entry is `negative` or `mixed`, the `engagement` list must hold at
    least one item with an audience, a method or a summary that is not a
    placeholder.

    ## Why it matters

    Where a proposal harms a group, the people affected are the best source of what
    the harm is and how to reduce it. Consultation must be at a formative stage and
    its responses taken conscientiously into account (the Gunning principles, approved
    in R (Moseley) v Haringey LBC [2014] UKSC 56); meeting the different needs of a
    group (Equality Act 2010 s149(3)) and the duty of due inquiry (R (Bracking) v
    Secretary of State for Work and Pensions [2013] EWCA Civ 1345) usually call for
    it. If nobody was asked, say why in the impact details and record it here.

    ## Failing example

    ```yaml
    name: Closure of Shirley library
    status: submitted
    impacts:
      - characteristic: age
        impact: negative
        details: Older people who walk to the library will have a 3 mile trip.
        justification: The building is unsafe and cannot be repaired.
    ```

    ## Passing example

    ```yaml
    name: Closure of Shirley library
    status: submitted
    engagement:
      - audience: Library users and the Shirley older people's forum
        method: Twelve-week consultation with paper and online questionnaires
        date: 2026-05-01
        end: 2026-07-24
    impacts:
      - characteristic: age
        impact: negative
        details: Older people who walk to the library will have a 3 mile trip.
        justification: The building is unsafe and cannot be repaired.
    ```
    """
    adverse = _adverse_labels(ctx)
    if not adverse:
        return
    engaged = any(
        not (
            ctx.text(e.audience).placeholder
            and ctx.text(e.method).placeholder
            and ctx.text(e.summary).placeholder
        )
        for e in ctx.proposal.engagement
    )
    if not engaged:
        yield Hit(
            "/engagement",
            f"Adverse impacts are recorded ({_listing(adverse)}) but no engagement: record "
            "who was consulted about them, how, and what they said.",
        )


@rule(
    code="PSED403",
    name="missing-decision-outcome",
    severity="error",
    status="approved",
    references=(EHRC_OUTCOMES, BRACKING),
)
def missing_decision_outcome(ctx: Context) -> Iterator[Hit]:
    """An approved assessment records no decision outcome.

    ## What it checks

    `decision.outcome` must be one of `no_major_change`, `adjust`, `continue` or
    `stop`. Reported at `/decision` when there is no decision at all, else at
    `/decision/outcome`.

    ## Why it matters

    The outcome is the conclusion the assessment exists to reach (EHRC guidance on
    equality impact assessment outcomes: no major change, adjust, continue despite
    adverse impact, or stop). Without it the record does not show what the
    decision-maker did with the impacts they must personally know (R (Bracking) v
    Secretary of State for Work and Pensions [2013] EWCA Civ 1345).

    ## Failing example

    ```yaml
    name: Youth service restructure
    status: approved
    ```

    ## Passing example

    ```yaml
    name: Youth service restructure
    status: approved
    decision:
      outcome: adjust
      date: 2026-09-22
      maker: Cabinet
    ```
    """
    decision = ctx.proposal.decision
    if decision is None:
        yield Hit(
            "/decision",
            "No decision is recorded: give the outcome (no major change, adjust, continue "
            "or stop), its date and who decided.",
        )
    elif decision.outcome is None:
        yield Hit(
            "/decision/outcome",
            "The decision has no outcome: choose no major change, adjust, continue or stop.",
        )


@rule(
    code="PSED404",
    name="continue-without-justification",
    severity="error",
    status="draft",
    references=(EHRC_OUTCOMES, S149_1, BROWN),
)
def continue_without_justification(ctx: Context) -> Iterator[Hit]:
    """The proposal continues despite adverse impact, with no justification.

    ## What it checks

    When `decision.outcome` is `continue` and some entry is `negative` or `mixed`,
    `decision.justification` must not be a placeholder.

    ## Why it matters

    "Continue despite adverse impact" is lawful only if the impact is justified as
    necessary and proportionate (EHRC guidance on equality impact assessment
    outcomes); the reasons are the record that due regard to the three aims was
    had in substance under Equality Act 2010 s149(1) (R (Brown) v Secretary of State
    for Work and Pensions [2008] EWHC 3158 (Admin)).

    ## Failing example

    ```yaml
    name: Closure of Shirley library
    impacts:
      - characteristic: age
        impact: negative
        details: Older people who walk to the library will have a 3 mile trip.
        justification: The building is unsafe and cannot be repaired.
    decision:
      outcome: continue
      justification: N/A
    ```

    ## Passing example

    ```yaml
    name: Closure of Shirley library
    impacts:
      - characteristic: age
        impact: negative
        details: Older people who walk to the library will have a 3 mile trip.
        justification: The building is unsafe and cannot be repaired.
    decision:
      outcome: continue
      justification: >-
        Repair would cost 2.1 million pounds; the home library service and a weekly
        mobile library stop in Shirley keep access for older residents.
    ```
    """
    decision = ctx.proposal.decision
    if decision is None or decision.outcome != Outcome.CONTINUE:
        return
    adverse = _adverse_labels(ctx)
    if adverse and ctx.text(decision.justification).placeholder:
        yield Hit(
            "/decision/justification",
            f"The proposal continues despite adverse impact on {_listing(adverse)} but the "
            "decision gives no justification: explain why it is necessary and proportionate.",
        )


@rule(
    code="PSED405",
    name="outcome-contradicts-impacts",
    severity="warning",
    status="draft",
    references=(EHRC_OUTCOMES,),
)
def outcome_contradicts_impacts(ctx: Context) -> Iterator[Hit]:
    """The outcome is "no major change" although adverse impacts are recorded.

    ## What it checks

    `decision.outcome` is `no_major_change` while some entry is `negative` or `mixed`.

    ## Why it matters

    In EHRC guidance on equality impact assessment outcomes, "no major change" means
    the assessment found no potential for discrimination or adverse impact. With an
    adverse impact recorded, the honest outcomes are "adjust" (with the mitigations)
    or "continue" (with a justification).

    ## Failing example

    ```yaml
    name: Move to fortnightly bin collections
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin.
        mitigations:
          - action: Offer assisted collections on request.
    decision:
      outcome: no_major_change
    ```

    ## Passing example

    ```yaml
    name: Move to fortnightly bin collections
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin.
        mitigations:
          - action: Offer assisted collections on request.
    decision:
      outcome: adjust
    ```
    """
    decision = ctx.proposal.decision
    if decision is None or decision.outcome != Outcome.NO_MAJOR_CHANGE:
        return
    adverse = _adverse_labels(ctx)
    if adverse:
        yield Hit(
            "/decision/outcome",
            f"The outcome is no major change, but adverse impacts are recorded for "
            f"{_listing(adverse)}: choose adjust or continue, or correct the impacts.",
        )
