"""The field table: what each document object may hold, derived once from the model.

One table drives the structural walker (:mod:`psed._reading.structural`), the cattrs
converter (:mod:`psed._reading.converter`), the writer and the JSON Schema
(:mod:`psed.schema`), so they cannot disagree about a field's name, type, whether it
is required, or its description. The table is built from ``attrs.fields``, ``typing.get_type_hints``
and ``metadata["doc"]``; fields whose metadata has ``document=False``
(``Characteristic.kind``, ``legal_basis``, ``aims``) are not document fields.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from psed import model
from psed.model import Characteristic, Proposal

__all__ = [
    "CLASS_SPECS",
    "CODE_PATTERN",
    "CODE_RE",
    "DATE_PATTERN",
    "DATE_RE",
    "PATTERNS",
    "POINTER_PATTERN",
    "POINTER_RE",
    "SUPPORTED_SCHEMA_VERSIONS",
    "ClassSpec",
    "FieldSpec",
    "Kind",
    "class_spec",
]

_END = r"(?![\s\S])"
"""The end of the text. Not ``$``: in Python's ``re`` (and so in the ``jsonschema``
package) ``$`` also matches before a final newline, where JSON Schema's ECMA-262
patterns do not; ``"local_x\n"`` must fail everywhere."""

_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_CODE = r"[a-z][a-z0-9]*(_[a-z0-9]+)*"
_POINTER = r"(/([^~/]|~[01])*)*"

DATE_PATTERN = f"^{_DATE}{_END}"
"""A date is written ``YYYY-MM-DD`` (and must then be a real calendar date)."""

CODE_PATTERN = f"^{_CODE}{_END}"
"""A document-defined characteristic code is lower snake case."""

POINTER_PATTERN = f"^{_POINTER}{_END}"
"""An RFC 6901 JSON Pointer: empty, or ``/``-separated tokens where ``~`` is escaped."""

SUPPORTED_SCHEMA_VERSIONS: tuple[int, ...] = (model.SCHEMA_VERSION,)
"""The ``schema_version`` values this release reads."""

DATE_RE = re.compile(_DATE)
CODE_RE = re.compile(_CODE)
POINTER_RE = re.compile(_POINTER)
PATTERNS: Mapping[str, re.Pattern[str]] = {
    DATE_PATTERN: DATE_RE,
    CODE_PATTERN: CODE_RE,
    POINTER_PATTERN: POINTER_RE,
}
"""Each schema pattern and the expression the reader matches whole text with (fullmatch)."""


class Kind(enum.Enum):
    """What kind of value a document field holds."""

    TEXT = "text"
    BOOLEAN = "boolean"
    INTEGER = "integer"
    DATE = "date"
    ENUM = "enum"
    OBJECT = "object"
    LIST = "list"
    CHARACTERISTIC_REF = "characteristic_ref"
    """A characteristic code in the document, a :class:`Characteristic` in Python."""
    FRAMEWORK = "framework"
    """A framework id, checked against the catalogue (PSED007)."""


@attrs.frozen(kw_only=True)
class FieldSpec:
    """One document field: its name, kind, constraints and description."""

    name: str
    kind: Kind
    doc: str
    required: bool
    default: Any
    enum: type[enum.Enum] | None = None
    cls: type | None = None
    """The attrs class of an object field, or of a list field's items."""
    item: FieldSpec | None = None
    """For a list of plain values (codes, characteristic codes): what each item is."""
    one_true: str | None = None
    """For a list of objects: a true/false field of the items that at most one item sets."""
    minimum: int | None = None
    const: int | None = None
    pattern: str | None = None
    pattern_hint: str = ""
    """What to tell a person whose value does not match ``pattern``."""


@attrs.frozen(kw_only=True)
class ClassSpec:
    """One document object: its fields in model order."""

    cls: type
    doc: str
    fields: tuple[FieldSpec, ...]
    by_name: Mapping[str, FieldSpec]
    required: tuple[str, ...]
    names: tuple[str, ...]


