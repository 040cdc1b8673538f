"""Plain and euphemistic wording found through concepts (data/en/concepts.json).

Notes written from real cases rarely use the lexicon's keywords: an adult's age is
told beside his name, gifts are "paying for her nails", sex is "being nice to his
friends", county lines is "a ticket someone else bought". Each family below adds the
variants to a concept (or a combination of concepts), so every indicator that uses
the concept gains. Fictional sentences of our own; each family has near-misses that
must stay unticked.
"""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import analyse

DATE = "2026-11-20"


def _present(text: str) -> dict[str, str]:
    found = analyse(text, DATE).findings
    return {f.indicator: f.evidence for f in found if f.assertion == "present"}


# ------------------------------------------- an adult's age told beside a partner
@pytest.mark.parametrize(
    "text",
    [
        "Jodie says her boyfriend, who is 24, picks her up after school.",
        "She told me her bf is 21 and lives on his own.",
        "Ellie calls him her man and says he's 29.",
    ],
)
def test_a_partner_whose_adult_age_is_told_is_an_older_partner(text: str) -> None:
    assert "seraf.sig.older_partner_or_controlling_adult" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jodie says her boyfriend is 15 and in her class.",
        "Her brother, who is 24, drove her to school.",
        "She has had a boyfriend for 18 months.",
    ],
)
def test_a_partner_her_own_age_or_an_adult_relative_is_not_an_older_partner(text: str) -> None:
    assert "seraf.sig.older_partner_or_controlling_adult" not in _present(text)


# ------------------------------------- gifts in plain words from an older person
@pytest.mark.parametrize(
    "text",
    [
        "A man she met online has been paying for her lashes and her taxis.",
        "Her dad's mate sent her £40 and takes her for food after school.",
        "The woman upstairs, who is 35, lets her drink at her flat and feeds her.",
    ],
)
def test_an_older_person_paying_for_things_in_plain_words_is_grooming(text: str) -> None:
    assert "pull.grooming_or_coercion" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her mum pays for her phone and takes her for food on Fridays.",
        "She bought her friend a drink with her own pocket money.",
        "A man had booked the room next door at the hotel.",
    ],
)
def test_a_parent_paying_or_the_child_buying_is_not_grooming(text: str) -> None:
    assert "pull.grooming_or_coercion" not in _present(text)


# ----------------------------- sex told by euphemism, with something in return
@pytest.mark.parametrize(
    "text",
    [
        "Nicole said she has to be nice to his cousins or she can't stay at the flat.",
        "She owed him for the weed and said she paid it back another way.",
        "They gave her £30 for her time and a lift home.",
    ],
)
def test_a_euphemism_for_sex_with_something_in_return_is_exploitation_for_gain(
    text: str,
) -> None:
    assert "trafficking.sexual_exploitation_for_gain" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her nan told her to be nice to her cousins and gave her a fiver.",
        "She said she has to be nice to the staff or she gets no phone time.",
        "He gave her a lift home because it was late.",
    ],
)
def test_being_told_to_be_polite_or_a_plain_lift_is_not_sexual_exploitation(text: str) -> None:
    assert "trafficking.sexual_exploitation_for_gain" not in _present(text)


# ------------------------------------------- a friend exploited, told by the child
@pytest.mark.parametrize(
    "text",
    [
        "Abbie said her friend Shania gets passed round at a house on the estate.",
        "Chloe's friend Nia goes to parties with older men in Bath and gets paid for it.",
        "She told me her cousin has a sugar daddy who buys her everything.",
    ],
)
def test_a_friend_passed_round_or_paid_by_older_men_is_peers_exploited(text: str) -> None:
    assert "seraf.sig.peers_exploited" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her friend Shania gets paid on Saturdays at the chip shop.",
        "A family friend sexually abused her when she was small.",
        "She went to a party at her friend's house and stayed over.",
    ],
)
def test_a_friend_with_a_job_or_an_adult_friend_of_the_family_is_not_peers_exploited(
    text: str,
) -> None:
    assert "seraf.sig.peers_exploited" not in _present(text)


