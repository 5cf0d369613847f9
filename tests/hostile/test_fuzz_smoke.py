"""A few seconds of the fuzzing harness in CI; the long run is ``fuzz/fuzz_validate.py``.

``python fuzz/fuzz_validate.py --minutes 30`` fuzzes for half an hour (with atheris
when it is installed, ``pip install -e '.[fuzz]'``); this smoke run uses the harness's
own mutation fuzzer with a fixed seed, so it is repeatable, and replays every input
in the corpus and in ``fuzz_regressions/`` (inputs a fuzzing run once found).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
REGRESSIONS = Path(__file__).parent / "fuzz_regressions"


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "fuzz_validate", ROOT / "fuzz" / "fuzz_validate.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fuzz_validate", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def harness() -> ModuleType:
    module = _harness()
    module._import_psed()
    return module


def test_a_short_fuzzing_run_finds_nothing(harness: ModuleType, tmp_path: Path) -> None:
    summary = harness.run_random(seconds=3, seed=20261126, out=tmp_path, timeout=10)
    assert summary["executions"] > 20
    assert summary["failures"] == [], summary["failures"]


def _inputs() -> list[Path]:
    files = sorted((Path(__file__).parent / "corpus").iterdir())
    if REGRESSIONS.is_dir():
        files += sorted(p for p in REGRESSIONS.iterdir() if p.is_file())
    return files


@pytest.mark.parametrize("path", _inputs(), ids=lambda p: p.name)
def test_every_corpus_and_regression_input_passes_the_harness(
    harness: ModuleType, path: Path
) -> None:
    assert harness.guarded(path.read_bytes(), 10) is None


def test_the_harness_catches_what_it_should(
    harness: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The harness is not a test that cannot fail: a broken validate is caught."""

    def broken(*_args: object, **_kwargs: object) -> object:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(harness.psed, "validate", broken)
    kind, detail = harness.guarded(b"name: x\n", 10)
    assert kind == "crash"
    assert "ZeroDivisionError" in detail
