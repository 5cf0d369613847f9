"""Helpers for form backends: show each problem next to the field it concerns.

An online assessment form posts a JSON payload; the backend calls
:func:`psed.validate` and turns the :class:`~psed.findings.Report` into what the
GOV.UK error-summary pattern needs:

- :func:`problems`: one :class:`Problem` per problem a person can fix: several
  findings on one field are one problem (the most severe one's message shows),
  and one action that fixes many ("Assess the impact on: Race, Sex") is one item;
- :func:`error_summary`: a list of ``{"text": ..., "href": "#field-id"}`` for the
  box at the top of the page, in report (document) order;
- :func:`field_errors`: the one message to show inline at each field;
- :func:`by_field` and :func:`by_pointer`: the findings themselves, grouped;
- :func:`form_response`: the JSON body a validation endpoint returns
  (``ok``, ``summary``, ``errors_by_field``, ``findings``);
- :func:`split_date`, :func:`join_date`, :func:`date_problem`: GOV.UK date inputs
  (day, month and year in three boxes) to and from the format's ``YYYY-MM-DD``.

The text shown is each finding's :attr:`~psed.Finding.form_message`: short, plain,
in the GOV.UK style ("Enter a description of the proposal"), with no code or field
name. The fuller :attr:`~psed.Finding.message` stays on the finding for reports.

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
if that id is on the form, else to ``impacts``. A pointer none of whose places
is on the form is not linked to an unrelated field: its summary item has no
``href`` and it has no inline message (only the whole document, ``""``, links to
the document's id, ``name``).

.. versionadded:: 0.1.0
.. versionchanged:: 0.2.0
   The summary and inline messages are the short form messages, one per field and
   one for a missing set of characteristics; with ``fields=``, a finding with no
   place on the form is no longer linked to ``#name``; :class:`Problem`,
   :func:`problems`, :func:`field_errors` and the date helpers are new.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Any, TypeAlias

import attrs

from psed._form_messages import FIELD_NAMES, FORM_MESSAGES, date_message, grouped_message
from psed.findings import Finding, Report, Severity, translate

__all__ = [
    "DATE_PARTS",
    "DEFAULT_SEVERITIES",
    "DOCUMENT_FIELD_ID",
    "FIELD_NAMES",
    "FORM_MESSAGES",
    "DateParts",
    "FieldIdMap",
    "Problem",
    "by_field",
    "by_pointer",
    "date_problem",
    "error_summary",
    "field_errors",
    "field_id_for",
    "form_response",
    "join_date",
    "pointer_ancestors",
    "pointer_to_field_id",
    "problems",
    "select_findings",
    "split_date",
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
) -> str | None:
    """The id of the form field a pointer's finding is shown at, or None.

    Without ``fields`` this is just the mapping of ``pointer``. With ``fields`` (the
    ids on the form), it is the mapping of the pointer's nearest place whose id is
    on the form: the pointer itself, then each parent below the whole document. The
    whole document's id is used only for the whole document (``""``): a finding
    about the decision on a form without decision fields has no field (None) rather
    than a link to an unrelated one.

    >>> field_id_for("/impacts/0/aims/advance", fields={"name", "impacts-0"})
    'impacts-0'
    >>> field_id_for("/impacts/0/aims/advance", fields={"name", "impacts-0-impact"}) is None
    True
    >>> field_id_for("", fields={"name"})
    'name'

    .. versionchanged:: 0.2.0
       None, not the document's id, for a pointer with no place on the form.
    """
    mapper = _mapper(field_id)
    if fields is None:
        return mapper(pointer)
    for candidate in pointer_ancestors(pointer):
        if candidate == "" and pointer != "":
            return None
        fid = mapper(candidate)
        if fid in fields:
            return fid
    return None


def _severity_set(severities: Iterable[Severity | str] | None) -> frozenset[Severity] | None:
    if severities is None:
        return None
    return frozenset(Severity(s) for s in severities)


def _field_set(fields: Collection[str] | None) -> Collection[str] | None:
    return None if fields is None else frozenset(fields)


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
    :func:`field_id_for`); ids are in order of first appearance. With ``fields``, a
    finding with no place on the form is left out (it has no field to sit at).
    """
    places = _places(report, field_id, fields, severities, include_waived, lang)
    return {where: found for (placed, where), found in places.items() if placed}


