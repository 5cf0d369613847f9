"""The text report: ``path:line:column: pointer: CODE [severity] message``, then a summary.

One finding a line. ``line:column:`` (1-based) is the place in the file the finding
concerns, when the reading knew it (not for a file that could not be read at all).

The whole document (pointer ``""``) is shown as ``/``, and an empty key in a pointer
as ``""``, so the two cannot be confused: a root key ``""`` (pointer ``/``) is shown
as ``/""``. A waived finding ends with ``(waived: reason)``. Line breaks and other
control characters in paths, pointers and messages are shown as escapes (``\\n``,
``\\x1b``) so that every finding stays on one line for grep.
"""

from __future__ import annotations

from collections.abc import Iterable

from psed._i18n import C_, P_, Arg, _
from psed.findings import Finding, Severity
from psed.output._common import FileResult, Renderer, RunInfo, Totals

__all__ = [
    "TextRenderer",
    "finding_line",
    "one_line",
    "pointer_text",
    "severity_name",
    "statistics_lines",
    "summary_line",
]

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


def finding_line(
    path: str,
    finding: Finding,
    *,
    color: bool = False,
    position: tuple[int, int] | None = None,
    lang: str = "en",
) -> str:
    """One finding as ``path:line:column: pointer: CODE [severity] message``.

    ``line:column:`` (1-based, as editors' problem matchers read it) is there when the
    place is known; without it the line is ``path:pointer: CODE [severity] message``.
    ``lang`` is the language of the severity and of "waived" (``en``, the default, or
    ``cy``); the message is given as the finding has it.
    """
    where = one_line(path) + ("" if position is None else f":{position[0]}:{position[1]}")
    pointer = pointer_text(finding.pointer)
    if position is not None:
        pointer = " " + pointer
    message = one_line(finding.message)
    sev = finding.severity
    name = severity_name(sev, lang)
    waived = ""
    if finding.waived is not None:
        waived = " " + _("(waived: {reason})", reason=one_line(finding.waived)).text(lang)
    if not color:
        return f"{where}:{pointer}: {finding.code} [{name}] {message}{waived}"
    if finding.waived is not None:
        return f"{_DIM}{where}:{pointer}: {finding.code} [{name}] {message}{waived}{_RESET}"
    return (
        f"{_BOLD}{where}:{pointer}:{_RESET} {_SEVERITY_COLOR[sev]}{_BOLD}"
        f"{finding.code}{_RESET} {_SEVERITY_COLOR[sev]}[{name}]{_RESET} {message}"
    )


_SEVERITY_NAMES = {
    Severity.ERROR: C_("severity", "error"),
    Severity.WARNING: C_("severity", "warning"),
    Severity.INFO: C_("severity", "info"),
}


def severity_name(severity: Severity, lang: str = "en") -> str:
    """A severity as a report names it: ``error`` (in Welsh, ``gwall``)."""
    return _SEVERITY_NAMES[severity].text(lang)


def _joined(parts: list[Arg]) -> Arg:
    """Counts one after another: "2 errors, 1 warning"."""
    if len(parts) == 1:
        return parts[0]
    return _("{first}, {rest}", first=parts[0], rest=_joined(parts[1:]))


def summary_line(totals: Totals, lang: str = "en") -> str:
    """The last line of a text report: files, failing files and counts by severity.

    ``lang`` is the language of the line (``en`` or ``cy``).
    """
    parts: list[Arg] = [
        P_("{count} error", "{count} errors", totals.error),
        P_("{count} warning", "{count} warnings", totals.warning),
        _("{count} info", count=totals.info),
        _("{count} waived", count=totals.waived),
    ]
    verdict: list[Arg] = []
    if totals.failing:
        verdict.append(_("{count} failing", count=totals.failing))
    if totals.unreadable:
        verdict.append(_("{count} unreadable", count=totals.unreadable))
    if totals.read_with_problems:
        verdict.append(
            _(
                "{count} read with problems, every rule run: see PSED001",
                count=totals.read_with_problems,
            )
        )
    line = _(
        "{files} checked: {counts} ({verdict})",
        files=P_("{count} file", "{count} files", totals.files),
        counts=_joined(parts),
        verdict=_joined(verdict) if verdict else _("all pass"),
    )
    return line.text(lang)


def statistics_lines(totals: Totals) -> list[str]:
    """One line per rule with unwaived findings, most findings first: count, files, code, name."""
    if not totals.rule_findings:
        return []
    from psed.rules._registry import lookup

    rows = sorted(totals.rule_findings.items(), key=lambda item: (-item[1], item[0]))
    lines = [f"{'findings':>8}  {'files':>6}  {'code':<8}  rule"]
    for code, number in rows:
        rule = lookup(code)
        name = rule.name if rule is not None else ""
        lines.append(f"{number:>8}  {totals.rule_files[code]:>6}  {code:<8}  {name}")
    return lines


class TextRenderer(Renderer):
    """Human-readable lines, coloured only when asked (the CLI asks for a terminal).

    With a law date given (``--law-date``) the summary says so: every document was
    judged by the law of that day. ``quiet`` leaves out the line of each finding;
    ``statistics`` adds, before the summary, the number of findings of each rule (the run
    must count them: see :class:`psed.output.RenderStep`).
    """

    def __init__(
        self, run: RunInfo, *, color: bool = False, quiet: bool = False, statistics: bool = False
    ) -> None:
        super().__init__(run, color=color)
        self.quiet = quiet
        self.statistics = statistics

    def items(self, result: FileResult) -> tuple[str, ...]:
        if self.quiet:
            return ()
        return (
            "".join(
                finding_line(
                    result.path,
                    f,
                    color=self.color,
                    position=result.position(f),
                    lang=self.run.lang,
                )
                + "\n"
                for f in result.report.findings
            ),
        )

    def end(self, totals: Totals) -> Iterable[str]:
        lines = statistics_lines(totals) if self.statistics else []
        line = summary_line(totals, self.run.lang)
        if self.run.law_date is not None:
            line = _(
                "{summary}; judged by the law in force on {date}",
                summary=line,
                date=self.run.law_date.isoformat(),
            ).text(self.run.lang)
        if self.color:
            line = f"{_BOLD}{line}{_RESET}"
        return ("".join(f"{text}\n" for text in [*lines, line]),)
