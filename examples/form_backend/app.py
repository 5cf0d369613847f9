"""A form backend built on psed with the standard library only (wsgiref).

Serves an assessment form in GOV.UK-like markup (error summary at the top,
inline ``govuk-error-message`` at each field) and a JSON validation endpoint:

- ``GET /`` (``?framework=esia``): a blank form for the framework;
- ``POST /`` (form-encoded): the form as filled in; the page comes back with the
  problems found ("Save as draft" checks as ``draft``, "Submit" as ``submitted``);
- ``POST /api/validate?status=draft|submitted|approved&only=/impacts`` with a JSON
  body: ``200`` and ``{"ok", "summary", "errors_by_field", "findings"}``; a body
  that is not JSON gets ``400`` with a PSED001 finding; other methods ``405``.

Run it from the repository root with ``python -m examples.form_backend`` or
``python examples/form_backend/app.py --port 8000``; it binds 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import html
import json
import re
import socketserver
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import psed
from psed.forms import by_field, error_summary, form_response

__all__ = ["document_to_form_ids", "form_to_document", "main", "make_app", "render_form"]

MAX_BODY = 10 * 1024 * 1024
"""Request bodies above psed's document size limit (10 MiB) are refused with 413."""

STATUSES = ("draft", "submitted", "approved")

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
Environ = dict[str, Any]

_IMPACT_CHOICES = [(code, psed.Impact(code).label) for code in psed.Impact.codes()]
_OUTCOME_CHOICES = [(code, psed.Outcome(code).label) for code in psed.Outcome.codes()]
_MITIGATION_STATUS_CHOICES = [
    (code, psed.MitigationStatus(code).label) for code in psed.MitigationStatus.codes()
]

# --------------------------------------------------------------------------------------
# Form fields <-> document tree. Every input's name and id is the field id psed.forms
# derives from the pointer of the value it holds, so a finding's pointer finds its field.
# --------------------------------------------------------------------------------------

_TOP_TEXT = ("id", "name", "description", "framework", "impact_summary", "positive_impacts")
_ROWS: dict[str, tuple[str, ...]] = {
    "evidence": ("source", "kind", "area", "summary", "date", "url"),
    "engagement": ("audience", "method", "date", "end", "summary", "changes"),
}
_OBJECTS: dict[str, tuple[str, ...]] = {
    "service_profile": ("description", "customers"),
    "decision": ("outcome", "justification", "date", "maker", "duty_statement"),
    "responsible": ("name", "role", "date"),
    "approver": ("name", "role", "date"),
}
_IMPACT_KEYS = ("characteristic", "group", "impact", "details", "justification", "monitoring")
# The parts of a document this form has no inputs for: kept as they were, in a hidden
# field (local characteristics and waivers are also listed on the page).
_PRESERVED = (
    "schema_version",
    "organisation",
    "directorate",
    "programme",
    "version",
    "published",
    "level",
    "screening",
    "strategic",
    "functions",
    "alternatives",
    "intersections",
    "contributors",
    "related",
    "characteristics",
    "waivers",
)
_MITIGATION_KEYS = ("action", "owner", "due", "status", "monitoring")
_INTEGER = re.compile(r"^\s*-?[0-9]{1,18}\s*$")


def _one(form: Mapping[str, list[str]], key: str) -> str:
    values = form.get(key) or [""]
    return values[0]


def _filled(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v not in ("", None)}


def _indices(form: Mapping[str, list[str]], prefix: str) -> list[int]:
    pattern = re.compile(re.escape(prefix) + r"-([0-9]{1,4})-")
    found = {int(m.group(1)) for key in form for m in [pattern.match(key)] if m}
    return sorted(found)


