"""Build the import fixtures: real forms' layouts rebuilt as Word files, and the PDF.

Run from the repository root (needs the import extra, and LibreOffice for the PDF):

    .venv/bin/python tests/importing/make_fixtures.py

The generated files are committed, so the tests need neither this script nor
LibreOffice. Each form is rebuilt in the layout its body publishes: the same
sections, labels, tables and tick boxes, in the same order.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).parent / "fixtures"


# --------------------------------------------------------------------------- helpers


def _bold(paragraph: Any) -> None:
    for run in paragraph.runs:
        run.bold = True


def label(cell: Any, text: str) -> None:
    """A form label: bold text in the cell's first paragraph."""
    cell.paragraphs[0].text = text
    _bold(cell.paragraphs[0])


def fill(
    cell: Any, *paragraphs: str, bullets: tuple[str, ...] = (), after: tuple[str, ...] = ()
) -> None:
    """Cell text: paragraphs, then bulleted items, then more paragraphs."""
    first = not cell.paragraphs[0].text
    for text in paragraphs:
        if first:
            cell.paragraphs[0].text = text
            first = False
        else:
            cell.add_paragraph(text)
    for text in bullets:
        cell.add_paragraph(text, style="List Bullet")
    for text in after:
        cell.add_paragraph(text)


def repeat_header(row: Any) -> None:
    """Word's "Repeat as header row at the top of each page"."""
    props = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    props.append(header)


def checkbox(paragraph: Any, checked: bool) -> None:
    """A Word check-box content control (the box a person clicks), as Word 2010+ writes it."""
    sdt = OxmlElement("w:sdt")
    props = OxmlElement("w:sdtPr")
    box = OxmlElement("w14:checkbox")
    state = OxmlElement("w14:checked")
    state.set(qn("w14:val"), "1" if checked else "0")
    box.append(state)
    for tag, value in (("w14:checkedState", "2612"), ("w14:uncheckedState", "2610")):
        node = OxmlElement(tag)
        node.set(qn("w14:val"), value)
        node.set(qn("w14:font"), "MS Gothic")
        box.append(node)
    props.append(box)
    sdt.append(props)
    content = OxmlElement("w:sdtContent")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:ascii"), "MS Gothic")
    fonts.set(qn("w:hAnsi"), "MS Gothic")
    rpr.append(fonts)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "☒" if checked else "☐"
    run.append(text)
    content.append(run)
    sdt.append(content)
    paragraph._p.append(sdt)


def placeholder(paragraph: Any, text: str = "Click or tap here to enter text.") -> None:
    """A plain-text content control still showing its placeholder, as an unfilled form has."""
    sdt = OxmlElement("w:sdt")
    props = OxmlElement("w:sdtPr")
    props.append(OxmlElement("w:showingPlcHdr"))
    sdt.append(props)
    content = OxmlElement("w:sdtContent")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    content.append(run)
    sdt.append(content)
    paragraph._p.append(sdt)


def guidance(cell_or_doc: Any, text: str) -> None:
    """Form guidance: a paragraph in italics."""
    paragraph = cell_or_doc.add_paragraph()
    run = paragraph.add_run(text)
    run.italic = True


def new_document(title: str, *, landscape: bool = False) -> Any:
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "psed test fixtures"
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    return document


def table(document: Any, rows: int, cols: int, widths: tuple[float, ...]) -> Any:
    t = document.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in t.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Cm(width)
    return t


# ------------------------------------------------------------- the seed (Southampton ESIA)

_DETAILS = (
    "Implementing the proposed changes is expected to have positive impacts on council "
    "customers whatever their background or personal characteristics."
)


