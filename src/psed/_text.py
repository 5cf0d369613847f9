"""Text helpers shared by the rules: one place for each textual notion.

Every rule that asks "is this a placeholder?", "how many words?", "is there
template text left over?", "does this describe harm?" or "does this mention a
community-safety limb?" asks this module, so two rules can never disagree.

Text from users may be huge (a pasted report): every function here runs in time
linear in the length of the text. The regular expressions are compiled once at
import and are written so that no input can make them backtrack
catastrophically (no nested or adjacent overlapping repeats).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

__all__ = [
    "ADVERSE_PHRASES",
    "NEGATORS",
    "S17_LIMBS",
    "adverse_phrases",
    "any_leftovers",
    "comparison_key",
    "is_placeholder",
    "leftover_markers",
    "normalise",
    "s17_limbs",
    "word_count",
]

# Punctuation for comparisons: anything that is neither a letter, a digit nor
# white space (so "N/A", "n.a." and "na" agree). "_" is punctuation here.
_PUNCTUATION = re.compile(r"(?:[^\w\s]|_)+")
_WHITESPACE = re.compile(r"\s+")
# Up to this length white space is collapsed by splitting (several times faster than
# a substitution); beyond it by the substitution, which does not build a list of
# every word of a pasted report.
_SPLIT_MAX_CHARS = 4096


def _collapse(text: str) -> str:
    """``text`` with each run of white space made one space, trimmed."""
    if len(text) <= _SPLIT_MAX_CHARS:
        # str.split() and re's \s agree on what white space is (str.isspace).
        return " ".join(text.split())
    return _WHITESPACE.sub(" ", text).strip()


_NOT_ALNUM = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Case-fold ``text`` and collapse runs of white space to one space, trimmed.

    The comparison the rules use for text and for ``group`` labels.

    >>> normalise("  Older   People\\n(65+) ")
    'older people (65+)'
    """
    return _collapse(text.casefold())


def comparison_key(text: str) -> str:
    """``text`` compared case-, space- and punctuation-insensitively (PSED501).

    Punctuation is deleted, not replaced by a space, so "council's" and
    "councils" agree; white space is then collapsed.

    >>> comparison_key("No change -- see the Council's plan.")
    'no change see the councils plan'
    """
    return _collapse(_PUNCTUATION.sub("", text).casefold())


# Placeholder words, compared with every non-alphanumeric character removed, so
# "N/A", "n.a.", "None.", "TBC!", "to-follow" and "See above" all match.
_PLACEHOLDER_KEYS = frozenset(
    {"", "na", "none", "nil", "tbc", "tbd", "todo", "xxx", "tofollow", "seeabove", "loremipsum"}
)
_INSERT = r"\[\s*insert"
_PLACEHOLDER_ANYWHERE = re.compile(rf"{_INSERT}|\blorem\s+ipsum\b", re.IGNORECASE)


def is_placeholder(text: str | None) -> bool:
    """True when ``text`` gives nothing: what the rules call "placeholder" text.

    A placeholder is None, empty, white space or punctuation only, or only one of
    n/a, na, none, nil, -, tbc, tbd, todo, xxx, "to follow", "see above",
    "lorem ipsum" (case and punctuation ignored), or text containing "[insert".
    Text containing "lorem ipsum" anywhere is also a placeholder: dummy text is
    never a reason. A placeholder never counts as a reason, a mitigation or a
    justification.

    >>> [is_placeholder(t) for t in ("N/A", "n.a.", "None.", "TBC!", " - ", "[Insert name]")]
    [True, True, True, True, True, True]
    >>> is_placeholder("None of the groups is affected")
    False
    """
    if text is None:
        return True
    if type(text) is str and len(text) <= _MEMO_MAX_CHARS:
        return _placeholder_memo(text)
    return _is_placeholder(text)


# Several rules ask about the same field (PSED104, PSED105, PSED201, PSED501 ...):
# short texts, the usual case, are answered from a small memo. It holds at most
# _MEMO_SIZE texts of at most _MEMO_MAX_CHARS characters (well under a megabyte),
# so memory stays flat however many documents one process checks.
_MEMO_MAX_CHARS = 512
_MEMO_SIZE = 1024


