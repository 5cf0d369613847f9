"""Text helpers shared by the rules: placeholders, word counts, leftovers, adverse language."""

from __future__ import annotations
