"""Short error messages for the people who fill in an assessment form.

Every finding carries a fuller :attr:`psed.Finding.message` for the people who
read a report. A form shows something shorter, in the style of the GOV.UK
Design System's error messages: say what happened and how to fix it, in plain
words, without codes or field names ("Enter a description of the proposal",
"Enter the number of customers as a whole number, like 1800").

Two tables hold every word: :data:`FIELD_NAMES` (how a message names each field
of the format, by its path with list indexes written ``*``) and
:data:`FORM_MESSAGES` (each message as one complete format string, by message
id). A message id is a rule code (``PSED107``), a code and a situation
(``PSED004.date``), or a code and a field path (``PSED108:service_profile``),
so a translation can take each entry as it is (the message catalogue holds every
entry of both tables, with the contexts :data:`FORM_MESSAGE` and :data:`FORM_FIELD`,
and ``lang="cy"`` gives them in Welsh). Placeholders: ``{field}`` (the
field's name from :data:`FIELD_NAMES`), ``{Field}`` (the same with a capital
letter, to start a sentence), ``{characteristic}`` (the characteristic's label)
and ``{characteristics}`` (several labels, for one message about many).

This module reads only the field table and the catalogue; it never imports the
findings, so :class:`psed.Finding` can fill in its ``form_message`` from here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from psed._i18n import DEFAULT_LANG, template_for
from psed._i18n_tables import CHARACTERISTIC
from psed._reading.fields import CLASS_SPECS, FieldSpec, Kind
from psed.model import Proposal

if TYPE_CHECKING:
    from psed.catalogue import Catalogue

__all__ = [
    "DATE_EXAMPLE",
    "FIELD_NAMES",
    "FORM_FIELD",
    "FORM_MESSAGE",
    "FORM_MESSAGES",
    "GROUPED",
    "date_message",
    "field_name",
    "field_path",
    "form_message",
    "grouped_message",
    "message_id",
]

FORM_MESSAGE = "form message"
"""The catalogue context of an entry of :data:`FORM_MESSAGES`."""

FORM_FIELD = "form field"
"""The catalogue context of a field's name (:data:`FIELD_NAMES`) in a form message."""

UNKNOWN_FIELD = "this answer"
"""How a message names a place the field table does not know."""

UNKNOWN_CHARACTERISTIC = "this characteristic"
"""How a message names a characteristic it has no name for."""

DATE_EXAMPLE = "18 11 2022"
"""The example date the messages give, written as a person types it in three boxes."""

