"""What a document may cost to read, and what reading says when it is over a bound.

The limits hold for every way in: a file, text, bytes, or a tree the caller parsed
(``psed.validate(json.loads(body))``), so a document over a bound is one PSED001
whichever way it arrives.
"""

from __future__ import annotations

import codecs
from typing import Any

import attrs

from psed._reading.codes import unreadable
from psed._reading.pointer import Positions
from psed.findings import Finding

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "Parsed",
    "decode",
    "failed",
    "too_big",
    "too_deep_message",
    "too_many_values_message",
]

_MIB = 1024 * 1024


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
    """The outcome of parsing: the tree (None if unreadable), findings, and positions."""

    tree: Any
    findings: list[Finding]
    ok: bool
    positions: Positions | None = None
    """Where each place of the tree is in the text (None when there is no tree)."""
    aliases: int = 0
    """Values that YAML aliases added to the tree (each within ``max_alias_nodes``)."""


def failed(message: str, line: int | None = None, column: int | None = None) -> Parsed:
    """The document cannot be read: one PSED001 about the whole of it, placed where the
    parser stopped (line 1, column 1 when that is not known)."""
    finding = attrs.evolve(unreadable(message), line=line or 1, column=column or 1)
    return Parsed(None, [finding], False)


def decode(data: bytes) -> str | Finding:
    """UTF-8 bytes to text (a UTF-8 BOM is dropped); anything else is a PSED001 finding."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return unreadable("The file is encoded as UTF-32: save it as UTF-8 and try again.")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return unreadable("The file is encoded as UTF-16: save it as UTF-8 and try again.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return unreadable(
            f"The file is not valid UTF-8 (line {line}, byte {exc.start}): "
            "save it as UTF-8 and try again."
        )


def too_big(size: int, limits: Limits) -> Finding | None:
    """PSED001 when ``size`` bytes is over the limit."""
    if size <= limits.max_bytes:
        return None
    return unreadable(
        f"The document is {size:,} bytes, over the limit of {limits.max_bytes:,} bytes: "
        "split it, or raise the limit with psed.Limits(max_bytes=...)."
    )


def too_deep_message(limits: Limits, line: int | None) -> str:
    """What a document nested deeper than the limit is told."""
    where = f" (line {line})" if line is not None else ""
    return (
        f"The document is nested more than {limits.max_depth} levels deep{where}: "
        "flatten it, or raise the limit with psed.Limits(max_depth=...)."
    )


def too_many_values_message(limits: Limits, line: int | None) -> str:
    """What a document holding more values than the limit is told."""
    where = f" (line {line})" if line is not None else ""
    return (
        f"The document holds more than {limits.max_values:,} values{where}, more than any "
        "assessment needs: split it, or raise the limit with psed.Limits(max_values=...)."
    )
