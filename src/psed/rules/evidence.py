"""Evidence, engagement and outcome rules PSED401-PSED412."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from psed import law as _law
from psed._i18n import _
from psed._text import Phrases
from psed.findings import Severity
from psed.model import EvidenceKind, Level, Outcome, ScreeningOutcome
from psed.rules._common import (
    BAILEY,
    BRACKING_26,
    BRIDGES,
    BROWN_91,
    BROWN_92,
    CONSULTATION_PRINCIPLES,
    EHRC_2009,
    GENERAL_DUTY,
    GUNNING,
    MOSELEY,
    NI_SCH9_4_2B,
    NI_SCH9_9,
    NI_SCH9_9_1B,
    S19_2D,
    S149_3B,
    SCOTLAND_REG5,
    WALES_REG5,
    WALES_REG8_2,
    WALES_REG8_3A,
    WALES_REG8_3B,
    adverse_terms,
    entry_term,
    is_real_mitigation,
    listing,
)
from psed.rules._registry import Context, Hit, rule

__all__ = [
    "consultation_after_decision",
    "consultation_period_short",
    "continue_without_justification",
    "engagement_without_feedback",
    "missing_decision_outcome",
    "no_alternatives_considered",
    "no_data_no_inquiry",
    "no_engagement_on_adverse_impact",
    "no_evidence",
    "no_population_evidence",
    "outcome_contradicts_impacts",
    "stale_evidence",
]


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
    adverse = adverse_terms(ctx)
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
    adverse = adverse_terms(ctx)
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
    adverse = adverse_terms(ctx)
    if adverse:
        yield Hit(
            "/decision/outcome",
            _(
                "The outcome is no major change, but adverse impacts are recorded for "
                "{characteristics}: choose adjust or continue, or correct the impacts.",
                characteristics=listing(adverse),
            ),
        )


_WHO_IS_AFFECTED = (EvidenceKind.POPULATION, EvidenceKind.SERVICE_USERS)
_CENSUS_2011 = Phrases("2011 census", "census 2011")
_CENSUS_2011_DAY = _dt.date(2011, 3, 27)
"""Census day in England, Wales, Scotland and Northern Ireland, 2011."""
_MISSING_INFORMATION = Phrases(
    "no data",
    "data is not available",
    "not collected",
    "not held",
    "not known",
    "don't know",
    "do not know",
    "unknown",
    "no information",
    "not recorded",
    # Welsh, with the mutated forms after "heb" (without).
    "dim data",
    "dim gwybodaeth",
    "heb ddata",
    "heb wybodaeth",
    "nid oes data",
    "nid oes gwybodaeth",
    "anhysbys",
    "ddim yn hysbys",
    "ddim ar gael",
    "heb ei gasglu",
    "heb eu casglu",
    "heb ei gofnodi",
    "heb eu cofnodi",
    "ni chasglwyd",
    "ni chofnodwyd",
)
"""PSED412: the phrases that say information is missing (English and Welsh), on word
boundaries."""


def _years_before(day: _dt.date, years: int) -> _dt.date:
    """The same calendar day ``years`` earlier; 29 February becomes 28 February.

    Before year 1 there is no date: the earliest date stands for it (nothing is older).
    """
    if day.year <= years:
        return _dt.date.min
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@rule(
    code="PSED406",
    name="consultation-after-decision",
    severity="error",
    status="draft",
    references=(GENERAL_DUTY, GUNNING, MOSELEY, BROWN_91, NI_SCH9_4_2B),
)
def consultation_after_decision(ctx: Context) -> Iterator[Hit]:
    """An engagement ends after the decision was taken.

    ## What it checks

    For each `engagement` entry, its `end` (or, when it has no end, its `date`) must
    not be after `decision.date`. The same day is not reported. Reported at the
    entry's `end`, or at its `date` when it has no end.

    ## Why it matters

    Where a public body consults, whether or not a statute requires it, the
    consultation must be at a formative stage and its responses conscientiously taken
    into account before the decision is made (R v Brent LBC, ex p Gunning (1985) 84
    LGR 168, approved in R (Moseley) v Haringey LBC [2014] UKSC 56). Responses that
    arrive after the decision cannot have been. Equality Act 2010 s149 imposes no
    general duty to consult; but due regard under Equality Act 2010 s149(1) is had
    before and at the time of the decision (R (Brown) v Secretary of State for Work
    and Pensions [2008] EWHC 3158 (Admin) [91]), so what consultation found must be
    known by then. In Northern Ireland consulting on the likely impact of policies
    proposed to be adopted is part of the equality scheme (Northern Ireland Act 1998
    Sch 9 para 4(2)(b)).

    ## Failing example

    ```yaml
    name: Closure of Shirley library
    engagement:
      - audience: Library users
        method: Online questionnaire
        date: 2026-08-01
        end: 2026-10-23
        summary: 412 responses; most opposed the closure.
    decision: {outcome: continue, date: 2026-09-22, maker: Cabinet}
    ```

    ## Passing example

    ```yaml
    name: Closure of Shirley library
    engagement:
      - audience: Library users
        method: Online questionnaire
        date: 2026-05-01
        end: 2026-07-24
        summary: 412 responses; most opposed the closure.
    decision: {outcome: continue, date: 2026-09-22, maker: Cabinet}
    ```
    """
    decision = ctx.proposal.decision
    if decision is None or decision.date is None:
        return
    decided = decision.date
    for i, engagement in enumerate(ctx.proposal.engagement):
        key, ended = (
            ("end", engagement.end) if engagement.end is not None else ("date", engagement.date)
        )
        if ended is not None and ended > decided:
            yield Hit(
                f"/engagement/{i}/{key}",
                _(
                    "This engagement ran until {ended}, after the decision was taken on "
                    "{decided}: consult while the proposal is still at a formative stage, and "
                    "consider the responses before deciding.",
                    ended=ended.isoformat(),
                    decided=decided.isoformat(),
                ),
            )


@rule(
    code="PSED407",
    name="consultation-period-short",
    severity="warning",
    status="submitted",
    references=(CONSULTATION_PRINCIPLES, GUNNING, MOSELEY),
)
def consultation_period_short(ctx: Context) -> Iterator[Hit]:
    """A consultation period is shorter than the configured minimum (28 days by default).

    ## What it checks

    Each `engagement` entry with both a `date` (its start) and an `end` lasting fewer
    than `min-consultation-days` days, counted as `end` minus `date` (so 1 May to 29
    May is 28 days). The default is 28; an organisation sets its own, for all
    documents or for one framework (see Configuration). An entry whose end is before
    its start is reported too. Reported at the entry's `end`.

    ## Why it matters

    Adequate time for consideration and response is one of the requirements of a
    lawful consultation (R v Brent LBC, ex p Gunning (1985) 84 LGR 168, approved in R
    (Moseley) v Haringey LBC [2014] UKSC 56), but what is adequate depends on the
    proposal and who is consulted: no statute sets a number of days. Government
    guidance asks for a proportionate period and sets no minimum (Cabinet Office,
    Consultation Principles (2018)); the 28-day default is a threshold of practice,
    not of law. A short period can be right; the finding asks that the record show
    why.

    ## Failing example

    ```yaml
    name: Changes to day centre opening hours
    status: submitted
    engagement:
      - audience: Day centre users and carers
        method: Questionnaire and two drop-in sessions
        date: 2026-05-01
        end: 2026-05-28
        summary: 96 responses; carers asked for a later closing time on Fridays.
    ```

    ## Passing example

    ```yaml
    name: Changes to day centre opening hours
    status: submitted
    engagement:
      - audience: Day centre users and carers
        method: Questionnaire and two drop-in sessions
        date: 2026-05-01
        end: 2026-05-29
        summary: 96 responses; carers asked for a later closing time on Fridays.
    ```
    """
    minimum = ctx.thresholds.min_consultation_days
    for i, engagement in enumerate(ctx.proposal.engagement):
        start, end = engagement.date, engagement.end
        if start is None or end is None:
            continue
        if end < start:
            yield Hit(
                f"/engagement/{i}/end",
                _(
                    "This consultation ends on {end}, before it starts on {start}: correct "
                    "the dates.",
                    end=end.isoformat(),
                    start=start.isoformat(),
                ),
            )
        elif (end - start).days < minimum:
            yield Hit(
                f"/engagement/{i}/end",
                _(
                    "This consultation ran from {start} to {end}, fewer than {minimum} days: "
                    "allow adequate time to respond, or waive this finding with the reason a "
                    "shorter period was proportionate.",
                    start=start.isoformat(),
                    end=end.isoformat(),
                    minimum=minimum,
                ),
            )


@rule(
    code="PSED408",
    name="engagement-without-feedback",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, GUNNING, MOSELEY, BRACKING_26, WALES_REG8_3A),
)
def engagement_without_feedback(ctx: Context) -> Iterator[Hit]:
    """An engagement entry records nothing of what people said.

    ## What it checks

    Each `engagement` entry whose `summary` is absent or a placeholder ("N/A", "TBC",
    "To follow"). Reported at the entry's `summary`.

    ## Why it matters

    Consultation responses must be conscientiously taken into account in the
    decision (R v Brent LBC, ex p Gunning (1985) 84 LGR 168, approved in R (Moseley) v
    Haringey LBC [2014] UKSC 56); a record that says who was asked but not what they
    said cannot show that they were. Recording the steps taken and what they found is
    an important evidential element in showing due regard under Equality Act 2010
    s149(1) (R (Bracking) v Secretary of State for Work and Pensions [2013] EWCA Civ
    1345 [26]). In Wales an assessment must comply with the engagement provisions
    (Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011 reg 8(3)(a)).
    Recording the summary in the assessment itself is good practice rather than a
    statutory form.

    ## Failing example

    ```yaml
    name: Changes to day centre opening hours
    status: submitted
    engagement:
      - audience: Day centre users and carers
        method: Questionnaire and two drop-in sessions
        date: 2026-05-01
        end: 2026-06-12
        summary: To follow
    ```

    ## Passing example

    ```yaml
    name: Changes to day centre opening hours
    status: submitted
    engagement:
      - audience: Day centre users and carers
        method: Questionnaire and two drop-in sessions
        date: 2026-05-01
        end: 2026-06-12
        summary: 96 responses; carers asked for a later closing time on Fridays.
    ```
    """
    for i, engagement in enumerate(ctx.proposal.engagement):
        if ctx.text(engagement.summary).placeholder:
            yield Hit(
                f"/engagement/{i}/summary",
                _(
                    "This engagement records nothing of what people said: summarise the "
                    "responses and what was done about them."
                ),
            )


@rule(
    code="PSED409",
    name="no-alternatives-considered",
    severity="warning",
    status="submitted",
    references=(NI_SCH9_9_1B, GENERAL_DUTY, BROWN_92),
)
def no_alternatives_considered(ctx: Context) -> Iterator[Hit]:
    """Adverse impacts are recorded but no alternative options are.

    ## What it checks

    When some entry is `negative` or `mixed`, `alternatives` must hold at least one
    option that is real text (not a placeholder). A warning; an **error** under a
    framework with the Northern Ireland Act 1998 s75 duty (`ni-s75`) when the document
    is a full assessment (`level: full`) or was screened in (`screening.outcome:
    screened_in`). Reported at `/alternatives`.

    ## Why it matters

    In Northern Ireland this is law: in publishing the results of an equality impact
    assessment a public authority must give details of any consideration it gave to
    alternative policies which might better achieve the promotion of equality of
    opportunity (Northern Ireland Act 1998 Sch 9 para 9(1)(b)). In Great Britain no
    statute requires alternatives to be recorded, and s149 prescribes no procedure;
    but where a proposal harms a group, recording the options weighed (including doing
    nothing) is the usual evidence that due regard under Equality Act 2010 s149(1) was
    had with an open mind rather than to a decision already made (R (Brown) v
    Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin) [92]).
    That part is good practice, which is why it is a warning.

    ## Failing example

    ```yaml
    name: Closure of Shirley library
    status: submitted
    impacts:
      - characteristic: age
        impact: negative
        details: Older people who walk to the library will have a 3 mile trip to the next one.
        justification: The building is unsafe and cannot be repaired.
    ```

    ## Passing example

    ```yaml
    name: Closure of Shirley library
    status: submitted
    alternatives:
      - option: Repair the building
        reason: The structural survey costs repair at 2.1 million pounds.
      - option: Close the library and extend the home library service
        chosen: true
    impacts:
      - characteristic: age
        impact: negative
        details: Older people who walk to the library will have a 3 mile trip to the next one.
        justification: The building is unsafe and cannot be repaired.
    ```
    """
    adverse = adverse_terms(ctx)
    if not adverse or any(ctx.text(a.option).real for a in ctx.proposal.alternatives):
        return
    proposal = ctx.proposal
    full = proposal.level == Level.FULL or (
        proposal.screening is not None
        and proposal.screening.outcome == ScreeningOutcome.SCREENED_IN
    )
    yield Hit(
        "/alternatives",
        _(
            "Adverse impacts are recorded ({characteristics}) but no alternative options: "
            "record the options considered, including doing nothing, and why each was chosen "
            "or rejected.",
            characteristics=listing(adverse),
        ),
        severity=Severity.ERROR if full and ctx.law.applies(_law.NI_S75) else None,
    )


@rule(
    code="PSED410",
    name="no-population-evidence",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, BRACKING_26, BAILEY, WALES_REG8_2, SCOTLAND_REG5),
)
def no_population_evidence(ctx: Context) -> Iterator[Hit]:
    """Adverse impacts are recorded but no evidence says who the people affected are.

    ## What it checks

    When some entry is `negative` or `mixed`, `evidence` must hold at least one item
    with a real `source` whose `kind` is `population` (census, demographics) or
    `service_users` (the profile of the people who use the service). Reported at
    `/evidence`.

    ## Why it matters

    Due regard under Equality Act 2010 s149(1) carries a duty of due inquiry: finding
    out what is needed to assess the impact, starting with who is affected (R (Bracking)
    v Secretary of State for Work and Pensions [2013] EWCA Civ 1345 [26]). In R (Bailey)
    v Brent LBC [2011] EWCA Civ 1586 the comparison of library users with the borough's
    population was part of the evidence that the duty had been met. In Wales, the
    published report of an assessment that shows a substantial impact must summarise the
    information taken into account (Equality Act 2010 (Statutory Duties) (Wales)
    Regulations 2011 reg 8(2)(c)), and Scottish authorities must consider relevant
    evidence relating to people who share a protected characteristic (Equality Act 2010
    (Specific Duties) (Scotland) Regulations 2012 reg 5). No statute names a kind of
    evidence: tagging items by kind is psed's way of making the record checkable, and an
    adverse finding resting only on activity counts says nothing of who the people are.

    ## Failing example

    ```yaml
    name: Customer access strategy
    status: submitted
    evidence:
      - source: Contact centre call volumes, 2025
        kind: performance
    impacts:
      - characteristic: age
        impact: mixed
        details: Moving contact online may exclude some older people from the benefits.
        mitigations:
          - action: Keep the telephone line and the Gateway open.
    ```

    ## Passing example

    ```yaml
    name: Customer access strategy
    status: submitted
    evidence:
      - source: Contact centre call volumes, 2025
        kind: performance
      - source: Census 2021, digital exclusion by age (ONS)
        kind: population
        area: E06000045
    impacts:
      - characteristic: age
        impact: mixed
        details: Moving contact online may exclude some older people from the benefits.
        mitigations:
          - action: Keep the telephone line and the Gateway open.
    ```
    """
    adverse = adverse_terms(ctx)
    if not adverse:
        return
    if any(
        item.kind in _WHO_IS_AFFECTED and ctx.text(item.source).real
        for item in ctx.proposal.evidence
    ):
        return
    yield Hit(
        "/evidence",
        _(
            "Adverse impacts are recorded ({characteristics}) but no evidence says who the "
            "people affected are: add population or service-user data, with its kind "
            "(population or service_users).",
            characteristics=listing(adverse),
        ),
    )


@rule(
    code="PSED411",
    name="stale-evidence",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, BRACKING_26),
)
def stale_evidence(ctx: Context) -> Iterator[Hit]:
    """An evidence item is older than the configured age (5 years by default).

    ## What it checks

    Each `evidence` item dated before the law date (the decision date, else the
    approval date, else the responsible officer's date, else the screening date,
    else the check's date) less `max-evidence-age-years` calendar years (default 5;
    an organisation sets its own, for all documents or for one framework). The same
    calendar day counts as not too old; from 29 February the count lands on 28
    February. An undated item whose `source` or `summary` names the "2011 Census" or
    "Census 2011" counts as dated 27 March 2011, census day. Reported at the item's
    `date`, or, for an undated census item, at the field that names it.

    ## Why it matters

    The duty of due inquiry that comes with due regard under Equality Act 2010 s149(1)
    (R (Bracking) v Secretary of State for Work and Pensions [2013] EWCA Civ 1345 [26])
    is to find out what is needed to judge the impact now;
    figures from a decade ago may not describe the people affected today (the 2021
    Census in England and Wales published its first results on 28 June 2022). No
    statute sets a maximum age for evidence: the five-year default is a threshold of
    practice, and old evidence can still be the best there is, in which case say so
    (or waive the finding with the reason).

    ## Failing example

    ```yaml
    name: Community transport grant
    status: submitted
    decision: {outcome: adjust, date: 2026-02-24, maker: Cabinet}
    evidence:
      - source: Dial-a-ride passenger survey
        summary: 71% of passengers are over 75.
        date: 2021-02-23
    ```

    ## Passing example

    ```yaml
    name: Community transport grant
    status: submitted
    decision: {outcome: adjust, date: 2026-02-24, maker: Cabinet}
    evidence:
      - source: Dial-a-ride passenger survey
        summary: 71% of passengers are over 75.
        date: 2021-02-24
    ```
    """
    years = ctx.thresholds.max_evidence_age_years
    judged = ctx.law_date
    cutoff = _years_before(judged, years)
    for i, item in enumerate(ctx.proposal.evidence):
        if item.date is not None:
            if item.date < cutoff:
                yield Hit(
                    f"/evidence/{i}/date",
                    _(
                        "This evidence is dated {dated}, more than {years} years before the "
                        "assessment ({judged}): use more recent data, or say in its summary why "
                        "it still holds.",
                        dated=item.date.isoformat(),
                        years=years,
                        judged=judged.isoformat(),
                    ),
                )
            continue
        for key, text in (("source", item.source), ("summary", item.summary)):
            if cutoff > _CENSUS_2011_DAY and _CENSUS_2011.find(ctx.text(text)):
                yield Hit(
                    f"/evidence/{i}/{key}",
                    _(
                        "This evidence is from the 2011 Census, more than {years} years before "
                        "the assessment ({judged}): use more recent census data, or say in its "
                        "summary why it still holds.",
                        years=years,
                        judged=judged.isoformat(),
                    ),
                )
                break


@rule(
    code="PSED412",
    name="no-data-no-inquiry",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, BRACKING_26, BRIDGES),
)
def no_data_no_inquiry(ctx: Context) -> Iterator[Hit]:
    """An entry says information is missing and records no step to get it.

    ## What it checks

    Each entry whose `details` say that information is missing: "no data", "data is
    not available", "not collected", "not held", "not known", "don't know", "do not
    know", "unknown", "no information", "not recorded" (case ignored; on word
    boundaries, so "no database" and "unknowns" do not count; any spacing between the
    words), and which has no mitigation that counts (a real action, not `dropped`).
    Reported at the entry's `details`, naming the first phrase found.

    ## Why it matters

    Due regard under Equality Act 2010 s149(1) carries a duty of due inquiry: where the
    information needed to assess an impact is missing, the authority must take steps to
    get it (R (Bracking) v Secretary of State for Work and Pensions [2013] EWCA Civ 1345
    [26]), including reasonable steps to find out what is not yet known about a policy's
    effect on a group (R (Bridges) v Chief Constable of South Wales Police [2020] EWCA
    Civ 1058 [175]-[181]). "No data" is where that inquiry starts, not where the
    assessment ends: record the action that will fill the gap (collecting the data,
    asking the people affected or the groups that represent them).

    ## Failing example

    ```yaml
    name: Council tax online account
    impacts:
      - characteristic: gender_reassignment
        impact: neutral
        details: No data is held on trans residents' use of the service.
    ```

    ## Passing example

    ```yaml
    name: Council tax online account
    impacts:
      - characteristic: gender_reassignment
        impact: neutral
        details: No data is held on trans residents' use of the service.
        mitigations:
          - action: Ask the local trans support group to test the account before launch.
            owner: Digital Services Manager
            due: 2027-01-31
    ```
    """
    for i, entry in enumerate(ctx.proposal.impacts):
        if any(is_real_mitigation(ctx, m) for m in entry.mitigations):
            continue
        found = _MISSING_INFORMATION.find(ctx.text(entry.details))
        if found:
            phrase = found[0]
            yield Hit(
                f"/impacts/{i}/details",
                _(
                    'The details for {characteristic} say information is missing ("{phrase}") '
                    "but no action records how it will be found out: add a mitigation that "
                    "collects it, or asks the people affected.",
                    characteristic=entry_term(entry),
                    phrase=phrase,
                ),
                entry.characteristic.code,
            )
