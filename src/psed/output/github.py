"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line a finding.

``::error file=PATH,line=N,col=M,title=CODE name::message`` makes GitHub show the
finding on the file in a pull request (line and column 1 when the place is not known).
Values are escaped as the runner expects (``%`` as ``%25``, line breaks as
``%0D``/``%0A``; in properties also ``:`` and ``,``).
``info`` findings and waived ones are notices. A plain summary line ends the output.
Other control characters (``\\x1b``, ``\\x0b``, U+2028, ...) are shown as escapes,
as in the text report, so one finding is always one line of the log; the pointer is
shown as in the text report too (``/`` for the whole document, ``""`` for an empty key).
"""

from __future__ import annotations

from collections.abc import Iterable

from psed.findings import Finding, Severity
from psed.output._common import FileResult, Renderer, Totals
from psed.output.text import pointer_text, summary_line

__all__ = ["GithubRenderer", "escape_data", "escape_property"]

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _visible(text: str) -> str:
    """Control characters other than CR and LF as escapes (``\\x1b``); CR and LF kept."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c in "\r\n" else repr(c)[1:-1] for c in text)


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return _visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (file, title)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(result: FileResult, finding: Finding) -> str:
    """One finding as a workflow command line."""
    command = "notice" if finding.waived is not None else _COMMAND[finding.severity]
    where = pointer_text(finding.pointer)
    message = f"{finding.message} ({where})"
    if finding.waived is not None:
        message += f" [waived: {finding.waived}]"
    title = f"{finding.code} {finding.name}"
    path = result.path.replace("\\", "/")
    line, column = result.position(finding) or (1, 1)
    return (
        f"::{command} file={escape_property(path)},line={line},col={column},"
        f"title={escape_property(title)}::{escape_data(message)}"
    )


class GithubRenderer(Renderer):
    """Annotations for a GitHub Actions log, then the text summary."""

    def items(self, result: FileResult) -> tuple[str, ...]:
        return ("".join(annotation(result, f) + "\n" for f in result.report.findings),)

    def end(self, totals: Totals) -> Iterable[str]:
        return (summary_line(totals, self.run.lang) + "\n",)
