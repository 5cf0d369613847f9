"""The text pass: placeholders, word counts, leftovers, adverse language, phrases."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from psed._text import (
    ADVERSE_PHRASES,
    comparison_key,
    is_placeholder,
    normalise,
    text,
    word_count,
)


def leftover_markers(value: str) -> list[str]:
    return list(text(value).leftovers)


def adverse_phrases(value: str) -> list[str]:
    return list(text(value).adverse)


# Text whose case can be changed and changed back: ASCII and Latin-1 letters, digits,
# punctuation and white space (some other scripts change length or split under case
# mapping, which is not what "case-insensitive" is about).
SIMPLE_TEXT = st.text(
    alphabet=st.sampled_from(
        string.ascii_letters + string.digits + string.punctuation + " \t\n" + "éàüßøñç’"
    ),
    max_size=120,
)
PUNCTUATION = st.text(alphabet=st.sampled_from(".,;:!?-/()[]*'\"_"), max_size=4)
WHITESPACE = st.text(alphabet=st.sampled_from(" \t\n\r\u00a0"), max_size=4)

# ---------------------------------------------------------------- normalise


def test_normalise_folds_case_and_collapses_space() -> None:
    assert normalise("  Older \t People\n\n(65+) ") == "older people (65+)"
    assert normalise("STRASSE") == normalise("straße")


def test_comparison_key_ignores_punctuation() -> None:
    assert comparison_key("Positive impacts, for ALL customers!") == comparison_key(
        "positive impacts for all customers"
    )
    assert comparison_key("Positive for some") != comparison_key("Positive for all")


# ---------------------------------------------------------------- placeholders


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "\n\t",
        "N/A",
        "n/a",
        "n.a.",
        "NA",
        "None",
        "None.",
        "nil",
        "-",
        "--",
        "TBC!",
        "t.b.c.",
        "TBD",
        "todo",
        "XXX",
        "To follow",
        "to follow...",
        "See above.",
        "Lorem ipsum",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
        "[Insert details of the impact here]",
        "Our plan is [insert plan]",
        "[ INSERT name ]",
    ],
)
def test_placeholders(text: str | None) -> None:
    assert is_placeholder(text)


@pytest.mark.parametrize(
    "text",
    [
        "None of the groups is affected",
        "No impact on any group.",
        "Not applicable: no staff are affected.",
        "nan",
        "NA5 postcode area only",
        "Insert a ramp at the entrance",
        "see the equality data in appendix A",
        "To follow the consultation, a second survey ran in May.",
    ],
)
def test_not_placeholders(text: str) -> None:
    assert not is_placeholder(text)


@settings(max_examples=150)
@given(SIMPLE_TEXT, PUNCTUATION, PUNCTUATION, WHITESPACE, WHITESPACE)
def test_placeholder_invariant_under_case_punctuation_and_whitespace(
    text: str, before: str, after: str, lead: str, trail: str
) -> None:
    expected = is_placeholder(text)
    assert is_placeholder(text.upper()) is expected
    assert is_placeholder(text.lower()) is expected
    assert is_placeholder(lead + before + text + after + trail) is expected


@settings(max_examples=100)
@given(
    st.sampled_from(["n/a", "none", "nil", "tbc", "tbd", "todo", "xxx", "to follow", "see above"]),
    PUNCTUATION,
    WHITESPACE,
)
def test_every_spelling_of_a_placeholder_word_is_a_placeholder(
    word: str, punctuation: str, space: str
) -> None:
    assert is_placeholder(space + word.title() + punctuation + space)
    assert is_placeholder(word.upper() + punctuation)


@settings(max_examples=200)
@given(st.text(max_size=200))
def test_text_helpers_never_raise(text: str) -> None:
    is_placeholder(text)
    word_count(text)
    leftover_markers(text)
    adverse_phrases(text)
    comparison_key(text)


# ---------------------------------------------------------------- word count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (None, 0),
        ("", 0),
        ("No impact.", 2),
        ("No impact - 65+ users unaffected.", 4),
        ("N/A", 1),
        ("don't   know", 2),
        ("2021 - 2022 ... 15%", 0),
        ("Aucun effet négatif", 3),
    ],
)
def test_word_count(text: str | None, count: int) -> None:
    assert word_count(text) == count


@settings(max_examples=100)
@given(st.lists(st.text(alphabet=string.ascii_letters, min_size=1, max_size=8), max_size=20))
def test_word_count_counts_space_separated_words(words: list[str]) -> None:
    assert word_count("  ".join(words)) == len(words)


# ---------------------------------------------------------------- leftovers


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        ("Owner: TBC", ["TBC"]),
        ("owner tbc, date tbd", ["TBC", "TBD"]),
        ("TODO: add data. Also todo.", ["TODO"]),
        ("Budget xxx pounds", ["XXX"]),
        ("Lorem  ipsum dolor", ["lorem ipsum"]),
        ("Name: [Insert name]", ["[insert"]),
        ("Delete as appropriate: yes / no", ["delete as appropriate"]),
        ("Click here to enter text.", ["click here to enter text"]),
        ("Click or tap here to enter text.", ["click or tap here to enter text"]),
        ("Choose an item.", ["choose an item"]),
        ("Agreed with the forum.[JS1]", ["[JS1]"]),
        ("See [AB12] and [JS1] and [JS1]", ["[AB12]", "[JS1]"]),
    ],
)
def test_leftover_markers(text: str, markers: list[str]) -> None:
    assert leftover_markers(text) == markers


@pytest.mark.parametrize(
    "text",
    [
        "See footnote [1].",
        "Option [AB] was chosen.",
        "Option [ABCD1] was chosen.",
        "[js1] in lower case is not a Word anchor",
        "The TBCs list, TODOs and XXL bins",
        "Postcode SO14 0YN, route B4",
        "A real description of the proposal.",
        "",
    ],
)
def test_not_leftovers(text: str) -> None:
    assert leftover_markers(text) == []


# ---------------------------------------------------------------- adverse language


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("This may exclude some older people.", ["exclude"]),
        ("Older people are excluded.", ["excluded"]),
        ("Risk of exclusion for carers", ["exclusion"]),
        ("Excluding those without a car", ["excluding"]),
        ("It discriminated against, and is discrimination", ["discriminated", "discrimination"]),
        ("New barriers to access", ["barriers"]),
        ("Some will struggle to use it", ["struggle to"]),
        ("Many struggled to book online", ["struggled to"]),
        ("People losing access to the office", ["losing access"]),
        ("They lost access last year", ["lost access"]),
        ("Residents who cannot afford a computer", ["cannot afford"]),
        ("Residents who can't afford a computer", ["can't afford"]),
        ("Residents who can’t afford a computer", ["can't afford"]),
        ("A negative impact on disabled people", ["negative impact"]),
        ("Negative impacts on carers", ["negative impacts"]),
        ("It will negatively affect parents", ["negatively affect"]),
        ("Some will be unable to access the service", ["unable to access"]),
        ("A loss of income for stallholders", ["loss of"]),
        ("Less able to travel", ["less able"]),
        ("It is harder to reach the new site", ["harder to"]),
        ("A detrimental and adverse effect; a detriment", ["detrimental", "adverse", "detriment"]),
        ("They are disadvantaged", ["disadvantaged"]),
        ("ADVERSELY AFFECTED", ["adversely"]),
        # negation does not cross a sentence end
        ("There are no changes. Some will be excluded.", ["excluded"]),
        # a negator more than four words before does not count
        ("No doubt that in the end some are excluded", ["excluded"]),
    ],
)
def test_adverse_phrases_found(text: str, found: list[str]) -> None:
    assert adverse_phrases(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "No negative impact is expected.",
        "This will not exclude anyone.",
        "This won't exclude anyone.",
        "This doesn't disadvantage any group.",
        "It is unlikely to disadvantage anyone.",
        "Removing barriers to access",
        "It reduces the barriers disabled people face",
        "Steps taken to prevent any exclusion",
        "We have addressed the barriers",
        "Tackling discrimination is a council priority",
        "Designed to minimise detriment to tenants",
        "without any detrimental effect",
        "Neither group is excluded",
        "Barrier-free access throughout",
        "A non-discriminatory allocation policy",
        "Anti-discrimination training for all staff",
        "Exclusive use of the hall for community groups",
        "Positive for every group, whatever their background.",
        "",
    ],
)
def test_adverse_phrases_negated_or_absent(text: str) -> None:
    assert adverse_phrases(text) == []


def test_the_phrase_list_is_the_version_1_list() -> None:
    assert set(ADVERSE_PHRASES) == {
        "exclude",
        "disadvantage",
        "adverse",
        "adversely",
        "detriment",
        "detrimental",
        "barrier",
        "negative impact",
        "negatively affect",
        "unable to access",
        "cannot afford",
        "can't afford",
        "struggle to",
        "lose access",
        "loss of",
        "less able",
        "harder to",
        "discriminate",
        # the same in Welsh
        "anfantais",
        "allgáu",
        "eithrio",
        "andwyol",
        "niweidiol",
        "rhwystr",
        "effaith negyddol",
        "effeithio'n negyddol",
        "methu cael mynediad",
        "methu fforddio",
        "trafferth",
        "colli mynediad",
        "llai abl",
        "anoddach",
        "gwahaniaethu",
    }
    for phrase in ADVERSE_PHRASES:
        assert adverse_phrases(f"Some residents {phrase} here.") != [], phrase
        assert adverse_phrases(f"Residents will not {phrase} here.") == [], phrase


@settings(max_examples=150)
@given(SIMPLE_TEXT, st.sampled_from(ADVERSE_PHRASES), SIMPLE_TEXT)
def test_adverse_detection_invariant_under_case(before: str, phrase: str, after: str) -> None:
    text = f"{before} {phrase} {after}"
    expected = adverse_phrases(text)
    assert adverse_phrases(text.upper()) == expected
    assert adverse_phrases(text.swapcase()) == expected


@settings(max_examples=100)
@given(st.sampled_from(ADVERSE_PHRASES), st.sampled_from(["no", "not", "never", "reducing"]))
def test_a_negator_within_four_words_negates(phrase: str, negator: str) -> None:
    for gap in range(4):
        filler = " ".join(["very"] * gap)
        assert adverse_phrases(f"It will {negator} {filler} {phrase} anyone.") == []
    assert adverse_phrases(f"It will {negator} one two three four {phrase} anyone.") != []


def test_huge_and_adversarial_text_is_handled() -> None:
    long_word = "a" * 200_000
    tricky = (
        long_word
        + " lorem"
        + " " * 100_000
        + "[" * 50_000
        + "[AB"
        + "1" * 50_000
        + "-" * 50_000
        + "anti-" * 20_000
    )
    assert word_count(tricky) >= 1
    assert leftover_markers(tricky) == []
    assert adverse_phrases(tricky + " excluded.") == ["excluded"]
    assert not is_placeholder(tricky)