FIELD_NAMES: dict[str, str] = {
    "": "the assessment",
    "schema_version": "the format version of the assessment",
    "id": "your reference for the assessment",
    "name": "the name of the proposal",
    "description": "a description of the proposal",
    "organisation": "the name of the organisation",
    "directorate": "the directorate",
    "programme": "the programme the proposal is part of",
    "version": "the version of the assessment",
    "published": "the date the assessment was published",
    "framework": "the kind of assessment",
    "status": "the status of the assessment",
    "level": "the level of assessment",
    "screening": "the screening",
    "screening/outcome": "the screening outcome",
    "screening/date": "the screening date",
    "screening/rationale": "the reason for the screening outcome",
    "strategic": "whether the decision is strategic",
    "functions": "the functions the proposal concerns",
    "functions/*": "the function",
    "service_profile": "the service profile",
    "service_profile/description": "a description of the service and who uses it",
    "service_profile/customers": "the number of customers",
    "impact_summary": "a summary of the impact and issues",
    "positive_impacts": "the positive impacts",
    "evidence": "the evidence",
    "evidence/*": "the evidence",
    "evidence/*/source": "the source of the evidence",
    "evidence/*/summary": "a summary of the evidence",
    "evidence/*/date": "the date of the evidence",
    "evidence/*/url": "the web address of the evidence",
    "evidence/*/kind": "the kind of evidence",
    "evidence/*/area": "the area the evidence covers",
    "engagement": "the engagement",
    "engagement/*": "the engagement",
    "engagement/*/audience": "who was engaged",
    "engagement/*/method": "how people were engaged",
    "engagement/*/date": "the start date of the engagement",
    "engagement/*/end": "the end date of the engagement",
    "engagement/*/summary": "a summary of what people said",
    "engagement/*/changes": "what changed as a result",
    "alternatives": "the alternatives considered",
    "alternatives/*": "the alternative",
    "alternatives/*/option": "the alternative",
    "alternatives/*/chosen": "whether this alternative was chosen",
    "alternatives/*/reason": "the reason for choosing or rejecting the alternative",
    "impacts": "the impacts",
    "impacts/*": "the impact",
    "impacts/*/characteristic": "the characteristic",
    "impacts/*/group": "the group",
    "impacts/*/impact": "the impact",
    "impacts/*/aims": "the impact on each aim",
    "impacts/*/aims/eliminate": "the impact on eliminating discrimination",
    "impacts/*/aims/advance": "the impact on advancing equality of opportunity",
    "impacts/*/aims/foster": "the impact on fostering good relations",
    "impacts/*/details": "details of the impact",
    "impacts/*/mitigations": "the mitigating actions",
    "impacts/*/mitigations/*": "the mitigating action",
    "impacts/*/mitigations/*/action": "the mitigating action",
    "impacts/*/mitigations/*/owner": "the owner of the action",
    "impacts/*/mitigations/*/due": "the date the action is due",
    "impacts/*/mitigations/*/status": "the progress of the action",
    "impacts/*/mitigations/*/monitoring": "how the action will be monitored",
    "impacts/*/justification": "the justification for the adverse impact",
    "impacts/*/monitoring": "how the impact will be monitored",
    "intersections": "where characteristics combine",
    "intersections/*": "where characteristics combine",
    "intersections/*/characteristics": "the characteristics that combine",
    "intersections/*/characteristics/*": "the characteristic",
    "intersections/*/details": "details of the combined impact",
    "decision": "the decision",
    "decision/outcome": "the decision outcome",
    "decision/justification": "the reason the proposal continues",
    "decision/date": "the decision date",
    "decision/maker": "who made the decision",
    "decision/report": "the report to the decision-maker",
    "decision/report/title": "the title of the report",
    "decision/report/ref": "the reference of the report",
    "decision/report/date": "the date of the report",
    "decision/report/url": "the web address of the report",
    "decision/report/assessment_appended": "whether the assessment was attached to the report",
    "decision/duty_statement": "how the report set out the equality duty",
    "contributors": "the people who took part",
    "contributors/*": "the person who took part",
    "contributors/*/name": "the name of the person who took part",
    "contributors/*/role": "the role of the person who took part",
    "responsible": "the responsible service manager",
    "responsible/name": "the name of the responsible service manager",
    "responsible/role": "the role of the responsible service manager",
    "responsible/date": "the date the responsible service manager signed",
    "approver": "the approver",
    "approver/name": "the name of the approver",
    "approver/role": "the role of the approver",
    "approver/date": "the approval date",
    "review_date": "the review date",
    "related": "the related assessments",
    "related/*": "the related assessment",
    "related/*/id": "the reference of the related assessment",
    "related/*/relation": "how the assessments are related",
    "related/*/title": "the title of the related assessment",
    "characteristics": "the characteristics added for this assessment",
    "characteristics/*": "the added characteristic",
    "characteristics/*/code": "the code of the added characteristic",
    "characteristics/*/label": "the name of the added characteristic",
    "characteristics/*/description": "a description of the added characteristic",
    "waivers": "the accepted findings",
    "waivers/*": "the accepted finding",
    "waivers/*/rule": "the check being accepted",
    "waivers/*/pointer": "where the accepted finding is",
    "waivers/*/reason": "the reason for accepting the finding",
    "waivers/*/approved_by": "who approved accepting the finding",
    "waivers/*/expires": "the date the acceptance ends",
}
"""How a message names each field: its path (list indexes as ``*``) -> a noun phrase."""

