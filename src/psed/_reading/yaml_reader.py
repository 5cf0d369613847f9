"""YAML text to a plain tree in one pass over the parser's events, within the limits.

The tree is built straight from libyaml's event stream (PyYAML's pure-Python
parser where libyaml is missing): no node graph, no second parse. The same pass
enforces the limits (nesting depth, number of values, alias expansion), reports
duplicate keys and unreadable values at their pointers, and records the line and
column of every place, so a report's positions come from this parse.

What is read, and how (YAML 1.2 core schema, plus dates):

- booleans are ``true``/``false`` only (``yes``, ``No`` and ``on`` stay text);
  integers are decimal, ``0o`` octal or ``0x`` hexadecimal; no merge keys (``<<``
  is an ordinary key, then an unknown field); ``YYYY-MM-DD`` is a date;
- an explicit tag is honoured only for those kinds (``!!str``, ``!!int``,
  ``!!float``, ``!!bool``, ``!!null``, ``!!timestamp``, ``!!map``, ``!!seq``), and only
  when the value is one (``!!int 0b1010`` is refused at its pointer); any other tag
  (``!!python/...``, ``!!binary``, ``!Ref``) makes the document unreadable;
- keys are text as written (``1:`` and ``true:`` are the keys "1" and "true", as
  JSON would spell them), so two keys are the same when they read the same;
- U+0085, U+2028 and U+2029, which YAML reads as line breaks and would silently
  change inside text, are refused with the line they are on.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import Any, NoReturn

import yaml
from yaml import constructor as _yc
from yaml import events as _ye
from yaml import resolver as _yr

from psed._i18n import C_, _
from psed._reading.codes import unreadable
from psed._reading.limits import Limits, Parsed, failed, too_deep_message, too_many_values_message
from psed._reading.parser_messages import yaml_problem
from psed._reading.pointer import Positions, escape, key_text
from psed.findings import Finding

__all__ = ["Resolver", "read_yaml"]


class Resolver(_yr.BaseResolver):
    """YAML 1.2 core schema scalars, plus dates; no merge keys, no ``=`` values.

    The writer asks the same resolver whether a text can be written unquoted.
    """


_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TIMESTAMP = re.compile(
    r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
    (?:[Tt]|[ \t]+)[0-9][0-9]?
    :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
    (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
    re.X,
)
_TAG = "tag:yaml.org,2002:"
for _tag, _pattern, _first in (
    ("bool", _BOOL, "tTfF"),
    ("int", _INT, "-+0123456789"),
    ("float", _FLOAT, "-+0123456789."),
    ("null", _NULL, ["~", "n", "N", ""]),
    ("timestamp", _TIMESTAMP, "0123456789"),
):
    Resolver.add_implicit_resolver(_TAG + _tag, _pattern, list(_first))

_RESOLVER: Any = Resolver()
_TRUE = frozenset({"true", "True", "TRUE"})
_MAX_DIGITS = 4000
"""Integers longer than this are refused before Python converts them (quadratic time)."""
_BREAKS = re.compile("[\x85\u2028\u2029]")
_BREAK_NAMES = {"\x85": "U+0085 (NEL)", "\u2028": "U+2028 (LINE SEPARATOR)"}
_MAPPING_TAGS = frozenset({None, "!", _TAG + "map"})
_SEQUENCE_TAGS = frozenset({None, "!", _TAG + "seq"})
_TIMESTAMPS = _yc.SafeConstructor()
_COMPLEX_KEY = C_(
    "yaml problem",
    "a key is itself a list or mapping, and keys must be plain text: write the key as text",
)


class _Refused:
    """A scalar that cannot be read as what its tag says: PSED001 at its pointer."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


def _number(text: str) -> int | _Refused:
    digits = text.lstrip("+-")
    if len(digits) > _MAX_DIGITS:
        count = f"{len(digits):,}"
        return _Refused(
            _(
                "The number has {count} digits, too many to read: write a smaller number.",
                count=count,
            )
        )
    if digits.startswith(("0o", "0x")):
        value = int(digits[2:], 8 if digits[1] == "o" else 16)
        return -value if text.startswith("-") else value
    return int(text)


def _float(text: str) -> float:
    lower = text.lower()
    if lower.endswith(".inf"):
        return float("-inf") if lower.startswith("-") else float("inf")
    if lower == ".nan":
        return float("nan")
    return float(text)


