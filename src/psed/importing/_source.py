"""What a reader returns: the plain content of a form, with where each piece came from.

Readers (Word, HTML, PDF) know nothing about assessments. They return a
:class:`Source`: the document's blocks in reading order, each a paragraph or a
table of cells, every paragraph with its :class:`Location`. Templates then map
these pieces to document fields; whatever no template uses is reported, so nothing
in the form is silently lost.

Tick boxes are normalised by the readers to two characters: ``☒`` (ticked) and
``☐`` (not ticked), whatever the form used (Word check-box content controls,
legacy form fields, Wingdings symbols, HTML ``<input type="checkbox">``).
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["TICKED", "UNTICKED", "Cell", "Location", "Paragraph", "Source", "Table"]

TICKED = "☒"
"""How a reader writes a ticked box."""
UNTICKED = "☐"
"""How a reader writes a box that is not ticked."""


@attrs.frozen(kw_only=True)
class Location:
    """Where a piece of text is in the source file, for the import report.

    ``kind`` is ``paragraph``, ``cell``, ``header``, ``footer``, ``footnote``, ``endnote``
    or ``metadata`` (the file's
    properties); for values that come from no text, ``template`` (the framework the
    template names) or ``option`` (``--status``).
    Numbers count from 1: the table among the document's tables, the row in the
    table, the cell in the row, the paragraph within the document (or the cell).
    """

    kind: str
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    paragraph: int | None = None
    page: int | None = None
    heading: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The location as JSON: only the parts that are set."""
        out: dict[str, Any] = {"kind": self.kind}
        for name in ("table", "row", "cell", "paragraph", "page", "heading"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


@attrs.frozen(kw_only=True)
class Paragraph:
    """One paragraph of text (a heading, a line of a cell, a list item).

    ``heading`` is the heading level (0 for body text). ``italic`` is true when
    the whole paragraph is in italics (form guidance usually is). ``placeholder``
    is true when the text is a Word content control still showing its placeholder
    ("Click or tap here to enter text.").
    """

    text: str
    where: Location
    heading: int = 0
    italic: bool = False
    placeholder: bool = False


@attrs.frozen(kw_only=True)
class Cell:
    """One table cell: its paragraphs, and how many grid columns it spans."""

    paragraphs: tuple[Paragraph, ...]
    where: Location
    span: int = 1

    @property
    def text(self) -> str:
        """The cell's text, one paragraph a line."""
        return "\n".join(p.text for p in self.paragraphs)


@attrs.frozen(kw_only=True)
class Table:
    """A table: rows of cells. ``page`` is the page it starts on (PDF), if known.

    ``continues`` is true when a PDF table starts at the top of a page right after
    a table ended at the foot of the previous one: probably the same table, broken
    by the page.
    """

    rows: tuple[tuple[Cell, ...], ...]
    index: int
    page: int | None = None
    continues: bool = False


Block = Paragraph | Table


@attrs.frozen(kw_only=True)
class Source:
    """A whole source file as plain content: blocks in reading order, and its title."""

    path: str
    format: str
    blocks: tuple[Paragraph | Table, ...]
    title: str | None = None
    extras: tuple[Paragraph, ...] = ()
    """Text outside the body: page headers and footers, notes."""
    pages: int | None = None
