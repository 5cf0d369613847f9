"""Completeness rules PSED101-PSED109: every characteristic assessed, with reasons."""

from __future__ import annotations

from collections.abc import Iterator

from psed._i18n import C_, _
from psed.law import required_characteristics
from psed.model import Impact, ScreeningOutcome
from psed.rules._common import (
    AUDIT_WALES_2022,
    BAILEY,
    BRACKING_26,
    BROWN_91,
    BROWN_92,
    BROWN_96,
    ECNI_GUIDE,
    GENERAL_DUTY,
    HUNT,
    NI_SCH9_4_2B,
    NI_SCH9_9,
    S149_7,
    SCOTLAND_REG5,
    SHEAKH,
    WALES_REG8_2,
    WALES_REG8_3B,
    adverse_terms,
    characteristic_label,
    entry_term,
    enum_term,
    impact_term,
    label_term,
    listing,
)
from psed.rules._registry import Context, Hit, rule

__all__ = [
    "characteristic_not_assessed",
    "duplicate_characteristic",
    "impact_not_determined",
    "missing_description",
    "missing_impact_details",
    "missing_impact_summary",
    "missing_name",
    "missing_service_profile",
    "placeholder_text",
    "screened_out_despite_adverse_impact",
    "screening_without_rationale",
    "thin_impact_details",
    "unexplained_no_impact",
]

_NO_IMPACT = (Impact.NEUTRAL, Impact.NOT_APPLICABLE)
_DETERMINED_IMPACT = (Impact.POSITIVE, Impact.NEGATIVE, Impact.MIXED)
_MIN_REASON_WORDS = 4


@rule(
    code="PSED101",
    name="characteristic-not-assessed",
    severity="error",
    status="submitted",
    references=(GENERAL_DUTY, S149_7, HUNT),
)
def characteristic_not_assessed(ctx: Context) -> Iterator[Hit]:
    """A characteristic the framework requires has no impact entry.

    ## What it checks

    Every characteristic the document's framework requires on its law date must have
    at least one entry in `impacts`. A characteristic that a duty requires is
    required while that duty was in force on the law date (the decision date, else
    the approver's, else the responsible officer's, else the screening date): the
    nine protected characteristics from 5 April 2011; before then race (from 2 April
    2001), disability (from 4 December 2006) and sex (from 6 April 2007); the
    community-safety entry under `esia`; the socio-economic entry under `wales` from
    31 March 2021 (unless the document says `strategic: false`) and the Welsh
    language entry from 30 March 2016; the nine section 75 categories under `ni-s75`.
    Characteristics a framework requires of its own accord (`poverty` and
    `health_wellbeing` under `esia`) are always required. An entry for a sub-group
    counts. One finding per missing characteristic, pointing at `/impacts`. An
    entry whose characteristic code is unknown but is a required code or label
    written differently ("Age", "Gender reassignment", "sexual-orientation") counts
    for that characteristic: PSED006 reports the spelling, once.

    ## Why it matters

    Due regard under Equality Act 2010 s149(1) is owed for the relevant protected
    characteristics as Equality Act 2010 s149(7) defines them (eight of the nine in
    s4; marriage and civil partnership counts only for eliminating discrimination
    under s149(1)(a), so it needs an entry too); before 5 April 2011
    the race, disability and gender equality duties each covered one characteristic,
    and in Northern Ireland the section 75 categories apply. A characteristic that is
    not on the record cannot be shown to have been considered: a court could not
    infer that members had considered what they were not given or referred to (Hunt
    v North Somerset Council [2013] EWCA Civ 1320), so an authority whose record is
    silent may be unable to show due regard. "Not assessed" must never be silently
    read as "no impact". A characteristic that only the framework requires (a local
    choice) rests on no statute, and its finding cites none.

    ## Failing example

    ```yaml
    name: Garden waste charge
    status: submitted
    impacts:
      - characteristic: age
        impact: negative
        details: Older residents on fixed incomes pay the same charge.
    ```

    ## Passing example

    ```yaml
    name: Garden waste charge
    status: submitted
    impacts:
      - {characteristic: age, impact: negative, details: Older residents pay the same.}
      - {characteristic: disability, impact: neutral, details: Assisted collections continue.}
      - {characteristic: gender_reassignment, impact: neutral, details: Same charge for all.}
      - {characteristic: marriage_civil_partnership, impact: neutral, details: Same charge for all.}
      - {characteristic: pregnancy_maternity, impact: neutral, details: Same charge for all.}
      - {characteristic: race, impact: neutral, details: No difference in take-up by ethnicity.}
      - {characteristic: religion_belief, impact: neutral, details: Same charge for all.}
      - {characteristic: sex, impact: neutral, details: No difference in take-up by sex.}
      - {characteristic: sexual_orientation, impact: neutral, details: Same charge for all.}
    ```
    """
    required = [code for code, _duties in required_characteristics(ctx.framework, ctx.law)]
    codes = {entry.characteristic.code for entry in ctx.proposal.impacts}
    assessed = {_assessed_code(ctx, code, required) for code in codes}
    for code in required:
        if code not in assessed:
            yield Hit(
                "/impacts",
                _(
                    "{characteristic} has no impact entry: add one saying what the impact "
                    "is and why.",
                    characteristic=label_term(ctx, code),
                ),
                code,
            )


