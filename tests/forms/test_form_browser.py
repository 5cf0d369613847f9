"""Drive the example form in headless Chromium: submit, read the summary, follow a link.

Uses Debian's chromium and chromium-driver at fixed paths, so selenium never
downloads a browser or a driver. Under CI (``CI=true``) a missing browser is a
failure, not a skip; elsewhere the test is skipped when Chromium is absent.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
IN_CI = os.environ.get("CI", "").lower() == "true"

pytestmark = pytest.mark.browser


def _require_browser() -> None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if not missing:
        return
    message = f"{', '.join(missing)} not installed (apt-get install chromium chromium-driver)"
    if IN_CI:
        pytest.fail(f"browser test cannot run in CI: {message}")
    pytest.skip(message)


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    _require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1200,900",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    browser.set_page_load_timeout(60)
    try:
        yield browser
    finally:
        browser.quit()


def _in_viewport(driver: Any, element: Any) -> bool:
    return bool(
        driver.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return r.bottom > 0 && r.top < window.innerHeight;",
            element,
        )
    )


def test_incomplete_submission_shows_summary_and_links_to_fields(
    driver: Any, base_url: str
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver.get(f"{base_url}/?framework=psed")
    assert driver.find_elements(By.CSS_SELECTOR, ".govuk-error-summary") == []
    driver.find_element(By.ID, "name").send_keys("Close the Northfield branch library")
    Select(driver.find_element(By.ID, "impacts-0-impact")).select_by_value("negative")
    driver.find_element(By.ID, "impacts-0-details").send_keys(
        "Older people who cannot travel to the central library lose access."
    )
    driver.find_element(By.ID, "submit").click()

    summary = driver.find_element(By.CSS_SELECTOR, ".govuk-error-summary")
    assert "There is a problem" in summary.text
    assert driver.title.startswith("Error: ")
    links = summary.find_elements(By.CSS_SELECTOR, "a")
    hrefs = [a.get_attribute("href").split("#", 1)[1] for a in links]
    assert "description" in hrefs
    assert "impacts" in hrefs or "impacts-1-impact" in hrefs
    # Every link target exists on the page.
    for fid in hrefs:
        assert driver.find_elements(By.ID, fid), fid
    # Inline messages sit next to their fields.
    group = driver.find_element(By.ID, "description-error")
    assert group.find_elements(By.CSS_SELECTOR, ".govuk-error-message")
    # The value typed is kept when the page comes back.
    assert driver.find_element(By.ID, "name").get_attribute("value").startswith("Close the")

    # Follow a link to a field far down the page: the field gets focus and is scrolled into view.
    target = "review_date" if "review_date" in hrefs else hrefs[-1]
    link = next(a for a, fid in zip(links, hrefs, strict=True) if fid == target)
    driver.execute_script("window.scrollTo(0, 0);")
    field = driver.find_element(By.ID, target)
    assert not _in_viewport(driver, field)
    link.click()
    active = driver.switch_to.active_element
    assert active.get_attribute("id") == target
    assert _in_viewport(driver, field)
    assert driver.current_url.endswith(f"#{target}")

    # A link to a section focuses its first control (PSED201 on the negative impact row).
    mitigation = [fid for fid in hrefs if fid.startswith("impacts-0")]
    assert mitigation, hrefs
    driver.execute_script("window.scrollTo(0, 0);")
    next(a for a, fid in zip(links, hrefs, strict=True) if fid == mitigation[0]).click()
    active = driver.switch_to.active_element
    assert active.get_attribute("id").startswith(mitigation[0])
    assert _in_viewport(driver, active)


def test_draft_saves_without_errors(driver: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{base_url}/")
    driver.find_element(By.ID, "name").send_keys("A draft")
    driver.find_element(By.ID, "save-draft").click()
    assert driver.find_elements(By.CSS_SELECTOR, ".govuk-error-summary") == []
    assert "Draft saved" in driver.find_element(By.ID, "notice").text
    assert "still to do" in driver.find_element(By.ID, "todo").text