# A placeholder word has at most 10 letters and digits ("loremipsum"). Every character
# case-folds to at least one character, so text with 11 or more letters and digits is
# none of them, and that is found by reading no further than the 11th.
_ELEVEN_ALNUM = re.compile(
    rf"[^\W_](?:[\W_]*[^\W_]){{{max(len(key) for key in _PLACEHOLDER_KEYS)}}}"
)


def _is_placeholder(text: str) -> bool:
    if (
        _ELEVEN_ALNUM.search(text) is None
        and _NOT_ALNUM.sub("", text).casefold() in _PLACEHOLDER_KEYS
    ):
        return True
    # "[insert" needs a "["; "lorem ipsum" the letters "lorem", found ignoring case as
    # the full pattern is (a regex, not casefold(), which for non-ASCII text allocates
    # three times the text's size: 144 MB for a 9 MiB description).
    if "[" not in text and _LOREM.search(text) is None:
        return False
    return _PLACEHOLDER_ANYWHERE.search(text) is not None


_LOREM = re.compile("lorem", re.IGNORECASE)


_placeholder_memo = functools.lru_cache(maxsize=_MEMO_SIZE)(_is_placeholder)


def word_count(text: str | None) -> int:
    """The number of words in ``text``: runs of non-space characters containing a letter.

    "65+" and "-" are not words; "N/A" and "don't" are one word each.

    >>> word_count("No impact - 65+ users unaffected.")
    4
    """
    if not text:
        return 0
    return sum(1 for token in text.split() if token.isalpha() or any(map(str.isalpha, token)))


# PSED106: template and editing leftovers. Each alternative is a named group so
# the marker can be reported in a canonical spelling.
_LEFTOVERS = re.compile(
    r"(?P<word>\b(?i:tbc|tbd|todo|xxx)\b)"
    r"|(?P<lorem>(?i:\blorem\s+ipsum\b))"
    rf"|(?P<insert>(?i:{_INSERT}))"
    r"|(?P<delete>(?i:\bdelete\s+as\s+appropriate\b))"
    r"|(?P<click>(?i:\bclick\s+(?:or\s+tap\s+)?here\s+to\s+enter\s+text\b))"
    r"|(?P<choose>(?i:\bchoose\s+an\s+item\b))"
    r"|(?P<anchor>\[[A-Z]{1,3}[0-9]+\])"
)


_LEFTOVER_TRIGGERS = ("tbc", "tbd", "todo", "xxx", "lorem", "insert", "delete", "click", "choose")


def _may_have_leftovers(text: str) -> bool:
    """False when ``text`` certainly holds no leftover marker (a cheap substring test).

    Every marker contains "[" or one of the trigger words as the marker regex's
    IGNORECASE matches them (including "ı", "İ", the long s and the Kelvin sign): ASCII
    text is lower-cased, other text searched with the same IGNORECASE.
    """
    if "[" in text:
        return True
    # ASCII, the usual case: lower() is fast and makes one copy.
    if text.isascii():
        folded = text.lower()
        return any(word in folded for word in _LEFTOVER_TRIGGERS)
    # Otherwise the text is case-folded piece by piece (casefold() allocates three times
    # what it folds, so never the whole of a huge text at once; an IGNORECASE regex
    # would be ten times slower), dotless i made i and the combining dot that folding
    # leaves after a dotted capital I dropped: then every character that _LEFTOVERS'
    # IGNORECASE takes for a trigger letter (including "ı", "İ", the long s and the
    # Kelvin sign) folds to exactly that letter. The pieces overlap by a trigger's
    # length less one, so no trigger is cut in two.
    for start in range(0, len(text), _FOLD_PIECE):
        piece = text[start : start + _FOLD_PIECE + _TRIGGER_OVERLAP]
        folded = piece.casefold().replace("\u0131", "i").replace("\u0307", "")
        if any(word in folded for word in _LEFTOVER_TRIGGERS):
            return True
    return False


