"""Reading values out of form text: dates, people, counts, tick boxes and impact words.

Each function takes the text a form holds and returns a value, or None when the
text does not say. Nothing here guesses silently: where a value is worked out
rather than read (an impact direction from the wording, a name split from a role
without a line break or comma), the function says so, and the import report lists
it as inferred.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from psed._text import adverse_phrases
from psed.importing._source import TICKED, UNTICKED

__all__ = [
    "infer_impact",
    "is_leftover",
    "label_key",
    "parse_count",
    "parse_date",
    "parse_person",
    "ticked",
]

# --------------------------------------------------------------------------- labels

_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2019": "'"})
_FOOTNOTE = re.compile(r"\[\d{1,3}\]|\*+|[\u00b9\u00b2\u00b3\u2070-\u2079]+")
"""An end-note or footnote mark: [3], *, or superscript digits (as a PDF gives them)."""
_NOT_WORD = re.compile(r"[^\w']+")


def label_key(text: str) -> str:
    """Text as labels are compared: case, accents' forms, "&", dashes, punctuation ignored.

    >>> label_key("Health & Wellbeing ")
    'health and wellbeing'
    >>> label_key("Title of EIA[5]")
    'title of eia'
    """
    text = unicodedata.normalize("NFKC", _FOOTNOTE.sub(" ", text)).translate(_DASHES)
    text = _FOOTNOTE.sub(" ", text)
    text = text.replace("&", " and ").replace("/", " ")
    return " ".join(_NOT_WORD.sub(" ", text.lower()).replace("_", " ").split())


# --------------------------------------------------------------------------- leftovers

_LEFTOVER_PHRASES = tuple(
    label_key(p)
    for p in (
        "Click or tap here to enter text.",
        "Click here to enter text.",
        "Click or tap to enter a date.",
        "Click here to enter a date.",
        "Choose an item.",
        "Enter text here",
        "Type here",
        "Insert text here",
    )
)
_INSERT = re.compile(r"^\s*\[\s*(insert|enter|add)\b[^\]]*\]\s*$", re.IGNORECASE)


def is_leftover(text: str) -> str | None:
    """Why a piece of text is a form leftover rather than content, or None if it is content."""
    key = label_key(text)
    if not key and not text.strip():
        return "empty"
    if key in _LEFTOVER_PHRASES:
        return "form placeholder text"
    if _INSERT.match(text):
        return "form placeholder text"
    stripped = text.replace(UNTICKED, "").replace(TICKED, "")
    if UNTICKED in text and TICKED not in text:
        return "boxes not ticked"
    if TICKED not in text and not key and stripped.strip():
        return "punctuation only"
    return None


# --------------------------------------------------------------------------- ticks

_MARKS = frozenset({TICKED, "✓", "✔", "☑", "✗", "✘", "x", "X", "■"})
_YES = frozenset({"x", "yes", "y", "ticked", "tick", "✓", "✔", "☑", "☒", "■", "✗", "✘"})


def ticked(text: str) -> bool | None:
    """True for a cell that is ticked (☒, ✓, X, Yes), False for an empty box, None otherwise."""
    stripped = text.strip()
    if not stripped:
        return None
    if TICKED in stripped or any(m in stripped for m in ("✓", "✔", "☑")):
        return True
    if UNTICKED in stripped:
        return False
    return label_key(stripped) in _YES or stripped in _YES or None


def ticked_options(text: str) -> list[tuple[str, bool]]:
    """The options of a line of tick boxes, such as "Existing ☒ Revised ☐ New ☐".

    The boxes may come before or after their labels; each option is (label, ticked).
    """
    marks = (TICKED, UNTICKED)
    stripped = text.strip()
    if not any(m in stripped for m in marks):
        return []
    parts = re.split(f"([{TICKED}{UNTICKED}])", stripped)
    out: list[tuple[str, bool]] = []
    if stripped.startswith(marks):
        # ☒ Existing ☐ Revised: each box labels the text after it
        pending: bool | None = None
        for part in parts:
            if part in marks:
                pending = part == TICKED
            elif pending is not None and part.strip():
                out.append((part.strip(" :;,\n\t"), pending))
                pending = None
    else:
        label = ""
        for part in parts:
            if part in marks:
                if label.strip():
                    out.append((label.strip(" :;,\n\t"), part == TICKED))
                label = ""
            else:
                label += part
    return out


# --------------------------------------------------------------------------- dates

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "ionawr"),
            ("february", "feb", "chwefror"),
            ("march", "mar", "mawrth"),
            ("april", "apr", "ebrill"),
            ("may", "mai"),
            ("june", "jun", "mehefin"),
            ("july", "jul", "gorffennaf"),
            ("august", "aug", "awst"),
            ("september", "sep", "sept", "medi"),
            ("october", "oct", "hydref"),
            ("november", "nov", "tachwedd"),
            ("december", "dec", "rhagfyr"),
        ),
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})\b")
_WORDS_DMY = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([A-Za-z]{3,10})\.?,?\s+(\d{4})\b", re.IGNORECASE
)
_WORDS_MDY = re.compile(
    r"\b([A-Za-z]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.IGNORECASE
)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _make(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> _dt.date | None:
    """The first date in ``text`` as the forms write it (UK day-first), or None.

    >>> [str(parse_date(t)) for t in ("18/11/2021", "18 November 2021", "18.11.21")]
    ['2021-11-18', '2021-11-18', '2021-11-18']
    """
    candidates: list[tuple[int, _dt.date]] = []
    for match in _ISO.finditer(text):
        found = _make(int(match[1]), int(match[2]), int(match[3]))
        if found:
            candidates.append((match.start(), found))
    for match in _NUMERIC.finditer(text):
        found = _make(_year(match[3]), int(match[2]), int(match[1]))
        if found:
            candidates.append((match.start(), found))
    for match in _WORDS_DMY.finditer(text):
        month = _MONTHS.get(match[2].lower())
        found = _make(int(match[3]), month, int(match[1])) if month else None
        if found:
            candidates.append((match.start(), found))
    for match in _WORDS_MDY.finditer(text):
        month = _MONTHS.get(match[1].lower())
        found = _make(int(match[3]), month, int(match[2])) if month else None
        if found:
            candidates.append((match.start(), found))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


# --------------------------------------------------------------------------- counts

_COUNT = re.compile(
    r"(\d{1,3}(?:,\d{3})+|\d+)\s+(?:residents|customers|people|users|service users|"
    r"households|clients|pupils|tenants|staff|employees|members)\b",
    re.IGNORECASE,
)


def parse_count(text: str) -> int | None:
    """A number of people the text states ("260,111 residents"), or None."""
    match = _COUNT.search(text)
    return int(match[1].replace(",", "")) if match else None


# --------------------------------------------------------------------------- people

_ROLE_WORDS = frozenset(
    {
        "head", "director", "manager", "officer", "lead", "leader", "chief", "assistant",
        "deputy", "senior", "principal", "executive", "coordinator", "co-ordinator", "advisor",
        "adviser", "specialist", "analyst", "consultant", "improvement", "service", "services",
        "team", "corporate", "strategic", "interim", "acting", "portfolio", "cabinet", "member",
        "councillor", "cllr", "commissioner", "supervisor", "administrator", "partner",
        "programme", "project", "policy", "equality", "equalities", "business", "operations",
        "customer",
    }
)  # fmt: skip


def parse_person(text: str) -> tuple[str | None, str | None, bool]:
    """Split a sign-off cell into (name, role, guessed).

    The role is known from a second line, a comma or brackets; otherwise the name is
    the words before the first job-title word ("James Marshall Head of ..."), and
    ``guessed`` is true so the report lists the split as inferred.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None, None, False
    if len(lines) > 1:
        return lines[0].rstrip(","), " ".join(lines[1:]), False
    line = lines[0]
    bracket = re.match(r"^(.+?)\s*\((.+)\)\s*$", line)
    if bracket:
        return bracket[1].strip(), bracket[2].strip(), False
    for separator in (",", " - ", " – ", " — "):
        if separator in line:
            name, role = line.split(separator, 1)
            return name.strip(), role.strip() or None, False
    words = line.split()
    for index, word in enumerate(words):
        if index >= 1 and label_key(word) in _ROLE_WORDS:
            return " ".join(words[:index]), " ".join(words[index:]), True
    return line, None, False


