"""Render an assessment as the document an organisation publishes: HTML, Word, PDF, Markdown.

>>> import psed
>>> proposal = psed.load("examples/customer-access-strategy.yaml")
>>> page = psed.render(proposal, format="html")
>>> page.startswith("<!DOCTYPE html>")
True

The sections follow the order councils publish in (the proposal, its service profile,
the summary of impact, the impact of each characteristic, the action plan, evidence,
engagement, the decision, sign-off and review), with the labels the forms use. Every
field of the document is shown, and the layout is the same in every format, so that
a rendered HTML or Word file can be imported back into the same document.

Rendering needs the ``psed[render]`` extra (Jinja2, python-docx, WeasyPrint); the rest
of psed does not.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import importlib
from typing import Any, Literal, overload

from psed._i18n import _
from psed.findings import Report
from psed.model import Proposal

__all__ = ["FORMATS", "LANGUAGES", "RenderError", "render"]

FORMATS = ("html", "docx", "pdf", "md")
"""The output formats: HTML and Markdown are text, Word (docx) and PDF are bytes."""

LANGUAGES = ("en", "cy", "both")
"""The languages a document can be rendered in: English, Welsh, or both (bilingual:
each heading and label in Welsh, then English)."""

Format = Literal["html", "docx", "pdf", "md"]


class RenderError(ValueError):
    """A document cannot be rendered as asked: an unknown format or language, or a missing
    optional dependency (the message says what to install)."""


def _require(module: str, package: str) -> Any:
    """Import an optional dependency, or say which extra provides it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise RenderError(
            _(
                "rendering needs {package}, which comes with the render extra: "
                "pip install 'psed[render]'",
                package=package,
            )
        ) from None


@overload
def render(
    proposal: Proposal,
    format: Literal["html", "md"] = "html",
    findings: Report | None = None,
    lang: str = "en",
) -> str: ...


@overload
def render(
    proposal: Proposal,
    format: Literal["docx", "pdf"],
    findings: Report | None = None,
    lang: str = "en",
) -> bytes: ...


@overload
def render(
    proposal: Proposal,
    format: str = "html",
    findings: Report | None = None,
    lang: str = "en",
) -> str | bytes: ...


def render(
    proposal: Proposal,
    format: str = "html",
    findings: Report | None = None,
    lang: str = "en",
) -> str | bytes:
    """The publishable document of ``proposal``: ``str`` for html and md, ``bytes`` for docx
    and pdf.

    ``findings``, a :class:`~psed.Report` from :func:`psed.check`, adds a "Quality check"
    annex: the findings grouped by section, with their codes, messages and the law they
    cite, and the reason of each accepted (waived) finding. ``lang`` is ``"en"``
    (English), ``"cy"`` (Welsh: every heading, label and finding in Welsh) or ``"both"``
    (bilingual: each heading and label in Welsh, then English, Welsh first as the Welsh
    Language Standards ask; the document's own text is shown once, as written). Raises
    :class:`RenderError` for an unknown format or language, or when the ``psed[render]``
    extra is not installed.

    .. versionchanged:: 0.2.0
       ``lang="cy"`` and ``lang="both"``.
    """
    if format not in FORMATS:
        raise RenderError(
            _(
                "format: {format} is not a format psed renders; use one of {formats}",
                format=repr(format),
                formats=", ".join(FORMATS),
            )
        )
    if lang not in LANGUAGES:
        raise RenderError(
            _(
                "lang: {lang} is not a language psed renders; use one of {languages}",
                lang=repr(lang),
                languages=", ".join(LANGUAGES),
            )
        )
    from psed.rendering._labels import language

    with language(lang):  # the writers below give their own labels in it too
        return _render(proposal, format, findings, lang)


def _render(proposal: Proposal, format: str, findings: Report | None, lang: str) -> str | bytes:
    from psed.rendering._layout import build

    layout = build(proposal, findings, lang)
    if format == "md":
        from psed.rendering._templates import markdown

        return markdown(layout)
    if format == "docx":
        from psed.rendering._docx import docx

        return docx(layout)
    from psed.rendering._templates import html

    page = html(layout)
    if format == "pdf":
        from psed.rendering._pdf import pdf

        return pdf(page)
    return page
