"""The notes are read once, when they are saved: pages and summaries read what was stored."""

from __future__ import annotations

import html
import importlib.util
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import text
from support import NOTE, demo_episode, start_interview

from rhi_assistant import clock, create_app, crypto, nlp
from rhi_assistant.extensions import db
from rhi_assistant.models import Answer, Summary
from rhi_assistant.reports.data import SummaryData
from rhi_assistant.services.summaries import NamedEntity
from rhi_assistant.services.summary_record import record_of, render_pdf

PAGE = "time_away_account"
MIGRATION = (Path(__file__).parents[2] / "rhi_assistant" / "migrations" / "versions"
             / "d5b8e1f04a27_answer_reading_summary_record.py")


def _page_url(interview_id: int) -> str:
    return f"/interviews/{interview_id}/pages/{PAGE}"


def _save(client, interview_id: int, notes: str = NOTE):
    url = _page_url(interview_id)
    return client.post(url, {"notes": notes, "action": "save"}, csrf_from=url)


@pytest.fixture
def count_readings(monkeypatch):
    """Counts the engine's runs over notes (the real engine still answers)."""
    calls: list[str] = []
    real = nlp.analyse

    def counted(text, interview_date=None, **child):
        calls.append(text)
        return real(text, interview_date, **child)

    monkeypatch.setattr(nlp, "analyse", counted)
    return calls


@pytest.fixture
def no_reading(monkeypatch):
    """From here on, reading the notes again is a failure."""

    def refuse(*args, **kwargs):
        raise AssertionError("the notes were read again instead of using the stored reading")

    return lambda: monkeypatch.setattr(nlp, "analyse", refuse)


def test_a_save_reads_the_notes_once(make_client, count_readings):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    assert _save(worker, interview_id).status_code == 302
    assert count_readings == [NOTE]
    url = _page_url(interview_id)
    resp = worker.post(url + "/autosave", {"notes": NOTE + " More."}, csrf_from=url)
    assert resp.status_code == 200 and "Named in these notes" in resp.get_json()["suggestions_html"]
    assert count_readings == [NOTE, NOTE + " More."]


def _suggestions_of(page_id: str = PAGE) -> list[tuple]:
    answer = db.session.scalar(db.select(Answer).filter_by(page_id=page_id))
    db.session.refresh(answer)
    return sorted((s.indicator, s.evidence, s.start, s.end, s.status, s.reason)
                  for s in answer.suggestions)


def _autosave(client, interview_id: int, notes: str = NOTE):
    url = _page_url(interview_id)
    resp = client.post(url + "/autosave", {"notes": notes}, csrf_from=url)
    assert resp.status_code == 200
    return resp


def test_submitting_words_just_autosaved_does_not_read_them_again(make_client, count_readings):
    """The tab out of the notes autosaves them a moment before the button submits them."""
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    _autosave(worker, interview_id)
    assert count_readings == [NOTE]
    drafted = _suggestions_of()
    assert drafted  # the demo note has findings to suggest
    assert _save(worker, interview_id).status_code == 302
    assert count_readings == [NOTE]
    answer = db.session.scalar(db.select(Answer).filter_by(page_id=PAGE))
    assert not answer.is_draft and answer.text == NOTE
    assert _suggestions_of() == drafted
    page = worker.get(_page_url(interview_id)).get_data(as_text=True)
    assert "Mentioned but not suggested" in page and "denies taking drugs" in page


def test_words_read_again_are_read_as_a_fresh_save_reads_them(make_client, count_readings):
    """What a save keeps without reading is what it would have made by reading."""
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    _autosave(worker, interview_id)
    _save(worker, interview_id)
    kept = _suggestions_of()
    reading = db.session.scalar(db.select(Answer).filter_by(page_id=PAGE)).reading
    _save(worker, interview_id, NOTE + " Then home.")
    _save(worker, interview_id, NOTE)
    assert count_readings == [NOTE, NOTE + " Then home.", NOTE]
    assert _suggestions_of() == kept
    assert db.session.scalar(db.select(Answer).filter_by(page_id=PAGE)).reading == reading


def test_the_same_words_are_read_again_when_the_date_of_birth_changed(make_client,
                                                                       count_readings):
    """"When she was 13" is dated by the date of birth: a corrected one is a new reading."""
    worker = make_client("rhi.worker@example.org")
    episode = demo_episode()
    interview_id = start_interview(worker, episode.id)
    _autosave(worker, interview_id)
    child = episode.child
    child.date_of_birth = child.date_of_birth.replace(year=child.date_of_birth.year - 1)
    db.session.commit()
    _save(worker, interview_id)
    assert count_readings == [NOTE, NOTE]


