"""Route by role: every route checks who may see what."""

from __future__ import annotations

import re

import pytest
from support import NOTE, demo_episode, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Referral, Summary

# Public on purpose: signing in, the young person's self-referral (no account) and
# display settings a child may change. Any other route must demand a sign-in.
PUBLIC = {
    "auth.sign_in",
    "auth.session_status",
    "static",
    "cases.home",
    "referral.start",
    "referral.tell_us",
    "referral.sent",
    "referral.now",
    "comfort.display",
}


def _build(rule, values) -> str:
    path = rule.rule
    for arg, value in values.items():
        for conv in (f"<int:{arg}>", f"<{arg}>", f"<path:{arg}>"):
            path = path.replace(conv, str(value))
    return path


@pytest.fixture
def case(make_client):
    """A demo interview with a summary, made by the owning team's worker."""
    worker = make_client("rhi.worker@example.org")
    episode = demo_episode()
    interview_id = start_interview(worker, episode.id)
    url = f"/interviews/{interview_id}/pages/time_away_account"
    worker.post(url, {"notes": NOTE, "action": "save"}, csrf_from=url)
    new_url = f"/interviews/{interview_id}/summaries/new"
    worker.post(new_url, {"recipients": ["police_missing_team"], "purpose": "safety",
                          "legal_basis": "safeguarding_public_task"}, csrf_from=new_url)
    summary = db.session.scalar(db.select(Summary))
    return {
        "child_id": episode.child_id,
        "episode_id": episode.id,
        "interview_id": interview_id,
        "summary_id": summary.id,
        "suggestion_id": 1,
    }


def test_every_route_sends_signed_out_users_to_sign_in(app, client, case):
    checked = 0
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC:
            continue
        path = _build(rule, {a: case.get(a, "time_away_account" if a == "page_id" else 1)
                             for a in rule.arguments})
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            if method == "GET":
                resp = client.client.get(path)
            else:
                resp = client.client.post(path, data={"csrf_token": client.csrf()})
            assert resp.status_code in (302, 401), (method, path, resp.status_code)
            if resp.status_code == 302:
                assert "/sign-in" in resp.headers["Location"], (method, path)
            checked += 1
    assert checked >= 15


CHILD_ROUTES = [
    "/children/{child_id}",
    "/episodes/{episode_id}",
    "/interviews/{interview_id}",
    "/interviews/{interview_id}/pages/time_away_account",
    "/interviews/{interview_id}/check",
    "/interviews/{interview_id}/review",
    "/interviews/{interview_id}/seraf",
    "/interviews/{interview_id}/summaries/new",
    "/summaries/{summary_id}",
    "/summaries/{summary_id}/download",
    "/episodes/{episode_id}/offer",
    "/episodes/{episode_id}/actions/multi_agency_meeting",
    "/children/{child_id}/handover",
]


@pytest.mark.parametrize("email", ["other.worker@example.org", "admin@example.org"])
def test_another_team_cannot_open_the_child_or_anything_of_theirs(make_client, case, email):
    outsider = make_client(email)
    for template in CHILD_ROUTES:
        resp = outsider.get(template.format(**case))
        assert resp.status_code == 404, (email, template, resp.status_code)
    token = outsider.csrf("/cases")
    posts = [
        f"/interviews/{case['interview_id']}/pages/time_away_account",
        f"/interviews/{case['interview_id']}/pages/time_away_account/autosave",
        f"/interviews/{case['interview_id']}/seraf",
        f"/interviews/{case['interview_id']}/suggestions/1",
        f"/episodes/{case['episode_id']}/interviews",
        f"/episodes/{case['episode_id']}/actions/multi_agency_meeting",
        f"/episodes/{case['episode_id']}/actions/multi_agency_meeting/undo",
    ]
    for path in posts:
        resp = outsider.client.post(path, data={"csrf_token": token, "notes": "x"})
        assert resp.status_code in (403, 404), (email, path, resp.status_code)


def test_shared_police_team_reads_summaries_only(make_client, case):
    police = make_client("police@example.org")
    assert police.get("/summaries/{summary_id}/download".format(**case)).status_code == 200
    child_page = police.get("/children/{child_id}".format(**case))
    assert child_page.status_code == 200
    # The officer's way in to the safe and well check of the episode they attend.
    link = "/episodes/{episode_id}/safe-and-well".format(**case)
    assert link in child_page.get_data(as_text=True)
    for template in CHILD_ROUTES[1:8]:
        assert police.get(template.format(**case)).status_code == 404, template


def test_views_and_downloads_are_audited(make_client, case):
    manager = make_client("manager@example.org")
    before = db.session.query(AuditEvent).count()
    manager.get("/children/{child_id}".format(**case))
    manager.get("/summaries/{summary_id}/download".format(**case))
    events = db.session.scalars(db.select(AuditEvent).order_by(AuditEvent.id)).all()[before:]
    assert [(e.action, e.child_id) for e in events] == [
        ("view_child", case["child_id"]), ("download_summary", case["child_id"])]
    assert all(e.user_id is not None for e in events)


def test_only_a_manager_signs_off_seraf(make_client, case):
    worker = make_client("rhi.worker@example.org")
    url = "/interviews/{interview_id}/seraf".format(**case)
    assert worker.post(url + "/sign-off", {}, csrf_from=url).status_code == 403
    manager = make_client("manager@example.org")
    resp = manager.post(url + "/sign-off", {}, csrf_from=url)
    assert resp.status_code == 302
    assert "Signed off" in manager.get(url).get_data(as_text=True)


