"""The ``psed`` command: argument parsing only; the work is done by the public API.

Commands: ``check``, ``rules``, ``explain``, ``schema``, ``new``, ``audit``, ``render`` and
``import``.
:func:`build_parser` returns the whole parser (the docs generate the command
reference from it); :func:`main` runs a command and returns the exit code:

- 0: nothing fails;
- 1: at least one unwaived finding at or above ``--fail-on`` (``check``);
- 2: a usage error, a file that could not be read, no document found, or an
  unexpected problem;
- 130: interrupted (Ctrl-C); 143: stopped by SIGTERM (``kill``, ``timeout``).

No traceback reaches a user: every error is one line on standard error.
"""

from __future__ import annotations

import argparse
import contextlib
import contextvars
import datetime as _dt
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any, NoReturn

from psed._files import DEFAULT_EXCLUDE

__all__ = ["build_parser", "main"]

EXIT_OK = 0
EXIT_FAIL = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

_FORMATS = ("text", "json", "sarif", "junit", "github")
_AUDIT_FORMATS = ("text", "csv", "json", "html", "xlsx")
_RENDER_FORMATS = ("html", "docx", "pdf", "md")
_RENDER_SUFFIXES = {".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf", ".md": "md"}
_STATUSES = ("draft", "submitted", "approved")
_LANGUAGES = ("en", "cy")
"""psed._i18n.LANGUAGES, written out so that building the parser imports nothing more."""
_SEVERITIES = ("error", "warning", "info")


class UsageError(Exception):
    """A problem with the command line or the configuration: exit 2 with one line."""


_ERROR_LANG: contextvars.ContextVar[str] = contextvars.ContextVar("psed_error_lang", default="en")
"""The language of the errors met while the command line is parsed (read from it first)."""


def _error_lang(given: str | None) -> str:
    """The language of an error: ``given`` (--lang), else PSED_LANG; English if neither works."""
    from psed._i18n import choose_lang

    try:
        return "cy" if given == "both" else choose_lang(given)
    except (TypeError, ValueError):
        return "en"


def _asked_lang(argv: Sequence[str]) -> str | None:
    """The value of --lang in ``argv``, read before argparse parses it (None without one)."""
    given = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            given = argv[index + 1]
        elif arg.startswith("--lang="):
            given = arg.split("=", 1)[1]
    return given


def _said(message: Any) -> str:
    """``message`` (a catalogue message, or text) in the language of the errors."""
    from psed._i18n import text

    return text(message, _ERROR_LANG.get())


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, suggest what was meant, and exit 2.

    An error names the help of the command it is about (``psed check --help``), and a
    word that is nearly a command, an option or a choice gets "did you mean".
    """

    def error(self, message: str) -> NoReturn:
        from psed._i18n import _

        near = _did_you_mean(message, self)
        if near is None:
            said = _(
                "{prog}: error: {message} (see '{prog} --help')", prog=self.prog, message=message
            )
        else:
            said = _(
                "{prog}: error: {message}; did you mean {suggestion}? (see '{prog} --help')",
                prog=self.prog,
                message=message,
                suggestion=repr(near),
            )
        self.exit(EXIT_USAGE, _said(said) + "\n")

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        command = _commands(self).get(getattr(parsed, "command", None) or "")
        if extras and command is not None:
            # argparse reports a subcommand's unknown option from the main parser:
            # report it from the subcommand's own, which knows its options.
            command.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The subcommands of ``parser`` by name (none for a subcommand's own parser)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _did_you_mean(message: str, parser: argparse.ArgumentParser) -> str | None:
    """The choice or option meant, for an invalid choice or an unknown option close to one."""
    import difflib
    import re

    choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if choice:
        word, options = choice[1], [o.strip(" '") for o in choice[2].split(",")]
    else:
        unknown = re.search(r"unrecognized arguments: (\S+)", message)
        if not unknown or not unknown[1].startswith("-"):
            return None
        word = unknown[1].split("=", 1)[0]
        options = [o for action in parser._actions for o in action.option_strings]
    near = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return near[0] if near else None


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=min(100, _terminal_width()))


def _terminal_width() -> int:
    try:
        return os.get_terminal_size().columns - 2
    except OSError:
        return 98


# --------------------------------------------------------------------------- argument types


def _date(text: str) -> _dt.date:
    from psed._i18n import _

    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _said(
                _(
                    "{value} is not a date; give it as YYYY-MM-DD, such as 2026-11-26",
                    value=repr(text),
                )
            )
        ) from None


def _codes(text: str) -> tuple[str, ...]:
    from psed._i18n import _

    codes = tuple(part.strip().upper() for part in text.split(",") if part.strip())
    for code in codes:
        if not code.isalnum():
            raise argparse.ArgumentTypeError(
                _said(
                    _(
                        "{code} is not a rule code or prefix; give codes such as PSED201 or "
                        "PSED5, separated by commas",
                        code=repr(code),
                    )
                )
            )
    return codes


def _patterns(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _at_least(text: str, least: int, problem: Any) -> int:
    """``text`` as a whole number of ``least`` or more; otherwise ``problem`` is the error."""
    try:
        value = int(text)
    except ValueError:
        value = least - 1
    if value < least:
        raise argparse.ArgumentTypeError(_said(problem))
    return value


def _jobs(text: str) -> int:
    from psed._i18n import _

    return _at_least(
        text,
        0,
        _(
            "{value} is not a number of processes; give 1 or more, or 0 for one per core",
            value=repr(text),
        ),
    )


def _days(text: str) -> int:
    from psed._i18n import _

    return _at_least(
        text, 0, _("{value} is not a number of days; give 0 or more", value=repr(text))
    )


def _count(text: str) -> int:
    from psed._i18n import _

    return _at_least(
        text,
        2,
        _("{value} is not a number of proposals; give 2 or more (default 3)", value=repr(text)),
    )


# --------------------------------------------------------------------------- the parser

_CHECK_EPILOG = """\
examples:
  psed check examples/customer-access-strategy.yaml --as-of 2026-11-26
  psed check assessments/ --format sarif > psed.sarif
  psed check assessments/ --select PSED1,PSED3 --ignore PSED105 --fail-on warning
  cat draft.json | psed check -

