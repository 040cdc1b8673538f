"""The answer page and its save stay cheap (issue 13 point 11): a bound on the SQL each
runs, counted on a fresh session as every production request has, and no second read of
the rows already loaded (the child fetched by id and dropped, the rows a commit expired
before the page was drawn). A count, not a timing: it does not move with the machine."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event
from support import NOTE, demo_episode, start_interview

from rhi_assistant.extensions import db

#: The wall clock held still: the session's activity is written at most every 15 seconds
#: (services.user_sessions.TOUCH_EVERY), a write a slow test run must not count.
pytestmark = pytest.mark.usefixtures("wall_clock")
PAGE = "time_away_account"
#: Statements on the page GET: the user with their session row and whether words are kept
#: for them (one statement), the interview with its episode, child and the child's team
#: (one joined read), the answers, the offer (consent), the suggestions, the child's
#: confirmed link mentions (the contextual safeguarding alert) and the audit insert. 15
#: before whose consent was worked out alone (no more reads of the child's other episodes
#: and confirmed concerns), and the rows read by id were joined.
GET_BOUND = 7
#: The save: the same first reads, the answer's update and its suggestions read; 14 before
#: a suggestion found again was kept instead of deleted and inserted, the signed-in user
#: was read again after the commit, and kept words were dropped when there were none.
POST_BOUND = 5


@pytest.fixture
def statements(app):
    """The SQL sent while the block runs, each request on a fresh session."""
    seen: list[str] = []

    def listen(_conn, _cursor, statement, *_args):
        seen.append(" ".join(statement.split()))

    def run(call):
        db.session.remove()  # tests hold one app context; a worker's request starts afresh
        seen.clear()
        event.listen(db.engine, "before_cursor_execute", listen)
        try:
            call()
        finally:
            event.remove(db.engine, "before_cursor_execute", listen)
        return list(seen)

    return run


def _reads_of(table: str, sql: list[str]) -> int:
    """Statements reading the table's rows, by id or joined to another's."""
    return sum(1 for s in sql if s.startswith("SELECT")
               and re.search(rf"(FROM|JOIN) {table}( AS \w+)? ", s))


def test_the_answer_page_get_runs_a_bounded_number_of_statements(make_client, statements):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/{PAGE}"
    worker.post(url, {"notes": NOTE, "action": "save"}, csrf_from=url)

    sql = statements(lambda: worker.get(url))
    assert len(sql) <= GET_BOUND, "\n".join(sql)
    for table in ("child", "episode", "interview", "team", "user_account"):
        assert _reads_of(table, sql) == 1, f"{table} read more than once:\n" + "\n".join(sql)
    assert sum(1 for s in sql if s.startswith("SELECT") and "FROM answer" in s) == 1
    assert not any(s.startswith("DELETE FROM kept_draft") for s in sql), (
        "nothing to drop: the kept words are read, not deleted, on every page")
    assert not any(s.startswith("SELECT kept_draft") for s in sql), (
        "no words kept for this user (known with the user): none to put back")
    assert sum(1 for s in sql if "user_session" in s) == 1, "\n".join(sql)


def test_the_save_runs_a_bounded_number_of_statements(make_client, statements):
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/{PAGE}"
    worker.post(url, {"notes": NOTE, "action": "save"}, csrf_from=url)  # the answer exists
    token = worker.csrf(url)

    def save():
        resp = worker.post(url, {"notes": NOTE + " Bus 7.", "action": "save",
                                 "csrf_token": token})
        assert resp.status_code == 302

    sql = statements(save)
    assert len(sql) <= POST_BOUND, "\n".join(sql)
    assert _reads_of("child", sql) == 1, "\n".join(sql)
    assert not any("FROM rhi_offer" in s for s in sql), (
        "a save that redirects does not work out the page's consent questions")
    assert _reads_of("user_account", sql) == 1, "the user read again after the commit"
    assert not any(s.startswith(("INSERT INTO suggestion", "DELETE FROM suggestion"))
                   for s in sql), "the same findings rewrote the suggestion rows"


def test_an_autosave_of_words_already_saved_reads_and_writes_nothing_more(
        make_client, statements, monkeypatch):
    """A pause with nothing typed since the last autosave (or a tab out of the notes) leaves
    the draft as it is: the engine does not read the words again and nothing is written."""
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/{PAGE}"
    token = worker.csrf(url)
    draft = NOTE + " Bus 9."

    def autosave():
        resp = worker.post(url + "/autosave", {"notes": draft, "csrf_token": token},
                           headers={"X-CSRFToken": token})
        assert resp.status_code == 200
        return resp.get_json()

    first = autosave()
    assert "suggestion-" in first["suggestions_html"]  # the words were read once
    from rhi_assistant import nlp

    def not_again(*_args, **_kwargs):
        raise AssertionError("the same words were read again")

    monkeypatch.setattr(nlp, "analyse", not_again)
    again: dict = {}
    sql = statements(lambda: again.update(autosave()))
    assert not any(s.startswith(("INSERT", "UPDATE", "DELETE")) for s in sql), "\n".join(sql)
    assert again["at"] == first["at"], "the draft is as it was saved, at the time it was"
    shown = re.compile(r'id="suggestion-(\d+)"')
    assert shown.findall(again["suggestions_html"]) == shown.findall(first["suggestions_html"])


def test_an_autosave_runs_a_bounded_number_of_statements(make_client, statements):
    """The user with their session, the interview joined, the answers, the answer's update
    and its suggestions: the link alerts beside the panel are the page's, not re-read."""
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/{PAGE}"
    token = worker.csrf(url)
    worker.post(url + "/autosave", {"notes": NOTE, "csrf_token": token},
                headers={"X-CSRFToken": token})

    def autosave():
        resp = worker.post(url + "/autosave", {"notes": NOTE + " Bus 3.", "csrf_token": token},
                           headers={"X-CSRFToken": token})
        assert resp.status_code == 200

    sql = statements(autosave)
    assert len(sql) <= POST_BOUND, "\n".join(sql)
    assert not any("link_mention" in s for s in sql), "\n".join(sql)


def test_submitting_the_words_just_autosaved_writes_only_the_answer(make_client, statements):
    """The button after the tab out of the notes: the words were read and their suggestions
    made a moment ago, so the submit reads no suggestions and writes only the answer row."""
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/{PAGE}"
    worker.post(url, {"notes": NOTE, "action": "save"}, csrf_from=url)  # the RHI is held
    token = worker.csrf(url)
    worker.post(url + "/autosave", {"notes": NOTE + " Bus 4.", "csrf_token": token},
                headers={"X-CSRFToken": token})

    def submit():
        resp = worker.post(url, {"notes": NOTE + " Bus 4.", "action": "save",
                                 "csrf_token": token})
        assert resp.status_code == 302

    sql = statements(submit)
    assert len(sql) <= POST_BOUND - 1, "\n".join(sql)
    assert not any("FROM suggestion" in s or "INTO suggestion" in s for s in sql), "\n".join(sql)
    assert sum(1 for s in sql if s.startswith("UPDATE answer")) == 1, "\n".join(sql)
