"""Text or bytes to a tree: decoding, the size limit, the format (decided once), one parse."""

from __future__ import annotations

import re
from typing import Any

from psed._i18n import C_, Arg, _
from psed._reading.json_reader import read_json
from psed._reading.limits import Limits, Parsed, decode, failed, too_big
from psed._reading.yaml_reader import read_yaml

__all__ = ["describe_document", "guess_format", "parse", "parse_text"]

# A JSON document starts with an object whose first key is quoted (or that is empty),
# or with a list. A YAML flow mapping such as "{name: x}" is YAML.
_JSON_START = re.compile(r'[ \t\r\n]*(?:\{[ \t\r\n]*["}]|\[)')


def guess_format(text: str) -> str:
    """``"json"`` for text that starts as a JSON document does, else ``"yaml"``.

    Decided once, from the first characters: a JSON document that then fails (a
    syntax error, a limit) is reported as JSON, never read again as YAML.
    """
    return "json" if _JSON_START.match(text) else "yaml"


def describe_document(value: Any) -> Arg:
    """What a document that is not a mapping is, for a sentence ("a list", "a number")."""
    if value is None:
        return C_("document", "empty (null)")
    if isinstance(value, bool):
        return C_("document", "true/false")
    if isinstance(value, (int, float)):
        return C_("document", "a number")
    if isinstance(value, str):
        return C_("document", "text")
    if isinstance(value, list):
        return C_("document", "a list")
    return type(value).__name__


def parse_text(text: str, *, format: str | None, limits: Limits) -> Parsed:
    """Parse JSON or YAML text to a tree whose root is a mapping.

    ``format`` is ``"json"``, ``"yaml"`` or None to decide from the text
    (:func:`guess_format`).
    """
    if format not in (None, "json", "yaml"):
        raise ValueError(f"format must be 'json', 'yaml' or None, not {format!r}")
    if text.startswith("\ufeff"):
        text = text[1:]
    size = len(text)
    if size > limits.max_bytes // 4:  # only encode when the length could be over
        size = len(text.encode("utf-8", "surrogatepass"))
    big = too_big(size, limits)
    if big is not None:
        return Parsed(None, [big], False)
    if not text.strip():
        return failed(
            _("The document is empty: the document must be a mapping with at least `name`.")
        )
    if (format or guess_format(text)) == "json":
        parsed = read_json(text, limits)
    else:
        parsed = read_yaml(text, limits)
    if parsed.ok and not isinstance(parsed.tree, dict):
        return failed(
            _(
                "The document is {kind}: the document must be a mapping with at least `name`.",
                kind=describe_document(parsed.tree),
            )
        )
    return parsed


def parse(payload: str | bytes, format: str | None, limits: Limits) -> Parsed:
    """:func:`parse_text` for text or UTF-8 bytes (the size limit checked before decoding)."""
    if isinstance(payload, bytes):
        big = too_big(len(payload), limits)
        if big is not None:
            return Parsed(None, [big], False)
        text = decode(payload)
        if not isinstance(text, str):
            return Parsed(None, [text], False)
        payload = text
    return parse_text(payload, format=format, limits=limits)
