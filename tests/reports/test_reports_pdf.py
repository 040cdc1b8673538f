"""PDFs: read back with pypdf to check headings, the child's words, grouping and fonts.

All people, places and numbers are fictional (07700 900xxx is Ofcom's drama range).
"""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from rhi_assistant.reports.data import (
    ChildSummary,
    ConfirmedIndicator,
    EpisodeSummary,
    NetworkThing,
    SerafSummary,
    SummaryData,
    TriggerPlanChild,
    TriggerPlanData,
)
from rhi_assistant.reports.summary_pdf import render_summary_pdf
from rhi_assistant.reports.text import group_by_concern, summary_text_sections
from rhi_assistant.reports.trigger_plan_pdf import render_trigger_plan_pdf

ARABIC_NAME = "يوسف"
WELSH_WORKER = "Gwenllian Ŵyn-Pryce"
POLISH_CHILD = "Zofia Łężak-Śmiałowska"


def summary(**changes) -> SummaryData:
    data = SummaryData(
        reference="RHI-2025-0042",
        generated_at=datetime(2025, 3, 15, 10, 5),
        generated_by=f"{WELSH_WORKER} (RHI worker)",
        child=ChildSummary(
            name=POLISH_CHILD,
            date_of_birth=date(2010, 5, 3),
            age=14,
            gender="Female",
            ethnicity="White: other",
            languages=["Polish", "English"],
            address_area="Weston-super-Mare",
        ),
        episode=EpisodeSummary(
            last_seen=datetime(2025, 3, 13, 21, 30),
            reported=datetime(2025, 3, 13, 23, 0),
            found=datetime(2025, 3, 14, 16, 45),
            missing_from="Children's home",
            police_risk="Medium",
            duration_text="19 hours 15 minutes",
            placement="Maple House & annex",
        ),
        push_factors=["Arguments about phone use"],
        pull_factors=["Older friend with a car"],
        indicators=[
            ConfirmedIndicator(
                indicator="seraf.sig.vehicles_unknown_adults",
                label="Entering or leaving vehicles driven by unknown adults",
                concerns=("CSE", "TRAFFICKING"),
                window="recent",
                evidence="Kaz picked me up <b>& drove</b> to Bristol",
                note="Plate partly seen",
            ),
            ConfirmedIndicator(
                indicator="cce.holding_drugs",
                label="Asked to hold or carry drugs",
                concerns=("CCE",),
                window="6_to_12_months",
                evidence="They made me carry a bag for £20",
            ),
            ConfirmedIndicator(
                indicator="episode.hungry",
                label="Went without food",
                concerns=("HARM",),
                window="episode",
                evidence="I didn't eat all day",
            ),
        ],
        entities={
            "PERSON": ["Kaz", f"Yusuf Al-Haddad ({ARABIC_NAME})", "Dafydd ap Siôn"],
            "PLACE": ["Bristol Temple Meads"],
            "VEHICLE": ["Black VW Golf"],
            "PLATE": ["WX19 ABC"],
            "PHONE": ["07700 900123"],
            "HANDLE": ["@kaz_b<3"],
        },
        seraf=SerafSummary(
            total=14,
            category_label="Category 3: moderate",
            overridden=True,
            override_reason="New phone & money",
            computed_category_label="Category 2: mild",
        ),
        next_steps=["Refer to children's social care", "Review the trigger plan"],
        shared_with=["Police missing persons coordinator", "Children's social care"],
        purpose="Safeguarding the child from exploitation",
        legal_basis="Children Act 2004 s.11; UK GDPR Art 6(1)(e)",
        suggested_grading="2/B/P",
        handling_note=None,
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def read(pdf: bytes) -> tuple[PdfReader, str]:
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """pypdf breaks table cells and wrapped lines; compare with whitespace collapsed."""
    return re.sub(r"\s+", " ", text)


def fonts(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            descendants = font.get("/DescendantFonts")
            for d in descendants or []:
                d = d.get_object()
                descriptor = d.get("/FontDescriptor")
                if descriptor is not None:
                    descriptor = descriptor.get_object()
                    assert any(k in descriptor for k in ("/FontFile2", "/FontFile3")), d
            if "/FontDescriptor" in font:
                descriptor = font["/FontDescriptor"].get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return names


@pytest.fixture(scope="module")
def summary_pdf() -> tuple[PdfReader, str]:
    return read(render_summary_pdf(summary()))


def test_summary_headings(summary_pdf) -> None:
    _reader, text = summary_pdf
    for h in (
        "OFFICIAL-SENSITIVE",
        "Intelligence-sharing summary",
        "RHI-2025-0042",
        "The child",
        "The missing episode",
        "Push factors",
        "Pull factors",
        "Confirmed indicators",
        "People, places, vehicles and contacts",
        "SERAF",
        "Recommended next steps",
        "Sharing record",
    ):
        assert h in text, h


def test_every_page_is_marked_and_numbered(summary_pdf) -> None:
    reader, _text = summary_pdf
    total = len(reader.pages)
    for n, page in enumerate(reader.pages, start=1):
        page_text = page.extract_text()
        assert page_text.count("OFFICIAL-SENSITIVE") >= 2  # top and bottom
        assert f"Page {n} of {total}" in page_text


def test_names_and_symbols_survive(summary_pdf) -> None:
    _reader, text = summary_pdf
    for s in (POLISH_CHILD, WELSH_WORKER, "Dafydd ap Siôn", "£20", "@kaz_b<3", "07700 900123"):
        assert s in flat(text), s
    # Arabic: the glyphs are there, though unshaped and left to right (see the report).
    assert all(ch in text for ch in ARABIC_NAME)


def test_user_markup_is_printed_not_obeyed(summary_pdf) -> None:
    _reader, text = summary_pdf
    assert "“Kaz picked me up <b>& drove</b> to Bristol”" in flat(text)
    assert "Maple House & annex" in flat(text)


def test_indicators_listed_once_under_their_first_concern(summary_pdf) -> None:
    _reader, text = summary_pdf
    text = flat(text)
    entities = text.index("People, places, vehicles and contacts")
    vehicles = "Entering or leaving vehicles driven by unknown adults"
    # The overview names every indicator under each concern it counts towards...
    glance = text.index("Confirmed indicators")
    assert "Trafficking and modern slavery (NRM) 1 indicator: " + vehicles in text
    # ...and each indicator's box is printed once, under its first concern.
    cse = text.index("Child sexual exploitation (CSE)", text.index(vehicles, glance) + 1)
    cce = text.index("Child criminal exploitation, including county lines (CCE)", cse)
    harm = text.index("Harm, risk or need arising around the missing episode", cce)
    assert glance < cse < cce < harm < entities
    assert text.count("Kaz picked me up") == 1
    assert cse < text.index("Kaz picked me up") < cce
    assert "Also counts towards: Trafficking and modern slavery (NRM)" in text
    assert cce < text.index("“They made me carry a bag for £20”") < harm
    assert harm < text.index("“I didn't eat all day”") < entities
    assert "From the worker's notes: “I didn't eat all day”" in text
    assert "In the child's words" not in text
    assert "When: 6 to 12 months ago" in text
    assert "When: during this missing episode" in text
    assert "Note: Plate partly seen" in text


def test_seraf_sharing_and_grading(summary_pdf) -> None:
    _reader, text = summary_pdf
    text = flat(text)
    assert "Category 3: moderate" in text
    assert "the score alone gave Category 2: mild" in text
    assert "New phone & money" in text
    assert "Police missing persons coordinator" in text
    assert "Children Act 2004 s.11" in text
    assert "Suggested grading: 2/B/P" in text
    assert "partners do not grade intelligence" in text


def test_font_is_embedded(summary_pdf) -> None:
    reader, _text = summary_pdf
    names = fonts(reader)
    assert any("DejaVuSans" in n for n in names), names
    assert not any("Helvetica" in n for n in names), names


def test_empty_summary_still_renders() -> None:
    data = summary(
        indicators=[],
        entities={},
        seraf=None,
        push_factors=[],
        pull_factors=[],
        next_steps=[],
        shared_with=[],
        suggested_grading=None,
        purpose="",
    )
    data.child = ChildSummary(name="Test Child")
    data.episode = EpisodeSummary()
    _reader, text = read(render_summary_pdf(data))
    text = flat(text)
    assert "No indicators were confirmed." in text
    assert "No SERAF assessment" in text
    assert "Not recorded" in text
    assert "Suggested grading" not in text


def test_text_sections_match_the_pdf_order() -> None:
    headings = [h for h, _ in summary_text_sections(summary())]
    assert headings[0] == "Intelligence-sharing summary"
    assert "Confirmed indicators: Child sexual exploitation (CSE)" in headings
    assert headings[-1] == "Handling"
    codes = [code for code, _ in group_by_concern(summary().indicators)]
    assert codes == ["CSE", "CCE", "TRAFFICKING", "HARM"]


def test_a_summary_is_stored_and_read_back_as_the_same_record() -> None:
    data = summary()
    stored = json.loads(json.dumps(data.to_dict()))
    assert SummaryData.from_dict(stored) == data
    assert SummaryData.from_dict(summary(seraf=None).to_dict()).seraf is None


def test_the_network_picture_is_stored_and_drawn_with_its_labels() -> None:
    network = [NetworkThing(type="PERSON", label="Kez", others=["Other child 1"]),
               NetworkThing(type="PLATE", label="WX19 KLM",
                            others=["Other child 1", "Other child 2"])]
    data = summary(links=["Link (people): Kez", "Link (number plates): WX19 KLM"],
                   network=network)
    assert SummaryData.from_dict(json.loads(json.dumps(data.to_dict()))).network == network
    stored = data.to_dict()
    del stored["network"]  # summaries stored before the picture existed
    assert SummaryData.from_dict(stored).network == []
    _, text = read(render_summary_pdf(data))
    picture = flat(text).split("Network picture of the links above")[1]
    for label in ("Kez", "WX19 KLM", "Other child 1", "Other child 2", "Number plates"):
        assert label in picture
    _, without = read(render_summary_pdf(summary(links=["Link (people): Kez"])))
    assert "Network picture" not in without


def test_indicator_without_concern_goes_under_other() -> None:
    item = ConfirmedIndicator(indicator="x", label="Something else", evidence="words")
    assert group_by_concern([item]) == [("OTHER", [item])]


def trigger_plan() -> TriggerPlanData:
    return TriggerPlanData(
        child=TriggerPlanChild(name="Rhodri Ŷr-Llwyd", date_of_birth=date(2011, 2, 1)),
        version=3,
        updated_at=datetime(2025, 3, 20, 9, 0),
        updated_by="Małgorzata Żurek, social worker",
        background="Missing 6 times since January. Says he stays with 'friends' & <mates>.",
        carers_before_police=["Phone Rhodri on 07700 900456", "Check the skate park"],
        police_actions=["Check the bus station"],
        approach="Calm and friendly; ask for Dafydd.",
        frequented_places=["Marine Parade skate park"],
        lines_of_enquiry=["Snapchat handle @rhod_11"],
        known_associates=[f"Jay ({ARABIC_NAME})"],
        vehicles=["Silver Ford Fiesta"],
        addresses=["Flat 2, 14 Example Road"],
        family_members=["Siân Llwyd (aunt)"],
        professionals=["Dafydd Evans, key worker"],
    )


def test_trigger_plan_content() -> None:
    reader, text = read(render_trigger_plan_pdf(trigger_plan()))
    text = flat(text)
    for s in (
        "OFFICIAL-SENSITIVE",
        "Trigger plan",
        "Rhodri Ŷr-Llwyd",
        "1 February 2011",
        "Małgorzata Żurek",
        "20 March 2025 at 09:00",
        "Actions for parents or carers before calling the police",
        "Phone Rhodri on 07700 900456",
        "Actions for the police",
        "Check the bus station",
        "How to approach the child",
        "Calm and friendly; ask for Dafydd.",
        "'friends' & <mates>",
        "Marine Parade skate park",
        "Snapchat handle @rhod_11",
        "Silver Ford Fiesta",
        "Flat 2, 14 Example Road",
        "Siân Llwyd (aunt)",
        "Dafydd Evans, key worker",
        "Known associates",
        "Professionals involved",
    ):
        assert s in text, s
    carers = text.index("Actions for parents or carers")
    assert carers < text.index("Actions for the police") < text.index("Background")
    assert any("DejaVuSans" in n for n in fonts(reader))


def test_trigger_plan_with_nothing_filled_in() -> None:
    data = TriggerPlanData(
        child=TriggerPlanChild(name="A Child"),
        version=1,
        updated_at=datetime(2025, 1, 1, 12, 0),
        updated_by="Worker",
    )
    _reader, text = read(render_trigger_plan_pdf(data))
    assert "None recorded." in text
    assert "Not recorded" in text  # date of birth


def test_very_long_text_flows_over_pages_instead_of_failing() -> None:
    data = summary()
    data.indicators[0].evidence = "word " * 2500
    data.push_factors = ["push " * 1500]
    data.handling_note = "note " * 2500
    data.shared_with = ["recipient " * 1500]
    reader, text = read(render_summary_pdf(data))
    assert len(reader.pages) > 4
    assert "Sharing record" in text

    plan = trigger_plan()
    plan.background = "background " * 3000
    plan.approach = "approach " * 3000
    reader, text = read(render_trigger_plan_pdf(plan))
    assert len(reader.pages) > 3
    assert "Professionals involved" in text
