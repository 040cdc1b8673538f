"""Two saves of one answer at once (an autosave on blur and the submit) suggest each thing once."""

from __future__ import annotations

import threading

from support import NOTE, demo_episode

from rhi_assistant import create_app
from rhi_assistant.cli.demo import load_demo
from rhi_assistant.extensions import db
from rhi_assistant.models import Answer, Interview, Suggestion, User
from rhi_assistant.services import interviews as service

PAGE = "time_away_account"


def test_an_autosave_and_a_submit_at_once_suggest_each_indicator_once(tmp_path):
    # A database file, not the shared in-memory one: each thread has its own connection.
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'r.sqlite'}"})
    with app.app_context():
        db.create_all()
        load_demo(password="A-long-demo-password-1")
        worker = db.session.scalar(db.select(User).filter_by(email="rhi.worker@example.org"))
        user_id = worker.id
        interview = service.start_interview(demo_episode(), "rhi", user_id, "en", False)
        page = service.flow_for(interview).page(PAGE)
        service.save_answer(interview, page, user_id, text="We talked.", draft=True)
        interview_id = interview.id
        db.session.remove()

    both_ready = threading.Barrier(2)

    def save(draft: bool) -> None:
        with app.app_context():
            interview = db.session.get(Interview, interview_id)
            assert interview.answers[0].suggestions == []  # both have read the answer
            both_ready.wait()
            service.save_answer(interview, page, user_id, text=NOTE, draft=draft)
            db.session.remove()

    threads = [threading.Thread(target=save, args=(draft,)) for draft in (True, False)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with app.app_context():
        indicators = db.session.scalars(
            db.select(Suggestion.indicator).join(Answer)
            .where(Answer.interview_id == interview_id)).all()
        db.engine.dispose()
    assert "seraf.sig.vehicles_unknown_adults" in indicators
    assert len(indicators) == len(set(indicators)), indicators
