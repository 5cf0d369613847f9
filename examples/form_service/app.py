"""A reference GOV.UK-style form service for equality impact assessments, built on psed.

Flask with the GOV.UK Frontend templates (``govuk-frontend-jinja``) and the GOV.UK
Frontend assets served from this folder (no CDN). The pages follow the task-list
pattern:

- ``/``: the start page; *Start now* makes a new draft;
- ``/assessments/upload``: *Continue an existing assessment*: upload an assessment
  in psed's format (YAML or JSON, as ``psed import`` writes it), read by psed, and
  carry on with it as a new draft;
- ``/assessments/<ref>``: the task list, one task per section, each marked
  *Completed*, *Incomplete* or *Not yet started* by what psed finds in it;
- ``/assessments/<ref>/<section>``: one page per section. *Save and continue*
  checks the section as a submission would (``status="submitted"``, ``only=``
  the section's places) and shows the GOV.UK error summary and inline errors;
  *Save and come back later* saves the draft in SQLite and gives the link back;
- ``/assessments/<ref>/check``: check your answers, then *Submit*, which checks
  the whole assessment with ``status="submitted"``;
- ``/assessments/<ref>/assessment``: the submitted assessment as a publishable
  page (:func:`psed.render`);
- ``POST /api/validate``: the JSON endpoint a JavaScript front end can call.

Run it from the repository root with ``python -m examples.form_service``; it
binds 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

import attrs
import flask
from flask import Flask, Response, abort, jsonify, redirect, render_template, request, url_for
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

import psed
from psed.forms import Problem, form_response, pointer_to_field_id, problems
from psed.rendering import RenderError

from .sections import (
    SECTIONS,
    Section,
    date_parts_in,
    field_id_map,
    question_ids,
    read_section,
    section_for,
    section_questions,
    summary_lists,
)
from .store import Store

__all__ = ["create_app", "main", "serve"]

HERE = Path(__file__).resolve().parent
MAX_JSON_BODY = 10 * 1024 * 1024
"""JSON bodies above psed's document size limit (10 MiB) are refused with 413."""
MAX_FORM_BODY = 1024 * 1024
"""A form page posts far less than 1 MiB; more is refused with 413 before it is parsed."""
MAX_UPLOAD = MAX_JSON_BODY
"""An uploaded assessment may be as large as the JSON endpoint accepts (psed's 10 MiB)."""
MAX_UPLOAD_BODY = MAX_UPLOAD + 64 * 1024
"""The upload page's whole post: the file and the multipart form around it."""
MAX_FORM_PARTS = 2000
"""The most fields one posted page may have (the longest page has a few hundred)."""
READ_TIMEOUT = 10.0
"""Seconds a connection may wait between bytes before the server drops it."""
STATUSES = ("draft", "submitted", "approved")
_REF = re.compile(r"[A-Za-z0-9_-]{16,64}")
# The one inline script, GOV.UK Frontend's page template's "js-enabled" line, by its hash.
_TEMPLATE_SCRIPT = "'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='"
_CSP = (
    f"default-src 'self'; script-src 'self' {_TEMPLATE_SCRIPT}; style-src 'self'; "
    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
)


class _Request(flask.Request):
    """Uploaded files are kept in memory (the body is bounded), never in a temporary file."""

    def _get_file_stream(
        self,
        total_content_length: int | None,
        content_type: str | None,
        filename: str | None = None,
        content_length: int | None = None,
    ) -> IO[bytes]:
        return io.BytesIO()


_NOT_AN_ASSESSMENT = "The selected file must be a YAML or JSON assessment"
_TOO_BIG = "The selected file must be smaller than 10 MB"
_DEFAULTS_ONLY = {"schema_version", "framework", "status"}


def _read_upload(data: bytes) -> dict[str, Any] | str:
    """The uploaded assessment as the document a draft holds, or what is wrong with it.

    psed reads the file as it reads any payload (the same limits as ``/api/validate``).
    A value psed would have to drop or replace (a wrong type, an unknown field, ...) is
    a problem to fix in the file, so nothing in it is lost on the way; only a missing
    name is let through, as the first page asks for it.
    """
    if len(data) > MAX_UPLOAD:
        return _TOO_BIG
    if not data.strip():
        return "The selected file is empty"
    proposal, findings = psed.read(data)
    if proposal is None:
        return _NOT_AN_ASSESSMENT
    document = psed.unstructure(proposal, compact=True)
    if not any(v != "" for k, v in document.items() if k not in _DEFAULTS_ONLY):
        return _NOT_AN_ASSESSMENT
    problems = [f for f in findings if not (f.code == "PSED002" and f.pointer == "/name")]
    if not problems:
        return document
    first, line = problems[0], problems[0].line or 1
    if len(problems) == 1:
        return f"The selected file has a problem on line {line}: {first.message}"
    return (
        f"The selected file has {len(problems)} problems. "
        f"The first is on line {line}: {first.message}"
    )


