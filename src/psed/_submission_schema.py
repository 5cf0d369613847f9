"""The completeness conditions JSON Schema can express, for ``json_schema(mode="submission")``.

:func:`psed.json_schema` builds the structural schema (``mode="draft"``: what a
saved half-filled draft must look like). For ``mode="submission"`` it passes that
schema and the framework to :func:`add_submission_conditions`, which adds the
rule conditions a front end can check before posting, each one a member of the
root ``allOf`` annotated with ``"x-psed-rule": "PSEDnnn"`` (and a
``description`` in plain English), so a front end can show the rule's code and
link to its documentation. The conditions are those that make a submission fail:
the findings psed reports as errors at that status.

Conditions added, for status ``submitted``:

- PSED101: every characteristic the framework requires on the document's law date
  has an entry in ``impacts`` (one condition per code, annotated
  ``x-psed-characteristic``; see "The law date" below);
- PSED103: no entry's ``impact`` is ``unknown`` (an absent ``impact`` is
  ``unknown``);
- PSED107 and PSED109: ``description`` and ``impact_summary`` are real text;
- PSED110: a proposal screened out (``screened_out`` or ``not_required``) has no
  entry whose impact is ``negative`` or ``mixed``;
- PSED201: an entry whose impact is ``negative`` or ``mixed`` has a real
  mitigation (action given, status not ``dropped``) or a real justification;
- PSED301 and PSED302: a responsible officer's name and date, where the
  framework expects a responsible officer;
- PSED409, under a framework with the Northern Ireland Act 1998 s75 duty: a full
  assessment (``level: full``) or one screened in that records an adverse impact
  names at least one real alternative (elsewhere PSED409 is a warning, not in the
  schema).

For status ``approved`` (``status="approved"``) also PSED303 and PSED304
(approver name and date, where expected), PSED313 (a decision with a real
``maker`` records its ``report`` with ``assessment_appended: true``) and PSED403
(a decision outcome).

The law date. A duty applies from its commencement (and, for the duties the
Equality Act 2010 replaced, until 4 April 2011), judged on the document's law date:
the first of ``decision.date``, ``approver.date``, ``responsible.date`` and
``screening.date`` that is given. The conditions compare that date as text (ISO
dates sort as text does). A document with none of these dates is judged by the
law in force today, as :func:`psed.validate` judges it on its ``as_of`` date.

The gap. "Real text" is approximated with regular expressions: a string with at
least one letter or digit that is not, ignoring punctuation and ASCII case, one
of the placeholder words (n/a, none, nil, tbc, tbd, todo, xxx, to follow,
see above, lorem ipsum) and contains neither "[insert" nor "lorem ipsum".
JSON Schema patterns have no case-insensitive flag and no Unicode case folding,
so case is matched letter by letter in ASCII; a placeholder spelled with
non-ASCII look-alike letters passes the schema and is still reported by
:func:`psed.validate`. Letters, digits and white space are explicit classes
built from Python's Unicode tables, not ``\\w``, ``\\b`` or ``\\s`` (which ECMA-262
reads as ASCII), so ajv and browsers (with the ``u`` flag, ajv's default) read a
text in any script as psed does. Word counts (PSED112, PSED207) are not in the
schema: psed counts words after normalising and case folding, which no pattern
does. Rules that compare fields with each other (duplicates, dates in order,
boilerplate text, adverse language, waivers) or with a configured threshold are not
in the schema at all: the server's :func:`psed.validate` stays the judge.

The function never changes the schema it is given, and it does not depend on
where the structural schema keeps its object definitions (inline or in
``$defs``): the conditions address the document by property names from the root.
"""

from __future__ import annotations

import copy
import datetime as _dt
import re
import sys
from array import array
from collections.abc import Sequence
from typing import Any

import attrs

from psed import law as _law
from psed._text import PLACEHOLDER_ANYWHERE, PLACEHOLDER_WORDS
from psed.catalogue import Catalogue, Framework, default_catalogue
from psed.law import Duty, Scope
from psed.model import Status

__all__ = [
    "LETTER_OR_DIGIT",
    "NOT_PLACEHOLDER",
    "PLACEHOLDER_PATTERNS",
    "SCHEMA_RULES",
    "add_submission_conditions",
]

