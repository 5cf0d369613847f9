"""Read an HTML page into a :class:`~psed.importing._source.Source`, with lxml.

lxml's HTML parser (libxml2) is a real parser that copes with the markup committee
systems and Word's "save as web page" produce; python-docx already depends on it,
so the ``import`` extra needs nothing more. It is run with no network access and
without huge-tree mode, and HTML parsing never expands entities a page declares.

Headings become heading paragraphs; ``p``, ``li``, ``dt``/``dd`` and leaf ``div``
elements become paragraphs; tables become tables (a definition list becomes a table
of two columns). Check boxes and radio buttons become ``☒`` / ``☐``. Scripts,
styles and comments are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from psed.importing._safety import ImportProblem
from psed.importing._source import TICKED, UNTICKED, Cell, Location, Paragraph, Source, Table

__all__ = ["read_html"]

_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "math", "iframe"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_CONTAINERS = frozenset(
    {
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "nav",
        "aside",
        "ul",
        "ol",
        "form",
        "fieldset",
        "figure",
        "details",
        "body",
        "center",
        "blockquote",
    }
)
# Block elements: every container, and these.
_BLOCKS = _CONTAINERS | {
    "p",
    "li",
    "dt",
    "dd",
    "pre",
    "caption",
    "address",
    "legend",
    "figcaption",
    "summary",
    "label",
}
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


class _Walker:
    def __init__(self) -> None:
        self.paragraphs = 0
        self.tables = 0
        self.heading: str | None = None

    # ----------------------------------------------------------------- inline text

    def inline(self, element: Any, italic: bool, out: list[tuple[str, bool]]) -> None:
        """Append (text, italic) pieces of an element's inline content."""
        tag = _tag(element)
        if tag in _SKIP:
            return
        here = (
            italic
            or tag in ("i", "em", "cite")
            or bool(_ITALIC_STYLE.search(element.get("style") or ""))
        )
        if tag == "br":
            out.append(("\n", here))
        elif tag == "input":
            kind = (element.get("type") or "").lower()
            if kind in ("checkbox", "radio"):
                out.append((TICKED if element.get("checked") is not None else UNTICKED, False))
                out.append((" ", False))
            elif kind not in ("hidden", "submit", "button", "image", "reset"):
                value = element.get("value") or ""
                if value:
                    out.append((value, here))
        elif tag in ("textarea", "option"):
            if tag == "option" and element.get("selected") is None:
                pass
            else:
                out.append((element.text_content() or "", here))
        elif tag == "select":
            for option in element:
                self.inline(option, here, out)
        elif tag == "img":
            alt = element.get("alt") or ""
            if alt.strip():
                out.append((alt, here))
        else:
            if element.text:
                out.append((element.text, here))
            for child in element:
                self.inline(child, here, out)
                if child.tail:
                    out.append((child.tail, here))

    def text_of(self, element: Any, italic: bool = False) -> tuple[str, bool]:
        """Element text with white space collapsed (line breaks kept) and whether all italic."""
        pieces: list[tuple[str, bool]] = []
        self.inline(element, italic, pieces)
        text = "".join(p for p, _ in pieces)
        lines = [_SPACE.sub(" ", line).strip() for line in text.replace("\r", "").split("\n")]
        text = "\n".join(line for line in lines if line)
        all_italic = all(it for p, it in pieces if p.strip()) and bool(text)
        return text, all_italic

    # ----------------------------------------------------------------- blocks

    def _has_blocks(self, element: Any) -> bool:
        for child in element.iterdescendants():
            tag = _tag(child)
            if tag in _BLOCKS or tag in _HEADINGS or tag in ("table", "dl", "tr"):
                return True
        return False

    def blocks(self, element: Any) -> Iterator[Paragraph | Table]:
        """The block content of a container: its text runs, headings, paragraphs, tables."""
        loose: list[tuple[str, bool]] = []
        if element.text and element.text.strip():
            loose.append((element.text, False))
        for child in element:
            tag = _tag(child)
            if tag in _SKIP or not tag:
                pass
            elif tag in _HEADINGS or tag == "table" or tag == "dl" or tag in _BLOCKS:
                yield from self._flush(loose)
                loose = []
                yield from self.block(child, tag)
            else:
                self.inline(child, False, loose)
            if child.tail and child.tail.strip():
                loose.append((child.tail, False))
        yield from self._flush(loose)

    def _flush(self, pieces: list[tuple[str, bool]]) -> Iterator[Paragraph]:
        text = "".join(p for p, _ in pieces)
        lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            self.paragraphs += 1
            yield Paragraph(
                text=text,
                where=Location(kind="paragraph", paragraph=self.paragraphs, heading=self.heading),
                italic=all(it for p, it in pieces if p.strip()),
            )

    def block(self, element: Any, tag: str) -> Iterator[Paragraph | Table]:
        if tag == "table":
            yield self.table(element)
        elif tag == "dl":
            yield self.definition_list(element)
        elif tag in _HEADINGS:
            text, italic = self.text_of(element)
            if text:
                self.paragraphs += 1
                where = Location(kind="paragraph", paragraph=self.paragraphs, heading=self.heading)
                self.heading = text.replace("\n", " ")
                yield Paragraph(text=text, where=where, heading=_HEADINGS[tag], italic=italic)
        elif tag in _CONTAINERS and self._has_blocks(element):
            yield from self.blocks(element)
        else:
            if self._has_blocks(element):
                yield from self.blocks(element)
                return
            text, italic = self.text_of(element)
            if text:
                self.paragraphs += 1
                yield Paragraph(
                    text=text,
                    where=Location(
                        kind="paragraph", paragraph=self.paragraphs, heading=self.heading
                    ),
                    italic=italic,
                )

    def cell_paragraphs(self, element: Any, where: Location) -> list[Paragraph]:
        out: list[Paragraph] = []
        for block in self._cell_blocks(element):
            if isinstance(block, Table):
                for row in block.rows:
                    texts = [c.text for c in row if c.text]
                    if texts:
                        out.append(Paragraph(text=" ".join(texts), where=where))
            else:
                out.append(
                    Paragraph(
                        text=block.text, where=where, heading=block.heading, italic=block.italic
                    )
                )
        return out

    def _cell_blocks(self, element: Any) -> list[Paragraph | Table]:
        saved = (self.paragraphs, self.tables, self.heading)
        inner = _Walker()
        blocks = list(inner.blocks(element))
        self.paragraphs, self.tables, self.heading = saved
        return blocks

    def table(self, element: Any) -> Table:
        self.tables += 1
        index = self.tables
        rows: list[tuple[Cell, ...]] = []
        for tr in _rows(element):
            cells: list[Cell] = []
            for td in tr:
                if _tag(td) not in ("td", "th"):
                    continue
                where = Location(
                    kind="cell",
                    table=index,
                    row=len(rows) + 1,
                    cell=len(cells) + 1,
                    heading=self.heading,
                )
                span = (td.get("colspan") or "1").strip()
                cells.append(
                    Cell(
                        paragraphs=tuple(self.cell_paragraphs(td, where)),
                        where=where,
                        span=max(1, min(int(span), 1000)) if span.isdigit() else 1,
                    )
                )
            if cells:
                rows.append(tuple(cells))
        return Table(rows=tuple(rows), index=index)

    def definition_list(self, element: Any) -> Table:
        self.tables += 1
        index = self.tables
        rows: list[tuple[Cell, ...]] = []
        current: list[Cell] = []
        for child in _dl_items(element):
            tag = _tag(child)
            if tag == "dt" and current:
                rows.append(tuple(current))
                current = []
            where = Location(
                kind="cell",
                table=index,
                row=len(rows) + 1,
                cell=len(current) + 1,
                heading=self.heading,
            )
            current.append(Cell(paragraphs=tuple(self.cell_paragraphs(child, where)), where=where))
        if current:
            rows.append(tuple(current))
        return Table(rows=tuple(rows), index=index)


