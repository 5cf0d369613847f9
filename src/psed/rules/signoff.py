"""Sign-off, timing and review rules PSED301-PSED312: who signed, when, and when to review."""

from __future__ import annotations
