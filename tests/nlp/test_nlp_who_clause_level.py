"""Who, and whether, at clause level (issue 11, point 2): examples in the who17 helper's own
wording, at least three a family, named by behaviour. Each case is (text, indicator, expected
assertion); a trap (negated, hypothetical, other person) must never also be suggested as present.
The families are written as word classes (data/en/macros.json: REPORTER, REPORTERPRE, STANCE,
STANCEFILL) and clause-level rules (data/en/context_rules.json, data/en/subjects.json), not as
these sentences."""

from __future__ import annotations

import pytest
from nlp_support import check_case

SOMEONE_ELSES_ACT_IS_NOT_THE_CHILDS = [
    (
        "A friend of hers was arrested for shoplifting in town that night.",
        "episode.offending_while_missing",
        "other_person",
    ),
    (
        "A friend of his, Marley, sleeps in the bus shelter most nights.",
        "episode.slept_rough",
        "other_person",
    ),
    (
        "One of the other residents self-harms most weeks.",
        "seraf.mod.expressions_of_despair",
        "other_person",
    ),
    ("Some of the older lads she knocks about with carry knives.", "cce.weapons", "other_person"),
    (
        "A 15-year-old boy from the estate was stabbed last month.",
        "episode.hurt_or_harmed",
        "other_person",
    ),
    (
        "The other young person at the placement has been going missing overnight.",
        "seraf.sig.missing_periods",
        "other_person",
    ),
    (
        "Two boys in his class have been selling weed at school.",
        "cce.holding_or_selling_drugs",
        "other_person",
    ),
    ("Her cousin's boyfriend was stabbed in the summer.", "episode.hurt_or_harmed", "other_person"),
    (
        "A number of girls at the school have been getting lifts from older men.",
        "seraf.sig.vehicles_unknown_adults",
        "other_person",
    ),
    ("Her mates stay out all night at parties.", "seraf.sig.missing_periods", "other_person"),
    (
        "He says his friends go missing for days at a time.",
        "seraf.sig.missing_periods",
        "other_person",
    ),
    (
        "She said her mate Kelly-Ann has been going missing overnight.",
        "seraf.sig.missing_periods",
        "other_person",
    ),
    (
        "The boy he ran off with was arrested for burglary.",
        "episode.offending_while_missing",
        "other_person",
    ),
    (
        "Her older sister was found sleeping rough in Bristol.",
        "episode.slept_rough",
        "other_person",
    ),
    ("A peer of his has been going country to Norwich.", "cce.county_lines_travel", "other_person"),
    ("His associate Tyrell was caught with a zombie knife.", "cce.weapons", "other_person"),
]


@pytest.mark.parametrize(("text", "indicator", "expect"), SOMEONE_ELSES_ACT_IS_NOT_THE_CHILDS)
def test_someone_elses_act_is_not_the_childs(text: str, indicator: str, expect: str) -> None:
    """Another young person's act ('One of the other residents self-harms', 'A 15-year-old boy
    from the estate was stabbed', 'His associate Tyrell was caught with a zombie knife'): the
    subject of the clause, found by its head word after any determiners, numbers and
    adjectives, is someone else."""
    check_case(text, indicator, expect)


WHAT_OTHERS_DO_TO_THE_CHILD_STAYS_THE_CHILDS = [
    (
        "A man she met online gave her vodka and took her to a hotel.",
        "seraf.mod.alcohol_misuse",
        "present",
    ),
    (
        "Her friend's older brother hit her across the face.",
        "seraf.sig.physical_abuse_by_controlling_adult",
        "present",
    ),
    (
        "She was driven to Swindon by a man she calls Uncle Bez.",
        "trafficking.moved_between_places",
        "present",
    ),
    ("The older boys made him hold drugs in his coat.", "cce.holding_or_selling_drugs", "present"),
    (
        "Another girl introduced her to a man who gave her money for sex.",
        "trafficking.sexual_exploitation_for_gain",
        "present",
    ),
    ("The police found him in a trap house in Ipswich.", "cce.trap_house_or_cuckooing", "present"),
]


