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
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from hypothesis import strategies as st

from psed._fields import CLASS_SPECS, ClassSpec, FieldSpec, Kind
from psed._structural import document_characteristic
from psed.catalogue import BUILTIN_CHARACTERISTICS, BUILTIN_FRAMEWORKS
from psed.model import (
    Aims,
    Characteristic,
    Decision,
    Engagement,
    Evidence,
    Impact,
    ImpactEntry,
    Mitigation,
    MitigationStatus,
    Outcome,
    Proposal,
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


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Free text as people write it on forms, plus arbitrary printable Unicode."""
    alphabet = st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
        st.sampled_from(" \n\tŴŵŶŷâêîôû"),
    )
    return st.one_of(st.sampled_from(_PHRASES), st.text(alphabet, max_size=max_size))


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


_dates = st.dates(min_value=_dt.date(1, 1, 1), max_value=_dt.date(9999, 12, 31))
_codes = st.from_regex(r"[a-z][a-z0-9]{0,8}(_[a-z0-9]{1,6}){0,2}", fullmatch=True)


def _signoffs() -> st.SearchStrategy[SignOff]:
    return st.builds(
        SignOff, name=_optional(texts()), role=_optional(texts()), date=_optional(_dates)
    )


def _mitigations() -> st.SearchStrategy[Mitigation]:
    return st.builds(
        Mitigation,
        action=texts(),
        owner=_optional(texts()),
        due=_optional(_dates),
        status=st.sampled_from(MitigationStatus),
        monitoring=_optional(texts()),
    )


def _impact_entries(
    characteristics: st.SearchStrategy[Characteristic],
) -> st.SearchStrategy[ImpactEntry]:
    impacts = st.sampled_from(Impact)
    return st.builds(
        ImpactEntry,
        characteristic=characteristics,
        group=_optional(texts()),
        impact=impacts,
        aims=_optional(
            st.builds(
                Aims,
                eliminate=_optional(impacts),
                advance=_optional(impacts),
                foster=_optional(impacts),
            )
        ),
        details=_optional(texts(80)),
        mitigations=st.lists(_mitigations(), max_size=2).map(tuple),
        justification=_optional(texts()),
    )


@st.composite
def _document_characteristics(draw: st.DrawFn) -> tuple[Characteristic, ...]:
    codes = draw(
        st.lists(
            st.one_of(_codes, st.sampled_from(sorted(BUILTIN_CHARACTERISTICS))),
            max_size=3,
            unique=True,
        )
    )
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
    known = {**BUILTIN_CHARACTERISTICS, **{c.code: c for c in defined}}
    characteristic = st.sampled_from(sorted(known)).map(known.__getitem__)
    # Keyword arguments gathered first: the list fields' converter (``tuple``) is
    # generic, which mypy's attrs plugin cannot match against a drawn value.
    fields: dict[str, Any] = {
        "id": draw(_optional(texts(12))),
        "name": draw(texts()),
        "description": draw(_optional(texts(80))),
        "framework": framework_id,
        "status": Status(status) if status is not None else draw(st.sampled_from(Status)),
        "service_profile": draw(
            _optional(
                st.builds(
                    ServiceProfile,
                    description=_optional(texts()),
                    customers=_optional(st.integers(min_value=0, max_value=10**12)),
                )
            )
        ),
        "impact_summary": draw(_optional(texts(80))),
        "positive_impacts": draw(_optional(texts())),
        "evidence": draw(
            st.lists(
                st.builds(
                    Evidence,
                    source=texts(),
                    summary=_optional(texts()),
                    date=_optional(_dates),
                    url=_optional(st.sampled_from(["https://example.org/data", "data.csv"])),
                ),
                max_size=2,
            )
        ),
        "engagement": draw(
            st.lists(
                st.builds(
                    Engagement,
                    audience=_optional(texts()),
                    method=_optional(texts()),
                    date=_optional(_dates),
                    end=_optional(_dates),
                    summary=_optional(texts()),
                ),
                max_size=2,
            )
        ),
        "impacts": draw(st.lists(_impact_entries(characteristic), max_size=5)),
        "decision": draw(
            _optional(
                st.builds(
                    Decision,
                    outcome=_optional(st.sampled_from(Outcome)),
                    justification=_optional(texts()),
                    date=_optional(_dates),
                    maker=_optional(texts()),
                )
            )
        ),
        "responsible": draw(_optional(_signoffs())),
        "approver": draw(_optional(_signoffs())),
        "review_date": draw(_optional(_dates)),
        "characteristics": defined,
        "waivers": draw(
            st.lists(
                st.builds(
                    Waiver,
                    rule=st.from_regex(r"PSED[0-9]{3}", fullmatch=True),
                    pointer=_optional(
                        st.sampled_from(["", "/impacts/0", "/impacts/3/mitigations/0", "/a~1b~0"])
                    ),
                    reason=_optional(texts()),
                    approved_by=_optional(texts()),
                    expires=_optional(_dates),
                ),
                max_size=2,
            )
        ),
    }
    return Proposal(**fields)


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
            assert field.cls is not None
            for index, item in enumerate(value):
                yield from _locations(CLASS_SPECS[field.cls], item, f"{here}/{index}")


_WRONG: dict[Kind, Any] = {
    Kind.TEXT: 42,
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
        _resolve(document, parent)[key] = value

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

    Mutations: a value of the wrong type (PSED003), an unknown code or an impossible
    date (PSED004), an unknown key in any object (PSED005), ``name`` removed
    (PSED002). The original is never changed.
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
