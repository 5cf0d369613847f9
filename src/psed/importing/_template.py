"""Import templates: one form layout as data (YAML), read and checked into attrs classes.

A template says which labels the form uses for each document field, how the impact
table's columns are headed, which words or tick boxes give the impact, and which
form text is not content. Built-in templates ship in ``psed/importing/templates/``;
an organisation adds its own with ``import-templates`` in its configuration, or
names a file with ``--template``. The layout is documented in "Write a template for
your own form" (docs/import-templates.md), and every message here names the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from typing import Any

import attrs
import yaml

from psed._reading.fields import CLASS_SPECS, Kind
from psed.importing._values import label_key
from psed.model import ImpactEntry, Mitigation, Proposal

__all__ = [
    "FieldRule",
    "ListTable",
    "Section",
    "Table",
    "Template",
    "TemplateError",
    "builtin_templates",
    "load_template",
    "parse_template",
]

TEMPLATE_VERSION = 1
_READS = ("text", "date", "person", "count", "integer", "choice", "lines")
_ENTRY_FIELDS = (
    "impact",
    "group",
    "details",
    "mitigations",
    "owner",
    "due",
    "monitoring",
    "justification",
)
_TABLE_ROLES = (
    "characteristic",
    *_ENTRY_FIELDS,
    "positive",
    "negative",
    "neutral",
    "not_applicable",
)
_LIST_TARGETS = ("evidence", "engagement", "mitigations")


class TemplateError(ValueError):
    """A template that cannot be used; the message names the file, the key and what to do."""


@attrs.frozen(kw_only=True)
class FieldRule:
    """Where one field's value is on the form, and how to read it."""

    path: str
    labels: tuple[str, ...] = ()
    read: str = "text"
    after: str | None = None
    source: str | None = None
    """Read the value out of another field's text (so it is inferred)."""
    choices: tuple[tuple[str, tuple[str, ...]], ...] = ()
    value: str = "auto"


@attrs.frozen(kw_only=True)
class Table:
    """An impact table: columns by their headings; one row per characteristic (or group)."""

    columns: tuple[tuple[str, tuple[str, ...]], ...]
    impact_words: tuple[tuple[str, str], ...] = ()

    def column_labels(self, role: str) -> tuple[str, ...]:
        return next((labels for name, labels in self.columns if name == role), ())


@attrs.frozen(kw_only=True)
class Section:
    """Impact entries written as one block per characteristic, each with its own labels."""

    fields: tuple[FieldRule, ...]
    within: tuple[str, ...] = ()
    until: tuple[str, ...] = ()
    impact_words: tuple[tuple[str, str], ...] = ()


@attrs.frozen(kw_only=True)
class ListTable:
    """A table whose rows become list items: evidence, engagement, or an action plan."""

    target: str
    columns: tuple[tuple[str, tuple[str, ...]], ...]


@attrs.frozen(kw_only=True)
class Template:
    """One form layout: how to find each field, the impact table, and what to ignore."""

    id: str
    label: str
    framework: str = "psed"
    description: str = ""
    match: tuple[str, ...] = ()
    fields: tuple[FieldRule, ...] = ()
    tables: tuple[Table, ...] = ()
    sections: tuple[Section, ...] = ()
    lists: tuple[ListTable, ...] = ()
    characteristics: tuple[tuple[str, str], ...] = ()
    ignore: tuple[str, ...] = ()
    guidance_italic: bool = True
    layout: str | None = None
    """``psed``: psed's own rendered layout, read by its own reader rather than by labels."""
    source: str = ""

    def characteristic_labels(self) -> dict[str, str]:
        """This template's own row labels (label key -> code)."""
        return {label_key(label): code for label, code in self.characteristics}


