"""Hand-made findings and reports for the form tests (no rules engine needed)."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from psed import Finding, Report, Severity, Status

ROOT = Path(__file__).resolve().parents[2]


def make_finding(
    code: str,
    pointer: str,
    *,
    severity: str = "error",
    message: str | None = None,
    waived: str | None = None,
    characteristic: str | None = None,
) -> Finding:
    """A finding as the engine would report it, for tests that do not need the rules."""
    return Finding(
        code=code,
        name=code.lower(),
        severity=Severity(severity),
        default_severity=Severity(severity),
        message=message or f"{code} at {pointer or 'the document'}",
        pointer=pointer,
        characteristic=characteristic,
        waived=waived,
    )


def make_report(*findings: Finding, status: str = "submitted") -> Report:
    """A report holding these findings in the given order."""
    return Report(
        findings=findings,
        as_of=dt.date(2026, 11, 26),
        status=Status(status),
        version="test",
    )


class FormPage(HTMLParser):
    """What a browser would see of a rendered form page: ids, summary links, form values."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.summary: list[tuple[str, str]] = []
        self.inline: dict[str, list[str]] = {}
        self.values: dict[str, list[str]] = {}
        self._in_summary = 0
        self._link: str | None = None
        self._link_text = ""
        self._textarea: str | None = None
        self._select: str | None = None
        self._option: str | None = None
        self._error_for: str | None = None
        self._error_text = ""
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.append(a["id"])
        if "govuk-error-summary" in a.get("class", "").split():
            self._in_summary = 1
        if tag == "a" and self._in_summary:
            self._link, self._link_text = a.get("href", ""), ""
        if tag == "div" and a.get("id", "").endswith("-error"):
            self._error_for = a["id"][: -len("-error")]
        if tag == "p" and "govuk-error-message" in a.get("class", "") and self._error_for:
            self._error_text = " "
        if tag == "input" and a.get("type") != "submit" and "name" in a:
            self.values.setdefault(a["name"], []).append(a.get("value", ""))
        if tag == "textarea":
            self._textarea = a["name"]
            self.values.setdefault(a["name"], []).append("")
        if tag == "select":
            self._select = a["name"]
        if tag == "option" and self._select and "selected" in a:
            self.values[self._select] = [a.get("value", "")]

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link is not None:
            self.summary.append((self._link, self._link_text))
            self._link = None
        if tag == "ul" and self._in_summary:
            self._in_summary = 0
        if tag == "p" and self._error_text and self._error_for:
            self.inline.setdefault(self._error_for, []).append(self._error_text.strip())
            self._error_text = ""
        if tag == "div":
            self._error_for = None
        if tag == "textarea":
            self._textarea = None
        if tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link_text += data
        if self._textarea is not None:
            self.values[self._textarea][-1] += data
        if self._error_text:
            self._error_text += data


def example_payloads() -> dict[str, dict[str, Any]]:
    """Every examples/*.yaml as its JSON tree (dates as strings, as a browser would send)."""
    out = {}
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[path.stem] = json.loads(json.dumps(tree, default=str))
    return out


class ServicePage(HTMLParser):
    """What a person sees of a service page: title, ids, error summary, inline errors, values."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.ids: list[str] = []
        self.summary: list[tuple[str, str]] = []
        self.inline: dict[str, str] = {}
        self.values: dict[str, str] = {}
        self.checked: dict[str, str] = {}
        self._stack: list[str] = []
        self._in_title = False
        self._in_summary = False
        self._link: str | None = None
        self._text = ""
        self._error: str | None = None
        self._textarea: str | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "title":
            self._in_title = True
        if "govuk-error-summary__list" in classes:
            self._in_summary = True
        if tag == "a" and self._in_summary:
            self._link, self._text = a.get("href", ""), ""
        if "govuk-error-message" in classes and a.get("id", "").endswith("-error"):
            self._error, self._text = a["id"][: -len("-error")], ""
        if tag == "input" and "name" in a:
            if a.get("type") == "radio":
                if "checked" in a:
                    self.checked[a["name"]] = a.get("value", "")
            else:
                self.values[a["name"]] = a.get("value", "")
        if tag == "textarea":
            self._textarea = a["name"]
            self.values[a["name"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "a" and self._link is not None:
            self.summary.append((self._link, " ".join(self._text.split())))
            self._link = None
        if tag == "ul" and self._in_summary:
            self._in_summary = False
        if tag in ("p", "span") and self._error is not None and tag == "p":
            self.inline[self._error] = " ".join(self._text.split()).removeprefix("Error: ")
            self._error = None
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._link is not None or self._error is not None:
            self._text += data
        if self._textarea is not None:
            self.values[self._textarea] += data
