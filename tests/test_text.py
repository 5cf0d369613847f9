"""The text pass: placeholders, word counts, leftovers, adverse language, phrases."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import psed
from psed import Proposal, Status, structure
from psed._text import (
    ADVERSE_PHRASES,
    Phrases,
    TextPass,
    comparison_key,
    is_placeholder,
    normalise,
    text,
    word_count,
)
from psed.rules import Context
from psed.testing import proposals


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


# ---------------------------------------------------------------- the compared form


@pytest.mark.parametrize(
    ("written", "compared"),
    [
        ("Ｎ/Ａ", "n/a"),  # full-width forms
        ("T\u200bB\u200bC", "tbc"),  # zero-width spaces
        ("T\u00adB\u2060C\ufeff", "tbc"),  # soft hyphen, word joiner, byte order mark
        ("\u0422\u0412\u0421", "tbc"),  # Cyrillic capitals drawn like T, B, C
        ("D\u0430n Tong", "dan tong"),  # a Cyrillic small a
        ("\u039d/\u0391", "n/a"),  # Greek capitals
        ("can\u2019t \u2010 don\u02bct", "can't - don't"),  # typographic apostrophes, hyphen
        ("Stra\u00dfe  \u0130stanbul", "strasse istanbul"),
        ("e\u0301t\u00e9", "\u00e9t\u00e9"),  # canonical composition
        ("Gwasanaethau Cymraeg: \u0174 \u0177", "gwasanaethau cymraeg: \u0175 \u0177"),
    ],
)
def test_the_compared_form_reads_look_alikes_as_their_letters(written: str, compared: str) -> None:
    assert normalise(written) == compared
    assert text(written).raw == written  # the text itself is never changed


@pytest.mark.parametrize(
    "written", ["Ｎ/Ａ", "T\u200bB\u200bC", "\u0422\u0412\u0421", "\u0445\u0445\u0445!", "ＴＢＣ"]
)
def test_evasive_spellings_of_placeholders_are_placeholders(written: str) -> None:
    assert is_placeholder(written)


def test_evasive_spellings_of_leftovers_and_adverse_words_are_found() -> None:
    assert text("Owner T\u200bBC").leftovers == ("TBC",)
    assert text("Owner \u0422\u0412\u0421").leftovers == ("TBC",)
    assert text("Some may be exc\u200bluded.").adverse == ("excluded",)
    assert text("Some may be \u0435xcluded.").adverse == ("excluded",)  # Cyrillic e


def test_a_character_that_grows_many_times_is_kept_composed() -> None:
    # U+FDFA becomes 18 characters under NFKC: a text that would grow more than four
    # times keeps its canonical composition; ordinary compatibility forms still fold.
    assert len(normalise("\ufdfa" * 1000)) == 1000
    assert len(normalise("\ufdfa")) == 1
    assert normalise("\ufb01ne \u2460") == "fine 1"


@pytest.mark.parametrize(
    "size",
    [65536 * 2 + 7, 65536 * 3],
)
def test_long_text_is_compared_as_a_whole(size: int) -> None:
    word = "a" * size  # one enormous word: folded in pieces, still one word
    assert text(word).folded == word
    assert text(word).words == 1
    spaced = ("ab cd " * (size // 6))[:size]
    assert text(spaced).folded == " ".join(spaced.split())
    assert text(spaced).words == len(spaced.split())
    assert text(spaced.upper() + " x").key == " ".join(spaced.split()) + " x"


@settings(max_examples=100)
@given(st.text(max_size=80))
def test_folding_is_idempotent(written: str) -> None:
    once = normalise(written)
    assert normalise(once) == once
    assert "  " not in once
    assert once == once.strip()


def test_reference_numbers_in_brackets_are_not_leftovers() -> None:
    assert text("As held in [2014] UKSC 56 and [2013] EWCA Civ 1345 [26].").leftovers == ()
    assert text("As held in [2014] UKSC 56 [JS1].").leftovers == ("[JS1]",)


# ---------------------------------------------------------------- phrases


def test_phrases_are_found_on_word_boundaries_in_order() -> None:
    no_data = Phrases("no data", "not known", "don't know", "data is not available")
    assert no_data.find(text("We DON\u2019T  KNOW; there is no database.\nNo data.")) == (
        "don't know",
        "no data",
    )
    assert no_data.find(text("The data is not available.")) == ("data is not available",)
    assert no_data.find(text("Nothing is unknown.")) == ()
    assert no_data.find(text(None)) == ()


def test_a_trailing_star_matches_any_ending() -> None:
    aims = Phrases("discriminat*", "good relations", "opportunit*")
    found = aims.find(text("Non-discriminatory; Good  Relations; OPPORTUNITIES to use Welsh."))
    assert found == ("discriminat*", "good relations", "opportunit*")
    assert aims.find(text("Indiscriminate")) == ()


_PHRASE_WORDS = ("no", "data", "not", "known", "unknown", "the", "database", "nothing", "-")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PHRASE_WORDS), max_size=12))
def test_phrases_are_found_wherever_their_words_stand_together(words: list[str]) -> None:
    phrases = ("no data", "not known", "unknown")
    written = " ".join(words)
    first: dict[str, int] = {}
    for phrase in phrases:
        size = len(phrase.split())
        for at in range(len(words) - size + 1):
            if words[at : at + size] == phrase.split():
                first.setdefault(phrase, at)
                break
    expected = tuple(sorted(first, key=first.__getitem__))
    assert Phrases(*phrases).find(text(written)) == expected


@pytest.mark.parametrize("bad", ["", "No Data", "no  data", "a*b", " no data"])
def test_a_phrase_must_be_written_in_the_compared_form(bad: str) -> None:
    with pytest.raises(ValueError, match="lower-case"):
        Phrases(bad)


# ---------------------------------------------------------------- the document's pass


def _proposal() -> Proposal:
    return structure(
        {
            "name": "Library review TBC",
            "description": "Close two branches [JS1]; see [2014] UKSC 56.",
            "impacts": [
                {"characteristic": "age", "impact": "neutral", "details": "N/A"},
                {"characteristic": "sex", "impact": "neutral", "details": "N/A"},
                {
                    "characteristic": "race",
                    "impact": "negative",
                    "details": "Fewer hours.",
                    "mitigations": [{"action": "Lorem ipsum", "owner": "Head of Libraries"}],
                },
            ],
            "responsible": {"name": "Dan Tong", "role": "Head of Libraries"},
        }
    )


def test_each_text_is_analysed_once_per_document() -> None:
    texts = TextPass(_proposal())
    assert texts("N/A") is texts("N/A")
    assert texts(None) is texts("")
    assert texts(None).placeholder
    assert texts(None).words == 0


def test_the_fields_are_every_free_text_field_in_document_order() -> None:
    fields = TextPass(_proposal()).fields
    assert [f.pointer for f in fields] == [
        "/name",
        "/description",
        "/impacts/0/details",
        "/impacts/1/details",
        "/impacts/2/details",
        "/impacts/2/mitigations/0/action",
        "/impacts/2/mitigations/0/owner",
        "/responsible/name",
        "/responsible/role",
    ]
    assert all(f.pointer.endswith("/" + f.name) for f in fields)
    assert fields[2].text is fields[3].text  # the same text, analysed once


def test_the_fields_with_leftovers_are_found_at_once() -> None:
    found = TextPass(_proposal()).with_leftovers
    assert [(f.pointer, f.text.leftovers) for f in found] == [
        ("/name", ("TBC",)),
        ("/description", ("[JS1]",)),
        ("/impacts/2/mitigations/0/action", ("lorem ipsum",)),
    ]


@settings(max_examples=60, deadline=None)
@given(proposals())
def test_the_document_scan_for_leftovers_misses_no_field(proposal: Proposal) -> None:
    texts = TextPass(proposal)
    assert texts.with_leftovers == tuple(f for f in texts.fields if f.text.leftovers)


def test_a_hand_made_context_builds_its_own_text_pass() -> None:
    proposal = _proposal()
    ctx = Context(
        proposal=proposal,
        as_of=dt.date(2026, 11, 26),
        status=Status.SUBMITTED,
        framework=psed.BUILTIN_FRAMEWORKS["psed"],
        catalogue=psed.Config().catalogue(),
    )
    assert ctx.text.proposal is proposal
    assert ctx.text(proposal.name).leftovers == ("TBC",)


def test_text_of_nothing_but_ignorable_characters_is_a_placeholder_not_a_crash() -> None:
    import datetime as dt

    import psed
    from psed._text import is_placeholder

    assert is_placeholder("\xad")  # a soft hyphen alone
    assert is_placeholder("\u200b\xad\u2060")
    report = psed.validate(
        {"name": "x", "waivers": [{"rule": "PSED501", "reason": "x", "approved_by": "\xad"}]},
        as_of=dt.date(2026, 1, 1),
    )
    assert "PSED901" in report.codes()


def test_an_intersections_characteristics_are_codes_not_free_text() -> None:
    proposal = structure(
        {
            "name": "Library review",
            "characteristics": [{"code": "rural", "label": "TBC"}],
            "intersections": [{"characteristics": ["age", "rural"], "details": "Older rural."}],
        }
    )
    pointers = [f.pointer for f in TextPass(proposal).fields]
    assert "/characteristics/0/label" in pointers  # the document's own definition
    assert not any(p.startswith("/intersections/0/characteristics") for p in pointers)
    report = psed.validate(psed.unstructure(proposal), as_of=dt.date(2026, 11, 26))
    assert [f.pointer for f in report.findings if f.code == "PSED106"] == [
        "/characteristics/0/label"
    ]
