"""Mitigation rules PSED201-PSED205: adverse impacts have real, owned, dated actions."""

from __future__ import annotations

from collections.abc import Iterator

from psed._i18n import _
from psed.model import ImpactEntry, Mitigation, MitigationStatus
from psed.rules._common import (
    AUDIT_WALES_2022,
    BROWN_92,
    BROWN_95,
    BROWN_96,
    GENERAL_DUTY,
    NI_SCH9_4_2C,
    NI_SCH9_9,
    NI_SCH9_9_1A,
    S149_3A,
    SHEAKH,
    WALES_REG8_1C,
    entry_term,
    impact_term,
    is_real_mitigation,
)
from psed.rules._registry import Context, Hit, rule

__all__ = [
    "adverse_impact_without_monitoring",
    "mitigation_overdue",
    "mitigation_too_brief",
    "mitigation_without_due_date",
    "mitigation_without_owner",
    "negative_impact_without_mitigation",
    "placeholder_mitigation",
]

_OPEN = (MitigationStatus.PLANNED, MitigationStatus.IN_PROGRESS)


def _mitigations(ctx: Context) -> Iterator[tuple[str, ImpactEntry, Mitigation]]:
    for i, entry in enumerate(ctx.proposal.impacts):
        for j, mitigation in enumerate(entry.mitigations):
            yield f"/impacts/{i}/mitigations/{j}", entry, mitigation


def _accountable(ctx: Context, mitigation: Mitigation) -> bool:
    """Whether owner and due date are expected: a real action that was not dropped."""
    return is_real_mitigation(ctx, mitigation)


@rule(
    code="PSED201",
    name="negative-impact-without-mitigation",
    severity="error",
    status="submitted",
    references=(GENERAL_DUTY, S149_3A, NI_SCH9_9, SHEAKH, BROWN_92),
)
def negative_impact_without_mitigation(ctx: Context) -> Iterator[Hit]:
    """A negative or mixed impact has no mitigation and no justification.

    ## What it checks

    Each entry whose `impact` is `negative` or `mixed` must have at least one real
    mitigation or a real `justification`. A mitigation counts only if its `action` is
    not a placeholder and its `status` is not `dropped`; a justification counts only
    if it is not a placeholder ("N/A", "None", "TBC", ...). Reported at the entry's
    `mitigations` list.

    ## Why it matters

    Due regard under Equality Act 2010 s149(1) includes regard to the need to remove
    or minimise disadvantage (Equality Act 2010 s149(3)(a)). The duty requires regard,
    not a result (R (Sheakh) v Lambeth LBC [2022] EWCA Civ 457): an adverse impact may
    lawfully be accepted. But one recorded with neither a mitigation nor a reason for
    accepting it is weak evidence that the need was considered at all, and "N/A"
    against a known harm is the box-ticking the courts warn against (R (Brown) v
    Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin) [92]). In
    Northern Ireland the published results must say what was considered on measures
    to mitigate adverse impact (Northern Ireland Act 1998 Sch 9 para 9).

    ## Failing example

    ```yaml
    name: Closure of Shirley library
    impacts:
      - characteristic: age
        impact: negative
        details: Older people who walk to the library will have a 3 mile trip to the next one.
        mitigations:
          - action: N/A
    ```

    ## Passing example

    ```yaml
    name: Closure of Shirley library
    impacts:
      - characteristic: age
        impact: negative
        details: Older people who walk to the library will have a 3 mile trip to the next one.
        mitigations:
          - action: Extend the home library service to every member over 70 who asks.
            owner: Libraries Manager
            due: 2027-03-31
    ```
    """
    for i, entry in enumerate(ctx.proposal.impacts):
        if not entry.impact.is_adverse:
            continue
        if any(is_real_mitigation(ctx, m) for m in entry.mitigations):
            continue
        if not ctx.text(entry.justification).placeholder:
            continue
        yield Hit(
            f"/impacts/{i}/mitigations",
            _(
                "{entry} is marked {impact} but has no mitigation and no justification: add a "
                "mitigating action or explain why the impact is justified.",
                entry=entry_term(entry),
                impact=impact_term(entry.impact),
            ),
            entry.characteristic.code,
        )


