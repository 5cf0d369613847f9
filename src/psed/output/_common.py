"""What the renderers share: one file's result, the run's running totals, the renderer protocol."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from psed.findings import Finding, Report, Severity
from psed.model import Status

__all__ = ["FileResult", "JsonStream", "Renderer", "RunInfo", "Totals", "indented"]


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
    unreadable: bool = False
    """True when the file could not be read or parsed, so that no rule ran on it (its
    report is a PSED001 finding). A file read with a problem that psed could step over,
    such as a duplicate key, is checked by every rule and is not unreadable."""
    lines: Mapping[str, int] = attrs.field(factory=dict, converter=_mapping)

    @property
    def read_with_problems(self) -> bool:
        """True when the file was checked although reading it found a problem (PSED001)."""
        return not self.unreadable and any(f.code == "PSED001" for f in self.report.findings)

    def position(self, finding: Finding) -> tuple[int, int] | None:
        """The 1-based (line, column) of a finding's place in the file, or None if unknown.

        From the finding itself (the reading records where each value stands), else the
        line of its pointer in :attr:`lines` (column 1).
        """
        line = getattr(finding, "line", None)
        if isinstance(line, int) and line >= 1:
            column = getattr(finding, "column", None)
            return line, column if isinstance(column, int) and column >= 1 else 1
        known = self.lines.get(finding.pointer)
        return None if known is None else (known, 1)

    def line(self, finding: Finding) -> int:
        """The 1-based line of a finding's place in the file (1 when not known)."""
        where = self.position(finding)
        return 1 if where is None else where[0]

    def summary(self) -> dict[str, Any]:
        """The file's entry in the JSON report without its findings."""
        report = self.report
        return {
            "path": self.path,
            "framework": self.framework,
            "status": None if report.status is None else report.status.value,
            "law_date": None if report.law_date is None else report.law_date.isoformat(),
            "law_date_source": report.law_date_source,
            "ok": report.ok,
            "unreadable": self.unreadable,
            "counts": report.counts,
        }

    def to_dict(self) -> dict[str, Any]:
        """The file's entry in the JSON report (report_version 1)."""
        return {**self.summary(), "findings": [f.to_dict() for f in self.report.findings]}


@attrs.frozen(kw_only=True)
class RunInfo:
    """The circumstances of a run that every report states."""

    version: str
    as_of: _dt.date
    status: Status | None = None
    """The status override given by the user, or None when each document's own is used."""
    fail_on: Severity = Severity.ERROR
    law_date: _dt.date | None = None
    """The law date given by the user, or None when each document's own is used."""
    lang: str = "en"
    """The language of the messages and summaries (``en`` or ``cy``)."""


@attrs.define
class Totals:
    """Small running counters over a run: the memory of a run does not grow with its files."""

    files: int = 0
    failing: int = 0
    unreadable: int = 0
    read_with_problems: int = 0
    """Files checked by every rule although reading them found a problem (a duplicate key)."""
    rule_findings: dict[str, int] = attrs.field(factory=dict)
    """Unwaived findings by rule code (counted when the run asks for statistics)."""
    rule_files: dict[str, int] = attrs.field(factory=dict)
    """Files with at least one unwaived finding of each rule code (likewise)."""
    error: int = 0
    warning: int = 0
    info: int = 0
    waived: int = 0

    def add(self, result: FileResult) -> None:
        """Count one more file."""
        self.add_counts(
            result.report.counts,
            ok=result.report.ok,
            unreadable=result.unreadable,
            read_with_problems=result.read_with_problems,
        )

    def add_counts(
        self,
        counts: Mapping[str, int],
        *,
        ok: bool,
        unreadable: bool,
        read_with_problems: bool = False,
        codes: Mapping[str, int] | None = None,
    ) -> None:
        """Count one more file from its counts and verdict (``codes``: findings by rule)."""
        self.files += 1
        for code, number in (codes or {}).items():
            self.rule_findings[code] = self.rule_findings.get(code, 0) + number
            self.rule_files[code] = self.rule_files.get(code, 0) + 1
        if unreadable:
            self.unreadable += 1
        if read_with_problems:
            self.read_with_problems += 1
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


def indented(value: Any, pad: str) -> str:
    """``json.dumps(value, indent=2)`` with every line after the first shifted right by ``pad``.

    The json module escapes line breaks inside strings, so every line break in its
    output is between values and can take the extra indent.
    """
    return json.dumps(value, indent=2).replace("\n", "\n" + pad)


class JsonStream:
    """Writes ``json.dumps(document, indent=2)`` in pieces, with one list filled item by item.

    ``document`` is given with the streamed list empty and last: the last value of the
    document (or of its last value, at any depth) is ``[]``. :meth:`item` writes one
    item as it stands in that list (stateless: a worker process may call it);
    :meth:`join` adds the separators; :meth:`end` closes the list, adds the ``late``
    keys (known only at the end, such as totals) after it in the same object, and
    closes the document. Together the pieces are what ``json.dumps`` writes for the
    finished document, whatever the number of items.
    """

    def __init__(self, document: dict[str, Any]) -> None:
        text = json.dumps(document, indent=2)
        at = text.rindex("[]")
        if text[at + 2 :].strip("\n ]}"):
            raise ValueError("the streamed list must be the last value of the document")
        line = text[text.rindex("\n", 0, at) + 1 : at]
        self._pad = " " * (len(line) - len(line.lstrip(" ")))
        """The indent of the line that holds the list's key."""
        self.item_pad = self._pad + "  "
        """The indent of each item of the list."""
        self._head = text[: at + 1]
        self._tail = text[at + 2 :]
        self._count = 0

    def head(self) -> str:
        """The document up to and including the list's ``[``."""
        return self._head

    def item(self, value: Any) -> str:
        """One item of the list, indented as it stands there, without a separator."""
        return self.item_pad + indented(value, self.item_pad)

    def join(self, items: Iterable[str]) -> str:
        """Items from :meth:`item`, each with the separator that the items before it call for."""
        out = []
        for text in items:
            out.append(("\n" if self._count == 0 else ",\n") + text)
            self._count += 1
        return "".join(out)

    def end(self, late: Mapping[str, Any] | None = None) -> str:
        """The rest of the document: the list closed, the ``late`` keys, a final newline."""
        out = ["\n" + self._pad + "]" if self._count else "]"]
        for key, value in (late or {}).items():
            out.append(",\n" + self._pad + json.dumps(key) + ": " + indented(value, self._pad))
        return "".join(out) + self._tail + "\n"
