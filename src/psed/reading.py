"""Reading and writing documents: JSON/YAML text or trees to Proposals and back.

Three layers, each usable on its own:

- parsing (:func:`loads`, :func:`load`): text or a file to a plain tree, safely
  and within :class:`Limits` (PSED001 for anything unreadable);
- structural checking (:func:`read`, :func:`structure`): a tree to a
  :class:`~psed.model.Proposal`, every problem reported at once (PSED002-PSED007);
- writing (:func:`unstructure`, :func:`dumps`, :func:`dump`): a Proposal to a
  JSON-ready tree, and to JSON or YAML text that reads back exactly.

Structuring and unstructuring go through one module-level cattrs ``Converter``
whose hooks know the document conventions: dates as ``YYYY-MM-DD``, enumerations
as their codes, an impact entry's characteristic as its code, and a document's own
``characteristics`` as ``{code, label, description}``.
"""

from __future__ import annotations

import datetime as _dt
import enum
import os
from collections.abc import Mapping
from typing import Any

import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from psed._fields import CLASS_SPECS, Kind
from psed._parse import DEFAULT_LIMITS, Limits, decode, parse_text, too_big
from psed._structural import document_characteristic, structural_finding, walk
from psed.catalogue import Catalogue, default_catalogue
from psed.findings import Finding
from psed.model import Characteristic, ImpactEntry, Intersection, Proposal

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

    ``path`` is the file it came from, when it came from :func:`load`.
    """

    def __init__(self, findings: list[Finding] | tuple[Finding, ...], path: str | None = None):
        self.findings = tuple(findings)
        self.path = path
        super().__init__("; ".join(f"{f.pointer or '/'}: {f.message}" for f in self.findings))


# --------------------------------------------------------------------------- converter


def _structure_date(value: Any, _type: Any) -> _dt.date:
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(value)


def _structure_characteristic(value: Any, _type: Any) -> Characteristic:
    if isinstance(value, Characteristic):
        return value
    return document_characteristic(value["code"], value["label"], value.get("description"))


def _unstructure_characteristic(value: Characteristic) -> dict[str, Any]:
    return {"code": value.code, "label": value.label, "description": value.description}


def _enum_code(member: enum.Enum) -> Any:
    return member.value


def _enum_member(value: Any, tp: type[enum.Enum]) -> enum.Enum:
    return tp(value)


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(unstruct_collection_overrides={tuple: list})
    # Our enums are also ``str``, which cattrs would pass through as members (a YAML
    # writer cannot represent them): register each one by class, ahead of ``str``.
    enums = {f.enum for spec in CLASS_SPECS.values() for f in spec.fields if f.enum is not None}
    for enum_cls in enums:
        converter.register_unstructure_hook(enum_cls, _enum_code)
        converter.register_structure_hook(enum_cls, _enum_member)
    converter.register_structure_hook(_dt.date, _structure_date)
    converter.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    converter.register_structure_hook(Characteristic, _structure_characteristic)
    converter.register_unstructure_hook(Characteristic, _unstructure_characteristic)
    converter.register_unstructure_hook(
        ImpactEntry,
        make_dict_unstructure_fn(
            ImpactEntry,
            converter,
            characteristic=override(unstruct_hook=lambda c: c.code),
        ),
    )
    converter.register_unstructure_hook(
        Intersection,
        make_dict_unstructure_fn(
            Intersection,
            converter,
            characteristics=override(unstruct_hook=lambda cs: [c.code for c in cs]),
        ),
    )
    return converter


_CONVERTER = _make_converter()
_structure_proposal = _CONVERTER.get_structure_hook(Proposal)
_unstructure_proposal = _CONVERTER.get_unstructure_hook(Proposal)


# --------------------------------------------------------------------------- reading


def _parse(
    payload: str | bytes, format: str | None, limits: Limits
) -> tuple[Any, list[Finding], bool]:
    if isinstance(payload, bytes):
        big = too_big(len(payload), limits)
        if big is not None:
            return None, [big], False
        text = decode(payload)
        if isinstance(text, Finding):
            return None, [text], False
    else:
        text = payload
    parsed = parse_text(text, format=format, limits=limits)
    return parsed.tree, parsed.findings, parsed.ok


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
    document is not a mapping at all (or cannot be parsed).

    >>> import psed
    >>> proposal, findings = psed.read({"name": "Library hours", "status": "final"})
    >>> proposal.status.value, findings[0].code, findings[0].pointer
    ('draft', 'PSED004', '/status')
    """
    limits = DEFAULT_LIMITS if limits is None else limits
    findings: list[Finding] = []
    if isinstance(payload, (str, bytes)):
        payload, findings, ok = _parse(payload, None, limits)
        if not ok:
            return None, findings
    if not isinstance(payload, Mapping):
        kind = "empty (null)" if payload is None else type(payload).__name__
        return None, [
            structural_finding(
                "PSED001",
                "",
                f"the document is {kind}; the document must be a mapping with at least `name`",
            )
        ]
    cleaned, problems = walk(payload, default_catalogue() if catalogue is None else catalogue)
    # A value the parser refused (NaN, a huge number, half a character) is null here: a
    # "required but empty" about the same place would report one mistake twice.
    refused = {f.pointer for f in findings}
    findings.extend(p for p in problems if not (p.code == "PSED002" and p.pointer in refused))
    try:
        proposal = _structure_proposal(cleaned, Proposal)
    except Exception as exc:  # pragma: no cover - the walker leaves nothing to fail on
        findings.append(
            structural_finding("PSED001", "", f"the document could not be structured: {exc}")
        )
        return None, findings
    return proposal, findings


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

    ``format`` is ``"json"``, ``"yaml"`` or None to guess (JSON when the text is a
    JSON object, YAML otherwise).
    """
    if format not in (None, "json", "yaml"):
        raise ValueError(f"format must be 'json', 'yaml' or None, not {format!r}")
    limits = DEFAULT_LIMITS if limits is None else limits
    tree, findings, ok = _parse(text, format, limits)
    if not ok:
        raise DocumentError(findings)
    proposal, problems = read(tree, catalogue=catalogue, limits=limits)
    findings.extend(problems)
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

    The format follows the suffix (any other suffix is guessed from the content).
    The error's ``path`` names the file.
    """
    limits = DEFAULT_LIMITS if limits is None else limits
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            big = too_big(size, limits)
            if big is not None:
                raise DocumentError([big], path=name)
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise DocumentError(
            [
                structural_finding(
                    "PSED001",
                    "",
                    f"{name}: the file cannot be read ({reason}); check the path and permissions",
                )
            ],
            path=name,
        ) from None
    suffix = os.path.splitext(name)[1].lower()
    try:
        return loads(data, format=_FORMATS.get(suffix), catalogue=catalogue, limits=limits)
    except DocumentError as exc:
        raise DocumentError(exc.findings, path=name) from None


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
    tree: dict[str, Any] = _unstructure_proposal(proposal)
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
    from psed import _dump

    if format not in ("yaml", "json"):
        raise ValueError(f"format must be 'yaml' or 'json', not {format!r}")
    tree = _tree(value, compact)
    if format == "json":
        return _dump.dumps_json(tree)
    return _dump.dumps_yaml(_dump.prepare(tree))


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


# The converter writes a characteristic as its code in exactly these two places.
assert {
    spec.cls
    for spec in CLASS_SPECS.values()
    for f in spec.fields
    if Kind.CHARACTERISTIC_REF in (f.kind, f.item and f.item.kind)
} == {ImpactEntry, Intersection}
