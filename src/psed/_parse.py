"""Safe parsing of JSON and YAML text into a plain tree, with limits.

Nothing here raises on bad input: every problem becomes a PSED001 finding with a
message that says where (the line, when the parser knows it) and what to do.

- Size is checked before parsing, depth without recursion (JSON: a scan of the
  brackets outside strings; YAML: the parser's event stream, which is
  iterative), so a document nested 10,000 deep is reported, not a crash.
- YAML is read with our own safe loader: YAML 1.2 booleans (``true``/``false``
  only, so ``No``, ``yes`` and ``on`` stay text), YAML 1.2 integers, no merge
  keys, dates as :class:`datetime.date`, no tag that builds a Python object,
  and an alias-expansion budget counted from the event stream ("billion laughs").
- Duplicate keys in any mapping, in either format, are reported at the pointer of
  the repeated key; the first value is kept and reading goes on.
- JSON ``NaN``/``Infinity`` and integers too long to convert are reported at
  their pointer instead of crashing or being accepted.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from typing import Any

import attrs
import yaml
from yaml import constructor as _yc
from yaml import events as _ye
from yaml import resolver as _yr

from psed._structural import escape, key_text, structural_finding
from psed.findings import Finding

__all__ = ["Limits", "Parsed", "decode", "parse_text"]

_MIB = 1024 * 1024
_NOT_MAPPING = "the document must be a mapping with at least `name`"


@attrs.frozen(kw_only=True)
class Limits:
    """Bounds on what a document may cost to read; over a bound is PSED001.

    The defaults suit any real assessment; raise them for unusual inputs.
    """

    max_bytes: int = 10 * _MIB
    """Largest document accepted, in bytes of UTF-8 (default 10 MiB)."""
    max_depth: int = 64
    """Deepest nesting of mappings and lists accepted (the root mapping is depth 1)."""
    max_alias_nodes: int = 100_000
    """Most values YAML aliases (``*name``) may add when expanded ("billion laughs" guard)."""
    max_values: int = 100_000
    """Most values one document may hold: mappings, lists, keys, texts, numbers (YAML
    aliases are bounded by ``max_alias_nodes``). Every value can bring findings, so
    this bounds the time and memory a report costs too."""


DEFAULT_LIMITS = Limits()


@attrs.frozen
class Parsed:
    """The outcome of parsing: the tree (None if unreadable) and the findings."""

    tree: Any
    findings: list[Finding]
    ok: bool


def _unreadable(message: str, pointer: str = "") -> Finding:
    return structural_finding("PSED001", pointer, message)


def _failed(message: str) -> Parsed:
    return Parsed(None, [_unreadable(message)], False)


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


# --------------------------------------------------------------------------- bytes


def decode(data: bytes) -> str | Finding:
    """UTF-8 bytes to text (a UTF-8 BOM is dropped); anything else is a PSED001 finding."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _unreadable("the file is encoded as UTF-32; save it as UTF-8 and try again")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _unreadable("the file is encoded as UTF-16; save it as UTF-8 and try again")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return _unreadable(
            f"the file is not valid UTF-8 (line {line}, byte {exc.start}); "
            "save it as UTF-8 and try again"
        )


def too_big(size: int, limits: Limits) -> Finding | None:
    """PSED001 when ``size`` bytes is over the limit."""
    if size <= limits.max_bytes:
        return None
    return _unreadable(
        f"the document is {size:,} bytes, over the limit of {limits.max_bytes:,} bytes; "
        "split it, or raise the limit with psed.reading.Limits(max_bytes=...)"
    )


def _too_deep(limits: Limits, line: int | None) -> Parsed:
    where = f" (line {line})" if line is not None else ""
    return _failed(
        f"the document is nested more than {limits.max_depth} levels deep{where}; "
        "flatten it, or raise the limit with psed.reading.Limits(max_depth=...)"
    )


# --------------------------------------------------------------------------- markers


