"""The law as at a date: duties with their commencement dates, and the references rules cite.

A court judges an assessment by the law in force when the decision was taken. This
module holds that law as data, as OpenFisca does for legislation:

- a :class:`Duty` is one statutory duty (or an organisation's own commitment): its
  citation, the jurisdictions where it applies, the day it came into force (and the
  last day, where it was replaced), the characteristics it needs an impact entry for,
  and, for the Crime and Disorder Act 1998 s17 duty, its limbs with their own dates;
- a :class:`Reference` is one citation a rule gives, marked as law or practice,
  with the duties under which it may be cited: a finding cites it only while one of
  those duties is in force for the document's framework, so a finding never cites
  another jurisdiction's law or law not yet (or no longer) in force;
- the **law date** of a document (:func:`law_date`) is the day its law is judged
  by: the decision date, else the approver's date, else the responsible officer's
  date, else the screening date, else the date of the check.

Frameworks (:mod:`psed.catalogue`) name their duties by id. :func:`law_at` gives
the rules what is in force for one document, and :func:`cite` turns a rule's
references into the citations of one finding.

>>> import datetime as dt
>>> BUILTIN_DUTIES["ea2010-s149"].in_force_on(dt.date(2011, 4, 4))
False
>>> BUILTIN_DUTIES["rra-s71"].in_force_on(dt.date(2011, 4, 4))
True
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from psed.model import _CodedEnum, _labels

if TYPE_CHECKING:  # pragma: no cover - imported for types only (catalogue imports this module)
    from psed.catalogue import Catalogue, Framework
    from psed.model import Proposal

__all__ = [
    "BUILTIN_DUTIES",
    "EQUALITY_DUTIES",
    "GENERAL_DUTY",
    "Basis",
    "Duty",
    "Jurisdiction",
    "LawAt",
    "LawDate",
    "LawDateSource",
    "Limb",
    "Reference",
    "Scope",
    "citations",
    "citations_under",
    "cite",
    "law_at",
    "law_date",
    "mentioned_limbs",
    "reference",
    "required_characteristics",
    "required_codes",
    "requirements",
]


class Jurisdiction(_CodedEnum):
    """One of the four legal jurisdictions (for these duties, the four nations) of the UK."""

    ENGLAND = "england"
    WALES = "wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern_ireland"


_labels(
    Jurisdiction,
    {
        "england": "England",
        "wales": "Wales",
        "scotland": "Scotland",
        "northern_ireland": "Northern Ireland",
    },
)

GREAT_BRITAIN = frozenset({Jurisdiction.ENGLAND, Jurisdiction.WALES, Jurisdiction.SCOTLAND})
ENGLAND_AND_WALES = frozenset({Jurisdiction.ENGLAND, Jurisdiction.WALES})
UNITED_KINGDOM = frozenset(Jurisdiction)


class Basis(_CodedEnum):
    """Whether a reference states what the law requires, or what is good practice."""

    LAW = "law"
    PRACTICE = "practice"


_labels(
    Basis,
    {
        "law": "Law: a statute, regulations, or a court's statement of what a duty requires",
        "practice": "Practice: guidance or good practice, not a legal requirement",
    },
)


class Scope(_CodedEnum):
    """Which decisions a duty covers."""

    ALL = "all"
    STRATEGIC = "strategic"
    STRATEGIC_UNLESS_NOT = "strategic_unless_not"
    FUNCTIONS = "functions"


_labels(
    Scope,
    {
        "all": "Every decision",
        "strategic": "Strategic decisions (the document says strategic: true)",
        "strategic_unless_not": "Strategic decisions (unless the document says strategic: false)",
        "functions": "Decisions in the listed functions (the document's functions)",
    },
)


class LawDateSource(_CodedEnum):
    """Where a document's law date came from."""

    GIVEN = "given"
    DECISION = "decision"
    APPROVER = "approver"
    RESPONSIBLE = "responsible"
    SCREENING = "screening"
    AS_OF = "as_of"


_labels(
    LawDateSource,
    {
        "given": "the law date given to the check",
        "decision": "the decision date",
        "approver": "the approver's date",
        "responsible": "the responsible officer's date",
        "screening": "the screening date",
        "as_of": "the date of the check (the document gives no date)",
    },
)

LAW_DATE_POINTERS: Mapping[LawDateSource, str] = MappingProxyType(
    {
        LawDateSource.DECISION: "/decision/date",
        LawDateSource.APPROVER: "/approver/date",
        LawDateSource.RESPONSIBLE: "/responsible/date",
        LawDateSource.SCREENING: "/screening/date",
    }
)
"""The field each document source of the law date is read from (JSON Pointer)."""


def _date_or_none(value: _dt.date | str | None) -> _dt.date | None:
    if value is None or (isinstance(value, _dt.date) and not isinstance(value, _dt.datetime)):
        return value
    if isinstance(value, str):
        return _dt.date.fromisoformat(value)
    raise TypeError(f"expected a datetime.date or None, not {type(value).__name__}")


def _jurisdictions(value: Iterable[Jurisdiction | str]) -> frozenset[Jurisdiction]:
    if isinstance(value, (str, Jurisdiction)):
        value = (value,)
    return frozenset(Jurisdiction(v) for v in value)


