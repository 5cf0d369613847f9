"""What the renderers share: one file's result, the run's running totals, the renderer protocol."""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Iterable, Mapping
from json.encoder import encode_basestring_ascii
from typing import Any

import attrs

from psed.findings import Finding, Report, Severity
from psed.model import Status

__all__ = ["FileResult", "Renderer", "RunInfo", "Totals", "dumps", "split_skeleton"]

UNREADABLE = "PSED001"


def _mapping(value: Mapping[str, int] | None) -> Mapping[str, int]:
    return dict(value or {})


@attrs.frozen(kw_only=True)
class FileResult:
    """The report on one file, with what a renderer needs to place its findings.

    ``lines`` maps a finding's pointer to the 1-based line of the file it concerns,
    for the formats that show lines (SARIF, GitHub); pointers not in it are on line 1.
    """

    path: str
    """The path as it is shown: as given on the command line, or found in a folder."""
    report: Report
    framework: str | None = None
    """The document's framework id, or None when the file could not be read."""
    lines: Mapping[str, int] = attrs.field(factory=dict, converter=_mapping)

    @property
    def unreadable(self) -> bool:
        """True when the file could not be read or parsed (it has a PSED001 finding)."""
        return any(f.code == UNREADABLE for f in self.report.findings)

    def line(self, finding: Finding) -> int:
        """The 1-based line of a finding's place in the file (1 when not known)."""
        return self.lines.get(finding.pointer, 1)

    def to_dict(self) -> dict[str, Any]:
        """The file's entry in the JSON report (report_version 1)."""
        return self.entry([f.to_dict() for f in self.report.findings])

    def entry(self, findings: Any) -> dict[str, Any]:
        """:meth:`to_dict` with ``findings`` as the value of ``findings`` (for the renderer)."""
        report = self.report
        return {
            "path": self.path,
            "framework": self.framework,
            "status": None if report.status is None else report.status.value,
            "ok": report.ok,
            "unreadable": self.unreadable,
            "counts": report.counts,
            "findings": findings,
        }


@attrs.frozen(kw_only=True)
class RunInfo:
    """The circumstances of a run that every report states."""

    version: str
    as_of: _dt.date
    status: Status | None = None
    """The status override given by the user, or None when each document's own is used."""
    fail_on: Severity = Severity.ERROR


@attrs.define
class Totals:
    """Small running counters over a run: the memory of a run does not grow with its files."""

    files: int = 0
    failing: int = 0
    unreadable: int = 0
    error: int = 0
    warning: int = 0
    info: int = 0
    waived: int = 0

    def add(self, result: FileResult) -> None:
        """Count one more file."""
        self.add_counts(result.report.counts, ok=result.report.ok, unreadable=result.unreadable)

    def add_counts(self, counts: Mapping[str, int], *, ok: bool, unreadable: bool) -> None:
        """Count one more file from its counts and verdict."""
        self.files += 1
        if unreadable:
            self.unreadable += 1
        if not ok:
            self.failing += 1
        self.error += counts["error"]
        self.warning += counts["warning"]
        self.info += counts["info"]
        self.waived += counts["waived"]

    @property
    def ok(self) -> bool:
        """True when no file fails and every file could be read."""
        return self.failing == 0 and self.unreadable == 0

    def to_dict(self) -> dict[str, Any]:
        """The ``totals`` object of the JSON report."""
        return {
            "files": self.files,
            "failing": self.failing,
            "unreadable": self.unreadable,
            "ok": self.ok,
            "counts": {
                "error": self.error,
                "warning": self.warning,
                "info": self.info,
                "waived": self.waived,
            },
        }


class Renderer:
    """Turns a stream of file results into one report, piece by piece.

    ``begin`` gives the text before the first file, ``add`` the text for one file
    (possibly empty when the format needs the totals first), ``end`` the rest.
    Concatenated, the pieces are the whole report, whatever the number of files.

    ``add`` is ``add_items(items(result))``: :meth:`items` is the costly, stateless
    part (it may run in a worker process, on a renderer built with the same
    arguments), :meth:`add_items` the cheap part that knows what came before.
    """

    def __init__(self, run: RunInfo, *, color: bool = False) -> None:
        self.run = run
        self.color = color

    def begin(self) -> str:
        """Text before the first file."""
        return ""

    def items(self, result: FileResult) -> tuple[str, ...]:  # pragma: no cover - overridden
        """One file's output, as independent pieces (stateless)."""
        raise NotImplementedError

    def add_items(self, items: tuple[str, ...]) -> str:
        """The text for one file from its pieces."""
        return "".join(items)

    def add(self, result: FileResult) -> str:
        """The text for one file."""
        return self.add_items(self.items(result))

    def end(self, totals: Totals) -> Iterable[str]:
        """The rest of the report, in pieces."""
        return ()


