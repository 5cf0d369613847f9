"""One text pass per document: every free-text field read once, in the form the rules compare.

A rule asks ``ctx.text(value)`` for the :class:`Text` of a string it read from the
document. The text is analysed once per document, whichever rules ask: its compared
form (:attr:`Text.folded`), whether it is a placeholder, and, when a rule first asks
for them, its word count, comparison key, template leftovers and adverse phrases;
phrase lists (:class:`Phrases`) and the s17 limbs (:func:`psed.law.mentioned_limbs`)
are looked for in its compared form. :attr:`TextPass.fields` lists every free-text
field of the document, so a rule about "any text" (PSED106) reads the same analyses.
Two rules can therefore never disagree about what a text says, and no text is
normalised twice.

The compared form defeats the evasions a form can carry: it is NFKC-normalised
(full-width "Ｎ/Ａ" is "N/A"), zero-width and other default-ignorable characters are
removed, Cyrillic and Greek letters that look like Latin ones are read as Latin (the
table :data:`LOOK_ALIKES`), typographic apostrophes and hyphens are read as ASCII,
case is folded and white space is collapsed. Text is never changed in the document
or in a report: the compared form is only compared.

Text from users may be huge (a pasted report). Every function here runs in time
linear in the length of the text, and in memory a small multiple of it: no regular
expression repeats a group without a bound (which would keep one stack entry per
repetition), and no list of every word of a text is built.
"""

from __future__ import annotations

import bisect
import functools
import re
import typing
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from psed.model import Characteristic, Proposal

__all__ = [
    "ADVERSE_PHRASES",
    "LOOK_ALIKES",
    "NEGATORS",
    "PLACEHOLDER_ANYWHERE",
    "PLACEHOLDER_WORDS",
    "Phrases",
    "Text",
    "TextField",
    "TextPass",
    "adverse_phrases",
    "comparison_key",
    "is_placeholder",
    "normalise",
    "text",
    "word_count",
]

# ---------------------------------------------------------------------------
# The compared form.

# Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt): soft
# hyphen, zero-width space and joiners, direction marks and embeddings, word joiner
# and invisible operators, variation selectors, the byte order mark, Hangul fillers,
# tag characters. They draw nothing, so "T\u200bBC" reads "TBC". Those outside the
# Basic Multilingual Plane are kept apart: a class of BMP characters is a bitmap that
# regular expressions test in constant time.
_IGNORABLE_BMP = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
)
_IGNORABLE = re.compile(f"[{_IGNORABLE_BMP}]+")
_IGNORABLE_ASTRAL = re.compile("[\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]+")

LOOK_ALIKES: dict[str, str] = {
    # Cyrillic capitals and small letters drawn like Latin ones.
    **dict(zip("АВЕКМНОРСТХУЅІЈԚԜ", "ABEKMHOPCTXYSIJQW", strict=True)),
    **dict(zip("аеорсуѕіјԛԝһӏԁх", "aeopcysijqwhldx", strict=True)),
    # Greek capitals drawn like Latin ones, and the small omicron.
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧο", "ABEZHIKMNOPTYXo", strict=True)),
    # Latin letters whose case folding would not give the plain letter.
    "ı": "i",
    "İ": "I",
    # Typographic apostrophes and hyphens.
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u2010": "-",
    "\u2011": "-",
}
"""Characters read as another before comparing: look-alike letters, apostrophes, hyphens.

A small table, not Unicode's full confusables list: the Cyrillic and Greek letters
that are drawn exactly like a Latin letter in common fonts (so "ТВС" typed with
Cyrillic letters is the placeholder TBC, and "Dаn Tong" with a Cyrillic "а" is Dan
Tong), the dotless and dotted i, and the typographic apostrophes and hyphens.
"""
_LOOK_ALIKES = str.maketrans(LOOK_ALIKES)
# A character to remove or to read as another (the BMP ignorables and the look-alikes).
_TO_FOLD = re.compile(f"[{_IGNORABLE_BMP}{''.join(LOOK_ALIKES)}]")

