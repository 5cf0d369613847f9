"""Duties as data: dates, jurisdictions, frameworks naming duties, custom and configured duties."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import psed
from psed.catalogue import BUILTIN_FRAMEWORKS, Catalogue, CatalogueError, default_catalogue
from psed.config import Config, ConfigError
from psed.law import BUILTIN_DUTIES, Duty, Jurisdiction, Scope

D = dt.date


@pytest.mark.parametrize(
    ("duty", "first", "last"),
    [
        ("ea2010-s149", D(2011, 4, 5), None),
        ("rra-s71", D(2001, 4, 2), D(2011, 4, 4)),
        ("dda-s49a", D(2006, 12, 4), D(2011, 4, 4)),
        ("sda-s76a", D(2007, 4, 6), D(2011, 4, 4)),
        ("cda-s17", D(1998, 9, 30), None),
        ("wales-sed", D(2021, 3, 31), None),
        ("wales-regs-2011", D(2011, 4, 6), None),
        ("welsh-language-standards", D(2016, 3, 30), None),
        ("scotland-regs-2012", D(2012, 5, 27), None),
        ("fairer-scotland", D(2018, 4, 1), None),
        ("ni-s75", D(2000, 1, 1), None),
        ("ni-dda-s49a", D(2007, 1, 1), None),
        ("armed-forces-covenant", D(2022, 11, 22), None),
    ],
)
def test_each_duty_is_in_force_from_its_day_and_not_the_day_before(
    duty: str, first: dt.date, last: dt.date | None
) -> None:
    d = BUILTIN_DUTIES[duty]
    assert not d.in_force_on(first - dt.timedelta(days=1))
    assert d.in_force_on(first)
    if last is not None:
        assert d.in_force_on(last)
        assert not d.in_force_on(last + dt.timedelta(days=1))
    else:
        assert d.in_force_on(D(2099, 1, 1))


def test_the_legacy_duties_end_the_day_before_s149_begins() -> None:
    s149 = BUILTIN_DUTIES["ea2010-s149"]
    for legacy in ("rra-s71", "dda-s49a", "sda-s76a"):
        until = BUILTIN_DUTIES[legacy].until
        assert until is not None
        assert s149.in_force is not None
        assert until + dt.timedelta(days=1) == s149.in_force


def test_jurisdictions_of_the_duties() -> None:
    gb = {Jurisdiction.ENGLAND, Jurisdiction.WALES, Jurisdiction.SCOTLAND}
    assert BUILTIN_DUTIES["ea2010-s149"].jurisdictions == gb
    assert BUILTIN_DUTIES["cda-s17"].jurisdictions == {Jurisdiction.ENGLAND, Jurisdiction.WALES}
    assert BUILTIN_DUTIES["ni-s75"].jurisdictions == {Jurisdiction.NORTHERN_IRELAND}
    assert BUILTIN_DUTIES["armed-forces-covenant"].jurisdictions == set(Jurisdiction)


def test_covenant_cites_the_section_of_each_nation() -> None:
    covenant = BUILTIN_DUTIES["armed-forces-covenant"]
    assert [covenant.general_in(j) for j in Jurisdiction] == [
        "Armed Forces Act 2006 s343AA",
        "Armed Forces Act 2006 s343AB",
        "Armed Forces Act 2006 s343AC",
        "Armed Forces Act 2006 s343AD",
    ]


def test_s17_limbs_commence_on_their_own_days_in_each_nation() -> None:
    limbs = {limb.id: limb for limb in BUILTIN_DUTIES["cda-s17"].limbs}
    asb = limbs["anti_social_behaviour"]
    assert not asb.in_force_on(D(2007, 7, 31), Jurisdiction.ENGLAND)
    assert asb.in_force_on(D(2007, 8, 1), Jurisdiction.ENGLAND)
    assert not asb.in_force_on(D(2007, 11, 18), Jurisdiction.WALES)
    assert asb.in_force_on(D(2007, 11, 19), Jurisdiction.WALES)
    assert not limbs["serious_violence"].in_force_on(D(2023, 1, 30), Jurisdiction.ENGLAND)
    assert limbs["serious_violence"].in_force_on(D(2023, 1, 31), Jurisdiction.WALES)
    assert not limbs["crime_disorder"].in_force_on(D(2030, 1, 1), Jurisdiction.SCOTLAND)


def test_every_builtin_framework_names_known_duties_of_its_own_jurisdiction() -> None:
    catalogue = Catalogue()
    for framework in BUILTIN_FRAMEWORKS.values():
        for duty_id in framework.duties:
            assert framework.jurisdiction in catalogue.duties[duty_id].jurisdictions
        catalogue.extend(frameworks=[framework])  # validates


def test_frameworks_and_their_duties() -> None:
    fw = BUILTIN_FRAMEWORKS
    assert fw["ni-s75"].jurisdiction is Jurisdiction.NORTHERN_IRELAND
    assert "ea2010-s149" not in fw["ni-s75"].duties
    assert "cda-s17" in fw["esia"].duties
    assert fw["esia"].community_safety
    assert "cda-s17" not in fw["psed"].duties
    assert not fw["psed"].community_safety
    assert fw["wales"].jurisdiction is Jurisdiction.WALES
    assert {"wales-sed", "welsh-language-standards"} <= set(fw["wales"].duties)
    assert "fairer-scotland" in fw["scotland"].duties
    assert all("armed-forces-covenant" in f.duties for f in fw.values())


def test_community_safety_and_the_s17_duty_say_the_same_thing() -> None:
    by_flag = psed.Framework(id="a", label="A", required=(), community_safety=True)
    by_duty = psed.Framework(id="a", label="A", required=(), duties=("ea2010-s149", "cda-s17"))
    assert "cda-s17" in by_flag.duties
    assert by_duty.community_safety
    derived = default_catalogue().derive_framework("b", base="esia", community_safety=False)
    assert "cda-s17" not in derived.duties
    assert not derived.community_safety


def test_duty_citations_of_0_1_are_read_as_duty_ids() -> None:
    old = psed.Framework(
        id="old",
        label="Old",
        required=(),
        duties=("Equality Act 2010 s149", "Crime and Disorder Act 1998 s17"),
    )
    assert old.duties == ("ea2010-s149", "cda-s17")


def test_text_that_is_not_a_duty_id_is_a_local_commitment() -> None:
    fw = default_catalogue().derive_framework(
        "county", base="psed", duties=["County Council Equality Scheme 2024-28"]
    )
    catalogue = default_catalogue().extend(frameworks=[fw])
    local = catalogue.duties["County Council Equality Scheme 2024-28"]
    assert local.basis is psed.law.Basis.PRACTICE
    assert local.in_force is None
    assert local.in_force_on(D(1990, 1, 1))


def test_a_framework_may_not_name_another_jurisdictions_duty() -> None:
    fw = default_catalogue().derive_framework("x", base="psed", duties=["ni-s75"])
    with pytest.raises(CatalogueError, match="applies only in Northern Ireland"):
        default_catalogue().extend(frameworks=[fw])
    scots = default_catalogue().derive_framework("y", base="scotland", community_safety=True)
    with pytest.raises(CatalogueError, match="cda-s17"):
        default_catalogue().extend(frameworks=[scots])


def test_an_unknown_duty_id_is_refused_with_a_suggestion() -> None:
    fw = default_catalogue().derive_framework("x", base="psed", duties=["ea2010-s194"])
    with pytest.raises(CatalogueError, match="did you mean 'ea2010-s149'"):
        default_catalogue().extend(frameworks=[fw])


def test_builtin_duties_cannot_be_redefined_except_a_configurable_date() -> None:
    s149 = BUILTIN_DUTIES["ea2010-s149"]
    with pytest.raises(CatalogueError, match="cannot be redefined"):
        default_catalogue().extend(duties=[attrs.evolve(s149, in_force=D(2011, 4, 6))])
    wls = BUILTIN_DUTIES["welsh-language-standards"]
    later = default_catalogue().extend(duties=[attrs.evolve(wls, in_force=D(2016, 9, 30))])
    assert later.duties["welsh-language-standards"].in_force == D(2016, 9, 30)
    with pytest.raises(CatalogueError, match="only its commencement date"):
        default_catalogue().extend(duties=[attrs.evolve(wls, requires=())])


def test_custom_duties_are_checked() -> None:
    def duty(**kw: object) -> Duty:
        fields: dict[str, object] = {
            "id": "county-scheme",
            "citation": "County Scheme",
            "title": "County Scheme",
            "jurisdictions": ["england"],
        }
        fields.update(kw)
        return Duty(**fields)  # type: ignore[arg-type]

    with pytest.raises(CatalogueError, match="unknown characteristic 'nope'"):
        default_catalogue().extend(duties=[duty(requires=["nope"])])
    with pytest.raises(CatalogueError, match="ends"):
        default_catalogue().extend(duties=[duty(in_force=D(2024, 1, 1), until=D(2023, 1, 1))])
    with pytest.raises(CatalogueError, match="no jurisdiction"):
        default_catalogue().extend(duties=[duty(jurisdictions=[])])
    with pytest.raises(CatalogueError, match="not valid"):
        default_catalogue().extend(duties=[duty(id="County Scheme!", citation="x")])
    assert duty().scope is Scope.ALL


def test_configuration_defines_duties_and_sets_a_bodys_standards_date() -> None:
    cfg = Config.from_mapping(
        {
            "duties": {
                "welsh-language-standards": {"in-force": D(2016, 9, 30)},
                "county-scheme": {
                    "citation": "County Equality Scheme 2024-28",
                    "jurisdictions": ["england"],
                    "in-force": D(2024, 4, 1),
                    "requires": ["carers"],
                    "basis": "practice",
                },
            },
            "frameworks": {"county": {"base": "psed", "duties": ["county-scheme"]}},
        }
    )
    catalogue = cfg.catalogue()
    assert catalogue.duties["welsh-language-standards"].in_force == D(2016, 9, 30)
    doc = {"name": "Parks", "framework": "county", "status": "submitted"}
    before = psed.validate(doc, config=cfg, as_of=D(2024, 3, 31))
    after = psed.validate(doc, config=cfg, as_of=D(2024, 4, 1))
    assert "carers" not in {f.characteristic for f in before.findings if f.code == "PSED101"}
    (carers,) = [f for f in after.findings if f.code == "PSED101" and f.characteristic == "carers"]
    assert carers.references == ("County Equality Scheme 2024-28",)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"ea2010-s149": {"in-force": D(2011, 4, 6)}}, "only the commencement date"),
        ({"welsh-language-standards": {"in-force": "2016-09-30"}}, "expected a date"),
        ({"x-duty": {"citation": "X"}}, "jurisdictions: missing"),
        ({"x-duty": {"citation": "X", "jurisdictions": ["mars"]}}, "not a jurisdiction"),
        ({"x-duty": {"citation": "X", "jurisdictions": ["wales"], "basis": "lore"}}, "'law' or"),
        ({"x-duty": {"citation": "X", "jurisdictions": ["wales"], "starts": 1}}, "unknown key"),
    ],
)
def test_configuration_errors_name_the_key(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Config.from_mapping({"duties": table})


def test_configured_framework_may_set_its_jurisdiction() -> None:
    cfg = Config.from_mapping(
        {
            "frameworks": {
                "cymru": {"base": "psed", "jurisdiction": "wales", "duties": ["wales-regs-2011"]}
            }
        }
    )
    fw = cfg.catalogue().frameworks["cymru"]
    assert fw.jurisdiction is Jurisdiction.WALES


def test_register_duty_then_a_framework_names_it() -> None:
    duty = Duty(
        id="test-register-duty",
        citation="Test Council Commitment 2025",
        title="Test commitment",
        jurisdictions=["england"],
        basis="practice",
    )
    assert psed.register_duty(duty) is duty
    fw = psed.register_framework("test-register-duty-fw", base="psed", duties=[duty.id])
    assert duty.id in fw.duties


def test_under_a_northern_ireland_framework_shared_codes_are_s75_categories() -> None:
    catalogue = default_catalogue()
    for code in ("age", "disability", "sexual_orientation"):
        ni = catalogue.characteristic(code, "ni-s75")
        gb = catalogue.characteristic(code, "psed")
        assert ni is not None
        assert gb is not None
        assert ni.aims == frozenset()
        assert all("Northern Ireland" in basis for basis in ni.legal_basis)
        assert any("Equality Act 2010" in basis for basis in gb.legal_basis)
    assert catalogue.characteristic("race", "ni-s75") == catalogue.characteristic("race")


def test_catalogue_bases_are_right() -> None:
    chars = psed.BUILTIN_CHARACTERISTICS
    assert "Equality Act 2010 s4, ss17-18" in chars["pregnancy_maternity"].legal_basis
    age = " ".join(chars["age"].legal_basis)
    assert "Sch 18 para 1" in age
    assert "Sch 18 para 2" in age
    covenant = " ".join(chars["armed_forces"].legal_basis)
    for section in ("s343AA (England)", "s343AB (Wales)", "s343AC (Scotland)", "s343AD (Northern"):
        assert section in covenant
    for code in ("religious_belief", "political_opinion", "racial_group"):
        assert "Northern Ireland Act 1998 s75(2)" in chars[code].legal_basis
    for code in ("marital_status", "men_women", "dependants"):
        assert chars[code].legal_basis == ("Northern Ireland Act 1998 s75(1)",)
    assert "not in force in England" in chars["socio_economic"].legal_basis[0]


def test_the_examples_in_psed_law_run() -> None:
    import doctest

    import psed.law

    result = doctest.testmod(psed.law)
    assert result.attempted >= 10
    assert result.failed == 0


def test_under_ni_s75_age_disability_and_sexual_orientation_are_section_75_categories() -> None:
    text = "name: x\nframework: {framework}\nimpacts:\n" + "".join(
        f"  - characteristic: {code}\n    impact: neutral\n    details: None known.\n"
        for code in ("age", "disability", "sexual_orientation")
    )
    ni = psed.loads(text.format(framework="ni-s75"))
    for entry in ni.impacts:
        assert entry.characteristic.aims == frozenset()  # no s149(1) aims in Northern Ireland
        assert entry.characteristic.legal_basis[0] == "Northern Ireland Act 1998 s75(1)"
    assert psed.loads(psed.dumps(ni)) == ni
    gb = psed.loads(text.format(framework="psed"))
    assert all(entry.characteristic.aims for entry in gb.impacts)
    assert all("Equality Act 2010" in entry.characteristic.legal_basis[0] for entry in gb.impacts)