@attrs.frozen(kw_only=True)
class _Page:
    """What a page's error summary and inline messages need."""

    summary: list[dict[str, str]]
    errors: dict[str, str]


def _section_problems(
    section: Section, document: Mapping[str, Any], form: Mapping[str, str], as_of: dt.date | None
) -> _Page:
    report = psed.validate(
        dict(document), status="submitted", as_of=as_of, only=list(section.pointers)
    )
    ids = question_ids(section_questions(section, document, {}))
    options: dict[str, Any] = {
        "field_id": field_id_map(document),
        "fields": ids,
        "dates": date_parts_in(section, form, document),
    }
    shown = problems(report, **options)
    summary = []
    for problem in shown:
        item = {"text": problem.text}
        if problem.href is not None:
            item["href"] = _first_missing(problem, ids) or problem.href
        summary.append(item)
    errors = {p.field_id: p.text for p in shown if p.field_id is not None}
    return _Page(summary=summary, errors=errors)


def _first_missing(problem: Problem, ids: set[str]) -> str | None:
    """A missing characteristic links to its own impact question, not the whole section."""
    first = problem.findings[0]
    if first.code != "PSED101" or not first.characteristic:
        return None
    fid = pointer_to_field_id(f"/impact/{first.characteristic}/impact")
    return "#" + fid if fid in ids else None


def _status_of(section: Section, document: Mapping[str, Any], report: psed.Report) -> str:
    if not any(section.owns(p) for p in _filled_pointers(document)):
        return "Not yet started"
    shown = [f for f in report.findings if section.owns(f.pointer)]
    if any(f.waived is None and f.severity is not psed.Severity.INFO for f in shown):
        return "Incomplete"
    return "Completed"


def _filled_pointers(document: Mapping[str, Any]) -> list[str]:
    return [f"/{key}" for key, value in document.items() if value not in (None, "", [], {})]


def _json_error(status: int, message: str) -> Response:
    response = jsonify({"error": message})
    response.status_code = status
    return response


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


_ERROR_PAGES = {
    400: (
        "There is a problem with the request",
        "The page could not use what was sent. Go back and try again.",
    ),
    404: (
        "Page not found",
        "If you typed the web address, check it is correct. If you pasted "
        "it, check you copied the entire address.",
    ),
    405: (
        "There is a problem with the request",
        "This page cannot be used like that. Go back and try again.",
    ),
    413: (
        "Too much was sent",
        "The page sent more than this service accepts. Shorten your answers and try again.",
    ),
    415: (
        "There is a problem with the request",
        "Send the assessment as JSON, with the content type application/json.",
    ),
    500: (
        "Sorry, there is a problem with the service",
        "Try again later. Your saved answers have not been lost.",
    ),
}


