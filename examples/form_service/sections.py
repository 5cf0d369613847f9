"""The sections of the assessment form: their questions, and the form <-> document mapping.

Each section is one page of the task list. A section is made of groups: the
fields of one object of the document (the service profile, the decision), or
one row per item of a list (evidence, engagement). The impacts section is its
own shape: one block per characteristic the framework lists.

Every input's ``id`` and ``name`` is the field id :mod:`psed.forms` derives from
the JSON Pointer of the value it holds (``/service_profile/customers`` ->
``service_profile-customers``), so a finding finds its field; a date's boxes are
``<id>-day``, ``<id>-month`` and ``<id>-year``, as the GOV.UK date input names
them. Impact entries are named by characteristic rather than by position
(``impact-age-details``), so an entry left blank does not shift the others.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

import psed
from psed.forms import DateParts, join_date, pointer_to_field_id, split_date

__all__ = [
    "SECTIONS",
    "Field",
    "Group",
    "Section",
    "date_parts_in",
    "field_id_map",
    "read_section",
    "section_for",
    "section_questions",
    "summary_lists",
]

MAX_ROWS = 50
"""The most rows one list section shows (a longer list is kept, but edited no further)."""

Form = Mapping[str, str]
Question = dict[str, Any]


def _choices(enum: Any) -> tuple[tuple[str, str], ...]:
    return tuple((code, enum(code).label) for code in enum.codes())


@attrs.frozen(kw_only=True)
class Field:
    """One question: the key it fills in, its label and the kind of input."""

    key: str
    label: str
    kind: str = "text"  # text | textarea | number | date | choice
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    width: str = ""


@attrs.frozen(kw_only=True)
class Group:
    """The fields of one object (``path``, ``()`` for the top level) or of each list item."""

    path: tuple[str, ...]
    fields: tuple[Field, ...]
    legend: str = ""
    rows: bool = False
    row_label: str = ""


@attrs.frozen(kw_only=True)
class Section:
    """One page of the form and one task of the task list."""

    slug: str
    title: str
    intro: str
    pointers: tuple[str, ...]
    groups: tuple[Group, ...] = ()

    def owns(self, pointer: str) -> bool:
        """True when a finding at ``pointer`` is about this section."""
        return any(pointer == p or pointer.startswith(p + "/") for p in self.pointers)


_NAME = Field(key="name", label="Name of the role holder", width="govuk-input--width-20")
_ROLE = Field(key="role", label="Job title", width="govuk-input--width-20")


def _signed(label: str) -> Field:
    return Field(key="date", label=label, kind="date", hint="For example, 18 11 2022")


SECTIONS: tuple[Section, ...] = (
    Section(
        slug="proposal",
        title="About the proposal",
        intro="Say what is proposed and which kind of assessment this is.",
        pointers=("/name", "/description", "/framework"),
        groups=(
            Group(
                path=(),
                fields=(
                    Field(key="name", label="Name or brief description of the proposal"),
                    Field(
                        key="description",
                        label="Description of the proposal",
                        kind="textarea",
                        hint="What is proposed, and what it aims to do.",
                    ),
                    Field(
                        key="framework",
                        label="Kind of assessment",
                        kind="choice",
                        choices=tuple(
                            (f.id, f.label) for f in psed.default_catalogue().frameworks.values()
                        ),
                    ),
                ),
            ),
        ),
    ),
    Section(
        slug="service",
        title="Service profile",
        intro="Describe the service the proposal affects and who uses it.",
        pointers=("/service_profile",),
        groups=(
            Group(
                path=("service_profile",),
                fields=(
                    Field(
                        key="description",
                        label="The service and who uses it",
                        kind="textarea",
                    ),
                    Field(
                        key="customers",
                        label="Number of customers",
                        kind="number",
                        hint="A whole number, like 1800.",
                        width="govuk-input--width-10",
                    ),
                ),
            ),
        ),
    ),
    Section(
        slug="evidence",
        title="Evidence",
        intro="List the data, research and feedback the assessment relies on.",
        pointers=("/evidence",),
        groups=(
            Group(
                path=("evidence",),
                rows=True,
                row_label="Evidence",
                fields=(
                    Field(key="source", label="Source"),
                    Field(
                        key="kind",
                        label="Kind of evidence",
                        kind="choice",
                        choices=_choices(psed.EvidenceKind),
                    ),
                    Field(
                        key="area",
                        label="Area it covers (optional)",
                        hint="A place name or an ONS area code, like E06000045.",
                        width="govuk-input--width-20",
                    ),
                    Field(key="summary", label="What it shows", kind="textarea"),
                    Field(
                        key="date",
                        label="Date of the evidence",
                        kind="date",
                        hint="For example, 31 12 2020",
                    ),
                ),
            ),
        ),
    ),
    Section(
        slug="engagement",
        title="Engagement and consultation",
        intro="Record who you engaged, how, and what people said.",
        pointers=("/engagement",),
        groups=(
            Group(
                path=("engagement",),
                rows=True,
                row_label="Engagement",
                fields=(
                    Field(key="audience", label="Who was engaged"),
                    Field(key="method", label="How they were engaged"),
                    Field(
                        key="date", label="Start date", kind="date", hint="For example, 1 9 2021"
                    ),
                    Field(key="end", label="End date", kind="date", hint="For example, 27 10 2021"),
                    Field(key="summary", label="What people said", kind="textarea"),
                    Field(key="changes", label="What changed as a result", kind="textarea"),
                ),
            ),
        ),
    ),
    Section(
        slug="impacts",
        title="Impact on each characteristic",
        intro="For each characteristic, say what the impact is and why.",
        pointers=("/impacts",),
    ),
    Section(
        slug="summary",
        title="Summary of impact",
        intro="Sum up the impacts for the decision-maker.",
        pointers=("/impact_summary", "/positive_impacts"),
        groups=(
            Group(
                path=(),
                fields=(
                    Field(
                        key="impact_summary", label="Summary of impact and issues", kind="textarea"
                    ),
                    Field(key="positive_impacts", label="Positive impacts", kind="textarea"),
                ),
            ),
        ),
    ),
    Section(
        slug="decision",
        title="Decision",
        intro="Record the decision taken on the proposal.",
        pointers=("/decision",),
        groups=(
            Group(
                path=("decision",),
                fields=(
                    Field(
                        key="outcome",
                        label="Outcome",
                        kind="choice",
                        choices=_choices(psed.Outcome),
                    ),
                    Field(
                        key="justification",
                        label="Why the proposal continues despite adverse impact (if it does)",
                        kind="textarea",
                    ),
                    Field(
                        key="date",
                        label="Date of the decision",
                        kind="date",
                        hint="For example, 1 12 2021",
                    ),
                    Field(key="maker", label="Who decided", hint="For example, Cabinet."),
                    Field(
                        key="duty_statement",
                        label="How the decision report set out the equality duty",
                        kind="textarea",
                        hint=(
                            "What the report told the decision-maker about the duty to have due"
                            " regard to its three aims."
                        ),
                    ),
                ),
            ),
        ),
    ),
    Section(
        slug="signoff",
        title="Sign-off and review",
        intro="Who is responsible, who approved the assessment, and when it is reviewed.",
        pointers=("/responsible", "/approver", "/review_date"),
        groups=(
            Group(
                path=("responsible",),
                legend="Responsible service manager",
                fields=(_NAME, _ROLE, _signed("Date they signed")),
            ),
            Group(
                path=("approver",),
                legend="Approved by",
                fields=(_NAME, _ROLE, _signed("Date of approval")),
            ),
            Group(
                path=(),
                fields=(
                    Field(
                        key="review_date",
                        label="Review date",
                        kind="date",
                        hint="For example, 18 11 2022",
                    ),
                ),
            ),
        ),
    ),
)
"""The task list, in order."""

_BY_SLUG = {s.slug: s for s in SECTIONS}
_IMPACT_CHOICES = _choices(psed.Impact)
_MITIGATION_FIELDS = (
    Field(key="action", label="Action"),
    Field(key="owner", label="Owner", width="govuk-input--width-20"),
    Field(key="due", label="Due date", kind="date", hint="For example, 31 12 2022"),
)
_MITIGATION_KEYS = tuple(f.key for f in _MITIGATION_FIELDS)
_IMPACT_TEXTS = (
    Field(key="details", label="Details of the impact", kind="textarea"),
    Field(
        key="justification", label="Why a negative impact is justified (if it is)", kind="textarea"
    ),
    Field(key="monitoring", label="How the impact will be monitored", kind="textarea"),
)
"""The text questions the impacts page asks about each characteristic."""
_NUMBER = re.compile(r"[0-9][0-9, ]{0,24}")


def section_for(slug: str) -> Section | None:
    """The section with this slug, or None."""
    return _BY_SLUG.get(slug)


# --------------------------------------------------------------------------------------
# Reading a posted page into the document.
# --------------------------------------------------------------------------------------


def _pointer(*tokens: str | int) -> str:
    return "".join(f"/{t}" for t in tokens)


def _get(tree: Any, *path: str | int) -> Any:
    for step in path:
        if isinstance(step, int):
            if not isinstance(tree, list) or not 0 <= step < len(tree):
                return None
            tree = tree[step]
        elif isinstance(tree, Mapping):
            tree = tree.get(step)
        else:
            return None
    return tree


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _read_value(form: Form, fid: str, field: Field) -> Any:
    """The value a field's input holds, or None when it was left blank."""
    if field.kind == "date":
        parts = DateParts(
            day=form.get(f"{fid}-day", ""),
            month=form.get(f"{fid}-month", ""),
            year=form.get(f"{fid}-year", ""),
        )
        return join_date(parts)
    text = form.get(fid, "").strip()
    if not text:
        return None
    if field.kind == "number" and _NUMBER.fullmatch(text):
        digits = text.replace(",", "").replace(" ", "")
        if len(digits) <= 15:
            return int(digits)
    if field.kind == "choice" and text not in {code for code, _ in field.choices}:
        return text  # sent as chosen, for psed to report
    return text