@pytest.mark.parametrize(
    ("text", "indicator", "expect"), WHAT_OTHERS_DO_TO_THE_CHILD_STAYS_THE_CHILDS
)
def test_what_others_do_to_the_child_stays_the_childs(
    text: str, indicator: str, expect: str
) -> None:
    """Things done to the child by others stay the child's ('A man she met online gave her
    vodka', 'Her friend's older brother hit her')."""
    check_case(text, indicator, expect)


AN_ADULTS_WORRY_BELIEF_OR_INTELLIGENCE_IS_A_POSSIBILITY = [
    ("His youth worker has a feeling he is carrying a knife.", "cce.weapons", "hypothetical"),
    (
        "The foster carer wonders whether she is being given drugs.",
        "seraf.mod.drugs_misuse",
        "hypothetical",
    ),
    ("Staff are anxious that she has been sleeping rough.", "episode.slept_rough", "hypothetical"),
    (
        "Mum is really worried she is being groomed by a man online.",
        "pull.grooming_or_coercion",
        "hypothetical",
    ),
    (
        "Police have intelligence that he is dealing in the town centre.",
        "cce.holding_or_selling_drugs",
        "hypothetical",
    ),
    (
        "Her aunt is convinced she has an older boyfriend.",
        "seraf.sig.older_partner_or_controlling_adult",
        "hypothetical",
    ),
    ("The school has concerns he is carrying a blade.", "cce.weapons", "hypothetical"),
    (
        "Professionals suspect he is being exploited by a county line.",
        "cce.county_lines_travel",
        "hypothetical",
    ),
    (
        "The social worker's view is that she is being sexually exploited.",
        "trafficking.sexual_exploitation_for_gain",
        "hypothetical",
    ),
    (
        "Concerns were raised by school that he may be dealing.",
        "cce.holding_or_selling_drugs",
        "hypothetical",
    ),
    (
        "Police received information that she was seen getting into cars with older men.",
        "seraf.sig.vehicles_unknown_adults",
        "hypothetical",
    ),
    (
        "It was reported to police that he had a knife, but none was found.",
        "cce.weapons",
        "negated",
    ),
    (
        "Carers are frightened she is self-harming.",
        "seraf.mod.expressions_of_despair",
        "hypothetical",
    ),
    (
        "Nan has heard that she is seeing a much older man.",
        "seraf.sig.older_partner_or_controlling_adult",
        "hypothetical",
    ),
    (
        "There is a suspicion that he has been hiding drugs inside himself.",
        "cce.internal_concealment",
        "hypothetical",
    ),
    (
        "Mum suspects that her daughter is being passed between men for money.",
        "trafficking.sexual_exploitation_for_gain",
        "hypothetical",
    ),
    (
        "Unconfirmed reports suggest he has been staying in a trap house.",
        "cce.trap_house_or_cuckooing",
        "hypothetical",
    ),
]


@pytest.mark.parametrize(
    ("text", "indicator", "expect"), AN_ADULTS_WORRY_BELIEF_OR_INTELLIGENCE_IS_A_POSSIBILITY
)
def test_an_adults_worry_belief_or_intelligence_is_a_possibility(
    text: str, indicator: str, expect: str
) -> None:
    """An adult's or agency's stance, whatever words stand between subject and stance ('Mum is
    really worried', 'His youth worker has a feeling', 'Police have intelligence that', 'Dad's
    main worry is that'): a possibility to explore."""
    check_case(text, indicator, expect)


A_POSSIBILITY_PLAN_OR_CONDITION_IS_NOT_A_FINDING = [
    (
        "Work will focus on preventing her from going missing overnight.",
        "seraf.sig.missing_periods",
        "hypothetical",
    ),
    ("The aim is to stop him carrying a knife.", "cce.weapons", "hypothetical"),
    (
        "She might be sleeping rough if she is moved out of area.",
        "episode.slept_rough",
        "hypothetical",
    ),
    (
        "He is at risk of being drawn into selling drugs.",
        "cce.holding_or_selling_drugs",
        "hypothetical",
    ),
    ("It's possible she was hurt while she was away.", "episode.hurt_or_harmed", "hypothetical"),
    (
        "There is a chance he was given a phone by the group.",
        "seraf.mod.mobile_phone_concern",
        "hypothetical",
    ),
    (
        "Should she go missing again, police will check the flat in Gorton.",
        "seraf.sig.missing_periods",
        "hypothetical",
    ),
    (
        "To reduce the risk of her getting into cars with strangers, a taxi is booked.",
        "seraf.sig.vehicles_unknown_adults",
        "hypothetical",
    ),
    ("She may have been assaulted but cannot remember.", "episode.hurt_or_harmed", "hypothetical"),
]