def _assessed_code(ctx: Context, code: str, required: list[str]) -> str:
    """The characteristic an entry assesses: its code, or the required one it misspells.

    The reader keeps an entry with an unknown code (and reports PSED006); when that
    code is a required code or label written in another case or with spaces or
    hyphens, the entry is taken as that characteristic's, so one mistake gives one
    finding.
    """
    if ctx.catalogue.characteristic(code) is not None or any(
        local.code == code for local in ctx.proposal.characteristics
    ):
        return code
    spelt = ctx.text(code).folded.replace("-", " ").replace("_", " ")
    for wanted in required:
        if spelt in (wanted.replace("_", " "), ctx.text(characteristic_label(ctx, wanted)).folded):
            return wanted
    return code


@rule(
    code="PSED102",
    name="duplicate-characteristic",
    severity="error",
    status="draft",
    references=(GENERAL_DUTY, BROWN_96),
)
def duplicate_characteristic(ctx: Context) -> Iterator[Hit]:
    """Two entries assess the same characteristic for the same group.

    ## What it checks

    No two entries in `impacts` may have the same characteristic and the same `group`.
    Groups are compared ignoring case and spacing; an entry with no group (absent,
    blank or a placeholder such as "N/A") is the "no group" group, so two entries
    for `age` without a group are duplicates, while "Older people" and "Young people"
    are not. Every entry after the first of its kind is reported, pointing at the
    entry.

    ## Why it matters

    Two answers to the same question leave the record contradictory: a reader cannot
    tell which one the decision-maker relied on when having regard under Equality Act
    2010 s149(1). Keeping an adequate record is good practice rather than a legal
    requirement (R (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158
    (Admin) [96]), but a contradictory record is weak evidence of due regard.

    ## Failing example

    ```yaml
    name: Library opening hours
    impacts:
      - characteristic: age
        impact: negative
        details: Fewer evening hours affect working-age adults.
      - characteristic: age
        impact: positive
        details: More morning sessions suit older people.
    ```

    ## Passing example

    ```yaml
    name: Library opening hours
    impacts:
      - characteristic: age
        group: Working-age adults
        impact: negative
        details: Fewer evening hours affect working-age adults.
      - characteristic: age
        group: Older people (65+)
        impact: positive
        details: More morning sessions suit older people.
    ```
    """
    seen: set[tuple[str, str | None]] = set()
    for i, entry in enumerate(ctx.proposal.impacts):
        group = ctx.text(entry.group)
        key = (entry.characteristic.code, group.folded if group.real else None)
        if key in seen:
            yield Hit(
                f"/impacts/{i}",
                _(
                    "{entry} is assessed more than once: merge the entries or give each a "
                    "different group.",
                    entry=entry_term(entry),
                ),
                entry.characteristic.code,
            )
        seen.add(key)


