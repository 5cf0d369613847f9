"""Apply a template to a source: the document tree, where each value came from, what was left.

The source's paragraphs and cells are laid out as one sequence of *pieces*. The
template's labels are looked for among them; a label's value is the rest of its
own piece ("Date 18/11/2021"), or the paragraphs after it in its cell, or the cell
to its right, or the cell below, or (for a heading) the paragraphs up to the next
heading. Impact tables are found by their column headings; a row split by a page
break is joined again. Every piece ends up in exactly one place: used as a label,
used as a value, skipped as a form leftover (with the reason), or listed as
unmapped. Nothing is dropped without a trace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from psed._reading.fields import CLASS_SPECS, Kind
from psed._text import is_placeholder
from psed.catalogue import Catalogue, default_catalogue
from psed.importing._source import TICKED, UNTICKED, Location, Paragraph, Source, Table
from psed.importing._template import FieldRule, ListTable, Section, Template
from psed.importing._template import Table as TableRule
from psed.importing._values import (
    _FOOTNOTE,
    impact_word,
    infer_impact,
    is_leftover,
    label_key,
    parse_count,
    parse_date,
    parse_person,
    ticked,
    ticked_options,
)
from psed.model import ImpactEntry, Mitigation, Proposal

__all__ = ["Mapped", "Piece", "apply_template", "pieces_of", "resolve_characteristic", "score"]


# --------------------------------------------------------------------------- pieces


@attrs.frozen(kw_only=True)
class Piece:
    """One paragraph of the source, with its place in the block sequence."""

    index: int
    text: str
    where: Location
    heading: int = 0
    italic: bool = False
    placeholder: bool = False
    block: int = 0
    row: int | None = None
    col: int | None = None
    """The cell's grid column (spans counted), for a piece in a table."""
    cell: int | None = None
    """The cell's position in its row."""


def pieces_of(source: Source) -> list[Piece]:
    """Every paragraph of the source in reading order, tables cell by cell."""
    out: list[Piece] = []

    def add(para: Paragraph, block: int, **where: Any) -> None:
        out.append(
            Piece(
                index=len(out),
                text=para.text,
                where=para.where,
                heading=para.heading,
                italic=para.italic,
                placeholder=para.placeholder,
                block=block,
                **where,
            )
        )

    for b, block in enumerate(source.blocks):
        if isinstance(block, Table):
            for r, row in enumerate(block.rows):
                col = 0
                for c, cell in enumerate(row):
                    for para in cell.paragraphs:
                        add(para, b, row=r, col=col, cell=c)
                    col += cell.span
        else:
            add(block, b)
    return out


# --------------------------------------------------------------------------- labels


_NUMBERING = r"(?:(?:part|section|question|q)\s*)?(?:\d+(?:\.\d+)*[.):]?|[a-z][.)]|[ivx]+[.)])?"
_SEP = r"(?:[\W_]|\[\d{1,3}\])*"
_label_cache: dict[str, re.Pattern[str]] = {}


def _label_pattern(label: str) -> re.Pattern[str]:
    found = _label_cache.get(label)
    if found is None:
        words = label_key(label).split()
        parts = [
            "(?:and|&)" if w == "and" else re.escape(w).replace("'", "['\u2019\u02bc]")
            for w in words
        ]
        found = re.compile(
            rf"^\s*{_NUMBERING}\s*{_SEP}" + _SEP.join(parts) + r"(?![^\W_])",
            re.IGNORECASE,
        )
        _label_cache[label] = found
    return found


_LEADING = re.compile(r"^(?:[\s:;.?)\]\-\u2013\u2014]|\[\d{1,3}\])+")
"""What stands between a label and its value on the same line: punctuation, an end-note mark."""


def match_label(text: str, labels: Iterable[str]) -> str | None:
    """The text after a matching label (empty when the text is just the label), or None."""
    best: tuple[int, str] | None = None
    for label in labels:
        m = _label_pattern(label).match(text)
        if m and (best is None or m.end() > best[0]):
            rest = _LEADING.sub("", text[m.end() :]).rstrip()
            best = (m.end(), rest)
    return None if best is None else best[1]


# --------------------------------------------------------------------------- characteristics

_BUILTIN_LABELS: dict[str, str] = {
    label_key(k): v
    for k, v in {
        "Age": "age",
        "Age (older and younger people)": "age",
        "Disability": "disability",
        "Disabled people": "disability",
        "Persons with a disability and persons without": "disability",
        "Persons with and without a disability": "disability",
        "Gender Reassignment": "gender_reassignment",
        "Gender identity": "gender_reassignment",
        "Gender reassignment or gender identity": "gender_reassignment",
        "Transgender": "gender_reassignment",
        "Marriage and Civil Partnership": "marriage_civil_partnership",
        "Marriage or civil partnership": "marriage_civil_partnership",
        "Pregnancy and Maternity": "pregnancy_maternity",
        "Pregnancy or maternity": "pregnancy_maternity",
        "Race": "race",
        "Ethnicity": "race",
        "Race or ethnicity": "race",
        "Race and ethnicity": "race",
        "Religion or Belief": "religion_belief",
        "Religion and belief": "religion_belief",
        "Religion belief": "religion_belief",
        "Religion or belief including non belief": "religion_belief",
        "Faith or belief": "religion_belief",
        "Sex": "sex",
        "Sex or gender": "sex",
        "Sexual Orientation": "sexual_orientation",
        "Community Safety": "community_safety",
        "Crime and disorder": "community_safety",
        "Poverty": "poverty",
        "Deprivation": "poverty",
        "Poverty and deprivation": "poverty",
        "Health and Wellbeing": "health_wellbeing",
        "Health and well-being": "health_wellbeing",
        "Other Significant Impacts": "other",
        "Other": "other",
        "Socio-economic disadvantage": "socio_economic",
        "Socio-economic": "socio_economic",
        "Socio-economic duty": "socio_economic",
        "Socio economic disadvantage": "socio_economic",
        "Welsh language": "welsh_language",
        "The Welsh language": "welsh_language",
        "Carers": "carers",
        "Care experienced people": "care_experienced",
        "Care experienced": "care_experienced",
        "Care leavers": "care_experienced",
        "Armed forces": "armed_forces",
        "Armed forces community": "armed_forces",
        "Armed Forces Covenant": "armed_forces",
        "Rurality": "rural",
        "Rural": "rural",
        "Rural communities": "rural",
        "Religious belief": "religious_belief",
        "Political opinion": "political_opinion",
        "Racial group": "racial_group",
        "Marital status": "marital_status",
        "Men and women generally": "men_women",
        "Men and women": "men_women",
        "Persons with and without dependants": "dependants",
        "Persons with dependants and persons without": "dependants",
        "Dependants": "dependants",
        "Dependents": "dependants",
    }.items()
}
_GROUP_SEPARATORS = re.compile(r"^\s*(?:[-:,(]|\u2013|\u2014)\s*")


