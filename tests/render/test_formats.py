"""What each format is made of: Word styles and properties, PDF tags and fonts, HTML shape."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import psed
from psed.model import Proposal
from psed.rendering import RenderError

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "customer-access-strategy.yaml"


@pytest.fixture(scope="module")
def seed() -> Proposal:
    return psed.load(SEED)


# --------------------------------------------------------------------------- the API


def test_text_formats_are_str_and_binary_formats_bytes(seed: Proposal) -> None:
    assert isinstance(psed.render(seed), str)
    assert isinstance(psed.render(seed, format="md"), str)
    assert isinstance(psed.render(seed, format="docx"), bytes)


@pytest.mark.parametrize("fmt", ["html", "md", "docx"])
def test_rendering_is_deterministic(seed: Proposal, fmt: str) -> None:
    assert psed.render(seed, format=fmt) == psed.render(seed, format=fmt)


def test_unknown_format_and_language_are_clear_errors(seed: Proposal) -> None:
    with pytest.raises(RenderError, match=r"format: 'odt' is not a format psed renders"):
        psed.render(seed, format="odt")
    with pytest.raises(RenderError, match=r"'fr' is not a language psed renders; use one of en"):
        psed.render(seed, lang="fr")


def test_a_missing_extra_names_it(seed: Proposal, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from psed.rendering import _templates

    _templates._html_environment.cache_clear()
    monkeypatch.setitem(sys.modules, "jinja2", None)
    try:
        with pytest.raises(RenderError, match=r"needs Jinja2.*pip install 'psed\[render\]'"):
            psed.render(seed)
    finally:
        _templates._html_environment.cache_clear()


def test_importing_psed_does_not_import_the_render_extra() -> None:
    import subprocess
    import sys

    code = "import sys, psed; print(sorted({'jinja2', 'docx', 'weasyprint'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------- HTML


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.th_scopes: list[str | None] = []
        self.external: list[str] = []
        self.tags: set[str] = set()
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        found = dict(attributes)
        self.tags.add(tag)
        if tag == "html":
            self.lang = found.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "th":
            self.th_scopes.append(found.get("scope"))
        for name in ("src", "href"):
            value = found.get(name)
            if value and not value.startswith("#") and tag != "a":
                self.external.append(value)
        if tag in ("link", "img", "iframe", "object", "embed"):
            self.external.append(tag)


def test_html_is_one_self_contained_semantic_page(full_proposal: Proposal) -> None:
    page = psed.render(full_proposal)
    outline = _Outline()
    outline.feed(page)
    assert outline.lang == "en-GB"
    assert "script" not in outline.tags
    assert outline.external == []
    assert outline.headings[0] == 1
    assert outline.headings.count(1) == 1
    # No heading level is skipped.
    assert all(b - a <= 1 for a, b in zip(outline.headings, outline.headings[1:], strict=False))
    assert set(outline.th_scopes) == {"row", "col"}
    assert '<a class="skip-link" href="#main">' in page
    assert '<main id="main"' in page
    assert "@media print" in page
    # Links are only to the document's own web addresses (https) and its own anchors.
    links = re.findall(r'href="([^"]*)"', page)
    assert all(link.startswith("#") or link.startswith("https://") for link in links)


def test_only_web_addresses_become_links(full_proposal: Proposal) -> None:
    tree = psed.unstructure(full_proposal)
    tree["evidence"][0]["url"] = "javascript:alert(1)"
    page = psed.render(psed.structure(tree))
    assert 'href="javascript' not in page
    assert ">javascript:alert(1)</td>" in page


# --------------------------------------------------------------------------- Word


def test_docx_uses_word_styles_and_properties(full_proposal: Proposal) -> None:
    import docx

    document = docx.Document(io.BytesIO(psed.render(full_proposal, format="docx")))
    styles = {p.style.name for p in document.paragraphs if p.style is not None}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= styles
    titles = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert titles == [full_proposal.name]
    props = document.core_properties
    assert props.title == full_proposal.name
    assert props.subject == "Equality and Safety Impact Assessment"
    assert props.language == "en-GB"
    assert props.created is None
    assert props.modified is None
    assert {t.style.name for t in document.tables if t.style is not None} == {"psed Table"}
    assert all(t.style is not None for t in document.tables)
    # Every table has a header row that repeats on each page; field tables have row headers.
    kinds = set()
    for table in document.tables:
        properties = table._tbl.tblPr
        assert properties is not None
        look = properties.find(f"{{{_W}}}tblLook")
        assert look is not None
        assert look.get(f"{{{_W}}}firstRow") == "1"
        assert table.rows[0]._tr.find(f".//{{{_W}}}tblHeader") is not None
        is_fields = [c.text for c in table.rows[0].cells] == ["Item", "Details"]
        kinds.add(is_fields)
        assert look.get(f"{{{_W}}}firstColumn") == ("1" if is_fields else "0")
        caption = properties.find(f"{{{_W}}}tblCaption")
        assert caption is not None
        assert caption.get(f"{{{_W}}}val")
    assert kinds == {True, False}


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_docx_package_has_fixed_timestamps(seed: Proposal) -> None:
    with zipfile.ZipFile(io.BytesIO(psed.render(seed, format="docx"))) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "word/document.xml" in package.namelist()


def test_docx_marks_absent_values_with_their_own_style(seed: Proposal) -> None:
    import docx

    document = docx.Document(io.BytesIO(psed.render(seed, format="docx")))
    not_given = [
        run.text
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if run.style is not None and run.style.name == "psed Not given"
    ]
    assert "No decision is recorded." in not_given


# --------------------------------------------------------------------------- PDF


@pytest.mark.slow
def test_pdf_is_tagged_with_fonts_embedded(seed: Proposal) -> None:
    import pdfplumber

    data = psed.render(seed, format="pdf")
    assert data.startswith(b"%PDF-")
    assert psed.render(seed, format="pdf") == data
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        catalog = pdf.doc.catalog
        assert "StructTreeRoot" in catalog
        assert _resolve(catalog["MarkInfo"])["Marked"] is True
        assert _resolve(catalog["Lang"]) == b"en-GB"
        assert pdf.metadata["Title"].startswith(seed.name)
        descriptors = list(_font_descriptors(pdf.doc))
        assert descriptors
        assert all(
            any(key in font for key in ("FontFile", "FontFile2", "FontFile3"))
            for font in descriptors
        )
        text = pdf.pages[0].extract_text() or ""
        metadata = _resolve(catalog["Metadata"]).get_data()
    assert seed.name in text
    assert b'pdfuaid:part="1"' in metadata


def _resolve(value: object) -> Any:
    from pdfminer.pdftypes import resolve1

    return resolve1(value)


def _font_descriptors(doc: Any) -> Iterator[dict[str, Any]]:
    from pdfminer.psparser import LIT

    for xref in doc.xrefs:
        for objid in xref.get_objids():
            try:
                obj = _resolve(doc.getobj(objid))
            except Exception:  # objects pdfminer cannot read are not fonts
                continue
            if isinstance(obj, dict) and obj.get("Type") is LIT("FontDescriptor"):
                yield obj


def test_psed_render_is_the_function_whatever_was_imported_first() -> None:
    import subprocess
    import sys

    code = (
        "import psed.rendering._layout, psed\n"
        "p = psed.load('examples/garden-waste-charge.yaml')\n"
        "print(psed.render(p, format='md').startswith('# '))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "True"
