"""Rules of the duties beyond s149: PSED602-PSED604 and PSED607 (a change in the law).

Each rule belongs to a duty of :mod:`psed.law` and runs only while that duty is in
force on the document's law date and covers the decision (the socio-economic duties
cover strategic decisions; the Armed Forces covenant duty housing, education and
health functions).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from psed import law as _law
from psed._i18n import Message, _, long_date
from psed._text import is_placeholder
from psed.law import Basis, Reference
from psed.model import ImpactEntry, ScreeningOutcome
from psed.rules._common import BROWN_95, GENERAL_DUTY, duty_term, limb_term, listing
from psed.rules._registry import Context, Hit, rule

__all__ = [
    "armed_forces_covenant_not_considered",
    "law_changed_since_assessment",
    "socio_economic_duty_not_considered",
    "welsh_language_effects_incomplete",
]

_SED = frozenset({_law.WALES_SED, _law.FAIRER_SCOTLAND})

WALES_SED_GUIDANCE = Reference(
    citation="Welsh Government, A More Equal Wales: The Socio-economic Duty, statutory "
    "guidance (2021)",
    basis=Basis.PRACTICE,
    duties={_law.WALES_SED},
)
FAIRER_SCOTLAND_GUIDANCE = Reference(
    citation="Scottish Government, Fairer Scotland Duty: guidance for public bodies (2021)",
    basis=Basis.PRACTICE,
    duties={_law.FAIRER_SCOTLAND},
    note="Recommends publishing a written assessment; the Act does not require it.",
)
COVENANT_GUIDANCE = Reference(
    citation="Ministry of Defence, Armed Forces Covenant Duty statutory guidance (2022)",
    basis=Basis.PRACTICE,
    duties={_law.ARMED_FORCES},
)
_WLS = frozenset({_law.WELSH_LANGUAGE})
WLS_88 = Reference(
    citation="Welsh Language Standards (No. 1) Regulations 2015 standard 88", duties=_WLS
)
WLS_89_90 = Reference(
    citation="Welsh Language Standards (No. 1) Regulations 2015 standards 89 and 90",
    duties=_WLS,
    note="How to increase the positive effects, and avoid or reduce the adverse ones.",
)


def _entries(ctx: Context, code: str) -> list[tuple[int, ImpactEntry]]:
    return [(i, e) for i, e in enumerate(ctx.proposal.impacts) if e.characteristic.code == code]


def _real(text: str | None) -> bool:
    return not is_placeholder(text)


def _screening_not_required(ctx: Context) -> bool:
    """The Fairer Scotland "assessment not required" declaration: outcome and a real rationale."""
    screening = ctx.proposal.screening
    if screening is None:
        return False
    return screening.outcome is ScreeningOutcome.NOT_REQUIRED and _real(screening.rationale)


@rule(
    code="PSED602",
    name="socio-economic-duty-not-considered",
    severity="error",
    status="submitted",
    references=(GENERAL_DUTY, WALES_SED_GUIDANCE, FAIRER_SCOTLAND_GUIDANCE),
)
def socio_economic_duty_not_considered(ctx: Context) -> Iterator[Hit]:
    """A strategic decision under a socio-economic duty has no socio-economic assessment.

    ## What it checks

    Where the socio-economic duty (Equality Act 2010 s1) was in force on the law
    date and covers the decision, a `socio_economic` entry must give real details
    (not a placeholder). In Wales (`wales`) the duty began on 31 March 2021 and
    covers the document unless it says `strategic: false`; a missing entry is
    PSED101's, so this rule reports an entry whose details are not real, at its
    `details`. In Scotland (`scotland`) the Fairer Scotland Duty began on 1 April
    2018 and covers a document that says `strategic: true`; a missing entry is
    reported here, at `/impacts`, as is an entry whose details are not real, unless
    `screening.outcome` is `not_required` with a real `rationale` (the "assessment
    not required" declaration). The duty does not apply in England or Northern
    Ireland.

    ## Why it matters

    When making strategic decisions, the listed Welsh and Scottish authorities must
    have due regard to the desirability of exercising their functions in a way that
    is designed to reduce the inequalities of outcome which result from
    socio-economic disadvantage (Equality Act 2010 s1(1)). The record is how an
    authority shows it did. The Act does not require a written assessment to be
    published; the statutory guidance asks authorities to keep and publish one
    (Welsh Government, A More Equal Wales: The Socio-economic Duty, statutory
    guidance (2021); Scottish Government, Fairer Scotland Duty: guidance for public
    bodies (2021)), which is good practice rather than law.

    ## Failing example

    ```yaml
    name: Council budget 2026/27
    framework: wales
    status: submitted
    decision: {outcome: adjust, date: 2026-02-26, maker: Council}
    impacts:
      - characteristic: socio_economic
        impact: neutral
        details: N/A
    ```

    ## Passing example

    ```yaml
    name: Council budget 2026/27
    framework: wales
    status: submitted
    decision: {outcome: adjust, date: 2026-02-26, maker: Council}
    impacts:
      - characteristic: socio_economic
        impact: mixed
        details: >-
          Council tax rises 4.9%; the reduction scheme is protected, so households in
          the lowest income decile see no increase. Charges for bulky waste rise.
    ```
    """
    duties = [d for d in ctx.law.duties if d.id in _SED]
    if not duties:
        return
    entries = _entries(ctx, "socio_economic")
    if any(_real(entry.details) for _, entry in entries):
        return
    duty = duties[0]
    if duty.required_by == "PSED602" and _screening_not_required(ctx):
        return  # the Fairer Scotland "assessment not required" declaration
    if entries:
        index = entries[0][0]
        yield Hit(
            f"/impacts/{index}/details",
            _(
                "The {duty} applies to this decision, but the socio-economic entry gives no "
                "details: say how the decision could reduce the inequalities of outcome that "
                "result from socio-economic disadvantage.",
                duty=duty_term(duty),
            ),
            "socio_economic",
        )
    elif duty.required_by == "PSED602":
        yield Hit(
            "/impacts",
            _(
                "The {duty} applies to this strategic decision, but there is no socio-economic "
                "entry: add one saying how the decision could reduce the inequalities of "
                "outcome that result from socio-economic disadvantage, or record that an "
                "assessment is not required and why.",
                duty=duty_term(duty),
            ),
            "socio_economic",
        )


@rule(
    code="PSED603",
    name="armed-forces-covenant-not-considered",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, COVENANT_GUIDANCE),
)
def armed_forces_covenant_not_considered(ctx: Context) -> Iterator[Hit]:
    """A housing, education or health decision does not consider the armed forces community.

    ## What it checks

    When the document's `functions` include `housing`, `education` or `health` and
    the Armed Forces covenant duty was in force on the law date (from 22 November
    2022), there must be an `armed_forces` entry with real details. Reported at
    `/impacts` when there is none, else at the first entry's `details`. Documents
    that give no `functions` are not checked.

    ## Why it matters

    Specified public bodies exercising specified housing, education and healthcare
    functions must have due regard to the unique obligations and sacrifices of the
    armed forces, the principle that it is desirable to remove disadvantages serving
    and former members and their families face, and that special provision may be
    justified (Armed Forces Act 2006 s343AA in England, s343AB in Wales, s343AC in
    Scotland, s343AD in Northern Ireland), taking the statutory guidance into account
    (Ministry of Defence, Armed Forces Covenant Duty statutory guidance (2022)). An
    assessment is not required by the Act; an entry is how the record shows the
    regard was had. Outside those functions assessing the armed forces community is a
    local choice.

    ## Failing example

    ```yaml
    name: Housing allocations policy review
    functions: [housing]
    status: submitted
    decision: {outcome: adjust, date: 2026-03-10, maker: Cabinet}
    ```

    ## Passing example

    ```yaml
    name: Housing allocations policy review
    functions: [housing]
    status: submitted
    decision: {outcome: adjust, date: 2026-03-10, maker: Cabinet}
    impacts:
      - characteristic: armed_forces
        impact: positive
        details: >-
          Service leavers keep the local connection they had before enlisting, and
          bereaved partners leaving forces housing get priority band B.
    ```
    """
    if not ctx.law.applies(_law.ARMED_FORCES):
        return
    entries = _entries(ctx, "armed_forces")
    if any(_real(entry.details) for _, entry in entries):
        return
    pointer = f"/impacts/{entries[0][0]}/details" if entries else "/impacts"
    yield Hit(
        pointer,
        _(
            "The Armed Forces covenant duty applies to the housing, education or health "
            "functions this decision concerns, but no armed forces entry gives details: say "
            "how the proposal affects serving and former members of the armed forces and "
            "their families."
        ),
        "armed_forces",
    )


# The two effects, in English or in Welsh: "cyfle(oedd)" (opportunities, with its
# mutated forms gyfle, chyfle, nghyfle) and "llai ffafriol" (less favourably).
_OPPORTUNITIES = re.compile(r"opportunit|(?:c|g|ch|ngh)yfle", re.IGNORECASE)
_LESS_FAVOURABLY = re.compile(r"less\s+favourabl|llai\s+ffafriol", re.IGNORECASE)


@rule(
    code="PSED604",
    name="welsh-language-effects-incomplete",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, WLS_89_90),
)
def welsh_language_effects_incomplete(ctx: Context) -> Iterator[Hit]:
    """The Welsh language entry does not consider both effects the standards name.

    ## What it checks

    Where the Welsh Language Standards bind the body on the law date (from 30 March
    2016 by default; a configuration may give the date of the body's compliance
    notice), the `welsh_language` entries' details, taken together, must address
    both effects: on opportunities to use Welsh (the words "opportunity" or
    "opportunities", in Welsh "cyfle" or "cyfleoedd") and on treating Welsh no less
    favourably than English ("less favourable" or "less favourably", in Welsh "llai
    ffafriol"). Reported at the first entry's `details`,
    naming what is missing. An entry whose details are a placeholder is left to
    PSED104 and PSED105, and a missing entry to PSED101.

    ## Why it matters

    When making a policy decision, a body under the policy-making standards must
    consider the effects, positive or adverse, on opportunities for persons to use
    Welsh and on treating Welsh no less favourably than English (Welsh Language
    Standards (No. 1) Regulations 2015 standard 88), and how to increase the positive
    effects and avoid or reduce the adverse ones (Welsh Language Standards (No. 1)
    Regulations 2015 standards 89 and 90). Other sets of standards number the same
    duties differently. An entry that considers one effect only does not show that
    the other was considered.

    ## Failing example

    ```yaml
    name: Leisure centre opening hours
    framework: wales
    status: submitted
    decision: {outcome: adjust, date: 2026-05-05, maker: Cabinet}
    impacts:
      - characteristic: welsh_language
        impact: neutral
        details: Signs and timetables stay bilingual, as they are now.
    ```

    ## Passing example

    ```yaml
    name: Leisure centre opening hours
    framework: wales
    status: submitted
    decision: {outcome: adjust, date: 2026-05-05, maker: Cabinet}
    impacts:
      - characteristic: welsh_language
        impact: neutral
        details: >-
          Welsh-medium swimming lessons keep their slots, so opportunities to use Welsh
          are unchanged; signs and bookings stay bilingual, so Welsh is treated no less
          favourably than English.
    ```
    """
    if not ctx.law.applies(_law.WELSH_LANGUAGE):
        return
    entries = [(i, e) for i, e in _entries(ctx, "welsh_language") if _real(e.details)]
    if not entries:
        return
    text = " ".join(" ".join((entry.details or "").split()) for _, entry in entries)
    missing: list[Message] = []
    if not _OPPORTUNITIES.search(text):
        missing.append(_("opportunities to use Welsh"))
    if not _LESS_FAVOURABLY.search(text):
        missing.append(_("treating Welsh no less favourably than English"))
    if missing:
        yield Hit(
            f"/impacts/{entries[0][0]}/details",
            _(
                "The Welsh language entry does not consider the effect on {missing}: say what "
                "effect the proposal has on opportunities to use Welsh and on treating Welsh "
                "no less favourably than English.",
                missing=listing(missing, either=True),
            ),
            "welsh_language",
        )


def _changes(changes: list[Message]) -> Message | str:
    """The changes in the law, one after another: "A; B; C"."""
    if not changes:
        return ""
    if len(changes) == 1:
        return changes[0]
    return _("{first}; {rest}", first=changes[0], rest=_changes(changes[1:]))


@rule(
    code="PSED607",
    name="law-changed-since-assessment",
    severity="warning",
    status="approved",
    references=(GENERAL_DUTY, BROWN_95),
)
def law_changed_since_assessment(ctx: Context) -> Iterator[Hit]:
    """A duty came into force after the assessment's law date: the policy now runs under it.

    ## What it checks

    For an approved assessment, every duty of its framework (and the Armed Forces
    covenant duty, where the document's `functions` bring it) that came into force
    after the document's law date and is in force on the date of the check (`as_of`),
    and every limb of the Crime and Disorder Act 1998 s17 duty added in that time.
    Under the Welsh socio-economic duty and the Fairer Scotland Duty, only a strategic
    decision counts (as for PSED602).
    One finding at the whole document (`""`), naming each with its date. Below
    `approved` it reports at `info`: a draft is judged by the law of its own date.

    ## Why it matters

    The duty is continuing (R (Brown) v Secretary of State for Work and Pensions
    [2008] EWHC 3158 (Admin) [95]): an authority carrying out a policy has due regard
    under the duty in force each time it exercises the function, not only on the day
    it adopted the policy. A policy assessed in 2008 under the race, disability and
    gender duties and still applied after 5 April 2011 is carried out under Equality
    Act 2010 s149(1), which covers six more characteristics; its assessment should be
    reviewed against the law now in force.

    ## Failing example

    ```yaml
    name: Day centre transport policy
    status: approved
    decision: {outcome: adjust, date: 2008-06-12, maker: Cabinet}
    ```

    ## Passing example

    ```yaml
    name: Day centre transport policy
    status: approved
    decision: {outcome: adjust, date: 2025-06-12, maker: Cabinet}
    ```
    """
    since, today = ctx.law.date, ctx.as_of
    changes: list[tuple[_dt.date, Message]] = []
    for duty in ctx.law.framework_duties:
        if not duty.in_force_on(today) or not duty.covers(ctx.proposal):
            continue
        start = duty.in_force
        if start is not None and since < start:
            changes.append(
                (
                    start,
                    _(
                        "{duty}, {citation}, from {date}",
                        duty=duty_term(duty),
                        citation=duty.citation,
                        date=long_date(start),
                    ),
                )
            )
        else:
            for limb in duty.limbs:
                began = limb.commencement(ctx.law.jurisdiction)
                if began is not None and since < began <= today:
                    changes.append(
                        (
                            began,
                            _(
                                "{citation}, {limb}, from {date}",
                                citation=limb.citation,
                                limb=limb_term(limb),
                                date=long_date(began),
                            ),
                        )
                    )
    if changes:
        # In date order, then in the order of the English wording (as in every language).
        ordered = [change for _day, change in sorted(changes, key=lambda c: (c[0], str(c[1])))]
        yield Hit(
            "",
            _(
                "Since this assessment's law date ({date}) the law has changed: {changes}; "
                "review the assessment against the law now in force.",
                date=since.isoformat(),
                changes=_changes(ordered),
            ),
        )
