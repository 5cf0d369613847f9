"""Hypothesis strategies for psed documents: valid Proposals, their trees, and broken copies.

For downstream test suites (a form backend checking it shows every problem, a
pipeline checking it round-trips) and for psed's own tests. This module requires
the ``hypothesis`` package, which psed itself does not depend on; it is not
imported by ``import psed``.

>>> from hypothesis import given
>>> from psed.testing import proposals
>>> import psed
>>> @given(proposals())
... def test_round_trip(p):
...     assert psed.structure(psed.unstructure(p)) == p
>>> test_round_trip()

The strategies draw realistic text: Welsh diacritics ("Ŵ ŷ â"), right-to-left
scripts, emoji, leading and trailing spaces, newlines, and the placeholders
("N/A", "TBC") that real forms contain.
"""

from __future__ import annotations

import copy
import datetime as _dt
import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from hypothesis import strategies as st

from psed._reading.fields import CLASS_SPECS, ClassSpec, FieldSpec, Kind
from psed._reading.structural import document_characteristic
from psed.catalogue import BUILTIN_CHARACTERISTICS, BUILTIN_FRAMEWORKS, NI_CATEGORIES
from psed.law import Jurisdiction
from psed.model import (
    Aims,
    Alternative,
    Characteristic,
    Contributor,
    Decision,
    DecisionReport,
    Engagement,
    Evidence,
    EvidenceKind,
    Impact,
    ImpactEntry,
    Intersection,
    Level,
    Mitigation,
    MitigationStatus,
    Outcome,
    Proposal,
    RelatedAssessment,
    Relation,
    Screening,
    ScreeningOutcome,
    ServiceProfile,
    SignOff,
    Status,
    Waiver,
)
from psed.reading import unstructure

__all__ = [
    "Mutation",
    "documents",
    "mutated_documents",
    "mutations",
    "proposals",
    "texts",
]

Mutation = tuple[dict[str, Any], str, str]
"""A broken document, the structural code it must raise, and the pointer it must be at."""

_PHRASES = (
    "Older people (65+)",
    "Pobl hŷn ac ŵyr â'u teuluoedd",
    "Gwasanaethau Cymraeg: Ŵ ŷ â ê î ô û",
    "Customers who do not or cannot access services online.",
    "  leading and trailing spaces  ",
    "First line\nSecond line\n",
    "• Get information from us\n• Make payments",
    "خدمات المكتبة للجميع",
    "שירותי ספרייה לכולם",
    "Step-free access ♿ for wheelchair users 👩‍🦽",
    "Carers' group – “quoted” text",
    "N/A",
    "TBC",
    "",
    "See above",
    "273,308 calls; 245k web form completions",
)


_ALPHABET = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    st.sampled_from(" \n\tŴŵŶŷâêîôû"),
)