# The patterns must mean the same in Python's ``re`` (the jsonschema package, psed's own
# reader) and in ECMA-262 as ajv and browsers run it (the ``u`` flag, ajv's default).
# ``\w``, ``\W`` and ``\b`` do not: Python reads them in Unicode, ECMA-262 in ASCII, so
# a text wholly in Arabic would have no letter in a browser. The patterns therefore spell
# out psed's letters and digits: the characters ``[^\W_]`` matches in Python, which is
# what psed's reader counts (:func:`psed._text.is_placeholder`), listed as ranges of
# literal characters (both dialects read a literal character in a class alike).


def _letter_and_digit_ranges() -> str:
    """The inside of a character class holding exactly psed's letters and digits."""
    # Every code point but the surrogates (neither letter nor digit), built as UTF-32:
    # ten times quicker than joining a million one-character strings.
    every = " ".join(
        array("I", code_points).tobytes().decode("utf-32-le")
        for code_points in (range(0xD800), range(0xE000, sys.maxunicode + 1))
    )
    ranges = []
    for run in re.finditer(r"[^\W_]+", every):
        first, last = run.group()[0], run.group()[-1]
        ranges.append(first if first == last else f"{first}-{last}")
    # Letters and digits need no escape in a class, in either dialect.
    return "".join(ranges)


_ALNUM = _letter_and_digit_ranges()
# Letters and digits other than the ASCII letters: "A-Z" and "a-z" are runs of their own
# ("@" and "[", "`" and "{" are neither letter nor digit).
_OTHER_ALNUM = _ALNUM.replace("A-Z", "", 1).replace("a-z", "", 1)
# What Python's ``\w`` matches: a letter, a digit or "_".
_WORD = _ALNUM + "_"
# White space as psed reads it (``str.isspace``, which Python's ``\s`` follows too);
# ECMA-262's ``\s`` differs (U+001C-U+001F and U+0085 are not in it, U+FEFF is).
_SPACE = "[" + "".join(f"\\u{ord(c):04x}" for c in map(chr, range(0x10000)) if c.isspace()) + "]"

# Anything but an ASCII letter between the letters of a placeholder word: placeholders
# are compared "punctuation ignored", so "N/A", "n.a." and "t-b-c" all match. Letters
# are never in this class, so the repeats cannot overlap and the pattern runs in linear
# time. That no other letter or digit is there is checked once, ahead.
_GAP = "[^A-Za-z]*"


def _letter(char: str) -> str:
    """One character of a phrase as a pattern: a letter in either ASCII case."""
    if char.isalpha():
        return f"[{char.upper()}{char.lower()}]"
    if char == " ":
        return _SPACE + "+"
    return "\\" + char + _SPACE + "*" if char in "[](){}.*+?^$|\\" else char


def _anywhere(phrase: str) -> str:
    """A phrase found anywhere, letter by letter; a word at either end as a whole word."""
    pattern = "".join(_letter(c) for c in phrase)
    if phrase[0].isalpha():
        pattern = f"(?<![{_WORD}])" + pattern
    if phrase[-1].isalpha() and " " in phrase:
        pattern += f"(?![{_WORD}])"
    return pattern


PLACEHOLDER_PATTERNS: tuple[str, ...] = (
    # The whole text is one placeholder word (or nothing), punctuation ignored: no letter
    # or digit but ASCII letters, and those spell a placeholder word.
    f"^(?![\\s\\S]*[{_OTHER_ALNUM}])"
    + _GAP
    # The closing gap inside the optional group: two gaps side by side would try every
    # split of a long run of punctuation between them (quadratic time).
    + "(?:(?:"
    + "|".join(_GAP.join(_letter(c) for c in word) for word in PLACEHOLDER_WORDS)
    + ")"
    + _GAP
    + ")?"
    + r"(?![\s\S])",
    # "[insert ...]" and dummy text anywhere.
    *(_anywhere(phrase) for phrase in PLACEHOLDER_ANYWHERE),
)
"""Patterns that mark text as a placeholder (ECMA-262 and Python ``re`` read them alike)."""

LETTER_OR_DIGIT = f"[{_ALNUM}]"
"""A pattern for one of psed's letters or digits, read alike by ECMA-262 and Python ``re``."""

NOT_PLACEHOLDER: dict[str, Any] = {
    "type": "string",
    "not": {"anyOf": [{"pattern": p} for p in PLACEHOLDER_PATTERNS]},
}
"""A string that is real text: none of the placeholder patterns.

The first pattern also matches a text with no letter or digit at all (the placeholder
word is optional), so no pattern of its own asks for one: each class of psed's letters
and digits is some ten thousand characters of JSON, and the schema holds this six times.
"""

