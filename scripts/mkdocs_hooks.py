"""MkDocs hooks: fill the generated reference sections of the docs from the code.

Listed under ``hooks:`` in mkdocs.yml.

- Each ``<!-- psed:NAME -->`` marker in a page is replaced by
  :func:`psed._docgen.expand_markers` when the site is built, so the format,
  catalogue, rule and command-line references always match the installed psed.
- Pages other contributors are still writing (``PENDING_PAGES``) may be named in the
  navigation before they exist: until a page lands, its entry is left out, so the
  strict build passes at every commit. Any other missing page still fails the build.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from psed._docgen import expand_markers

log = logging.getLogger("mkdocs.hooks.psed")

PENDING_PAGES = frozenset(
    {
        "reading.md",
        "forms.md",
        "configuration.md",
        "extending.md",
        "guarantees.md",
        "performance.md",
    }
)
"""Pages named in the navigation that may not have been written yet."""


def _prune(node: Any, docs_dir: Path) -> Any:
    """The navigation without pending pages that do not exist; None when nothing is left."""
    if isinstance(node, str):
        if node in PENDING_PAGES and not (docs_dir / node).is_file():
            log.info("nav: %s is not written yet; left out of this build", node)
            return None
        return node
    if isinstance(node, list):
        kept = [item for item in (_prune(item, docs_dir) for item in node) if item is not None]
        return kept or None
    if isinstance(node, dict):
        pruned = {key: _prune(value, docs_dir) for key, value in node.items()}
        kept_map = {key: value for key, value in pruned.items() if value is not None}
        return kept_map or None
    return node


def on_config(config: Any) -> Any:
    """Leave pending pages that do not exist yet out of the navigation."""
    if config["nav"] is not None:
        config["nav"] = _prune(config["nav"], Path(config["docs_dir"])) or []
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Expand the psed markers of one page."""
    return expand_markers(markdown, where=page.file.src_uri)
