"""Where the documentation lives, and how its fenced code blocks are found."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
MKDOCS_YML = ROOT / "mkdocs.yml"

_FENCE_OPEN = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*(?P<lang>[\w+-]*)(?P<rest>.*)$"
)


@attrs.frozen
class Block:
    """One fenced code block: its language, first code line (1-based) and text."""

    lang: str
    line: int
    code: str


def pages() -> list[Path]:
    """Every Markdown page of the site, plus the README, in a stable order."""
    return [*sorted(DOCS.rglob("*.md")), ROOT / "README.md"]


def page_id(path: Path) -> str:
    """A page's path relative to the repository root, for test ids and messages."""
    return path.relative_to(ROOT).as_posix()


def fenced_blocks(text: str) -> Iterator[Block]:
    """The fenced code blocks of a Markdown text, in order (indented fences included)."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = _FENCE_OPEN.match(lines[i])
        if not match:
            i += 1
            continue
        indent, fence, lang = match["indent"], match["fence"], match["lang"].lower()
        body: list[str] = []
        j = i + 1
        while j < len(lines):
            stripped = lines[j].strip()
            if stripped.startswith(fence[0] * len(fence)) and set(stripped) == {fence[0]}:
                break
            line = lines[j]
            body.append(line[len(indent) :] if line.startswith(indent) else line.lstrip())
            j += 1
        yield Block(lang=lang, line=i + 2, code="\n".join(body) + "\n")
        i = j + 1