@rule(
    code="PSED202",
    name="mitigation-without-owner",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, NI_SCH9_9, BROWN_96),
)
def mitigation_without_owner(ctx: Context) -> Iterator[Hit]:
    """A mitigating action has no owner.

    ## What it checks

    Each mitigation with a real action that is not `dropped` must name an `owner`
    (absent or placeholder owners are reported). Placeholder actions are left to
    PSED205, and dropped actions need no owner.

    ## Why it matters

    Good practice, not a legal requirement: no statute or case requires a mitigation
    to name an owner. An action nobody owns is rarely done, and a named owner is how
    the record shows the mitigation relied on under Equality Act 2010 s149(1) is real;
    keeping an adequate record is itself good practice (R (Brown) v Secretary of State
    for Work and Pensions [2008] EWHC 3158 (Admin) [96]). In Northern Ireland the
    measures considered to mitigate adverse impact are part of the published results
    (Northern Ireland Act 1998 Sch 9 para 9), though an owner is not.

    ## Failing example

    ```yaml
    name: Move to fortnightly bin collections
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin.
        mitigations:
          - action: Offer assisted collections on request.
            due: 2027-01-31
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
            owner: Waste Services Manager
            due: 2027-01-31
    ```
    """
    for pointer, entry, mitigation in _mitigations(ctx):
        if _accountable(ctx, mitigation) and ctx.text(mitigation.owner).placeholder:
            yield Hit(
                f"{pointer}/owner",
                _(
                    "A mitigating action for {entry} has no owner: name the person or post "
                    "responsible for it.",
                    entry=entry_term(entry),
                ),
                entry.characteristic.code,
            )


@rule(
    code="PSED203",
    name="mitigation-without-due-date",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, NI_SCH9_9, BROWN_96),
)
def mitigation_without_due_date(ctx: Context) -> Iterator[Hit]:
    """A mitigating action has no due date.

    ## What it checks

    Each mitigation with a real action that is not `dropped` must have a `due` date.
    Placeholder actions are left to PSED205, and dropped actions need no date.

    ## Why it matters

    Good practice, not a legal requirement: no statute or case requires a due date.
    Without a timescale nobody can tell whether the mitigation relied on under
    Equality Act 2010 s149(1) arrived before the harm, or at all; keeping an adequate
    record is good practice (R (Brown) v Secretary of State for Work and Pensions
    [2008] EWHC 3158 (Admin) [96]). In Northern Ireland the mitigation considered is
    part of the published results (Northern Ireland Act 1998 Sch 9 para 9), though a
    date is not.

    ## Failing example

    ```yaml
    name: Move to fortnightly bin collections
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin.
        mitigations:
          - action: Offer assisted collections on request.
            owner: Waste Services Manager
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
            owner: Waste Services Manager
            due: 2027-01-31
    ```
    """
    for pointer, entry, mitigation in _mitigations(ctx):
        if _accountable(ctx, mitigation) and mitigation.due is None:
            yield Hit(
                f"{pointer}/due",
                _(
                    "A mitigating action for {entry} has no due date: add the date by which "
                    "it will be done.",
                    entry=entry_term(entry),
                ),
                entry.characteristic.code,
            )


