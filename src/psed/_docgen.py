"""Generate the reference parts of the documentation from the code, so they cannot drift.

The documentation pages hold markers such as ``<!-- psed:rules -->``; when MkDocs
builds the site, the hook in ``scripts/mkdocs_hooks.py`` replaces each marker with
the Markdown this module renders from the live objects:

- ``psed:format``: the document format, field by field, from the attrs model
  (:mod:`psed.model`: field types, ``metadata["doc"]``, defaults, enum codes and
  labels);
- ``psed:characteristics`` and ``psed:frameworks``: the built-in catalogue
  (:mod:`psed.catalogue`);
- ``psed:duties``: the built-in duties with their dates, jurisdictions and sources
  (:mod:`psed.law`);
- ``psed:rules``: every registered rule (:func:`psed.rules.all_rules`), one section
  per rule with the anchor its findings' help link points to;
- ``psed:cli``: every command of ``psed`` with its options
  (:func:`psed.cli.build_parser`).

``python -m psed._docgen NAME`` prints one of them, to read or diff without a
build.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import enum
import os
import re
import sys
import textwrap
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import attrs

from psed import catalogue as _catalogue
from psed import law as _law
from psed import model as _model

__all__ = [
    "GENERATORS",
    "RULE_FAMILIES",
    "characteristics_reference",
    "cli_reference",
    "duties_reference",
    "expand_markers",
    "format_reference",
    "frameworks_reference",
    "rule_anchor",
    "rules_reference",
]

MARKER = re.compile(r"<!--\s*psed:([a-z-]+)\s*-->")
"""A generated-content marker in a documentation page."""

RULE_FAMILIES: tuple[tuple[str, str], ...] = (
    ("PSED0", "Structural: reading the document"),
    ("PSED1", "Completeness"),
    ("PSED2", "Mitigation"),
    ("PSED3", "Sign-off, timing and review"),
    ("PSED4", "Evidence, engagement and outcome"),
    ("PSED5", "Rigour"),
    ("PSED6", "Community safety and the other duties"),
    ("PSED7", "Portfolio (psed audit only)"),
    ("PSED9", "Waivers"),
)
"""Headings of the rule reference, by code prefix (the rule families)."""


def _cell(text: object) -> str:
    """Text made safe for one Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _value(x: object) -> str:
    """The code of an enum member, or the text of anything else."""
    if isinstance(x, enum.Enum):
        return str(x.value)
    return str(x)


# --------------------------------------------------------------------------- format


def _is_attrs(tp: object) -> bool:
    return isinstance(tp, type) and attrs.has(tp)


def _is_coded_enum(tp: object) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum) and hasattr(tp, "codes")


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    """``X | None`` to ``(X, True)``; anything else to ``(tp, False)``."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


def _list_item(tp: Any) -> Any | None:
    """The item type of ``tuple[X, ...]``, or None when ``tp`` is not a list."""
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


def _documented_fields(cls: type) -> list[tuple[attrs.Attribute[Any], Any]]:
    """The fields of a model class that appear in a document, with resolved types."""
    hints = typing.get_type_hints(cls)
    return [
        (f, hints[f.name])
        for f in attrs.fields(cls)
        if f.metadata.get("document", True) is not False
    ]


def _anchor(name: str) -> str:
    return name.lower()


_CHARACTERISTIC_BY_CODE = (_model.ImpactEntry, _model.Intersection)
"""The classes that name characteristics by code (the others define them)."""


def _render_type(tp: Any, owner: type, field_name: str) -> str:
    """A field's type in the words of the document, linking objects and code lists."""
    item = _list_item(tp)
    if item is not None:
        rendered = _render_type(item, owner, field_name)
        return "list of " + (rendered + "s" if rendered.endswith(" object") else rendered)
    if tp is _model.Characteristic and owner in _CHARACTERISTIC_BY_CODE:
        return "characteristic code (text, see [Characteristics](frameworks.md#characteristics))"
    if _is_attrs(tp):
        return f"[{tp.__name__}](#{_anchor(tp.__name__)}) object"
    if _is_coded_enum(tp):
        return f"code from [{tp.__name__}](#{_anchor(tp.__name__)})"
    if tp is str:
        return "text"
    if tp is bool:
        return "`true` or `false`"
    if tp is int:
        return "whole number"
    if tp is _dt.date:
        return "date `YYYY-MM-DD`"
    return f"`{getattr(tp, '__name__', tp)}`"


