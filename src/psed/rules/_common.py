"""Small helpers shared by the built-in rule families (not part of the public API)."""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Sequence

from psed import law as _law
from psed._i18n import Arg, Message, _, label
from psed._i18n_tables import CHARACTERISTIC, DUTY, IMPACT_IN_SENTENCE, LIMB, enum_context
from psed._text import is_placeholder
from psed.catalogue import BUILTIN_CHARACTERISTICS, NI_CATEGORIES
from psed.law import (
    ENGLAND_AND_WALES,
    EQUALITY_DUTIES,
    GB_EQUALITY_DUTIES,
    GENERAL_DUTY,
    GREAT_BRITAIN,
    Basis,
    Reference,
)
from psed.model import Characteristic, Impact, ImpactEntry, Mitigation, MitigationStatus
from psed.rules._registry import Context

__all__ = [
    "BRACKING",
    "BRACKING_26",
    "BROWN",
    "GENERAL_DUTY",
    "S149_1",
    "adverse_terms",
    "characteristic_label",
    "characteristic_term",
    "duty_term",
    "entry_term",
    "enum_term",
    "impact_term",
    "is_real_mitigation",
    "label_term",
    "limb_term",
    "listing",
]

# The references the built-in rules cite, as data: each says whether it is law or
# practice and under which duties (see psed.law) a finding may cite it. Provisions
# belong to their own duty; the due-regard cases of England and Wales are cited under
# the equality duties, binding in England and Wales and persuasive elsewhere (where a
# finding cites them only after the jurisdiction's own provision).

_S149 = frozenset({_law.EA_S149})
_GB_EQUALITY = frozenset(GB_EQUALITY_DUTIES)


def _s149(citation: str, **extra: object) -> Reference:
    return Reference(citation=citation, duties=_S149, **extra)  # type: ignore[arg-type]


def _case(citation: str, duties: frozenset[str] = EQUALITY_DUTIES, **extra: object) -> Reference:
    return Reference(
        citation=citation,
        duties=duties,
        jurisdictions=ENGLAND_AND_WALES,
        case=True,
        **extra,  # type: ignore[arg-type]
    )


# Equality Act 2010 (Great Britain), under the s149 duty.
S149_1 = _s149("Equality Act 2010 s149(1)")
S149_3 = _s149("Equality Act 2010 s149(3)")
S149_3A = _s149("Equality Act 2010 s149(3)(a)")
S149_3B = _s149("Equality Act 2010 s149(3)(b)")
S149_7 = _s149("Equality Act 2010 s149(7)", characteristics=_law.S4_CODES)
S19_2D = _s149(
    "Equality Act 2010 s19(2)(d)",
    note="Justification of indirect discrimination (a proportionate means of achieving a "
    "legitimate aim): the test where an adverse impact may be discrimination, not a test "
    "s149 sets.",
)

# The due-regard cases (England and Wales).
_BROWN = "R (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin)"
BROWN_90 = _case(f"{_BROWN} [90]", note="Those who decide must be aware of the duty.")
BROWN_91 = _case(
    f"{_BROWN} [91]", note="Due regard is had before and at the time, not as a rearguard action."
)
BROWN_92 = _case(f"{_BROWN} [92]", note="In substance, with rigour and an open mind.")
BROWN_93 = _case(
    f"{_BROWN} [93]",
    basis=Basis.PRACTICE,
    note="Referring to the duty expressly is good practice, not a requirement.",
)
BROWN_94 = _case(
    f"{_BROWN} [94]",
    note="Non-delegable: the authority stays responsible where a third party does the work.",
)
BROWN_95 = _case(f"{_BROWN} [95]", note="The duty is continuing.")
BROWN_96 = _case(
    f"{_BROWN} [96]",
    basis=Basis.PRACTICE,
    note="It is good practice to keep an adequate record of the consideration given.",
)
BRACKING_26 = _case(
    "R (Bracking) v Secretary of State for Work and Pensions [2013] EWCA Civ 1345 [26]",
    note="The record of the steps taken is an important evidential element; the duty is the "
    "decision-maker's personally (officials' knowledge is not attributed to them); there is "
    "a duty to take steps to gather the information needed.",
)
BRIDGES = _case(
    "R (Bridges) v Chief Constable of South Wales Police [2020] EWCA Civ 1058 [175]-[181]",
    note="Reasonable steps to find out what is not yet known about a policy's effect.",
)
SHEAKH = _case(
    "R (Sheakh) v Lambeth LBC [2022] EWCA Civ 457",
    note="s149 prescribes no procedure and requires regard, not a result; the obvious "
    "impacts must be understood before adoption; a staged assessment can be lawful.",
)
RAHMAN = _case(
    "R (Rahman) v Birmingham CC [2011] EWHC 944 (Admin)",
    note="An assessment the decision-makers did not have before them did not show due regard.",
)
HUNT = _case(
    "Hunt v North Somerset Council [2013] EWCA Civ 1320",
    note="The court could not infer that members had considered what they were not given "
    "or referred to.",
)
BAILEY = _case(
    "R (Bailey) v Brent LBC [2011] EWCA Civ 1586",
    note="Assessment and consultation integral to the decision, including a comparison of "
    "service users with the population.",
)
DAT = _case(
    "R (DAT) v West Berkshire Council [2016] EWHC 1876 (Admin)",
    duties=_S149,
    note="A report that paraphrased s149(1) misled the decision-makers.",
)
MOSELEY = _case(
    "R (Moseley) v Haringey LBC [2014] UKSC 56",
    duties=frozenset(),
    note="The Gunning principles of fair consultation, where consultation takes place.",
)