@rule(
    code="PSED103",
    name="impact-not-determined",
    severity="error",
    status="submitted",
    references=(GENERAL_DUTY, BRACKING_26),
)
def impact_not_determined(ctx: Context) -> Iterator[Hit]:
    """An entry's impact is still `unknown`.

    ## What it checks

    Each entry of `impacts` whose `impact` is `unknown` (the default, and what
    `psed new` writes for every characteristic to fill in).

    ## Why it matters

    An assessment submitted for approval must say what the impact is. Where the
    information is missing, the duty of due inquiry requires the authority to take
    steps to obtain it (R (Bracking) v Secretary of State for Work and Pensions [2013]
    EWCA Civ 1345 [26]); an impact left undetermined shows the inquiry unfinished, and
    is weak evidence of due regard under Equality Act 2010 s149(1).

    ## Failing example

    ```yaml
    name: Parking permit charges
    status: submitted
    impacts:
      - characteristic: disability
        impact: unknown
    ```

    ## Passing example

    ```yaml
    name: Parking permit charges
    status: submitted
    impacts:
      - characteristic: disability
        impact: neutral
        details: Blue Badge holders remain exempt from the charge.
    ```
    """
    for i, entry in enumerate(ctx.proposal.impacts):
        if entry.impact == Impact.UNKNOWN:
            yield Hit(
                f"/impacts/{i}/impact",
                _(
                    "The impact on {entry} is not yet determined: choose positive, negative, "
                    "mixed, neutral or not applicable.",
                    entry=entry_term(entry),
                ),
                entry.characteristic.code,
            )


@rule(
    code="PSED104",
    name="missing-impact-details",
    severity="error",
    status="submitted",
    references=(GENERAL_DUTY, BROWN_92),
)
def missing_impact_details(ctx: Context) -> Iterator[Hit]:
    """A positive, negative or mixed impact has no details.

    ## What it checks

    Each entry whose `impact` is `positive`, `negative` or `mixed` and whose `details`
    are absent or a placeholder ("N/A", "TBC", "-", "See above" ...). Neutral and
    not-applicable entries are checked by PSED105.

    ## Why it matters

    Due regard is exercised in substance, with rigour and an open mind, not as a
    box-ticking exercise (R (Brown) v Secretary of State for Work and Pensions [2008]
    EWHC 3158 (Admin) [92]). A box ticked "negative" without saying who is affected
    and how gives the decision-maker nothing to weigh under Equality Act 2010 s149(1).

    ## Failing example

    ```yaml
    name: Day centre relocation
    impacts:
      - characteristic: disability
        impact: negative
        details: TBC
    ```

    ## Passing example

    ```yaml
    name: Day centre relocation
    impacts:
      - characteristic: disability
        impact: negative
        details: >-
          The new site is 2 miles further away; 14 of 40 users rely on
          door-to-door transport.
    ```
    """
    for i, entry in enumerate(ctx.proposal.impacts):
        if entry.impact in _DETERMINED_IMPACT and ctx.text(entry.details).placeholder:
            yield Hit(
                f"/impacts/{i}/details",
                _(
                    "{entry} is marked {impact} but has no details: say who is affected, how, "
                    "and what evidence shows it.",
                    entry=entry_term(entry),
                    impact=impact_term(entry.impact),
                ),
                entry.characteristic.code,
            )


