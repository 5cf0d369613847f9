"""Rendered HTML in a real browser: axe-core finds no WCAG 2.2 A/AA violation, 400% zoom reflows.

Uses Debian's chromium and chromium-driver at fixed paths (selenium downloads nothing)
and axe-core from npm (``npm install`` in this folder, as CI does). Under CI
(``CI=true``) a missing browser or axe-core is a failure, not a skip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import psed
from accessibility import browser, violation_lines
from psed.model import Proposal
from psed.testing import proposals

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    yield from browser(tmp_path_factory.mktemp("chromium-profile"), axe=AXE, window="1280,1024")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pages")


def _open(driver: Any, folder: Path, name: str, page: str) -> None:
    path = folder / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    driver.get(path.as_uri())


def _violations(driver: Any) -> list[str]:
    return violation_lines(driver, AXE)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_have_no_wcag_violation(driver: Any, pages: Path, path: Path) -> None:
    proposal = psed.load(path)
    report = psed.check(proposal, as_of=dt.date(2026, 11, 26))
    _open(driver, pages, path.stem, psed.render(proposal, findings=report))
    assert _violations(driver) == []


@pytest.mark.parametrize("lang", ["cy", "both"])
@pytest.mark.parametrize(
    "name", ["library-service-review-wales.yaml", "customer-access-strategy.yaml"]
)
def test_welsh_and_bilingual_renderings_have_no_wcag_violation(
    driver: Any, pages: Path, name: str, lang: str
) -> None:
    proposal = psed.load(ROOT / "examples" / name)
    report = psed.check(proposal, as_of=dt.date(2026, 11, 26))
    _open(driver, pages, f"{lang}-{name}", psed.render(proposal, findings=report, lang=lang))
    assert _violations(driver) == []


def test_every_field_document_has_no_wcag_violation(
    driver: Any, pages: Path, full_proposal: Proposal
) -> None:
    report = psed.check(full_proposal, as_of=dt.date(2026, 11, 26))
    _open(driver, pages, "every-field", psed.render(full_proposal, findings=report))
    assert _violations(driver) == []


@pytest.mark.slow
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(proposal=proposals())
def test_generated_documents_have_no_wcag_violation(
    driver: Any, pages: Path, proposal: Proposal
) -> None:
    report = psed.check(proposal, as_of=dt.date(2026, 11, 26))
    _open(driver, pages, "generated", psed.render(proposal, findings=report))
    assert _violations(driver) == []


def test_page_reflows_at_400_percent_zoom(driver: Any, pages: Path) -> None:
    # 400% zoom of a 1280 px wide window is a 320 CSS px viewport (WCAG 1.4.10).
    proposal = psed.load(ROOT / "examples" / "customer-access-strategy.yaml")
    report = psed.check(proposal, as_of=dt.date(2026, 11, 26))
    _open(driver, pages, "zoom", psed.render(proposal, findings=report))
    metrics = {"width": 320, "height": 256, "deviceScaleFactor": 4, "mobile": False}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    try:
        width = driver.execute_script("return window.innerWidth")
        assert width == 320
        page_width = driver.execute_script("return document.documentElement.scrollWidth")
        assert page_width <= width  # nothing but the data tables scrolls sideways
        # Every table too wide for the screen scrolls in its own region, reachable by keyboard.
        wide = driver.execute_script(
            "return [...document.querySelectorAll('table')]"
            ".filter(t => t.getBoundingClientRect().width > window.innerWidth)"
            ".map(t => t.parentElement.getAttribute('tabindex'))"
        )
        assert wide
        assert set(wide) == {"0"}
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_skip_link_is_the_first_stop_and_is_shown_on_focus(driver: Any, pages: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    proposal = psed.load(ROOT / "examples" / "garden-waste-charge.yaml")
    _open(driver, pages, "skip", psed.render(proposal))
    ActionChains(driver).send_keys(Keys.TAB).perform()
    active = driver.switch_to.active_element
    assert active.get_attribute("class") == "skip-link"
    assert driver.execute_script("return arguments[0].getBoundingClientRect().top", active) >= 0
    active.send_keys(Keys.ENTER)
    assert driver.execute_script("return location.hash") == "#main"


def test_the_check_finds_violations_when_there_are_some(driver: Any, pages: Path) -> None:
    # The harness itself: a page with known faults must fail it.
    proposal = psed.load(ROOT / "examples" / "garden-waste-charge.yaml")
    page = psed.render(proposal).replace('<html lang="en-GB">', "<html>", 1)
    page = page.replace('th scope="row">', "td>", 1).replace("#1d70b8", "#9fc4e6")
    _open(driver, pages, "faulty", page)
    found = {v.split(" ", 1)[0] for v in _violations(driver)}
    assert {"html-has-lang", "color-contrast"} <= found