def test_the_same_words_are_read_again_by_another_version_of_the_engine(
        make_client, count_readings, monkeypatch):
    from rhi_assistant.services import readings

    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    _autosave(worker, interview_id)
    monkeypatch.setattr(readings, "_engine_id", lambda: "another version of the word lists")
    _save(worker, interview_id)
    assert count_readings == [NOTE, NOTE]


def test_showing_the_answer_page_does_not_read_the_notes(make_client, no_reading):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    _save(worker, interview_id)
    no_reading()
    page = worker.get(_page_url(interview_id)).get_data(as_text=True)
    assert "Entering or leaving vehicles driven by unknown adults" in page
    assert "Mentioned but not suggested" in page and "denies taking drugs" in page
    assert "Named in these notes" in page and "Weston" in page


def test_a_summary_is_prepared_and_shared_without_reading_the_notes(make_client, no_reading):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    _save(worker, interview_id)
    no_reading()
    new_url = f"/interviews/{interview_id}/summaries/new"
    form = worker.get(new_url).get_data(as_text=True)
    weston = NamedEntity(kind="PLACE", text="Weston")
    values = [html.unescape(v) for v in re.findall(r'name="entities"[^>]*value="([^"]*)"', form)]
    assert weston.token in values
    resp = worker.post(new_url, {
        "recipients": ["police_missing_team"], "purpose": "Keep her safe.",
        "legal_basis": "safeguarding_public_task", "entities": [weston.token],
        "next_steps": "Strategy discussion",
    }, csrf_from=new_url)
    assert resp.status_code == 302, resp.get_data(as_text=True)[:800]
    record = record_of(db.session.scalar(db.select(Summary)))
    assert record.entities["PLACE"] == ["Weston"]
    assert worker.get(resp.headers["Location"]).status_code == 200
    assert worker.get(resp.headers["Location"] + "/download").mimetype == "application/pdf"


