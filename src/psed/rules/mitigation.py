"""Mitigation rules PSED201-PSED205: adverse impacts have real, owned, dated actions."""

from __future__ import annotations
