"""Links into the intelligence-sharing summary (chosen by the practitioner, marked as links,
with dates, no other child named) and into the trigger plan (linked associates, vehicles and
places of the child's own team only)."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader
from support import NOTE, demo_episode, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.models import Child, Summary
from rhi_assistant.services import links

pytestmark = pytest.mark.usefixtures("clock")


def skye() -> Child:
    return db.session.scalar(db.select(Child).filter_by(reference="NS-1004"))


def jordan_knows_kez() -> None:
    jordan = db.session.scalar(db.select(Child).filter_by(reference="NS-1001"))
    links.decide(jordan, "PERSON", "Kez", decision="confirmed", user_id=None,
                 recorded_on=date(2026, 11, 18))
    db.session.commit()


SHARING = {"recipients": ["police_missing_team"], "purpose": "safety",
           "legal_basis": "safeguarding_public_task"}


def summary_form(worker, notes: str | None = NOTE) -> tuple[int, str, str]:
    """An interview of the demo episode, its notes saved: its new-summary address and page."""
    interview_id = start_interview(worker, demo_episode().id)
    if notes is not None:
        page = f"/interviews/{interview_id}/pages/time_away_account"
        worker.post(page, {"notes": notes, "action": "save"}, csrf_from=page)
    url = f"/interviews/{interview_id}/summaries/new"
    return interview_id, url, worker.get(url).get_data(as_text=True)


def test_chosen_links_go_into_the_summary_marked_with_dates(make_client):
    jordan_knows_kez()
    worker = make_client("rhi.worker@example.org")
    interview_id, url, html = summary_form(worker)
    assert 'id="links-choice"' in html
    choices = dict((label, value) for value, label in re.findall(
        r'name="links" type="checkbox" value="([^"]+)"[^>]*><label[^>]*>([^<]+)<', html))
    kez = next(v for label, v in choices.items() if label.startswith("Link (people): Kez"))
    assert not any("Taylor" in label or "Casey" in label for label in choices)
    resp = worker.post(url, {**SHARING, "links": [kez]}, csrf_from=url)
    assert resp.status_code == 302
    summary = db.session.scalar(db.select(Summary))
    view = worker.get(f"/summaries/{summary.id}").get_data(as_text=True)
    section = view.split('id="summary-links"')[1]
    assert "Link (people): Kez, also in 3 other children&#39;s confirmed notes; recorded" in section
    assert "WX19" not in section
    assert not any(name in view for name in ("Casey", "Riley", "Skye", "Taylor"))
    pdf = worker.get(f"/summaries/{summary.id}/download")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)
                    .split())
    assert "Links with other children" in text and "Link (people): Kez" in text


def test_a_summary_without_chosen_links_has_none(make_client):
    worker = make_client("rhi.worker@example.org")
    _interview_id, url, _html = summary_form(worker, notes=None)
    worker.post(url, SHARING, csrf_from=url)
    summary = db.session.scalar(db.select(Summary))
    assert 'id="summary-links"' not in worker.get(f"/summaries/{summary.id}").get_data(
        as_text=True)


def test_the_trigger_plan_lists_linked_associates_vehicles_and_places(make_client):
    worker = make_client("rhi.worker@example.org")
    html = worker.get(f"/children/{skye().id}/trigger-plan/edit").get_data(as_text=True)
    fields = {m.group(1): m.group(2) for m in re.finditer(
        r'<textarea[^>]*name="(\w+)"[^>]*>(.*?)</textarea>', html, re.S)}
    assert "Link (people): Kez" in fields["known_associates"]
    assert "Link (number plates): WX19 KLM" in fields["vehicles"]
    assert "Link (places): Flat 2, 14 Harbour Road" in fields["addresses"]
    # The BCP child's phone match is another team's record: not on a plan for carers.
    assert "07700 900118" not in fields["lines_of_enquiry"]
    assert "Taylor" not in html and "Casey" not in html and "BCP" not in html


def test_entities_chosen_for_a_summary_are_confirmed_for_links(make_client):
    from rhi_assistant.models import LinkMention

    worker = make_client("rhi.worker@example.org")
    interview_id, url, html = summary_form(worker)
    token = re.search(r'name="entities" type="checkbox" value="([^"]+)"', html).group(1)
    worker.post(url, {**SHARING,
                      "entities": [token.replace("&#34;", '"').replace("&quot;", '"')]},
                csrf_from=url)
    rows = db.session.scalars(db.select(LinkMention)).all()
    mine = [m for m in rows if m.interview_id == interview_id]
    assert [(m.kind, m.text, m.status) for m in mine] == [("PLACE", "Weston", "confirmed")]


def test_the_summary_pdf_draws_the_chosen_links_as_a_network(make_client, tmp_path):
    """The picture's labels are real text in the PDF; other children numbered, not named."""
    jordan_knows_kez()
    worker = make_client("rhi.worker@example.org")
    _interview_id, url, html = summary_form(worker)
    chosen = re.findall(r'name="links" type="checkbox" value="([^"]+)"', html)
    assert chosen
    worker.post(url, {**SHARING, "links": chosen}, csrf_from=url)
    summary = db.session.scalar(db.select(Summary))
    pdf = worker.get(f"/summaries/{summary.id}/download").data
    (tmp_path / "summary.pdf").write_bytes(pdf)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
                    .split())
    assert "Network picture of the links above" in text
    after = text.split("Network picture of the links above")[1]
    assert "Other child 1" in after and "People" in after and "Kez" in after
    assert demo_episode().child.display_name in after
    assert not any(name in text for name in ("Casey", "Riley", "Taylor"))


def test_a_summary_without_chosen_links_draws_no_network(make_client):
    worker = make_client("rhi.worker@example.org")
    _interview_id, url, _html = summary_form(worker, notes=None)
    worker.post(url, SHARING, csrf_from=url)
    summary = db.session.scalar(db.select(Summary))
    pdf = worker.get(f"/summaries/{summary.id}/download").data
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Network picture" not in text