Each finding is one line, path:pointer: CODE [severity] message (the whole document,
pointer "", is shown as "/"; an empty key as "", so pointer "/" is shown as /""; control
characters in paths and pointers as escapes such as \\n), then a summary line. Folders
are searched recursively for *.json, *.yaml and *.yml files (hidden folders skipped), in
sorted order; "-" reads one document from standard input. The configuration comes from
--config, or else from the nearest psed.toml or pyproject.toml [tool.psed] in the current
folder or its parents; --select, --ignore and --fail-on replace the configuration's values.

exit status: 0 nothing fails; 1 an unwaived finding at or above --fail-on;
2 a usage error or a file that could not be read (it gets PSED001, the others are
still checked). Colour is used only on a terminal, and never when NO_COLOR is set
(FORCE_COLOR forces it).
"""

_RULES_EPILOG = """\
examples:
  psed rules
  psed rules --format markdown > rules.md
  psed rules --format json | jq '.[] | select(.severity == "error") | .code'
  psed rules --duties        # the duties frameworks name, with their dates
"""

_EXPLAIN_EPILOG = """\
examples:
  psed explain PSED201
  psed explain psed601
  psed explain self-approval
  psed explain PSED101 --law-date 2008-06-12   # the references under the law of 2008
"""

_SCHEMA_EPILOG = """\
examples:
  psed schema > psed-schema.json
  psed schema --framework esia
  psed schema --report > psed-report-schema.json
"""

_NEW_EPILOG = """\
examples:
  psed new > assessment.yaml
  psed new --framework esia --status draft
  psed new --framework wales -o library-review.yaml

The document lists every characteristic the framework requires with impact: unknown,
and the sign-offs it expects, with a comment on each field. It is printed to standard
output unless -o names a file (an existing file is never overwritten).
"""

_AUDIT_EPILOG = """\
examples:
  psed audit assessments/
  psed audit assessments/ --format csv > portfolio.csv
  psed audit assessments/ --format json --as-of 2026-11-26 --jobs 0
  psed audit assessments/ --db audit.sqlite --baseline
  psed audit assessments/ --db audit.sqlite --format html -o estate.html
  psed audit assessments/ --format xlsx -o estate.xlsx

