"""The manager's police notification pages: upload, preview, import, the to-confirm list.
Managers only, their own team only, audited; a file that is not a CSV is refused plainly."""

from __future__ import annotations

import io
import re

from support import DEMO_PASSWORD, make_child

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Child, Episode, IntakePending, User
from rhi_assistant.models.cases import police_reference_digest
from rhi_assistant.passwords import hash_password


def episode_by_reference(reference: str) -> Episode | None:
    """The episode of a police reference, found as the app finds it: by its blind index."""
    return db.session.scalar(db.select(Episode).where(
        Episode.police_reference_key == police_reference_digest(reference)))

HEADER = "police_reference,first_name,last_name,preferred_name,date_of_birth,last_seen,found"
FILE = "\r\n".join([
    HEADER,
    "WEB-1,Ann,Test,,2012-05-01,03/10/2026 21:15,04/10/2026 09:00",   # Ann Test recorded: match
    "WEB-2,Bea,Test,,2012-05-01,04/10/2026 21:15,",                   # same birth date: confirm
    "WEB-3,Cai,Newchild,,2013-06-02,05/10/2026 21:15,",               # new child
    "WEB-4,Dee,Test,,2012-05-01,05/10/2026 21:15,04/10/2026 09:00",   # found before last seen
]).encode("utf-8") + b"\r\n"


def _upload(client, data: bytes = FILE, name: str = "police.csv"):
    return client.post("/intake", {"notifications": (io.BytesIO(data), name)},
                       csrf_from="/intake", content_type="multipart/form-data")


def _actions() -> list[str]:
    return [e.action for e in db.session.scalars(db.select(AuditEvent).order_by(AuditEvent.id))]


def test_a_manager_previews_then_imports_and_confirms_a_waiting_child(make_client):
    make_child("WEB-C1", "Ann")
    db.session.commit()
    manager = make_client("manager@example.org")
    children, episodes = db.session.query(Child).count(), db.session.query(Episode).count()
    preview = _upload(manager)
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Check before importing" in html
    assert re.search(r'id="count-created_children">1<', html)
    assert re.search(r'id="count-to_confirm">1<', html)
    assert "The found time is before the last seen time" in html and ">4<" in html
    assert "First name: the same name. Family name: the same name." in html  # why WEB-1 matched
    # Nothing saved by the preview.
    assert (db.session.query(Child).count(), db.session.query(Episode).count()) == (
        children, episodes)
    assert db.session.query(IntakePending).count() == 0
    carried = re.search(r'name="upload" value="([^"]+)"', html).group(1)
    done = manager.post("/intake/import", {"upload": carried, "filename": "police.csv"},
                        csrf_from="/intake")
    assert done.status_code == 200 and "Police notifications imported" in done.get_data(
        as_text=True)
    assert db.session.query(Child).count() == children + 1
    assert db.session.query(Episode).count() == episodes + 2
    waiting_page = manager.get("/intake/to-confirm")
    assert "WEB-2" in waiting_page.get_data(as_text=True)
    entry = db.session.scalar(db.select(IntakePending))
    decide = manager.get(f"/intake/to-confirm/{entry.id}")
    text = decide.get_data(as_text=True)
    assert "Same date of birth; the name does not match" in text
    resp = manager.post(f"/intake/to-confirm/{entry.id}", {"child": "new"},
                        csrf_from=f"/intake/to-confirm/{entry.id}")
    assert resp.status_code == 302
    assert db.session.query(IntakePending).count() == 0
    bea = episode_by_reference("WEB-2")
    assert bea.child.first_name == "Bea"
    assert {"preview_police_notifications", "import_police_notifications",
            "view_notifications_to_confirm", "view_possible_match",
            "record_child_from_notification"} <= set(_actions())


def test_linking_a_waiting_notification_to_a_recorded_child(make_client):
    ann = make_child("WEB-C1", "Ann")
    db.session.commit()
    manager = make_client("manager@example.org")
    carried = re.search(r'name="upload" value="([^"]+)"',
                        _upload(manager).get_data(as_text=True)).group(1)
    manager.post("/intake/import", {"upload": carried}, csrf_from="/intake")
    entry = db.session.scalar(db.select(IntakePending))
    url = f"/intake/to-confirm/{entry.id}"
    refused = manager.post(url, {}, csrf_from=url)
    assert refused.status_code == 200 and "Select the child" in refused.get_data(as_text=True)
    assert manager.post(url, {"child": str(ann.id)}, csrf_from=url).status_code == 302
    episode = episode_by_reference("WEB-2")
    assert episode.child_id == ann.id and ann.first_name == "Ann"   # the child is unchanged
    event = db.session.scalar(db.select(AuditEvent).filter_by(
        action="link_notification_to_child"))
    assert event.child_id == ann.id