def resolve_characteristic(
    label: str, extra: dict[str, str] | None = None
) -> tuple[str, str | None] | None:
    """A row label to (code, group), or None if it names no known characteristic.

    "Religion or Belief" is religion_belief; "Age - older people (65+)" is age with
    the group "older people (65+)"; a trailing note in brackets is ignored when the
    label without it is known ("Disability (including mental health)").
    """
    labels = {**_BUILTIN_LABELS, **(extra or {})}
    label = _FOOTNOTE.sub("", label)  # an end-note mark is no part of the label
    key = label_key(label)
    if not key:
        return None
    if key in labels:
        return labels[key], None
    without = label_key(re.sub(r"\([^)]*\)\s*$", "", label))
    if without and without in labels:
        return labels[without], None
    # the longest known label at the start, the rest a sub-group
    words = key.split()
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        if head in labels:
            rest = _rest_after(label, n)
            if rest:
                return labels[head], rest
    return None


def _rest_after(label: str, n_words: int) -> str | None:
    """The original text after the first ``n_words`` words, when a separator follows them."""
    tokens = list(re.finditer(r"[^\W_]+(?:'[^\W_]+)?", label))
    if len(tokens) <= n_words:
        return None
    rest = label[tokens[n_words - 1].end() :]
    sep = _GROUP_SEPARATORS.match(rest)
    if not sep:
        return None
    rest = rest[sep.end() :].strip()
    if rest.endswith(")") and "(" not in rest:
        rest = rest[:-1].strip()
    return rest or None


def _slug(label: str) -> str:
    words = re.findall(r"[a-z0-9]+", label_key(label))
    slug = "_".join(words)[:60].strip("_") or "unnamed"
    return slug if slug[0].isalpha() else f"c_{slug}"


# --------------------------------------------------------------------------- the result


@attrs.frozen(kw_only=True)
class Mapped:
    """What a template made of a source: the tree and its account of every piece."""

    tree: dict[str, Any]
    fields: tuple[dict[str, Any], ...]
    inferred: tuple[dict[str, Any], ...]
    unmapped: tuple[dict[str, Any], ...]
    skipped: tuple[dict[str, Any], ...]


_GUIDANCE = "form guidance (in italics)"
_RUNNING_TEXT = frozenset(
    {"characteristic", "group", "details", "mitigations", "justification", "monitoring", "owner"}
)
"""Columns of running text, which a page break can cut mid-sentence."""
_END_NOTE = re.compile(r"^\s*\[\d{1,3}\]\s")
"""A paragraph that starts with an end-note number: Word's end notes, as web pages show them."""


