"""Run axe-core in headless Chromium over a page psed wrote, for WCAG 2.2 A and AA.

axe-core comes from npm, installed into ``tests/render`` (its ``package.json``; CI does
it in ``.ci/run``) for these tests and the render tests alike; Chromium and its driver
are Debian's, at fixed paths, so nothing downloads a browser. Under CI (``CI=true``) a
missing tool is a failure, not a skip; elsewhere the test is skipped with the command
that installs it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
AXE = Path(
    os.environ.get(
        "PSED_AXE_JS", ROOT / "tests" / "render" / "node_modules" / "axe-core" / "axe.min.js"
    )
)
IN_CI = os.environ.get("CI", "").lower() == "true"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
"""The axe-core tags of every WCAG 2.0, 2.1 and 2.2 success criterion at level A and AA."""


def _require(paths: dict[Path, str]) -> None:
    missing = [f"{path} ({how})" for path, how in paths.items() if not path.exists()]
    if not missing:
        return
    message = "not installed: " + "; ".join(missing)
    if IN_CI:
        pytest.fail(f"accessibility test cannot run in CI: {message}")
    pytest.skip(message)


def _folder_of(axe: Path) -> str:
    """The test folder whose ``package.json`` installs ``axe`` (its node_modules' parent)."""
    folder = axe.parents[2]
    return str(folder.relative_to(ROOT)) if folder.is_relative_to(ROOT) else str(folder)


def browser(profile: Path, *, axe: Path = AXE, window: str = "1280,1000") -> Iterator[Any]:
    """A headless Chromium driven by selenium (a generator for a fixture).

    ``axe`` is the axe-core script the tests will inject (each test folder installs its
    own from its ``package.json``); ``window`` the window size, as "width,height".
    """
    _require(
        {
            CHROMIUM: "apt-get install chromium",
            CHROMEDRIVER: "apt-get install chromium-driver",
            axe: f"npm install --prefix {_folder_of(axe)}",
        }
    )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--window-size={window}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()


def violation_lines(driver: Any, axe: Path = AXE) -> list[str]:
    """axe-core's WCAG 2.2 A/AA violations on the page open in ``driver``, a line each."""
    driver.execute_script(axe.read_text(encoding="utf-8"))
    options = json.dumps({"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"axe.run(document, {options}).then(r => done(r.violations), e => done(String(e)));"
    )
    assert isinstance(result, list), result
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result
    ]


def axe_violations(driver: Any, url: str) -> list[dict[str, Any]]:
    """The WCAG 2.2 A/AA violations axe-core finds on the page at ``url``."""
    driver.get(url)
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    version = driver.execute_script("return axe.version")
    assert tuple(int(part) for part in version.split(".")[:2]) >= (4, 5), (
        f"axe-core {version} does not know WCAG 2.2; run npm install --prefix tests/render"
    )
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        "  .then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify("
        "    [{id: 'axe-error', help: String(e), nodes: []}])));",
        WCAG_22_AA,
    )
    violations: list[dict[str, Any]] = json.loads(result)
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    """The violations, one line each with the first few elements, for an assertion message."""
    lines = []
    for v in violations:
        targets = [", ".join(node.get("target", [])) for node in v.get("nodes", [])[:3]]
        lines.append(f"{v['id']}: {v.get('help', '')} at {'; '.join(targets)}")
    return "\n".join(lines)
