"""JSON Schema export: the document format as JSON Schema 2020-12.

The schema is generated from the same field table as the reader
(:mod:`psed._reading.fields`), so a document passes the schema if and only if
:func:`psed.read` reports no structural finding, with three exceptions, all
comparisons between two places of one document that JSON Schema cannot express:
the schema cannot know the codes a document defines in its own
``characteristics``, so a characteristic named in ``impacts`` or
``intersections`` is any text there and PSED006 (unknown characteristic) is
checked only by the reader; nor can it see a code defined twice in
``characteristics``, or a ``related`` id equal to the document's own ``id``
(both PSED004, from the reader only). Dates carry ``format: date`` as
well as a pattern; validate with format assertion on (in the Python
``jsonschema`` package, ``format_checker=Draft202012Validator.FORMAT_CHECKER``)
so impossible dates such as ``2021-02-30`` fail the schema as they fail the reader.
"""

from __future__ import annotations

from typing import Any

from psed._reading.fields import CLASS_SPECS, DATE_PATTERN, ClassSpec, FieldSpec, Kind
from psed.catalogue import BUILTIN_CHARACTERISTICS, Catalogue, default_catalogue
from psed.model import SCHEMA_VERSION, Proposal

__all__ = ["MODES", "SCHEMA_BASE", "json_schema"]

MODES = ("draft", "submission")
"""``draft``: what any saved document must look like; ``submission``: plus completeness."""

SCHEMA_BASE = f"https://psed.readthedocs.io/schema/{SCHEMA_VERSION}"
"""Where the schema's ``$id`` lives; the format version is part of the path."""

_NULL = {"type": "null"}


# The reader's date pattern without the year 0000, which no calendar date has: some
# validators' "date" format (ajv-formats) let it through, and psed's reader does not.
_SCHEMA_DATE = "^(?!0000)" + DATE_PATTERN[1:]


def _nullable(schema: dict[str, Any], field: FieldSpec) -> dict[str, Any]:
    if field.required:
        return schema
    if "type" in schema and "oneOf" not in schema and "$ref" not in schema:
        schema["type"] = [schema["type"], "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
        return schema
    return {"anyOf": [schema, _NULL]}


def _enum(members: list[tuple[str, str]]) -> dict[str, Any]:
    return {"type": "string", "oneOf": [{"const": code, "title": label} for code, label in members]}


def _field_schema(field: FieldSpec, catalogue: Catalogue, framework: str | None) -> dict[str, Any]:
    kind = field.kind
    schema: dict[str, Any]
    if kind is Kind.TEXT:
        schema = {"type": "string"}
        if field.pattern is not None:
            schema["pattern"] = field.pattern
    elif kind is Kind.BOOLEAN:
        schema = {"type": "boolean"}
    elif kind is Kind.INTEGER:
        schema = {"type": "integer"}
        if field.const is not None:
            schema["enum"] = [field.const]
        elif field.minimum is not None:
            schema["minimum"] = field.minimum
    elif kind is Kind.DATE:
        schema = {"type": "string", "format": "date", "pattern": _SCHEMA_DATE, "maxLength": 10}
    elif kind is Kind.ENUM:
        assert field.enum is not None
        schema = _enum([(str(m.value), str(getattr(m, "label", m.value))) for m in field.enum])
    elif kind is Kind.OBJECT:
        assert field.cls is not None
        schema = {"$ref": f"#/$defs/{field.cls.__name__}"}
    elif kind is Kind.LIST and field.item is not None:
        item = _field_schema(field.item, catalogue, framework)
        item.pop("description")
        schema = {"type": "array", "items": item}
    elif kind is Kind.LIST:
        assert field.cls is not None
        schema = {"type": "array", "items": {"$ref": f"#/$defs/{field.cls.__name__}"}}
        if field.one_true is not None:
            true_item = {
                "type": "object",  # validators in strict mode (ajv) want the type named
                "properties": {field.one_true: {"const": True}},
                "required": [field.one_true],
            }
            schema["not"] = {"contains": true_item, "minContains": 2}
    elif kind is Kind.CHARACTERISTIC_REF:
        # Document-defined codes are valid too, so any text; PSED006 is the reader's.
        schema = {"type": "string", "examples": sorted(BUILTIN_CHARACTERISTICS)}
    else:  # Kind.FRAMEWORK
        if framework is not None:
            schema = {"const": framework}
        else:
            schema = _enum([(f.id, f.label) for f in catalogue.frameworks.values()])
    schema = _nullable(schema, field)
    described = {"description": field.doc, **schema}
    if field.default not in (None, ()) and not field.required:
        default = field.default
        described["default"] = getattr(default, "value", default)
    return described


def _class_schema(spec: ClassSpec, catalogue: Catalogue, framework: str | None) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "title": spec.cls.__name__,
        "description": spec.doc,
        "additionalProperties": False,
        "properties": {f.name: _field_schema(f, catalogue, framework) for f in spec.fields},
    }
    required = list(spec.required)
    if spec.cls is Proposal and framework not in (None, "psed"):
        required.append("framework")  # absent means psed, which would not be this framework
    if required:
        schema["required"] = required
    return schema


def json_schema(
    framework: str | None = None,
    *,
    mode: str = "draft",
    catalogue: Catalogue | None = None,
) -> dict[str, Any]:
    """JSON Schema 2020-12 for the document format, as a JSON-ready dict.

    ``framework`` fixes the document's ``framework`` to one registered id (and
    puts it in ``$id``); without it ``framework`` may be any registered id.
    ``mode="draft"`` (the default) describes what any saved document must look
    like: the structural checks PSED002-PSED005 and PSED007. ``mode="submission"``
    adds the completeness conditions JSON Schema can express for a document
    submitted for approval.

    Enumerations are ``oneOf`` lists of ``{"const": code, "title": label}``, so a
    form can show the label and submit the code.

    >>> import psed
    >>> schema = psed.json_schema()
    >>> schema["$id"], schema["$defs"]["Proposal"]["required"]
    ('https://psed.readthedocs.io/schema/1/proposal.json', ['name'])
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(repr(m) for m in MODES)}, not {mode!r}")
    catalogue = default_catalogue() if catalogue is None else catalogue
    framework_obj = None
    if framework is not None:
        framework_obj = catalogue.framework(framework)
        if framework_obj is None:
            raise ValueError(
                f"framework {framework!r} is not registered; "
                f"use one of {', '.join(sorted(catalogue.frameworks))}"
            )
    path = "proposal.json" if framework is None else f"{framework}/proposal.json"
    if mode == "submission":
        path = path.replace("proposal.json", "submission.json")
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}/{path}",
        "title": "psed impact assessment"
        + ("" if framework_obj is None else f" ({framework_obj.label})"),
        "description": CLASS_SPECS[Proposal].doc
        + f" Document format schema_version {SCHEMA_VERSION}.",
        "$ref": "#/$defs/Proposal",
        "$defs": {
            cls.__name__: _class_schema(spec, catalogue, framework)
            for cls, spec in CLASS_SPECS.items()
        },
    }
    if mode == "draft":
        return schema
    from psed._submission_schema import add_submission_conditions

    if framework_obj is None:
        framework_obj = catalogue.framework("psed")
        assert framework_obj is not None
    return add_submission_conditions(schema, framework_obj, catalogue=catalogue)