def test_a_form_value_that_is_no_entity_is_refused(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    new_url = f"/interviews/{interview_id}/summaries/new"
    resp = worker.post(new_url, {
        "recipients": ["police_missing_team"], "purpose": "x",
        "legal_basis": "safeguarding_public_task", "entities": ["PERSON:Jay"],
    }, csrf_from=new_url)
    assert resp.status_code == 200
    assert db.session.scalar(db.select(Summary)) is None


def test_an_entity_token_round_trips():
    named = NamedEntity(kind="PERSON", text="Jay: \u201cthe driver\u201d")
    assert NamedEntity.from_token(named.token) == named
    for bad in ("PERSON:Jay", "[1, 2]", '["PERSON"]', "null"):
        with pytest.raises(ValueError):
            NamedEntity.from_token(bad)


def test_an_answer_saved_before_readings_is_read_once_and_kept(make_client, count_readings):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    _save(worker, interview_id)
    answer = db.session.scalar(db.select(Answer).filter_by(page_id=PAGE))
    db.session.execute(text("UPDATE answer SET reading = NULL WHERE id = :id"), {"id": answer.id})
    db.session.commit()
    saved_at = db.session.scalar(text("SELECT updated_at FROM answer WHERE id = :id"),
                                 {"id": answer.id})
    count_readings.clear()
    for _ in range(2):
        page = worker.get(_page_url(interview_id)).get_data(as_text=True)
        assert "Named in these notes" in page and "Mentioned but not suggested" in page
    assert count_readings == [NOTE]
    assert db.session.scalar(text("SELECT updated_at FROM answer WHERE id = :id"),
                             {"id": answer.id}) == saved_at


def test_an_answer_read_late_is_dated_by_the_childs_date_of_birth(make_client, monkeypatch):
    worker = make_client("rhi.worker@example.org")
    episode = demo_episode()
    interview_id = start_interview(worker, episode.id)
    _save(worker, interview_id)
    db.session.execute(text("UPDATE answer SET reading = NULL WHERE page_id = :p"), {"p": PAGE})
    db.session.commit()
    seen: list[dict] = []
    real = nlp.analyse

    def recorded(text, interview_date=None, **child):
        seen.append(child)
        return real(text, interview_date, **child)

    monkeypatch.setattr(nlp, "analyse", recorded)
    worker.get(_page_url(interview_id))
    assert seen == [{"date_of_birth": episode.child.date_of_birth}]


def test_the_reading_is_encrypted_at_rest(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    _save(worker, interview_id)
    raw = db.session.scalar(text("SELECT reading FROM answer WHERE page_id = :p"), {"p": PAGE})
    assert raw.startswith("v1:") and "Weston" not in raw and "drugs" not in raw


def test_declining_forgets_the_reading(make_client):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    _save(worker, interview_id)
    url = _page_url(interview_id)
    worker.post(url, {"notes": "", "action": "prefer_not_to_say"}, csrf_from=url)
    answer = db.session.scalar(db.select(Answer).filter_by(page_id=PAGE))
    db.session.refresh(answer)
    assert answer.state == "prefer_not_to_say" and answer.reading is None


def _migration():
    spec = importlib.util.spec_from_file_location("answer_reading_summary_record", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# A summary as it was stored before it was stored as the typed record.
OLD_SNAPSHOT = {
    "reference": "NS-1001-7",
    "generated_at": "2026-06-14T20:30:00+00:00",
    "generated_by": "Sam Worker",
    "child": {"name": "Ellie", "date_of_birth": "2012-03-01", "age": 14, "gender": "Female",
              "ethnicity": None, "languages": "English", "address_area": "Weston"},
    "episode": {"last_seen": "2026-06-13T18:00:00+00:00", "reported": None,
                "found": "2026-06-14T09:00:00+00:00", "missing_from": "Home",
                "police_risk": "medium", "duration_text": "15.0 hours", "placement": ""},
    "push_factors": [{"indicator": "push.arguments", "label": "Arguments at home",
                      "concerns": [], "window": "recent", "evidence": "we argued",
                      "note": None}],
    "pull_factors": [],
    "indicators": [{"indicator": "seraf.sig.vehicles_unknown_adults",
                    "label": "Entering or leaving vehicles driven by unknown adults",
                    "concerns": ["CSE"], "window": "recent", "evidence": "got into a car",
                    "note": None}],
    "entities": {"PERSON": [], "PLACE": ["Weston"], "VEHICLE": [], "PLATE": [], "PHONE": [],
                 "HANDLE": []},
    "seraf": {"total": 9, "category": 2, "overridden": False, "override_reason": None,
              "signed_off": True},
    "next_steps": ["Strategy discussion"],
    "shared_with": ["Police missing person coordinator"],
    "purpose": "Keep her safe.",
    "legal_basis": "Vital interests: risk of serious harm (UK GDPR Art. 6(1)(d))",
}


def test_a_summary_stored_before_is_migrated_to_the_typed_record():
    record = SummaryData.from_dict(_migration().to_record(OLD_SNAPSHOT))
    assert record.push_factors == ["Arguments at home: \u201cwe argued\u201d"]
    assert record.seraf.category_label == "Category 2: mild" and record.seraf.category == 2
    assert record.generated_at == datetime(2026, 6, 14, 20, 30, tzinfo=UTC)
    assert record.episode.placement is None
    assert record.indicators[0].concerns == ("CSE",)
    assert SummaryData.from_dict(record.to_dict()) == record
    assert render_pdf(record, clock.local_zone("north_somerset")).startswith(b"%PDF")


def test_the_migration_rewrites_stored_summaries(tmp_path):
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'm.sqlite'}"})
    with app.app_context():
        upgrade(revision="f7a2c5d18e40")
        with db.engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")  # the summary alone is enough
            conn.execute(text(
                "INSERT INTO summary (id, interview_id, generated_at, generated_by_id, "
                "shared_with, purpose, legal_basis, content) VALUES (1, 1, "
                "'2026-06-14 20:30:00', 1, :w, :p, 'vital_interests', :c)"),
                {"w": crypto.encrypt("[]"), "p": crypto.encrypt("x"),
                 "c": crypto.encrypt(json.dumps(OLD_SNAPSHOT))})
        upgrade(revision="d5b8e1f04a27")
        with db.engine.connect() as conn:
            stored = conn.scalar(text("SELECT content FROM summary WHERE id = 1"))
        db.engine.dispose()
    record = SummaryData.from_dict(json.loads(crypto.decrypt(stored)))
    assert record.seraf.category_label == "Category 2: mild"
    assert record.push_factors == ["Arguments at home: \u201cwe argued\u201d"]
