"""A file that cannot be read is told so in Welsh, the parser's own words included.

What the JSON and YAML parsers say is a catalogue entry for each wording psed
recognises (its English the parser's words, so the English sentence is unchanged);
a wording psed does not know is quoted whole, and the Welsh says it is the parser's
message in English.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import psed
from psed._reading import parser_messages, yaml_reader
from psed._reading.parser_messages import (
    JSON_PROBLEMS,
    YAML_PROBLEMS,
    json_problem,
    yaml_problem,
)

UNTRANSLATED = "neges y dosrannydd, yn Saesneg"

JSON_TEXTS = {
    "comma": '{"name": "x" "framework": "wales"}',
    "value": '{"name": }',
    "unterminated": '{"name": "x',
    "extra": '{"name": "x"} 1',
    "control": '{"name": "a\tb"}',
    "escape": '{"name": "a\\qb"}',
    "unicode escape": '{"name": "a\\u12"}',
    "property name": '{"name": "x", }',
}

YAML_TEXTS = {
    "indented key": "name: x\n  framework: wales\n",
    "tab": "name:\n\t- x\n",
    "backtick": "name: `x\n",
    "unclosed quote": 'name: "x\n',
    "unclosed list": "name: [a, b\n",
    "unclosed mapping": "name: {a: b\n",
    "tag handle": "name: !foo!bar x\n",
    "escape": 'name: "a\\qb"\n',
    "document end": "name: x\n...\nfoo\n: bar\n",
    "list then key": "- a\nb: c\n",
    "two colons": "a: b: c\n",
    "control character": "name: x\x07y\n",
    "key then list": "name: x\n- y\n",
    "empty anchor": "name: &\n",
    "hex escape": 'name: "a\\x4"\n',
    "tab in block text": "name: |\n x\n\ty",
    "two YAML directives": "%YAML 1.1\n%YAML 1.1\n---\na: b",
    "tab before key": "name: a\n\tb: c\n",
}

PARSERS = ["libyaml", "pyyaml"] if yaml_reader._CParser is not None else ["pyyaml"]


def _unreadable(text: str, lang: str) -> psed.Finding:
    findings = [f for f in psed.validate(text, lang=lang).findings if f.code == "PSED001"]
    assert len(findings) == 1, [f.message for f in psed.validate(text).findings]
    return findings[0]


def _fixed_pieces(wordings: tuple[str, ...]) -> list[str]:
    """The words of each wording between its placeholders (two words or more)."""
    pieces = (p.strip(" ,:") for w in wordings for p in re.split(r"\{\w+\}", w))
    return [p for p in pieces if len(p.split()) >= 2]


def _welsh_holds_no_parser_english(message: str) -> None:
    english = [p for p in _fixed_pieces(JSON_PROBLEMS + YAML_PROBLEMS) if p in message]
    assert english == [], message
    assert UNTRANSLATED not in message, message


@pytest.mark.parametrize("text", JSON_TEXTS.values(), ids=JSON_TEXTS.keys())
def test_a_json_syntax_error_is_told_in_welsh_with_its_place(text: str) -> None:
    welsh = _unreadable(text, "cy")
    assert welsh.message.startswith(f"Nid oedd modd darllen y JSON yn llinell {welsh.line}, ")
    assert f"colofn {welsh.column}:" in welsh.message
    _welsh_holds_no_parser_english(welsh.message)
    english = _unreadable(text, "en")
    assert welsh.message_en == english.message
    assert (welsh.line, welsh.column) == (english.line, english.column)


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("text", YAML_TEXTS.values(), ids=YAML_TEXTS.keys())
def test_a_yaml_syntax_error_is_told_in_welsh_with_its_place(
    text: str, parser: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if parser == "pyyaml":
        monkeypatch.setattr(yaml_reader, "_Parser", yaml_reader._PyParser)
    welsh = _unreadable(text, "cy")
    assert welsh.message.startswith("Nid oedd modd darllen y YAML"), welsh.message
    if f"yn llinell {welsh.line}, colofn {welsh.column}:" not in welsh.message:
        # only a character the reader refuses outright has no place
        assert "nod annerbyniol #x0007" in welsh.message
    _welsh_holds_no_parser_english(welsh.message)
    assert "internal error" not in (welsh.message_en or "")


def test_the_english_sentence_keeps_the_parsers_words() -> None:
    english = _unreadable(JSON_TEXTS["comma"], "en").message
    assert english == (
        "The JSON could not be read at line 1, column 14: Expecting ',' delimiter; check the "
        "punctuation there (quotes, commas, brackets)."
    )
    english = _unreadable(YAML_TEXTS["unclosed list"], "en").message
    assert "did not find expected ',' or ']'" in english or "expected ',' or ']'" in english


def test_the_varying_part_of_a_wording_is_a_placeholder() -> None:
    message = yaml_problem("expected ',' or ']', but got '<stream end>'")
    assert message.id == "expected ',' or {closing}, but got {found}"
    assert dict(message.args) == {"closing": "']'", "found": "'<stream end>'"}
    assert message.text("cy") == "roedd disgwyl ',' neu ']', ond cafwyd '<stream end>'"
    assert json_problem("Expecting ':' delimiter").text("cy") == (
        "roedd disgwyl y gwahanydd ':' yma"
    )


def test_a_wording_psed_does_not_know_is_quoted_and_said_to_be_the_parsers() -> None:
    said = "found a brand new kind of problem"
    message = yaml_problem(said)
    assert message == said
    assert message.text("cy") == f"({UNTRANSLATED}: {said})"
    assert json_problem("Something else").text("cy") == f"({UNTRANSLATED}: Something else)"


_VALUE = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=12).filter(
    lambda v: v.strip() == v
)


@settings(max_examples=100)
@given(data=st.data())
def test_every_wording_is_recognised_from_its_own_english(data: st.DataObject) -> None:
    wording = data.draw(st.sampled_from(JSON_PROBLEMS + YAML_PROBLEMS))
    names = re.findall(r"\{(\w+)\}", wording)
    values = {name: data.draw(_VALUE, label=name) for name in names}
    said = wording.format(**values)
    found = json_problem(said) if wording in JSON_PROBLEMS else yaml_problem(said)
    assert found == said
    assert found.text("cy") != said
    assert UNTRANSLATED not in found.text("cy")


def test_every_wording_is_in_the_catalogue_with_its_context() -> None:
    entries = set(parser_messages.table_entries())
    assert len(entries) == len(JSON_PROBLEMS) + len(YAML_PROBLEMS)
    for _context, wording, _where in entries:
        problem = json_problem(wording) if wording in JSON_PROBLEMS else yaml_problem(wording)
        if "{" not in wording:
            assert problem.text("cy") != wording


@pytest.mark.parametrize(
    ("payload", "welsh", "english"),
    [
        (None, "Gwag (null) yw'r ddogfen", "not empty (null);"),
        ([1, 2], "Rhestr yw'r ddogfen", "not a list;"),
        (True, "Gwir/gau yw'r ddogfen", "not true/false;"),
        (3, "Rhif yw'r ddogfen", "not a number;"),
    ],
)
def test_a_document_that_is_not_a_mapping_says_what_it_is(
    payload: object, welsh: str, english: str
) -> None:
    finding = psed.validate(payload, lang="cy").findings[0]
    assert finding.code == "PSED001"
    assert finding.message.startswith(welsh)
    assert english in (finding.message_en or "")