def _default_text(f: attrs.Attribute[Any]) -> str:
    default = f.default
    if default is attrs.NOTHING:
        return "**required**"
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return "optional"
    if default is None or default == () or default == frozenset():
        return "optional"
    return f"optional, default `{_value(default)}`"


def _walk_classes(root: type) -> tuple[list[type], dict[type, list[str]], list[type]]:
    """Model classes reachable from ``root`` (breadth first), where each appears, and enums."""
    order: list[type] = [root]
    where: dict[type, list[str]] = {root: ["(the document root)"]}
    enums: list[type] = []
    queue: list[tuple[type, str]] = [(root, "")]
    while queue:
        cls, prefix = queue.pop(0)
        for f, tp in _documented_fields(cls):
            inner, _ = _unwrap_optional(tp)
            item = _list_item(inner)
            path = f"{prefix}{f.name}" + ("[]" if item is not None else "")
            target = item if item is not None else inner
            if target is _model.Characteristic and cls in _CHARACTERISTIC_BY_CODE:
                continue
            if _is_attrs(target):
                where.setdefault(target, []).append(f"`{path}`")
                if target not in order:
                    order.append(target)
                    queue.append((target, path + "."))
            elif _is_coded_enum(target) and target not in enums:
                enums.append(target)
    return order, where, enums


def _docstring(obj: object) -> str:
    doc = getattr(obj, "__doc__", None) or ""
    return textwrap.dedent(doc).strip()


def format_reference() -> str:
    """The document format, one table per object, generated from :mod:`psed.model`."""
    classes, where, enums = _walk_classes(_model.Proposal)
    out: list[str] = []
    for cls in classes:
        out.append(f"## {cls.__name__} {{#{_anchor(cls.__name__)}}}\n")
        out.append(_docstring(cls).split("\n\n")[0].replace('\\"', '"') + "\n")
        out.append(f"Appears at: {', '.join(where[cls])}.\n")
        out.append("| Field | Type | Required | Meaning |")
        out.append("|---|---|---|---|")
        for f, tp in _documented_fields(cls):
            inner, _ = _unwrap_optional(tp)
            doc = f.metadata.get("doc", "")
            out.append(
                f"| `{f.name}` | {_cell(_render_type(inner, cls, f.name))} "
                f"| {_cell(_default_text(f))} | {_cell(doc)} |"
            )
        out.append("")
    out.append("## Codes\n")
    out.append(
        "Enumerations are written in a document as their code (lower snake case); the label "
        "is what a form or report shows.\n"
    )
    for en in enums:
        out.append(f"### {en.__name__} {{#{_anchor(en.__name__)}}}\n")
        out.append(_docstring(en).split("\n\n")[0] + "\n")
        out.append("| Code | Label |")
        out.append("|---|---|")
        for member in typing.cast("Iterable[Any]", en):
            out.append(f"| `{member.value}` | {_cell(member.label)} |")
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------- catalogue


def _aims_text(c: _model.Characteristic) -> str:
    if not c.aims:
        return "none (not a PSED characteristic)"
    return ", ".join(a.value for a in _model.Aim if a in c.aims)


def characteristics_reference() -> str:
    """The built-in characteristics as a table: code, label, kind, legal basis, PSED aims."""
    out = [
        "| Code | Label | Kind | Legal basis | PSED aims |",
        "|---|---|---|---|---|",
    ]
    for c in _catalogue.BUILTIN_CHARACTERISTICS.values():
        basis = "; ".join(c.legal_basis) or "none (a local choice)"
        out.append(
            f"| `{c.code}` | {_cell(c.label)} | {c.kind.value} | {_cell(basis)} "
            f"| {_cell(_aims_text(c))} |"
        )
    out.append("")
    out.append(
        "Under a Northern Ireland framework (`ni-s75`) these codes are section 75 "
        "categories instead (Equality Act 2010 s149 does not extend there):\n"
    )
    out.append("| Code | Label | Kind | Legal basis | PSED aims |")
    out.append("|---|---|---|---|---|")
    for c in _catalogue.NI_CATEGORIES.values():
        out.append(
            f"| `{c.code}` | {_cell(c.label)} | {c.kind.value} | {_cell('; '.join(c.legal_basis))} "
            f"| {_cell(_aims_text(c))} |"
        )
    return "\n".join(out) + "\n"