_SUBMITTED_RULES = (
    "PSED101",
    "PSED103",
    "PSED107",
    "PSED109",
    "PSED110",
    "PSED201",
    "PSED301",
    "PSED302",
    "PSED409",
)

SCHEMA_RULES: dict[Status, tuple[str, ...]] = {
    Status.DRAFT: (),
    Status.SUBMITTED: _SUBMITTED_RULES,
    # What a submission needs, and the approval's own: in code order.
    Status.APPROVED: tuple(sorted({*_SUBMITTED_RULES, "PSED303", "PSED304", "PSED313", "PSED403"})),
}
"""The rules the submission schema expresses at each status (before the framework's sign-offs)."""

_ADVERSE = ["negative", "mixed"]


def _real() -> dict[str, Any]:
    return copy.deepcopy(NOT_PLACEHOLDER)


def _has(key: str, schema: dict[str, Any]) -> dict[str, Any]:
    """Holds when the instance has ``key`` and its value matches ``schema``."""
    return {"required": [key], "properties": {key: schema}}


def _object_with(key: str, schema: dict[str, Any]) -> dict[str, Any]:
    """An object that has ``key``, with a value matching ``schema``."""
    return {"type": "object", **_has(key, schema)}


def _has_entry(field: str, key: str, schema: dict[str, Any]) -> dict[str, Any]:
    """Holds when the list ``field`` has an entry whose ``key`` matches ``schema``."""
    return _has(field, {"type": "array", "contains": _object_with(key, schema)})


def _condition(code: str, description: str, body: dict[str, Any]) -> dict[str, Any]:
    # "type" is named wherever "required" is: validators in strict mode (ajv) ask for it.
    return {"x-psed-rule": code, "description": description, "type": "object", **body}


def _required_text(code: str, key: str, what: str) -> dict[str, Any]:
    return _condition(
        code,
        f"Give {what} (`{key}`): real text, not a placeholder such as N/A or TBC.",
        {"required": [key], "properties": {key: _real()}},
    )


def _date_pattern(day: _dt.date, *, at_least: bool) -> str:
    """A pattern for the ISO dates on or after ``day`` (``at_least``), or on or before it.

    ISO dates of four-digit years sort as text: a date is later when, at the first
    digit where they differ, its digit is greater. One alternative per digit.
    """
    text = day.isoformat()
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    alternatives = [text]
    for i in digits:
        d = int(text[i])
        if (d == 9) if at_least else (d == 0):
            continue
        here = f"[{d + 1}-9]" if at_least else f"[0-{d - 1}]"
        rest = "".join("-" if text[j] == "-" else r"\d" for j in range(i + 1, len(text)))
        alternatives.append(text[:i] + here + rest)
    return "^(?:" + "|".join(alternatives) + ")$"


def _date_between(start: _dt.date | None, until: _dt.date | None) -> dict[str, Any]:
    """A string schema for the ISO dates from ``start`` to ``until`` (either end open)."""
    parts: list[dict[str, Any]] = []
    if start is not None:
        parts.append({"pattern": _date_pattern(start, at_least=True)})
    if until is not None:
        parts.append({"pattern": _date_pattern(until, at_least=False)})
    return {"type": "string", "allOf": parts}


# The fields the law date is read from, in order (psed.law.law_date).
_LAW_DATE_FIELDS = ("decision", "approver", "responsible", "screening")


def _law_date_between(start: _dt.date | None, until: _dt.date | None) -> dict[str, Any]:
    """Holds when the document's law date is from ``start`` to ``until``.

    The law date is the first of the fields that gives a date; a document with none
    is judged today, so it holds exactly when the period has not ended.
    """
    judged: dict[str, Any] = {} if until is None else {"not": {}}
    for key in reversed(_LAW_DATE_FIELDS):
        dated = _has(key, _object_with("date", {"type": "string"}))
        within = {
            "properties": {
                key: {"type": "object", "properties": {"date": _date_between(start, until)}}
            }
        }
        judged = {"if": dated, "then": within, "else": judged}
    return judged