@rule(
    code="PSED105",
    name="unexplained-no-impact",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, BROWN_92),
)
def unexplained_no_impact(ctx: Context) -> Iterator[Hit]:
    """A neutral or not-applicable impact has no real reason.

    ## What it checks

    Each entry whose `impact` is `neutral` or `not_applicable` and whose `details` are
    a placeholder or shorter than four words (a word is a run of non-space characters
    containing a letter, so "No impact." is two words). Not for `other`, which a form
    lists only in case there is something to add, nor, under a framework with the
    Crime and Disorder Act 1998 s17 duty (`esia`), for `community_safety`, which
    PSED601 checks more strictly; under other frameworks community safety is treated
    like any other characteristic.

    ## Why it matters

    "N/A" gives no evidence that a characteristic was considered at all. Due regard
    must be had in substance and with rigour (R (Brown) v Secretary of State for Work
    and Pensions [2008] EWHC 3158 (Admin) [92]), and a short reason for "no impact" is
    what shows it was (Equality Act 2010 s149(1)).

    ## Failing example

    ```yaml
    name: Council tax online account
    impacts:
      - characteristic: religion_belief
        impact: not_applicable
        details: N/A
    ```

    ## Passing example

    ```yaml
    name: Council tax online account
    impacts:
      - characteristic: religion_belief
        impact: neutral
        details: The account offers the same functions to all; no religious practice is affected.
    ```
    """
    exempt = {"other"}
    if ctx.framework.community_safety:
        exempt.add("community_safety")
    for i, entry in enumerate(ctx.proposal.impacts):
        if entry.impact not in _NO_IMPACT or entry.characteristic.code in exempt:
            continue
        details = ctx.text(entry.details)
        if details.placeholder or details.words < _MIN_REASON_WORDS:
            yield Hit(
                f"/impacts/{i}/details",
                _(
                    "{entry} is marked {impact} without a reason: say in a sentence why this "
                    "group is not affected.",
                    entry=entry_term(entry),
                    impact=impact_term(entry.impact),
                ),
                entry.characteristic.code,
            )


_MAX_LISTED = 10
"""How many markers a PSED106 message lists (a pasted report can hold thousands)."""

_FIELD_LABELS = {
    "name": C_("field, starting a sentence", "The name"),
    "description": C_("field, starting a sentence", "The description"),
    "impact_summary": C_("field, starting a sentence", "The summary of impact"),
    "positive_impacts": C_("field, starting a sentence", "The positive impacts"),
    "source": C_("field, starting a sentence", "The evidence source"),
    "summary": C_("field, starting a sentence", "The summary"),
    "audience": C_("field, starting a sentence", "The audience"),
    "method": C_("field, starting a sentence", "The method"),
    "group": C_("field, starting a sentence", "The group"),
    "details": C_("field, starting a sentence", "The details of impact"),
    "action": C_("field, starting a sentence", "The mitigating action"),
    "owner": C_("field, starting a sentence", "The owner"),
    "monitoring": C_("field, starting a sentence", "The monitoring"),
    "justification": C_("field, starting a sentence", "The justification"),
    "maker": C_("field, starting a sentence", "The decision maker"),
    "role": C_("field, starting a sentence", "The role"),
    "label": C_("field, starting a sentence", "The label"),
    "reason": C_("field, starting a sentence", "The reason"),
    "approved_by": C_("field, starting a sentence", "The approver of the waiver"),
}
"""How PSED106 names a text field at the start of its sentence."""