def _places(
    report: Report | Iterable[Finding],
    field_id: FieldIdMap | None,
    fields: Collection[str] | None,
    severities: Iterable[Severity | str] | None,
    include_waived: bool,
    lang: str | None,
) -> dict[tuple[bool, str], list[Finding]]:
    """The shown findings by place, in order of first appearance: ``(True, field id)``
    for a finding with a field, ``(False, its pointer)`` for one with no place on the form.
    """
    on_form = _field_set(fields)
    places: dict[tuple[bool, str], list[Finding]] = {}
    for f in select_findings(
        report, severities=severities, include_waived=include_waived, lang=lang
    ):
        fid = field_id_for(f.pointer, field_id=field_id, fields=on_form)
        key = (True, fid) if fid is not None else (False, f.pointer)
        places.setdefault(key, []).append(f)
    return places


# --------------------------------------------------------------------------------------
# Dates typed in three boxes.
# --------------------------------------------------------------------------------------

DATE_PARTS = ("day", "month", "year")
"""The parts of a GOV.UK date input, in the order they appear on the page."""


@attrs.frozen(kw_only=True)
class DateParts:
    """A date as a person typed it into the day, month and year boxes (text, as typed).

    .. versionadded:: 0.2.0
    """

    day: str = ""
    month: str = ""
    year: str = ""

    def blank(self) -> bool:
        """True when nothing was typed in any box."""
        return not (self.day.strip() or self.month.strip() or self.year.strip())


_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


def split_date(value: object) -> DateParts:
    """The three boxes for a date of the format (``2022-11-18`` -> 18, 11, 2022).

    A date object works too. Text that :func:`join_date` made from boxes that were
    not a real date is split back into what was typed, so the person sees it again;
    anything else gives empty boxes.

    >>> split_date("2022-11-08")
    DateParts(day='8', month='11', year='2022')

    .. versionadded:: 0.2.0
    """
    if hasattr(value, "isoformat") and not isinstance(value, str):
        value = value.isoformat()
    if not isinstance(value, str):
        return DateParts()
    found = _ISO.fullmatch(value)
    if found:
        year, month, day = found.groups()
        return DateParts(day=str(int(day)), month=str(int(month)), year=year)
    pieces = value.split("-")
    if len(pieces) == 3:
        return DateParts(day=pieces[2], month=pieces[1], year=pieces[0])
    return DateParts()


def _number(text: str) -> int | None:
    text = text.strip()
    if 0 < len(text) <= 4 and text.isascii() and text.isdigit():
        return int(text)
    return None


def join_date(parts: DateParts) -> str | None:
    """The format's date text for three boxes: ``YYYY-MM-DD``, or None when all are blank.

    Boxes that do not make a real date give text that is not one (``2022-13-5``), so
    :func:`psed.validate` reports the date at its field and :func:`split_date` gives
    the boxes back as typed.

    >>> join_date(DateParts(day="8", month="11", year="2022"))
    '2022-11-08'
    >>> join_date(DateParts())

    .. versionadded:: 0.2.0
    """
    if parts.blank():
        return None
    day, month, year = _number(parts.day), _number(parts.month), _number(parts.year)
    if day is not None and month is not None and year is not None and len(parts.year.strip()) == 4:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{parts.year.strip()}-{parts.month.strip()}-{parts.day.strip()}"


