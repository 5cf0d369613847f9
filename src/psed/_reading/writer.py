"""YAML and JSON text for documents, written so that every reader gets the same tree back.

PyYAML's own ``safe_dump`` follows YAML 1.1: it writes text such as ``1e5``,
``0o17`` or ``0x1F`` without quotes, and a YAML 1.2 reader (psed's among them)
reads those back as numbers. The dumper here quotes every text that psed's
reader *or* a YAML 1.1 reader would read as anything but text, by asking both
resolvers what the plain scalar would become. Everything else follows from that:

- keys in the order given (model field order for a Proposal), block style;
- text of several lines in literal style (``|``) where that gives back exactly the
  same characters, else double-quoted with escapes (tabs, carriage returns, control
  characters, the line separators U+0085, U+2028 and U+2029);
- characters outside ASCII written as themselves (Welsh, right-to-left scripts,
  emoji), never as escapes, except the invisible ones that must be;
- no line is folded, so a long text is one long line, as it was given;
- dates of date fields written bare, ``2021-11-18``; the same characters in a text
  field are quoted, so they stay text.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from typing import Any

import yaml
from yaml import resolver as _yr

from psed._reading.fields import CLASS_SPECS, DATE_RE, Kind
from psed._reading.yaml_reader import Resolver as _PsedResolver
from psed.model import Proposal

__all__ = ["dumps_json", "dumps_yaml", "prepare"]

_STR = "tag:yaml.org,2002:str"
_PSED: Any = _PsedResolver()
_YAML11: Any = _yr.Resolver()
# Characters YAML reads as line breaks besides "\n": raw, psed refuses U+0085 and a
# YAML 1.1 reader turns all three into "\n" or a space, so they are always escaped.
_OTHER_BREAKS = ("\x85", "\u2028", "\u2029")


def _plain_is_text(text: str) -> bool:
    """True when both psed's reader and a YAML 1.1 reader read ``text`` unquoted as text."""
    implicit = (True, False)
    psed_tag: str = _PSED.resolve(yaml.ScalarNode, text, implicit)
    yaml11_tag: str = _YAML11.resolve(yaml.ScalarNode, text, implicit)
    return psed_tag == _STR and yaml11_tag == _STR


def _printable(ch: str) -> bool:
    """A character written as itself inside double quotes (YAML's printable set, less breaks)."""
    return (
        "\x20" <= ch <= "\x7e"
        or ("\xa0" <= ch <= "\ud7ff" and ch not in _OTHER_BREAKS)
        or ("\ue000" <= ch <= "\ufffd" and ch != "\ufeff")
        or "\U00010000" <= ch <= "\U0010ffff"
    )


def _style(text: str) -> str | None:
    """The scalar style for ``text``: None (plain, if the emitter agrees), ``|`` or ``"``."""
    if any(b in text for b in _OTHER_BREAKS):
        return '"'
    if "\n" in text:
        # The emitter falls back to double quotes itself when literal style cannot
        # hold the text exactly (trailing spaces on a line, tabs, control characters).
        return "|"
    if not _plain_is_text(text):
        return '"'
    return None


class _Dumper(yaml.SafeDumper):
    """SafeDumper that quotes whatever psed or a YAML 1.1 reader would not read as text."""

    def ignore_aliases(self, data: Any) -> bool:
        return True  # the same list twice is written twice, never as &id001 / *id001

    def write_double_quoted(self, text: str, split: bool = True) -> None:
        # As PyYAML's, but characters beyond U+FFFF (emoji) are written as themselves
        # (PyYAML escapes them as \U0001F469), and lines are never folded.
        self.write_indicator('"', True)
        out = []
        for ch in text:
            if ch in '"\\' or not _printable(ch):
                if ch in self.ESCAPE_REPLACEMENTS:
                    out.append("\\" + self.ESCAPE_REPLACEMENTS[ch])
                elif ch <= "\xff":
                    out.append(f"\\x{ord(ch):02X}")
                elif ch <= "\uffff":
                    out.append(f"\\u{ord(ch):04X}")
                else:  # pragma: no cover - every character above U+FFFF is printable
                    out.append(f"\\U{ord(ch):08X}")
            else:
                out.append(ch)
        data = "".join(out)
        self.column += len(data)
        self.stream.write(data)
        self.write_indicator('"', False)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    return dumper.represent_scalar(_STR, data, style=_style(data))


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(tuple, yaml.SafeDumper.represent_list)

_WIDTH = 1 << 30  # never fold a line


def dumps_yaml(tree: Any) -> str:
    """YAML text for a prepared tree (see :func:`prepare`)."""
    try:
        return yaml.dump(
            tree,
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=_WIDTH,
        )
    except yaml.representer.RepresenterError as exc:
        raise TypeError(f"cannot write {exc.args[-1]!r} as YAML: {exc}") from None


def _json_default(value: Any) -> Any:
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} {value!r} as JSON")


def dumps_json(tree: Any) -> str:
    """JSON text: UTF-8 characters as themselves, two-space indent, a final newline."""
    return json.dumps(tree, ensure_ascii=False, indent=2, default=_json_default) + "\n"


def _as_date(value: Any) -> Any:
    """A ``YYYY-MM-DD`` text of a date field as a date (written bare); anything else as is."""
    if isinstance(value, str) and DATE_RE.fullmatch(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return value  # not a real date: stays (quoted) text, as it was given
    return value


def prepare(tree: Any, cls: type = Proposal) -> Any:
    """A copy of a document tree for the YAML writer: date fields as dates, tuples as lists.

    Walks the tree with the field table, so only date *fields* become dates; the
    same characters in a text field stay text (and are then quoted). Keys the
    format does not know are copied as they are.
    """
    spec = CLASS_SPECS.get(cls) if isinstance(tree, Mapping) else None
    if spec is None:
        return _copy(tree)
    out: dict[Any, Any] = {}
    for key, value in tree.items():
        field = spec.by_name.get(key) if isinstance(key, str) else None
        if field is None or value is None:
            out[key] = _copy(value)
        elif field.kind is Kind.DATE:
            out[key] = _as_date(value)
        elif field.kind is Kind.OBJECT and field.cls is not None:
            out[key] = prepare(value, field.cls)
        elif field.kind is Kind.LIST and field.cls is not None and isinstance(value, (list, tuple)):
            out[key] = [prepare(item, field.cls) for item in value]
        else:
            out[key] = _copy(value)
    return out


def _copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_copy(v) for v in value]
    return value
