"""Helpers for form backends: show each finding next to the field it concerns.

An online assessment form posts a JSON payload; the backend calls
:func:`psed.validate` and turns the :class:`~psed.findings.Report` into what the
GOV.UK error-summary pattern needs:

- :func:`error_summary`: a list of ``{"text": ..., "href": "#field-id"}`` for the
  box at the top of the page, in report (document) order;
- :func:`by_field`: the findings for each field id, for the inline
  ``govuk-error-message`` next to each field;
- :func:`by_pointer`: the same grouped by JSON Pointer, for front ends that map
  pointers themselves;
- :func:`form_response`: the JSON body a validation endpoint returns
  (``ok``, ``summary``, ``errors_by_field``, ``findings``).

**Pointer to field id.** By default a JSON Pointer becomes a field id by joining
its tokens with ``-`` (:func:`pointer_to_field_id`):
``/impacts/2/mitigations/0/owner`` -> ``impacts-2-mitigations-0-owner``,
``/service_profile/customers`` -> ``service_profile-customers``. The whole
document (``""``) maps to ``name``, the first field of every assessment form.
Characters other than ASCII letters, digits, ``_`` and ``-`` become ``-`` so
the id is safe in ``href="#..."`` and in CSS selectors.

Pass ``field_id=`` (a function from pointer to id, or a mapping of pointers to
ids consulted before the default) to follow your own naming. Pass ``fields=``
(the ids present on your form) and a pointer that has no field on the form
falls back to its nearest ancestor that has one: ``/impacts`` (where PSED101
reports a missing characteristic) goes to the ``impacts`` section; a finding on
``/impacts/0/aims/advance`` on a form without aims fields goes to ``impacts-0``
if that id is on the form, else to ``impacts``, and in the end to the
document's id (``name``).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Any, TypeAlias

from psed.findings import Finding, Report, Severity, translate

__all__ = [
    "DEFAULT_SEVERITIES",
    "DOCUMENT_FIELD_ID",
    "FieldIdMap",
    "by_field",
    "by_pointer",
    "error_summary",
    "field_id_for",
    "form_response",
    "pointer_ancestors",
    "pointer_to_field_id",
    "select_findings",
]

DOCUMENT_FIELD_ID = "name"
"""The field id the whole document (pointer ``""``) links to: the proposal's name."""

DEFAULT_SEVERITIES: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING)
"""Severities shown to a form user by default; ``info`` (a draft's to-do list) is left out."""

FieldIdMap: TypeAlias = Callable[[str], str] | Mapping[str, str]
"""A pointer-to-field-id mapping: a function, or a mapping consulted before the default."""

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _tokens(pointer: str) -> list[str]:
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        # Not an RFC 6901 pointer; treat it as a single key so it still gets an id.
        return [pointer]
    return [_unescape(t) for t in pointer[1:].split("/")]


def pointer_to_field_id(pointer: str) -> str:
    """The default field id for a JSON Pointer: its tokens joined with ``-``.

    ``""`` (the whole document) maps to :data:`DOCUMENT_FIELD_ID`. Characters that
    are not ASCII letters, digits, ``_`` or ``-`` become ``-``.

    >>> pointer_to_field_id("/impacts/2/mitigations/0/owner")
    'impacts-2-mitigations-0-owner'
    >>> pointer_to_field_id("")
    'name'
    """
    tokens = _tokens(pointer)
    if not tokens:
        return DOCUMENT_FIELD_ID
    return _UNSAFE.sub("-", "-".join(tokens)) or DOCUMENT_FIELD_ID


def pointer_ancestors(pointer: str) -> Iterator[str]:
    """The pointer itself, then each parent up to and including ``""``.

    >>> list(pointer_ancestors("/impacts/2/details"))
    ['/impacts/2/details', '/impacts/2', '/impacts', '']
    """
    current = pointer
    while True:
        yield current
        if current == "":
            return
        cut = current.rfind("/")
        current = current[:cut] if cut > 0 else ""


def _mapper(field_id: FieldIdMap | None) -> Callable[[str], str]:
    if field_id is None:
        return pointer_to_field_id
    if isinstance(field_id, Mapping):
        table = field_id

        def mapped(pointer: str) -> str:
            return table.get(pointer) or pointer_to_field_id(pointer)

        return mapped
    return field_id


def field_id_for(
    pointer: str,
    *,
    field_id: FieldIdMap | None = None,
    fields: Collection[str] | None = None,
) -> str:
    """The id of the form field a pointer's finding is shown at.

    Without ``fields`` this is just the mapping of ``pointer``. With ``fields`` (the
    ids on the form), it is the mapping of the pointer's nearest ancestor whose id
    is on the form (the pointer itself first); if none is, the mapping of ``""``.

    >>> field_id_for("/impacts/0/aims/advance", fields={"name", "impacts-0-impact"})
    'name'
    >>> field_id_for("/impacts/0/aims/advance", fields={"name", "impacts-0"})
    'impacts-0'
    """
    mapper = _mapper(field_id)
    if fields is None:
        return mapper(pointer)
    for candidate in pointer_ancestors(pointer):
        fid = mapper(candidate)
        if fid in fields:
            return fid
    return mapper("")


