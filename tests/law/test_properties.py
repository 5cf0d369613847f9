"""For any valid document and framework: no citation of another jurisdiction or of law not in force.

The oracle below is written from the statutes' own extent and dates, not from psed.law,
so that a wrong entry in the data is caught rather than agreed with.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import psed
from psed.testing import proposals

E, W, S, NI = "england", "wales", "scotland", "northern_ireland"
JURISDICTION = {"psed": E, "esia": E, "wales": W, "scotland": S, "ni-s75": NI}
D = dt.date
ALWAYS = (D(1, 1, 1), D(9999, 12, 31))

# (pattern of the citation's start, the jurisdictions where it is law, first day, last day)
STATUTES: tuple[tuple[str, frozenset[str], dt.date, dt.date], ...] = (
    (r"Equality Act 2010 s1\(", frozenset({W}), D(2021, 3, 31), ALWAYS[1]),
    (r"Equality Act 2010 s1\(", frozenset({S}), D(2018, 4, 1), ALWAYS[1]),
    (r"Equality Act 2010 (s149|s4|s19|Sch 18)", frozenset({E, W, S}), D(2011, 4, 5), ALWAYS[1]),
    (r"Equality Act 2010 \(Statutory Duties\) \(Wales\)", frozenset({W}), D(2011, 4, 6), ALWAYS[1]),
    (
        r"Equality Act 2010 \(Specific Duties\) \(Scotland\)",
        frozenset({S}),
        D(2012, 5, 27),
        ALWAYS[1],
    ),
    (r"Race Relations Act 1976 s71", frozenset({E, W, S}), D(2001, 4, 2), D(2011, 4, 4)),
    (r"Sex Discrimination Act 1975 s76A", frozenset({E, W, S}), D(2007, 4, 6), D(2011, 4, 4)),
    (
        r"Disability Discrimination Act 1995 s49A\(1\) \(Northern Ireland\)",
        frozenset({NI}),
        D(2007, 1, 1),
        ALWAYS[1],
    ),
    (
        r"Disability Discrimination Act 1995 s49A\(1\)$",
        frozenset({E, W, S}),
        D(2006, 12, 4),
        D(2011, 4, 4),
    ),
    (r"Crime and Disorder Act 1998 s17\(1\)$", frozenset({E, W}), D(1998, 9, 30), ALWAYS[1]),
    (r"Crime and Disorder Act 1998 s17\(2\)", frozenset({E, W}), D(1998, 9, 30), ALWAYS[1]),
    (r"Crime and Disorder Act 1998 s17\(1\)\([ab]\)", frozenset({E}), D(2007, 8, 1), ALWAYS[1]),
    (r"Crime and Disorder Act 1998 s17\(1\)\([ab]\)", frozenset({W}), D(2007, 11, 19), ALWAYS[1]),
    (r"Crime and Disorder Act 1998 s17\(1\)\(c\)", frozenset({E, W}), D(2010, 4, 1), ALWAYS[1]),
    (r"Crime and Disorder Act 1998 s17\(1\)\(d\)", frozenset({E, W}), D(2023, 1, 31), ALWAYS[1]),
    (r"Welsh Language Standards", frozenset({W}), D(2016, 3, 30), ALWAYS[1]),
    (r"Northern Ireland Act 1998", frozenset({NI}), D(2000, 1, 1), ALWAYS[1]),
    (r"Armed Forces Act 2006 s343AA", frozenset({E}), D(2022, 11, 22), ALWAYS[1]),
    (r"Armed Forces Act 2006 s343AB", frozenset({W}), D(2022, 11, 22), ALWAYS[1]),
    (r"Armed Forces Act 2006 s343AC", frozenset({S}), D(2022, 11, 22), ALWAYS[1]),
    (r"Armed Forces Act 2006 s343AD", frozenset({NI}), D(2022, 11, 22), ALWAYS[1]),
)
# Guidance (practice): where it applies, and from when (the duty it guides).
GUIDANCE: tuple[tuple[str, frozenset[str], dt.date], ...] = (
    (r"Equality and Human Rights Commission", frozenset({E, W, S}), D(2001, 4, 2)),
    (r"Welsh Government, A More Equal Wales", frozenset({W}), D(2021, 3, 31)),
    (r"Scottish Government, Fairer Scotland Duty", frozenset({S}), D(2018, 4, 1)),
    (r"Ministry of Defence, Armed Forces Covenant Duty", frozenset({E, W, S, NI}), D(2022, 11, 22)),
    (r"Equality Commission for Northern Ireland", frozenset({NI}), D(2010, 4, 1)),
    (r"Cabinet Office, Consultation Principles", frozenset({E, W, S, NI}), D(2018, 1, 1)),
    (r"Audit Wales, ", frozenset({E, W, S, NI}), D(2022, 9, 27)),
)
# Court decisions (binding in England and Wales, persuasive in Scotland and Northern Ireland).
CASE = re.compile(r"^(R \(|R v |Hunt v )")
# Not law of any jurisdiction: the document format.
NEUTRAL = ("psed document format",)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _allowed(citation: str, where: str, day: dt.date) -> bool | None:
    """True or False for a statute or guidance; None for a case or a neutral reference."""
    if citation.startswith(NEUTRAL) or CASE.match(citation):
        return None
    matched = False
    for pattern, places, first, last in STATUTES:
        if re.match(pattern, citation):
            matched = True
            if where in places and first <= day <= last:
                return True
    for pattern, places, first in GUIDANCE:
        if re.match(pattern, citation):
            matched = True
            if where in places and first <= day:
                return True
    assert matched, f"the oracle does not know {citation!r}: add it"
    return False


@pytest.mark.slow
@SETTINGS
@given(
    proposal=proposals(),
    law_day=st.one_of(st.none(), st.dates(min_value=D(1998, 1, 1), max_value=D(2030, 12, 31))),
)
def test_no_finding_cites_another_jurisdiction_or_law_not_in_force(
    proposal: psed.Proposal, law_day: dt.date | None
) -> None:
    report = psed.check(proposal, as_of=D(2026, 11, 26), law_date=law_day)
    where = JURISDICTION[proposal.framework]
    assert report.law_date is not None
    for finding in report.findings:
        seen_law = False
        for citation in finding.references:
            verdict = _allowed(citation, where, report.law_date)
            assert verdict is not False, (finding.code, citation, where, report.law_date)
            if verdict:
                seen_law = True
            elif verdict is None and CASE.match(citation) and where in (S, NI):
                # persuasive only: cited after the jurisdiction's own provision, never alone
                assert seen_law, (finding.code, citation, where)