def _json_field(form: Mapping[str, list[str]], key: str) -> Any:
    text = _one(form, key)
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def form_to_document(form: Mapping[str, list[str]]) -> dict[str, Any]:
    """The psed document tree for a posted form (as :func:`urllib.parse.parse_qs` gives it).

    Blank inputs are left out (so a blank ``name`` is reported as missing), fully
    blank list rows are dropped, every impact row is kept (a row with no impact
    chosen is ``unknown``), and the parts the form does not edit (local
    characteristics, waivers, aims, the decision report, screening, alternatives and
    the other fields listed in ``_PRESERVED``) come back from hidden fields as they were.
    """
    doc: dict[str, Any] = {}
    preserved = _json_field(form, "preserved")
    if isinstance(preserved, dict):
        doc.update(preserved)
    doc.update(_filled({key: _one(form, key).strip() for key in _TOP_TEXT}))
    action = _one(form, "action")
    if action in STATUSES:
        doc["status"] = action
    review = _one(form, "review_date").strip()
    if review:
        doc["review_date"] = review
    for name, keys in _OBJECTS.items():
        values = _filled({k: _one(form, f"{name}-{k}").strip() for k in keys})
        if name == "service_profile" and "customers" in values:
            raw = values["customers"]
            # A whole number is sent as one; anything else as typed, for psed to report.
            values["customers"] = int(raw) if _INTEGER.match(raw) else raw
        if values:
            doc[name] = values
    report = _json_field(form, "decision-report")
    if isinstance(report, dict):
        doc.setdefault("decision", {})["report"] = report
    for name, keys in _ROWS.items():
        rows = []
        for i in _indices(form, name):
            row = _filled({k: _one(form, f"{name}-{i}-{k}").strip() for k in keys})
            if row:
                rows.append(row)
        if rows:
            doc[name] = rows
    impacts = []
    for i in _indices(form, "impacts"):
        entry: dict[str, Any] = _filled(
            {k: _one(form, f"impacts-{i}-{k}").strip() for k in _IMPACT_KEYS}
        )
        if "characteristic" not in entry:
            continue  # the "add another characteristic" row, left blank
        aims = _json_field(form, f"impacts-{i}-aims")
        if isinstance(aims, dict):
            entry["aims"] = aims
        mitigations = []
        for j in _indices(form, f"impacts-{i}-mitigations"):
            m = _filled(
                {
                    k: _one(form, f"impacts-{i}-mitigations-{j}-{k}").strip()
                    for k in _MITIGATION_KEYS
                }
            )
            if set(m) - {"status"}:  # a row with only the default status chosen is blank
                mitigations.append(m)
        if mitigations:
            entry["mitigations"] = mitigations
        impacts.append(entry)
    if impacts:
        doc["impacts"] = impacts
    return doc


# --------------------------------------------------------------------------------------
# Rendering.
# --------------------------------------------------------------------------------------