def southampton_esia() -> Path:
    """The seed form: Southampton City Council's ESIA for the Customer Access Strategy 2022-26."""
    d = new_document("Customer Access Strategy 2022-26")
    d.add_paragraph(
        "The Public Sector Equality Duty (Section 149 of the Equality Act) requires public "
        "bodies to have due regard to the need to eliminate discrimination, advance equality "
        "of opportunity, and foster good relations between different people carrying out their "
        "activities."
    )
    d.add_paragraph(
        "The Equality Duty supports good decision making – it encourages public bodies to be "
        "more efficient and effective by understanding  how different people will be affected by "
        "their activities, so that their policies and services are appropriate and accessible "
        "to all and meet different people’s needs.  The Council’s Equality and Safety Impact "
        "Assessment (ESIA) includes an assessment of the community safety impact "
        "assessment to comply with Section 17 of the Crime and Disorder Act and will enable "
        "the Council to better understand the potential impact of proposals and consider "
        "mitigating action."
    )
    t = table(d, 1, 2, (4.5, 12.5))
    label(t.cell(0, 0), "Name or Brief Description of Proposal")
    fill(
        t.cell(0, 1),
        "The Customer Access Strategy 2022-26 aims to drive improvements for customers across "
        "all council services to achieve the overall aim of putting all of our customers at the "
        "heart of everything we do, reflecting their feedback in the design and delivery of "
        "services, and to provide appropriate support to those who need it ensuring that "
        "customer experiences are easy, effective and convenient.",
    )
    d.add_paragraph()
    t = table(d, 1, 1, (17.0,))
    cell = t.cell(0, 0)
    label(cell, "Brief Service Profile (including number of customers)")
    fill(
        cell,
        "The customer strategy relates to all interactions between the council and customers, we "
        "deal with a wide range of people across Southampton, and our customers include everyone "
        "living, working, volunteering, investing, studying, running a business in or visiting "
        "Southampton.",
        "Our customers contact us for many different reasons, including to:",
        bullets=(
            "Get information from us, or give us information",
            "Apply for, book or arrange services",
            "Report issues",
            "Make payments",
            "Buy our services",
            "Access specific help and support.",
        ),
        after=(
            "Southampton has 260,111 residents. Over the last year the council dealt with the "
            "following contacts through the following channels:",
        ),
    )
    for text in (
        "Website with 8.5 million pageviews and 3.4 million total sessions, an average of 280k "
        "sessions per month in 2020",
        "SOBOT (Chatbot) which averages about 1,400 enquiries per month",
        "Web forms which had 245k form completions in 2020",
        "Webchat has generated 1,200 chats per month during 2020",
        "Social media which has generated on average over 3,400 enquiries per month in 2020",
        "There are nine public emails accounts managed in the contact centre which received a "
        "total of 76,000 emails in 2020",
        "Centrally advertised telephone numbers into the contact centre, which received 273,308 "
        "calls in 2020",
        "Gateway which had a total of 59,164 visits in 2019 (using this year as was closed in "
        "lockdown)",
        "There are also a range of other access points which sit outside the Customer and "
        "Communications team and don’t report on/ measure volumes",
    ):
        cell.add_paragraph(text, style="List Bullet")
    d.add_paragraph()
    t = table(d, 1, 1, (17.0,))
    label(t.cell(0, 0), "Summary of Impact and Issues")
    fill(
        t.cell(0, 0),
        "The overall strategy focuses on listening to customers and making changes to services and "
        "processes to make it easier to deal with the council. A major part of this work will be "
        "built around making improvements to online services and increasing their use, this may "
        "have an impact initially on elderly and vulnerable customers who do not or cannot access "
        "services online. To mitigate against this, alongside the work to increase digital take "
        "up, there will be a programme of digital inclusion activity. This will include courses "
        "and promotion of free access IT equipment to help improve digital access and skills. "
        "Non-online contact channels will also be maintained.",
    )
    d.add_paragraph()
    t = table(d, 1, 1, (17.0,))
    label(t.cell(0, 0), "Potential Positive Impacts")
    fill(
        t.cell(0, 0),
        "The positive impacts will be improved customer experiences and an increase in the number "
        "of services available online. This should lead to customers being able to report, pay "
        "for, apply and get information from their own device or from home. This should lead to "
        "more customers being able to report, pay for, apply and get information about more "
        "services from their own device or from home. As the programme of work to deliver the "
        "strategy develops automatic updates will form a part of normal interactions with the "
        "council so that customers are kept up to date. Part of the improvement process will also "
        "focus on reviewing website content and the information we provide to customers, ensuring "
        "it is easy to understand and customers are clear about what to expect from the council. "
        "The activity outlined within the strategy will be led by customer views and changes will "
        "be tested by customers to ensure that services and processes are designed to work for "
        "customers first.",
    )
    d.add_paragraph()
    t = table(d, 4, 2, (4.5, 12.5))
    label(t.cell(0, 0), "Responsible Service Manager")
    fill(t.cell(0, 1), "Dan Tong", "Improvement Manager: Customer Experience")
    label(t.cell(1, 0), "Date")
    fill(t.cell(1, 1), "18/11/2021")
    label(t.cell(2, 0), "Approved by Senior Manager")
    fill(t.cell(2, 1), "James Marshall", "Head of Customer and Communications")
    label(t.cell(3, 0), "Date")
    fill(t.cell(3, 1), "18/11/2021")
    d.add_paragraph()
    heading = d.add_paragraph("Equality and Safety Impact Assessment")
    _bold(heading)
    sub = d.add_paragraph("Potential Impact")
    _bold(sub)
    rows = [
        (
            "Age",
            _DETAILS + " The strategy does outline a plan to shift more contact online which may "
            "exclude some older people from the benefits.",
            "Alongside the work to increase digital take up there will be a programme of digital "
            "inclusion activity. This will include courses and promotion of free access IT "
            "equipment to help improve digital access and skills. Non online contact channels "
            "will also be maintained.",
        ),
        (
            "Disability",
            _DETAILS + " The strategy does outline a plan to shift more contact online which may "
            "exclude some people from the benefits who struggle to use online services.",
            "As a part of the digital inclusion work and ongoing improvements to the website "
            "accessibility considerations will be built into improvement plans. Non-online "
            "contact channels will also be maintained.",
        ),
        ("Gender Reassignment", _DETAILS, "N/A"),
        ("Marriage and Civil Partnership", _DETAILS, "N/A"),
        ("Pregnancy and Maternity", _DETAILS, "N/A"),
        ("Race", _DETAILS, "N/A"),
        ("Religion or Belief", _DETAILS, "N/A"),
        ("Sex", _DETAILS, "N/A"),
        ("Sexual Orientation", _DETAILS, "N/A"),
        ("Community Safety", "N/A", "N/A"),
        (
            "Poverty",
            _DETAILS + " The strategy does outline a plan to shift more contact online which may "
            "exclude some people from the benefits who cannot afford IT equipment or an internet "
            "connection.",
            "As a part of the digital inclusion work and ongoing improvements to the website "
            "accessibility considerations will be built into improvement plans. Non-online "
            "contact channels will also be maintained.",
        ),
        ("Health & Wellbeing", _DETAILS, "N/A"),
        ("Other Significant Impacts", "None", "N/A"),
    ]
    t = table(d, 1 + len(rows), 3, (3.5, 7.0, 6.5))
    for cell, text in zip(
        t.rows[0].cells,
        ("Impact Assessment", "Details of Impact", "Possible Solutions & Mitigating Actions"),
        strict=True,
    ):
        label(cell, text)
    repeat_header(t.rows[0])
    for row, (name, details, action) in zip(t.rows[1:], rows, strict=True):
        label(row.cells[0], name)
        fill(row.cells[1], details)
        fill(row.cells[2], action)
    return save(d, "southampton-esia.docx")


