"""The documentation site builds with ``mkdocs build --strict`` and shows every rule and command."""

from __future__ import annotations

import html
import importlib
import importlib.util
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .docs_pages import DOCS, MKDOCS_YML, ROOT

CLI_COMMANDS = ("check", "rules", "explain", "schema", "new", "audit")

# The public modules (docs/stability.md): every name in their __all__ has an entry of its
# own on the API reference pages, under that module's path.
PUBLIC_MODULES = (
    "psed",
    "psed.rules",
    "psed.law",
    "psed.forms",
    "psed.audit",
    "psed.importing",
    "psed.rendering",
    "psed.testing",
)
# The modules that define what the package exports: each name in their __all__ is on the
# reference either as psed.<name> (re-exported) or at its own module path.
DEFINING_MODULES = (
    "psed.model",
    "psed.findings",
    "psed.config",
    "psed.catalogue",
    "psed.reading",
    "psed.schema",
    "psed.engine",
)
# Not public and not on the reference: the command line and its output writers.
INTERNAL_MODULES = ("psed.cli", "psed.output")

_HEADING_ID = re.compile(r'<h[1-6] id="([^"]+)" class="doc doc-heading"')


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
    if any(
        importlib.util.find_spec(name) is None
        for name in ("mkdocs", "material", "mkdocstrings_handlers.python")
    ):
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
        built = site / (rel.parent if rel.name == "index" else rel) / "index.html"
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


def test_every_top_level_module_is_public_defining_or_internal() -> None:
    import psed

    modules = {
        f"psed.{info.name}"
        for info in pkgutil.iter_modules(psed.__path__)
        if not info.name.startswith("_")
    }
    known = {*PUBLIC_MODULES, *DEFINING_MODULES, *INTERNAL_MODULES}
    # A new module must be placed: public (a reference page and the stability policy),
    # defining (its names re-exported by psed) or internal.
    assert sorted(modules - known) == []
    assert sorted(known - modules - {"psed"}) == []


def test_stability_policy_and_reference_index_name_every_public_module() -> None:
    stability = (DOCS / "stability.md").read_text(encoding="utf-8")
    index = (DOCS / "api" / "index.md").read_text(encoding="utf-8")
    for module in PUBLIC_MODULES:
        assert f"`{module}`" in stability, module
        assert f"`{module}`" in index, module


def _documented(site: Path) -> set[str]:
    found: set[str] = set()
    for page in (site / "api").rglob("index.html"):
        found.update(_HEADING_ID.findall(page.read_text(encoding="utf-8")))
    return found


def test_reference_documents_every_public_name(site: Path) -> None:
    documented = _documented(site)
    missing = [
        f"{module}.{name}"
        for module in PUBLIC_MODULES
        for name in importlib.import_module(module).__all__
        if f"{module}.{name}" not in documented
    ]
    assert missing == [], "add these to the pages in docs/api/"


def test_reference_documents_every_name_the_defining_modules_export(site: Path) -> None:
    import psed

    documented = _documented(site)
    missing = [
        f"{module}.{name}"
        for module in DEFINING_MODULES
        for name in importlib.import_module(module).__all__
        if f"{module}.{name}" not in documented
        and not (name in psed.__all__ and f"psed.{name}" in documented)
    ]
    assert missing == [], "add these to the pages in docs/api/"


def test_reference_shows_attrs_fields_and_constructors(site: Path) -> None:
    import attrs

    import psed

    page = (site / "api" / "model" / "index.html").read_text(encoding="utf-8")
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    prose = " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())
    # Each field's sentence (kept in the attrs field's metadata) is its documentation.
    for field in attrs.fields(psed.Proposal):
        assert f'id="psed.Proposal.{field.name}"' in page, field.name
        doc = field.metadata.get("doc")
        if doc:
            assert " ".join(doc.replace("`", "").split()) in prose, field.name
    # The constructor attrs generates is the class signature: keyword-only.
    assert "Proposal ( * , schema_version : int = 1 , id : str | None = None" in text


def test_every_public_name_has_a_docstring() -> None:
    # The reference shows an entry's docstring as its documentation (for a constant, the
    # string literal under it, as Griffe reads it from the source): none may be empty.
    if importlib.util.find_spec("griffe") is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("griffe must be installed in CI (the docs extra)")
        pytest.skip("griffe is not installed (pip install -e '.[docs]')")
    import griffe

    package = griffe.load("psed", search_paths=[str(ROOT / "src")], resolve_aliases=True)
    undocumented = []
    for module in PUBLIC_MODULES:
        loaded = package if module == "psed" else package[module.removeprefix("psed.")]
        for name in importlib.import_module(module).__all__:
            target = loaded[name].final_target if loaded[name].is_alias else loaded[name]
            if target.docstring is None or not target.docstring.value.strip():
                undocumented.append(f"{module}.{name}")
    assert undocumented == []
