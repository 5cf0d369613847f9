"""The one cattrs ``Converter`` from Proposals to plain trees (reading needs none: the
walker in :mod:`psed._reading.structural` builds the Proposal as it checks the tree).

Its hooks know the document conventions: dates as ``YYYY-MM-DD``, enumerations as
their codes, a characteristic named by an impact entry or an intersection as its
code, and a document's own ``characteristics`` as ``{code, label, description}``.
"""

from __future__ import annotations

import datetime as _dt
import enum
from typing import Any

import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from psed._reading.fields import CLASS_SPECS, Kind
from psed.model import Characteristic, ImpactEntry, Intersection, Proposal

__all__ = ["unstructure_proposal"]


def _unstructure_characteristic(value: Characteristic) -> dict[str, Any]:
    return {"code": value.code, "label": value.label, "description": value.description}


def _enum_code(member: enum.Enum) -> Any:
    return member.value


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(unstruct_collection_overrides={tuple: list})
    # Our enums are also ``str``, which cattrs would pass through as members (a YAML
    # writer cannot represent them): register each one by class, ahead of ``str``.
    enums = {f.enum for spec in CLASS_SPECS.values() for f in spec.fields if f.enum is not None}
    for enum_cls in enums:
        converter.register_unstructure_hook(enum_cls, _enum_code)
    converter.register_unstructure_hook(_dt.date, _dt.date.isoformat)
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
unstructure_proposal = _CONVERTER.get_unstructure_hook(Proposal)
"""A Proposal to a JSON-ready tree, every field present, keys in model order."""
