"""Every ```python block of every docs page (and the README) runs as written.

Blocks of one page run in order in one namespace, from the repository root, as a reader
would paste them one after another into one Python session. A failure names the page
and the line.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import pytest

from .docs_pages import ROOT, fenced_blocks, page_id, pages

PYTHON_PAGES = [p for p in pages() if any(b.lang == "python" for b in fenced_blocks(p.read_text()))]


def _run_page(path: Path, name: str | None = None) -> None:
    namespace: dict[str, object] = {"__name__": "__docs__"}
    name = name or page_id(path)
    for block in fenced_blocks(path.read_text(encoding="utf-8")):
        if block.lang != "python":
            continue
        # Pad so that line numbers in a traceback are the page's own line numbers.
        source = "\n" * (block.line - 1) + block.code
        failure = None
        try:
            exec(compile(source, name, "exec"), namespace)
        except SystemExit as exc:  # a script that ends with sys.exit(0) is fine
            if exc.code not in (0, None):
                failure = f"{name}:{block.line}: the block exited with {exc.code!r}"
        except Exception as exc:
            frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == name]
            where = frames[-1].lineno if frames else block.line
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            failure = (
                f"{name}:{where}: the python block starting at line {block.line} failed: {detail}"
            )
        if failure is not None:
            pytest.fail(failure, pytrace=False)


@pytest.mark.parametrize("path", PYTHON_PAGES, ids=page_id)
def test_python_blocks_run(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "argv", ["docs"])
    _run_page(path)


def test_harness_reports_page_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "probe.md"
    page.write_text(
        "# t\n\n```python\nx = 1\n```\n\ntext\n\n```python\ny = x + 1\nz = 1 / 0\n```\n"
    )
    monkeypatch.chdir(ROOT)
    with pytest.raises(pytest.fail.Exception, match=r"docs/probe\.md:11: .*ZeroDivision"):
        _run_page(page, name="docs/probe.md")


def test_fence_parsing_keeps_order_and_lines() -> None:
    text = (
        "a\n```python\none = 1\n```\n\n"
        "    ```python\n    two = one + 1\n    ```\n```text\nno\n```\n"
    )
    blocks = list(fenced_blocks(text))
    assert [(b.lang, b.line, b.code) for b in blocks] == [
        ("python", 3, "one = 1\n"),
        ("python", 7, "two = one + 1\n"),
        ("text", 10, "no\n"),
    ]
