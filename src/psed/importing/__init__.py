"""Import existing assessments from Word (.docx), HTML and PDF files into psed documents.

Needs the optional extra: ``pip install 'psed[import]'`` (python-docx, pdfplumber
and lxml); the rest of psed does not.

>>> from psed.importing import builtin_templates
>>> sorted(builtin_templates())
['ecni-s75-screening', 'esia', 'generic-eqia', 'psed-rendered', 'wales-iia']

A reader turns the file into plain content (paragraphs and table cells, each with
where it came from); a template, which is data, maps that content to the fields of
a document. :func:`import_file` does both and returns an :class:`ImportResult`:
the document, the YAML to write (with a comment on every inferred value), and the
account of every piece of source text (used, skipped as a form leftover, or not
imported).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from psed.catalogue import Catalogue
from psed.findings import Finding
from psed.importing._mapping import Mapped, apply_template, pieces_of, score
from psed.importing._report import import_report, report_schema
from psed.importing._safety import (
    DEFAULT_LIMITS,
    ImportLimits,
    ImportProblem,
    ole_problem,
    read_bounded,
    sniff,
)
from psed.importing._source import Source
from psed.importing._template import Template, TemplateError, builtin_templates, load_template
from psed.importing._yaml import commented_yaml
from psed.model import Proposal

__all__ = [
    "SUFFIXES",
    "ImportLimits",
    "ImportProblem",
    "ImportResult",
    "MissingExtra",
    "Template",
    "TemplateError",
    "builtin_templates",
    "choose_template",
    "import_file",
    "import_report",
    "load_template",
    "read_source",
    "report_schema",
]

SUFFIXES = (".docx", ".html", ".htm", ".pdf")
"""The file suffixes ``psed import`` reads."""

_KINDS = {".docx": "zip", ".pdf": "pdf", ".html": "text", ".htm": "text"}
_NAMES = {
    ".docx": "a Word (.docx) document",
    ".pdf": "a PDF",
    ".html": "a web page",
    ".htm": "a web page",
}
_SUFFIX_FOR = {"zip": ".docx", "pdf": ".pdf", "text": ".html"}


class MissingExtra(ImportProblem):
    """The ``import`` extra is not installed."""


def _need(module: str, path: str) -> None:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise MissingExtra(
            path,
            f"importing this file needs the {module} package, which comes with psed's "
            "import extra; install it with: pip install 'psed[import]'",
        )


def read_source(path: str | os.PathLike[str], *, limits: ImportLimits | None = None) -> Source:
    """Read a .docx, .html/.htm or .pdf file into plain content (:class:`ImportProblem` if not).

    The file is checked before any parser sees it: its size, that it is what its
    name says, that it is not password-protected, a zip bomb or an XML entity bomb.
    """
    name = os.fspath(path)
    limits = DEFAULT_LIMITS if limits is None else limits
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in _KINDS:
        raise ImportProblem(
            name,
            f"psed imports .docx, .html, .htm and .pdf files, not "
            f"{suffix or 'files without a suffix'}; save the form in one of those formats",
        )
    data = read_bounded(name, limits)
    if not data:
        raise ImportProblem(name, "the file is empty; there is nothing to import")
    kind = sniff(data)
    expected = _KINDS[suffix]
    if kind == "ole" and suffix == ".docx":
        raise ole_problem(name, data, _NAMES[suffix])
    if kind != expected:
        what = {
            "zip": "a zip archive (perhaps a Word file)",
            "pdf": "a PDF",
            "text": "text",
            "ole": "an old Office or password-protected file",
        }.get(kind, kind)
        better = _SUFFIX_FOR.get(kind)
        hint = f"; if it is one, rename it to {better}" if better and better != suffix else ""
        raise ImportProblem(
            name,
            f"the file is named {suffix} but holds {what}, not {_NAMES[suffix]}{hint}; "
            "nothing imported",
        )
    if suffix == ".docx":
        _need("docx", name)
        from psed.importing._docx import read_docx

        return read_docx(name, data, limits)
    if suffix == ".pdf":
        _need("pdfplumber", name)
        from psed.importing._pdf import read_pdf

        return read_pdf(name, data, limits)
    _need("lxml", name)
    from psed.importing._html import read_html

    return read_html(name, data)


def choose_template(
    source: Source, templates: Iterable[Template]
) -> tuple[Template, float, tuple[tuple[str, float], ...]]:
    """The template that fits the source best, its score (0-1), and every candidate's score."""
    pieces = pieces_of(source)
    scored = [(t, score(pieces, t)) for t in templates]
    if not scored:
        raise TemplateError("no templates to choose from; give at least one Template")
    scored.sort(key=lambda ts: -ts[1])
    best, best_score = scored[0]
    return best, best_score, tuple((t.id, s) for t, s in scored)


def _read_own_layout(
    name: str, source: Source, limits: ImportLimits | None, status: str | None
) -> Mapped:
    """Read a file psed rendered with the layout's own reader: every value is where it says."""
    from psed.importing._psed_layout import read_psed_docx, read_psed_html

    data = read_bounded(name, DEFAULT_LIMITS if limits is None else limits)
    if source.format == "docx":
        tree, where = read_psed_docx(name, data)
    elif source.format == "html":
        tree, where = read_psed_html(name, data)
    else:
        raise ImportProblem(
            name,
            "a PDF of psed's own layout cannot be read back exactly; import the HTML or Word "
            "file it was made from, or choose another template with --template",
        )
    if status is not None:
        tree["status"] = status
    unmapped, skipped = _not_rendered(name, source, tree)
    fields = tuple(
        {"pointer": pointer, "from": [{"kind": "cell", "heading": place}]}
        for pointer, place in where
    )
    return Mapped(tree=tree, fields=fields, inferred=(), unmapped=unmapped, skipped=skipped)