# Constraints the type alone does not carry, keyed by (class, field).
_EXTRA: dict[tuple[str, str], dict[str, Any]] = {
    ("Proposal", "schema_version"): {"const": model.SCHEMA_VERSION, "minimum": 0},
    ("Proposal", "framework"): {"kind": Kind.FRAMEWORK},
    ("ServiceProfile", "customers"): {"minimum": 0},
    ("Characteristic", "code"): {
        "pattern": CODE_PATTERN,
        "pattern_hint": "use lower snake case, such as `digitally_excluded`",
    },
    ("Proposal", "alternatives"): {"one_true": "chosen"},
    ("Intersection", "characteristics[]"): {"kind": Kind.CHARACTERISTIC_REF},
    ("Proposal", "functions[]"): {
        "pattern": CODE_PATTERN,
        "pattern_hint": "use lower snake case, such as `housing`",
    },
    ("Waiver", "pointer"): {
        "pattern": POINTER_PATTERN,
        "pattern_hint": "write a JSON Pointer such as `/impacts/3`, or leave it out",
    },
}


def _unwrap_optional(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _default(field: attrs.Attribute[Any]) -> Any:
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return typing.cast(Any, default).factory()
    if default is attrs.NOTHING:
        return attrs.NOTHING
    return default


def _kind(tp: Any) -> tuple[Kind, type | None, type[enum.Enum] | None]:
    """The document kind of a (non-optional, non-list) type, its attrs class and enum."""
    if tp is Characteristic:
        return Kind.CHARACTERISTIC_REF, None, None
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return Kind.ENUM, None, tp
    if tp is _dt.date:
        return Kind.DATE, None, None
    if tp is bool:
        return Kind.BOOLEAN, None, None
    if tp is int:
        return Kind.INTEGER, None, None
    if tp is str:
        return Kind.TEXT, None, None
    if attrs.has(tp):
        return Kind.OBJECT, tp, None
    raise TypeError(f"no document kind for {tp!r}")  # pragma: no cover - a new model type


def _field_spec(owner: type, field: attrs.Attribute[Any], hint: Any) -> FieldSpec:
    tp = _unwrap_optional(hint)
    extra = dict(_EXTRA.get((owner.__name__, field.name), {}))
    item: FieldSpec | None = None
    if typing.get_origin(tp) is tuple:
        kind, cls, enum_cls = Kind.LIST, typing.get_args(tp)[0], None
        item_extra = dict(_EXTRA.get((owner.__name__, f"{field.name}[]"), {}))
        if not attrs.has(cls) or "kind" in item_extra:  # a list of plain values
            item_kind, _, item_enum = _kind(cls)
            item = FieldSpec(
                name=field.name,
                kind=item_extra.pop("kind", item_kind),
                doc=str(field.metadata.get("doc", "")),
                required=True,
                default=None,
                enum=item_enum,
                **item_extra,
            )
            cls = None
    else:
        kind, cls, enum_cls = _kind(tp)
    kind = extra.pop("kind", kind)
    default = _default(field)
    return FieldSpec(
        name=field.name,
        kind=kind,
        doc=str(field.metadata.get("doc", "")),
        required=default is attrs.NOTHING,
        default=None if default is attrs.NOTHING else default,
        enum=enum_cls,
        cls=cls,
        item=item,
        **extra,
    )


def _class_spec(cls: type) -> ClassSpec:
    hints = typing.get_type_hints(cls, vars(model))
    fields = tuple(
        _field_spec(cls, f, hints[f.name])
        for f in attrs.fields(cls)
        if f.metadata.get("document", True)
    )
    doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    return ClassSpec(
        cls=cls,
        doc=doc,
        fields=fields,
        by_name={f.name: f for f in fields},
        required=tuple(f.name for f in fields if f.required),
        names=tuple(f.name for f in fields),
    )


def _collect(root: type) -> dict[type, ClassSpec]:
    specs: dict[type, ClassSpec] = {}
    todo = [root]
    while todo:
        cls = todo.pop(0)
        if cls in specs:
            continue
        specs[cls] = spec = _class_spec(cls)
        todo.extend(f.cls for f in spec.fields if f.cls is not None)
    return specs


CLASS_SPECS: Mapping[type, ClassSpec] = types.MappingProxyType(_collect(Proposal))
"""Every document object reachable from :class:`~psed.model.Proposal`, root first."""


def class_spec(cls: type) -> ClassSpec:
    """The field table of one document class."""
    return CLASS_SPECS[cls]