_encode_str = encode_basestring_ascii
"""The function the json module escapes every string with when ``ensure_ascii`` (C)."""


def _pretty(value: Any, pad: str) -> str | None:
    """``json.dumps(value, indent=2)`` with every line after the first prefixed by ``pad``.

    For dicts with string keys, lists, tuples, strings, exact ints, finite floats,
    booleans and None, byte for byte what the json module writes (its indenting
    encoder is pure Python, and about four times slower); None for anything else,
    which the json module then writes itself.
    """
    if isinstance(value, str):
        return _encode_str(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    kind = type(value)
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return float.__repr__(value) if math.isfinite(value) else None
    if kind is dict:
        if not value:
            return "{}"
        inner = pad + "  "
        parts = []
        for key, item in value.items():
            text = _pretty(item, inner)
            if text is None or not isinstance(key, str):
                return None
            parts.append(inner + _encode_str(key) + ": " + text)
        return "{\n" + ",\n".join(parts) + "\n" + pad + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = pad + "  "
        parts = []
        for item in value:
            text = _pretty(item, inner)
            if text is None:
                return None
            parts.append(inner + text)
        return "[\n" + ",\n".join(parts) + "\n" + pad + "]"
    return None


def dumps(value: Any, indent: int = 0) -> str:
    """Pretty JSON (two-space indent, ASCII only) shifted right by ``indent`` spaces.

    The same text as ``json.dumps(value, indent=2, ensure_ascii=True)`` with every
    line but the first indented by ``indent`` more spaces.
    """
    text = _pretty(value, " " * indent)
    if text is not None:
        return text
    text = json.dumps(value, indent=2, ensure_ascii=True)
    return text.replace("\n", "\n" + " " * indent) if indent else text


_ITEMS = "\x00items\x00"


class _Skeleton:
    """A pretty JSON document with one list filled item by item, and late values at its end.

    The pieces produced equal ``json.dumps(document, indent=2)`` of the finished document,
    so a streamed report is byte-identical to one built in memory.
    """

    def __init__(self, document: dict[str, Any], path: tuple[str | int, ...]) -> None:
        node: Any = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = [_ITEMS]
        text = dumps(document)
        marker = json.dumps(_ITEMS)
        at = text.index(marker)
        line_start = text.rindex("\n", 0, at) + 1
        self.item_indent = at - line_start
        self.head = text[: line_start - 1]  # up to and including "["
        self.tail = text[at + len(marker) :]  # "\n   ]..." to the end
        self.count = 0

    def serialize(self, value: Any) -> str:
        """One list item, indented (stateless)."""
        return " " * self.item_indent + dumps(value, self.item_indent)

    def join(self, serialized: Iterable[str]) -> str:
        """Serialized items with the separators that the items before them call for."""
        out = []
        for text in serialized:
            out.append(("\n" if self.count == 0 else ",\n") + text)
            self.count += 1
        return "".join(out)

    def item(self, value: Any) -> str:
        """One list item with its separator."""
        return self.join((self.serialize(value),))

    def finish(self, late: Mapping[str, Any]) -> str:
        tail = self.tail if self.count else self.tail.lstrip("\n ")
        for key, value in late.items():
            marker = json.dumps(key)
            at = tail.index(marker)
            line_start = tail.rindex("\n", 0, at) + 1
            indent = len(tail[line_start:at]) - len(tail[line_start:at].lstrip(" "))
            tail = tail.replace(marker, dumps(value, indent), 1)
        return tail + "\n"


def split_skeleton(document: dict[str, Any], path: tuple[str | int, ...]) -> _Skeleton:
    """Prepare to stream ``document`` with the list at ``path`` filled item by item.

    Values that are known only at the end are given in the document as a unique
    placeholder string and replaced by :meth:`_Skeleton.finish`.
    """
    return _Skeleton(document, path)
