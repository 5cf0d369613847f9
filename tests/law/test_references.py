"""The law date, and the references each finding cites by framework, date and characteristic."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

import psed
from psed.law import (
    BUILTIN_DUTIES,
    GENERAL_DUTY,
    Basis,
    LawDateSource,
    Reference,
    cite,
    law_at,
    law_date,
)
from psed.rules import get_rule

D = dt.date
AS_OF = D(2026, 11, 26)
BROWN_92 = "R (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin) [92]"


def _proposal(**fields: Any) -> psed.Proposal:
    return psed.structure({"name": "Library hours", **fields})


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {
                "decision": {"date": "2020-01-05"},
                "approver": {"date": "2020-01-04"},
                "responsible": {"date": "2020-01-03"},
            },
            (D(2020, 1, 5), LawDateSource.DECISION),
        ),
        (
            {"approver": {"date": "2020-01-04"}, "responsible": {"date": "2020-01-03"}},
            (D(2020, 1, 4), LawDateSource.APPROVER),
        ),
        ({"responsible": {"date": "2020-01-03"}}, (D(2020, 1, 3), LawDateSource.RESPONSIBLE)),
        (
            {"responsible": {"name": "A"}, "screening": {"date": "2020-01-02"}},
            (D(2020, 1, 2), LawDateSource.SCREENING),
        ),
        (
            {"responsible": {"date": "2020-01-03"}, "screening": {"date": "2020-01-02"}},
            (D(2020, 1, 3), LawDateSource.RESPONSIBLE),
        ),
        (
            {"decision": {"outcome": "adjust"}, "approver": {"name": "A"}},
            (AS_OF, LawDateSource.AS_OF),
        ),
        ({}, (AS_OF, LawDateSource.AS_OF)),
    ],
)
def test_law_date_is_the_first_date_the_document_gives(
    fields: dict[str, Any], expected: tuple[dt.date, LawDateSource]
) -> None:
    found = law_date(_proposal(**fields), AS_OF)
    assert (found.date, found.source) == expected


def test_a_given_law_date_wins_and_the_report_records_how_it_was_chosen() -> None:
    proposal = _proposal(decision={"date": "2008-06-12"})
    assert law_date(proposal, AS_OF, given=D(2012, 1, 1)).source is LawDateSource.GIVEN
    report = psed.check(proposal, as_of=AS_OF)
    assert (report.law_date, report.law_date_source) == (D(2008, 6, 12), "decision")
    given = psed.check(proposal, as_of=AS_OF, law_date=D(2012, 1, 1))
    assert (given.law_date, given.law_date_source) == (D(2012, 1, 1), "given")
    assert given.to_dict()["law_date"] == "2012-01-01"
    assert given.to_dict()["law_date_source"] == "given"
    with pytest.raises(TypeError, match="law_date"):
        psed.check(proposal, as_of=AS_OF, law_date="2012-01-01")  # type: ignore[arg-type]


def test_validate_reports_the_law_date_and_none_for_an_unreadable_document() -> None:
    ok = psed.validate({"name": "x", "responsible": {"date": "2019-02-01"}}, as_of=AS_OF)
    assert (ok.law_date, ok.law_date_source) == (D(2019, 2, 1), "responsible")
    bad = psed.validate("- not a mapping", as_of=AS_OF)
    assert bad.law_date is None
    assert bad.law_date_source is None


def _law(framework: str, day: dt.date, **fields: Any) -> psed.law.LawAt:
    catalogue = psed.default_catalogue()
    fw = catalogue.framework(framework)
    assert fw is not None
    proposal = _proposal(framework=framework, **fields)
    return law_at(proposal, fw, catalogue, psed.law.LawDate(day, LawDateSource.GIVEN))


def test_the_general_duty_is_the_one_in_force_and_covering_the_characteristic() -> None:
    refs = (GENERAL_DUTY,)
    before = _law("psed", D(2011, 4, 4))
    after = _law("psed", D(2011, 4, 5))
    assert cite(refs, before, "race") == ("Race Relations Act 1976 s71(1)",)
    assert cite(refs, before, "disability") == ("Disability Discrimination Act 1995 s49A(1)",)
    assert cite(refs, before, "age") == ()
    assert cite(refs, before) == (
        "Race Relations Act 1976 s71(1)",
        "Disability Discrimination Act 1995 s49A(1)",
        "Sex Discrimination Act 1975 s76A(1)",
    )
    assert cite(refs, after, "race") == ("Equality Act 2010 s149(1)",)
    assert cite(refs, after) == ("Equality Act 2010 s149(1)",)
    assert cite(refs, _law("psed", D(2001, 4, 1))) == ()


def test_a_local_characteristic_cites_no_statute() -> None:
    law = _law("esia", AS_OF)
    assert (
        cite(
            (GENERAL_DUTY, Reference(citation="Equality Act 2010 s149(7)", duties={"ea2010-s149"})),
            law,
            "poverty",
        )
        == ()
    )
    assert cite((GENERAL_DUTY,), law, "community_safety") == ("Crime and Disorder Act 1998 s17(1)",)


def test_northern_ireland_cites_s75_and_good_relations_only_for_three_categories() -> None:
    law = _law("ni-s75", AS_OF)
    assert cite((GENERAL_DUTY,), law, "racial_group") == (
        "Northern Ireland Act 1998 s75(1)",
        "Northern Ireland Act 1998 s75(2)",
    )
    assert cite((GENERAL_DUTY,), law, "age") == ("Northern Ireland Act 1998 s75(1)",)
    assert cite((GENERAL_DUTY,), law, "disability") == (
        "Northern Ireland Act 1998 s75(1)",
        "Disability Discrimination Act 1995 s49A(1) (Northern Ireland)",
    )


def test_cases_bind_in_england_and_wales_and_are_persuasive_elsewhere() -> None:
    rule = get_rule("PSED104")
    england = cite(rule.cites, _law("psed", AS_OF), "age")
    assert england == ("Equality Act 2010 s149(1)", BROWN_92)
    scotland = cite(rule.cites, _law("scotland", AS_OF), "age")
    assert scotland == ("Equality Act 2010 s149(1)", BROWN_92)
    case_only = (
        Reference(
            citation="R (X) v Y [2020] EWCA Civ 1", case=True, jurisdictions={"england", "wales"}
        ),
    )
    assert cite(case_only, _law("psed", AS_OF)) == ("R (X) v Y [2020] EWCA Civ 1",)
    assert cite(case_only, _law("ni-s75", AS_OF)) == ()  # never alone where only persuasive
    # persuasive cases come after the jurisdiction's own provision, whatever the order
    mixed = (*case_only, GENERAL_DUTY)
    assert cite(mixed, _law("ni-s75", AS_OF)) == (
        "Northern Ireland Act 1998 s75(1)",
        "Northern Ireland Act 1998 s75(2)",
        "Disability Discrimination Act 1995 s49A(1) (Northern Ireland)",
        "R (X) v Y [2020] EWCA Civ 1",
    )


def test_a_provision_is_cited_from_its_own_commencement() -> None:
    s17_1d = Reference(
        citation="Crime and Disorder Act 1998 s17(1)(d)",
        duties={"cda-s17"},
        jurisdictions={"england"},
        since=D(2023, 1, 31),
    )
    assert cite((s17_1d,), _law("esia", D(2023, 1, 30))) == ()
    assert cite((s17_1d,), _law("esia", D(2023, 1, 31))) == (
        "Crime and Disorder Act 1998 s17(1)(d)",
    )


def test_no_finding_on_a_gb_document_cites_northern_ireland_law() -> None:
    proposal = psed.load("examples/customer-access-strategy.yaml")
    report = psed.check(proposal, as_of=AS_OF)
    cited = {r for f in report.findings for r in f.references}
    assert not any("Northern Ireland" in r for r in cited)
    assert {f.code for f in report.findings} >= {"PSED202", "PSED203"}


def test_plain_text_references_are_cited_everywhere_unmarked() -> None:
    ref = psed.law.reference("ACME policy para 3")
    assert ref.basis is None
    assert cite((ref,), _law("ni-s75", AS_OF)) == ("ACME policy para 3",)
    assert cite((ref,), _law("psed", D(1999, 1, 1))) == ("ACME policy para 3",)


def test_rule_references_are_the_union_and_cites_are_marked() -> None:
    rule = get_rule("PSED202")
    assert "Northern Ireland Act 1998 Sch 9 para 9" in rule.references
    assert "Equality Act 2010 s149(1)" in rule.references
    marks = {r.citation: r.basis for r in rule.cites if not r.general}
    assert (
        marks["R (Brown) v Secretary of State for Work and Pensions [2008] EWHC 3158 (Admin) [96]"]
        is Basis.PRACTICE
    )
    assert marks["Northern Ireland Act 1998 Sch 9 para 9"] is Basis.LAW


def test_practice_rules_are_marked_practice() -> None:
    for code in ("PSED202", "PSED203", "PSED301", "PSED303", "PSED306", "PSED309"):
        specific = [r for r in get_rule(code).cites if not r.general and r.duties != {"ni-s75"}]
        assert specific, code
        assert all(r.basis is Basis.PRACTICE for r in specific), code


def test_brown_is_cited_by_paragraph_and_never_as_numbered_principles() -> None:
    for rule in psed.rules.all_rules(builtin_only=True):
        for text in (rule.why, rule.what, *rule.references):
            assert not re.search(r"principles? [0-9]", text), rule.code
        for reference in rule.references:
            if reference.startswith("R (Brown)"):
                assert reference.endswith(("[90]", "[91]", "[92]", "[93]", "[94]", "[95]", "[96]"))


def test_general_duty_expands_to_every_builtin_general_provision_in_the_union() -> None:
    union = psed.law.citations((GENERAL_DUTY,))
    for duty in BUILTIN_DUTIES.values():
        assert duty.general in union
    assert "Northern Ireland Act 1998 s75(2)" in union
