"""The structural codes PSED001-PSED007: what reading a document can say about it."""

from __future__ import annotations

from psed._i18n import Message
from psed.findings import Finding, Severity

__all__ = ["STRUCTURAL_NAMES", "structural_finding", "unreadable"]

STRUCTURAL_NAMES: dict[str, str] = {
    "PSED001": "unreadable-document",
    "PSED002": "missing-field",
    "PSED003": "wrong-type",
    "PSED004": "invalid-value",
    "PSED005": "unknown-field",
    "PSED006": "unknown-characteristic",
    "PSED007": "unknown-framework",
}


def structural_finding(
    code: str, pointer: str, message: str | Message, characteristic: str | None = None
) -> Finding:
    """A structural finding: always ``error``, never below its status.

    ``message`` is a :class:`psed._i18n.Message` (given in the language asked for) or
    plain text.
    """
    return Finding(
        code=code,
        name=STRUCTURAL_NAMES[code],
        severity=Severity.ERROR,
        default_severity=Severity.ERROR,
        message=str(message),
        source=message if isinstance(message, Message) else None,
        pointer=pointer,
        characteristic=characteristic,
        references=("psed document format, schema_version 1",),
    )


def unreadable(message: str | Message, pointer: str = "") -> Finding:
    """PSED001: the document, or the value at ``pointer``, cannot be read."""
    return structural_finding("PSED001", pointer, message)
