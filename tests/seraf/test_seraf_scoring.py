"""SERAF scoring: band boundaries, the two significant windows, profiles and escalations."""

from __future__ import annotations

import copy
import json
from importlib import resources

import pytest

from rhi_assistant.seraf import (
    SerafChildFacts,
    SerafTicks,
    load_scoring,
    parse_scoring_profile,
    score_seraf,
    scoring_profiles,
    seraf_items,
)

ITEMS = seraf_items()
VULN = [i for i, _ in ITEMS["seraf_vulnerability"]]
MOD = [i for i, _ in ITEMS["seraf_moderate"]]
SIG = [i for i, _ in ITEMS["seraf_significant"]]


def ticks(v: int = 0, m: int = 0, recent: int = 0, older: int = 0, both: int = 0) -> SerafTicks:
    """Ticks with the given counts; significant ids are not reused across the three kinds."""
    assert recent + older + both <= len(SIG)
    sig_recent = SIG[:recent]
    sig_older = SIG[recent : recent + older]
    sig_both = SIG[recent + older : recent + older + both]
    return SerafTicks(
        vulnerabilities=frozenset(VULN[:v]),
        moderate=frozenset(MOD[:m]),
        significant_recent=frozenset(sig_recent + sig_both),
        significant_6_12=frozenset(sig_older + sig_both),
    )


# --- the form's items ---------------------------------------------------------------


def test_items_follow_the_form() -> None:
    assert list(ITEMS) == ["seraf_vulnerability", "seraf_moderate", "seraf_significant"]
    assert (len(VULN), len(MOD), len(SIG)) == (11, 10, 9)
    assert ITEMS["seraf_vulnerability"][0] == (
        "seraf.vuln.emotional_neglect",
        "Emotional neglect by parent, carer or family member",
    )
    assert SIG[-1] == "seraf.sig.areas_known_for_exploitation"


def test_items_are_a_fresh_copy() -> None:
    seraf_items()["seraf_moderate"].clear()
    assert len(seraf_items()["seraf_moderate"]) == 10


# --- bands (standard) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "total", "category", "label"),
    [
        (ticks(), 0, 1, "Category 1: not at risk"),
        (ticks(v=5), 5, 1, "Category 1: not at risk"),
        (ticks(v=6), 6, 2, "Category 2: mild"),
        (ticks(v=5, m=5), 10, 2, "Category 2: mild"),
        (ticks(v=6, m=5), 11, 3, "Category 3: moderate"),
        (ticks(v=5, recent=2), 15, 3, "Category 3: moderate"),
        (ticks(v=6, recent=2), 16, 4, "Category 4: significant"),
        (ticks(v=11, m=10, both=9), 75, 4, "Category 4: significant"),
    ],
)
def test_band_boundaries(t: SerafTicks, total: int, category: int, label: str) -> None:
    score = score_seraf(t)
    assert (score.total, score.category, score.category_label) == (total, category, label)
    assert score.computed_category == category
    assert score.guidance
    assert score.working[-1] == f"Total {total} → {label}"


def test_significant_windows() -> None:
    assert score_seraf(ticks(recent=1)).total == 5
    assert score_seraf(ticks(older=1)).total == 1
    assert score_seraf(ticks(both=1)).total == 6
    assert score_seraf(ticks(recent=1, older=1, both=1)).total == 12


def test_working_shows_each_line() -> None:
    score = score_seraf(ticks(v=3, both=1))
    assert score.working == [
        "3 vulnerabilities × 1 = 3",
        "0 moderate risk indicators (past 6 months) × 1 = 0",
        "0 significant indicators in the past 6 months only × 5 = 0",
        "0 significant indicators 6 to 12 months ago only × 1 = 0",
        "1 significant indicator in both windows × 6 = 6",
        "Total 9 → Category 2: mild",
    ]
    assert score.escalations_applied == []


def test_guidance_text_per_category() -> None:
    profile = load_scoring("standard")
    assert [b.category for b in profile.bands] == [1, 2, 3, 4]
    assert "multi-agency meeting" in profile.band_for_category(2).guidance
    assert "review" in profile.band_for_category(1).guidance


# --- group validation ----------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        {"vulnerabilities": frozenset({"seraf.mod.sti"})},
        {"moderate": frozenset({"seraf.vuln.sexual_abuse"})},
        {"significant_recent": frozenset({"seraf.mod.drugs_misuse"})},
        {"significant_6_12": frozenset({"seraf.vuln.low_self_esteem"})},
        {"moderate": frozenset({"no.such.id"})},
        {"vulnerabilities": frozenset({"cce.something"})},
    ],
)
def test_ids_must_belong_to_their_list(kwargs: dict) -> None:
    with pytest.raises(ValueError, match="not seraf_"):
        SerafTicks(**kwargs)


def test_a_bare_string_is_refused() -> None:
    with pytest.raises(ValueError, match="single string"):
        SerafTicks(moderate="seraf.mod.sti")  # type: ignore[arg-type]


def test_plain_sets_are_accepted_and_frozen() -> None:
    t = SerafTicks(moderate={"seraf.mod.sti"})  # type: ignore[arg-type]
    assert t.moderate == frozenset({"seraf.mod.sti"})
    assert isinstance(t.moderate, frozenset)


# --- profiles ------------------------------------------------------------------------


