"""Sign-off, timing and review rules PSED301-PSED312: who signed, when, and when to review."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from psed._i18n import C_, Message, _
from psed.model import SignOff, Status
from psed.rules._common import (
    BROWN_91,
    BROWN_95,
    BROWN_96,
    GENERAL_DUTY,
    SCOTLAND_REG5,
    SHEAKH,
    WALES_REG8_1C,
)
from psed.rules._registry import Context, Hit, rule

__all__ = [
    "approval_before_assessment",
    "assessed_after_decision",
    "date_in_future",
    "missing_approval_date",
    "missing_approver",
    "missing_responsible_date",
    "missing_responsible_officer",
    "missing_review_date",
    "missing_role",
    "review_before_approval",
    "review_overdue",
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
    if signoff is None:
        yield Hit(
            f"/{slot}",
            _(
                "No {who} is recorded, so there is no date of signature: add the sign-off "
                "with its date.",
                who=_SLOT_NAMES[slot],
            ),
        )
    elif signoff.date is None:
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

    Under frameworks that expect a responsible officer, `responsible.date` must be
    given. Reported at `/responsible` when the whole sign-off is absent (together
    with PSED301), else at `/responsible/date`.

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

    Under frameworks that expect an approver, `approver.date` must be given. Reported
    at `/approver` when the whole sign-off is absent (together with PSED303), else at
    `/approver/date`.

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
    ignoring case and white space ("Dan Tong" and "dan  tong" are the same person).
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
