"""How fast psed reads documents, against plain parsing and plain cattrs in the same run.

Generates 1,000 typical documents from the examples/ folder (``_corpus.py``: a fixed
seed varies names, impact rows and dates), writes each as YAML and as JSON, then times:

- YAML: ``psed.loads`` (safe parsing with limits + structural checks + structuring)
  against ``yaml.safe_load`` (PyYAML's pure-Python safe loader, what most code
  uses) and ``yaml.load(..., CSafeLoader)`` (libyaml, parsing only);
- JSON: ``psed.loads`` against ``json.loads`` (parsing only);
- trees: ``psed.structure`` against a plain cattrs converter structuring the same
  tree with no checks at all.

Run: ``.venv/bin/python benchmarks/bench_load.py [--count N] [--repeat R]``.
Prints documents per second and the ratio to each baseline (best of R runs).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import platform
import time
from collections.abc import Callable, Sequence
from typing import Any

import _corpus
import cattrs
import yaml

import psed
from psed.catalogue import BUILTIN_CHARACTERISTICS


def make_documents(count: int) -> list[dict[str, Any]]:
    """``count`` document trees generated from the examples with a fixed seed."""
    return _corpus.generated(count)


def best_rate(func: Callable[[Any], object], items: Sequence[Any], repeat: int) -> float:
    """Documents per second, best of ``repeat`` passes over ``items``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            func(item)
        best = min(best, time.perf_counter() - start)
    return len(items) / best


def plain_cattrs() -> Callable[[dict[str, Any]], psed.Proposal]:
    """cattrs structuring with no checks: dates parsed, codes looked up, nothing reported."""
    converter = cattrs.Converter()
    converter.register_structure_hook(_dt.date, lambda v, _: _dt.date.fromisoformat(v))
    converter.register_structure_hook(
        psed.Characteristic,
        lambda v, _: (
            BUILTIN_CHARACTERISTICS.get(v) or psed.Characteristic(code=v, label=v)
            if isinstance(v, str)
            else psed.Characteristic(code=v["code"], label=v["label"])
        ),
    )
    return lambda tree: converter.structure(tree, psed.Proposal)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    documents = make_documents(args.count)
    as_yaml = [yaml.safe_dump(d, sort_keys=False, allow_unicode=True) for d in documents]
    as_json = [json.dumps(d, ensure_ascii=False) for d in documents]
    for text in as_yaml[:10]:  # every generated document is valid
        psed.loads(text)
    size = sum(len(t.encode()) for t in as_yaml) / len(as_yaml)

    print(f"psed {psed.__version__}, Python {platform.python_version()}, {platform.machine()}")
    print(f"{len(documents)} documents, mean {size / 1024:.1f} KiB of YAML, best of {args.repeat}")
    rows: list[tuple[str, str, float, float]] = []

    def compare(
        group: str,
        ours: tuple[str, Callable[[Any], object]],
        items: list[Any],
        baselines: list[tuple[str, Callable[[Any], object]]],
    ) -> None:
        our_rate = best_rate(ours[1], items, args.repeat)
        print(f"\n{group}")
        print(f"  {ours[0]:<40} {our_rate:>9,.0f} docs/s")
        for name, func in baselines:
            rate = best_rate(func, items, args.repeat)
            print(f"  {name:<40} {rate:>9,.0f} docs/s   psed takes {rate / our_rate:.2f}x as long")
            rows.append((group, name, our_rate, rate))

    compare(
        "YAML text",
        ("psed.loads", psed.loads),
        as_yaml,
        [
            ("yaml.safe_load (pure Python)", yaml.safe_load),
            ("yaml.load, CSafeLoader (libyaml)", lambda t: yaml.load(t, Loader=yaml.CSafeLoader)),
        ],
    )
    compare(
        "JSON text",
        ("psed.loads", psed.loads),
        as_json,
        [("json.loads", json.loads)],
    )
    compare(
        "Parsed trees",
        ("psed.structure", psed.structure),
        documents,
        [("cattrs structure, no checks", plain_cattrs())],
    )


if __name__ == "__main__":
    main()