def _e(value: Any) -> str:
    """Escape any value for HTML text and attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def _text(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _get(tree: Any, *path: str | int) -> Any:
    for step in path:
        if isinstance(step, int):
            if not isinstance(tree, list) or step >= len(tree):
                return None
            tree = tree[step]
        else:
            if not isinstance(tree, Mapping):
                return None
            tree = tree.get(step)
    return tree


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


class _Page:
    """Builds the form HTML; ``ids`` collects every id so findings can fall back."""

    def __init__(self, errors: Mapping[str, list[psed.Finding]]) -> None:
        self.errors = errors
        self.ids: list[str] = []
        self.out: list[str] = []

    def _messages(self, fid: str) -> str:
        parts = []
        for f in self.errors.get(fid, ()):
            kind = "Error" if f.severity is psed.Severity.ERROR else "Warning"
            parts.append(
                f'<p class="govuk-error-message" data-code="{_e(f.code)}">'
                f'<span class="govuk-visually-hidden">{kind}:</span> {_e(f.message)}'
                f' <span class="psed-code">({_e(f.code)})</span></p>'
            )
        return "".join(parts)

    def _group(self, fid: str, label: str, control: str, hint: str = "") -> None:
        self.ids.append(fid)
        messages = self._messages(fid)
        error = " govuk-form-group--error" if messages else ""
        hint_html = f'<div class="govuk-hint" id="{_e(fid)}-hint">{_e(hint)}</div>' if hint else ""
        self.out.append(
            f'<div class="govuk-form-group{error}">'
            f'<label class="govuk-label" for="{_e(fid)}">{_e(label)}</label>'
            f'{hint_html}<div id="{_e(fid)}-error">{messages}</div>{control}</div>'
        )

    def input(self, fid: str, label: str, value: Any, hint: str = "") -> None:
        cls = "govuk-input govuk-input--error" if self.errors.get(fid) else "govuk-input"
        self._group(
            fid,
            label,
            f'<input class="{cls}" id="{_e(fid)}" name="{_e(fid)}" type="text" '
            f'value="{_e(_text(value))}" aria-describedby="{_e(fid)}-error">',
            hint,
        )

    def textarea(self, fid: str, label: str, value: Any, hint: str = "") -> None:
        cls = "govuk-textarea govuk-textarea--error" if self.errors.get(fid) else "govuk-textarea"
        self._group(
            fid,
            label,
            f'<textarea class="{cls}" id="{_e(fid)}" name="{_e(fid)}" rows="3" '
            f'aria-describedby="{_e(fid)}-error">{_e(_text(value))}</textarea>',
            hint,
        )

    def select(
        self, fid: str, label: str, value: Any, choices: Iterable[tuple[str, str]], blank: str
    ) -> None:
        current = _text(value)
        options = [f'<option value="">{_e(blank)}</option>'] if blank else []
        known = False
        for code, text in choices:
            chosen = code == current
            known = known or chosen
            options.append(
                f'<option value="{_e(code)}"{" selected" if chosen else ""}>{_e(text)}</option>'
            )
        if current and not known:  # keep an invalid value visible so its error makes sense
            options.append(f'<option value="{_e(current)}" selected>{_e(current)}</option>')
        cls = "govuk-select govuk-select--error" if self.errors.get(fid) else "govuk-select"
        self._group(
            fid,
            label,
            f'<select class="{cls}" id="{_e(fid)}" name="{_e(fid)}" '
            f'aria-describedby="{_e(fid)}-error">{"".join(options)}</select>',
        )

    def hidden(self, name: str, value: Any) -> None:
        self.out.append(f'<input type="hidden" name="{_e(name)}" value="{_e(value)}">')

    def open_section(self, fid: str, legend: str, level: str = "m") -> None:
        """A fieldset with an id, so findings about the whole section can link to it."""
        self.ids.append(fid)
        self.out.append(
            f'<fieldset class="govuk-fieldset" id="{_e(fid)}" tabindex="-1" '
            f'aria-describedby="{_e(fid)}-error">'
            f'<legend class="govuk-fieldset__legend govuk-fieldset__legend--{level}">'
            f'{_e(legend)}</legend><div id="{_e(fid)}-error">{self._messages(fid)}</div>'
        )

    def close_section(self) -> None:
        self.out.append("</fieldset>")


def _framework(payload: Mapping[str, Any]) -> psed.Framework:
    catalogue = psed.default_catalogue()
    fid = payload.get("framework")
    found = catalogue.framework(fid) if isinstance(fid, str) else None
    return found or catalogue.frameworks["psed"]


def _labels(payload: Mapping[str, Any]) -> dict[str, str]:
    labels = {code: c.label for code, c in psed.default_catalogue().characteristics.items()}
    for local in _list(payload.get("characteristics")):
        if isinstance(local, Mapping) and isinstance(local.get("code"), str):
            labels[local["code"]] = _text(local.get("label")) or local["code"]
    return labels


def _impact_rows(payload: Mapping[str, Any]) -> list[Any]:
    """The impact rows: the document's entries, then a blank row per missing characteristic."""
    rows = list(_list(payload.get("impacts")))
    present = {_get(r, "characteristic") for r in rows}
    framework = _framework(payload)
    for code in (*framework.required, *framework.optional):
        if code not in present:
            rows.append({"characteristic": code})
    return rows


