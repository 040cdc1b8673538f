"""Young people turning 18: the record shows them as such at 16, asks for a handover plan
from 17 and a half, and words their episodes as a young adult's from 18; the plan is
audited, encrypted at rest and kept in every version."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text
from support import NOW, make_child, make_episode

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Child, TransitionPlan
from rhi_assistant.models.transition import HANDOVER_ROUTES
from rhi_assistant.services import transition as service
from rhi_assistant.web.transition.forms import ROUTE_LABELS

# Sam turns 16 on 1 May 2026, 17 and a half on 1 November 2027 and 18 on 1 May 2028.
DOB = date(2010, 5, 1)
WISHES = "Sam wants to stay near Clevedon and keep the same worker."


@pytest.fixture
def sam(app) -> Child:
    child = make_child("NS-9301", "Sam")
    child.date_of_birth = DOB
    db.session.commit()
    return child


def banner(html: str) -> str | None:
    """The stage the banner shows (None: no banner)."""
    marker = 'id="transition-banner" data-stage="'
    at = html.find(marker)
    return None if at < 0 else html[at + len(marker):].split('"', 1)[0]


@pytest.mark.parametrize(("when", "stage"), [
    (datetime(2026, 4, 30, 12, tzinfo=UTC), None),                 # 15
    (datetime(2026, 5, 1, 9, tzinfo=UTC), "young_person"),         # 16 today
    (datetime(2027, 10, 31, 23, 30, tzinfo=UTC), "young_person"),  # 17 and a half less a day
    (datetime(2027, 11, 1, 0, 30, tzinfo=UTC), "plan_handover"),   # 17 and a half
    (datetime(2028, 4, 30, 23, 30, tzinfo=UTC), "adult"),          # 00:30 BST on 1 May 2028
])
def test_the_record_shows_the_stage_on_the_teams_clock(make_client, clock, sam, when, stage):
    clock.set(when)
    worker = make_client("rhi.worker@example.org")
    html = worker.get(f"/children/{sam.id}").get_data(as_text=True)
    assert banner(html) == stage


def test_at_16_the_case_says_when_they_turn_18(make_client, clock, sam):
    clock.set(datetime(2026, 6, 1, 12, tzinfo=UTC))
    html = make_client("rhi.worker@example.org").get(f"/children/{sam.id}").get_data(as_text=True)
    assert "Young person, 16 or 17" in html
    assert "turns 18 on 1 May 2028" in html
    assert "/handover" not in html  # nothing to plan yet


def test_from_17_and_a_half_the_team_is_asked_to_plan_and_records_it(make_client, clock, sam):
    clock.set(datetime(2027, 11, 2, 12, tzinfo=UTC))
    worker = make_client("rhi.worker@example.org")
    page = f"/children/{sam.id}"
    html = worker.get(page).get_data(as_text=True)
    assert banner(html) == "plan_handover"
    assert "Plan the handover: Sam Test turns 18 on 1 May 2028." in html
    assert f'href="/children/{sam.id}/handover">Plan the handover<' in html

    url = f"/children/{sam.id}/handover"
    resp = worker.post(url, {"route": "leaving_care", "young_person_wishes": WISHES,
                             "plan": "Introduce the personal adviser in January."},
                       csrf_from=url)
    assert resp.status_code == 302
    html = worker.get(page).get_data(as_text=True)
    assert "Handover plan recorded on 2 November 2027" in html
    assert "leaving care service" in html
    assert "See or update the handover plan" in html
    plan_page = worker.get(url).get_data(as_text=True)
    assert WISHES.replace("'", "&#39;") in plan_page


def test_the_plan_is_required_audited_versioned_and_encrypted(make_client, clock, sam):
    clock.set(datetime(2027, 12, 1, 12, tzinfo=UTC))
    manager = make_client("manager@example.org")
    url = f"/children/{sam.id}/handover"
    before = db.session.query(AuditEvent).count()
    resp = manager.post(url, {"route": "", "young_person_wishes": ""}, csrf_from=url)
    assert resp.status_code == 200
    page = resp.get_data(as_text=True)
    assert "Select who will support them" in page and "Write what the young person wants" in page
    assert db.session.query(TransitionPlan).count() == 0

    for route in ("not_decided", "both"):
        manager.post(url, {"route": route, "young_person_wishes": WISHES}, csrf_from=url)
    rows = service.plans(sam.id)
    assert [r.route for r in rows] == ["both", "not_decided"]  # newest first, both kept
    raw = db.session.execute(text("SELECT young_person_wishes FROM transition_plan")).scalars()
    assert all("Clevedon" not in value for value in raw)
    actions = [e.action for e in db.session.scalars(
        db.select(AuditEvent).where(AuditEvent.id > before).order_by(AuditEvent.id))]
    assert actions.count("record_handover_plan") == 2
    assert "view_handover_plan" in actions
    assert all(e.child_id == sam.id for e in db.session.scalars(
        db.select(AuditEvent).where(AuditEvent.action.like("%handover%"))))


def test_only_the_owning_team_sees_the_plan_and_only_workers_write(make_client, clock, sam):
    clock.set(datetime(2027, 12, 1, 12, tzinfo=UTC))
    url = f"/children/{sam.id}/handover"
    assert make_client("other.worker@example.org").get(url).status_code == 404
    police = make_client("police@example.org")
    assert police.get(url).status_code == 404
    token = police.csrf("/cases")
    resp = police.client.post(url, data={"csrf_token": token, "route": "both",
                                         "young_person_wishes": "x"})
    assert resp.status_code in (403, 404)
    assert db.session.query(TransitionPlan).count() == 0


def test_after_18_the_record_stays_readable_and_new_episodes_are_a_young_adults(
        make_client, clock, sam):
    as_child = make_episode(sam, datetime(2028, 4, 30, 20, tzinfo=UTC),
                            datetime(2028, 5, 1, 8, tzinfo=UTC))
    as_adult = make_episode(sam, datetime(2028, 5, 3, 20, tzinfo=UTC),
                            datetime(2028, 5, 4, 8, tzinfo=UTC))
    clock.set(datetime(2028, 5, 5, 12, tzinfo=UTC))
    worker = make_client("rhi.worker@example.org")
    html = worker.get(f"/children/{sam.id}").get_data(as_text=True)
    assert banner(html) == "adult"
    assert "has been 18 since 1 May 2028" in html
    assert not service.episode_is_adult(as_child)  # began at 17, found at 18
    assert service.episode_is_adult(as_adult)
    adult_offer = worker.get(f"/episodes/{as_adult.id}/offer").get_data(as_text=True)
    assert 'id="adult-episode"' in adult_offer
    child_offer = worker.get(f"/episodes/{as_child.id}/offer").get_data(as_text=True)
    assert 'id="adult-episode"' not in child_offer


def test_the_demo_16_year_old_shows_as_a_young_person(make_client, clock):
    young = db.session.scalars(db.select(Child)).all()
    sixteen = next(c for c in young if c.age_on(NOW.date()) == 16)
    html = make_client("rhi.worker@example.org").get(f"/children/{sixteen.id}").get_data(
        as_text=True)
    assert banner(html) == "young_person"


def test_every_handover_route_has_words() -> None:
    assert tuple(ROUTE_LABELS) == HANDOVER_ROUTES


def test_stage_ages_follow_the_profile(app, sam, clock, tmp_path, monkeypatch):
    """Planning from 17 in a council's own profile moves the prompt, with no code change."""
    from pathlib import Path

    import rhi_assistant.protocol
    from rhi_assistant.protocol import ENV_VAR

    builtin = Path(rhi_assistant.protocol.__file__).parent / "profiles" / "north_somerset.json"
    data = json.loads(builtin.read_text(encoding="utf-8"))
    data["transition"]["plan_handover_from_age"] = 17
    (tmp_path / "north_somerset.json").write_text(json.dumps(data), encoding="utf-8")
    clock.set(datetime(2027, 5, 2, 12, tzinfo=UTC))
    assert service.stage_for(sam).stage == "young_person"
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert service.stage_for(sam).stage == "plan_handover"
    assert service.stage_for(sam).plan_handover_from == DOB.replace(year=2027)