def date_problem(parts: DateParts, pointer: str, *, lang: str = "en") -> tuple[str, str] | None:
    """What is wrong with three date boxes: ``(part, message)``, or None when nothing is.

    ``part`` is the box the error summary links to (the first one with the problem);
    the message follows the GOV.UK date input's pattern ("The review date must
    include a month", "Enter the review date as a real date, like 18 11 2022").
    Blank boxes are not a problem here (whether a date is needed is for the rules).

    .. versionadded:: 0.2.0
    """
    if parts.blank():
        return None
    missing = [name for name in DATE_PARTS if not getattr(parts, name).strip()]
    if missing:
        return missing[0], date_message("date." + ".".join(missing), pointer, lang=lang)
    values = {name: _number(getattr(parts, name)) for name in DATE_PARTS}
    for name in DATE_PARTS:
        if values[name] is None:
            return name, date_message("date.real", pointer, lang=lang)
    year, month, day = values["year"], values["month"], values["day"]
    assert year is not None
    assert month is not None
    assert day is not None
    if len(parts.year.strip()) != 4 or year < 1:
        return "year", date_message("date.year4", pointer, lang=lang)
    if not 1 <= month <= 12:
        return "month", date_message("date.real", pointer, lang=lang)
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return "day", date_message("date.real", pointer, lang=lang)
    return None


# --------------------------------------------------------------------------------------
# Problems: what a form shows.
# --------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Problem:
    """One problem as a form shows it: one error-summary item and one inline message.

    .. versionadded:: 0.2.0
    """

    text: str
    """The message to show: the chosen finding's form message, or one for a group."""
    pointer: str
    """Where the problem is: the first of its findings' pointers."""
    field_id: str | None
    """The field the inline message sits at; None when the form has no place for it."""
    href: str | None
    """Where the summary links to (``#id``): the field, or the box of a date that is
    wrong; None when the problem has no place on the form."""
    severity: Severity
    """The most severe of its findings' severities."""
    findings: tuple[Finding, ...]
    """Every shown finding at this field, the ones the text speaks for first."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: text, pointer, field_id, href, severity and the codes."""
        return {
            "text": self.text,
            "pointer": self.pointer,
            "field_id": self.field_id,
            "href": self.href,
            "severity": self.severity.value,
            "codes": [f.code for f in self.findings],
        }


def problems(
    report: Report | Iterable[Finding],
    *,
    field_id: FieldIdMap | None = None,
    fields: Collection[str] | None = None,
    severities: Iterable[Severity | str] | None = DEFAULT_SEVERITIES,
    include_waived: bool = False,
    dates: Mapping[str, DateParts] | None = None,
    lang: str | None = None,
) -> list[Problem]:
    """The problems a form shows, one per field, in report (document) order.

    The shown findings (see :func:`select_findings`) are placed at fields as
    :func:`field_id_for` says. All the findings at one field make one problem: its
    text is the form message of the most severe (the first of those in report
    order), and when that finding's code is one that one action fixes for many
    (a missing characteristic, PSED101), every such finding at the field is in one
    message ("Assess the impact on: Gender reassignment, Race"). A finding with no
    place on the form is a problem of its own pointer, without a link.

    ``dates`` maps the pointer of each date field to the boxes typed (as
    :class:`DateParts`): a date that is wrong gets the date input's own message and
    a link to its first wrong box (``#review_date-month``); any other problem with a
    date links to its day box, as the GOV.UK date input asks.

    .. versionadded:: 0.2.0
    """
    return _problems(_places(report, field_id, fields, severities, include_waived, lang), dates)


def _problems(
    places: dict[tuple[bool, str], list[Finding]], dates: Mapping[str, DateParts] | None
) -> list[Problem]:
    """:func:`problems`, from the findings by place."""
    out: list[Problem] = []
    for (placed, where), found in places.items():
        top = max(f.severity.rank for f in found)
        first = next(f for f in found if f.severity.rank == top)
        lead = [first]
        text = first.form_message
        if grouped_message(first.code, []) is not None:
            lead = [f for f in found if f.code == first.code and f.severity.rank == top]
            if len(lead) > 1:
                characteristics = [f.characteristic for f in lead]
                text = grouped_message(first.code, characteristics, lang=first.lang) or text
        rest = [f for f in found if f not in lead]
        fid = where if placed else None
        href = None if fid is None else "#" + fid
        if fid is not None and dates is not None and first.pointer in dates:
            wrong = date_problem(dates[first.pointer], first.pointer, lang=first.lang)
            if wrong is not None and first.code in ("PSED003", "PSED004"):
                text = wrong[1]
            href = f"#{fid}-{wrong[0] if wrong is not None else DATE_PARTS[0]}"
        out.append(
            Problem(
                text=text,
                pointer=first.pointer,
                field_id=fid,
                href=href,
                severity=first.severity,
                findings=(*lead, *rest),
            )
        )
    return out