# ------------------------------------------------------------- the generic characteristic table


def boxes(cell: Any, checked: bool) -> None:
    """One check-box content control in an otherwise empty cell."""
    checkbox(cell.paragraphs[0], checked)


def options(cell: Any, chosen: str, labels: tuple[str, ...]) -> None:
    """A list of options, one per line, each with its check box; ``chosen`` ticked."""
    for n, text in enumerate(labels):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        checkbox(paragraph, text == chosen)
        paragraph.add_run(f" {text}")


def county_eqia() -> Path:
    """The common layout: details, a characteristic table with tick boxes, outcome, sign-off."""
    d = new_document("Library opening hours 2024", landscape=True)
    d.add_heading("Equality Impact Assessment", level=1)
    guidance(
        d,
        "Complete this form for every new or changed policy. Guidance is in italics: "
        "delete it when you have finished.",
    )
    d.add_heading("Section 1: About the proposal", level=2)
    t = table(d, 7, 2, (7.0, 18.0))
    label(t.cell(0, 0), "Title of policy, service or function")
    fill(t.cell(0, 1), "Library opening hours 2024")
    label(t.cell(1, 0), "Reference number")
    fill(t.cell(1, 1), "EQIA-LIB-24")
    label(t.cell(2, 0), "Directorate")
    fill(t.cell(2, 1), "Communities and Place")
    label(t.cell(3, 0), "Description of the proposal")
    fill(
        t.cell(3, 1),
        "Reduce opening hours at four branch libraries from 45 to 36 hours a week, closing "
        "on Wednesdays, to save £180,000 a year.",
    )
    guidance(t.cell(3, 1), "Say what the proposal is and why it is needed.")
    label(t.cell(4, 0), "Who will be affected")
    fill(
        t.cell(4, 1),
        "Residents who use the four branch libraries, including children's groups and "
        "older readers.",
    )
    label(t.cell(5, 0), "Number of people affected")
    fill(t.cell(5, 1), "About 9,400 active borrowers")
    label(t.cell(6, 0), "Evidence used")
    fill(
        t.cell(6, 1),
        "Library management system visits and loans by branch, 2022-23; Census 2021 age "
        "profile of the wards served.",
    )
    d.add_paragraph()
    t = table(d, 1, 2, (7.0, 18.0))
    label(t.cell(0, 0), "Consultation and engagement")
    fill(
        t.cell(0, 1),
        "Online survey and drop-in sessions at each branch, 4 September to 29 October 2023; "
        "1,212 responses.",
    )
    d.add_heading("Section 2: Assessing the impact", level=2)
    guidance(d, "Tick one box for each characteristic and give your evidence.")
    rows: list[tuple[str, str, str, str, str, str]] = [
        (
            "Age – older people",
            "negative",
            "Older residents are the largest group of weekday visitors and some may lose "
            "access on Wednesdays.",
            "Extend the home library service to anyone who cannot visit on the new days.",
            "Library Services Manager",
            "31 March 2024",
        ),
        (
            "Age – children and young people",
            "positive",
            "Saturday and after-school opening is kept, so children's sessions continue.",
            "",
            "",
            "",
        ),
        (
            "Disability",
            "negative",
            "Disabled residents who rely on accessible PCs at branch libraries will have "
            "fewer hours to use them.",
            "Book PC sessions by phone; keep the accessible PC at the central library open "
            "six days a week.",
            "Digital Inclusion Officer",
            "30/04/2024",
        ),
        (
            "Gender reassignment",
            "neutral",
            "No differential impact identified; library use is not recorded by gender identity.",
            "",
            "",
            "",
        ),
        (
            "Marriage and civil partnership",
            "neutral",
            "No differential impact identified.",
            "",
            "",
            "",
        ),
        (
            "Pregnancy and maternity",
            "negative",
            "Baby rhyme-time sessions move from Wednesday mornings.",
            "Move rhyme-time to Tuesday and Thursday mornings at each branch.",
            "Children's Library Lead",
            "18.01.24",
        ),
        (
            "Race",
            "neutral",
            "Ward profiles show no group of users concentrated at the affected branches.",
            "",
            "",
            "",
        ),
        ("Religion or belief", "neutral", "No differential impact identified.", "", "", ""),
        ("Sex", "neutral", "No differential impact identified.", "", "", ""),
        ("Sexual orientation", "neutral", "No differential impact identified.", "", "", ""),
        (
            "Carers",
            "negative",
            "Carers who visit while the person they care for is at a day centre on "
            "Wednesdays lose that time.",
            "Carers' cards give priority booking of PC and study-room sessions.",
            "Library Services Manager",
            "31 March 2024",
        ),
        (
            "Health and wellbeing",
            "",
            "Fewer hours may mean some residents lose access to a warm space in winter.",
            "",
            "",
            "",
        ),
        (
            "Digital exclusion",
            "negative",
            "People without internet at home use branch PCs to claim benefits.",
            "Signpost to the council's assisted digital service.",
            "",
            "",
        ),
    ]
    t = table(d, 1 + len(rows), 8, (4.0, 1.8, 1.8, 1.8, 6.0, 5.2, 2.6, 2.3))
    headings = (
        "Protected characteristic",
        "Positive",
        "Negative",
        "Neutral",
        "Evidence and reasons",
        "Mitigating actions",
        "Action owner",
        "Target date",
    )
    for cell, text in zip(t.rows[0].cells, headings, strict=True):
        label(cell, text)
    repeat_header(t.rows[0])
    for row, (name, impact, details, action, owner, due) in zip(t.rows[1:], rows, strict=True):
        cells = row.cells
        label(cells[0], name)
        for cell, which in zip(cells[1:4], ("positive", "negative", "neutral"), strict=True):
            boxes(cell, impact == which)
        fill(cells[4], details)
        for cell, text in ((cells[5], action), (cells[6], owner), (cells[7], due)):
            if text:
                fill(cell, text)
            else:
                placeholder(cell.paragraphs[0])
    d.add_heading("Section 3: Outcome", level=2)
    t = table(d, 2, 2, (7.0, 18.0))
    label(t.cell(0, 0), "Outcome of the assessment")
    options(
        t.cell(0, 1),
        "Adjust the proposal",
        (
            "No major change",
            "Adjust the proposal",
            "Continue the proposal",
            "Stop and remove the proposal",
        ),
    )
    label(t.cell(1, 0), "Justification for continuing")
    placeholder(t.cell(1, 1).paragraphs[0])
    d.add_heading("Section 4: Sign-off", level=2)
    t = table(d, 3, 4, (5.0, 9.0, 5.0, 6.0))
    label(t.cell(0, 0), "Assessment completed by")
    fill(t.cell(0, 1), "Priya Shah, Policy and Equality Officer")
    label(t.cell(0, 2), "Date completed")
    fill(t.cell(0, 3), "4 December 2023")
    label(t.cell(1, 0), "Approved by")
    fill(t.cell(1, 1), "Tom Reed (Head of Libraries)")
    label(t.cell(1, 2), "Date approved")
    fill(t.cell(1, 3), "11 December 2023")
    label(t.cell(2, 0), "Date of next review")
    fill(t.cell(2, 1), "11.12.24")
    return save(d, "county-eqia.docx")