# Guidance (practice), Great Britain.
EHRC_2009 = Reference(
    citation="Equality and Human Rights Commission, Equality impact assessment guidance (2009)",
    basis=Basis.PRACTICE,
    duties=_GB_EQUALITY,
    jurisdictions=GREAT_BRITAIN,
    note="Written for the duties the Equality Act 2010 replaced; the source of the four "
    "outcomes councils record.",
)

# Wales.
_WALES_REGS = "Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011"
_WR = frozenset({_law.WALES_REGS})
WALES_REG5 = Reference(citation=f"{_WALES_REGS} reg 5", duties=_WR)
WALES_REG8_1A = Reference(citation=f"{_WALES_REGS} reg 8(1)(a)", duties=_WR)
WALES_REG8_1C = Reference(citation=f"{_WALES_REGS} reg 8(1)(c)", duties=_WR)
WALES_REG8_2 = Reference(citation=f"{_WALES_REGS} reg 8(2)", duties=_WR)
WALES_REG8_3A = Reference(citation=f"{_WALES_REGS} reg 8(3)(a)", duties=_WR)
WALES_REG8_3B = Reference(citation=f"{_WALES_REGS} reg 8(3)(b)", duties=_WR)

# Scotland.
SCOTLAND_REG5 = Reference(
    citation="Equality Act 2010 (Specific Duties) (Scotland) Regulations 2012 reg 5",
    duties=frozenset({_law.SCOTLAND_REGS}),
)

# Northern Ireland.
NI_SCH9_9 = Reference(
    citation="Northern Ireland Act 1998 Sch 9 para 9", duties=frozenset({_law.NI_S75})
)

_NI = frozenset({_law.NI_S75})
NI_SCH9_4_2B = Reference(
    citation="Northern Ireland Act 1998 Sch 9 para 4(2)(b)",
    duties=_NI,
    note="The equality scheme's arrangements for assessing and consulting on the likely "
    "impact of policies adopted or proposed to be adopted.",
)
NI_SCH9_4_2C = Reference(
    citation="Northern Ireland Act 1998 Sch 9 para 4(2)(c)",
    duties=_NI,
    note="The equality scheme's arrangements for monitoring any adverse impact of policies.",
)
NI_SCH9_9_1A = Reference(
    citation="Northern Ireland Act 1998 Sch 9 para 9(1)(a)",
    duties=_NI,
    note="Published results give details of the measures considered to mitigate adverse impact.",
)
NI_SCH9_9_1B = Reference(
    citation="Northern Ireland Act 1998 Sch 9 para 9(1)(b)",
    duties=_NI,
    note="Published results give details of the alternative policies considered.",
)
NI_SCH9_9_2 = Reference(
    citation="Northern Ireland Act 1998 Sch 9 para 9(2)",
    duties=_NI,
    note="In deciding on a policy, the authority takes the assessment and consultation into "
    "account.",
)
ECNI_GUIDE = Reference(
    citation="Equality Commission for Northern Ireland, Section 75 of the Northern Ireland "
    "Act 1998: A Guide for Public Authorities (2010)",
    basis=Basis.PRACTICE,
    duties=_NI,
    since=_dt.date(2010, 4, 1),
    note="Screening: screened out (no likely impact), screened out with mitigation (minor), "
    "screened in for a full assessment (major), each with its reasons.",
)

