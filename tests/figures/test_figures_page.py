"""The manager's Figures page and CSV: managers only, their own team, audited, counts only."""

from __future__ import annotations

import csv
import io
import re
import sys
from html import unescape
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from figures_data import BCP, NOW
from support import DEMO_PASSWORD

from rhi_assistant import vocabulary
from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Team, User
from rhi_assistant.passwords import hash_password

LANGUAGES = [code for code in vocabulary.LANGUAGES if code != "en"]


@pytest.fixture(autouse=True)
def _early_may(clock):
    clock.set(NOW)


def _figures(html: str) -> dict[str, str]:
    return dict(re.findall(
        r'data-figure="([^"]+)">.*?data-value="([^"]*)"', html, re.S))


def test_manager_sees_the_months_figures(make_client, april):
    manager = make_client("manager@example.org")
    resp = manager.get("/figures?month=2026-04")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert "Figures for April 2026" in html
    got = _figures(html)
    assert {k: got[k] for k in ("missing.episodes", "missing.children",
                                "missing.children_2_in_month",
                                "missing.children_3_in_90_days")} == {
        "missing.episodes": "8", "missing.children": "7", "missing.children_2_in_month": "1",
        "missing.children_3_in_90_days": "1"}
    assert [got[f"rhi.{k}"] for k in ("required", "held_on_time", "held_late", "refused",
                                      "refused_child_declined", "in_time", "overdue",
                                      "not_assessed")] == ["7", "2", "1", "1", "1", "1", "2", "1"]
    assert got["rhi.on_time_percent"] == "40.0"
    assert re.search(r'data-figure="rhi.on_time_percent">.*?>40%</td>', html, re.S)
    assert [got[f"safe_and_well.{k}"] for k in ("due", "on_time", "late", "not_recorded")] == [
        "7", "2", "1", "4"]
    assert [got[f"concerns.{k}"] for k in ("rhis_held", "children_cse", "children_cce",
                                           "children_trafficking")] == ["4", "1", "1", "1"]
    assert [got[f"seraf.{k}"] for k in ("signed_off", "category_2", "category_4",
                                        "no_category")] == ["3", "1", "1", "1"]
    # Aggregates only: no child's name or reference, nothing anyone typed.
    for words in ("Figure Test", "FIG-A", "Jordan", "Avery", "Fictional note"):
        assert words not in html
    # Each figure says how it is counted.
    assert "first answer in the interview was saved at or before the due time" in html
    assert "Starting an interview without an answer is not holding it" in html
    assert "72 hours after the child was found" in html


def test_default_month_is_the_current_one_in_uk_time(app, make_client):
    manager = make_client("manager@example.org")
    html = manager.get("/figures").get_data(as_text=True)
    assert "Figures for May 2026" in html
    assert 'href="/figures?month=2026-04"' in html and 'id="next-month"' not in html
    app.config["CLOCK_NOW"] = "2026-04-30T23:30:00+00:00"  # 00:30 on 1 May, UK time
    assert "Figures for May 2026" in manager.get("/figures").get_data(as_text=True)
    app.config["CLOCK_NOW"] = "2026-01-31T23:30:00+00:00"  # GMT: still January
    assert "Figures for January 2026" in manager.get("/figures").get_data(as_text=True)


def test_month_picker_and_previous_and_next_links_work_without_javascript(make_client):
    manager = make_client("manager@example.org")
    html = manager.get("/figures?month=2026-03").get_data(as_text=True)
    assert re.search(r'<form method="get" action="/figures"', html)
    assert '<option value="2026-03" selected>March 2026</option>' in html
    assert '<option value="2026-05"' in html  # the current month is offered
    assert 'href="/figures?month=2026-02"' in html and 'href="/figures?month=2026-04"' in html
    # A month before the picker's range still shows, with the picker keeping it.
    old = manager.get("/figures?month=2023-06").get_data(as_text=True)
    assert "Figures for June 2023" in old and '<option value="2023-06" selected>' in old
    # Nonsense falls back to the current month.
    assert "Figures for May 2026" in manager.get("/figures?month=2026-13").get_data(as_text=True)


def test_only_managers_and_signed_out_users_sign_in(client, make_client):
    for path in ("/figures", "/figures/download"):
        resp = client.client.get(path)
        assert resp.status_code == 302 and "/sign-in" in resp.headers["Location"]
        for email in ("rhi.worker@example.org", "police@example.org", "other.worker@example.org",
                      "admin@example.org"):
            assert make_client(email).get(path).status_code == 403, (email, path)


