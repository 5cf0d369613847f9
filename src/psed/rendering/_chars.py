"""Characters no output format can carry as they are, and how they are shown instead.

Control characters (other than tab and line feed), lone surrogates and U+FFFE/U+FFFF
cannot be written into a Word document (XML 1.0 forbids them) and do not survive an
HTML parser (NUL is dropped, a carriage return becomes a line feed). So that nothing a
document holds is lost or hidden, each is shown as its code point ("U+001B") in a style
of its own, which a reader of the rendered document can tell from text that happens to
read "U+001B".
"""

from __future__ import annotations

import re

from psed.rendering._labels import label

__all__ = ["plain", "segments"]

_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _marker(char: str) -> str:
    return label("value.character", code=f"{ord(char):04X}")


def segments(text: str) -> list[tuple[str, bool]]:
    """``text`` as runs of ordinary text and markers: ``(piece, is_marker)`` in order."""
    if _SPECIAL.search(text) is None:
        return [(text, False)] if text else []
    pieces: list[tuple[str, bool]] = []
    start = 0
    for match in _SPECIAL.finditer(text):
        if match.start() > start:
            pieces.append((text[start : match.start()], False))
        pieces.append((_marker(match.group()), True))
        start = match.end()
    if start < len(text):
        pieces.append((text[start:], False))
    return pieces


def plain(text: str) -> str:
    """``text`` with each special character replaced by its marker (for titles, metadata)."""
    return _SPECIAL.sub(lambda m: _marker(m.group()), text)
