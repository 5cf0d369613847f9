"""The pre-commit hook and the GitHub Actions workflow the docs offer run real commands."""

from __future__ import annotations

import re
import shlex
from typing import Any

import yaml

from psed import cli

from .conftest import ROOT


def parses(command: str) -> None:
    """``command`` (``psed ...``, shell redirections left out) is a valid psed command line."""
    words = shlex.split(command.split(">")[0].split("||")[0])
    assert words[0] == "psed", command
    args = cli.build_parser().parse_args(words[1:])
    assert args.handler is not None


def test_the_pre_commit_hook_runs_psed_check_on_the_files_it_is_given() -> None:
    hooks: list[dict[str, Any]] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (hook,) = hooks
    assert hook["id"] == "psed-check"
    assert hook["language"] == "python"
    assert set(hook["types_or"]) == {"yaml", "json"}
    parses(hook["entry"] + " assessments/a.yaml assessments/b.json")


def test_the_documented_workflow_uploads_the_sarif_it_writes() -> None:
    text = (ROOT / "docs" / "ci" / "github-code-scanning.yml").read_text("utf-8")
    workflow: dict[Any, Any] = yaml.safe_load(text)
    assert workflow["permissions"]["security-events"] == "write"
    (job,) = workflow["jobs"].values()
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    commands = re.findall(r"^\s*(psed .+)$", runs, flags=re.M)
    assert commands
    for command in commands:
        parses(command)
    written = re.search(r"--format sarif > (\S+)", runs)
    assert written is not None
    upload = next(s for s in job["steps"] if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == written[1]
    assert '--8<-- "docs/ci/github-code-scanning.yml"' in (ROOT / "docs" / "cli.md").read_text()
