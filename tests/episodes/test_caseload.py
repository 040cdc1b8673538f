"""A real caseload: the Episodes and Cases pages show a page of results, narrowed by filters
and a name search, and the deadlines kept for found episodes follow every change."""

from __future__ import annotations

import re
from datetime import timedelta

from support import (
    NOW,
    demo_episode,
    episode_order,
    make_child,
    make_episode,
    safe_and_well_done,
)

from rhi_assistant.extensions import db
from rhi_assistant.models import Child, ChildNameToken, Episode, EpisodeDue
from rhi_assistant.services import episode_list, name_search


def _many_found(n: int) -> list[Episode]:
    """`n` children found in the last days, each with an RHI still in time."""
    return [make_episode(make_child(f"NS-8{i:03d}", f"Many{i}"),
                         NOW - timedelta(hours=40 + i), NOW - timedelta(hours=30 + i))
            for i in range(n)]


def test_first_page_holds_the_most_urgent_and_the_rest_follow(clock, make_client):
    _many_found(30)
    casey = db.session.scalar(db.select(Episode).join(Child).where(Child.reference == "NS-1002"))
    worker = make_client("rhi.worker@example.org")
    first = worker.get("/episodes").get_data(as_text=True)
    second = worker.get("/episodes?page=2").get_data(as_text=True)
    one, two = episode_order(first), episode_order(second)
    assert len(one) == episode_list.PER_PAGE
    assert one[0] == casey.id  # missing at high risk comes first, as on one long list
    assert not set(one) & set(two)
    assert 'class="govuk-pagination"' in first and 'rel="next"' in first
    total = int(re.search(r"of (\d+) episodes", first).group(1))
    assert len(one) + len(two) == total
    # The counts are the team's, whatever page is shown.
    assert re.search(r"Found, work still open: <strong>(\d+)", first).group(1) == \
        re.search(r"Found, work still open: <strong>(\d+)", second).group(1)


def test_filters_show_missing_overdue_and_police_risk(clock, make_client):
    missing = make_episode(make_child("NS-9101", "Gone"), NOW - timedelta(hours=3), None, "low")
    in_time = make_episode(make_child("NS-9102", "Fine"), NOW - timedelta(hours=30),
                           NOW - timedelta(hours=24))
    safe_and_well_done(in_time)
    worker = make_client("rhi.worker@example.org")
    listed = episode_order(worker.get("/episodes?show=missing").get_data(as_text=True))
    assert missing.id in listed and in_time.id not in listed
    assert all(db.session.get(Episode, e).found is None for e in listed)
    overdue = episode_order(worker.get("/episodes?show=overdue").get_data(as_text=True))
    assert demo_episode().id in overdue  # safe and well check not recorded in time
    assert in_time.id not in overdue and missing.id not in overdue
    found = episode_order(worker.get("/episodes?show=found").get_data(as_text=True))
    assert in_time.id in found and missing.id not in found
    low = episode_order(worker.get("/episodes?risk=low").get_data(as_text=True))
    assert low == [missing.id]
    # Anything unknown falls back to every open episode.
    assert episode_order(worker.get("/episodes?show=nonsense&risk=x").get_data(as_text=True))


def test_search_by_name_in_any_order_case_accents_and_first_letters(clock, make_client):
    child = make_child("NS-9201", "Zoë")
    child.last_name = "O'Neil-Hart"
    zoe = make_episode(child, NOW - timedelta(hours=5), None)
    jordan = demo_episode()
    worker = make_client("rhi.worker@example.org")

    def found(q: str) -> list[int]:
        return episode_order(worker.get("/episodes", query_string={"q": q})
                             .get_data(as_text=True))

    assert found("zoe") == [zoe.id]
    assert found("HART zoe") == [zoe.id]
    assert found("oneil") == [zoe.id] and found("neil") == [zoe.id]
    assert found("avery jordan") == [jordan.id]
    assert found("jor") == [jordan.id]
    assert found("NS-1001") == [jordan.id]
    assert found("Jordan Quinn") == []
    assert "No open episodes match" in worker.get("/episodes?q=nobody").get_data(as_text=True)
    # Another team's child is never found.
    assert found("Taylor") == []


def test_the_name_index_holds_no_name_and_follows_a_change(app):
    child = make_child("NS-9301", "Marigold")
    db.session.commit()
    digests = db.session.scalars(db.select(ChildNameToken.digest)
                                 .filter_by(child_id=child.id)).all()
    assert digests and not any("marigold" in d.lower() or "test" in d.lower() for d in digests)
    team = db.select(Child.id).where(Child.team_id == child.team_id)
    assert name_search.matching_children("marigold", team) == {child.id}
    child.first_name = "Rowan"
    db.session.commit()
    assert name_search.matching_children("marigold", team) == set()
    assert name_search.matching_children("rowan test", team) == {child.id}


def test_kept_deadlines_are_dropped_on_a_change_and_worked_out_again(clock, make_client):
    jordan = demo_episode()
    worker = make_client("rhi.worker@example.org")
    card = worker.get("/episodes").get_data(as_text=True)
    assert f'id="episode-{jordan.id}"' in card
    kept = db.session.get(EpisodeDue, jordan.id)
    assert kept is not None and kept.next_due_at is not None and kept.next_due_at < NOW
    safe_and_well_done(jordan)  # the overdue check is now done
    db.session.expire_all()
    assert db.session.get(EpisodeDue, jordan.id) is None
    html = worker.get("/episodes?show=overdue").get_data(as_text=True)
    kept = db.session.get(EpisodeDue, jordan.id)
    assert kept is not None
    assert (jordan.id in episode_order(html)) == (kept.next_due_at < NOW)
    # A change of the child (here the date of birth) also drops the child's rows.
    jordan.child.date_of_birth = None
    db.session.commit()
    assert db.session.get(EpisodeDue, jordan.id) is None
    worker.get("/episodes")
    assert db.session.get(EpisodeDue, jordan.id).assessed is False


def test_cases_page_pages_and_searches(clock, make_client):
    for i in range(55):
        make_child(f"NS-7{i:03d}", f"Case{i}")
    db.session.commit()
    manager = make_client("manager@example.org")
    first = manager.get("/cases").get_data(as_text=True)
    assert len(re.findall(r'href="/children/\d+"', first)) == 50  # one link a child
    assert 'class="govuk-pagination"' in first
    second = manager.get("/cases?page=2").get_data(as_text=True)
    assert "Case54" in second and "Case54" not in first
    hit = manager.get("/cases?q=case54").get_data(as_text=True)
    assert "Case54" in hit and "Jordan Avery" not in hit
    assert "No child of your team matches" in manager.get("/cases?q=nobody").get_data(
        as_text=True)


def test_a_long_kept_row_is_worked_out_again(clock, make_client):
    """A row written from facts another request was changing at that moment heals itself."""
    jordan = demo_episode()
    worker = make_client("rhi.worker@example.org")
    worker.get("/episodes")
    right = db.session.get(EpisodeDue, jordan.id).next_due_at
    db.session.execute(db.update(EpisodeDue).where(EpisodeDue.episode_id == jordan.id).values(
        next_due_at=None, computed_at=NOW - timedelta(days=2)))  # wrong, and old
    db.session.commit()
    worker.get("/episodes")
    db.session.expire_all()
    assert db.session.get(EpisodeDue, jordan.id).next_due_at == right