# --------------------------------------------------------------------------- reading


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def error(self, key: str, problem: str) -> TemplateError:
        return TemplateError(f"{self.source}: {key}: {problem}")

    def mapping(self, value: Any, key: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.error(key, f"expected a mapping (key: value lines), got {value!r}")
        for k in value:
            if not isinstance(k, str):
                raise self.error(key, f"keys must be text, got {k!r}")
        return value

    def text(self, value: Any, key: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, f"expected non-empty text, got {value!r}")
        return value

    def texts(self, value: Any, key: str) -> tuple[str, ...]:
        if isinstance(value, str):
            return (self.text(value, key),)
        if not isinstance(value, list) or not value:
            raise self.error(key, f"expected a list of text such as [a, b], got {value!r}")
        return tuple(self.text(v, f"{key}/{i}") for i, v in enumerate(value))

    def keys(self, value: Mapping[str, Any], allowed: tuple[str, ...], key: str) -> None:
        for k in value:
            if k not in allowed:
                raise self.error(
                    f"{key}/{k}" if key else k, f"unknown key; use one of {', '.join(allowed)}"
                )


def _document_path(path: str) -> tuple[Kind, type | None] | None:
    """The kind of the document field at a dotted path, or None if there is none."""
    cls: type | None = Proposal
    kind = Kind.OBJECT
    for part in path.split("."):
        spec = CLASS_SPECS.get(cls) if cls is not None else None
        if spec is None or part not in spec.by_name:
            return None
        field = spec.by_name[part]
        kind, cls = field.kind, field.cls
    return kind, cls


def _entry_path(path: str) -> bool:
    return path in _ENTRY_FIELDS


def _field_rule(r: _Reader, path: str, raw: Any, key: str, *, entry: bool) -> FieldRule:
    body = r.mapping(raw, key)
    r.keys(body, ("labels", "read", "after", "from", "choices", "value"), key)
    if entry:
        if not _entry_path(path):
            raise r.error(key, f"not an impact entry field; use one of {', '.join(_ENTRY_FIELDS)}")
        if "from" in body:
            raise r.error(
                f"{key}/from",
                "an impact section's field is read from its own labels; give labels, not from",
            )
    elif _document_path(path) is None and path != "status":
        raise r.error(
            key,
            "not a document field; write a field of the format as a dotted path, such as "
            "impact_summary, responsible.date or decision.outcome",
        )
    read = body.get("read", "text")
    if read not in _READS:
        raise r.error(
            f"{key}/read", f"{read!r} is not a way to read; use one of {', '.join(_READS)}"
        )
    choices: list[tuple[str, tuple[str, ...]]] = []
    if "choices" in body:
        for code, labels in r.mapping(body["choices"], f"{key}/choices").items():
            choices.append((code, r.texts(labels, f"{key}/choices/{code}")))
    if read == "choice" and not choices and path not in ("impact",):
        raise r.error(f"{key}/choices", "read: choice needs choices (code: [labels])")
    if "labels" not in body and "from" not in body:
        raise r.error(key, "give labels (the form's wording for this field) or from (a field)")
    value = body.get("value", "auto")
    if value not in ("auto", "right", "below", "inline", "following"):
        raise r.error(f"{key}/value", "use auto, right, below, inline or following")
    return FieldRule(
        path=path,
        labels=r.texts(body["labels"], f"{key}/labels") if "labels" in body else (),
        read=read,
        after=r.text(body["after"], f"{key}/after") if "after" in body else None,
        source=r.text(body["from"], f"{key}/from") if "from" in body else None,
        choices=tuple(choices),
        value=value,
    )


def _columns(r: _Reader, raw: Any, key: str, roles: tuple[str, ...]) -> tuple[Any, ...]:
    out = []
    for role, labels in r.mapping(raw, key).items():
        if role not in roles:
            raise r.error(f"{key}/{role}", f"unknown column; use one of {', '.join(roles)}")
        out.append((role, r.texts(labels, f"{key}/{role}")))
    return tuple(out)


def _impact_words(r: _Reader, raw: Any, key: str) -> tuple[tuple[str, str], ...]:
    from psed.model import Impact

    out = []
    for word, code in r.mapping(raw, key).items():
        if code not in Impact.codes():
            raise r.error(
                f"{key}/{word}", f"{code!r} is not an impact; use {', '.join(Impact.codes())}"
            )
        out.append((label_key(word), code))
    return tuple(out)


_TOP = (
    "template_version",
    "id",
    "label",
    "description",
    "framework",
    "match",
    "fields",
    "impact_tables",
    "impact_sections",
    "list_tables",
    "characteristics",
    "ignore",
    "guidance_italic",
    "layout",
)


def parse_template(raw: Any, source: str = "template") -> Template:
    """A template from its YAML tree; :class:`TemplateError` names any bad key."""
    r = _Reader(source)
    body = r.mapping(raw, "(top level)")
    r.keys(body, _TOP, "")
    if body.get("template_version") != TEMPLATE_VERSION:
        raise r.error("template_version", f"give template_version: {TEMPLATE_VERSION}")
    fields = tuple(
        _field_rule(r, path, rule, f"fields/{path}", entry=False)
        for path, rule in r.mapping(body.get("fields", {}), "fields").items()
    )
    known = {f.path for f in fields}
    for f in fields:
        for ref, what in ((f.after, "after"), (f.source, "from")):
            if ref is not None and ref not in known:
                raise r.error(f"fields/{f.path}/{what}", f"{ref!r} is not a field of this template")
    tables = []
    for i, raw_table in enumerate(body.get("impact_tables", []) or []):
        t = r.mapping(raw_table, f"impact_tables/{i}")
        r.keys(t, ("columns", "impact_words"), f"impact_tables/{i}")
        columns = _columns(r, t.get("columns"), f"impact_tables/{i}/columns", _TABLE_ROLES)
        if not any(role == "characteristic" for role, _ in columns):
            raise r.error(f"impact_tables/{i}/columns", "name the characteristic column")
        tables.append(
            Table(
                columns=columns,
                impact_words=_impact_words(
                    r, t.get("impact_words", {}), f"impact_tables/{i}/impact_words"
                ),
            )
        )
    sections = []
    for i, raw_section in enumerate(body.get("impact_sections", []) or []):
        s = r.mapping(raw_section, f"impact_sections/{i}")
        r.keys(s, ("fields", "within", "until", "impact_words"), f"impact_sections/{i}")
        sections.append(
            Section(
                fields=tuple(
                    _field_rule(r, path, rule, f"impact_sections/{i}/fields/{path}", entry=True)
                    for path, rule in r.mapping(
                        s.get("fields"), f"impact_sections/{i}/fields"
                    ).items()
                ),
                within=r.texts(s["within"], f"impact_sections/{i}/within") if "within" in s else (),
                until=r.texts(s["until"], f"impact_sections/{i}/until") if "until" in s else (),
                impact_words=_impact_words(
                    r, s.get("impact_words", {}), f"impact_sections/{i}/impact_words"
                ),
            )
        )
    lists = []
    for target, raw_list in r.mapping(body.get("list_tables", {}), "list_tables").items():
        if target not in _LIST_TARGETS:
            raise r.error(f"list_tables/{target}", f"use one of {', '.join(_LIST_TARGETS)}")
        spec = r.mapping(raw_list, f"list_tables/{target}")
        r.keys(spec, ("columns",), f"list_tables/{target}")
        cls = {"evidence": "Evidence", "engagement": "Engagement", "mitigations": "Mitigation"}[
            target
        ]
        roles = tuple(f.name for c, s in CLASS_SPECS.items() if c.__name__ == cls for f in s.fields)
        if target == "mitigations":
            roles = ("characteristic", *roles)
        lists.append(
            ListTable(
                target=target,
                columns=_columns(r, spec.get("columns"), f"list_tables/{target}/columns", roles),
            )
        )
    characteristics = tuple(
        (label, r.text(code, f"characteristics/{label}"))
        for label, code in r.mapping(body.get("characteristics", {}), "characteristics").items()
    )
    layout = body.get("layout")
    if layout not in (None, "psed"):
        raise r.error("layout", "the only layout with a reader of its own is psed; leave it out")
    guidance = body.get("guidance_italic", True)
    if not isinstance(guidance, bool):
        raise r.error("guidance_italic", "expected true or false")
    return Template(
        id=r.text(body.get("id"), "id"),
        label=r.text(body.get("label"), "label"),
        framework=r.text(body.get("framework", "psed"), "framework"),
        description=str(body.get("description", "")).strip(),
        match=r.texts(body["match"], "match") if "match" in body else (),
        fields=fields,
        tables=tuple(tables),
        sections=tuple(sections),
        lists=tuple(lists),
        characteristics=characteristics,
        ignore=r.texts(body["ignore"], "ignore") if "ignore" in body else (),
        guidance_italic=guidance,
        layout=layout,
        source=source,
    )


def load_template(path: str) -> Template:
    """Read a template YAML file; :class:`TemplateError` says what is wrong and where."""
    try:
        with open(path, encoding="utf-8") as handle:
            raw = yaml.safe_load(handle)
    except OSError as exc:
        raise TemplateError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise TemplateError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except yaml.YAMLError as exc:
        raise TemplateError(f"{path}: not valid YAML ({exc}); fix the syntax") from None
    return parse_template(raw, path)


_BUILTIN: dict[str, Template] | None = None


def builtin_templates() -> dict[str, Template]:
    """The templates shipped with psed, by id."""
    global _BUILTIN
    if _BUILTIN is None:
        found: dict[str, Template] = {}
        folder = resources.files("psed.importing").joinpath("templates")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".yaml"):
                template = parse_template(
                    yaml.safe_load(entry.read_text("utf-8")), f"psed:{entry.name}"
                )
                found[template.id] = template
        _BUILTIN = found
    return dict(_BUILTIN)


# Kept in step with the model: every impact-entry role is a field of ImpactEntry or
# Mitigation, so a template cannot name a column the format cannot hold.
assert all(
    role in {f.name for f in attrs.fields(ImpactEntry)} | {f.name for f in attrs.fields(Mitigation)}
    for role in _ENTRY_FIELDS
)