# Arguments that make a page show one child's record (or a young person's request for help).
CHILD_ARGUMENTS = {"child_id", "episode_id", "interview_id", "summary_id", "referral_id"}
READERS = ("rhi.worker@example.org", "manager@example.org", "police@example.org")
ARGUMENT_DEFAULTS = {"page_id": "time_away_account", "code": "multi_agency_meeting"}


def _with_referral(case, make_client) -> dict:
    young_person = make_client()
    young_person.post("/help/tell-us", {"safe_now": "yes", "contact_by": "none",
                                        "what_is_happening": "Things are hard at home."},
                      csrf_from="/help/tell-us")
    referral = db.session.scalar(db.select(Referral))
    assert referral is not None
    return {**case, "referral_id": referral.id}


def _child_pages(app, ids):
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and CHILD_ARGUMENTS & set(rule.arguments):
            missing = set(rule.arguments) - set(ids) - set(ARGUMENT_DEFAULTS)
            assert not missing, f"teach this test an id for {missing} ({rule.rule})"
            yield rule, _build(rule, {a: ids.get(a, ARGUMENT_DEFAULTS.get(a))
                                      for a in rule.arguments})


def test_every_page_that_shows_a_child_is_audited(app, make_client, case):
    """Found from the url map: a new page with a child's id in its address is covered."""
    ids = _with_referral(case, make_client)
    readers = [make_client(email) for email in READERS]
    checked, unaudited, unopened = 0, [], []
    for rule, path in _child_pages(app, ids):
        for reader in readers:
            before = db.session.scalar(db.select(db.func.max(AuditEvent.id))) or 0
            resp = reader.get(path)
            if resp.status_code != 200:
                continue
            events = db.session.scalars(
                db.select(AuditEvent).where(AuditEvent.id > before)).all()
            if "referral_id" in rule.arguments:
                ok = any(e.object_type == "referral" for e in events)
            else:
                ok = any(e.child_id == case["child_id"] for e in events)
            if not ok:
                unaudited.append(path)
            checked += 1
            break
        else:
            # Only pages of something this case has none of yet (a trigger plan's PDF).
            unopened.append(path)
    assert unaudited == [], " ".join(unaudited)
    assert len(unopened) <= 2, unopened
    assert checked >= 25


# Not records: the audit trail itself, and the deadlines cache a list refreshes as it is read.
NOT_RECORDS = {"audit_event", "episode_due"}


def _row_counts() -> dict[str, int]:
    return {table.name: db.session.scalar(db.select(db.func.count()).select_from(table))
            for table in db.metadata.sorted_tables if table.name not in NOT_RECORDS}


def test_opening_a_page_changes_no_record(app, make_client, case):
    """GETs read: opening SERAF or a police check must not create the assessment."""
    ids = _with_referral(case, make_client)
    readers = [make_client(email) for email in (*READERS, "admin@example.org")]
    changed = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        path = _build(rule, {a: ids.get(a, ARGUMENT_DEFAULTS.get(a, 1))
                             for a in rule.arguments})
        for reader in readers:
            before = _row_counts()
            reader.client.get(path)
            db.session.rollback()
            after = _row_counts()
            if after != before:
                changed.append((path, {k: after[k] - before[k] for k in after
                                       if after[k] != before[k]}))
    assert changed == [], changed


def _text_fields(html: str, path: str) -> list[str]:
    """Names of the text boxes of the page's first form that posts back to it."""
    for attrs, body in re.findall(r'<form([^>]*method="post"[^>]*)>(.*?)</form>', html, re.S):
        action = re.search(r'action="([^"]*)"', attrs)
        if action and action.group(1).split("?")[0] not in ("", path):
            continue
        inputs = re.findall(r'<input[^>]*type="(?:text|email)"[^>]*name="([^"]+)"', body)
        inputs += re.findall(r'<input[^>]*name="([^"]+)"[^>]*type="(?:text|email)"', body)
        areas = re.findall(r'<textarea[^>]*name="([^"]+)"', body)
        return sorted(set(inputs + areas))
    return []


def test_every_form_page_refuses_a_nul_in_each_text_box(app, make_client, case):
    """Found from the url map: each page that posts back to itself, as someone who may."""
    ids = _with_referral(case, make_client)
    writers = [make_client(e) for e in (None, "rhi.worker@example.org", "manager@example.org",
                                        "admin@example.org")]
    checked = []
    for rule in app.url_map.iter_rules():
        if not {"GET", "POST"} <= rule.methods:
            continue
        path = _build(rule, {a: ids.get(a, ARGUMENT_DEFAULTS.get(a, 1)) for a in rule.arguments})
        for writer in writers:
            page = writer.client.get(path)
            html = page.get_data(as_text=True)
            names = _text_fields(html, path) if page.status_code == 200 else []
            if not names:
                continue
            token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
            resp = writer.client.post(path, data={"csrf_token": token,
                                                  **{n: "kept\x00words" for n in names}})
            html = resp.get_data(as_text=True)
            assert resp.status_code == 200, (path, resp.status_code)
            assert "hidden characters" in html, path
            checked.append(path)
            break
    assert len(checked) >= 10, checked