@rule(
    code="PSED106",
    name="placeholder-text",
    severity="error",
    status="submitted",
    references=(GENERAL_DUTY, BROWN_96),
)
def placeholder_text(ctx: Context) -> Iterator[Hit]:
    """A text field still holds template or editing leftovers.

    ## What it checks

    Every free-text field of the document (name, descriptions, summaries, details,
    groups, actions, owners, monitoring, justifications, sign-off names and roles,
    waiver reasons; not ids, codes, URLs or pointers) for: the whole words TBC, TBD,
    TODO or XXX in any case; "lorem ipsum"; "[insert"; "delete as appropriate";
    "click here to enter text"; "click or tap here to enter text"; "choose an item";
    the same leftovers of Welsh templates ("i'w gadarnhau", "[mewnosod", "dilëwch fel y
    bo'n briodol", "cliciwch yma i roi testun", "dewiswch eitem");
    and Word comment anchors such as "[JS1]" (one to three capital letters and one or
    more digits in square brackets; "[1]" and "[AB]" are not anchors). One finding
    per field, naming every marker found in it. A field that is nothing but "TBC" is
    reported here too, as well as by the rule that needs the field filled in.

    ## Why it matters

    Template prompts, "TBC" and reviewers' comment anchors in a submitted record show
    that it was not finished, and the assessment is what a court reads to decide
    whether due regard was had under Equality Act 2010 s149(1). Keeping an adequate
    record is good practice (R (Brown) v Secretary of State for Work and Pensions
    [2008] EWHC 3158 (Admin) [96]); this rule checks the record, not a legal
    requirement of its own.

    ## Failing example

    ```yaml
    name: Home to school transport policy
    description: "[Insert a short description of the proposal] Delete as appropriate."
    ```

    ## Passing example

    ```yaml
    name: Home to school transport policy
    description: Free transport for pupils living over three miles from school.
    ```
    """
    for field in ctx.text.with_leftovers:
        what = _FIELD_LABELS.get(field.name) or _("The {field}", field=field.name.replace("_", " "))
        markers = field.text.leftovers
        listed = ", ".join(f'"{m}"' for m in markers[:_MAX_LISTED])
        if len(markers) > _MAX_LISTED:
            message = _(
                "{field} still contains template or editing text ({markers} and others): "
                "replace it with the real content.",
                field=what,
                markers=listed,
            )
        else:
            message = _(
                "{field} still contains template or editing text ({markers}): replace it "
                "with the real content.",
                field=what,
                markers=listed,
            )
        yield Hit(field.pointer, message, _characteristic_at(ctx, field.pointer))


def _characteristic_at(ctx: Context, pointer: str) -> str | None:
    parts = pointer.split("/")
    if len(parts) > 2 and parts[1] == "impacts":
        return ctx.proposal.impacts[int(parts[2])].characteristic.code
    return None


@rule(
    code="PSED107",
    name="missing-description",
    severity="error",
    status="submitted",
    references=(GENERAL_DUTY, NI_SCH9_9, WALES_REG8_2, BROWN_91),
)
def missing_description(ctx: Context) -> Iterator[Hit]:
    """The proposal has no description.

    ## What it checks

    The root `description` is absent or a placeholder.

    ## Why it matters

    Impacts can only be judged against what the proposal is and what it aims to do,
    and due regard under Equality Act 2010 s149(1) is had with a conscious mind,
    before and at the time the policy is considered (R (Brown) v Secretary of State
    for Work and Pensions [2008] EWHC 3158 (Admin) [91]). In Northern Ireland the
    published results of an assessment state the aims of the policy (Northern Ireland
    Act 1998 Sch 9 para 9); in Wales a published report sets out its purpose
    (Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011 reg 8(2)). In
    England a description is good practice.

    ## Failing example

    ```yaml
    name: Community grants review
    description: To follow
    ```

    ## Passing example

    ```yaml
    name: Community grants review
    description: Replace three small grant schemes with one annual fund of 250,000 pounds.
    ```
    """
    if ctx.text(ctx.proposal.description).placeholder:
        yield Hit(
            "/description",
            _("The proposal has no description: say what is proposed and what it aims to do."),
        )