def test_shipped_profiles_load() -> None:
    assert {"standard", "barnardos_revised", "north_somerset_escalations"} <= set(
        scoring_profiles()
    )
    for name in scoring_profiles():
        assert load_scoring(name).id == name
    assert load_scoring("standard").escalations == ()


@pytest.mark.parametrize("name", ["nope", "../standard", "Standard", ""])
def test_unknown_profile_is_refused(name: str) -> None:
    with pytest.raises(ValueError):
        score_seraf(ticks(), name)


def _standard_data() -> dict:
    text = resources.files("rhi_assistant.seraf").joinpath("scoring/standard.json")
    return json.loads(text.read_text("utf-8"))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["bands"][1].update(min=7), "contiguous"),
        (lambda d: d["bands"][3].update(max=99), "open-ended"),
        (lambda d: d["bands"].pop(), "4 bands"),
        (lambda d: d["points"].pop("moderate"), "points"),
        (lambda d: d["points"].update(moderate=-1), "whole numbers"),
        (lambda d: d["points"].update(moderate=True), "whole numbers"),
        (lambda d: d.update(escalations=[{"when": "age_12", "min_category": 3}]), "'when'"),
        (lambda d: d.update(escalations=[{"when": "under_13", "min_category": 5}]), "1 to 4"),
        (lambda d: d.update(extra=1), "unknown keys"),
    ],
)
def test_bad_profiles_fail_on_load(mutate, message: str) -> None:
    data = copy.deepcopy(_standard_data())
    mutate(data)
    with pytest.raises(ValueError, match=message):
        parse_scoring_profile(data)


# --- Barnardo's revised --------------------------------------------------------------


def test_barnardos_disability_point() -> None:
    t = ticks(v=5)
    plain = score_seraf(t, "barnardos_revised", SerafChildFacts(age=14))
    assert (plain.total, plain.category) == (5, 1)
    learning = score_seraf(
        t, "barnardos_revised", SerafChildFacts(age=14, learning_disability=True)
    )
    assert (learning.total, learning.category) == (6, 2)
    assert "Physical or learning disability: + 1" in learning.working
    physical = score_seraf(t, "barnardos_revised", SerafChildFacts(physical_disability=True))
    assert physical.total == 6
    both = SerafChildFacts(learning_disability=True, physical_disability=True)
    assert score_seraf(t, "barnardos_revised", both).total == 6  # one point, not one each


def test_barnardos_moderate_window_is_a_label() -> None:
    score = score_seraf(ticks(m=2), "barnardos_revised")
    assert "2 moderate risk indicators (past 3 months) × 1 = 2" in score.working
    assert any("not known" in line for line in score.working)


def test_standard_gives_no_disability_point() -> None:
    score = score_seraf(ticks(v=5), "standard", SerafChildFacts(learning_disability=True))
    assert (score.total, score.category) == (5, 1)


# --- escalations ----------------------------------------------------------------------

ESC = "north_somerset_escalations"


def test_standard_ignores_escalation_facts() -> None:
    facts = SerafChildFacts(age=11, learning_disability=True, sexual_exploitation_disclosed=True)
    score = score_seraf(ticks(v=1), "standard", facts)
    assert score.category == 1
    assert score.escalations_applied == []


def test_under_13_raises_to_middle_band() -> None:
    score = score_seraf(ticks(v=3, both=1), ESC, SerafChildFacts(age=12))
    assert (score.total, score.computed_category, score.category) == (9, 2, 3)
    assert score.category_label == "Category 3: moderate"
    assert score.guidance == load_scoring(ESC).band_for_category(3).guidance
    assert score.escalations_applied == [
        "Escalation: child is under 13, so at least Category 3: moderate"
    ]
    assert score.working[-1] == "Category raised from Category 2: mild to Category 3: moderate"


def test_age_13_and_unknown_age_do_not_escalate() -> None:
    assert score_seraf(ticks(v=1), ESC, SerafChildFacts(age=13)).category == 1
    assert score_seraf(ticks(v=1), ESC, SerafChildFacts(age=None)).category == 1


def test_learning_disability_raises_to_middle_band() -> None:
    score = score_seraf(ticks(), ESC, SerafChildFacts(age=15, learning_disability=True))
    assert (score.computed_category, score.category) == (1, 3)
    physical_only = score_seraf(ticks(), ESC, SerafChildFacts(age=15, physical_disability=True))
    assert physical_only.category == 1


def test_disclosure_raises_to_highest_band() -> None:
    facts = SerafChildFacts(age=12, sexual_exploitation_disclosed=True)
    score = score_seraf(ticks(v=1), ESC, facts)
    assert (score.computed_category, score.category) == (1, 4)
    assert len(score.escalations_applied) == 2  # under 13 first, then the disclosure
    assert score.category_label == "Category 4: significant"


def test_escalation_never_lowers() -> None:
    score = score_seraf(ticks(v=6, recent=2), ESC, SerafChildFacts(age=12))
    assert (score.computed_category, score.category) == (4, 4)
    assert score.escalations_applied == []
    assert any("already at or above" in line for line in score.working)


def test_escalations_without_facts_are_reported_unchecked() -> None:
    score = score_seraf(ticks(v=1), ESC)
    assert score.category == 1
    assert any("not checked" in line for line in score.working)
