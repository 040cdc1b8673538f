"""SERAF scoring per team: its own choice, else its protocol profile's, else the install's.

So a council's scoring travels with its protocol profile instead of being one
setting for every team of an install.
"""

from __future__ import annotations

from pathlib import Path

from support import demo_episode

from rhi_assistant.extensions import db
from rhi_assistant.models import Interview, Team, User
from rhi_assistant.protocol import list_profiles, load_profile
from rhi_assistant.seraf import scoring_profiles
from rhi_assistant.services import seraf as service

ESCALATING = "north_somerset_escalations"


def test_every_shipped_protocol_profile_names_a_shipped_scoring() -> None:
    for info in list_profiles():
        named = load_profile(info.name).seraf_scoring
        assert named is None or named in scoring_profiles(), info.name


def _interview() -> Interview:
    episode = demo_episode()
    worker = db.session.scalar(db.select(User).filter_by(email="rhi.worker@example.org"))
    interview = Interview(episode=episode, kind="rhi", flow_id="rhi", conducted_by_id=worker.id)
    db.session.add(interview)
    db.session.commit()
    return interview


def test_the_profile_chooses_unless_the_team_overrides(app) -> None:
    interview = _interview()
    team = db.session.get(Team, interview.episode.child.team_id)
    assert service.scoring_for(interview) == load_profile(team.protocol_profile).seraf_scoring
    team.seraf_scoring = ESCALATING
    db.session.commit()
    assert service.scoring_for(interview) == ESCALATING


def test_the_install_setting_is_only_the_last_resort(app, tmp_path, monkeypatch) -> None:
    """A profile that names no scoring leaves it to RHI_SERAF_SCORING."""
    source = Path(load_profile("bcp").path).read_text(encoding="utf-8")
    bare = source.replace('  "seraf_scoring": "standard",\n', "").replace('"bcp"', '"wessex_vale"')
    (tmp_path / "wessex_vale.json").write_text(bare, encoding="utf-8")
    monkeypatch.setenv("RHI_PROTOCOL_PROFILES_DIR", str(tmp_path))
    interview = _interview()
    team = db.session.get(Team, interview.episode.child.team_id)
    team.protocol_profile = "wessex_vale"
    db.session.commit()
    app.config["SERAF_SCORING"] = ESCALATING
    assert load_profile("wessex_vale").seraf_scoring is None
    assert service.scoring_for(interview) == ESCALATING


def test_the_team_scoring_is_the_one_that_scores(app) -> None:
    interview = _interview()
    child = interview.episode.child
    child.sen_or_disability = "Learning disability"
    seraf = service.assessment_for(interview, interview.conducted_by)
    assert service.current_score(seraf).category == 1  # standard: no ticks, no points
    db.session.get(Team, child.team_id).seraf_scoring = ESCALATING
    db.session.commit()
    assert service.current_score(seraf).category == 3  # escalated for a learning disability