def _timestamp(text: str) -> Any:
    if len(text) == 10:
        try:
            return _dt.date.fromisoformat(text)
        except ValueError:
            return text  # looks like a date but is not one (2021-02-30): the walker says why
    try:
        return _TIMESTAMPS.construct_yaml_timestamp(yaml.ScalarNode(_TAG + "timestamp", text))
    except ValueError:
        return text


def _not_a(text: str, tag: str, what: str) -> _Refused:
    shown = text if len(text) <= 40 else text[:40] + "..."
    return _Refused(
        _(
            "The value {value} is tagged {tag} but is not {what}: correct the value, or remove "
            "the tag.",
            value=repr(shown),
            tag=tag,
            what=what,
        )
    )


def _resolved_tag(event: Any) -> str:
    tag: str | None = event.tag
    if tag is None and event.implicit[0]:
        resolved: str = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
        return resolved
    if tag is None or tag == "!":
        return _TAG + "str"
    return tag


def _key(event: Any) -> tuple[str, _Refused | None]:
    """A key as text: ``true``, ``~`` and ``1`` are the keys "true", "null" and "1".

    Two keys are the same when their text is (``1`` and ``"1"`` are one key, as in JSON).
    A key its tag does not fit (``!!int abc``) is its text, with the refusal to report.
    """
    value = _scalar(_resolved_tag(event), event.value)
    if isinstance(value, _Refused):
        return str(event.value), value
    return _key_text(value, event.value), None


def _key_text(value: Any, text: str) -> str:
    """The key a scalar read as ``value`` from ``text`` stands for."""
    return text if isinstance(value, str) else key_text(value)


def _scalar(tag: str, text: str) -> Any:
    """The value of a scalar with its resolved tag, or :class:`_Refused`."""
    kind = tag[len(_TAG) :] if tag.startswith(_TAG) else None
    if kind == "str":
        return text
    if kind == "null":
        return None if _NULL.match(text) else _not_a(text, "!!null", "empty (null)")
    if kind == "bool":
        if _BOOL.match(text):
            return text in _TRUE
        return _not_a(text, "!!bool", "true or false")
    if kind == "int":
        if _INT.match(text):
            return _number(text)
        return _not_a(text, "!!int", "a whole number in decimal, 0o octal or 0x hexadecimal")
    if kind == "float":
        if _FLOAT.match(text):
            return _float(text)
        if _INT.match(text) and not text.lstrip("+-").startswith(("0o", "0x")):
            number = _number(text)
            return float(number) if isinstance(number, int) else number
        return _not_a(text, "!!float", C_("yaml tag", "a number"))
    if kind == "timestamp":
        if _TIMESTAMP.match(text):
            return _timestamp(text)
        return _not_a(text, "!!timestamp", C_("yaml tag", "a date written YYYY-MM-DD"))
    raise _Unreadable(
        C_(
            "yaml problem",
            "the tag {tag} is not allowed (psed reads plain data only): remove it",
            tag=repr(tag),
        )
    )


