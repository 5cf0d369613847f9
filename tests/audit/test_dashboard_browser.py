"""The dashboard in a real browser: zero WCAG 2.2 A/AA violations from axe-core."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from psed import cli

from .conftest import EXAMPLES, ROOT

sys.path.insert(0, str(ROOT / "tests"))
from accessibility import axe_violations, browser, describe

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    yield from browser(tmp_path_factory.mktemp("chromium-profile"))


def _dashboard(tmp_path: Path, *args: str) -> Path:
    target = tmp_path / "estate.html"
    code = cli.main(["audit", *args, "--format", "html", "-o", str(target)])
    assert code in (0, 1)
    return target


def test_dashboard_of_the_examples_has_no_violations(driver: Any, tmp_path: Path) -> None:
    page = _dashboard(tmp_path, str(EXAMPLES), "--as-of", "2026-11-26")
    violations = axe_violations(driver, page.as_uri())
    assert violations == [], describe(violations)


def test_dashboard_with_history_and_baseline_has_no_violations(driver: Any, tmp_path: Path) -> None:
    db = str(tmp_path / "audit.sqlite")
    for as_of in ("2026-09-30", "2026-10-31"):
        assert cli.main(
            ["audit", str(EXAMPLES), "--as-of", as_of, "--db", db, "-o", str(tmp_path / "x.txt")]
        ) in (0, 1)
    page = _dashboard(tmp_path, str(EXAMPLES), "--as-of", "2026-11-26", "--db", db, "--baseline")
    text = page.read_text(encoding="utf-8")
    assert "Since the previous run" in text
    violations = axe_violations(driver, page.as_uri())
    assert violations == [], describe(violations)


def test_welsh_dashboard_with_history_and_baseline_has_no_violations(
    driver: Any, tmp_path: Path
) -> None:
    db = str(tmp_path / "audit.sqlite")
    for as_of in ("2026-09-30", "2026-10-31"):
        assert cli.main(
            ["audit", str(EXAMPLES), "--as-of", as_of, "--db", db, "-o", str(tmp_path / "x.txt")]
        ) in (0, 1)
    page = _dashboard(
        tmp_path, str(EXAMPLES), "--as-of", "2026-11-26", "--db", db, "--baseline", "--lang", "cy"
    )
    text = page.read_text(encoding="utf-8")
    assert '<html lang="cy">' in text
    assert "Ers y rhediad blaenorol" in text
    violations = axe_violations(driver, page.as_uri())
    assert violations == [], describe(violations)


def test_the_check_finds_violations_when_there_are_some(driver: Any, tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>x</title></head><body>"
        '<p style="color:#aaa;background:#fff">faint</p><table><tr><td>1</td></tr></table>'
        '<svg role="img"><rect width="9" height="9"/></svg></body></html>',
        encoding="utf-8",
    )
    found = {v["id"] for v in axe_violations(driver, page.as_uri())}
    assert {"html-has-lang", "color-contrast", "svg-img-alt"} <= found