@rule(
    code="PSED204",
    name="mitigation-overdue",
    severity="warning",
    status="approved",
    references=(GENERAL_DUTY, BROWN_95, WALES_REG8_1C),
)
def mitigation_overdue(ctx: Context) -> Iterator[Hit]:
    """A mitigating action is past its due date and not done.

    ## What it checks

    Each mitigation whose `due` date is before the check's date (`as_of`) and whose
    `status` is still `planned` or `in_progress`. Done and dropped actions are not
    reported.

    ## Why it matters

    The duty under Equality Act 2010 s149(1) is continuing (R (Brown) v Secretary of
    State for Work and Pensions [2008] EWHC 3158 (Admin) [95]): a mitigation the
    approval relied on that has not happened means the adverse impact may be falling
    on people now. In Wales the authority must also monitor the impact of its policies
    (Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011 reg 8(1)(c)). Mark
    it done, record its new date, or review the assessment.

    ## Failing example

    ```yaml
    name: Move to fortnightly bin collections
    status: approved
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin.
        mitigations:
          - action: Offer assisted collections on request.
            owner: Waste Services Manager
            due: 2022-01-31
            status: planned
    ```

    ## Passing example

    ```yaml
    name: Move to fortnightly bin collections
    status: approved
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin.
        mitigations:
          - action: Offer assisted collections on request.
            owner: Waste Services Manager
            due: 2022-01-31
            status: done
    ```
    """
    for pointer, entry, mitigation in _mitigations(ctx):
        if mitigation.due is None or mitigation.status not in _OPEN:
            continue
        if mitigation.due < ctx.as_of:
            yield Hit(
                f"{pointer}/due",
                _(
                    "A mitigating action for {entry} was due on {due} and is not done: "
                    "complete it, record its progress, or set a new date.",
                    entry=entry_term(entry),
                    due=mitigation.due.isoformat(),
                ),
                entry.characteristic.code,
            )


@rule(
    code="PSED205",
    name="placeholder-mitigation",
    severity="warning",
    status="draft",
    references=(GENERAL_DUTY, S149_3A, BROWN_92),
)
def placeholder_mitigation(ctx: Context) -> Iterator[Hit]:
    """A mitigation's action is a placeholder.

    ## What it checks

    Each mitigation whose `action` is a placeholder: empty, "N/A", "None", "TBC",
    "To follow", "See above" and the like (case and punctuation ignored), or text
    containing "[insert". Whatever the entry's impact: if there is nothing to
    mitigate, leave the list empty.

    ## Why it matters

    A placeholder never counts as a mitigation (see PSED201), but in the list it
    looks like one to a reader skimming the record. Due regard under Equality Act
    2010 s149(1) is a matter of substance, not form (R (Brown) v Secretary of State
    for Work and Pensions [2008] EWHC 3158 (Admin) [92]); minimising disadvantage
    (Equality Act 2010 s149(3)(a)) needs a real action.

    ## Failing example

    ```yaml
    name: Customer access strategy
    impacts:
      - characteristic: race
        impact: positive
        details: Translated web content will help residents whose first language is not English.
        mitigations:
          - action: N/A
    ```

    ## Passing example

    ```yaml
    name: Customer access strategy
    impacts:
      - characteristic: race
        impact: positive
        details: Translated web content will help residents whose first language is not English.
    ```
    """
    for pointer, entry, mitigation in _mitigations(ctx):
        if ctx.text(mitigation.action).placeholder:
            yield Hit(
                f"{pointer}/action",
                _(
                    "A mitigation for {entry} is only a placeholder: describe the action or "
                    "remove the mitigation.",
                    entry=entry_term(entry),
                ),
                entry.characteristic.code,
            )


_MIN_ACTION_WORDS = 4


