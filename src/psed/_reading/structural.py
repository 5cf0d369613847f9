"""The walker: a plain tree checked against the field table, PSED001-PSED007 in one pass.

The walker is driven by the field table (:mod:`psed._reading.fields`), itself
derived from the model, so adding a field to the model adds it here, to the
converter and to the JSON Schema at once. One pass over the tree collects every
problem, each with an RFC 6901 pointer into the tree as given, and builds the
:class:`~psed.model.Proposal` as it goes: invalid values replaced by their default
(or ``None``), unknown keys left out, a missing required text as ``""``, an unknown
characteristic as a placeholder local characteristic.

The same pass holds a tree to the :class:`~psed._reading.limits.Limits` (values and
depth), whether the caller parsed it or psed did, and reports what the JSON parser
marked (repeated keys, ``NaN``, numbers too long to read) where it meets them. The
walker descends only into fields the format defines; anything else that is a list or
a mapping (an unknown field's value, a value of the wrong type) is measured without
recursion, so no tree, however deep or wide, costs more than its size.

Every message is a sentence that names the field and says what to do.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from psed._bound import Bound
from psed._i18n import C_, Arg, Message, _, label
from psed._reading.codes import structural_finding
from psed._reading.fields import CLASS_SPECS, DATE_RE, PATTERNS, ClassSpec, FieldSpec, Kind
from psed._reading.json_reader import Duplicates, Rejected
from psed._reading.limits import Limits
from psed._reading.pointer import escape, key_text
from psed.catalogue import BUILTIN_CHARACTERISTICS, Catalogue
from psed.findings import Finding, Severity
from psed.model import Characteristic, Proposal

__all__ = ["OverLimit", "document_characteristic", "walk"]


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
    "ServiceProfile": "the service profile",
    "Evidence": "an evidence item",
    "Engagement": "an engagement item",
    "ImpactEntry": "an impact entry",
    "Aims": "the aims of an entry",
    "Mitigation": "a mitigation",
    "Decision": "the decision",
    "SignOff": "a sign-off",
    "Characteristic": "a characteristic",
    "Waiver": "a waiver",
    "Screening": "the screening",
    "Alternative": "an alternative",
    "Intersection": "an intersection",
    "RelatedAssessment": "a related assessment",
    "DecisionReport": "the decision report",
    "Contributor": "a contributor",
}
"""Each object in the words of a message."""

_LABELS = {
    ("Proposal", "id"): "id",
    ("Proposal", "schema_version"): "schema version",
    ("ServiceProfile", "customers"): "number of customers",
    ("ServiceProfile", "description"): "service profile description",
    ("Evidence", "date"): "date of the evidence",
    ("Evidence", "kind"): "kind of evidence",
    ("Engagement", "date"): "engagement date",
    ("Engagement", "end"): "end of the engagement",
    ("Engagement", "summary"): "engagement summary",
    ("SignOff", "date"): "sign-off date",
    ("Mitigation", "due"): "due date",
    ("Mitigation", "status"): "mitigation status",
    ("Decision", "date"): "decision date",
    ("Decision", "outcome"): "decision outcome",
    ("DecisionReport", "date"): "report date",
    ("Screening", "date"): "screening date",
    ("Screening", "outcome"): "screening outcome",
    ("Waiver", "expires"): "expiry date",
    ("Waiver", "rule"): "waived rule",
    ("Characteristic", "code"): "characteristic code",
    ("Alternative", "chosen"): "chosen flag",
    ("DecisionReport", "assessment_appended"): "assessment_appended flag",
    ("Proposal", "strategic"): "strategic flag",
    ("Intersection", "characteristics"): "characteristics of an intersection",
}
"""Fields whose name alone would not say which field a message means."""


FIELD_LABEL = "field in a message"
"""The catalogue context of a field's name in a structural message ("date of the evidence")."""

OBJECT_LABEL = "object in a message"
"""The catalogue context of an object's name in a structural message ("an evidence item")."""

FIELD_DOC = "field description"
"""The catalogue context of a field's description, and of its pattern's hint."""


