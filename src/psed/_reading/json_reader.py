"""JSON text to a plain tree: one ``json.loads`` with hooks; positions only when asked for.

The hooks mark what must not reach the tree as it is: a repeated key (the first
value is kept, the repeat reported at its pointer), ``NaN`` and ``Infinity``, and an
integer too long to convert. The walker (:mod:`psed._reading.structural`) reports
the marks where it meets them, with the limits of a tree, so nothing here walks the
tree. Positions are found by one linear scan of the text, the first time a report
asks for one.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Any

from psed._reading.limits import Limits, Parsed, failed, too_deep_message
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
    return Rejected(f"{name} is not a number JSON allows: write a number, or null.")


def _integer(digits: str) -> int | Rejected:
    count = len(digits.lstrip("-"))
    if count > _MAX_DIGITS:
        return Rejected(
            f"The number has {count:,} digits, too many to read: write a smaller number."
        )
    return int(digits)


# A string (escapes included), a bracket, a colon or a comma, or a bare word (number,
# true, false, null): the tokens a position scan needs.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.DOTALL)
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


def json_positions(text: str) -> dict[str, tuple[int, int]]:
    """The line and column of every place of a JSON document, by pointer, in one scan.

    A member of an object is where its key is written; an item of a list where it
    starts. The text is known to be valid JSON (it parsed).
    """
    breaks = [match.start() for match in re.finditer("\n", text)]

    def position(index: int) -> tuple[int, int]:
        line = bisect.bisect_left(breaks, index)
        start = breaks[line - 1] + 1 if line else 0
        return (line + 1, index - start + 1)

    table: dict[str, tuple[int, int]] = {"": (1, 1)}
    # Open containers: [pointer, is_object, next index, pointer of the pending member]
    stack: list[list[Any]] = []
    expect_key = False
    for match in _TOKEN.finditer(text):
        token = match.group()
        char = token[0]
        if expect_key:
            if char == '"':
                key = json.loads(token) if "\\" in token else token[1:-1]
                here = f"{stack[-1][0]}/{escape(key)}"
                stack[-1][3] = here
                table[here] = position(match.start())
                expect_key = False
                continue
            if char == "}":
                stack.pop()
                expect_key = False
            continue
        if char == ":":
            continue
        if char == ",":
            top = stack[-1]
            if top[1]:
                expect_key = True
            else:
                top[2] += 1
            continue
        if char in "}]":
            stack.pop()
            continue
        if not stack:
            pointer = ""
        elif stack[-1][1]:
            pointer = stack[-1][3]
        else:
            pointer = f"{stack[-1][0]}/{stack[-1][2]}"
            table[pointer] = position(match.start())
        if char == "{":
            stack.append([pointer, True, 0, ""])
            expect_key = True
        elif char == "[":
            stack.append([pointer, False, 0, ""])
    return table


def read_json(text: str, limits: Limits) -> Parsed:
    """Parse JSON text into a tree; positions are found later, only if asked for."""
    try:
        tree = json.loads(
            text, object_pairs_hook=_pairs, parse_constant=_constant, parse_int=_integer
        )
    except json.JSONDecodeError as exc:
        return failed(
            f"The JSON could not be read at line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg}; check the punctuation there (quotes, commas, brackets).",
            exc.lineno,
            exc.colno,
        )
    except RecursionError:
        line = _too_deep_line(text, limits.max_depth)
        return failed(too_deep_message(limits, line), line)
    return Parsed(tree, [], True, Positions(lambda: json_positions(text)))
