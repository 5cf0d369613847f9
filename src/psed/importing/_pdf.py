"""Read a PDF into a :class:`~psed.importing._source.Source`, with pdfplumber.

pdfplumber finds the tables from the lines the PDF draws and gives each cell's
words with their positions; text outside the tables becomes paragraphs. A PDF
has no paragraphs, only lines, so line breaks are judged from the layout: a line
is a paragraph's last when the next line's first word would have fitted on it (a
word processor would have put it there), when the next line starts with a bullet,
or when a gap stands between them. Pages are read one at a time and their caches
dropped, so memory stays bounded by the page, not the file.

A PDF without a text layer (a scan) is refused with a suggestion to run OCR.
"""

from __future__ import annotations

import io
import statistics
from collections.abc import Iterable, Sequence
from typing import Any

from psed.importing._safety import ImportLimits, ImportProblem
from psed.importing._source import Cell, Location, Paragraph, Source, Table

__all__ = ["read_pdf"]

_BULLETS = ("•", "\uf0b7", "▪", "◦", "●", "·", "\uf0a7", "–")


def _first_word_width(line: dict[str, Any]) -> float:
    chars = line.get("chars") or []
    if not chars:
        return 0.0
    first = chars[0]
    last = first
    for ch in chars[1:]:
        gap = float(ch["x0"]) - float(last["x1"])
        if ch["text"].isspace() or gap > 0.2 * float(last.get("size") or 10):
            break
        last = ch
    return float(last["x1"]) - float(first["x0"])


def _is_italic(line: dict[str, Any]) -> bool:
    chars = [c for c in line.get("chars") or [] if not c["text"].isspace()]
    return bool(chars) and all(
        "italic" in str(c.get("fontname", "")).lower()
        or "oblique" in str(c.get("fontname", "")).lower()
        for c in chars
    )


def _is_bold(line: dict[str, Any]) -> bool:
    chars = [c for c in line.get("chars") or [] if not c["text"].isspace()]
    return bool(chars) and all("bold" in str(c.get("fontname", "")).lower() for c in chars)


def _size(line: dict[str, Any]) -> float:
    sizes = [float(c.get("size") or 0) for c in line.get("chars") or []]
    return max(sizes) if sizes else 0.0


def _clean(text: str) -> str:
    for bullet in ("\uf0b7", "\uf0a7"):
        text = text.replace(bullet, "•")
    return text


def _join_lines(lines: Iterable[str]) -> str:
    """The lines of one paragraph as one text: a space between lines, none after a hyphen.

    Word processors break a line after a hyphen that is in the text ("lone-" / "parent");
    they do not add one, so the hyphen stays and no space is put in.
    """
    out = ""
    for line in lines:
        if out and not (out.endswith("-") and out[-2:-1].isalpha()):
            out += " "
        out += line
    return out


def _edges(lines: Sequence[dict[str, Any]]) -> list[float]:
    """For each line, where its column ends: as far right as lines starting where it starts reach.

    Text in a box is indented by the box's padding, so lines are grouped by their left
    edge (within 2 points) before their right edge is judged.
    """
    out = []
    for line in lines:
        x0 = float(line["x0"])
        out.append(
            max(float(other["x1"]) for other in lines if abs(float(other["x0"]) - x0) <= 2.0)
        )
    return out


def _paragraph_texts(
    lines: Sequence[dict[str, Any]], edges: Sequence[float] | None = None
) -> list[tuple[str, bool, float, float, bool]]:
    """Group lines into paragraphs: (text, italic, top, largest font size, bold)."""
    edges = _edges(lines) if edges is None else edges
    out: list[tuple[str, bool, float, float, bool]] = []
    current: list[dict[str, Any]] = []

    def flush() -> None:
        if current:
            text = _clean(_join_lines(str(line["text"]).strip() for line in current))
            out.append(
                (
                    text,
                    all(_is_italic(line) for line in current),
                    float(current[0]["top"]),
                    max(_size(line) for line in current),
                    all(_is_bold(line) for line in current),
                )
            )

    for n, line in enumerate(lines):
        if current:
            previous = current[-1]
            height = float(previous["bottom"]) - float(previous["top"])
            gap = float(line["top"]) - float(previous["bottom"])
            room = edges[n - 1] - float(previous["x1"])
            text = str(line["text"]).lstrip()
            hard = (
                gap > 0.6 * max(height, 1.0)
                or text.startswith(_BULLETS)
                or room > _first_word_width(line) + 0.3 * max(_size(line), 1.0)
            )
            if hard:
                flush()
                current = []
        current.append(line)
    flush()
    return out


