"""The counting behind the manager's Figures page: known episodes, known answers."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from figures_data import BCP, NOW, NS

from rhi_assistant.extensions import db
from rhi_assistant.models import Team
from rhi_assistant.services import figures as counts
from rhi_assistant.services.figures import Month

APRIL = Month(2026, 4)


def _team(name: str) -> int:
    return db.session.scalar(db.select(Team.id).filter_by(name=name))


def test_month_bounds_are_uk_midnights_in_gmt_and_bst():
    assert APRIL.start == datetime(2026, 3, 31, 23, 0, tzinfo=UTC)  # BST
    assert APRIL.end == datetime(2026, 4, 30, 23, 0, tzinfo=UTC)
    assert Month(2026, 1).start == datetime(2026, 1, 1, 0, 0, tzinfo=UTC)  # GMT
    assert Month(2026, 3).end == datetime(2026, 3, 31, 23, 0, tzinfo=UTC)  # the clocks went on
    assert Month.of(datetime(2026, 4, 30, 23, 30, tzinfo=UTC)) == Month(2026, 5)
    assert Month.of(datetime(2026, 1, 31, 23, 30, tzinfo=UTC)) == Month(2026, 1)
    assert Month(2026, 1).previous() == Month(2025, 12)
    assert Month(2025, 12).next() == Month(2026, 1)
    assert Month.parse("2026-04") == APRIL
    for bad in ("2026-13", "2026-4", "april", "", None, "1999-01", "9999-12"):
        assert Month.parse(bad) is None


def test_missing_episodes_children_and_repeats(april):
    m = counts.missing_figures(_team(NS), APRIL)
    # a1, a2, b1, c1, d1, e1 (23:00 UK on 30 April), f1, g1 (00:30 UK on 1 April); not h1.
    assert m.episodes == 8
    assert m.children == 7
    assert m.children_two_or_more_in_month == 1  # A
    assert m.children_three_or_more_in_90_days == 1  # A; B's first is more than 90 days back


def test_rhi_timeliness_by_the_protocol(april):
    r = counts.rhi_figures(_team(NS), APRIL, NOW)
    # Found in April, RHI to offer: a1, a2, b1, c1, d1, g1, h1 (00:30 UK on 1 April).
    assert r.required == 7
    assert r.held_on_time == 2  # a1 started exactly at 72 hours, g1
    assert r.held_late == 1  # a2, a minute late
    assert r.refused == 1
    assert r.refused_by_reason == {"child_declined": 1, "parent_refused": 0, "not_reached": 0,
                                   "moved_out_of_area": 0, "other": 0}
    assert r.in_time == 1  # d1, found at 23:30 UK time on 30 April
    assert r.overdue == 2  # c1, h1
    assert r.not_assessed == 1  # f1: no date of birth
    assert r.on_time_share == pytest.approx(2 / 5)
    assert r.due_hours == 72


def test_rhi_in_time_becomes_overdue_when_the_clock_moves(april):
    later = datetime(2026, 5, 3, 22, 31, tzinfo=UTC)  # d1 was due at 22:30 UTC
    r = counts.rhi_figures(_team(NS), APRIL, later)
    assert (r.in_time, r.overdue) == (0, 3)


def test_the_last_evening_of_a_gmt_month(app):
    from figures_data import child, episode

    jan = Month(2026, 1)
    episode(child("FIG-J1"), "01-31 20:00", "01-31 23:30")  # 23:30 GMT: January
    episode(child("FIG-J2"), "01-31 20:00", "02-01 00:30")  # February
    db.session.commit()
    r = counts.rhi_figures(_team(NS), jan, datetime(2026, 2, 1, 1, 0, tzinfo=UTC))
    assert (r.required, r.in_time) == (1, 1)
    assert counts.missing_figures(_team(NS), jan).episodes == 2


def test_safe_and_well_checks(april):
    s = counts.safe_and_well_figures(_team(NS), APRIL, NOW)
    assert s.due == 7
    assert s.on_time == 2  # a1 finished exactly at the due time; b1 started in time
    assert s.late == 1  # a2
    assert s.not_recorded == 4  # c1, d1, g1, h1


def test_confirmed_concerns_per_child(april):
    c = counts.concern_figures(_team(NS), APRIL)
    assert c.rhis_held == 4  # a1 twice, a2, g1; not e1's (May, UK time)
    assert c.children_by_concern == {"CSE": 1, "CCE": 1, "TRAFFICKING": 1, "HARM": 0}


def test_seraf_signed_off_by_category_with_overrides(april):
    s = counts.seraf_figures(_team(NS), APRIL)
    assert s.signed_off == 3
    assert s.by_category == {1: 0, 2: 1, 3: 0, 4: 1, None: 1}


def test_another_teams_records_are_not_counted(april):
    f = counts.month_figures(_team(BCP), APRIL, NOW)
    assert (f.missing.episodes, f.missing.children) == (2, 2)
    assert f.rhi.required == 1  # 4 hours missing: BCP offers no RHI
    # Refused at 09:00, then interviewed at 10:00: held, not both (issue 14 point 10).
    assert (f.rhi.refused, f.rhi.held_on_time + f.rhi.held_late) == (0, 1)
    assert f.safe_and_well.due == 2
    assert f.rhi.refused_by_reason["parent_refused"] == 0
    assert f.concerns.children_by_concern["CSE"] == 1 and f.concerns.rhis_held == 1
    assert f.seraf.by_category[3] == 1 and f.seraf.signed_off == 1
    police = counts.month_figures(
        _team("Avon and Somerset Police Missing Persons Unit"), APRIL, NOW)
    assert police.missing.episodes == 0 and police.rhi.required == 0