# ------------------------------------------------------------- ECNI section 75 screening form


def tick_line(cell: Any, chosen: str, labels: tuple[str, ...]) -> None:
    """Options on one line, each followed by its check box: "Existing ☐ Revised ☒ New ☐"."""
    paragraph = cell.paragraphs[0]
    for text in labels:
        paragraph.add_run(f"{text} ")
        checkbox(paragraph, text == chosen)
        paragraph.add_run(" ")


_S75 = (
    "Religious belief",
    "Political opinion",
    "Racial group",
    "Age",
    "Marital status",
    "Sexual orientation",
    "Men and women generally",
    "Disability",
    "Dependants",
)


def ni_screening() -> Path:
    """The Equality Commission NI model screening form, as a district council fills it in."""
    d = new_document("Leisure Pass concessions 2025")
    d.add_heading("Section 75 Policy Screening Form", level=1)
    d.add_heading("Part 1. Policy scoping", level=2)
    d.add_paragraph(
        "The first stage of the screening process involves scoping the policy under "
        "consideration. The purpose of policy scoping is to help prepare the background and "
        "context and set out the aims and objectives for the policy being screened."
    )
    d.add_heading("Information about the policy", level=3)
    t = table(d, 6, 2, (7.0, 10.0))
    label(t.cell(0, 0), "Name of the policy")
    fill(t.cell(0, 1), "Leisure Pass concessions 2025")
    label(t.cell(1, 0), "Is this an existing, revised or a new policy?")
    tick_line(t.cell(1, 1), "Revised", ("Existing", "Revised", "New"))
    label(t.cell(2, 0), "What is it trying to achieve? (intended aims/outcomes)")
    fill(
        t.cell(2, 1),
        "Replace the council's separate leisure concession schemes with one Leisure Pass at "
        "three price bands, so that concessions are the same at all four leisure centres.",
    )
    label(
        t.cell(3, 0),
        "Are there any Section 75 categories which might be expected to benefit from the "
        "intended policy?",
    )
    tick_line(t.cell(3, 1), "YES", ("YES", "NO", "N/A"))
    label(t.cell(4, 0), "If YES, explain how.")
    fill(
        t.cell(4, 1),
        "Disabled customers and people with dependants, through free entry for carers and "
        "lower family bands.",
    )
    label(t.cell(5, 0), "Who initiated or wrote the policy?")
    fill(t.cell(5, 1), "Leisure and Outdoor Recreation Service")
    d.add_heading("Available evidence", level=3)
    d.add_paragraph(
        "Evidence to help inform the screening process may take many forms. Public "
        "authorities should ensure that their screening decision is informed by relevant "
        "data."
    )
    t = table(d, 3, 2, (5.0, 12.0))
    label(t.cell(0, 0), "Section 75 category")
    label(t.cell(0, 1), "Details of evidence/information")
    fill(t.cell(1, 0), "Age")
    fill(
        t.cell(1, 1), "Leisure management system: 9,800 free swims a year by people aged 60 to 64."
    )
    fill(t.cell(2, 0), "Disability")
    fill(t.cell(2, 1), "Carer entries recorded at two of the four centres, 2023-24.")
    d.add_heading("Part 2. Screening questions", level=2)
    d.add_paragraph(
        "1. What is the likely impact on equality of opportunity for those affected by this "
        "policy, for each of the Section 75 equality categories? minor/major/none"
    )
    q1 = {
        "Religious belief": ("Prices are the same for everyone whatever their religion.", "none"),
        "Political opinion": ("Prices do not differ by area or community background.", "none"),
        "Racial group": ("Prices are the same for everyone.", "none"),
        "Age": (
            "Free swimming ends for people aged 60 to 64, so about 9,800 swims a year become "
            "chargeable and some people may stop swimming.",
            "major",
        ),
        "Marital status": ("No impact identified.", "none"),
        "Sexual orientation": ("No impact identified.", "none"),
        "Men and women generally": (
            "Concession use is 54% women and 46% men, close to the borough's population.",
            "none",
        ),
        "Disability": (
            "A carer accompanying a disabled customer gets free entry at every centre, not at "
            "two of the four as now.",
            "minor",
        ),
        "Dependants": (
            "Family bands cost less than four single concessions, but lone parents with one "
            "child pay more than under the lone-parent scheme.",
            "minor",
        ),
    }
    t = table(d, 1 + len(_S75), 3, (4.5, 9.0, 3.5))
    for cell, text in zip(
        t.rows[0].cells,
        ("Section 75 category", "Details of policy impact", "Level of impact? minor/major/none"),
        strict=True,
    ):
        label(cell, text)
    for row, name in zip(t.rows[1:], _S75, strict=True):
        label(row.cells[0], name)
        fill(row.cells[1], q1[name][0])
        fill(row.cells[2], q1[name][1])
    d.add_paragraph(
        "3. To what extent is the policy likely to impact on good relations between people of "
        "different religious belief, political opinion or racial group? minor/major/none"
    )
    t = table(d, 4, 3, (4.5, 9.0, 3.5))
    for cell, text in zip(
        t.rows[0].cells,
        ("Good relations category", "Details of policy impact", "Level of impact minor/major/none"),
        strict=True,
    ):
        label(cell, text)
    for row, name in zip(
        t.rows[1:], ("Religious belief", "Political opinion", "Racial group"), strict=True
    ):
        label(row.cells[0], name)
        fill(row.cells[1], "The centres are shared spaces open to the whole community.")
        fill(row.cells[2], "none")
    d.add_heading("Part 3. Screening decision", level=2)
    t = table(d, 2, 2, (7.0, 10.0))
    label(t.cell(1, 0), "Screening decision")
    tick_line(
        t.cell(1, 1),
        "Screen out with mitigation",
        ("Screen in", "Screen out", "Screen out with mitigation"),
    )
    label(
        t.cell(0, 0),
        "If the decision is not to conduct an equality impact assessment, please provide "
        "details of the reasons.",
    )
    fill(
        t.cell(0, 1),
        "The impact on people aged 60 to 64 is mitigated by the lowest band for those on "
        "means-tested benefits.",
    )
    d.add_heading("Part 6. Approval and authorisation", level=2)
    t = table(d, 4, 3, (6.0, 7.0, 4.0))
    for r, values in enumerate(
        (
            ("Screened by:", "Position/Job Title", "Date"),
            ("Aoife Byrne", "Equality Officer", "12/02/2025"),
            ("Approved by:", "Position/Job Title", "Date"),
            ("Ciarán Doyle", "Director of Leisure and Outdoor Recreation", "19.02.25"),
        )
    ):
        for c, text in enumerate(values):
            if r % 2 == 0:
                label(t.cell(r, c), text)
            else:
                fill(t.cell(r, c), text)
    return save(d, "ni-s75-screening.docx")