# Consultation and the quality of assessments (everywhere).
GUNNING = _case(
    "R v Brent LBC, ex p Gunning (1985) 84 LGR 168",
    duties=frozenset(),
    note="Fair consultation: at a formative stage, with reasons, adequate time, and responses "
    "conscientiously considered before the decision (approved in Moseley).",
)
CONSULTATION_PRINCIPLES = Reference(
    citation="Cabinet Office, Consultation Principles (2018)",
    basis=Basis.PRACTICE,
    since=_dt.date(2018, 1, 1),
    note="Government guidance, 2018 edition: a proportionate period, no minimum number of "
    "days (the 2008 Code of Practice said normally at least 12 weeks).",
)
AUDIT_WALES_2022 = Reference(
    citation="Audit Wales, Equality Impact Assessments: more than a tick box exercise? (2022)",
    basis=Basis.PRACTICE,
    since=_dt.date(2022, 9, 27),
    note="A review of practice: impact described generally, intersecting characteristics not "
    "considered, weak engagement and monitoring.",
)

# The form of a record, not a law: the structural codes cite the document format.
FORMAT = Reference(citation="psed document format, schema_version 1", basis=None)

# Older names kept for rule modules and plug-ins written against psed 0.1.
BROWN = _BROWN
BRACKING = "R (Bracking) v Secretary of State for Work and Pensions [2013] EWCA Civ 1345"


_NO_CHARACTERISTIC = "An entry with no characteristic"


def characteristic_label(ctx: Context, code: str) -> str:
    """The label people see for a characteristic code: the document's own, else the catalogue's."""
    for local in ctx.proposal.characteristics:
        if local.code == code:
            return local.label
    known = ctx.catalogue.characteristic(code)
    return known.label if known is not None else code


def characteristic_name(characteristic: Characteristic) -> str:
    """How a message names a characteristic: its label, else its code.

    An entry whose characteristic is missing (the reader reports that) still gets a
    name a person can find on the form.
    """
    return characteristic.label or characteristic.code or _NO_CHARACTERISTIC


def is_real_mitigation(ctx: Context, mitigation: Mitigation) -> bool:
    """True when a mitigation counts (PSED201): its action is given and it is not dropped."""
    return mitigation.status != MitigationStatus.DROPPED and ctx.text(mitigation.action).real


_BUILTIN_TERMS: dict[tuple[str, str], Message] = {
    (code, known.label): label(CHARACTERISTIC, known.label)
    for table in (BUILTIN_CHARACTERISTICS, NI_CATEGORIES)
    for code, known in table.items()
}
"""Each built-in characteristic's (code, English label) and its label to translate, made once."""


def characteristic_term(characteristic: Characteristic) -> Arg:
    """How a message names a characteristic, in the reader's language.

    A built-in label is translated; a label the document or the configuration gives
    is the organisation's own wording, shown as written.
    """
    name = characteristic_name(characteristic)
    term = _BUILTIN_TERMS.get((characteristic.code, name))
    if term is not None:
        return term
    if name == _NO_CHARACTERISTIC:
        return _("An entry with no characteristic")
    return name


def label_term(ctx: Context, code: str) -> Arg:
    """:func:`characteristic_label` in the reader's language (built-in labels translated)."""
    name = characteristic_label(ctx, code)
    return _BUILTIN_TERMS.get((code, name), name)


def entry_term(entry: ImpactEntry) -> Arg:
    """:func:`entry_label` in the reader's language: the characteristic and its group."""
    term = characteristic_term(entry.characteristic)
    group = entry.group
    if group is not None and not is_placeholder(group):
        return _("{characteristic} ({group})", characteristic=term, group=" ".join(group.split()))
    return term


def impact_term(impact: Impact) -> Message:
    """An impact as a sentence names it, in lower case: "marked not applicable"."""
    return label(IMPACT_IN_SENTENCE, impact.label.lower())


def listing(items: Sequence[Arg], *, either: bool = False) -> Arg:
    """Several names as one phrase: "Age, Race and Sex", or with ``either`` "... or Sex"."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        if either:
            return _("{first} or {last}", first=items[0], last=items[1])
        return _("{first} and {last}", first=items[0], last=items[1])
    return _("{first}, {rest}", first=items[0], rest=listing(items[1:], either=either))


def limb_term(limb: _law.Limb) -> Message:
    """A limb of a duty as a message names it ("crime and disorder"), translated."""
    return label(LIMB, limb.label)


def duty_term(duty: _law.Duty) -> Message:
    """A duty as a message names it ("socio-economic duty"), translated."""
    return label(DUTY, duty.title)


def adverse_terms(ctx: Context) -> list[Arg]:
    """The characteristics with a negative or mixed entry, in document order, named once each."""
    terms: dict[str, Arg] = {}
    for entry in ctx.proposal.impacts:
        if entry.impact.is_adverse:
            name = characteristic_name(entry.characteristic)
            terms.setdefault(name, characteristic_term(entry.characteristic))
    return list(terms.values())


def enum_term(member: enum.Enum) -> Message:
    """An enumeration's label as a sentence quotes it ("Screened out"), translated."""
    return label(enum_context(type(member).__name__), str(getattr(member, "label", member.value)))
