"""Round 2 recall cases for CCE, trafficking and SERAF significant indicators.

Fresh sentences written for each pattern family (not copied from any evaluation note):
positives must be suggested as present; negatives (other meanings of the same words)
must not be. All people and places are fictional or generic.
"""

from __future__ import annotations

import pytest
from nlp_support import check_case

CASES: list[tuple[str, str, str]] = [
    (
        "YP said he has been going cunch most weekends with a lad from Lockleaze.",
        "cce.county_lines_travel",
        "present",
    ),
    (
        "He got sent up to Shrewsbury on the train with a bag and a burner.",
        "cce.county_lines_travel",
        "present",
    ),
    (
        "Olders paid for his coach ticket to Exeter and told him to wait at the station.",
        "cce.county_lines_travel",
        "present",
    ),
    (
        "Police say he is on the Taunton line and was arrested there last week.",
        "cce.county_lines_travel",
        "present",
    ),
    (
        "He was stopped by BTP at Swindon station with 12 wraps and two phones.",
        "cce.county_lines_travel",
        "present",
    ),
    (
        "Hes been going OT for a youngers line, says its 'easy money'.",
        "cce.county_lines_travel",
        "present",
    ),
    ("Was found 80 miles from home in a flat in Torquay.", "cce.county_lines_travel", "present"),
    ("He stood on the finish line at sports day and cheered.", "cce.county_lines_travel", "absent"),
    ("She got a taxi home from her nans on Sunday.", "cce.county_lines_travel", "absent"),
    (
        "He took the train to Cardiff with his dad to watch the rugby.",
        "cce.county_lines_travel",
        "absent",
    ),
    (
        "He admits he shifts food for the olders round Knowle.",
        "cce.holding_or_selling_drugs",
        "present",
    ),
    (
        "YP states he was asked to mind a package for a lad called Dizzy.",
        "cce.holding_or_selling_drugs",
        "present",
    ),
    ("Hes been shotting weed at school to year 9s.", "cce.holding_or_selling_drugs", "present"),
    (
        "He was caught with 20 wraps of white in his boxers.",
        "cce.holding_or_selling_drugs",
        "present",
    ),
    ("He sells trainers on Vinted for pocket money.", "cce.holding_or_selling_drugs", "absent"),
    (
        "The olders gave him a knife to hold for the weekend.",
        "cce.holding_or_selling_drugs",
        "absent",
    ),
    (
        "They used a vulnerable mans flat to bag up and sell from.",
        "cce.trap_house_or_cuckooing",
        "present",
    ),
    (
        "He was staying at a nittys flat in Hartcliffe for two nights.",
        "cce.trap_house_or_cuckooing",
        "present",
    ),
    (
        "He was staying in a flat the olders had taken over.",
        "cce.trap_house_or_cuckooing",
        "present",
    ),
    ("He used his mums house to revise for his exams.", "cce.trap_house_or_cuckooing", "absent"),
    ("They made her box the package before the train.", "cce.internal_concealment", "present"),
    ("He had to plug the wraps before they got in the car.", "cce.internal_concealment", "present"),
    ("He plugged his phone in to charge.", "cce.internal_concealment", "absent"),
    ("He goes to boxing at the club on Tuesdays.", "cce.internal_concealment", "absent"),
    ("He keeps a machete under his bed 'just in case'.", "cce.weapons", "present"),
    ("He sleeps with a bat next to his bed since the opps came round.", "cce.weapons", "present"),
    (
        "He was carrying a blade in his waistband when police searched him.",
        "cce.weapons",
        "present",
    ),
    ("He plays cricket and has a new bat.", "cce.weapons", "absent"),
    (
        "They told him if he doesnt pay up they'll come for his little brother.",
        "cce.threats_to_child_or_family",
        "present",
    ),
    (
        "If she dont answer the phone they said theyll 'see her'.",
        "cce.threats_to_child_or_family",
        "present",
    ),
    ("He says they know where his nan lives.", "cce.threats_to_child_or_family", "present"),
    (
        "The olders said they would 'wet' him if he talks to feds.",
        "cce.threats_to_child_or_family",
        "present",
    ),
    (
        "The boys said they'd post her nudes on snap if she didnt link them.",
        "cce.threats_to_child_or_family",
        "present",
    ),
    (
        "Mum says if he doesnt go to school hes grounded.",
        "cce.threats_to_child_or_family",
        "absent",
    ),
    (
        "Her dad used to hit her mum when she was little.",
        "cce.threats_to_child_or_family",
        "absent",
    ),
    ("He says he rolls with the mandem from St Pauls.", "cce.gang_association", "present"),
    ("He has beef with opps from Southmead.", "cce.gang_association", "present"),
    ("He got robbed for the pack and now he owes the line £600.", "cce.drug_debt", "present"),
    ("He has to work off what he owes them.", "cce.drug_debt", "present"),
    (
        "He was moved round different trap houses in Reading and Slough.",
        "trafficking.moved_between_places",
        "present",
    ),
    (
        "She was ferried about between hotels by a man called Jay.",
        "trafficking.moved_between_places",
        "present",
    ),
    (
        "They drove her between Airbnbs in Cardiff and Newport.",
        "trafficking.moved_between_places",
        "present",
    ),
    (
        "She was taken to Leeds in a black Golf by two older men.",
        "trafficking.moved_between_places",
        "present",
    ),
    ("Her family moved house twice last year.", "trafficking.moved_between_places", "absent"),
    (
        "The man who brought him here took his passport and his phone.",
        "trafficking.documents_held_by_others",
        "present",
    ),
    (
        "His olders keep his bank card 'for safe keeping'.",
        "trafficking.documents_held_by_others",
        "present",
    ),
    (
        "She has her own passport and keeps it in her drawer.",
        "trafficking.documents_held_by_others",
        "absent",
    ),
    ("He was made to work at a car wash for no money.", "trafficking.forced_work", "present"),
    (
        "He looked after the plants in a grow house in Swindon.",
        "trafficking.forced_work",
        "present",
    ),
    ("He gets food for free at the youth club.", "trafficking.forced_work", "absent"),
    (
        "He was kept in a flat in Swansea for a week and couldnt leave.",
        "trafficking.restricted_movement",
        "present",
    ),
    (
        "The man dont let no one leave the house till everything is sold.",
        "trafficking.restricted_movement",
        "present",
    ),
    (
        "She isnt allowed her own phone, they give her one.",
        "trafficking.restricted_movement",
        "present",
    ),
    ("She has never been with those boys, she says.", "trafficking.restricted_movement", "absent"),
    (
        "Men come to the flat and she gets to keep some of the money.",
        "trafficking.sexual_exploitation_for_gain",
        "present",
    ),
    (
        "The boys were pimping her out to men at parties.",
        "trafficking.sexual_exploitation_for_gain",
        "present",
    ),
    (
        "She was found at a Travelodge near the M5 by police.",
        "seraf.sig.missing_periods",
        "present",
    ),
    ("They walked around Weston til morning.", "seraf.sig.missing_periods", "present"),
    (
        "He stayed at a mates Fri and Sat and didnt tell carers.",
        "seraf.sig.missing_periods",
        "present",
    ),
    ("He was in a trap in Yeovil for three days.", "seraf.sig.missing_periods", "present"),
    ("She was excluded from school for three days.", "seraf.sig.missing_periods", "absent"),
    (
        "Her boyfriend (24) picks her up from school.",
        "seraf.sig.older_partner_or_controlling_adult",
        "present",
    ),
    (
        "She is seeing a man who looks after her and buys her stuff.",
        "seraf.sig.older_partner_or_controlling_adult",
        "present",
    ),
    (
        "He went OT with an older lad from the estate.",
        "seraf.sig.older_partner_or_controlling_adult",
        "absent",
    ),
    (
        "Her older brother looked after her when mum was in hospital.",
        "seraf.sig.older_partner_or_controlling_adult",
        "absent",
    ),
    (
        "Her boyfriend goes mad if she doesnt reply straight away.",
        "seraf.sig.emotional_abuse_by_controlling_adult",
        "present",
    ),
    (
        "Her bf calls her a slag in front of his mates.",
        "seraf.sig.emotional_abuse_by_controlling_adult",
        "present",
    ),
    (
        "Mum wont let her see her dad at the weekends.",
        "seraf.sig.emotional_abuse_by_controlling_adult",
        "absent",
    ),
    (
        "He got beaten up for losing the pack.",
        "seraf.sig.physical_abuse_by_controlling_adult",
        "present",
    ),
    (
        "He has a stab wound on his thigh and wont say how.",
        "seraf.sig.physical_abuse_by_controlling_adult",
        "present",
    ),
    (
        "He got hit by a car when he was 7.",
        "seraf.sig.physical_abuse_by_controlling_adult",
        "absent",
    ),
    (
        "He had a cut on his hand from cooking.",
        "seraf.sig.physical_abuse_by_controlling_adult",
        "absent",
    ),
    ("She gets £100 a drop, she says.", "seraf.sig.unexplained_money_or_items", "present"),
    (
        "When police stopped him he had £450 in his sock.",
        "seraf.sig.unexplained_money_or_items",
        "present",
    ),
    (
        "He was picked up by two older lads in a white Transit.",
        "seraf.sig.vehicles_unknown_adults",
        "present",
    ),
    ("Her mate Chloe links older men for money and weed.", "seraf.sig.peers_exploited", "present"),
    ("Her friend goes missing with men in a silver Audi.", "seraf.sig.peers_exploited", "present"),
    (
        "She hangs about at the seafront arcades where men pick up young girls.",
        "seraf.sig.areas_known_for_exploitation",
        "present",
    ),
    (
        "She goes to the park where the older men hang about.",
        "seraf.sig.areas_known_for_exploitation",
        "present",
    ),
    (
        "He hangs out at the skatepark where the lads hang about.",
        "seraf.sig.areas_known_for_exploitation",
        "absent",
    ),
    (
        "She told police he raped her, then said she was chatting rubbish.",
        "seraf.sig.disclosure_withdrawn",
        "present",
    ),
    (
        "She now says nothing happened and wants it all dropped.",
        "seraf.sig.disclosure_withdrawn",
        "present",
    ),
    ("She doesnt want to press charges any more.", "seraf.sig.disclosure_withdrawn", "present"),
    (
        "The girls were chatting rubbish about her at school.",
        "seraf.sig.disclosure_withdrawn",
        "absent",
    ),
]


@pytest.mark.parametrize(("text", "indicator", "expect"), CASES)
def test_round2_cce_trafficking_sig(text: str, indicator: str, expect: str) -> None:
    check_case(text, indicator, expect)