def frameworks_reference() -> str:
    """The built-in frameworks, one section each, with what they require."""
    out: list[str] = []
    for fw in _catalogue.BUILTIN_FRAMEWORKS.values():
        out.append(f"### `{fw.id}`: {fw.label} {{#framework-{fw.id}}}\n")
        if fw.description:
            out.append(fw.description + "\n")
        out.append("| What | Value |")
        out.append("|---|---|")
        out.append(
            "| Required characteristics | " + ", ".join(f"`{c}`" for c in fw.required) + " |"
        )
        if fw.optional:
            out.append("| Listed but optional | " + ", ".join(f"`{c}`" for c in fw.optional) + " |")
        out.append("| Sign-offs expected | " + ", ".join(f"`{s}`" for s in fw.signoffs) + " |")
        out.append(f"| Jurisdiction | {fw.jurisdiction.label} |")
        out.append(
            "| Duties | "
            + "; ".join(
                f"[`{d}`](law-at-a-date.md#duty-{d}) "
                + _cell(_law.BUILTIN_DUTIES[d].citation if d in _law.BUILTIN_DUTIES else d)
                for d in fw.duties
            )
            + " |"
        )
        out.append(
            "| Community safety rule (PSED601) | "
            + ("applies" if fw.community_safety else "does not apply")
            + " |"
        )
        out.append("")
    return "\n".join(out)


# ------------------------------------------------------------------------ duties


def _day(day: _dt.date | None) -> str:
    return "" if day is None else f"{day.day} {day:%B %Y}"


def _in_force_text(duty: _law.Duty) -> str:
    if duty.in_force is None:
        return "no date recorded"
    text = f"from {_day(duty.in_force)}"
    if duty.until is not None:
        text += f" to {_day(duty.until)}"
    if duty.configurable:
        text += " (default; configurable per body)"
    return text


def _requires_text(duty: _law.Duty) -> str:
    if not duty.requires:
        return "no entry of its own"
    codes = ", ".join(f"`{c}`" for c in duty.requires)
    if len(duty.requires) == 9:
        codes = f"the nine ({codes})"
    where = {
        _law.Scope.ALL: "",
        _law.Scope.STRATEGIC: " for strategic decisions (`strategic: true`)",
        _law.Scope.STRATEGIC_UNLESS_NOT: " unless the document says `strategic: false`",
        _law.Scope.FUNCTIONS: " where `functions` has "
        + " or ".join(f"`{f}`" for f in duty.functions),
    }[duty.scope]
    return f"{codes}{where} ({duty.required_by})"


def duties_reference() -> str:
    """The built-in duties: dates, jurisdictions, requirements and sources; then the s17 limbs."""
    out = [
        "| Duty | Provision | Where | In force | Requires entries for | Frameworks |",
        "|---|---|---|---|---|---|",
    ]
    for duty in _law.BUILTIN_DUTIES.values():
        where = ", ".join(j.label for j in _law.Jurisdiction if j in duty.jurisdictions)
        frameworks = ", ".join(
            f"`{fw.id}`" for fw in _catalogue.BUILTIN_FRAMEWORKS.values() if duty.id in fw.duties
        )
        out.append(
            f'| <span id="duty-{duty.id}"></span>`{duty.id}` {_cell(duty.title)} '
            f"| {_cell(duty.citation)} | {where} | {_cell(_in_force_text(duty))} "
            f"| {_cell(_requires_text(duty))} | {frameworks} |"
        )
    out.append("")
    out.append("Sources of the dates, and what each duty covers:\n")
    for duty in _law.BUILTIN_DUTIES.values():
        confidence = "" if duty.confirmed else " (the date rests on a secondary source)"
        out.append(f"- **`{duty.id}`**: {duty.note} Source: {duty.source}{confidence}.")
    out.append("")
    s17 = _law.BUILTIN_DUTIES[_law.CDA_S17]
    out.append(
        "The limbs of the Crime and Disorder Act 1998 s17 duty ([PSED601](rules.md#psed601)):\n"
    )
    out.append("| Limb | Provision | England | Wales | Words that count | Source |")
    out.append("|---|---|---|---|---|---|")
    for limb in s17.limbs:
        england = _day(limb.commencement(_law.Jurisdiction.ENGLAND))
        wales = _day(limb.commencement(_law.Jurisdiction.WALES))
        source = limb.source + ("" if limb.confirmed else " (secondary)")
        out.append(
            f"| {_cell(limb.label)} | {_cell(limb.citation)} | {england} | {wales} "
            f"| `{_cell(limb.terms)}` | {_cell(source)} |"
        )
    out.append("")
    return "\n".join(out)


