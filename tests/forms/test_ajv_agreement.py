"""A second, independent validator agrees with psed: ajv in strict mode, run with node.

A JavaScript front end can compile psed's JSON Schema with ajv and check a form in the
browser before it posts. These tests compile both schemas of every built-in framework
with ajv in strict mode (``tests/forms/ajv_validate.mjs``; ajv from npm, ``npm install
--prefix tests/forms`` as CI does) and check, on hypothesis-generated documents, that
ajv accepts exactly what psed's reader accepts (draft mode) and exactly what passes the
conditions the submission schema expresses (submission mode). Under CI (``CI=true``) a
missing node or ajv is a failure, not a skip.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import psed
from psed._text import is_placeholder, normalise
from psed.testing import documents, mutated_documents

from .test_schema_agreement import EXPRESSED, candidates

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "ajv_validate.mjs"
ROOT = HERE.parents[1]
AJV = HERE / "node_modules" / "ajv" / "dist" / "2020.js"
IN_CI = os.environ.get("CI", "").lower() == "true"
AS_OF = dt.date(2026, 11, 26)
FRAMEWORKS = sorted(psed.BUILTIN_FRAMEWORKS)
# Strings the two regular-expression dialects could read differently (a final newline
# after a code, a code with a capital, an impossible or badly written date).
AWKWARD_CODES = ["local_x\n", "local_x", "Local_x", "local-x", "local__x", "x\u0130"]
AWKWARD_DATES = ["2021-02-30", "2021-1-1", "2021-01-01\n", "20211118", "2021-13-01", "0000-01-01"]


class Ajv:
    """One node process running ajv; schemas compiled once, documents checked one by one."""

    def __init__(self) -> None:
        node = shutil.which("node")
        assert node is not None
        self.process = subprocess.Popen(
            [node, str(SCRIPT)],
            cwd=HERE,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def ask(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer: dict[str, Any] = json.loads(self.process.stdout.readline())
        return answer

    def compile(self, name: str, schema: dict[str, Any]) -> None:
        answer = self.ask({"compile": name, "schema": schema})
        assert answer == {"ok": True}, f"ajv (strict) refuses the {name} schema: {answer}"

    def valid(self, name: str, document: Any) -> bool:
        answer = self.ask({"check": name, "document": document})
        assert "error" not in answer, answer
        return bool(answer["valid"])

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def ajv() -> Iterator[Ajv]:
    missing = []
    if shutil.which("node") is None:
        missing.append("node (apt-get install nodejs)")
    if not AJV.exists():
        missing.append(f"ajv (npm install --prefix {HERE.relative_to(HERE.parents[1])})")
    if missing:
        message = f"{', '.join(missing)} not installed"
        if IN_CI:
            pytest.fail(f"the ajv agreement test cannot run in CI: {message}")
        pytest.skip(message)
    validator = Ajv()
    for framework in FRAMEWORKS:
        validator.compile(f"{framework}/draft", psed.json_schema(framework))
        validator.compile(f"{framework}/submission", psed.json_schema(framework, mode="submission"))
    try:
        yield validator
    finally:
        validator.close()


def test_strict_mode_refuses_an_unknown_keyword(ajv: Ajv) -> None:
    """Strict mode is on: a schema with a keyword of neither JSON Schema nor psed is refused."""
    answer = ajv.ask({"compile": "typo", "schema": {"type": "object", "propertise": {}}})
    assert "error" in answer
    assert "strict mode" in answer["error"]


@st.composite
def awkward(draw: st.DrawFn, framework: str) -> dict[str, Any]:
    """A valid document with a characteristic code or a date the two dialects might split on."""
    doc: dict[str, Any] = draw(documents(framework, "draft"))
    if draw(st.booleans()):
        code = draw(st.sampled_from(AWKWARD_CODES))
        # Beside the document's own local characteristics, which its impacts may use.
        local = list(doc.get("characteristics") or [])
        if code not in {c.get("code") for c in local}:
            local.append({"code": code, "label": "Local group"})
        doc["characteristics"] = local
    else:
        doc["review_date"] = draw(st.sampled_from(AWKWARD_DATES))
    return doc


def _structurally_valid(doc: Any) -> bool:
    _, findings = psed.read(doc)
    return not findings


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_draft_schema_accepts_what_the_reader_accepts(ajv: Ajv, framework: str) -> None:
    @settings(max_examples=40, suppress_health_check=[HealthCheck.data_too_large])
    @given(
        documents(framework, "draft")
        | mutated_documents(framework).map(lambda mutation: mutation[0])
        | awkward(framework)
    )
    def agree(doc: dict[str, Any]) -> None:
        assert ajv.valid(f"{framework}/draft", doc) == _structurally_valid(doc)

    agree()


def test_the_documents_reach_both_answers(ajv: Ajv) -> None:
    """The draft property is only as good as its documents: ajv says yes and no to them."""
    seen: set[bool] = set()

    @settings(max_examples=60, suppress_health_check=list(HealthCheck))
    @given(
        documents("psed", "draft")
        | mutated_documents("psed").map(lambda mutation: mutation[0])
        | awkward("psed")
    )
    def collect(doc: dict[str, Any]) -> None:
        seen.add(ajv.valid("psed/draft", doc))

    collect()
    assert seen == {True, False}


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_submission_schema_agrees_with_validate(ajv: Ajv, framework: str) -> None:
    """ajv passes a document exactly when psed reports no error of the expressed rules.

    The schema holds the errors that stop a submission: a rule that is a warning for
    this document (PSED409 outside Northern Ireland) is not in it.
    """

    @settings(max_examples=30, suppress_health_check=[HealthCheck.data_too_large])
    @given(candidates(framework))
    def agree(doc: dict[str, Any]) -> None:
        # The document's own law date, as the schema's law-date conditions read it.
        report = psed.validate(doc, status="submitted", as_of=AS_OF)
        reported = {
            f.code
            for f in report.findings
            if f.code in EXPRESSED and f.severity is psed.Severity.ERROR
        }
        assert ajv.valid(f"{framework}/submission", doc) == (not reported), reported

    agree()


# Texts wholly in a script other than Latin, or with no ASCII letter or digit: ECMA-262
# reads ``\w`` as ASCII only, so the schema must not rely on it.
OTHER_SCRIPTS = [
    "خدمات المكتبة للجميع",  # Arabic: "library services for everyone"
    "Υπηρεσίες βιβλιοθήκης",  # Greek
    "Библиотечные услуги",  # Cyrillic, not only look-alike letters
    "图书馆服务",  # Chinese
    "ŵ ŷ",  # Welsh letters with a circumflex, no plain ASCII letter
    "٣٤٥",  # Arabic-Indic digits
    "१२३",  # Devanagari digits
    "𝐀𝐁𝐂",  # mathematical bold letters, outside the Basic Multilingual Plane
    "𠀀𠀁",  # CJK Extension B ideographs, outside the Basic Multilingual Plane
    "élorem ipsum",  # "lorem" inside a longer word is not the dummy phrase
]
# Texts that psed reads as placeholders or as having no letter or digit, in other scripts.
NOT_REAL = [
    "؟ ، …",  # Arabic punctuation only
    "— · «»",  # punctuation and symbols only
    "N/A ؟",  # a placeholder word with Arabic punctuation
    "TBC _ ·",
    "é lorem ipsum",  # the dummy phrase as whole words, beside a non-ASCII letter
]


@pytest.mark.parametrize("text", OTHER_SCRIPTS + NOT_REAL)
def test_a_text_in_another_script_is_read_alike_by_ajv_and_psed(ajv: Ajv, text: str) -> None:
    doc = psed.unstructure(psed.load(ROOT / "examples" / "garden-waste-charge.yaml"))
    doc["description"] = text
    report = psed.validate(doc, status="submitted", as_of=AS_OF)
    assert ajv.valid("psed/submission", doc) == ("PSED107" not in report.codes())


def test_the_scripts_reach_both_answers() -> None:
    """The cases above are not all one way: psed counts some as text and some not."""
    assert not any(is_placeholder(text) for text in OTHER_SCRIPTS)
    assert all(is_placeholder(text) for text in NOT_REAL)


_SCRIPT_PIECES = st.sampled_from(
    [*OTHER_SCRIPTS, *NOT_REAL, "n", "A", "/", " ", "_", "tbc", "lorem", "ipsum", "[insert"]
) | st.text(
    st.characters(
        codec="utf-8",
        categories=["L", "M", "N", "P", "S", "Z"],
    ),
    max_size=3,
)


def test_real_text_is_read_alike_by_ajv_and_psed(ajv: Ajv) -> None:
    """The "real text" condition, on generated text in any script: ajv and psed agree."""
    from psed._submission_schema import NOT_PLACEHOLDER

    ajv.compile("real-text", NOT_PLACEHOLDER)

    @settings(max_examples=300)
    @given(st.lists(_SCRIPT_PIECES, max_size=5).map("".join))
    def agree(text: str) -> None:
        # psed compares a folded form (NFKC, look-alike letters read as Latin, full case
        # folding), which no pattern can apply: that documented gap is left out here.
        assume(normalise(text) == " ".join(text.lower().split()))
        assert ajv.valid("real-text", text) is not is_placeholder(text)

    agree()


def test_ajv_finds_exactly_psed_letters_and_digits(ajv: Ajv) -> None:
    """Over every code point, ajv's reading of the schema's letter-or-digit class is psed's.

    psed counts what Python's ``[^\\W_]`` matches; one text holds all of those and another
    every other character (but lone surrogates, which JSON cannot carry).
    """
    from psed._submission_schema import LETTER_OR_DIGIT as letter

    every = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    counted = "".join(c for c in every if re.fullmatch(r"[^\W_]", c))
    others = "".join(c for c in every if not re.fullmatch(r"[^\W_]", c))
    assert len(counted) > 100_000  # the ideographs alone are more
    ajv.compile("only-letters", {"type": "string", "pattern": f"^{letter}*$"})
    ajv.compile("a-letter", {"type": "string", "pattern": letter})
    assert ajv.valid("only-letters", counted)
    assert not ajv.valid("a-letter", others)
    assert ajv.valid("a-letter", "x" + others)


# Python reads U+001C-U+001F and U+0085 as white space and ECMA-262 does not; ECMA-262
# reads U+FEFF (which psed removes) as white space and Python does not.
_SPACES = [chr(c) for c in range(0x10000) if chr(c).isspace()] + ["\ufeff", "\u180e"]


@pytest.mark.parametrize("space", _SPACES, ids=[f"U+{ord(c):04X}" for c in _SPACES])
def test_white_space_in_a_placeholder_phrase_is_read_alike(ajv: Ajv, space: str) -> None:
    from psed._submission_schema import NOT_PLACEHOLDER

    ajv.compile("real-text", NOT_PLACEHOLDER)
    texts = [f"Notes: lorem{space}ipsum dolor"]
    if space.isspace():  # psed removes U+FEFF and U+180E, so "[\ufeffinsert" is "[insert"
        texts.append(f"Name: [{space}insert name]")
    for text in texts:
        assert ajv.valid("real-text", text) is not is_placeholder(text), repr(text)
    assert is_placeholder(texts[-1]) is space.isspace()  # both answers are reached
