"""The completeness conditions JSON Schema can express, for ``json_schema(mode="submission")``.

:func:`psed.json_schema` builds the structural schema (``mode="draft"``: what a
saved half-filled draft must look like). For ``mode="submission"`` it passes that
schema and the framework to :func:`add_submission_conditions`, which adds the
rule conditions a front end can check before posting, each one a member of the
root ``allOf`` annotated with ``"x-psed-rule": "PSEDnnn"`` (and a
``description`` in plain English), so a front end can show the rule's code and
link to its documentation.

Conditions added, for status ``submitted``:

- PSED101: every characteristic the framework requires has an entry in
  ``impacts`` (one ``contains`` per code, annotated ``x-psed-characteristic``);
- PSED103: no entry's ``impact`` is ``unknown`` (an absent ``impact`` is
  ``unknown``);
- PSED201: an entry whose impact is ``negative`` or ``mixed`` has a real
  mitigation (action given, status not ``dropped``) or a real justification;
- PSED107 and PSED109: ``description`` and ``impact_summary`` are real text;
- PSED301 and PSED302: a responsible officer's name and date, where the
  framework expects a responsible officer.

For status ``approved`` (``status="approved"``) also PSED303 and PSED304
(approver name and date, where expected) and PSED403 (a decision outcome).

The gap. "Real text" is approximated with regular expressions: a string with at
least one letter or digit that is not, ignoring punctuation and ASCII case, one
of the placeholder words (n/a, none, nil, tbc, tbd, todo, xxx, to follow,
see above, lorem ipsum) and contains neither "[insert" nor "lorem ipsum".
JSON Schema patterns have no case-insensitive flag and no Unicode case folding,
so case is matched letter by letter in ASCII; a placeholder spelled with
non-ASCII look-alike letters passes the schema and is still reported by
:func:`psed.validate`. Rules that need more than one document field compared
(duplicates, dates in order, boilerplate text, adverse language, waivers) are
not in the schema at all: the server's :func:`psed.validate` stays the judge.

The function never changes the schema it is given, and it does not depend on
where the structural schema keeps its object definitions (inline or in
``$defs``): the conditions address the document by property names from the root.
"""

from __future__ import annotations

import copy
from typing import Any

from psed._text import PLACEHOLDER_ANYWHERE, PLACEHOLDER_WORDS
from psed.catalogue import Framework
from psed.model import Status

__all__ = [
    "NOT_PLACEHOLDER",
    "PLACEHOLDER_PATTERNS",
    "SCHEMA_RULES",
    "add_submission_conditions",
]

# Punctuation, white space and "_" between the letters of a placeholder word: the
# Placeholders are compared "punctuation ignored", so "N/A", "n.a." and "t-b-c"
# all match. Letters are never in this class, so the repeats cannot overlap and
# the pattern runs in linear time.
_GAP = r"[\W_]*"


def _letter(char: str) -> str:
    """One character of a phrase as a pattern: a letter in either ASCII case."""
    if char.isalpha():
        return f"[{char.upper()}{char.lower()}]"
    if char == " ":
        return r"\s+"
    return "\\" + char + r"\s*" if char in "[](){}.*+?^$|\\" else char


def _anywhere(phrase: str) -> str:
    """A phrase found anywhere, letter by letter; a word at either end as a whole word."""
    pattern = "".join(_letter(c) for c in phrase)
    if phrase[0].isalpha():
        pattern = r"\b" + pattern
    if phrase[-1].isalpha() and " " in phrase:
        pattern += r"\b"
    return pattern


PLACEHOLDER_PATTERNS: tuple[str, ...] = (
    # The whole text is one placeholder word (or nothing), punctuation ignored.
    "^"
    + _GAP
    + "(?:"
    + "|".join(_GAP.join(_letter(c) for c in word) for word in PLACEHOLDER_WORDS)
    + ")?"
    + _GAP
    + r"(?![\s\S])",
    # "[insert ...]" and dummy text anywhere.
    *(_anywhere(phrase) for phrase in PLACEHOLDER_ANYWHERE),
)
"""Patterns that mark text as a placeholder (ECMA-262 and Python ``re`` compatible)."""

NOT_PLACEHOLDER: dict[str, Any] = {
    "type": "string",
    "pattern": r"[^\W_]",
    "not": {"anyOf": [{"pattern": p} for p in PLACEHOLDER_PATTERNS]},
}
"""A string that is real text: a letter or digit, and none of the placeholder patterns."""