class _Unreadable(Exception):
    """The document cannot be read at all; the message says why."""

    def __init__(self, message: str, mark: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


class _Frame:
    """A mapping or list being built."""

    __slots__ = ("anchor", "chars", "container", "is_map", "keep", "key", "pointer", "values")

    def __init__(self, container: Any, pointer: str, anchor: str | None, keep: bool) -> None:
        self.container = container
        self.is_map = isinstance(container, dict)
        self.pointer = pointer
        self.anchor = anchor
        self.keep = keep
        self.key: str | None = None
        self.values = 1
        """Values in this subtree so far (an alias of it adds as many)."""
        self.chars = 0
        """Characters of text in this subtree so far."""


_NO_KEY = None


class _Builder:
    """Builds the tree from events, with findings and positions."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.findings: list[Finding] = []
        self.positions: dict[str, tuple[int, int]] = {"": (1, 1)}
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int, int, str | None]] = {}
        """Anchor -> (value, values, characters of text, text of a scalar)."""
        self.values = 0
        self.expanded = 0
        self.expanded_text = 0
        self.root: Any = None

    # ---------------------------------------------------------------- placing

    def place(self, value: Any, mark: Any, values: int, chars: int) -> str | None:
        """Put a finished value in its parent; its pointer, or None when not kept."""
        if not self.stack:
            self.root = value
            return ""
        parent = self.stack[-1]
        parent.values += values
        parent.chars += chars
        if parent.is_map:
            key = parent.key
            assert key is not None
            parent.key = _NO_KEY
            pointer = f"{parent.pointer}/{escape(key)}"
            if key in parent.container:
                if parent.keep:
                    shown = key if len(key) <= 60 else key[:60] + "..."
                    self.findings.append(
                        unreadable(
                            _(
                                "The key {key} appears more than once in this mapping (line "
                                "{line}): keep one of them (psed read the first).",
                                key=repr(shown),
                                line=mark.line + 1,
                            ),
                            pointer,
                        )
                    )
                return None
            parent.container[key] = value
        else:
            pointer = f"{parent.pointer}/{len(parent.container)}"
            parent.container.append(value)
        if not parent.keep:
            return None
        if not parent.is_map:  # a mapping entry's position is its key's, taken with the key
            self.positions[pointer] = (mark.line + 1, mark.column + 1)
        return pointer

    def count(self, mark: Any) -> None:
        self.values += 1
        if self.values > self.limits.max_values:
            raise _Unreadable(too_many_values_message(self.limits, mark.line + 1), mark)

    # ---------------------------------------------------------------- events

    def key(self, event: Any) -> None:
        """A scalar or alias where the parent mapping expects a key."""
        frame = self.stack[-1]
        kind = type(event)
        if kind is _ye.ScalarEvent:
            self.count(event.start_mark)
            try:
                text, refused = _key(event)
            except _Unreadable as exc:
                exc.mark = event.start_mark
                raise
            frame.values += 1
            frame.chars += len(event.value)
            if event.anchor is not None:
                self.anchors[event.anchor] = (text, 1, len(event.value), text)
            if refused is not None and frame.keep and text not in frame.container:
                self.findings.append(unreadable(refused.message, f"{frame.pointer}/{escape(text)}"))
        elif kind is _ye.AliasEvent:
            anchored = self.anchors.get(event.anchor)
            if anchored is None:
                self._unanchored(event)
            if anchored[3] is None:
                raise _Unreadable(
                    _COMPLEX_KEY,
                    event.start_mark,
                )
            text = anchored[3]
        else:
            raise _Unreadable(
                _COMPLEX_KEY,
                event.start_mark,
            )
        frame.key = text
        if frame.keep and text not in frame.container:
            mark = event.start_mark
            self.positions[f"{frame.pointer}/{escape(text)}"] = (mark.line + 1, mark.column + 1)

    def scalar(self, event: Any) -> None:
        self.count(event.start_mark)
        text = event.value
        try:
            value = _scalar(_resolved_tag(event), text)
        except _Unreadable as exc:
            exc.mark = event.start_mark
            raise
        refused = value if isinstance(value, _Refused) else None
        if refused is not None:
            value = None
        pointer = self.place(value, event.start_mark, 1, len(text))
        if refused is not None and pointer is not None:
            self.findings.append(unreadable(refused.message, pointer))
        if event.anchor is not None:
            key = text if refused is not None else _key_text(value, text)
            self.anchors[event.anchor] = (value, 1, len(text), key)

    def alias(self, event: Any) -> None:
        line = event.start_mark.line + 1
        anchored = self.anchors.get(event.anchor)
        if anchored is None:
            self._unanchored(event)
        value, values, chars, _position = anchored
        self.expanded += values
        if self.expanded > self.limits.max_alias_nodes:
            most = f"{self.limits.max_alias_nodes:,}"
            raise _Unreadable(
                _(
                    "YAML aliases expand to more than {most} values (line {line}): write the "
                    "values out, or raise the limit with psed.Limits(max_alias_nodes=...).",
                    most=most,
                    line=line,
                ),
                event.start_mark,
            )
        self.expanded_text += chars
        if self.expanded_text > self.limits.max_bytes:
            most = f"{self.limits.max_bytes:,}"
            raise _Unreadable(
                _(
                    "YAML aliases repeat more than {most} characters of text (line {line}), "
                    "more than the document itself may hold: write the text out once, or raise "
                    "the limit with psed.Limits(max_bytes=...).",
                    most=most,
                    line=line,
                ),
                event.start_mark,
            )
        self.place(value, event.start_mark, values, chars)

    def _unanchored(self, event: Any) -> NoReturn:
        """Refuse an alias with no anchor before it (or one inside its own anchor)."""
        line = event.start_mark.line + 1
        if any(frame.anchor == event.anchor for frame in self.stack):
            raise _Unreadable(
                _(
                    "The alias *{anchor} at line {line} refers to a value that contains "
                    "it: remove the loop.",
                    anchor=str(event.anchor),
                    line=line,
                ),
                event.start_mark,
            )
        raise _Unreadable(
            _(
                "The alias *{anchor} at line {line} has no anchor &{anchor}: add the "
                "anchor, or write the value out.",
                anchor=str(event.anchor),
                line=line,
            ),
            event.start_mark,
        )

    def start(self, event: Any, container: Any, tags: frozenset[str | None]) -> None:
        self.count(event.start_mark)
        if event.tag not in tags:
            raise _Unreadable(
                C_(
                    "yaml problem",
                    "the tag {tag} is not allowed (psed reads plain data only): remove it",
                    tag=repr(event.tag),
                ),
                event.start_mark,
            )
        if len(self.stack) >= self.limits.max_depth:
            raise _Unreadable(
                too_deep_message(self.limits, event.start_mark.line + 1), event.start_mark
            )
        parent = self.stack[-1] if self.stack else None
        keep = parent is None or parent.keep
        if parent is None:
            pointer = ""
        elif parent.is_map:
            assert parent.key is not None
            pointer = f"{parent.pointer}/{escape(parent.key)}"
            if parent.key in parent.container:
                keep = False  # a repeated key: read, reported when it ends, not kept
        else:
            pointer = f"{parent.pointer}/{len(parent.container)}"
        self.stack.append(_Frame(container, pointer, event.anchor, keep))
        self._start_marks.append(event.start_mark)

    def end(self) -> None:
        frame = self.stack.pop()
        mark = self._start_marks.pop()
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.container, frame.values, frame.chars, None)
        self.place(frame.container, mark, frame.values, frame.chars)

    # ---------------------------------------------------------------- the pass

    def build(self, get_event: Callable[[], Any]) -> Any:
        self._start_marks: list[Any] = []
        documents = 0
        stack = self.stack
        while True:
            event = get_event()
            if event is None:
                break
            kind = type(event)
            if stack and stack[-1].is_map and stack[-1].key is _NO_KEY:
                if kind is _ye.MappingEndEvent:
                    self.end()
                else:
                    self.key(event)
                continue
            if kind is _ye.ScalarEvent:
                self.scalar(event)
            elif kind is _ye.MappingStartEvent:
                self.start(event, {}, _MAPPING_TAGS)
            elif kind is _ye.SequenceStartEvent:
                self.start(event, [], _SEQUENCE_TAGS)
            elif kind is _ye.SequenceEndEvent:
                self.end()
            elif kind is _ye.AliasEvent:
                self.alias(event)
            elif kind is _ye.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Unreadable(
                        _(
                            "The file holds several YAML documents (a second one starts at "
                            "line {line}, after '---'): put each assessment in a file of its "
                            "own.",
                            line=event.start_mark.line + 1,
                        ),
                        event.start_mark,
                    )
        return self.root


# --------------------------------------------------------------------------- parsers

_CParser: Any
try:  # libyaml's parser; ``yaml.CParser`` is not exported, so ask the cyaml module
    import yaml.cyaml

    _CParser = getattr(yaml.cyaml, "CParser", None)
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None


class _PyParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """PyYAML's own parser, where libyaml is missing (the same grammar, slower)."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)

    def dispose(self) -> None:
        self.states = []
        self.state = None


_Parser: Any = _CParser if _CParser is not None else _PyParser


# --------------------------------------------------------------------------- messages

_MAX_SIMPLE_KEY = 1024
"""YAML allows a plain (simple) key of at most 1,024 characters."""
_KEY_END = re.compile(r":(?:[ \t]|$)")


def _long_key_line(text: str, lines: list[int]) -> int | None:
    """The first of ``lines`` (0-based) that holds a key over 1,024 characters, 1-based."""
    all_lines = text.split("\n")
    for index in lines:
        if not 0 <= index < len(all_lines):
            continue
        line = all_lines[index].lstrip(" \t")
        while line.startswith(("- ", "? ")):  # list items and explicit keys before the key
            line = line[2:].lstrip(" \t")
        end = _KEY_END.search(line)
        key = line[: end.start()] if end is not None else line
        if len(key.rstrip(" \t")) > _MAX_SIMPLE_KEY:
            return index + 1
    return None


def _key_problem(exc: yaml.YAMLError, text: str, problem: str) -> str | None:
    """A message for a key YAML could not read: one over 1,024 characters, or no ':' after it.

    PyYAML says "could not find expected ':'" or "mapping values are not allowed" for
    both, which does not tell a person what to change.
    """
    if "could not find expected ':'" not in problem and "mapping values are not" not in problem:
        return None
    marks = (getattr(exc, "context_mark", None), getattr(exc, "problem_mark", None))
    lines = [m.line for m in marks if m is not None]
    long_line = _long_key_line(text, lines)
    if long_line is not None:
        return _(
            "The YAML could not be read at line {line}: a key longer than 1,024 characters, "
            "which YAML does not allow; shorten the key (no field name is that long), or if "
            "it is meant as text, write it after a field name and ':'.",
            line=long_line,
        )
    if "could not find expected ':'" not in problem or not lines:
        return None
    return _(
        "The YAML could not be read at line {line}: a key longer than 1,024 characters, or a "
        "missing ':' after a key; add the ':' after the key on that line (or, if the line "
        "continues the text above, indent it under that text).",
        line=lines[0] + 1,
    )


def _yaml_error(exc: yaml.YAMLError, text: str) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).strip().splitlines()[0]
    key_problem = _key_problem(exc, text, problem)
    if key_problem is not None:
        return key_problem
    if mark is None:
        return _(
            "The YAML could not be read: {problem}; check the indentation, colons and quotes "
            "there.",
            problem=yaml_problem(problem),
        )
    return _(
        "The YAML could not be read at line {line}, column {column}: {problem}; check the "
        "indentation, colons and quotes there.",
        line=mark.line + 1,
        column=mark.column + 1,
        problem=yaml_problem(problem),
    )


