"""The psed command. INTERFACE STUB: the CLI helper owns and completes it."""

from __future__ import annotations

import sys

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``psed`` command."""
    print("psed: the command line is not built yet", file=sys.stderr)
    return 2
