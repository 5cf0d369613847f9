"""Configuration. INTERFACE STUB: the rules-engine helper owns and completes it."""

from __future__ import annotations

import attrs

__all__ = ["Config"]


@attrs.frozen(kw_only=True)
class Config:
    """select / ignore / severity overrides / fail-on / custom frameworks."""