def _line_break_message(text: str, index: int) -> str:
    char = text[index]
    name = _BREAK_NAMES.get(char, "U+2029 (PARAGRAPH SEPARATOR)")
    line = text.count("\n", 0, index) + 1
    if char == "\x85":
        return _(
            "Line {line} contains the invisible character {name}, which YAML reads as a line "
            "break and would change the text: it is usually a mis-converted '…': replace it "
            "with the character you meant.",
            line=line,
            name=name,
        )
    return _(
        "Line {line} contains the invisible character {name}, which YAML reads as a line "
        "break and would change the text: replace it with a line break or a space, or write "
        "the text in JSON.",
        line=line,
        name=name,
    )


# --------------------------------------------------------------------------- entry


def _place(mark: Any) -> tuple[int | None, int | None]:
    return (None, None) if mark is None else (mark.line + 1, mark.column + 1)


def read_yaml(text: str, limits: Limits) -> Parsed:
    """Parse YAML text into a tree, with findings and the position of every place."""
    found = _BREAKS.search(text)
    if found is not None:
        return failed(
            _line_break_message(text, found.start()), text.count("\n", 0, found.start()) + 1
        )
    builder = _Builder(limits)
    try:  # PyYAML's own reader refuses a control character as it starts
        try:
            parser = _Parser(text)
        except UnicodeEncodeError:  # half a character, which libyaml cannot be given
            parser = _PyParser(text)  # and PyYAML's own reader refuses
    except yaml.YAMLError as exc:
        return failed(_yaml_error(exc, text))
    try:
        tree = builder.build(parser.get_event)
    except _Unreadable as exc:
        message = exc.message
        mark = exc.mark
        if mark is not None and "line" not in message:
            message = _(
                "The YAML could not be read at line {line}: {problem}.",
                line=mark.line + 1,
                problem=message,
            )
        return failed(message, *_place(mark))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        if "nesting depth" in str(exc):  # libyaml's own guard, met while scanning ahead
            line = None if mark is None else mark.line + 1
            return failed(too_deep_message(limits, line), line)
        return failed(_yaml_error(exc, text), *_place(mark))
    except RecursionError:  # pragma: no cover - the pure-Python parser on deep flow nesting
        return failed(too_deep_message(limits, None))
    finally:
        parser.dispose()
    return Parsed(tree, builder.findings, True, Positions(builder.positions), builder.expanded)
