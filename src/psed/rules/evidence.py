"""Evidence, engagement and outcome rules PSED401-PSED405."""

from __future__ import annotations