@rule(
    code="PSED113",
    name="missing-name",
    severity="error",
    status="submitted",
    references=(BROWN_96,),
)
def missing_name(ctx: Context) -> Iterator[Hit]:
    """The proposal has no name.

    ## What it checks

    The root `name` ("Name or brief description of proposal") is empty or a
    placeholder, such as the `name: ""` that `psed new` writes or "[Insert name of
    proposal]". A document with no `name` at all gets PSED002 instead.

    ## Why it matters

    An assessment is the record of the regard had to one decision. A record that does
    not say which proposal it is about cannot be matched to the decision it informed,
    by the decision-maker or later by a court, and keeping an adequate record of the
    consideration given is good practice (R (Brown) v Secretary of State for Work and
    Pensions [2008] EWHC 3158 (Admin) [96]).

    ## Failing example

    ```yaml
    name: "[Insert name of proposal]"
    description: Replace three small grant schemes with one annual fund of 250,000 pounds.
    ```

    ## Passing example

    ```yaml
    name: Community grants review
    description: Replace three small grant schemes with one annual fund of 250,000 pounds.
    ```
    """
    if ctx.text(ctx.proposal.name).placeholder:
        yield Hit(
            "/name",
            _("The proposal has no name: give its name or a brief description of the proposal."),
        )


@rule(
    code="PSED108",
    name="missing-service-profile",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, BRACKING_26, BAILEY, WALES_REG8_3B, SCOTLAND_REG5),
)
def missing_service_profile(ctx: Context) -> Iterator[Hit]:
    """The service profile, or its number of customers, is missing.

    ## What it checks

    `service_profile` is absent (one finding at `/service_profile`), or its
    `description` is a placeholder, or its `customers` count is absent (one finding
    for each, at the field).

    ## Why it matters

    Who uses the service, and how many of them, is the base line against which any
    disproportionate impact on a group is measured. The duty of due inquiry (R
    (Bracking) v Secretary of State for Work and Pensions [2013] EWCA Civ 1345 [26])
    starts with knowing who is affected (Equality Act 2010 s149(1)); comparing service
    users with the population was part of the evidence of due regard in R (Bailey) v
    Brent LBC [2011] EWCA Civ 1586. In Wales an assessment must have due regard to
    relevant information the authority holds (Equality Act 2010 (Statutory Duties)
    (Wales) Regulations 2011 reg 8(3)(b)); in Scotland it must consider relevant
    evidence (Equality Act 2010 (Specific Duties) (Scotland) Regulations 2012 reg 5).
    The service profile itself, with a customer count, is good practice.

    ## Failing example

    ```yaml
    name: Bulky waste collection charges
    service_profile:
      description: Collection of large household items on request.
    ```

    ## Passing example

    ```yaml
    name: Bulky waste collection charges
    service_profile:
      description: Collection of large household items on request.
      customers: 8400
    ```
    """
    profile = ctx.proposal.service_profile
    if profile is None:
        yield Hit(
            "/service_profile",
            _(
                "There is no service profile: describe the service and say how many "
                "customers it has."
            ),
        )
        return
    if ctx.text(profile.description).placeholder:
        yield Hit(
            "/service_profile/description",
            _("The service profile has no description: describe the service and who uses it."),
        )
    if profile.customers is None:
        yield Hit(
            "/service_profile/customers",
            _(
                "The service profile gives no number of customers: add how many people use "
                "or are affected by the service."
            ),
        )


@rule(
    code="PSED109",
    name="missing-impact-summary",
    severity="error",
    status="submitted",
    references=(GENERAL_DUTY, BRACKING_26),
)
def missing_impact_summary(ctx: Context) -> Iterator[Hit]:
    """The summary of impact and issues is missing.

    ## What it checks

    The root `impact_summary` ("Summary of impact and issues") is absent or a
    placeholder.

    ## Why it matters

    The decision-maker personally must know the impacts, and what officials know is
    not attributed to them (R (Bracking) v Secretary of State for Work and Pensions
    [2013] EWCA Civ 1345 [26]); the summary is what a cabinet member or committee
    reads, so without it due regard under Equality Act 2010 s149(1) is hard to show.

    ## Failing example

    ```yaml
    name: Street lighting dimming
    impact_summary: See above
    ```

    ## Passing example

    ```yaml
    name: Street lighting dimming
    impact_summary: Dimming after midnight may deter some women from walking at night.
    ```
    """
    if ctx.text(ctx.proposal.impact_summary).placeholder:
        yield Hit(
            "/impact_summary",
            _(
                "The summary of impact is missing: summarise the main impacts and issues "
                "for the decision-maker."
            ),
        )


