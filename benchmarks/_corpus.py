"""The documents the benchmarks run on: the examples, and variations of them made with a seed.

A generated document is an example with its name, id, description, impact rows
(kept, dropped, re-rated, details rewritten or blanked), review date and sign-offs
varied at random, so that the rules find a realistic mix of problems (about 15
findings a document). The same seed gives the same documents on every machine.
"""

from __future__ import annotations

import copy
import datetime as _dt
import json
import random
from pathlib import Path
from typing import Any

import yaml

import psed

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
AS_OF = _dt.date(2026, 11, 26)

_WORDS = (  # noqa: SIM905 - a sentence reads better than a list of words
    "older residents may find the online service harder to use and some will need help "
    "from the contact centre the proposal improves access for disabled customers through "
    "accessible forms evidence from the customer survey shows no difference between groups "
    "staff will monitor take-up by age band and report to the equality board each quarter"
).split()

_IMPACTS = ("positive", "negative", "mixed", "neutral", "not_applicable", "unknown")


def examples() -> list[dict[str, Any]]:
    """The example assessments as JSON-ready trees (defaults left out), in name order."""
    return [
        psed.unstructure(psed.load(path), compact=True) for path in sorted(EXAMPLES.glob("*.yaml"))
    ]


def _sentence(rng: random.Random, low: int = 6, high: int = 30) -> str:
    return " ".join(rng.choices(_WORDS, k=rng.randint(low, high))).capitalize() + "."


def _variant(base: dict[str, Any], rng: random.Random, index: int) -> dict[str, Any]:
    doc = copy.deepcopy(base)
    doc["id"] = f"EIA-{index:06d}"
    doc["name"] = f"{doc['name']} ({index})"
    doc["description"] = _sentence(rng, 20, 60)
    impacts = doc.get("impacts", [])
    if impacts:
        keep = rng.randint(max(1, len(impacts) - 3), len(impacts))
        doc["impacts"] = rng.sample(impacts, keep)
    for entry in doc.get("impacts", []):
        entry["impact"] = rng.choice(_IMPACTS)
        entry["details"] = rng.choice([_sentence(rng), _sentence(rng), "N/A", None])
    review = _dt.date(2022, 1, 1) + _dt.timedelta(days=rng.randrange(1500))
    doc["review_date"] = review.isoformat()
    if rng.random() < 0.3:
        doc["review_date"] = None
    if rng.random() < 0.2:
        doc["approver"] = None
    return _without_nulls(doc)


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def generated(count: int, seed: int = 20261126) -> list[dict[str, Any]]:
    """``count`` varied documents, cycling through the examples."""
    rng = random.Random(seed)
    bases = examples()
    return [_variant(bases[index % len(bases)], rng, index) for index in range(count)]


def as_json(document: dict[str, Any], *, indent: int | None = None) -> str:
    return json.dumps(document, ensure_ascii=False, indent=indent)


def as_yaml(document: dict[str, Any]) -> str:
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)


def write_folder(folder: Path, count: int, fmt: str, *, per_folder: int = 500) -> None:
    """Write ``count`` generated documents as ``fmt`` (json or yaml) into sub-folders."""
    documents = generated(min(count, 2000))  # then repeated with new ids: writing stays quick
    for index in range(count):
        document = dict(documents[index % len(documents)], id=f"EIA-{index:07d}")
        sub = folder / f"dept-{index // per_folder:04d}"
        if index % per_folder == 0:
            sub.mkdir(parents=True, exist_ok=True)
        if fmt == "json":
            (sub / f"eia-{index:07d}.json").write_text(as_json(document, indent=2), "utf-8")
        else:
            (sub / f"eia-{index:07d}.yaml").write_text(as_yaml(document), "utf-8")