def _rows(table: Any) -> Iterator[Any]:
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from (tr for tr in child if _tag(tr) == "tr")


def _dl_items(dl: Any) -> Iterator[Any]:
    for child in dl:
        tag = _tag(child)
        if tag in ("dt", "dd"):
            yield child
        elif tag == "div":  # <dl><div><dt/><dd/></div></dl>, as GOV.UK summary lists do
            yield from (c for c in child if _tag(c) in ("dt", "dd"))


_DECLARED = re.compile(rb"charset\s*=|^\xef\xbb\xbf|^\xff\xfe|^\xfe\xff", re.IGNORECASE)


def _undeclared_utf8(data: bytes) -> str | None:
    """``utf-8`` for a page that names no character set and is valid UTF-8, else None.

    Without a declaration the HTML parser assumes Latin-1 and turns every accent and
    dash of a UTF-8 page into two or three wrong characters; today's pages are UTF-8.
    """
    if _DECLARED.search(data[:4096]):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8"


def read_html(path: str, data: bytes) -> Source:
    """Read an HTML file's bytes (already checked for size and kind)."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        encoding=_undeclared_utf8(data),
    )
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ImportProblem(
            path, f"the page cannot be read as HTML ({exc}); check that it is a web page"
        ) from None
    title_element = root.find(".//title")
    title = None
    if title_element is not None:
        title = " ".join((title_element.text_content() or "").split()) or None
    body = root.find("body")
    walker = _Walker()
    blocks = tuple(walker.blocks(body if body is not None else root))
    return Source(path=path, format="html", blocks=blocks, title=title)
