"""Nothing typed is lost: every form with free text keeps it across an idle sign-out and a
failed save, for the user who typed it only. The forms are found from the url map (every
route taking GET and POST whose page has a form posting back to it with a text box), so a
new form is covered without being listed here."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from support import DEMO_TEAM, NOTE, demo_episode, make_child, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, IntakePending, KeptDraft, Referral, Summary, Team, User
from rhi_assistant.web.kept_words import TEXT_TYPES, is_free_text_name

ROLES = ["rhi.worker@example.org", "manager@example.org", "police@example.org",
         "admin@example.org"]


class Forms(HTMLParser):
    """The page's forms: action, method, and each field as the browser would send it."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._area: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append({"action": a.get("action"), "method": a.get("method", "get"),
                               "fields": []})
        elif not self.forms:
            return
        elif tag == "input":
            self.forms[-1]["fields"].append(
                {"tag": "input", "type": a.get("type", "text").lower(), "name": a.get("name"),
                 "value": a.get("value", ""), "checked": "checked" in a})
        elif tag == "textarea":
            self._area = {"tag": "textarea", "type": "", "name": a.get("name"), "value": ""}
            self.forms[-1]["fields"].append(self._area)
        elif tag == "select":
            self.forms[-1]["fields"].append({"tag": "select", "type": "", "name": a.get("name"),
                                             "value": None})
        elif tag == "option" and self.forms[-1]["fields"]:
            field = self.forms[-1]["fields"][-1]
            if field["tag"] == "select" and (field["value"] is None or "selected" in a):
                field["value"] = a.get("value", "")

    def handle_data(self, data):
        if self._area is not None:
            self._area["value"] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            if self._area is not None:
                self._area["value"] = self._area["value"].removeprefix("\n")
            self._area = None


def forms_of(html: str) -> list[dict]:
    parser = Forms()
    parser.feed(html)
    return parser.forms


def text_boxes(form: dict) -> list[str]:
    return [f["name"] for f in form["fields"] if f["name"] and is_free_text_name(f["name"])
            and (f["tag"] == "textarea" or (f["tag"] == "input" and f["type"] in TEXT_TYPES
                                            - {"number", "email"}))]


def form_posting_to(html: str, path: str, page: str | None = None) -> dict | None:
    """The first form on the page (at `page`, by default `path`) posting to `path`."""
    for form in forms_of(html):
        action = (form["action"] or page or path).split("?")[0]
        if form["method"].lower() == "post" and action == path and text_boxes(form):
            return form
    return None


def as_sent(form: dict) -> dict[str, list[str]]:
    """What submitting the form unchanged would send (the first submit button's value)."""
    data: dict[str, list[str]] = {}
    for f in form["fields"]:
        if not f["name"] or (f["type"] in ("checkbox", "radio") and not f["checked"]):
            continue
        if f["type"] == "submit":
            continue
        data.setdefault(f["name"], []).append(f["value"] or "")
    return data


def values(html: str, path: str, page: str | None = None) -> dict[str, str]:
    form = form_posting_to(html, path, page)
    assert form is not None
    return {f["name"]: f["value"] for f in form["fields"] if f["name"]}


@pytest.fixture
def case(make_client):
    worker = make_client("rhi.worker@example.org")
    episode = demo_episode()
    interview_id = start_interview(worker, episode.id)
    url = f"/interviews/{interview_id}/pages/time_away_account"
    worker.post(url, {"notes": NOTE, "action": "save"}, csrf_from=url)
    new_url = f"/interviews/{interview_id}/summaries/new"
    worker.post(new_url, {"recipients": ["police_missing_team"], "purpose": "safety",
                          "legal_basis": "safeguarding_public_task"}, csrf_from=new_url)
    summary = db.session.scalar(db.select(Summary))
    staff = db.session.scalar(db.select(User).filter_by(email="rhi.worker@example.org"))
    team_id = db.session.scalar(db.select(Team.id).filter_by(name=DEMO_TEAM))
    referral = Referral(team_id=team_id, safe_now="not_sure", contact_by="text",
                        name="Jordan Avery", what_is_happening="I keep going off.",
                        contact_details="07700 900456")
    db.session.add(referral)
    make_child("WEB-C1", "Ann")
    db.session.commit()
    # A police notification for a child it cannot tell apart from Ann: one to confirm.
    manager = make_client("manager@example.org")
    row = b"police_reference,first_name,last_name,preferred_name,date_of_birth,last_seen,found\r\n"
    row += b"WEB-2,Bea,Test,,2012-05-01,04/10/2026 21:15,\r\n"
    preview = manager.post("/intake", {"notifications": (io.BytesIO(row), "police.csv")},
                           csrf_from="/intake", content_type="multipart/form-data")
    carried = re.search(r'name="upload" value="([^"]+)"', preview.get_data(as_text=True))
    manager.post("/intake/import", {"upload": carried.group(1), "filename": "police.csv"},
                 csrf_from="/intake")
    entry = db.session.scalar(db.select(IntakePending))
    return {"child_id": episode.child_id, "episode_id": episode.id,
            "interview_id": interview_id, "page_id": "time_away_account",
            "code": "multi_agency_meeting", "user_id": staff.id, "referral_id": referral.id,
            "entry_id": entry.id, "summary_id": summary.id, "filename": "app.css"}


