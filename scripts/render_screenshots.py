"""Regenerate the screenshots of a rendered assessment shown in docs/publish.md.

Renders the seed assessment (examples/customer-access-strategy.yaml) with its quality
check as of 2026-11-26 to HTML and PDF, then takes a screenshot of the HTML's first
screen with headless Chromium and turns the PDF's first page into an image with
pdftoppm (poppler-utils). Needs the render extra, chromium and poppler-utils. Run from
the repository root::

    .venv/bin/python scripts/render_screenshots.py
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psed

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "customer-access-strategy.yaml"
IMAGES = ROOT / "docs" / "images"
AS_OF = dt.date(2026, 11, 26)
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        sys.exit(f"render_screenshots: {name} is not installed")
    return found


def main() -> None:
    chromium, pdftoppm = _tool("chromium"), _tool("pdftoppm")
    proposal = psed.load(SEED)
    report = psed.check(proposal, as_of=AS_OF)
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        page = folder / "assessment.html"
        page.write_text(psed.render(proposal, format="html", findings=report), encoding="utf-8")
        pdf = folder / "assessment.pdf"
        pdf.write_bytes(psed.render(proposal, format="pdf", findings=report))
        html_png = IMAGES / "publish-html.png"
        subprocess.run(
            [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={folder / 'profile'}",
                "--window-size=1000,1250",
                f"--screenshot={html_png}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
        stem = folder / "page"
        subprocess.run(
            [pdftoppm, "-png", "-f", "1", "-l", "1", "-scale-to", "1000", str(pdf), str(stem)],
            check=True,
        )
        (pdf_png,) = folder.glob("page*.png")
        shutil.copyfile(pdf_png, IMAGES / "publish-pdf.png")
    for image in ("publish-html.png", "publish-pdf.png"):
        print(f"wrote docs/images/{image}")


if __name__ == "__main__":
    main()
