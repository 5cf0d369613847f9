"""What the JSON and YAML parsers say about broken text, as catalogue entries.

A reader's PSED001 sentence places the parser's own words (``Expecting ','
delimiter``, ``did not find expected key``) where the problem goes. Each wording
psed recognises is an entry of the catalogue in its own right: its English is the
parser's words exactly, so the English sentence is unchanged, and its translation
is a sentence of the language asked for. The parts that vary (a character, the
bracket expected) are ``{placeholders}``, filled from the parser's words.

A wording psed does not recognise (a parser's new message, a rare one) is still
shown whole, as the parser gives it; the translation says that it is the parser's
message, in English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from psed._i18n import C_, Message

__all__ = ["JSON_PROBLEMS", "YAML_PROBLEMS", "json_problem", "table_entries", "yaml_problem"]

JSON_CONTEXT = "json parser"
"""The catalogue context of the JSON parser's wordings."""

YAML_CONTEXT = "yaml parser"
"""The catalogue context of the YAML parser's wordings."""

JSON_PROBLEMS: tuple[str, ...] = (
    "Expecting value",
    "Expecting {delimiter} delimiter",
    "Expecting property name enclosed in double quotes",
    "Unterminated string starting at",
    "Invalid control character at",
    "Invalid control character {character} at",
    "Invalid \\escape",
    "Invalid \\escape: {character}",
    "Invalid \\uXXXX escape",
    "Extra data",
    "Illegal trailing comma before end of object",
    "Illegal trailing comma before end of array",
)
"""The wordings of Python's :mod:`json` (its C scanner and its Python one)."""

YAML_PROBLEMS: tuple[str, ...] = (
    # libyaml's scanner and parser
    "found character that cannot start any token",
    "found unexpected end of stream",
    "found unknown escape character",
    "mapping values are not allowed in this context",
    "could not find expected ':'",
    "did not find expected key",
    "did not find expected '-' indicator",
    "did not find expected ',' or {closing}",
    "did not find expected node content",
    "did not find expected <document start>",
    "found undefined tag handle",
    "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected",
    "found unexpected ':'",
    "block sequence entries are not allowed in this context",
    "did not find expected alphabetic or numeric character",
    "did not find expected comment or line break",
    "did not find expected whitespace or line break",
    "did not find expected hexdecimal number",
    "found invalid Unicode character escape code",
    "found unexpected document indicator",
    "found duplicate %YAML directive",
    "found incompatible YAML document",
    "unacceptable character {code}: control characters are not allowed",
    # PyYAML's own parser, where libyaml is missing
    "found character {character} that cannot start any token",
    "found unknown escape character {character}",
    "mapping values are not allowed here",
    "expected ',' or {closing}, but got {found}",
    "found undefined tag handle {handle}",
    "expected '<document start>', but found {found}",
    "expected <block end>, but found {found}",
    "expected alphabetic or numeric character, but found {found}",
    "expected escape sequence of {count} hexadecimal numbers, but found {found}",
    "expected a comment or a line break, but found {found}",
    "found duplicate YAML directive",
    "unacceptable character {code}: special characters are not allowed",
)
"""The wordings of libyaml and of PyYAML's own parser."""

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _pattern(wording: str) -> re.Pattern[str]:
    """A pattern that matches the parser's words of ``wording``, each placeholder a group."""
    parts: list[str] = []
    last = 0
    for match in _PLACEHOLDER.finditer(wording):
        parts.append(re.escape(wording[last : match.start()]))
        parts.append(f"(?P<{match.group(1)}>.+?)")
        last = match.end()
    parts.append(re.escape(wording[last:]))
    return re.compile("".join(parts), re.DOTALL)


_JSON = tuple((wording, _pattern(wording)) for wording in JSON_PROBLEMS)
_YAML = tuple((wording, _pattern(wording)) for wording in YAML_PROBLEMS)


def _problem(said: str, known: tuple[tuple[str, re.Pattern[str]], ...], context: str) -> Message:
    said = said.strip()
    for wording, pattern in known:
        match = pattern.fullmatch(said)
        if match is not None:
            return Message(id=wording, args=tuple(match.groupdict().items()), context=context)
    return C_("a parser's message not translated", "{message}", message=said)


def json_problem(said: str) -> Message:
    """What the JSON parser said (``JSONDecodeError.msg``), as a message to translate."""
    return _problem(said, _JSON, JSON_CONTEXT)


def yaml_problem(said: str) -> Message:
    """What the YAML parser said (its ``problem``), as a message to translate."""
    return _problem(said, _YAML, YAML_CONTEXT)


def table_entries() -> Iterator[tuple[str, str, str]]:
    """``(context, English, where)`` for each wording of the parsers psed recognises."""
    for wording in JSON_PROBLEMS:
        yield JSON_CONTEXT, wording, "psed._reading.parser_messages.JSON_PROBLEMS"
    for wording in YAML_PROBLEMS:
        yield YAML_CONTEXT, wording, "psed._reading.parser_messages.YAML_PROBLEMS"
