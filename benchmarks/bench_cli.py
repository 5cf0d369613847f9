"""Benchmark of the ``psed`` command over a large portfolio, against named alternatives.

Generates realistic documents (variations of the examples/ assessments: names,
details, impacts, dates and sign-offs changed at random, seeded) as JSON and as YAML
in a temporary folder, then times, each in a fresh process:

- ``psed check DIR --format json`` and ``psed audit DIR --format csv`` with
  ``--jobs 1`` and ``--jobs 2``, output to /dev/null;
- alternative A, "json.load loop": one Python process that only reads and parses
  every file (``json.load`` / ``yaml.safe_load`` with libyaml): the floor of any
  checker written in Python;
- alternative B, "jsonschema validate": one Python process that parses every file
  and validates it against ``psed.json_schema()`` with ``jsonschema`` (what a
  check-jsonschema style pipeline does; structural checks only, no rules).

It prints documents per second, CPU milliseconds per document (all processes of the
run: a figure that other load on the machine barely changes), the ratio to each
alternative, and the peak resident
memory of the largest process of each run (``ru_maxrss`` of the run's process tree,
measured in a wrapper process so that runs do not mask each other), and the load
average before and after each portfolio (on a shared machine, documents per second
depend on it; CPU per document and the ratios much less). Sizes 1,000 and 10,000 show
whether memory stays flat as the number of files grows.

Usage::

    .venv/bin/python benchmarks/bench_cli.py            # 1,000 and 10,000 documents
    .venv/bin/python benchmarks/bench_cli.py --sizes 500 --formats json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

import psed

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PSED = str(Path(sys.executable).parent / "psed")
AS_OF = "2026-11-26"

_WRAPPER = """
import resource, subprocess, sys, time
start = time.perf_counter()
with open("/dev/null", "wb") as sink:
    code = subprocess.run(sys.argv[1:], stdout=sink, stderr=subprocess.PIPE).returncode
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{elapsed} {usage.ru_maxrss} {code} {usage.ru_utime + usage.ru_stime}")
"""

_PARSE_ONLY = """
import json, sys, yaml
from pathlib import Path
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
for path in sorted(Path(sys.argv[1]).rglob("*")):
    if path.suffix == ".json":
        with open(path, "rb") as f:
            json.load(f)
    elif path.suffix in (".yaml", ".yml"):
        with open(path, "rb") as f:
            yaml.load(f, Loader=loader)
"""

_JSONSCHEMA = """
import json, sys, yaml
from pathlib import Path
import jsonschema, psed
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
validator = jsonschema.Draft202012Validator(psed.json_schema())
invalid = 0
for path in sorted(Path(sys.argv[1]).rglob("*")):
    if path.suffix == ".json":
        with open(path, "rb") as f:
            data = json.load(f)
    elif path.suffix in (".yaml", ".yml"):
        with open(path, "rb") as f:
            data = yaml.load(f, Loader=loader)
    else:
        continue
    invalid += not validator.is_valid(data)
