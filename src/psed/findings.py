"""Findings and reports: what a check says about a document."""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from typing import Any, overload

import attrs

from psed._form_messages import form_message
from psed._i18n import DEFAULT_LANG, Message, choose_lang
from psed.model import Status

__all__ = ["Finding", "Report", "Severity", "translate"]


class Severity(str, enum.Enum):
    """How much a finding matters. ``error`` > ``warning`` > ``info``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info: compare with ``>=``."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


def _tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Finding:
    """One problem found in one place of a document."""

    code: str
    """The rule's stable code, such as ``PSED201``."""
    name: str
    """The rule's kebab-case name, such as ``negative-impact-without-mitigation``."""
    severity: Severity
    """The effective severity: after status, configuration and waivers are applied."""
    default_severity: Severity
    """The rule's own severity."""
    message: str
    """One sentence a form user understands, in the language asked for (:attr:`lang`)."""
    pointer: str = ""
    """RFC 6901 JSON Pointer to the place in the document; ``""`` is the whole document."""
    characteristic: str | None = None
    """The characteristic code the finding concerns, if any."""
    references: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Legal and guidance citations behind the rule."""
    waived: str | None = None
    """None, or the reason of the waiver that accepts this finding."""
    lang: str = DEFAULT_LANG
    """The language of :attr:`message`: ``en`` (English) or ``cy`` (Welsh).

    .. versionadded:: 0.2.0
    """
    message_en: str | None = None
    """The English message when :attr:`message` is in another language, else None, so
    that tools keyed on the English wording keep working.

    .. versionadded:: 0.2.0
    """
    source: Message | None = attrs.field(default=None, eq=False, repr=False)
    """The message as its catalogue entry and values, so that it can be given in any
    language (:func:`translate`); None for plain text (a plug-in's message), which is
    shown as it is in every language.

    .. versionadded:: 0.2.0
    """
    line: int | None = None
    """The line (from 1) of the place :attr:`pointer` names, in the text the document was
    read from; None when it was not read from text (a mapping, a Proposal).

    .. versionadded:: 0.2.0
    """
    column: int | None = None
    """The column (from 1, in characters) of that place; None with :attr:`line`.

    .. versionadded:: 0.2.0
    """
    _form_message: str | None = attrs.field(
        default=None, alias="form_message", eq=False, repr=False
    )
    """A form message given when the finding is made (``form_message=``), instead of the
    one :attr:`form_message` looks up."""

    @property
    def form_message(self) -> str:
        """The short message a form shows at the field, in the GOV.UK style: what happened
        and how to fix it, with no code or field name ("Enter a description of the proposal").

        Looked up in the message table of :mod:`psed.forms` by code, field and situation,
        in :attr:`lang`, when it is asked for (a report's findings cost nothing for it
        until a form shows them); a rule the table does not know shows its
        :attr:`message`. ``Finding(..., form_message=...)`` gives one instead.

        .. versionadded:: 0.2.0
        """
        if self._form_message is not None:
            return self._form_message
        return form_message(
            self.code, self.pointer, self.characteristic, self.message, lang=self.lang
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with every field (``waived`` is null or the reason).

        ``message_en`` (the English message) is there only when the message is in
        another language; codes, pointers and keys never change with the language.
        """
        found = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "default_severity": self.default_severity.value,
            "message": self.message,
            "pointer": self.pointer,
            "characteristic": self.characteristic,
            "references": list(self.references),
            "waived": self.waived,
            "line": self.line,
            "column": self.column,
        }
        if self.message_en is not None:
            found["message_en"] = self.message_en
        return found

    def fails(self, fail_on: Severity) -> bool:
        """True when this finding, unwaived, is at or above ``fail_on``."""
        return self.waived is None and self.severity.rank >= fail_on.rank


