"""Keeping the message catalogues: extract, update and compile them with Babel.

For maintainers and translators (Babel comes with the ``test`` extra; psed reads the
compiled catalogues with the standard library at run time)::

    python -m psed._babel update    # extract every message, update the .po files
    python -m psed._babel compile   # compile each .po into the .mo psed reads
    python -m psed._babel check     # fail when a message lacks a translation

``make locale`` runs the first two. Sentences are found in the code where they are
marked with ``_()``, ``C_()`` (with a context) and ``P_()`` (with a plural), as the
extraction configuration ``babel.cfg`` at the root of the repository says; labels
kept in tables are listed by :func:`psed._i18n.table_messages`.

The compiled ``.mo`` files are committed beside the ``.po`` files, so that an
installed or editable psed needs no build step and no Babel; a test compiles each
``.po`` again and fails when the committed ``.mo`` is not the same.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from psed._i18n import DOMAIN, LANGUAGES, table_messages

__all__ = [
    "KEYWORDS",
    "LOCALE_DIR",
    "ROOT",
    "compile_catalogue",
    "extract",
    "load",
    "main",
    "placeholders",
    "po_path",
    "problems",
    "update",
]

ROOT = Path(__file__).resolve().parents[2]
"""The repository root (where ``babel.cfg`` is)."""

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
"""Where the catalogues live: ``locale/<lang>/LC_MESSAGES/psed.po`` and ``.mo``."""

KEYWORDS: dict[str, Any] = {"_": None, "C_": ((1, "c"), 2), "P_": (1, 2)}
"""The marking functions of :mod:`psed._i18n`, as Babel's keyword specifications."""

_HEADER = "Welsh translation of psed's messages."
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def po_path(lang: str) -> Path:
    """The ``.po`` file of ``lang``."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _mapping() -> tuple[list[tuple[str, str]], dict[str, dict[str, str]]]:
    from babel.messages.frontend import parse_mapping_cfg

    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)  # type: ignore[no-untyped-call]
    return list(method_map), dict(options_map)


def _searched(dirpath: str) -> bool:
    """The folders the extraction reads: Babel's default skips ``_private`` packages too."""
    name = Path(dirpath).name
    return not name.startswith(".") and name != "__pycache__"


def extract() -> Any:
    """A catalogue template (Babel ``Catalog``) of every message psed shows a person."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(project="psed", domain=DOMAIN, fuzzy=False)
    method_map, options_map = _mapping()
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
        directory_filter=_searched,
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    for context, english, where in table_messages():
        template.add(english, None, [(where, 0)], context=context)
    return template


def load(lang: str) -> Any:
    """The ``.po`` catalogue of ``lang`` as a Babel ``Catalog`` (empty when there is none)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN, project="psed", fuzzy=False)
    with open(path, "rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def update(langs: Sequence[str] = LANGUAGES[1:]) -> None:
    """Bring each language's ``.po`` up to date with the code: new ids added, gone ones dropped."""
    from babel.messages.pofile import write_po

    template = extract()
    for lang in langs:
        catalogue = load(lang)
        catalogue.update(template, no_fuzzy_matching=True)
        catalogue.obsolete.clear()
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalogue.header_comment = f"# {_HEADER}\n# Review by a qualified translator is invited."
        catalogue.project = "psed"
        catalogue.version = ""
        catalogue.msgid_bugs_address = ""
        catalogue.last_translator = "psed maintainers"
        catalogue.language_team = "Welsh (cy)"
        with open(path, "wb") as handle:
            write_po(handle, catalogue, width=0, sort_output=True, omit_header=False)


def compile_catalogue(lang: str) -> bytes:
    """The ``.mo`` bytes of ``lang``'s ``.po``, as :func:`compile_all` writes them."""
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, load(lang), use_fuzzy=False)
    return buffer.getvalue()


def compile_all(langs: Sequence[str] = LANGUAGES[1:]) -> None:
    """Write each language's ``.mo`` next to its ``.po``."""
    for lang in langs:
        po_path(lang).with_suffix(".mo").write_bytes(compile_catalogue(lang))


def placeholders(text: str) -> list[str]:
    """The ``{placeholders}`` of a message, sorted (``{{`` and ``}}`` are not placeholders)."""
    return sorted(_PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


def _ids(message: Any) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, (list, tuple)) else (message.id,)


def _strings(message: Any) -> tuple[str, ...]:
    if isinstance(message.string, (list, tuple)):
        return tuple(message.string)
    return (message.string,)


def problems(lang: str) -> Iterator[str]:
    """Every way ``lang``'s catalogue falls short of the code, one sentence each."""
    template = extract()
    catalogue = load(lang)
    for message in template:
        if not message.id:
            continue
        found = catalogue.get(message.id, context=message.context)
        where = f"{message.id!r}" + (f" (context {message.context!r})" if message.context else "")
        if found is None:
            yield f"{where} is not in {po_path(lang).name} for {lang}: run make locale"
            continue
        strings = _strings(found)
        if found.fuzzy or not all(strings):
            yield f"{where} has no {lang} translation (or only a fuzzy one)"
            continue
        wanted = placeholders(_ids(message)[-1])
        for string in strings:
            if placeholders(string) != wanted:
                yield (
                    f"{where}: the {lang} translation {string!r} has the placeholders "
                    f"{placeholders(string)}, not {wanted}"
                )
    known = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in template}
    for message in catalogue:
        key = (message.id if isinstance(message.id, str) else message.id[0], message.context)
        if message.id and key not in known:
            yield f"{message.id!r} is in the {lang} catalogue but no longer in the code"


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m psed._babel update|compile|check``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or any(a not in ("update", "compile", "check") for a in args):
        print("usage: python -m psed._babel update|compile|check ...", file=sys.stderr)
        return 2
    status = 0
    for command in args:
        if command == "update":
            update()
        elif command == "compile":
            compile_all()
        else:
            for lang in LANGUAGES[1:]:
                for problem in problems(lang):
                    print(problem, file=sys.stderr)
                    status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