# ------------------------------------------------------------- a Welsh integrated impact assessment

_IIA_HEAD = (
    "Positive",
    "Negative",
    "None / Negligible",
    "Describe why it will have a positive / negative or negligible impact",
    "What will you do to mitigate any negative impacts or better contribute to positive impacts?",
)


def iia_table(d: Any, first: str, rows: list[tuple[str, str, str, str]]) -> None:
    """One IIA table: a characteristic column, three tick boxes, the reasons, the mitigation."""
    t = table(d, 1 + len(rows), 6, (4.0, 1.8, 1.8, 2.2, 7.0, 7.0))
    for cell, text in zip(t.rows[0].cells, (first, *_IIA_HEAD), strict=True):
        label(cell, text)
    for row, (name, impact, why, action) in zip(t.rows[1:], rows, strict=True):
        cells = row.cells
        label(cells[0], name)
        if impact:
            for cell, which in zip(cells[1:4], ("positive", "negative", "none"), strict=True):
                boxes(cell, impact == which)
        if why:
            fill(cells[4], why)
        if action:
            fill(cells[5], action)


def wales_iia() -> Path:
    """A Welsh county council's IIA, with the socio-economic duty and the Welsh language."""
    d = new_document("Library service review 2024", landscape=True)
    d.add_heading("Integrated Impact Assessment", level=1)
    d.add_heading("Proposal Details", level=2)
    t = table(d, 5, 2, (8.0, 17.0))
    label(t.cell(0, 0), "Title of Policy / Proposal / Initiative")
    fill(t.cell(0, 1), "Library service review 2024")
    label(t.cell(1, 0), "Service Area")
    fill(t.cell(1, 1), "Customer Contact and Libraries")
    label(t.cell(2, 0), "Officer completing Integrated Impact Assessment")
    fill(t.cell(2, 1), "Rhian Evans, Equality and Inclusion Officer")
    label(t.cell(3, 0), "Corporate Lead Officer")
    fill(t.cell(3, 1), "Gareth Jones")
    label(t.cell(4, 0), "Please give a brief description of the purpose of the proposal")
    fill(
        t.cell(4, 1),
        "Merge the mobile library and the home delivery service into one community library "
        "service, and open two branches on Saturdays instead of Mondays.",
    )
    d.add_heading("Protected Characteristics", level=2)
    iia_table(
        d,
        "Protected Characteristic",
        [
            (
                "Age",
                "negative",
                "Older people in villages the mobile library served will have fewer visits.",
                "Offer home delivery to everyone over 75 in the villages affected.",
            ),
            (
                "Disability",
                "positive",
                "Home delivery reaches people who could not get to the mobile library stop.",
                "",
            ),
            ("Gender Reassignment", "none", "No differential impact identified.", ""),
            ("Marriage and Civil Partnership", "none", "No differential impact identified.", ""),
            ("Pregnancy and Maternity", "none", "No differential impact identified.", ""),
            ("Race", "none", "No differential impact identified.", ""),
            ("Religion or Belief", "none", "No differential impact identified.", ""),
            ("Sex / Gender", "none", "No differential impact identified.", ""),
            ("Sexual Orientation", "none", "No differential impact identified.", ""),
        ],
    )
    d.add_heading("Socio-economic Duty", level=2)
    iia_table(
        d,
        "Socio-economic disadvantage",
        [
            ("Socio-economic disadvantage", "", "", ""),
            (
                "Low income / income poverty",
                "negative",
                "Families on low incomes in villages may have to travel to a branch.",
                "Keep the bus-pass scheme for library visits.",
            ),
            (
                "Material deprivation",
                "none",
                "No differential impact identified.",
                "",
            ),
        ],
    )
    d.add_heading("Welsh Language", level=2)
    iia_table(
        d,
        "Welsh Language",
        [
            ("Welsh Language", "", "", ""),
            (
                "Opportunities for people to use the Welsh language",
                "positive",
                "The community library service will offer every visit in Welsh, which gives "
                "more opportunities to use the language.",
                "",
            ),
            (
                "Treating the Welsh language no less favourably than the English language",
                "none",
                "Stock and staff are bilingual, so Welsh is treated no less favourably than "
                "English.",
                "",
            ),
        ],
    )
    d.add_heading("Sign off", level=2)
    t = table(d, 4, 2, (8.0, 17.0))
    label(t.cell(0, 0), "Engagement and consultation")
    fill(
        t.cell(0, 1),
        "Consultation with library users and community councils, 8 January to 16 February "
        "2024; 640 responses, most asking for Saturday opening.",
    )
    label(t.cell(1, 0), "Date completed")
    fill(t.cell(1, 1), "1st March 2024")
    label(t.cell(2, 0), "Date of approval")
    fill(t.cell(2, 1), "8 March 2024")
    label(t.cell(3, 0), "Review date")
    fill(t.cell(3, 1), "March 8, 2025")
    return save(d, "wales-iia.docx")


