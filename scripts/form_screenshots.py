"""Regenerate the screenshots of the reference form service shown in docs/forms.md.

Runs examples/form_service on 127.0.0.1 with a fresh SQLite file, then drives Debian's
headless Chromium through it with Selenium: the task list of a new assessment, the
impacts page after *Save and continue* with nothing chosen (an error state), the
check-answers page of a filled-in assessment (its top, and its first summary cards), and
the upload page after a file that is not an assessment. Needs the form-service and test extras,
chromium and chromium-driver. Run from the repository root::

    .venv/bin/python scripts/form_screenshots.py
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the test data, as the tests import it

from examples.form_service.app import serve  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from forms.service_data import ANSWERS  # noqa: E402

IMAGES = ROOT / "docs" / "images"
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--window-size=1100,900",
)


def _fill(driver: webdriver.Chrome, answers: dict[str, str]) -> None:
    for name, value in answers.items():
        found = driver.find_elements(By.NAME, name)
        if not found:
            continue
        if found[0].get_attribute("type") == "radio":
            for radio in found:
                if radio.get_attribute("value") == value:
                    driver.execute_script("arguments[0].click();", radio)
        else:
            found[0].clear()
            found[0].send_keys(value)


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        server = serve(0, db=Path(work) / "drafts.sqlite3", as_of=dt.date(2026, 11, 26), quiet=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{server.server_port}"
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in (*FLAGS, f"--user-data-dir={Path(work) / 'profile'}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(
            service=Service(executable_path="/usr/bin/chromedriver"), options=options
        )
        try:
            IMAGES.mkdir(parents=True, exist_ok=True)
            driver.get(base + "/")
            driver.find_element(By.ID, "start").click()
            tasks = driver.current_url
            driver.save_screenshot(str(IMAGES / "forms-task-list.png"))
            driver.get(tasks + "/impacts")
            driver.find_element(By.ID, "continue").click()
            driver.save_screenshot(str(IMAGES / "forms-error.png"))
            for section, answers in ANSWERS.items():
                driver.get(f"{tasks}/{section}")
                _fill(driver, answers)
                driver.find_element(By.ID, "continue").click()
            driver.get(tasks + "/check")
            driver.save_screenshot(str(IMAGES / "forms-check-answers.png"))
            # The first summary card, under its section's heading.
            driver.execute_script(
                "document.querySelector('.govuk-summary-card')"
                ".previousElementSibling.scrollIntoView();"
            )
            driver.save_screenshot(str(IMAGES / "forms-check-answers-cards.png"))
            notes = Path(work) / "notes.txt"
            notes.write_text("Notes from the meeting about the library.", encoding="utf-8")
            driver.get(base + "/assessments/upload")
            driver.find_element(By.ID, "file").send_keys(str(notes))
            driver.find_element(By.ID, "continue").click()
            WebDriverWait(driver, 30).until(lambda d: d.title.startswith("Error: "))
            driver.save_screenshot(str(IMAGES / "forms-upload-error.png"))
        finally:
            driver.quit()
            server.shutdown()
            server.server_close()
    for name in (
        "forms-task-list",
        "forms-error",
        "forms-check-answers",
        "forms-check-answers-cards",
        "forms-upload-error",
    ):
        print(f"wrote docs/images/{name}.png")


if __name__ == "__main__":
    main()