def _body(page: _Page, payload: Mapping[str, Any]) -> None:
    labels = _labels(payload)
    page.input("name", "Name or brief description of proposal", payload.get("name"))
    page.input("id", "Your reference (optional)", payload.get("id"))
    page.textarea("description", "Description of the proposal", payload.get("description"))
    frameworks = [(f.id, f.label) for f in psed.default_catalogue().frameworks.values()]
    page.select("framework", "Framework", payload.get("framework") or "psed", frameworks, "")

    page.open_section("service_profile", "Service profile")
    page.textarea(
        "service_profile-description",
        "The service and who uses it",
        _get(payload, "service_profile", "description"),
    )
    page.input(
        "service_profile-customers",
        "Number of customers",
        _get(payload, "service_profile", "customers"),
        "A whole number",
    )
    page.close_section()
    page.textarea("impact_summary", "Summary of impact and issues", payload.get("impact_summary"))
    page.textarea("positive_impacts", "Potential positive impacts", payload.get("positive_impacts"))

    for name, keys in _ROWS.items():
        page.open_section(name, "Evidence" if name == "evidence" else "Engagement")
        rows = [*_list(payload.get(name)), {}]
        for i, row in enumerate(rows):
            page.open_section(f"{name}-{i}", f"{name.capitalize()} {i + 1}", "s")
            for key in keys:
                hint = "YYYY-MM-DD" if key in ("date", "end") else ""
                control = page.textarea if key in ("summary", "changes") else page.input
                control(f"{name}-{i}-{key}", key.capitalize(), _get(row, key), hint)
            page.close_section()
        page.close_section()

    page.open_section("impacts", "Impact on each characteristic", "l")
    rows = _impact_rows(payload)
    for i, row in enumerate(rows):
        code = _text(_get(row, "characteristic"))
        page.open_section(f"impacts-{i}", labels.get(code, code))
        page.hidden(f"impacts-{i}-characteristic", code)
        aims = _get(row, "aims")
        if isinstance(aims, Mapping):
            page.hidden(f"impacts-{i}-aims", json.dumps(aims))
        page.input(f"impacts-{i}-group", "Group (optional)", _get(row, "group"))
        page.select(
            f"impacts-{i}-impact", "Impact", _get(row, "impact"), _IMPACT_CHOICES, "Choose impact"
        )
        page.textarea(f"impacts-{i}-details", "Details of impact", _get(row, "details"))
        page.open_section(f"impacts-{i}-mitigations", "Mitigating actions", "s")
        for j, m in enumerate([*_list(_get(row, "mitigations")), {}]):
            base = f"impacts-{i}-mitigations-{j}"
            page.open_section(base, f"Action {j + 1}", "s")
            page.textarea(f"{base}-action", "Action", _get(m, "action"))
            page.input(f"{base}-owner", "Owner", _get(m, "owner"))
            page.input(f"{base}-due", "Due", _get(m, "due"), "YYYY-MM-DD")
            page.select(
                f"{base}-status", "Status", _get(m, "status"), _MITIGATION_STATUS_CHOICES, "-"
            )
            page.input(f"{base}-monitoring", "Monitoring", _get(m, "monitoring"))
            page.close_section()
        page.close_section()
        page.textarea(
            f"impacts-{i}-justification",
            "Justification (if an adverse impact is accepted)",
            _get(row, "justification"),
        )
        page.input(f"impacts-{i}-monitoring", "Monitoring of the impact", _get(row, "monitoring"))
        page.close_section()
    # One blank row to add another characteristic.
    n = len(rows)
    page.open_section(f"impacts-{n}", "Add another characteristic")
    page.select(
        f"impacts-{n}-characteristic", "Characteristic", None, sorted(labels.items()), "Choose"
    )
    page.input(f"impacts-{n}-group", "Group (optional)", None)
    page.select(f"impacts-{n}-impact", "Impact", None, _IMPACT_CHOICES, "Choose impact")
    page.textarea(f"impacts-{n}-details", "Details of impact", None)
    page.close_section()
    page.close_section()

    page.open_section("decision", "Decision")
    page.select(
        "decision-outcome",
        "Outcome",
        _get(payload, "decision", "outcome"),
        _OUTCOME_CHOICES,
        "Choose outcome",
    )
    page.textarea(
        "decision-justification", "Justification", _get(payload, "decision", "justification")
    )
    page.input("decision-date", "Date of decision", _get(payload, "decision", "date"), "YYYY-MM-DD")
    page.input("decision-maker", "Decision maker", _get(payload, "decision", "maker"))
    page.textarea(
        "decision-duty_statement",
        "How the report put the equality duty",
        _get(payload, "decision", "duty_statement"),
    )
    report = _get(payload, "decision", "report")
    if isinstance(report, Mapping):
        page.hidden("decision-report", json.dumps(report, default=str))
    page.close_section()
    for slot, legend in (
        ("responsible", "Responsible service manager"),
        ("approver", "Approved by"),
    ):
        page.open_section(slot, legend)
        page.input(f"{slot}-name", "Name", _get(payload, slot, "name"))
        page.input(f"{slot}-role", "Role", _get(payload, slot, "role"))
        page.input(f"{slot}-date", "Date", _get(payload, slot, "date"), "YYYY-MM-DD")
        page.close_section()
    page.input("review_date", "Review date", payload.get("review_date"), "YYYY-MM-DD")

    # Parts this form does not edit are shown and kept as they were.
    preserved = {k: payload[k] for k in _PRESERVED if k in payload}
    for key, legend in (("characteristics", "Local characteristics"), ("waivers", "Waivers")):
        page.open_section(key, legend, "s")
        items = "".join(
            f"<li><code>{_e(json.dumps(item, default=str))}</code></li>"
            for item in _list(payload.get(key))
        )
        page.out.append(f'<ul class="govuk-list">{items}</ul>')
        page.close_section()
    page.hidden("preserved", json.dumps(preserved, default=str))