FORM_MESSAGES: dict[str, str] = {
    # Reading the document (the structural codes).
    "PSED001": "The assessment could not be read: send it again as a complete JSON object",
    "PSED002": "Enter {field}",
    "PSED002.choice": "Select {field}",
    "PSED003": "{Field} could not be read: enter it again",
    "PSED003.text": "Enter {field} as text",
    "PSED003.integer": "Enter {field} as a whole number, like 1800",
    "PSED003.date": "Enter {field} as a real date, like " + DATE_EXAMPLE,
    "PSED003.boolean": "Select yes or no for {field}",
    "PSED003.choice": "Select {field} from the list",
    "PSED004": "{Field} is not allowed: enter it again",
    "PSED004.text": "Enter {field} again: it contains a character that could not be read",
    "PSED004.code": "Enter {field} using lower case letters, numbers and underscores only",
    "PSED004:characteristics/*/code": "Enter a code of lower case letters, numbers and "
    "underscores that no other added characteristic uses",
    "PSED004.pointer": "Enter {field} as a place in the assessment, like /impacts/0/details",
    "PSED004.integer": "{Field} must be 0 or more",
    "PSED004.version": "The assessment uses a newer format than this service reads",
    "PSED004.date": "Enter {field} as a real date, like " + DATE_EXAMPLE,
    "PSED004.choice": "Select {field} from the list",
    "PSED004:alternatives/*/chosen": "Select only one alternative as the one chosen",
    "PSED004:related/*/id": "Enter the reference of another assessment, not this one",
    "PSED005": "Remove the answer to a question this form does not ask",
    "PSED006": "Select a characteristic from the list, or add it as a characteristic of your own",
    "PSED007": "Select the kind of assessment from the list",
    "PSED008": "There are too many problems to show: fix the ones shown, then check the "
    "assessment again",
    # Completeness.
    "PSED101": "Assess the impact on {characteristic}",
    "PSED101.grouped": "Assess the impact on: {characteristics}",
    "PSED102": "Merge the entries for {characteristic}, or give each a different group",
    "PSED103": "Select the impact on {characteristic}",
    "PSED104": "Enter details of the impact on {characteristic}",
    "PSED105": "Explain why there is no impact on {characteristic}",
    "PSED106": "Replace the template text left in {field}",
    "PSED107": "Enter a description of the proposal",
    "PSED108": "Enter {field}",
    "PSED108:service_profile": "Describe the service and enter the number of customers",
    "PSED109": "Enter a summary of the impact and issues",
    "PSED110": "Change the screening outcome: an impact is negative or mixed, so assess it in full",
    "PSED111": "Explain the reason for the screening outcome",
    "PSED112": "Give more detail about the impact on {characteristic}",
    "PSED113": "Enter the name of the proposal",
    # Mitigation.
    "PSED201": "Add an action to reduce the impact on {characteristic}, or explain why it is "
    "justified",
    "PSED202": "Enter the owner of the action",
    "PSED203": "Enter the date the action is due",
    "PSED204": "The action is overdue: update its progress or its due date",
    "PSED205": "Describe the mitigating action",
    "PSED206": "Explain how the impact on {characteristic} will be monitored",
    "PSED207": "Describe the mitigating action in more detail",
    # Sign-off, timing and review.
    "PSED301": "Enter the name of the responsible service manager",
    "PSED301:responsible": "Enter the name of the responsible service manager and the date "
    "they signed",
    "PSED302": "Enter the date the responsible service manager signed",
    "PSED302:responsible": "Enter the name of the responsible service manager and the date "
    "they signed",
    "PSED303": "Enter the name of the approver",
    "PSED303:approver": "Enter the name of the approver and the approval date",
    "PSED304": "Enter the approval date",
    "PSED304:approver": "Enter the name of the approver and the approval date",
    "PSED305": "The approval date must be on or after the date the responsible service manager "
    "signed",
    "PSED306": "The approver must be someone other than the responsible service manager",
    "PSED307": "{Field} must be today or in the past",
    "PSED308": "{Field} must be on or before the decision date",
    "PSED309": "Enter {field}",
    "PSED310": "Enter a review date",
    "PSED311": "The review date has passed: review the assessment and enter a new review date",
    "PSED312": "The review date must be after the approval date",
    "PSED313": "Record the report that put this assessment before the decision-maker",
    "PSED314": "The date of the report must be on or after the sign-off dates",
    "PSED315": "Name all three aims of the equality duty in how the report set out the duty",
    "PSED316": "The screening date must be on or before the decision date",
    # Evidence, engagement and outcome.
    "PSED401": "Add the evidence the assessment is based on",
    "PSED402": "Record how people affected by the negative or mixed impacts were engaged",
    "PSED403": "Select the decision outcome",
    "PSED403:decision": "Record the decision and select its outcome",
    "PSED404": "Explain why the proposal continues despite the negative or mixed impacts",
    "PSED405": "Select another outcome: no major change does not fit a negative or mixed impact",
    "PSED406": "The engagement must end on or before the decision date",
    "PSED407": "The consultation period is short: check its dates or explain why it was shorter",
    "PSED408": "Enter a summary of what people said",
    "PSED409": "Add the alternatives you considered to reduce the negative or mixed impacts",
    "PSED410": "Add evidence about the people who live in the area or use the service",
    "PSED411": "Add newer evidence, or explain why this evidence is still up to date",
    "PSED412": "Explain how you will find out what is missing about {characteristic}",
    "PSED503": "Explain how the impacts combine for people in more than one group",
    # Rigour.
    "PSED501": "Write details that are about {characteristic} alone",
    "PSED502": "Check the impact on {characteristic}: the details describe a negative effect",
    # Duties.
    "PSED601": "Explain the effect on crime and disorder and the other matters community safety "
    "covers",
    "PSED602": "Assess the impact on socio-economic disadvantage",
    "PSED603": "Assess the impact on the armed forces community",
    "PSED604": "Explain how the proposal affects opportunities to use Welsh and treats it no less "
    "favourably than English",
    "PSED607": "The law has changed since this assessment: review it against the duties now in "
    "force",
    # Portfolio.
    "PSED701": "Assess the combined impact of the programme on {characteristic}",
    "PSED702": "Enter a reference that no other assessment uses",
    "PSED703": "Check the reference of the related assessment",
    "PSED704": "Carry over the open actions of the assessment this one replaces",
    # Accepted findings.
    "PSED901": "Enter {field}",
    "PSED902": "The acceptance has ended: renew it or fix the problem it accepted",
    "PSED903": "Remove the accepted finding: the problem it accepts is no longer there",
    # Dates typed as day, month and year (psed.forms).
    "date.day": "{Field} must include a day",
    "date.month": "{Field} must include a month",
    "date.year": "{Field} must include a year",
    "date.day.month": "{Field} must include a day and month",
    "date.day.year": "{Field} must include a day and year",
    "date.month.year": "{Field} must include a month and year",
    "date.real": "Enter {field} as a real date, like " + DATE_EXAMPLE,
    "date.year4": "Enter the year of {field} as 4 numbers, like 2022",
}
"""Every form message, by message id, as a complete format string."""