# --------------------------------------------------------------------------- impacts

_IMPACT_WORDS: dict[str, str] = {
    "positive": "positive",
    "positive impact": "positive",
    "beneficial": "positive",
    "benefit": "positive",
    "negative": "negative",
    "negative impact": "negative",
    "adverse": "negative",
    "adverse impact": "negative",
    "mixed": "mixed",
    "positive and negative": "mixed",
    "both": "mixed",
    "neutral": "neutral",
    "no impact": "neutral",
    "no differential impact": "neutral",
    "no disproportionate impact": "neutral",
    "none": "neutral",
    "nil": "neutral",
    "n a": "not_applicable",
    "na": "not_applicable",
    "not applicable": "not_applicable",
    "not relevant": "not_applicable",
    "unknown": "unknown",
    "not known": "unknown",
    "tbc": "unknown",
}


def impact_word(text: str, extra: dict[str, str] | None = None) -> str | None:
    """An impact code from an impact column's word ("Positive", "N/A"), or None."""
    key = label_key(text.replace(TICKED, " ").replace(UNTICKED, " "))
    if extra and key in extra:
        return extra[key]
    return _IMPACT_WORDS.get(key)


_NOT_APPLICABLE = frozenset({"n a", "na", "none", "not applicable", "nil", "no", "not relevant"})
_NEUTRAL = re.compile(
    r"\b(no (?:differential |disproportionate |significant |negative |adverse )?impacts?|"
    r"neutral|no (?:known |identified )?effect)\b",
    re.IGNORECASE,
)
_POSITIVE = re.compile(
    r"\b(positive(?:ly)?|benefit(?:s|ed|ing|ting)?|beneficial|improv(?:e|es|ed|ing|ement|ements)|"
    r"better|enhanc(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)


def infer_impact(details: str | None) -> tuple[str, str]:
    """An impact direction worked out from an entry's wording, and the reason, for the report.

    "N/A", "None" and the like give not_applicable; psed's adverse-language phrases
    (those PSED502 reads) give negative, or mixed when positive wording is there too;
    positive wording alone gives positive; "no impact" gives neutral. Anything else is
    unknown.
    """
    if details is None or not details.strip():
        return "unknown", "the form gives no details to judge from"
    key = label_key(details)
    if key in _NOT_APPLICABLE or not key:
        return "not_applicable", f"the details say only {details.strip()!r}"
    adverse = adverse_phrases(details)
    positive = [m.group(0) for m in _POSITIVE.finditer(details)]
    if adverse and positive:
        return "mixed", (
            f"the details use positive wording ({positive[0]!r}) and adverse wording "
            f"({adverse[0]!r})"
        )
    if adverse:
        return "negative", f"the details use adverse wording ({adverse[0]!r})"
    neutral = _NEUTRAL.search(details)
    if neutral:
        return "neutral", f"the details say {neutral.group(0)!r}"
    if positive:
        return "positive", f"the details use positive wording ({positive[0]!r})"
    return "unknown", "the wording does not say which way the impact goes"