_SCRIPT = """
document.querySelectorAll('.govuk-error-summary a').forEach(function (link) {
  link.addEventListener('click', function (event) {
    var target = document.getElementById(link.getAttribute('href').slice(1));
    if (!target) { return; }
    event.preventDefault();
    var control = target.matches('input,select,textarea') ? target
      : target.querySelector('input:not([type=hidden]),select,textarea') || target;
    control.scrollIntoView();
    control.focus();
    history.replaceState(null, '', link.getAttribute('href'));
  });
});
var summary = document.querySelector('.govuk-error-summary');
if (summary) { summary.focus(); }
"""


def document_to_form_ids(payload: Mapping[str, Any]) -> list[str]:
    """Every field and section id on the form rendered for ``payload``, in page order."""
    page = _Page({})
    _body(page, payload)
    return page.ids


def render_form(
    payload: Mapping[str, Any], report: psed.Report | None = None, *, notice: str = ""
) -> str:
    """The whole HTML page: error summary (if any), then the form with inline messages."""
    ids = document_to_form_ids(payload)
    errors = by_field(report, fields=ids) if report is not None else {}
    summary = error_summary(report, fields=ids) if report is not None else []
    page = _Page(errors)
    _body(page, payload)
    head = ""
    if summary:
        items = "".join(f'<li><a href="{_e(s["href"])}">{_e(s["text"])}</a></li>' for s in summary)
        head = (
            '<div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1">'
            '<div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2>'
            '<div class="govuk-error-summary__body">'
            '<ul class="govuk-list govuk-error-summary__list">'
            f"{items}</ul></div></div></div>"
        )
    elif notice:
        head = f'<div class="govuk-panel" id="notice"><p>{_e(notice)}</p></div>'
    todo = ""
    if report is not None:
        info = [f for f in report.findings if f.severity is psed.Severity.INFO and not f.waived]
        if info:
            todo = (
                f'<p class="govuk-body" id="todo">{len(info)} thing(s) still to do before '
                "you submit; they do not stop you saving a draft.</p>"
            )
    title = ("Error: " if summary else "") + "Equality impact assessment"
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title>"
        "<style>.govuk-error-message{color:#d4351c;font-weight:bold}"
        ".govuk-form-group--error{border-left:5px solid #d4351c;padding-left:10px}"
        ".govuk-visually-hidden{position:absolute;left:-9999px}</style></head>"
        '<body><main class="govuk-main-wrapper" id="main-content">'
        '<h1 class="govuk-heading-l">Equality impact assessment</h1>'
        f'{head}{todo}<form method="post" action="/" novalidate>{"".join(page.out)}'
        '<button class="govuk-button govuk-button--secondary" name="action" value="draft" '
        'id="save-draft">Save as draft</button> '
        '<button class="govuk-button" name="action" value="submitted" id="submit">'
        "Submit for approval</button></form></main>"
        f"<script>{_SCRIPT}</script></body></html>"
    )


# --------------------------------------------------------------------------------------
# The WSGI application.
# --------------------------------------------------------------------------------------


def _unreadable(message: str) -> psed.Report:
    finding = psed.Finding(
        code="PSED001",
        name="unreadable-document",
        severity=psed.Severity.ERROR,
        default_severity=psed.Severity.ERROR,
        message=message,
        pointer="",
    )
    return psed.Report(findings=[finding], as_of=dt.date.today(), status=None, version="")


def _reply(
    start_response: StartResponse,
    status: str,
    body: str,
    content_type: str,
    *extra: tuple[str, str],
) -> list[bytes]:
    data = body.encode("utf-8")
    headers = [
        ("Content-Type", f"{content_type}; charset=utf-8"),
        ("Content-Length", str(len(data))),
        ("X-Content-Type-Options", "nosniff"),
        *extra,
    ]
    start_response(status, headers)
    return [data]


def _json(
    start_response: StartResponse, status: str, body: Any, *extra: tuple[str, str]
) -> list[bytes]:
    return _reply(
        start_response, status, json.dumps(body, ensure_ascii=False), "application/json", *extra
    )


