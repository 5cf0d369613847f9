"""Sign-off, timing, review and decision-trail rules PSED301-PSED316."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from psed import law as _law
from psed._i18n import C_, Message, _
from psed.model import Decision, SignOff, Status
from psed.rules._common import (
    BRACKING_26,
    BROWN_91,
    BROWN_93,
    BROWN_95,
    BROWN_96,
    DAT,
    GENERAL_DUTY,
    HUNT,
    NI_SCH9_4_2B,
    NI_SCH9_9_2,
    RAHMAN,
    S149_1,
    SCOTLAND_REG5,
    SHEAKH,
    WALES_REG8_1C,
    listing,
)
from psed.rules._registry import Context, Hit, rule

__all__ = [
    "approval_before_assessment",
    "assessed_after_decision",
    "assessment_not_before_decision_maker",
    "date_in_future",
    "duty_statement_incomplete",
    "missing_approval_date",
    "missing_approver",
    "missing_responsible_date",
    "missing_responsible_officer",
    "missing_review_date",
    "missing_role",
    "report_before_assessment_complete",
    "review_before_approval",
    "review_overdue",
    "screened_after_decision",
    "self_approval",
]

_SLOT_NAMES: dict[str, Message] = {
    "responsible": C_("sign-off", "responsible officer"),
    "approver": C_("sign-off", "approver"),
}
"""How a message names the person who signs in each slot."""


def _signoffs(ctx: Context) -> Iterator[tuple[str, SignOff]]:
    """The sign-offs the document records, as (slot, sign-off), responsible first."""
    if ctx.proposal.responsible is not None:
        yield "responsible", ctx.proposal.responsible
    if ctx.proposal.approver is not None:
        yield "approver", ctx.proposal.approver


def _missing_name(ctx: Context, slot: str) -> Iterator[Hit]:
    if not ctx.framework.expects(slot):
        return
    signoff: SignOff | None = getattr(ctx.proposal, slot)
    if signoff is None:
        yield Hit(
            f"/{slot}",
            _(
                "No {who} is recorded: add their name, role and the date they signed.",
                who=_SLOT_NAMES[slot],
            ),
        )
    elif ctx.text(signoff.name).placeholder:
        yield Hit(
            f"/{slot}/name",
            _(
                "The {who} has no name: add the name of the person who signs.",
                who=_SLOT_NAMES[slot],
            ),
        )


def _missing_date(ctx: Context, slot: str) -> Iterator[Hit]:
    if not ctx.framework.expects(slot):
        return
    signoff: SignOff | None = getattr(ctx.proposal, slot)
    # One mistake, one finding: while no one is named, the name's rule (PSED301 or
    # PSED303) reports the sign-off, and its date is asked for with the name.
    if signoff is None or ctx.text(signoff.name).placeholder:
        return
    if signoff.date is None:
        yield Hit(
            f"/{slot}/date",
            _(
                "The {who}'s sign-off has no date: add the date they signed.",
                who=_SLOT_NAMES[slot],
            ),
        )


@rule(
    code="PSED301",
    name="missing-responsible-officer",
    severity="error",
    status="submitted",
    references=(GENERAL_DUTY, BROWN_96),
)
def missing_responsible_officer(ctx: Context) -> Iterator[Hit]:
    """No responsible officer is named, where the framework expects one.

    ## What it checks

    Under frameworks that expect a responsible officer (every built-in framework
    except `scotland`), `responsible` must be present with a `name` that is not a
    placeholder. Reported at `/responsible` when the whole sign-off is absent, else
    at `/responsible/name`.

    ## Why it matters

    Good practice, not a legal requirement: no statute or case requires the record
    to name the officer who prepared it (the duty under Equality Act 2010 s149(1) is
    the decision-maker's, and "non-delegable" in the case law means the authority
    stays responsible when others do the work, not that an officer must be named). A
    named officer is who can answer questions about the record, and keeping an
    adequate record is good practice (R (Brown) v Secretary of State for Work and
    Pensions [2008] EWHC 3158 (Admin) [96]).

    ## Failing example

    ```yaml
    name: Youth service restructure
    status: submitted
    responsible:
      role: Head of Youth Services
      date: 2026-09-01
    ```

    ## Passing example

    ```yaml
    name: Youth service restructure
    status: submitted
    responsible:
      name: Priya Shah
      role: Head of Youth Services
      date: 2026-09-01
    ```
    """
    yield from _missing_name(ctx, "responsible")


@rule(
    code="PSED302",
    name="missing-responsible-date",
    severity="error",
    status="submitted",
    references=(GENERAL_DUTY, BROWN_91, BROWN_96),
)
def missing_responsible_date(ctx: Context) -> Iterator[Hit]:
    """The responsible officer's sign-off has no date, where the framework expects one.

    ## What it checks

    Under frameworks that expect a responsible officer, a sign-off that names the
    officer must give `responsible.date`. Reported at `/responsible/date`. While no
    officer is named (the sign-off is absent, or its name is a placeholder), PSED301
    reports the sign-off and this rule does not.

    ## Why it matters

    Due regard under Equality Act 2010 s149(1) must be had before and at the time a
    decision is taken, not afterwards as a rearguard action (R (Brown) v Secretary of
    State for Work and Pensions [2008] EWHC 3158 (Admin) [91]). A dated sign-off is
    how the record shows when the assessment was made; the date itself is good
    practice in keeping an adequate record (R (Brown) v Secretary of State for Work
    and Pensions [2008] EWHC 3158 (Admin) [96]).

    ## Failing example

    ```yaml
    name: Youth service restructure
    status: submitted
    responsible:
      name: Priya Shah
      role: Head of Youth Services
    ```

    ## Passing example

    ```yaml
    name: Youth service restructure
    status: submitted
    responsible:
      name: Priya Shah
      role: Head of Youth Services
      date: 2026-09-01
    ```
    """
    yield from _missing_date(ctx, "responsible")


@rule(
    code="PSED303",
    name="missing-approver",
    severity="error",
    status="approved",
    references=(GENERAL_DUTY, BROWN_96),
)
def missing_approver(ctx: Context) -> Iterator[Hit]:
    """No approver is named, where the framework expects one.

    ## What it checks

    Under frameworks that expect an approver (all built-in frameworks), `approver`
    must be present with a `name` that is not a placeholder. Reported at `/approver`
    when the whole sign-off is absent, else at `/approver/name`.

    ## Why it matters

    Good practice, not a legal requirement: approval by a senior manager is an
    organisation's own quality check. It does not show that the decision-maker knew
    the impacts (under Equality Act 2010 s149(1) the duty is the decision-maker's
    personally, and what officials know is not attributed to them; see PSED313 for
    the assessment reaching the decision-maker). Keeping an adequate record of who
    approved the assessment is good practice (R (Brown) v Secretary of State for
    Work and Pensions [2008] EWHC 3158 (Admin) [96]).

    ## Failing example

    ```yaml
    name: Youth service restructure
    status: approved
    approver:
      name: TBC
      role: Director of Children's Services
      date: 2026-09-15
    ```

    ## Passing example

    ```yaml
    name: Youth service restructure
    status: approved
    approver:
      name: Tom Okafor
      role: Director of Children's Services
      date: 2026-09-15
    ```
    """
    yield from _missing_name(ctx, "approver")


@rule(
    code="PSED304",
    name="missing-approval-date",
    severity="error",
    status="approved",
    references=(GENERAL_DUTY, BROWN_91, BROWN_96),
)
def missing_approval_date(ctx: Context) -> Iterator[Hit]:
    """The approval has no date, where the framework expects an approver.

    ## What it checks

    Under frameworks that expect an approver, a sign-off that names the approver must
    give `approver.date`. Reported at `/approver/date`. While no approver is named
    (the sign-off is absent, or its name is a placeholder), PSED303 reports the
    sign-off and this rule does not.

    ## Why it matters

    Due regard under Equality Act 2010 s149(1) is had before and at the time of the
    decision (R (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158
    (Admin) [91]); without the approval date the record cannot show the assessment
    came first. Dating the approval is good practice in keeping an adequate record (R
    (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin) [96]).

    ## Failing example

    ```yaml
    name: Youth service restructure
    status: approved
    approver:
      name: Tom Okafor
      role: Director of Children's Services
    ```

    ## Passing example

    ```yaml
    name: Youth service restructure
    status: approved
    approver:
      name: Tom Okafor
      role: Director of Children's Services
      date: 2026-09-15
    ```
    """
    yield from _missing_date(ctx, "approver")


@rule(
    code="PSED305",
    name="approval-before-assessment",
    severity="error",
    status="draft",
    references=(GENERAL_DUTY, BROWN_96),
)
def approval_before_assessment(ctx: Context) -> Iterator[Hit]:
    """The approval is dated before the responsible officer signed.

    ## What it checks

    When both `responsible.date` and `approver.date` are given, the approval must not
    be earlier. Reported at `/approver/date`. The same day is fine.

    ## Why it matters

    An approval dated before the assessment was signed approved nothing, or the dates
    are wrong; either way the record of due regard under Equality Act 2010 s149(1)
    contradicts itself. The dates are usually a typing slip; correct them. An
    accurate record is good practice (R (Brown) v Secretary of State for Work and
    Pensions [2008] EWHC 3158 (Admin) [96]).

    ## Failing example

    ```yaml
    name: Youth service restructure
    responsible: {name: Priya Shah, role: Head of Youth Services, date: 2026-09-01}
    approver: {name: Tom Okafor, role: Director of Children's Services, date: 2026-08-15}
    ```

    ## Passing example

    ```yaml
    name: Youth service restructure
    responsible: {name: Priya Shah, role: Head of Youth Services, date: 2026-09-01}
    approver: {name: Tom Okafor, role: Director of Children's Services, date: 2026-09-15}
    ```
    """
    responsible, approver = ctx.proposal.responsible, ctx.proposal.approver
    if responsible is None or approver is None:
        return
    if responsible.date is None or approver.date is None:
        return
    if approver.date < responsible.date:
        yield Hit(
            "/approver/date",
            _(
                "The approval ({approved}) is dated before the responsible officer signed "
                "({signed}): correct the dates, or sign the assessment again before "
                "approving it.",
                approved=approver.date.isoformat(),
                signed=responsible.date.isoformat(),
            ),
        )


def _same_person(ctx: Context, a: str | None, b: str | None) -> bool:
    """True when two names are the same once compared as text, ignoring all white space."""
    return ctx.text(a).folded.replace(" ", "") == ctx.text(b).folded.replace(" ", "")


@rule(
    code="PSED306",
    name="self-approval",
    severity="warning",
    status="draft",
    references=(GENERAL_DUTY, BROWN_96),
)
def self_approval(ctx: Context) -> Iterator[Hit]:
    """The approver is the responsible officer.

    ## What it checks

    When both sign-offs name someone, the names must differ. Names are compared
    ignoring case and white space ("Dan Tong" and "dan  tong" are the same person),
    in the compared form of the Rules page, so a look-alike Cyrillic letter or an
    invisible character does not make one person two.
    Reported at `/approver/name`.

    ## Why it matters

    Good practice, not a legal requirement: independent approval is an organisation's
    own check that the assessment is adequate, and an officer approving their own
    assessment gives none. No statute or case requires it (under Equality Act 2010
    s149(1) the duty is the decision-maker's, whoever prepared or approved the
    record), but keeping an adequate record is good practice (R (Brown) v Secretary
    of State for Work and Pensions [2008] EWHC 3158 (Admin) [96]).

    ## Failing example

    ```yaml
    name: Youth service restructure
    responsible: {name: Priya Shah, role: Head of Youth Services, date: 2026-09-01}
    approver: {name: priya  SHAH, role: Head of Youth Services, date: 2026-09-01}
    ```

    ## Passing example

    ```yaml
    name: Youth service restructure
    responsible: {name: Priya Shah, role: Head of Youth Services, date: 2026-09-01}
    approver: {name: Tom Okafor, role: Director of Children's Services, date: 2026-09-15}
    ```
    """
    responsible, approver = ctx.proposal.responsible, ctx.proposal.approver
    if responsible is None or approver is None:
        return
    if ctx.text(responsible.name).placeholder or ctx.text(approver.name).placeholder:
        return
    if _same_person(ctx, responsible.name, approver.name):
        yield Hit(
            "/approver/name",
            _(
                "The approver is the responsible officer: the assessment should be approved "
                "by someone else, normally a more senior manager."
            ),
        )


@rule(
    code="PSED307",
    name="date-in-future",
    severity="error",
    status="draft",
    references=(GENERAL_DUTY, BROWN_91, BROWN_96),
)
def date_in_future(ctx: Context) -> Iterator[Hit]:
    """A sign-off or decision date is after the date of the check.

    ## What it checks

    `responsible.date` and `approver.date` must not be after `as_of` (the check's
    date, today by default). `decision.date` must not be after `as_of` once the
    status the check uses is `approved`; before that, a planned decision date (a
    cabinet meeting next month) is normal.

    ## Why it matters

    Nobody can have signed in the future: a future date is a typing slip or a record
    signed in advance, and either way the record does not show due regard under
    Equality Act 2010 s149(1) had before and at the time of the decision (R (Brown) v
    Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin) [91]), nor is
    it the accurate record good practice asks for (R (Brown) v Secretary of State for
    Work and Pensions [2008] EWHC 3158 (Admin) [96]).

    ## Failing example

    ```yaml
    name: Youth service restructure
    responsible: {name: Priya Shah, role: Head of Youth Services, date: 2062-09-01}
    ```

    ## Passing example

    ```yaml
    name: Youth service restructure
    responsible: {name: Priya Shah, role: Head of Youth Services, date: 2026-09-01}
    ```
    """
    for slot, signoff in _signoffs(ctx):
        if signoff.date is not None and signoff.date > ctx.as_of:
            yield Hit(
                f"/{slot}/date",
                _(
                    "The {who}'s date ({date}) is in the future (checked as of {as_of}): "
                    "correct the date.",
                    who=_SLOT_NAMES[slot],
                    date=signoff.date.isoformat(),
                    as_of=ctx.as_of.isoformat(),
                ),
            )
    decision = ctx.proposal.decision
    if (
        ctx.status == Status.APPROVED
        and decision is not None
        and decision.date is not None
        and decision.date > ctx.as_of
    ):
        yield Hit(
            "/decision/date",
            _(
                "The decision date ({date}) is in the future (checked as of {as_of}) but the "
                "assessment is approved: correct the date, or approve the assessment once "
                "the decision is taken.",
                date=decision.date.isoformat(),
                as_of=ctx.as_of.isoformat(),
            ),
        )


@rule(
    code="PSED308",
    name="assessed-after-decision",
    severity="error",
    status="draft",
    references=(GENERAL_DUTY, BROWN_91, SHEAKH),
)
def assessed_after_decision(ctx: Context) -> Iterator[Hit]:
    """The assessment was signed after the decision was taken.

    ## What it checks

    When `decision.date` is given, no sign-off date (`responsible.date`,
    `approver.date`) may be after it. One finding for each late sign-off, at its date.
    The same day is fine.

    ## Why it matters

    Due regard under Equality Act 2010 s149(1) is had before and at the time a policy
    is considered, not afterwards as a "rearguard action" (R (Brown) v Secretary of
    State for Work and Pensions [2008] EWHC 3158 (Admin) [91]), so the assessment
    should ordinarily be complete before the decision. An assessment signed after it
    is evidence that the decision was taken without it. The law prescribes no
    procedure, and a staged assessment that continues after an earlier decision can
    be lawful where the obvious impacts were understood before adoption (R (Sheakh) v
    Lambeth LBC [2022] EWCA Civ 457): if that is the case, say so in a waiver.

    ## Failing example

    ```yaml
    name: Youth service restructure
    decision: {outcome: adjust, date: 2026-09-10, maker: Cabinet}
    responsible: {name: Priya Shah, role: Head of Youth Services, date: 2026-09-01}
    approver: {name: Tom Okafor, role: Director of Children's Services, date: 2026-09-15}
    ```

    ## Passing example

    ```yaml
    name: Youth service restructure
    decision: {outcome: adjust, date: 2026-09-22, maker: Cabinet}
    responsible: {name: Priya Shah, role: Head of Youth Services, date: 2026-09-01}
    approver: {name: Tom Okafor, role: Director of Children's Services, date: 2026-09-15}
    ```
    """
    decision = ctx.proposal.decision
    if decision is None or decision.date is None:
        return
    for slot, signoff in _signoffs(ctx):
        if signoff.date is not None and signoff.date > decision.date:
            yield Hit(
                f"/{slot}/date",
                _(
                    "The {who} signed on {signed}, after the decision was taken on {decided}: "
                    "an assessment should ordinarily be complete before the decision; correct "
                    "the dates, or record why a later sign-off is part of a staged assessment.",
                    who=_SLOT_NAMES[slot],
                    signed=signoff.date.isoformat(),
                    decided=decision.date.isoformat(),
                ),
            )


@rule(
    code="PSED309",
    name="missing-role",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, BROWN_96),
)
def missing_role(ctx: Context) -> Iterator[Hit]:
    """A sign-off names a person but not their role.

    ## What it checks

    Each recorded sign-off (`responsible`, `approver`) with a name that is not a
    placeholder must give a `role`. Reported at the sign-off's `role`.

    ## Why it matters

    Good practice, not a legal requirement: the role shows that the person had the
    authority to sign, and that the approver is senior to the officer. No statute or
    case requires it; it makes the record of due regard under Equality Act 2010
    s149(1) easier to rely on, and keeping an adequate record is good practice (R
    (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin) [96]).

    ## Failing example

    ```yaml
    name: Youth service restructure
    responsible: {name: Priya Shah, date: 2026-09-01}
    ```

    ## Passing example

    ```yaml
    name: Youth service restructure
    responsible: {name: Priya Shah, role: Head of Youth Services, date: 2026-09-01}
    ```
    """
    for slot, signoff in _signoffs(ctx):
        if not ctx.text(signoff.name).placeholder and ctx.text(signoff.role).placeholder:
            yield Hit(
                f"/{slot}/role",
                _(
                    "The {who} {name} has no role: add their job title.",
                    who=_SLOT_NAMES[slot],
                    name=signoff.name or "",
                ),
            )


@rule(
    code="PSED310",
    name="missing-review-date",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, BROWN_95, WALES_REG8_1C, SCOTLAND_REG5),
)
def missing_review_date(ctx: Context) -> Iterator[Hit]:
    """The assessment has no review date.

    ## What it checks

    `review_date` must be given.

    ## Why it matters

    The duty under Equality Act 2010 s149(1) is continuing (R (Brown) v Secretary of
    State for Work and Pensions [2008] EWHC 3158 (Admin) [95]): it applies while the
    policy is carried out, not only when it is adopted. In Wales the authority must
    monitor the impact of its policies (Equality Act 2010 (Statutory Duties) (Wales)
    Regulations 2011 reg 8(1)(c)) and in Scotland make arrangements to review them
    (Equality Act 2010 (Specific Duties) (Scotland) Regulations 2012 reg 5). A review
    date is how the record shows that commitment; the date itself is good practice.

    ## Failing example

    ```yaml
    name: Youth service restructure
    status: submitted
    ```

    ## Passing example

    ```yaml
    name: Youth service restructure
    status: submitted
    review_date: 2027-09-01
    ```
    """
    if ctx.proposal.review_date is None:
        yield Hit(
            "/review_date",
            _(
                "There is no review date: set a date to look again at the impacts once the "
                "proposal is in place."
            ),
        )


@rule(
    code="PSED311",
    name="review-overdue",
    severity="warning",
    status="approved",
    references=(GENERAL_DUTY, BROWN_95, WALES_REG8_1C, SCOTLAND_REG5),
)
def review_overdue(ctx: Context) -> Iterator[Hit]:
    """The review date has passed.

    ## What it checks

    `review_date` is before the check's date (`as_of`).

    ## Why it matters

    The duty under Equality Act 2010 s149(1) is continuing (R (Brown) v Secretary of
    State for Work and Pensions [2008] EWHC 3158 (Admin) [95]). An approved assessment
    whose review is overdue may no longer reflect the impacts people are
    experiencing: review it and set the next date. In Wales monitoring is required
    (Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011 reg 8(1)(c)), and
    in Scotland arrangements to review (Equality Act 2010 (Specific Duties)
    (Scotland) Regulations 2012 reg 5); the review date is the organisation's own.

    ## Failing example

    ```yaml
    name: Youth service restructure
    status: approved
    review_date: 2022-11-18
    ```

    ## Passing example

    ```yaml
    name: Youth service restructure
    status: approved
    review_date: 2027-09-01
    ```
    """
    review = ctx.proposal.review_date
    if review is not None and review < ctx.as_of:
        yield Hit(
            "/review_date",
            _(
                "The review was due on {date}: review the assessment and set the next review date.",
                date=review.isoformat(),
            ),
        )


@rule(
    code="PSED312",
    name="review-before-approval",
    severity="error",
    status="draft",
    references=(GENERAL_DUTY, BROWN_96),
)
def review_before_approval(ctx: Context) -> Iterator[Hit]:
    """The review date is before the approval date.

    ## What it checks

    When both `review_date` and `approver.date` are given, the review must not come
    before the approval. The same day is allowed (odd, but not impossible).

    ## Why it matters

    A review is of an assessment that exists; a review date before approval is a
    typing slip (often the year), and leaves the record of due regard under Equality
    Act 2010 s149(1) with no real commitment to look again. An accurate record is
    good practice (R (Brown) v Secretary of State for Work and Pensions [2008] EWHC
    3158 (Admin) [96]).

    ## Failing example

    ```yaml
    name: Youth service restructure
    approver: {name: Tom Okafor, role: Director of Children's Services, date: 2026-09-15}
    review_date: 2025-09-15
    ```

    ## Passing example

    ```yaml
    name: Youth service restructure
    approver: {name: Tom Okafor, role: Director of Children's Services, date: 2026-09-15}
    review_date: 2027-09-15
    ```
    """
    review = ctx.proposal.review_date
    approver = ctx.proposal.approver
    approved: _dt.date | None = None if approver is None else approver.date
    if review is not None and approved is not None and review < approved:
        yield Hit(
            "/review_date",
            _(
                "The review date ({review}) is before the approval ({approved}): set a review "
                "date after approval.",
                review=review.isoformat(),
                approved=approved.isoformat(),
            ),
        )


# PSED315: the three needs of s149(1), each found by any of its stems (case-insensitive).
_AIM_STEMS: tuple[tuple[Message, tuple[str, ...]], ...] = (
    (
        C_("aim of the equality duty", "eliminating discrimination, harassment and victimisation"),
        # Welsh stems without the first letter, which mutates (gwahaniaethu, wahaniaethu).
        ("discriminat", "harass", "victimis", "ahaniaeth", "aflonydd", "erledig"),
    ),
    (
        C_("aim of the equality duty", "advancing equality of opportunity"),
        ("equality of opportunity", "yfle cyfartal", "ydraddoldeb cyfle"),
    ),
    (
        C_("aim of the equality duty", "fostering good relations"),
        ("good relations", "ysylltiadau da", "erthynas dda"),
    ),
)


def _not_before_decision_maker(ctx: Context, decision: Decision) -> bool:
    """True when PSED313 reports the decision: a real maker and no record the assessment was
    before them."""
    if ctx.text(decision.maker).placeholder:
        return False
    return decision.report is None or decision.report.assessment_appended is not True


@rule(
    code="PSED313",
    name="assessment-not-before-decision-maker",
    severity="error",
    status="approved",
    references=(GENERAL_DUTY, RAHMAN, HUNT, BRACKING_26, NI_SCH9_9_2),
)
def assessment_not_before_decision_maker(ctx: Context) -> Iterator[Hit]:
    """The record does not show that the assessment was before the decision-maker.

    ## What it checks

    A `decision` with a `maker` (not a placeholder) must record the report that put the
    proposal to them, `decision.report`, with `assessment_appended: true`: the
    assessment was appended to the report or expressly referred to in it. Reported at
    `/decision/report` when there is no report, or when `assessment_appended` is false
    or not given.

    ## Why it matters

    This is law, not only practice. Due regard under Equality Act 2010 s149(1) is had
    by the decision-maker. Where an assessment existed but was not in the report to the
    decision-makers, the decision was unlawful (R (Rahman) v Birmingham CC [2011] EWHC
    944 (Admin), decided under the race, disability and gender equality duties that
    preceded s149); a court cannot infer that councillors read assessments they were
    not given or expressly referred to (Hunt v North Somerset Council [2013] EWCA Civ
    1320). The duty is the decision-maker's
    personally, and officials' knowledge is not attributed to them (R (Bracking) v
    Secretary of State for Work and Pensions [2013] EWCA Civ 1345 [26]). In Northern
    Ireland, a public authority making a decision on a policy must take into account
    the assessment and consultation carried out on it (Northern Ireland Act 1998 Sch 9
    para 9(2)).

    ## Failing example

    ```yaml
    name: Closure of Shirley library
    status: approved
    decision:
      outcome: continue
      justification: The building is unsafe and repair would cost 2.1 million pounds.
      date: 2026-09-22
      maker: Cabinet
      report:
        title: Future of Shirley library
        date: 2026-09-14
    ```

    ## Passing example

    ```yaml
    name: Closure of Shirley library
    status: approved
    decision:
      outcome: continue
      justification: The building is unsafe and repair would cost 2.1 million pounds.
      date: 2026-09-22
      maker: Cabinet
      report:
        title: Future of Shirley library
        date: 2026-09-14
        assessment_appended: true
    ```
    """
    decision = ctx.proposal.decision
    if decision is None or not _not_before_decision_maker(ctx, decision):
        return
    maker = " ".join(str(decision.maker).split())
    if decision.report is None:
        yield Hit(
            "/decision/report",
            _(
                "The decision by {maker} records no report: record the report that put the "
                "proposal to the decision-maker, with the assessment appended to it or "
                "expressly referred to.",
                maker=maker,
            ),
        )
    else:
        yield Hit(
            "/decision/report",
            _(
                "The report to {maker} does not record that the assessment was appended to it "
                "or expressly referred to: put the assessment before the decision-maker and "
                "record it (assessment_appended: true).",
                maker=maker,
            ),
        )


@rule(
    code="PSED314",
    name="report-before-assessment-complete",
    severity="error",
    status="draft",
    references=(GENERAL_DUTY, BROWN_91, HUNT, NI_SCH9_9_2),
)
def report_before_assessment_complete(ctx: Context) -> Iterator[Hit]:
    """The report to the decision-maker is dated before the assessment was signed off.

    ## What it checks

    `decision.report.date` is before `responsible.date` or `approver.date`: the
    decision-maker was sent an assessment that was not finished. Reported once, at
    `/decision/report/date`, naming the latest sign-off after the report. A report
    that PSED313 reports (the assessment not recorded as before the decision-maker)
    is left to PSED313.

    ## Why it matters

    Due regard under Equality Act 2010 s149(1) is had before and at the time a decision
    is taken (R (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158
    (Admin) [91]), and what counts is what was before the decision-maker: a court will
    not assume they saw more than they were given (Hunt v North Somerset Council [2013]
    EWCA Civ 1320). A report dated before the assessment was signed off carried, at
    best, a draft; in Northern Ireland the decision must take the assessment into
    account (Northern Ireland Act 1998 Sch 9 para 9(2)).

    ## Failing example

    ```yaml
    name: Closure of Shirley library
    decision:
      outcome: adjust
      date: 2026-09-22
      maker: Cabinet
      report: {title: Future of Shirley library, date: 2026-09-01, assessment_appended: true}
    responsible: {name: Priya Shah, role: Head of Libraries, date: 2026-09-08}
    approver: {name: Tom Okafor, role: Director of Communities, date: 2026-09-10}
    ```

    ## Passing example

    ```yaml
    name: Closure of Shirley library
    decision:
      outcome: adjust
      date: 2026-09-22
      maker: Cabinet
      report: {title: Future of Shirley library, date: 2026-09-14, assessment_appended: true}
    responsible: {name: Priya Shah, role: Head of Libraries, date: 2026-09-08}
    approver: {name: Tom Okafor, role: Director of Communities, date: 2026-09-10}
    ```
    """
    decision = ctx.proposal.decision
    if decision is None or decision.report is None or decision.report.date is None:
        return
    if _not_before_decision_maker(ctx, decision):
        return
    sent = decision.report.date
    later = [
        (signoff.date, slot)
        for slot, signoff in _signoffs(ctx)
        if signoff.date is not None and signoff.date > sent
    ]
    if later:
        signed, slot = max(later)
        yield Hit(
            "/decision/report/date",
            _(
                "The report to the decision-maker is dated {sent}, before the {who} signed the "
                "assessment on {signed}: send the decision-maker the completed assessment, or "
                "correct the dates.",
                sent=sent.isoformat(),
                who=_SLOT_NAMES[slot],
                signed=signed.isoformat(),
            ),
        )


@rule(
    code="PSED315",
    name="duty-statement-incomplete",
    severity="warning",
    status="draft",
    references=(S149_1, DAT, BROWN_93),
)
def duty_statement_incomplete(ctx: Context) -> Iterator[Hit]:
    """The report's statement of the equality duty leaves out one of its three needs.

    ## What it checks

    When `decision.duty_statement` (how the report put the duty to the decision-maker)
    is real text, it must name all three needs of Equality Act 2010 s149(1):
    eliminating discrimination, harassment and victimisation (the text contains
    "discriminat", "harass" or "victimis"), advancing "equality of opportunity", and
    fostering "good relations" (case and spacing ignored). Only while the Equality Act
    2010 s149 duty applies: under its frameworks (not `ni-s75`), for a document whose
    law date is on or after 5 April 2011. An absent statement is not
    reported. Reported at `/decision/duty_statement`, naming the needs left out.

    ## Why it matters

    No rule of law requires a report to quote the duty: referring to it expressly is
    good practice (R (Brown) v Secretary of State for Work and Pensions [2008] EWHC
    3158 (Admin) [93]). But where a report does tell members what the duty is,
    a paraphrase that leaves out a need steers them away from it: where a report
    steered members to a paraphrase instead of s149(1), the record did not show due
    regard to the needs the section sets out (R (DAT) v West Berkshire Council [2016]
    EWHC 1876 (Admin)). The duty is to have due regard to
    each of the three needs of Equality Act 2010 s149(1).

    ## Failing example

    ```yaml
    name: Short breaks for disabled children
    decision:
      outcome: adjust
      maker: Executive
      duty_statement: >-
        The Executive must consider the impact of the proposal on people with
        protected characteristics and avoid discrimination.
    ```

    ## Passing example

    ```yaml
    name: Short breaks for disabled children
    decision:
      outcome: adjust
      maker: Executive
      duty_statement: >-
        The Executive must have due regard to the need to eliminate discrimination,
        harassment and victimisation; to advance equality of opportunity; and to
        foster good relations between people who share a protected characteristic
        and those who do not.
    ```
    """
    if not ctx.law.applies(_law.EA_S149):
        return
    decision = ctx.proposal.decision
    if decision is None:
        return
    statement = ctx.text(decision.duty_statement)
    if statement.placeholder:
        return
    missing = [
        name for name, stems in _AIM_STEMS if not any(stem in statement.folded for stem in stems)
    ]
    if missing:
        yield Hit(
            "/decision/duty_statement",
            _(
                "The duty statement leaves out {aims}: set out all three needs of Equality Act "
                "2010 s149(1), not a paraphrase.",
                aims=listing(missing),
            ),
        )


@rule(
    code="PSED316",
    name="screened-after-decision",
    severity="error",
    status="draft",
    references=(GENERAL_DUTY, BROWN_91, NI_SCH9_4_2B),
)
def screened_after_decision(ctx: Context) -> Iterator[Hit]:
    """The screening is dated after the decision.

    ## What it checks

    `screening.date` is after `decision.date`. The same day is allowed. Reported at
    `/screening/date`.

    ## Why it matters

    A screening decides whether a proposal's impacts need a full assessment before the
    proposal is decided; one dated after the decision is a rearguard action. Due
    regard under Equality Act 2010 s149(1) is had before and at the time a policy is
    considered (R (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158
    (Admin) [91]). In Northern
    Ireland the equality scheme's arrangements are for assessing the likely impact of
    policies "adopted or proposed to be adopted" (Northern Ireland Act 1998 Sch 9 para
    4(2)(b)).

    ## Failing example

    ```yaml
    name: Leisure centre pricing policy
    screening:
      outcome: screened_in
      date: 2026-10-01
      rationale: Likely major impact on older swimmers.
    decision: {outcome: adjust, date: 2026-09-22, maker: Leisure Committee}
    ```

    ## Passing example

    ```yaml
    name: Leisure centre pricing policy
    screening:
      outcome: screened_in
      date: 2026-06-01
      rationale: Likely major impact on older swimmers.
    decision: {outcome: adjust, date: 2026-09-22, maker: Leisure Committee}
    ```
    """
    screening = ctx.proposal.screening
    decision = ctx.proposal.decision
    if screening is None or screening.date is None or decision is None or decision.date is None:
        return
    if screening.date > decision.date:
        yield Hit(
            "/screening/date",
            _(
                "The screening is dated {screened}, after the decision was taken on {decided}: "
                "screen the proposal before it is decided, or correct the dates.",
                screened=screening.date.isoformat(),
                decided=decision.date.isoformat(),
            ),
        )
