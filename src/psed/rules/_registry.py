"""The rule registry: every rule, built-in or plug-in, is a function plus metadata.

One registry holds every rule code: the structural codes PSED001-PSED007 (documented
entries with no check function), the built-in rules, the waiver rules and any rule a
plug-in or a user registers with :func:`rule`. Codes are never reused: registering a
code twice is an error unless the caller says ``replace=True`` (for notebooks and docs
pages that run twice in one process).

The documentation of a rule is its function's docstring, in one fixed layout::

    <one-line summary>

    ## What it checks
    ...
    ## Why it matters
    ...
    ## Failing example
    ```yaml
    ...
    ```
    ## Passing example
    ```yaml
    ...
    ```

so ``psed explain``, ``psed rules`` and the web docs cannot drift from the code.

Under ``python -OO`` docstrings are removed: a rule then registers with a short
note in place of its documentation (see :func:`parse_doc`), so psed still imports
and checks documents; ``psed explain`` points to the published documentation.

A rule's references are :class:`psed.law.Reference` objects (plain text is
accepted too): each finding cites those that apply under the document's framework
on its law date (:func:`psed.law.cite`).
"""

from __future__ import annotations

import datetime as _dt
import inspect
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

import attrs

from psed import law as _law
from psed._i18n import Message
from psed._text import TextPass
from psed.catalogue import Catalogue, Framework
from psed.config import Thresholds
from psed.findings import Severity
from psed.law import LawAt, Reference
from psed.model import Proposal, Status

__all__ = [
    "HELP_URL",
    "Context",
    "Hit",
    "Rule",
    "RuleError",
    "RuleFunc",
    "help_url",
    "lookup",
    "parse_doc",
    "register",
    "registered_rules",
    "registry_version",
    "rule",
    "unregister",
]

HELP_URL = "https://psed.readthedocs.io/en/latest/rules/#{anchor}"
"""Where a rule's documentation is published; ``{anchor}`` is the lower-case code."""


class RuleError(ValueError):
    """A rule definition that cannot be registered (bad metadata or documentation)."""


@attrs.frozen(kw_only=True)
class Context:
    """What a rule function sees: the proposal and the circumstances of the check.

    Rules read the date from :attr:`as_of` and never from the clock, so the same
    document checked on the same date always gives the same report.
    """

    proposal: Proposal
    """The document being checked."""
    as_of: _dt.date
    """The date the document is judged on (overdue reviews, future dates)."""
    status: Status
    """The status the check uses: the document's own unless the caller overrides it."""
    framework: Framework
    """The document's framework, resolved; ``psed`` when the document names an unknown one."""
    catalogue: Catalogue
    """The characteristics and frameworks known to this check."""
    thresholds: Thresholds = attrs.field(factory=Thresholds)
    """The configured thresholds for the document's framework (PSED407, PSED411)."""
    law: LawAt = attrs.field(
        default=attrs.Factory(lambda self: _default_law(self), takes_self=True)
    )
    """The law that applies: the framework's duties in force on the document's law date.

    Built from the document when not given (:func:`psed.law.law_date` with ``as_of``).

    .. versionadded:: 0.2.0
    """
    text: TextPass = attrs.field(
        default=attrs.Factory(lambda self: TextPass(self.proposal), takes_self=True)
    )
    """The document's texts, each analysed once: ``ctx.text(entry.details).words``."""

    @property
    def law_date(self) -> _dt.date:
        """The day the document's law is judged by (see :func:`psed.law.law_date`)."""
        return self.law.date


def _default_law(ctx: Context) -> LawAt:
    day = _law.law_date(ctx.proposal, ctx.as_of)
    return _law.law_at(ctx.proposal, ctx.framework, ctx.catalogue, day)


@attrs.frozen
class Hit:
    """One place a rule fires: a pointer into the unstructured document and a message.

    ``pointer`` is an RFC 6901 JSON Pointer that resolves in
    ``psed.unstructure(proposal)`` (build it with :func:`psed._reading.pointer.join`);
    ``message`` is one plain-English sentence a form user understands: a
    :class:`psed._i18n.Message` (``_("...", name=value)``) for a sentence the
    catalogues translate, or plain text, shown as it is in every language.
    ``severity`` is given only where the rule's severity depends on the document (PSED409
    is an error for a full assessment under Northern Ireland Act 1998 s75); a configured
    severity for the rule's code still takes precedence.
    """

    pointer: str
    message: str | Message
    characteristic: str | None = None
    severity: Severity | None = None


RuleFunc = Callable[[Context], Iterable[Hit]]
"""A rule's check: yields one :class:`Hit` for each place the rule fires."""

F = TypeVar("F", bound=Callable[[Context], Iterable[Hit]])


