"""Benchmark of start-up: ``import psed`` against importing the libraries psed is built on.

Each import runs in a fresh interpreter (``python -c ...``), many times; the best time
counts, less the time of an interpreter that imports nothing. It prints each import's
milliseconds and the ratio to the anchor, ``import attrs, cattrs, yaml`` (psed's own
dependencies):

- ``import psed``: the package, whose public names are loaded when first used;
- ``psed.validate`` touched: everything a check needs (the model, the reader, every
  rule), the real cost of a first check;
- ``psed --version`` and ``psed --help``: the command's quickest paths.

Usage::

    .venv/bin/python benchmarks/bench_import.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import psed

PSED = str(Path(sys.executable).parent / "psed")


def best(command: list[str], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``command``, in seconds."""
    fastest = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    python = [sys.executable, "-c"]
    runs = {
        "nothing (python -c pass)": [*python, "pass"],
        "anchor: import attrs, cattrs, yaml": [*python, "import attrs, cattrs, yaml"],
        "import psed": [*python, "import psed"],
        "import psed; psed.validate (first check)": [*python, "import psed; psed.validate"],
        "psed --version": [PSED, "--version"],
        "psed --help": [PSED, "--help"],
    }
    # interleave the runs so that a change of load on the machine touches them all alike
    times = dict.fromkeys(runs, float("inf"))
    for _ in range(args.repeat):
        for name, command in runs.items():
            times[name] = min(times[name], best(command, 1))
    bare = times.pop("nothing (python -c pass)")
    anchor = times["anchor: import attrs, cattrs, yaml"] - bare
    print(f"psed {psed.__version__}; Python {sys.version.split()[0]}; best of {args.repeat}")
    print(f"  interpreter start-up, subtracted from each: {bare * 1000:.1f} ms")
    for name, seconds in times.items():
        cost = seconds - bare
        print(f"  {name:<44} {cost * 1000:>7.1f} ms  {cost / anchor:>5.2f}x the anchor")
    ratio = (times["import psed"] - bare) / anchor
    verdict = "met" if ratio <= 2.5 else "NOT met"
    print(f"target: import psed at most 2.5x the anchor: {verdict} ({ratio:.2f}x)")


if __name__ == "__main__":
    main()
