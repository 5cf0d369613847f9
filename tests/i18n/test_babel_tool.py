"""The catalogue tool (``python -m psed._babel update compile check``) on a copy of the catalogues.

Each test points the tool at a temporary copy of ``src/psed/locale``, so the real
catalogues are never written.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from psed import _babel


@pytest.fixture
def locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "locale"
    shutil.copytree(_babel.LOCALE_DIR, copy)
    monkeypatch.setattr(_babel, "LOCALE_DIR", copy)
    return copy


def _po(locale: Path) -> Path:
    return locale / "cy" / "LC_MESSAGES" / "psed.po"


def _rewrite(locale: Path, change: object) -> None:
    with open(_po(locale), "rb") as handle:
        catalogue = read_po(handle, locale="cy", domain="psed")
    change(catalogue)  # type: ignore[operator]
    with open(_po(locale), "wb") as handle:
        write_po(handle, catalogue, width=0, sort_output=True)


def test_the_shipped_catalogue_passes_check(
    locale: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _babel.main(["check"]) == 0
    assert capsys.readouterr().err == ""


def test_usage_is_refused_with_the_commands_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert _babel.main([]) == 2
    assert _babel.main(["translate"]) == 2
    assert "usage: python -m psed._babel update|compile|check" in capsys.readouterr().err


def test_a_message_missing_from_the_catalogue_is_reported_and_update_adds_it(
    locale: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = next(m for m in _babel.extract() if m.id and not m.context)
    _rewrite(locale, lambda catalogue: catalogue.delete(first.id))
    assert _babel.main(["check"]) == 1
    assert f"{first.id!r} is not in psed.po for cy: run make locale" in capsys.readouterr().err
    _babel.update()
    found = _babel.load("cy").get(first.id)
    assert found is not None
    assert not found.string  # added, waiting for a translator
    assert _babel.main(["check"]) == 1
    assert f"{first.id!r} has no cy translation" in capsys.readouterr().err


def test_a_translation_with_other_placeholders_is_reported(
    locale: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    message = next(
        m for m in _babel.extract() if isinstance(m.id, str) and _babel.placeholders(m.id)
    )

    def drop_placeholders(catalogue: object) -> None:
        entry = catalogue.get(message.id, context=message.context)  # type: ignore[attr-defined]
        entry.string = "Dim dalfannau yma"

    _rewrite(locale, drop_placeholders)
    assert _babel.main(["check"]) == 1
    err = capsys.readouterr().err
    assert "'Dim dalfannau yma' has the placeholders [], not" in err


def test_a_message_gone_from_the_code_is_reported_and_update_drops_it(
    locale: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _rewrite(locale, lambda catalogue: catalogue.add("A sentence no code says", "Brawddeg"))
    assert _babel.main(["check"]) == 1
    err = capsys.readouterr().err
    assert "'A sentence no code says' is in the cy catalogue but no longer in the code" in err
    assert _babel.main(["update", "check"]) == 0
    assert _babel.load("cy").get("A sentence no code says") is None


def test_compile_writes_the_mo_that_gettext_reads(locale: Path) -> None:
    mo = _po(locale).with_suffix(".mo")
    mo.unlink()
    assert _babel.main(["compile"]) == 0
    assert mo.read_bytes() == _babel.compile_catalogue("cy")
    import gettext

    with open(mo, "rb") as handle:
        translations = gettext.GNUTranslations(handle)
    english = next(m for m in _babel.load("cy") if isinstance(m.id, str) and m.id and not m.context)
    assert english.string
    assert translations.gettext(english.id) == english.string


def test_a_language_with_no_catalogue_loads_empty(locale: Path) -> None:
    assert not (locale / "ga").exists()
    assert len(_babel.load("ga")) == 0


def test_update_creates_the_catalogue_of_a_new_language(locale: Path) -> None:
    _babel.update(["ga"])
    created = locale / "ga" / "LC_MESSAGES" / "psed.po"
    assert created.exists()
    catalogue = _babel.load("ga")
    assert len(catalogue) == len([m for m in _babel.extract() if m.id])
    assert not any(any(_babel._strings(m)) for m in catalogue if m.id)
    assert any(p.startswith("'") and "has no ga translation" in p for p in _babel.problems("ga"))
