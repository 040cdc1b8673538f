"""Negation, other-person, hypothetical and time-window behaviour, and the evidence contract."""

from __future__ import annotations

import datetime as dt

import pytest

from rhi_assistant.nlp import analyse
from rhi_assistant.nlp.timewindow import resolve

DATE = "2026-11-20"


def assertion_of(text: str, indicator: str, date: str = DATE) -> set[str]:
    return {s.assertion for s in analyse(text, date).findings if s.indicator == indicator}


def window_of(text: str, indicator: str, date: str = DATE) -> str | None:
    for s in analyse(text, date).findings:
        if s.indicator == indicator and s.assertion == "present":
            return s.window
    return None


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("Kian never got into anyone's car.", "seraf.sig.vehicles_unknown_adults"),
        ("Ada denies taking drugs.", "seraf.mod.drugs_misuse"),
        ("Nobody hurt him while he was away.", "episode.hurt_or_harmed"),
        ("He said he would never carry a knife.", "cce.weapons"),
        ("A man offered her a lift but she said no.", "seraf.sig.vehicles_unknown_adults"),
        ("She has not been drinking.", "seraf.mod.alcohol_misuse"),
        ("He said the weed wasn't his.", "seraf.mod.drugs_misuse"),
    ],
)
def test_negated(text: str, indicator: str) -> None:
    got = assertion_of(text, indicator)
    assert "negated" in got and "present" not in got


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("My mate Rory got given £50 to take a bag to Exeter.", "cce.holding_or_selling_drugs"),
        ("Her brother was arrested for shoplifting.", "episode.offending_while_missing"),
        ("His cousin carries a knife.", "cce.weapons"),
        ("Dad drinks vodka every night.", "seraf.mod.alcohol_misuse"),
    ],
)
def test_other_person(text: str, indicator: str) -> None:
    got = assertion_of(text, indicator)
    assert "other_person" in got and "present" not in got


def test_child_as_object_is_present() -> None:
    assert "present" in assertion_of(
        "He gave me £40 and some weed.", "seraf.sig.unexplained_money_or_items"
    )


def test_peer_involvement_suggests_peers_exploited() -> None:
    a = analyse("Her friend was taken to hotels by older men.", DATE)
    assert any(
        s.indicator == "seraf.sig.peers_exploited" and s.assertion == "present"
        for s in a.findings
    )


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("If someone offered him a lift he would take it.", "seraf.sig.vehicles_unknown_adults"),
        ("She may have been given drugs at the party.", "seraf.mod.drugs_misuse"),
        ("Staff are worried that he might be carrying a knife.", "cce.weapons"),
    ],
)
def test_hypothetical(text: str, indicator: str) -> None:
    got = assertion_of(text, indicator)
    assert "hypothetical" in got and "present" not in got


def test_conditional_threat_is_present() -> None:
    assert "present" in assertion_of(
        "They said if he talks they'll hurt his sister.", "cce.threats_to_child_or_family"
    )


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("Last week she went missing overnight.", "recent"),
        ("A few months ago she went missing overnight.", "recent"),
        ("Nine months ago she went missing overnight.", "6_to_12_months"),
        ("Two years ago she went missing overnight.", "over_12_months"),
        ("She went missing overnight when she was little.", "over_12_months"),
        ("She used to go missing for days.", "over_12_months"),
        ("She went missing overnight in March.", "6_to_12_months"),
        ("She went missing overnight in 2024.", "over_12_months"),
        ("She went missing overnight last summer.", "recent"),
        ("She went missing overnight.", "recent"),
    ],
)
def test_windows(text: str, window: str) -> None:
    assert window_of(text, "seraf.sig.missing_periods") == window


def test_window_depends_on_interview_date() -> None:
    text = "She went missing overnight last summer."
    assert window_of(text, "seraf.sig.missing_periods", "2026-03-01") == "6_to_12_months"
    assert window_of(text, "seraf.sig.missing_periods", dt.date(2026, 10, 1)) == "recent"


def test_resolve_months() -> None:
    today = dt.date(2026, 11, 20)
    assert resolve("ago", "eight months ago", today) == "6_to_12_months"
    assert resolve("ago", "18 months ago", today) == "over_12_months"
    assert resolve("month", "in September", today) == "recent"


