"""Trigger plans: drafted from confirmed information only, versioned, downloaded as a PDF."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import text
from support import NOW

from rhi_assistant.extensions import db
from rhi_assistant.models import (
    Answer,
    AuditEvent,
    Child,
    Episode,
    Interview,
    Suggestion,
    Summary,
    TriggerPlanVersion,
    User,
)
from rhi_assistant.reports.data import ChildSummary, EpisodeSummary, SummaryData
from rhi_assistant.services.summary_record import content

CONFIRMED = {
    "associates": ["Kyle Denton"],
    "places": ["Weston bus station"],
    "addresses": ["14 Harbour Road, Weston-super-Mare"],
    "vehicles": ["silver Vauxhall Corsa", "WX21 ABC"],
}
REJECTED = ["Marcus Webb", "black BMW", "9 Mill Lane", "Carrying or being given weapons"]
UNDECIDED = "Drugs misuse"


pytestmark = pytest.mark.usefixtures("clock")


@pytest.fixture
def jordan(app) -> Child:
    """The demo child, with one earlier interview: decided suggestions and a shared summary."""
    child = db.session.scalar(db.select(Child).filter_by(reference="NS-1001"))
    worker = db.session.scalar(db.select(User).filter_by(email="rhi.worker@example.org"))
    earlier = sorted(child.episodes, key=lambda e: e.last_seen)[1]
    interview = Interview(episode_id=earlier.id, conducted_by_id=worker.id, status="completed")
    db.session.add(interview)
    db.session.flush()
    answer = Answer(interview_id=interview.id, page_id="time_away_account",
                    text="She got into a silver Vauxhall Corsa with Kyle Denton. Her friend "
                         "said Marcus Webb drove a black BMW to 9 Mill Lane, but she denied it.")
    db.session.add(answer)
    db.session.flush()
    db.session.add_all([
        Suggestion(answer_id=answer.id, indicator="seraf.sig.vehicles_unknown_adults",
                   evidence="got into a silver Vauxhall Corsa", status="confirmed",
                   decided_by_id=worker.id),
        Suggestion(answer_id=answer.id, indicator="cce.weapons",
                   evidence="Marcus Webb drove a black BMW to 9 Mill Lane", status="rejected",
                   decided_by_id=worker.id),
        Suggestion(answer_id=answer.id, indicator="seraf.mod.drugs_misuse",
                   evidence="black BMW", status="suggested"),
    ])
    db.session.add(Summary(
        interview_id=interview.id, generated_by_id=worker.id, shared_with='["Police"]',
        purpose="Safety", legal_basis="safeguarding_public_task",
        content=content(SummaryData(
            reference="NS-1001-1", generated_at=NOW, generated_by="RHI worker",
            child=ChildSummary(name=child.display_name), episode=EpisodeSummary(),
            entities={
                "PERSON": CONFIRMED["associates"],
                "PLACE": CONFIRMED["places"] + CONFIRMED["addresses"],
                "VEHICLE": ["silver Vauxhall Corsa"], "PLATE": ["WX21 ABC"],
                "PHONE": ["07700 900123"], "HANDLE": [],
            },
        )),
    ))
    db.session.commit()
    return child


def _form(html: str) -> dict[str, str]:
    """The textareas of the plan form, as a browser would send them back."""
    return {m.group(1): m.group(2).replace("&#39;", "'").replace("&amp;", "&")
            for m in re.finditer(r'<textarea[^>]*name="(\w+)"[^>]*>(.*?)</textarea>', html, re.S)}


def _save(worker, child_id: int, changes: dict[str, str] | None = None):
    url = f"/children/{child_id}/trigger-plan/edit"
    data = _form(worker.get(url).get_data(as_text=True))
    data.update(changes or {})
    return worker.post(url, data, csrf_from=url)


def _pdf_text(resp) -> str:
    reader = PdfReader(io.BytesIO(resp.data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_draft_holds_confirmed_information_and_nothing_rejected(make_client, jordan):
    worker = make_client("rhi.worker@example.org")
    form = _form(worker.get(f"/children/{jordan.id}/trigger-plan/edit").get_data(as_text=True))
    assert "Kyle Denton" in form["known_associates"]
    assert "Weston bus station" in form["frequented_places"]
    assert "Bus station, Bristol" in form["frequented_places"]  # where found, on the episode
    assert "14 Harbour Road, Weston-super-Mare" in form["addresses"]
    assert "silver Vauxhall Corsa" in form["vehicles"] and "WX21 ABC" in form["vehicles"]
    assert "Entering or leaving vehicles driven by unknown adults" in form["lines_of_enquiry"]
    assert "07700 900123" in form["lines_of_enquiry"]
    everything = "\n".join(form.values())
    for rejected in [*REJECTED, UNDECIDED]:
        assert rejected not in everything
    assert "School nurse" in form["professionals"]
    assert "3 missing episodes" in form["background"]


def test_trigger_plan_pdf_lists_confirmed_details_and_nothing_rejected(make_client, jordan):
    worker = make_client("rhi.worker@example.org")
    assert _save(worker, jordan.id).status_code == 302
    resp = worker.get(f"/children/{jordan.id}/trigger-plan/download")
    assert resp.status_code == 200 and resp.mimetype == "application/pdf"
    assert "attachment" in resp.headers["Content-Disposition"]
    pdf = _pdf_text(resp)
    for values in CONFIRMED.values():
        for value in values:
            assert value in pdf, value
    assert "Entering or leaving vehicles driven by unknown adults" in pdf
    for rejected in [*REJECTED, UNDECIDED]:
        assert rejected not in pdf, rejected
    assert "Jordan Avery" in pdf and "version 1" in pdf
    event = db.session.scalar(db.select(AuditEvent).filter_by(action="download_trigger_plan"))
    assert event.child_id == jordan.id and event.detail == "version 1"


def test_every_save_is_a_new_version_and_older_ones_stay_readable(make_client, jordan):
    worker = make_client("rhi.worker@example.org")
    _save(worker, jordan.id, {"family_members": "Aunt Lou Avery, 07700 900456"})
    manager = make_client("manager@example.org")
    _save(manager, jordan.id, {"family_members": "Aunt Lou Avery, 07700 900456\nGran Pat Avery"})
    versions = db.session.scalars(db.select(TriggerPlanVersion).order_by(
        TriggerPlanVersion.version)).all()
    assert [v.version for v in versions] == [1, 2]
    assert [v.created_by.name for v in versions] == ["Sam Okafor", "Priya Lewis"]
    assert versions[0].lines("family_members") == ["Aunt Lou Avery, 07700 900456"]
    raw = db.session.execute(text("select family_members from trigger_plan_version")).scalars()
    assert all("Avery" not in value for value in raw)  # encrypted at rest

    current = worker.get(f"/children/{jordan.id}/trigger-plan").get_data(as_text=True)
    assert "Gran Pat Avery" in current and "Priya Lewis" in current
    assert "Version 1" in current and "Version 2" in current  # the versions table
    old = worker.get(f"/children/{jordan.id}/trigger-plan?version=1").get_data(as_text=True)
    assert "This is an older version" in old and "Gran Pat Avery" not in old
    old_pdf = _pdf_text(worker.get(f"/children/{jordan.id}/trigger-plan/download?version=1"))
    assert "Aunt Lou Avery" in old_pdf and "Gran Pat Avery" not in old_pdf
    assert worker.get(f"/children/{jordan.id}/trigger-plan?version=9").status_code == 404


def test_renewal_keeps_the_workers_words_and_adds_new_confirmed_facts(make_client, jordan):
    worker = make_client("rhi.worker@example.org")
    _save(worker, jordan.id, {"approach": "Let her pick where to talk; she likes the park.",
                              "known_associates": "Kyle Denton"})
    renew = 'Renew the trigger plan<span class="govuk-visually-hidden"> for Jordan Avery'
    assert renew not in worker.get("/episodes").get_data(as_text=True)
    assert 'id="renewal-due"' not in worker.get(
        f"/children/{jordan.id}/trigger-plan").get_data(as_text=True)
    # A new episode: the plan is due for renewal, and the new place found is added to it.
    db.session.add(Episode(child_id=jordan.id, last_seen=NOW - timedelta(hours=8),
                           reported_missing=NOW - timedelta(hours=8),
                           found=NOW - timedelta(hours=2), where_found="Clevedon pier"))
    db.session.commit()
    assert renew in worker.get("/episodes").get_data(as_text=True)
    plan_page = worker.get(f"/children/{jordan.id}/trigger-plan").get_data(as_text=True)
    assert 'id="renewal-due"' in plan_page
    form = _form(worker.get(f"/children/{jordan.id}/trigger-plan/edit").get_data(as_text=True))
    assert form["approach"] == "Let her pick where to talk; she likes the park."
    assert "Clevedon pier" in form["frequented_places"]
    assert form["known_associates"].strip() == "Kyle Denton"


def test_writing_needs_a_worker_or_manager(make_client, jordan):
    from rhi_assistant.models import Team
    from rhi_assistant.passwords import hash_password

    team = db.session.scalar(db.select(Team).filter_by(name="North Somerset Missing Children Team"))
    db.session.add(User(email="officer.ns@example.org", name="PC Jo Reed", role="police_officer",
                        team_id=team.id, password_hash=hash_password("fictional-demo-pass")))
    db.session.commit()
    officer = make_client("officer.ns@example.org")
    assert officer.get(f"/children/{jordan.id}/trigger-plan").status_code == 200
    assert officer.get(f"/children/{jordan.id}/trigger-plan/edit").status_code == 403
    url = f"/children/{jordan.id}/trigger-plan/edit"
    assert officer.post(url, {"background": "x"}, csrf_from="/sign-in").status_code == 403
    assert db.session.query(TriggerPlanVersion).count() == 0