# Long text is folded piece by piece, so that no step (normalising, case folding,
# splitting into words) ever holds more than a piece's worth of copies. A piece ends at
# white space where there is some within the next piece's length, and otherwise (one
# enormous word) before a character that does not combine with the one before it.
_PIECE = 16384
_SPACE = re.compile(r"\s")


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` in consecutive pieces of about :data:`_PIECE` characters.

    Each piece comes with whether it is cut from the one before at white space (False
    for the first piece and for a piece that continues a word).
    """
    start, size, at_space = 0, len(text), False
    while start < size:
        end = start + _PIECE
        if end >= size:
            yield text[start:], at_space
            return
        cut = _SPACE.search(text, end, end + _PIECE)
        if cut is not None:
            end = cut.start()
        else:
            while end < size and unicodedata.combining(text[end]):
                end += 1
        yield text[start:end], at_space
        # (a piece that ends in white space was cut at white space too)
        start, at_space = end, text[end - 1].isspace() or text[end : end + 1].isspace()


def _joined(parts: Iterator[tuple[str, bool]]) -> str:
    """Pieces put back together: a space where they were cut at white space."""
    out: list[str] = []
    for part, at_space in parts:
        if part:
            if out and at_space:
                out.append(" ")
            out.append(part)
    return "".join(out)


def _piecewise(fold: Callable[[str], str], text: str) -> str:
    """``fold`` applied to ``text`` piece by piece (``fold`` trims white space at both ends)."""
    if len(text) <= _PIECE:  # one piece
        return fold(text)
    return _joined((fold(piece), at_space) for piece, at_space in _pieces(text))


# A few characters grow many times under NFKC (U+FDFA becomes 18 characters): a piece
# of text that would grow more than this many times keeps its canonical composition
# (NFC) instead, so that the compared form stays a small multiple of the text.
_MAX_GROWTH = 4


def _fold_piece(piece: str) -> str:
    if not piece.isascii():  # ASCII is already NFKC, with no ignorable or look-alike character
        compatible = unicodedata.normalize("NFKC", piece)
        if len(compatible) <= _MAX_GROWTH * len(piece):
            piece = compatible
        else:
            piece = unicodedata.normalize("NFC", piece)
        if _TO_FOLD.search(piece) is not None:  # rare; str.translate is slow
            piece = _IGNORABLE.sub("", piece).translate(_LOOK_ALIKES)
        if piece and max(piece) > "\uffff":
            piece = _IGNORABLE_ASTRAL.sub("", piece)
    return " ".join(piece.casefold().split())


def _fold(raw: str) -> str:
    """The compared form of ``raw`` (see :attr:`Text.folded`)."""
    return _piecewise(_fold_piece, raw)


def _word_char(char: str) -> bool:
    """True for a character that regular expressions' ``\\w`` matches."""
    return char.isalnum() or char == "_"


def _whole_word_at(folded: str, start: int, end: int) -> bool:
    """True when ``folded[start:end]`` is not part of a longer word."""
    return (start == 0 or not _word_char(folded[start - 1])) and (
        end == len(folded) or not _word_char(folded[end])
    )


# ---------------------------------------------------------------------------
# Placeholders: the one definition (the submission JSON Schema derives its pattern
# from these two names).

PLACEHOLDER_WORDS: tuple[str, ...] = (
    "na",
    "none",
    "nil",
    "tbc",
    "tbd",
    "todo",
    "xxx",
    "tofollow",
    "seeabove",
    "loremipsum",
    # Welsh: amherthnasol (not applicable, also "amh."), dim (none), i'w gadarnhau (to be
    # confirmed), i ddilyn (to follow), gweler uchod (see above).
    "amherthnasol",
    "amh",
    "dim",
    "iwgadarnhau",
    "iddilyn",
    "gweleruchod",
)
"""The placeholder words, lower case, with their spaces and punctuation removed.

A text is a placeholder when its letters and digits alone (case folded) are one of
these words or nothing at all: "N/A", "n.a.", "None.", "TBC!", "To follow", "-", and
in Welsh "Amherthnasol", "Dim", "I'w gadarnhau", "I ddilyn", "Gweler uchod".
"""

PLACEHOLDER_ANYWHERE: tuple[str, ...] = ("[insert", "lorem ipsum", "[mewnosod")
"""Text containing one of these (case folded; "lorem ipsum" as whole words) is a placeholder."""

_PLACEHOLDER_KEYS = frozenset(("", *PLACEHOLDER_WORDS))
_NOT_ALNUM = re.compile(r"[\W_]+")
# Text with more letters and digits than the longest placeholder word is none of them,
# which is found by reading no further than that many letters and digits.
_TOO_LONG_FOR_A_WORD = re.compile(
    rf"[^\W_](?:[\W_]*[^\W_]){{{max(len(word) for word in PLACEHOLDER_WORDS)}}}"
)
_LOREM_IPSUM = re.compile(r"\blorem ipsum\b")


def _is_placeholder(folded: str) -> bool:
    if (
        _TOO_LONG_FOR_A_WORD.search(folded) is None
        and _NOT_ALNUM.sub("", folded) in _PLACEHOLDER_KEYS
    ):
        return True
    # In the compared form white space is one space, so "[ insert" is the only other
    # spelling of "[insert".
    return (
        "[insert" in folded
        or "[ insert" in folded
        or "[mewnosod" in folded
        or "[ mewnosod" in folded
        or ("lorem ipsum" in folded and _LOREM_IPSUM.search(folded) is not None)
    )


# ---------------------------------------------------------------------------
# PSED106: template and editing leftovers. Each marker is: a word every match holds
# (a substring test for it is much quicker than the search, and usually fails), a
# regular expression for lower-case text, how it is reported ("" for as found, white
# space made one space) and whether it must be a whole word. White space inside a
# marker is any run, so the same expressions read a compared form (one space) or
# lower-cased ASCII text as written.

_LEFTOVERS: tuple[tuple[str, re.Pattern[str], str, bool], ...] = tuple(
    (start, re.compile(pattern), reported, whole_word)
    for start, pattern, reported, whole_word in (
        ("tbc", r"tbc", "TBC", True),
        ("tbd", r"tbd", "TBD", True),
        ("todo", r"todo", "TODO", True),
        ("xxx", r"xxx", "XXX", True),
        ("lorem", r"lorem\s+ipsum", "lorem ipsum", True),
        ("insert", r"\[\s*insert", "[insert", False),
        ("delete", r"delete\s+as\s+appropriate", "delete as appropriate", True),
        ("click", r"click\s+(?:or\s+tap\s+)?here\s+to\s+enter\s+text", "", True),
        ("choose", r"choose\s+an\s+item", "choose an item", True),
        # The same leftovers of Welsh templates.
        ("gadarnhau", r"i'?w\s+gadarnhau", "i'w gadarnhau", True),
        ("mewnosod", r"\[\s*mewnosod", "[mewnosod", False),
        ("briodol", r"dil[eë]wch\s+fel\s+y\s+bo'?n\s+briodol", "", True),
        ("cliciwch", r"cliciwch\s+(?:neu\s+tapiwch\s+)?yma\s+i\s+(?:roi|nodi)\s+testun", "", True),
        ("dewiswch", r"dewiswch\s+eitem", "dewiswch eitem", True),
    )
)
# A Word comment anchor is read as written: "[" + one to three capitals + digits + "]".
_ANCHOR = re.compile(r"\[[A-Z]{1,3}[0-9]+\]")
_MAX_ANCHORS = 100
"""The most anchors one text's leftovers list (the first in the text)."""


def _first_in_each(
    pattern: re.Pattern[str], text: str, starts: list[int], whole_word: bool = False
) -> Iterator[re.Match[str]]:
    """The first match of ``pattern`` in each of the texts joined in ``text``.

    The texts begin at the offsets ``starts`` (``[0]`` for one text). Once a match is
    found in a text the search goes on from the next text, so a text full of matches
    is read once.
    """
    at = 0
    while (match := pattern.search(text, at)) is not None:
        start = match.start()
        if whole_word and not _whole_word_at(text, start, match.end()):
            at = start + 1
            continue
        yield match
        following = bisect.bisect_right(starts, start)
        if following == len(starts):
            return
        at = starts[following]


def _first_markers(lowered: str, starts: list[int]) -> Iterator[tuple[int, str]]:
    """(offset, marker as reported) of the first marker of each kind in each text.

    ``lowered`` is lower-case text holding one text, or several joined, beginning at
    the offsets ``starts``.
    """
    for word, pattern, reported, whole_word in _LEFTOVERS:
        if word in lowered:
            for match in _first_in_each(pattern, lowered, starts, whole_word):
                yield match.start(), reported or " ".join(match.group().split())


def _leftovers(raw: str, folded: str) -> tuple[str, ...]:
    found: dict[str, int] = {}
    for at, reported in _first_markers(folded, [0]):
        if at < found.get(reported, len(folded) + 1):
            found[reported] = at
    if "[" in raw:
        # Anchors are placed among the other markers where they appear in the compared
        # form, looked for from the last one found, so the text is read once.
        at, anchors = 0, 0
        for match in _ANCHOR.finditer(raw):
            anchor = match.group()
            if anchor not in found:
                here = folded.find(anchor.casefold(), at)
                at = here if here != -1 else at
                found[anchor] = at
                anchors += 1
                if anchors == _MAX_ANCHORS:
                    break
    return tuple(sorted(found, key=found.__getitem__))


# ---------------------------------------------------------------------------
# PSED502: adverse language.
#
# A word is letters and digits, possibly joined by single apostrophes or hyphens
# ("can't", "anti-social", "barrier-free", "non-discriminatory" are one word each, so
# a hyphenated compound never matches a phrase inside it). Phrases are matched word by
# word, so matching is linear and always on word boundaries.

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
    # The same in Welsh (each with its mutated forms).
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
)
"""The PSED502 phrase list of format version 1 in the documented order, then in Welsh."""


def _forms(*forms: str) -> frozenset[str]:
    return frozenset(forms)


_AFFORD = _forms("afford", "affords", "afforded", "affording")
_ACCESS = _forms("access", "accesses", "accessed", "accessing")

# Each phrase as a sequence of sets of accepted word forms. One-word phrases take any
# inflection (including the noun "exclusion" and the adjective "discriminatory");
# longer phrases take an inflected first word and an inflected last word.
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
    # Welsh. A word may begin mutated (soft, nasal or aspirate: "rwystr", "fethu",
    # "golli"), and "allgáu" is often written without its accent.
    (_forms("anfantais", "anfanteision", "hanfantais", "hanfanteision"),),
    (_forms("allgáu", "allgau", "allgáir", "allgeir", "allgáwyd", "allgawyd"),),
    (_forms("eithrio", "eithrir", "eithriwyd", "heithrio"),),
    (_forms("andwyol", "handwyol"),),
    (_forms("niweidiol", "niweidio", "niwed"),),
    (_forms("rhwystr", "rhwystrau", "rwystr", "rwystrau"),),
    (_forms("effaith", "heffaith", "effeithiau", "heffeithiau"), _forms("negyddol")),
    (_forms("effeithio'n", "heffeithio'n"), _forms("negyddol")),
    (_forms("methu", "fethu"), _forms("cael", "gael", "chael"), _forms("mynediad", "fynediad")),
    (_forms("methu", "fethu"), _forms("fforddio")),
    (_forms("trafferth", "drafferth", "thrafferth", "nhrafferth"),),
    (_forms("colli", "golli", "cholli", "ngholli"), _forms("mynediad", "fynediad")),
    (_forms("llai"), _forms("abl")),
    (_forms("anoddach"),),
    (
        _forms(
            "gwahaniaethu",
            "wahaniaethu",
            "ngwahaniaethu",
            "gwahaniaethol",
            "wahaniaethol",
            "gwahaniaethir",
        ),
    ),
)

# The rest of each phrase, indexed by the forms of its first word.
_BY_FIRST_WORD: dict[str, list[tuple[frozenset[str], ...]]] = {}
for _phrase in _PHRASE_FORMS:
    for _form in _phrase[0]:
        _BY_FIRST_WORD.setdefault(_form, []).append(_phrase[1:])

# Every form of a phrase's first word contains one of these stems: a text containing
# none of them has no phrase, and only the sentences around a stem are read word by word.
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
    "anfant",
    "allg",
    "eithri",
    "andwyol",
    "niwe",
    "wystr",
    "effaith",
    "effeith",
    "ethu",
    "rafferth",
    "olli",
    "llai",
    "anoddach",
    "wahaniaeth",
)
assert all(any(stem in form for stem in _ADVERSE_STEMS) for form in _BY_FIRST_WORD)
_ADVERSE_STEM = re.compile("|".join(re.escape(stem) for stem in _ADVERSE_STEMS))


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
    # Welsh: dim, ddim (no, not), heb (without), ni, nid, nad, na, nac (not, nor), byth
    # (never), annhebygol (unlikely); osgoi (avoid), atal (prevent), lliniaru (mitigate),
    # lleihau (reduce), dileu (remove), with their mutated forms.
    | {"dim", "ddim", "heb", "ni", "nid", "nad", "na", "nac", "byth", "annhebygol"}
    | {"osgoi", "hosgoi", "atal", "hatal", "lliniaru", "liniaru", "lleihau", "leihau"}
    | {"dileu", "ddileu"}
)
"""Words that negate an adverse phrase within the four words before it.

"cannot" counts as "not", and so does any word ending in "n't" ("won't",
"doesn't"); those are recognised by :func:`_is_negator`, not listed here.
"""

_NEGATION_WINDOW = 4


_WELSH_CLITICS = ("'r", "'n", "'w", "'i")
"""The article and pronouns Welsh writes onto the word before: "lleihau'r" is "lleihau yr"."""


def _is_negator(word: str) -> bool:
    if word in NEGATORS or word.endswith("n't"):
        return True
    return word.endswith(_WELSH_CLITICS) and word[:-2] in NEGATORS


# At most 64 parts to a word: the repeat is bounded, so matching keeps a bounded stack
# however long a hyphenated run is.
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+){0,63}")
_SENTENCE_END = re.compile(r"[.!?]")


def _adverse(folded: str) -> tuple[str, ...]:
    """The adverse phrases of ``folded`` that are not negated, in order of first appearance."""
    if not any(stem in folded for stem in _ADVERSE_STEMS):
        return ()
    found: dict[str, int] = {}
    done = 0  # where the last sentence read word by word ended
    for stem in _ADVERSE_STEM.finditer(folded):
        at = stem.start()
        if at < done:
            continue  # in a sentence already read
        start = max(done, *(folded.rfind(end, done, at) + 1 for end in ".!?"))
        end_match = _SENTENCE_END.search(folded, at)
        done = len(folded) if end_match is None else end_match.start()
        _adverse_in_sentence(folded, start, done, found)
    return tuple(sorted(found, key=found.__getitem__))


def _adverse_in_sentence(folded: str, start: int, end: int, found: dict[str, int]) -> None:
    """Add the phrases of the sentence ``folded[start:end]`` to ``found`` (phrase -> offset)."""
    before: deque[str] = deque(maxlen=_NEGATION_WINDOW)  # the words before this one
    # Phrases whose first word has been read: (rest of the phrase, words of it matched,
    # where it starts, whether it is negated).
    open_phrases: list[tuple[tuple[frozenset[str], ...], int, int, bool]] = []
    for match in _WORD.finditer(folded, start, end):
        word = match.group()
        still_open = []
        for rest, matched, begins, negated in open_phrases:
            if word in rest[matched]:
                if matched + 1 < len(rest):
                    still_open.append((rest, matched + 1, begins, negated))
                elif not negated:
                    found.setdefault(folded[begins : match.end()], begins)
        open_phrases = still_open
        rests = _BY_FIRST_WORD.get(word)
        if rests is not None:
            negated = any(_is_negator(w) for w in before)
            for rest in rests:
                if rest:
                    open_phrases.append((rest, 0, match.start(), negated))
                elif not negated:
                    found.setdefault(word, match.start())
        before.append(word)


# ---------------------------------------------------------------------------
# The analysis of one text.


def _count_words(key: str) -> int:
    """The words of a comparison key: its tokens that are not all digits and numerals.

    A key's tokens hold only letters, digits and numerals, so a token that is not all
    numeric holds a letter: the tokens of the compared form that contain a letter.
    """
    count = 0
    previous_has_letter = False
    for piece, at_space in _pieces(key):
        numeric = list(map(str.isnumeric, piece.split()))
        count += numeric.count(False)
        if numeric and not at_space and previous_has_letter and not numeric[0]:
            count -= 1  # one enormous word, cut in two
        previous_has_letter = bool(numeric) and not numeric[-1]
    return count


_KEY_PUNCTUATION = re.compile(r"[^\w\s]+")


def _key_piece(piece: str) -> str:
    return " ".join(_KEY_PUNCTUATION.sub("", piece).replace("_", "").split())


@attrs.frozen(kw_only=True)
class Text:
    """One text of a document as the rules read it: built once, whichever rules ask.

    Rules get it from ``ctx.text(value)``; other code from :func:`text`. The
    attributes after :attr:`placeholder` are worked out the first time they are read.
    """

    raw: str
    """The text as written (``""`` for an absent value)."""
    folded: str
    """The compared form: NFKC, default-ignorable characters removed, look-alike letters,
    apostrophes and hyphens read as ASCII (:data:`LOOK_ALIKES`), case folded, each run
    of white space one space, trimmed."""
    placeholder: bool
    """True when the text gives nothing: empty, white space or punctuation only, only
    one of the :data:`PLACEHOLDER_WORDS` (case and punctuation ignored), or containing
    one of :data:`PLACEHOLDER_ANYWHERE`. A placeholder never counts as a reason, a
    mitigation or a justification."""

    @property
    def real(self) -> bool:
        """True when the text is not a placeholder."""
        return not self.placeholder

    @functools.cached_property
    def words(self) -> int:
        """The number of words: runs of non-space characters containing a letter.

        "65+" and "-" are not words; "N/A" and "don't" are one word each.
        """
        return _count_words(self.key)

    @functools.cached_property
    def key(self) -> str:
        """The comparison key: the compared form with punctuation (and ``_``) deleted.

        Punctuation is deleted, not replaced by a space, so "council's" and "councils"
        agree (PSED501).
        """
        return _piecewise(_key_piece, self.folded)

    @functools.cached_property
    def leftovers(self) -> tuple[str, ...]:
        """Template or editing leftovers (PSED106), each once, in order of first appearance.

        The whole words TBC, TBD, TODO and XXX (reported in capitals); "lorem ipsum";
        "[insert"; "delete as appropriate"; "click here to enter text"; "click or tap
        here to enter text"; "choose an item" (reported in lower case); and Word comment
        anchors, ``[`` + one to three capital letters + one or more digits + ``]``
        (reported as written; the first hundred different ones).
        """
        return _leftovers(self.raw, self.folded)

    @functools.cached_property
    def adverse(self) -> tuple[str, ...]:
        """The adverse phrases (PSED502) that are not negated, each once, in order.

        Phrases are those of :data:`ADVERSE_PHRASES`, on whole words: a one-word phrase
        in any inflection, a longer one with its first or last word inflected. A phrase
        is negated when a word of :data:`NEGATORS`, "cannot" or a word ending in "n't"
        stands within the four words before it in the same sentence (a sentence ends at
        ``.``, ``!`` or ``?``). Each phrase is given in the compared form.
        """
        return _adverse(self.folded)


def text(value: str | None) -> Text:
    """The :class:`Text` of ``value`` (``None`` reads as ``""``), analysed afresh.

    >>> t = text("  Older   People\\n(65+) ")
    >>> t.folded, t.placeholder, t.words
    ('older people (65+)', False, 2)
    """
    raw = value or ""
    folded = _fold(raw)
    return Text(raw=raw, folded=folded, placeholder=_is_placeholder(folded))


def normalise(value: str | None) -> str:
    """The compared form of ``value`` (:attr:`Text.folded`): the comparison of text and groups.

    >>> normalise("  Older   People\\n(65+) ")
    'older people (65+)'
    """
    return _fold(value or "")


def is_placeholder(value: str | None) -> bool:
    """True when ``value`` gives nothing (:attr:`Text.placeholder`).

    >>> [is_placeholder(t) for t in ("N/A", "n.a.", "None.", "TBC!", " - ", "[Insert name]")]
    [True, True, True, True, True, True]
    >>> is_placeholder("None of the groups is affected")
    False
    """
    return _is_placeholder(_fold(value or ""))


def word_count(value: str | None) -> int:
    """The number of words in ``value`` (:attr:`Text.words`).

    >>> word_count("No impact - 65+ users unaffected.")
    4
    """
    return text(value).words


def adverse_phrases(value: str | None) -> list[str]:
    """The adverse phrases of ``value`` that are not negated (:attr:`Text.adverse`).

    >>> adverse_phrases("Some older people may be excluded. This won't disadvantage anyone.")
    ['excluded']
    """
    return list(text(value).adverse)


def comparison_key(value: str | None) -> str:
    """``value`` compared case-, space- and punctuation-insensitively (:attr:`Text.key`).

    >>> comparison_key("No change -- see the Council's plan.")
    'no change see the councils plan'
    """
    return text(value).key


# ---------------------------------------------------------------------------
# Phrase lists for rules.


@attrs.frozen(init=False)
class Phrases:
    """A list of phrases a rule looks for in texts, compiled once.

    Write each phrase in lower case with single spaces and an ASCII apostrophe; a
    trailing ``*`` stands for any ending of the last word ("discriminat*" matches
    discriminate, discrimination, discriminatory). Phrases are found in the compared
    form (:attr:`Text.folded`), on word boundaries, so never inside a longer word.
    Where two phrases overlap, the one that starts first is found, and of two that
    start together the longer.

    >>> NO_DATA = Phrases("no data", "not known", "don't know")
    >>> NO_DATA.find(text("We DON'T KNOW; there is no database. No data."))
    ("don't know", 'no data')
    """

    phrases: tuple[str, ...]
    """The phrases as given."""
    pattern: re.Pattern[str] = attrs.field(repr=False)
    """The regular expression that finds them."""

    def __init__(self, *phrases: str) -> None:
        for phrase in phrases:
            if not phrase or phrase != _fold(phrase) or "*" in phrase[:-1]:
                raise ValueError(
                    f"the phrase {phrase!r} must be non-empty lower-case text with single "
                    "spaces, and may have '*' only at its end"
                )
        by_length = sorted(range(len(phrases)), key=lambda i: -len(phrases[i]))
        alternatives = "|".join(f"(?P<p{i}>{_phrase_pattern(phrases[i])})" for i in by_length)
        # The leading class of first letters lets the regular expression engine skip
        # to where a phrase can start instead of trying every phrase at every word.
        firsts = "".join(re.escape(first) for first in sorted({p[0] for p in phrases}))
        pattern = re.compile(rf"(?=[{firsts}])\b(?:{alternatives})" if phrases else r"(?!)")
        self.__attrs_init__(phrases=tuple(phrases), pattern=pattern)

    def find(self, found_in: Text) -> tuple[str, ...]:
        """The phrases ``found_in`` contains, spelled as given, in order of first appearance."""
        seen: dict[str, None] = {}
        for match in self.pattern.finditer(found_in.folded):
            name = match.lastgroup
            if name is not None:
                seen.setdefault(self.phrases[int(name[1:])], None)
        return tuple(seen)


def _phrase_pattern(phrase: str) -> str:
    if phrase.endswith("*"):
        return re.escape(phrase[:-1]) + r"\w*"
    return re.escape(phrase) + (r"\b" if _word_char(phrase[-1]) else "")


# ---------------------------------------------------------------------------
# The document's text pass.


@attrs.frozen(kw_only=True)
class TextField:
    """One free-text field of a document: where it is, its name, and its text."""

    pointer: str
    """The JSON Pointer of the field, such as ``/impacts/0/details``."""
    name: str
    """The field's name, such as ``details``."""
    text: Text
    """The field's text as the rules read it."""


# These string fields hold codes or addresses, not text people write for readers.
_NOT_FREE_TEXT = frozenset({"id", "framework", "url", "rule", "pointer", "code", "ref"})
_TEXT, _OBJECT, _ITEMS = range(3)
_PLANS: dict[type, tuple[tuple[str, int, type], ...]] = {}


def _plan(cls: type) -> tuple[tuple[str, int, type], ...]:
    """(name, kind, class) of each field of a model class that holds free text or objects.

    Decided once per class from its type hints: a text field, an object field, or a
    list of objects (a document's own characteristics are read too; an impact entry's or an
    intersection's characteristics, codes, are not).
    """
    plan = _PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        steps: list[tuple[str, int, type]] = []
        for field in attrs.fields(cls):
            if field.metadata.get("document", True) is False or field.name in _NOT_FREE_TEXT:
                continue
            args = [a for a in typing.get_args(hints[field.name]) if a is not type(None)]
            hint = (
                hints[field.name]
                if not args or typing.get_origin(hints[field.name]) is tuple
                else args[0]
            )
            if hint is str:
                steps.append((field.name, _TEXT, str))
            elif typing.get_origin(hint) is tuple and attrs.has(typing.get_args(hint)[0]):
                item = typing.get_args(hint)[0]
                if item is Characteristic and cls is not Proposal:
                    continue  # an intersection's characteristics are codes, not definitions
                steps.append((field.name, _ITEMS, item))
            elif isinstance(hint, type) and attrs.has(hint) and hint is not Characteristic:
                steps.append((field.name, _OBJECT, hint))
        plan = _PLANS[cls] = tuple(steps)
    return plan


def _free_text(obj: Any, pointer: str, out: list[tuple[str, str, str]]) -> None:
    """Add (parent pointer, name, text) for every free-text field below ``obj``, in order."""
    for name, kind, cls in _plan(type(obj)):
        value = getattr(obj, name)
        if kind == _TEXT:
            if type(value) is str:
                out.append((pointer, name, value))
        elif kind == _ITEMS:
            for j, item in enumerate(value):
                if isinstance(item, cls):
                    _free_text(item, f"{pointer}/{name}/{j}", out)
        elif isinstance(value, cls):
            _free_text(value, f"{pointer}/{name}", out)


def _with_leftovers(texts: list[str]) -> set[int]:
    """The indexes of ``texts`` that may hold a leftover marker (PSED106).

    Answered for the whole document at once, so the usual document, with no marker, is
    read once: the ASCII texts are joined by NUL characters (which no marker holds)
    and lower-cased, which for ASCII gives the letters of the compared form, and the
    markers and anchors are looked for in that one string. Texts that are not ASCII
    are kept for their own reading.
    """
    starts: list[int] = []
    plain: list[str] = []
    maybe: set[int] = set()
    at = 0
    for i, raw in enumerate(texts):
        if raw.isascii():
            starts.append(at)
            plain.append(raw)
            at += len(raw) + 1
        else:
            maybe.add(i)
    indexes = [i for i, raw in enumerate(texts) if raw.isascii()]
    joined = "\0".join(plain)
    hits = [offset for offset, _ in _first_markers(joined.lower(), starts)]
    if "[" in joined:
        hits.extend(match.start() for match in _first_in_each(_ANCHOR, joined, starts))
    maybe.update(indexes[bisect.bisect_right(starts, offset) - 1] for offset in hits)
    return maybe


@attrs.frozen
class TextPass:
    """The texts of one document, each analysed once: what ``ctx.text`` is in a rule.

    Call it with a string read from the document (or None) for its :class:`Text`;
    the same string gives the same object for the rest of the check.
    """

    proposal: Proposal
    """The document."""
    _texts: dict[str, Text] = attrs.field(factory=dict, init=False, repr=False, eq=False)

    def __call__(self, value: str | None) -> Text:
        """The :class:`Text` of ``value``, analysed on first use."""
        raw = value or ""
        found = self._texts.get(raw)
        if found is None:
            found = self._texts[raw] = text(raw)
        return found

    @functools.cached_property
    def _raw_fields(self) -> list[tuple[str, str, str]]:
        """(parent pointer, name, text) of every free-text field, in document order."""
        found: list[tuple[str, str, str]] = []
        _free_text(self.proposal, "", found)
        return found

    def _field(self, parent: str, name: str, raw: str) -> TextField:
        return TextField(pointer=f"{parent}/{name}", name=name, text=self(raw))

    @functools.cached_property
    def fields(self) -> tuple[TextField, ...]:
        """Every free-text field of the document, in document order.

        Names, descriptions, summaries, details, groups, actions, owners, monitoring,
        justifications, sign-off names and roles, waiver reasons and the labels of the
        document's own characteristics; not ids, codes, URLs or pointers.
        """
        return tuple(self._field(*found) for found in self._raw_fields)

    @functools.cached_property
    def with_leftovers(self) -> tuple[TextField, ...]:
        """The free-text fields holding template or editing leftovers (PSED106), in order."""
        found = self._raw_fields
        maybe = _with_leftovers([raw for _, _, raw in found])
        return tuple(self._field(*found[i]) for i in sorted(maybe) if self(found[i][2]).leftovers)
