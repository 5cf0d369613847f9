"""Languages: every sentence and label psed shows a person, in English and in Welsh.

A sentence is built as a :class:`Message`: its catalogue id (the whole English
sentence, with ``{placeholders}`` where values go) and the values. The English
text is the id itself; the Welsh text comes from the gettext catalogue shipped in
``psed/locale/cy/LC_MESSAGES/psed.mo``, looked up with the standard library's
:mod:`gettext` (no dependency at run time). A value is plain text (a name, a
code, a pointer: never translated) or another :class:`Message` (a label such as a
characteristic's, translated in the same language).

Code marks a sentence with :func:`_` (and :func:`C_` for a label that needs a
context, :func:`P_` for one whose wording depends on a number), which is what
the catalogue extraction looks for. Tables of labels (enumeration labels,
characteristics, frameworks, rendered headings, rule summaries) are listed by
:func:`table_messages`, each entry with its context.

A translation that cannot be used (no catalogue entry, or a placeholder the
values do not fill) falls back to the English sentence: a person always reads a
whole sentence.
"""

from __future__ import annotations

import datetime as _dt
import functools
import gettext
import os
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Any, Union

from psed._i18n_tables import MONTH

__all__ = [
    "C_",
    "DEFAULT_LANG",
    "ENV_VAR",
    "LANGUAGES",
    "P_",
    "Message",
    "_",
    "choose_lang",
    "gettext_for",
    "label",
    "long_date",
    "table_messages",
    "template_for",
    "text",
]

LANGUAGES: tuple[str, ...] = ("en", "cy")
"""The languages psed speaks: English (``en``, the default) and Welsh (``cy``)."""

DEFAULT_LANG = "en"
"""The language used when none is asked for."""

ENV_VAR = "PSED_LANG"
"""The environment variable the command line reads when ``--lang`` is not given."""

DOMAIN = "psed"
"""The gettext domain: ``psed/locale/<lang>/LC_MESSAGES/psed.mo``."""

Arg = Union[str, int, "Message"]
"""A value in a message: text shown as it is, a number, or a message to translate."""


class Message(str):
    """A sentence (or label) for a person, to be given in the language asked for.

    A Message *is* its English text (a ``str``), so code that reads a message as text
    keeps working; :meth:`text` gives it in another language. ``id`` is the English
    wording with ``{placeholders}``; ``args`` the values by placeholder name.
    ``context`` tells apart two entries whose English is the same but whose Welsh may
    differ. ``plural`` and ``number`` choose the form for a count (``P_``).
    """

    id: str
    args: tuple[tuple[str, Arg], ...]
    context: str | None
    plural: str | None
    number: int | None

    def __new__(
        cls,
        id: str,
        args: tuple[tuple[str, Arg], ...] = (),
        context: str | None = None,
        plural: str | None = None,
        number: int | None = None,
    ) -> Message:
        template = plural if plural is not None and number != 1 else id
        if args or number is not None or "{" in template or "}" in template:
            english = _fill(template, args, number, "en")
        else:  # nothing to fill in (a label): the text is the template as it is
            english = template
        self = super().__new__(cls, english)
        self.id, self.args, self.context = id, tuple(args), context
        self.plural, self.number = plural, number
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.id, self.args, self.context, self.plural, self.number))

    def __repr__(self) -> str:
        return f"Message({self.id!r}, args={self.args!r}, context={self.context!r})"

    def __str__(self) -> str:
        return str.__str__(self)

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """The sentence in ``lang``, every value filled in (English when no translation fits)."""
        if lang == DEFAULT_LANG:
            return str.__str__(self)
        translated = self._translated(lang)
        if translated is not None:
            try:
                return _format(translated, self.args, self.number, lang)
            except (KeyError, IndexError, ValueError, AttributeError):
                pass  # a broken translation: the English sentence instead
        return str.__str__(self)

    def _translated(self, lang: str) -> str | None:
        """The catalogue's wording (the English one when it has none), or None without one."""
        catalogue = _catalogue(lang)
        if catalogue is None:
            return None
        if self.plural is not None:
            n = 0 if self.number is None else self.number
            if self.context is not None:
                return catalogue.npgettext(self.context, self.id, self.plural, n)
            return catalogue.ngettext(self.id, self.plural, n)
        if self.context is not None:
            return catalogue.pgettext(self.context, self.id)
        return catalogue.gettext(self.id)