_FOLD_PIECE = 65536
_TRIGGER_OVERLAP = max(len(word) for word in _LEFTOVER_TRIGGERS) - 1


def any_leftovers(texts: Iterable[str]) -> bool:
    """False when none of ``texts`` can hold a leftover marker: one test for many fields.

    The texts are tested joined by line breaks; no marker's trigger contains a line
    break, so none is found across two texts. When this is True, ask
    :func:`leftover_markers` field by field.
    """
    return _may_have_leftovers("\n".join(texts))


def leftover_markers(text: str | None) -> list[str]:
    """Template or editing leftovers in ``text`` (PSED106), in order of first appearance.

    Markers: the whole words TBC, TBD, TODO and XXX in any case (reported in
    capitals); "lorem ipsum"; "[insert"; "delete as appropriate"; "click here to
    enter text"; "click or tap here to enter text"; "choose an item" (reported in
    lower case); and Word comment anchors, ``[`` + one to three capital letters +
    one or more digits + ``]`` (reported as written). Each marker is listed once.

    >>> leftover_markers("Owner tbc [JS1], see [1] and [AB]. Click here to enter text.")
    ['TBC', '[JS1]', 'click here to enter text']
    """
    if not text:
        return []
    # Fast path (most fields have no marker): the regex costs ~15 µs a field, this
    # scan ~1 µs.
    if not _may_have_leftovers(text):
        return []
    found: dict[str, None] = {}
    for match in _LEFTOVERS.finditer(text):
        kind = match.lastgroup
        if kind == "word":
            marker = match.group().upper()
        elif kind == "anchor":
            marker = match.group()
        elif kind == "insert":
            marker = "[insert"
        else:
            marker = normalise(match.group())
        found.setdefault(marker, None)
    return list(found)


# ---------------------------------------------------------------------------
# PSED502: adverse language.
#
# Text is split into word tokens and sentence ends. A word is letters and digits,
# possibly joined by apostrophes or hyphens ("can't", "anti-social",
# "barrier-free", "non-discriminatory" are one word each, so a hyphenated
# compound never matches a phrase inside it). Phrases are matched token by token,
# so matching is linear and always on word boundaries.

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})


def _forms(base: str, *others: str) -> frozenset[str]:
    return frozenset((base, *others))


ADVERSE_PHRASES: tuple[str, ...] = (
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
)
"""The PSED502 phrase list of format version 1 in the documented order."""

_AFFORD = _forms("afford", "affords", "afforded", "affording")
_ACCESS = _forms("access", "accesses", "accessed", "accessing")

# Each phrase as a sequence of sets of accepted (lower-case) word forms. One-word
# phrases take any inflection (including the noun "exclusion" and the adjective
# "discriminatory"); longer phrases take an inflected first word (the documented
# matching details) and an inflected last word (the documented phrase list).
_PHRASE_FORMS: tuple[tuple[frozenset[str], ...], ...] = (
    (_forms("exclude", "excludes", "excluded", "excluding", "exclusion", "exclusions"),),
    (
        _forms(
            "disadvantage",
            "disadvantages",
            "disadvantaged",
            "disadvantaging",
            "disadvantageous",
        ),
    ),
    (_forms("adverse"),),
    (_forms("adversely"),),
    (_forms("detriment", "detriments"),),
    (_forms("detrimental"),),
    (_forms("barrier", "barriers"),),
    (_forms("negative"), _forms("impact", "impacts", "impacted", "impacting")),
    (_forms("negatively"), _forms("affect", "affects", "affected", "affecting")),
    (_forms("unable"), _forms("to"), _ACCESS),
    (_forms("cannot"), _AFFORD),
    (_forms("can't"), _AFFORD),
    (_forms("struggle", "struggles", "struggled", "struggling"), _forms("to")),
    (_forms("lose", "loses", "losing", "lost"), _ACCESS),
    (_forms("loss", "losses"), _forms("of")),
    (_forms("less"), _forms("able")),
    (_forms("harder"), _forms("to")),
    (
        _forms(
            "discriminate",
            "discriminates",
            "discriminated",
            "discriminating",
            "discrimination",
            "discriminations",
            "discriminatory",
        ),
    ),
)