# ------------------------------------------------------------- committee-system web pages
#
# Committee systems (ModernGov among them) publish a report's appendices as web pages
# made from the Word file: <p class="MsoNormal"> paragraphs, MsoTableGrid tables, bold
# labels, the form's end-note references as [n] links and the end notes at the foot.

_MODERNGOV_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" \
"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{title}</title>
<link type="text/css" href="../../SiteSpecific/ssMgStyles.css" rel="stylesheet" />
</head>
<body>
<div class="mgMainBody">
"""
_MODERNGOV_FOOT = """</div>
</body>
</html>
"""


def _p(text: str, *, bold: bool = False, italic: bool = False, note: int | None = None) -> str:
    import html as _html

    body = _html.escape(text)
    if bold:
        body = f"<b>{body}</b>"
    if italic:
        body = f"<i>{body}</i>"
    if note is not None:
        body += f'<a href="#_edn{note}" name="_ednref{note}"><sup>[{note}]</sup></a>'
    return f'<p class="MsoNormal">{body}</p>'


def _row(*cells: str) -> str:
    return "<tr>" + "".join(f'<td valign="top">{c}</td>' for c in cells) + "</tr>"


def _grid(*rows: str) -> str:
    return (
        '<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0">'
        + "".join(rows)
        + "</table>"
    )


def east_sussex_html() -> Path:
    """East Sussex County Council's Equality Impact Analysis, as its committee site shows it."""
    parts = [
        _p("Equality Impact Analysis Template", bold=True),
        _p(
            "Equality Impact Analysis (EqIA) (or Equality Impact Assessment) aims to make "
            "services and public policy better for all service-users and staff and supports "
            "value for money by getting council services right first time.",
        ),
        _p(
            "This template sets out the steps you need to take to complete an EqIA for your "
            "project. Guidance for sections is in the end-notes.",
            note=1,
        ),
        _grid(
            _row(
                _p("Title of Project/Service/Policy", bold=True, note=2),
                _p("Rural bus route review"),
            ),
            _row(_p("Team/Department", bold=True, note=3), _p("Passenger Transport")),
            _row(_p("Directorate", bold=True), _p("Communities, Economy and Transport")),
            _row(
                _p(
                    "Provide a comprehensive description of your Project (Service/Policy, "
                    "etc.) including its Purpose and Scope",
                    bold=True,
                    note=4,
                ),
                _p(
                    "Withdraw the subsidy from three rural bus routes with fewer than five "
                    "passengers a journey, and replace them with a bookable community bus."
                ),
            ),
        ),
        "<h2>Part 4 – Assessment of impact</h2>",
    ]
    sections = [
        (
            "4.1 Age: Testing of disproportionate, negative, neutral or positive impact.",
            "d) What is the proposal, project or service’s impact on different ages/age groups?",
            "Most passengers on the three routes are over 65 and use a concessionary pass; "
            "some would lose access to the weekly market.",
            "The community bus accepts concessionary passes and will call at the market "
            "villages every week.",
            "Passenger numbers by age from concessionary pass data, reported every quarter.",
        ),
        (
            "4.2 Disability: Testing of disproportionate, negative, neutral or positive impact.",
            "d) What is the proposal, project or service’s impact on people who have a disability?",
            "The community bus is wheelchair accessible and picks up from the door, which "
            "will improve access for disabled passengers.",
            "",
            "",
        ),
        (
            "4.3 Sex: Testing of disproportionate, negative, neutral or positive impact.",
            "d) What is the proposal, project or service’s impact on people of different sexes?",
            "No disproportionate impact identified.",
            "",
            "",
        ),
    ]
    for heading, question, answer, action, monitoring in sections:
        parts.append(f"<h3>{heading}</h3>")
        rows = [
            _row(
                _p("a) How is this protected characteristic reflected in the County?", bold=True),
                _p(""),
            ),
            _row(_p(question, bold=True), _p(answer)),
            _row(
                _p(
                    "e) What actions are to be taken to mitigate any negative impact or to "
                    "enhance positive impact?",
                    bold=True,
                ),
                _p(action) if action else _p(""),
            ),
            _row(
                _p(
                    "g) How will any impact or planned actions be monitored and reviewed?",
                    bold=True,
                ),
                _p(monitoring) if monitoring else _p(""),
            ),
        ]
        parts.append(_grid(*rows))
    parts += [
        "<h2>Part 5 – Conclusions and recommendations for decision makers</h2>",
        _p(
            "5.2 Impact assessment outcome Based on the analysis of the impact in part four "
            "mark below (‘X’) with a summary of your recommendation.",
            bold=True,
        ),
        _grid(
            _row(
                _p("Outcome of impact assessment", bold=True),
                _p("X"),
                _p("Please explain your answer fully.", bold=True),
            ),
            _row(
                _p(
                    "A No major change – Your analysis demonstrates that the policy/strategy "
                    "is robust."
                ),
                _p(""),
                _p(""),
            ),
            _row(
                _p("B Adjust the policy/strategy – This involves taking steps to remove barriers."),
                _p("X"),
                _p("The community bus replaces the three routes."),
            ),
            _row(
                _p("C Continue the policy/strategy – This means adopting your proposals."),
                _p(""),
                _p(""),
            ),
            _row(_p("D Stop and remove the policy/strategy."), _p(""), _p("")),
        ),
        _grid(
            _row(
                _p("Date completed:", bold=True),
                _p("12 June 2023"),
                _p("Signed by (person completing)", bold=True),
                _p("Alex Green"),
            ),
            _row(
                _p("", bold=True),
                _p(""),
                _p("Role of person completing", bold=True),
                _p("Passenger Transport Manager"),
            ),
            _row(
                _p("Date:", bold=True),
                _p("19/06/2023"),
                _p("Signed by (Manager)", bold=True),
                _p("Sam Patel"),
            ),
        ),
        "<hr />",
        _p("[1] Guidance on completing the form is on the intranet equality pages."),
        _p("[2] Give the name the proposal is known by in the committee report."),
    ]
    page = _MODERNGOV_HEAD.format(title="Appendix 2 EqIA Rural bus route review") + "\n".join(parts)
    path = HERE / "east-sussex-eqia.html"
    path.write_text(page + _MODERNGOV_FOOT, encoding="utf-8")
    return path


