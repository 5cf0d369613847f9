"""JUnit XML: one ``testsuite`` per run, one ``testcase`` per document.

A document that fails gets a ``failure`` element (an unreadable one an ``error``
element) whose text lists its findings in the text format; a passing document with
findings lists them in ``system-out``. No timings are written, so the output is
deterministic. The suite's counts come first in XML, so the test cases are kept in a
spooled buffer (in memory up to a few MiB, then an anonymous temporary file that is
removed at once) until the run ends.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

from psed.output._common import FileResult, Renderer, RunInfo, Totals
from psed.output.text import finding_line

__all__ = ["JunitRenderer"]

_SPOOL_BYTES = 4 * 1024 * 1024
_CHUNK = 64 * 1024


def _clean(text: str) -> str:
    # XML 1.0 forbids most control characters even escaped, and lone surrogates (a file
    # name that is not UTF-8) cannot be written at all: show them instead.
    return "".join(
        c
        if c in "\t\n" or (c >= " " and c not in "\ufffe\uffff" and not "\ud800" <= c <= "\udfff")
        else repr(c)[1:-1]
        for c in text
    )


def _xml_text(text: str) -> str:
    return escape(_clean(text))


def _attr(text: str) -> str:
    return quoteattr(_clean(text))


def _message(result: FileResult) -> str:
    counts = result.report.counts
    return (
        f"{counts['error']} errors, {counts['warning']} warnings, "
        f"{counts['info']} info, {counts['waived']} waived"
    )


def testcase(result: FileResult) -> str:
    """One document as a ``testcase`` element."""
    classname = f"psed.{result.framework or 'unreadable'}"
    head = f"    <testcase name={_attr(result.path)} classname={_attr(classname)}"
    head += f" file={_attr(result.path)}"
    findings = result.report.findings
    if not findings:
        return head + "/>\n"
    listing = "".join(
        finding_line(result.path, f, position=result.position(f)) + "\n" for f in findings
    )
    if result.unreadable:
        first = next(f for f in findings if f.code == "PSED001")
        inner = (
            f'      <error message={_attr(first.message)} type="PSED001">'
            f"{_xml_text(listing)}</error>\n"
        )
    elif not result.report.ok:
        first = next(f for f in findings if f.fails(result.report.fail_on))
        inner = (
            f"      <failure message={_attr(_message(result))} type={_attr(first.code)}>"
            f"{_xml_text(listing)}</failure>\n"
        )
    else:
        inner = f"      <system-out>{_xml_text(listing)}</system-out>\n"
    return head + ">\n" + inner + "    </testcase>\n"


class JunitRenderer(Renderer):
    """Collects test cases in a spooled buffer and writes the suite at the end."""

    def __init__(self, run: RunInfo, *, color: bool = False) -> None:
        super().__init__(run, color=color)
        self._buffer = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed in end()
            max_size=_SPOOL_BYTES, mode="w+", encoding="utf-8"
        )

    def items(self, result: FileResult) -> tuple[str, ...]:
        return (testcase(result),)

    def add_items(self, items: tuple[str, ...]) -> str:
        for item in items:
            self._buffer.write(item)
        return ""

    def end(self, totals: Totals) -> Iterable[str]:
        return self._pieces(totals)

    def _pieces(self, totals: Totals) -> Iterator[str]:
        counts = (
            f'tests="{totals.files}" failures="{totals.failing - totals.unreadable}"'
            f' errors="{totals.unreadable}" skipped="0"'
        )
        yield '<?xml version="1.0" encoding="UTF-8"?>\n'
        yield f'<testsuites name="psed" {counts}>\n'
        yield f'  <testsuite name="psed check" {counts}>\n'
        yield (
            "    <properties>\n"
            f'      <property name="psed_version" value={_attr(self.run.version)}/>\n'
            f'      <property name="as_of" value="{self.run.as_of.isoformat()}"/>\n'
            f'      <property name="fail_on" value="{self.run.fail_on.value}"/>\n'
            "    </properties>\n"
        )
        with self._buffer as buffer:
            buffer.seek(0)
            while chunk := buffer.read(_CHUNK):
                yield chunk
        yield "  </testsuite>\n</testsuites>\n"