def _label_text(spec: ClassSpec, field: FieldSpec) -> str:
    return _LABELS.get((spec.cls.__name__, field.name), field.name.replace("_", " "))


def _label(spec: ClassSpec, field: FieldSpec) -> Message:
    return label(FIELD_LABEL, _label_text(spec, field))


def _where(spec: ClassSpec) -> Message:
    return label(OBJECT_LABEL, _WHERE[spec.cls.__name__])


def table_entries() -> Iterator[tuple[str, str, str]]:
    """``(context, English, where)`` for each label the structural messages use."""
    for spec in CLASS_SPECS.values():
        name = spec.cls.__name__
        yield OBJECT_LABEL, _WHERE[name], f"psed._reading.structural:{name}"
        for field in spec.fields:
            where = f"psed._reading.fields:{name}.{field.name}"
            yield FIELD_LABEL, _label_text(spec, field), where
            yield FIELD_DOC, _bare_text(field.doc), where
            if field.pattern_hint:
                yield FIELD_DOC, field.pattern_hint, where


_EXPECTED = {
    Kind.TEXT: C_("expected value", "text"),
    Kind.BOOLEAN: C_("expected value", "true or false"),
    Kind.INTEGER: C_("expected value", "a whole number"),
    Kind.DATE: C_("expected value", "a date written YYYY-MM-DD"),
    Kind.ENUM: C_("expected value", "a code"),
    Kind.OBJECT: C_("expected value", "a mapping of fields"),
    Kind.LIST: C_("expected value", "a list"),
    Kind.CHARACTERISTIC_REF: C_("expected value", "a characteristic code"),
    Kind.FRAMEWORK: C_("expected value", "a framework id"),
}

_PLACEHOLDER_CHARACTERISTIC = Characteristic(code="", label="")


_FIELD_LISTS = {spec.cls: ", ".join(spec.names) for spec in CLASS_SPECS.values()}
"""The fields each object allows, as PSED005's message lists them (one string for all)."""


def _build(spec: ClassSpec, values: dict[str, Any]) -> Any:
    """The model object ``spec`` describes, from the values the walker kept."""
    if spec.cls is Characteristic:  # a document's own characteristic
        return document_characteristic(values["code"], values["label"], values.get("description"))
    return spec.cls(**values)


def _describe(value: Any) -> Arg:
    if isinstance(value, bool):
        return C_("value found", "true/false ({value})", value=str(value).lower())
    if isinstance(value, int):
        if not -(10**60) < value < 10**60:
            return C_("value found", "a very long number")
        return C_("value found", "a number ({value})", value=str(value))
    if isinstance(value, float):
        return C_("value found", "a number ({value})", value=repr(value))
    if isinstance(value, _dt.datetime):
        return C_("value found", "a date and time ({value})", value=value.isoformat())
    if isinstance(value, _dt.date):
        return C_("value found", "a date ({value})", value=value.isoformat())
    if isinstance(value, str):
        return C_("value found", "the text {value}", value=_quote(value))
    if isinstance(value, (list, tuple)):
        return C_("value found", "a list")
    if isinstance(value, Mapping):
        return C_("value found", "a mapping")
    return type(value).__name__


def _hint(kind: Kind, value: Any) -> Message:
    if kind in (Kind.TEXT, Kind.CHARACTERISTIC_REF, Kind.FRAMEWORK, Kind.ENUM) and isinstance(
        value, (bool, int, float, _dt.date)
    ):
        return C_("how to fix a value", "put the value in quotes")
    if kind is Kind.DATE:
        return C_("how to fix a value", "write it as YYYY-MM-DD")
    if kind is Kind.BOOLEAN:
        return C_("how to fix a value", "write true or false, without quotes")
    if kind is Kind.LIST:
        return C_(
            "how to fix a value",
            "write it as a list (in YAML, each item on a line starting with '- ')",
        )
    if kind is Kind.OBJECT:
        return C_("how to fix a value", "write it as a mapping of field names to values")
    if kind is Kind.INTEGER:
        return C_("how to fix a value", "write a whole number without quotes or separators")
    return C_("how to fix a value", "correct the value")