def _read_object(form: Form, prefix: tuple[str | int, ...], group: Group, old: Any) -> Any:
    values = dict(old) if isinstance(old, Mapping) else {}
    for field in group.fields:
        value = _read_value(form, pointer_to_field_id(_pointer(*prefix, field.key)), field)
        if value is None:
            values.pop(field.key, None)
        else:
            values[field.key] = value
    return values


def read_section(section: Section, form: Form, document: Mapping[str, Any]) -> dict[str, Any]:
    """The document with this section's answers as posted (blank answers left out)."""
    doc = dict(document)
    if section.slug == "impacts":
        impacts = _read_impacts(form, doc)
        if impacts:
            doc["impacts"] = impacts
        else:
            doc.pop("impacts", None)
        return doc
    for group in section.groups:
        if group.rows:
            key = group.path[0]
            old_rows = _list(doc.get(key))
            rows = []
            for index in range(min(len(old_rows), MAX_ROWS) + 1):
                row = _read_object(form, (key, index), group, _get(old_rows, index))
                if row:
                    rows.append(row)
            rows.extend(old_rows[MAX_ROWS:])
            if rows:
                doc[key] = rows
            else:
                doc.pop(key, None)
        elif group.path:
            key = group.path[0]
            values = _read_object(form, (key,), group, doc.get(key))
            if values:
                doc[key] = values
            else:
                doc.pop(key, None)
        else:
            doc = _read_object(form, (), group, doc)
    return doc


