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

import attrs
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
    assert harness.guarded(path.read_bytes(), 10, harness.mode_of(path)) is None


@pytest.mark.parametrize("mode", ["mapping", "config"])
def test_a_short_run_of_each_other_mode_finds_nothing(
    harness: ModuleType, tmp_path: Path, mode: str
) -> None:
    summary = harness.run_random(seconds=3, seed=20261202, out=tmp_path, timeout=10, mode=mode)
    assert summary["executions"] >= 1  # a recipe may build a million keys
    assert summary["failures"] == [], summary["failures"]


def _depth(value: object) -> int:
    """How deep lists and mappings go, without recursion (a cycle counts once)."""
    deepest, seen, todo = 0, set(), [(value, 0)]
    while todo:
        node, level = todo.pop()
        deepest = max(deepest, level)
        if isinstance(node, (dict, list)) and id(node) not in seen:
            seen.add(id(node))
            todo.extend((v, level + 1) for v in (node.values() if isinstance(node, dict) else node))
    return deepest


def test_the_mapping_mode_builds_huge_widths_and_depths(harness: ModuleType) -> None:
    built = [harness.build_mapping(seed) for seed in harness.mode_seeds("mapping")]
    mappings = [m for m in built if isinstance(m, dict)]
    widest = max(len(v) for m in mappings for v in m.values() if isinstance(v, (dict, list)))
    assert widest >= 100_001
    assert max(_depth(m) for m in mappings) >= 10_000
    assert any(any(v is m for v in m.values()) for m in mappings)  # one holds itself


def test_each_mode_catches_what_it_should(
    harness: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report past the bound, and a template that reads as approved, are failures."""
    real = harness.psed.validate
    from psed.rules.report import MAX_FINDINGS

    def unbounded(*args: object, **kwargs: object) -> object:
        report = real(*args, **kwargs)
        more = report.findings * (MAX_FINDINGS + 1)
        return attrs.evolve(report, findings=more[: MAX_FINDINGS + 1])

    with monkeypatch.context() as patch:
        patch.setattr(harness.psed, "validate", unbounded)
        kind, detail = harness.guarded(b"", 10, "mapping")
    assert kind == "property"
    assert "a report of 1001 findings" in detail

    import psed.output.template

    def approved(framework: object, *, status: str = "draft") -> str:
        return f"name: x\nframework: {framework.id}\nstatus: approved\n"  # type: ignore[attr-defined]

    monkeypatch.setattr(psed.output.template, "new_document", approved)
    kind, detail = harness.guarded(b"T", 10, "config")
    assert kind == "property"
    assert "reads as" in detail
    assert "'approved'" in detail


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