def test_a_file_that_is_not_a_csv_is_refused_with_a_clear_message(make_client):
    manager = make_client("manager@example.org")
    for data, name, message in [
        (b"PK\x03\x04\x14\x00\x00\x00", "police.xlsx", "must be a CSV"),
        (b"PK\x03\x04\x14\x00\x00\x00", "police.csv", "is not a CSV file"),
        (b"name,age\r\nAnn,12\r\n", "police.csv", "does not name the columns"),
        ("police_reference\r\nÉ".encode("cp1252"), "police.csv", "UTF-8"),
    ]:
        resp = _upload(manager, data, name)
        html = resp.get_data(as_text=True)
        assert resp.status_code == 200 and "There is a problem" in html, name
        assert message in html, (name, message)
    empty = manager.post("/intake", {}, csrf_from="/intake")
    assert "Select the police notification file" in empty.get_data(as_text=True)


def test_only_a_manager_of_the_team_uses_the_pages(make_client):
    make_child("WEB-C1", "Ann")
    db.session.commit()
    manager = make_client("manager@example.org")
    carried = re.search(r'name="upload" value="([^"]+)"',
                        _upload(manager).get_data(as_text=True)).group(1)
    manager.post("/intake/import", {"upload": carried}, csrf_from="/intake")
    entry = db.session.scalar(db.select(IntakePending))
    for email in ("rhi.worker@example.org", "police@example.org", "admin@example.org"):
        other = make_client(email)
        for path in ("/intake", "/intake/to-confirm", f"/intake/to-confirm/{entry.id}"):
            assert other.get(path).status_code == 403, (email, path)
    # A manager of another team: their own list is empty and this entry does not exist.
    bcp = db.session.scalar(db.select(Child.team_id).filter_by(reference="BCP-2001"))
    db.session.add(User(email="bcp.manager@example.org", name="Jo Marsh", role="manager",
                        team_id=bcp, password_hash=hash_password(DEMO_PASSWORD)))
    db.session.commit()
    outsider = make_client("bcp.manager@example.org")
    assert "No police notification is waiting" in outsider.get(
        "/intake/to-confirm").get_data(as_text=True)
    url = f"/intake/to-confirm/{entry.id}"
    assert outsider.get(url).status_code == 404
    assert outsider.post(url, {"child": "new"}, csrf_from="/intake").status_code == 404
    assert db.session.query(IntakePending).count() == 1


def test_an_imported_episode_without_risk_or_place_shows_on_the_existing_pages(make_client):
    manager = make_client("manager@example.org")
    data = (HEADER + "\r\nWEB-9,Eli,Sparrow,,2012-07-07,2026-11-19T21:15:00Z,\r\n").encode()
    carried = re.search(r'name="upload" value="([^"]+)"',
                        _upload(manager, data).get_data(as_text=True)).group(1)
    manager.post("/intake/import", {"upload": carried}, csrf_from="/intake")
    episode = episode_by_reference("WEB-9")
    assert episode.police_risk is None and episode.missing_from is None
    worker = make_client("rhi.worker@example.org")
    for path in ("/episodes", "/cases", f"/children/{episode.child_id}",
                 f"/episodes/{episode.id}"):
        resp = worker.get(path)
        assert resp.status_code == 200, path
    assert "Sparrow" in worker.get("/episodes").get_data(as_text=True)


def test_the_episode_page_shows_where_the_police_give_other_details(make_client):
    """An import never changes a child's record; the difference waits beside the episode for
    a person to apply, with the way to change the child's details."""
    manager = make_client("manager@example.org")
    make_child("WEB-C1", "Ann")
    db.session.commit()
    child = db.session.scalar(db.select(Child).filter_by(reference="WEB-C1"))
    episode = Episode(child=child, last_seen=child.created_at, police_reference="WEB-9",
                      police_details='{"first_name": "Annie", "last_name": "Test", '
                                     '"date_of_birth": "2012-05-02"}')
    db.session.add(episode)
    db.session.commit()
    page = manager.get(f"/episodes/{episode.id}").get_data(as_text=True)
    shown = page[page.index('id="police-differences"'):]
    assert "Annie" in shown and "2012-05-02" in shown and "First name" in shown
    assert f'href="/children/{child.id}/edit"' in shown
    assert "Last name" not in shown  # the same in both: nothing to apply
    assert child.first_name == "Ann"  # the record is unchanged


def test_the_episode_page_has_no_differences_box_without_a_police_notification(make_client):
    make_child("WEB-C2", "Bo")
    db.session.commit()
    child = db.session.scalar(db.select(Child).filter_by(reference="WEB-C2"))
    episode = Episode(child=child, last_seen=child.created_at)
    db.session.add(episode)
    db.session.commit()
    page = make_client("manager@example.org").get(f"/episodes/{episode.id}").get_data(as_text=True)
    assert 'id="police-differences"' not in page