_SCREENED_OUT = (ScreeningOutcome.SCREENED_OUT, ScreeningOutcome.NOT_REQUIRED)
_MIN_DETAIL_WORDS = 8


@rule(
    code="PSED110",
    name="screened-out-despite-adverse-impact",
    severity="error",
    status="draft",
    references=(GENERAL_DUTY, BROWN_92, SHEAKH, NI_SCH9_4_2B, ECNI_GUIDE),
)
def screened_out_despite_adverse_impact(ctx: Context) -> Iterator[Hit]:
    """The proposal is screened out, or said to need no assessment, despite adverse impacts.

    ## What it checks

    `screening.outcome` is `screened_out` or `not_required` while some entry in
    `impacts` is `negative` or `mixed`. Reported once, at `/screening/outcome`, naming
    the characteristics with an adverse entry. `screened_out_with_mitigation` is not
    reported: it is the outcome for minor impacts that mitigation addresses.

    ## Why it matters

    A screening decides whether the impacts need a full assessment. Screening a
    proposal out while recording that it harms a group is a contradiction on the face
    of the record: either the screening is wrong or the impacts are. No statute in
    Great Britain prescribes a screening step: s149 sets no procedure (R (Sheakh) v
    Lambeth LBC [2022] EWCA Civ 457). But due regard under Equality Act 2010 s149(1)
    must be had in substance, with rigour and an open mind (R (Brown) v Secretary of
    State for Work and Pensions [2008] EWHC 3158 (Admin) [92]), and a screening that
    dismisses an adverse impact the same record describes shows it was not. In
    Northern Ireland the equality scheme sets out how
    policies are assessed for their likely impact (Northern Ireland Act 1998 Sch 9 para
    4(2)(b)); the Commission's guidance, which is practice rather than law, screens out
    only policies with no likely impact, screens out with mitigation those with minor
    impacts, and screens in those with major ones (Equality Commission for Northern
    Ireland, Section 75 of the Northern Ireland Act 1998: A Guide for Public Authorities
    (2010)).

    ## Failing example

    ```yaml
    name: Closure of Shirley library
    screening:
      outcome: screened_out
      rationale: The service moves to a branch three miles away.
    impacts:
      - characteristic: age
        impact: negative
        details: Older people who walk to the library will have a 3 mile trip to the next one.
    ```

    ## Passing example

    ```yaml
    name: Closure of Shirley library
    screening:
      outcome: screened_in
      rationale: Likely major impact on older residents who walk to the library.
    impacts:
      - characteristic: age
        impact: negative
        details: Older people who walk to the library will have a 3 mile trip to the next one.
    ```
    """
    screening = ctx.proposal.screening
    if screening is None or screening.outcome not in _SCREENED_OUT:
        return
    adverse = adverse_terms(ctx)
    if adverse:
        yield Hit(
            "/screening/outcome",
            _(
                'The screening outcome is "{outcome}", but adverse impacts are recorded for '
                "{characteristics}: screen the proposal in for a full assessment, or correct "
                "the screening outcome or the impacts.",
                outcome=enum_term(screening.outcome),
                characteristics=listing(adverse),
            ),
        )