def _not_rendered(
    name: str, source: Source, tree: dict[str, Any]
) -> tuple[tuple[dict[str, Any], ...], tuple[dict[str, Any], ...]]:
    """Text in a rendered file that rendering the document read from it would not give.

    Rendering the document again and reading it like the file shows what the file holds
    beyond the document: text someone added after rendering. It is listed as not
    imported; the quality-check annex, which is findings and not document data, is
    skipped. Without the render extra there is nothing to compare with, and the check is
    left out.
    """
    from collections import Counter

    import psed
    from psed.importing._mapping import pieces_of

    proposal, problems = psed.read(tree)
    if proposal is None or problems:
        return (), ()
    try:
        from psed.rendering import render
        from psed.rendering._labels import LABELS

        again = render(proposal, format="docx" if source.format == "docx" else "html")
    except Exception:  # the render extra is not installed: nothing to compare with
        return (), ()
    if isinstance(again, bytes):
        from psed.importing._docx import read_docx

        fresh = read_docx(name, again, DEFAULT_LIMITS)
    else:
        from psed.importing._html import read_html

        fresh = read_html(name, again.encode("utf-8"))
    expected = Counter(p.text.strip() for p in pieces_of(fresh))
    unmapped: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    in_annex = False
    for piece in pieces_of(source):
        text = piece.text.strip()
        if piece.heading and text == LABELS["section.quality"]:
            in_annex = True
        if in_annex or text == LABELS["section.quality"]:  # the annex, or its contents line
            skipped.append(
                {"text": piece.text, "from": piece.where.as_dict(), "reason": "quality-check annex"}
            )
        elif expected[text] > 0:
            expected[text] -= 1
        else:
            unmapped.append({"text": piece.text, "from": piece.where.as_dict()})
    return tuple(unmapped), tuple(skipped)


@attrs.frozen(kw_only=True)
class ImportResult:
    """One imported file: the document, its YAML, and the account of the source's text.

    ``fields`` gives, for each JSON Pointer written, where it came from; ``inferred``
    the values worked out rather than read (a person should confirm them);
    ``unmapped`` every piece of source text that went nowhere; ``skipped`` the form
    leftovers that were recognised and not imported, each with the reason.
    ``findings`` holds any structural problem of the document read back (none for a
    sound template).
    """

    path: str
    format: str
    template: str
    score: float
    candidates: tuple[tuple[str, float], ...]
    chosen: str
    proposal: Proposal | None
    tree: Mapping[str, Any]
    yaml: str
    fields: tuple[Mapping[str, Any], ...]
    inferred: tuple[Mapping[str, Any], ...]
    unmapped: tuple[Mapping[str, Any], ...]
    skipped: tuple[Mapping[str, Any], ...]
    findings: tuple[Finding, ...] = ()


def import_file(
    path: str | os.PathLike[str],
    *,
    template: str | Template = "auto",
    templates: Sequence[Template] | None = None,
    status: str | None = None,
    catalogue: Catalogue | None = None,
    limits: ImportLimits | None = None,
) -> ImportResult:
    """Import one file: read it, choose or use a template, and map it to a document.

    ``template`` is ``"auto"`` (score every template and take the best), a template
    id, or a :class:`Template`. ``templates`` are the templates to choose among
    (default: the built-in ones). ``status`` sets the document's status; by default
    it is worked out from the sign-offs (and listed as inferred).
    Raises :class:`ImportProblem` for a file that cannot be imported.
    """
    import psed

    name = os.fspath(path)
    available = list(builtin_templates().values()) if templates is None else list(templates)
    if not available and not isinstance(template, Template):
        raise TemplateError(
            "no templates to choose from: templates=[] was given; leave templates out for "
            "the built-in ones, or give a list of Template"
        )
    source = read_source(name, limits=limits)
    if isinstance(template, Template):
        chosen, how = template, "given"
        candidates: tuple[tuple[str, float], ...] = (
            (template.id, score(pieces_of(source), template)),
        )
        best_score = candidates[0][1]
    elif template == "auto":
        chosen, best_score, candidates = choose_template(source, available)
        how = "auto"
    else:
        by_id = {t.id: t for t in available}
        if template not in by_id:
            raise ImportProblem(
                name,
                f"there is no template {template!r}; use one of {', '.join(sorted(by_id))}, "
                "or auto",
            )
        chosen, how = by_id[template], "given"
        best_score = score(pieces_of(source), chosen)
        candidates = ((chosen.id, best_score),)
    stem = os.path.splitext(os.path.basename(name))[0]
    if chosen.layout == "psed":
        mapped = _read_own_layout(name, source, limits, status)
    else:
        mapped = apply_template(source, chosen, status=status, catalogue=catalogue, stem=stem)
    proposal, findings = psed.read(mapped.tree, catalogue=catalogue)
    text = commented_yaml(mapped.tree, source=name, template=chosen, inferred=mapped.inferred)
    return ImportResult(
        path=name,
        format=source.format,
        template=chosen.id,
        score=best_score,
        candidates=candidates,
        chosen=how,
        proposal=proposal,
        tree=mapped.tree,
        yaml=text,
        fields=mapped.fields,
        inferred=mapped.inferred,
        unmapped=mapped.unmapped,
        skipped=mapped.skipped,
        findings=tuple(findings),
    )