# Phrases indexed by the forms of their first word, for a constant-time lookup.
_BY_FIRST_WORD: dict[str, list[tuple[frozenset[str], ...]]] = {}
for _phrase in _PHRASE_FORMS:
    for _form in _phrase[0]:
        _BY_FIRST_WORD.setdefault(_form, []).append(_phrase[1:])


# A cheap pre-filter: every form of a phrase's first word contains one of these
# stems, so a text whose folded form contains none of them has no phrase, and the
# word-by-word scan (about 30 µs for a typical paragraph) is skipped. Tokens are
# folded as ``word.translate(_APOSTROPHES).casefold()``, character by character, so
# each token's folded form is a substring of the whole text folded the same way.
_ADVERSE_STEMS = (
    "exclu",
    "disadvantag",
    "advers",
    "detriment",
    "barrier",
    "negative",
    "unable",
    "cannot",
    "can't",
    "struggl",
    "lose",
    "losing",
    "lost",
    "loss",
    "less",
    "harder",
    "discriminat",
)
assert all(any(stem in form for stem in _ADVERSE_STEMS) for form in _BY_FIRST_WORD)
_ADVERSE_CANDIDATE = re.compile("|".join(re.escape(stem) for stem in _ADVERSE_STEMS))


def _verb(base: str, third: str, past: str, ing: str) -> frozenset[str]:
    return frozenset({base, third, past, ing})


NEGATORS: frozenset[str] = frozenset(
    {"no", "not", "nor", "never", "without", "none", "neither", "unlikely", "cannot"}
    | _verb("avoid", "avoids", "avoided", "avoiding")
    | _verb("prevent", "prevents", "prevented", "preventing")
    | _verb("mitigate", "mitigates", "mitigated", "mitigating")
    | _verb("minimise", "minimises", "minimised", "minimising")
    | _verb("minimize", "minimizes", "minimized", "minimizing")
    | _verb("reduce", "reduces", "reduced", "reducing")
    | _verb("remove", "removes", "removed", "removing")
    | _verb("eliminate", "eliminates", "eliminated", "eliminating")
    | _verb("address", "addresses", "addressed", "addressing")
    | _verb("tackle", "tackles", "tackled", "tackling")
)
"""Words that negate an adverse phrase within the four words before it.

"cannot" counts as "not", and so does any word ending in "n't" ("won't",
"doesn't"); those are recognised by :func:`_is_negator`, not listed here.
"""

_NEGATION_WINDOW = 4


def _is_negator(word: str) -> bool:
    return word in NEGATORS or word.endswith("n't")


# A sentence: a run of text between sentence ends. Word tokens never contain ".", "!"
# or "?", so scanning each sentence on its own finds exactly the tokens of a scan of
# the whole text.
_SENTENCES = re.compile(r"[^.!?]+")
_WORD = re.compile(r"[^\W_]+(?:['\u2019\u02bc\u2018\-\u2010\u2011][^\W_]+)*")


# Sentences longer than this are split into words without the stem pre-filter, so
# that no copy of a huge pasted paragraph is made just to pre-filter it.
_PREFILTER_MAX_CHARS = 65536


def _candidate_sentences(text: str) -> Iterator[list[tuple[str, int, int]]]:
    """Each sentence of ``text`` that may hold a phrase, as (folded word, start, end) triples.

    A word is folded as ``word.translate(_APOSTROPHES).casefold()``, character by
    character, so each word's folded form is a substring of its sentence folded the
    same way: a sentence whose folded text contains none of the
    :data:`_ADVERSE_STEMS` cannot hold a phrase and is skipped without being split.
    """
    for sentence in _SENTENCES.finditer(text):
        start, end = sentence.span()
        if end - start <= _PREFILTER_MAX_CHARS:
            folded = sentence.group().translate(_APOSTROPHES).casefold()
            if _ADVERSE_CANDIDATE.search(folded) is None:
                continue
        yield [
            (match.group().translate(_APOSTROPHES).casefold(), match.start(), match.end())
            for match in _WORD.finditer(text, start, end)
        ]