One row per document: status, errors, warnings, completeness (the share of the
framework's required characteristics assessed with a real reason), sign-offs present
and review date. "?" marks a status or framework the document gives but psed does not
know. Then the portfolio findings (PSED701-PSED704, which only an audit reports), the
reviews overdue and due within --due-within days, the actions past their due date,
totals by organisation, directorate and programme, the cumulative impact of each
programme, and totals by rule and by characteristic. --db records the run in an SQLite
history (created if needed); --baseline then lists the findings new and resolved since
the previous run recorded there, and only new findings decide the exit status.
--format html (a dashboard) and xlsx (a workbook) need the psed[audit] extra.

exit status, as for check: 0 nothing fails; 1 a document has an unwaived finding at or
above --fail-on; 2 a usage error, a history that cannot be used, or a file that could
not be read.
"""

_RENDER_EPILOG = """\
examples:
  psed render examples/customer-access-strategy.yaml -o customer-access.html
  psed render assessment.yaml -o assessment.docx
  psed render assessment.yaml -o assessment.pdf --findings --as-of 2026-11-26
  psed render assessment.yaml --format md > ASSESSMENT.md

The format is --format, else the extension of -o (.html, .htm, .docx, .pdf, .md), else
html. HTML and Markdown are written to standard output unless -o names a file; Word and
PDF need -o, or standard output that is not a terminal. An existing file is replaced
only with --force. --findings adds a "Quality check" annex: the findings 'psed check'
reports as of --as-of, with the configuration found as for check. --lang cy gives the
headings, labels and findings in Welsh; --lang both a bilingual document, Welsh first.

exit status: 0 written; 2 a usage error, a missing render extra, or a document that
cannot be read or has structural problems ('psed check FILE' lists them).
"""

_IMPORT_EPILOG = """\
examples:
  psed import forms/ -o assessments/
  psed import esia.docx --template esia --status approved
  psed import forms/ -o assessments/ --report import-report.json

Reads Word (.docx), HTML (.html, .htm) and PDF (.pdf) files; folders are searched
recursively. Each file becomes one YAML document (next to it, or under -o DIR); an
existing file is replaced only with --force. --template auto (the default) scores every
template and says which it chose and how sure it is. Values worked out rather than read
(an impact direction taken from the wording) are marked '# inferred' in the YAML.
--report FILE writes JSON ('psed schema --import-report') saying where every value came
from and listing every piece of text not imported. Needs: pip install 'psed[import]'.

exit status: 0 every file imported; 2 a usage error, or a file that could not be imported
(the others are still imported).
"""

_MAIN_EPILOG = """\
examples:
  psed check examples/ --as-of 2026-11-26
  psed explain PSED601
  psed new --framework esia > assessment.yaml

Run 'psed COMMAND --help' for a command's options.
"""


def _add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        type=str.lower,
        choices=_LANGUAGES,
        help="the language of the messages and summaries: en (English) or cy (Welsh, "
        "Cymraeg); default: the PSED_LANG environment variable, else en",
    )


def _lang(args: argparse.Namespace) -> str:
    """The language asked for: --lang, else PSED_LANG, else English.

    A PSED_LANG that names no language psed has is a usage error.
    """
    from psed._i18n import choose_lang

    try:
        return choose_lang(getattr(args, "lang", None))
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _add_config(
    parser: argparse.ArgumentParser,
    help: str = "a psed.toml or pyproject.toml to use instead of the one found from the "
    "current folder",
) -> None:
    parser.add_argument("--config", metavar="FILE", help=help)


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by check and audit: how the rules judge the documents."""
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="documents (.json, .yaml, .yml) or folders to search; '-' reads standard input",
    )
    parser.add_argument(
        "--status",
        choices=_STATUSES,
        help="judge every document as if it had this status (default: each document's own)",
    )
    parser.add_argument(
        "--as-of",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date to judge overdue actions and reviews on (default: today)",
    )
    parser.add_argument(
        "--law-date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="judge every document by the law in force on this date (default: each "
        "document's own: its decision date, else its approval, sign-off or screening "
        "date, else --as-of)",
    )
    _add_lang_option(parser)
    parser.add_argument(
        "--select",
        type=_codes,
        metavar="CODES",
        help="run only these rule codes or prefixes, comma-separated (PSED1,PSED301)",
    )
    parser.add_argument(
        "--ignore",
        type=_codes,
        metavar="CODES",
        help="do not run these rule codes or prefixes, comma-separated (PSED5)",
    )
    parser.add_argument(
        "--fail-on",
        choices=_SEVERITIES,
        help="the lowest severity that fails the run (default: error, or the configuration's)",
    )
    _add_config(parser)
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=1,
        metavar="N",
        help="check files in N worker processes (default 1; 0: one per core); "
        "the output is the same",
    )
    parser.add_argument(
        "--exclude",
        type=_patterns,
        metavar="PATTERNS",
        help="skip these files and folders when searching a folder, comma-separated, in "
        ".gitignore syntax (replaces the default: " + ", ".join(DEFAULT_EXCLUDE) + ")",
    )
    parser.add_argument(
        "--extend-exclude",
        type=_patterns,
        metavar="PATTERNS",
        help="skip these too, on top of the default or configured exclude",
    )
    parser.add_argument(
        "--no-respect-gitignore",
        dest="respect_gitignore",
        action="store_false",
        default=None,
        help="search folders without skipping what .gitignore files ignore",
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser of the ``psed`` command and its sub-commands (used for the docs too)."""
    from psed import __version__

    parser = _Parser(
        prog="psed",
        description="Check UK public-sector equality impact assessments for gaps.",
        epilog=_MAIN_EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"psed {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", title="commands", parser_class=_Parser
    )

    def command(
        name: str, handler: Callable[..., int], *, help: str, description: str, epilog: str
    ) -> argparse.ArgumentParser:
        """A sub-command with its help, description and epilog, run by ``handler``."""
        sub = commands.add_parser(
            name, help=help, description=description, epilog=epilog, formatter_class=_Formatter
        )
        sub.set_defaults(handler=handler)
        return sub

    check = command(
        "check",
        _cmd_check,
        help="check documents and report the gaps",
        description="Check assessments (JSON or YAML) and report every finding.",
        epilog=_CHECK_EPILOG,
    )
    _add_run_options(check)
    check.add_argument(
        "--format",
        choices=_FORMATS,
        default="text",
        help="report format: text (default), json (versioned, see 'psed schema --report'), "
        "sarif (2.1.0, for code scanning), junit (XML), github (workflow annotations)",
    )
    check.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="text format: print only the summary line (and --statistics), not each finding",
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="text format: after the findings, the number of findings of each rule",
    )

    rules = command(
        "rules",
        _cmd_rules,
        help="list every rule",
        description="List every rule: code, name, severity, the status it applies from, "
        "and what it reports.",
        epilog=_RULES_EPILOG,
    )
    rules.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="output format"
    )
    rules.add_argument(
        "--duties",
        action="store_true",
        help="list the duties instead: id, provision, where and when in force, and the "
        "characteristics each requires",
    )
    _add_config(
        rules,
        "a psed.toml or pyproject.toml whose duties and frameworks to include "
        "(default: the one found from the current folder)",
    )

    explain = command(
        "explain",
        _cmd_explain,
        help="show one rule's documentation",
        description="Show a rule's documentation: what it checks, why it matters (the law), "
        "a failing and a passing example.",
        epilog=_EXPLAIN_EPILOG,
    )
    explain.add_argument("code", metavar="CODE", help="a rule code (any case) or name")
    explain.add_argument(
        "--law-date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="list the references each framework cites under the law of this date (default: today)",
    )
    _add_config(
        explain,
        "a psed.toml or pyproject.toml whose frameworks to include (default: the one "
        "found from the current folder)",
    )

    schema = command(
        "schema",
        _cmd_schema,
        help="print a JSON Schema",
        description="Print the JSON Schema (2020-12) of the document format, or of the "
        "JSON report of 'psed check --format json'.",
        epilog=_SCHEMA_EPILOG,
    )
    which = schema.add_mutually_exclusive_group()
    which.add_argument(
        "--framework",
        metavar="F",
        help="the schema for documents of this framework (psed, esia, wales, scotland, ni-s75, "
        "or one from the configuration)",
    )
    which.add_argument(
        "--report",
        action="store_true",
        help="the schema of the JSON report (report_version 1) instead of the document",
    )
    which.add_argument(
        "--import-report",
        action="store_true",
        help="the schema of the import report of 'psed import --report' (import_report_version 1)",
    )
    _add_config(schema, "a configuration with more frameworks")

    new = command(
        "new",
        _cmd_new,
        help="print a blank document to fill in",
        description="Print a YAML document to fill in, with every required characteristic "
        "and sign-off of the framework, and a comment on each field.",
        epilog=_NEW_EPILOG,
    )
    new.add_argument(
        "--framework", default="psed", metavar="F", help="the framework (default: psed)"
    )
    new.add_argument(
        "--status", choices=_STATUSES, default="draft", help="the status to start with"
    )
    new.add_argument(
        "-o", "--output", metavar="FILE", help="write to this new file instead of standard output"
    )
    _add_config(new, "a configuration with more frameworks")

    audit = command(
        "audit",
        _cmd_audit,
        help="summarise a portfolio of assessments",
        description="Summarise many assessments: per document status, counts and "
        "completeness; per rule and per characteristic totals.",
        epilog=_AUDIT_EPILOG,
    )
    _add_run_options(audit)
    audit.add_argument(
        "--format",
        choices=_AUDIT_FORMATS,
        default="text",
        help="text (default), csv (one row per document), json (audit_version 1), "
        "html (a dashboard) or xlsx (a workbook; needs -o)",
    )
    audit.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    audit.add_argument(
        "--due-within",
        type=_days,
        default=90,
        metavar="DAYS",
        help="list the reviews due within DAYS days of --as-of (default 90)",
    )
    audit.add_argument(
        "--min-cumulative",
        type=_count,
        default=None,
        metavar="N",
        help="PSED701 reports a characteristic adverse in N or more proposals of a "
        "programme with no cumulative assessment (default: min-cumulative in the "
        "configuration, else 3)",
    )
    audit.add_argument(
        "--db",
        metavar="FILE",
        help="record the run in this SQLite history (created if it does not exist)",
    )
    audit.add_argument(
        "--baseline",
        action="store_true",
        help="with --db: list only the findings new since the previous run, and those resolved",
    )

    render = command(
        "render",
        _cmd_render,
        help="write the document to publish: HTML, Word, PDF or Markdown",
        description="Write an assessment as the document an organisation publishes: "
        "accessible HTML, Word (docx), tagged PDF or Markdown.",
        epilog=_RENDER_EPILOG,
    )
    render.add_argument(
        "path", metavar="FILE", help="the assessment (.json, .yaml, .yml); '-' reads standard input"
    )
    render.add_argument(
        "--format",
        choices=_RENDER_FORMATS,
        help="html (one self-contained page), docx (Word), pdf (tagged, PDF/UA) or md "
        "(Markdown); default: from the -o extension, else html",
    )
    render.add_argument("-o", "--output", metavar="OUT", help="write to this file")
    render.add_argument("--force", action="store_true", help="replace OUT if it exists")
    render.add_argument(
        "--findings",
        action="store_true",
        help="add a quality check annex with the findings of 'psed check'",
    )
    render.add_argument(
        "--as-of",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date the quality check judges the document on (default: today)",
    )
    _add_config(render)
    render.add_argument(
        "--lang",
        type=str.lower,
        choices=(*_LANGUAGES, "both"),
        help="the language of the headings and labels: en (English), cy (Welsh, Cymraeg) or "
        "both (bilingual, Welsh first); default: the PSED_LANG environment variable, else en",
    )
    importer = command(
        "import",
        _cmd_import,
        help="turn Word, HTML and PDF assessments into psed documents",
        description="Import existing assessments (.docx, .html, .htm, .pdf) into psed YAML "
        "documents, one per file.",
        epilog=_IMPORT_EPILOG,
    )
    importer.add_argument(
        "paths", nargs="+", metavar="PATH", help="files (.docx, .html, .htm, .pdf) or folders"
    )
    importer.add_argument(
        "-o", "--output", metavar="DIR", help="write the documents into this folder"
    )
    importer.add_argument(
        "--template",
        default="auto",
        metavar="auto|NAME",
        help="the form layout: auto (default), a template id, or a template file (.yaml)",
    )
    importer.add_argument(
        "--status",
        choices=_STATUSES,
        help="the status to give every document (default: worked out from the sign-offs)",
    )
    importer.add_argument(
        "--report", metavar="FILE", help="write the import report (JSON) to this file"
    )
    importer.add_argument(
        "--force", action="store_true", help="replace documents that already exist"
    )
    _add_config(importer, "a configuration with the organisation's own templates")
    return parser


# --------------------------------------------------------------------------- helpers


def _use_color(stream: IO[str]) -> bool:
    """Colour on a terminal only; NO_COLOR (any value) turns it off, FORCE_COLOR on."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _load_config(args: argparse.Namespace) -> Any:
    """The configuration: --config, else the one found upward from the current folder.

    The command line's --select, --ignore, --fail-on and folder options replace the
    configuration's values; its selectors are checked as a configuration file's are.
    """
    from psed._i18n import _
    from psed.config import Config, ConfigError, find_config, load_config

    try:
        if getattr(args, "config", None):
            if not os.path.isfile(args.config):
                raise UsageError(_("--config: {path}: no such file", path=args.config))
            config = load_config(args.config)
        else:
            found = find_config()
            config = Config() if found is None else load_config(found)
        overrides: dict[str, Any] = {}
        for key in ("select", "ignore", "fail_on", "exclude", "respect_gitignore"):
            if getattr(args, key, None) is not None:
                overrides[key] = getattr(args, key)
        if getattr(args, "extend_exclude", None):
            overrides["extend_exclude"] = (*config.extend_exclude, *args.extend_exclude)
        if overrides:
            import attrs

            config = attrs.evolve(config, **overrides)
        config.catalogue()  # a bad framework definition is reported now, once
    except ConfigError as exc:
        raise UsageError(_("configuration: {problem}", problem=exc.message)) from None
    _check_command_line_selectors(args)
    return config


def _check_command_line_selectors(args: argparse.Namespace) -> None:
    """--select and --ignore name real rules, and --ignore says what a prefix turns off."""
    select, ignore = getattr(args, "select", None), getattr(args, "ignore", None)
    if select is None and ignore is None:
        return
    from psed._i18n import _
    from psed.config import ConfigError, check_selectors
    from psed.rules import all_rules

    codes = [rule.code for rule in all_rules()]
    for flag, selectors in (("--select", select), ("--ignore", ignore)):
        if selectors is None:
            continue
        try:
            matched = check_selectors(selectors, codes, key=flag[2:])
        except ConfigError as exc:
            raise UsageError(_("{flag}: {problem}", flag=flag, problem=exc.message)) from None
        if flag == "--ignore" and not getattr(args, "quiet", False):
            for selector, hits in matched.items():
                if len(hits) > 1:
                    note = _(
                        "psed {command}: --ignore {selector} turns off {count} rules: {codes}",
                        command=args.command,
                        selector=selector,
                        count=len(hits),
                        codes=", ".join(hits),
                    )
                    print(_said(note), file=sys.stderr)


def _read_stdin(paths: Sequence[str], max_bytes: int) -> bytes | None:
    if "-" not in paths:
        return None
    from psed._batch import read_stream

    return read_stream(sys.stdin.buffer, max_bytes)


def _write(out: IO[str], pieces: Iterable[str]) -> None:
    for piece in pieces:
        if piece:
            out.write(piece)


def _run_info(job: Any) -> Any:
    """What a report says about its run: the release and the job's settings."""
    from psed import __version__
    from psed.output import RunInfo

    return RunInfo(
        version=__version__,
        as_of=job.as_of,
        status=job.status,
        fail_on=job.fail_on,
        law_date=job.law_date,
        lang=job.lang,
    )


def _job(args: argparse.Namespace, config: Any) -> Any:
    from psed._batch import Job
    from psed.findings import Severity
    from psed.model import Status

    return Job(
        as_of=args.as_of or _dt.date.today(),
        law_date=args.law_date,
        status=None if args.status is None else Status(args.status),
        config=config,
        fail_on=Severity(config.fail_on),
        stdin=_read_stdin(args.paths, config.limits.max_bytes),
        lang=_lang(args),
    )


def _nothing_found(args: argparse.Namespace, finder: Any) -> str:
    """The error for a run that found no document, naming where it looked."""
    from psed._i18n import _

    where = ", ".join(finder.searched) or ", ".join(finder.paths)
    if finder.excluded:
        reason = _(
            "no assessment found in {where} (psed looks for *.json, *.yaml and *.yml files; "
            "{excluded} skipped by exclude patterns or .gitignore); name the files or the "
            "folder that holds them",
            where=where,
            excluded=finder.excluded,
        )
    else:
        reason = _(
            "no assessment found in {where} (psed looks for *.json, *.yaml and *.yml files); "
            "name the files or the folder that holds them",
            where=where,
        )
    return _usage_error(args, UsageError(reason))


# --------------------------------------------------------------------------- commands


def _cmd_check(args: argparse.Namespace, out: IO[str]) -> int:
    from psed._batch import run_map
    from psed._files import Finder
    from psed.output import RenderStep, Totals, make_renderer

    if (args.quiet or args.statistics) and args.format != "text":
        from psed._i18n import _

        raise UsageError(_("--quiet and --statistics apply to the text format only"))
    config = _load_config(args)
    job = _job(args, config)
    run_info = _run_info(job)
    color = args.format == "text" and _use_color(out)
    options = {"quiet": args.quiet, "statistics": args.statistics} if args.format == "text" else {}
    renderer = make_renderer(args.format, run_info, color=color, **options)
    step = RenderStep(args.format, run_info, color, args.quiet, args.statistics)
    totals = Totals()
    finder = Finder(args.paths, config)
    out.write(renderer.begin())
    with contextlib.closing(run_map(finder, job, step, jobs=args.jobs)) as pieces:
        for piece in pieces:
            totals.add_counts(
                piece.counts,
                ok=piece.ok,
                unreadable=piece.unreadable,
                read_with_problems=piece.read_with_problems,
                codes=piece.codes,
            )
            out.write(renderer.add_items(piece.items))
    _write(out, renderer.end(totals))
    if totals.files == 0:
        out.flush()
        print(_nothing_found(args, finder), file=sys.stderr)
        return EXIT_USAGE
    if totals.unreadable:
        return EXIT_USAGE
    return EXIT_OK if totals.failing == 0 else EXIT_FAIL


def _cmd_audit(args: argparse.Namespace, out: IO[str]) -> int:
    from psed._i18n import _
    from psed.audit import HistoryError
    from psed.audit._run import AuditRun, RunOptions
    from psed.output.audit import AuditView, render_audit

    if args.baseline and not args.db:
        raise UsageError(_("--baseline compares with the history: give --db FILE as well"))
    if args.format == "xlsx" and not args.output:
        raise UsageError(_("--format xlsx writes a workbook: give -o FILE, such as -o estate.xlsx"))
    if args.format in ("html", "xlsx"):
        _require_audit_extra(args.format)
    if args.output and not os.path.isdir(os.path.dirname(os.path.abspath(args.output))):
        raise UsageError(_("cannot write {path}: its folder does not exist", path=args.output))
    config = _load_config(args)
    job = _job(args, config)
    run_info = _run_info(job)
    options = RunOptions(
        due_within=args.due_within,
        min_cumulative=args.min_cumulative or config.min_cumulative,
        db=args.db,
        baseline=args.baseline,
    )
    try:
        with AuditRun(args.paths, job, options, jobs=args.jobs) as run:
            run.run()
            totals = run.totals()
            if totals.documents == 0:
                out.flush()
                print(_nothing_found(args, run.finder), file=sys.stderr)
                return EXIT_USAGE
            baseline = run.baseline()
            view = AuditView(
                run=run_info,
                rows=run.rows,
                findings=run.findings,
                portfolio=run.portfolio,
                totals=totals,
                estate=run.estate(),
                trends=run.trends(),
                baseline=baseline,
                run_id=run.run_id if args.db else None,
            )
            if args.output:
                _write_file(args.output, args.format, view)
            else:
                render_audit(args.format, view, out)
    except HistoryError as exc:
        raise UsageError(_("--db: {problem}", problem=exc.args[0] if exc.args else "")) from None
    if totals.unreadable:
        return EXIT_USAGE
    if baseline is not None:
        fails = any(b.finding.fails(job.fail_on) for b in baseline.new)
        return EXIT_FAIL if fails else EXIT_OK
    return EXIT_OK if totals.failing == 0 else EXIT_FAIL


def _require_audit_extra(fmt: str) -> None:
    from psed._i18n import _

    module = {"html": "psed.output.audit_html", "xlsx": "psed.output.audit_xlsx"}[fmt]
    try:
        __import__(module)
    except ImportError as exc:
        raise UsageError(
            _(
                "--format {format} needs the psed[audit] extra ({module} is not installed): "
                "pip install 'psed[audit]'",
                format=fmt,
                module=str(exc.name),
            )
        ) from None


def _cannot_write(path: str, exc: OSError) -> Any:
    """The error for a file that cannot be written; the system's reason stays as it says it."""
    from psed._i18n import _

    return _("cannot write {path}: {reason}", path=path, reason=str(exc.strerror or exc))


def _write_file(path: str, fmt: str, view: Any) -> None:
    """Write the report to ``path`` whole: to a temporary file beside it, then renamed."""
    import tempfile

    from psed._i18n import _
    from psed.output.audit import render_audit

    if os.path.exists(path) and not os.path.isfile(path):
        # not a regular file (/dev/null, a pipe): nothing to replace, write to it directly
        try:
            with open(path, "wb" if fmt == "xlsx" else "w") as stream:
                render_audit(fmt, view, stream)
        except OSError as exc:
            raise UsageError(_cannot_write(path, exc)) from None
        return
    folder = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=".psed-", dir=folder)
    except OSError as exc:
        raise UsageError(_cannot_write(path, exc)) from None
    try:
        if fmt == "xlsx":
            with os.fdopen(handle, "wb") as binary:
                render_audit(fmt, view, binary)
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as text:
                render_audit(fmt, view, text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UsageError(_cannot_write(path, exc)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    print(_said(_("psed: wrote {path}", path=path)), file=sys.stderr)


def _cmd_duties(args: argparse.Namespace, out: IO[str]) -> int:
    from psed.output.rules import duties_json, duties_markdown, duties_text

    duties = list(_load_config(args).catalogue().duties.values())
    render = {"json": duties_json, "markdown": duties_markdown}.get(args.format, duties_text)
    out.write(render(duties))
    return EXIT_OK


def _cmd_rules(args: argparse.Namespace, out: IO[str]) -> int:
    from psed.output.rules import rules_json, rules_markdown, rules_text
    from psed.rules import all_rules

    if args.duties:
        return _cmd_duties(args, out)
    rules = sorted(all_rules(), key=lambda r: r.code)
    render = {"json": rules_json, "markdown": rules_markdown}.get(args.format, rules_text)
    out.write(render(rules))
    return EXIT_OK


def _either(names: Sequence[str]) -> Any:
    """One, two or three names as a choice: "A", "A or B", "A, B or C"."""
    from psed._i18n import _

    if len(names) == 1:
        return names[0]
    return _("{names} or {last}", names=", ".join(names[:-1]), last=names[-1])


def _nearest(code: str, rules: Sequence[Any]) -> list[str]:
    import difflib

    by_key = {r.code: r.code for r in rules}
    by_key.update({r.name: r.code for r in rules})
    close = difflib.get_close_matches(code, list(by_key), n=5, cutoff=0.5)
    close += difflib.get_close_matches(code.upper(), list(by_key), n=5, cutoff=0.5)
    seen: list[str] = []
    for key in close:
        if by_key[key] not in seen:
            seen.append(by_key[key])
    return seen[:3]


def _cmd_explain(args: argparse.Namespace, out: IO[str]) -> int:
    from psed.output.rules import explain_text
    from psed.rules import all_rules

    rules = all_rules()
    wanted = args.code.strip()
    found = next((r for r in rules if r.code == wanted.upper() or r.name == wanted.lower()), None)
    if found is None:
        from psed._i18n import _

        near = _nearest(wanted, rules)
        if near:
            raise UsageError(
                _(
                    "no rule has the code {code}; did you mean {codes}? ('psed rules' lists "
                    "them all)",
                    code=repr(wanted),
                    codes=_either(near),
                )
            )
        raise UsageError(
            _("no rule has the code {code} ('psed rules' lists them all)", code=repr(wanted))
        )
    catalogue = _load_config(args).catalogue()
    out.write(explain_text(found, catalogue=catalogue, law_date=args.law_date))
    return EXIT_OK


def _framework_or_error(framework: str, config: Any) -> Any:
    catalogue = config.catalogue()
    found = catalogue.framework(framework)
    if found is None:
        import difflib

        from psed._i18n import _

        known = sorted(catalogue.frameworks)
        near = difflib.get_close_matches(framework, known, n=1)
        if near:
            raise UsageError(
                _(
                    "unknown framework {framework}; did you mean {suggestion}? (known: {known})",
                    framework=repr(framework),
                    suggestion=near[0],
                    known=", ".join(known),
                )
            )
        raise UsageError(
            _(
                "unknown framework {framework} (known: {known})",
                framework=repr(framework),
                known=", ".join(known),
            )
        )
    return found


def _cmd_schema(args: argparse.Namespace, out: IO[str]) -> int:
    import json

    if args.report:
        from psed.output.schema import report_schema

        out.write(json.dumps(report_schema(), indent=2) + "\n")
        return EXIT_OK
    if args.import_report:
        from psed.importing._report import report_schema as import_report_schema

        out.write(json.dumps(import_report_schema(), indent=2) + "\n")
        return EXIT_OK
    import psed

    if args.framework is not None:
        _framework_or_error(args.framework, _load_config(args))
    out.write(json.dumps(psed.json_schema(framework=args.framework), indent=2) + "\n")
    return EXIT_OK


def _cmd_new(args: argparse.Namespace, out: IO[str]) -> int:
    from psed._i18n import _
    from psed.output.template import new_document

    framework = _framework_or_error(args.framework, _load_config(args))
    text = new_document(framework, status=args.status)
    if args.output:
        try:
            with open(args.output, "x", encoding="utf-8") as handle:
                handle.write(text)
        except FileExistsError:
            raise UsageError(
                _("{path} already exists; choose another name", path=args.output)
            ) from None
        except OSError as exc:
            raise UsageError(_cannot_write(args.output, exc)) from None
        print(_said(_("psed: wrote {path}", path=args.output)), file=sys.stderr)
    else:
        out.write(text)
    return EXIT_OK


def _render_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output:
        suffix = os.path.splitext(args.output)[1].lower()
        return _RENDER_SUFFIXES.get(suffix, "html")
    return "html"


def _cmd_render(args: argparse.Namespace, out: IO[str]) -> int:
    import psed
    from psed._i18n import _
    from psed.rendering import RenderError

    lang = "both" if args.lang == "both" else _lang(args)
    fmt = _render_format(args)
    binary = fmt in ("docx", "pdf")
    if args.output is None and binary and _isatty(out):
        raise UsageError(
            _("{format} is a binary format: write it to a file with -o FILE", format=fmt)
        )
    if args.output and not args.force and os.path.exists(args.output):
        raise UsageError(_("{path} already exists; give --force to replace it", path=args.output))
    config = _load_config(args)
    name = "standard input" if args.path == "-" else args.path
    try:
        if args.path == "-":
            data = sys.stdin.buffer.read(config.limits.max_bytes + 1)
            proposal = psed.loads(data, catalogue=config.catalogue(), limits=config.limits)
        else:
            proposal = psed.load(args.path, catalogue=config.catalogue(), limits=config.limits)
    except psed.DocumentError as exc:
        first = exc.findings[0]
        reason = first.message if first.source is None else first.source
        if first.code == "PSED001":  # unreadable: name the file, then why and the fix
            raise UsageError(_("{name}: {message}", name=name, message=reason)) from None
        raise UsageError(
            _(
                "{name} cannot be rendered until its structural problems are fixed ({count} "
                "found; the first, at {pointer}: {message}); run 'psed check' on it to see "
                "them all",
                name=name,
                count=len(exc.findings),
                pointer=first.pointer or "/",
                message=reason,
            )
        ) from None
    report = None
    if args.findings:
        report = psed.check(proposal, as_of=args.as_of or _dt.date.today(), config=config)
    try:
        result = psed.render(proposal, fmt, findings=report, lang=lang)
    except RenderError as exc:
        raise UsageError(exc.args[0] if exc.args else str(exc)) from None
    if args.output is None:
        if isinstance(result, bytes):
            out.flush()
            sys.stdout.buffer.write(result)
        else:
            out.write(result)
        return EXIT_OK
    try:
        if isinstance(result, bytes):
            with open(args.output, "wb") as binary_file:
                binary_file.write(result)
        else:
            with open(args.output, "w", encoding="utf-8", newline="\n") as text_file:
                text_file.write(result)
    except OSError as exc:
        raise UsageError(_cannot_write(args.output, exc)) from None
    print(_said(_("psed: wrote {path}", path=args.output)), file=sys.stderr)
    return EXIT_OK


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _cmd_import(args: argparse.Namespace, out: IO[str]) -> int:
    from psed import __version__
    from psed.importing._run import RunError, run

    config = _load_config(args)
    try:
        return run(
            args.paths,
            out=out,
            err=sys.stderr,
            output_dir=args.output,
            template=args.template,
            status=args.status,
            report=args.report,
            force=args.force,
            config_templates=config.import_templates,
            version=__version__,
        )
    except RunError as exc:
        raise UsageError(exc.args[0] if exc.args else str(exc)) from None


# --------------------------------------------------------------------------- main


def _run(argv: Sequence[str] | None, out: IO[str]) -> int:
    parser = build_parser()
    given = sys.argv[1:] if argv is None else argv
    _ERROR_LANG.set(_error_lang(_asked_lang(given)))
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace, IO[str]], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(out)
        return EXIT_USAGE
    try:
        return handler(args, out)
    except UsageError as exc:
        out.flush()
        print(_usage_error(args, exc), file=sys.stderr)
        return EXIT_USAGE


def _usage_error(args: argparse.Namespace, exc: UsageError) -> str:
    """``psed COMMAND: error: MESSAGE``, in the language asked for when it can be told."""
    from psed._i18n import _

    reason = exc.args[0] if exc.args else ""
    message = _("psed {command}: error: {message}", command=args.command, message=reason)
    return message.text(_error_lang(getattr(args, "lang", None)))


class _Terminated(BaseException):
    """SIGTERM arrived (``kill``, ``timeout``, a CI runner stopping the job).

    Not an Exception, so that nothing on the way treats it as a problem with a file:
    like Ctrl-C, it stops the run, and the worker processes are ended on the way out.
    """


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: IO[str] | None = None,
    line: str | None = None,
) -> None:
    print(f"psed: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``psed`` command with ``argv`` (default: the process's) and return the exit code."""
    import signal
    import threading
    import warnings

    out = sys.stdout
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if in_main_thread else None
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            if hasattr(out, "reconfigure"):
                out.reconfigure(errors="backslashreplace")
            code = _run(argv, out)
            out.flush()
            return code
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_USAGE)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except _Terminated:
        return EXIT_TERMINATED
    except BrokenPipeError:
        # The reader went away (psed check . | head): stop quietly.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_FAIL
    except Exception as exc:  # the last resort: a bug in psed, never a traceback
        print(
            f"psed: internal error: {type(exc).__name__}: {exc}; please report it",
            file=sys.stderr,
        )
        return EXIT_USAGE
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
