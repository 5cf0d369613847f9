"""The documentation site builds with ``mkdocs build --strict`` and shows every rule and command."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from docs_pages import DOCS, MKDOCS_YML, ROOT

CLI_COMMANDS = ("check", "rules", "explain", "schema", "new", "audit")


def _nav_pages(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node] if node.endswith(".md") else []
    if isinstance(node, list):
        return [page for item in node for page in _nav_pages(item)]
    if isinstance(node, dict):
        return [page for value in node.values() for page in _nav_pages(value)]
    return []


def test_every_page_is_in_the_navigation() -> None:
    nav = _nav_pages(yaml.safe_load(MKDOCS_YML.read_text())["nav"])
    on_disk = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    assert sorted(set(on_disk) - set(nav)) == [], "add these pages to nav in mkdocs.yml"
    # Every page once pending (scripts/mkdocs_hooks.py) is written now: the hook would
    # silently leave a deleted one out of the site, so the navigation must name only
    # pages that exist.
    assert sorted(set(nav) - set(on_disk)) == [], "nav names missing pages"


def test_pending_pages_are_left_out_until_they_exist(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from mkdocs_hooks import _prune
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    (tmp_path / "forms.md").write_text("# Forms\n")
    nav = [
        {"Home": "index.md"},
        {"Guides": [{"Forms": "forms.md"}, {"Reading": "reading.md"}]},
        {"Later": [{"Config": "configuration.md"}]},
        {"Typo": "frameworkz.md"},
    ]
    assert _prune(nav, tmp_path) == [
        {"Home": "index.md"},
        {"Guides": [{"Forms": "forms.md"}]},
        {"Typo": "frameworkz.md"},
    ]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("material") is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("mkdocs and mkdocs-material must be installed in CI (the docs extra)")
        pytest.skip("mkdocs is not installed (pip install -e '.[docs]')")
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return out


def test_site_has_a_page_for_every_docs_page(site: Path) -> None:
    for page in DOCS.rglob("*.md"):
        rel = page.relative_to(DOCS).with_suffix("")
        built = site / "index.html" if rel.as_posix() == "index" else site / rel / "index.html"
        assert built.is_file(), f"{page} was not built"


def test_site_documents_every_rule_at_its_help_anchor(site: Path) -> None:
    from psed.rules import all_rules

    html = (site / "rules" / "index.html").read_text(encoding="utf-8")
    builtin = [r for r in all_rules() if r.origin == "psed"]
    missing = [r.code for r in builtin if f'id="{r.code.lower()}"' not in html]
    assert missing == []


def test_site_documents_every_command(site: Path) -> None:
    html = (site / "cli" / "index.html").read_text(encoding="utf-8")
    for command in CLI_COMMANDS:
        assert f'id="psed-{command}"' in html, command
        assert f"psed {command}" in html


def test_changelog_is_included(site: Path) -> None:
    html = (site / "changelog" / "index.html").read_text(encoding="utf-8")
    first_line = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").splitlines()[0]
    assert first_line.lstrip("# ") in html
    assert "--8&lt;--" not in html
