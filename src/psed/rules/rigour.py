"""Rigour rules PSED501-PSED503: boilerplate, adverse language marked harmless, intersections."""

from __future__ import annotations

from collections.abc import Iterator

from psed._i18n import Arg, _
from psed.model import Impact
from psed.rules._common import (
    AUDIT_WALES_2022,
    BRACKING_26,
    BRIDGES,
    BROWN_92,
    GENERAL_DUTY,
    characteristic_term,
    entry_term,
    impact_term,
    listing,
)
from psed.rules._registry import Context, Hit, rule

__all__ = [
    "adverse_language_not_negative",
    "boilerplate_impact_text",
    "intersections_not_considered",
]

_BOILERPLATE_MIN = 3
_NOT_ADVERSE = (Impact.POSITIVE, Impact.NEUTRAL, Impact.NOT_APPLICABLE)


@rule(
    code="PSED501",
    name="boilerplate-impact-text",
    severity="warning",
    status="submitted",
    references=(GENERAL_DUTY, BROWN_92, BRACKING_26),
)
def boilerplate_impact_text(ctx: Context) -> Iterator[Hit]:
    """The same details text is pasted into three or more entries.

    ## What it checks

    The `details` of the impact entries are compared ignoring case, white space and
    punctuation; placeholders ("N/A", "None" ...) are left out (PSED104 and PSED105
    cover them). When one text appears in three or more entries, each of those
    entries is reported, at its `details`. Two entries sharing a text are allowed
    (two characteristics can honestly be affected the same way).

    ## Why it matters

    Due regard under Equality Act 2010 s149(1) is exercised in substance, with rigour
    and an open mind, not as a box-ticking exercise (R (Brown) v Secretary of State
    for Work and Pensions [2008] EWHC 3158 (Admin) [92]). One sentence pasted against
    every characteristic suggests that no characteristic was thought about on its
    own, and the record of the steps taken is an important part of the evidence of
    what was considered (R (Bracking) v Secretary of State for Work and Pensions
    [2013] EWCA Civ 1345 [26]).

    ## Failing example

    ```yaml
    name: Customer access strategy
    impacts:
      - characteristic: race
        impact: positive
        details: Expected to have positive impacts on all customers.
      - characteristic: sex
        impact: positive
        details: Expected to have positive impacts on all customers.
      - characteristic: religion_belief
        impact: positive
        details: expected to have positive impacts on ALL customers
    ```

    ## Passing example

    ```yaml
    name: Customer access strategy
    impacts:
      - characteristic: race
        impact: positive
        details: Web pages in the ten most spoken community languages help recent arrivals.
      - characteristic: sex
        impact: neutral
        details: Channel use by sex is the same (2025 contact survey).
      - characteristic: religion_belief
        impact: positive
        details: Online booking lets residents avoid visits on religious holidays.
    ```
    """
    by_text: dict[str, list[int]] = {}
    for i, entry in enumerate(ctx.proposal.impacts):
        details = ctx.text(entry.details)
        if details.real:
            by_text.setdefault(details.key, []).append(i)
    repeated = {i: len(indices) for indices in by_text.values() for i in indices}
    for i, entry in enumerate(ctx.proposal.impacts):
        count = repeated.get(i, 0)
        if count >= _BOILERPLATE_MIN:
            yield Hit(
                f"/impacts/{i}/details",
                _(
                    "The details for {entry} are the same text as {others} other entries: say "
                    "how the proposal affects this group in particular.",
                    entry=entry_term(entry),
                    others=count - 1,
                ),
                entry.characteristic.code,
            )