# ------------------------------------------------------------------------ rules


def rule_anchor(code: str) -> str:
    """The anchor of a rule's section on the rules page: its code in lower case."""
    return code.lower()


def _registered_rules() -> list[Any]:
    from psed import rules as _rules

    all_rules = getattr(_rules, "all_rules", None)
    if all_rules is None:
        return []
    # psed's own site documents psed's rules, not whatever plug-ins the build has installed.
    return [r for r in all_rules() if getattr(r, "origin", "psed") == "psed"]


def _family(code: str) -> str:
    for prefix, title in RULE_FAMILIES:
        if code.startswith(prefix):
            return title
    return "Other rules"


def _fence(text: str, lang: str) -> str:
    body = textwrap.dedent(text).strip("\n")
    fence = "```"
    while fence in body:
        fence += "`"
    return f"{fence}{lang}\n{body}\n{fence}"


def _rule_section(rule: Any) -> str:
    code = str(rule.code)
    out = [f"### {code} {rule.name} {{#{rule_anchor(code)}}}\n"]
    summary = getattr(rule, "summary", "") or ""
    if summary:
        out.append(f"{summary}\n")
    out.append(
        f"Default severity **{_value(rule.severity)}**; applies from status "
        f"**{_value(rule.status)}** (below it, it reports at `info`).\n"
    )
    out.append(f"**What it checks**\n\n{textwrap.dedent(str(rule.what)).strip()}\n")
    out.append(f"**Why it matters**\n\n{textwrap.dedent(str(rule.why)).strip()}\n")
    if getattr(rule, "fail_example", ""):
        out.append("**Failing example**\n")
        out.append(_fence(str(rule.fail_example), "yaml") + "\n")
    if getattr(rule, "pass_example", ""):
        out.append("**Passing example**\n")
        out.append(_fence(str(rule.pass_example), "yaml") + "\n")
    cites = list(getattr(rule, "cites", ()) or ())
    refs = list(getattr(rule, "references", ()) or ())
    if cites:
        out.append("**References**\n")
        out.append("| Reference | Law or practice | Cited under |")
        out.append("|---|---|---|")
        out.extend(_reference_rows(cites))
        out.append("")
    elif refs:
        out.append("**References**\n")
        out.extend(f"- {r}" for r in refs)
        out.append("")
    return "\n".join(out)


def _duty_names(ids: Iterable[str]) -> str:
    return ", ".join(f"[`{i}`](law-at-a-date.md#duty-{i})" for i in sorted(ids))


def _reference_parts(ref: Any) -> tuple[str, str, str, str]:
    """A reference as (citation and note, law or practice, the duties, where and when)."""
    if getattr(ref, "general", False):
        return (
            "The general provision of each duty in force that the finding concerns "
            "(such as Equality Act 2010 s149(1); Northern Ireland Act 1998 s75(1) "
            "in Northern Ireland)",
            "law",
            "each duty of the framework",
            "",
        )
    basis = "" if ref.basis is None else str(ref.basis.value)
    text = ref.citation + (f": {ref.note}" if getattr(ref, "note", "") else "")
    if ref.duties == _law.EQUALITY_DUTIES:
        under = "the equality duties"
    elif ref.duties:
        under = _duty_names(ref.duties)
    else:
        under = "every framework"
    parts = []
    where = [j.label for j in _law.Jurisdiction if j in ref.jurisdictions]
    if ref.case and where:
        parts.append(f"binding in {' and '.join(where)}, persuasive elsewhere")
    elif where:
        parts.append(f"in {', '.join(where)}")
    if ref.since is not None:
        parts.append(f"from {_day(ref.since)}")
    if ref.characteristics:
        parts.append("for " + ", ".join(f"`{c}`" for c in sorted(ref.characteristics)))
    return text, basis, under, " ".join(parts)


