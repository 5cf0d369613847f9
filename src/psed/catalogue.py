"""Built-in characteristics and frameworks, and the registry for an organisation's own.

The catalogue is data: each characteristic carries its legal basis and the PSED
aims that apply to it; each framework says which characteristics need an entry,
which sign-offs it expects and which duties its rules cite.

A :class:`Catalogue` is immutable. :func:`default_catalogue` returns the
process-wide one (built-ins plus whatever :func:`register_framework` and
:func:`register_characteristic` added); configuration files make their own with
:meth:`Catalogue.extend`, so checking one document never changes another's
meaning.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

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
    code: str, label: str, section: str, aims: frozenset[Aim] = _ALL_AIMS
) -> Characteristic:
    return Characteristic(
        code=code,
        label=label,
        kind=CharacteristicKind.PROTECTED,
        legal_basis=(f"{EA_S4}, {section}", EA_S149),
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


PROTECTED_CHARACTERISTICS: tuple[Characteristic, ...] = (
    _protected("age", "Age", "s5"),
    _protected("disability", "Disability", "s6"),
    _protected("gender_reassignment", "Gender reassignment", "s7"),
    # s149(7): marriage and civil partnership is not a relevant characteristic for
    # aims (b) and (c), so only "eliminate" applies.
    _protected(
        "marriage_civil_partnership",
        "Marriage and civil partnership",
        "s8",
        aims=frozenset({Aim.ELIMINATE}),
    ),
    _protected("pregnancy_maternity", "Pregnancy and maternity", "s18"),
    _protected("race", "Race", "s9"),
    _protected("religion_belief", "Religion or belief", "s10"),
    _protected("sex", "Sex", "s11"),
    _protected("sexual_orientation", "Sexual orientation", "s12"),
)
"""The nine protected characteristics of Equality Act 2010 s4, in the Act's order."""

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
        "Equality Act 2010 s1 (socio-economic duty, in force in Wales and Scotland)",
    ),
    _statutory("welsh_language", "Welsh language", "Welsh Language (Wales) Measure 2011"),
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
        "Armed Forces Act 2006 s343AA",
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


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@attrs.frozen(kw_only=True)
class Framework:
    """Which characteristics require an entry, which sign-offs are expected, which duties apply."""

    id: str = attrs.field()
    """The code a document names in ``framework``."""
    label: str = attrs.field()
    """A human name, such as "Equality and Safety Impact Assessment"."""
    required: tuple[str, ...] = attrs.field(converter=_tuple_of_str)
    """Characteristic codes that must each have an impact entry (PSED101)."""
    signoffs: tuple[SignOffSlot, ...] = attrs.field(default=SIGN_OFF_SLOTS, converter=_tuple_of_str)
    """The sign-offs expected: ``responsible`` and/or ``approver`` (PSED301-PSED304)."""
    duties: tuple[str, ...] = attrs.field(default=(EA_S149,), converter=_tuple_of_str)
    """Citations of the duties this framework evidences; rules cite them."""
    community_safety: bool = attrs.field(default=False)
    """True where the Crime and Disorder Act 1998 s17 duty applies (PSED601)."""
    optional: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """Characteristics the form lists but does not require (``other`` on the ESIA form)."""
    description: str = attrs.field(default="")
    """When to use it."""

    @signoffs.validator
    def _check_signoffs(self, _attribute: object, value: tuple[str, ...]) -> None:
        unknown = [slot for slot in value if slot not in SIGN_OFF_SLOTS]
        if unknown:
            raise CatalogueError(
                f"framework {self.id!r}: unknown sign-off {unknown[0]!r}; "
                f"use {' or '.join(repr(s) for s in SIGN_OFF_SLOTS)}"
            )

    def expects(self, slot: SignOffSlot) -> bool:
        """True when this framework expects the given sign-off."""
        return slot in self.signoffs