GROUPED: dict[str, str] = {"PSED101": "PSED101.grouped"}
"""Codes whose findings on one field are one problem (one action fixes them all)."""

_CHOICE_KINDS = (Kind.ENUM, Kind.FRAMEWORK, Kind.CHARACTERISTIC_REF)
_SITUATION = {
    Kind.TEXT: "text",
    Kind.INTEGER: "integer",
    Kind.DATE: "date",
    Kind.BOOLEAN: "boolean",
    Kind.ENUM: "choice",
    Kind.FRAMEWORK: "choice",
    Kind.CHARACTERISTIC_REF: "choice",
}


_INDEX = re.compile(r"/[0-9]+(?=/|$)")


def field_path(pointer: str) -> str:
    """The path :data:`FIELD_NAMES` knows a pointer by: list indexes become ``*``.

    >>> field_path("/impacts/2/mitigations/0/owner")
    'impacts/*/mitigations/*/owner'
    """
    if not pointer.startswith("/"):
        return ""
    path = _INDEX.sub("/*", pointer)[1:]
    if "~" in path:
        path = path.replace("~1", "/").replace("~0", "~")
    return path


def _spec_at(path: str) -> FieldSpec | None:
    """The field-table entry a path names, or None when the format has no such field."""
    spec = CLASS_SPECS[Proposal]
    field: FieldSpec | None = None
    tokens = path.split("/") if path else []
    index = 0
    while index < len(tokens):
        field = spec.by_name.get(tokens[index])
        if field is None:
            return None
        index += 1
        if field.kind is Kind.LIST and index < len(tokens) and tokens[index] == "*":
            index += 1
            if field.item is not None:
                field = field.item
                if index < len(tokens):
                    return None
                break
        if index < len(tokens):
            if field.cls is None:
                return None
            spec = CLASS_SPECS[field.cls]
    return field


def field_name(pointer: str) -> str:
    """How a message names the field at ``pointer`` ("the review date").

    A place the table does not know (a key the format does not define) is "this answer".
    """
    return FIELD_NAMES.get(field_path(pointer), UNKNOWN_FIELD)


def _in(lang: str, context: str, english: str) -> str:
    """A table's entry in ``lang`` (the English one when the catalogue has none)."""
    return template_for(lang, english, context)