class _Mapper:
    def __init__(
        self,
        source: Source,
        template: Template,
        *,
        status: str | None,
        catalogue: Catalogue,
        stem: str,
    ) -> None:
        self.source = source
        self.template = template
        self.pieces = pieces_of(source)
        self.used: dict[int, str] = {}
        self.skipped: dict[int, str] = {}
        self.tree: dict[str, Any] = {"schema_version": 1}
        self.provenance: dict[str, list[Location]] = {}
        self.inferred: list[dict[str, Any]] = []
        self.label_positions: dict[str, int] = {}
        self.extra_labels = template.characteristic_labels()
        self.status = status
        self.catalogue = catalogue
        self.stem = stem
        self.entries: list[dict[str, Any]] = []
        self.level_notes: dict[str, str] = {}
        self.entry_keys: dict[tuple[str, str | None], int] = {}
        self.defined: dict[str, str] = {}
        self.remainders: dict[int, str] = {}
        """The value part of a piece that starts with its label ("Action: ..." -> "...")."""
        self.all_labels = self._all_labels()
        # a phrase with its own number ("Part 3. Screening decision") matches only that
        # numbered text; one without matches whatever number the form puts before it
        self.ignore = tuple(
            (label_key(p), label_key(p) != _key_without_number(p)) for p in template.ignore
        )
        self.grid = self._grid()

    # ----------------------------------------------------------------- bookkeeping

    def _all_labels(self) -> tuple[str, ...]:
        labels: list[str] = []
        for f in self.template.fields:
            labels.extend(f.labels)
        for t in self.template.tables:
            for _, ls in t.columns:
                labels.extend(ls)
        for s in self.template.sections:
            for f in s.fields:
                labels.extend(f.labels)
        for lt in self.template.lists:
            for _, ls in lt.columns:
                labels.extend(ls)
        return tuple(labels)

    def _grid(self) -> dict[tuple[int, int, int], list[int]]:
        grid: dict[tuple[int, int, int], list[int]] = {}
        for p in self.pieces:
            if p.row is not None and p.cell is not None:
                grid.setdefault((p.block, p.row, p.cell), []).append(p.index)
        return grid

    def cell_pieces(self, block: int, row: int, cell: int) -> list[int]:
        return self.grid.get((block, row, cell), [])

    def free(self, i: int) -> bool:
        return i not in self.used and i not in self.skipped

    def leftover(self, piece: Piece) -> str | None:
        if piece.placeholder:
            return "form placeholder text"
        if self.template.guidance_italic and piece.italic:
            return _GUIDANCE
        if piece.row is None and _END_NOTE.match(piece.text):
            return "form guidance (an end note)"
        return is_leftover(piece.text)

    def note(self, pointer: str, pieces: Iterable[int]) -> None:
        self.provenance.setdefault(pointer, []).extend(self.pieces[i].where for i in pieces)

    def infer(self, pointer: str, value: Any, reason: str, pieces: Iterable[int] = ()) -> None:
        self.inferred.append(
            {
                "pointer": pointer,
                "value": value,
                "reason": reason,
                "from": [w.as_dict() for w in _unique([self.pieces[i].where for i in pieces])],
            }
        )

    def is_label(self, text: str) -> bool:
        return match_label(text, self.all_labels) == ""

    # ----------------------------------------------------------------- values

    def value_pieces(
        self, i: int, remainder: str, how: str, hi: int | None = None
    ) -> tuple[list[int], str | None]:
        """The pieces holding a label's value (and the label piece's own remainder)."""
        piece = self.pieces[i]
        hi = len(self.pieces) if hi is None else hi
        if remainder and how in ("auto", "inline"):
            return self._same_cell_after(i), remainder
        if piece.row is not None and piece.cell is not None:
            after = self._same_cell_after(i)
            if after and how in ("auto", "below"):
                return after, None
            right = self.cell_pieces(piece.block, piece.row, piece.cell + 1)
            if how in ("auto", "right") and right and not self._labels_only(right):
                return right, None
            if how in ("auto", "below"):
                below = self._below(piece)
                if below and not self._labels_only(below):
                    return below, None
            return [], None
        return self._following(i, hi), None

    def _labels_only(self, indexes: list[int]) -> bool:
        texts = [self.pieces[j].text for j in indexes if self.pieces[j].text.strip()]
        return bool(texts) and all(self.is_label(t) for t in texts)

    def _same_cell_after(self, i: int) -> list[int]:
        piece = self.pieces[i]
        if piece.row is None or piece.cell is None:
            return []
        return [j for j in self.cell_pieces(piece.block, piece.row, piece.cell) if j > i]

    def _below(self, piece: Piece) -> list[int]:
        assert piece.row is not None
        row = piece.row + 1
        candidates = [p for p in self.pieces if p.block == piece.block and p.row == row]
        if not candidates:
            return []
        cells = {p.cell for p in candidates}
        if len(cells) == 1:
            return [p.index for p in candidates]
        return [p.index for p in candidates if p.col == piece.col]

    def _following(self, i: int, hi: int) -> list[int]:
        piece = self.pieces[i]
        out: list[int] = []
        j = i + 1
        while j < hi:
            nxt = self.pieces[j]
            if nxt.row is not None:
                # a one-cell table right after a heading is the answer box
                if not out and nxt.block == piece.block + 1:
                    box = [p.index for p in self.pieces if p.block == nxt.block]
                    cells = {(self.pieces[k].row, self.pieces[k].cell) for k in box}
                    if len(cells) == 1:
                        return box
                break
            if nxt.heading and (not piece.heading or nxt.heading <= piece.heading):
                break
            if self.is_label(nxt.text) or (match_label(nxt.text, self.all_labels) is not None):
                break
            out.append(j)
            j += 1
        return out

    def take(self, pointer: str, indexes: Sequence[int]) -> list[int]:
        """Mark value pieces used (leftovers among them skipped); the content ones."""
        content: list[int] = []
        for j in indexes:
            if not self.free(j):
                continue
            why = self.leftover(self.pieces[j])
            if why:
                self.skipped[j] = why
            else:
                self.used[j] = pointer
                content.append(j)
        return content

    def text_of(self, indexes: Sequence[int], remainder: str | None = None) -> str | None:
        texts = [remainder] if remainder else []
        texts += [self.pieces[j].text.strip() for j in indexes]
        text = "\n".join(t for t in texts if t)
        return text or None

    # ----------------------------------------------------------------- writing

    def put(self, path: str, value: Any, pieces: Iterable[int] = ()) -> str:
        parts = path.split(".")
        node = self.tree
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
        pointer = "/" + "/".join(parts)
        self.note(pointer, pieces)
        return pointer

    def has(self, path: str) -> bool:
        node: Any = self.tree
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                return False
            node = node[part]
        return True

    # ----------------------------------------------------------------- fields

    def find_label(
        self, labels: Sequence[str], lo: int = 0, hi: int | None = None
    ) -> tuple[int, str] | None:
        hi = len(self.pieces) if hi is None else hi
        # the labels in the template's order: the most specific wording is found first
        for label in labels:
            for i in range(lo, hi):
                if not self.free(i) or self._ignored(self.pieces[i]):
                    continue  # used already, or the form's own text ("Part 3. Screening ...")
                rest = match_label(self.pieces[i].text, (label,))
                if rest is not None:
                    return i, rest
        return None

    def field(
        self, rule: FieldRule, lo: int = 0, hi: int | None = None
    ) -> tuple[str | None, list[int], str] | None:
        """Find a field: (its text, the pieces it came from, how it was found)."""
        if rule.source is not None:
            return None
        start = lo
        if rule.after is not None:
            if rule.after not in self.label_positions:
                return None  # "the first Date after that label": no label, no field
            start = max(lo, self.label_positions[rule.after] + 1)
        found = self.find_label(rule.labels, start, hi)
        if found is None:
            return None
        i, remainder = found
        self.used[i] = "label"
        self.label_positions[rule.path] = i
        indexes, rest = self.value_pieces(i, remainder, rule.value, hi)
        if rest:
            self.used[i] = rule.path
        content = self.take(rule.path, indexes)
        sources = ([i] if rest else []) + content
        return self.text_of(content, rest), sources, "label"

    def apply_fields(self) -> None:
        texts: dict[str, tuple[str | None, list[int]]] = {}
        for rule in self.template.fields:
            if rule.source is not None:
                continue
            found = self.field(rule)
            if found is None:
                continue
            text, sources, _ = found
            texts[rule.path] = (text, sources)
            if rule.read == "choice":
                self.write_choice(rule, text, sources)
            else:
                self.write(rule, text, sources, inferred=False)
        for rule in self.template.fields:
            if rule.source is None:
                continue
            text, sources = texts.get(rule.source, (None, []))
            if text is not None:
                self.write(rule, text, sources, inferred=True)

    def write(
        self, rule: FieldRule, text: str | None, sources: list[int], *, inferred: bool
    ) -> None:
        if text is None:
            return
        path = rule.path
        kind = _kind(path)
        if rule.read == "person" or (kind is Kind.OBJECT and _is_signoff(path)):
            self.write_person(path, text, sources)
            return
        if kind is Kind.LIST:
            self.append_item(path, text, sources)
            return
        value: Any
        if rule.read == "date" or kind is Kind.DATE:
            date = parse_date(text)
            if date is None:
                self.unmapped_note(sources, f"{path}: not a date the importer can read")
                return
            value = date.isoformat()
        elif rule.read in ("count", "integer") or kind is Kind.INTEGER:
            number = parse_count(text) if rule.read == "count" or inferred else _integer(text)
            if number is None:
                if not inferred:
                    self.unmapped_note(
                        sources, f"{path}: not one whole number; give the number alone"
                    )
                return
            value = number
        else:
            value = text
        if inferred and self.has(path):
            return
        pointer = self.put(path, value, sources)
        if inferred:
            self.infer(pointer, value, f"read from the text of {rule.source}", sources)

    def write_person(self, path: str, text: str, sources: list[int]) -> None:
        name, role, guessed = parse_person(text)
        base = path
        if name:
            pointer = self.put(f"{base}.name", name, sources)
            if guessed:
                self.infer(
                    pointer,
                    name,
                    "the name was split from the role at the first job-title word",
                    sources,
                )
        if role:
            pointer = self.put(f"{base}.role", role, sources)
            if guessed:
                self.infer(
                    pointer,
                    role,
                    "the role was split from the name at the first job-title word",
                    sources,
                )

    def append_item(self, path: str, text: str, sources: list[int]) -> None:
        items = self.tree.setdefault(path, [])
        if CLASS_SPECS[Proposal].by_name[path].cls is None:  # a list of codes: functions
            for item in re.split(r"[\n,;]", text):
                if item.strip():
                    items.append(item.strip())
                    self.note(f"/{path}/{len(items) - 1}", sources)
            return
        kind_cls = _list_class(path)
        spec = CLASS_SPECS[kind_cls]
        key = (
            spec.required[0]
            if spec.required
            else ("summary" if "summary" in spec.by_name else spec.names[0])
        )
        items.append({key: text})
        self.note(f"/{path}/{len(items) - 1}/{key}", sources)

    def choice_in_table(self, label_piece: int, rule: FieldRule) -> tuple[str, list[int]] | None:
        """An option marked in a cell of its own row ("X" beside "No major change ...")."""
        block = self.pieces[label_piece].block
        rows: dict[int, list[Piece]] = {}
        for p in self.pieces:
            if p.block == block and p.row is not None and p.index > label_piece:
                rows.setdefault(p.row, []).append(p)
        found: tuple[str, list[int]] | None = None
        options: list[int] = []
        for cells in rows.values():
            marked = [p for p in cells if ticked(p.text)]
            for p in cells:
                for code, labels in rule.choices:
                    if match_label(p.text, labels) is None:
                        continue
                    if marked and found is None:
                        found = (code, [p.index, marked[0].index])
                    else:
                        options.append(p.index)
        if found is not None:
            for j in options:
                if self.free(j):
                    self.skipped[j] = "option not chosen"
        return found

    def write_choice(self, rule: FieldRule, text: str | None, sources: list[int]) -> None:
        position = self.label_positions.get(rule.path)
        if position is not None and self.pieces[position].row is not None:
            found = self.choice_in_table(position, rule)
            if found is not None and (text is None or choose(text, rule.choices) is None):
                marked, used = found
                for j in used:
                    self.used[j] = "/" + rule.path.replace(".", "/")
                self.put(rule.path, marked, used)
                return
        if text is None:
            return
        code = choose(text, rule.choices)
        if code is None:
            self.unmapped_note(
                sources, f"{rule.path}: no option ticked, or an option the template does not know"
            )
            return
        value: Any = code
        if code in ("true", "false"):
            value = code == "true"
        self.put(rule.path, value, sources)

    def unmapped_note(self, sources: list[int], why: str) -> None:
        for j in sources:
            self.used[j] = f"unreadable:{why}"

    # ----------------------------------------------------------------- impact tables

    def apply_tables(self) -> None:
        blocks = self.source.blocks
        current: tuple[TableRule, dict[int, str]] | None = None
        rows: list[dict[str, Any]] = []
        for b, block in enumerate(blocks):
            if not isinstance(block, Table):
                if block.text.strip() and current is not None and not self._is_ignorable_between(b):
                    self.flush_rows(rows, current[0])
                    rows, current = [], None
                continue
            header = self.header(block, b)
            if header is not None:
                rule, roles, first = header
                if current is not None and roles != current[1]:
                    self.flush_rows(rows, current[0])
                    rows = []
                current = (rule, roles)
                rows.extend(
                    self.table_rows(
                        block, b, roles, first, continues=bool(rows) and block.continues
                    )
                )
            elif current is not None and block.continues:
                rows.extend(self.table_rows(block, b, current[1], 0, continues=True))
            elif current is not None:
                self.flush_rows(rows, current[0])
                rows, current = [], None
        if current is not None:
            self.flush_rows(rows, current[0])

    def _is_ignorable_between(self, b: int) -> bool:
        return all(
            not self.free(p.index) or self.leftover(p) or self._ignored(p)
            for p in self.pieces
            if p.block == b
        )

    def header(self, block: Table, b: int) -> tuple[TableRule, dict[int, str], int] | None:
        """The impact-table rule whose headings a table has: (rule, roles by column, first row)."""
        for rule in self.template.tables:
            for r in range(min(3, len(block.rows))):
                roles = self._roles(block, r, rule)
                if "characteristic" in roles.values() and len(roles) >= 2:
                    first = r + 1
                    # a second header row (tick-box columns under one "Impact" heading)
                    if first < len(block.rows):
                        more = self._roles(block, first, rule)
                        if (
                            more
                            and "characteristic" not in more.values()
                            and self._all_headings(block, first, rule)
                        ):
                            roles.update(more)
                            self._mark_header(b, first)
                            first += 1
                    self._mark_header(b, r)
                    return rule, roles, first
        return None

    def _all_headings(self, block: Table, r: int, rule: TableRule) -> bool:
        """Every cell of the row with text is exactly one of the rule's column headings."""
        labels = [label for _, labels in rule.columns for label in labels]
        texts = [c.text.strip() for c in block.rows[r] if c.text.strip()]
        return bool(texts) and all(match_label(t, labels) == "" for t in texts)

    def _roles(self, block: Table, r: int, rule: TableRule) -> dict[int, str]:
        roles: dict[int, str] = {}
        col = 0
        for cell in block.rows[r]:
            text = cell.text.strip()
            for role, labels in rule.columns:
                if (
                    text
                    and match_label(text, labels) is not None
                    and len(label_key(text)) <= len(label_key(" ".join(labels))) + 40
                ):
                    roles.setdefault(col, role)
                    break
            col += cell.span
        return roles

    def _mark_header(self, b: int, r: int) -> None:
        for p in self.pieces:
            if p.block == b and p.row == r and self.free(p.index):
                self.used[p.index] = "label"

    def table_rows(
        self, block: Table, b: int, roles: dict[int, str], first: int, *, continues: bool
    ) -> Iterator[dict[str, Any]]:
        for r in range(first, len(block.rows)):
            row: dict[str, Any] = {"cells": {}, "page_break": continues and r == first}
            col = 0
            for c, cell in enumerate(block.rows[r]):
                role = roles.get(col)
                indexes = self.cell_pieces(b, r, c)
                if role is None:
                    row.setdefault("other", []).extend(indexes)
                else:
                    row["cells"].setdefault(role, []).extend(indexes)
                col += cell.span
            yield row

    def flush_rows(self, rows: list[dict[str, Any]], rule: TableRule) -> None:
        merged: list[dict[str, Any]] = []
        for row in rows:
            label = self._plain(row["cells"].get("characteristic", []))
            if row["page_break"] and merged:
                previous = merged[-1]
                prev_label = self._plain(previous["cells"].get("characteristic", []))
                joined = f"{prev_label} {label}".strip()
                if (
                    not label
                    or self._carries_on(row)
                    or (
                        resolve_characteristic(prev_label, self.extra_labels) is None
                        and resolve_characteristic(joined, self.extra_labels) is not None
                    )
                ):
                    for role, indexes in row["cells"].items():
                        previous["cells"].setdefault(role, []).extend(indexes)
                        previous.setdefault("joins", set()).add(role)
                    continue
            merged.append(row)
        parent: str | None = None
        for row in merged:
            parent = self.row_entry(row, rule, parent)

    def _carries_on(self, row: dict[str, Any]) -> bool:
        """A row after a page break whose cells start mid-sentence (a lower-case letter)."""
        for role, indexes in row["cells"].items():
            if role not in _RUNNING_TEXT:
                continue
            first = next((self.pieces[j].text.strip() for j in indexes), "")
            if first[:1].isalpha() and first[:1].islower():
                return True
        return False

    def _plain(self, indexes: Sequence[int]) -> str:
        return " ".join(
            self.pieces[j].text.strip() for j in indexes if not self.leftover(self.pieces[j])
        ).strip()

    def _joined_text(
        self, pointer: str, indexes: Sequence[int], joins: bool
    ) -> tuple[str | None, list[int]]:
        if joins:
            # a cell broken by a page: judge its parts as one text
            whole = " ".join(self.pieces[j].text.strip() for j in indexes if self.free(j))
            why = is_leftover(whole) if whole else None
            if why:
                for j in indexes:
                    if self.free(j):
                        self.skipped[j] = why
                return None, []
        content = self.take(pointer, indexes)
        if not content:
            return None, []
        if joins:
            # a cell broken by a page: the two parts are one paragraph
            pages: list[list[str]] = []
            last_page: int | None = object()  # type: ignore[assignment]
            for j in content:
                page = self.pieces[j].where.page
                if page != last_page:
                    pages.append([])
                    last_page = page
                pages[-1].append(self.pieces[j].text.strip())
            text = " ".join("\n".join(part) for part in pages)
        else:
            text = "\n".join(self.remainders.get(j, self.pieces[j].text).strip() for j in content)
        return text or None, content

    def row_entry(self, row: dict[str, Any], rule: TableRule, parent: str | None) -> str | None:
        cells: dict[str, list[int]] = row["cells"]
        joins: set[str] = row.get("joins", set())
        label_indexes = cells.get("characteristic", [])
        label = self._plain(label_indexes)
        content_roles = [r for r in cells if r != "characteristic"]
        has_content = any(self._plain(cells[r]) for r in content_roles)
        if not label:
            return parent  # content without a label stays in the unmapped list
        resolved = resolve_characteristic(label, self.extra_labels)
        if resolved is None and parent is not None:
            resolved = (parent, label)
        if resolved is not None and not has_content and resolved[1] is None:
            # a heading row for the groups below it
            for j in label_indexes:
                self.used[j] = "label"
            return resolved[0]
        index = len(self.entries)
        if resolved is None:
            code = self.define(label)
            resolved = (code, None)
        code, group = resolved
        key = (code, label_key(group) if group else None)
        existing = self.entry_keys.get(key)
        if existing is not None:
            index = existing
        base = f"/impacts/{index}"
        entry: dict[str, Any] = (
            self.entries[index] if existing is not None else {"characteristic": code}
        )
        for j in label_indexes:
            if self.free(j):
                self.used[j] = f"{base}/characteristic"
        self.note(f"{base}/characteristic", label_indexes)
        if group and "group" not in entry:
            entry["group"] = group
            self.note(f"{base}/group", label_indexes)
        details, details_from = self._joined_text(
            f"{base}/details", cells.get("details", []), "details" in joins
        )
        if details:
            entry["details"] = (
                f"{entry['details']}\n\n{details}" if entry.get("details") else details
            )
            self.note(f"{base}/details", details_from)
        if "group" in cells:
            text, src = self._joined_text(f"{base}/group", cells["group"], False)
            if text:
                entry["group"] = text
                self.note(f"{base}/group", src)
        impact, impact_from = self.row_impact(cells, rule, base)
        self.add_mitigation(entry, base, cells, joins)
        if "justification" in cells:
            text, src = self._joined_text(
                f"{base}/justification", cells["justification"], "justification" in joins
            )
            if text and not is_placeholder(text):
                entry["justification"] = text
                self.note(f"{base}/justification", src)
            else:
                for j in src:
                    self.skipped[j] = "says there is no justification"
                    self.used.pop(j, None)
        self.set_impact(entry, base, impact, impact_from)
        if existing is None:
            self.entries.append(entry)
            self.entry_keys[key] = index
        return parent if group else None

    def set_impact(
        self, entry: dict[str, Any], base: str, impact: str | None, sources: list[int]
    ) -> None:
        if impact is not None:
            previous = entry.get("impact")
            if previous and previous != impact:
                impact = _combine(previous, impact)
            entry["impact"] = impact
            self.note(f"{base}/impact", sources)
            return
        if "impact" in entry:
            return
        guess, reason = infer_impact(entry.get("details"))
        level = self.level_notes.get(base)
        if level is not None:
            reason = f"the form says {level!r}, which gives no direction; {reason}"
        entry["impact"] = guess
        self.infer(f"{base}/impact", guess, reason, sources)

    def row_impact(
        self, cells: dict[str, list[int]], rule: TableRule, base: str
    ) -> tuple[str | None, list[int]]:
        words = dict(rule.impact_words)
        if "impact" in cells:
            indexes = [j for j in cells["impact"] if self.free(j)]
            text = " ".join(self.pieces[j].text for j in indexes).strip()
            code: str | None = None
            if TICKED in text or UNTICKED in text:
                chosen = [impact_word(label, words) for label, on in ticked_options(text) if on]
                codes = {c for c in chosen if c}
                code = _combine_all(codes)
            elif text:
                code = impact_word(text, words)
            for j in indexes:
                self.used[j] = f"{base}/impact"
            if code is None and text:
                self.level_notes[base] = text
            return code, indexes
        ticks: set[str] = set()
        sources: list[int] = []
        for role in ("positive", "negative", "neutral", "not_applicable"):
            for j in cells.get(role, []):
                if not self.free(j):
                    continue
                state = ticked(self.pieces[j].text)
                if state:
                    ticks.add(role)
                    self.used[j] = f"{base}/impact"
                    sources.append(j)
                elif state is False or not self.pieces[j].text.strip():
                    self.skipped[j] = "box not ticked"
        if ticks:
            return _combine_all(ticks), sources
        return None, []

    def add_mitigation(
        self, entry: dict[str, Any], base: str, cells: dict[str, list[int]], joins: set[str]
    ) -> None:
        n = len(entry.get("mitigations", []))
        mbase = f"{base}/mitigations/{n}"
        action, action_from = self._joined_text(
            f"{mbase}/action", cells.get("mitigations", []), "mitigations" in joins
        )
        if action is not None and is_placeholder(action):
            for j in action_from:
                self.used.pop(j, None)
                self.skipped[j] = "says there is no mitigation"
            action = None
        mitigation: dict[str, Any] = {}
        if action:
            mitigation["action"] = action
            self.note(f"{mbase}/action", action_from)
        for role, field in (("owner", "owner"), ("due", "due"), ("monitoring", "monitoring")):
            if role not in cells:
                continue
            text, src = self._joined_text(f"{mbase}/{field}", cells[role], role in joins)
            if text is None:
                continue
            if role == "monitoring" and "monitoring" in CLASS_SPECS[ImpactEntry].by_name:
                entry["monitoring"] = text
                self.note(f"{base}/monitoring", src)
                continue
            if not mitigation:
                self.unmapped_note(
                    src, f"{mbase}/{field}: no action in this row for it to belong to; add one"
                )
                continue
            if role == "due":
                date = parse_date(text)
                if date is None:
                    self.unmapped_note(src, f"{mbase}/due: not a date the importer can read")
                    continue
                mitigation["due"] = date.isoformat()
            elif is_placeholder(text):
                for j in src:
                    self.used.pop(j, None)
                    self.skipped[j] = "placeholder"
                continue
            else:
                mitigation[field] = text
            self.note(f"{mbase}/{field}", src)
        if mitigation:
            entry.setdefault("mitigations", []).append(mitigation)

    def define(self, label: str) -> str:
        key = label_key(label)
        if key in self.defined:
            return self.defined[key]
        code = _slug(label)
        taken = set(self.defined.values()) | set(self.catalogue.characteristics)
        base, n = code, 2
        while code in taken:
            code, n = f"{base}_{n}", n + 1
        self.defined[key] = code
        self.tree.setdefault("characteristics", []).append(
            {"code": code, "label": " ".join(re.sub(r"\[\d{1,3}\]", " ", label).split())}
        )
        return code

    # ----------------------------------------------------------------- sections

    def apply_sections(self) -> None:
        for section in self.template.sections:
            lo, hi = 0, len(self.pieces)
            if section.within:
                found = self.find_label(section.within)
                if found is None:
                    continue
                lo = found[0] + 1
                self.used[found[0]] = "label"
            if section.until:
                stop = self.find_label(section.until, lo)
                if stop is not None:
                    hi = stop[0]
            starts = self.section_starts(lo, hi)
            for k, (i, code, group) in enumerate(starts):
                end = starts[k + 1][0] if k + 1 < len(starts) else hi
                self.section_entry(section, i, end, code, group)

    def section_starts(self, lo: int, hi: int) -> list[tuple[int, str, str | None]]:
        out: list[tuple[int, str, str | None]] = []
        for i in range(lo, hi):
            piece = self.pieces[i]
            if not self.free(i):
                continue
            text = re.sub(rf"^\s*{_NUMBERING}\s*", "", piece.text.strip(), flags=re.IGNORECASE)
            words = text.split()
            if not words or (len(words) > 16 and not piece.heading):
                continue
            head = re.split(r"[:\u2013\u2014]| - ", text, maxsplit=1)[0]
            resolved = resolve_characteristic(head, self.extra_labels)
            if resolved is not None:
                out.append((i, resolved[0], resolved[1]))
        return out

    def section_entry(
        self, section: Section, start: int, end: int, code: str, group: str | None
    ) -> None:
        key = (code, label_key(group) if group else None)
        existing = self.entry_keys.get(key)
        index = len(self.entries) if existing is None else existing
        base = f"/impacts/{index}"
        entry: dict[str, Any] = (
            self.entries[index] if existing is not None else {"characteristic": code}
        )
        self.used[start] = f"{base}/characteristic"
        self.note(f"{base}/characteristic", [start])
        if group:
            entry["group"] = group
        impact: str | None = None
        impact_from: list[int] = []
        cells: dict[str, list[int]] = {}
        for rule in section.fields:
            found = self.field(rule, start + 1, end)
            if found is None:
                continue
            text, sources, _ = found
            if text is None:
                continue
            if rule.path == "impact":
                words = dict(section.impact_words)
                code_ = choose(text, rule.choices) if rule.choices else None
                if code_ is None:
                    code_ = impact_word(text, words)
                if code_ is None and (TICKED in text):
                    chosen = {impact_word(lbl, words) for lbl, on in ticked_options(text) if on}
                    code_ = _combine_all({c for c in chosen if c})
                if code_ is not None:
                    impact, impact_from = code_, sources
                else:
                    self.unmapped_note(sources, "impact: no option ticked")
            elif rule.path == "details":
                entry["details"] = f"{entry['details']}\n\n{text}" if entry.get("details") else text
                self.note(f"{base}/details", sources)
            elif rule.path == "group":
                entry["group"] = text
                self.note(f"{base}/group", sources)
            elif rule.path == "justification":
                if not is_placeholder(text):
                    entry["justification"] = text
                    self.note(f"{base}/justification", sources)
                else:
                    self._skip(sources, "says there is no justification")
            else:
                cells[rule.path] = sources
                if sources and self.label_positions.get(rule.path) == sources[0]:
                    # "Action: keep mornings": the value is the label piece's remainder
                    rest = match_label(self.pieces[sources[0]].text, rule.labels)
                    self.remainders[sources[0]] = rest or ""
        if cells:
            for sources in cells.values():
                for j in sources:
                    self.used.pop(j, None)
            self.add_mitigation(entry, base, cells, set())
        self.set_impact(entry, base, impact, impact_from)
        if existing is None:
            self.entries.append(entry)
            self.entry_keys[key] = index

    def _skip(self, indexes: Iterable[int], why: str) -> None:
        for j in indexes:
            self.used.pop(j, None)
            self.skipped[j] = why

    # ----------------------------------------------------------------- list tables

    def apply_lists(self) -> None:
        for spec in self.template.lists:
            for b, block in enumerate(self.source.blocks):
                if not isinstance(block, Table):
                    continue
                for r in range(min(2, len(block.rows))):
                    roles = self._list_roles(block, r, spec)
                    if len(roles) >= 2:
                        self._mark_header(b, r)
                        for rr in range(r + 1, len(block.rows)):
                            self.list_row(spec, block, b, rr, roles)
                        break

    def _list_roles(self, block: Table, r: int, spec: ListTable) -> dict[int, str]:
        roles: dict[int, str] = {}
        col = 0
        for cell in block.rows[r]:
            text = cell.text.strip()
            for role, labels in spec.columns:
                if text and match_label(text, labels) == "":
                    roles.setdefault(col, role)
                    break
            col += cell.span
        return roles

    def list_row(
        self, spec: ListTable, block: Table, b: int, r: int, roles: dict[int, str]
    ) -> None:
        values: dict[str, tuple[str, list[int]]] = {}
        col = 0
        for c, cell in enumerate(block.rows[r]):
            role = roles.get(col)
            col += cell.span
            if role is None:
                continue
            indexes = [j for j in self.cell_pieces(b, r, c) if self.free(j)]
            content = [j for j in indexes if not self.leftover(self.pieces[j])]
            self._skip([j for j in indexes if j not in content], "form placeholder text")
            text = "\n".join(self.pieces[j].text.strip() for j in content).strip()
            if text:
                values[role] = (text, content)
        if not values:
            return
        if spec.target == "mitigations":
            self.action_row(values)
            return
        items = self.tree.setdefault(spec.target, [])
        item: dict[str, Any] = {}
        n = len(items)
        fields = CLASS_SPECS[_list_class(spec.target)]
        texts = [(r, v) for r, v in values.items() if fields.by_name[r].kind is not Kind.DATE]
        missing = [k for k in fields.required if k not in values]
        if missing and not texts:  # only a date: nothing to name the item by
            every = [j for _, src in values.values() for j in src]
            self.unmapped_note(
                every, f"/{spec.target}/{n}: a row with no {missing[0]}; fill in its {missing[0]}"
            )
            return
        for role, (text, src) in values.items():
            kind = fields.by_name[role].kind
            if kind is Kind.DATE:
                date = parse_date(text)
                if date is None:
                    self.unmapped_note(
                        src, f"/{spec.target}/{n}/{role}: not a date the importer can read"
                    )
                    continue
                item[role] = date.isoformat()
            else:
                item[role] = text
            for j in src:
                self.used[j] = f"/{spec.target}/{n}/{role}"
            self.note(f"/{spec.target}/{n}/{role}", src)
        for k in missing:
            role, (text, src) = texts[0]
            item[k] = text
            pointer = f"/{spec.target}/{n}/{k}"
            self.note(pointer, src)
            self.infer(pointer, text, f"the row has no {k}; the {role} column's text is used", src)
        items.append(item)

    def action_row(self, values: dict[str, tuple[str, list[int]]]) -> None:
        every = [j for _, src in values.values() for j in src]
        if "characteristic" not in values or "action" not in values:
            missing = "characteristic" if "characteristic" not in values else "action"
            self.unmapped_note(every, f"action plan row with no {missing}; fill in its {missing}")
            return
        label, label_from = values["characteristic"]
        resolved = resolve_characteristic(label, self.extra_labels)
        index = None if resolved is None else self.entry_keys.get((resolved[0], None))
        if index is None:
            self.unmapped_note(
                every,
                f"action plan row for {label!r}, which is not a characteristic of the impact "
                "table; name one assessed there",
            )
            return
        entry = self.entries[index]
        n = len(entry.get("mitigations", []))
        base = f"/impacts/{index}/mitigations/{n}"
        mitigation: dict[str, Any] = {}
        for role, (text, src) in values.items():
            if role == "characteristic":
                continue
            if role == "due":
                date = parse_date(text)
                if date is None:
                    self.unmapped_note(src, f"{base}/due: not a date the importer can read")
                    continue
                mitigation["due"] = date.isoformat()
            elif role == "status":
                code = _mitigation_status(text)
                if code is None:
                    self.unmapped_note(
                        src, f"{base}/status: use Planned, In progress, Done or Dropped"
                    )
                    continue
                mitigation["status"] = code
            else:
                mitigation[role] = text
            for j in src:
                self.used[j] = f"{base}/{role}"
            self.note(f"{base}/{role}", src)
        for j in label_from:
            self.used[j] = f"{base}"
        entry.setdefault("mitigations", []).append(mitigation)

    # ----------------------------------------------------------------- the rest

    def _ignored(self, piece: Piece) -> bool:
        """Form text the template names: the whole piece, or its start for phrases of 4+ words."""
        full, bare = label_key(piece.text), _key_without_number(piece.text)
        if not full:
            return False
        for phrase, numbered in self.ignore:
            key = full if numbered else bare
            if key == phrase or (len(phrase.split()) >= 4 and key.startswith(phrase + " ")):
                return True
        return False

    def finish(self) -> Mapped:
        tree = self.tree
        tree["framework"] = self.template.framework
        self.provenance["/schema_version"] = [Location(kind="template")]
        self.provenance["/framework"] = [Location(kind="template")]
        if "name" not in tree:
            if self.source.title:
                tree["name"] = self.source.title
                self.provenance["/name"] = [Location(kind="metadata")]
            else:
                tree["name"] = self.stem
                self.infer("/name", self.stem, "the form has no title; the file name is used")
        if self.entries:
            tree["impacts"] = self.entries
        if self.status is not None:
            tree["status"] = self.status
            self.provenance["/status"] = [Location(kind="option")]
        elif "status" not in tree:
            status, reason = _status(tree)
            tree["status"] = status
            self.infer("/status", status, reason)
        ordered = _order(tree)
        unmapped: list[dict[str, Any]] = []
        skipped: list[dict[str, Any]] = []
        for piece in self.pieces:
            i = piece.index
            if i in self.skipped:
                skipped.append(_account(piece, self.skipped[i]))
                continue
            role = self.used.get(i)
            if role is not None and not role.startswith("unreadable:"):
                continue
            if not piece.text.strip():
                continue
            if role is None:
                why = self.leftover(piece)
                if why:
                    skipped.append(_account(piece, why))
                    continue
                if self._ignored(piece):
                    skipped.append(_account(piece, "form text"))
                    continue
                if self.is_label(piece.text):
                    skipped.append(_account(piece, "form label with no answer"))
                    continue
                if piece.heading:
                    skipped.append(_account(piece, "form heading"))
                    continue
                unmapped.append(_account(piece, None))
            else:
                unmapped.append(_account(piece, role.split(":", 1)[1]))
        for extra in self.source.extras:
            piece = Piece(index=-1, text=extra.text, where=extra.where)
            if extra.where.kind in ("footnote", "endnote"):
                skipped.append(_account(piece, "a footnote or end note (form guidance)"))
            elif self._ignored(piece) or is_leftover(extra.text):
                skipped.append(_account(piece, "form text"))
            else:
                unmapped.append(_account(piece, None))
        fields = tuple(
            {"pointer": pointer, "from": [w.as_dict() for w in _unique(where)]}
            for pointer, where in sorted(
                self.provenance.items(), key=lambda kv: _pointer_order(ordered, kv[0])
            )
        )
        return Mapped(
            tree=ordered,
            fields=fields,
            inferred=tuple(self.inferred),
            unmapped=tuple(unmapped),
            skipped=tuple(skipped),
        )


