"""A save reads the notes before it writes: the engine never runs holding a write lock.

On SQLite a write transaction locks the whole database until commit, so a slow
reading inside it made another worker's save fail with "database is locked".
"""

from __future__ import annotations

import sqlite3

import pytest
from support import NOTE, demo_episode

from rhi_assistant import create_app, nlp
from rhi_assistant.cli.demo import load_demo
from rhi_assistant.extensions import db
from rhi_assistant.models import User
from rhi_assistant.services import interviews as service

PAGE = "time_away_account"


@pytest.mark.parametrize("first_save", [True, False], ids=["new answer", "existing answer"])
@pytest.mark.parametrize("draft", [True, False], ids=["autosave", "submit"])
def test_another_connection_can_write_while_the_notes_are_read(
    tmp_path, monkeypatch, first_save: bool, draft: bool
) -> None:
    path = tmp_path / "r.sqlite"
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        db.create_all()
        load_demo(password="A-long-demo-password-1")
        user_id = db.session.scalar(
            db.select(User.id).filter_by(email="rhi.worker@example.org"))
        interview = service.start_interview(demo_episode(), "rhi", user_id, "en", False)
        page = service.flow_for(interview).page(PAGE)
        if not first_save:
            service.save_answer(interview, page, user_id, text="We talked.", draft=True)

        real = nlp.analyse
        other_writes: list[str] = []

        def analyse_while_another_worker_writes(text, interview_date=None, **child):
            other = sqlite3.connect(path, timeout=0)  # another worker, not waiting at all
            try:
                other.execute("CREATE TABLE IF NOT EXISTS probe (x INTEGER)")
                other.execute("INSERT INTO probe VALUES (1)")
                other.commit()
                other_writes.append("written")
            except sqlite3.OperationalError as err:
                other_writes.append(str(err))
            finally:
                other.close()
            assert not db.session.new and not db.session.dirty
            return real(text, interview_date, **child)

        monkeypatch.setattr(nlp, "analyse", analyse_while_another_worker_writes)
        answer = service.save_answer(interview, page, user_id, text=NOTE, draft=draft)
        assert other_writes == ["written"]
        assert answer.text == NOTE
        assert answer.reading is not None
        if draft:  # the notes page suggests as it is typed
            assert "seraf.sig.vehicles_unknown_adults" in {s.indicator for s in answer.suggestions}
        db.session.remove()
        db.engine.dispose()