# --------------------------------- county lines told by tickets, phones and cash
@pytest.mark.parametrize(
    "text",
    [
        "He had a coach ticket to Plymouth that somebody else had bought.",
        "Transport police found he was using a ticket booked by an older man.",
        "Kai says he travelled to Reading on a ticket somebody else paid for.",
    ],
)
def test_a_ticket_someone_else_paid_for_is_county_lines_travel(text: str) -> None:
    assert "cce.county_lines_travel" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Police found him staying at a flat in Yeovil with three phones on him.",
        "He came back from being driven down there with £500 in cash and two phones.",
        "They took him to Hull with a package and told him to wait at the station.",
    ],
)
def test_being_moved_or_staying_away_with_phones_cash_or_a_parcel_is_county_lines(
    text: str,
) -> None:
    assert "cce.county_lines_travel" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Back in Year 10 he was going to Weymouth with older lads and doing drops for them.",
        "He went down to Torquay with his cousin's mates and was carrying for them.",
        "She travelled to Luton with some older boys who had her holding packages.",
    ],
)
def test_going_away_with_older_people_and_drug_work_is_county_lines(text: str) -> None:
    assert "cce.county_lines_travel" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "He went to the cinema with his older brother at the weekend.",
        "She travelled to Leeds with her older sister for a concert.",
        "He goes to the gym with some older lads from college.",
    ],
)
def test_outings_with_older_siblings_or_friends_are_not_county_lines(text: str) -> None:
    assert "cce.county_lines_travel" not in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her mum bought her a new phone for her birthday.",
        "He stayed at his dad's house at the weekend and played football.",
        "Carers dropped her off at school with her packed lunch.",
    ],
)
def test_ordinary_gifts_stays_and_lifts_are_not_county_lines(text: str) -> None:
    assert "cce.county_lines_travel" not in _present(text)


# ----------------------------------------- drugs held for someone, in plain words
@pytest.mark.parametrize(
    "text",
    [
        "Leon says a man gives him £10 to mind stuff in his bedroom.",
        "Officers found wraps in his coat along with two phones.",
        "He admitted he was holding them for someone but would not say who.",
    ],
)
def test_holding_stuff_for_someone_or_wraps_with_phones_is_holding_drugs(text: str) -> None:
    assert "cce.holding_or_selling_drugs" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "She was holding her little brother's hand at the station.",
        "He has two phones because his mum gave him her old one.",
        "Her nan gives her £10 to look after the dog.",
    ],
)
def test_holding_a_hand_two_phones_or_pocket_money_are_not_holding_drugs(text: str) -> None:
    assert "cce.holding_or_selling_drugs" not in _present(text)


# -------------------------------------------- being taken to a house in a town
@pytest.mark.parametrize(
    "text",
    [
        "A man she did not know drove her to a flat in Swindon.",
        "They dropped him in a different town every morning.",
        "He was taken by two men to a house in Derby and kept there.",
    ],
)
def test_being_driven_or_dropped_at_a_flat_or_another_town_is_being_moved(text: str) -> None:
    assert "trafficking.moved_between_places" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "She walked to her friend's house after school.",
        "Her mum drove her to the dentist in town.",
        "They live in a flat above the shop.",
    ],
)
def test_walking_to_a_friends_or_a_parent_driving_her_to_an_appointment_is_not_moved(
    text: str,
) -> None:
    assert "trafficking.moved_between_places" not in _present(text)


# ------------------------------------------ time away told in passing, by its length
@pytest.mark.parametrize(
    "text",
    [
        "YP MFH 3 nts, says she was at a mate's.",
        "He stayed with some lads in Exeter for five days and then came home.",
        "She got back to the unit two days later and went straight to bed.",
    ],
)
def test_nights_or_days_away_told_in_passing_are_missing_periods(text: str) -> None:
    assert "seraf.sig.missing_periods" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "She hadn't eaten properly for two days because of a sore throat.",
        "He has been at college three days a week since September.",
        "Her mum is away for two nights with work and her aunt is staying.",
    ],
)
def test_days_not_eating_at_college_or_a_parents_trip_are_not_missing_periods(
    text: str,
) -> None:
    assert "seraf.sig.missing_periods" not in _present(text)


# -------------------------------- things from someone else, or 'found', unexplained
@pytest.mark.parametrize(
    "text",
    [
        "He buys her vapes and pays for her lashes every fortnight.",
        "She came home with £80 she says she found on the bus.",
        "Officers noted two phones and £300 in his jacket.",
    ],
)
def test_things_paid_for_by_someone_else_or_found_money_are_unexplained(text: str) -> None:
    assert "seraf.sig.unexplained_money_or_items" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "She bought her own vapes with her birthday money.",
        "Her mum pays for her nails as a treat.",
        "A man online offered to pay for her lashes but she blocked him.",
    ],
)
def test_own_money_a_parents_treat_or_an_offer_refused_are_not_unexplained(text: str) -> None:
    assert "seraf.sig.unexplained_money_or_items" not in _present(text)