def characteristic_codes(document: Mapping[str, Any]) -> list[str]:
    """The characteristics the impacts page asks about: the framework's, then the document's."""
    framework = _framework(document)
    codes = [*framework.required, *framework.optional]
    for entry in _list(document.get("impacts")):
        code = _get(entry, "characteristic")
        if isinstance(code, str) and code not in codes:
            codes.append(code)
    return codes


def _framework(document: Mapping[str, Any]) -> psed.Framework:
    catalogue = psed.default_catalogue()
    fid = document.get("framework")
    found = catalogue.framework(fid) if isinstance(fid, str) else None
    return found or catalogue.frameworks["psed"]


def _entry_for(document: Mapping[str, Any], code: str) -> Mapping[str, Any]:
    for entry in _list(document.get("impacts")):
        if _get(entry, "characteristic") == code:
            return entry if isinstance(entry, Mapping) else {}
    return {}


def _impact_id(code: str, *rest: str | int) -> str:
    return pointer_to_field_id(_pointer("impact", code, *rest))


def _read_impacts(form: Form, document: Mapping[str, Any]) -> list[Any]:
    """The impacts as posted, in the document's order.

    The page asks about the first entry of each characteristic; the entries it has no
    questions for (a second group of one characteristic, say) are kept as they were.
    """
    old_entries = _list(document.get("impacts"))
    edited: dict[int, dict[str, Any] | None] = {}
    added = []
    for code in characteristic_codes(document):
        old = _entry_for(document, code)
        entry = _read_entry(form, code, old)
        place = next((i for i, e in enumerate(old_entries) if e is old), None)
        if place is not None:
            edited[place] = entry
        elif entry is not None:
            added.append(entry)
    kept = [edited.get(i, e) for i, e in enumerate(old_entries)]
    return [e for e in kept if e is not None] + added