class _Rejected:
    """A parsed value that must not reach the tree (NaN, an over-long integer)."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


class _Marked(dict):  # type: ignore[type-arg]
    """A mapping in which some keys were repeated; the first value of each is kept."""

    __slots__ = ("duplicates",)
    duplicates: list[tuple[Any, int | None]]


def _clean(tree: Any, findings: list[Finding]) -> Any:
    """Report duplicate keys and rejected values at their pointers; drop the values.

    Only called when the parser flagged something, so ordinary documents skip it.
    Recursion is bounded by the depth limit, checked before parsing.
    """

    def visit(node: Any, pointer: str) -> Any:
        if isinstance(node, _Rejected):
            findings.append(_unreadable(node.message, pointer))
            return None
        if isinstance(node, dict):
            if isinstance(node, _Marked):
                for key, line in node.duplicates:
                    where = f" (line {line})" if line is not None else ""
                    findings.append(
                        _unreadable(
                            f"the key {key_text(key)[:60]!r} appears more than once in this "
                            f"mapping{where}; keep one of them (psed read the first)",
                            f"{pointer}/{escape(key_text(key))}",
                        )
                    )
            out = {}
            for k, v in node.items():
                if isinstance(k, str) and _SURROGATE.search(k):
                    findings.append(_unreadable(_surrogate_message("a key here"), pointer))
                    continue
                out[k] = visit(v, f"{pointer}/{escape(key_text(k))}")
            return out
        if isinstance(node, list):
            return [visit(v, f"{pointer}/{i}") for i, v in enumerate(node)]
        if isinstance(node, str) and _SURROGATE.search(node):
            findings.append(_unreadable(_surrogate_message("the text"), pointer))
            return None
        return node

    return visit(tree, "")


# A lone UTF-16 surrogate (JSON "\\ud800" without its pair) is not a character: it
# cannot be written as UTF-8, so text holding one could not be kept byte for byte.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _surrogate_message(what: str) -> str:
    return (
        f"{what} contains an escape such as \\ud800 that is half of a character "
        "(an unpaired UTF-16 surrogate); write the whole character, or remove the escape"
    )


def _to_int(text: str) -> int | _Rejected:
    digits = text.lstrip("+-")
    if len(digits) > 4000:
        return _Rejected(
            f"the number has {len(digits):,} digits, too many to read; write a smaller number"
        )
    try:
        return int(text)
    except ValueError:  # pragma: no cover - a process with a lower int digit limit
        return _Rejected("the number is too long to read; write a smaller number")


# --------------------------------------------------------------------------- JSON

# A JSON string (escapes included) or one bracket; strings are skipped when counting depth.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)


def _json_depth_line(text: str, max_depth: int) -> int | None:
    """The line where nesting first goes deeper than ``max_depth``, or None."""
    if text.count("[") + text.count("{") <= max_depth:
        return None  # cannot be deeper than the number of openings
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        char = match.group()[0]
        if char == '"':
            continue
        if char in "[{":
            depth += 1
            if depth > max_depth:
                return _line(text, match.start())
        else:
            depth -= 1
    return None


_JSON_VALUE_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[{,:]', re.DOTALL)


def _json_too_many_values(text: str, max_values: int) -> int | None:
    """The line where the document first holds more than ``max_values`` values, or None.

    Counted outside strings: each opening bracket, comma and colon, plus one; the same
    count as the YAML event scan (mappings, lists, keys and scalars), exact for
    well-formed JSON except that an empty list or mapping counts one more.
    """
    quick = text.count(",") + text.count(":") + text.count("[") + text.count("{") + 1
    if quick <= max_values:
        return None  # the quick bound: most documents stop here
    values = 1
    for match in _JSON_VALUE_TOKEN.finditer(text):
        if match.group()[0] != '"':
            values += 1
            if values > max_values:
                return _line(text, match.start())
    return None


def _too_many_values(limits: Limits, line: int) -> Parsed:
    return _failed(
        f"the document holds more than {limits.max_values:,} values (line {line}); "
        "no assessment needs so many: split it, or raise the limit with "
        "psed.Limits(max_values=...)"
    )


def _parse_json(text: str, limits: Limits) -> Parsed:
    line = _json_depth_line(text, limits.max_depth)
    if line is not None:
        return _too_deep(limits, line)
    line = _json_too_many_values(text, limits.max_values)
    if line is not None:
        return _too_many_values(limits, line)
    flagged = False

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal flagged
        mapping = dict(pairs)
        if len(mapping) != len(pairs):
            flagged = True
            marked = _Marked()
            marked.duplicates = []
            for key, value in pairs:
                if key in marked:
                    marked.duplicates.append((key, None))
                else:
                    marked[key] = value
            return marked
        return mapping

    def constant(name: str) -> _Rejected:
        nonlocal flagged
        flagged = True
        return _Rejected(f"{name} is not a number JSON allows; write a number, or null")

    def integer(digits: str) -> int | _Rejected:
        nonlocal flagged
        value = _to_int(digits)
        if isinstance(value, _Rejected):
            flagged = True
        return value

    if _SURROGATE_ESCAPE.search(text):
        flagged = True  # maybe an unpaired one: _clean looks
    try:
        tree = json.loads(
            text, object_pairs_hook=pairs_hook, parse_constant=constant, parse_int=integer
        )
    except json.JSONDecodeError as exc:
        return _failed(
            f"the JSON could not be read at line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg}; check the punctuation there (quotes, commas, brackets)"
        )
    except RecursionError:  # pragma: no cover - guarded by the depth scan
        return _too_deep(limits, None)
    findings: list[Finding] = []
    if flagged:
        tree = _clean(tree, findings)
    return Parsed(tree, findings, True)


# --------------------------------------------------------------------------- YAML


class _Resolver(_yr.BaseResolver):
    """YAML 1.2 core schema scalars, plus dates; no merge keys, no ``=`` values."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null",
    re.compile(r"^(?:~|null|Null|NULL|)$"),
    ["~", "n", "N", ""],
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp",
    re.compile(
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        re.X,
    ),
    list("0123456789"),
)