def create_app(
    *, db: Path | str | None = None, as_of: dt.date | None = None, testing: bool = False
) -> Flask:
    """The Flask application; ``db`` is the SQLite file for drafts (default: beside the app)."""
    app = Flask(
        __name__,
        static_folder=str(HERE / "static"),
        static_url_path="/assets",
        template_folder=str(HERE / "templates"),
    )
    app.request_class = _Request
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(HERE / "templates")),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.config.update(
        MAX_CONTENT_LENGTH=MAX_JSON_BODY,
        MAX_FORM_MEMORY_SIZE=MAX_FORM_BODY,
        MAX_FORM_PARTS=MAX_FORM_PARTS,
        TESTING=testing,
        PROPAGATE_EXCEPTIONS=False,
    )
    store = Store(Path(db) if db is not None else HERE / "assessments.sqlite3")

    def draft_or_404(ref: str) -> dict[str, Any]:
        found = store.get(ref) if _REF.fullmatch(ref) else None
        if found is None:
            abort(404)
        return found.document

    @app.before_request
    def bound_form_posts() -> None:
        if request.path.startswith("/api/"):
            return
        if request.endpoint == "upload":
            # The upload page reads its own post, to say a file is too big on the page.
            request.max_content_length = MAX_UPLOAD_BODY
            return
        request.max_content_length = MAX_FORM_BODY
        # Werkzeug counts the parts of multipart posts only; count urlencoded fields too.
        if request.method == "POST":
            fields = sum(len(values) for values in request.form.listvalues())
            if fields > MAX_FORM_PARTS:
                abort(413)

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Content-Security-Policy"] = _CSP
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response | tuple[str, int]:
        code = error.code or 500
        title, text = _ERROR_PAGES.get(code, _ERROR_PAGES[400 if code < 500 else 500])
        if request.path.startswith("/api/"):
            response = _json_error(code, text)
            if code == 405:
                response.headers["Allow"] = "POST"
            return response
        return render_template("problem.html", title=title, text=text), code

    @app.errorhandler(Exception)
    def internal_error(error: Exception) -> Response | tuple[str, int]:
        # No traceback ever reaches a user; the log keeps it.
        app.logger.exception("unexpected error", exc_info=error)
        title, text = _ERROR_PAGES[500]
        if request.path.startswith("/api/"):
            return _json_error(500, text)
        return render_template("problem.html", title=title, text=text), 500

    @app.get("/")
    def start() -> str:
        return render_template("start.html", title="Equality impact assessment")

    @app.post("/assessments")
    def new_assessment() -> Any:
        draft = store.create()
        return redirect(url_for("tasks", ref=draft.ref), code=303)

    @app.route("/assessments/upload", methods=["GET", "POST"])
    def upload() -> Any:
        error: str | None = None
        if request.method == "POST":
            try:
                chosen = request.files.get("file")
            except RequestEntityTooLarge:  # the post is over the limit: it is not read
                error = _TOO_BIG
            else:
                if chosen is None or not chosen.filename:
                    error = "Select an assessment file"
                else:
                    read = _read_upload(chosen.stream.read(MAX_UPLOAD + 1))
                    if isinstance(read, dict):
                        draft = store.create(read)
                        return redirect(url_for("tasks", ref=draft.ref), code=303)
                    error = read
        page = render_template(
            "upload.html",
            title="Continue an existing assessment",
            summary=[{"text": error, "href": "#file"}] if error else [],
            error=error,
        )
        return page, 413 if error == _TOO_BIG else 200

    @app.get("/assessments/<ref>")
    def tasks(ref: str) -> str:
        document = draft_or_404(ref)
        report = psed.validate(document, status="submitted", as_of=as_of)
        items: list[dict[str, Any]] = []
        done = 0
        for section in SECTIONS:
            status = _status_of(section, document, report)
            done += status == "Completed"
            tag = None
            if status == "Not yet started":
                tag = {"text": status, "classes": "govuk-tag--blue"}
            elif status == "Incomplete":
                tag = {"text": status, "classes": "govuk-tag--light-blue"}
            items.append(
                {
                    "title": {"text": section.title},
                    "href": url_for("section_page", ref=ref, slug=section.slug),
                    "status": {"tag": tag} if tag else {"text": status},
                }
            )
        return render_template(
            "tasks.html",
            title="Your assessment",
            items=items,
            done=done,
            total=len(items),
            name=document.get("name") if isinstance(document.get("name"), str) else "",
            check_url=url_for("check", ref=ref),
        )

    @app.route("/assessments/<ref>/<slug>", methods=["GET", "POST"])
    def section_page(ref: str, slug: str) -> Any:
        document = draft_or_404(ref)
        section = section_for(slug)
        if section is None:
            abort(404)
        page = _Page(summary=[], errors={})
        if request.method == "POST":
            form = dict(request.form.items())
            document = read_section(section, form, document)
            store.save(ref, document)
            action = form.get("action", "continue")
            if action == "save":
                return redirect(url_for("saved", ref=ref), code=303)
            if action == "add":
                return redirect(url_for("section_page", ref=ref, slug=slug), code=303)
            page = _section_problems(section, document, form, as_of)
            if not page.summary:
                return redirect(url_for("tasks", ref=ref), code=303)
        questions = section_questions(section, document, page.errors)
        return render_template(
            "section.html",
            title=section.title,
            section=section,
            questions=questions,
            summary=page.summary,
            rows=any(g.rows for g in section.groups),
            back=url_for("tasks", ref=ref),
        )

    @app.get("/assessments/<ref>/saved")
    def saved(ref: str) -> str:
        draft_or_404(ref)
        link = url_for("tasks", ref=ref, _external=True)
        return render_template("saved.html", title="Your answers have been saved", link=link)

    @app.route("/assessments/<ref>/check", methods=["GET", "POST"])
    def check(ref: str) -> Any:
        document = draft_or_404(ref)
        summary: list[dict[str, str]] = []
        if request.method == "POST":
            report = psed.validate(document, status="submitted", as_of=as_of)
            if report.ok:
                store.save(ref, {**document, "status": "submitted"}, "submitted")
                return redirect(url_for("submitted", ref=ref), code=303)
            ids: set[str] = set()
            dates: dict[str, Any] = {}
            for section in SECTIONS:
                ids |= question_ids(section_questions(section, document, {}))
                dates.update(date_parts_in(section, None, document))
            shown = problems(
                report,
                field_id=field_id_map(document),
                fields=ids,
                severities=("error",),
                dates=dates,
            )
            for problem in shown:
                owner = next((s for s in SECTIONS if s.owns(problem.pointer)), None)
                item = {"text": problem.text}
                if owner is not None and problem.href is not None:
                    page = url_for("section_page", ref=ref, slug=owner.slug)
                    item["href"] = page + (_first_missing(problem, ids) or problem.href)
                summary.append(item)
        sections = [
            {
                "title": s.title,
                "lists": summary_lists(s, document, url_for("section_page", ref=ref, slug=s.slug)),
            }
            for s in SECTIONS
        ]
        return render_template(
            "check.html", title="Check your answers", sections=sections, summary=summary
        )

    @app.get("/assessments/<ref>/submitted")
    def submitted(ref: str) -> str:
        draft_or_404(ref)
        return render_template(
            "submitted.html",
            title="Assessment submitted",
            ref=ref,
            view=url_for("published", ref=ref),
        )

    @app.get("/assessments/<ref>/assessment")
    def published(ref: str) -> Response:
        document = draft_or_404(ref)
        proposal, _ = psed.read(document)
        if proposal is None:
            abort(404)
        report = psed.check(proposal, as_of=as_of)
        try:
            page = psed.render(proposal, format="html", findings=report)
        except RenderError:  # psed[render] is not installed
            abort(404)
        response = Response(page, mimetype="text/html")
        # The rendered page is one self-contained file with its own styles.
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'"
        )
        return response

    @app.post("/api/validate")
    def api_validate() -> Response:
        if request.mimetype != "application/json":
            return _json_error(415, _ERROR_PAGES[415][1])
        status = request.args.get("status")
        if status not in (None, *STATUSES):
            return _json_error(400, f"Give status as one of {', '.join(STATUSES)}.")
        only = request.args.getlist("only")
        if only and not all(p == "" or p.startswith("/") for p in only):
            return _json_error(400, "Give only as a JSON Pointer, such as /impacts.")
        body = request.get_data(cache=False)
        if body.lstrip()[:1] != b"{":
            report = _unreadable(
                "The request body is not a JSON object: send the assessment as one."
            )
            response = jsonify(form_response(report))
            response.status_code = 400
            return response
        report = psed.validate(body, status=status, as_of=as_of)
        unreadable = any(f.code == "PSED001" for f in report.findings)
        if only and not unreadable:
            kept = [
                f
                for f in report.findings
                if any(f.pointer == p or f.pointer.startswith(p + "/") or p == "" for p in only)
            ]
            report = attrs.evolve(report, findings=kept)
        response = jsonify(form_response(report))
        response.status_code = 400 if unreadable else 200
        return response

    return app


def serve(
    port: int = 8000,
    *,
    db: Path | str | None = None,
    as_of: dt.date | None = None,
    quiet: bool = False,
    read_timeout: float = READ_TIMEOUT,
) -> BaseWSGIServer:
    """A threaded server for the service on 127.0.0.1 (``port=0`` picks a free port).

    A connection that sends nothing for ``read_timeout`` seconds (a body that never
    arrives) is dropped, so no thread waits for ever.
    """

    class Handler(WSGIRequestHandler):
        timeout = read_timeout

        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            if not quiet:
                super().log_request(code, size)

        def log_error(self, format: str, *args: Any) -> None:
            if not quiet:
                super().log_error(format, *args)

    return make_server(
        "127.0.0.1",
        port,
        create_app(db=db, as_of=as_of),
        threaded=True,
        request_handler=Handler,
    )


def main(argv: list[str] | None = None) -> int:
    """Run the service until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    parser.add_argument("--db", default=None, help="SQLite file for drafts")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD")
    args = parser.parse_args(argv)
    server = serve(args.port, db=args.db, as_of=args.as_of)
    print(f"Equality impact assessment service on http://127.0.0.1:{server.server_port}/")
    print("Press Ctrl-C to stop.")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
