"""Round 2 recall cases for the SERAF vulnerability and moderate-risk lexicons.

Fresh sentences written the way practitioners and young people put things (YP states,
told me, slang, text-speak, misspellings), none copied from an evaluation set. Each
indicator has positives and a few negatives with another meaning. ``absent`` means the
indicator must not be suggested as present; ``present`` means it must be. All people are
fictional.
"""

from __future__ import annotations

import pytest
from nlp_support import check_case

V = "seraf.vuln."
M = "seraf.mod."

CASES: list[tuple[str, str, str]] = [
    # --- emotional neglect ---
    ("Nobody at home asks how she is or how school went.", V + "emotional_neglect", "present"),
    ("YP says nobody ever asks how he's doing.", V + "emotional_neglect", "present"),
    ("She says mum couldnt care less what she does.", V + "emotional_neglect", "present"),
    ("He isnt allowed to eat with the rest of the family.", V + "emotional_neglect", "present"),
    ("His stepdad blanks him and wont even look at him.", V + "emotional_neglect", "present"),
    (
        "She feels unloved at home and says mum favours her brother.",
        V + "emotional_neglect",
        "present",
    ),
    ("Mum tells her she wishes she'd never had her.", V + "emotional_neglect", "present"),
    ("'no one cares about me in that house'", V + "emotional_neglect", "present"),
    ("He says his dad treats him like he doesnt exist.", V + "emotional_neglect", "present"),
    ("Nobody at home noticed she had been gone for two days.", V + "emotional_neglect", "present"),
    ("Mum is really caring and always asks how her day was.", V + "emotional_neglect", "absent"),
    ("She ignored her mum's calls all night.", V + "emotional_neglect", "absent"),
    ("Nobody asks for ID at that shop.", V + "emotional_neglect", "absent"),
    # --- physical abuse by family ---
    ("Mums new fella has hit YP twice with a belt.", V + "physical_abuse_by_family", "present"),
    (
        "Mum locks her in her room at night and slaps her if she comes in late.",
        V + "physical_abuse_by_family",
        "present",
    ),
    ("His stepdad leathered him with a belt.", V + "physical_abuse_by_family", "present"),
    (
        "YP said she gets hit at home when dad has been drinking.",
        V + "physical_abuse_by_family",
        "present",
    ),
    ("He gets battered by his older brother.", V + "physical_abuse_by_family", "present"),
    ("Her nan used to whack her with a wooden spoon.", V + "physical_abuse_by_family", "present"),
    ("Dad gave him a black eye last month.", V + "physical_abuse_by_family", "present"),
    ("Mum's bf punched the YP in the face.", V + "physical_abuse_by_family", "present"),
    ("Her mums boyfriend kicked her in the ribs.", V + "physical_abuse_by_family", "present"),
    ("Dad beats the young person with a slipper.", V + "physical_abuse_by_family", "present"),
    ("Mum has never hit him.", V + "physical_abuse_by_family", "absent"),
    ("Dad hit the car in front on the motorway.", V + "physical_abuse_by_family", "absent"),
    ("She hit her brother during the argument.", V + "physical_abuse_by_family", "absent"),
    # --- domestic abuse in the family ---
    ("Dad got locked up for what he did to her mum.", V + "family_domestic_abuse", "present"),
    ("Police were called after he threw a plate at mum.", V + "family_domestic_abuse", "present"),
    (
        "Mum's ex used to knock her about when YP was little.",
        V + "family_domestic_abuse",
        "present",
    ),
    ("Her dad used to beat up her mum.", V + "family_domestic_abuse", "present"),
    ("Mum's fella gets drunk and hits mum.", V + "family_domestic_abuse", "present"),
    (
        "Mum has been beaten by her boyfriend more than once.",
        V + "family_domestic_abuse",
        "present",
    ),
    ("There is a non-molestation order against dad.", V + "family_domestic_abuse", "present"),
    ("She and mum spent six weeks in a refuge.", V + "family_domestic_abuse", "present"),
    ("Dad assaulted mum in front of the kids.", V + "family_domestic_abuse", "present"),
    (
        "Mum and her partner are always fighting and the police have been out.",
        V + "family_domestic_abuse",
        "present",
    ),
    ("She argues with her mum a lot about chores.", V + "family_domestic_abuse", "absent"),
    ("Mum hit the roof when she found out.", V + "family_domestic_abuse", "absent"),
    # --- family substance misuse ---
    ("Mum was a heroin user when she was small.", V + "family_substance_misuse", "present"),
    ("Her mum is always off her face on something.", V + "family_substance_misuse", "present"),
    ("Dad's on methadone.", V + "family_substance_misuse", "present"),
    ("Both her parents are heavy drinkers.", V + "family_substance_misuse", "present"),
    ("He grew up with parents who drank every day.", V + "family_substance_misuse", "present"),
    ("Mum's a crack addict.", V + "family_substance_misuse", "present"),
    ("Dad's a smackhead, YP says.", V + "family_substance_misuse", "present"),
    ("Mum has been drinking heavy since the split.", V + "family_substance_misuse", "present"),
    ("Mum doesnt drink at all.", V + "family_substance_misuse", "absent"),
    ("Dad drinks tea all day.", V + "family_substance_misuse", "absent"),
    # --- family mental health ---
    ("Mum has been in and out of the psych unit.", V + "family_mental_health", "present"),
    ("Dad was in a mental health hospital last year.", V + "family_mental_health", "present"),
    ("Her mum has BPD and struggles to get out of bed.", V + "family_mental_health", "present"),
    ("Mum suffers with her nerves.", V + "family_mental_health", "present"),
    ("Mum had postnatal depression after the twins.", V + "family_mental_health", "present"),
    ("Dad's got bipolar.", V + "family_mental_health", "present"),
    ("Mum is under the crisis team.", V + "family_mental_health", "present"),
    ("Dad has PTSD from the army.", V + "family_mental_health", "present"),
    ("Mum rang the mental health team about YP.", V + "family_mental_health", "absent"),
    # --- low self-esteem ---
    ("She said 'Im fat, Im thick, no ones ever gonna want me'.", V + "low_self_esteem", "present"),
    ("She hates the way she looks.", V + "low_self_esteem", "present"),
    ("Says she's not pretty enough for anyone.", V + "low_self_esteem", "present"),
    ("He puts himself down all the time.", V + "low_self_esteem", "present"),
    ("She calls herself ugly and stupid.", V + "low_self_esteem", "present"),
    ("YP thinks everyone hates her.", V + "low_self_esteem", "present"),
    ("She has zero confidence.", V + "low_self_esteem", "present"),
    ("He says he is a nobody and nobody likes him.", V + "low_self_esteem", "present"),
    ("She has loads of confidence and good self-esteem.", V + "low_self_esteem", "absent"),
    ("He called her ugly in front of everyone.", V + "low_self_esteem", "absent"),
    # --- unsuitable accommodation ---
    (
        "She's been living in a Travelodge with her mum since they were evicted.",
        V + "unsuitable_accommodation",
        "present",
    ),
    (
        "They are staying in a hotel, one room for the 5 of them.",
        V + "unsuitable_accommodation",
        "present",
    ),
    ("He has been dossing at random people's flats.", V + "unsuitable_accommodation", "present"),
    ("The family were made homeless in June.", V + "unsuitable_accommodation", "present"),
    (
        "She has been staying at a Premier Inn since the fire.",
        V + "unsuitable_accommodation",
        "present",
    ),
    (
        "The flat has no electric and black mould everywhere.",
        V + "unsuitable_accommodation",
        "present",
    ),
    ("She lives with mum and dad in a three-bed house.", V + "unsuitable_accommodation", "absent"),
    ("They stayed in a hotel on holiday in Spain.", V + "unsuitable_accommodation", "absent"),
    # --- isolated from peers ---
    ("She hates it in Taunton and 'dont know no one' here.", V + "isolated_from_peers", "present"),
    (
        "Says his old friends from school dont talk to him now.",
        V + "isolated_from_peers",
        "present",
    ),
    ("Nobody at school talks to her.", V + "isolated_from_peers", "present"),
    ("He has lost touch with all his mates since the move.", V + "isolated_from_peers", "present"),
    ("She has no friends her own age.", V + "isolated_from_peers", "present"),
    (
        "She got left out of the group chat and sits on her own at lunch.",
        V + "isolated_from_peers",
        "present",
    ),
    ("She has loads of mates at school.", V + "isolated_from_peers", "absent"),
    ("He doesn't know anyone called Jay.", V + "isolated_from_peers", "absent"),
    # --- no positive adult ---
    ("She doesnt have one adult she can trust.", V + "no_positive_adult", "present"),
    ("Nobody looks out for him.", V + "no_positive_adult", "present"),
    ("He has had 6 social workers in two years.", V + "no_positive_adult", "present"),
    ("Her SW has changed again.", V + "no_positive_adult", "present"),
    ("There isnt a single grown up in her life she can go to.", V + "no_positive_adult", "present"),
    (
        "She has a great relationship with her nan and tells her everything.",
        V + "no_positive_adult",
        "absent",
    ),
    # --- sexual abuse ---
    ("A man gave her free food and then 'wanted stuff back'.", V + "sexual_abuse", "present"),
    ("He made her touch him.", V + "sexual_abuse", "present"),
    ("He put his hand down her pants at the party.", V + "sexual_abuse", "present"),
    ("He exposed himself to her in the park.", V + "sexual_abuse", "present"),
    ("She disclosed CSA by her stepbrother.", V + "sexual_abuse", "present"),
    ("He touched her arm to get her attention.", V + "sexual_abuse", "absent"),
    ("They had sex education at school.", V + "sexual_abuse", "absent"),
    # --- family breakdown ---
    ("Dad went to prison when she was 8.", V + "family_breakdown", "present"),
    ("She hasnt seen her dad since she was 5.", V + "family_breakdown", "present"),
    ("Mum kicked her out after a row about her curfew.", V + "family_breakdown", "absent"),
    ("Her relationship with mum is really strained.", V + "family_breakdown", "present"),
    ("Mum says she cant cope with him anymore.", V + "family_breakdown", "present"),
    ("Mum refuses to have her back home.", V + "family_breakdown", "present"),
    ("Dad's not in the picture.", V + "family_breakdown", "present"),
    ("The car broke down on the motorway.", V + "family_breakdown", "absent"),
    ("She lost contact with her friends from school.", V + "family_breakdown", "absent"),
    # --- staying out late ---
    ("Got brought home by police 'steaming' at 1am.", M + "staying_out_late", "present"),
    ("They walked round town til morning.", M + "staying_out_late", "present"),
    ("She was at the shopping centre til late.", M + "staying_out_late", "present"),
    ("He's never in before midnight.", M + "staying_out_late", "present"),
    ("She rolls in at silly o'clock most nights.", M + "staying_out_late", "present"),
    ("Mum says he is out every night and not back till gone 1.", M + "staying_out_late", "present"),
    ("He gets up late at weekends.", M + "staying_out_late", "absent"),
    ("She was late for school.", M + "staying_out_late", "absent"),
    ("Mum works late.", M + "staying_out_late", "absent"),
    # --- multiple callers ---
    ("His phone goes off constantly.", M + "multiple_callers", "present"),
    ("Her phone pings nonstop with numbers mum doesnt know.", M + "multiple_callers", "present"),
    ("Grown men ring the landline asking for her.", M + "multiple_callers", "present"),
    ("Different men ring it all through the night.", M + "multiple_callers", "present"),
    ("Lads knock for him at all hours.", M + "multiple_callers", "present"),
    ("Her phone keeps dying.", M + "multiple_callers", "absent"),
    ("Her nan rings her every night.", M + "multiple_callers", "absent"),
    # --- mobile phone concern ---
    ("She has had 3 different numbers in 2 months.", M + "mobile_phone_concern", "present"),
    ("They give her a phone with just his number in it.", M + "mobile_phone_concern", "present"),
    ("Keeps changing her number.", M + "mobile_phone_concern", "present"),
    ("She has a phone mum doesnt know about.", M + "mobile_phone_concern", "present"),
    (
        "He has a new phone he didnt buy and wont say where it came from.",
        M + "mobile_phone_concern",
        "present",
    ),
    ("She wiped her phone before handing it over.", M + "mobile_phone_concern", "present"),
    ("He has a secret phone.", M + "mobile_phone_concern", "present"),
    ("Her phone was smashed in the fight.", M + "mobile_phone_concern", "absent"),
    ("Mum bought her a new phone for her birthday.", M + "mobile_phone_concern", "absent"),
    # --- expressions of despair ---
    (
        "She hasnt eaten properly in weeks and is hiding food in her room.",
        M + "expressions_of_despair",
        "present",
    ),
    ("YP smashed up her bedroom and punched a window.", M + "expressions_of_despair", "present"),
    ("She has fresh scars on her arms.", M + "expressions_of_despair", "present"),
    (
        "She said she wants to go to sleep and never wake up.",
        M + "expressions_of_despair",
        "present",
    ),
    ("He says he doesnt want to be here anymore.", M + "expressions_of_despair", "present"),
    ("He says there's no point in anything.", M + "expressions_of_despair", "present"),
    ("She's been starving herself.", M + "expressions_of_despair", "present"),
    ("She took a load of paracetamol.", M + "expressions_of_despair", "present"),
    ("He assaulted a member of staff at the unit.", M + "expressions_of_despair", "present"),
    ("She is eating well and sleeping fine.", M + "expressions_of_despair", "absent"),
    ("He cut his hand on a glass at work.", M + "expressions_of_despair", "absent"),
    # --- school ---
    (
        "He wasnt at school, he was working at a car wash.",
        M + "school_exclusion_or_absence",
        "present",
    ),
    (
        "Shes on a part time timetable and misses most of it.",
        M + "school_exclusion_or_absence",
        "present",
    ),
    ("He got kicked out of school in year 9.", M + "school_exclusion_or_absence", "present"),
    ("She isnt on roll anywhere.", M + "school_exclusion_or_absence", "present"),
    ("No school, no college, no job.", M + "school_exclusion_or_absence", "present"),
    (
        "She leaves school at dinner and doesnt go back.",
        M + "school_exclusion_or_absence",
        "present",
    ),
    ("She goes to school every day and loves it.", M + "school_exclusion_or_absence", "absent"),
    # --- STI ---
    ("Shes been treated for 'the clap' twice.", M + "sti", "present"),
    (
        "She went to the sexual health nurse for a test and it came back positive.",
        M + "sti",
        "present",
    ),
    ("She says it burns when she pees.", M + "sti", "present"),
    ("She had a chest infection.", M + "sti", "absent"),
    # --- drugs ---
    ("He gives them vodka and weed for free.", M + "drugs_misuse", "present"),
    ("They were doing lines in the toilets.", M + "drugs_misuse", "present"),
    ("He's been blazing every day.", M + "drugs_misuse", "present"),
    ("He shots food out a flat near the high street.", M + "drugs_misuse", "absent"),
    ("She goes to the high school on the hill.", M + "drugs_misuse", "absent"),
    # --- alcohol ---
    ("She necks a bottle of vodka most weekends.", M + "alcohol_misuse", "present"),
    ("She drinks juice and water, nothing else.", M + "alcohol_misuse", "absent"),
    # --- internet ---
    (
        "Carer found messages from a man on her Insta offering to pay for her nails.",
        M + "internet_concern",
        "present",
    ),
    ("She met 'Deano' on Wizz.", M + "internet_concern", "present"),
    ("He adds random older lads on snap.", M + "internet_concern", "present"),
    ("She has 2k followers she doesnt know.", M + "internet_concern", "present"),
    ("There are pictures of her going round on Snapchat.", M + "internet_concern", "present"),
    ("They sent him pics of a blade.", M + "internet_concern", "absent"),
    ("She posts pictures of her dog on Instagram.", M + "internet_concern", "absent"),
    # --- independent, not responding ---
    (
        "Lives on his own and hasnt answered his PAs calls for 5 weeks.",
        M + "independent_not_responding",
        "present",
    ),
    ("Wasnt in for the last 3 planned visits.", M + "independent_not_responding", "present"),
    ("He doesnt open the door to his PA.", M + "independent_not_responding", "present"),
    (
        "Her phone goes straight to voicemail and she has disengaged from the leaving care team.",
        M + "independent_not_responding",
        "present",
    ),
    (
        "We cant get hold of him since he moved into his flat.",
        M + "independent_not_responding",
        "present",
    ),
    ("She always answers when I call.", M + "independent_not_responding", "absent"),
]


@pytest.mark.parametrize(
    "text,indicator,expect", CASES, ids=[f"{i}:{c[1]}:{c[2]}" for i, c in enumerate(CASES)]
)
def test_round2_case(text: str, indicator: str, expect: str) -> None:
    check_case(text, indicator, expect)