def _fill(lang: str, message: str, **values: str) -> str:
    """The form message ``message`` (an id) in ``lang`` with ``values`` (already in ``lang``).

    A translation the values do not fit gives the English wording, so a person always
    reads a whole message.
    """
    english = FORM_MESSAGES[message]
    try:
        return _in(lang, FORM_MESSAGE, english).format(**values)
    except (KeyError, IndexError, ValueError):
        return english.format(**values)


def _field_values(path: str, lang: str) -> dict[str, str]:
    name = _in(lang, FORM_FIELD, FIELD_NAMES.get(path, UNKNOWN_FIELD))
    return {"field": name, "Field": _capital(name)}


def message_id(code: str, pointer: str) -> str | None:
    """The id in :data:`FORM_MESSAGES` of the message for ``code`` at ``pointer``, or None.

    A message for the field itself (``PSED108:service_profile``) wins over a
    situation (``PSED004.date``, from the kind of field the pointer names), which
    wins over the code's own message.
    """
    return _message_id(code, field_path(pointer))


def _message_id(code: str, path: str) -> str | None:
    by_field = f"{code}:{path}"
    if by_field in FORM_MESSAGES:
        return by_field
    if code in ("PSED002", "PSED003", "PSED004"):
        spec = _spec_at(path)
        if spec is not None:
            situation = _situation(code, spec)
            if situation and f"{code}.{situation}" in FORM_MESSAGES:
                return f"{code}.{situation}"
    return code if code in FORM_MESSAGES else None


def _situation(code: str, spec: FieldSpec) -> str:
    if code == "PSED002":
        return "choice" if spec.kind in _CHOICE_KINDS else ""
    if code == "PSED004" and spec.kind is Kind.INTEGER and spec.const is not None:
        return "version"
    if code == "PSED004" and spec.kind is Kind.TEXT and spec.pattern is not None:
        return "pointer" if "pointer" in spec.name else "code"
    return _SITUATION.get(spec.kind, "")


_default_catalogue: Callable[[], Catalogue] | None = None


def _catalogue() -> Catalogue:
    global _default_catalogue
    if _default_catalogue is None:
        from psed.catalogue import default_catalogue  # built after the model and this table

        _default_catalogue = default_catalogue
    return _default_catalogue()


def _label(code: str | None, lang: str = DEFAULT_LANG) -> str:
    """A characteristic's label in ``lang``: a built-in label translated, any other as given."""
    if not code:
        return _in(lang, FORM_FIELD, UNKNOWN_CHARACTERISTIC)
    found = _catalogue().characteristic(code)
    if found is not None:
        return _in(lang, CHARACTERISTIC, found.label)
    words = code.replace("_", " ").strip()
    if not words:
        return _in(lang, FORM_FIELD, UNKNOWN_CHARACTERISTIC)
    return words[:1].upper() + words[1:]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def form_message(
    code: str, pointer: str, characteristic: str | None, fallback: str, *, lang: str = "en"
) -> str:
    """The short form message for a finding, or ``fallback`` for a code with none.

    ``fallback`` is the finding's full message: a rule from a plug-in that the table
    does not know still shows what it says. ``lang`` is ``en`` or ``cy`` (Welsh).
    """
    global _cached_for
    catalogue = _catalogue()
    if catalogue is not _cached_for:  # a characteristic registered since: labels may differ
        _message.cache_clear()
        _cached_for = catalogue
    found = _message(code, pointer, characteristic, lang)
    return fallback if found is None else found


_cached_for: object = None


@functools.lru_cache(maxsize=8192)
def _message(code: str, pointer: str, characteristic: str | None, lang: str) -> str | None:
    """The message for a code at a place (cached: a report repeats the same few)."""
    path = field_path(pointer)
    found = _message_id(code, path)
    if found is None:
        return None
    return _fill(
        lang,
        found,
        **_field_values(path, lang),
        characteristic=_label(characteristic, lang),
        characteristics="",
    )


def grouped_message(
    code: str, characteristics: list[str | None], *, lang: str = DEFAULT_LANG
) -> str | None:
    """One message for several findings of a grouped code ("Assess the impact on: Age, Race")."""
    found = GROUPED.get(code)
    if found is None:
        return None
    labels = ", ".join(dict.fromkeys(_label(c, lang) for c in characteristics))
    return _fill(lang, found, characteristics=labels)


def date_message(message: str, pointer: str, *, lang: str = DEFAULT_LANG) -> str:
    """A date input's message (``date.month``, ``date.real``, ...) for the date at ``pointer``."""
    return _fill(lang, message, **_field_values(field_path(pointer), lang))