@attrs.frozen(kw_only=True)
class Rule:
    """A rule's metadata and its check function.

    ``check`` is None for codes that the engine reports itself: the structural codes
    PSED001-PSED007 (from reading the document) and PSED903 (from applying waivers).
    """

    code: str
    """Stable code, such as ``PSED201``; never reused."""
    name: str
    """Kebab-case name, such as ``negative-impact-without-mitigation``."""
    severity: Severity
    """The default severity."""
    status: Status
    """The lowest document status at which the rule reports at its own severity."""
    references: tuple[str, ...]
    """Every citation the rule can give, under any framework and date.

    Each finding cites those that apply to its document (see :attr:`cites`).
    """
    summary: str
    """One line: what the rule reports."""
    what: str
    """The "What it checks" section (Markdown)."""
    why: str
    """The "Why it matters" section, citing the law (Markdown)."""
    fail_example: str
    """A YAML document (or fragment) the rule reports on."""
    pass_example: str
    """The same document put right."""
    check: RuleFunc | None = None
    """The check function; None when the engine reports the code itself."""
    origin: str = "psed"
    """Where the rule comes from: ``psed`` for built-ins, else the defining module."""
    cites: tuple[Reference, ...] = ()
    """The references as data: each with its law-or-practice mark and the duties it is
    cited under. Defaults to :attr:`references` as plain text.

    .. versionadded:: 0.2.0
    """

    def __attrs_post_init__(self) -> None:
        if not self.cites:
            object.__setattr__(self, "cites", tuple(_law.reference(r) for r in self.references))

    @property
    def help_url(self) -> str:
        """The rule's page in the published documentation."""
        return help_url(self.code)


