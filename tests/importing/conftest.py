"""Shared helpers for the import tests: fixture paths and imports done once per session."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from psed.importing import ImportResult, builtin_templates, import_file, load_template

FIXTURES = Path(__file__).parent / "fixtures"
TEMPLATES = Path(__file__).parent / "templates"
GOOD_TEMPLATE: dict[str, Any] = {
    "template_version": 1,
    "id": "ours",
    "label": "Our form",
    "fields": {"impact_summary": {"labels": ["Summary"]}},
    "impact_tables": [{"columns": {"characteristic": ["Group"], "details": ["Details"]}}],
}
"""The smallest template psed accepts: the tests change one key of it at a time."""
"""Organisations' own templates, as a configuration's ``import-templates`` would name them."""


@functools.cache
def imported(name: str, template: str = "auto", own: tuple[str, ...] = ()) -> ImportResult:
    """The import of a fixture file (PDFs take a second or two: each is imported once).

    ``own`` names template files in ``templates/`` to choose among as well as the
    built-in ones.
    """
    templates = list(builtin_templates().values()) + [
        load_template(str(TEMPLATES / f)) for f in own
    ]
    return import_file(FIXTURES / name, template=template, templates=templates)


def word_file(path: Path, paragraphs: list[str], *tables: list[list[str]]) -> Path:
    """A Word file at ``path``: the paragraphs, then each table (rows of cell texts)."""
    import docx  # python-docx, from the import extra

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    document.save(str(path))
    return path
