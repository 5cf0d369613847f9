"""The API reference's Griffe extension: docstrings written for help() read right on the site."""

from __future__ import annotations

import importlib.util
import os
import sys
from types import ModuleType

import pytest

from .docs_pages import ROOT


@pytest.fixture(scope="module")
def extension() -> ModuleType:
    if importlib.util.find_spec("griffe") is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("griffe must be installed in CI (the docs extra)")
        pytest.skip("griffe is not installed (pip install -e '.[docs]')")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import griffe_psed
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return griffe_psed


def test_doctest_examples_become_code_blocks(extension: ModuleType) -> None:
    text = "Read a file.\n\n>>> import psed\n>>> psed.load('a.yaml').name\n'A'\n\nMore."
    assert extension._blocks(text) == (
        "Read a file.\n\n```pycon\n>>> import psed\n>>> psed.load('a.yaml').name\n'A'\n```\n\nMore."
    )


def test_literal_blocks_become_code_blocks_without_the_double_colon(
    extension: ModuleType,
) -> None:
    text = 'In its pyproject.toml::\n\n    [tool.psed]\n      select = ["PSED1"]\n\nThen.'
    assert extension._blocks(text) == (
        'In its pyproject.toml:\n\n```\n[tool.psed]\n  select = ["PSED1"]\n```\n\nThen.'
    )


def test_version_directives_become_sentences(extension: ModuleType) -> None:
    text = "Limits.\n\n.. versionadded:: 0.2.0\n\n.. versionchanged:: 0.2.0\n   Reads JSON.\n"
    assert extension._blocks(text) == (
        "Limits.\n\n*Added in version 0.2.0.*\n\n*Changed in version 0.2.0.* Reads JSON.\n"
    )


def test_roles_link_to_documented_objects_and_stay_code_otherwise(
    extension: ModuleType,
) -> None:
    import griffe

    package = griffe.load("psed", search_paths=[str(ROOT / "src")])
    docs = extension.PsedDocs()
    function = griffe.Function("example", parent=package)
    function.docstring = griffe.Docstring(
        "See :func:`~psed.check`, :class:`psed.Report` and :func:`_private_helper`.",
        parent=function,
    )
    docs.on_object(obj=function)
    value = function.docstring.value
    assert '<autoref identifier="psed.check" optional><code>check</code></autoref>' in value
    assert '<autoref identifier="psed.Report" optional><code>psed.Report</code></autoref>' in value
    assert "`_private_helper`" in value
    # A docstring is converted once, however many times Griffe visits it.
    docs.on_object(obj=function)
    assert function.docstring.value == value
