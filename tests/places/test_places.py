"""Places (issue 12 point 3): where a team's children were found, stayed or were taken,
counted by place over a period, as a table, a bar chart and a CSV; audited; team only."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from support import NOW, make_child, make_episode

from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Child, Episode
from rhi_assistant.services import places

pytestmark = pytest.mark.usefixtures("clock")


@pytest.fixture
def hotspot(app):
    """Two of the team's children found at one place spelt two ways; one stayed at a flat.

    The demo's Jordan was found at "Bus station, Bristol" 20 hours before NOW."""
    riley = make_child("NS-7001", "Riley")
    make_episode(riley, NOW - timedelta(days=3), NOW - timedelta(days=2),
                 where_found="bus station bristol",
                 places_stayed="Flat 3, Harbour Court\n\nMarket car park")
    drew = make_child("NS-7002", "Drew")
    make_episode(drew, NOW - timedelta(days=200), NOW - timedelta(days=199),
                 where_found="Bus station, Bristol")  # outside the default 90 days
    other = make_child("BCP-7003", "Kit", team="BCP Children's Services Missing Team")
    make_episode(other, NOW - timedelta(days=3), NOW - timedelta(days=2),
                 where_found="Bus station, Bristol")
    return {"riley": riley, "drew": drew, "other": other}


def test_places_are_counted_by_children_with_spellings_merged(hotspot):
    team_id = hotspot["riley"].team_id
    counted = places.team_places(team_id, NOW - timedelta(days=90), NOW)
    by_key = {p.key: p for p in counted}
    station = by_key["bus station bristol"]
    assert station.children == 2 and station.count("found") == 2
    assert station.label == "Bus station, Bristol"
    assert set(station.spellings) == {"Bus station, Bristol", "bus station bristol"}
    assert by_key["flat 3 harbour court"].count("stayed") == 1
    assert "market car park" in by_key
    assert counted[0] is station  # most children first
    # Kit belongs to another team; Drew's episode is outside the period.
    assert hotspot["other"].id not in station.child_ids
    assert hotspot["drew"].id not in station.child_ids
    longer = places.team_places(team_id, NOW - timedelta(days=365), NOW)
    assert {p.key: p for p in longer}["bus station bristol"].children == 3


def test_place_keys_ignore_case_punctuation_and_the():
    assert places.place_key("The Bus-Station, Bristol!") == "bus station bristol"
    assert places.place_key("Fish & Chips") == "fish and chips"
    assert places.lines(" a \n\n  b  c ") == ["a", "b c"]


def test_the_places_page_shows_a_chart_and_a_table_and_is_audited(make_client, hotspot):
    manager = make_client("manager@example.org")
    before = db.session.scalar(db.select(db.func.max(AuditEvent.id)))
    resp = manager.get("/places")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert 'role="img"' in html and "<title id=\"places-chart-title\">" in html
    assert 'id="places-picture-table"' in html and 'id="places-table"' in html
    assert "Riley Test" in html and "Jordan Avery" in html
    assert "Kit Test" not in html and "Drew Test" not in html
    assert "Flat 3, Harbour Court" in html
    event = db.session.scalars(db.select(AuditEvent).where(AuditEvent.id > before)).one()
    assert (event.action, event.detail) == ("view_places", "days=90")
    year = manager.get("/places?days=365").get_data(as_text=True)
    assert "Drew Test" in year


def test_the_places_csv_counts_and_names_no_child(make_client, hotspot):
    worker = make_client("rhi.worker@example.org")
    resp = worker.client.get("/places/download?days=30")
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(resp.get_data(as_text=True))))
    station = next(r for r in rows if "bus station" in r["place"].lower())
    assert station["children"] == "2" and station["episodes_found_here"] == "2"
    text = resp.get_data(as_text=True)
    assert "Riley" not in text and "Jordan" not in text
    assert db.session.scalar(db.select(AuditEvent).order_by(AuditEvent.id.desc())).action == \
        "export_places"


@pytest.mark.parametrize("email", ["police@example.org", "admin@example.org"])
def test_places_are_for_the_teams_workers_and_managers_only(make_client, hotspot, email):
    outsider = make_client(email)
    assert outsider.get("/places").status_code == 403
    assert outsider.client.get("/places/download").status_code == 403


def test_another_team_sees_only_its_own_children_at_the_place(make_client, hotspot):
    html = make_client("other.worker@example.org").get("/places").get_data(as_text=True)
    assert "Kit Test" in html
    assert "Riley Test" not in html and "Jordan Avery" not in html


def test_the_return_form_records_where_they_stayed_and_who_they_were_with(make_client,
                                                                          episode):
    worker = make_client("rhi.worker@example.org")
    url = f"/episodes/{episode.id}/return"
    found = episode.found.astimezone(ZoneInfo("Europe/London"))
    resp = worker.post(url, {
        "found-day": found.day, "found-month": found.month, "found-year": found.year,
        "found-time": found.strftime("%H:%M"), "where_found": "Bus station, Bristol",
        "found_by": "police", "places_stayed": "Flat 3, Harbour Court\nMarket car park",
        "found_with": "Riley Test",
    }, csrf_from=url)
    assert resp.status_code == 302, resp.get_data(as_text=True)[:300]
    db.session.expire_all()
    stored = db.session.get(Episode, episode.id)
    assert stored.places_stayed == "Flat 3, Harbour Court\nMarket car park"
    assert stored.found_with == "Riley Test"
    page = worker.get(f"/episodes/{episode.id}").get_data(as_text=True)
    assert "Flat 3, Harbour Court" in page and "Riley Test" in page
    event = db.session.scalar(db.select(AuditEvent).where(AuditEvent.action == "correct_return"))
    assert "places_stayed" in event.detail and "Riley" not in event.detail


def test_a_correction_saves_the_new_fields(make_client, episode):
    from rhi_assistant.services import missing_episodes

    changed = missing_episodes.correct(episode, {"places_stayed": "Flat 3\n",
                                                 "found_with": "Riley Test"})
    assert changed == ["places_stayed", "found_with"]
    db.session.expire_all()
    stored = db.session.get(Child, episode.child_id).episodes[0]
    assert stored.places_stayed == "Flat 3" and stored.found_with == "Riley Test"


def test_the_places_page_draws_the_team_network_with_a_table(make_client, hotspot):
    """Children tied by a shared place or a confirmed link, as SVG and as a table, naming only
    children the viewer may see."""
    html = make_client("manager@example.org").get("/places").get_data(as_text=True)
    figure = html.split('id="team-network"')[1].split("</figure>")[0]
    assert "<svg" in figure and 'role="img"' in figure and "<line" in figure
    assert "Riley Test" in figure and "Jordan Avery" in figure
    assert "Bus station, Bristol" in figure and "Kez" in figure
    table = html.split('id="team-network-table"')[1].split("</table>")[0]
    station = table.split("Bus station, Bristol")[1].split("</tr>")[0]
    assert "Riley Test" in station and "Jordan Avery" in station
    assert "Kit Test" not in html
    other = make_client("other.worker@example.org").get("/places").get_data(as_text=True)
    assert "Riley Test" not in other and "Jordan Avery" not in other
