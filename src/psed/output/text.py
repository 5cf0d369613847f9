"""The text report: ``path:pointer: CODE [severity] message``, one finding a line, then a summary.

The whole document (pointer ``""``) is shown as ``/``, and an empty key in a pointer
as ``""``, so the two cannot be confused: a root key ``""`` (pointer ``/``) is shown
as ``/""``. A waived finding ends with ``(waived: reason)``. Line breaks and other
control characters in paths, pointers and messages are shown as escapes (``\\n``,
``\\x1b``) so that every finding stays on one line for grep.
"""

from __future__ import annotations

from collections.abc import Iterable

from psed.findings import Finding, Severity
from psed.output._common import FileResult, Renderer, Totals

__all__ = ["TextRenderer", "finding_line", "one_line", "pointer_text", "summary_line"]

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_SEVERITY_COLOR = {
    Severity.ERROR: "\x1b[31m",  # red
    Severity.WARNING: "\x1b[33m",  # yellow
    Severity.INFO: "\x1b[36m",  # cyan
}


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters made visible."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def pointer_text(pointer: str) -> str:
    """A JSON Pointer as reports show it: ``/`` for the whole document, ``""`` for an empty key.

    ``""`` (the whole document) is ``/``; ``/`` (the key ``""`` at the root) is
    ``/""``; ``/impacts/0/`` is ``/impacts/0/""``. Control characters are escaped.
    """
    if not pointer:
        return "/"
    if pointer.startswith("/") and ("//" in pointer or pointer.endswith("/")):
        tokens = pointer[1:].split("/")
        pointer = "/" + "/".join(token or '""' for token in tokens)
    return one_line(pointer)


def finding_line(path: str, finding: Finding, *, color: bool = False) -> str:
    """One finding as ``path:pointer: CODE [severity] message``."""
    pointer = pointer_text(finding.pointer)
    message = one_line(finding.message)
    sev = finding.severity
    waived = "" if finding.waived is None else f" (waived: {one_line(finding.waived)})"
    if not color:
        return f"{one_line(path)}:{pointer}: {finding.code} [{sev.value}] {message}{waived}"
    if finding.waived is not None:
        return (
            f"{_DIM}{one_line(path)}:{pointer}: {finding.code} [{sev.value}] "
            f"{message}{waived}{_RESET}"
        )
    return (
        f"{_BOLD}{one_line(path)}:{pointer}:{_RESET} {_SEVERITY_COLOR[sev]}{_BOLD}"
        f"{finding.code}{_RESET} {_SEVERITY_COLOR[sev]}[{sev.value}]{_RESET} {message}"
    )


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def summary_line(totals: Totals) -> str:
    """The last line of a text report: files, failing files and counts by severity."""
    parts = [
        _plural(totals.error, "error"),
        _plural(totals.warning, "warning"),
        f"{totals.info} info",
        f"{totals.waived} waived",
    ]
    verdict = []
    if totals.failing:
        verdict.append(f"{totals.failing} failing")
    if totals.unreadable:
        verdict.append(f"{totals.unreadable} unreadable")
    if totals.read_with_problems:
        verdict.append(
            f"{totals.read_with_problems} read with problems, every rule run: see PSED001"
        )
    tail = f" ({', '.join(verdict)})" if verdict else " (all pass)"
    return f"{_plural(totals.files, 'file')} checked: {', '.join(parts)}{tail}"


class TextRenderer(Renderer):
    """Human-readable lines, coloured only when asked (the CLI asks for a terminal)."""

    def items(self, result: FileResult) -> tuple[str, ...]:
        return (
            "".join(
                finding_line(result.path, f, color=self.color) + "\n"
                for f in result.report.findings
            ),
        )

    def end(self, totals: Totals) -> Iterable[str]:
        line = summary_line(totals)
        if self.color:
            line = f"{_BOLD}{line}{_RESET}"
        return (line + "\n",)