@pytest.mark.parametrize(
    ("text", "indicator", "expect"), A_POSSIBILITY_PLAN_OR_CONDITION_IS_NOT_A_FINDING
)
def test_a_possibility_plan_or_condition_is_not_a_finding(
    text: str, indicator: str, expect: str
) -> None:
    """Possibilities, chances, plans to prevent and inverted conditions ('there is a chance',
    'the aim is to stop him', 'Should she go missing again')."""
    check_case(text, indicator, expect)


NEGATION_AND_DENIAL_IN_THEIR_FORMS = [
    ("There was no indication she had been harmed.", "episode.hurt_or_harmed", "negated"),
    ("No sign of him having been hurt.", "episode.hurt_or_harmed", "negated"),
    (
        "There's nothing to suggest she stayed with adults she didn't know.",
        "episode.stayed_with_unknown_adults",
        "negated",
    ),
    ("He has at no point carried a knife, he says.", "cce.weapons", "negated"),
    (
        "Not once has she got into a car with a stranger.",
        "seraf.sig.vehicles_unknown_adults",
        "negated",
    ),
    ("No injuries were noted on her return.", "episode.hurt_or_harmed", "negated"),
    (
        "She was never out overnight, she came home each evening.",
        "seraf.sig.missing_periods",
        "negated",
    ),
    (
        "He said it's rubbish that he's been selling drugs.",
        "cce.holding_or_selling_drugs",
        "negated",
    ),
    (
        "She laughed off the idea that she has an older boyfriend.",
        "seraf.sig.older_partner_or_controlling_adult",
        "negated",
    ),
    ("Asked about knives - not that he knows of.", "cce.weapons", "negated"),
    ("Denies being with friends, says she was alone.", "pull.friends_or_partner", "negated"),
    ("Staff think she was drinking. She says she wasn't.", "seraf.mod.alcohol_misuse", "negated"),
]


@pytest.mark.parametrize(("text", "indicator", "expect"), NEGATION_AND_DENIAL_IN_THEIR_FORMS)
def test_negation_and_denial_in_their_forms(text: str, indicator: str, expect: str) -> None:
    """Negation in its forms and scopes ('no indication', 'at no point', 'laughed off the idea
    that', 'it's rubbish that', a short denial in the next sentence)."""
    check_case(text, indicator, expect)


THE_CHILDS_OWN_FINDING_BESIDE_A_NEGATION_OR_ANOTHER_PERSON = [
    ("She didn't want to go home so she slept in the park.", "episode.slept_rough", "present"),
    (
        "She never told anyone, but she has been staying at her boyfriend's most nights.",
        "pull.friends_or_partner",
        "present",
    ),
    (
        "Nobody picked her up, so she stayed out all night with her mates.",
        "seraf.sig.missing_periods",
        "present",
    ),
    (
        "Not wanting to go home, he stayed overnight at a friend's.",
        "seraf.sig.missing_periods",
        "present",
    ),
    (
        "She says no one hurt her, but she came back with money she can't explain.",
        "seraf.sig.unexplained_money_or_items",
        "present",
    ),
    ("Mum is worried because she came home at 4am drunk.", "seraf.mod.alcohol_misuse", "present"),
    (
        "Police said she was found in a car with two adult men she did not know.",
        "seraf.sig.vehicles_unknown_adults",
        "present",
    ),
]


@pytest.mark.parametrize(
    ("text", "indicator", "expect"), THE_CHILDS_OWN_FINDING_BESIDE_A_NEGATION_OR_ANOTHER_PERSON
)
def test_the_childs_own_finding_beside_a_negation_or_another_person(
    text: str, indicator: str, expect: str
) -> None:
    """Near-misses that must still be found: the child's own finding with a negation or another
    person elsewhere in the sentence."""
    check_case(text, indicator, expect)


