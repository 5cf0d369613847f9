"""Built-in characteristics and frameworks, and the registry for an organisation's own.

The catalogue is data: each characteristic carries its legal basis and the PSED
aims that apply to it; each framework says which characteristics need an entry,
which sign-offs it expects, its jurisdiction and which duties apply (by id, from
:mod:`psed.law`, where the duties' dates and references live).

A :class:`Catalogue` is immutable. :func:`default_catalogue` returns the
process-wide one (built-ins plus whatever :func:`register_framework` and
:func:`register_characteristic` added); configuration files make their own with
:meth:`Catalogue.extend`, so checking one document never changes another's
meaning.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from psed import law as _law
from psed.law import BUILTIN_DUTIES, Duty, Jurisdiction
from psed.model import Aim, Characteristic, CharacteristicKind

__all__ = [
    "BUILTIN_CHARACTERISTICS",
    "BUILTIN_FRAMEWORKS",
    "PROTECTED_CHARACTERISTICS",
    "Catalogue",
    "CatalogueError",
    "Framework",
    "SignOffSlot",
    "default_catalogue",
    "register_characteristic",
    "register_duty",
    "register_framework",
]

EA_S149 = "Equality Act 2010 s149"
EA_S4 = "Equality Act 2010 s4"
CDA_S17 = "Crime and Disorder Act 1998 s17"
NI_S75 = "Northern Ireland Act 1998 s75"

_ALL_AIMS = frozenset(Aim)

SignOffSlot = str
"""A sign-off a framework expects: ``"responsible"`` or ``"approver"``."""

SIGN_OFF_SLOTS: tuple[SignOffSlot, ...] = ("responsible", "approver")


class CatalogueError(ValueError):
    """A framework or characteristic definition that cannot be registered."""


def _protected(
    code: str,
    label: str,
    *basis: str,
    aims: frozenset[Aim] = _ALL_AIMS,
) -> Characteristic:
    return Characteristic(
        code=code,
        label=label,
        kind=CharacteristicKind.PROTECTED,
        legal_basis=(*basis, EA_S149),
        aims=aims,
    )


def _statutory(
    code: str, label: str, *basis: str, description: str | None = None
) -> Characteristic:
    return Characteristic(
        code=code,
        label=label,
        kind=CharacteristicKind.STATUTORY,
        legal_basis=basis,
        description=description,
    )


def _local(code: str, label: str, description: str | None = None) -> Characteristic:
    return Characteristic(
        code=code, label=label, kind=CharacteristicKind.LOCAL, description=description
    )


_SCH18_1 = (
    "Equality Act 2010 Sch 18 para 1 (the age limb of s149 does not apply to the education "
    "of pupils in schools or to children's homes)"
)
_SCH18_2 = (
    "Equality Act 2010 Sch 18 para 2 (for immigration functions, s149(1)(b) does not apply "
    "to age, nationality or ethnic or national origins, or religion or belief)"
)

PROTECTED_CHARACTERISTICS: tuple[Characteristic, ...] = (
    _protected("age", "Age", f"{EA_S4}, s5", _SCH18_1, _SCH18_2),
    _protected("disability", "Disability", f"{EA_S4}, s6"),
    _protected("gender_reassignment", "Gender reassignment", f"{EA_S4}, s7"),
    # s149(7): marriage and civil partnership is not a relevant characteristic for
    # aims (b) and (c), so only "eliminate" applies.
    _protected(
        "marriage_civil_partnership",
        "Marriage and civil partnership",
        f"{EA_S4}, s8",
        "Equality Act 2010 s149(7) (a relevant characteristic for s149(1)(a) only)",
        aims=frozenset({Aim.ELIMINATE}),
    ),
    _protected("pregnancy_maternity", "Pregnancy and maternity", f"{EA_S4}, ss17-18"),
    _protected("race", "Race", f"{EA_S4}, s9", _SCH18_2),
    _protected("religion_belief", "Religion or belief", f"{EA_S4}, s10", _SCH18_2),
    _protected("sex", "Sex", f"{EA_S4}, s11"),
    _protected("sexual_orientation", "Sexual orientation", f"{EA_S4}, s12"),
)
"""The nine protected characteristics of Equality Act 2010 s4, in the Act's order.

