"""Documents written in Welsh: placeholders, leftovers, word counts, adverse wording, s17 limbs."""

from __future__ import annotations

import pytest

from psed import law
from psed._text import text


@pytest.mark.parametrize(
    "value",
    [
        "Amherthnasol",
        "amh.",
        "Dim",
        "DIM.",
        "I'w gadarnhau",
        "I’w gadarnhau",
        "I ddilyn",
        "Gweler uchod",
        "[Mewnosod disgrifiad]",
    ],
)
def test_welsh_placeholders(value: str) -> None:
    assert text(value).placeholder


@pytest.mark.parametrize(
    "value", ["Dim effaith ar neb.", "Amherthnasol i'r gwasanaeth hwn", "Dimai", "Iddilyniant"]
)
def test_welsh_text_that_is_not_a_placeholder(value: str) -> None:
    assert not text(value).placeholder


def test_welsh_template_leftovers() -> None:
    found = text(
        "[Mewnosod disgrifiad] Dilëwch fel y bo’n briodol. Cliciwch yma i roi testun. "
        "Dewiswch eitem. I'w gadarnhau."
    ).leftovers
    assert found == (
        "[mewnosod",
        "dilëwch fel y bo'n briodol",
        "cliciwch yma i roi testun",
        "dewiswch eitem",
        "i'w gadarnhau",
    )


def test_welsh_words_are_counted_whole() -> None:
    assert text("Mae'r gwasanaeth economaidd-gymdeithasol yn parhau i'w gynnig.").words == 7
    assert text("Dim effaith.").words == 2


@pytest.mark.parametrize(
    ("details", "found"),
    [
        ("Bydd y newid yn anfantais i bobl hŷn.", ("anfantais",)),
        ("Mae perygl o allgáu pobl heb gar.", ("allgáu",)),
        ("Mae perygl o allgau pobl heb gar.", ("allgau",)),
        ("Bydd pobl anabl yn methu cael mynediad i'r adeilad.", ("methu cael mynediad",)),
        ("Bydd yn effeithio’n negyddol ar deuluoedd.", ("effeithio'n negyddol",)),
        ("Mae hyn yn creu rhwystrau i rieni.", ("rhwystrau",)),
        ("Ni fydd yn rwystr i neb.", ()),  # "ni" within four words before
        ("Gallai arwain at wahaniaethu.", ("wahaniaethu",)),
        ("Ni fydd unrhyw anfantais i neb.", ()),
        ("Heb anfantais i neb.", ()),
        ("Bydd y gwasanaeth yn gwasanaethu pawb.", ()),  # "ethu" inside a longer word
        ("Bydd y cynllun yn lleihau'r anfantais.", ()),
    ],
)
def test_welsh_adverse_wording(details: str, found: tuple[str, ...]) -> None:
    assert text(details).adverse == found


@pytest.mark.parametrize(
    ("details", "limb"),
    [
        ("Dim effaith ar drosedd nac anhrefn.", "crime_disorder"),
        ("Ni fydd yn cynyddu ymddygiad gwrthgymdeithasol.", "anti_social_behaviour"),
        ("Dim effaith ar yr amgylchedd lleol.", "anti_social_behaviour"),
        ("Dim effaith ar gamddefnyddio cyffuriau nac alcohol.", "substance_misuse"),
        ("Ni fydd yn effeithio ar aildroseddu.", "re_offending"),
        ("Dim effaith ar drais difrifol.", "serious_violence"),
    ],
)
def test_welsh_s17_limbs(details: str, limb: str) -> None:
    limbs = list(law.BUILTIN_DUTIES[law.CDA_S17].limbs)
    assert [x.id for x in law.mentioned_limbs(text(details).folded, limbs)] == [limb]


def test_aildroseddu_is_not_crime_and_disorder() -> None:
    limbs = list(law.BUILTIN_DUTIES[law.CDA_S17].limbs)
    assert [x.id for x in law.mentioned_limbs(text("Aildroseddu").folded, limbs)] == [
        "re_offending"
    ]
