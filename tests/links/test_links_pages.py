"""Links on stored records and pages: confirming indexes a mention (blind digests, no text),
rejected mentions never link, alerts name other children only to those who may see them,
managers of another team learn only the team, "not the same" is remembered, all audited."""

from __future__ import annotations

from datetime import date

import pytest
from support import make_child

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Child, LinkMention, LinkMentionKey, LinkNotSame
from rhi_assistant.services import links

pytestmark = pytest.mark.usefixtures("clock")


def child(reference: str) -> Child:
    return db.session.scalar(db.select(Child).filter_by(reference=reference))


def test_demo_children_share_a_nickname_a_partial_plate_and_a_flat(make_client):
    worker = make_client("rhi.worker@example.org")
    for reference, expected in (("NS-1004", ["Kezz", "KEZ", "WX19", "flat 5 14 Harbour Rd"]),
                                ("NS-1002", ["Kez", "WX19 KLM"]),
                                ("NS-1003", ["Kez", "Flat 2, 14 Harbour Road"])):
        page = worker.get(f"/children/{child(reference).id}").get_data(as_text=True)
        assert 'id="links-alert"' in page, reference
        for text in expected:
            links_page = worker.get(f"/children/{child(reference).id}/links")
            assert text in links_page.get_data(as_text=True), (reference, text)
    # A town alone is confirmed in Skye's notes but links to nobody.
    skye = worker.get(f"/children/{child('NS-1004').id}/links").get_data(as_text=True)
    assert ">Weston-super-Mare</td>" not in skye.split('id="mentions"')[0]
    assert ">Weston-super-Mare</td>" in skye.split('id="mentions"')[1]
    # The BCP child is not the worker's: never named, and the worker is not told of the team.
    assert "Taylor" not in skye and "BCP" not in skye.split('id="mentions"')[0]
    assert 'id="links-alert"' not in worker.get(f"/children/{child('NS-1001').id}").get_data(
        as_text=True)


def test_other_team_managers_learn_only_that_a_team_holds_a_matching_record(make_client):
    taylor = child("BCP-2001")
    bcp_manager = make_client("other.manager@example.org")
    page = bcp_manager.get(f"/children/{taylor.id}/links").get_data(as_text=True)
    assert "Another team holds a matching record: North Somerset Missing Children Team" in page
    for name in ("Skye", "Bennett", "Casey", "Riley", "NS-1004"):
        assert name not in page, name
    bcp_worker = make_client("other.worker@example.org")
    page = bcp_worker.get(f"/children/{taylor.id}/links").get_data(as_text=True)
    assert "another team holds" not in page.lower() and 'id="no-links"' in page
    ns_manager = make_client("manager@example.org")
    page = ns_manager.get(f"/children/{child('NS-1004').id}").get_data(as_text=True)
    assert "another team holds a matching record: BCP Children&#39;s Services Missing Team" in page
    assert "Taylor" not in page


def test_the_service_setting_turns_the_team_notice_off(app, make_client):
    app.config["LINKS_TELL_OTHER_TEAMS"] = False
    bcp_manager = make_client("other.manager@example.org")
    page = bcp_manager.get(f"/children/{child('BCP-2001').id}/links").get_data(as_text=True)
    assert "matching record" not in page


def test_the_index_holds_digests_only_and_rejected_mentions_never_link():
    a, b = make_child("NS-7001", "Ada"), make_child("NS-7002", "Bea")
    kept = links.decide(a, "PHONE", "07700 900555", decision="confirmed", user_id=None,
                        recorded_on=date(2026, 10, 1))
    other = links.decide(b, "PHONE", "+44 7700 900555", decision="rejected", user_id=None,
                         recorded_on=date(2026, 10, 2))
    db.session.commit()
    digests = db.session.scalars(db.select(LinkMentionKey.digest)).all()
    assert digests and all("900555" not in d for d in digests)
    raw = db.session.execute(db.text("SELECT text FROM link_mention")).scalars().all()
    assert all("900555" not in r for r in raw)  # encrypted at rest
    assert links.links_of([kept]) == []
    assert not db.session.scalars(db.select(LinkMentionKey).filter_by(mention_id=other.id)).all()
    links.decide(b, "PHONE", "+44 7700 900555", decision="confirmed", user_id=None,
                 recorded_on=date(2026, 10, 2))
    found = links.links_of([kept])
    assert [[m.text for m in f.others] for f in found] == [["+44 7700 900555"]]


def test_not_the_same_is_remembered_and_audited(make_client):
    worker = make_client("rhi.worker@example.org")
    casey = child("NS-1002")
    url = f"/children/{casey.id}/links"
    here = db.session.scalar(db.select(LinkMention).filter_by(child_id=casey.id, kind="PLATE"))
    other = db.session.scalar(db.select(LinkMention).filter_by(child_id=child("NS-1004").id,
                                                                kind="PLATE"))
    resp = worker.post(f"{url}/not-the-same", {"here_id": here.id, "other_id": other.id},
                       csrf_from=url)
    assert resp.status_code == 302
    assert db.session.scalar(db.select(LinkNotSame)) is not None
    page = worker.get(url).get_data(as_text=True)
    assert "WX19 KLM" not in page.split('id="mentions"')[0]
    assert db.session.scalar(db.select(AuditEvent).filter_by(action="link_not_same"))