def adverse_phrases(text: str | None) -> list[str]:
    """The adverse phrases in ``text`` that are not negated (PSED502), each listed once.

    Phrases are those of :data:`ADVERSE_PHRASES`, matched case-insensitively on
    whole words: a one-word phrase in any inflection (exclude, excludes, excluded,
    excluding, exclusion), a longer phrase with its first or last word inflected
    (struggled to, lost access, negative impacts). A hyphenated compound is one
    word, so "barrier-free" and "non-discriminatory" are not adverse. A phrase is
    negated when a word of :data:`NEGATORS`, "cannot" or a word ending in "n't"
    stands within the four words before it in the same sentence (a sentence ends
    at ``.``, ``!`` or ``?``). Each phrase is returned as it appears, lower-cased,
    in order of first appearance.

    >>> adverse_phrases("Some older people may be excluded. This won't disadvantage anyone.")
    ['excluded']
    >>> adverse_phrases("No negative impact is expected.")
    []
    """
    if not text:
        return []
    found: dict[str, None] = {}
    for words in _candidate_sentences(text):
        for i, (word, start, _end) in enumerate(words):
            rests = _BY_FIRST_WORD.get(word)
            if rests is None:
                continue
            for rest in rests:
                tail = words[i + 1 : i + 1 + len(rest)]
                if len(tail) != len(rest) or any(
                    w not in forms for (w, _, _), forms in zip(tail, rest, strict=True)
                ):
                    continue
                window = words[max(0, i - _NEGATION_WINDOW) : i]
                if any(_is_negator(w) for w, _, _ in window):
                    continue
                end = tail[-1][2] if tail else _end
                found.setdefault(normalise(text[start:end]).translate(_APOSTROPHES), None)
    return list(found)


# ---------------------------------------------------------------------------
# PSED601: the limbs of the Crime and Disorder Act 1998 s17 duty.

S17_LIMBS: tuple[str, ...] = (
    "crime",
    "disorder",
    "anti-social behaviour",
    "drugs",
    "alcohol",
    "substance misuse",
    "re-offending",
    "violence",
    "local environment",
    "safety",
)
"""The words that show a community-safety entry considered a limb of s17."""

_S17 = re.compile(
    r"\b(?:"
    r"(?P<crime>crimes?|criminal)"
    r"|(?P<disorder>disorders?)"
    r"|(?P<asb>anti[\s\-\u2010\u2011]?social\s+behaviou?rs?|asb)"
    r"|(?P<drugs>drugs?)"
    r"|(?P<alcohol>alcohol)"
    r"|(?P<substance>substance\s+(?:mis)?use)"
    r"|(?P<reoffending>re[\s\-\u2010\u2011]?offend(?:ing|ers?|s|ed)?)"
    r"|(?P<violence>violence|violent)"
    r"|(?P<environment>local\s+environment)"
    r"|(?P<safety>safety)"
    r")\b",
    re.IGNORECASE,
)
_S17_NAMES = {
    "crime": "crime",
    "disorder": "disorder",
    "asb": "anti-social behaviour",
    "drugs": "drugs",
    "alcohol": "alcohol",
    "substance": "substance misuse",
    "reoffending": "re-offending",
    "violence": "violence",
    "environment": "local environment",
    "safety": "safety",
}


def s17_limbs(text: str | None) -> list[str]:
    """The s17 limbs ``text`` mentions (PSED601), by their :data:`S17_LIMBS` name.

    Matched case-insensitively on whole words, with common variants: crimes and
    criminal, anti-social or antisocial behaviour (or behavior, or ASB), drug,
    substance use, reoffending and re-offenders, violent. A mention counts
    whatever it says: the rule asks whether a limb was considered, not how.

    >>> s17_limbs("No change to crime or anti-social behaviour; no alcohol licences involved.")
    ['crime', 'anti-social behaviour', 'alcohol']
    """
    if not text:
        return []
    found: dict[str, None] = {}
    for match in _S17.finditer(text):
        if match.lastgroup is not None:
            found.setdefault(_S17_NAMES[match.lastgroup], None)
    return list(found)
