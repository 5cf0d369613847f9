"""JSON text to a plain tree: one ``json.loads`` with hooks; positions only when asked for.

The hooks mark what must not reach the tree as it is: a repeated key (the first
value is kept, the repeat reported at its pointer), ``NaN`` and ``Infinity``, and an
integer too long to convert. The walker (:mod:`psed._reading.structural`) reports
the marks where it meets them, with the limits of a tree, so nothing here walks the
tree. Positions are found when a report asks for them, by one walk of the text along
the paths of the places it names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from psed._i18n import _
from psed._reading.limits import Limits, Parsed, failed, too_deep_message
from psed._reading.parser_messages import json_problem
from psed._reading.pointer import Positions, escape

__all__ = ["Duplicates", "Rejected", "json_positions", "read_json"]

_MAX_DIGITS = 4000
"""Integers longer than this are refused before Python converts them (quadratic time)."""


class Rejected:
    """A parsed value that must not reach the tree (NaN, an over-long integer)."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __repr__(self) -> str:
        return f"Rejected({self.message!r})"


class Duplicates(dict):  # type: ignore[type-arg]
    """A mapping in which some keys were repeated; the first value of each is kept."""

    __slots__ = ("repeated",)
    repeated: list[str]


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) == len(pairs):
        return mapping
    marked = Duplicates()
    marked.repeated = []
    for key, value in pairs:
        if key in marked:
            marked.repeated.append(key)
        else:
            marked[key] = value
    return marked


def _constant(name: str) -> Rejected:
    return Rejected(_("{name} is not a number JSON allows: write a number, or null.", name=name))


def _integer(digits: str) -> int | Rejected:
    count = len(digits.lstrip("-"))
    if count > _MAX_DIGITS:
        digits_shown = f"{count:,}"
        return Rejected(
            _(
                "The number has {count} digits, too many to read: write a smaller number.",
                count=digits_shown,
            )
        )
    return int(digits)


_DEPTH_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _too_deep_line(text: str, max_depth: int) -> int | None:
    """The line where nesting first goes deeper than ``max_depth`` (for the message only)."""
    depth = 0
    for match in _DEPTH_TOKEN.finditer(text):
        char = match.group()[0]
        if char == '"':
            continue
        depth += 1 if char in "[{" else -1
        if depth > max_depth:
            return _line_of(text, match.start())
    return None


_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder(parse_int=str).scan_once  # type: ignore[attr-defined]
"""The json module's scanner: the value that starts at an index, and the index after it
(integers are kept as text: an over-long one costs nothing here)."""
_SPACE = re.compile(r"[ \t\n\r]*").match
_COLON = re.compile(r"[ \t\n\r]*:[ \t\n\r]*").match
_COMMA = re.compile(r"[ \t\n\r]*,?[ \t\n\r]*").match


def json_positions(text: str, pointers: Iterable[str]) -> dict[str, tuple[int, int]]:
    """The line and column of the places ``pointers`` name, and of the places above them.

    One walk from the start of the text along the pointers' paths: a value off those
    paths is skipped by the json module's scanner, so the work grows with the places
    asked for rather than with the document. A member of an object is where its key
    is written; an item of a list where it starts. A place the text does not have is
    left out. The text is known to be valid JSON (it parsed).
    """
    paths: dict[str, Any] = {}
    for pointer in pointers:
        node = paths
        for token in pointer.split("/")[1:]:
            node = node.setdefault(token, {})
    table: dict[str, tuple[int, int]] = {"": (1, 1)}
    # The walk only moves forward: lines are counted from the last place found.
    last = [0, 1, 0]  # index, its line, the index its line starts at

    def place(index: int) -> tuple[int, int]:
        seen, line, start = last
        breaks = text.count("\n", seen, index)
        if breaks:
            line += breaks
            start = text.rfind("\n", seen, index) + 1
        last[:] = [index, line, start]
        return (line, index - start + 1)

    def visit(index: int, pointer: str, wanted: dict[str, Any]) -> int:
        """Walk the value at ``index`` (a container ``wanted`` goes into); its end."""
        opening = text[index]
        if not wanted or opening not in "{[":
            return _SCAN(text, index)[1]
        closing = "}" if opening == "{" else "]"
        index = _SPACE(text, index + 1).end()  # type: ignore[union-attr]
        count = 0
        while text[index] != closing:
            start = index
            if opening == "{":
                key, index = _SCAN(text, index)
                token = escape(key)
                index = _COLON(text, index).end()  # type: ignore[union-attr]
            else:
                token = str(count)
                count += 1
            below = wanted.get(token)
            if below is None:
                index = _SCAN(text, index)[1]
            else:
                here = f"{pointer}/{token}"
                table[here] = place(start)
                index = visit(index, here, below)
            index = _COMMA(text, index).end()  # type: ignore[union-attr]
        return index + 1

    visit(_SPACE(text, 0).end(), "", paths)  # type: ignore[union-attr]
    return table


def read_json(text: str, limits: Limits) -> Parsed:
    """Parse JSON text into a tree; positions are found later, only if asked for."""
    try:
        tree = json.loads(
            text, object_pairs_hook=_pairs, parse_constant=_constant, parse_int=_integer
        )
    except json.JSONDecodeError as exc:
        return failed(
            _(
                "The JSON could not be read at line {line}, column {column}: {problem}; check "
                "the punctuation there (quotes, commas, brackets).",
                line=exc.lineno,
                column=exc.colno,
                problem=json_problem(exc.msg),
            ),
            exc.lineno,
            exc.colno,
        )
    except RecursionError:
        line = _too_deep_line(text, limits.max_depth)
        return failed(too_deep_message(limits, line), line)
    return Parsed(tree, [], True, Positions(lambda pointers: json_positions(text, pointers)))
