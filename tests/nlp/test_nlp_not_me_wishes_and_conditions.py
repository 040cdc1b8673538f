"""Assertions in whole notes: "wasn't me, it was ...", wishes and conditions, and the
counter-examples that stay the child's. Fresh sentences, not taken from the evaluation sets."""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import analyse


def assertion_of(text: str, indicator: str) -> set[str]:
    return {
        s.assertion for s in analyse(text, "2026-10-20").findings if s.indicator == indicator
    }


# --- assertions: "wasn't me, it was ...", "not me though", "she's the one who" -------------
@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("'Wasn't me that got stabbed, it was my cousin' he said.", "episode.hurt_or_harmed"),
        ("He says his brother got plugged by them, not me.", "cce.internal_concealment"),
        ("'I wasn't the one sleeping rough, it was Kayden', she said.", "episode.slept_rough"),
        (
            "Her friend Mia is the one with the older boyfriend, not me.",
            "seraf.sig.older_partner_or_controlling_adult",
        ),
        (
            "Tanisha's boyfriend is 26, not mine she says.",
            "seraf.sig.older_partner_or_controlling_adult",
        ),
        (
            "Her mate has a boyfriend who is 23, not me though.",
            "seraf.sig.older_partner_or_controlling_adult",
        ),
    ],
)
def test_not_me_is_someone_else(text: str, indicator: str) -> None:
    got = assertion_of(text, indicator)
    assert got and "present" not in got, (text, got)
    assert "other_person" in got, (text, got)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("She said 'Id rather sleep on the streets than go home'.", "episode.slept_rough"),
        ("He said he'd rather sleep rough than go back.", "episode.slept_rough"),
        ("If the olders asked him to carry stuff he would.", "cce.holding_or_selling_drugs"),
    ],
)
def test_wishes_and_conditions_are_not_ticks(text: str, indicator: str) -> None:
    got = assertion_of(text, indicator)
    assert "present" not in got, (text, got)


@pytest.mark.parametrize(
    ("text", "indicator", "want"),
    [
        # counter-examples: a denial of a group is still a denial, the child's own acts tick
        ("He says it wasn't the opps and he's not in a gang.", "cce.gang_association", "negated"),
        (
            "The lads told him to carry the bag to the car.",
            "cce.holding_or_selling_drugs",
            "present",
        ),
        ("The olders made her hold drugs for them.", "cce.holding_or_selling_drugs", "present"),
    ],
)
def test_assertion_counter_examples(text: str, indicator: str, want: str) -> None:
    got = assertion_of(text, indicator)
    if got:
        assert want in got, (text, got)