def _quote(text: str, limit: int = 60) -> str:
    """The value as a message shows it: quoted, and cut short when long."""
    if len(text) > limit:
        return repr(text[:limit]) + "..."
    return repr(text)


_DAY_MONTH_YEAR = re.compile(r"\s*([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})\s*")


def _as_iso(text: str) -> str:
    """How a person should write the date they meant: 31/12/2022 as 2022-12-31."""
    match = _DAY_MONTH_YEAR.fullmatch(text)
    if match is not None:
        day, month, year = (int(part) for part in match.groups())
        try:
            return _dt.date(year, month, day).isoformat()
        except ValueError:
            pass
    return "YYYY-MM-DD"


def _suggest(word: str, options: Any) -> str | None:
    """The option ``word`` is likely a misspelling of, quoted, or None."""
    if len(word) > 100:  # nothing that long is a misspelt field name or code
        return None
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return repr(close[0]) if close else None


def _bare_text(doc: str) -> str:
    return doc.rstrip(".")


def _bare(doc: str) -> Message:
    """A field's description inside a message's brackets: without its full stop."""
    return label(FIELD_DOC, _bare_text(doc))


_MAX_SUGGESTIONS = 200
"""How many "did you mean" suggestions one document gets (the rest are reported without)."""

# A lone surrogate is not a character: text holding one cannot be written as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
_INVALID = object()
_LEAVE = object()
"""In :meth:`_Walker.measure`'s work list: the container whose id follows is done."""


def _has_surrogate(text: str) -> bool:
    return not text.isascii() and _SURROGATE.search(text) is not None


class OverLimit(Exception):
    """The tree is over a limit (``depth`` or ``values``) at ``pointer``: one PSED001."""

    def __init__(self, limit: str, pointer: str) -> None:
        super().__init__(limit, pointer)
        self.limit = limit
        self.pointer = pointer


def _structural(
    code: str, pointer: str, message: str | Callable[[], str], characteristic: str | None
) -> Finding:
    text = message() if callable(message) else message
    return structural_finding(code, pointer, text, characteristic)


def _unknown_field(text: str, spec: ClassSpec, suggestion: str | None) -> Message:
    if suggestion:  # a misspelling: the one likely field says more than the whole list
        return _(
            "There is no field {name} in {where}: did you mean {suggestion}? Rename it, or "
            "remove it if it does not belong here.",
            name=_quote(text),
            where=_where(spec),
            suggestion=suggestion,
        )
    return _(
        "There is no field {name} in {where}: remove it, or use one of the fields allowed "
        "here: {fields}.",
        name=_quote(text),
        where=_where(spec),
        fields=_FIELD_LISTS[spec.cls],
    )


def _not_a_mapping(spec: ClassSpec, field: FieldSpec, item_spec: ClassSpec, item: Any) -> Message:
    return _(
        "Each item of the {field} must be a mapping of fields ({doc}), not "
        "{value}: write the item as field: value lines.",
        field=_label(spec, field),
        doc=_bare(item_spec.doc),
        value=_describe(item),
    )


