"""Make the dashboard screenshot of the "Audit an estate" guide (docs/images/audit-dashboard.png).

    .venv/bin/python scripts/dashboard_screenshot.py [OUT.png]

Audits a copy of the fixture estate (tests/audit/estate) four times into a new
history, as of the end of August, September and October 2026 and 26 November 2026,
with the documents improving from month to month (at first the People and Place
directorates had left entries as "TBC"), writes the dashboard of the last run and
photographs its top in headless Chromium (Debian's /usr/bin/chromium). Needs the
psed[audit] extra. Everything happens in a temporary folder but the picture.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psed.audit
from psed import cli

ROOT = Path(__file__).resolve().parents[1]
ESTATE = ROOT / "tests" / "audit" / "estate"
CHROMIUM = "/usr/bin/chromium"

MONTHS: tuple[tuple[dt.date, dict[str, int]], ...] = (
    (dt.date(2026, 8, 31), {"People": 3, "Place": 2}),
    (dt.date(2026, 9, 30), {"People": 2, "Place": 1}),
    (dt.date(2026, 10, 31), {"People": 1}),
    (dt.date(2026, 11, 26), {}),
)
"""Each run's date, and how many entries each directorate's documents still had as TBC."""

_NEUTRAL = re.compile(r"^( +details: )(?!TBC).*$", re.MULTILINE)


def _month(estate: Path, tbc: dict[str, int]) -> None:
    """Put the estate back as written, then blank ``tbc[directorate]`` entries a document."""
    shutil.rmtree(estate, ignore_errors=True)
    shutil.copytree(ESTATE, estate)
    for path in sorted(estate.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        found = re.search(r"^directorate: (.*)$", text, re.MULTILINE)
        count = tbc.get(found.group(1) if found else "", 0)
        if count:
            # the last entries of the form (religion or belief, sex, sexual orientation)
            matches = list(_NEUTRAL.finditer(text))[-count:]
            for match in reversed(matches):
                text = text[: match.start()] + match.group(1) + "TBC" + text[match.end() :]
            path.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "images" / "audit-dashboard.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="psed-dashboard-") as scratch:
        work = Path(scratch)
        estate, history, page = work / "estate", str(work / "audit.sqlite"), work / "estate.html"
        for day, tbc in MONTHS[:-1]:
            _month(estate, tbc)
            psed.audit.audit(str(estate), as_of=day, db=history)
        last, tbc = MONTHS[-1]
        _month(estate, tbc)
        code = cli.main(
            [
                "audit",
                str(estate),
                "--as-of",
                last.isoformat(),
                "--db",
                history,
                "--format",
                "html",
                "-o",
                str(page),
            ]
        )
        if code not in (0, 1):
            return code
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--user-data-dir={work / 'profile'}",
                "--window-size=1100,1500",
                f"--screenshot={out}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
