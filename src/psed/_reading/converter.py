"""The one cattrs ``Converter`` between Proposals and plain trees.

Its hooks know the document conventions: dates as ``YYYY-MM-DD``, enumerations as
their codes, a characteristic named by an impact entry or an intersection as its
code, and a document's own ``characteristics`` as ``{code, label, description}``.
Structuring expects the walker's cleaned data (:mod:`psed._reading.structural`),
which holds only valid values.
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any

import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from psed._reading.fields import CLASS_SPECS, Kind
from psed._reading.structural import document_characteristic
from psed.model import Characteristic, ImpactEntry, Intersection, Proposal

__all__ = ["structure_proposal", "unstructure_proposal"]


def _structure_date(value: Any, _type: Any) -> _dt.date:
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(value)


def _structure_characteristic(value: Any, _type: Any) -> Characteristic:
    if isinstance(value, Characteristic):
        return value
    return document_characteristic(value["code"], value["label"], value.get("description"))


def _unstructure_characteristic(value: Characteristic) -> dict[str, Any]:
    return {"code": value.code, "label": value.label, "description": value.description}


def _enum_code(member: enum.Enum) -> Any:
    return member.value


def _enum_member(value: Any, tp: type[enum.Enum]) -> enum.Enum:
    return tp(value)


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(unstruct_collection_overrides={tuple: list})
    # Our enums are also ``str``, which cattrs would pass through as members (a YAML
    # writer cannot represent them): register each one by class, ahead of ``str``.
    enums = {f.enum for spec in CLASS_SPECS.values() for f in spec.fields if f.enum is not None}
    for enum_cls in enums:
        converter.register_unstructure_hook(enum_cls, _enum_code)
        converter.register_structure_hook(enum_cls, _enum_member)
    converter.register_structure_hook(_dt.date, _structure_date)
    converter.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    converter.register_structure_hook(Characteristic, _structure_characteristic)
    converter.register_unstructure_hook(Characteristic, _unstructure_characteristic)
    converter.register_unstructure_hook(
        ImpactEntry,
        make_dict_unstructure_fn(
            ImpactEntry, converter, characteristic=override(unstruct_hook=lambda c: c.code)
        ),
    )
    converter.register_unstructure_hook(
        Intersection,
        make_dict_unstructure_fn(
            Intersection,
            converter,
            characteristics=override(unstruct_hook=lambda cs: [c.code for c in cs]),
        ),
    )
    return converter


# The converter writes a characteristic as its code in exactly these two places.
assert {
    spec.cls
    for spec in CLASS_SPECS.values()
    for f in spec.fields
    if Kind.CHARACTERISTIC_REF in (f.kind, f.item and f.item.kind)
} == {ImpactEntry, Intersection}

_CONVERTER = _make_converter()
structure_proposal = _CONVERTER.get_structure_hook(Proposal)
"""Cleaned data (from the walker) to a Proposal."""
unstructure_proposal = _CONVERTER.get_unstructure_hook(Proposal)
"""A Proposal to a JSON-ready tree, every field present, keys in model order."""
