"""The ``psed`` package as a user meets it: its names, its version, its start-up, its reprs."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import importlib.metadata
import importlib.util
import subprocess
import sys

import pytest

import psed

from .conftest import EXAMPLES, ROOT

INIT = ROOT / "src" / "psed" / "__init__.py"


def _type_checking_imports() -> dict[str, str]:
    """``name -> module`` of the imports the type checker reads in ``psed/__init__.py``."""
    tree = ast.parse(INIT.read_text("utf-8"))
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                assert statement.module is not None
                for alias in statement.names:
                    assert alias.asname == alias.name, "re-export as the same name"
                    found[alias.name] = statement.module
    return found


def test_every_public_name_resolves_to_its_module_object() -> None:
    names = [n for n in psed.__all__ if n != "__version__"]
    assert names == sorted(names)
    assert _type_checking_imports() == {n: psed._MODULE_OF[n] for n in names}
    for name in names:
        module = importlib.import_module(psed._MODULE_OF[name])
        assert getattr(psed, name) is getattr(module, name), name


def test_a_public_function_is_not_shadowed_by_a_subpackage_of_its_name() -> None:
    # psed.render is a function; its package is psed.rendering. A subpackage named as a
    # public function would replace the function on the package once it was imported.
    shadowed = [n for n in psed.__all__ if importlib.util.find_spec(f"psed.{n}") is not None]
    assert shadowed == []
    shadowed = [n for n, m in psed._MODULE_OF.items() if m.rpartition(".")[2] == n]
    code = (
        "import importlib, inspect, psed\n"
        f"for name in {shadowed!r}:\n"
        "    importlib.import_module('psed.' + name)\n"
        "    assert not inspect.ismodule(getattr(psed, name)), name\n"
    )
    _python("-c", code)


def test_dir_shows_only_the_public_api() -> None:
    shown = dir(psed)
    assert shown == sorted([*psed.__all__, "audit", "forms", "law", "rules", "testing"])
    assert not [n for n in shown if n.startswith("_") and n != "__version__"]
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        psed.nothing_here  # noqa: B018


def test_the_version_is_written_once_and_is_the_installed_one() -> None:
    assert psed.__version__ == importlib.metadata.version("psed")
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    assert 'dynamic = ["version"]' in text
    assert 'path = "src/psed/__init__.py"' in text


def _python(*code: str) -> str:
    result = subprocess.run(
        [sys.executable, *code], capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout.strip()


def test_import_psed_loads_nothing_until_a_name_is_used() -> None:
    loaded = _python("-c", "import sys, psed; print(sorted(m for m in sys.modules if 'psed' in m))")
    assert loaded == "['psed']"
    # the version and the command's parser need none of the model, the reader or the rules,
    # nor the libraries they are built on
    out = _python(
        "-c",
        "import sys, psed.cli; psed.cli.build_parser(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('psed', 'attr', 'attrs', 'cattrs', 'yaml', 'pathspec')))",
    )
    assert out == "['psed', 'psed._files', 'psed.cli']"


def test_python_m_psed_runs_the_command() -> None:
    assert _python("-m", "psed", "--version") == f"psed {psed.__version__}"


def test_a_report_prints_as_one_short_line() -> None:
    text = (EXAMPLES / "customer-access-strategy.yaml").read_text("utf-8")
    report = psed.validate(text, as_of=dt.date(2026, 11, 26))
    shown = repr(report)
    assert "\n" not in shown
    assert len(shown) < 200
    counts = report.counts
    assert shown.startswith(f"Report(ok={report.ok}, error={counts['error']}, ")
    assert str(report) == shown


def test_check_of_a_dict_says_to_call_validate() -> None:
    with pytest.raises(TypeError, match=r"not dict; .*call psed\.validate"):
        psed.check({"name": "x"})  # type: ignore[arg-type]
    assert psed.validate({"name": "x"}).status is not None


def test_each_public_name_is_listed_once_and_whole_modules_are_re_exported() -> None:
    listed = [name for names in psed._EXPORTS.values() for name in names]
    assert sorted(listed) == sorted(set(listed))
    for module in ("psed.model", "psed.reading", "psed.engine"):
        assert set(importlib.import_module(module).__all__) <= set(psed.__all__), module