def _reference_rows(cites: Iterable[Any]) -> list[str]:
    """One table row per citation: a provision cited from different days in each nation
    is one row naming each."""
    rows: dict[tuple[str, str, str], list[str]] = {}
    for ref in cites:
        text, basis, under, when = _reference_parts(ref)
        rows.setdefault((text, basis, under), [])
        if when:
            rows[(text, basis, under)].append(when)
    out = []
    for (text, basis, under), whens in rows.items():
        cell = under + ("; " + "; ".join(whens) if whens else "")
        out.append(f"| {_cell(text)} | {basis} | {_cell(cell)} |")
    return out


def rules_reference(rules: Iterable[Any] | None = None) -> str:
    """Every rule: a summary table, then one section per rule at anchor ``#psednnn``.

    ``rules`` defaults to the built-in rules of the registry (:func:`psed.rules.all_rules`,
    plug-ins left out); any object with the attributes of :class:`psed.rules.Rule` will do.
    """
    items = sorted(_registered_rules() if rules is None else rules, key=lambda r: str(r.code))
    if not items:
        return "No rules are registered in this build of psed.\n"
    out = [
        "| Code | Name | Severity | From status | What it reports |",
        "|---|---|---|---|---|",
    ]
    for r in items:
        out.append(
            f"| [{r.code}](#{rule_anchor(str(r.code))}) | `{r.name}` | {_value(r.severity)} "
            f"| {_value(r.status)} | {_cell(getattr(r, 'summary', '') or '')} |"
        )
    out.append("")
    family = None
    for r in items:
        this = _family(str(r.code))
        if this != family:
            family = this
            out.append(f"## {this}\n")
        out.append(_rule_section(r))
    return "\n".join(out)


# -------------------------------------------------------------------------- cli


@contextlib.contextmanager
def _columns(width: int) -> Iterator[None]:
    """Render argparse help at a fixed width, whatever the terminal."""
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    found: list[tuple[str, argparse.ArgumentParser]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            seen: set[int] = set()
            for name, sub in action.choices.items():
                if id(sub) not in seen:
                    seen.add(id(sub))
                    found.append((name, sub))
    return found


def _help(parser: argparse.ArgumentParser) -> str:
    with _columns(88):
        text = parser.format_help()
    return text.rstrip()


def cli_reference(parser: argparse.ArgumentParser | None = None) -> str:
    """Every ``psed`` command with its description, options and epilog, from argparse."""
    if parser is None:
        from psed import cli as _cli

        build = getattr(_cli, "build_parser", None)
        if build is None:
            return "The command line reference is not available in this build of psed.\n"
        parser = typing.cast("argparse.ArgumentParser", build())
    subs = _subcommands(parser)
    out = ["| Command | What it does |", "|---|---|"]
    for name, sub in subs:
        first = (sub.description or "").strip().split("\n")[0]
        out.append(f"| [`psed {name}`](#psed-{name}) | {_cell(first)} |")
    out.append("")
    out.append("## `psed` {#psed}\n")
    out.append(_fence(_help(parser), "text") + "\n")
    for name, sub in subs:
        out.append(f"## `psed {name}` {{#psed-{name}}}\n")
        out.append(_fence(_help(sub), "text") + "\n")
    return "\n".join(out)


# ---------------------------------------------------------------------- markers


def _history_tables() -> str:
    """The tables of the audit history (``psed.audit.history``)."""
    from psed.audit.history import tables_reference

    return tables_reference()


GENERATORS: dict[str, Callable[[], str]] = {
    "format": format_reference,
    "characteristics": characteristics_reference,
    "frameworks": frameworks_reference,
    "duties": duties_reference,
    "rules": rules_reference,
    "cli": cli_reference,
    "history-tables": _history_tables,
}
"""Marker name to generator."""


def expand_markers(markdown: str, where: str = "page") -> str:
    """Replace every ``<!-- psed:NAME -->`` marker with generated Markdown.

    Raises ``KeyError`` naming the page for an unknown marker, so a typo fails the build.
    """

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in GENERATORS:
            raise KeyError(
                f"{where}: unknown marker psed:{name}; use one of {', '.join(sorted(GENERATORS))}"
            )
        return GENERATORS[name]()

    return MARKER.sub(replace, markdown)


def main(argv: Sequence[str] | None = None) -> int:
    """Print one generated reference: ``python -m psed._docgen rules``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1 or args[0] not in GENERATORS:
        print(f"usage: python -m psed._docgen {{{','.join(GENERATORS)}}}", file=sys.stderr)
        return 2
    sys.stdout.write(GENERATORS[args[0]]())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
