"""Memory of the text pass: a small multiple of the text, whatever the text is made of.

Each hostile text fills one impact entry's details (read by every text rule) and the
description. The peak of what Python allocates while every rule runs is measured with
tracemalloc and must stay within a small multiple of the text's size. Before the text
pass, punctuation alone reached about 110 times the text (a regular expression that
repeated a group keeps one stack entry per repetition), and text of many short words
about 20 times (a list of every word).
"""

from __future__ import annotations

import datetime as dt
import tracemalloc

import pytest

import psed

SIZE = 400_000
LIMIT = 8
"""Peak allocation while checking, as a multiple of the text's size in UTF-8..."""
SLACK = 1_000_000
"""...plus what one piece of text needs while it is folded (a text is folded in pieces)."""

TEXTS = {
    "punctuation": "." * SIZE,
    "words-then-punctuation": "Fewer opening hours" + "!" * SIZE,
    "punctuation-and-underscores": "._" * (SIZE // 2),
    "one-letter-words": "a " * (SIZE // 2),
    "two-letter-words": "ab " * (SIZE // 3),
    "hyphenated-run": "a-" * (SIZE // 2),
    "sentences": "a. " * (SIZE // 3),
    "adverse-sentences": "not excluded. " * (SIZE // 14),
    "markers": "tbc " * (SIZE // 4),
    "anchors": "".join(f"[AB{i}]" for i in range(SIZE // 9)),
    "cyrillic": "\u041f\u0440\u0438\u0432\u0435\u0442 \u0441\u0432\u0435\u0442 " * (SIZE // 24),
    "nfkc-growth": "\ufdfa" * (SIZE // 3),
    "zero-width": "a\u200b" * (SIZE // 4),
    "one-word": "a" * SIZE,
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_checking_a_hostile_text_allocates_a_small_multiple_of_it(name: str) -> None:
    text = TEXTS[name]
    document = {
        "name": "x",
        "status": "submitted",
        "description": text,
        "impacts": [{"characteristic": "age", "impact": "positive", "details": text}],
    }
    proposal, _ = psed.read(document)
    assert proposal is not None
    psed.check(psed.structure({"name": "warm-up"}))  # rule modules imported, not counted
    tracemalloc.start()
    try:
        report = psed.check(proposal, as_of=dt.date(2026, 11, 26))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.findings
    size = len(text.encode())
    assert peak <= LIMIT * size + SLACK, f"{name}: peak {peak:,} bytes; the text is {size:,}"
