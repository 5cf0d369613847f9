"""The report bound: a report lists at most :data:`MAX_FINDINGS` findings, one telling of the rest.

Every place that makes findings (the reader's walk over the tree, the rule loop, the
waiver check) hands each one to a :class:`Bound` as it is found, with what the bound
needs to place it (code, pointer, severity, whether it is waived) and a function that
makes the finding. The bound makes only the findings it will list: the first ones in
document order. The others are counted, by code and severity, for the one PSED008
finding that tells of them, and never made, so a document with 100,000 findings costs
what counting them costs.
"""

from __future__ import annotations

import heapq
import operator
from collections.abc import Callable
from typing import Any

from psed._i18n import _
from psed._reading.pointer import order_key
from psed.findings import Finding, Severity

__all__ = ["MAX_FINDINGS", "SUMMARY_CODE", "SUMMARY_NAME", "SUMMARY_REFERENCES", "Bound"]

MAX_FINDINGS = 1000
"""The most findings one report lists, the one that tells of the rest included."""

SUMMARY_CODE = "PSED008"
SUMMARY_NAME = "too-many-findings"
SUMMARY_REFERENCES = ("psed document format, schema_version 1",)

_SHOWN_CODES = 5

_Key = tuple[Any, str, int]
"""Where a finding goes in a report: its pointer's place, its code, the order it came in."""


class _Listed:
    """A listed finding in the heap, which keeps the last of them (in document order) on top."""

    __slots__ = ("finding", "key")

    def __init__(self, key: _Key, finding: Finding) -> None:
        self.key = key
        self.finding = finding

    def __lt__(self, other: _Listed) -> bool:
        return self.key > other.key


_by_key = operator.attrgetter("key")


def _by_order_added(item: _Listed) -> int:
    return item.key[2]


class Bound:
    """The findings of one report, made as they are added, at most ``room`` of them.

    ``room`` is the most findings the report lists (None: every finding is made and
    listed). When there are more, it lists ``room - 1`` and one finding telling of the
    rest. ``keep`` leaves out a
    finding by its pointer (a form page checking one part of the document): it is
    neither listed nor counted. :attr:`places` holds the pointer of every finding
    added, listed, counted or left out.

    The findings listed are exactly the first ones in document order (pointer in a
    pre-order walk of the document, then code, then the order they were added): those
    sorting every finding and cutting the list would keep. At most ``room`` findings
    are kept made at any time; the others are only counted.
    """

    __slots__ = (
        "_first",
        "_heap",
        "_made",
        "_rest",
        "_severity",
        "_told",
        "keep",
        "places",
        "room",
    )

    def __init__(
        self, room: int | None = MAX_FINDINGS, keep: Callable[[str], bool] | None = None
    ) -> None:
        self.room = room
        self.keep = keep
        self.places: set[str] = set()
        self._made: list[Finding] = []  # room None: every finding, in the order added
        self._heap: list[_Listed] = []
        self._told = 0  # findings added, in or out of the listed ones
        self._rest: dict[str, int] = {}
        self._first: dict[str, _Key] = {}
        self._severity: Severity | None = None

    def add(
        self,
        code: str,
        pointer: str,
        severity: Severity,
        make: Callable[[], Finding],
        *,
        waived: bool = False,
    ) -> None:
        """One finding: made with ``make`` if it is listed, else counted."""
        self.places.add(pointer)
        if self.keep is not None and not self.keep(pointer):
            return
        if self.room is None:
            self._made.append(make())
            return
        key: _Key = (order_key(pointer), code, self._told)
        self._told += 1
        heap = self._heap
        if len(heap) < self.room:  # not full: kept in the order added, a heap once full
            heap.append(_Listed(key, make()))
            if len(heap) == self.room:
                heapq.heapify(heap)
        elif (key[0], code) < self._heap[0].key[:2]:
            out = heapq.heapreplace(self._heap, _Listed(key, make()))
            finding = out.finding
            self._count(out.key, finding.code, finding.severity, finding.waived is not None)
        else:
            self._count(key, code, severity, waived)

    def add_made(self, finding: Finding) -> None:
        """A finding already made (one the parser made, a rule's internal error)."""
        self.add(
            finding.code,
            finding.pointer,
            finding.severity,
            lambda: finding,
            waived=finding.waived is not None,
        )

    def _count(self, key: _Key, code: str, severity: Severity, waived: bool) -> None:
        _tally(self._rest, self._first, key, code)
        self._severity = _worse(self._severity, severity, waived)

    def clear(self) -> None:
        """Forget every finding added (reading stopped: one finding replaces them)."""
        self.places.clear()
        self._made.clear()
        self._heap.clear()
        self._told = 0
        self._rest.clear()
        self._first.clear()
        self._severity = None

    def made(self) -> list[Finding]:
        """The findings made, in the order they were added (every one when ``room`` is None)."""
        if self.room is None:
            return list(self._made)
        return [item.finding for item in sorted(self._heap, key=_by_order_added)]

    def listed(self) -> list[Finding]:
        """The report's findings in document order, with the one telling of the rest if any."""
        if self.room is None:
            return sorted(self._made, key=lambda f: (order_key(f.pointer), f.code))
        listed = sorted(self._heap, key=_by_key)
        if not self._rest:
            return [item.finding for item in listed]
        # One more than room is left: the last listed one makes room for the summary.
        last = listed.pop()
        rest, first = dict(self._rest), dict(self._first)
        _tally(rest, first, last.key, last.finding.code)
        waived = last.finding.waived is not None
        summary = _summary(rest, first, _worse(self._severity, last.finding.severity, waived))
        kept = [item.finding for item in listed]
        at = 0
        while at < len(kept) and kept[at].pointer == "" and kept[at].code < summary.code:
            at += 1
        return [*kept[:at], summary, *kept[at:]]


def _tally(rest: dict[str, int], first: dict[str, _Key], key: _Key, code: str) -> None:
    """One more finding of ``code`` told of, at ``key``."""
    rest[code] = rest.get(code, 0) + 1
    if code not in first or key < first[code]:
        first[code] = key


def _worse(most: Severity | None, severity: Severity, waived: bool) -> Severity | None:
    """The most severe of ``most`` and ``severity`` (a waived finding does not count)."""
    if waived or (most is not None and most.rank >= severity.rank):
        return most
    return severity


def _summary(rest: dict[str, int], first: dict[str, _Key], severity: Severity | None) -> Finding:
    """The finding telling of ``rest`` (count by code), as severe as the most severe of them."""
    counts = sorted(rest.items(), key=lambda item: (-item[1], first[item[0]]))
    shown = ", ".join(f"{n:,} {code}" for code, n in counts[:_SHOWN_CODES])
    more = f"{sum(rest.values()):,}"
    if len(counts) > _SHOWN_CODES:
        message = _(
            "There are {count} more findings than this report lists ({codes} and others): "
            "put right the ones listed and check the document again.",
            count=more,
            codes=shown,
        )
    else:
        message = _(
            "There are {count} more findings than this report lists ({codes}): put right the "
            "ones listed and check the document again.",
            count=more,
            codes=shown,
        )
    return Finding(
        code=SUMMARY_CODE,
        name=SUMMARY_NAME,
        severity=Severity.INFO if severity is None else severity,
        default_severity=Severity.ERROR,
        message=str(message),
        pointer="",
        source=message,
        references=SUMMARY_REFERENCES,
    )