def brighton_hove_html() -> Path:
    """Brighton & Hove City Council's EIA template (2019), as its committee site shows it."""
    parts = [
        _p("Equality Impact and Outcome Assessment (EIA) Template - 2019", bold=True),
        _p(
            "EIAs make services better for everyone and support value for money by getting "
            "services right first time.",
        ),
        _p(
            "See end notes for full guidance. Either hover the mouse over the end note link "
            "(eg: Age13) or use the hyperlinks (‘Ctrl’ key and left click).",
        ),
        _p("1. Equality Impact and Outcomes Assessment (EIA) Template", bold=True),
        _grid(
            _row(_p("Title of EIA", bold=True, note=5), _p("Seafront lighting upgrade 2024")),
            _row(_p("ID No.", bold=True, note=6), _p("EEC61")),
            _row(_p("Team/Department", bold=True, note=7), _p("City Transport")),
            _row(
                _p("Focus of EIA", bold=True, note=8),
                _p(
                    "Replace 420 seafront lamp columns with LED lighting and add lighting to "
                    "two underpasses."
                ),
            ),
        ),
        _p("5. Impacts", bold=True),
        _grid(
            _row(
                _p("Protected characteristics groups", bold=True),
                _p("Summary of impacts identified", bold=True),
                _p("Actions to mitigate / enhance impact", bold=True),
            ),
            _row(
                _p("Age", bold=True, note=13),
                _p("Brighter underpasses will help older people feel safer after dark."),
                _p(""),
            ),
            _row(
                _p("Disability", bold=True, note=14),
                _p(
                    "Works will close parts of the pavement for up to six weeks, which may be a "
                    "barrier for wheelchair users."
                ),
                _p("Keep a step-free route open past every closure."),
            ),
            _row(
                _p("Sex/ Gender identity", bold=True, note=19),
                _p(
                    "Women in the survey said unlit underpasses made them feel unsafe; lighting "
                    "will improve this."
                ),
                _p(""),
            ),
            _row(
                _p("Community Cohesion", bold=True, note=22),
                _p("N/A"),
                _p(""),
            ),
        ),
        _grid(
            _row(
                _p("Staff member completing Equality Impact Assessment:", bold=True),
                _p("Jo Clarke"),
                _p("Date:", bold=True),
                _p("03/04/2024"),
            ),
            _row(
                _p(
                    "Directorate Management Team rep or Head of Service/ Commissioning Manager:",
                    bold=True,
                ),
                _p("Chris Ward"),
                _p("Date:", bold=True),
                _p("10/04/2024"),
            ),
        ),
        "<hr />",
        _p("[5] The title should be the same as the policy or project it assesses."),
        _p("[13] Age: people of all ages, including children and older people."),
    ]
    page = _MODERNGOV_HEAD.format(title="Seafront lighting upgrade 2024 APX. n 3") + "\n".join(
        parts
    )
    path = HERE / "brighton-hove-eia.html"
    path.write_text(page + _MODERNGOV_FOOT, encoding="utf-8")
    return path