@functools.cache
def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Free text as people write it on forms, plus arbitrary printable Unicode."""
    # One strategy object per size: building strategies anew for every field of every
    # drawn document costs more than the drawing.
    return st.one_of(st.sampled_from(_PHRASES), st.text(_ALPHABET, max_size=max_size))


@functools.cache
def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


_NONE: st.SearchStrategy[None] = st.none()
_dates = st.dates(min_value=_dt.date(1, 1, 1), max_value=_dt.date(9999, 12, 31))
_codes = st.from_regex(r"[a-z][a-z0-9]{0,8}(_[a-z0-9]{1,6}){0,2}", fullmatch=True)

# The strategies are built once (a strategy built anew for every drawn document costs
# more than the drawing). ``additions`` says whether the fields added in format 0.2
# are drawn: they are drawn together or not at all, so half the documents look as a
# 0.1 document does and no document grows too big to draw.


def _new(strategy: st.SearchStrategy[Any], additions: bool) -> st.SearchStrategy[Any]:
    return _optional(strategy) if additions else _NONE


_SIGNOFFS = st.builds(
    SignOff, name=_optional(texts()), role=_optional(texts()), date=_optional(_dates)
)
_MITIGATIONS = st.builds(
    Mitigation,
    action=texts(),
    owner=_optional(texts()),
    due=_optional(_dates),
    status=st.sampled_from(MitigationStatus),
    monitoring=_optional(texts()),
)
_IMPACT = st.sampled_from(Impact)
_AIMS = st.builds(
    Aims, eliminate=_optional(_IMPACT), advance=_optional(_IMPACT), foster=_optional(_IMPACT)
)
_SERVICE_PROFILES = st.builds(
    ServiceProfile,
    description=_optional(texts()),
    customers=_optional(st.integers(min_value=0, max_value=10**12)),
)
_WAIVERS = st.builds(
    Waiver,
    rule=st.from_regex(r"PSED[0-9]{3}", fullmatch=True),
    pointer=_optional(st.sampled_from(["", "/impacts/0", "/impacts/3/mitigations/0", "/a~1b~0"])),
    reason=_optional(texts()),
    approved_by=_optional(texts()),
    expires=_optional(_dates),
)
_SCREENINGS = st.builds(
    Screening,
    outcome=_optional(st.sampled_from(ScreeningOutcome)),
    date=_optional(_dates),
    rationale=_optional(texts()),
)
_REPORTS = st.builds(
    DecisionReport,
    title=_optional(texts(12)),
    ref=_optional(texts(12)),
    date=_optional(_dates),
    url=_optional(st.sampled_from(["https://example.org/cab-1"])),
    assessment_appended=_optional(st.booleans()),
)
_CONTRIBUTORS = st.builds(Contributor, name=texts(12), role=_optional(texts(12)))
_FUNCTIONS = st.sampled_from(["housing", "education", "health"]) | _codes
_VERSIONS = st.sampled_from(["1", "2.1", "1.0", "v3 final", "2024-03"])


@functools.cache
def _evidence(additions: bool) -> st.SearchStrategy[Evidence]:
    return st.builds(
        Evidence,
        source=texts(),
        summary=_optional(texts()),
        date=_optional(_dates),
        url=_optional(st.sampled_from(["https://example.org/data", "data.csv"])),
        kind=_new(st.sampled_from(EvidenceKind), additions),
        area=_new(st.sampled_from(["E06000045", "Southampton", "W06000015"]), additions),
    )


@functools.cache
def _engagement(additions: bool) -> st.SearchStrategy[Engagement]:
    return st.builds(
        Engagement,
        audience=_optional(texts()),
        method=_optional(texts()),
        date=_optional(_dates),
        end=_optional(_dates),
        summary=_optional(texts()),
        changes=_new(texts(12), additions),
    )


@functools.cache
def _decisions(additions: bool) -> st.SearchStrategy[Decision]:
    return st.builds(
        Decision,
        outcome=_optional(st.sampled_from(Outcome)),
        justification=_optional(texts()),
        date=_optional(_dates),
        maker=_optional(texts()),
        report=_new(_REPORTS, additions),
        duty_statement=_new(texts(80), additions),
    )


@functools.cache
def _entry_fields(additions: bool) -> st.SearchStrategy[dict[str, Any]]:
    """Every field of an impact entry but its characteristic."""
    return st.fixed_dictionaries(
        {
            "group": _optional(texts()),
            "impact": _IMPACT,
            "aims": _optional(_AIMS),
            "details": _optional(texts(80)),
            "mitigations": st.lists(_MITIGATIONS, max_size=2).map(tuple),
            "justification": _optional(texts()),
            "monitoring": _new(texts(12), additions),
        }
    )


@st.composite
def _alternatives(draw: st.DrawFn) -> tuple[Alternative, ...]:
    """Options considered; at most one of them chosen."""
    options = draw(st.lists(texts(12), max_size=2))
    chosen = draw(st.none() | st.integers(min_value=0, max_value=max(len(options) - 1, 0)))
    return tuple(
        Alternative(option=option, chosen=index == chosen, reason=draw(_optional(texts(12))))
        for index, option in enumerate(options)
    )


_DEFINED_CODES = st.lists(
    st.one_of(_codes, st.sampled_from(sorted(BUILTIN_CHARACTERISTICS))), max_size=3, unique=True
)


@st.composite
def _document_characteristics(draw: st.DrawFn) -> tuple[Characteristic, ...]:
    codes = draw(_DEFINED_CODES)
    return tuple(
        document_characteristic(code, draw(texts()), draw(_optional(texts()))) for code in codes
    )


@st.composite
def proposals(
    draw: st.DrawFn,
    framework: str | None = None,
    status: Status | str | None = None,
) -> Proposal:
    """Valid Proposals: every one reads back from its own tree unchanged.

    ``framework`` and ``status`` fix those fields; otherwise they are drawn from the
    five built-in frameworks (not from what happens to be registered, so that the
    strategy draws the same way whatever a program registers while it runs) and the
    three statuses. Impact entries name built-in characteristics or ones the document
    defines in ``characteristics``.
    """
    framework_id = framework or draw(st.sampled_from(sorted(BUILTIN_FRAMEWORKS)))
    defined = draw(_document_characteristics())
    builtin = dict(BUILTIN_CHARACTERISTICS)
    chosen = BUILTIN_FRAMEWORKS.get(framework_id)
    if chosen is not None and chosen.jurisdiction is Jurisdiction.NORTHERN_IRELAND:
        builtin.update(NI_CATEGORIES)  # the section 75 categories, as the reader gives them
    known = {**builtin, **{c.code: c for c in defined}}
    codes = st.sampled_from(sorted(known))
    own_id = draw(_optional(texts(12)))
    additions = draw(st.booleans())
    most = 2 if additions else 0

    def new(strategy: st.SearchStrategy[Any]) -> Any:
        return draw(_new(strategy, additions))

    impacts = [
        ImpactEntry(characteristic=known[code], **draw(_entry_fields(additions)))
        for code in draw(st.lists(codes, max_size=5))
    ]
    intersections = [
        Intersection(
            characteristics=[known[code] for code in draw(st.lists(codes, max_size=3))],
            details=draw(_optional(texts(80))),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=most)))
    ]
    related = [
        RelatedAssessment(
            id=draw(texts(12).filter(lambda text: text != own_id)),
            relation=draw(_optional(st.sampled_from(Relation))),
            title=draw(_optional(texts(12))),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=most)))
    ]
    return Proposal(
        id=own_id,
        name=draw(texts()),
        description=draw(_optional(texts(80))),
        organisation=new(texts(12)),
        directorate=new(texts(12)),
        programme=new(texts(12)),
        version=new(_VERSIONS),
        published=new(_dates),
        framework=framework_id,
        status=Status(status) if status is not None else draw(st.sampled_from(Status)),
        level=new(st.sampled_from(Level)),
        screening=new(_SCREENINGS),
        strategic=new(st.booleans()),
        functions=draw(st.lists(_FUNCTIONS, max_size=most)),
        service_profile=draw(_optional(_SERVICE_PROFILES)),
        impact_summary=draw(_optional(texts(80))),
        positive_impacts=draw(_optional(texts())),
        evidence=draw(st.lists(_evidence(additions), max_size=2)),
        engagement=draw(st.lists(_engagement(additions), max_size=2)),
        alternatives=draw(_alternatives()) if additions else (),
        impacts=impacts,
        intersections=intersections,
        decision=draw(_optional(_decisions(additions))),
        contributors=draw(st.lists(_CONTRIBUTORS, max_size=most)),
        responsible=draw(_optional(_SIGNOFFS)),
        approver=draw(_optional(_SIGNOFFS)),
        review_date=draw(_optional(_dates)),
        related=related,
        characteristics=defined,
        waivers=draw(st.lists(_WAIVERS, max_size=2)),
    )


def documents(
    framework: str | None = None,
    status: Status | str | None = None,
    *,
    compact: bool | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    """Trees of valid documents, as :func:`psed.unstructure` writes them.

    ``compact`` chooses the full tree (False), the compact one (True), or either (None).
    """
    compacts = st.booleans() if compact is None else st.just(compact)
    return st.tuples(proposals(framework, status), compacts).map(
        lambda pair: unstructure(pair[0], compact=pair[1])
    )


# --------------------------------------------------------------------------- mutations


def _locations(
    spec: ClassSpec, data: Mapping[str, Any], pointer: str
) -> Iterator[tuple[str, ClassSpec, FieldSpec | None, Mapping[str, Any]]]:
    """Every object (field None) and every present field of a valid tree."""
    yield pointer, spec, None, data
    for field in spec.fields:
        if field.name not in data:
            continue
        value = data[field.name]
        here = f"{pointer}/{field.name}"
        yield here, spec, field, data
        if field.kind is Kind.OBJECT and isinstance(value, Mapping):
            assert field.cls is not None
            yield from _locations(CLASS_SPECS[field.cls], value, here)
        elif field.kind is Kind.LIST and isinstance(value, list):
            for index, item in enumerate(value):
                if field.item is not None:  # a plain value: a location of its own
                    yield f"{here}/{index}", spec, field.item, data
                else:
                    assert field.cls is not None
                    yield from _locations(CLASS_SPECS[field.cls], item, f"{here}/{index}")


_WRONG: dict[Kind, Any] = {
    Kind.TEXT: 42,
    Kind.BOOLEAN: "yes",
    Kind.INTEGER: "many",
    Kind.DATE: 20211118,
    Kind.ENUM: 7,
    Kind.OBJECT: "a sentence instead of fields",
    Kind.LIST: {"not": "a list"},
    Kind.CHARACTERISTIC_REF: ["age"],
    Kind.FRAMEWORK: True,
}


def _resolve(document: dict[str, Any], pointer: str) -> Any:
    node: Any = document
    for token in pointer.split("/")[1:]:
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def _setter(pointer: str, value: Any) -> Callable[[dict[str, Any]], None]:
    parent, _, key = pointer.rpartition("/")

    def apply(document: dict[str, Any]) -> None:
        container = _resolve(document, parent)
        container[int(key) if isinstance(container, list) else key] = value

    return apply


def _deleter(pointer: str) -> Callable[[dict[str, Any]], None]:
    parent, _, key = pointer.rpartition("/")

    def apply(document: dict[str, Any]) -> None:
        del _resolve(document, parent)[key]

    return apply


def _candidates(
    document: Mapping[str, Any],
) -> list[tuple[Callable[[dict[str, Any]], None], str, str]]:
    out: list[tuple[Callable[[dict[str, Any]], None], str, str]] = []
    out.append((_setter("/review_date", "31/12/2022"), "PSED004", "/review_date"))
    alternatives = list(document.get("alternatives") or [])
    already = any(item.get("chosen") is True for item in alternatives)
    two_chosen = [{"option": "Do nothing", "chosen": True}, {"option": "Close", "chosen": True}]
    second = len(alternatives) if already else len(alternatives) + 1
    out.append(
        (
            _setter("/alternatives", alternatives + two_chosen),
            "PSED004",
            f"/alternatives/{second}/chosen",
        )
    )
    if "name" in document:
        out.append((_deleter("/name"), "PSED002", "/name"))
    for pointer, spec, field, data in _locations(CLASS_SPECS[Proposal], document, ""):
        if field is None:
            key = "colour" if "colour" not in data else "colour_2"
            out.append((_setter(f"{pointer}/{key}", "blue"), "PSED005", f"{pointer}/{key}"))
            continue
        if spec.cls is Characteristic and field.name == "code":
            continue  # a broken code also unresolves the entries that use it (PSED006)
        out.append((_setter(pointer, _WRONG[field.kind]), "PSED003", pointer))
        if field.kind is Kind.ENUM:
            out.append((_setter(pointer, "not_a_code"), "PSED004", pointer))
        elif field.kind is Kind.DATE:
            out.append((_setter(pointer, "2021-02-30"), "PSED004", pointer))
    return out


def mutations(document: Mapping[str, Any]) -> st.SearchStrategy[Mutation]:
    """Broken copies of a valid document tree, each with the code and pointer it must raise.

    Mutations: a value of the wrong type (PSED003), an unknown code, an impossible
    date or a second chosen alternative (PSED004), an unknown key in any object
    (PSED005), ``name`` removed (PSED002). The original is never changed.
    """
    candidates = _candidates(document)

    def apply(candidate: tuple[Callable[[dict[str, Any]], None], str, str]) -> Mutation:
        change, code, pointer = candidate
        broken = copy.deepcopy(dict(document))
        change(broken)
        return broken, code, pointer

    return st.sampled_from(candidates).map(apply)


def mutated_documents(
    framework: str | None = None, status: Status | str | None = None
) -> st.SearchStrategy[Mutation]:
    """:func:`mutations` of :func:`documents`: (broken tree, expected code, pointer)."""
    return documents(framework, status).flatmap(mutations)