def test_fuzzy_misspelling_is_marked() -> None:
    a = analyse("Her boyfrend is 26 and she has been goin countylines.", DATE)
    fuzzy = [s for s in a.findings if s.match == "fuzzy"]
    assert fuzzy and all(s.score < 100 for s in fuzzy)
    assert {"seraf.sig.older_partner_or_controlling_adult", "cce.county_lines_travel"} <= {
        s.indicator for s in a.findings
    }
    assert any("was read as" in s.reason for s in fuzzy)


@pytest.mark.parametrize(
    "text",
    [
        "She said she got into a car with two men she didn't know.\nThen they drove her to Exeter.",
        "Éloïse — 14 — was given £200 and a burner; she  smokes   weed.",
        "He was  plugging for the olders in Taunton… no adult he trusts.",
        "",
    ],
)
def test_evidence_matches_offsets(text: str) -> None:
    a = analyse(text, DATE)
    for s in a.findings:
        assert text[s.start : s.end] == s.evidence
        assert s.reason
    for e in a.entities:
        assert text[e.start : e.end] == e.text


def test_to_dict_shapes() -> None:
    a = analyse("Zed got into a silver Audi, reg AB12 CDE.", DATE)
    d = a.to_dict()
    assert d["suggestions"][0]["indicator"] == "seraf.sig.vehicles_unknown_adults"
    assert {
        "label",
        "concerns",
        "assertion",
        "window",
        "cue",
        "window_cue",
        "reason",
        "match",
        "score",
    } <= set(d["suggestions"][0])


@pytest.mark.parametrize(
    ("text", "indicator", "expected"),
    [
        (
            "Her cousin's girlfriend had her passport taken by the people she works for.",
            "trafficking.documents_held_by_others",
            "other_person",
        ),
        (
            "Her cousin isn't allowed to leave the house.",
            "trafficking.restricted_movement",
            "other_person",
        ),
        (
            "His sister has a 24 year old boyfriend.",
            "seraf.sig.older_partner_or_controlling_adult",
            "other_person",
        ),
        ("Her boyfriend is 21.", "seraf.sig.older_partner_or_controlling_adult", "present"),
        ("The man took her passport.", "trafficking.documents_held_by_others", "present"),
        (
            "Her boyfriend is really controlling.",
            "seraf.sig.older_partner_or_controlling_adult",
            "present",
        ),
    ],
)
def test_other_person_subject_wins(text: str, indicator: str, expected: str) -> None:
    assert expected in assertion_of(text, indicator)
    if expected != "present":
        assert "present" not in assertion_of(text, indicator)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("he isn't dealing", "cce.holding_or_selling_drugs"),
        ("she never stays out", "seraf.mod.staying_out_late"),
        ("She hasn't been missing before.", "seraf.sig.missing_periods"),
    ],
)
def test_bare_verbs_labelled_when_denied(text: str, indicator: str) -> None:
    assert assertion_of(text, indicator) == {"negated"}


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("He neva went country.", "cce.county_lines_travel"),
        ("She nvr got in the car.", "seraf.sig.vehicles_unknown_adults"),
        ("She doesn't talk to people online.", "seraf.mod.internet_concern"),
        (
            "She says Marcus has never laid a finger on her.",
            "seraf.sig.physical_abuse_by_controlling_adult",
        ),
        ("He says he doesn't owe anyone anything.", "cce.drug_debt"),
    ],
)
def test_slang_and_bare_denials(text: str, indicator: str) -> None:
    got = assertion_of(text, indicator)
    assert "negated" in got and "present" not in got


@pytest.mark.parametrize(
    ("text", "indicator", "expected"),
    [
        (
            "He couldn't say whether he was threatened.",
            "cce.threats_to_child_or_family",
            "hypothetical",
        ),
        ("She didn't deny taking drugs.", "seraf.mod.drugs_misuse", "present"),
        ("He can't stop drinking.", "seraf.mod.alcohol_misuse", "present"),
        ("No one knew where she was for two days.", "seraf.sig.missing_periods", "present"),
        ("He doesn't just smoke weed.", "seraf.mod.drugs_misuse", "present"),
    ],
)
def test_tricky_negation(text: str, indicator: str, expected: str) -> None:
    got = assertion_of(text, indicator)
    assert expected in got
    if expected != "present":
        assert "present" not in got
