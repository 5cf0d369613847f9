"""MkDocs hooks: fill the generated reference sections of the docs from the code.

Listed under ``hooks:`` in mkdocs.yml. Each ``<!-- psed:NAME -->`` marker in a page is
replaced by :func:`psed._docgen.expand_markers` when the site is built, so the format,
catalogue, rule and command-line references always match the installed psed.
"""

from __future__ import annotations

from typing import Any

from psed._docgen import expand_markers


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Expand the psed markers of one page."""
    return expand_markers(markdown, where=page.file.src_uri)