def test_seraf_and_the_summary_speak_of_a_young_adult(make_client, clock, sam):
    from support import NOTE, start_interview

    from rhi_assistant.models import Summary
    from rhi_assistant.reports.text import summary_text_sections
    from rhi_assistant.services.summary_record import record_of

    adult = make_episode(sam, datetime(2028, 5, 3, 20, tzinfo=UTC),
                         datetime(2028, 5, 4, 8, tzinfo=UTC))
    clock.set(datetime(2028, 5, 5, 12, tzinfo=UTC))
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, adult.id)
    seraf = worker.get(f"/interviews/{interview_id}/seraf").get_data(as_text=True)
    assert 'id="seraf-young-adult"' in seraf and "SERAF is for under-18s" in seraf

    url = f"/interviews/{interview_id}/pages/time_away_account"
    worker.post(url, {"notes": NOTE, "action": "save"}, csrf_from=url)
    new_url = f"/interviews/{interview_id}/summaries/new"
    worker.post(new_url, {"recipients": ["police_missing_team"], "purpose": "safety",
                          "legal_basis": "safeguarding_public_task"}, csrf_from=new_url)
    summary = db.session.scalar(db.select(Summary).order_by(Summary.id.desc()))
    page = worker.get(f"/summaries/{summary.id}").get_data(as_text=True)
    assert ">Young adult</dt>" in page
    sections = dict(summary_text_sections(record_of(summary)))
    assert "The young adult" in sections and "The child" not in sections
    assert worker.get(f"/summaries/{summary.id}/download").status_code == 200


def test_a_childs_summary_still_says_child(make_client, clock, sam):
    from support import NOTE, start_interview

    from rhi_assistant.models import Summary

    episode = make_episode(sam, datetime(2026, 11, 18, 20, tzinfo=UTC),
                           datetime(2026, 11, 19, 8, tzinfo=UTC))
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, episode.id)
    assert 'id="seraf-young-adult"' not in worker.get(
        f"/interviews/{interview_id}/seraf").get_data(as_text=True)
    url = f"/interviews/{interview_id}/pages/time_away_account"
    worker.post(url, {"notes": NOTE, "action": "save"}, csrf_from=url)
    new_url = f"/interviews/{interview_id}/summaries/new"
    worker.post(new_url, {"recipients": ["police_missing_team"], "purpose": "safety",
                          "legal_basis": "safeguarding_public_task"}, csrf_from=new_url)
    summary = db.session.scalar(db.select(Summary).order_by(Summary.id.desc()))
    assert ">Child</dt>" in worker.get(f"/summaries/{summary.id}").get_data(as_text=True)