def _read_entry(form: Form, code: str, old: Mapping[str, Any]) -> dict[str, Any] | None:
    """One characteristic's entry as posted, or None when nothing is said about it."""
    entry: dict[str, Any] = dict(old)
    for key in ("impact", "details", "justification", "monitoring"):
        typed = form.get(_impact_id(code, key), "").strip()
        if typed:
            entry[key] = typed
        else:
            entry.pop(key, None)
    old_mitigations = _list(old.get("mitigations"))
    mitigations = []
    for j in range(min(len(old_mitigations), MAX_ROWS) + 1):
        base = _get(old_mitigations, j)
        m: dict[str, Any] = dict(base) if isinstance(base, Mapping) else {}
        for key in _MITIGATION_KEYS:
            fid = _impact_id(code, "mitigations", j, key)
            if key == "due":
                value: Any = join_date(
                    DateParts(
                        day=form.get(f"{fid}-day", ""),
                        month=form.get(f"{fid}-month", ""),
                        year=form.get(f"{fid}-year", ""),
                    )
                )
            else:
                value = form.get(fid, "").strip() or None
            if value is None:
                m.pop(key, None)
            else:
                m[key] = value
        if set(m) - {"status"}:
            mitigations.append(m)
    mitigations.extend(old_mitigations[MAX_ROWS:])
    if mitigations:
        entry["mitigations"] = mitigations
    else:
        entry.pop("mitigations", None)
    if set(entry) - {"characteristic"}:
        entry["characteristic"] = code
        return entry
    return None


# --------------------------------------------------------------------------------------
# Field ids and dates for psed.forms.
# --------------------------------------------------------------------------------------


FIRST_FIELD = {
    "/service_profile": "service_profile-description",
    "/evidence": "evidence-0-source",
    "/engagement": "engagement-0-audience",
    "/decision": "decision-outcome",
    "/responsible": "responsible-name",
    "/approver": "approver-name",
}
"""A problem with a whole part that is not there yet is shown at its first question."""


def field_id_map(document: Mapping[str, Any]) -> Callable[[str], str]:
    """Pointer -> field id on this service's pages (impact entries named by characteristic)."""
    impacts = _list(document.get("impacts"))

    def field_id(pointer: str) -> str:
        if pointer in FIRST_FIELD:
            return FIRST_FIELD[pointer]
        parts = pointer.split("/")
        if len(parts) >= 3 and parts[1] == "impacts" and parts[2].isdigit():
            code = _get(impacts, int(parts[2]), "characteristic")
            if isinstance(code, str):
                return pointer_to_field_id("/".join(["", "impact", code, *parts[3:]]))
        return pointer_to_field_id(pointer)

    return field_id


def date_parts_in(
    section: Section, form: Form | None, document: Mapping[str, Any]
) -> dict[str, DateParts]:
    """Pointer -> the boxes, for every date on the page (for :func:`psed.forms.problems`).

    The boxes as typed in ``form``, or (``form`` None) as the saved document fills them.
    """
    dates: dict[str, DateParts] = {}

    def add(pointer: str, fid: str) -> None:
        if form is None:
            steps = [int(t) if t.isdigit() else t for t in pointer.split("/")[1:]]
            dates[pointer] = split_date(_get(document, *steps))
            return
        dates[pointer] = DateParts(
            day=form.get(f"{fid}-day", ""),
            month=form.get(f"{fid}-month", ""),
            year=form.get(f"{fid}-year", ""),
        )

    if section.slug == "impacts":
        for i, entry in enumerate(_list(document.get("impacts"))):
            code = _get(entry, "characteristic")
            for j, _ in enumerate(_list(_get(entry, "mitigations"))):
                if isinstance(code, str):
                    add(
                        f"/impacts/{i}/mitigations/{j}/due",
                        _impact_id(code, "mitigations", j, "due"),
                    )
        return dates
    for group in section.groups:
        for field in group.fields:
            if field.kind != "date":
                continue
            if group.rows:
                for index, _ in enumerate(_list(document.get(group.path[0]))):
                    pointer = _pointer(group.path[0], index, field.key)
                    add(pointer, pointer_to_field_id(pointer))
            else:
                pointer = _pointer(*group.path, field.key)
                add(pointer, pointer_to_field_id(pointer))
    return dates


