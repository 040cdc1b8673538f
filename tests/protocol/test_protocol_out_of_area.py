"""Out-of-area placements: who to tell, by when, and when to escalate (NS section 4, BCP 12.1).

The scenarios in ``data/scenarios_out_of_area.jsonl`` extend the shared exchange
format (child ``home_authority``; episode ``placement_out_of_area``,
``placement_area``, ``home_authority``); their expected results are checked
with the shared checker, and action due times here as well (the checker does
not compare them).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from support import shared_file

from rhi_assistant.protocol import ProfileError, load_profile
from rhi_assistant.protocol.cli import protocol
from rhi_assistant.protocol.profile import authority_key, parse_profile

DATA = Path(__file__).parent / "data"
SCENARIOS = DATA / "scenarios_out_of_area.jsonl"
EXPECTED = DATA / "scenarios_out_of_area.expected.jsonl"

PLACED_AWAY = {"notify_host_authority", "notify_host_police", "notify_home_police"}
PLACED_HERE = {"notify_home_authority", "notify_home_police"}
OUT_OF_AREA = PLACED_AWAY | PLACED_HERE | {"notify_found_out_of_area", "out_of_area_escalation"}


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _run_cli(tmp_path: Path) -> Path:
    result = CliRunner().invoke(protocol, ["evaluate", str(SCENARIOS)])
    assert result.exit_code == 0, result.output
    got = tmp_path / "got.jsonl"
    got.write_text(result.output, encoding="utf-8")
    return got


def test_the_shared_checker_scores_every_out_of_area_scenario_right(tmp_path: Path) -> None:
    checker = shared_file("eval/protocol_check.py")
    got = _run_cli(tmp_path)
    done = subprocess.run([sys.executable, str(checker), str(EXPECTED), str(got)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout
    summary = json.loads(done.stdout.splitlines()[-1])
    assert summary["right"] == summary["total"] == len(_lines(SCENARIOS)) == 11


def test_action_due_times_match_the_expected_ones(tmp_path: Path) -> None:
    got = {r["id"]: r for r in _lines(_run_cli(tmp_path))}
    for want in _lines(EXPECTED):
        dues = {a["action"]: a["due"] for a in got[want["id"]]["actions"]}
        assert dues == {a["action"]: a["due"] for a in want["actions"]}, want["id"]


ROLE_CHILD = {"date_of_birth": "2011-03-14", "looked_after": True}


def test_home_authority_placing_away_tells_the_host_and_both_forces(run, actions) -> None:
    missing = run(profile="north_somerset", child=ROLE_CHILD, found=None,
                  now="2026-11-10T20:00:00Z", placement_out_of_area=True)
    assert actions(missing) & OUT_OF_AREA == PLACED_AWAY
    due = {a["action"]: a["due"] for a in missing["actions"]}
    # 24 hours after the report (12:30), while the child is still missing
    assert due["notify_host_authority"] == "2026-11-11T12:30:00Z"


def test_host_authority_tells_the_home_authority_and_its_police(run, actions) -> None:
    child = {**ROLE_CHILD, "home_authority": "Bristol City Council"}
    result = run(profile="north_somerset", child=child)
    assert actions(result) & OUT_OF_AREA == PLACED_HERE | {"notify_found_out_of_area"}


def test_the_episode_may_name_the_home_authority(run, actions) -> None:
    result = run(profile="bcp", child=ROLE_CHILD, home_authority="Dorset Council")
    assert "notify_home_authority" in actions(result)


@pytest.mark.parametrize(
    "name", ["North Somerset Council", "north somerset", " The North-Somerset ", "", None])
def test_own_council_in_any_spelling_is_not_out_of_area(run, actions, name) -> None:
    child = {**ROLE_CHILD, "home_authority": name}
    assert not actions(run(profile="north_somerset", child=child)) & OUT_OF_AREA


def test_a_child_not_looked_after_gets_no_out_of_area_notice(run, actions) -> None:
    result = run(profile="north_somerset", child={"looked_after": False},
                 placement_out_of_area=True)
    assert not actions(result) & OUT_OF_AREA


def test_found_notice_is_due_24_hours_after_found(run) -> None:
    result = run(profile="bcp", child=ROLE_CHILD, placement_out_of_area=True)
    due = {a["action"]: a["due"] for a in result["actions"]}
    assert due["notify_found_out_of_area"] == "2026-11-11T14:00:00Z"


def _previous(*days: int) -> list[dict[str, str]]:
    return [{"last_seen": f"2026-{m:02d}-{d:02d}T12:00:00Z"} for m, d in days]


@pytest.mark.parametrize(("profile", "previous", "escalate"), [
    ("north_somerset", [(9, 1), (10, 1)], True),     # 3 in 90 days
    ("north_somerset", [(8, 1), (10, 1)], False),    # the first is 101 days before
    ("north_somerset", [(10, 1)], False),            # only 2
    ("bcp", [(10, 20), (11, 1)], True),              # 3 in 28 days
    ("bcp", [(10, 1), (11, 1)], False),              # the first is 40 days before
])
def test_escalation_follows_the_profiles_count(run, actions, profile, previous, escalate) -> None:
    result = run(profile=profile, child=ROLE_CHILD, placement_out_of_area=True,
                 previous=_previous(*previous))
    assert ("out_of_area_escalation" in actions(result)) is escalate


def test_the_exchange_rejects_a_home_authority_that_is_not_text(run) -> None:
    from rhi_assistant.protocol import ScenarioError

    with pytest.raises(ScenarioError, match="child.home_authority"):
        run(child={"home_authority": 12})


def test_authority_key_ignores_case_punctuation_and_the_word_council() -> None:
    assert authority_key("The North-Somerset Council") == authority_key("north somerset")
    assert authority_key("Bristol City Council") == "bristol city"
    assert authority_key(None) == ""


def test_shipped_profiles_name_their_own_council() -> None:
    assert load_profile("north_somerset").is_own_authority("North Somerset Council")
    assert load_profile("bcp").is_own_authority("BCP Council")
    assert not load_profile("bcp").is_own_authority("Dorset Council")


def _profile(**extra: Any) -> dict[str, Any]:
    raw = json.loads(Path(load_profile("bcp").path).read_text(encoding="utf-8"))
    raw.update(extra)
    return raw


@pytest.mark.parametrize(("change", "message"), [
    ({"authority": {"names": []}}, "authority.names"),
    ({"authority": {"name": "BCP"}}, "authority"),
    ({"actions": [{"action": "x", "label": "X", "when": {"out_of_area": "abroad"}}]},
     "unknown out-of-area role"),
])
def test_a_broken_out_of_area_profile_fails_loudly(change: dict, message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        parse_profile(_profile(**change), "bcp")


def test_labels_of_the_new_actions_are_extracted_for_translation() -> None:
    from rhi_assistant.flows.babel_extract import flow_strings

    raw = json.loads(Path(load_profile("north_somerset").path).read_text(encoding="utf-8"))
    texts = {text for _, text in flow_strings(raw)}
    for code in OUT_OF_AREA:
        assert load_profile("north_somerset").label_for(code) in texts

