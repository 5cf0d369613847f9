"""Reading and writing documents: JSON/YAML text or trees to Proposals and back.

Three layers, each usable on its own:

- parsing (:func:`loads`, :func:`load`): text or a file to a plain tree, safely
  and within :class:`Limits` (PSED001 for anything unreadable), in one pass that
  also keeps where each place is (every finding from text has its line and column);
- structural checking (:func:`read`, :func:`structure`): a tree to a
  :class:`~psed.model.Proposal`, every problem reported at once (PSED002-PSED007);
- writing (:func:`unstructure`, :func:`dumps`, :func:`dump`): a Proposal to a
  JSON-ready tree, and to JSON or YAML text that reads back exactly.

The machinery lives in ``psed._reading``; this module is its public face.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from psed._reading.codes import unreadable
from psed._reading.converter import unstructure_proposal
from psed._reading.document import locate, read_document
from psed._reading.limits import DEFAULT_LIMITS, Limits, too_big
from psed.catalogue import Catalogue, default_catalogue
from psed.findings import Finding
from psed.model import Proposal

__all__ = [
    "DocumentError",
    "Limits",
    "dump",
    "dumps",
    "load",
    "loads",
    "read",
    "structure",
    "unstructure",
]


class DocumentError(ValueError):
    """A document that cannot be read into a Proposal; ``findings`` says every reason.

    ``path`` is the file it came from, when it came from :func:`load`. The message
    names each problem's place (its pointer and, from text, its line) and says what
    to do.
    """

    def __init__(self, findings: list[Finding] | tuple[Finding, ...], path: str | None = None):
        self.findings = tuple(findings)
        self.path = path
        super().__init__(" ".join(_where(f, path) + f.message for f in self.findings))


def _where(finding: Finding, path: str | None) -> str:
    """``path:line:`` and the pointer before a message, as much of them as is known."""
    place = path or ""
    if finding.line is not None:
        place = f"{place}:{finding.line}" if place else f"line {finding.line}"
    if finding.pointer:
        place = f"{place} {finding.pointer}" if place else finding.pointer
    return f"{place}: " if place else ""


def _read(
    payload: Any, format: str | None, catalogue: Catalogue | None, limits: Limits | None
) -> tuple[Proposal | None, list[Finding]]:
    read = read_document(
        payload,
        format,
        default_catalogue() if catalogue is None else catalogue,
        DEFAULT_LIMITS if limits is None else limits,
    )
    return read.proposal, locate(read.findings, read.positions)


def read(
    payload: Any,
    *,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
) -> tuple[Proposal | None, list[Finding]]:
    """Best-effort reading that never raises: a Proposal (None if hopeless) and every finding.

    ``payload`` is a mapping (an already-parsed tree) or JSON/YAML text (str or
    bytes). Invalid values are replaced by their defaults, unknown keys left out,
    an unknown characteristic kept as a placeholder local one, a missing ``name``
    read as ``""``; each of these is reported. The Proposal is None only when the
    document is not a mapping at all (or cannot be parsed, or is over a limit).
    Findings about text carry the line and column of their place.

    >>> import psed
    >>> proposal, findings = psed.read({"name": "Library hours", "status": "final"})
    >>> proposal.status.value, findings[0].code, findings[0].pointer
    ('draft', 'PSED004', '/status')
    """
    return _read(payload, None, catalogue, limits)


def structure(
    payload: Any,
    *,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
) -> Proposal:
    """A JSON/YAML tree (a mapping) to a Proposal; raises :class:`DocumentError` with every problem.

    >>> import psed
    >>> psed.structure({"name": "Library hours", "review_date": "2027-01-31"}).review_date
    datetime.date(2027, 1, 31)
    """
    proposal, findings = read(payload, catalogue=catalogue, limits=limits)
    if findings or proposal is None:
        raise DocumentError(findings)
    return proposal


def loads(
    text: str | bytes,
    *,
    format: str | None = None,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
) -> Proposal:
    """Parse JSON or YAML text into a Proposal; raises :class:`DocumentError`.

    ``format`` is ``"json"``, ``"yaml"`` or None to decide from the text, once: JSON
    when it starts as a JSON object does (``{"``), YAML otherwise.
    """
    if format not in (None, "json", "yaml"):
        raise ValueError(f"format must be 'json', 'yaml' or None, not {format!r}")
    proposal, findings = _read(text, format, catalogue, limits)
    if findings or proposal is None:
        raise DocumentError(findings)
    return proposal


_FORMATS = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}


def load(
    path: str | os.PathLike[str],
    *,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
) -> Proposal:
    """Read a ``.json``, ``.yaml`` or ``.yml`` file into a Proposal; raises :class:`DocumentError`.

    The format follows the suffix (any other suffix is decided from the content).
    The error's ``path`` names the file.
    """
    limits = DEFAULT_LIMITS if limits is None else limits
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            big = too_big(os.fstat(handle.fileno()).st_size, limits)
            if big is not None:
                raise DocumentError([big], path=name)
            data = handle.read(limits.max_bytes + 1)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        reason = getattr(exc, "strerror", None) or "the name is not a valid file name"
        raise DocumentError(
            [unreadable(f"The file cannot be read ({reason}): check the path and permissions.")],
            path=name,
        ) from None
    suffix = os.path.splitext(name)[1].lower()
    proposal, findings = _read(data, _FORMATS.get(suffix), catalogue, limits)
    if findings or proposal is None:
        raise DocumentError(findings, path=name)
    return proposal


# --------------------------------------------------------------------------- writing


def _compact(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _compact(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_compact(v) for v in value]
    return value


def unstructure(proposal: Proposal, *, compact: bool = False) -> dict[str, Any]:
    """A Proposal to a JSON-ready dict, keys in model field order.

    Every field of every object is present (``None`` as null, lists as lists, enums
    as codes, dates as ``YYYY-MM-DD``); ``compact=True`` drops nulls and empty lists,
    for files people read. ``structure(unstructure(p)) == p``.
    """
    tree: dict[str, Any] = unstructure_proposal(proposal)
    return _compact(tree) if compact else tree


def _tree(value: Any, compact: bool) -> Any:
    if isinstance(value, Proposal):
        return unstructure(value, compact=compact)
    if isinstance(value, Mapping):
        return value
    raise TypeError(
        f"expected a Proposal or a document tree (a mapping), not {type(value).__name__}"
    )


def dumps(
    value: Proposal | Mapping[str, Any], *, format: str = "yaml", compact: bool = True
) -> str:
    """A Proposal (or an already-unstructured tree) as YAML or JSON text that reads back exactly.

    ``format`` is ``"yaml"`` (default) or ``"json"``. A Proposal is unstructured
    first, with ``compact`` (default True: no nulls, no empty lists); a tree is
    written as given. ``loads(dumps(p, format=f)) == p`` for every valid Proposal.

    JSON: UTF-8 characters as themselves, a two-space indent, a final newline.
    YAML: block style, keys in model order, text of several lines in literal style
    (``|``) where that keeps it exactly (else double-quoted), dates of date fields
    bare (``2021-11-18``), and every text that psed or a YAML 1.1 reader (such as
    ``yaml.safe_load``) would read as something else quoted: ``"1e5"``, ``"0x1F"``,
    ``"yes"``, ``"No"``, ``"~"``, ``"2021-11-18"`` in a text field, ``""``.

    >>> import psed
    >>> print(psed.dumps(psed.Proposal(name="1e5", description="Yes"), compact=True), end="")
    schema_version: 1
    name: "1e5"
    description: "Yes"
    framework: psed
    status: draft
    """
    from psed._reading import writer

    if format not in ("yaml", "json"):
        raise ValueError(f"format must be 'yaml' or 'json', not {format!r}")
    tree = _tree(value, compact)
    if format == "json":
        return writer.dumps_json(tree)
    return writer.dumps_yaml(writer.prepare(tree))


def dump(
    value: Proposal | Mapping[str, Any],
    path: str | os.PathLike[str],
    *,
    compact: bool = True,
) -> None:
    """Write :func:`dumps` text to the file ``path``: JSON or YAML, as its suffix says.

    ``.json`` is JSON, ``.yaml`` and ``.yml`` YAML; the file is UTF-8 with ``\\n``
    line ends. Only that file is written (no temporary or backup file beside it); an existing
    file is replaced. Any other suffix is a ``ValueError``, raised before anything
    is written.
    """
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1].lower()
    format = _FORMATS.get(suffix)
    if format is None:
        raise ValueError(
            f"{name}: cannot tell the format from the suffix {suffix!r}; "
            "use .json, .yaml or .yml, or write psed.dumps(...) yourself"
        )
    text = dumps(value, format=format, compact=compact)
    with open(name, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
