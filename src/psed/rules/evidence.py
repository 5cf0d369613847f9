"""Evidence, engagement and outcome rules PSED401-PSED405."""

from __future__ import annotations

from collections.abc import Iterator

from psed._i18n import Arg, _
from psed.model import Outcome
from psed.rules._common import (
    BRACKING_26,
    BRIDGES,
    BROWN_92,
    EHRC_2009,
    GENERAL_DUTY,
    MOSELEY,
    NI_SCH9_9,
    S19_2D,
    S149_3B,
    SCOTLAND_REG5,
    WALES_REG5,
    WALES_REG8_2,
    WALES_REG8_3A,
    WALES_REG8_3B,
    characteristic_term,
    listing,
)
from psed.rules._registry import Context, Hit, rule

__all__ = [
    "continue_without_justification",
    "missing_decision_outcome",
    "no_engagement_on_adverse_impact",
    "no_evidence",
    "outcome_contradicts_impacts",
]


def _adverse_labels(ctx: Context) -> list[Arg]:
    labels: dict[str, Arg] = {}
    for entry in ctx.proposal.impacts:
        if entry.impact.is_adverse:
            term = characteristic_term(entry.characteristic)
            labels.setdefault(str(term), term)
    return list(labels.values())


@rule(
    code="PSED401",
    name="no-evidence",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, BRACKING_26, BRIDGES, WALES_REG8_3B, SCOTLAND_REG5),
)
def no_evidence(ctx: Context) -> Iterator[Hit]:
    """The assessment records no evidence.

    ## What it checks

    The `evidence` list must hold at least one item whose `source` is not a
    placeholder (an item with source "N/A" or "TBC" is not evidence).

    ## Why it matters

    Due regard under Equality Act 2010 s149(1) carries a duty of due inquiry: where
    information is missing the authority must take steps to get it (R (Bracking) v
    Secretary of State for Work and Pensions [2013] EWCA Civ 1345 [26]), including
    reasonable steps to find out what is not yet known about a policy's effect on
    groups (R (Bridges) v Chief Constable of South Wales Police [2020] EWCA Civ 1058
    [175]-[181]). In Wales the assessment must have due regard to relevant
    information the authority holds (Equality Act 2010 (Statutory Duties) (Wales)
    Regulations 2011 reg 8(3)(b)); in Scotland it must consider relevant evidence
    (Equality Act 2010 (Specific Duties) (Scotland) Regulations 2012 reg 5). An
    assessment that cites nothing is weak evidence of any inquiry.

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
            _(
                "No evidence is recorded: list the data, research or feedback the assessment "
                "relied on."
            ),
        )


@rule(
    code="PSED402",
    name="no-engagement-on-adverse-impact",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, S149_3B, WALES_REG5, WALES_REG8_3A, SCOTLAND_REG5, MOSELEY),
)
def no_engagement_on_adverse_impact(ctx: Context) -> Iterator[Hit]:
    """Adverse impacts are recorded but no engagement is.

    ## What it checks

    When some entry is `negative` or `mixed`, the `engagement` list must hold at
    least one item with an audience, a method or a summary that is not a
    placeholder.

    ## Why it matters

    Where a proposal harms a group, the people affected are the best source of what
    the harm is and how to reduce it. Section 149 imposes no general duty to
    consult, but due regard under Equality Act 2010 s149(1) to the need to meet the
    different needs of a group (Equality Act 2010 s149(3)(b)) may call for asking
    them, and when consultation takes place it must be at a formative stage, with
    the responses conscientiously taken into account (the Gunning principles,
    approved in R (Moseley) v Haringey LBC [2014] UKSC 56). In Wales engagement is a
    requirement: an assessment must comply with the engagement provisions (Equality
    Act 2010 (Statutory Duties) (Wales) Regulations 2011 reg 5 and Equality Act 2010
    (Statutory Duties) (Wales) Regulations 2011 reg 8(3)(a)); in Scotland the
    evidence considered includes any received from the people affected (Equality Act
    2010 (Specific Duties) (Scotland) Regulations 2012 reg 5). If nobody was asked,
    say why in the impact details and record it here.

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
            _(
                "Adverse impacts are recorded ({characteristics}) but no engagement: record "
                "who was consulted about them, how, and what they said.",
                characteristics=listing(adverse),
            ),
        )


