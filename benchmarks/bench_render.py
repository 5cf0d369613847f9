"""Benchmark: rendering documents to HTML (and Markdown), against validating the same documents.

In one run, on the same N documents (default 1,000: the example assessments, each
renamed so that no two are equal), times:

- ``psed.render(proposal, format="html")``: the layout and the Jinja2 template;
- ``psed.render(proposal, format="md")``;
- ``psed.validate(tree)`` of each document's tree: reading, structural checks and
  every rule (the check a publishing pipeline runs before it renders);

and prints for each the documents per second (wall clock) and the CPU time per
document (``time.process_time``, which other load on a shared machine barely
changes), with the ratio of rendering to validating, and the load average before and
after. Run from the repository root::

    .venv/bin/python benchmarks/bench_render.py [--documents N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

import psed
from psed.model import Proposal

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2026, 11, 26)


def documents(count: int) -> list[Proposal]:
    """``count`` documents: the examples in turn, each with its own name."""
    examples = [psed.load(path) for path in sorted((ROOT / "examples").glob("*.yaml"))]
    return [
        attrs.evolve(examples[i % len(examples)], name=f"{examples[i % len(examples)].name} {i}")
        for i in range(count)
    ]


def _time(work: Callable[[Any], object], items: Sequence[Any]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) to run ``work`` on every item once."""
    work(items[0])  # templates compiled, modules imported: not part of the measure
    wall, cpu = time.perf_counter(), time.process_time()
    for item in items:
        work(item)
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000, help="how many (default 1000)")
    args = parser.parse_args(argv)
    proposals = documents(args.documents)
    trees = [psed.unstructure(p) for p in proposals]
    load_before = os.getloadavg()
    runs = {
        "render html": _time(lambda p: psed.render(p, format="html"), proposals),
        "render md": _time(lambda p: psed.render(p, format="md"), proposals),
        "validate": _time(lambda t: psed.validate(t, as_of=AS_OF), trees),
    }
    load_after = os.getloadavg()
    n = len(proposals)
    _, validate_cpu = runs["validate"]
    print(f"{n:,} documents (the {len({p.framework for p in proposals})} example frameworks)")
    print(f"{'':12} {'docs/s':>9} {'ms CPU/doc':>11} {'CPU vs validate':>16}")
    for name, (wall, cpu) in runs.items():
        print(f"{name:12} {n / wall:9,.0f} {1000 * cpu / n:11.3f} {cpu / validate_cpu:15.2f}x")
    print(f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after (2 cores)")


if __name__ == "__main__":
    main()
