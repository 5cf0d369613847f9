"""Community safety rule PSED601 (Crime and Disorder Act 1998 s17)."""

from __future__ import annotations
