"""Searching folders: order, excludes, .gitignore, streaming, and a run that finds nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from psed import cli
from psed._files import DEFAULT_EXCLUDE, Finder, discover
from psed.config import Config, ConfigError, load_config

from .conftest import AS_OF

DOC = "name: Library opening hours\n"


def tree(root: Path, *paths: str) -> Path:
    for rel in paths:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(DOC, "utf-8")
    return root


def found(root: Path, *args: str, config: Config | None = None) -> list[str]:
    paths = list(discover([str(root), *args], config))
    return [Path(p).relative_to(root).as_posix() if p != "-" else p for p in paths]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_default_excludes_skip_tool_folders_but_a_named_file_is_checked(tmp_path: Path) -> None:
    names = [f"{folder}/x.yaml" for folder in DEFAULT_EXCLUDE]
    tree(tmp_path, "a.yaml", "deep/build/b.yaml", "builder/c.yaml", *names)
    assert found(tmp_path) == ["a.yaml", "builder/c.yaml"]
    named = str(tmp_path / "build" / "x.yaml")
    assert found(tmp_path, named)[-1] == "build/x.yaml"


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(tmp_path: Path) -> None:
    tree(tmp_path, "a.yaml", "build/b.yaml", "drafts/c.yaml", "sub/drafts/d.yaml", "e.draft.yaml")
    assert found(tmp_path, config=Config(exclude=["drafts"])) == [
        "a.yaml",
        "build/b.yaml",
        "e.draft.yaml",
    ]
    assert found(tmp_path, config=Config(exclude=["/drafts"])) == [
        "a.yaml",
        "build/b.yaml",
        "e.draft.yaml",
        "sub/drafts/d.yaml",
    ]
    assert found(tmp_path, config=Config(extend_exclude=["*.draft.yaml", "drafts/"])) == ["a.yaml"]


def test_folder_options_on_the_command_line_and_in_the_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(tmp_path, "docs/a.yaml", "docs/build/b.yaml", "docs/old/c.yaml")
    (tmp_path / "docs" / ".gitignore").write_text("old/\n")
    monkeypatch.chdir(tmp_path)

    def paths(*args: str) -> list[str]:
        code, out, _ = run(capsys, "check", "docs", "--as-of", AS_OF, "--format", "json", *args)
        assert code in (0, 1, 2), out
        import json

        return [Path(f["path"]).as_posix() for f in json.loads(out)["files"]]

    assert paths() == ["docs/a.yaml"]
    assert paths("--exclude", "nothing") == ["docs/a.yaml", "docs/build/b.yaml"]
    assert paths("--no-respect-gitignore") == ["docs/a.yaml", "docs/old/c.yaml"]
    assert paths("--extend-exclude", "a.yaml") == []
    (tmp_path / "psed.toml").write_text('extend-exclude = ["a.yaml"]\nrespect-gitignore = false\n')
    assert paths() == ["docs/old/c.yaml"]
    assert load_config(tmp_path / "psed.toml").exclude == DEFAULT_EXCLUDE


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("exclude = 'build'", "exclude"),
        ('extend-exclude = ["a", "a"]', r"extend-exclude\[1\]"),
        ('respect-gitignore = "no"', "respect-gitignore"),
    ],
)
def test_configuration_folder_keys_are_checked(tmp_path: Path, text: str, key: str) -> None:
    (tmp_path / "psed.toml").write_text(text + "\n")
    with pytest.raises(ConfigError, match=key):
        load_config(tmp_path / "psed.toml")


def test_gitignore_files_apply_as_git_applies_them(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git" / "info").mkdir(parents=True)
    (repo / ".git" / "info" / "exclude").write_text("private.yaml\n")
    (repo / ".gitignore").write_text("*.tmp.yaml\nignored/\n")
    tree(
        repo,
        "docs/a.yaml",
        "docs/b.tmp.yaml",
        "docs/keep.tmp.yaml",
        "docs/ignored/c.yaml",
        "docs/private.yaml",
        "docs/sub/d.yaml",
        "docs/sub/e.yaml",
    )
    (repo / "docs" / ".gitignore").write_text("!keep.tmp.yaml\n")
    (repo / "docs" / "sub" / ".gitignore").write_text("d.yaml\n")
    docs = repo / "docs"
    finder = Finder([str(docs)])
    shown = [Path(p).relative_to(docs).as_posix() for p in finder]
    # the root .gitignore, .git/info/exclude, docs/.gitignore (a negation) and the nested one
    assert shown == ["a.yaml", "keep.tmp.yaml", "sub/e.yaml"]
    assert finder.excluded == 4
    everything = Config(respect_gitignore=False)
    assert len(found(docs, config=everything)) == 7


def test_gitignore_above_the_folder_is_read_only_inside_a_repository(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.yaml\n")
    tree(tmp_path, "docs/a.yaml")
    assert found(tmp_path / "docs") == ["a.yaml"]  # no repository: the parent file is not read
    (tmp_path / ".git").mkdir()
    assert found(tmp_path / "docs") == []


def test_discovery_is_streamed_folder_by_folder(tmp_path: Path) -> None:
    tree(tmp_path, "a/1.yaml", "b/2.yaml")
    paths = iter(discover([str(tmp_path)]))
    assert Path(next(paths)).name == "1.yaml"
    (tmp_path / "b" / "3.yaml").write_text(DOC)  # b has not been listed yet
    assert [Path(p).name for p in paths] == ["2.yaml", "3.yaml"]


def test_overlapping_arguments_give_each_file_once(tmp_path: Path) -> None:
    tree(tmp_path, "a/x.yaml", "b.yaml")
    args = [str(tmp_path / "a"), str(tmp_path / "b.yaml")]
    assert found(tmp_path, *args) == ["a/x.yaml", "b.yaml"]
    assert found(tmp_path, os.path.join(str(tmp_path), "a", "..", "b.yaml")) == [
        "a/x.yaml",
        "b.yaml",
    ]
    assert list(discover(["-", "-"])) == ["-"]


def test_a_run_that_finds_nothing_is_a_usage_error_naming_where_it_looked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run(capsys, "check", str(empty))
    assert code == 2
    assert out.startswith("0 files checked")
    assert err.startswith(f"psed check: error: no assessment found in {empty} (")
    tree(tmp_path, "built/build/x.yaml", "built/notes.txt")
    code, _, err = run(capsys, "check", str(tmp_path / "built"))
    assert code == 2
    assert "1 skipped by exclude patterns or .gitignore" in err


def test_quiet_and_statistics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree(tmp_path, "a.yaml", "b.yaml")
    code, out, _ = run(capsys, "check", str(tmp_path), "--as-of", AS_OF, "--quiet")
    assert code == 0
    assert len(out.splitlines()) == 1
    assert out.startswith("2 files checked: 0 errors, 0 warnings, ")
    code, out, _ = run(capsys, "check", str(tmp_path), "--as-of", AS_OF, "-q", "--statistics")
    lines = out.splitlines()
    assert lines[0].split() == ["findings", "files", "code", "rule"]
    rows = [line.split() for line in lines[1:-1]]
    assert ["18", "2", "PSED101", "characteristic-not-assessed"] in rows  # nine missing, twice
    assert lines[-1].startswith("2 files checked")
    code, out, _ = run(capsys, "check", str(tmp_path), "--as-of", AS_OF, "--statistics")
    findings = sum(int(row[0]) for row in rows)
    assert len(out.splitlines()) == findings + len(lines)
    code, _, err = run(capsys, "check", str(tmp_path), "--quiet", "--format", "json")
    assert code == 2
    assert "text format only" in err
