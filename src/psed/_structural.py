"""The structural codes PSED001-PSED007 and the walker that finds PSED002-PSED007.

The walker is driven by the field table (:mod:`psed._fields`), itself derived
from the model, so adding a field to the model adds it here, to the converter and
to the JSON Schema at once. One pass over the payload collects every problem,
each with an RFC 6901 pointer into the payload as given, and produces cleaned
data for the converter: invalid values replaced by their default (or ``None``),
unknown keys left out, a missing required text as ``""``, an unknown
characteristic as a placeholder local characteristic.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from collections.abc import Mapping
from typing import Any

from psed._fields import (
    CLASS_SPECS,
    CODE_RE,
    DATE_RE,
    POINTER_RE,
    ClassSpec,
    FieldSpec,
    Kind,
)
from psed._i18n import Message
from psed.catalogue import BUILTIN_CHARACTERISTICS, Catalogue
from psed.findings import Finding, Severity
from psed.model import Characteristic, Proposal

__all__ = [
    "STRUCTURAL_NAMES",
    "document_characteristic",
    "escape",
    "key_text",
    "structural_finding",
    "walk",
]

STRUCTURAL_NAMES: dict[str, str] = {
    "PSED001": "unreadable-document",
    "PSED002": "missing-field",
    "PSED003": "wrong-type",
    "PSED004": "invalid-value",
    "PSED005": "unknown-field",
    "PSED006": "unknown-characteristic",
    "PSED007": "unknown-framework",
}


def structural_finding(
    code: str, pointer: str, message: str | Message, characteristic: str | None = None
) -> Finding:
    """A structural finding: always ``error``, never below its status.

    ``message`` is a :class:`psed._i18n.Message` (translated) or plain text.
    """
    return Finding(
        code=code,
        name=STRUCTURAL_NAMES[code],
        severity=Severity.ERROR,
        default_severity=Severity.ERROR,
        message=str(message),
        source=message if isinstance(message, Message) else None,
        pointer=pointer,
        characteristic=characteristic,
        references=("psed document format, schema_version 1",),
    )


def key_text(key: Any) -> str:
    """A mapping key as text, spelt as YAML 1.2 writes it (``true``, ``false``, ``null``)."""
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)


def escape(token: str) -> str:
    """One RFC 6901 reference token: ``~`` as ``~0``, ``/`` as ``~1``."""
    if "~" in token or "/" in token:
        return token.replace("~", "~0").replace("/", "~1")
    return token


def document_characteristic(code: str, label: str, description: str | None) -> Characteristic:
    """The Characteristic a document's ``characteristics`` entry defines.

    A built-in code keeps its kind, legal basis and aims (the document only gives
    it a local label); any other code is ``local`` with no basis and no aims.
    """
    builtin = BUILTIN_CHARACTERISTICS.get(code)
    if builtin is None:
        return Characteristic(code=code, label=label, description=description)
    return Characteristic(
        code=code,
        label=label,
        kind=builtin.kind,
        legal_basis=builtin.legal_basis,
        aims=builtin.aims,
        description=description,
    )


_WHERE = {
    "Proposal": "the document",
    "ServiceProfile": "service_profile",
    "Evidence": "an evidence item",
    "Engagement": "an engagement item",
    "ImpactEntry": "an impact entry",
    "Aims": "aims",
    "Mitigation": "a mitigation",
    "Decision": "decision",
    "SignOff": "a sign-off",
    "Characteristic": "a characteristic",
    "Waiver": "a waiver",
    "Screening": "screening",
    "Alternative": "an alternative",
    "Intersection": "an intersection",
    "RelatedAssessment": "a related assessment",
    "DecisionReport": "the decision report",
    "Contributor": "a contributor",
}

_EXPECTED = {
    Kind.TEXT: "text",
    Kind.BOOLEAN: "true or false",
    Kind.INTEGER: "a whole number",
    Kind.DATE: "a date written YYYY-MM-DD",
    Kind.ENUM: "a code",
    Kind.OBJECT: "a mapping of fields",
    Kind.LIST: "a list",
    Kind.CHARACTERISTIC_REF: "a characteristic code",
    Kind.FRAMEWORK: "a framework id",
}

_PLACEHOLDER_CHARACTERISTIC = Characteristic(code="", label="")


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value!r})"
    if isinstance(value, _dt.datetime):
        return f"a date and time ({value.isoformat()})"
    if isinstance(value, _dt.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, Mapping):
        return "a mapping"
    return type(value).__name__


def _hint(kind: Kind, value: Any) -> str:
    if kind in (Kind.TEXT, Kind.CHARACTERISTIC_REF, Kind.FRAMEWORK, Kind.ENUM) and isinstance(
        value, (bool, int, float, _dt.date)
    ):
        return "put the value in quotes"
    if kind is Kind.DATE:
        return "write it as YYYY-MM-DD"
    if kind is Kind.BOOLEAN:
        return "write true or false, without quotes"
    if kind is Kind.LIST:
        return "write it as a list (in YAML, each item on a line starting with '- ')"
    if kind is Kind.OBJECT:
        return "write it as a mapping of field names to values"
    if kind is Kind.INTEGER:
        return "write a whole number without quotes or separators"
    return "correct the value"


def _quote(text: str, limit: int = 60) -> str:
    """The value as a message shows it: quoted, and cut short when long."""
    if len(text) > limit:
        return repr(text[:limit]) + "..."
    return repr(text)


def _suggest(word: str, options: Any) -> str:
    if len(word) > 100:  # nothing that long is a misspelt field name or code
        return ""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}? " if close else ""


def _then(suggestion: str, rest: str) -> str:
    """Join a suggestion and what follows it as sentences: after a question, a capital."""
    if suggestion.endswith("? ") and rest:
        rest = rest[0].upper() + rest[1:]
    return suggestion + rest


_MAX_SUGGESTIONS = 200
"""How many "did you mean" suggestions one document gets (the rest are reported without)."""


class _Walker:
    """One pass over a payload: findings in ``self.findings``, cleaned data returned."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.findings: list[Finding] = []
        self.document_characteristics: dict[str, Characteristic] = {}
        self.refused: dict[str, str] = {}
        """Pointer -> message, for values that are valid alone but not beside others
        (a characteristic code defined twice, a second chosen alternative, a related
        assessment that is the document itself): found before the walk, reported when
        the walk reaches the value."""
        self.suggestions_left = _MAX_SUGGESTIONS

    def suggest(self, word: str, options: Any) -> str:
        """:func:`_suggest`, for the first :data:`_MAX_SUGGESTIONS` unknown words only.

        A suggestion costs a fuzzy match against every option; a hostile document with
        a million unknown keys must not cost a million of them.
        """
        if self.suggestions_left <= 0:
            return ""
        self.suggestions_left -= 1
        return _suggest(word, options)

    def report(
        self, code: str, pointer: str, message: str, characteristic: str | None = None
    ) -> None:
        self.findings.append(structural_finding(code, pointer, message, characteristic))

    # ----------------------------------------------------------------- objects

    def mapping(self, spec: ClassSpec, data: Mapping[Any, Any], pointer: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        by_name = spec.by_name
        for key, value in data.items():
            field = by_name.get(key) if isinstance(key, str) else None
            if field is None:
                self.unknown(spec, key, pointer)
                continue
            if value is None:
                if field.required:
                    self.report(
                        "PSED002",
                        f"{pointer}/{key}",
                        f"{key}: is empty (null) but required; give a value ({field.doc})",
                    )
                continue
            clean = self.value(field, value, f"{pointer}/{key}")
            if clean is not _INVALID:
                out[key] = clean
        for name in spec.required:
            if name not in out:
                if name not in data:
                    self.report(
                        "PSED002",
                        f"{pointer}/{name}",
                        f"{name}: this field is required in {_WHERE[spec.cls.__name__]}; "
                        f"add it ({spec.by_name[name].doc})",
                    )
                out[name] = self.placeholder(spec.by_name[name], data)
        return out

    def unknown(self, spec: ClassSpec, key: Any, pointer: str) -> None:
        text = key_text(key)
        where = _WHERE[spec.cls.__name__]
        self.report(
            "PSED005",
            f"{pointer}/{escape(text)}",
            f"{_quote(text)} is not a field of {where}; " + self._unknown_advice(text, spec),
        )

    def _unknown_advice(self, text: str, spec: ClassSpec) -> str:
        suggestion = self.suggest(text, spec.names)
        if suggestion:  # a misspelling: the one likely field says more than the whole list
            return _then(suggestion, "rename it, or remove it if it does not belong here")
        return f"remove it, or use one of the fields allowed here: {', '.join(spec.names)}"

    def placeholder(self, field: FieldSpec, data: Mapping[Any, Any]) -> Any:
        if field.kind is Kind.CHARACTERISTIC_REF:
            return _PLACEHOLDER_CHARACTERISTIC
        if field.name == "label":  # a characteristic without a label is labelled by its code
            code = data.get("code")
            return code if isinstance(code, str) else ""
        return ""

    # ----------------------------------------------------------------- values

    def wrong_type(self, field: FieldSpec, value: Any, pointer: str) -> object:
        self.report(
            "PSED003",
            pointer,
            f"{field.name}: expected {_EXPECTED[field.kind]}, got {_describe(value)}; "
            f"{_hint(field.kind, value)}",
        )
        return _INVALID

    def value(self, field: FieldSpec, value: Any, pointer: str) -> Any:
        kind = field.kind
        if kind is Kind.TEXT:
            if not isinstance(value, str):
                return self.wrong_type(field, value, pointer)
            if _SURROGATE.search(value):
                self.report(
                    "PSED004",
                    pointer,
                    f"{field.name}: the text contains half of a character (an unpaired "
                    "UTF-16 surrogate, often from a broken copy and paste); retype the "
                    "character or remove it",
                )
                return _INVALID
            if field.pattern is not None and not _PATTERNS[field.pattern].fullmatch(value):
                self.report(
                    "PSED004",
                    pointer,
                    f"{field.name}: {_quote(value)} is not allowed; {field.pattern_hint}",
                )
                return _INVALID
            return self.unless_refused(value, pointer)
        if kind is Kind.BOOLEAN:
            if not isinstance(value, bool):
                return self.wrong_type(field, value, pointer)
            return self.unless_refused(value, pointer)
        if kind is Kind.ENUM:
            return self.enum(field, value, pointer)
        if kind is Kind.DATE:
            return self.date(field, value, pointer)
        if kind is Kind.OBJECT:
            if not isinstance(value, Mapping):
                return self.wrong_type(field, value, pointer)
            assert field.cls is not None
            return self.mapping(CLASS_SPECS[field.cls], value, pointer)
        if kind is Kind.LIST:
            return self.sequence(field, value, pointer)
        if kind is Kind.INTEGER:
            return self.integer(field, value, pointer)
        if kind is Kind.CHARACTERISTIC_REF:
            return self.characteristic(field, value, pointer)
        return self.framework(field, value, pointer)

    def unless_refused(self, value: Any, pointer: str) -> Any:
        """``value``, or PSED004 when the pre-scan refused the value at ``pointer``."""
        message = self.refused.get(pointer)
        if message is None:
            return value
        self.report("PSED004", pointer, message)
        return _INVALID

    def sequence(self, field: FieldSpec, value: Any, pointer: str) -> Any:
        if not isinstance(value, (list, tuple)):
            return self.wrong_type(field, value, pointer)
        if field.item is not None:  # plain values: each checked as the item spec says
            plain = []
            for index, item in enumerate(value):
                clean = self.value(field.item, item, f"{pointer}/{index}")
                if clean is not _INVALID:
                    plain.append(clean)
            return plain
        assert field.cls is not None
        spec = CLASS_SPECS[field.cls]
        if field.one_true is not None:
            self.prescan_one_true(value, field.one_true, pointer)
        items = []
        for index, item in enumerate(value):
            item_pointer = f"{pointer}/{index}"
            if isinstance(item, Mapping):
                items.append(self.mapping(spec, item, item_pointer))
            else:
                # Keep the position so later pointers still line up with the payload.
                self.report(
                    "PSED003",
                    item_pointer,
                    f"{field.name}: each item must be a mapping of fields ({spec.doc}), "
                    f"got {_describe(item)}; write the item as field: value lines",
                )
                items.append(self.placeholder_mapping(spec))
        return items

    def prescan_one_true(self, items: list[Any] | tuple[Any, ...], key: str, pointer: str) -> None:
        """A second item with ``key: true`` (a second chosen alternative) is PSED004 there."""
        first: int | None = None
        for index, item in enumerate(items):
            if not (isinstance(item, Mapping) and item.get(key) is True):
                continue
            if first is None:
                first = index
                continue
            self.refused[f"{pointer}/{index}/{key}"] = (
                f"Only one item can be {key}, and {pointer}/{first} already is: "
                f"set {key} to false on one of them."
            )

    def placeholder_mapping(self, spec: ClassSpec) -> dict[str, Any]:
        return {name: self.placeholder(spec.by_name[name], {}) for name in spec.required}

    def enum(self, field: FieldSpec, value: Any, pointer: str) -> Any:
        assert field.enum is not None
        if not isinstance(value, str) or isinstance(value, bool):
            return self.wrong_type(field, value, pointer)
        try:
            return field.enum(value)
        except ValueError:
            pass
        codes = [str(m.value) for m in field.enum]
        labels = {str(getattr(m, "label", "")).lower(): str(m.value) for m in field.enum}
        normal = value.strip().lower().replace(" ", "_").replace("-", "_")
        if normal in codes:
            suggestion = f"did you mean {normal!r}? "
        elif value.strip().lower() in labels:
            suggestion = f"write the code {labels[value.strip().lower()]!r}, not the label; "
        else:
            suggestion = self.suggest(value, codes)
        self.report(
            "PSED004",
            pointer,
            f"{field.name}: {_quote(value)} is not an allowed code; "
            + _then(suggestion, f"use one of: {', '.join(codes)}"),
        )
        return _INVALID

    def date(self, field: FieldSpec, value: Any, pointer: str) -> Any:
        if isinstance(value, _dt.datetime):
            self.report(
                "PSED004",
                pointer,
                f"{field.name}: {value.isoformat(sep=' ')} has a time; "
                "write the date only as YYYY-MM-DD",
            )
            return _INVALID
        if isinstance(value, _dt.date):
            return value
        if not isinstance(value, str):
            return self.wrong_type(field, value, pointer)
        if DATE_RE.fullmatch(value):
            try:
                return _dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.report(
            "PSED004",
            pointer,
            f"{field.name}: {_quote(value)} is not a date; write it as YYYY-MM-DD",
        )
        return _INVALID

    def integer(self, field: FieldSpec, value: Any, pointer: str) -> Any:
        if isinstance(value, bool):
            return self.wrong_type(field, value, pointer)
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # JSON Schema counts 5.0 as an integer; so do we
        if not isinstance(value, int):
            return self.wrong_type(field, value, pointer)
        if field.const is not None and value != field.const:
            self.report(
                "PSED004",
                pointer,
                f"{field.name}: {value} is not supported; this version of psed reads "
                f"{field.name} {field.const} (upgrade psed to read newer documents)",
            )
            return _INVALID
        if field.minimum is not None and value < field.minimum:
            self.report(
                "PSED004",
                pointer,
                f"{field.name}: {value} is below {field.minimum}; "
                f"write a whole number of {field.minimum} or more",
            )
            return _INVALID
        return value

    def framework(self, field: FieldSpec, value: Any, pointer: str) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(field, value, pointer)
        if value in self.catalogue.frameworks:
            return value
        known = sorted(self.catalogue.frameworks)
        self.report(
            "PSED007",
            pointer,
            f"{field.name}: {_quote(value)} is not a registered framework; "
            + _then(
                self.suggest(value, known),
                f"use one of: {', '.join(known)}, or register yours with psed.register_framework",
            ),
        )
        return _INVALID

    def characteristic(self, field: FieldSpec, value: Any, pointer: str) -> Any:
        if not isinstance(value, str):
            self.wrong_type(field, value, pointer)
            return _PLACEHOLDER_CHARACTERISTIC
        found = self.document_characteristics.get(value) or self.catalogue.characteristic(value)
        if found is not None:
            return found
        known = {*self.catalogue.characteristics, *self.document_characteristics}
        self.report(
            "PSED006",
            pointer,
            f"{field.name}: {_quote(value)} is not a known characteristic; "
            + _then(
                self.suggest(value, known),
                "use a built-in or registered code, or define it under `characteristics`",
            ),
            characteristic=value,
        )
        return Characteristic(code=value, label=value)

    # ----------------------------------------------------------------- root

    def proposal(self, data: Mapping[Any, Any]) -> dict[str, Any]:
        # Document characteristics first: impact entries may name them.
        # A code defined twice is PSED004 at the second (the first definition counts).
        defined = data.get("characteristics")
        if isinstance(defined, (list, tuple)):
            first_at: dict[str, int] = {}
            for index, item in enumerate(defined):
                if isinstance(item, Mapping):
                    code, label = item.get("code"), item.get("label")
                    description = item.get("description")
                    if not isinstance(code, str):
                        continue
                    if code in first_at:
                        self.refused[f"/characteristics/{index}/code"] = (
                            f"code: {_quote(code)} is defined twice "
                            f"(also at /characteristics/{first_at[code]}); keep one"
                        )
                        continue
                    first_at[code] = index
                    self.document_characteristics[code] = document_characteristic(
                        code,
                        label if isinstance(label, str) else code,
                        description if isinstance(description, str) else None,
                    )
        self.prescan_related(data.get("related"), data.get("id"))
        return self.mapping(CLASS_SPECS[Proposal], data, "")

    def prescan_related(self, related: Any, own_id: Any) -> None:
        """A related assessment whose ``id`` is the document's own ``id`` is PSED004."""
        if not isinstance(related, (list, tuple)) or not isinstance(own_id, str):
            return
        for index, item in enumerate(related):
            if isinstance(item, Mapping) and item.get("id") == own_id:
                self.refused[f"/related/{index}/id"] = (
                    f"The related assessment {_quote(own_id)} is this document's own id: "
                    "give the id of the other assessment, or remove the link."
                )


_INVALID = object()
# A lone surrogate is not a character: text holding one cannot be written as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
_PATTERNS = {"^" + rx.pattern + "$": rx for rx in (CODE_RE, POINTER_RE)}


def walk(data: Mapping[Any, Any], catalogue: Catalogue) -> tuple[dict[str, Any], list[Finding]]:
    """Check a payload against the field table; cleaned data and every structural finding.

    The cleaned data holds only valid values (dates as dates, enums as members,
    impact characteristics resolved to :class:`Characteristic`), ready for the
    converter.
    """
    walker = _Walker(catalogue)
    cleaned = walker.proposal(data)
    return cleaned, walker.findings
