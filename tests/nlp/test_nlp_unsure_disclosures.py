"""A child unsure whether something happened to them is not a hypothetical (issue 14, point 1).

"She might have been raped but isn't sure as she was drunk" stays "hypothetical"
for the scorer, but is marked `unsure`, so the worker sees it apart, to explore.
Futures, conditionals and other people's worries stay ordinary hypotheticals.
All people here are fictional.
"""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import analyse

UNSURE = [
    (
        "She said she might have been raped but isn't sure as she was drunk.",
        "seraf.vuln.sexual_abuse",
    ),
    (
        "She thinks she was drugged at the party and woke up with no clothes on.",
        "seraf.vuln.sexual_abuse",
    ),
    ("She thinks she was drugged at the party.", "episode.hurt_or_harmed"),
    ("She can't remember if he touched her.", "seraf.vuln.sexual_abuse"),
    ("Ravi isn't sure whether the men hit him.", "episode.hurt_or_harmed"),
    ("I think I was raped by him.", "seraf.vuln.sexual_abuse"),
    ("She may have been sexually assaulted at the flat.", "seraf.vuln.sexual_abuse"),
    ("Kezia doesn't know if she was touched while she was asleep.", "episode.hurt_or_harmed"),
]

NOT_UNSURE = [
    # a future or a condition is imagined, not a doubt about the past
    ("If she goes back there she might be raped.", "seraf.vuln.sexual_abuse"),
    (
        "She is not sure if she will go back to the flat where they sell drugs.",
        "cce.holding_or_selling_drugs",
    ),
    # someone else's worry about her, not her own doubt
    ("Mum thinks she was drugged.", "episode.hurt_or_harmed"),
]


def _finding(text: str, indicator: str):
    found = [f for f in analyse(text, "2026-11-20").findings if f.indicator == indicator]
    assert found, f"{indicator} not found in {text!r}"
    return found[0]


@pytest.mark.parametrize(("text", "indicator"), UNSURE)
def test_unsure_of_a_past_event_is_marked(text: str, indicator: str) -> None:
    f = _finding(text, indicator)
    assert f.assertion == "hypothetical"  # the scorer's contract is unchanged
    assert f.unsure is True
    assert f.to_dict()["unsure"] is True


@pytest.mark.parametrize(("text", "indicator"), NOT_UNSURE)
def test_futures_conditions_and_others_worries_are_not(text: str, indicator: str) -> None:
    f = _finding(text, indicator)
    assert f.assertion == "hypothetical"
    assert f.unsure is False


def test_what_the_child_is_sure_of_stays_suggested() -> None:
    """Her being drunk is told as fact beside her doubt, and is suggested as before."""
    a = analyse("She said she might have been raped but isn't sure as she was drunk.", "2026-11-20")
    drunk = [f for f in a.findings if f.evidence == "drunk"]
    assert drunk and drunk[0].assertion == "present" and drunk[0].unsure is False