def _key_without_number(text: str) -> str:
    """The label key of a text without its leading number ("4.1", "a)", "Part 2")."""
    return label_key(re.sub(rf"^\s*{_NUMBERING}\s+", "", text, flags=re.IGNORECASE))


def _unique(where: list[Location]) -> list[Location]:
    seen: list[Location] = []
    for w in where:
        if w not in seen:
            seen.append(w)
    return seen


def _account(piece: Piece, why: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"text": piece.text, "from": piece.where.as_dict()}
    if why is not None:
        out["reason"] = why
    return out


def _pointer_order(tree: dict[str, Any], pointer: str) -> tuple[int, ...]:
    order = list(CLASS_SPECS[Proposal].names)
    parts = pointer.strip("/").split("/")
    head = order.index(parts[0]) if parts[0] in order else len(order)
    rest = tuple(int(p) if p.isdigit() else 0 for p in parts[1:])
    return (head, *rest)


def _order(tree: dict[str, Any]) -> dict[str, Any]:
    """The tree's keys in model field order, so the YAML reads like every other document."""
    return _order_object(tree, Proposal)


def _order_object(node: dict[str, Any], cls: type) -> dict[str, Any]:
    spec = CLASS_SPECS[cls]
    out: dict[str, Any] = {}
    for field in spec.fields:
        if field.name not in node:
            continue
        value = node[field.name]
        if field.kind is Kind.OBJECT and field.cls is not None and isinstance(value, dict):
            value = _order_object(value, field.cls)
        elif field.kind is Kind.LIST and field.cls is not None and isinstance(value, list):
            value = [_order_object(v, field.cls) if isinstance(v, dict) else v for v in value]
        out[field.name] = value
    for key, value in node.items():
        if key not in out:
            out[key] = value
    return out