_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]*[0-9]{3}$")
_NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_SECTIONS = (
    ("what", "What it checks"),
    ("why", "Why it matters"),
    ("fail_example", "Failing example"),
    ("pass_example", "Passing example"),
)
_HEADING_RE = re.compile(r"^##[ \t]+(.+?)[ \t]*$", re.MULTILINE)
_FENCE_RE = re.compile(r"^```[a-zA-Z]*[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def help_url(code: str) -> str:
    """The documentation URL for a rule code (lower-case code as the anchor).

    >>> help_url("PSED201")
    'https://psed.readthedocs.io/en/latest/rules/#psed201'
    """
    return HELP_URL.format(anchor=code.lower())


_OPTIMIZED_NOTE = (
    "Not available: Python is running with -OO, which removes documentation; "
    "see {url} or run psed without -OO."
)


def _without_docs(code: str) -> dict[str, str]:
    """The sections of a rule whose docstring ``python -OO`` removed."""
    note = _OPTIMIZED_NOTE.format(url=help_url(code))
    return {
        "summary": note,
        "what": note,
        "why": note,
        "fail_example": "# " + note + "\n",
        "pass_example": "# " + note + "\n",
    }


def parse_doc(code: str, doc: str | None) -> dict[str, str]:
    """Split a rule docstring into ``summary``, ``what``, ``why`` and the two examples.

    Raises :class:`RuleError` naming the rule and the missing or empty section. Under
    ``python -OO``, which removes every docstring, a missing docstring gives a short
    note in each section instead, so that psed still imports and checks documents.
    """
    if doc is None and sys.flags.optimize >= 2:
        return _without_docs(code)
    if not doc or not doc.strip():
        raise RuleError(
            f"rule {code}: no docstring; write a one-line summary and the sections "
            + ", ".join(f"'## {title}'" for _, title in _SECTIONS)
        )
    text = inspect.cleandoc(doc)
    headings = list(_HEADING_RE.finditer(text))
    summary = text[: headings[0].start()].strip() if headings else text.strip()
    sections: dict[str, str] = {}
    for i, match in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        sections[match.group(1).strip().lower()] = text[match.end() : end].strip()
    parsed = {"summary": " ".join(summary.split())}
    if not parsed["summary"]:
        raise RuleError(f"rule {code}: the docstring must start with a one-line summary")
    for key, title in _SECTIONS:
        body = sections.get(title.lower())
        if body is None:
            raise RuleError(
                f"rule {code}: the docstring has no '## {title}' section; add it "
                "(sections: " + ", ".join(t for _, t in _SECTIONS) + ")"
            )
        if key.endswith("_example"):
            fence = _FENCE_RE.search(body + "\n")
            if fence is None:
                raise RuleError(f"rule {code}: the '## {title}' section needs a ```yaml code block")
            body = fence.group(1)
            body = body.rstrip() + "\n" if body.strip() else ""
        if not body.strip():
            raise RuleError(f"rule {code}: the '## {title}' section is empty; fill it in")
        parsed[key] = body
    return parsed


_lock = threading.RLock()
_rules: dict[str, Rule] = {}
_version = 0


def registry_version() -> int:
    """A number that changes whenever a rule is registered or removed (for caches)."""
    return _version


def _coerce_severity(code: str, value: Severity | str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise RuleError(
            f"rule {code}: severity {value!r} is not one of " + ", ".join(s.value for s in Severity)
        ) from None


def _coerce_status(code: str, value: Status | str) -> Status:
    try:
        return Status(value)
    except ValueError:
        raise RuleError(
            f"rule {code}: status {value!r} is not one of " + ", ".join(Status.codes())
        ) from None


def register(new: Rule, *, replace: bool = False) -> Rule:
    """Add a fully built :class:`Rule` to the registry (the decorator calls this).

    ``replace=True`` allows re-registering a code that is already registered under
    the same name (re-running a notebook cell); a code is never given to another rule.
    """
    if not _CODE_RE.match(new.code):
        raise RuleError(
            f"rule code {new.code!r} is not valid; use capital letters followed by three "
            "or more digits, such as 'ACME001'"
        )
    if not _NAME_RE.match(new.name):
        raise RuleError(
            f"rule {new.code}: name {new.name!r} is not kebab-case; use lower-case words "
            "joined by hyphens, such as 'mitigation-without-owner'"
        )
    if not new.references or not all(isinstance(r, str) and r.strip() for r in new.references):
        raise RuleError(
            f"rule {new.code}: give at least one legal or guidance reference, "
            "such as 'Equality Act 2010 s149(1)'"
        )
    with _lock:
        old = _rules.get(new.code)
        if old is not None and not (replace and old.name == new.name):
            raise RuleError(
                f"rule code {new.code} is already registered (as {old.name!r} from "
                f"{old.origin}); codes are never reused: choose another code"
                + ("" if old.name != new.name else ", or pass replace=True to redefine it")
            )
        for other in _rules.values():
            if other.name == new.name and other.code != new.code:
                raise RuleError(
                    f"rule {new.code}: name {new.name!r} is already used by {other.code}; "
                    "choose another name"
                )
        global _version
        _rules[new.code] = new
        _version += 1
    return new


def unregister(code: str) -> Rule | None:
    """Remove a rule from the registry (for tests and plug-in development); the old rule."""
    global _version
    with _lock:
        _version += 1
        return _rules.pop(code, None)


def rule(
    *,
    code: str,
    name: str,
    severity: Severity | str,
    status: Status | str,
    references: Iterable[str | Reference] | str,
    replace: bool = False,
) -> Callable[[F], F]:
    """Register a function as a rule; the function is returned unchanged.

    ``references`` are citations: plain text (cited under every framework, with no
    law-or-practice mark) or :class:`psed.law.Reference` objects, which say whether
    they are law or practice and under which duties they apply.

    The function takes a :class:`Context` and yields :class:`Hit` objects. Its
    docstring is the rule's documentation (see the module docstring for the layout).
    ``status`` is the lowest document status at which the rule reports at
    ``severity``; below it the rule still runs and reports at ``info``.

    Raises :class:`RuleError` at registration when a documentation section is missing,
    the code is already taken, the name is not kebab-case, the severity or status is
    not valid or there is no reference.
    """
    sev = _coerce_severity(code, severity)
    stat = _coerce_status(code, status)
    try:
        cites = tuple(
            _law.reference(r)
            for r in ((references,) if isinstance(references, str) else references)
        )
    except TypeError as exc:
        raise RuleError(f"rule {code}: {exc}") from None

    def decorate(func: F) -> F:
        module = getattr(func, "__module__", None) or "?"
        register(
            documented_rule(
                code=code,
                name=name,
                severity=sev,
                status=stat,
                references=cites,
                doc=func.__doc__,
                check=func,
                origin="psed" if module.split(".")[0] == "psed" else module,
            ),
            replace=replace,
        )
        return func

    return decorate


def documented_rule(
    *,
    code: str,
    name: str,
    severity: Severity,
    status: Status,
    references: tuple[str | Reference, ...],
    doc: str | None,
    check: RuleFunc | None = None,
    origin: str = "psed",
) -> Rule:
    """A :class:`Rule` whose documentation sections are parsed from ``doc``.

    Used by :func:`rule` and by the rules that have no check function of their own
    (the structural codes, PSED903), so every rule's docs are read the same way.
    """
    docs = parse_doc(code, doc)
    cites = tuple(_law.reference(r) for r in references)
    return Rule(
        code=code,
        name=name,
        severity=severity,
        status=status,
        references=_law.citations(cites),
        cites=cites,
        summary=docs["summary"],
        what=docs["what"],
        why=docs["why"],
        fail_example=docs["fail_example"],
        pass_example=docs["pass_example"],
        check=check,
        origin=origin,
    )


def registered_rules() -> Iterator[Rule]:
    """Every rule registered so far, by code (no plug-in discovery; see ``all_rules``)."""
    with _lock:
        rules = sorted(_rules.values(), key=lambda r: r.code)
    return iter(rules)


def lookup(code: str) -> Rule | None:
    """The registered rule with this code, or None (no plug-in discovery)."""
    return _rules.get(code)