def _build(rule, values) -> str | None:
    path = rule.rule
    for arg in rule.arguments:
        if arg not in values:
            return None
        for conv in (f"<int:{arg}>", f"<{arg}>"):
            path = path.replace(conv, str(values[arg]))
    return path


def forms_with_words(app, client, make_client, case) -> list[tuple[str, str, str, str]]:
    """(page, action, endpoint, email) for every form with a text box on every signed-in page
    of the url map: `action` is where it posts (the page itself or another route), `endpoint`
    that route's, `email` the first demo role that may open the page. One form per endpoint."""
    adapter = app.url_map.bind("localhost")
    found: dict[str, tuple[str, str, str, str]] = {}
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        page = _build(rule, case)
        assert page is not None, f"give test_kept_words a value for {rule.rule}"
        if client.client.get(page).status_code == 200:
            continue  # public: nobody signed in, nobody to keep words for
        for email in ROLES:
            resp = make_client(email).client.get(page)
            if resp.status_code != 200 or resp.mimetype != "text/html":
                continue
            for form in forms_of(resp.get_data(as_text=True)):
                action = (form["action"] or page).split("?")[0]
                if form["method"].lower() != "post" or not text_boxes(form):
                    continue
                endpoint, _ = adapter.match(action, method="POST")
                if endpoint not in found and endpoint != "interview.autosave":
                    found[endpoint] = (page, action, endpoint, email)
    return list(found.values())


def _expire(wall_clock, app) -> None:
    """Move the real-time clock the idle sign-out reads past the timeout (sessions are ended
    on the server, so the cookie cannot be edited into expiry)."""
    wall_clock.set(wall_clock.at + timedelta(seconds=app.config["IDLE_TIMEOUT_SECONDS"] + 5))


def test_every_form_with_free_text_keeps_it_for_the_same_user_only(wall_clock, app, client,
                                                                     make_client,
                                                                     case):
    found = forms_with_words(app, client, make_client, case)
    endpoints = {endpoint for _, _, endpoint, _ in found}
    # The forms the probe lost words on are among those found (not a list to keep up to date:
    # a floor, so a broken finder cannot pass by finding nothing).
    assert {"seraf.form", "trigger_plan.edit", "episodes.outcome", "episodes.action"} <= endpoints
    saved = failed = 0
    gone: list[str] = []
    for n, (page, path, endpoint, email) in enumerate(found):
        owner = make_client(email)
        form = form_posting_to(owner.get(page).get_data(as_text=True), path, page)
        if form is None:  # an earlier form's save closed this one (an outcome recorded...)
            gone.append(endpoint)
            continue
        boxes = text_boxes(form)
        marker = f"Quillon{n}z"  # one per form: other forms may show another form's words
        typed = {name: f"Kept words {name} {marker}" for name in boxes}
        token = owner.csrf(page)
        _expire(wall_clock, app)
        data = as_sent(form) | {name: [text] for name, text in typed.items()}
        data["csrf_token"] = [token]
        resp = owner.client.post(path, data=data)
        assert resp.status_code in (302, 401), (endpoint, resp.status_code)
        user = db.session.scalar(db.select(User).filter_by(email=email))
        draft = db.session.scalar(db.select(KeptDraft).filter_by(user_id=user.id, path=path))
        assert draft is not None and typed.items() <= draft.fields.items(), endpoint
        raw = db.session.execute(db.text("SELECT fields FROM kept_draft WHERE id = :i"),
                                 {"i": draft.id}).scalar_one()
        assert marker not in raw  # encrypted at rest
        assert db.session.scalar(db.select(AuditEvent).filter_by(
            action="keep_words_after_timeout", object_id=draft.id)).user_id == user.id
        sign_in_page = owner.get("/sign-in").get_data(as_text=True)
        # (The interview's pages say it in their own words: their notes are a draft answer.)
        assert ("Your words were kept" in sign_in_page
                or "Your notes were saved" in sign_in_page), endpoint

        # Another user opening the same page never sees them.
        for other_email in ROLES:
            if other_email != email:
                other = make_client(other_email).client.get(page).get_data(as_text=True)
                assert "you typed before you were signed out" not in other, endpoint
                if endpoint != "interview.page":
                    # (An interview's notes are kept as a draft answer of the interview,
                    # which its team may read: that is the interview's own record.)
                    assert marker not in other, (endpoint, other_email)

        # The same user, signed in again, finds them back in the form, and is told so.
        owner.sign_in(email)
        html = owner.get(page).get_data(as_text=True)
        assert "These are the words you typed before you were signed out" in html, endpoint
        restored = values(html, path, page)
        for name, text in typed.items():
            assert restored[name] == text, (endpoint, name)

        # Submitting the form as it now stands: a save (answered by a redirect) drops the kept
        # words; a failed save shows them again and keeps them.
        form = form_posting_to(html, path, page)
        data = as_sent(form)
        data["csrf_token"] = [owner.csrf(page)]
        resp = owner.client.post(path, data=data)
        left = db.session.scalar(db.select(KeptDraft).filter_by(user_id=user.id, path=path))
        if resp.status_code == 302:
            saved += 1
            assert left is None, endpoint
        else:
            failed += 1
            assert resp.status_code == 200, (endpoint, resp.status_code)
            # (Not always in the box: a question check shows the question in its answer.)
            again = resp.get_data(as_text=True)
            for name, text in typed.items():
                assert text in again, (endpoint, name)
            assert left is not None, endpoint
    # Today 21 forms: 4 save as they stand, 16 refuse (kept and shown again), 1 is gone (a
    # suggestion's decision form, once the interview page's notes changed).
    assert saved and len(found) >= 15 and len(gone) <= 2, (saved, failed, gone, found)