# --------------------------------------------------------------------------------------
# Questions: the GOV.UK Frontend macro parameters for each input.
# --------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value)


def _error(errors: Mapping[str, str], fid: str) -> dict[str, str] | None:
    return {"text": errors[fid]} if fid in errors else None


def _question(field: Field, fid: str, value: Any, errors: Mapping[str, str]) -> Question:
    hint = {"text": field.hint} if field.hint else None
    error = _error(errors, fid)
    label = {"text": field.label, "classes": "govuk-label--s"}
    if field.kind == "date":
        parts = split_date(value)
        wrong = " govuk-input--error" if error else ""
        return {
            "kind": "date",
            "params": {
                "id": fid,
                "namePrefix": fid,
                "fieldset": {
                    "legend": {"text": field.label, "classes": "govuk-fieldset__legend--s"}
                },
                "hint": hint,
                "errorMessage": error,
                "items": [
                    {"name": "day", "classes": "govuk-input--width-2" + wrong, "value": parts.day},
                    {
                        "name": "month",
                        "classes": "govuk-input--width-2" + wrong,
                        "value": parts.month,
                    },
                    {
                        "name": "year",
                        "classes": "govuk-input--width-4" + wrong,
                        "value": parts.year,
                    },
                ],
            },
        }
    if field.kind == "choice":
        current = _text(value)
        items = [
            {"value": code, "text": text, "checked": code == current}
            for code, text in field.choices
        ]
        if current and current not in {code for code, _ in field.choices}:
            items.append({"value": current, "text": current, "checked": True})
        return {
            "kind": "radios",
            "params": {
                "idPrefix": fid,
                "name": fid,
                "fieldset": {
                    "legend": {"text": field.label, "classes": "govuk-fieldset__legend--s"}
                },
                "hint": hint,
                "errorMessage": error,
                "items": items,
            },
        }
    params: dict[str, Any] = {
        "id": fid,
        "name": fid,
        "label": label,
        "hint": hint,
        "errorMessage": error,
        "value": _text(value),
    }
    if field.kind == "textarea":
        return {"kind": "textarea", "params": {**params, "rows": 4}}
    if field.kind == "number":
        params["inputmode"] = "numeric"
        params["spellcheck"] = False
    if field.width:
        params["classes"] = field.width
    return {"kind": "input", "params": params}


def _open(fid: str, legend: str, errors: Mapping[str, str], size: str = "m") -> Question:
    return {"kind": "open", "id": fid, "legend": legend, "size": size, "error": errors.get(fid)}


_CLOSE: Question = {"kind": "close"}


def section_questions(
    section: Section, document: Mapping[str, Any], errors: Mapping[str, str]
) -> list[Question]:
    """What the page shows, in order: fieldsets and the inputs with their values and errors."""
    if section.slug == "impacts":
        return _impact_questions(document, errors)
    out: list[Question] = []
    for group in section.groups:
        if group.rows:
            key = group.path[0]
            rows = _list(document.get(key))
            out.append(_open(key, section.title, errors, "l-hidden"))
            for index in range(min(len(rows), MAX_ROWS) + 1):
                row = _get(rows, index)
                label = f"{group.row_label} {index + 1}"
                if index == len(rows):
                    label = f"Add {group.row_label.lower()}" if rows else label
                out.append(_open(pointer_to_field_id(_pointer(key, index)), label, errors))
                for field in group.fields:
                    fid = pointer_to_field_id(_pointer(key, index, field.key))
                    out.append(_question(field, fid, _get(row, field.key), errors))
                out.append(_CLOSE)
            out.append(_CLOSE)
            continue
        values = _get(document, *group.path) if group.path else document
        if group.legend:
            out.append(_open(pointer_to_field_id(_pointer(*group.path)), group.legend, errors))
        for field in group.fields:
            fid = pointer_to_field_id(_pointer(*group.path, field.key))
            out.append(_question(field, fid, _get(values, field.key), errors))
        if group.legend:
            out.append(_CLOSE)
    return out