SCHEMA_RULES: dict[Status, tuple[str, ...]] = {
    Status.DRAFT: (),
    Status.SUBMITTED: ("PSED101", "PSED103", "PSED107", "PSED109", "PSED201", "PSED301", "PSED302"),
    Status.APPROVED: (
        "PSED101",
        "PSED103",
        "PSED107",
        "PSED109",
        "PSED201",
        "PSED301",
        "PSED302",
        "PSED303",
        "PSED304",
        "PSED403",
    ),
}
"""The rules the submission schema expresses at each status (before the framework's sign-offs)."""

_ADVERSE = ["negative", "mixed"]


def _real() -> dict[str, Any]:
    return copy.deepcopy(NOT_PLACEHOLDER)


def _condition(code: str, description: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"x-psed-rule": code, "description": description, **body}


def _required_text(code: str, key: str, what: str) -> dict[str, Any]:
    return _condition(
        code,
        f"Give {what} (`{key}`): real text, not a placeholder such as N/A or TBC.",
        {"required": [key], "properties": {key: _real()}},
    )


def _characteristic_present(code: str) -> dict[str, Any]:
    condition = _condition(
        "PSED101",
        f"Add an impact entry for the characteristic `{code}`, which the framework requires.",
        {
            "required": ["impacts"],
            "properties": {
                "impacts": {
                    "type": "array",
                    "contains": {
                        "type": "object",
                        "required": ["characteristic"],
                        "properties": {"characteristic": {"const": code}},
                    },
                }
            },
        },
    )
    condition["x-psed-characteristic"] = code
    return condition


def _each_impact(code: str, description: str, item: dict[str, Any]) -> dict[str, Any]:
    return _condition(code, description, {"properties": {"impacts": {"items": item}}})


def _impact_determined() -> dict[str, Any]:
    return _each_impact(
        "PSED103",
        "Choose the impact on each characteristic; `unknown` (not yet determined) cannot "
        "be submitted.",
        {"required": ["impact"], "properties": {"impact": {"not": {"const": "unknown"}}}},
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
            "if": {
                "type": "object",
                "required": ["impact"],
                "properties": {"impact": {"enum": _ADVERSE}},
            },
            "then": {
                "anyOf": [
                    {
                        "required": ["mitigations"],
                        "properties": {
                            "mitigations": {"type": "array", "contains": real_mitigation}
                        },
                    },
                    {"required": ["justification"], "properties": {"justification": _real()}},
                ]
            },
        },
    )


def _signoff_field(code: str, slot: str, key: str, what: str) -> dict[str, Any]:
    value: dict[str, Any] = _real() if key == "name" else {"type": "string"}
    return _condition(
        code,
        f"Give the {what} (`{slot}.{key}`).",
        {
            "required": [slot],
            "properties": {slot: {"type": "object", "required": [key], "properties": {key: value}}},
        },
    )


def _decision_outcome() -> dict[str, Any]:
    return _condition(
        "PSED403",
        "Record the decision outcome (`decision.outcome`) before approval.",
        {
            "required": ["decision"],
            "properties": {
                "decision": {
                    "type": "object",
                    "required": ["outcome"],
                    "properties": {"outcome": {"type": "string"}},
                }
            },
        },
    )


def submission_conditions(
    framework: Framework, status: Status | str = Status.SUBMITTED
) -> list[dict[str, Any]]:
    """The conditions for a document under ``framework`` at ``status``, in rule-code order."""
    level = Status(status)
    rules = set(SCHEMA_RULES[level])
    out: list[dict[str, Any]] = []
    if "PSED101" in rules:
        out.extend(_characteristic_present(code) for code in framework.required)
    if "PSED103" in rules:
        out.append(_impact_determined())
    if "PSED107" in rules:
        out.append(_required_text("PSED107", "description", "a description of the proposal"))
    if "PSED109" in rules:
        out.append(_required_text("PSED109", "impact_summary", "a summary of impact and issues"))
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
    if "PSED403" in rules:
        out.append(_decision_outcome())
    return out


def add_submission_conditions(
    schema: dict[str, Any], framework: Framework, *, status: Status | str = Status.SUBMITTED
) -> dict[str, Any]:
    """A copy of the structural ``schema`` with the completeness conditions for ``framework``.

    The conditions are appended to the root ``allOf`` (created if absent; a root
    ``$ref`` keeps working beside it, as JSON Schema 2020-12 applies siblings of
    ``$ref``). ``status`` is ``submitted`` by default; ``approved`` adds the
    approval conditions, ``draft`` adds none. The input is not modified.
    """
    out = copy.deepcopy(schema)
    conditions = submission_conditions(framework, status)
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
