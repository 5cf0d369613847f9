"""Write the Welsh fixtures: one document written in Welsh for each rule, that the rule reports.

Each fixture is the complete assessment in ``BASE`` (which no rule reports on) with
one change. Run ``python tests/i18n/make_fixtures.py`` after changing a case; the
files are committed, so that each one reads as a whole document.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent / "fixtures"

BASE: dict[str, Any] = {
    "schema_version": 1,
    "id": "CBS-AEC-2026-017",
    "name": "Newid oriau agor canolfannau hamdden y sir",
    "description": (
        "Cau'r tair canolfan hamdden leiaf am 8pm yn lle 10pm o ddydd Llun i ddydd Iau, "
        "ac agor awr yn gynharach ar fore Sadwrn, er mwyn arbed £96,000 y flwyddyn."
    ),
    "organisation": "Cyngor Bwrdeistref Sirol Aberteifion",
    "framework": "wales",
    "status": "approved",
    "strategic": False,
    "service_profile": {
        "description": (
            "Tair canolfan hamdden gyda phyllau nofio, campfeydd a neuaddau chwaraeon, a "
            "ddefnyddir gan ysgolion, clybiau lleol a thrigolion o bob oed."
        ),
        "customers": 41200,
    },
    "impact_summary": (
        "Bydd llai o oriau gyda'r nos yn effeithio fwyaf ar bobl sy'n gweithio yn ystod "
        "y dydd ac ar glybiau ieuenctid; mae'r oriau ychwanegol ar fore Sadwrn yn "
        "gwneud iawn am ran o hynny."
    ),
    "evidence": [
        {
            "source": "Data defnydd y canolfannau hamdden 2025-26",
            "summary": (
                "Mae 18% o'r ymweliadau rhwng 8pm a 10pm, a'r rhan fwyaf gan oedolion "
                "rhwng 25 a 50 oed."
            ),
            "kind": "service_users",
        }
    ],
    "engagement": [
        {
            "audience": "Defnyddwyr y canolfannau a chlybiau chwaraeon lleol",
            "method": "Arolwg ar-lein ac ar bapur, yn Gymraeg ac yn Saesneg",
            "date": "2026-05-01",
            "end": "2026-06-12",
            "summary": (
                "Roedd clybiau ieuenctid yn poeni am golli sesiynau hyfforddi gyda'r nos; "
                "croesawodd rhieni'r sesiynau cynharach ar fore Sadwrn."
            ),
        }
    ],
    "impacts": [
        {
            "characteristic": "age",
            "impact": "negative",
            "details": (
                "Bydd clybiau ieuenctid sy'n hyfforddi gyda'r nos yn colli dwy awr yr "
                "wythnos o amser yn y pwll a'r neuadd chwaraeon."
            ),
            "mitigations": [
                {
                    "action": (
                        "Cynnig slotiau am ddim i glybiau ieuenctid ar fore Sadwrn ac ar nos Wener."
                    ),
                    "owner": "Rheolwr Datblygu Chwaraeon",
                    "due": "2027-03-31",
                    "status": "planned",
                    "monitoring": (
                        "Nifer y sesiynau a archebir gan glybiau ieuenctid, bob chwarter."
                    ),
                }
            ],
        },
        {
            "characteristic": "disability",
            "impact": "neutral",
            "details": (
                "Mae'r sesiynau nofio i bobl anabl yn ystod y dydd, felly nid yw'r oriau "
                "newydd yn effeithio arnynt."
            ),
        },
        {
            "characteristic": "gender_reassignment",
            "impact": "neutral",
            "details": (
                "Mae'r un oriau a'r un prisiau'n berthnasol i bawb, ac nid oes unrhyw "
                "wasanaeth penodol yn newid."
            ),
        },
        {
            "characteristic": "marriage_civil_partnership",
            "impact": "neutral",
            "details": (
                "Nid yw statws priodasol yn effeithio ar bwy sy'n defnyddio'r canolfannau "
                "gyda'r nos."
            ),
        },
        {
            "characteristic": "pregnancy_maternity",
            "impact": "positive",
            "details": (
                "Mae'r sesiwn nofio cyn-geni ar fore Sadwrn yn symud awr yn gynharach, fel "
                "y gofynnodd y bydwragedd."
            ),
        },
        {
            "characteristic": "race",
            "impact": "neutral",
            "details": (
                "Mae data'r arolwg yn dangos yr un patrwm defnydd ymhlith pob grŵp ethnig yn y sir."
            ),
        },
        {
            "characteristic": "religion_belief",
            "impact": "neutral",
            "details": (
                "Mae'r sesiynau nofio i fenywod yn unig ar brynhawn Sul yn parhau heb newid."
            ),
        },
        {
            "characteristic": "sex",
            "impact": "neutral",
            "details": (
                "Mae dynion a menywod yn defnyddio'r canolfannau gyda'r nos i'r un graddau, "
                "yn ôl data'r aelodaeth."
            ),
        },
        {
            "characteristic": "sexual_orientation",
            "impact": "neutral",
            "details": ("Mae'r clwb nofio LHDTC+ yn cyfarfod ar nos Wener, nad yw'n newid o gwbl."),
        },
        {
            "characteristic": "socio_economic",
            "impact": "neutral",
            "details": (
                "Mae'r cynllun aelodaeth am bris is yn parhau, ac mae'r oriau ychwanegol "
                "ar fore Sadwrn ar agor i bawb."
            ),
        },
        {
            "characteristic": "welsh_language",
            "impact": "positive",
            "details": (
                "Bydd y gwersi nofio cyfrwng Cymraeg ar fore Sadwrn yn cynnig mwy o "
                "gyfleoedd i ddefnyddio'r Gymraeg, ac mae'r arwyddion a'r archebion yn "
                "ddwyieithog, felly ni chaiff y Gymraeg ei thrin yn llai ffafriol na'r "
                "Saesneg."
            ),
        },
    ],
    "alternatives": [
        {
            "option": "Cadw'r oriau presennol a chodi prisiau'r gampfa ym mhob canolfan.",
            "chosen": False,
            "reason": "Byddai'n effeithio fwyaf ar bobl ar incwm isel sy'n defnyddio'r gampfa.",
        },
        {
            "option": "Cau'r canolfannau'n gynharach ac agor yn gynharach ar fore Sadwrn.",
            "chosen": True,
            "reason": "Mae'n arbed yr un swm gyda'r effaith leiaf, yn ôl yr ymgynghoriad.",
        },
    ],
    "decision": {
        "outcome": "adjust",
        "date": "2026-09-15",
        "maker": "Cabinet",
        "report": {
            "title": "Dyfodol oriau agor y canolfannau hamdden",
            "date": "2026-09-05",
            "assessment_appended": True,
        },
    },
    "responsible": {
        "name": "Siân Rhys",
        "role": "Pennaeth Gwasanaethau Hamdden",
        "date": "2026-08-20",
    },
    "approver": {
        "name": "Gareth Morgan",
        "role": "Cyfarwyddwr Cymunedau",
        "date": "2026-09-01",
    },
    "review_date": "2027-09-01",
}


def _entry(doc: dict[str, Any], code: str) -> dict[str, Any]:
    found: dict[str, Any] = next(e for e in doc["impacts"] if e["characteristic"] == code)
    return found


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        target: Any = doc
        keys = path.split("/")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        last = keys[-1]
        if value is _DELETE:
            del target[int(last) if last.isdigit() else last]
        elif last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value

    return change


_DELETE = object()


def _all(*changes: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        for one in changes:
            one(doc)

    return change


def _waiver(**waiver: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        doc["waivers"] = [waiver]

    return change


def _community_safety(doc: dict[str, Any]) -> None:
    doc["framework"] = "esia"
    doc["impacts"] = [
        e for e in doc["impacts"] if e["characteristic"] not in ("socio_economic", "welsh_language")
    ]
    doc["impacts"] += [
        {
            "characteristic": "community_safety",
            "impact": "neutral",
            "details": "Ni fydd y newid yn effeithio ar ddiogelwch y cyhoedd mewn unrhyw ffordd.",
        },
        {
            "characteristic": "poverty",
            "impact": "neutral",
            "details": "Mae'r cynllun aelodaeth am bris is yn parhau i bawb sy'n gymwys.",
        },
        {
            "characteristic": "health_wellbeing",
            "impact": "positive",
            "details": "Mae'r oriau ychwanegol ar fore Sadwrn yn rhoi mwy o gyfle i ymarfer corff.",
        },
    ]


def _boilerplate(doc: dict[str, Any]) -> None:
    text = "Ni fydd y cynnig yn cael unrhyw effaith ar y grŵp hwn o gwbl."
    for code in ("gender_reassignment", "marriage_civil_partnership", "race"):
        _entry(doc, code)["details"] = text


def _too_many(doc: dict[str, Any]) -> None:
    # One entry written once and repeated (YAML aliases): 1,200 entries for one
    # characteristic, each one more than PSED102 allows.
    entry = _entry(doc, "race")
    doc["impacts"] = [*doc["impacts"], *[entry] * 1200]


CASES: dict[str, tuple[str, Callable[[dict[str, Any]], None]]] = {
    # code: (what is wrong, in a word, the change)
    "PSED101": (
        "dim cofnod ar gyfer rhyw",
        lambda d: d.update(impacts=[e for e in d["impacts"] if e["characteristic"] != "sex"]),
    ),
    "PSED102": ("oedran ddwywaith", lambda d: d["impacts"].append(copy.deepcopy(d["impacts"][0]))),
    "PSED103": ("effaith heb ei phennu", _set("impacts/2/impact", "unknown")),
    "PSED104": ("dim manylion", _set("impacts/0/details", "I'w gadarnhau")),
    "PSED105": ("rheswm rhy fyr", _set("impacts/1/details", "Dim effaith.")),
    "PSED106": (
        "testun templed",
        _set("description", "[Mewnosod disgrifiad byr o'r cynnig] Dilëwch fel y bo'n briodol."),
    ),
    "PSED107": ("dim disgrifiad", _set("description", _DELETE)),
    "PSED108": ("dim proffil gwasanaeth", _set("service_profile", _DELETE)),
    "PSED109": ("dim crynodeb", _set("impact_summary", _DELETE)),
    "PSED201": ("dim lliniaru", _set("impacts/0/mitigations", [])),
    "PSED202": ("dim perchennog", _set("impacts/0/mitigations/0/owner", _DELETE)),
    "PSED203": ("dim dyddiad", _set("impacts/0/mitigations/0/due", _DELETE)),
    "PSED204": ("cam hwyr", _set("impacts/0/mitigations/0/due", "2026-10-31")),
    "PSED205": ("dalfan", _set("impacts/0/mitigations/0/action", "Amherthnasol")),
    "PSED301": (
        "dim swyddog cyfrifol",
        _all(_set("responsible", _DELETE), _set("status", "submitted")),
    ),
    "PSED302": ("dim dyddiad llofnodi", _set("responsible/date", _DELETE)),
    "PSED303": ("dim cymeradwywr", _set("approver", _DELETE)),
    "PSED304": ("dim dyddiad cymeradwyo", _set("approver/date", _DELETE)),
    "PSED305": ("cymeradwyo'n gynnar", _set("approver/date", "2026-08-01")),
    "PSED306": ("cymeradwyo eich hun", _set("approver/name", "Siân Rhys")),
    "PSED307": (
        "dyddiad yn y dyfodol",
        _all(
            _set("approver/date", "2026-12-24"),
            _set("decision/date", "2027-01-10"),
            _set("review_date", "2028-01-10"),
        ),
    ),
    "PSED308": ("llofnodi ar ôl penderfynu", _set("approver/date", "2026-09-20")),
    "PSED309": ("dim rôl", _set("responsible/role", _DELETE)),
    "PSED310": (
        "dim dyddiad adolygu",
        _all(_set("review_date", _DELETE), _set("status", "submitted")),
    ),
    "PSED311": ("adolygiad hwyr", _set("review_date", "2026-10-01")),
    "PSED312": ("adolygu cyn cymeradwyo", _set("review_date", "2026-08-25")),
    "PSED401": ("dim tystiolaeth", _set("evidence", [])),
    "PSED402": ("dim ymgysylltu", _set("engagement", [])),
    "PSED403": ("dim penderfyniad", _set("decision", _DELETE)),
    "PSED404": ("parhau heb gyfiawnhad", _set("decision/outcome", "continue")),
    "PSED405": ("dim newid mawr", _set("decision/outcome", "no_major_change")),
    "PSED501": ("testun wedi'i gopïo", _boilerplate),
    "PSED502": (
        "iaith andwyol",
        _set(
            "impacts/4/details",
            "Bydd rhai mamau newydd yn methu cael mynediad i'r pwll gyda'r nos.",
        ),
    ),
    "PSED601": ("diogelwch cymunedol", _community_safety),
    "PSED602": (
        "dyletswydd economaidd-gymdeithasol",
        _all(_set("strategic", True), _set("impacts/9/details", "Dim")),
    ),
    "PSED603": ("cymuned y lluoedd arfog", _set("functions", ["health"])),
    "PSED604": (
        "effeithiau ar y Gymraeg",
        _set(
            "impacts/10/details",
            "Bydd y gwersi nofio cyfrwng Cymraeg yn parhau ar fore Sadwrn fel o'r blaen.",
        ),
    ),
    "PSED607": (
        "newid yn y gyfraith",
        _all(
            _set("decision/date", "2022-06-01"),
            _set("responsible/date", "2022-05-01"),
            _set("approver/date", "2022-05-20"),
            _set("review_date", "2027-06-01"),
            _set("functions", ["health"]),
        ),
    ),
    "PSED008": ("gormod o ganfyddiadau", _too_many),
    "PSED110": (
        "sgrinio allan er gwaethaf effaith andwyol",
        _set(
            "screening",
            {
                "outcome": "screened_out",
                "date": "2026-04-01",
                "rationale": (
                    "Newid bach i'r oriau agor yw hwn, ac mae'r canolfannau'n aros ar agor."
                ),
            },
        ),
    ),
    "PSED111": (
        "dim rhesymeg sgrinio",
        _set("screening", {"outcome": "screened_in", "date": "2026-04-01", "rationale": "Dim"}),
    ),
    "PSED112": ("manylion rhy fyr", _set("impacts/4/details", "Effaith gadarnhaol i famau.")),
    "PSED113": ("dim enw", _set("name", "I'w gadarnhau")),
    "PSED206": ("dim monitro", _set("impacts/0/mitigations/0/monitoring", _DELETE)),
    "PSED207": ("cam rhy fyr", _set("impacts/0/mitigations/0/action", "Slotiau dydd Sadwrn.")),
    "PSED313": ("dim adroddiad", _set("decision/report", _DELETE)),
    "PSED314": ("adroddiad cyn llofnodi", _set("decision/report/date", "2026-08-10")),
    "PSED315": (
        "datganiad anghyflawn",
        _set(
            "decision/duty_statement",
            "Rhoddodd y Cabinet sylw dyledus i'r angen i hybu cyfle cyfartal.",
        ),
    ),
    "PSED316": (
        "sgrinio ar ôl penderfynu",
        _set(
            "screening",
            {
                "outcome": "screened_in",
                "date": "2026-09-20",
                "rationale": (
                    "Gallai'r newid effeithio ar glybiau ieuenctid sy'n hyfforddi gyda'r nos."
                ),
            },
        ),
    ),
    "PSED406": ("ymgynghori ar ôl penderfynu", _set("engagement/0/end", "2026-09-30")),
    "PSED407": ("ymgynghoriad byr", _set("engagement/0/end", "2026-05-14")),
    "PSED408": ("dim crynodeb o'r ymatebion", _set("engagement/0/summary", "I ddilyn")),
    "PSED409": ("dim opsiynau eraill", _set("alternatives", [])),
    "PSED410": ("dim data am y bobl", _set("evidence/0/kind", _DELETE)),
    "PSED411": ("tystiolaeth hen", _set("evidence/0/date", "2019-03-01")),
    "PSED412": (
        "dim data a dim cam",
        _set(
            "impacts/6/details",
            "Nid oes data am grefydd y bobl sy'n defnyddio'r canolfannau gyda'r nos.",
        ),
    ),
    "PSED503": (
        "dim croestoriad",
        _set(
            "impacts/1",
            {
                "characteristic": "disability",
                "impact": "negative",
                "details": (
                    "Bydd rhai pobl anabl sy'n gweithio yn ystod y dydd yn colli'r sesiynau "
                    "nofio hygyrch gyda'r nos."
                ),
                "mitigations": [
                    {
                        "action": "Symud y sesiwn nofio hygyrch i nos Wener rhwng 6pm ac 8pm.",
                        "owner": "Rheolwr Datblygu Chwaraeon",
                        "due": "2027-03-31",
                        "status": "planned",
                        "monitoring": "Nifer y bobl sy'n dod i'r sesiwn, bob chwarter.",
                    }
                ],
            },
        ),
    ),
    "PSED901": (
        "hepgoriad heb reswm",
        _waiver(
            rule="PSED401", pointer="/evidence", reason="I'w gadarnhau", approved_by="Gareth Morgan"
        ),
    ),
    "PSED902": (
        "hepgoriad wedi dod i ben",
        _all(
            _set("evidence", []),
            _waiver(
                rule="PSED401",
                pointer="/evidence",
                approved_by="Gareth Morgan",
                expires="2026-06-30",
                reason="Bydd data'r arolwg cenedlaethol newydd ar gael yn yr hydref.",
            ),
        ),
    ),
    "PSED903": (
        "hepgoriad heb ganfyddiad",
        _waiver(
            rule="PSED401",
            pointer="/evidence",
            approved_by="Gareth Morgan",
            reason="Bydd data'r arolwg cenedlaethol newydd ar gael yn yr hydref.",
        ),
    ),
    # Structural codes: the document itself is not in the format.
    "PSED002": ("dim enw", _set("name", _DELETE)),
    "PSED003": ("math anghywir", _set("service_profile/customers", "tua deugain mil")),
    "PSED004": ("gwerth annilys", _set("impacts/1/impact", "dim effaith")),
    "PSED005": ("maes anhysbys", _set("sylwadau", "Gweler y ddogfen atodol.")),
    "PSED006": ("nodwedd anhysbys", _set("impacts/1/characteristic", "iaith_arwyddion")),
    "PSED007": ("fframwaith anhysbys", _set("framework", "cymru")),
}

UNREADABLE = "enw: Newid oriau agor\nnodweddion: [oedran, anabledd\n"
"""PSED001: a document that is not YAML at all (a list left open)."""


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for old in HERE.glob("*.yaml"):
        old.unlink()
    (HERE / "pass.yaml").write_text(
        _dump(BASE, "Dim bylchau: nid yw'r un rheol yn adrodd."), encoding="utf-8"
    )
    for code, (what, change) in CASES.items():
        doc = copy.deepcopy(BASE)
        change(doc)
        (HERE / f"{code}.yaml").write_text(_dump(doc, f"{code}: {what}."), encoding="utf-8")
    (HERE / "PSED001.yaml").write_text("# PSED001: nid YAML.\n" + UNREADABLE, encoding="utf-8")


def _dump(doc: dict[str, Any], note: str) -> str:
    body = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=88)
    return f"# {note}\n{body}"


if __name__ == "__main__":
    main()