@rule(
    code="PSED403",
    name="missing-decision-outcome",
    severity="error",
    status="approved",
    references=(GENERAL_DUTY, EHRC_2009, WALES_REG8_2, NI_SCH9_9, SCOTLAND_REG5),
)
def missing_decision_outcome(ctx: Context) -> Iterator[Hit]:
    """An approved assessment records no decision outcome.

    ## What it checks

    `decision.outcome` must be one of `no_major_change`, `adjust`, `continue` or
    `stop`. Reported at `/decision` when there is no decision at all, else at
    `/decision/outcome`.

    ## Why it matters

    The outcome is the conclusion the assessment exists to reach. The four outcomes
    (no major change, adjust, continue despite adverse impact, or stop) come from
    guidance written for the duties the Equality Act 2010 replaced (Equality and
    Human Rights Commission, Equality impact assessment guidance (2009)); recording
    one is good practice. Without an outcome the record does not show what was done
    with the impacts when having due regard under Equality Act 2010 s149(1). In Wales
    a published report sets out any decisions taken on the results (Equality Act
    2010 (Statutory Duties) (Wales) Regulations 2011 reg 8(2)); in Scotland the
    authority must take account of the results (Equality Act 2010 (Specific Duties)
    (Scotland) Regulations 2012 reg 5); in Northern Ireland the published results say
    what was considered on mitigation and alternative policies (Northern Ireland Act
    1998 Sch 9 para 9).

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
            _(
                "No decision is recorded: give the outcome (no major change, adjust, continue "
                "or stop), its date and who decided."
            ),
        )
    elif decision.outcome is None:
        yield Hit(
            "/decision/outcome",
            _("The decision has no outcome: choose no major change, adjust, continue or stop."),
        )


@rule(
    code="PSED404",
    name="continue-without-justification",
    severity="error",
    status="draft",
    references=(GENERAL_DUTY, EHRC_2009, S19_2D, BROWN_92),
)
def continue_without_justification(ctx: Context) -> Iterator[Hit]:
    """The proposal continues despite adverse impact, with no justification.

    ## What it checks

    When `decision.outcome` is `continue` and some entry is `negative` or `mixed`,
    `decision.justification` must not be a placeholder.

    ## Why it matters

    Section 149 requires due regard, not a particular result, so a proposal may
    continue despite an adverse impact; the reasons are the record that the three
    needs of Equality Act 2010 s149(1) were weighed in substance (R (Brown) v
    Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin) [92]). Guidance
    asks that "continue" be justified (Equality and Human Rights Commission, Equality
    impact assessment guidance (2009), written before the 2010 Act). Where the impact
    may amount to indirect discrimination, the law does set a test: a proportionate
    means of achieving a legitimate aim (Equality Act 2010 s19(2)(d)).

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
            _(
                "The proposal continues despite adverse impact on {characteristics} but the "
                "decision gives no justification: explain why it goes ahead despite the "
                "impact.",
                characteristics=listing(adverse),
            ),
        )


@rule(
    code="PSED405",
    name="outcome-contradicts-impacts",
    severity="warning",
    status="draft",
    references=(GENERAL_DUTY, EHRC_2009),
)
def outcome_contradicts_impacts(ctx: Context) -> Iterator[Hit]:
    """The outcome is "no major change" although adverse impacts are recorded.

    ## What it checks

    `decision.outcome` is `no_major_change` while some entry is `negative` or `mixed`.

    ## Why it matters

    Good practice, not a legal requirement. In the guidance the four outcomes come
    from (Equality and Human Rights Commission, Equality impact assessment guidance
    (2009)), "no major change" means the assessment found no potential for
    discrimination or adverse impact. With an adverse impact recorded, the honest
    outcomes are "adjust" (with the mitigations) or "continue" (with a
    justification); a record that contradicts itself is weak evidence of due regard
    under Equality Act 2010 s149(1).

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
            _(
                "The outcome is no major change, but adverse impacts are recorded for "
                "{characteristics}: choose adjust or continue, or correct the impacts.",
                characteristics=listing(adverse),
            ),
        )
