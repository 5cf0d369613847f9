"""Document texts render as text in every format: never markup, never lost.

Each format is read back with an independent reader: HTML with an HTML parser, Word
with python-docx and with mammoth, PDF with pdfplumber, Markdown with markdown-it-py
(CommonMark with GitHub's tables).
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import psed
from psed.model import Proposal

ROOT = Path(__file__).resolve().parents[2]

MARKUP = (
    "<script>alert(1)</script> </td></tr></table> {{ 7*7 }} {% if x %}"
    " **bold** _em_ [link](https://x.example) | pipe `tick` &amp; ~~del~~ $x$"
)
CONTROLS = "bell\x07 esc\x1b nul\x00 cr\r nel\x85 del\x7f end"
LINES = "# Heading?\n- item\n1. one\n> quote\n---"
HOSTILE = f"{MARKUP}\n{CONTROLS}\n{LINES}"


def _visible(text: str) -> str:
    """How a reader sees ``text``: each special character as its code point."""
    return re.sub("[\x00-\x08\x0b-\x1f\x7f-\x9f]", lambda m: f"U+{ord(m.group()):04X}", text)


@pytest.fixture(scope="module")
def hostile() -> Proposal:
    tree = psed.unstructure(psed.load(ROOT / "examples" / "garden-waste-charge.yaml"))
    tree["name"] = tree["description"] = HOSTILE
    tree["characteristics"].append(
        {"code": "hostile_text", "label": HOSTILE, "description": HOSTILE}
    )
    tree["impacts"].append(
        {
            "characteristic": "hostile_text",
            "group": HOSTILE,
            "impact": "negative",
            "details": HOSTILE,
            "mitigations": [{"action": HOSTILE, "owner": HOSTILE}],
        }
    )
    return psed.structure(tree)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.cells: dict[str, str] = {}
        self._cell: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attributes)
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))
        if tag == "td" and found.get("data-pointer") is not None:
            self._cell, self._text = found["data-pointer"], []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.cells[self._cell] = "".join(self._text)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._text.append(data)


def test_html_shows_markup_and_controls_as_text(hostile: Proposal) -> None:
    page = psed.render(hostile, format="html")
    parsed = _Tags()
    parsed.feed(page)
    assert "script" not in parsed.tags
    assert all(not h.startswith("https://x.example") for h in parsed.hrefs)
    assert parsed.tags.count("table") == page.count("<table")  # no table closed early
    last = len(hostile.impacts) - 1
    for pointer in ("/name", "/description", f"/impacts/{last}/details"):
        assert parsed.cells[pointer] == _visible(HOSTILE)
    # Nothing the document holds reaches the page unescaped.
    assert "<script>" not in page
    assert "{{ 7*7 }}" in page  # Jinja2 never evaluates document text
    for char in "\x00\x1b\r":
        assert char not in page


def _docx_text(paragraph: Any) -> str:
    """A paragraph's text with markers decoded: the value it holds."""
    out = []
    for run in paragraph.runs:
        if run.style is not None and run.style.name == "psed Character":
            out.append(chr(int(run.text[2:], 16)))
        else:
            out.append(run.text)
    return "".join(out)


def test_docx_holds_the_text_exactly(hostile: Proposal) -> None:
    import docx

    document = docx.Document(io.BytesIO(psed.render(hostile, format="docx")))
    values: dict[str, list[str]] = {}
    for table in document.tables:
        for row in table.rows:
            cells = row.cells
            if len(cells) == 2:
                values.setdefault(cells[0].text, []).append(_docx_text(cells[1].paragraphs[0]))
    assert HOSTILE in values["Name or brief description of proposal"]
    assert HOSTILE in values["Description of the proposal"]
    assert HOSTILE in values["Details of impact"]
    assert HOSTILE in values["Group"]
    headings = [
        p.text for p in document.paragraphs if p.style and p.style.name.startswith("Heading")
    ]
    assert _visible(HOSTILE) in headings  # the title, as a reader sees it


def test_mammoth_reads_the_docx_as_text(hostile: Proposal) -> None:
    import mammoth  # type: ignore[import-untyped]

    data = psed.render(hostile, format="docx")
    raw = mammoth.extract_raw_text(io.BytesIO(data)).value
    assert MARKUP in raw
    assert _visible(CONTROLS) in raw
    page = mammoth.convert_to_html(io.BytesIO(data)).value
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.slow
def test_pdf_text_is_the_text(hostile: Proposal) -> None:
    import pdfplumber

    data = psed.render(hostile, format="pdf")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    for piece in ("<script>alert(1)</script>", "{{ 7*7 }}", "**bold**", "[link](https", "U+001B"):
        assert piece in text


def _markdown_tags(proposal: Proposal) -> tuple[list[str], str]:
    from markdown_it import MarkdownIt

    source = psed.render(proposal, format="md")
    page = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(source)
    parsed = _Tags()
    parsed.feed(page)
    return [t for t in parsed.tags if t != "code"], page


def _replace_text(proposal: Proposal, old: str, new: str) -> Proposal:
    tree = psed.unstructure(proposal)

    def swap(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: swap(v) for k, v in node.items()}
        if isinstance(node, list):
            return [swap(v) for v in node]
        return new if node == old else node

    return psed.structure(swap(tree))


def test_markdown_shows_markup_as_text(hostile: Proposal) -> None:
    tags, page = _markdown_tags(hostile)
    plain_tags, _ = _markdown_tags(
        _replace_text(hostile, HOSTILE, re.sub(r"[^\n]+", "plain words", HOSTILE))
    )
    # The same structure as with plain text: no text became markup (code spans aside,
    # which show the special characters).
    assert tags == plain_tags
    assert "script" not in tags
    text = re.sub(r"<[^>]+>", "", page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "**bold** _em_ [link](https://x.example) | pipe `tick` &amp;amp; ~~del~~ $x$" in text
    assert "U+001B" in text