THE_CHILD_AS_THE_ONE_WHO_HARMS = [
    ("He punched a boy at the bus stop and was arrested.", "episode.hurt_or_harmed", "absent"),
    (
        "He then stabbed another lad in the leg during the fight.",
        "episode.hurt_or_harmed",
        "absent",
    ),
    (
        "She assaulted a member of staff when she was brought back.",
        "episode.hurt_or_harmed",
        "absent",
    ),
    # near-misses: what is done to the child stays hers or his
    ("A boy punched him at the bus stop.", "episode.hurt_or_harmed", "present"),
    ("He said he has been hit before by the olders.", "episode.hurt_or_harmed", "present"),
    ("She got beaten up by two girls while she was away.", "episode.hurt_or_harmed", "present"),
]


@pytest.mark.parametrize(("text", "indicator", "expect"), THE_CHILD_AS_THE_ONE_WHO_HARMS)
def test_the_child_as_the_one_who_harms_is_not_hurt(text: str, indicator: str, expect: str) -> None:
    """The child as the subject of an active harm verb ('He punched a boy'): the one hurt is
    someone else; a passive or the child as object ('he has been hit', 'punched him') is the
    child's."""
    check_case(text, indicator, expect)


ADULTS_OFFENCES_AND_HEARSAY = [
    (
        "The men at the flat were later charged with supplying.",
        "episode.offending_while_missing",
        "absent",
    ),
    ("Police arrested the driver for possession.", "episode.offending_while_missing", "absent"),
    (
        "The older lads stole a car and drove them to Margate.",
        "episode.offending_while_missing",
        "absent",
    ),
    (
        "She was believed to be staying with older men.",
        "episode.stayed_with_unknown_adults",
        "hypothetical",
    ),
    (
        "He was suspected of shoplifting while missing.",
        "episode.offending_while_missing",
        "hypothetical",
    ),
    (
        "The claim that he was robbed could not be confirmed.",
        "episode.hurt_or_harmed",
        "hypothetical",
    ),
    (
        "He is said to be dealing for a group from Leeds.",
        "cce.holding_or_selling_drugs",
        "hypothetical",
    ),
    # near-miss: what the adults make the child do is the child's
    ("The men made him steal from the shop.", "episode.offending_while_missing", "present"),
]


@pytest.mark.parametrize(("text", "indicator", "expect"), ADULTS_OFFENCES_AND_HEARSAY)
def test_adults_offences_and_hearsay_are_not_the_childs(
    text: str, indicator: str, expect: str
) -> None:
    """Adults as the subject of an offence, a passive belief ('was believed to be', 'is said to
    be') and an account not confirmed are not the child's finding."""
    check_case(text, indicator, expect)


@pytest.mark.parametrize(
    "text",
    [
        "Another young person in the home was taken to London by older males.",
        "One of the other residents was moved between flats in Leeds by a gang.",
        "A girl from the unit has been trafficked to Birmingham.",
    ],
)
def test_a_person_subject_before_the_finding_is_not_spelt_by_it(text: str) -> None:
    """A subject named by a person noun ("another young person") that ends before the
    finding is someone else, even when one of its words is also a word of the finding's
    patterns ("another", as in "taken to another town")."""
    check_case(text, "trafficking.moved_between_places", "other_person")


