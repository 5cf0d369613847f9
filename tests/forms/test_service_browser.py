"""The form service in headless Chromium: keyboard only, focus, and axe-core's WCAG 2.2 A/AA.

Uses Debian's chromium and chromium-driver at fixed paths (selenium downloads nothing)
and axe-core from npm (``npm install --prefix tests/forms``, as CI does). Under CI
(``CI=true``) a missing browser or axe-core is a failure, not a skip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from accessibility import browser, violation_lines

from .service_data import ANSWERS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
MAX_TABS = 600
PAGE_WAIT = 30
"""Seconds to wait for a page to load after a click or key press (a loaded CI machine)."""
WRONG = {
    "engagement": {"engagement-0-audience": "Residents", "engagement-0-date-day": "40"},
    "decision": {
        "decision-date-day": "31",
        "decision-date-month": "2",
        "decision-date-year": "2026",
    },
}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    yield from browser(tmp_path_factory.mktemp("chromium-profile"), axe=AXE, window="1200,900")


def _violations(driver: Any) -> list[str]:
    return violation_lines(driver, AXE)


def _active_id(driver: Any) -> str:
    return str(driver.execute_script("return document.activeElement && document.activeElement.id"))


def _key(driver: Any, key: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(key).perform()


def _tab_to(driver: Any, element_id: str) -> int:
    """Press Tab until ``element_id`` has focus; the number of presses."""
    from selenium.webdriver.common.keys import Keys

    for presses in range(1, MAX_TABS + 1):
        _key(driver, Keys.TAB)
        if _active_id(driver) == element_id:
            return presses
    raise AssertionError(f"Tab never reached #{element_id}")


def _type(driver: Any, element_id: str, text: str) -> None:
    _tab_to(driver, element_id)
    _key(driver, text)


def _choose(driver: Any, name: str, value: str) -> None:
    """Choose a radio by keyboard: Tab to the group, then the arrow keys (Space for the first)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    radios = driver.find_elements(By.NAME, name)
    values = [r.get_attribute("value") for r in radios]
    _tab_to(driver, radios[0].get_attribute("id"))
    index = values.index(value)
    if index == 0:
        _key(driver, Keys.SPACE)
    for _ in range(index):
        _key(driver, Keys.ARROW_DOWN)
    assert radios[index].is_selected(), (name, value)


def _loads_next_page(driver: Any, action: Callable[[], object]) -> None:
    """Do ``action`` (a click or key press that submits a form or follows a link to another
    page) and wait until the next page has replaced this one and finished loading.

    Neither a click nor a key press waits for the navigation it starts, so a check made
    straight after one can still see the old page on a loaded machine.
    """
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.expected_conditions import staleness_of
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")
    action()
    wait = WebDriverWait(driver, PAGE_WAIT, poll_frequency=0.05)
    wait.until(staleness_of(old))
    wait.until(lambda d: d.execute_script("return document.readyState") == "complete")


def _press(driver: Any, button_id: str) -> None:
    """Tab to a button or link that goes to another page and press Enter on it."""
    from selenium.webdriver.common.keys import Keys

    _tab_to(driver, button_id)
    _loads_next_page(driver, lambda: _key(driver, Keys.ENTER))


def _click(driver: Any, element_id: str) -> None:
    """Click a button that submits the page's form, and wait for the answer."""
    from selenium.webdriver.common.by import By

    _loads_next_page(driver, driver.find_element(By.ID, element_id).click)


def _fill_by_keyboard(driver: Any, answers: dict[str, str]) -> None:
    from selenium.webdriver.common.by import By

    # In page order, so every Tab moves forward.
    order = driver.execute_script(
        "return Array.from(document.querySelectorAll('input[name],textarea[name]'))"
        ".map(e => e.name);"
    )
    done: set[str] = set()
    for name in order:
        if name not in answers or name in done:
            continue
        done.add(name)
        element = driver.find_elements(By.NAME, name)[0]
        if element.get_attribute("type") == "radio":
            _choose(driver, name, answers[name])
        else:
            _type(driver, element.get_attribute("id"), answers[name])
    assert done == set(answers), set(answers) - done


def _start(driver: Any, browser_url: str) -> str:
    """A new assessment: the URL of its task list."""
    driver.get(f"{browser_url}/")
    _click(driver, "start")
    assert "/assessments/" in driver.current_url, driver.current_url
    return str(driver.current_url)