BUILTIN_FRAMEWORKS: Mapping[str, Framework] = MappingProxyType(
    {
        f.id: f
        for f in (
            Framework(
                id="psed",
                label="Equality Impact Assessment (Public Sector Equality Duty)",
                required=_S4_CODES,
                duties=(EA_S149,),
                description="The nine protected characteristics of the Equality Act 2010; "
                "the default.",
            ),
            Framework(
                id="esia",
                label="Equality and Safety Impact Assessment",
                required=(*_S4_CODES, "community_safety", "poverty", "health_wellbeing"),
                optional=("other",),
                duties=(EA_S149, CDA_S17),
                community_safety=True,
                description="The PSED plus community safety (s17), poverty and health "
                "and wellbeing, as on many English councils' ESIA forms.",
            ),
            Framework(
                id="wales",
                label="Equality Impact Assessment (Wales)",
                required=(*_S4_CODES, "socio_economic", "welsh_language"),
                duties=(
                    EA_S149,
                    "Equality Act 2010 s1 (socio-economic duty)",
                    "Equality Act 2010 (Statutory Duties) (Wales) Regulations 2011 reg 8",
                    "Welsh Language Standards (Welsh Language (Wales) Measure 2011)",
                ),
                description="Welsh public bodies: the PSED, the socio-economic duty and "
                "the Welsh Language Standards.",
            ),
            Framework(
                id="scotland",
                label="Equality Impact Assessment (Scotland)",
                required=_S4_CODES,
                signoffs=("approver",),
                duties=(
                    EA_S149,
                    "Equality Act 2010 (Specific Duties) (Scotland) Regulations 2012 reg 5",
                ),
                description="Scottish public bodies; the Fairer Scotland Duty is assessed "
                "separately for strategic decisions.",
            ),
            Framework(
                id="ni-s75",
                label="Section 75 equality screening (Northern Ireland)",
                required=(
                    "religious_belief",
                    "political_opinion",
                    "racial_group",
                    "age",
                    "marital_status",
                    "sexual_orientation",
                    "men_women",
                    "disability",
                    "dependants",
                ),
                duties=(NI_S75, "Northern Ireland Act 1998 Sch 9"),
                description="Northern Ireland public authorities: the nine equality "
                "categories of s75(1).",
            ),
        )
    }
)
"""The five built-in frameworks by id."""


def _frozen_mapping(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


@attrs.frozen
class Catalogue:
    """The characteristics and frameworks known to a check, looked up by code.

    Immutable: :meth:`extend` returns a new catalogue.
    """

    characteristics: Mapping[str, Characteristic] = attrs.field(
        factory=lambda: BUILTIN_CHARACTERISTICS, converter=_frozen_mapping
    )
    frameworks: Mapping[str, Framework] = attrs.field(
        factory=lambda: BUILTIN_FRAMEWORKS, converter=_frozen_mapping
    )

    def characteristic(self, code: str) -> Characteristic | None:
        """The characteristic with this code, or None."""
        return self.characteristics.get(code)

    def framework(self, framework_id: str) -> Framework | None:
        """The framework with this id, or None."""
        return self.frameworks.get(framework_id)

    def extend(
        self,
        *,
        characteristics: Iterable[Characteristic] = (),
        frameworks: Iterable[Framework] = (),
    ) -> Catalogue:
        """A new catalogue with these added (or replacing registered ones of the same code).

        Built-in characteristics and frameworks cannot be replaced: their meaning is
        fixed by the law they cite.
        """
        chars = dict(self.characteristics)
        for c in characteristics:
            if c.code in BUILTIN_CHARACTERISTICS and c != BUILTIN_CHARACTERISTICS[c.code]:
                raise CatalogueError(
                    f"characteristic {c.code!r} is built in and cannot be redefined; "
                    "choose another code"
                )
            chars[c.code] = c
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
            fws[f.id] = f
        return Catalogue(characteristics=chars, frameworks=fws)

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
    ) -> Framework:
        """Build a framework from a base one: its requirements plus ``require``.

        ``signoffs`` replaces the base's expected sign-offs when given; ``duties``
        are added to the base's; ``community_safety`` defaults to the base's.
        """
        parent = self.framework(base)
        if parent is None:
            raise CatalogueError(
                f"framework {framework_id!r}: base {base!r} is not registered; "
                f"use one of {', '.join(sorted(self.frameworks))}"
            )
        required = list(parent.required)
        required += [c for c in require if c not in required]
        return Framework(
            id=framework_id,
            label=label or framework_id,
            required=tuple(required),
            signoffs=parent.signoffs if signoffs is None else tuple(signoffs),
            duties=(*parent.duties, *(d for d in duties if d not in parent.duties)),
            community_safety=(
                parent.community_safety if community_safety is None else community_safety
            ),
            optional=(*parent.optional, *(c for c in optional if c not in parent.optional)),
            description=description,
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
) -> Framework:
    """Register an organisation's framework, given whole or as a base plus extras.

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
            )
        _default = _default.extend(frameworks=[framework])
    return framework