def _format(template: str, args: tuple[tuple[str, Arg], ...], number: int | None, lang: str) -> str:
    values = {name: text(value, lang) for name, value in args}
    if number is not None:
        values.setdefault("count", str(number))
    return template.format_map(values)


def _fill(template: str, args: tuple[tuple[str, Arg], ...], number: int | None, lang: str) -> str:
    """``template`` with its values; the template itself when they do not fit it."""
    try:
        return _format(template, args, number, lang)
    except (KeyError, IndexError, ValueError, AttributeError):
        return template


def _(message: str, /, **args: Arg) -> Message:
    """A sentence to translate: ``_("{label} has no impact entry.", label=label)``."""
    return Message(id=message, args=tuple(args.items()))


def C_(context: str, message: str, /, **args: Arg) -> Message:
    """A sentence or label with a context, for wordings that mean different things."""
    return Message(id=message, args=tuple(args.items()), context=context)


def P_(singular: str, plural: str, number: int, /, **args: Arg) -> Message:
    """A sentence whose wording depends on ``number`` (``{count}`` is the number)."""
    return Message(id=singular, args=tuple(args.items()), plural=plural, number=number)


def label(context: str, english: str) -> Message:
    """A table's label as a message: ``label("characteristic", "Age")``."""
    return Message(id=english, context=context)


MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""The months' English names, as dates in sentences give them."""


def long_date(day: _dt.date) -> Message:
    """A date as a sentence gives it: "22 November 2022" (in Welsh, "22 Tachwedd 2022")."""
    return C_(
        "date",
        "{day} {month} {year}",
        day=str(day.day),
        month=label(MONTH, MONTHS[day.month - 1]),
        year=str(day.year),
    )


def text(value: Arg, lang: str = DEFAULT_LANG) -> str:
    """``value`` as a person reads it in ``lang``: a message translated, anything else as is."""
    if isinstance(value, Message):
        return value.text(lang)
    return str(value)


def gettext_for(lang: str, english: str, context: str | None = None) -> str:
    """The translation of one catalogue entry, or ``english`` when there is none."""
    return Message(id=english, context=context).text(lang) if lang != DEFAULT_LANG else english


def template_for(lang: str, english: str, context: str | None = None) -> str:
    """The catalogue's wording of one entry as it stands, placeholders unfilled (``english``
    when there is none): for a table of format strings that fills them itself."""
    if lang == DEFAULT_LANG:
        return english
    found = Message(id=english, context=context)._translated(lang)
    return found or english


def choose_lang(lang: str | None, *, environ: Mapping[str, str] | None = None) -> str:
    """The language to use: ``lang`` if given, else :data:`ENV_VAR`, else English.

    Raises ValueError naming the languages psed has when ``lang`` (or the variable)
    is not one of them. ``cy-GB`` and ``cy_GB.UTF-8`` are read as ``cy``.
    """
    where = "lang"
    if lang is None:
        env = os.environ if environ is None else environ
        lang = env.get(ENV_VAR) or None
        where = ENV_VAR
        if lang is None:
            return DEFAULT_LANG
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a string such as 'cy', not {type(lang).__name__}")
    code = lang.strip().replace("_", "-").split(".")[0].split("-")[0].lower()
    if code not in LANGUAGES:
        raise ValueError(
            f"{where}: {lang!r} is not a language psed has; use one of: {', '.join(LANGUAGES)}"
        )
    return code


@functools.cache
def _catalogue(lang: str) -> gettext.GNUTranslations | None:
    """The compiled catalogue of ``lang`` (read once), or None for English or if missing."""
    if lang == DEFAULT_LANG:
        return None
    path = resources.files("psed") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except OSError:
        return None


def table_messages() -> Iterator[tuple[str, str, str]]:
    """Every label psed keeps in a table, as ``(context, English, where)``.

    The catalogue holds these beside the sentences marked in the code; ``where`` is
    the table, for the translator's note.
    """
    from psed._i18n_tables import tables

    yield from tables()