def _covers(scope: Scope, functions: tuple[str, ...]) -> dict[str, Any]:
    """Holds when a duty of this scope covers the decision (psed.law.Duty.covers)."""
    if scope is Scope.ALL:
        return {}
    if scope is Scope.STRATEGIC:
        return {"required": ["strategic"], "properties": {"strategic": {"const": True}}}
    if scope is Scope.STRATEGIC_UNLESS_NOT:
        return {"not": {"required": ["strategic"], "properties": {"strategic": {"const": False}}}}
    return {
        "required": ["functions"],
        "properties": {"functions": {"type": "array", "contains": {"enum": list(functions)}}},
    }


def _periods(duties: Sequence[Duty]) -> list[Duty]:
    """``duties`` with back-to-back periods of the same scope merged (fewer conditions)."""
    out: list[Duty] = []
    for duty in sorted(duties, key=lambda d: (d.in_force or _dt.date.min, d.id)):
        last = out[-1] if out else None
        if (
            last is not None
            and last.scope is duty.scope
            and last.functions == duty.functions
            and last.until is not None
            and duty.in_force is not None
            and duty.in_force <= last.until + _dt.timedelta(days=1)
        ):
            until = None if duty.until is None else max(duty.until, last.until)
            out[-1] = attrs.evolve(last, until=until)
        else:
            out.append(duty)
    return out


def _characteristic_present(code: str, duties: tuple[Duty, ...]) -> dict[str, Any]:
    present = _has_entry("impacts", "characteristic", {"const": code})
    if duties:
        when = {
            "anyOf": [
                {"allOf": [_law_date_between(d.in_force, d.until), _covers(d.scope, d.functions)]}
                for d in _periods(duties)
            ]
        }
        body: dict[str, Any] = {"if": when, "then": present}
        description = (
            f"Add an impact entry for the characteristic `{code}`, which the framework "
            "requires on the document's law date."
        )
    else:
        body = present
        description = (
            f"Add an impact entry for the characteristic `{code}`, which the framework requires."
        )
    condition = _condition("PSED101", description, body)
    condition["x-psed-characteristic"] = code
    return condition


def _each_impact(code: str, description: str, item: dict[str, Any]) -> dict[str, Any]:
    return _condition(
        code, description, {"properties": {"impacts": {"type": "array", "items": item}}}
    )


def _impact_determined() -> dict[str, Any]:
    return _each_impact(
        "PSED103",
        "Choose the impact on each characteristic; `unknown` (not yet determined) cannot "
        "be submitted.",
        _object_with("impact", {"not": {"const": "unknown"}}),
    )


def _adverse_mitigated() -> dict[str, Any]:
    real_mitigation = {
        "type": "object",
        "required": ["action"],
        "properties": {"action": _real(), "status": {"not": {"const": "dropped"}}},
    }
    return _each_impact(
        "PSED201",
        "A negative or mixed impact needs a mitigation (an action that is not dropped) "
        "or a justification for accepting it.",
        {
            "if": _object_with("impact", {"enum": _ADVERSE}),
            "then": {
                "anyOf": [
                    _object_with("mitigations", {"type": "array", "contains": real_mitigation}),
                    _object_with("justification", _real()),
                ]
            },
        },
    )


_SOME_ADVERSE: dict[str, Any] = _has_entry("impacts", "impact", {"enum": _ADVERSE})


def _not_screened_out_with_adverse() -> dict[str, Any]:
    return _condition(
        "PSED110",
        "A proposal screened out (or said to need no assessment) cannot record a negative "
        "or mixed impact: screen it in, or correct the screening or the impacts.",
        {
            "if": _has(
                "screening", _object_with("outcome", {"enum": ["screened_out", "not_required"]})
            ),
            "then": {"not": _SOME_ADVERSE},
        },
    )


def _alternatives_of_full_assessment() -> dict[str, Any]:
    full = {
        "anyOf": [
            {"required": ["level"], "properties": {"level": {"const": "full"}}},
            _has("screening", _object_with("outcome", {"const": "screened_in"})),
        ]
    }
    ni_s75 = _law.BUILTIN_DUTIES[_law.NI_S75]
    return _condition(
        "PSED409",
        "A full equality impact assessment that records a negative or mixed impact must "
        "give the alternative options considered (Northern Ireland Act 1998 Sch 9 para "
        "9(1)(b)).",
        {
            "if": {
                "allOf": [
                    _law_date_between(ni_s75.in_force, ni_s75.until),
                    full,
                    _SOME_ADVERSE,
                ]
            },
            "then": _has_entry("alternatives", "option", _real()),
        },
    )