def _findings(value: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, repr=False)
class Report:
    """The findings about one document, in document order, with the verdict.

    ``repr(report)`` (and ``print(report)``) is one short line: the verdict and the
    counts; the findings themselves are in :attr:`findings`.
    """

    findings: tuple[Finding, ...] = attrs.field(converter=_findings)
    """Every finding, waived and ``info`` ones included, in document order."""
    as_of: _dt.date
    """The date the rules judged the document on."""
    status: Status | None
    """The status the rules applied (the document's unless overridden); None if unreadable."""
    version: str
    """The psed version that produced the report."""
    fail_on: Severity = Severity.ERROR
    """The lowest severity that makes the report fail."""
    law_date: _dt.date | None = None
    """The day whose law the rules applied (see :func:`psed.law.law_date`); None if unread.

    .. versionadded:: 0.2.0
    """
    lang: str = DEFAULT_LANG
    """The language of the findings' messages: ``en`` or ``cy``.

    .. versionadded:: 0.2.0
    """
    law_date_source: str | None = None
    """How the law date was chosen: ``given``, ``decision``, ``approver``, ``responsible``,
    ``screening`` or ``as_of`` (:class:`psed.law.LawDateSource`); None if unread.

    .. versionadded:: 0.2.0
    """

    def __repr__(self) -> str:
        counts = self.counts
        status = None if self.status is None else self.status.value
        return (
            f"Report(ok={self.ok}, error={counts['error']}, warning={counts['warning']}, "
            f"info={counts['info']}, waived={counts['waived']}, as_of={self.as_of.isoformat()}, "
            f"status={status!r}, fail_on={self.fail_on.value!r})"
        )

    @property
    def ok(self) -> bool:
        """True when no unwaived finding is at or above :attr:`fail_on`."""
        return not any(f.fails(self.fail_on) for f in self.findings)

    @property
    def counts(self) -> dict[str, int]:
        """Unwaived findings by severity, plus ``waived``: always all four keys."""
        counts = {"error": 0, "warning": 0, "info": 0, "waived": 0}
        for f in self.findings:
            counts["waived" if f.waived is not None else f.severity.value] += 1
        return counts

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Unwaived findings at ``error``."""
        return tuple(f for f in self.findings if f.waived is None and f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Unwaived findings at ``warning``."""
        return tuple(
            f for f in self.findings if f.waived is None and f.severity is Severity.WARNING
        )

    def codes(self) -> list[str]:
        """The codes of every finding, in report order (duplicates kept)."""
        return [f.code for f in self.findings]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: version, as_of, law date, status, fail_on, ok, counts, findings."""
        return {
            "psed_version": self.version,
            "as_of": self.as_of.isoformat(),
            "law_date": None if self.law_date is None else self.law_date.isoformat(),
            "law_date_source": self.law_date_source,
            "status": None if self.status is None else self.status.value,
            "fail_on": self.fail_on.value,
            "ok": self.ok,
            "counts": self.counts,
            "findings": [f.to_dict() for f in self.findings],
        }

    def by_pointer(self, **options: Any) -> dict[str, list[Finding]]:
        """Findings grouped by pointer for inline form messages; see :func:`psed.forms.by_pointer`.

        .. versionadded:: 0.1.0
        """
        from psed import forms  # forms imports this module

        return forms.by_pointer(self, **options)

    def error_summary(self, **options: Any) -> list[dict[str, str]]:
        """The GOV.UK error summary ``[{"text", "href"}]``; see :func:`psed.forms.error_summary`.

        .. versionadded:: 0.1.0
        """
        from psed import forms  # forms imports this module

        return forms.error_summary(self, **options)


def _translated(finding: Finding, lang: str) -> Finding:
    if finding.lang == lang or finding.source is None:
        return finding
    english = finding.message if finding.lang == DEFAULT_LANG else finding.message_en
    message = finding.source.text(lang)
    return attrs.evolve(
        finding,
        message=message,
        lang=lang,
        message_en=None if lang == DEFAULT_LANG else english,
    )


@overload
def translate(findings: Report, lang: str) -> Report: ...
@overload
def translate(findings: Finding, lang: str) -> Finding: ...
@overload
def translate(findings: Iterable[Finding], lang: str) -> list[Finding]: ...


def translate(
    findings: Report | Finding | Iterable[Finding], lang: str
) -> Report | Finding | list[Finding]:
    """The same report, finding or findings with their messages in ``lang``.

    ``lang`` is ``"en"`` or ``"cy"`` (ValueError otherwise). A finding keeps its
    code, pointer, severity and every other field; its :attr:`Finding.message` is
    given in ``lang`` and, when that is not English, :attr:`Finding.message_en` holds
    the English. A plug-in's plain-text message stays as written. Returns the same
    kind it was given (a Report, a Finding, or a list of findings).

    .. versionadded:: 0.2.0
    """
    code = choose_lang(lang)
    if isinstance(findings, Finding):
        return _translated(findings, code)
    if isinstance(findings, Report):
        return attrs.evolve(
            findings, findings=[_translated(f, code) for f in findings.findings], lang=code
        )
    return [_translated(f, code) for f in findings]