def _inside(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    mid_x = (float(obj["x0"]) + float(obj["x1"])) / 2
    mid_y = (float(obj["top"]) + float(obj["bottom"])) / 2
    return x0 <= mid_x <= x1 and top <= mid_y <= bottom


def _lines(chars: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text lines of some characters, top to bottom."""
    from pdfplumber.utils.text import chars_to_textmap

    if not chars:
        return []
    textmap = chars_to_textmap(list(chars))
    lines: list[dict[str, Any]] = textmap.extract_text_lines(strip=True, return_chars=True)
    return [line for line in lines if str(line.get("text", "")).strip()]


def read_pdf(path: str, data: bytes, limits: ImportLimits) -> Source:
    """Read a PDF's bytes (already checked for size and kind)."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise _open_problem(path, exc) from None
    blocks: list[Paragraph | Table] = []
    with pdf:
        try:
            pages = pdf.pages
            title = str((pdf.metadata or {}).get("Title") or "").strip() or None
        except Exception as exc:
            raise _open_problem(path, exc) from None
        if len(pages) > limits.max_pages:
            raise ImportProblem(
                path,
                f"the PDF has {len(pages)} pages, more than the import limit of "
                f"{limits.max_pages}; import the assessment's own pages, or raise "
                "ImportLimits.max_pages",
            )
        state = _State()
        any_text = False
        for number, page in enumerate(pages, start=1):
            try:
                page_blocks, has_text = _page_blocks(page, number, state)
            except ImportProblem:
                raise
            except Exception as exc:
                raise ImportProblem(
                    path,
                    f"page {number} of the PDF cannot be read ({type(exc).__name__}); "
                    "open it and print it to a new PDF, then import that",
                ) from None
            finally:
                page.close()
            any_text = any_text or has_text
            if (
                blocks
                and page_blocks
                and state.ended_open
                and isinstance(blocks[-1], Paragraph)
                and isinstance(page_blocks[0], Paragraph)
                and not page_blocks[0].heading
            ):
                # a paragraph carried over from the foot of the previous page
                last, first = blocks[-1], page_blocks[0]
                page_blocks = page_blocks[1:]
                assert isinstance(last, Paragraph)
                assert isinstance(first, Paragraph)
                blocks[-1] = Paragraph(
                    text=f"{last.text} {first.text}",
                    where=last.where,
                    heading=last.heading,
                    italic=last.italic and first.italic,
                )
            blocks.extend(page_blocks)
            state.ended_open = state.page_ends_open
        count = len(pages)
    blocks = _join_broken_rows(blocks)
    if not any_text:
        raise ImportProblem(
            path,
            "the PDF has no text layer (it looks like a scanned image), so there is nothing "
            "to import; run it through OCR (for example ocrmypdf) and import the result",
        )
    return Source(path=path, format="pdf", blocks=tuple(blocks), title=title, pages=count)


def _join_broken_rows(blocks: list[Paragraph | Table]) -> list[Paragraph | Table]:
    """Put a table broken by a page back together, when its second part starts mid-row.

    A row split by a page break goes on at the top of the next page with its first cell
    empty; its cells' text is joined to the row above, and the rest of that part's rows
    follow. (A part that starts with the table's repeated heading row is left to the
    template, which knows the heading.)
    """
    out: list[Paragraph | Table] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            isinstance(block, Table)
            and isinstance(previous, Table)
            and block.continues
            and block.rows
            and previous.rows
            and not block.rows[0][0].text.strip()
            and len(block.rows[0]) == len(previous.rows[-1])
        ):
            last = previous.rows[-1]
            joined = tuple(
                _join_cells(upper, lower) for upper, lower in zip(last, block.rows[0], strict=True)
            )
            out[-1] = Table(
                rows=(*previous.rows[:-1], joined, *block.rows[1:]),
                index=previous.index,
                page=previous.page,
                continues=previous.continues,
            )
            continue
        out.append(block)
    return out


def _join_cells(upper: Cell, lower: Cell) -> Cell:
    if not lower.paragraphs:
        return upper
    if not upper.paragraphs:
        return Cell(paragraphs=lower.paragraphs, where=upper.where, span=upper.span)
    head, tail = upper.paragraphs[-1], lower.paragraphs[0]
    bridge = Paragraph(
        text=_join_lines([head.text, tail.text]),
        where=head.where,
        heading=head.heading,
        italic=head.italic and tail.italic,
    )
    return Cell(
        paragraphs=(*upper.paragraphs[:-1], bridge, *lower.paragraphs[1:]),
        where=upper.where,
        span=upper.span,
    )


class _State:
    def __init__(self) -> None:
        self.tables = 0
        self.paragraphs = 0
        self.heading: str | None = None
        self.last_was_table = False
        self.body_size: float | None = None
        self.ended_open = False
        """The text read so far ends in a full line: a paragraph may go on on the next page."""
        self.page_ends_open = False


def _page_blocks(page: Any, number: int, state: _State) -> tuple[list[Paragraph | Table], bool]:
    if not page.chars:
        state.last_was_table = False
        return [], False
    found = page.find_tables()
    boxes: list[tuple[float, float, float, float]] = [
        (float(t.bbox[0]), float(t.bbox[1]), float(t.bbox[2]), float(t.bbox[3])) for t in found
    ]
    placed: list[tuple[float, Paragraph | Table]] = []
    cells: dict[tuple[float, float, float, float], list[dict[str, Any]]] = {}
    cell_boxes = [
        (float(b[0]), float(b[1]), float(b[2]), float(b[3]))
        for t in found
        for row in t.rows
        for b in row.cells
        if b is not None
    ]
    outside_chars: list[dict[str, Any]] = []
    for char in page.chars:
        home = next((b for b in cell_boxes if _inside(char, b)), None)
        if home is not None:
            cells.setdefault(home, []).append(char)
        elif not any(_inside(char, b) for b in boxes):
            outside_chars.append(char)
    lines = _lines(outside_chars)
    state.page_ends_open = False
    if lines:
        edges = _edges(lines)
        last = lines[-1]
        width = edges[-1] - float(last["x0"])
        state.page_ends_open = edges[-1] - float(last["x1"]) < 0.1 * max(width, 1.0)
    sizes = [_size(line) for line in lines if _size(line)]
    if state.body_size is None and sizes:
        state.body_size = statistics.median(sizes)
    for text, italic, top, size, bold in _paragraph_texts(lines):
        heading = 2 if state.body_size and size > state.body_size * 1.15 else 0
        if not heading and bold and len(text.split()) <= 12:
            heading = 3  # a short line in bold on its own: a heading in all but style
        placed.append(
            (
                top,
                Paragraph(
                    text=text,
                    where=Location(kind="paragraph", page=number),
                    heading=heading,
                    italic=italic,
                ),
            )
        )
    for table, box in zip(found, boxes, strict=True):
        placed.append((box[1], _table(table, number, cells)))
    placed.sort(key=lambda item: item[0])
    out: list[Paragraph | Table] = []
    for index, (_, block) in enumerate(placed):
        if isinstance(block, Table):
            state.tables += 1
            block = Table(
                rows=_renumber(block.rows, state.tables, state.heading),
                index=state.tables,
                page=number,
                continues=index == 0 and state.last_was_table,
            )
        else:
            state.paragraphs += 1
            where = Location(
                kind="paragraph", paragraph=state.paragraphs, page=number, heading=state.heading
            )
            if block.heading:
                state.heading = block.text
            block = Paragraph(
                text=block.text, where=where, heading=block.heading, italic=block.italic
            )
        out.append(block)
    state.last_was_table = bool(out) and isinstance(out[-1], Table)
    return out, True


def _renumber(
    rows: tuple[tuple[Cell, ...], ...], table: int, heading: str | None
) -> tuple[tuple[Cell, ...], ...]:
    out = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, cell in enumerate(row, start=1):
            where = Location(
                kind="cell", table=table, row=r, cell=c, page=cell.where.page, heading=heading
            )
            cells.append(
                Cell(
                    paragraphs=tuple(
                        Paragraph(text=p.text, where=where, italic=p.italic)
                        for p in cell.paragraphs
                    ),
                    where=where,
                    span=cell.span,
                )
            )
        out.append(tuple(cells))
    return tuple(out)


def _table(
    table: Any, number: int, chars: dict[tuple[float, float, float, float], list[dict[str, Any]]]
) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for row in table.rows:
        cells: list[Cell] = []
        boxes = list(row.cells)
        for position, box in enumerate(boxes):
            if box is None:
                continue  # covered by a cell spanning columns
            span = 1
            for following in boxes[position + 1 :]:
                if following is not None:
                    break
                span += 1
            where = Location(kind="cell", page=number)
            key = (float(box[0]), float(box[1]), float(box[2]), float(box[3]))
            lines = _lines(chars.get(key, []))
            paragraphs = tuple(
                Paragraph(text=text, where=where, italic=italic)
                for text, italic, _, _, _ in _paragraph_texts(lines)
            )
            cells.append(Cell(paragraphs=paragraphs, where=where, span=span))
        if cells:
            rows.append(tuple(cells))
    return Table(rows=tuple(rows), index=0, page=number)


def _open_problem(path: str, exc: Exception) -> ImportProblem:
    names = f"{type(exc).__name__} {exc!r} {getattr(exc, 'args', '')}".lower()
    if "password" in names or "encrypt" in names:
        return ImportProblem(
            path,
            "the PDF is password-protected (encrypted); save an unprotected copy "
            "(or print it to a new PDF) and import that",
        )
    return ImportProblem(
        path,
        f"the PDF cannot be opened ({type(exc).__name__}); it may be damaged: open it and "
        "print it to a new PDF, then import that",
    )