def test_navigation_offers_figures_to_managers_only(make_client):
    assert 'href="/figures"' in make_client("manager@example.org").get("/cases").get_data(
        as_text=True)
    assert 'href="/figures"' not in make_client("rhi.worker@example.org").get(
        "/cases").get_data(as_text=True)


def test_a_manager_sees_only_their_own_team(app, make_client, april):
    bcp = db.session.scalar(db.select(Team).filter_by(name=BCP))
    db.session.add(User(email="bcp.manager@example.org", name="Fictional Manager", role="manager",
                        team_id=bcp.id, password_hash=hash_password(DEMO_PASSWORD)))
    db.session.commit()
    got = _figures(make_client("bcp.manager@example.org").get(
        "/figures?month=2026-04").get_data(as_text=True))
    assert got["missing.episodes"] == "2" and got["rhi.required"] == "1"
    # Refused, then interviewed: counted as held, not refused too (issue 14 point 10).
    assert got["rhi.refused_parent_refused"] == "0" and got["rhi.held_on_time"] == "1"
    assert got["seraf.category_3"] == "1"


def test_csv_has_the_same_figures_and_is_not_cached(make_client, april):
    resp = make_client("manager@example.org").get("/figures/download?month=2026-04")
    assert resp.status_code == 200
    assert resp.mimetype == "text/csv"
    assert resp.headers["Content-Disposition"] == 'attachment; filename="rhi-figures-2026-04.csv"'
    assert resp.headers["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(resp.get_data(as_text=True))))
    assert rows[0] == ["month", "section", "figure", "label", "value"]
    assert ["2026-04", "missing", "episodes", "Episodes that began", "8"] in rows
    assert ["2026-04", "rhi", "held_on_time", "Held by the due time", "2"] in rows
    assert ["2026-04", "rhi", "refused_child_declined", "The child declined", "1"] in rows
    assert ["2026-04", "rhi", "on_time_percent", "Held on time", "40.0"] in rows
    assert ["2026-04", "safe_and_well", "not_recorded", "Not recorded", "4"] in rows
    assert ["2026-04", "concerns", "children_cse", "Child sexual exploitation", "1"] in rows
    assert ["2026-04", "seraf", "category_4", "Category 4", "1"] in rows
    assert all(len(r) == 5 and r[0] == "2026-04" for r in rows[1:])
    assert {r[1] for r in rows[1:]} == {"missing", "rhi", "safe_and_well", "concerns", "seraf"}


def test_viewing_and_exporting_are_audited_with_codes_only(make_client):
    manager = make_client("manager@example.org")
    team_id = db.session.scalar(db.select(User.team_id).filter_by(email="manager@example.org"))
    before = db.session.query(AuditEvent).count()
    manager.get("/figures?month=2026-04")
    manager.get("/figures/download?month=2026-04")
    manager.get("/figures")
    events = db.session.scalars(db.select(AuditEvent).order_by(AuditEvent.id)).all()[before:]
    assert [(e.action, e.child_id, e.object_type, e.object_id, e.detail) for e in events] == [
        ("view_figures", None, "team", team_id, "2026-04"),
        ("export_figures", None, "team", team_id, "2026-04"),
        ("view_figures", None, "team", team_id, "2026-05"),
    ]
    assert all(e.user_id is not None for e in events)
    # Refused requests leave no figures event.
    make_client("rhi.worker@example.org").get("/figures")
    assert db.session.query(AuditEvent).filter(
        AuditEvent.action.like("%figures")).count() == 3


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_is_translated(make_client, april, lang):
    from babel.messages.pofile import read_po
    from flask_babel import force_locale, gettext

    path = Path(__file__).parents[2] / "translations" / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as f:
        cat = read_po(f, locale=lang)
    ours = [m for m in cat if m.id and any("figures" in loc for loc, _n in m.locations)]
    assert len(ours) > 30
    untranslated = [m.id for m in ours if not m.string or m.fuzzy]
    assert not untranslated, untranslated[:5]
    html = unescape(make_client("manager@example.org").get(
        f"/figures?month=2026-04&lang={lang}").get_data(as_text=True))
    with force_locale(lang):
        assert gettext("Safe and well checks") in html
        assert gettext("Held by the due time") in html
    for english in ("Safe and well checks", "Held by the due time", "Show figures",
                    "Download these figures (CSV)", "Not held, overdue"):
        assert english not in html, (lang, english)
