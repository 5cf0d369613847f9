"""The reading limits: each one is a PSED001 with its line, and each can be raised."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import psed
from psed.reading import Limits


def _codes(report: psed.Report) -> list[tuple[str, str]]:
    return [(f.code, f.pointer) for f in report.findings if f.code < "PSED100"]


@pytest.mark.parametrize(
    ("text", "limits"),
    [
        ("name: x\ndescription: [[[[1]]]]\n", Limits(max_depth=3)),
        ('{"name": "x", "description": [[[[1]]]]}', Limits(max_depth=3)),
        ("name: x\n" + "".join(f"k{i}: {i}\n" for i in range(10)), Limits(max_values=10)),
        (json.dumps({"name": "x", **{f"k{i}": i for i in range(10)}}), Limits(max_values=10)),
        ("a: &a [1, 2, 3]\nb: [*a, *a, *a, *a]\nname: x\n", Limits(max_alias_nodes=10)),
        ("name: " + "x" * 200 + "\n", Limits(max_bytes=100)),
    ],
    ids=["depth-yaml", "depth-json", "values-yaml", "values-json", "aliases", "bytes"],
)
def test_each_limit_is_psed001_and_can_be_raised(text: str, limits: Limits) -> None:
    report = psed.validate(text, config=psed.Config(limits=limits))
    assert _codes(report) == [("PSED001", "")]
    assert "raise the limit" in report.findings[0].message
    generous = Limits(max_depth=100, max_values=1000, max_alias_nodes=1000, max_bytes=10_000)
    assert ("PSED001", "") not in _codes(psed.validate(text, config=psed.Config(limits=generous)))


def test_values_are_counted_the_same_in_json_and_yaml() -> None:
    document = {"name": "x", "impacts": [{"characteristic": "age", "details": "d"} for _ in "abc"]}
    as_json, as_yaml = json.dumps(document), psed_yaml(document)
    # root, name, "x", impacts, the list, 3 x (entry, 2 keys, 2 values) = 20 values
    for text in (as_json, as_yaml):
        assert not _codes(psed.validate(text, config=psed.Config(limits=Limits(max_values=20))))
        over = psed.validate(text, config=psed.Config(limits=Limits(max_values=19)))
        assert _codes(over) == [("PSED001", "")]


def psed_yaml(document: object) -> str:
    import yaml

    return yaml.safe_dump(document, sort_keys=False)


def test_the_configuration_file_sets_the_limits_of_psed_check(tmp_path: Path) -> None:
    (tmp_path / "psed.toml").write_text("max-values = 5\nmax-alias-nodes = 3\n")
    (tmp_path / "doc.yaml").write_text("name: x\nid: a\ndescription: b\n")
    psed_exe = str(Path(sys.executable).with_name("psed"))
    result = subprocess.run(
        [psed_exe, "check", "doc.yaml", "--as-of", "2026-11-26"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "doc.yaml:3:1: /: PSED001" in result.stdout
    assert "more than 5 values" in result.stdout
    (tmp_path / "psed.toml").write_text("max-values = 0\n")
    result = subprocess.run(
        [psed_exe, "check", "doc.yaml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "max-values" in result.stderr
    assert "Traceback" not in result.stderr
