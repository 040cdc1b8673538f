"""One clock: the time is asked of `rhi_assistant.clock` only, and `CLOCK_NOW` moves it everywhere.

A direct `datetime.now()` elsewhere is a deadline that a test or a demonstration
cannot move, and a `ZoneInfo(...)` elsewhere is a wall clock that is not the
team's protocol profile's.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support import demo_episode, start_interview

from rhi_assistant import clock
from rhi_assistant.extensions import db
from rhi_assistant.models import Interview, SerafAssessment

PACKAGE = Path(__file__).resolve().parents[2] / "rhi_assistant"
# Not `time.time()`: the idle sign-out timer measures real seconds on purpose, so moving
# CLOCK_NOW for a demonstration does not sign everyone out.
ASKS_THE_TIME = re.compile(r"\b(datetime\.now|datetime\.utcnow|date\.today)\s*\(")
BUILDS_A_ZONE = re.compile(r"\bZoneInfo\s*\(")
MOVED = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def test_only_the_clock_asks_the_time() -> None:
    found = [f"{p.relative_to(PACKAGE)}:{n}: {line.strip()}"
             for p in _sources() if p != PACKAGE / "clock.py"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if ASKS_THE_TIME.search(line)]
    assert found == [], "ask rhi_assistant.clock instead:\n" + "\n".join(found)


def test_only_the_protocol_time_helpers_build_a_time_zone() -> None:
    """Zones come from the team's profile (`clock.local_zone`), built by protocol.timeutil."""
    allowed = {PACKAGE / "protocol" / "timeutil.py"}
    found = [f"{p.relative_to(PACKAGE)}:{n}: {line.strip()}"
             for p in _sources() if p not in allowed
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if BUILDS_A_ZONE.search(line)]
    assert found == [], "use clock.local_zone(profile) instead:\n" + "\n".join(found)


@pytest.fixture
def moved(app):
    app.config["CLOCK_NOW"] = MOVED.isoformat()
    yield MOVED
    app.config.pop("CLOCK_NOW", None)


def test_clock_now_moves_the_time_and_the_local_date(moved) -> None:
    assert clock.now() == moved
    late = "2026-11-21T23:30:00+00:00"  # still the 21st in London (GMT)
    from flask import current_app

    current_app.config["CLOCK_NOW"] = late
    assert clock.today() == datetime(2026, 11, 21).date()
    assert str(clock.local_zone("bcp")) == "Europe/London"


def test_seraf_sign_off_is_stamped_with_clock_now(make_client, moved) -> None:
    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, demo_episode().id)
    manager = make_client("manager@example.org")
    url = f"/interviews/{interview_id}/seraf"
    resp = manager.post(url + "/sign-off", {}, csrf_from=url)
    assert resp.status_code == 302
    seraf = db.session.scalar(db.select(SerafAssessment).filter_by(interview_id=interview_id))
    assert seraf.signed_off_at == moved
    assert seraf.assessment_date == moved.date()


def test_interview_completion_is_stamped_with_clock_now(make_client, moved) -> None:
    episode = demo_episode()
    assert episode.found is not None
    officer = make_client("police@example.org")
    url = f"/episodes/{episode.id}/safe-and-well"
    resp = officer.post(url, {"language": "en", "easy_read": "no"}, csrf_from=url)
    assert resp.status_code == 302
    interview_id = int(re.search(r"/interviews/(\d+)", resp.headers["Location"]).group(1))
    tasks = f"/interviews/{interview_id}"
    local = moved.astimezone(clock.local_zone())  # the check page fills in now, to the minute
    typed = {"day": local.day, "month": local.month, "year": local.year,
             "time": local.strftime("%H:%M")}
    resp = officer.post(f"{tasks}/finish", typed, csrf_from=tasks)
    assert resp.status_code == 302
    interview = db.session.get(Interview, interview_id)
    assert interview.status == "completed" and interview.completed_at == moved
    assert interview.created_at == moved  # column defaults read the same clock


def test_a_team_reads_dates_on_its_profile_clock(app, tmp_path, monkeypatch) -> None:
    """A profile in another zone moves the team's months and typed times, without code."""
    from rhi_assistant.models import Team
    from rhi_assistant.protocol import load_profile
    from rhi_assistant.services.episodes import local_zone, month_start
    from rhi_assistant.web.episodes.forms import WhenForm

    source = Path(load_profile("bcp").path).read_text(encoding="utf-8")
    far = source.replace('"Europe/London"', '"Pacific/Auckland"').replace('"bcp"', '"far_away"')
    (tmp_path / "far_away.json").write_text(far, encoding="utf-8")
    monkeypatch.setenv("RHI_PROTOCOL_PROFILES_DIR", str(tmp_path))
    team = db.session.scalar(db.select(Team).filter_by(agency="BCP Council"))
    team.protocol_profile = "far_away"
    db.session.commit()
    zone = local_zone(team.id)
    assert str(zone) == "Pacific/Auckland"
    # 11:30 UTC on 30 November is already 1 December in Auckland (NZDT, UTC+13).
    start = month_start(datetime(2026, 11, 30, 11, 30, tzinfo=UTC), zone)
    assert (start.month, start.day, start.hour) == (12, 1, 0)
    with app.test_request_context():
        form = WhenForm(meta={"csrf": False}, zone=zone)
        form.fill(datetime(2026, 11, 30, 11, 30, tzinfo=UTC))
        assert (form.day.data, form.month.data, form.time.data) == ("1", "12", "00:30")
