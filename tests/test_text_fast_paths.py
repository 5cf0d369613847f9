"""The fast paths of psed._text give exactly what the plain definitions give.

The shared text helpers skip work for the usual text (a memo for placeholders, a
stem pre-filter before the adverse-language scan, a trigger pre-filter before the
leftover-marker regex, splitting instead of substituting white space). The plain
definitions they replaced are kept here as oracles, and hypothesis checks that both
agree on arbitrary text, including Unicode that changes under case folding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import example, given, settings
from hypothesis import strategies as st

from psed import _text
from psed._text import adverse_phrases, comparison_key, is_placeholder, normalise, word_count

# ---------------------------------------------------------------- oracles (the old code)

_WHITESPACE = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w\s]|_")
_NOT_ALNUM = re.compile(r"[\W_]+")


def plain_normalise(text: str) -> str:
    return _WHITESPACE.sub(" ", text.casefold()).strip()


def plain_comparison_key(text: str) -> str:
    return plain_normalise(_PUNCTUATION.sub("", text))


_PLACEHOLDER_KEYS = frozenset(
    {"", "na", "none", "nil", "tbc", "tbd", "todo", "xxx", "tofollow", "seeabove", "loremipsum"}
)
_PLACEHOLDER_ANYWHERE = re.compile(r"\[\s*insert|\blorem\s+ipsum\b", re.IGNORECASE)


def plain_is_placeholder(text: str | None) -> bool:
    if text is None:
        return True
    if _NOT_ALNUM.sub("", text).casefold() in _PLACEHOLDER_KEYS:
        return True
    return _PLACEHOLDER_ANYWHERE.search(text) is not None


def plain_word_count(text: str | None) -> int:
    if not text:
        return 0
    return sum(1 for token in text.split() if any(ch.isalpha() for ch in token))


_TOKENS = re.compile(
    r"(?P<word>[^\W_]+(?:['\u2019\u02bc\u2018\-\u2010\u2011][^\W_]+)*)|(?P<end>[.!?])"
)


def plain_sentence_words(text: str) -> Iterator[list[tuple[str, int, int]]]:
    """Each sentence of ``text`` as (lower-case word, start, end) triples: one scan."""
    sentence: list[tuple[str, int, int]] = []
    for match in _TOKENS.finditer(text):
        if match.lastgroup == "end":
            if sentence:
                yield sentence
                sentence = []
            continue
        word = match.group().translate(_text._APOSTROPHES).casefold()
        sentence.append((word, match.start(), match.end()))
    if sentence:
        yield sentence


def plain_adverse_phrases(text: str | None) -> list[str]:
    """adverse_phrases without the pre-filter, tokenising the whole text in one pass."""
    if not text:
        return []
    found: dict[str, None] = {}
    for words in plain_sentence_words(text):
        for i, (word, start, end) in enumerate(words):
            for rest in _text._BY_FIRST_WORD.get(word, ()):
                tail = words[i + 1 : i + 1 + len(rest)]
                if len(tail) != len(rest) or any(
                    w not in forms for (w, _, _), forms in zip(tail, rest, strict=True)
                ):
                    continue
                window = words[max(0, i - 4) : i]
                if any(_text._is_negator(w) for w, _, _ in window):
                    continue
                stop = tail[-1][2] if tail else end
                found.setdefault(
                    plain_normalise(text[start:stop]).translate(_text._APOSTROPHES), None
                )
    return list(found)


def plain_leftover_markers(text: str | None) -> list[str]:
    """leftover_markers without the trigger pre-filter."""
    if not text:
        return []
    found: dict[str, None] = {}
    for match in _text._LEFTOVERS.finditer(text):
        kind = match.lastgroup
        if kind == "word":
            marker = match.group().upper()
        elif kind == "anchor":
            marker = match.group()
        elif kind == "insert":
            marker = "[insert"
        else:
            marker = plain_normalise(match.group())
        found.setdefault(marker, None)
    return list(found)


# ---------------------------------------------------------------- strategies

# Words the fast paths look for, their case and inflection variants, tricky
# characters (long s, sharp s, dotless i, Kelvin sign, typographic apostrophes,
# the "ŉ" that folds to an apostrophe and n) and white space of every kind.
_PIECES = [
    *_text.ADVERSE_PHRASES,
    "EXCLUSION",
    "Struggled to",
    "lost access",
    "can\u2019t afford",
    "CAN'T AFFORD",
    "won't",
    "not",
    "no",
    "removing",
    "barrier-free",
    "non-discriminatory",
    "le\u00df able",
    "lo\u017f\u017f of",
    "TBC",
    "tbd",
    "ToDo",
    "xxx",
    "lorem  ipsum",
    "[Insert",
    "[ insert",
    "delete as appropriate",
    "Click or tap here to enter text",
    "choose an item",
    "[JS1]",
    "[AB]",
    "[1]",
    "n/a",
    "N.A.",
    "None.",
    "to follow",
    "See above",
    "-",
    "\u0131nsert",
    "\u212a",
    "\u0149t",
    "\u0345",
    "cl\u0130ck here to enter text",
    "Older people. Not",
    "no. exclusion",
    ".",
    "!",
    "?",
    ",",
]
_SPACE = st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "\u2003", "\x1c", ""])
TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6), _SPACE), max_size=14).map(
    "".join
)


@settings(max_examples=200)
@given(TEXT)
@example("  Older \t People\n\n(65+) ")
@example("STRASSE stra\u00dfe \u2028 x\x1fy")
@example(" Older\u2003people " * 400)
def test_normalise_and_comparison_key_agree_with_substitution(text: str) -> None:
    assert normalise(text) == plain_normalise(text)
    assert comparison_key(text) == plain_comparison_key(text)


@settings(max_examples=200)
@given(st.one_of(st.none(), TEXT))
@example("N/A")
@example(" [insert name] ")
@example("x" * 600 + " lorem ipsum")
@example("L.O.R.E.M ipsum, n/a")
@example("!!" + "n" * 10 + "!!")
@example("\u00df" * 6)
def test_is_placeholder_with_memo_agrees_with_definition(text: str | None) -> None:
    assert is_placeholder(text) == plain_is_placeholder(text)
    assert is_placeholder(text) == plain_is_placeholder(text)  # now from the memo


@settings(max_examples=200)
@given(st.one_of(st.none(), TEXT))
@example("65+ \u00b2 \u2167 don't -")
def test_word_count_agrees_with_definition(text: str | None) -> None:
    assert word_count(text) == plain_word_count(text)


@settings(max_examples=300)
@given(TEXT)
@example("Some may le\u00df able to use it.")
@example("Residents will lo\u017f\u017f of the service")
@example("They CAN\u2019T AFFORD it")
@example("word " * 14000 + "not lost access, then excluded; " + "no. exclusion")
def test_adverse_prefilter_never_hides_a_phrase(text: str) -> None:
    assert adverse_phrases(text) == plain_adverse_phrases(text)


@settings(max_examples=300)
@given(TEXT)
@example("\u0131nsert [\u0130NSERT name")
@example("owner tbc")
@example("cl\u0130ck here to enter text")
@example("\u017fee \u212aey TO\u0130DO")
@example("\u2022" + "a" * 65531 + " TODO and more")
@example("\u2022" + "a" * 65530 + " cl\u0130ck here to enter text")
def test_leftover_prefilter_never_hides_a_marker(text: str) -> None:
    assert _text.leftover_markers(text) == plain_leftover_markers(text)


@settings(max_examples=200)
@given(st.lists(TEXT, max_size=6))
def test_any_leftovers_is_false_only_without_markers(texts: list[str]) -> None:
    if any(plain_leftover_markers(text) for text in texts):
        assert _text.any_leftovers(texts)


def test_every_first_word_form_contains_a_stem() -> None:
    for form in _text._BY_FIRST_WORD:
        assert any(stem in form for stem in _text._ADVERSE_STEMS), form