def _labels(document: Mapping[str, Any]) -> dict[str, str]:
    catalogue = psed.default_catalogue()
    labels = {code: c.label for code, c in catalogue.characteristics.items()}
    for local in _list(document.get("characteristics")):
        if isinstance(local, Mapping) and isinstance(local.get("code"), str):
            labels[local["code"]] = _text(local.get("label")) or local["code"]
    return labels


def _impact_questions(document: Mapping[str, Any], errors: Mapping[str, str]) -> list[Question]:
    labels = _labels(document)
    out: list[Question] = [_open("impacts", "Impact on each characteristic", errors, "l-hidden")]
    for code in characteristic_codes(document):
        entry = _entry_for(document, code)
        label = labels.get(code, code)
        out.append(_open(_impact_id(code), label, errors))
        out.append(
            _question(
                Field(
                    key="impact", label=f"Impact on {label}", kind="choice", choices=_IMPACT_CHOICES
                ),
                _impact_id(code, "impact"),
                entry.get("impact"),
                errors,
            )
        )
        details, justification, monitoring = _IMPACT_TEXTS
        out.append(_question(details, _impact_id(code, "details"), entry.get("details"), errors))
        mitigations = _list(entry.get("mitigations"))
        for j in range(min(len(mitigations), MAX_ROWS) + 1):
            m = _get(mitigations, j)
            heading = f"Action {j + 1} to reduce a negative impact"
            out.append(_open(_impact_id(code, "mitigations", j), heading, errors, "s"))
            for field in _MITIGATION_FIELDS:
                fid = _impact_id(code, "mitigations", j, field.key)
                out.append(_question(field, fid, _get(m, field.key), errors))
            out.append(_CLOSE)
        for field in (justification, monitoring):
            fid = _impact_id(code, field.key)
            out.append(_question(field, fid, entry.get(field.key), errors))
        out.append(_CLOSE)
    out.append(_CLOSE)
    return out


def question_ids(questions: list[Question]) -> set[str]:
    """Every id on the page a problem can be shown at (fieldsets, inputs, date inputs)."""
    ids = set()
    for q in questions:
        if q["kind"] == "open":
            ids.add(q["id"])
        elif q["kind"] in ("input", "textarea", "date"):
            ids.add(q["params"]["id"])
        elif q["kind"] == "radios":
            ids.add(q["params"]["idPrefix"])
    return ids


# --------------------------------------------------------------------------------------
# Check your answers.
# --------------------------------------------------------------------------------------


def _shown(field: Field, value: Any) -> str:
    if value is None or value == "":
        return "Not given"
    if field.kind == "date" and isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
        return f"{day.day} {day:%B} {day.year}"
    if field.kind == "choice":
        return dict(field.choices).get(str(value), str(value))
    if field.kind == "number" and isinstance(value, int):
        return f"{value:,}"
    return _text(value)


def _answered(value: Any) -> bool:
    return value not in (None, "") and not isinstance(value, (dict, list))


def _target(field: Field, fid: str) -> str:
    """The element a change link lands on: a date's day box, else the input itself."""
    return f"{fid}-day" if field.kind == "date" else fid


def _row(key: str, value: str, href: str, what: str) -> dict[str, Any]:
    return {
        "key": {"text": key},
        "value": {"text": value},
        "actions": {"items": [{"href": href, "text": "Change", "visuallyHiddenText": what}]},
    }


_KEPT_FIELDS: dict[str, tuple[Field, ...]] = {
    "evidence": (Field(key="url", label="Web address"),),
    "impact": (Field(key="group", label="Group"),),
    "mitigation": (
        Field(
            key="status", label="Progress", kind="choice", choices=_choices(psed.MitigationStatus)
        ),
        Field(key="monitoring", label="How it is monitored"),
    ),
}
"""Answers a page keeps but does not ask for: shown on check answers, with no change link."""


def _kept(key: str, value: str) -> dict[str, Any]:
    return {"key": {"text": key}, "value": {"text": value}}


def _card(title: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"card": {"title": {"text": title, "headingLevel": 3}}, "rows": rows}