def brighton_hove_docx() -> Path:
    """Brighton & Hove's EIA form as the Word file it is filled in as (the same answers)."""
    d = new_document("Seafront lighting upgrade 2024")
    heading = d.add_paragraph("Equality Impact and Outcome Assessment (EIA) Template - 2019")
    _bold(heading)
    d.add_paragraph(
        "EIAs make services better for everyone and support value for money by getting "
        "services right first time."
    )
    d.add_paragraph(
        "See end notes for full guidance. Either hover the mouse over the end note link "
        "(eg: Age13) or use the hyperlinks (‘Ctrl’ key and left click)."
    )
    title = d.add_paragraph("1. Equality Impact and Outcomes Assessment (EIA) Template")
    _bold(title)
    t = table(d, 4, 2, (5.0, 12.0))
    for r, (name, note, value) in enumerate(
        (
            ("Title of EIA", 5, "Seafront lighting upgrade 2024"),
            ("ID No.", 6, "EEC61"),
            ("Team/Department", 7, "City Transport"),
            (
                "Focus of EIA",
                8,
                "Replace 420 seafront lamp columns with LED lighting and add lighting to two "
                "underpasses.",
            ),
        )
    ):
        label(t.cell(r, 0), f"{name}[{note}]")
        fill(t.cell(r, 1), value)
    impacts = d.add_paragraph("5. Impacts")
    _bold(impacts)
    rows = [
        ("Age[13]", "Brighter underpasses will help older people feel safer after dark.", ""),
        (
            "Disability[14]",
            "Works will close parts of the pavement for up to six weeks, which may be a "
            "barrier for wheelchair users.",
            "Keep a step-free route open past every closure.",
        ),
        (
            "Sex/ Gender identity[19]",
            "Women in the survey said unlit underpasses made them feel unsafe; lighting will "
            "improve this.",
            "",
        ),
        ("Community Cohesion[22]", "N/A", ""),
    ]
    t = table(d, 1 + len(rows), 3, (4.0, 7.0, 6.0))
    for cell, text in zip(
        t.rows[0].cells,
        (
            "Protected characteristics groups",
            "Summary of impacts identified",
            "Actions to mitigate / enhance impact",
        ),
        strict=True,
    ):
        label(cell, text)
    for row, (name, summary, action) in zip(t.rows[1:], rows, strict=True):
        label(row.cells[0], name)
        fill(row.cells[1], summary)
        if action:
            fill(row.cells[2], action)
    t = table(d, 2, 4, (6.0, 4.0, 2.0, 5.0))
    for r, (who, name, date) in enumerate(
        (
            ("Staff member completing Equality Impact Assessment:", "Jo Clarke", "03/04/2024"),
            (
                "Directorate Management Team rep or Head of Service/ Commissioning Manager:",
                "Chris Ward",
                "10/04/2024",
            ),
        )
    ):
        label(t.cell(r, 0), who)
        fill(t.cell(r, 1), name)
        label(t.cell(r, 2), "Date:")
        fill(t.cell(r, 3), date)
    return save(d, "brighton-hove-eia.docx")


# --------------------------------------------------------------------------- output


def save(document: Any, name: str) -> Path:
    HERE.mkdir(parents=True, exist_ok=True)
    path = HERE / name
    document.save(str(path))
    return path


def to_pdf(path: Path, target: str = "pdf", out_dir: Path | None = None) -> Path:
    """Convert with LibreOffice headless, in a fresh profile so no settings leak in."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        sys.exit("LibreOffice is needed to make the PDF fixtures (libreoffice --headless)")
    out_dir = path.parent if out_dir is None else out_dir
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                office,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                str(path),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return out_dir / (path.stem + ".pdf")


def _png(width: int, height: int) -> bytes:
    """A grey "scanned page" PNG, made without any imaging library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(
        b"\x00" + bytes(200 if (x // 40 + y // 12) % 2 else 240 for x in range(width))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def hostile_pdfs() -> None:
    """A scan with no text layer, and a password-protected PDF (password: secret)."""
    with tempfile.TemporaryDirectory() as work:
        picture = Path(work) / "page.png"
        picture.write_bytes(_png(600, 840))
        scan = docx.Document()
        scan.add_picture(str(picture), width=Cm(17))
        scanned = Path(work) / "scanned-esia.docx"
        scan.save(str(scanned))
        to_pdf(scanned, "pdf", HERE)
        protected = Path(work) / "protected-esia.docx"
        shutil.copy(HERE / "southampton-esia.docx", protected)
        options = (
            'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
            '"DocumentOpenPassword":{"type":"string","value":"secret"}}'
        )
        to_pdf(protected, options, HERE)


def main() -> None:
    seed = southampton_esia()
    to_pdf(seed)
    for form in (county_eqia(), ni_screening(), wales_iia()):
        to_pdf(form)
    east_sussex_html()
    brighton_hove_html()
    brighton_hove_docx()
    hostile_pdfs()
    print(f"wrote fixtures in {HERE}")


if __name__ == "__main__":
    main()