def _severity_set(severities: Iterable[Severity | str] | None) -> frozenset[Severity] | None:
    if severities is None:
        return None
    return frozenset(Severity(s) for s in severities)


def select_findings(
    report: Report | Iterable[Finding],
    *,
    severities: Iterable[Severity | str] | None = DEFAULT_SEVERITIES,
    include_waived: bool = False,
    lang: str | None = None,
) -> list[Finding]:
    """The findings a form user should see, in report order.

    ``severities`` keeps those severities (None keeps all); waived findings are
    left out unless ``include_waived``. ``lang`` (``"en"`` or ``"cy"``) gives the
    messages in that language; None keeps the report's own.

    .. versionchanged:: 0.2.0
       ``lang``.
    """
    wanted = _severity_set(severities)
    findings = report.findings if isinstance(report, Report) else tuple(report)
    shown = [
        f
        for f in findings
        if (include_waived or f.waived is None) and (wanted is None or f.severity in wanted)
    ]
    return shown if lang is None else translate(shown, lang)


def by_pointer(
    report: Report | Iterable[Finding],
    *,
    severities: Iterable[Severity | str] | None = DEFAULT_SEVERITIES,
    include_waived: bool = False,
    lang: str | None = None,
) -> dict[str, list[Finding]]:
    """The shown findings grouped by pointer, pointers in order of first appearance.

    Filters as :func:`select_findings` (errors and warnings, unwaived, by default;
    ``severities=None, include_waived=True`` groups every finding).
    """
    grouped: dict[str, list[Finding]] = {}
    for f in select_findings(
        report, severities=severities, include_waived=include_waived, lang=lang
    ):
        grouped.setdefault(f.pointer, []).append(f)
    return grouped


def by_field(
    report: Report | Iterable[Finding],
    *,
    field_id: FieldIdMap | None = None,
    fields: Collection[str] | None = None,
    severities: Iterable[Severity | str] | None = DEFAULT_SEVERITIES,
    include_waived: bool = False,
    lang: str | None = None,
) -> dict[str, list[Finding]]:
    """The shown findings grouped by the form field id they are displayed at.

    Several pointers can land on one field through the ancestor fallback (see
    :func:`field_id_for`); ids are in order of first appearance.
    """
    grouped: dict[str, list[Finding]] = {}
    for f in select_findings(
        report, severities=severities, include_waived=include_waived, lang=lang
    ):
        fid = field_id_for(f.pointer, field_id=field_id, fields=fields)
        grouped.setdefault(fid, []).append(f)
    return grouped


def error_summary(
    report: Report | Iterable[Finding],
    *,
    field_id: FieldIdMap | None = None,
    fields: Collection[str] | None = None,
    severities: Iterable[Severity | str] | None = DEFAULT_SEVERITIES,
    include_waived: bool = False,
    lang: str | None = None,
) -> list[dict[str, str]]:
    """The GOV.UK error summary: ``[{"text": message, "href": "#field-id"}, ...]``.

    One entry per shown finding, in report order (document order), so the summary
    reads top to bottom like the form. Errors and warnings that are not waived are
    shown by default; pass ``severities=("error",)`` to show only errors, or
    ``include_waived=True`` to list accepted findings too. ``lang="cy"`` gives the
    summary in Welsh (each finding also keeps its English in ``message_en``).
    """
    return [
        {
            "text": f.message,
            "href": "#" + field_id_for(f.pointer, field_id=field_id, fields=fields),
        }
        for f in select_findings(
            report, severities=severities, include_waived=include_waived, lang=lang
        )
    ]


def form_response(
    report: Report,
    *,
    field_id: FieldIdMap | None = None,
    fields: Collection[str] | None = None,
    severities: Iterable[Severity | str] | None = DEFAULT_SEVERITIES,
    include_waived: bool = False,
    lang: str | None = None,
) -> dict[str, Any]:
    """The JSON body a validation endpoint returns to a form front end.

    ``ok`` (the report's verdict), ``summary`` (:func:`error_summary`),
    ``errors_by_field`` (field id -> ``[{"code", "severity", "message", "pointer"}]``
    for the inline messages) and ``findings`` (every finding, as
    :meth:`psed.Finding.to_dict`, info and waived included).
    """
    fields_map = by_field(
        report,
        field_id=field_id,
        fields=fields,
        severities=severities,
        include_waived=include_waived,
        lang=lang,
    )
    return {
        "ok": report.ok,
        "summary": error_summary(
            report,
            field_id=field_id,
            fields=fields,
            severities=severities,
            include_waived=include_waived,
            lang=lang,
        ),
        "errors_by_field": {
            fid: [
                {
                    "code": f.code,
                    "severity": f.severity.value,
                    "message": f.message,
                    "pointer": f.pointer,
                }
                for f in found
            ]
            for fid, found in fields_map.items()
        },
        "findings": [
            f.to_dict()
            for f in (report.findings if lang is None else translate(report, lang).findings)
        ],
    }