@rule(
    code="PSED111",
    name="screening-without-rationale",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, BRACKING_26, BROWN_96, NI_SCH9_4_2B, ECNI_GUIDE),
)
def screening_without_rationale(ctx: Context) -> Iterator[Hit]:
    """A screening outcome is recorded without the reasons for it.

    ## What it checks

    `screening.outcome` is given and `screening.rationale` is absent or a placeholder
    ("N/A", "TBC", ...). Reported at `/screening/rationale`.

    ## Why it matters

    The screening decides whether the impacts are assessed in full, so its reasons are
    the evidence that the choice was considered. Recording the steps taken is an
    important evidential element in showing due regard under Equality Act 2010 s149(1)
    (R (Bracking) v Secretary of State for Work and Pensions [2013] EWCA Civ 1345 [26]),
    and keeping an adequate record is good practice rather than a legal requirement (R
    (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin) [96]).
    In Northern
    Ireland, screening is part of the arrangements for assessing the likely impact of
    policies that an equality scheme states (Northern Ireland Act 1998 Sch 9 para
    4(2)(b)), and the Commission's guidance gives a screening template on which the
    decision and the reasons for it are recorded (Equality Commission for Northern
    Ireland, Section 75 of the Northern Ireland Act 1998: A Guide for Public Authorities
    (2010)); that is guidance, not a statutory form.

    ## Failing example

    ```yaml
    name: Staff car parking charges
    status: submitted
    screening:
      outcome: screened_out
      rationale: N/A
    ```

    ## Passing example

    ```yaml
    name: Staff car parking charges
    status: submitted
    screening:
      outcome: screened_out
      rationale: >-
        The charge is the same for all staff, blue badge holders park free, and the
        staff survey found no group that relies more on the car park.
    ```
    """
    screening = ctx.proposal.screening
    if screening is None or screening.outcome is None:
        return
    if ctx.text(screening.rationale).placeholder:
        yield Hit(
            "/screening/rationale",
            _(
                'The screening outcome "{outcome}" gives no rationale: say why the proposal '
                "was screened this way, and on what evidence.",
                outcome=enum_term(screening.outcome),
            ),
        )


@rule(
    code="PSED112",
    name="thin-impact-details",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, BROWN_92, AUDIT_WALES_2022),
)
def thin_impact_details(ctx: Context) -> Iterator[Hit]:
    """A positive, negative or mixed impact is explained in fewer than eight words.

    ## What it checks

    Each entry whose `impact` is `positive`, `negative` or `mixed` and whose `details`
    are real text (not a placeholder) of fewer than eight words. A word is a run of
    non-space characters containing a letter, as for PSED105, so "65+" is not a word.
    Details that are a placeholder are PSED104's, and are not reported here too.
    Reported at the entry's `details`.

    ## Why it matters

    "Positive impact." or "May affect older people." records a verdict, not the
    reasoning: who is affected, how, and on what evidence. Due regard under Equality
    Act 2010 s149(1) is exercised in substance and with rigour (R (Brown) v Secretary
    of State for Work and Pensions [2008] EWHC 3158 (Admin) [92]). Audit Wales
    found that many assessments recognised an impact on a group in general terms but
    did not show how it would affect people's lives in practice (Audit Wales, Equality
    Impact Assessments: more than a tick box exercise? (2022)). Eight words is a
    threshold of practice, not of law: it marks text too short to carry any reasoning.

    ## Failing example

    ```yaml
    name: Day centre relocation
    impacts:
      - characteristic: disability
        impact: negative
        details: Longer journeys for some users.
    ```

    ## Passing example

    ```yaml
    name: Day centre relocation
    impacts:
      - characteristic: disability
        impact: negative
        details: >-
          The new site is 2 miles further away; 14 of 40 users rely on
          door-to-door transport.
    ```
    """
    for i, entry in enumerate(ctx.proposal.impacts):
        details = ctx.text(entry.details)
        if entry.impact not in _DETERMINED_IMPACT or details.placeholder:
            continue
        if details.words < _MIN_DETAIL_WORDS:
            yield Hit(
                f"/impacts/{i}/details",
                _(
                    "The details for {characteristic} are too brief to show how the {impact} "
                    "impact arises: say who is affected, how, and on what evidence.",
                    characteristic=entry_term(entry),
                    impact=impact_term(entry.impact),
                ),
                entry.characteristic.code,
            )