def _impact_card(
    code: str, title: str, entry: Mapping[str, Any], change: str | None
) -> dict[str, Any]:
    """One impact entry's answers: the impact, then every answered question about it.

    ``change`` is the impacts page, or None for an entry no page asks about (a second
    entry for one characteristic): its answers are shown with no change link.
    """
    rows: list[dict[str, Any]] = []

    def add(field: Field, key: str, value: Any, *place: str | int) -> None:
        if change is None or not place:
            rows.append(_kept(key, _shown(field, value)))
            return
        href = f"{change}#{_target(field, _impact_id(code, *place))}"
        rows.append(_row(key, _shown(field, value), href, key.lower()))

    impact = Field(key="impact", label="Impact", kind="choice", choices=_IMPACT_CHOICES)
    add(impact, "Impact", entry.get("impact"), "impact")
    details, justification, monitoring = _IMPACT_TEXTS
    for field in _KEPT_FIELDS["impact"]:
        if _answered(entry.get(field.key)):
            add(field, field.label, entry[field.key])
    if _answered(entry.get("details")):
        add(details, details.label, entry["details"], "details")
    for j, m in enumerate(_list(entry.get("mitigations"))[:MAX_ROWS]):
        for field in _MITIGATION_FIELDS:
            if _answered(_get(m, field.key)):
                key = f"Action {j + 1}: {field.label.lower()}"
                add(field, key, _get(m, field.key), "mitigations", j, field.key)
        for field in _KEPT_FIELDS["mitigation"]:
            if _answered(_get(m, field.key)):
                add(field, f"Action {j + 1}: {field.label.lower()}", _get(m, field.key))
    for field in (justification, monitoring):
        if _answered(entry.get(field.key)):
            add(field, field.label, entry[field.key], field.key)
    return _card(title, rows)


def _impact_cards(document: Mapping[str, Any], change: str) -> list[dict[str, Any]]:
    """A card per characteristic the page asks about, then one per further entry it keeps."""
    labels = _labels(document)
    codes = characteristic_codes(document)
    asked = [_entry_for(document, code) for code in codes]
    cards = [
        _impact_card(code, labels.get(code, code), entry, change)
        for code, entry in zip(codes, asked, strict=True)
    ]
    for entry in _list(document.get("impacts")):
        if not isinstance(entry, Mapping) or any(entry is e for e in asked):
            continue
        code = _text(entry.get("characteristic"))
        label = labels.get(code, code) or "Impact"
        group = _text(entry.get("group"))
        title = f"{label}: {group}" if group else f"{label}: another entry"
        cards.append(_impact_card(code, title, entry, None))
    return cards


def summary_lists(
    section: Section, document: Mapping[str, Any], change: str
) -> list[dict[str, Any]]:
    """The check-answers summary lists of one section (GOV.UK ``govukSummaryList`` params).

    A part with fields of its own is one summary list, one row per question. Each item
    of a list (an evidence, an engagement) and each characteristic is a summary card
    showing every question answered about it, each with a change link to its input, and
    the answers it holds that no page asks for (an evidence's web address, an action's
    progress, a second entry for one characteristic), with none.
    """
    if section.slug == "impacts":
        return _impact_cards(document, change)
    lists: list[dict[str, Any]] = []
    plain: list[dict[str, Any]] = []
    for group in section.groups:
        if group.rows:
            key = group.path[0]
            items = _list(document.get(key))
            if not items:
                fid = pointer_to_field_id(_pointer(key, 0, group.fields[0].key))
                plain.append(
                    _row(section.title, "None recorded", f"{change}#{fid}", section.title.lower())
                )
            for index, item in enumerate(items[:MAX_ROWS]):
                rows = []
                for field in group.fields:
                    value = _get(item, field.key)
                    if _answered(value):
                        fid = pointer_to_field_id(_pointer(key, index, field.key))
                        rows.append(
                            _row(
                                field.label,
                                _shown(field, value),
                                f"{change}#{_target(field, fid)}",
                                field.label.lower(),
                            )
                        )
                rows += [
                    _kept(field.label, _shown(field, _get(item, field.key)))
                    for field in _KEPT_FIELDS.get(key, ())
                    if _answered(_get(item, field.key))
                ]
                lists.append(_card(f"{group.row_label} {index + 1}", rows))
            continue
        values = _get(document, *group.path) if group.path else document
        for field in group.fields:
            label = f"{group.legend}: {field.label.lower()}" if group.legend else field.label
            fid = pointer_to_field_id(_pointer(*group.path, field.key))
            plain.append(
                _row(
                    label,
                    _shown(field, _get(values, field.key)),
                    f"{change}#{_target(field, fid)}",
                    label.lower(),
                )
            )
    return ([{"rows": plain, "classes": "govuk-!-margin-bottom-9"}] if plain else []) + lists
