"""The tables of labels the message catalogue holds, listed with their contexts.

Sentences in the code are marked with :func:`psed._i18n._` and found by the
catalogue extraction; labels kept in tables (enumeration labels, the built-in
characteristics and frameworks, the rendered document's headings and labels, the
rules' one-line summaries) are listed here, each with the context it is looked up
by, so that the extraction and the lookup agree.
"""

from __future__ import annotations

from collections.abc import Iterator

__all__ = [
    "CHARACTERISTIC",
    "DUTY",
    "FRAMEWORK",
    "IMPACT_IN_SENTENCE",
    "LIMB",
    "MONTH",
    "RULE_SUMMARY",
    "enum_context",
    "render_context",
    "tables",
]

CHARACTERISTIC = "characteristic"
"""The context of a built-in characteristic's label."""

FRAMEWORK = "framework"
"""The context of a built-in framework's label."""

IMPACT_IN_SENTENCE = "impact, in a sentence"
"""The context of an impact's label in lower case, as a sentence uses it."""

DUTY = "duty"
"""The context of a built-in duty's title, as a sentence names it."""

LIMB = "limb of a duty"
"""The context of a limb's label (the matters a duty lists, such as "crime and disorder")."""

MONTH = "month"
"""The context of a month's name in a date."""

RULE_SUMMARY = "rule summary"
"""The context of a built-in rule's one-line summary."""


def enum_context(class_name: str) -> str:
    """The context of an enumeration's labels: ``enum Impact``."""
    return f"enum {class_name}"


def render_context(label_id: str) -> str:
    """The context of a rendered document's label: ``render section.proposal``."""
    return f"render {label_id}"


def tables() -> Iterator[tuple[str, str, str]]:
    """``(context, English, where)`` for every label psed keeps in a table."""
    from psed import _form_messages, _i18n, model
    from psed.catalogue import BUILTIN_CHARACTERISTICS, BUILTIN_FRAMEWORKS, NI_CATEGORIES
    from psed.law import BUILTIN_DUTIES
    from psed.rendering._labels import LABELS
    from psed.rules import all_rules

    for (class_name, _code), english in model._LABELS.items():
        yield enum_context(class_name), english, f"psed.model.{class_name}.label"
    for impact in model.Impact:
        yield IMPACT_IN_SENTENCE, impact.label.lower(), "psed.model.Impact.label:in-a-sentence"
    for characteristic in (*BUILTIN_CHARACTERISTICS.values(), *NI_CATEGORIES.values()):
        yield CHARACTERISTIC, characteristic.label, f"psed.catalogue:{characteristic.code}"
    for framework in BUILTIN_FRAMEWORKS.values():
        yield FRAMEWORK, framework.label, f"psed.catalogue:{framework.id}"
    for duty in BUILTIN_DUTIES.values():
        yield DUTY, duty.title, f"psed.law:{duty.id}"
        for limb in duty.limbs:
            yield LIMB, limb.label, f"psed.law:{duty.id}"
    for english in _i18n.MONTHS:
        yield MONTH, english, "psed._i18n.MONTHS"
    for label_id, english in LABELS.items():
        yield render_context(label_id), english, f"psed.rendering._labels:{label_id}"
    for rule in all_rules(builtin_only=True):
        yield RULE_SUMMARY, rule.summary, f"psed.rules:{rule.code}"
    for message_id, english in _form_messages.FORM_MESSAGES.items():
        yield _form_messages.FORM_MESSAGE, english, f"psed._form_messages:{message_id}"
    for path, english in _form_messages.FIELD_NAMES.items():
        yield _form_messages.FORM_FIELD, english, f"psed._form_messages:{path or '(document)'}"
    for english in (_form_messages.UNKNOWN_FIELD, _form_messages.UNKNOWN_CHARACTERISTIC):
        yield _form_messages.FORM_FIELD, english, "psed._form_messages"
    from psed._reading import parser_messages, structural

    yield from structural.table_entries()
    yield from parser_messages.table_entries()
