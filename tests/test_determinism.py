"""Same input, same as_of: byte-identical reports, whatever the hash seed or the run.

Python randomises the order of sets of strings per process (PYTHONHASHSEED); a
report that iterated a set would differ from run to run. Each output is produced in
fresh processes with different seeds (and with worker processes) and compared byte
for byte.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ("0", "1", "12345")
# The examples, the hostile corpus (every structural code, unreadable files) and the
# rule fixtures (every rule fires somewhere).
TARGETS = ["examples", "tests/hostile/corpus", "tests/rules/fixtures"]
AS_OF = "2026-11-26"


def _psed() -> str:
    return str(Path(sys.executable).with_name("psed"))


def _run(args: list[str], seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1"}
    result = subprocess.run(args, capture_output=True, cwd=ROOT, env=env, timeout=180, check=False)
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    assert result.returncode in (0, 1, 2), result.stderr.decode(errors="replace")
    return result.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["check", *TARGETS, "--format", "json", "--as-of", AS_OF],
        ["check", *TARGETS, "--format", "sarif", "--as-of", AS_OF],
        ["check", *TARGETS, "--format", "text", "--as-of", AS_OF],
        ["check", *TARGETS, "--format", "junit", "--as-of", AS_OF],
        ["check", *TARGETS, "--format", "github", "--as-of", AS_OF],
        ["audit", *TARGETS, "--format", "csv", "--as-of", AS_OF],
        ["audit", *TARGETS, "--format", "json", "--as-of", AS_OF],
    ],
    ids=[
        "check-json",
        "check-sarif",
        "check-text",
        "check-junit",
        "check-github",
        "audit-csv",
        "audit-json",
    ],
)
def test_command_output_is_byte_identical_across_hash_seeds(command: list[str]) -> None:
    outputs = {seed: _run([_psed(), *command], seed) for seed in SEEDS}
    outputs["jobs"] = _run([_psed(), *command, "--jobs", "2"], "99")
    first = outputs["0"]
    assert first.strip()
    for seed, output in outputs.items():
        assert output == first, f"output differs with PYTHONHASHSEED={seed}"


_DUMP = textwrap.dedent(
    """
    import datetime, json, sys
    from pathlib import Path
    import psed

    as_of = datetime.date(2026, 11, 26)
    out = []
    for name in sys.argv[1:]:
        for path in sorted(Path(name).rglob("*")):
            if path.suffix in (".json", ".yaml", ".yml"):
                report = psed.validate(path.read_bytes(), as_of=as_of)
                out.append(json.dumps(report.to_dict(), sort_keys=False, ensure_ascii=False))
    sys.stdout.buffer.write("\\n".join(out).encode("utf-8", "backslashreplace"))
    """
)


def test_report_to_dict_is_byte_identical_across_hash_seeds() -> None:
    outputs = {seed: _run([sys.executable, "-c", _DUMP, *TARGETS], seed) for seed in SEEDS}
    assert outputs["0"].count(b"\n") > 50
    assert outputs["1"] == outputs["0"]
    assert outputs["12345"] == outputs["0"]
