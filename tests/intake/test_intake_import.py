"""Importing police notifications into a team (services/intake.py through the commands):
matching by date of birth and name across Irish, Welsh, Polish and Arabic names, twins,
the to-confirm list, updates that never erase, re-imports, dry runs and separate teams.
All the people are fictional."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from rhi_assistant import crypto
from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Child, Episode, IntakePending
from rhi_assistant.models.cases import police_reference_digest
from rhi_assistant.services.intake import police_differences

ENVELOPE = re.compile(r"v1:[A-Za-z0-9+/=_-]+")


def episode_by_reference(reference: str) -> Episode | None:
    """The episode of a police reference, found as the app finds it: by its blind index."""
    return db.session.scalar(db.select(Episode).where(
        Episode.police_reference_key == police_reference_digest(reference)))

TEAM = "Fictional Vale Missing Team"
HEADER = ("police_reference,first_name,last_name,preferred_name,date_of_birth,gender,last_seen,"
          "found,police_risk,missing_from,looked_after,home_authority,where_found")
CASELOAD = [
    {"first_name": "Seán", "last_name": "Ó Briain", "preferred_name": "", "date_of_birth":
     "2011-03-01"},
    {"first_name": "Dafydd", "last_name": "ap Rhys", "preferred_name": None, "date_of_birth":
     "2012-06-15"},
    {"first_name": "Małgorzata", "last_name": "Wiśniewska", "preferred_name": "Gosia",
     "date_of_birth": "2010-08-20"},
    {"first_name": "Muhammad", "last_name": "Abdul-Rahman", "preferred_name": "",
     "date_of_birth": "2013-01-10"},
    {"first_name": "Louis", "last_name": "Martin", "preferred_name": "", "date_of_birth":
     "2012-02-02"},
    {"first_name": "Louise", "last_name": "Martin", "preferred_name": "", "date_of_birth":
     "2012-02-02"},
    {"first_name": "Jack", "last_name": "Smith", "preferred_name": "", "date_of_birth":
     "2011-11-11"},
    {"first_name": "Jack", "last_name": "Smith", "preferred_name": "", "date_of_birth":
     "2011-11-11", "gender": "Male"},  # recorded twice by the council: stays twice
    {"first_name": "Ffion", "last_name": "Hughes", "preferred_name": "", "date_of_birth":
     "2009-07-20"},
]
BATCH = [
    "VP-1,Sean,O'Briain,,01/03/2011,Male,04/10/2026 20:00,05/10/2026 08:00,low,home,no,,",
    "VP-2,Dai,Ap-Rhys,,2012-06-15,Male,2026-10-05T19:00:00+01:00,,medium,care,yes,Powys,",
    "VP-3,Gosia,Wisniewska,,20/08/2010,Female,06/10/2026 22:10,,high,home,n,,",
    "VP-4,Mohamed,Rahman,,10/01/2013,Male,07/10/2026 17:30,,medium,education,,,",
    "VP-5,Louis,Martin,,02/02/2012,Male,08/10/2026 18:00,,low,home,,,",
    "VP-6,Lou,Martin,,02/02/2012,,09/10/2026 18:00,,low,home,,,",              # twin? ask
    "VP-7,Jack,Smith,,11/11/2011,Male,10/10/2026 18:00,,low,home,,,",          # two Jacks: ask
    "VP-8,Zofia,Nowak,Zosia,2014-04-04,Female,11/10/2026 16:00,,medium,home,,,",  # new child
    "vp-8 ,Zofia,Nowak,,2014-04-04,,11/10/2026 16:00,12/10/2026 09:00,,,,,Aunt's flat",
    "VP-9,Zosia,Nowak,,2014-04-04,Female,20/10/2026 16:00,,medium,home,,,",   # her new child
    "VP-10,Ffion,Hughes,,2009-07-20,Female,2027-07-19T23:15:00Z,,low,home,,,",  # 18 that day
    "VP-11,Ffion,Hughes,,2009-07-20,Female,2027-07-19T22:15:00Z,,low,home,,,",  # 17 still
    "VP-5,Louis,Martin,,02/02/2012,Male,08/10/2026 18:00,,high,home,,,",       # conflicts
]


@pytest.fixture
def run(app, tmp_path: Path):
    """Run a command as the checker does; return (exit status, the JSON line printed)."""
    runner = app.test_cli_runner()

    def _run(*args: str, lines: list[str] | None = None, name: str = "file.csv",
             data: bytes | None = None) -> tuple[int, dict]:
        path = tmp_path / name
        if data is not None:
            path.write_bytes(data)
        elif lines is not None:
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = runner.invoke(args=[args[0], "import", str(path), *args[1:]])
        printed = [line for line in result.output.splitlines() if line.startswith("{")]
        assert len(printed) == 1, result.output
        return result.exit_code, json.loads(printed[0])

    status, line = _run("children", "--team", TEAM, name="existing.jsonl",
                        lines=[json.dumps(child, ensure_ascii=False) for child in CASELOAD])
    assert (status, line) == (0, {"children": len(CASELOAD)})
    return _run


def intake(run, lines: list[str], *extra: str, team: str = TEAM) -> tuple[int, dict]:
    return run("intake", "--team", team, *extra, lines=[HEADER, *lines])


def counts() -> tuple[int, int, int]:
    return (db.session.scalar(select(func.count()).select_from(Child)),
            db.session.scalar(select(func.count()).select_from(Episode)),
            db.session.scalar(select(func.count()).select_from(IntakePending)))


EXPECTED = {"rows": 13, "created_children": 1, "matched_children": 6, "to_confirm": 2,
            "created_episodes": 8, "updated_episodes": 0,
            "rejected": [{"row": 11, "error": "not_a_child"},
                         {"row": 13, "error": "duplicate_in_file"}]}


def test_a_batch_matches_names_across_languages_and_never_takes_one_twin_for_the_other(run):
    before = counts()
    status, dry = intake(run, BATCH, "--dry-run")
    assert status == 0 and dry | {"dry_run": False} == EXPECTED | {"dry_run": False}
    assert counts() == before                       # a dry run saves nothing at all
    status, line = intake(run, BATCH)
    assert status == 0
    assert {k: line[k] for k in EXPECTED} == EXPECTED
    assert counts() == (before[0] + 1, before[1] + 8, before[2] + 2)
    actions = [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions[-2:] == ["import_children", "import_police_notifications"]  # not the dry run
    louis = db.session.scalar(select(Child).join(Episode).where(
        Episode.police_reference_key == police_reference_digest("VP-5")))
    assert (louis.first_name, louis.last_name) == ("Louis", "Martin")
    waiting = {p.police_reference: p.reason for p in db.session.scalars(select(IntakePending))}
    assert waiting == {"VP-6": "other_name_same_birth_date", "VP-7": "several_matches"}
    zofia = episode_by_reference("VP-8")
    # The second row of VP-8 added the found time and place to the episode the first made.
    assert zofia.found == datetime(2026, 10, 12, 8, 0, tzinfo=UTC)
    assert zofia.where_found == "Aunt's flat" and zofia.police_risk == "medium"
    assert len(zofia.child.episodes) == 2           # VP-9 (as Zosia) found the new child
    assert zofia.child.preferred_name == "Zosia"
    seventeen = episode_by_reference("VP-11")
    assert seventeen.child.first_name == "Ffion"


def test_importing_the_same_file_again_creates_and_updates_nothing(run):
    intake(run, BATCH)
    before = counts()
    status, line = intake(run, BATCH)
    assert status == 0
    assert {k: line[k] for k in EXPECTED} == EXPECTED | {
        "created_children": 0, "matched_children": 0, "created_episodes": 0}
    assert counts() == before


def test_updates_replace_what_differs_never_erase_and_count_only_real_changes(run):
    intake(run, BATCH)
    status, line = intake(run, [
        # the same values written another way, and empty cells: no change
        "VP-1,SEAN,OBRIAIN,,2011-03-01,,2026-10-04T19:00:00Z,2026-10-05T07:00:00Z,Low,Home,N,,",
        # found, risk regraded and a home authority: a change
        "VP-2,Dai,Ap Rhys,,2012-06-15,,05/10/2026 19:00,06/10/2026 10:00,HIGH,,,Powys,Car park",
        # a reference waiting to be confirmed stays waiting and creates nothing
        "VP-6,Lou,Martin,,02/02/2012,,09/10/2026 18:00,10/10/2026 07:00,low,home,,,",
        # names differing on an update are never applied to the child
        "VP-3,Margaret,Wisniewski,,20/08/2010,,06/10/2026 22:10,,,,,,",
    ])
    assert status == 0
    assert (line["updated_episodes"], line["created_episodes"], line["to_confirm"],
            line["rejected"]) == (1, 0, 1, [])
    dai = episode_by_reference("VP-2")
    assert (dai.police_risk, dai.missing_from, dai.looked_after, dai.home_authority,
            dai.where_found) == ("high", "care", True, "Powys", "Car park")
    gosia = episode_by_reference("VP-3")
    assert (gosia.child.first_name, gosia.child.last_name) == ("Małgorzata", "Wiśniewska")
    assert police_differences(gosia) == {  # shown beside the episode for a person to apply
        "first_name": ("Małgorzata", "Margaret"), "last_name": ("Wiśniewska", "Wisniewski")}
    waiting = db.session.scalar(select(IntakePending).filter_by(
        reference_key=police_reference_digest("VP-6")))
    assert json.loads(waiting.values)["found"] == "2026-10-10T06:00:00Z"


def test_a_reference_belongs_to_one_team(run):
    intake(run, BATCH)
    run("children", "--team", "Fictional Fen Missing Team", name="other.jsonl",
        lines=[json.dumps(CASELOAD[0], ensure_ascii=False)])
    status, line = intake(run, BATCH[:1], team="Fictional Fen Missing Team")
    assert (status, line["matched_children"], line["created_episodes"]) == (0, 1, 1)


def test_names_stay_encrypted_at_rest(run):
    intake(run, BATCH)
    stored = [value for row in db.session.execute(text(
        "SELECT first_name, last_name, preferred_name FROM child")) for value in row
        if value is not None]
    stored += [row[0] for row in db.session.execute(text(
        "SELECT \"values\" FROM intake_pending"))]
    # Each raw value is an envelope of base64 ciphertext and nothing else (a search for a
    # short name inside random base64 finds it now and then, so the test reads the shape
    # and decrypts, rather than looking for the name in the ciphertext).
    assert stored and all(ENVELOPE.fullmatch(value) for value in stored), stored
    plain = " ".join(crypto.decrypt(value) for value in stored)
    for name in ("Zofia", "Nowak", "Lou", "Martin", "Małgorzata"):
        assert name in plain


def test_formula_text_is_stored_exactly_as_given(run):
    intake(run, ['VP-20,Ann,Lee,,2012-01-01,,04/10/2026 20:00,,,,,,"=HYPERLINK(""x"",""y"")"'])
    episode = episode_by_reference("VP-20")
    assert episode.where_found == '=HYPERLINK("x","y")'


@pytest.mark.parametrize(("data", "code"), [
    (b"police_reference,first_name\r\nVP-1,Ann\r\n", "missing_columns"),
    ("\ufeff" + HEADER + "\r\nVP-1,Ann,Lee,,2012-01-01,,04/10/2026 20:00,,,,,,\r\n",
     None),
    ((HEADER + "\nVP-1,Ann,Lée,,2012-01-01,,04/10/2026 20:00,,,,,,\n").encode("cp1252"),
     "bad_encoding"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "not_csv"),
])
def test_the_file_itself(run, data: bytes | str, code: str | None):
    before = counts()
    raw = data.encode("utf-8") if isinstance(data, str) else data
    status, line = run("intake", "--team", TEAM, data=raw, name="notifications.csv")
    if code is None:
        assert status == 0 and line["created_children"] == 1 and line["rows"] == 1
    else:
        assert (status, line["error"]) == (2, code)
        assert counts() == before


def test_an_unknown_team_or_file_is_refused(run):
    status, line = intake(run, BATCH, team="No Such Team")
    assert (status, line["error"]) == (2, "unknown_team")
    status, line = run("intake", "--team", TEAM, name="not-there.csv")
    assert (status, line["error"]) == (2, "unreadable")


def test_a_caseload_line_that_cannot_be_read_saves_nothing(run):
    before = counts()
    status, line = run("children", "--team", TEAM, name="bad.jsonl", lines=[
        json.dumps(CASELOAD[0]), '{"first_name": "Ann", "last_name": "Lee"}'])
    assert (status, line["error"]) == (2, "bad_line")
    assert counts() == before


def test_a_value_first_left_empty_then_given_is_a_change(run):
    intake(run, ["VP-30,Ann,Lee,,2012-01-01,,04/10/2026 20:00,,,,,,"])
    episode = episode_by_reference("VP-30")
    assert (episode.police_risk, episode.missing_from, episode.looked_after) == (None, None, None)
    status, line = intake(run, ["VP-30,Ann,Lee,,2012-01-01,,04/10/2026 20:00,,medium,home,no,,"])
    assert (status, line["updated_episodes"]) == (0, 1)
    db.session.refresh(episode)
    assert (episode.police_risk, episode.missing_from, episode.looked_after) == (
        "medium", "home", False)


CLOCKS = [
    # last seen in the hour the clocks went forward: that time never happened
    "VP-40,Ann,Lee,,2012-01-01,,29/03/2026 01:30,,,,,,",
    # found in the hour that happens twice, read as the first (BST): 00:20 UTC is before
    # last seen at 00:40 UTC, so refused
    "VP-41,Bo,Lee,,2012-02-02,,2026-10-25T00:40:00Z,25/10/2026 01:20,,,,,",
    # the second 01:20 written with its offset is after last seen: fine
    "VP-42,Cy,Lee,,2012-03-03,,2026-10-25T00:40:00Z,2026-10-25T01:20:00+00:00,,,,,",
    # just after the clocks went forward, local time is BST
    "VP-43,Di,Lee,,2012-04-04,,29/03/2026 02:10,29/03/2026 03:00,,,,,",
]


def test_clock_changes_through_the_import(run):
    status, line = intake(run, CLOCKS)
    assert status == 0
    assert line["rejected"] == [{"row": 1, "error": "bad_datetime"},
                                {"row": 2, "error": "found_before_last_seen"}]
    di = episode_by_reference("VP-43")
    assert di.last_seen == datetime(2026, 3, 29, 1, 10, tzinfo=UTC)
    assert di.found == datetime(2026, 3, 29, 2, 0, tzinfo=UTC)
    # The same instants written with offsets are not a change.
    status, line = intake(run, [
        "VP-43,Di,Lee,,2012-04-04,,2026-03-29T02:10:00+01:00,2026-03-29T02:00:00Z,,,,,"])
    assert (status, line["updated_episodes"], line["created_episodes"]) == (0, 0, 0)


def test_possible_matches_for_a_page_recording_a_child(app):
    from datetime import date

    from rhi_assistant.services.accounts import create_team
    from rhi_assistant.services.caseload import import_children, read_children
    from rhi_assistant.services.intake import possible_matches

    team = create_team("Fictional Moor Team", "Fictional Moor Council", "north_somerset")
    children, _ignored = read_children([json.dumps(c, ensure_ascii=False) for c in CASELOAD])
    import_children(team, children)
    found = possible_matches(team.id, "Louise", "Martin", None, date(2012, 2, 2))
    assert sorted((c.first_name, m is not None) for c, m in found) == [
        ("Louis", False), ("Louise", True)]
