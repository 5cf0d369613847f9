"""RFC 6901 JSON Pointers (the one implementation in psed), and where each one is in the text.

Findings point into the document with JSON Pointers (``/impacts/3/mitigations/0/owner``,
``""`` for the whole document). Reports list findings in document order: the position
of the pointer in a pre-order walk of the document with keys in the model's field
order. :func:`order_key` computes that position from the pointer alone, using the
model's field order, so structural findings about keys the model does not define
(which sort after the known keys of their object) are ordered too.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Union

import attrs

from psed.model import ImpactEntry, Proposal

__all__ = [
    "Positions",
    "escape",
    "is_at_or_below",
    "join",
    "key_text",
    "order_key",
    "resolve",
    "split",
    "unescape",
]

_MISSING = object()


def escape(token: str | int) -> str:
    """One reference token escaped for a pointer (``~`` -> ``~0``, ``/`` -> ``~1``)."""
    text = str(token)
    if "~" in text or "/" in text:
        return text.replace("~", "~0").replace("/", "~1")
    return text


def key_text(key: Any) -> str:
    """A mapping key as pointer text, spelt as YAML 1.2 and JSON write it (``true``, ``null``)."""
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, int) and not -(10**100) < key < 10**100:
        return "a very long number"
    if isinstance(key, float):
        return repr(key)
    return str(key)


def unescape(token: str) -> str:
    """The key a reference token names (``~1`` -> ``/``, ``~0`` -> ``~``)."""
    return token.replace("~1", "/").replace("~0", "~")


def join(*tokens: str | int) -> str:
    """A pointer from keys and list indexes: ``join("impacts", 3, "details")``."""
    return "".join("/" + escape(t) for t in tokens)


def split(pointer: str) -> list[str]:
    """The unescaped keys of a pointer (``""`` -> ``[]``); ValueError if not a pointer."""
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"{pointer!r} is not a JSON Pointer; it must be '' or start with '/'")
    return [unescape(t) for t in pointer[1:].split("/")]


def resolve(document: Any, pointer: str, default: Any = _MISSING) -> Any:
    """The value a pointer names in a JSON-like tree.

    Raises :class:`LookupError` when it names nothing, unless ``default`` is given.
    """
    node = document
    for token in split(pointer):
        if isinstance(node, Mapping):
            if token in node:
                node = node[token]
                continue
        elif (
            isinstance(node, Sequence)
            and not isinstance(node, (str, bytes))
            and token.isdigit()
            and (token == "0" or not token.startswith("0"))
            and int(token) < len(node)
        ):
            node = node[int(token)]
            continue
        if default is _MISSING:
            raise LookupError(f"{pointer!r} does not resolve: no {token!r}")
        return default
    return node


def is_at_or_below(pointer: str, prefix: str) -> bool:
    """True when ``pointer`` is ``prefix`` or inside it (``/a/1`` is below ``/a``, not ``/ab``)."""
    return prefix == "" or pointer == prefix or pointer.startswith(prefix + "/")


class Positions:
    """The line and column (1-based) of each place of a document, by pointer.

    A place the table does not hold (a field that is missing, a value inside a YAML
    alias) is given the position of the nearest place above it that it does hold;
    the whole document (``""``) is at line 1, column 1. ``table`` is the table, or a
    function that finds the places of the pointers it is given and of those above
    them (JSON text is walked only along the paths a report names).
    """

    __slots__ = ("_find", "_table")

    def __init__(
        self,
        table: dict[str, tuple[int, int]] | Callable[[Sequence[str]], dict[str, tuple[int, int]]],
    ) -> None:
        self._table = table if isinstance(table, dict) else None
        self._find = None if isinstance(table, dict) else table

    def locate_all(self, pointers: Sequence[str]) -> list[tuple[int, int]]:
        """``(line, column)`` of each place ``pointers`` name, or of the nearest one above it."""
        table = self._table
        if table is None:
            assert self._find is not None
            table = self._find(pointers)
        out = []
        for pointer in pointers:
            while pointer:
                found = table.get(pointer)
                if found is not None:
                    break
                pointer = pointer[: pointer.rfind("/")]
            else:
                found = (1, 1)
            out.append(found)
        return out

    def locate(self, pointer: str) -> tuple[int, int]:
        """``(line, column)`` of the place ``pointer`` names, or of the nearest one above it."""
        return self.locate_all([pointer])[0]


# Document order -------------------------------------------------------------------------

_Node = tuple[str, Any]  # ("object", attrs class) | ("list", attrs class or None) | ("leaf", None)
_UNKNOWN = 1_000_000


def _child(tp: Any) -> _Node:
    """What a field of this type holds: an object, a list of something, or a plain value."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        for arg in typing.get_args(tp):
            if arg is not type(None):
                return _child(arg)
    if origin in (tuple, list):
        args = [a for a in typing.get_args(tp) if a is not Ellipsis]
        item = _child(args[0]) if args else ("leaf", None)
        return ("list", item)
    if isinstance(tp, type) and attrs.has(tp):
        return ("object", tp)
    return ("leaf", None)


@functools.cache
def _fields(cls: type) -> dict[str, tuple[int, _Node]]:
    hints = typing.get_type_hints(cls)
    fields = {f.name: (rank, _child(hints[f.name])) for rank, f in enumerate(attrs.fields(cls))}
    if cls is ImpactEntry:
        # In the document an entry names its characteristic by code: a plain value.
        fields["characteristic"] = (fields["characteristic"][0], ("leaf", None))
    return fields


_ROOT: _Node = ("object", Proposal)


@functools.lru_cache(maxsize=8192)
def order_key(pointer: str) -> tuple[tuple[int, str], ...]:
    """A sort key placing a pointer at its position in a pre-order walk of the document.

    Object keys sort in model field order (unknown keys after the known ones, by
    name), list items by index, and a node before everything below it.
    """
    try:
        tokens = split(pointer)
    except ValueError:
        return ((_UNKNOWN * 2, pointer),)
    node: Any = _ROOT
    key: list[tuple[int, str]] = []
    for token in tokens:
        kind, inner = node
        if kind == "object":
            fields = _fields(inner)
            if token in fields:
                rank, node = fields[token]
                key.append((rank, ""))
            else:
                key.append((_UNKNOWN, token))
                node = ("leaf", None)
        elif kind == "list" and token.isdigit():
            key.append((int(token), ""))
            node = inner
        else:
            key.append((_UNKNOWN, token))
            node = ("leaf", None)
    return tuple(key)