def test_confirming_a_mention_from_the_notes_links_it(make_client, clock):
    from support import NOTE, demo_episode, start_interview

    worker = make_client("rhi.worker@example.org")
    episode = demo_episode()
    interview_id = start_interview(worker, episode.id)
    page_url = f"/interviews/{interview_id}/pages/time_away_account"
    worker.post(page_url, {"notes": NOTE + " Kez picked her up.", "action": "save"},
                csrf_from=page_url)
    url = f"/children/{episode.child_id}/links"
    page = worker.get(url).get_data(as_text=True)
    assert 'id="candidates"' in page and "Weston" in page
    resp = worker.post(f"{url}/mentions", {"kind": "PLACE", "text": "Weston",
                                           "interview_id": interview_id,
                                           "decision": "rejected"}, csrf_from=url)
    assert resp.status_code == 302
    row = db.session.scalar(db.select(LinkMention).filter_by(child_id=episode.child_id,
                                                             status="rejected"))
    assert row.text == "Weston" and row.interview_id == interview_id
    # Only what the notes hold can be confirmed, and only by someone who records.
    resp = worker.post(f"{url}/mentions", {"kind": "PHONE", "text": "07700 900118",
                                           "interview_id": interview_id,
                                           "decision": "confirmed"}, csrf_from=url)
    assert resp.status_code == 400
    police = make_client("police@example.org")
    assert police.get(url).status_code == 404
    assert db.session.scalar(db.select(AuditEvent).filter_by(action="link_mention_rejected"))
    assert db.session.scalar(db.select(AuditEvent).filter_by(action="view_links"))


def jordan_knows_kez() -> None:
    """Jordan's notes confirmed to name "Kez", as Skye's, Casey's and Riley's do."""
    links.decide(child("NS-1001"), "PERSON", "Kez", decision="confirmed", user_id=None,
                 recorded_on=date(2026, 11, 18))
    db.session.commit()


def test_the_interview_shows_the_alert_beside_the_notes(make_client):
    from support import demo_episode, start_interview

    jordan_knows_kez()
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    page = worker.get(f"/interviews/{interview_id}/pages/time_away_account")
    html = page.get_data(as_text=True)
    assert 'id="links-inset"' in html and "Casey Morgan" in html


def test_an_autosave_refreshes_the_suggestions_and_leaves_the_alert_standing(make_client):
    """The alert comes from confirmed links, not from the words typed: the panel an autosave
    replaces (the element with id "suggestions", app.js) does not hold it, so it stays."""
    from html.parser import HTMLParser

    from support import demo_episode, start_interview

    jordan_knows_kez()
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    url = f"/interviews/{interview_id}/pages/time_away_account"
    html = worker.get(url).get_data(as_text=True)

    class Where(HTMLParser):
        depth, inside, alert_inside = 0, False, None

        def handle_starttag(self, tag, attrs):
            if tag != "div":
                return
            ids = dict(attrs).get("id")
            if ids == "suggestions":
                self.inside, self.depth = True, 0
            elif self.inside:
                self.depth += 1
            if ids == "links-inset":
                self.alert_inside = self.inside

        def handle_endtag(self, tag):
            if tag == "div" and self.inside:
                if self.depth == 0:
                    self.inside = False
                else:
                    self.depth -= 1

    where = Where()
    where.feed(html)
    assert where.alert_inside is False
    resp = worker.post(url + "/autosave", {"notes": "Went to Kez's flat."}, csrf_from=url)
    panel = resp.get_json()["suggestions_html"]
    assert "links-inset" not in panel and "Named in these notes" in panel
    assert "Casey Morgan" in worker.get(url).get_data(as_text=True)


@pytest.mark.parametrize(("mine", "partial", "rival", "linked"), [
    ("GX71 KLM", "GX71", "GX71 PQR", False),   # the partial fits two plates: neither
    ("GX71 KLM", "GX71", "YD21 WMX", True),
    ("Callum Whitfield", "Callum", "Callum Rees", False),
    ("Callum Whitfield", "Callum", "Aaron Rees", True),
])
def test_a_lookup_sees_every_complete_thing_a_partial_could_join(mine, partial, rival, linked):
    """Found through the index, as the app finds them: the partial rule holds over the whole
    service, not only over what one lookup's first query returned."""
    kind = "PLATE" if mine[0:2] == "GX" else "PERSON"
    a, b, c = (make_child(f"NS-80{i}", name) for i, name in enumerate(("Ann", "Bo", "Cy")))
    day = date(2026, 10, 1)
    mention = links.decide(a, kind, mine, decision="confirmed", user_id=None, recorded_on=day)
    links.decide(b, kind, partial, decision="confirmed", user_id=None, recorded_on=day)
    links.decide(c, kind, rival, decision="confirmed", user_id=None, recorded_on=day)
    db.session.commit()
    assert bool(links.links_of([mention])) is linked
    partial_mention = links.mention_of(b, kind, partial)
    assert bool(links.links_of([partial_mention])) is linked


def test_each_mention_names_the_notes_it_came_from(make_client):
    from support import demo_episode, start_interview

    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    links.decide(child("NS-1001"), "PERSON", "Kez", decision="confirmed", user_id=None,
                 recorded_on=date(2026, 11, 18), interview_id=interview_id)
    db.session.commit()
    page = worker.get(f"/children/{child('NS-1002').id}/links").get_data(as_text=True)
    assert f'href="/interviews/{interview_id}">Interview notes</a>' in page
    assert "Not from an interview" in page  # the demo's own mentions


def test_reindex_rewrites_the_index_of_confirmed_mentions_only():
    before = sorted(db.session.scalars(db.select(LinkMentionKey.digest)))
    db.session.execute(db.delete(LinkMentionKey))
    db.session.commit()
    confirmed = db.session.scalar(db.select(db.func.count()).select_from(LinkMention)
                                  .where(LinkMention.status == "confirmed"))
    assert links.reindex_all(batch=3) == confirmed
    assert sorted(db.session.scalars(db.select(LinkMentionKey.digest))) == before
