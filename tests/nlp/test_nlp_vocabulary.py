"""Everyday, slang and misspelt wordings of the indicators (one or two per vocabulary
family added), so that a family is not lost when the lexicon is edited."""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import analyse

DATE = "2026-11-20"


def present(text: str) -> set[str]:
    return {s.indicator for s in analyse(text, DATE).findings if s.assertion == "present"}


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("She went AWOL from the unit.", "seraf.sig.missing_periods"),
        ("She was out till 4am.", "seraf.sig.missing_periods"),
        ("He was away from home for 2 nights.", "seraf.sig.missing_periods"),
        ("She didnt come home untill monday.", "seraf.sig.missing_periods"),
        ("He was gone overnight.", "seraf.sig.missing_periods"),
        ("He stayed there four nights.", "seraf.sig.missing_periods"),
        ("She came home at 7am.", "seraf.sig.missing_periods"),
        ("She breaks her curfew all the time.", "seraf.mod.staying_out_late"),
        ("She's out til 2 most nights.", "seraf.mod.staying_out_late"),
        ("He's been running for some older boys.", "cce.holding_or_selling_drugs"),
        ("He was doing deliveries for them.", "cce.holding_or_selling_drugs"),
        ("He was sorting people out with weed.", "cce.holding_or_selling_drugs"),
        ("He's got a deal line.", "cce.holding_or_selling_drugs"),
        ("She's seeing a 19 year old.", "seraf.sig.older_partner_or_controlling_adult"),
        ("She's with a 20yr old.", "seraf.sig.older_partner_or_controlling_adult"),
        (
            "She met a man online who is in his twenties.",
            "seraf.sig.older_partner_or_controlling_adult",
        ),
        ("YP smokes a lot of weed.", "seraf.mod.drugs_misuse"),
        ("She was hammered.", "seraf.mod.alcohol_misuse"),
        ("She's been skiving.", "seraf.mod.school_exclusion_or_absence"),
        ("She's on a reduced timetable.", "seraf.mod.school_exclusion_or_absence"),
        ("A man in a BMW picks her up from school.", "seraf.sig.vehicles_unknown_adults"),
        (
            "He's been getting lifts off people he doesn't know.",
            "seraf.sig.vehicles_unknown_adults",
        ),
        ("He has loadsa cash.", "seraf.sig.unexplained_money_or_items"),
        ("He had £900 in his sock.", "seraf.sig.unexplained_money_or_items"),
        ("He carrys a knfe.", "cce.weapons"),
        ("He owes a bag.", "cce.drug_debt"),
        ("He's in the Hartcliffe lot.", "cce.gang_association"),
        ("He was told he'd be hurt if he talked.", "cce.threats_to_child_or_family"),
        ("She was sent to Swindon to sell.", "cce.county_lines_travel"),
        ("They took over a vulnerable man's flat.", "cce.trap_house_or_cuckooing"),
        ("He had to hand over his passport.", "trafficking.documents_held_by_others"),
        ("She was made to shoplift for them.", "trafficking.forced_work"),
        ("She was sold to men.", "trafficking.sexual_exploitation_for_gain"),
        ("He got shanked.", "episode.hurt_or_harmed"),
        ("She stayed at some random mans house.", "episode.stayed_with_unknown_adults"),
        ("He slept in a car.", "episode.slept_rough"),
        ("Mum never shows her any love.", "seraf.vuln.emotional_neglect"),
        ("Her mum is a alcy.", "seraf.vuln.family_substance_misuse"),
        ("He says he's a waste of space.", "seraf.vuln.low_self_esteem"),
        ("She doesn't have anyone she can talk to.", "seraf.vuln.no_positive_adult"),
        ("She hates the resi.", "push.unhappy_in_placement"),
        ("They had a massive row.", "push.family_conflict"),
        ("He hears voices.", "push.mental_health"),
        ("He was lured by promises of money.", "pull.grooming_or_coercion"),
        ("He felt he had no choice.", "pull.fear_of_repercussions"),
    ],
)
def test_vocabulary_family(text: str, indicator: str) -> None:
    assert indicator in present(text)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("She stays out till 2am most nights.", "seraf.sig.missing_periods"),
        ("The strap on her bag broke.", "cce.weapons"),
        ("He threatened staff with a chair.", "cce.threats_to_child_or_family"),
        ("He punched holes in the wall.", "episode.hurt_or_harmed"),
        ("He says he's not bullied, he's the one that does the bullying.", "push.bullying"),
        ("It's possible she was given money.", "seraf.sig.unexplained_money_or_items"),
        ("She's thinking about running away.", "seraf.sig.missing_periods"),
        ("They know where his nan lives.", "pull.family_or_home_area"),
        ("His cousin's girlfriend had her passport taken.", "trafficking.documents_held_by_others"),
    ],
)
def test_no_false_tick(text: str, indicator: str) -> None:
    assert indicator not in present(text)