# ---------------------------------------- other children named in passing
@pytest.mark.parametrize(
    "text",
    [
        "Found at the services w/ 3 other girls from the unit.",
        "She and another girl stayed at the flat until Sunday.",
        "A man drove her and her cousin to the coast.",
    ],
)
def test_other_children_named_in_passing_are_missing_with_other_children(text: str) -> None:
    assert "episode.missing_with_other_children" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Two children were present at the address with their mum.",
        "Her mum took her and her brother to the dentist.",
        "Her mum and another parent came to the meeting.",
    ],
)
def test_a_class_or_a_parent_named_beside_her_is_not_missing_with_other_children(
    text: str,
) -> None:
    assert "episode.missing_with_other_children" not in _present(text)


# ------------------------------- a home used by others or of a vulnerable host
@pytest.mark.parametrize(
    "text",
    [
        "He stayed at a flat where the lads were selling out of the kitchen.",
        "The house belongs to a man who is a crack user and lets the boys stay.",
        "They kept her in a flat with the blinds down for three days.",
    ],
)
def test_a_flat_sold_from_or_of_a_drug_using_host_is_a_trap_house(text: str) -> None:
    assert "cce.trap_house_or_cuckooing" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "She lives in a flat with her mum, who is a heroin user in recovery.",
        "His family moved in to a new house in the summer.",
        "He sells trainers online from his bedroom at home.",
    ],
)
def test_a_parents_drug_use_a_house_move_or_selling_trainers_is_not_a_trap_house(
    text: str,
) -> None:
    assert "cce.trap_house_or_cuckooing" not in _present(text)


# ------------------------------------ control by an older partner in plain words
@pytest.mark.parametrize(
    "text",
    [
        "Her boyfriend, who is 23, keeps her passport and bank card.",
        "The man she lives with decides what she wears and who she sees.",
        "Her fella makes her feel like nothing and says he'll post the pics if she leaves.",
    ],
)
def test_an_older_partner_keeping_her_papers_or_deciding_for_her_is_emotional_abuse(
    text: str,
) -> None:
    assert "seraf.sig.emotional_abuse_by_controlling_adult" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her mum keeps her passport in the kitchen drawer.",
        "She decides what she wears to school herself.",
        "Her boyfriend, who is 15, helped her choose a dress.",
    ],
)
def test_a_parent_keeping_papers_or_her_own_choices_are_not_emotional_abuse(text: str) -> None:
    assert "seraf.sig.emotional_abuse_by_controlling_adult" not in _present(text)


# ------------------------------------------------------ adults with a car or van
@pytest.mark.parametrize(
    "text",
    [
        "She has been getting into cars with older lads outside the chippy.",
        "Police stopped a van at 1am with her and three men inside.",
        "A man in his forties collects her in a silver car after school.",
    ],
)
def test_adults_with_a_car_or_van_are_vehicles_with_unknown_adults(text: str) -> None:
    assert "seraf.sig.vehicles_unknown_adults" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her uncle, who is 35, takes her to school in his van.",
        "She wants to learn to drive a car when she is older.",
        "Her mum's car broke down on the motorway.",
    ],
)
def test_a_parents_car_or_a_wish_to_drive_is_not_vehicles_with_unknown_adults(text: str) -> None:
    assert "seraf.sig.vehicles_unknown_adults" not in _present(text)


# ---------------------------------------- a named friend's home, notes' shorthand
@pytest.mark.parametrize(
    "text",
    [
        "She spent the night at her friend Kerry's and came back at lunch.",
        "He went round to his mate Dom's after the argument.",
        "YP says she was at the rec w mates till late.",
    ],
)
def test_a_named_friends_home_or_w_mates_is_friends_or_partner(text: str) -> None:
    assert "pull.friends_or_partner" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her friend Kerry's mum rang the police.",
        "She had sex w her bf and was worried she was pregnant.",
        "He fell out with his mate Dom last year.",
    ],
)
def test_a_friends_parent_calling_or_a_falling_out_is_not_friends_or_partner(text: str) -> None:
    assert "pull.friends_or_partner" not in _present(text)


# ------------------------------- running from someone at home, told in passing
@pytest.mark.parametrize(
    "text",
    [
        "She has been running off since her stepdad moved back in.",
        "He is frightened of going home while his brother is there.",
        "She goes to her nan's to get away from him most weekends.",
    ],
)
def test_avoiding_someone_at_home_is_not_safe_or_accepted(text: str) -> None:
    assert "push.not_safe_or_accepted" in _present(text)


@pytest.mark.parametrize(
    "text",
    [
        "She moved back in with her mum in the summer and is settled.",
        "He is excited about going home for Christmas.",
        "She would rather be at college than at work.",
    ],
)
def test_moving_home_happily_or_a_preference_is_not_unsafe(text: str) -> None:
    assert "push.not_safe_or_accepted" not in _present(text)