Their legal basis is Great Britain's; under a Northern Ireland framework ``age``,
``disability`` and ``sexual_orientation`` are section 75 categories instead (see
:meth:`Catalogue.characteristic`).
"""

_NI_CATEGORY = f"{NI_S75}(1)"
_NI_GOOD_RELATIONS = f"{NI_S75}(2)"

_OTHER_CHARACTERISTICS: tuple[Characteristic, ...] = (
    _statutory(
        "community_safety",
        "Community safety",
        CDA_S17,
        description=(
            "Crime and disorder, anti-social behaviour, substance misuse, "
            "re-offending and serious violence."
        ),
    ),
    _statutory(
        "socio_economic",
        "Socio-economic disadvantage",
        "Equality Act 2010 s1 (in force in Scotland from 1 April 2018 and in Wales from "
        "31 March 2021, for strategic decisions; not in force in England)",
    ),
    _statutory(
        "welsh_language",
        "Welsh language",
        "Welsh Language (Wales) Measure 2011",
        "Welsh Language Standards (No. 1) Regulations 2015 standards 88-93 (bodies with a "
        "compliance notice)",
    ),
    _local("poverty", "Poverty"),
    _local("health_wellbeing", "Health and wellbeing"),
    _local("carers", "Carers"),
    _local(
        "care_experienced",
        "Care-experienced people",
        description="Often added under the corporate parenting principles "
        "(Children and Social Work Act 2017 s1); not a protected characteristic.",
    ),
    _statutory(
        "armed_forces",
        "Armed forces community",
        "Armed Forces Act 2006 s343AA (England)",
        "Armed Forces Act 2006 s343AB (Wales)",
        "Armed Forces Act 2006 s343AC (Scotland)",
        "Armed Forces Act 2006 s343AD (Northern Ireland)",
        description="Statutory only for housing, education and healthcare functions "
        "(in force 22 November 2022); elsewhere a local choice.",
    ),
    _local("rural", "Rurality"),
    _local("other", "Other significant impacts"),
    _statutory("religious_belief", "Religious belief", _NI_CATEGORY, _NI_GOOD_RELATIONS),
    _statutory("political_opinion", "Political opinion", _NI_CATEGORY, _NI_GOOD_RELATIONS),
    _statutory("racial_group", "Racial group", _NI_CATEGORY, _NI_GOOD_RELATIONS),
    _statutory("marital_status", "Marital status", _NI_CATEGORY),
    _statutory("men_women", "Men and women generally", _NI_CATEGORY),
    _statutory("dependants", "Persons with and without dependants", _NI_CATEGORY),
)

BUILTIN_CHARACTERISTICS: Mapping[str, Characteristic] = MappingProxyType(
    {c.code: c for c in (*PROTECTED_CHARACTERISTICS, *_OTHER_CHARACTERISTICS)}
)
"""Every built-in characteristic by code. Any of them may be used under any framework."""

_S4_CODES = tuple(c.code for c in PROTECTED_CHARACTERISTICS)

NI_CATEGORIES: Mapping[str, Characteristic] = MappingProxyType(
    {
        "age": _statutory("age", "Age", _NI_CATEGORY),
        "disability": _statutory(
            "disability",
            "Disability",
            _NI_CATEGORY,
            "Disability Discrimination Act 1995 s49A (Northern Ireland)",
        ),
        "sexual_orientation": _statutory("sexual_orientation", "Sexual orientation", _NI_CATEGORY),
    }
)
"""The built-in codes that mean a section 75 category under a Northern Ireland framework.