@rule(
    code="PSED502",
    name="adverse-language-not-negative",
    severity="warning",
    status="draft",
    references=(GENERAL_DUTY, BROWN_92, BRIDGES),
)
def adverse_language_not_negative(ctx: Context) -> Iterator[Hit]:
    """An entry marked positive, neutral or not applicable describes an adverse effect.

    ## What it checks

    Each entry whose `impact` is `positive`, `neutral` or `not_applicable` and whose
    `details` use adverse language: exclude, disadvantage, adverse, adversely,
    detriment, detrimental, barrier, "negative impact", "negatively affect", "unable
    to access", "cannot afford", "can't afford", "struggle to", "lose access", "loss
    of", "less able", "harder to", "discriminate". Matching ignores case and is on
    whole words; a one-word phrase matches any inflection (excluded, exclusion,
    barriers, discrimination), a longer one an inflected first or last word
    (struggled to, lost access, negative impacts). A hyphenated compound is one word,
    so "barrier-free" and "non-discriminatory" do not match. A phrase does not count
    when one of no, not, nor, never, without, none, neither, unlikely, avoid,
    prevent, mitigate, minimise, minimize, reduce, remove, eliminate, address or
    tackle (in any inflection), "cannot" or a word ending in "n't" stands within the
    four words before it in the same sentence ("will not exclude", "removing
    barriers", "won't disadvantage"). Details written in Welsh are read the same way:
    anfantais, allgáu (or allgau), eithrio, andwyol, niweidiol, rhwystr, "effaith
    negyddol", "effeithio'n negyddol", "methu cael mynediad", "methu fforddio",
    trafferth, "colli mynediad", "llai abl", anoddach and gwahaniaethu, each also in
    its mutated forms (rwystr, fethu, golli, wahaniaethu), not counting when dim, ddim,
    heb, ni, nid, nad, na, nac, byth, annhebygol, osgoi, atal, lliniaru, lleihau or
    dileu stands within the four words before ("ni fydd unrhyw anfantais"). Reported
    at the entry's `impact`, naming the phrases found.

    ## Why it matters

    An impact marked positive while its own text describes people being excluded is
    the clearest sign that the box was ticked without the reasoning being read. A
    policy that looks neutral may still hit a group disproportionately (R (Bridges) v
    Chief Constable of South Wales Police [2020] EWCA Civ 1058 [175]-[181]), and due
    regard under Equality Act 2010 s149(1) means facing that with rigour (R (Brown) v
    Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin) [92]). Mark the
    entry `mixed` or `negative` and record the mitigation, or reword the details.

    ## Failing example

    ```yaml
    name: Customer access strategy
    impacts:
      - characteristic: age
        impact: positive
        details: Moving contact online may exclude some older people from the benefits.
    ```

    ## Passing example

    ```yaml
    name: Customer access strategy
    impacts:
      - characteristic: age
        impact: positive
        details: Phone and face-to-face channels stay, so no older person is excluded.
    ```
    """
    for i, entry in enumerate(ctx.proposal.impacts):
        if entry.impact not in _NOT_ADVERSE:
            continue
        phrases = ctx.text(entry.details).adverse
        if phrases:
            quoted = ", ".join(f'"{p}"' for p in phrases)
            yield Hit(
                f"/impacts/{i}/impact",
                _(
                    "{entry} is marked {impact} but its details describe an adverse effect "
                    "({phrases}): mark it mixed or negative and record the mitigation, or "
                    "reword the details.",
                    entry=entry_term(entry),
                    impact=impact_term(entry.impact),
                    phrases=quoted,
                ),
                entry.characteristic.code,
            )


@rule(
    code="PSED503",
    name="intersections-not-considered",
    severity="info",
    status="submitted",
    references=(AUDIT_WALES_2022, GENERAL_DUTY),
)
def intersections_not_considered(ctx: Context) -> Iterator[Hit]:
    """Several characteristics are adversely affected, but their combination is not considered.

    ## What it checks

    Two or more entries of different characteristics are `negative` or `mixed`, and
    `intersections` holds no entry with real `details` (how the characteristics
    combine, such as older disabled people). Reported once, at `/intersections`,
    naming the characteristics. Two entries of one characteristic (two age groups)
    do not count. `info`: a prompt, not a gap in the law.

    ## Why it matters

    People who share several affected characteristics (older disabled residents,
    young Black men, disabled women) may be hit hardest, and an assessment that looks
    at each characteristic alone can miss them. Audit Wales found that none of the
    assessments it reviewed considered how protected characteristics intersect
    (Audit Wales, Equality Impact Assessments: more than a tick box exercise?
    (2022)). This is good practice, not a legal requirement: due regard under Equality
    Act 2010 s149(1) is owed for each relevant characteristic, and the Act's provision
    on combined discrimination (s14, dual discrimination) has never been brought into
    force.

    ## Failing example

    ```yaml
    name: Customer access strategy
    status: submitted
    impacts:
      - characteristic: age
        impact: mixed
        details: Moving contact online may exclude some older people from the benefits.
      - characteristic: disability
        impact: mixed
        details: Some disabled people struggle to use online forms without support.
    ```

    ## Passing example

    ```yaml
    name: Customer access strategy
    status: submitted
    intersections:
      - characteristics: [age, disability]
        details: Older disabled people are the least likely to be online.
    impacts:
      - characteristic: age
        impact: mixed
        details: Moving contact online may exclude some older people from the benefits.
      - characteristic: disability
        impact: mixed
        details: Some disabled people struggle to use online forms without support.
    ```
    """
    if any(ctx.text(i.details).real for i in ctx.proposal.intersections):
        return
    adverse: dict[str, Arg] = {}
    for entry in ctx.proposal.impacts:
        if entry.impact.is_adverse:
            adverse.setdefault(entry.characteristic.code, characteristic_term(entry.characteristic))
    if len(adverse) >= 2:
        yield Hit(
            "/intersections",
            _(
                "{characteristics} are each adversely affected, but no intersection is "
                "recorded: say how the proposal affects people who share more than one of "
                "these characteristics.",
                characteristics=listing(list(adverse.values())),
            ),
        )