def _strings(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset((value,))
    return frozenset(value)


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _basis_or_none(value: Basis | str | None) -> Basis | None:
    return None if value is None else Basis(value)


@attrs.frozen(kw_only=True)
class Reference:
    """One citation a rule gives, with the law-or-practice mark and where it may be cited.

    A finding cites a reference only while one of its ``duties`` applies to the
    document (in force on the law date, for the document's framework); a reference
    with no duties is cited under every framework. ``jurisdictions`` limits a
    provision to those jurisdictions; for a court decision (``case=True``) it names
    where the decision binds: elsewhere it is persuasive only, and is cited after the
    jurisdiction's own provision, never alone. ``since`` and ``until`` date a
    provision that was inserted or amended later than its duty began.
    """

    citation: str
    """The citation as people write it, such as ``Equality Act 2010 s149(1)``."""
    basis: Basis | None = attrs.field(default=Basis.LAW, converter=_basis_or_none)
    """Law or practice; None when the rule's author did not say (plain-text references)."""
    duties: frozenset[str] = attrs.field(default=frozenset(), converter=_strings)
    """The ids of the duties under which this is cited; empty for every framework."""
    jurisdictions: frozenset[Jurisdiction] = attrs.field(
        default=frozenset(), converter=_jurisdictions
    )
    """Where a provision applies, or where a decision binds; empty for wherever its duties apply."""
    case: bool = False
    """True for a court decision (binding where ``jurisdictions`` says, persuasive elsewhere)."""
    characteristics: frozenset[str] = attrs.field(default=frozenset(), converter=_strings)
    """When given, cited only for findings about one of these characteristics."""
    since: _dt.date | None = attrs.field(default=None, converter=_date_or_none)
    """The first day the provision can be cited (a later insertion or amendment)."""
    until: _dt.date | None = attrs.field(default=None, converter=_date_or_none)
    """The last day the provision can be cited (a later repeal or renumbering)."""
    note: str = ""
    """What the reference supports, where the citation alone does not say (shown in the docs)."""
    general: bool = False
    """True only for :data:`GENERAL_DUTY`: stands for the general provision of each duty."""

    def __str__(self) -> str:
        return self.citation


def reference(citation: str | Reference) -> Reference:
    """A :class:`Reference` from a rule's ``references`` entry: text is kept as given.

    Plain text (a plug-in's own citation) is cited under every framework and has no
    law-or-practice mark.

    >>> reference("Example Council records policy 2024, para 4.2").basis is None
    True
    """
    if isinstance(citation, Reference):
        return citation
    if not isinstance(citation, str):
        raise TypeError(
            f"a reference is text or a psed.law.Reference, not {type(citation).__name__}"
        )
    return Reference(citation=citation, basis=None)


GENERAL_DUTY = Reference(
    citation="the general duty in force (such as Equality Act 2010 s149(1))",
    general=True,
)
"""Stands for the general provision of each duty that applies to the finding.

For a finding about a characteristic it is the general provision of the duties that
need an entry for that characteristic (Equality Act 2010 s149(1) for age in England
today; Race Relations Act 1976 s71(1) for race in 2008; Northern Ireland Act 1998
s75(1) in Northern Ireland); for a finding about the whole document, that of each
equality duty in force.
"""


@attrs.frozen(kw_only=True)
class Limb:
    """One limb of a duty with limbs (Crime and Disorder Act 1998 s17), with its own dates."""

    id: str
    """A lower-snake-case id, such as ``re_offending``."""
    label: str
    """How a message names the limb, such as "re-offending"."""
    citation: str
    """The provision, such as ``Crime and Disorder Act 1998 s17(1)(c)``."""
    commenced: tuple[tuple[Jurisdiction, _dt.date], ...]
    """The day the limb came into force in each jurisdiction where it applies."""
    terms: str
    """A regular expression (whole words, any case) for the words that show it was considered."""
    source: str = ""
    """Where the dates come from."""
    confirmed: bool = True
    """False when the date rests on a secondary source only."""

    def in_force_on(self, day: _dt.date, jurisdiction: Jurisdiction) -> bool:
        """True when the limb was in force in ``jurisdiction`` on ``day``."""
        for where, start in self.commenced:
            if where is jurisdiction:
                return start <= day
        return False

    def commencement(self, jurisdiction: Jurisdiction) -> _dt.date | None:
        """The day the limb came into force in ``jurisdiction``, or None if it does not apply."""
        for where, start in self.commenced:
            if where is jurisdiction:
                return start
        return None


def _references(value: Iterable[Reference]) -> tuple[Reference, ...]:
    return tuple(value)


def _limbs(value: Iterable[Limb]) -> tuple[Limb, ...]:
    return tuple(value)


def _sections(
    value: Mapping[Jurisdiction | str, str] | Iterable[tuple[Jurisdiction | str, str]],
) -> tuple[tuple[Jurisdiction, str], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    return tuple((Jurisdiction(j), str(c)) for j, c in pairs)


@attrs.frozen(kw_only=True)
class Duty:
    """A duty with its dates, the jurisdictions where it applies and what it requires.

    Built-in duties are in :data:`BUILTIN_DUTIES`; an organisation may define its own
    (in Python with :func:`psed.register_duty`, or in the configuration file) and name
    them in a framework's ``duties``.
    """

    id: str
    """The id frameworks name it by, such as ``ea2010-s149``."""
    citation: str
    """The provision, such as ``Equality Act 2010 s149``."""
    title: str
    """A short name, such as "Public sector equality duty"."""
    jurisdictions: frozenset[Jurisdiction] = attrs.field(converter=_jurisdictions)
    """Where the duty applies."""
    in_force: _dt.date | None = attrs.field(default=None, converter=_date_or_none)
    """The first day in force; None when no commencement is recorded (an organisation's own)."""
    until: _dt.date | None = attrs.field(default=None, converter=_date_or_none)
    """The last day in force, where the duty was repealed or replaced."""
    requires: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """The characteristics the duty needs an impact entry for."""
    required_by: str = "PSED101"
    """The rule that reports a missing entry for :attr:`requires`."""
    scope: Scope = attrs.field(default=Scope.ALL, converter=Scope)
    """Which decisions the duty covers."""
    functions: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """For ``scope=functions``: the function codes that bring the duty."""
    general: str = ""
    """The provision stating the duty itself, such as ``Equality Act 2010 s149(1)``."""
    sections: tuple[tuple[Jurisdiction, str], ...] = attrs.field(default=(), converter=_sections)
    """Where the general provision differs by jurisdiction: (jurisdiction, citation) pairs."""
    also: tuple[Reference, ...] = attrs.field(default=(), converter=_references)
    """Provisions cited with the general one (for a characteristic, where they name it)."""
    equality: bool = False
    """True for the equality duties (the PSED, the duties it replaced, NI s75 and s49A)."""
    limbs: tuple[Limb, ...] = attrs.field(default=(), converter=_limbs)
    """The limbs, for a duty that has them (s17)."""
    basis: Basis = attrs.field(default=Basis.LAW, converter=Basis)
    """``law`` for a statutory duty; ``practice`` for an organisation's own commitment."""
    configurable: bool = False
    """True when the commencement differs by body and may be set in configuration."""
    source: str = ""
    """Where the dates come from."""
    confirmed: bool = True
    """False when a date rests on a secondary source only."""
    note: str = ""
    """What a reader should know (who it binds, what it covers)."""

    def in_force_on(self, day: _dt.date) -> bool:
        """True when the duty was in force on ``day``."""
        if self.in_force is not None and day < self.in_force:
            return False
        return not (self.until is not None and day > self.until)

    def general_in(self, jurisdiction: Jurisdiction) -> str:
        """The general provision as cited in ``jurisdiction``."""
        for where, citation in self.sections:
            if where is jurisdiction:
                return citation
        return self.general or self.citation

    def covers(self, proposal: Proposal) -> bool:
        """True when the duty covers the decision the document records (its :attr:`scope`)."""
        if self.scope is Scope.ALL:
            return True
        if self.scope is Scope.STRATEGIC:
            return _strategic(proposal) is True
        if self.scope is Scope.STRATEGIC_UNLESS_NOT:
            return _strategic(proposal) is not False
        functions = _functions(proposal)
        return any(code in functions for code in self.functions)


def _strategic(proposal: Proposal) -> bool | None:
    return proposal.strategic


def _functions(proposal: Proposal) -> tuple[str, ...]:
    return proposal.functions


# --------------------------------------------------------------------------- duties

EA_S149 = "ea2010-s149"
RRA_S71 = "rra-s71"
DDA_S49A = "dda-s49a"
SDA_S76A = "sda-s76a"
CDA_S17 = "cda-s17"
WALES_SED = "wales-sed"
WALES_REGS = "wales-regs-2011"
WELSH_LANGUAGE = "welsh-language-standards"
SCOTLAND_REGS = "scotland-regs-2012"
FAIRER_SCOTLAND = "fairer-scotland"
NI_S75 = "ni-s75"
NI_DDA_S49A = "ni-dda-s49a"
ARMED_FORCES = "armed-forces-covenant"

S4_CODES: tuple[str, ...] = (
    "age",
    "disability",
    "gender_reassignment",
    "marriage_civil_partnership",
    "pregnancy_maternity",
    "race",
    "religion_belief",
    "sex",
    "sexual_orientation",
)
S75_CODES: tuple[str, ...] = (
    "religious_belief",
    "political_opinion",
    "racial_group",
    "age",
    "marital_status",
    "sexual_orientation",
    "men_women",
    "disability",
    "dependants",
)

_LEGACY_END = _dt.date(2011, 4, 4)
_LEGACY_REPEAL = (
    "Replaced by Equality Act 2010 s149 from 5 April 2011 (SI 2011/1066); decisions up to "
    "4 April 2011 fall under it."
)

_W = r"(?<![\w-])(?:{})(?![\w-])"

_S17_LIMBS = (
    Limb(
        id="crime_disorder",
        label="crime and disorder",
        citation="Crime and Disorder Act 1998 s17(1)",
        commenced=(
            (Jurisdiction.ENGLAND, _dt.date(1998, 9, 30)),
            (Jurisdiction.WALES, _dt.date(1998, 9, 30)),
        ),
        # In Welsh too, with the mutated forms: trosedd (crime), anhrefn (disorder).
        terms=r"crimes?|criminal|criminality|disorders?"
        r"|(?:t|d|th|nh)rosedd(?:au|ol|u)?|anhrefn",
        source="SI 1998/2327 art 2(1)(f)",
    ),
    Limb(
        id="anti_social_behaviour",
        label="anti-social and other behaviour adversely affecting the local environment",
        citation="Crime and Disorder Act 1998 s17(1)(a)",
        commenced=(
            (Jurisdiction.ENGLAND, _dt.date(2007, 8, 1)),
            (Jurisdiction.WALES, _dt.date(2007, 11, 19)),
        ),
        # Welsh: ymddygiad gwrthgymdeithasol, (yr) amgylchedd lleol.
        terms=r"anti[\s\-\u2010\u2011]?social\s+behaviou?rs?|asb|local\s+environment"
        r"|g?wrthgymdeithasol|h?amgylchedd\s+lleol",
        source="Police and Justice Act 2006 s22 and Sch 9 (legislation.gov.uk annotations)",
    ),
    Limb(
        id="substance_misuse",
        label="the misuse of drugs, alcohol and other substances",
        citation="Crime and Disorder Act 1998 s17(1)(b)",
        commenced=(
            (Jurisdiction.ENGLAND, _dt.date(2007, 8, 1)),
            (Jurisdiction.WALES, _dt.date(2007, 11, 19)),
        ),
        # Welsh: cyffuriau (drugs), alcohol, sylweddau (substances), camddefnyddio (misuse).
        terms=r"drugs?|alcohol|substance\s+(?:mis)?use|substances"
        r"|(?:c|g|ch|ngh)yffur(?:iau)?|sylwedd(?:au)?|(?:c|g|ch|ngh)amddefnydd(?:io)?",
        source="Police and Justice Act 2006 s22 and Sch 9 (legislation.gov.uk annotations)",
    ),
    Limb(
        id="re_offending",
        label="re-offending",
        citation="Crime and Disorder Act 1998 s17(1)(c)",
        commenced=(
            (Jurisdiction.ENGLAND, _dt.date(2010, 4, 1)),
            (Jurisdiction.WALES, _dt.date(2010, 4, 1)),
        ),
        # Welsh: aildroseddu (re-offending), aildroseddwyr (re-offenders).
        terms=r"re[\s\-\u2010\u2011]?offend(?:ing|ers?|s|ed)?"
        r"|h?ail[\s\-\u2010\u2011]?droseddu|h?ail[\s\-\u2010\u2011]?droseddwyr",
        source="Policing and Crime Act 2009 s108; the exact commencement date was not found "
        "(about 1 April 2010)",
        confirmed=False,
    ),
    Limb(
        id="serious_violence",
        label="serious violence",
        citation="Crime and Disorder Act 1998 s17(1)(d)",
        commenced=(
            (Jurisdiction.ENGLAND, _dt.date(2023, 1, 31)),
            (Jurisdiction.WALES, _dt.date(2023, 1, 31)),
        ),
        # Welsh: trais (violence), treisgar (violent), with their mutated forms.
        terms=r"violence|violent|(?:t|d|th|nh)rais|(?:t|d|th|nh)reisgar",
        source="Police, Crime, Sentencing and Courts Act 2022 s20",
        confirmed=False,
    ),
)

_LIMB_PATTERNS = {limb.id: re.compile(_W.format(limb.terms), re.IGNORECASE) for limb in _S17_LIMBS}


def _duties(*duties: Duty) -> Mapping[str, Duty]:
    return MappingProxyType({d.id: d for d in duties})


BUILTIN_DUTIES: Mapping[str, Duty] = _duties(
    Duty(
        id=EA_S149,
        citation="Equality Act 2010 s149",
        title="Public sector equality duty",
        jurisdictions=GREAT_BRITAIN,
        in_force=_dt.date(2011, 4, 5),
        requires=S4_CODES,
        general="Equality Act 2010 s149(1)",
        equality=True,
        source="Commenced by SI 2011/1066 (legislation.gov.uk/ukpga/2010/15/section/149); "
        "some secondary sources wrongly give 6 April 2011",
        note="Due regard to the three needs of s149(1) for the relevant protected "
        "characteristics of s149(7): eight of the nine of s4; marriage and civil "
        "partnership counts for s149(1)(a) only.",
    ),
    Duty(
        id=RRA_S71,
        citation="Race Relations Act 1976 s71",
        title="Race equality duty",
        jurisdictions=GREAT_BRITAIN,
        in_force=_dt.date(2001, 4, 2),
        until=_LEGACY_END,
        requires=("race",),
        general="Race Relations Act 1976 s71(1)",
        equality=True,
        source="Substituted by the Race Relations (Amendment) Act 2000 s2 and commenced by "
        "SI 2001/566 (legislation.gov.uk/ukpga/2000/34)",
        confirmed=False,
        note=_LEGACY_REPEAL,
    ),
    Duty(
        id=DDA_S49A,
        citation="Disability Discrimination Act 1995 s49A",
        title="Disability equality duty",
        jurisdictions=GREAT_BRITAIN,
        in_force=_dt.date(2006, 12, 4),
        until=_LEGACY_END,
        requires=("disability",),
        general="Disability Discrimination Act 1995 s49A(1)",
        equality=True,
        source="Inserted by the Disability Discrimination Act 2005 s3; SI 2005/2774 "
        "(legislation.gov.uk/ukpga/1995/50/section/49A): in force for some purposes from "
        "5 December 2005 and otherwise from 4 December 2006",
        note=_LEGACY_REPEAL,
    ),
    Duty(
        id=SDA_S76A,
        citation="Sex Discrimination Act 1975 s76A",
        title="Gender equality duty",
        jurisdictions=GREAT_BRITAIN,
        in_force=_dt.date(2007, 4, 6),
        until=_LEGACY_END,
        requires=("sex",),
        general="Sex Discrimination Act 1975 s76A(1)",
        equality=True,
        source="Inserted by the Equality Act 2006 s84; SI 2006/2930 art 1",
        note="Covered men and women; gender reassignment only for eliminating unlawful "
        "discrimination and harassment. " + _LEGACY_REPEAL,
    ),
    Duty(
        id=CDA_S17,
        citation="Crime and Disorder Act 1998 s17",
        title="Community safety duty",
        jurisdictions=ENGLAND_AND_WALES,
        in_force=_dt.date(1998, 9, 30),
        requires=("community_safety",),
        general="Crime and Disorder Act 1998 s17(1)",
        limbs=_S17_LIMBS,
        source="SI 1998/2327 art 2(1)(f) (legislation.gov.uk/ukpga/1998/37, annotations)",
        note="Binds local authorities and the other bodies listed in s17(2); the limbs were "
        "added over time (see the limbs below).",
    ),
    Duty(
        id=WALES_SED,
        citation="Equality Act 2010 s1 (Wales)",
        title="Socio-economic duty (Wales)",
        jurisdictions={Jurisdiction.WALES},
        in_force=_dt.date(2021, 3, 31),
        requires=("socio_economic",),
        scope=Scope.STRATEGIC_UNLESS_NOT,
        general="Equality Act 2010 s1(1)",
        source='Welsh Government, "A more equal Wales" (law.gov.wales)',
        confirmed=False,
        note="Strategic decisions of the Welsh bodies listed in s1: due regard to reducing "
        "the inequalities of outcome that result from socio-economic disadvantage. Not in "
        "force in England.",
    ),
    Duty(
        id=WALES_REGS,
        citation="Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011",
        title="Welsh specific equality duties",
        jurisdictions={Jurisdiction.WALES},
        in_force=_dt.date(2011, 4, 6),
        general="Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011 reg 8",
        source="WSI 2011/1064 (legislation.data.gov.uk/wsi/2011/1064/made)",
        note="Reg 8: assess the likely impact of proposed policies, monitor, and publish "
        "reports of substantial impacts; regs 5 and 8(3)(a): engage people who represent "
        "protected groups when assessing.",
    ),
    Duty(
        id=WELSH_LANGUAGE,
        citation="Welsh Language Standards (No. 1) Regulations 2015",
        title="Welsh Language Standards: policy making",
        jurisdictions={Jurisdiction.WALES},
        in_force=_dt.date(2016, 3, 30),
        requires=("welsh_language",),
        general="Welsh Language Standards (No. 1) Regulations 2015 standard 88",
        configurable=True,
        source="WSI 2015/996, made under the Welsh Language (Wales) Measure 2011; each body's "
        "compliance notice sets its date (30 March or 30 September 2016 for councils; "
        "30 March 2016 by default, which a configuration may change)",
        note="Binds bodies with a compliance notice. Standards 88-93 (numbered differently "
        "in other sets of standards): consider the effects of a policy decision on "
        "opportunities to use Welsh and on treating Welsh no less favourably than English.",
    ),
    Duty(
        id=SCOTLAND_REGS,
        citation="Equality Act 2010 (Specific Duties) (Scotland) Regulations 2012",
        title="Scottish specific equality duties",
        jurisdictions={Jurisdiction.SCOTLAND},
        in_force=_dt.date(2012, 5, 27),
        general="Equality Act 2010 (Specific Duties) (Scotland) Regulations 2012 reg 5",
        source="SSI 2012/162 reg 1 (legislation.gov.uk/ssi/2012/162)",
        note="Reg 5: assess proposed and revised policies against the needs of s149(1), "
        "consider relevant evidence (including from the people affected), take account of "
        "the results, publish them, and review.",
    ),
    Duty(
        id=FAIRER_SCOTLAND,
        citation="Equality Act 2010 s1 (Scotland)",
        title="Fairer Scotland Duty",
        jurisdictions={Jurisdiction.SCOTLAND},
        in_force=_dt.date(2018, 4, 1),
        requires=("socio_economic",),
        required_by="PSED602",
        scope=Scope.STRATEGIC,
        general="Equality Act 2010 s1(1)",
        source="SSI 2018/101 (legislation.gov.uk/ssi/2018/101/made)",
        note="Strategic decisions of the Scottish bodies listed: due regard to reducing the "
        "inequalities of outcome that result from socio-economic disadvantage. The Act "
        "does not require a written assessment to be published; the statutory guidance "
        "recommends it.",
    ),
    Duty(
        id=NI_S75,
        citation="Northern Ireland Act 1998 s75 and Sch 9",
        title="Section 75 statutory equality and good relations duties",
        jurisdictions={Jurisdiction.NORTHERN_IRELAND},
        in_force=_dt.date(2000, 1, 1),
        requires=S75_CODES,
        general="Northern Ireland Act 1998 s75(1)",
        also=(
            Reference(
                citation="Northern Ireland Act 1998 s75(2)",
                duties={NI_S75},
                characteristics=("religious_belief", "political_opinion", "racial_group"),
            ),
        ),
        equality=True,
        source="SI 1999/2204 art 4 (legislation.gov.uk/ukpga/1998/47/schedule/9)",
        note="s75(1): due regard to the need to promote equality of opportunity across the "
        "nine categories; s75(2): regard to the desirability of promoting good relations "
        "between persons of different religious belief, political opinion or racial group. "
        "Enforced mainly through the Equality Commission's complaints procedure under Sch 9.",
    ),
    Duty(
        id=NI_DDA_S49A,
        citation="Disability Discrimination Act 1995 s49A (Northern Ireland)",
        title="Disability duties (Northern Ireland)",
        jurisdictions={Jurisdiction.NORTHERN_IRELAND},
        in_force=_dt.date(2007, 1, 1),
        requires=("disability",),
        general="Disability Discrimination Act 1995 s49A(1) (Northern Ireland)",
        equality=True,
        source="Inserted for Northern Ireland by the Disability Discrimination (Northern "
        "Ireland) Order 2006 art 5; in force 1 January 2007 (Equality Commission for "
        "Northern Ireland)",
        confirmed=False,
        note="Due regard to the need to promote positive attitudes towards disabled people "
        "and to encourage their participation in public life.",
    ),
    Duty(
        id=ARMED_FORCES,
        citation="Armed Forces Act 2006 ss343AA-343AD",
        title="Armed Forces covenant duty",
        jurisdictions=UNITED_KINGDOM,
        in_force=_dt.date(2022, 11, 22),
        requires=("armed_forces",),
        required_by="PSED603",
        scope=Scope.FUNCTIONS,
        functions=("housing", "education", "health"),
        general="Armed Forces Act 2006 s343AA",
        sections=(
            (Jurisdiction.ENGLAND, "Armed Forces Act 2006 s343AA"),
            (Jurisdiction.WALES, "Armed Forces Act 2006 s343AB"),
            (Jurisdiction.SCOTLAND, "Armed Forces Act 2006 s343AC"),
            (Jurisdiction.NORTHERN_IRELAND, "Armed Forces Act 2006 s343AD"),
        ),
        source="Inserted by the Armed Forces Act 2021 s8; SI 2022/1160 "
        "(legislation.gov.uk/uksi/2022/1160/note/made)",
        note="Due regard to the armed forces community in specified housing, education and "
        "healthcare functions: s343AA (England), s343AB (Wales), s343AC (Scotland), "
        "s343AD (Northern Ireland).",
    ),
)
"""Every built-in duty by id, oldest first within each jurisdiction."""

EQUALITY_DUTIES = frozenset(d.id for d in BUILTIN_DUTIES.values() if d.equality)
"""The ids of the built-in equality duties, under which the due-regard cases are cited."""

GB_EQUALITY_DUTIES = (EA_S149, RRA_S71, DDA_S49A, SDA_S76A)
"""The general equality duties of Great Britain: s149 and the three duties it replaced."""


# ----------------------------------------------------------------------- law date


@attrs.frozen
class LawDate:
    """The day a document's law is judged by, and where that day came from."""

    date: _dt.date
    source: LawDateSource

    @property
    def pointer(self) -> str | None:
        """The document field the date was read from (JSON Pointer), or None."""
        return LAW_DATE_POINTERS.get(self.source)


def law_date(proposal: Proposal, as_of: _dt.date, *, given: _dt.date | None = None) -> LawDate:
    """The law date of a document: ``given`` if set, else the first date the document has.

    In order: ``decision.date``, the approver's date, the responsible officer's date,
    ``screening.date``; when the document has none of them, ``as_of`` (the date of
    the check).
    """
    if given is not None:
        return LawDate(given, LawDateSource.GIVEN)
    decision = proposal.decision
    if decision is not None and decision.date is not None:
        return LawDate(decision.date, LawDateSource.DECISION)
    for source, signoff in (
        (LawDateSource.APPROVER, proposal.approver),
        (LawDateSource.RESPONSIBLE, proposal.responsible),
    ):
        if signoff is not None and signoff.date is not None:
            return LawDate(signoff.date, source)
    screening = proposal.screening
    if screening is not None and screening.date is not None:
        return LawDate(screening.date, LawDateSource.SCREENING)
    return LawDate(as_of, LawDateSource.AS_OF)


# -------------------------------------------------------------------- law at a date


@attrs.frozen(kw_only=True)
class LawAt:
    """The law that applies to one document: its framework's duties on its law date."""

    date: _dt.date
    """The law date."""
    source: LawDateSource
    """Where the law date came from."""
    jurisdiction: Jurisdiction
    """The framework's jurisdiction."""
    framework_duties: tuple[Duty, ...]
    """Every duty the framework names, whatever its dates."""
    duties: tuple[Duty, ...]
    """The framework's duties in force on the law date that cover this decision."""

    def applies(self, duty_id: str) -> bool:
        """True when the duty with this id is in force and covers this decision."""
        return any(d.id == duty_id for d in self.duties)

    def duty(self, duty_id: str) -> Duty | None:
        """The framework's duty with this id, in force or not; None if it names none."""
        for d in self.framework_duties:
            if d.id == duty_id:
                return d
        return None

    def limbs(self, duty_id: str) -> tuple[Limb, ...]:
        """The limbs of a duty that were in force on the law date in this jurisdiction."""
        found = self.duty(duty_id)
        if found is None:
            return ()
        return tuple(limb for limb in found.limbs if limb.in_force_on(self.date, self.jurisdiction))


def law_at(
    proposal: Proposal,
    framework: Framework,
    catalogue: Catalogue,
    day: LawDate,
) -> LawAt:
    """What :class:`LawAt` the rules see for ``proposal`` under ``framework`` on ``day``."""
    known = catalogue.duties
    named = tuple(known[i] for i in framework.duties if i in known)
    return LawAt(
        date=day.date,
        source=day.source,
        jurisdiction=framework.jurisdiction,
        framework_duties=named,
        duties=tuple(d for d in named if d.in_force_on(day.date) and d.covers(proposal)),
    )


def required_characteristics(
    framework: Framework, law: LawAt, rule: str = "PSED101"
) -> list[tuple[str, tuple[Duty, ...]]]:
    """The characteristics needing an entry on the law date, each with the duties requiring it.

    A code the framework requires that no duty of the framework requires is the
    framework's own (local) requirement and is always required, with no duty. A code
    some duty of the framework requires is required while one of those duties applies
    (in force on the law date and covering the decision). Only the duties whose
    missing entries ``rule`` reports are counted.
    """
    owners: dict[str, list[Duty]] = {}
    for duty in law.framework_duties:
        if duty.required_by == rule:
            for code in duty.requires:
                owners.setdefault(code, []).append(duty)
    applying = {d.id for d in law.duties}
    out: list[tuple[str, tuple[Duty, ...]]] = []
    seen: set[str] = set()
    for code in (*framework.required, *owners):
        if code in seen:
            continue
        seen.add(code)
        duties = owners.get(code)
        if not duties:
            if code in framework.required and rule == "PSED101":
                out.append((code, ()))
            continue
        live = tuple(d for d in duties if d.id in applying)
        if live:
            out.append((code, live))
    return out


def mentioned_limbs(text: str | None, limbs: Sequence[Limb]) -> list[Limb]:
    """The limbs among ``limbs`` that ``text`` mentions (whole words, any case).

    >>> s17 = BUILTIN_DUTIES["cda-s17"].limbs
    >>> [limb.id for limb in mentioned_limbs("No effect on crime or on alcohol misuse.", s17)]
    ['crime_disorder', 'substance_misuse']
    >>> mentioned_limbs("No road-safety issues.", s17)
    []
    """
    if not text:
        return []
    found = []
    for limb in limbs:
        pattern = _LIMB_PATTERNS.get(limb.id)
        if pattern is None:
            pattern = re.compile(_W.format(limb.terms), re.IGNORECASE)
        if pattern.search(text):
            found.append(limb)
    return found


# ----------------------------------------------------------------------- citing


def _dated(ref: Reference, day: _dt.date) -> bool:
    if ref.since is not None and day < ref.since:
        return False
    return not (ref.until is not None and day > ref.until)


def cite(
    references: Sequence[Reference], law: LawAt, characteristic: str | None = None
) -> tuple[str, ...]:
    """The citations a finding gives: ``references`` as they apply under ``law``.

    A reference is kept when one of its duties applies (see :class:`LawAt`), its
    dates include the law date and, for a provision, its jurisdictions include the
    framework's. For a finding about a characteristic, only the duties that need an
    entry for it (and the duties that need none, such as the specific duties) count:
    a finding about race in 2008 cites the race equality duty, not the disability
    one. A court decision that does not bind in the framework's jurisdiction is
    cited after its provisions, and not at all when no provision is cited.
    :data:`GENERAL_DUTY` becomes the general provision of each duty that counts.
    """
    counted: set[str] = set()  # the duties that count for this finding
    general_duties: list[Duty] = []  # those whose general provision it cites
    for duty in law.duties:
        if characteristic is None:
            counted.add(duty.id)
            if duty.equality:
                general_duties.append(duty)
        elif characteristic in duty.requires:
            counted.add(duty.id)
            general_duties.append(duty)
        elif not duty.requires:
            counted.add(duty.id)
    cited: list[str] = []
    persuasive: list[str] = []
    has_provision = False
    day, jurisdiction = law.date, law.jurisdiction
    for ref in references:
        if ref.general:
            for duty in general_duties:
                cited.append(duty.general_in(jurisdiction))
                cited.extend(
                    extra.citation
                    for extra in duty.also
                    if characteristic is None
                    or not extra.characteristics
                    or characteristic in extra.characteristics
                )
                has_provision = True
            continue
        if ref.duties and ref.duties.isdisjoint(counted):
            continue
        if ref.characteristics and characteristic not in ref.characteristics:
            continue
        if not _dated(ref, day):
            continue
        if ref.case:
            if not ref.jurisdictions or jurisdiction in ref.jurisdictions:
                cited.append(ref.citation)
            else:
                persuasive.append(ref.citation)
            continue
        if ref.jurisdictions and jurisdiction not in ref.jurisdictions:
            continue
        cited.append(ref.citation)
        has_provision = has_provision or ref.basis is Basis.LAW
    if has_provision:
        cited.extend(persuasive)
    return tuple(dict.fromkeys(cited))


def citations(references: Iterable[Reference]) -> tuple[str, ...]:
    """Every citation ``references`` can give, under any framework and on any date.

    :data:`GENERAL_DUTY` stands for the general provision of every built-in duty.

    >>> citations([GENERAL_DUTY])[:2]
    ('Equality Act 2010 s149(1)', 'Race Relations Act 1976 s71(1)')
    """
    out: list[str] = []
    for ref in references:
        if ref.general:
            for duty in BUILTIN_DUTIES.values():
                out.extend(duty.general_in(j) for j in Jurisdiction if j in duty.jurisdictions)
                out.extend(extra.citation for extra in duty.also)
        else:
            out.append(ref.citation)
    return tuple(dict.fromkeys(out))


def citations_under(
    references: Sequence[Reference],
    framework: Framework,
    catalogue: Catalogue,
    day: _dt.date,
) -> list[tuple[str, Basis | None]]:
    """Every citation ``references`` give under ``framework`` on ``day``, with its mark.

    The union over a finding about the whole document and a finding about each known
    characteristic, counting every duty of the framework in force on ``day`` whatever
    the decision (strategic or not, whatever its functions): what ``psed explain``
    lists for one framework.
    """
    named = tuple(catalogue.duties[i] for i in framework.duties if i in catalogue.duties)
    law = LawAt(
        date=day,
        source=LawDateSource.GIVEN,
        jurisdiction=framework.jurisdiction,
        framework_duties=named,
        duties=tuple(d for d in named if d.in_force_on(day)),
    )
    marks: dict[str, Basis | None] = {}
    for ref in references:
        if not ref.general:
            marks.setdefault(ref.citation, ref.basis)
    found: dict[str, None] = {}
    for characteristic in (None, *framework.required, *catalogue.characteristics):
        for citation in cite(references, law, characteristic):
            found.setdefault(citation, None)
    return [(citation, marks.get(citation, Basis.LAW)) for citation in found]


def required_codes(
    proposal: Proposal,
    framework: Framework,
    catalogue: Catalogue,
    as_of: _dt.date,
    *,
    given: _dt.date | None = None,
) -> tuple[str, ...]:
    """The characteristic codes PSED101 requires of ``proposal`` on its law date.

    For callers outside a rule (the audit's completeness, form builders) that need the
    same answer as PSED101: the framework's own requirements plus those of the duties
    in force on the law date (``given``, else the document's, else ``as_of``).

    >>> import datetime as dt, psed
    >>> doc = psed.structure({"name": "x", "decision": {"date": "2008-06-12"}})
    >>> fw = psed.default_catalogue().framework("psed")
    >>> required_codes(doc, fw, psed.default_catalogue(), dt.date(2026, 11, 26))
    ('disability', 'race', 'sex')
    """
    law = law_at(proposal, framework, catalogue, law_date(proposal, as_of, given=given))
    return tuple(code for code, _ in required_characteristics(framework, law))


def requirements(
    framework: Framework, catalogue: Catalogue, rule: str = "PSED101"
) -> list[tuple[str, tuple[Duty, ...]]]:
    """Every characteristic ``framework`` can require under ``rule``, on any date.

    Each code comes with the duties of the framework that require it (a code is
    required while one of them is in force and covers the decision), or ``()`` when
    the framework requires it of its own accord (always). The same codes, in the
    same order, as :func:`required_characteristics` gives on a day when every duty
    applies.
    """
    named = tuple(catalogue.duties[i] for i in framework.duties if i in catalogue.duties)
    owners: dict[str, list[Duty]] = {}
    for duty in named:
        if duty.required_by == rule:
            for code in duty.requires:
                owners.setdefault(code, []).append(duty)
    out: list[tuple[str, tuple[Duty, ...]]] = []
    for code in dict.fromkeys((*framework.required, *owners)):
        duties = tuple(owners.get(code, ()))
        if duties or (code in framework.required and rule == "PSED101"):
            out.append((code, duties))
    return out