class _Walker:
    """One pass over a tree: findings handed to ``bound``, the Proposal built as it goes.

    ``skip_missing`` holds the places where a PSED002 would repeat a finding already made
    (a value the parser refused is null here).
    """

    def __init__(
        self,
        catalogue: Catalogue,
        limits: Limits,
        values: int,
        bound: Bound,
        skip_missing: frozenset[str] = frozenset(),
    ) -> None:
        self.catalogue = catalogue
        self.limits = limits
        self.values_left = values
        self.bound = bound
        self.skip_missing = skip_missing
        self.document_characteristics: dict[str, Characteristic] = {}
        self.refused: dict[str, Message] = {}
        """Pointer -> message, for values that are valid alone but not beside others
        (a characteristic code defined twice, a second chosen alternative, a related
        assessment that is the document itself): found before the walk, reported when
        the walk reaches the value."""
        self.suggestions_left = _MAX_SUGGESTIONS
        self.spec: ClassSpec = CLASS_SPECS[Proposal]
        """The object being read (its fields' names go into the messages)."""
        self.framework_id: str | None = None
        """The document's framework id: under Northern Ireland's, ``age``, ``disability``
        and ``sexual_orientation`` are the section 75 categories."""

    def suggest(self, word: str, options: Any) -> str | None:
        """:func:`_suggest`, for the first :data:`_MAX_SUGGESTIONS` unknown words only.

        A suggestion costs a fuzzy match against every option; a hostile document with
        a million unknown keys must not cost a million of them.
        """
        if self.suggestions_left <= 0:
            return None
        self.suggestions_left -= 1
        return _suggest(word, options)

    def report(
        self,
        code: str,
        pointer: str,
        message: str | Callable[[], str],
        characteristic: str | None = None,
    ) -> None:
        """A structural finding; ``message`` may be a function, called only if it is listed."""
        if code == "PSED002" and pointer in self.skip_missing:
            return
        make = functools.partial(_structural, code, pointer, message, characteristic)
        self.bound.add(code, pointer, Severity.ERROR, make)

    # ----------------------------------------------------------------- limits

    def tick(self, count: int, pointer: str) -> None:
        self.values_left -= count
        if self.values_left < 0:
            raise OverLimit("values", pointer)

    def deeper(self, depth: int, pointer: str) -> None:
        if depth > self.limits.max_depth:
            raise OverLimit("depth", pointer)

    def measure(self, value: Any, depth: int, pointer: str) -> None:
        """Count what lies below a list or mapping the walker does not descend into.

        Without recursion, within the limits; marks of the parser found there are
        reported as anywhere else.
        """
        # A tree built in Python may hold itself; a container met again on its own path
        # is not read again (what holds it is reported already, as unknown or wrong).
        on_path: set[int] = set()
        todo: list[tuple[Any, int, str]] = [(value, depth, pointer)]
        while todo:
            node, level, here = todo.pop()
            if node is _LEAVE:
                on_path.discard(level)
                continue
            if isinstance(node, (Mapping, list, tuple)):
                if id(node) in on_path:
                    continue
                self.deeper(level, here)
                on_path.add(id(node))
                todo.append((_LEAVE, id(node), here))
            if isinstance(node, Mapping):
                self.tick(2 * len(node), here)
                self.repeated(node, here)
                todo.extend(
                    (v, level + 1, f"{here}/{escape(key_text(k))}") for k, v in node.items()
                )
            elif isinstance(node, (list, tuple)):
                self.tick(len(node), here)
                todo.extend((v, level + 1, f"{here}/{i}") for i, v in enumerate(node))
            elif isinstance(node, Rejected):
                self.report("PSED001", here, node.message)

    def repeated(self, data: Mapping[Any, Any], pointer: str) -> None:
        """Keys the JSON parser saw more than once in this mapping (the first value kept)."""
        if type(data) is not Duplicates:
            return
        for key in data.repeated:
            self.report(
                "PSED001",
                f"{pointer}/{escape(key)}",
                _(
                    "The key {key} appears more than once in this mapping: keep one of "
                    "them (psed read the first).",
                    key=_quote(key),
                ),
            )

    # ----------------------------------------------------------------- objects

    def mapping(self, spec: ClassSpec, data: Mapping[Any, Any], pointer: str, depth: int) -> Any:
        self.deeper(depth, pointer)
        self.tick(len(data), pointer)  # the keys; each value is counted where it is read
        self.repeated(data, pointer)
        out: dict[str, Any] = {}
        by_name = spec.by_name
        for key, value in data.items():
            field = by_name.get(key) if isinstance(key, str) else None
            if field is None:
                self.unknown(spec, key, value, pointer, depth)
                continue
            here = f"{pointer}/{key}"
            if isinstance(value, Rejected):
                self.report("PSED001", here, value.message)
                continue
            if value is None:
                if field.required:
                    self.report(
                        "PSED002",
                        here,
                        _(
                            "The {field} is empty (null), but {where} needs one: give a value "
                            "({doc}).",
                            field=_label(self.spec, field),
                            where=_where(spec),
                            doc=_bare(field.doc),
                        ),
                    )
                continue
            clean = self.value(field, value, here, depth + 1)
            if clean is not _INVALID:
                out[key] = clean
        for name in spec.required:
            if name not in out:
                if name not in data:
                    field = spec.by_name[name]
                    self.report(
                        "PSED002",
                        f"{pointer}/{name}",
                        _(
                            "The {field} is missing, and {where} needs one: add `{name}` ({doc}).",
                            field=_label(self.spec, field),
                            where=_where(spec),
                            name=name,
                            doc=_bare(field.doc),
                        ),
                    )
                out[name] = self.placeholder(spec.by_name[name], data)
        return _build(spec, out)

    def unknown(self, spec: ClassSpec, key: Any, value: Any, pointer: str, depth: int) -> None:
        text = key_text(key)
        if isinstance(key, str) and _has_surrogate(key):
            self.report(
                "PSED001",
                pointer,
                _(
                    "A key here contains an escape such as \\ud800 that is half of a "
                    "character (an unpaired UTF-16 surrogate): write the whole character, "
                    "or remove the escape."
                ),
            )
            return
        here = f"{pointer}/{escape(text)}"
        suggestion = self.suggest(text, spec.names)  # in walk order, listed or not
        self.report("PSED005", here, lambda: _unknown_field(text, spec, suggestion))
        self.value_below(value, depth + 1, here)

    def value_below(self, value: Any, depth: int, pointer: str) -> None:
        """A value the walker reads no further: counted, and measured if a container."""
        self.tick(1, pointer)
        if isinstance(value, (Mapping, list, tuple)):
            self.measure(value, depth, pointer)
        elif isinstance(value, Rejected):
            self.report("PSED001", pointer, value.message)

    def placeholder(self, field: FieldSpec, data: Mapping[Any, Any]) -> Any:
        if field.kind is Kind.CHARACTERISTIC_REF:
            return _PLACEHOLDER_CHARACTERISTIC
        if field.name == "label":  # a characteristic without a label is labelled by its code
            code = data.get("code")
            return code if isinstance(code, str) else ""
        return ""

    # ----------------------------------------------------------------- values

    def wrong_type(self, field: FieldSpec, value: Any, pointer: str, depth: int) -> object:
        spec = self.spec
        self.report(
            "PSED003",
            pointer,
            lambda: _(
                "The {field} should be {expected}, not {value}: {hint}.",
                field=_label(spec, field),
                expected=_EXPECTED[field.kind],
                value=_describe(value),
                hint=_hint(field.kind, value),
            ),
        )
        if isinstance(value, (Mapping, list, tuple)):
            self.measure(value, depth, pointer)
        return _INVALID

    def value(self, field: FieldSpec, value: Any, pointer: str, depth: int) -> Any:
        self.tick(1, pointer)
        kind = field.kind
        if isinstance(value, str) and _has_surrogate(value):
            self.report(
                "PSED001",
                pointer,
                _(
                    "The {field} contains half of a character (an unpaired UTF-16 "
                    "surrogate, often from a broken copy and paste, or an escape such as "
                    "\\ud800): retype the character or remove it.",
                    field=_label(self.spec, field),
                ),
            )
            return _INVALID
        if kind is Kind.TEXT:
            if not isinstance(value, str):
                return self.wrong_type(field, value, pointer, depth)
            if field.pattern is not None and not PATTERNS[field.pattern].fullmatch(value):
                self.report(
                    "PSED004",
                    pointer,
                    _(
                        "The {field} {value} is not allowed: {hint}.",
                        field=_label(self.spec, field),
                        value=_quote(value),
                        hint=label(FIELD_DOC, str(field.pattern_hint)),
                    ),
                )
                return _INVALID
            return self.unless_refused(value, pointer)
        if kind is Kind.BOOLEAN:
            if not isinstance(value, bool):
                return self.wrong_type(field, value, pointer, depth)
            return self.unless_refused(value, pointer)
        if kind is Kind.ENUM:
            return self.enum(field, value, pointer, depth)
        if kind is Kind.DATE:
            return self.date(field, value, pointer, depth)
        if kind is Kind.OBJECT:
            if not isinstance(value, Mapping):
                return self.wrong_type(field, value, pointer, depth)
            assert field.cls is not None
            return self.within(CLASS_SPECS[field.cls], value, pointer, depth)
        if kind is Kind.LIST:
            return self.sequence(field, value, pointer, depth)
        if kind is Kind.INTEGER:
            return self.integer(field, value, pointer, depth)
        if kind is Kind.CHARACTERISTIC_REF:
            return self.characteristic(field, value, pointer, depth)
        return self.framework(field, value, pointer, depth)

    def within(self, spec: ClassSpec, data: Mapping[Any, Any], pointer: str, depth: int) -> Any:
        """:meth:`mapping` for ``spec``, with ``self.spec`` set while inside it."""
        outer = self.spec
        self.spec = spec
        try:
            return self.mapping(spec, data, pointer, depth)
        finally:
            self.spec = outer

    def unless_refused(self, value: Any, pointer: str) -> Any:
        """``value``, or PSED004 when the pre-scan refused the value at ``pointer``."""
        message = self.refused.get(pointer)
        if message is None:
            return value
        self.report("PSED004", pointer, message)
        return _INVALID

    def sequence(self, field: FieldSpec, value: Any, pointer: str, depth: int) -> Any:
        if not isinstance(value, (list, tuple)):
            return self.wrong_type(field, value, pointer, depth)
        self.deeper(depth, pointer)
        if field.item is not None:  # plain values: each checked as the item spec says
            plain = []
            for index, item in enumerate(value):
                clean = self.value(field.item, item, f"{pointer}/{index}", depth + 1)
                if clean is not _INVALID:
                    plain.append(clean)
            return tuple(plain)
        assert field.cls is not None
        item_spec = CLASS_SPECS[field.cls]
        if field.one_true is not None:
            self.prescan_one_true(value, field.one_true, pointer)
        items = []
        for index, item in enumerate(value):
            item_pointer = f"{pointer}/{index}"
            if isinstance(item, Mapping):
                self.tick(1, item_pointer)
                items.append(self.within(item_spec, item, item_pointer, depth + 1))
            else:
                # Keep the position so later pointers still line up with the tree.
                message = functools.partial(_not_a_mapping, self.spec, field, item_spec, item)
                self.report("PSED003", item_pointer, message)
                self.value_below(item, depth + 1, item_pointer)
                items.append(self.placeholder_mapping(item_spec))
        return tuple(items)

    def prescan_one_true(self, items: list[Any] | tuple[Any, ...], key: str, pointer: str) -> None:
        """A second item with ``key: true`` (a second chosen alternative) is PSED004 there."""
        first: int | None = None
        for index, item in enumerate(items):
            if not (isinstance(item, Mapping) and item.get(key) is True):
                continue
            if first is None:
                first = index
                continue
            already = f"{pointer}/{first}"
            self.refused[f"{pointer}/{index}/{key}"] = _(
                "Only one item can be {key}, and {pointer} already is: set {key} to false on "
                "one of them.",
                key=key,
                pointer=already,
            )

    def placeholder_mapping(self, spec: ClassSpec) -> Any:
        return _build(
            spec, {name: self.placeholder(spec.by_name[name], {}) for name in spec.required}
        )

    def enum(self, field: FieldSpec, value: Any, pointer: str, depth: int) -> Any:
        assert field.enum is not None
        if not isinstance(value, str):
            return self.wrong_type(field, value, pointer, depth)
        try:
            return field.enum(value)
        except ValueError:
            pass
        codes = [str(m.value) for m in field.enum]
        labels = {str(getattr(m, "label", "")).lower(): str(m.value) for m in field.enum}
        normal = value.strip().lower().replace(" ", "_").replace("-", "_")
        values: dict[str, Arg] = {
            "field": _label(self.spec, field),
            "value": _quote(value),
            "codes": ", ".join(codes),
        }
        if normal not in codes and value.strip().lower() in labels:
            message = _(
                "The {field} {value} is not an allowed code: write the code {code}, not the "
                "label; use one of: {codes}.",
                code=repr(labels[value.strip().lower()]),
                **values,
            )
        else:
            suggestion = repr(normal) if normal in codes else self.suggest(value, codes)
            if suggestion:
                message = _(
                    "The {field} {value} is not an allowed code: did you mean {suggestion}? Use "
                    "one of: {codes}.",
                    suggestion=suggestion,
                    **values,
                )
            else:
                message = _(
                    "The {field} {value} is not an allowed code: use one of: {codes}.", **values
                )
        self.report("PSED004", pointer, message)
        return _INVALID

    def date(self, field: FieldSpec, value: Any, pointer: str, depth: int) -> Any:
        if isinstance(value, _dt.datetime):
            self.report(
                "PSED004",
                pointer,
                _(
                    "The {field} {value} has a time: write the date only, as {date}.",
                    field=_label(self.spec, field),
                    value=value.isoformat(sep=" "),
                    date=value.date().isoformat(),
                ),
            )
            return _INVALID
        if isinstance(value, _dt.date):
            return value
        if not isinstance(value, str):
            return self.wrong_type(field, value, pointer, depth)
        if DATE_RE.fullmatch(value):
            try:
                return _dt.date.fromisoformat(value)
            except ValueError:
                self.report(
                    "PSED004",
                    pointer,
                    _(
                        "The {field} {value} is not a date: there is no such day in the "
                        "calendar; write a real date as YYYY-MM-DD.",
                        field=_label(self.spec, field),
                        value=_quote(value),
                    ),
                )
                return _INVALID
        self.report(
            "PSED004",
            pointer,
            _(
                "The {field} {value} is not a date: write it as {iso}.",
                field=_label(self.spec, field),
                value=_quote(value),
                iso=_as_iso(value),
            ),
        )
        return _INVALID

    def integer(self, field: FieldSpec, value: Any, pointer: str, depth: int) -> Any:
        if isinstance(value, bool):
            return self.wrong_type(field, value, pointer, depth)
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # JSON Schema counts 5.0 as an integer; so do we
        if not isinstance(value, int):
            return self.wrong_type(field, value, pointer, depth)
        name = _label(self.spec, field)
        shown: Arg = (
            str(value)
            if -(10**60) < value < 10**60
            else C_("value found", "(a number too long to show)")
        )
        if field.const is not None and value != field.const:
            self.report(
                "PSED004",
                pointer,
                _(
                    "The {field} {value} is not supported: this version of psed reads {name} "
                    "{const} (upgrade psed to read newer documents).",
                    field=name,
                    value=shown,
                    name=field.name,
                    const=str(field.const),
                ),
            )
            return _INVALID
        if field.minimum is not None and value < field.minimum:
            self.report(
                "PSED004",
                pointer,
                _(
                    "The {field} {value} is below {minimum}: write a whole number of {minimum} "
                    "or more.",
                    field=name,
                    value=shown,
                    minimum=str(field.minimum),
                ),
            )
            return _INVALID
        return value

    def framework(self, field: FieldSpec, value: Any, pointer: str, depth: int) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(field, value, pointer, depth)
        if value in self.catalogue.frameworks:
            return value
        known = sorted(self.catalogue.frameworks)
        suggestion = self.suggest(value, known)
        if suggestion:
            message = _(
                "The framework {value} is not registered: did you mean {suggestion}? Use one "
                "of: {known}, or register yours with psed.register_framework.",
                value=_quote(value),
                suggestion=suggestion,
                known=", ".join(known),
            )
        else:
            message = _(
                "The framework {value} is not registered: use one of: {known}, or register "
                "yours with psed.register_framework.",
                value=_quote(value),
                known=", ".join(known),
            )
        self.report("PSED007", pointer, message)
        return _INVALID

    def characteristic(self, field: FieldSpec, value: Any, pointer: str, depth: int) -> Any:
        if not isinstance(value, str):
            self.wrong_type(field, value, pointer, depth)
            return _PLACEHOLDER_CHARACTERISTIC
        found = self.document_characteristics.get(value) or self.catalogue.characteristic(
            value, self.framework_id
        )
        if found is not None:
            return found
        known = {*self.catalogue.characteristics, *self.document_characteristics}
        suggestion = self.suggest(value, known)
        if suggestion:
            message = _(
                "The characteristic {value} is not known: did you mean {suggestion}? Use a "
                "built-in or registered code, or define it under `characteristics`.",
                value=_quote(value),
                suggestion=suggestion,
            )
        else:
            message = _(
                "The characteristic {value} is not known: use a built-in or registered code, "
                "or define it under `characteristics`.",
                value=_quote(value),
            )
        self.report("PSED006", pointer, message, characteristic=value)
        return Characteristic(code=value, label=value)

    # ----------------------------------------------------------------- root

    def proposal(self, data: Mapping[Any, Any]) -> Proposal:
        root = CLASS_SPECS[Proposal]
        self.spec = root
        self.tick(1, "")
        framework = data.get("framework")
        self.framework_id = framework if isinstance(framework, str) else None
        self.prescan_characteristics(data.get("characteristics"))
        self.prescan_related(data.get("related"), data.get("id"))
        built: Proposal = self.mapping(root, data, "", 1)
        return built

    def prescan_characteristics(self, defined: Any) -> None:
        """Document characteristics first: impact entries may name them.

        A code defined twice is PSED004 at the second (the first definition counts).
        """
        if not isinstance(defined, (list, tuple)):
            return
        first_at: dict[str, int] = {}
        for index, item in enumerate(defined):
            if not isinstance(item, Mapping):
                continue
            code, label = item.get("code"), item.get("label")
            description = item.get("description")
            if not isinstance(code, str):
                continue
            if code in first_at:
                also = f"/characteristics/{first_at[code]}"
                self.refused[f"/characteristics/{index}/code"] = _(
                    "The characteristic code {code} is defined twice (also at {pointer}): "
                    "keep one.",
                    code=_quote(code),
                    pointer=also,
                )
                continue
            first_at[code] = index
            self.document_characteristics[code] = document_characteristic(
                code,
                label if isinstance(label, str) else code,
                description if isinstance(description, str) else None,
            )

    def prescan_related(self, related: Any, own_id: Any) -> None:
        """A related assessment whose ``id`` is the document's own ``id`` is PSED004."""
        if not isinstance(related, (list, tuple)) or not isinstance(own_id, str):
            return
        for index, item in enumerate(related):
            if isinstance(item, Mapping) and item.get("id") == own_id:
                self.refused[f"/related/{index}/id"] = _(
                    "The related assessment {id} is this document's own id: give the id of the "
                    "other assessment, or remove the link.",
                    id=_quote(own_id),
                )


def walk(
    data: Mapping[Any, Any],
    catalogue: Catalogue,
    limits: Limits,
    bound: Bound,
    *,
    extra_values: int = 0,
    skip_missing: frozenset[str] = frozenset(),
) -> Proposal:
    """Check a tree against the field table: the Proposal; every structural finding to ``bound``.

    The Proposal holds only valid values (dates as dates, enums as members,
    characteristics resolved to :class:`Characteristic`), built in the same pass.
    ``extra_values`` allows for values YAML aliases added (bounded when parsed);
    ``skip_missing`` is the places where a PSED002 is not reported (see :class:`_Walker`).
    Raises :class:`OverLimit` when the tree is over ``limits``.
    """
    walker = _Walker(catalogue, limits, limits.max_values + extra_values, bound, skip_missing)
    return walker.proposal(data)
