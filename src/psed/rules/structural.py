"""Documentation of the structural codes PSED001-PSED007.

These findings come from reading a document (:func:`psed.read`), not from a rule
function, so each is registered as a :class:`~psed.rules.Rule` with ``check=None``
and its documentation in the same layout as every other rule.
"""

from __future__ import annotations

from psed._reading.codes import STRUCTURAL_NAMES
from psed.findings import Severity
from psed.model import Status
from psed.rules._registry import documented_rule, register

__all__ = ["STRUCTURAL_DOCS"]

_FORMAT = "psed document format, schema_version 1"

STRUCTURAL_DOCS: dict[str, str] = {
    "PSED001": """The document cannot be read at all.

    ## What it checks
    The file or payload must be UTF-8 JSON or YAML whose root is a mapping (the
    proposal), no larger than the size limit (10 MiB by default) and nested no deeper
    than the depth limit (64 levels by default). Anything else, such as a syntax error,
    a list at the root, or a value that is not text or a mapping, is reported here at
    the whole document (pointer `""`).

    ## Why it matters
    Nothing else can be checked until the document can be read, and a record that
    cannot be read is no record at all. The limits protect form backends from payloads
    built to exhaust memory.

    ## Failing example
    ```yaml
    - name: A list is not an assessment
    ```

    ## Passing example
    ```yaml
    name: Library opening hours review
    ```
    """,
    "PSED002": """A field the format requires is absent.

    ## What it checks
    Only a few fields are structurally required: `name` at the root, `characteristic`
    in an impact entry, `action` in a mitigation, `source` in an evidence item, `rule`
    in a waiver, and `code` and `label` in a document-defined characteristic. The
    finding points at the missing key, such as `/impacts/2/characteristic`.

    ## Why it matters
    Without these fields an entry has no meaning (an impact on no characteristic, a
    mitigation with no action). Everything else is optional so that a half-filled draft
    can be saved; its completeness is judged by the rules, which know its status.

    ## Failing example
    ```yaml
    name: Library opening hours review
    impacts:
      - impact: neutral
    ```

    ## Passing example
    ```yaml
    name: Library opening hours review
    impacts:
      - characteristic: age
        impact: neutral
    ```
    """,
    "PSED003": """A value has the wrong type.

    ## What it checks
    Each field has one type: text, a whole number, a date, a list or a mapping.
    A list where text is expected, text where a list is expected, `true` as a count and
    similar mismatches are reported at the value.

    ## Why it matters
    A value of the wrong type is usually a form or export bug; reporting it at the
    field lets the person filling in the form fix it where it is, instead of the
    assessment silently losing what they wrote.

    ## Failing example
    ```yaml
    name: Library opening hours review
    impacts: age
    ```

    ## Passing example
    ```yaml
    name: Library opening hours review
    impacts:
      - characteristic: age
    ```
    """,
    "PSED004": """A value is not allowed.

    ## What it checks
    An enumeration code that does not exist (such as `impact: bad`), a date that is not
    a real `YYYY-MM-DD` date, a negative customer count, or a `schema_version` this
    release does not read.

    ## Why it matters
    Enumerations are stored as codes so that every system reading the record agrees on
    its meaning; an unknown code would be guessed at, and a guessed impact is not
    evidence of due regard (Equality Act 2010 s149(1)).

    ## Failing example
    ```yaml
    name: Library opening hours review
    impacts:
      - characteristic: age
        impact: quite bad
    ```

    ## Passing example
    ```yaml
    name: Library opening hours review
    impacts:
      - characteristic: age
        impact: negative
    ```
    """,
    "PSED005": """A key the format does not define.

    ## What it checks
    Every key in the document must be one the format defines. A misspelt or invented
    key (such as `mitigation:` for `mitigations:`) is reported at that key.

    ## Why it matters
    Nothing a user wrote may be silently dropped: a misspelt `mitigations` key would
    otherwise make a mitigated impact look unmitigated, or hide text the decision-maker
    was meant to read.

    ## Failing example
    ```yaml
    name: Library opening hours review
    summary: A key the format does not have
    ```

    ## Passing example
    ```yaml
    name: Library opening hours review
    impact_summary: Shorter opening hours on two weekday evenings.
    ```
    """,
    "PSED006": """A characteristic code that is not known.

    ## What it checks
    An impact entry's `characteristic` must be built in, registered by the
    organisation (in Python or the configuration file), or defined in the document's
    own `characteristics` list.

    ## Why it matters
    The code decides which law applies to the entry (Equality Act 2010 s4 and s149 for
    the protected characteristics, Crime and Disorder Act 1998 s17 for community
    safety). A misspelt code would leave a required characteristic unassessed.

    ## Failing example
    ```yaml
    name: Library opening hours review
    impacts:
      - characteristic: agee
    ```

    ## Passing example
    ```yaml
    name: Library opening hours review
    impacts:
      - characteristic: age
    ```
    """,
    "PSED007": """A framework id that is not registered.

    ## What it checks
    The document's `framework` must be a built-in framework (`psed`, `esia`, `wales`,
    `scotland`, `ni-s75`) or one the organisation registered. The rules then judge the
    document under the default `psed` framework.

    ## Why it matters
    The framework decides which characteristics need an entry and which duties apply
    (Equality Act 2010 s149; Crime and Disorder Act 1998 s17 for `esia`). An unknown
    framework would silently check against the wrong list.

    ## Failing example
    ```yaml
    name: Library opening hours review
    framework: county-esia-typo
    ```

    ## Passing example
    ```yaml
    name: Library opening hours review
    framework: esia
    ```
    """,
}


def _register_structural() -> None:
    for code, name in STRUCTURAL_NAMES.items():
        register(
            documented_rule(
                code=code,
                name=name,
                severity=Severity.ERROR,
                status=Status.DRAFT,
                references=(_FORMAT,),
                doc=STRUCTURAL_DOCS[code],
            ),
            replace=True,
        )


_register_structural()