def _status(tree: dict[str, Any]) -> tuple[str, str]:
    approver = tree.get("approver") or {}
    responsible = tree.get("responsible") or {}
    if approver.get("name") and approver.get("date"):
        return "approved", "the form is signed by an approver, with a date"
    if responsible.get("name") and responsible.get("date"):
        return (
            "submitted",
            "the form is signed by the responsible officer, with a date, and not yet approved",
        )
    return "draft", "the form is not signed with a date"


def _combine(a: str, b: str) -> str:
    return _combine_all({a, b}) or a


def _combine_all(codes: set[str]) -> str | None:
    if not codes:
        return None
    if len(codes) == 1:
        return next(iter(codes))
    if "mixed" in codes or {"positive", "negative"} <= codes:
        return "mixed"
    if "negative" in codes:
        return "negative"
    if "positive" in codes:
        return "positive"
    if "neutral" in codes:
        return "neutral"
    return sorted(codes)[0]


def choose(text: str, choices: Sequence[tuple[str, Sequence[str]]]) -> str | None:
    """The code of the ticked option in ``text`` (or of the option the text names).

    An option's whole wording wins over a wording it merely starts with, so "Screen out
    with mitigation" is not taken for "Screen out".
    """
    options = ticked_options(text)
    if options:
        chosen = [label for label, on in options if on]
        return next((code for label in chosen if (code := _option(label, choices))), None)
    return _option(text, choices)