@rule(
    code="PSED206",
    name="adverse-impact-without-monitoring",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, BROWN_95, NI_SCH9_4_2C, WALES_REG8_1C, AUDIT_WALES_2022),
)
def adverse_impact_without_monitoring(ctx: Context) -> Iterator[Hit]:
    """A negative or mixed impact has no record of how it will be monitored.

    ## What it checks

    Each entry whose `impact` is `negative` or `mixed` must say how the impact will be
    watched: either its own `monitoring` is real text (not a placeholder), or one of
    its mitigations counts (a real action, not `dropped`) and has real `monitoring`.
    Reported at the entry's `monitoring`.

    ## Why it matters

    Due regard under Equality Act 2010 s149(1) is a continuing duty (R (Brown) v
    Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin) [95]): once a
    proposal with an adverse impact is in place, someone has to find out whether the
    harm is happening and whether the mitigation works. In Northern Ireland an equality
    scheme must state the arrangements for monitoring any adverse impact of policies
    (Northern Ireland Act 1998 Sch 9 para 4(2)(c)); a Welsh authority must make the
    arrangements it considers appropriate for monitoring the impact of its policies and
    practices on its ability to comply with the general duty (Equality Act 2010
    (Statutory Duties) (Wales) Regulations 2011 reg 8(1)(c)). Recording how each adverse
    impact will be monitored, entry by entry, is good practice rather than a statutory
    form; Audit Wales found monitoring of actual impact weak (Audit Wales, Equality
    Impact Assessments: more than a tick box exercise? (2022)).

    ## Failing example

    ```yaml
    name: Move to fortnightly bin collections
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin to the kerb.
        mitigations:
          - action: Offer assisted collections on request.
            owner: Waste Services Manager
            due: 2027-01-31
    ```

    ## Passing example

    ```yaml
    name: Move to fortnightly bin collections
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin to the kerb.
        mitigations:
          - action: Offer assisted collections on request.
            owner: Waste Services Manager
            due: 2027-01-31
            monitoring: Assisted collection requests and missed-bin complaints, monthly
    ```
    """
    for i, entry in enumerate(ctx.proposal.impacts):
        if not entry.impact.is_adverse or ctx.text(entry.monitoring).real:
            continue
        if any(
            is_real_mitigation(ctx, m) and ctx.text(m.monitoring).real for m in entry.mitigations
        ):
            continue
        yield Hit(
            f"/impacts/{i}/monitoring",
            _(
                "{characteristic} is marked {impact} but nothing says how the impact will be "
                "monitored: record what will be measured, how often and by whom.",
                characteristic=entry_term(entry),
                impact=impact_term(entry.impact),
            ),
            entry.characteristic.code,
        )


@rule(
    code="PSED207",
    name="mitigation-too-brief",
    severity="warning",
    status="submitted",
    references=(S149_3A, NI_SCH9_9_1A, BROWN_92),
)
def mitigation_too_brief(ctx: Context) -> Iterator[Hit]:
    """A mitigating action is described in fewer than four words.

    ## What it checks

    Each mitigation that counts (its `action` is not a placeholder and its `status` is
    not `dropped`) whose `action` has fewer than four words: "Monitor", "Keep under
    review", "Signpost to support". A word is a run of non-space characters containing
    a letter. Placeholder actions are PSED205's and are not reported here too.
    Reported at the mitigation's `action`.

    ## Why it matters

    An action of one or two words says neither what will be done nor for whom, so
    nobody can tell whether it removes or minimises the disadvantage (Equality Act
    2010 s149(3)(a)). In Northern Ireland the published results of an assessment must
    give details of the measures considered to mitigate adverse impact (Northern
    Ireland Act 1998 Sch 9 para 9(1)(a)). Due regard is a matter of substance, not
    form (R (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158
    (Admin) [92]). Four words is a threshold of practice, not of law.

    ## Failing example

    ```yaml
    name: Move to fortnightly bin collections
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin to the kerb.
        mitigations:
          - action: Keep under review
    ```

    ## Passing example

    ```yaml
    name: Move to fortnightly bin collections
    impacts:
      - characteristic: disability
        impact: negative
        details: Some disabled residents cannot move a larger bin to the kerb.
        mitigations:
          - action: Offer assisted collections to any resident who asks.
    ```
    """
    for pointer, entry, mitigation in _mitigations(ctx):
        if (
            is_real_mitigation(ctx, mitigation)
            and ctx.text(mitigation.action).words < _MIN_ACTION_WORDS
        ):
            yield Hit(
                f"{pointer}/action",
                _(
                    "A mitigating action for {characteristic} is too brief to act on: say what "
                    "will be done, for whom, and how it reduces the impact.",
                    characteristic=entry_term(entry),
                ),
                entry.characteristic.code,
            )