VIEWS_HELD_AND_ANAPHORIC_DENIALS = [
    (
        "School staff were of the view that he was being groomed by older peers.",
        "pull.grooming_or_coercion",
        "hypothetical",
    ),
    (
        "Mum has her suspicions that he is holding drugs for the older boys.",
        "cce.holding_or_selling_drugs",
        "hypothetical",
    ),
    (
        "Police are under the impression that she is seeing a man of 30.",
        "seraf.sig.older_partner_or_controlling_adult",
        "hypothetical",
    ),
    ("Staff saw him with a knife. He denied having one.", "cce.weapons", "negated"),
    (
        "Carers found a wrap of cocaine in her bag. She denied it was hers.",
        "cce.holding_or_selling_drugs",
        "negated",
    ),
    # near-misses: not seen for a time is being missing; a denial of 'anything' keeps its own
    # scope, not the sentence before
    (
        "He was not seen by anyone for three days, and came back with a black eye.",
        "seraf.sig.missing_periods",
        "present",
    ),
    (
        "Not seen by anyone for two days, he turned up at school with a black eye.",
        "seraf.sig.missing_periods",
        "present",
    ),
    (
        "Police found her in a flat with two men in their 30s. She denies taking anything.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
]


@pytest.mark.parametrize(("text", "indicator", "expect"), VIEWS_HELD_AND_ANAPHORIC_DENIALS)
def test_views_held_and_denials_of_what_the_sentence_before_said(
    text: str, indicator: str, expect: str
) -> None:
    """A view or suspicion held ('were of the view that', 'has her suspicions that') is a
    possibility; 'He denied having one.' denies what the sentence before said; 'not seen for
    three days' is no denial of being missing."""
    check_case(text, indicator, expect)


APPOSITIONS_AND_NAMED_POSSESSORS = [
    (
        "The lad she was with, Reece, got beaten up outside the chippy.",
        "episode.hurt_or_harmed",
        "other_person",
    ),
    (
        "Jess's boyfriend Dean, 24, has been dealing from his car.",
        "cce.holding_or_selling_drugs",
        "other_person",
    ),
    (
        "Her mate Shanice, also 15, was arrested for shoplifting in Bath.",
        "episode.offending_while_missing",
        "other_person",
    ),
    # near-misses: a new speaker after the aside, and what the named adult does to the child
    ("Her friend, Kelly, said she was raped at the party.", "seraf.vuln.sexual_abuse", "present"),
    ("Jess's boyfriend Dean gave her weed.", "seraf.mod.drugs_misuse", "present"),
]


@pytest.mark.parametrize(("text", "indicator", "expect"), APPOSITIONS_AND_NAMED_POSSESSORS)
def test_an_aside_after_a_person_keeps_the_subject(text: str, indicator: str, expect: str) -> None:
    """A short aside after a person (", Reece,", ", 24,", ", also 15,") does not end the
    subject's clause, and a named possessor ("Jess's boyfriend Dean") starts the subject."""
    check_case(text, indicator, expect)


WHEN_OTHERS_ACT_ON_THE_GROUP = [
    (
        "Her friend was with her when the men gave them cannabis.",
        "seraf.mod.drugs_misuse",
        "present",
    ),
    (
        "His mate was there too, while some lads from Luton made him hold the bag.",
        "cce.holding_or_selling_drugs",
        "present",
    ),
    (
        "Her cousin came along until the older boys gave her vodka in the park.",
        "seraf.mod.alcohol_misuse",
        "present",
    ),
    # near-miss: a friend's own clause, with the place where it happens, stays the friend's
    (
        "Her friend Leanne goes to a flat where men give the girls cider for sex.",
        "seraf.mod.alcohol_misuse",
        "other_person",
    ),
]


@pytest.mark.parametrize(("text", "indicator", "expect"), WHEN_OTHERS_ACT_ON_THE_GROUP)
def test_a_time_clause_with_its_own_subject_ends_a_friends_clause(
    text: str, indicator: str, expect: str
) -> None:
    """'when', 'while' or 'until' followed by a new subject ('when the men ...') starts a
    clause of its own: a friend at the start of the sentence is not its subject."""
    check_case(text, indicator, expect)


WHAT_NOBODY_NOTICED = [
    (
        "No one realised she had been taken to hotels in Birmingham by the group.",
        "trafficking.moved_between_places",
        "present",
    ),
    (
        "Nobody noticed that he was coming home with new trainers and cash.",
        "seraf.sig.unexplained_money_or_items",
        "present",
    ),
    (
        "Professionals did not recognise that she was being sexually exploited by the men.",
        "trafficking.sexual_exploitation_for_gain",
        "present",
    ),
    (
        "Staff never clocked that she was getting into cars with older men after school.",
        "seraf.sig.vehicles_unknown_adults",
        "present",
    ),
    # near-misses: a negation of the finding itself still denies it
    ("There was no evidence he had been sleeping rough.", "episode.slept_rough", "negated"),
    (
        "Police said there was nothing to indicate she had been assaulted.",
        "seraf.vuln.sexual_abuse",
        "absent",
    ),
]


@pytest.mark.parametrize(("text", "indicator", "expect"), WHAT_NOBODY_NOTICED)
def test_what_nobody_noticed_still_happened(text: str, indicator: str, expect: str) -> None:
    """Review-style notes say what professionals failed to see ('No one realised', 'did not
    recognise that', 'never clocked that'): the negation is of the noticing, so the finding
    stays the child's."""
    check_case(text, indicator, expect)


REPORTS_COMPANY_QUOTES_AND_ASIDES = [
    # what an adult finds or sees is a report of the child's finding
    (
        "Carers would often find cash and new trainers in his room.",
        "seraf.sig.unexplained_money_or_items",
        "present",
    ),
    (
        "Staff have often seen him get into cars with older men at night.",
        "seraf.sig.vehicles_unknown_adults",
        "present",
    ),
    # the child named together with others
    (
        "He and a mate stayed two nights with some older lads they met in Swindon.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "A man in a van gave her and her friend Abbie a lift to Taunton.",
        "seraf.sig.vehicles_unknown_adults",
        "present",
    ),
    # an adult's 'no' is not the child's answer
    (
        "She ran because she wanted to stay out with her mates and her carer said no.",
        "pull.friends_or_partner",
        "present",
    ),
    # a quote, an aside in brackets or a confirmation ends a negation or a doubt
    (
        "He said 'no one tells me what to do' and was out all night on Friday.",
        "seraf.sig.missing_periods",
        "present",
    ),
    (
        "She went with an older man (not known to the family) who drove her to Exeter.",
        "seraf.sig.vehicles_unknown_adults",
        "present",
    ),
    (
        "She was worried she might be pregnant and the clinic later confirmed she is.",
        "push.pregnancy",
        "present",
    ),
    # the note's child as 'young person' is no one else
    (
        "Young person disclosed that she had to hide drugs inside herself on the train.",
        "cce.internal_concealment",
        "present",
    ),
    # near-misses: the child's own 'no' to a question still denies
    (
        "Asked whether she had been with her friends, she said no.",
        "pull.friends_or_partner",
        "negated",
    ),
    ("Mum found a knife in his bag. He denied it was his.", "cce.weapons", "negated"),
]


@pytest.mark.parametrize(("text", "indicator", "expect"), REPORTS_COMPANY_QUOTES_AND_ASIDES)
def test_reports_company_quotes_and_asides(text: str, indicator: str, expect: str) -> None:
    """An adult's finding of the child's things is a report, the child named with others is in
    the finding, an adult's 'no' is not the child's, and a closing quote, an aside in
    brackets or a later confirmation ends a negation or a doubt."""
    check_case(text, indicator, expect)


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Her boyfriend has never hit her properly, just grabbed her arm.", "present"),
        ("Her boyfriend hasn't hit her that hard, she says, only slapped her.", "present"),
        # near-miss: without the minimiser the denial stands
        ("Her boyfriend has never hit her.", "negated"),
    ],
)
def test_a_minimised_harm_is_still_harm(text: str, expect: str) -> None:
    """'never hit her properly', 'hasn't hit her that hard': the negation is of the degree,
    and what is minimised happened."""
    check_case(text, "seraf.sig.physical_abuse_by_controlling_adult", expect)


CHILD_AS_OBJECT_BEFORE_THE_FINDING = [
    (
        "Her uncle arranged for her to work ten-hour days at a car wash for no pay.",
        "trafficking.forced_work",
        "present",
    ),
    (
        "His cousin got him to hold a bag of weed in his locker.",
        "cce.holding_or_selling_drugs",
        "present",
    ),
    # near-misses: a reflexive is the subject's own, and another child's object is not her
    (
        "Her sister cuts herself when she is upset.",
        "seraf.mod.expressions_of_despair",
        "other_person",
    ),
    (
        "Her brother's mate was stabbed when someone jumped him in town.",
        "episode.hurt_or_harmed",
        "other_person",
    ),
]


@pytest.mark.parametrize(("text", "indicator", "expect"), CHILD_AS_OBJECT_BEFORE_THE_FINDING)
def test_the_child_as_object_between_subject_and_finding(
    text: str, indicator: str, expect: str
) -> None:
    """The child as the object of another's act between that person and the finding ('Her
    uncle arranged for her to work ...'): the finding is done to the child. 'him' in a note
    about a girl, and a reflexive, are someone else's."""
    check_case(text, indicator, expect)
