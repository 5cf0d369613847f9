"""Completeness rules PSED101-PSED109: every characteristic assessed, with reasons."""

from __future__ import annotations