def _assessment_before_decision_maker() -> dict[str, Any]:
    return _condition(
        "PSED313",
        "A decision with a decision-maker records the report that put the proposal to "
        "them, with the assessment appended or expressly referred to "
        "(`decision.report.assessment_appended: true`).",
        {
            "if": _has("decision", _object_with("maker", _real())),
            "then": {
                "properties": {
                    "decision": {
                        "required": ["report"],
                        "properties": {
                            "report": _object_with("assessment_appended", {"const": True})
                        },
                    }
                }
            },
        },
    )


def _signoff_field(code: str, slot: str, key: str, what: str) -> dict[str, Any]:
    named = _has(slot, _object_with("name", _real()))
    if key == "name":
        body: dict[str, Any] = named
    else:
        # The date is asked for once someone is named (before that, the name's rule
        # reports the sign-off): one mistake, one finding.
        dated = {"properties": {slot: _object_with(key, {"type": "string"})}}
        body = {"if": named, "then": dated}
    return _condition(code, f"Give the {what} (`{slot}.{key}`).", body)


def _decision_outcome() -> dict[str, Any]:
    return _condition(
        "PSED403",
        "Record the decision outcome (`decision.outcome`) before approval.",
        _has("decision", _object_with("outcome", {"type": "string"})),
    )


def submission_conditions(
    framework: Framework,
    status: Status | str = Status.SUBMITTED,
    *,
    catalogue: Catalogue | None = None,
) -> list[dict[str, Any]]:
    """The conditions for a document under ``framework`` at ``status``, in rule-code order.

    ``catalogue`` holds the duties the framework names (default: the process-wide one).
    """
    level = Status(status)
    rules = set(SCHEMA_RULES[level])
    known = default_catalogue() if catalogue is None else catalogue
    out: list[dict[str, Any]] = []
    if "PSED101" in rules:
        out.extend(
            _characteristic_present(code, duties)
            for code, duties in _law.requirements(framework, known)
        )
    if "PSED103" in rules:
        out.append(_impact_determined())
    if "PSED107" in rules:
        out.append(_required_text("PSED107", "description", "a description of the proposal"))
    if "PSED109" in rules:
        out.append(_required_text("PSED109", "impact_summary", "a summary of impact and issues"))
    if "PSED110" in rules:
        out.append(_not_screened_out_with_adverse())
    if "PSED201" in rules:
        out.append(_adverse_mitigated())
    if framework.expects("responsible"):
        if "PSED301" in rules:
            out.append(
                _signoff_field("PSED301", "responsible", "name", "responsible officer's name")
            )
        if "PSED302" in rules:
            out.append(
                _signoff_field(
                    "PSED302", "responsible", "date", "date the responsible officer signed"
                )
            )
    if framework.expects("approver"):
        if "PSED303" in rules:
            out.append(_signoff_field("PSED303", "approver", "name", "approver's name"))
        if "PSED304" in rules:
            out.append(_signoff_field("PSED304", "approver", "date", "date of approval"))
    if "PSED313" in rules:
        out.append(_assessment_before_decision_maker())
    if "PSED403" in rules:
        out.append(_decision_outcome())
    if "PSED409" in rules and _law.NI_S75 in framework.duties:
        out.append(_alternatives_of_full_assessment())
    return out


def add_submission_conditions(
    schema: dict[str, Any],
    framework: Framework,
    *,
    status: Status | str = Status.SUBMITTED,
    catalogue: Catalogue | None = None,
) -> dict[str, Any]:
    """A copy of the structural ``schema`` with the completeness conditions for ``framework``.

    The conditions are appended to the root ``allOf`` (created if absent; a root
    ``$ref`` keeps working beside it, as JSON Schema 2020-12 applies siblings of
    ``$ref``). ``status`` is ``submitted`` by default; ``approved`` adds the
    approval conditions, ``draft`` adds none. The input is not modified.
    """
    out = copy.deepcopy(schema)
    conditions = submission_conditions(framework, status, catalogue=catalogue)
    existing = out.get("allOf")
    if existing is None:
        existing = []
    elif not isinstance(existing, list):
        existing = [existing]
    out["allOf"] = [*existing, *conditions]
    out["x-psed-mode"] = "submission"
    out["x-psed-status"] = Status(status).value
    out["x-psed-framework"] = framework.id
    return out