def _option(text: str, choices: Sequence[tuple[str, Sequence[str]]]) -> str | None:
    for code, labels in choices:
        if match_label(text, labels) == "":
            return code
    for code, labels in choices:
        if match_label(text, labels) is not None:
            return code
    return None


_NUMBER = re.compile(r"\d{1,3}(?:[,\s\u00a0\u202f]\d{3})+(?!\d)|\d+")


def _mitigation_status(text: str) -> str | None:
    """An action's status from its wording ("In progress", "Done") or code, or None."""
    from psed.model import MitigationStatus

    key = label_key(text)
    for status in MitigationStatus:
        if key in (label_key(status.label), label_key(status.value)):
            return status.value
    return None


def _integer(text: str) -> int | None:
    """The one whole number in the text ("1,200", "1 200", "about 350"), else None.

    Text with two numbers ("1,200 (was 900)", "1200 - 1500") is not read as either.
    """
    found = _NUMBER.findall(text)
    if len(found) != 1:
        return None
    return int(re.sub(r"\D", "", found[0]))


def _kind(path: str) -> Kind | None:
    cls: type | None = Proposal
    kind: Kind | None = None
    for part in path.split("."):
        spec = CLASS_SPECS.get(cls) if cls is not None else None
        if spec is None or part not in spec.by_name:
            return None
        kind, cls = spec.by_name[part].kind, spec.by_name[part].cls
    return kind