def _eventually(driver: Any, condition: Callable[[Any], object], seconds: float = 10) -> bool:
    """Whether ``condition(driver)`` comes true within ``seconds``: GOV.UK Frontend's script
    moves focus once the page has loaded, which a loaded machine runs late."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        WebDriverWait(driver, seconds, poll_frequency=0.05).until(condition)
    except TimeoutException:
        return False
    return True


def _summary_focused(driver: Any) -> bool:
    """Whether the error summary takes focus."""
    return _eventually(
        driver,
        lambda d: d.execute_script(
            "return document.activeElement !== null"
            " && document.activeElement.classList.contains('govuk-error-summary');"
        ),
    )


def _focus_reaches(driver: Any, element_id: str) -> bool:
    """Whether the element with id ``element_id`` gets focus."""
    return _eventually(driver, lambda d: _active_id(d) == element_id)


def test_keyboard_only_journey_through_every_page(driver: Any, browser_url: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{browser_url}/")
    assert _violations(driver) == []
    _press(driver, "start")
    tasks = driver.current_url
    assert "/assessments/" in tasks
    assert _violations(driver) == []
    links = [
        a.get_attribute("href")
        for a in driver.find_elements(By.CSS_SELECTOR, ".govuk-task-list__link")
    ]
    assert len(links) == len(ANSWERS)
    for index, section in enumerate(ANSWERS):
        link_id = driver.find_elements(By.CSS_SELECTOR, ".govuk-task-list__link")[index]
        # Task list links have no id of their own: Tab until the link has focus.
        from selenium.webdriver.common.keys import Keys

        for _ in range(MAX_TABS):
            _key(driver, Keys.TAB)
            if driver.switch_to.active_element == link_id:
                break
        else:
            raise AssertionError(f"Tab never reached the {section} task")
        _loads_next_page(driver, lambda: _key(driver, Keys.ENTER))
        assert driver.current_url.endswith(f"/{section}"), section
        assert _violations(driver) == [], section
        _fill_by_keyboard(driver, ANSWERS[section])
        _press(driver, "continue")
        assert driver.current_url == tasks, (
            section,
            driver.find_elements(By.CSS_SELECTOR, ".govuk-error-summary")
            and driver.find_element(By.CSS_SELECTOR, ".govuk-error-summary").text,
        )
    assert "You have completed 8 of 8 sections." in driver.page_source
    _press(driver, "check-link")
    assert driver.current_url.endswith("/check")
    assert _violations(driver) == []
    _press(driver, "submit")
    assert driver.current_url.endswith("/submitted")
    assert _violations(driver) == []
    _press(driver, "view-link")
    assert driver.current_url.endswith("/assessment")
    # The published page is psed.render's; its own tests check its accessibility.
    assert "Close the Northfield branch library" in driver.page_source


@pytest.mark.parametrize("section", list(ANSWERS))
def test_error_summary_takes_focus_and_each_link_moves_to_its_field(
    driver: Any, browser_url: str, section: str
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    tasks = _start(driver, browser_url)
    driver.get(f"{tasks}/{section}")
    assert _violations(driver) == [], "blank page"
    # Pages that need nothing yet get a date that is not a real one.
    for name, value in WRONG.get(section, {}).items():
        driver.find_element(By.NAME, name).send_keys(value)
    _click(driver, "continue")
    assert driver.title.startswith("Error: ")
    assert _summary_focused(driver)
    assert _violations(driver) == [], "error state"
    hrefs = [
        a.get_attribute("href").split("#", 1)[1]
        for a in driver.find_elements(By.CSS_SELECTOR, ".govuk-error-summary__list a")
    ]
    assert hrefs
    for index, target in enumerate(hrefs):
        if index:  # post the page again: the summary has focus once, when the page loads
            _click(driver, "continue")
            assert _summary_focused(driver)
        for _ in range(index + 1):
            _key(driver, Keys.TAB)
        _key(driver, Keys.ENTER)
        assert _focus_reaches(driver, target), (section, target, _active_id(driver))


def test_check_answers_errors_and_other_pages_have_no_violations(
    driver: Any, browser_url: str
) -> None:
    from selenium.webdriver.common.by import By

    tasks = _start(driver, browser_url)
    driver.get(f"{tasks}/check")
    assert _violations(driver) == []
    _click(driver, "submit")
    assert driver.title.startswith("Error: ")
    assert _summary_focused(driver)
    assert _violations(driver) == []
    # Each link goes to the field on its section's page.
    first = driver.find_element(By.CSS_SELECTOR, ".govuk-error-summary__list a")
    target = first.get_attribute("href").split("#", 1)[1]
    _loads_next_page(driver, first.click)
    assert _focus_reaches(driver, target)
    driver.get(f"{tasks}/proposal")
    _click(driver, "save")
    assert driver.current_url.endswith("/saved")
    assert _violations(driver) == []
    driver.get(f"{browser_url}/no/such/page")
    assert "Page not found" in driver.page_source
    assert _violations(driver) == []


def test_continue_an_existing_assessment_from_a_file(
    driver: Any, browser_url: str, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver.get(f"{browser_url}/")
    _press(driver, "upload-link")
    assert driver.current_url.endswith("/assessments/upload")
    assert _violations(driver) == [], "upload page"
    # A file that is not an assessment: the error summary takes focus, its link the file input.
    notes = tmp_path / "notes.txt"
    notes.write_text("Just some notes about the library.", encoding="utf-8")
    driver.find_element(By.ID, "file").send_keys(str(notes))
    _click(driver, "continue")
    assert driver.title.startswith("Error: ")
    assert "The selected file must be a YAML or JSON assessment" in driver.page_source
    assert _summary_focused(driver)
    assert _violations(driver) == [], "upload error"
    _key(driver, Keys.TAB)
    _key(driver, Keys.ENTER)
    assert _focus_reaches(driver, "file")
    # An example assessment: a new draft, on its task list.
    example = ROOT / "examples" / "garden-waste-charge.yaml"
    driver.find_element(By.ID, "file").send_keys(str(example))
    _click(driver, "continue")
    tasks = driver.current_url
    assert not tasks.endswith("/upload"), tasks
    assert driver.title.startswith("Your assessment")
    assert "Introduction of a charge for garden waste collection" in driver.page_source
    assert _violations(driver) == [], "task list of the upload"
    # Check your answers: a card for every item, none with an accessibility failure.
    _press(driver, "check-link")
    cards = driver.find_elements(By.CSS_SELECTOR, ".govuk-summary-card")
    assert len(cards) > 10
    assert _violations(driver) == [], "check answers with cards"
    change = cards[0].find_element(By.CSS_SELECTOR, ".govuk-summary-list__actions a")
    target = change.get_attribute("href").split("#", 1)[1]
    _loads_next_page(driver, change.click)
    assert driver.find_element(By.ID, target).is_displayed()