"""

_WORDS = (  # noqa: SIM905 - a sentence reads better than a list of words
    "older residents may find the online service harder to use and some will need help "
    "from the contact centre the proposal improves access for disabled customers through "
    "accessible forms evidence from the customer survey shows no difference between groups "
    "staff will monitor take-up by age band and report to the equality board each quarter"
).split()

_IMPACTS = ("positive", "negative", "mixed", "neutral", "not_applicable", "unknown")


def _sentence(rng: random.Random, low: int = 6, high: int = 30) -> str:
    words = rng.choices(_WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


def _variant(base: dict[str, Any], rng: random.Random, index: int) -> dict[str, Any]:
    doc = json.loads(json.dumps(base, default=str))
    doc["id"] = f"EIA-{index:06d}"
    doc["name"] = f"{doc['name']} ({index})"
    doc["description"] = _sentence(rng, 20, 60)
    for entry in doc.get("impacts", []):
        entry["impact"] = rng.choice(_IMPACTS)
        entry["details"] = rng.choice([_sentence(rng), _sentence(rng), "N/A", None])
    if rng.random() < 0.3:
        doc["review_date"] = None
    if rng.random() < 0.2:
        doc["approver"] = None
    return {k: v for k, v in doc.items() if v is not None}


def generate(folder: Path, count: int, fmt: str, seed: int = 2026) -> None:
    """Write ``count`` documents in ``fmt`` (json or yaml) into ``folder``, in subfolders."""
    rng = random.Random(seed)
    bases = [
        psed.unstructure(psed.load(path), compact=True) for path in sorted(EXAMPLES.glob("*.yaml"))
    ]
    for index in range(count):
        doc = _variant(bases[index % len(bases)], rng, index)
        sub = folder / f"dept-{index % 20:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        if fmt == "json":
            (sub / f"eia-{index:06d}.json").write_text(json.dumps(doc, indent=2), "utf-8")
        else:
            text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
            (sub / f"eia-{index:06d}.yaml").write_text(text, "utf-8")


def measure(command: list[str]) -> tuple[float, float, int, float]:
    """(seconds, peak MiB of the largest process, exit code, CPU seconds) of one fresh run."""
    out = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024, int(out[2]), float(out[3])


def load_average() -> str:
    """The 1-minute load average, or "n/a" where the platform has none."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):
        return "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--formats", nargs="+", default=["json", "yaml"])
    args = parser.parse_args()
    print(f"psed {psed.__version__}; Python {sys.version.split()[0]}; {PSED}")
    header = (
        f"{'docs':>6} {'fmt':<4} {'run':<26} {'seconds':>8} {'docs/s':>7} "
        f"{'CPU ms/doc':>10} {'peak MiB':>9}"
    )
    print(header)
    print("-" * len(header))
    for size in args.sizes:
        for fmt in args.formats:
            folder = Path(tempfile.mkdtemp(prefix=f"psed-bench-{fmt}-"))
            try:
                generate(folder, size, fmt)
                runs: dict[str, list[str]] = {
                    "A: json.load loop": [sys.executable, "-c", _PARSE_ONLY, str(folder)],
                    "B: jsonschema validate": [sys.executable, "-c", _JSONSCHEMA, str(folder)],
                }
                for jobs in ("1", "2"):
                    base = ["--as-of", AS_OF, "--jobs", jobs]
                    runs[f"psed check --jobs {jobs}"] = [
                        PSED,
                        "check",
                        str(folder),
                        "--format",
                        "json",
                        *base,
                    ]
                    runs[f"psed audit --jobs {jobs}"] = [
                        PSED,
                        "audit",
                        str(folder),
                        "--format",
                        "csv",
                        *base,
                    ]
                rates: dict[str, float] = {}
                print(f"{'':>6} {fmt:<4} load average (1 min) before: {load_average()}")
                for name, command in runs.items():
                    seconds, peak, code, cpu = measure(command)
                    if name.startswith("psed") and code not in (0, 1, 2):
                        raise SystemExit(f"{name} failed with exit code {code}")
                    rates[name] = size / seconds
                    print(
                        f"{size:>6} {fmt:<4} {name:<26} {seconds:>8.2f} {rates[name]:>7.0f} "
                        f"{cpu / size * 1000:>10.2f} {peak:>9.1f}"
                    )
                best = rates["psed check --jobs 2"]
                versus_a = best / rates["A: json.load loop"]
                versus_b = best / rates["B: jsonschema validate"]
                versus_1 = best / rates["psed check --jobs 1"]
                print(
                    f"{'':>6} {fmt:<4} psed check --jobs 2 vs A: {versus_a:.2f}x, "
                    f"vs B: {versus_b:.2f}x; --jobs 2 vs 1: {versus_1:.2f}x; "
                    f"load average after: {load_average()}"
                )
            finally:
                shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