def _list_class(path: str) -> type:
    field = CLASS_SPECS[Proposal].by_name[path]
    assert field.cls is not None
    return field.cls


def _is_signoff(path: str) -> bool:
    from psed.model import SignOff

    field = CLASS_SPECS[Proposal].by_name.get(path)
    return field is not None and field.cls is SignOff


def score(source_pieces: Sequence[Piece], template: Template) -> float:
    """How well a template fits a source, from 0 to 1: its phrases and labels found there."""
    keys = [label_key(p.text) for p in source_pieces]
    text = "\n".join(keys)
    phrases = [label_key(m) for m in template.match]
    found_phrases = sum(1 for m in phrases if m and m in text)
    label_sets = [f.labels for f in template.fields if f.labels]
    label_sets += [ls for t in template.tables for _, ls in t.columns]
    found_labels = 0
    for labels in label_sets:
        if any(match_label(p.text, labels) is not None for p in source_pieces):
            found_labels += 1
    parts = []
    if phrases:
        parts.append(found_phrases / len(phrases))
    if label_sets:
        parts.append(found_labels / len(label_sets))
    return round(sum(parts) / len(parts), 3) if parts else 0.0


def apply_template(
    source: Source,
    template: Template,
    *,
    status: str | None = None,
    catalogue: Catalogue | None = None,
    stem: str = "Imported assessment",
) -> Mapped:
    """Map a source with a template into a document tree and its account."""
    mapper = _Mapper(
        source,
        template,
        status=status,
        catalogue=default_catalogue() if catalogue is None else catalogue,
        stem=stem,
    )
    mapper.apply_fields()
    mapper.apply_tables()
    mapper.apply_sections()
    mapper.apply_lists()
    return mapper.finish()


assert {f.name for f in CLASS_SPECS[Mitigation].fields} >= {"action", "owner", "due", "monitoring"}