class _Constructor(_yc.SafeConstructor):
    """Builds only plain data: mappings, lists, text, numbers, booleans, null and dates."""

    # Our own registry (not a copy of SafeConstructor's): only the tags listed below.
    yaml_constructors: dict[Any, Any] = {}  # type: ignore[misc]  # noqa: RUF012
    flagged = False

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        """No merge keys: ``<<`` is an ordinary key (and then an unknown field)."""

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):  # pragma: no cover - composer guarantees
            raise _yc.ConstructorError(
                None, None, f"expected a mapping, found {type(node).__name__}", node.start_mark
            )
        mapping: dict[Any, Any] = {}
        duplicates: list[tuple[Any, int | None]] = []
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                seen = key in mapping
            except TypeError:
                raise _yc.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    "found a key that is itself a list or mapping; keys must be plain text",
                    key_node.start_mark,
                ) from None
            if seen:
                duplicates.append((key, key_node.start_mark.line + 1))
            else:
                mapping[key] = self.construct_object(value_node, deep=deep)
        if duplicates:
            self.flagged = True
            marked = _Marked(mapping)
            marked.duplicates = duplicates
            return marked
        return mapping

    def construct_yaml_map(self, node: yaml.MappingNode) -> Any:
        # Not the two-step generator of SafeConstructor: the event scan has already
        # rejected recursive aliases, so a mapping can be built in one go.
        yield self.construct_mapping(node)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int | _Rejected:  # type: ignore[override]
        text = str(self.construct_scalar(node))
        if text.startswith(("0o", "0x")):
            return int(text[2:], 8 if text[1] == "o" else 16)
        value = _to_int(text)
        if isinstance(value, _Rejected):
            self.flagged = True
        return value

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            # Looks like a date but is not one (2021-02-30): keep the text so the
            # structural check can say why.
            return self.construct_scalar(node)

    def construct_undefined(self, node: yaml.Node) -> Any:
        raise _yc.ConstructorError(
            None,
            None,
            f"the tag {node.tag!r} is not allowed (psed reads plain data only); remove it",
            node.start_mark,
        )


