"""Rigour rules PSED501-PSED502: boilerplate text and adverse language marked harmless."""

from __future__ import annotations