def error_summary(
    report: Report | Iterable[Finding],
    *,
    field_id: FieldIdMap | None = None,
    fields: Collection[str] | None = None,
    severities: Iterable[Severity | str] | None = DEFAULT_SEVERITIES,
    include_waived: bool = False,
    dates: Mapping[str, DateParts] | None = None,
    lang: str | None = None,
) -> list[dict[str, str]]:
    """The GOV.UK error summary: ``[{"text": message, "href": "#field-id"}, ...]``.

    One item per problem (see :func:`problems`), in report order (document order),
    so the summary reads top to bottom like the form. Errors and warnings that are
    not waived are shown by default; pass ``severities=("error",)`` to show only
    errors, or ``include_waived=True`` to list accepted findings too. An item with
    no place on the form (only with ``fields=``) has no ``href``.

    .. versionchanged:: 0.2.0
       One item per field, with the short form message; one item for a set of
       missing characteristics.
    """
    items: list[dict[str, str]] = []
    for problem in problems(
        report,
        field_id=field_id,
        fields=fields,
        severities=severities,
        include_waived=include_waived,
        dates=dates,
        lang=lang,
    ):
        item = {"text": problem.text}
        if problem.href is not None:
            item["href"] = problem.href
        items.append(item)
    return items


def field_errors(
    report: Report | Iterable[Finding],
    *,
    field_id: FieldIdMap | None = None,
    fields: Collection[str] | None = None,
    severities: Iterable[Severity | str] | None = DEFAULT_SEVERITIES,
    include_waived: bool = False,
    dates: Mapping[str, DateParts] | None = None,
    lang: str | None = None,
) -> dict[str, str]:
    """The one inline message for each field with a problem: field id -> text.

    The same text as the field's error-summary item, as the GOV.UK pattern asks.

    .. versionadded:: 0.2.0
    """
    return {
        p.field_id: p.text
        for p in problems(
            report,
            field_id=field_id,
            fields=fields,
            severities=severities,
            include_waived=include_waived,
            dates=dates,
            lang=lang,
        )
        if p.field_id is not None
    }


def form_response(
    report: Report,
    *,
    field_id: FieldIdMap | None = None,
    fields: Collection[str] | None = None,
    severities: Iterable[Severity | str] | None = DEFAULT_SEVERITIES,
    include_waived: bool = False,
    dates: Mapping[str, DateParts] | None = None,
    lang: str | None = None,
) -> dict[str, Any]:
    """The JSON body a validation endpoint returns to a form front end.

    ``ok`` (the report's verdict), ``summary`` (:func:`error_summary`),
    ``errors_by_field`` (field id -> ``[{"code", "severity", "message",
    "form_message", "pointer"}]``, every shown finding at the field),
    ``field_errors`` (:func:`field_errors`: the one message to show at each field)
    and ``findings`` (every finding, as :meth:`psed.Finding.to_dict`, info and
    waived included).

    .. versionchanged:: 0.2.0
       ``field_errors``, and ``form_message`` in ``errors_by_field``.
    """
    places = _places(report, field_id, fields, severities, include_waived, lang)
    shown = _problems(places, dates)
    return {
        "ok": report.ok,
        "summary": [
            {"text": p.text, **({"href": p.href} if p.href is not None else {})} for p in shown
        ],
        "errors_by_field": {
            fid: [
                {
                    "code": f.code,
                    "severity": f.severity.value,
                    "message": f.message,
                    "form_message": f.form_message,
                    "pointer": f.pointer,
                }
                for f in found
            ]
            for (placed, fid), found in places.items()
            if placed
        },
        "field_errors": {p.field_id: p.text for p in shown if p.field_id is not None},
        "findings": [
            f.to_dict()
            for f in (report.findings if lang is None else translate(report, lang).findings)
        ],
    }