def test_a_forged_post_after_expiry_keeps_nothing(wall_clock, app, make_client, case):
    worker = make_client("rhi.worker@example.org")
    path = "/children/{child_id}/trigger-plan/edit".format(**case)
    _expire(wall_clock, app)
    app.config["WTF_CSRF_ENABLED"] = False  # even past the CSRF check, no token: nothing kept
    worker.client.post(path, data={"summary": "planted words"})
    assert db.session.scalar(db.select(KeptDraft)) is None


def test_the_page_says_words_are_kept_on_this_device_except_for_young_people(make_client,
                                                                             client, case):
    worker = make_client("rhi.worker@example.org")
    html = worker.get("/children/{child_id}/trigger-plan/edit".format(**case)).get_data(
        as_text=True)
    assert 'id="kept-words-config"' in html
    assert "kept-words-config" not in client.get("/help/tell-us").get_data(as_text=True)
    assert "kept-words-config" not in worker.get("/help/tell-us").get_data(as_text=True)


def test_kept_words_go_back_as_text_never_as_markup():
    from rhi_assistant.web.kept_words import fill_form

    page = ('<form method="post" action="/x"><textarea name="notes"></textarea>'
            '<input type="text" name="who" value="old"><input type="hidden" name="who2"></form>')
    hostile = '</textarea><script>alert(1)</script>"><b>'
    filled, changed = fill_form(page, "/x", {"notes": hostile, "who": hostile, "who2": "x"},
                                "/page")
    assert changed and "<script>" not in filled and "<b>" not in filled
    assert 'name="who2">' in filled  # hidden fields are never filled
    assert forms_of(filled)[0]["fields"][0]["value"] == hostile
    assert forms_of(filled)[0]["fields"][1]["value"] == hostile
    # A form posting elsewhere is left alone.
    assert fill_form(page, "/y", {"notes": "words"}, "/page") == (page, False)


def test_words_older_than_thirty_days_are_dropped(app, clock, make_client, case):
    from datetime import timedelta

    from support import NOW

    from rhi_assistant.services import kept_words

    user = db.session.scalar(db.select(User).filter_by(email="rhi.worker@example.org"))
    kept_words.keep(user.id, "/children/1/trigger-plan/edit", {"approach": "old words"})
    assert kept_words.for_user(user.id)
    clock.set(NOW + timedelta(days=31))
    assert kept_words.for_user(user.id) == []
    assert db.session.scalar(db.select(KeptDraft)) is None


def test_a_post_to_the_young_peoples_pages_after_expiry_keeps_nothing(wall_clock, app, make_client):
    worker = make_client("rhi.worker@example.org")
    token = worker.csrf("/help/tell-us")
    _expire(wall_clock, app)
    worker.client.post("/help/tell-us", data={"csrf_token": token, "name": "Jordan",
                                              "what_is_happening": "a young person's words"})
    assert db.session.scalar(db.select(KeptDraft)) is None