_add_constructor: Any = _Constructor.add_constructor
_add_constructor("tag:yaml.org,2002:null", _yc.SafeConstructor.construct_yaml_null)
_add_constructor("tag:yaml.org,2002:bool", _yc.SafeConstructor.construct_yaml_bool)
_add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)
_add_constructor("tag:yaml.org,2002:float", _yc.SafeConstructor.construct_yaml_float)
_add_constructor("tag:yaml.org,2002:str", _yc.SafeConstructor.construct_yaml_str)
_add_constructor("tag:yaml.org,2002:seq", _yc.SafeConstructor.construct_yaml_seq)
_add_constructor("tag:yaml.org,2002:map", _Constructor.construct_yaml_map)
_add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)
_add_constructor(None, _Constructor.construct_undefined)

_CParser: Any
try:  # libyaml's parser; ``yaml.CParser`` is not exported, so ask the cyaml module
    import yaml.cyaml

    _CParser = getattr(yaml.cyaml, "CParser", None)
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None
if _CParser is not None:  # libyaml: the same grammar, several times faster

    class _Loader(_CParser, _Constructor, _Resolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _Constructor.__init__(self)
            _Resolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml

    class _Loader(  # type: ignore[no-redef]
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
        _Constructor,
        _Resolver,
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            _Constructor.__init__(self)
            _Resolver.__init__(self)


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
        return (
            f"the YAML could not be read at line {long_line}: a key longer than 1,024 "
            "characters, which YAML does not allow; shorten the key (no field name is that "
            "long), or if it is meant as text, write it after a field name and ':'"
        )
    if "could not find expected ':'" not in problem or not lines:
        return None
    return (
        f"the YAML could not be read at line {lines[0] + 1}: a key longer than 1,024 "
        "characters, or a missing ':' after a key; add the ':' after the key on that line "
        "(or, if the line continues the text above, indent it under that text)"
    )


def _yaml_error(exc: yaml.YAMLError, text: str) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).strip().splitlines()[0]
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    if isinstance(exc, _yc.ConstructorError):  # our own messages already say what to do
        return f"the YAML could not be read{where}: {problem}"
    key_problem = _key_problem(exc, text, problem)
    if key_problem is not None:
        return key_problem
    return (
        f"the YAML could not be read{where}: {problem}; "
        "check the indentation, colons and quotes there"
    )


def _scan_yaml(text: str, limits: Limits) -> str | None:
    """Walk the event stream: nesting depth and alias expansion, without building anything.

    Returns a PSED001 message, or None when the document is within the limits.
    """
    loader = _Loader(text)
    try:
        depth = 0
        open_nodes: list[list[Any]] = []  # [anchor, values so far, characters of text so far]
        sizes: dict[str, int] = {}
        # Characters of text each anchor holds: an alias repeats them, and every copy
        # is read by the rules (100 aliases of a 4 MB text cost minutes).
        text_sizes: dict[str, int] = {}
        expanded = 0
        expanded_text = 0
        values = 0
        get_event: Callable[[], Any] = loader.get_event
        while True:
            event = get_event()
            if event is None:
                return None
            kind = type(event)
            if (
                kind is _ye.ScalarEvent
                or kind is _ye.MappingStartEvent
                or (kind is _ye.SequenceStartEvent)
            ):
                values += 1
                if values > limits.max_values:
                    return _too_many_values(limits, event.start_mark.line + 1).findings[0].message
            if kind is _ye.ScalarEvent:
                chars = len(event.value)
                if event.anchor is not None:
                    sizes[event.anchor] = 1
                    text_sizes[event.anchor] = chars
                if open_nodes:
                    open_nodes[-1][1] += 1
                    open_nodes[-1][2] += chars
            elif kind is _ye.MappingStartEvent or kind is _ye.SequenceStartEvent:
                depth += 1
                if depth > limits.max_depth:
                    return (
                        f"the document is nested more than {limits.max_depth} levels deep "
                        f"(line {event.start_mark.line + 1}); flatten it, or raise the limit "
                        "with psed.reading.Limits(max_depth=...)"
                    )
                open_nodes.append([event.anchor, 1, 0])
            elif kind is _ye.MappingEndEvent or kind is _ye.SequenceEndEvent:
                depth -= 1
                anchor, count, chars = open_nodes.pop()
                if anchor is not None:
                    sizes[anchor] = count
                    text_sizes[anchor] = chars
                if open_nodes:
                    open_nodes[-1][1] += count
                    open_nodes[-1][2] += chars
            elif kind is _ye.AliasEvent:
                line = event.start_mark.line + 1
                size = sizes.get(event.anchor)
                if size is None:
                    if any(node[0] == event.anchor for node in open_nodes):
                        return (
                            f"the alias *{event.anchor} at line {line} refers to a value "
                            "that contains it; remove the loop"
                        )
                    return f"the alias *{event.anchor} at line {line} has no anchor &{event.anchor}"
                expanded += size
                if expanded > limits.max_alias_nodes:
                    return (
                        f"YAML aliases expand to more than {limits.max_alias_nodes:,} values "
                        f"(line {line}); write the values out, or raise the limit with "
                        "psed.reading.Limits(max_alias_nodes=...)"
                    )
                chars = text_sizes[event.anchor]
                expanded_text += chars
                if expanded_text > limits.max_bytes:
                    return (
                        f"YAML aliases repeat more than {limits.max_bytes:,} characters of text "
                        f"(line {line}), more than the document itself may hold; write the "
                        "text out once, or raise the limit with psed.reading.Limits(max_bytes=...)"
                    )
                if open_nodes:
                    open_nodes[-1][1] += size
                    open_nodes[-1][2] += chars
    finally:
        loader.dispose()


def _line_breaks_yaml_would_change(text: str) -> str | None:
    """PSED001 message when the text holds U+0085 (NEL), else None.

    PyYAML reads NEL as a line break (YAML 1.1) and folds it into a space or a newline
    inside text, so the text would silently change. In files converted by hand it is
    nearly always a mis-converted Windows ellipsis (byte 0x85).
    """
    index = text.find("\x85")
    if index < 0:
        return None
    return (
        f"line {_line(text, index)} contains the invisible character U+0085 (NEL), which "
        "YAML reads as a line break and would change the text; it is usually a "
        "mis-converted '…': replace it with the character you meant"
    )


def _parse_yaml(text: str, limits: Limits) -> Parsed:
    nel = _line_breaks_yaml_would_change(text)
    if nel is not None:
        return _failed(nel)
    try:
        problem = _scan_yaml(text, limits)
        if problem is not None:
            return _failed(problem)
        loader = _Loader(text)
        try:
            tree = loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        if "nesting depth" in str(exc):  # libyaml's own guard, met while scanning ahead
            mark = getattr(exc, "problem_mark", None)
            return _too_deep(limits, None if mark is None else mark.line + 1)
        return _failed(_yaml_error(exc, text))
    findings: list[Finding] = []
    if loader.flagged:
        tree = _clean(tree, findings)
    return Parsed(tree, findings, True)


# --------------------------------------------------------------------------- entry


def _describe(value: Any) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def parse_text(text: str, *, format: str | None, limits: Limits) -> Parsed:
    """Parse JSON or YAML text to a tree whose root is a mapping.

    ``format`` is ``"json"``, ``"yaml"`` or None to guess: JSON when the text
    parses as a JSON object, YAML otherwise.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    size = len(text)
    if size > limits.max_bytes // 4:  # only encode when the length could be over
        size = len(text.encode("utf-8", "surrogatepass"))
    big = too_big(size, limits)
    if big is not None:
        return Parsed(None, [big], False)
    if not text.strip():
        return _failed(f"the document is empty; {_NOT_MAPPING}")
    if format not in (None, "json", "yaml"):
        raise ValueError(f"format must be 'json', 'yaml' or None, not {format!r}")
    if format == "json":
        parsed = _parse_json(text, limits)
    elif format == "yaml":
        parsed = _parse_yaml(text, limits)
    elif text.lstrip()[:1] == "{":
        parsed = _parse_json(text, limits)
        if not parsed.ok and "nested more than" not in parsed.findings[0].message:
            as_yaml = _parse_yaml(text, limits)
            if as_yaml.ok:
                parsed = as_yaml
    else:
        parsed = _parse_yaml(text, limits)
    if parsed.ok and not isinstance(parsed.tree, dict):
        return _failed(f"the document is {_describe(parsed.tree)}; {_NOT_MAPPING}")
    return parsed
