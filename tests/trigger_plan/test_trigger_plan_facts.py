"""Trigger plans hold confirmed, present facts; enquiries are for a search officer; the police
of a team the case is shared with read and download the plan."""

from __future__ import annotations

import re

import pytest
from support import demo_episode, start_interview

from rhi_assistant.extensions import db
from rhi_assistant.models import Suggestion

pytestmark = pytest.mark.usefixtures("clock")

NOTES = ("She got into a car with Kyle Denton at Weston bus station. "
         "She said if she went to Bristol she might be made to sell drugs. "
         "Her friend Amy was taken to Station Road by older men.")


def _form(html: str) -> dict[str, str]:
    return {m.group(1): m.group(2).replace("&#39;", "'").replace("&amp;", "&")
            for m in re.finditer(r'<textarea[^>]*name="(\w+)"[^>]*>(.*?)</textarea>', html, re.S)}


@pytest.fixture
def shared_summary(make_client):
    """A worker confirms the car, and shares a summary ticking every name, asides included."""
    worker = make_client("rhi.worker@example.org")
    episode = demo_episode()
    interview_id = start_interview(worker, episode.id)
    url = f"/interviews/{interview_id}/pages/time_away_account"
    worker.post(url, {"notes": NOTES, "action": "save"}, csrf_from=url)
    # The indicator is encrypted at rest: find it among the interview's suggestions.
    car = next(x for x in db.session.scalars(db.select(Suggestion))
               if x.indicator == "seraf.sig.vehicles_unknown_adults")
    worker.post(f"/interviews/{interview_id}/suggestions/{car.id}", {"decision": "confirmed"},
                csrf_from=url)
    new_url = f"/interviews/{interview_id}/summaries/new"
    page = worker.get(new_url).get_data(as_text=True)
    tokens = re.findall(r'name="entities" type="checkbox" value="([^"]+)"', page)
    tokens = [t.replace("&#34;", '"').replace("&quot;", '"') for t in tokens]
    worker.post(new_url, {"recipients": ["police_missing_team"], "purpose": "safety",
                          "legal_basis": "safeguarding_public_task", "entities": tokens},
                csrf_from=new_url)
    return {"worker": worker, "child_id": episode.child_id, "new_url": new_url, "page": page}


def test_names_said_only_as_a_possibility_or_of_someone_else_are_not_ready_ticked(
        shared_summary):
    page = shared_summary["page"]
    bristol = re.search(r'<input[^>]*value="[^"]*Bristol[^"]*"[^>]*>', page).group(0)
    weston = re.search(r'<input[^>]*value="[^"]*Weston[^"]*"[^>]*>', page).group(0)
    assert "checked" not in bristol and "checked" in weston
    assert "said as a possibility" in page and "said about someone else" in page


def test_the_plan_lists_only_present_facts(shared_summary):
    worker, child_id = shared_summary["worker"], shared_summary["child_id"]
    form = _form(worker.get(f"/children/{child_id}/trigger-plan/edit").get_data(as_text=True))
    everything = "\n".join(form.values())
    assert "Weston" in form["frequented_places"]
    assert "Bristol\n" not in everything + "\n" and "Check Bristol" not in everything
    assert "Station Road" not in everything and "Amy" not in everything


def test_lines_of_enquiry_say_who_where_and_what_to_check(shared_summary):
    worker, child_id = shared_summary["worker"], shared_summary["child_id"]
    form = _form(worker.get(f"/children/{child_id}/trigger-plan/edit").get_data(as_text=True))
    lines = form["lines_of_enquiry"].splitlines()
    assert any(line.startswith("Find out who Kyle Denton is") for line in lines), lines
    assert any(line.startswith("Check Weston") for line in lines), lines
    assert any("where found" in line or "found there" in line for line in lines), lines
    assert not any(line.startswith("Confirmed concern:") for line in lines), lines


def test_police_of_a_sharing_team_read_and_download_the_plan(make_client, shared_summary):
    worker, child_id = shared_summary["worker"], shared_summary["child_id"]
    url = f"/children/{child_id}/trigger-plan/edit"
    worker.post(url, _form(worker.get(url).get_data(as_text=True)), csrf_from=url)
    police = make_client("police@example.org")
    child_page = police.get(f"/children/{child_id}").get_data(as_text=True)
    assert f"/children/{child_id}/trigger-plan" in child_page
    view = police.get(f"/children/{child_id}/trigger-plan")
    assert view.status_code == 200 and "Kyle Denton" in view.get_data(as_text=True)
    assert "Renew and update the plan" not in view.get_data(as_text=True)
    download = police.get(f"/children/{child_id}/trigger-plan/download")
    assert download.status_code == 200 and download.mimetype == "application/pdf"
    assert police.get(url).status_code in (403, 404)
    outsider = make_client("other.worker@example.org")
    assert outsider.get(f"/children/{child_id}/trigger-plan").status_code == 404
    assert outsider.get(f"/children/{child_id}/trigger-plan/download").status_code == 404


def test_names_tied_into_a_card_are_one_associate_and_one_enquiry(make_client):
    import demo_interview
    from support import start_interview as start

    worker = make_client("rhi.worker@example.org")
    episode = demo_episode()
    demo_interview.run(worker, episode.id, start)
    form = _form(worker.get(f"/children/{episode.child_id}/trigger-plan/edit")
                 .get_data(as_text=True))
    jay = "Jay / Jason Miller (phone 07700 900123; online account @jay_m)"
    assert form["known_associates"].splitlines()[0] == jay
    assert "Jason Miller" not in "\n".join(form["known_associates"].splitlines()[1:])
    assert "silver Vauxhall Corsa (registration WX21 ABC)" in form["vehicles"]
    assert any(line.startswith("Find Jay / Jason Miller (phone 07700 900123")
               for line in form["lines_of_enquiry"].splitlines())