def _read_body(environ: Environ) -> bytes | None:
    """The request body, or None when it is larger than :data:`MAX_BODY`."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY:
        return None
    return environ["wsgi.input"].read(length) if length > 0 else b""


def make_app(*, as_of: dt.date | None = None) -> Callable[[Environ, StartResponse], list[bytes]]:
    """The WSGI application; ``as_of`` fixes the date the rules judge by (default: today)."""

    def api_validate(environ: Environ, start_response: StartResponse) -> list[bytes]:
        if environ["REQUEST_METHOD"] != "POST":
            return _json(
                start_response,
                "405 Method Not Allowed",
                {"error": "POST the assessment as a JSON object to /api/validate."},
                ("Allow", "POST"),
            )
        query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        status = (query.get("status") or [None])[0]
        if status not in (None, *STATUSES):
            return _json(
                start_response,
                "400 Bad Request",
                {"error": f"status must be one of {', '.join(STATUSES)}, not {status!r}."},
            )
        only = query.get("only")
        if only and not all(p == "" or p.startswith("/") for p in only):
            return _json(
                start_response,
                "400 Bad Request",
                {"error": "only must be a JSON Pointer such as /impacts."},
            )
        body = _read_body(environ)
        if body is None:
            return _json(
                start_response,
                "413 Content Too Large",
                {"error": f"The assessment is larger than {MAX_BODY} bytes."},
            )
        try:
            payload = json.loads(body.decode("utf-8"))
        except UnicodeDecodeError:
            report = _unreadable("The request body is not UTF-8 text; send the assessment as JSON.")
            return _json(start_response, "400 Bad Request", form_response(report))
        except json.JSONDecodeError as exc:
            report = _unreadable(
                f"The request body is not valid JSON ({exc.msg} at line {exc.lineno}, "
                f"column {exc.colno}); send the assessment as a JSON object."
            )
            return _json(start_response, "400 Bad Request", form_response(report))
        report = psed.validate(payload, status=status, as_of=as_of, only=only)
        return _json(start_response, "200 OK", form_response(report))

    def form_page(environ: Environ, start_response: StartResponse) -> list[bytes]:
        method = environ["REQUEST_METHOD"]
        if method in ("GET", "HEAD"):
            query = parse_qs(environ.get("QUERY_STRING", ""))
            framework = (query.get("framework") or ["psed"])[0]
            if psed.default_catalogue().framework(framework) is None:
                framework = "psed"
            page = render_form({"framework": framework})
            return _reply(start_response, "200 OK", page, "text/html")
        if method != "POST":
            return _reply(
                start_response,
                "405 Method Not Allowed",
                "Use GET or POST.",
                "text/plain",
                ("Allow", "GET, POST"),
            )
        body = _read_body(environ)
        if body is None:
            return _reply(
                start_response, "413 Content Too Large", "The form is too large.", "text/plain"
            )
        form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
        document = form_to_document(form)
        action = _one(form, "action")
        status = action if action in STATUSES else "draft"
        report = psed.validate(document, status=status, as_of=as_of)
        notice = ""
        if report.ok:
            notice = "Draft saved." if status == "draft" else "Assessment submitted for approval."
        return _reply(
            start_response, "200 OK", render_form(document, report, notice=notice), "text/html"
        )

    def app(environ: Environ, start_response: StartResponse) -> list[bytes]:
        path = environ.get("PATH_INFO", "/")
        try:
            if path == "/api/validate":
                return api_validate(environ, start_response)
            if path == "/":
                return form_page(environ, start_response)
            return _reply(start_response, "404 Not Found", "Not found.", "text/plain")
        except Exception:  # no traceback ever reaches a user
            return _reply(
                start_response,
                "500 Internal Server Error",
                "Something went wrong; the error was not caused by your assessment.",
                "text/plain",
            )

    return app


class _ThreadingServer(socketserver.ThreadingMixIn, WSGIServer):
    """One thread per connection: browsers open spare connections that block a serial server."""

    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(port: int = 8000, *, as_of: dt.date | None = None, quiet: bool = False) -> WSGIServer:
    """A server for the app on 127.0.0.1 (``port=0`` picks a free port); call ``serve_forever``."""
    handler = _QuietHandler if quiet else WSGIRequestHandler
    return make_server(
        "127.0.0.1",
        port,
        make_app(as_of=as_of),
        server_class=_ThreadingServer,
        handler_class=handler,
    )


def main(argv: list[str] | None = None) -> int:
    """Run the example server until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD")
    args = parser.parse_args(argv)
    with serve(args.port, as_of=args.as_of) as server:
        print(f"psed form backend on http://127.0.0.1:{server.server_port}/ (Ctrl-C to stop)")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