They cite Northern Ireland Act 1998 s75(1) and carry none of the aims of Equality Act
2010 s149, which does not extend to Northern Ireland; s75(2) good relations covers
religious belief, political opinion and racial group only.
"""


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


_DUTY_ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

_GB_DUTIES: tuple[str, ...] = (*_law.GB_EQUALITY_DUTIES, _law.ARMED_FORCES)

_CITATIONS_OF_0_1: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        EA_S149: (_law.EA_S149,),
        CDA_S17: (_law.CDA_S17,),
        "Equality Act 2010 s1 (socio-economic duty)": (_law.WALES_SED,),
        "Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011 reg 8": (_law.WALES_REGS,),
        "Welsh Language Standards (Welsh Language (Wales) Measure 2011)": (_law.WELSH_LANGUAGE,),
        "Equality Act 2010 (Specific Duties) (Scotland) Regulations 2012 reg 5": (
            _law.SCOTLAND_REGS,
        ),
        NI_S75: (_law.NI_S75,),
        "Northern Ireland Act 1998 Sch 9": (_law.NI_S75,),
    }
)
"""Duty citations psed 0.1 used in ``Framework.duties``, and the duty ids they now name."""


def _duty_ids(value: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for item in _tuple_of_str(value):
        for duty_id in _CITATIONS_OF_0_1.get(item, (item,)):
            if duty_id not in out:
                out.append(duty_id)
    return tuple(out)


def _jurisdiction(value: Jurisdiction | str) -> Jurisdiction:
    try:
        return Jurisdiction(value)
    except ValueError:
        raise CatalogueError(
            f"jurisdiction {value!r} is not known; use one of {', '.join(Jurisdiction.codes())}"
        ) from None


@attrs.frozen(kw_only=True)
class Framework:
    """Which characteristics require an entry, which sign-offs are expected, which duties apply."""

    id: str = attrs.field()
    """The code a document names in ``framework``."""
    label: str = attrs.field()
    """A human name, such as "Equality and Safety Impact Assessment"."""
    required: tuple[str, ...] = attrs.field(converter=_tuple_of_str)
    """Characteristic codes the form requires an entry for (PSED101).

    A code that one of the framework's :attr:`duties` requires is required only while
    that duty is in force on the document's law date; any other code is the
    framework's own requirement and is always required.
    """
    signoffs: tuple[SignOffSlot, ...] = attrs.field(default=SIGN_OFF_SLOTS, converter=_tuple_of_str)
    """The sign-offs expected: ``responsible`` and/or ``approver`` (PSED301-PSED304)."""
    duties: tuple[str, ...] = attrs.field(default=_GB_DUTIES, converter=_duty_ids)
    """The ids of the duties that apply (see :data:`psed.law.BUILTIN_DUTIES`).

    Text that is not a duty id (an organisation's own policy, such as "County Council
    Equality Scheme 2024-28") names a local commitment with no dates. The duty
    citations psed 0.1 used here are read as the ids they stand for.
    """
    community_safety: bool = attrs.field(default=False)
    """True where the Crime and Disorder Act 1998 s17 duty applies (PSED601).

    The same as naming ``cda-s17`` in :attr:`duties`: either one sets the other.
    """
    optional: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """Characteristics the form lists but does not require (``other`` on the ESIA form)."""
    description: str = attrs.field(default="")
    """When to use it."""
    jurisdiction: Jurisdiction = attrs.field(default=Jurisdiction.ENGLAND, converter=_jurisdiction)
    """The jurisdiction whose law applies: findings cite only its law.

    .. versionadded:: 0.2.0
    """

    @signoffs.validator
    def _check_signoffs(self, _attribute: object, value: tuple[str, ...]) -> None:
        unknown = [slot for slot in value if slot not in SIGN_OFF_SLOTS]
        if unknown:
            raise CatalogueError(
                f"framework {self.id!r}: unknown sign-off {unknown[0]!r}; "
                f"use {' or '.join(repr(s) for s in SIGN_OFF_SLOTS)}"
            )

    def __attrs_post_init__(self) -> None:
        # community_safety and the cda-s17 duty say the same thing: keep them in step.
        named = _law.CDA_S17 in self.duties
        if self.community_safety and not named:
            object.__setattr__(self, "duties", (*self.duties, _law.CDA_S17))
        elif named and not self.community_safety:
            object.__setattr__(self, "community_safety", True)

    def expects(self, slot: SignOffSlot) -> bool:
        """True when this framework expects the given sign-off."""
        return slot in self.signoffs


_ENGLAND_PSED = (*_law.GB_EQUALITY_DUTIES, _law.ARMED_FORCES)

BUILTIN_FRAMEWORKS: Mapping[str, Framework] = MappingProxyType(
    {
        f.id: f
        for f in (
            Framework(
                id="psed",
                label="Equality Impact Assessment (Public Sector Equality Duty)",
                required=_S4_CODES,
                duties=_ENGLAND_PSED,
                jurisdiction=Jurisdiction.ENGLAND,
                description="The nine protected characteristics of the Equality Act 2010; "
                "the default.",
            ),
            Framework(
                id="esia",
                label="Equality and Safety Impact Assessment",
                required=(*_S4_CODES, "community_safety", "poverty", "health_wellbeing"),
                optional=("other",),
                duties=(*_law.GB_EQUALITY_DUTIES, _law.CDA_S17, _law.ARMED_FORCES),
                jurisdiction=Jurisdiction.ENGLAND,
                description="The PSED plus community safety (s17), poverty and health "
                "and wellbeing, as on many English councils' ESIA forms.",
            ),
            Framework(
                id="wales",
                label="Equality Impact Assessment (Wales)",
                required=(*_S4_CODES, "socio_economic", "welsh_language"),
                duties=(
                    *_law.GB_EQUALITY_DUTIES,
                    _law.WALES_REGS,
                    _law.WALES_SED,
                    _law.WELSH_LANGUAGE,
                    _law.ARMED_FORCES,
                ),
                jurisdiction=Jurisdiction.WALES,
                description="Welsh public bodies: the PSED, the socio-economic duty and "
                "the Welsh Language Standards.",
            ),
            Framework(
                id="scotland",
                label="Equality Impact Assessment (Scotland)",
                required=_S4_CODES,
                signoffs=("approver",),
                duties=(
                    *_law.GB_EQUALITY_DUTIES,
                    _law.SCOTLAND_REGS,
                    _law.FAIRER_SCOTLAND,
                    _law.ARMED_FORCES,
                ),
                jurisdiction=Jurisdiction.SCOTLAND,
                description="Scottish public bodies; the Fairer Scotland Duty is assessed "
                "separately for strategic decisions.",
            ),
            Framework(
                id="ni-s75",
                label="Section 75 equality screening (Northern Ireland)",
                required=_law.S75_CODES,
                duties=(_law.NI_S75, _law.NI_DDA_S49A, _law.ARMED_FORCES),
                jurisdiction=Jurisdiction.NORTHERN_IRELAND,
                description="Northern Ireland public authorities: the nine equality "
                "categories of s75(1).",
            ),
        )
    }
)
"""The five built-in frameworks by id."""


def _frozen_mapping(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


def _local_duty(citation: str, jurisdiction: Jurisdiction) -> Duty:
    """An organisation's own commitment named by its citation in a framework's duties."""
    return Duty(
        id=citation,
        citation=citation,
        title=citation,
        jurisdictions={jurisdiction},
        basis=_law.Basis.PRACTICE,
        note="An organisation's own commitment, named in a framework's duties; "
        "not a statutory duty.",
    )


def _is_local_citation(text: str) -> bool:
    return not _DUTY_ID_RE.match(text)


@attrs.frozen
class Catalogue:
    """The characteristics, frameworks and duties known to a check, looked up by code.

    Immutable: :meth:`extend` returns a new catalogue.
    """

    characteristics: Mapping[str, Characteristic] = attrs.field(
        factory=lambda: BUILTIN_CHARACTERISTICS, converter=_frozen_mapping
    )
    frameworks: Mapping[str, Framework] = attrs.field(
        factory=lambda: BUILTIN_FRAMEWORKS, converter=_frozen_mapping
    )
    duties: Mapping[str, Duty] = attrs.field(
        factory=lambda: BUILTIN_DUTIES, converter=_frozen_mapping
    )
    """The duties frameworks may name, by id (.. versionadded:: 0.2.0)."""

    def characteristic(
        self, code: str, framework: Framework | str | None = None
    ) -> Characteristic | None:
        """The characteristic with this code, or None.

        Under a Northern Ireland ``framework`` (an id or a :class:`Framework`),
        ``age``, ``disability`` and ``sexual_orientation`` are the section 75
        categories, citing Northern Ireland Act 1998 s75(1), not Equality Act 2010
        characteristics.
        """
        if framework is not None:
            found = self.framework(framework) if isinstance(framework, str) else framework
            if (
                found is not None
                and found.jurisdiction is Jurisdiction.NORTHERN_IRELAND
                and code in NI_CATEGORIES
            ):
                return NI_CATEGORIES[code]
        return self.characteristics.get(code)

    def framework(self, framework_id: str) -> Framework | None:
        """The framework with this id, or None."""
        return self.frameworks.get(framework_id)

    def duty(self, duty_id: str) -> Duty | None:
        """The duty with this id, or None."""
        return self.duties.get(duty_id)

    def extend(
        self,
        *,
        characteristics: Iterable[Characteristic] = (),
        frameworks: Iterable[Framework] = (),
        duties: Iterable[Duty] = (),
    ) -> Catalogue:
        """A new catalogue with these added (or replacing registered ones of the same code).

        Built-in characteristics, frameworks and duties cannot be replaced: their
        meaning is fixed by the law they cite. The one exception is the commencement
        date of a duty that starts on a different day for each body (the Welsh
        Language Standards): a duty equal to the built-in one except for
        ``in_force`` replaces it.
        """
        chars = dict(self.characteristics)
        for c in characteristics:
            if c.code in BUILTIN_CHARACTERISTICS and c != BUILTIN_CHARACTERISTICS[c.code]:
                raise CatalogueError(
                    f"characteristic {c.code!r} is built in and cannot be redefined; "
                    "choose another code"
                )
            chars[c.code] = c
        known_duties = dict(self.duties)
        for d in duties:
            _check_duty(d, chars)
            known_duties[d.id] = d
        fws = dict(self.frameworks)
        for f in frameworks:
            if f.id in BUILTIN_FRAMEWORKS and f != BUILTIN_FRAMEWORKS[f.id]:
                raise CatalogueError(
                    f"framework {f.id!r} is built in and cannot be redefined; "
                    "choose another id and name it as the base"
                )
            missing = [code for code in (*f.required, *f.optional) if code not in chars]
            if missing:
                raise CatalogueError(
                    f"framework {f.id!r} requires unknown characteristic {missing[0]!r}; "
                    "register the characteristic first"
                )
            for duty_id in f.duties:
                duty = known_duties.get(duty_id)
                if duty is None and _is_local_citation(duty_id):
                    duty = known_duties[duty_id] = _local_duty(duty_id, f.jurisdiction)
                if duty is None:
                    near = difflib.get_close_matches(duty_id, list(known_duties), n=1)
                    hint = f"did you mean {near[0]!r}? " if near else ""
                    raise CatalogueError(
                        f"framework {f.id!r} names unknown duty {duty_id!r}; {hint}use a duty "
                        "id that `psed rules` lists, or define the duty first"
                    )
                if f.jurisdiction not in duty.jurisdictions:
                    where = ", ".join(j.label for j in Jurisdiction if j in duty.jurisdictions)
                    raise CatalogueError(
                        f"framework {f.id!r} is for {f.jurisdiction.label} but duty "
                        f"{duty_id!r} ({duty.citation}) applies only in {where}; remove it, "
                        "or set the framework's jurisdiction"
                    )
            fws[f.id] = f
        return Catalogue(characteristics=chars, frameworks=fws, duties=known_duties)

    def derive_framework(
        self,
        framework_id: str,
        *,
        base: str = "psed",
        label: str | None = None,
        require: Iterable[str] = (),
        signoffs: Iterable[SignOffSlot] | None = None,
        duties: Iterable[str] = (),
        community_safety: bool | None = None,
        optional: Iterable[str] = (),
        description: str = "",
        jurisdiction: Jurisdiction | str | None = None,
    ) -> Framework:
        """Build a framework from a base one: its requirements plus ``require``.

        ``signoffs`` replaces the base's expected sign-offs when given; ``duties``
        (duty ids) are added to the base's; ``community_safety`` defaults to the
        base's (``False`` removes the s17 duty); ``jurisdiction`` defaults to the
        base's.
        """
        parent = self.framework(base)
        if parent is None:
            raise CatalogueError(
                f"framework {framework_id!r}: base {base!r} is not registered; "
                f"use one of {', '.join(sorted(self.frameworks))}"
            )
        required = list(parent.required)
        required += [c for c in require if c not in required]
        named = list(parent.duties)
        named += [d for d in _duty_ids(duties) if d not in named]
        if community_safety is False:
            named = [d for d in named if d != _law.CDA_S17]
        return Framework(
            id=framework_id,
            label=label or framework_id,
            required=tuple(required),
            signoffs=parent.signoffs if signoffs is None else tuple(signoffs),
            duties=tuple(named),
            community_safety=(
                parent.community_safety if community_safety is None else community_safety
            ),
            optional=(*parent.optional, *(c for c in optional if c not in parent.optional)),
            description=description,
            jurisdiction=parent.jurisdiction if jurisdiction is None else jurisdiction,
        )


def _check_duty(duty: Duty, characteristics: Mapping[str, Characteristic]) -> None:
    builtin = BUILTIN_DUTIES.get(duty.id)
    if builtin is not None:
        if duty == builtin:
            return
        if builtin.configurable and attrs.evolve(builtin, in_force=duty.in_force) == duty:
            return
        what = (
            "only its commencement date (in_force) may be changed"
            if builtin.configurable
            else "choose another id"
        )
        raise CatalogueError(f"duty {duty.id!r} is built in and cannot be redefined; {what}")
    if not _DUTY_ID_RE.match(duty.id) and duty.id != duty.citation:
        raise CatalogueError(
            f"duty id {duty.id!r} is not valid; use lower-case words and digits joined by "
            "hyphens, such as 'county-equality-scheme'"
        )
    if not duty.jurisdictions:
        raise CatalogueError(
            f"duty {duty.id!r} names no jurisdiction; give one or more of "
            + ", ".join(Jurisdiction.codes())
        )
    unknown = [code for code in duty.requires if code not in characteristics]
    if unknown:
        raise CatalogueError(
            f"duty {duty.id!r} requires unknown characteristic {unknown[0]!r}; "
            "register the characteristic first"
        )
    if duty.in_force is not None and duty.until is not None and duty.until < duty.in_force:
        raise CatalogueError(
            f"duty {duty.id!r} ends ({duty.until.isoformat()}) before it starts "
            f"({duty.in_force.isoformat()}); correct the dates"
        )


_lock = threading.Lock()
_default = Catalogue()


def default_catalogue() -> Catalogue:
    """The process-wide catalogue: the built-ins plus what has been registered."""
    return _default


def register_characteristic(characteristic: Characteristic) -> Characteristic:
    """Make an organisation's own characteristic known to every later check.

    >>> import psed
    >>> carers = psed.Characteristic(code="young_carers", label="Young carers")
    >>> psed.register_characteristic(carers).kind.value
    'local'
    """
    global _default
    with _lock:
        _default = _default.extend(characteristics=[characteristic])
    return characteristic


def register_framework(
    framework: Framework | str,
    *,
    base: str = "psed",
    label: str | None = None,
    require: Iterable[str] = (),
    signoffs: Iterable[SignOffSlot] | None = None,
    duties: Iterable[str] = (),
    community_safety: bool | None = None,
    optional: Iterable[str] = (),
    description: str = "",
    jurisdiction: Jurisdiction | str | None = None,
) -> Framework:
    """Register an organisation's framework, given whole or as a base plus extras.

    ``duties`` names duties by id (built in, or registered with :func:`register_duty`);
    ``jurisdiction`` defaults to the base's.

    >>> import psed
    >>> fw = psed.register_framework("county-esia", base="esia", require=["carers"])
    >>> fw.required[-1], fw.community_safety
    ('carers', True)
    """
    global _default
    with _lock:
        if isinstance(framework, str):
            framework = _default.derive_framework(
                framework,
                base=base,
                label=label,
                require=require,
                signoffs=signoffs,
                duties=duties,
                community_safety=community_safety,
                optional=optional,
                description=description,
                jurisdiction=jurisdiction,
            )
        _default = _default.extend(frameworks=[framework])
    return framework


def register_duty(duty: Duty) -> Duty:
    """Make an organisation's own duty (or a body's own Welsh Language Standards date) known.

    A framework then names it by id in its ``duties``. A built-in duty can be
    replaced only where its commencement differs by body (``configurable``), and
    then only its ``in_force`` date.

    >>> import datetime as dt
    >>> import psed
    >>> from psed.law import Duty
    >>> scheme = Duty(id="county-equality-scheme", citation="County Equality Scheme 2024-28",
    ...               title="County Equality Scheme", jurisdictions=["england"],
    ...               in_force=dt.date(2024, 4, 1), basis="practice")
    >>> psed.register_duty(scheme).id
    'county-equality-scheme'

    .. versionadded:: 0.2.0
    """
    global _default
    with _lock:
        _default = _default.extend(duties=[duty])
    return duty
