"""Cases for the recall rules added while challenge2 became a tuning set.

Each rule family has fresh positives (worded unlike any evaluation note) and at least one
negative or trap. ``absent`` means the indicator must not be suggested as present; an
assertion name means the indicator must be found with that assertion. All people are
fictional.
"""

from __future__ import annotations

import pytest
from nlp_support import check_case

from rhi_assistant.nlp import analyse

CASES: list[tuple[str, str, str]] = [
    # staying the night, spelt any way
    ("Tyler stayed the nite at a flat in Bedminster.", "seraf.sig.missing_periods", "present"),
    ("She kipped over night at some lad's place.", "seraf.sig.missing_periods", "present"),
    (
        "He never stayed the night anywhere, mum picked him up at 9.",
        "seraf.sig.missing_periods",
        "negated",
    ),
    (
        "She keeps going off with the older boys from the estate.",
        "seraf.sig.missing_periods",
        "present",
    ),
    # people the child had never met, then staying
    (
        "Some men she'd only just met drove her to Yate and she slept there.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "Two blokes he didnt know took him to a party, he crashed on their floor.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "He stopped at a house in Hartcliffe with some older people he had never met.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "They dropped her at somebody's flat and she doesn't know who lives there.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "She met two girls at the park, she has known them for years, and went home.",
        "episode.stayed_with_unknown_adults",
        "absent",
    ),
    # physical abuse by family: more verbs, and mum's partner counts as family
    (
        "Her dad grabbed her by the arm and shoved her into the wardrobe.",
        "seraf.vuln.physical_abuse_by_family",
        "present",
    ),
    (
        "His stepmum chucked a mug at him during the row.",
        "seraf.vuln.physical_abuse_by_family",
        "present",
    ),
    (
        "Her uncle had his hands around her throat.",
        "seraf.vuln.physical_abuse_by_family",
        "present",
    ),
    (
        "Mum's boyfriend slapped him across the face.",
        "seraf.vuln.physical_abuse_by_family",
        "present",
    ),
    (
        "Mum's boyfriend slapped him across the face.",
        "seraf.sig.physical_abuse_by_controlling_adult",
        "absent",
    ),
    ("Her dad pushed her mum down the stairs.", "seraf.vuln.physical_abuse_by_family", "absent"),
    ("Dad threw the remote at the telly.", "seraf.vuln.physical_abuse_by_family", "absent"),
    (
        "Her mum's fella is alright and has never laid a finger on her.",
        "seraf.vuln.physical_abuse_by_family",
        "absent",
    ),
    # domestic abuse with 'he' as the abuser of the child's mum
    (
        "Before he moved out he would punch her mum when drunk.",
        "seraf.vuln.family_domestic_abuse",
        "present",
    ),
    ("He hit his mum once and was arrested.", "seraf.vuln.family_domestic_abuse", "absent"),
    # family breakdown
    ("Things have been hard since the divorce.", "seraf.vuln.family_breakdown", "present"),
    ("His mum hasn't spoken to him for a year.", "seraf.vuln.family_breakdown", "present"),
    ("His mum has spoken to him every day this week.", "seraf.vuln.family_breakdown", "absent"),
    # isolation
    (
        "She ditched all her old friends once she met him.",
        "seraf.vuln.isolated_from_peers",
        "present",
    ),
    ("He no longer sees his mates from school.", "seraf.vuln.isolated_from_peers", "present"),
    ("Since summer he quit going to boxing.", "seraf.vuln.isolated_from_peers", "present"),
    (
        "He sees his mates most evenings at the skate park.",
        "seraf.vuln.isolated_from_peers",
        "absent",
    ),
    # boundaries set by others still belong to the child
    ("Her foster mum's 9pm curfew is 'pointless' she says.", "push.boundaries", "present"),
    # school spelt the young person's way
    ("Aint been to skool in weeks.", "seraf.mod.school_exclusion_or_absence", "present"),
    ("He's been bunking scool most Fridays.", "seraf.mod.school_exclusion_or_absence", "present"),
    ("She loves skool and goes every day.", "seraf.mod.school_exclusion_or_absence", "absent"),
    # 'said no-one' is not 'said no'
    (
        "Hasn't been in lessons since May, says no-one has asked her to carry anything.",
        "seraf.mod.school_exclusion_or_absence",
        "present",
    ),
    (
        "They asked him to hold a bag for them and he said no.",
        "cce.holding_or_selling_drugs",
        "negated",
    ),
    # withdrawn disclosures
    (
        "Next morning she told staff she had lied about the man.",
        "seraf.sig.disclosure_withdrawn",
        "present",
    ),
    (
        "She says she was lying when she talked about the flat.",
        "seraf.sig.disclosure_withdrawn",
        "present",
    ),
    # documents held by someone else
    (
        "The boss at the salon keeps hold of her passport.",
        "trafficking.documents_held_by_others",
        "present",
    ),
    (
        "Her ID is being minded by the woman she lives with.",
        "trafficking.documents_held_by_others",
        "present",
    ),
    (
        "His uncle has his passport and won't give it back.",
        "trafficking.documents_held_by_others",
        "present",
    ),
    (
        "She has her passport in her bag and showed it to me.",
        "trafficking.documents_held_by_others",
        "absent",
    ),
    # sexual exploitation for gain / sexual abuse
    (
        "The man was lending her out to other men for parties.",
        "trafficking.sexual_exploitation_for_gain",
        "present",
    ),
    (
        "He took cash from the men who visited the flat for sex with her.",
        "trafficking.sexual_exploitation_for_gain",
        "present",
    ),
    ("Older men at the party had sex with her.", "seraf.vuln.sexual_abuse", "present"),
    (
        "She rented out a room to her friend's older sister.",
        "trafficking.sexual_exploitation_for_gain",
        "absent",
    ),
    # offending
    ("He pinched vapes from the corner shop.", "episode.offending_while_missing", "present"),
    ("She was nicking perfume from Superdrug.", "episode.offending_while_missing", "present"),
    ("He had his bike nicked from outside the shop.", "episode.offending_while_missing", "absent"),
    # places known for exploitation
    (
        "She hangs out at the back of the bus station most nights.",
        "seraf.sig.areas_known_for_exploitation",
        "present",
    ),
    (
        "They were chilling near the Premier Inn car park.",
        "seraf.sig.areas_known_for_exploitation",
        "present",
    ),
    (
        "It's the lay-by where men pull up and wait for girls.",
        "seraf.sig.areas_known_for_exploitation",
        "present",
    ),
    (
        "She waited at the bus station for her nan's coach and went home.",
        "seraf.sig.areas_known_for_exploitation",
        "absent",
    ),
    # peers exploited
    (
        "Her mates were being paid by older men to go to parties.",
        "seraf.sig.peers_exploited",
        "present",
    ),
    # threats and fear
    (
        "The lad said he'd post the pics online if she stopped replying.",
        "cce.threats_to_child_or_family",
        "present",
    ),
    ("They said they'd run up in his nan's yard.", "cce.threats_to_child_or_family", "present"),
    ("If he quits they will come for him, he says.", "pull.fear_of_repercussions", "present"),
    ("She couldn't risk saying no to them.", "pull.fear_of_repercussions", "present"),
    ("He didn't dare leave the flat.", "pull.fear_of_repercussions", "present"),
    ("She posted pics of her dog online.", "cce.threats_to_child_or_family", "absent"),
    # gifts, items and phones
    (
        "A man from the gym bought him a new tracksuit and some Jordans.",
        "seraf.sig.unexplained_money_or_items",
        "present",
    ),
    (
        "The olders gave her an iPhone and some airpods.",
        "seraf.sig.unexplained_money_or_items",
        "present",
    ),
    (
        "She bought the hoodie with her Christmas money.",
        "seraf.sig.unexplained_money_or_items",
        "absent",
    ),
    ("Her nan bought her a coat for winter.", "seraf.sig.unexplained_money_or_items", "absent"),
    ("A guy off Snapchat bought her a phone.", "seraf.mod.mobile_phone_concern", "present"),
    (
        "They handed him a burner with only two numbers saved.",
        "seraf.mod.mobile_phone_concern",
        "present",
    ),
    ("Her dad gave her a phone for her birthday.", "seraf.mod.mobile_phone_concern", "absent"),
    # forced marriage
    (
        "Her aunties are planning a wedding for her in Pakistan.",
        "push.forced_marriage_or_fgm",
        "present",
    ),
    (
        "The family trip to Somalia is really so she can get married.",
        "push.forced_marriage_or_fgm",
        "present",
    ),
    (
        "She went to her cousin's wedding in Leeds and loved it.",
        "push.forced_marriage_or_fgm",
        "absent",
    ),
    # county lines, trap houses, drugs, plugging
    (
        "Stopped by BTP in Newton Abbot with some coke and a second phone.",
        "cce.county_lines_travel",
        "present",
    ),
    (
        "They were shotting out of a flat above the bookies.",
        "cce.trap_house_or_cuckooing",
        "present",
    ),
    ("He got robbed of his pack and now owes.", "cce.holding_or_selling_drugs", "present"),
    ("They made him shove a package up himself.", "cce.internal_concealment", "present"),
    (
        "He was working from a house his dad owns, doing the garden.",
        "cce.trap_house_or_cuckooing",
        "absent",
    ),
    # vehicles
    (
        "She was the passenger in a black Range Rover.",
        "seraf.sig.vehicles_unknown_adults",
        "present",
    ),
    (
        "She was driven by a bloke she met that night.",
        "seraf.sig.vehicles_unknown_adults",
        "present",
    ),
    ("She was driven to school by her mum.", "seraf.sig.vehicles_unknown_adults", "absent"),
    # older partners
    (
        "She chats online to a guy who is about 27.",
        "seraf.sig.older_partner_or_controlling_adult",
        "present",
    ),
    (
        "She won't say his name but he's like 24.",
        "seraf.sig.older_partner_or_controlling_adult",
        "present",
    ),
    ("He's 20 minutes away by bus.", "seraf.sig.older_partner_or_controlling_adult", "absent"),
    # grooming
    (
        "She says he is the only person who really understands her.",
        "pull.grooming_or_coercion",
        "present",
    ),
    ("A woman called Jen takes him to parties in Bath.", "pull.grooming_or_coercion", "present"),
    (
        "The man lets the kids hang at his flat and gives them cans and weed.",
        "pull.grooming_or_coercion",
        "present",
    ),
    (
        "She says her mum is the only person who understands her.",
        "pull.grooming_or_coercion",
        "absent",
    ),
    # alcohol given, and 'smashed' that is not drink
    ("At the flat a man gave them vodka.", "seraf.mod.alcohol_misuse", "present"),
    ("He smashed up the TV when he got home.", "seraf.mod.alcohol_misuse", "absent"),
    (
        "Everything kicked off at home again last night.",
        "seraf.mod.expressions_of_despair",
        "absent",
    ),
    ("Everything kicked off at home again last night.", "push.family_conflict", "present"),
    # pulls: family, friends
    ("Ran back to her nan's in Filton.", "pull.family_or_home_area", "present"),
    (
        "She went back to Barton Hill where all her family live.",
        "pull.family_or_home_area",
        "present",
    ),
    ("He was at his dad's the whole weekend as planned.", "pull.family_or_home_area", "absent"),
    ("The man was passing her around to his mates.", "pull.friends_or_partner", "absent"),
    # placement and not being accepted
    (
        "The carers do nothing when the other boys take his food.",
        "push.unhappy_in_placement",
        "present",
    ),
    ("She says staff don't do anything about the noise.", "push.unhappy_in_placement", "present"),
    ("He feels like a spare part at his foster placement.", "push.unhappy_in_placement", "present"),
    ("She feels like the odd one out at home.", "push.not_safe_or_accepted", "present"),
    ("He'd rather sleep in a park than go back there.", "push.not_safe_or_accepted", "present"),
    ("He'd rather sleep in a park than go back there.", "episode.slept_rough", "hypothetical"),
    (
        "She won't go home while her stepdad is living there.",
        "push.not_safe_or_accepted",
        "present",
    ),
    ("She went home while her mum was at work.", "push.not_safe_or_accepted", "absent"),
    # moved between places
    (
        "They moved him to a different hotel every few nights.",
        "trafficking.moved_between_places",
        "present",
    ),
    (
        "She was taken from Bath to Frome, then on to Salisbury.",
        "trafficking.moved_between_places",
        "present",
    ),
    (
        "He was driven to a flat in Yeovil, then taken on to Taunton.",
        "trafficking.moved_between_places",
        "present",
    ),
    # missing with other children
    (
        "Police picked her up in Exeter at the bus station with another girl from her unit.",
        "episode.missing_with_other_children",
        "present",
    ),
    (
        "He ran off with another lad from his school.",
        "episode.missing_with_other_children",
        "present",
    ),
    # internet
    ("She has been DMing men on Insta for money.", "seraf.mod.internet_concern", "present"),
    ("He follows sugar daddy pages on TikTok.", "seraf.mod.internet_concern", "present"),
    # reported speech is not someone else's finding
    (
        "Her carer phoned to say Lacey came in at 6am in a taxi.",
        "seraf.sig.missing_periods",
        "present",
    ),
    # "her boyfriend's 19" is "is", not a possessor
    (
        "She says her boyfriend's 24 and sound.",
        "seraf.sig.older_partner_or_controlling_adult",
        "present",
    ),
    ("Her mate's boyfriend is 25.", "seraf.sig.older_partner_or_controlling_adult", "other_person"),
    # "and staff ..." starts a new clause with a new subject
    (
        "The other girls bully her and staff do nothing about it.",
        "push.unhappy_in_placement",
        "present",
    ),
    # leaving, in slang
    ("She legged it out the back door of the unit.", "seraf.sig.missing_periods", "present"),
    ("He bolted from his placement after a row.", "seraf.sig.missing_periods", "present"),
    ("He did a runner from the resi on Saturday.", "seraf.sig.missing_periods", "present"),
    ("Nobody knew where he was all weekend.", "seraf.sig.missing_periods", "present"),
    ("She went out with friends and never came home.", "seraf.sig.missing_periods", "present"),
    ("She never came home late before she met him.", "seraf.sig.missing_periods", "absent"),
    ("He bolted the door from inside.", "seraf.sig.missing_periods", "absent"),
    # weapons slang
    ("They found a bora in his bag.", "cce.weapons", "present"),
    ("He says he has never had a wap.", "cce.weapons", "negated"),
    ("He sees nothing wrong with carrying a blade.", "cce.weapons", "present"),
    # not X, just Y
    ("She doesn't take drugs, just the odd bit of weed.", "seraf.mod.drugs_misuse", "present"),
    ("She doesn't take drugs, only smokes weed.", "seraf.mod.drugs_misuse", "present"),
    ("No drugs apart from smoking weed.", "seraf.mod.drugs_misuse", "present"),
    ("She doesn't take drugs at all.", "seraf.mod.drugs_misuse", "negated"),
    # doubt, not denial
    ("She doesn't think she's pregnant.", "push.pregnancy", "hypothetical"),
    (
        "He doesn't reckon the olders would hurt his mum.",
        "cce.threats_to_child_or_family",
        "hypothetical",
    ),
    ("Her dad's worried she has been drinking.", "seraf.mod.alcohol_misuse", "hypothetical"),
    ("She has no idea how much she owes them.", "cce.drug_debt", "present"),
    ("She owes no one anything.", "cce.drug_debt", "negated"),
    # more wording families
    (
        "He got beaten up by the elders for losing the bag.",
        "seraf.sig.physical_abuse_by_controlling_adult",
        "present",
    ),
    (
        "She has been kipping at random men's flats.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "She has taken back everything she told the police.",
        "seraf.sig.disclosure_withdrawn",
        "present",
    ),
    ("Police found three wraps of white in his sock.", "cce.holding_or_selling_drugs", "present"),
    ("His stepdad rarely cooks for him.", "seraf.vuln.emotional_neglect", "present"),
    ("His stepdad cooks for him every night.", "seraf.vuln.emotional_neglect", "absent"),
    ("Her mums boyfriend kicked her in the leg.", "seraf.vuln.physical_abuse_by_family", "present"),
    (
        "She can't stop thinking about killing herself.",
        "seraf.mod.expressions_of_despair",
        "present",
    ),
    (
        "He had alot of cash on him when police stopped him.",
        "seraf.sig.unexplained_money_or_items",
        "present",
    ),
    # more families found by fresh probes
    ("He was growing skunk in a loft for two men.", "trafficking.forced_work", "present"),
    (
        "She has been through five social workers this year.",
        "seraf.vuln.no_positive_adult",
        "present",
    ),
    ("He ignores any calls from the team.", "seraf.mod.independent_not_responding", "present"),
    ("She hates her school and all her teachers.", "push.school_problems", "present"),
    ("She was groped by an older man on the bus.", "seraf.vuln.sexual_abuse", "present"),
    ("He made her do stuff she didn't want to.", "seraf.vuln.sexual_abuse", "present"),
    ("She was kissed by her nan at the door.", "seraf.vuln.sexual_abuse", "absent"),
    (
        "She's been sleeping with older men for cash.",
        "trafficking.sexual_exploitation_for_gain",
        "present",
    ),
    (
        "Girls round there are on the game, she says she isn't.",
        "trafficking.sexual_exploitation_for_gain",
        "other_person",
    ),
    ("He keeps flashing his money about.", "seraf.sig.unexplained_money_or_items", "present"),
    ("He owes his plug a lot.", "cce.drug_debt", "present"),
    ("His dad's been in jail since May.", "seraf.vuln.family_breakdown", "present"),
    ("Her dad was locked up for two years.", "seraf.vuln.family_breakdown", "present"),
    ("Her dad works at the prison.", "seraf.vuln.family_breakdown", "absent"),
    ("The olders look out for him and buy him food.", "pull.grooming_or_coercion", "present"),
    ("The man treats her like a princess.", "pull.grooming_or_coercion", "present"),
    ("She feels like part of the family with them.", "pull.grooming_or_coercion", "present"),
    (
        "She feels like part of the family at her foster home.",
        "pull.grooming_or_coercion",
        "absent",
    ),
    ("They told him they'd shank his brother.", "cce.threats_to_child_or_family", "present"),
    ("He was shook they'd batter him if he stopped.", "pull.fear_of_repercussions", "present"),
    (
        "She is scared they'd hurt her.",
        "seraf.sig.physical_abuse_by_controlling_adult",
        "hypothetical",
    ),
    (
        "Her bf checks where she is on Life360.",
        "seraf.sig.emotional_abuse_by_controlling_adult",
        "present",
    ),
    ("They had wraps stuffed inside him.", "cce.internal_concealment", "present"),
    # a colon opens a new clause; 'goes mad if she doesn't answer' is control, not fear
    (
        "Nobody he can rely on: mum's in prison and dad left.",
        "seraf.vuln.family_breakdown",
        "present",
    ),
    ("Denies: drinking, drugs and staying out.", "seraf.mod.alcohol_misuse", "negated"),
    ("He kicks off if she doesn't answer his calls.", "pull.fear_of_repercussions", "absent"),
    ("The group chat turned on her after the party.", "push.bullying", "present"),
    ("The girls in her class turned against her.", "push.bullying", "present"),
    (
        "The court said no to contact with his dad, so he sneaks over there.",
        "pull.someone_they_cannot_otherwise_see",
        "present",
    ),
    (
        "A 'photographer' online invited her to come to London.",
        "pull.grooming_or_coercion",
        "present",
    ),
    (
        "He kips in the stock room at the takeaway.",
        "seraf.vuln.unsuitable_accommodation",
        "present",
    ),
    ("He says it isn't true that he was dealing.", "seraf.sig.disclosure_withdrawn", "absent"),
    # the child as the object right after the match makes it about the child
    ("The boys in his year bullied him all term.", "push.bullying", "present"),
    ("The boys in his year got bullied too.", "push.bullying", "other_person"),
    # an offer is not a ride; hearsay about other kids is theirs
    ("A man offered him a lift but he walked home.", "seraf.sig.vehicles_unknown_adults", "absent"),
    (
        "He accepted a lift from a man outside the shop.",
        "seraf.sig.vehicles_unknown_adults",
        "present",
    ),
    (
        "She's heard about girls going to hotels with men but never has.",
        "trafficking.sexual_exploitation_for_gain",
        "absent",
    ),
    ("He knows of lads going cunch from his estate.", "cce.county_lines_travel", "other_person"),
    # patterns that had a multi-word choice written without brackets, now matching
    ("He keeps telling her she's beautiful.", "pull.grooming_or_coercion", "present"),
    ("The man promised her money and clothes.", "pull.grooming_or_coercion", "present"),
    ("He says nobody wants him.", "push.not_safe_or_accepted", "present"),
    ("She runs back to her ends every weekend.", "pull.family_or_home_area", "present"),
    ("Her mum drinks too much.", "seraf.vuln.family_substance_misuse", "present"),
    ("He stayed out overnight again.", "seraf.sig.missing_periods", "present"),
    ("She hasn't got anyone she can trust.", "seraf.vuln.no_positive_adult", "present"),
    ("She has plenty of people she can trust.", "seraf.vuln.no_positive_adult", "absent"),
    ("He was joyriding round the estate.", "episode.offending_while_missing", "present"),
    ("He was tooled when police stopped him.", "cce.weapons", "present"),
    ("She says it is unsafe at home.", "push.not_safe_or_accepted", "present"),
    ("She says it is not unsafe at home.", "push.not_safe_or_accepted", "absent"),
    # misspellings and slang the fuzzy matcher cannot reach
    ("She went mising from the unit again.", "seraf.sig.missing_periods", "present"),
    ("A man gave her muney for it.", "seraf.sig.unexplained_money_or_items", "present"),
    ("She was kipping at randoms houses.", "episode.stayed_with_unknown_adults", "present"),
    ("His phone keeps blowing up at night.", "seraf.mod.multiple_callers", "present"),
    ("He has 2 fones, one just for calls.", "seraf.mod.mobile_phone_concern", "present"),
    ("He had an old Nokia in his sock.", "seraf.mod.mobile_phone_concern", "present"),
    ("Her dad walked out when she was six.", "seraf.vuln.family_breakdown", "present"),
    ("Her dad left for work at six.", "seraf.vuln.family_breakdown", "absent"),
    ("Nobody gives a toss about him at home.", "seraf.vuln.emotional_neglect", "present"),
    # form-style answers after a colon or question mark deny what came before
    ("Searched by police for weapons: none found.", "cce.weapons", "negated"),
    (
        "Any concerns about CSE? None identified.",
        "trafficking.sexual_exploitation_for_gain",
        "negated",
    ),
    ("Knife? No.", "cce.weapons", "negated"),
    ("Knife? Yes, a small one.", "cce.weapons", "present"),
    # not wanting to say is not a denial; 'without a doubt' is not 'without'
    (
        "He didn't want to say who bought him the burner.",
        "seraf.mod.mobile_phone_concern",
        "present",
    ),
    ("Without a doubt she was being groomed.", "pull.grooming_or_coercion", "present"),
    (
        "She wouldn't say who the bloke in the white van was.",
        "seraf.sig.vehicles_unknown_adults",
        "present",
    ),
    # realistic multi-clause notes
    ("Says she was at her boyfriends all weekend.", "pull.friends_or_partner", "present"),
    ("The olders make him stash wraps at his nan's.", "cce.holding_or_selling_drugs", "present"),
    ("He was made to sell in a flat in Yeovil.", "cce.holding_or_selling_drugs", "present"),
    (
        "He picks her up from college in a grey Astra.",
        "seraf.sig.vehicles_unknown_adults",
        "present",
    ),
    (
        "He keeps coming home with new trainers and cash.",
        "seraf.sig.unexplained_money_or_items",
        "present",
    ),
    (
        "He's been going to Bath a lot and coming back with money.",
        "seraf.sig.unexplained_money_or_items",
        "present",
    ),
    ("She's going to run away again, she says.", "seraf.sig.missing_periods", "hypothetical"),
    ("A man on the bus touched her.", "seraf.vuln.sexual_abuse", "present"),
    ("A man on the bus touched her arm to get past.", "seraf.vuln.sexual_abuse", "absent"),
    ("Her carers treat her differently to their own kids.", "push.not_safe_or_accepted", "present"),
    ("Older men at the party gave her vodka and weed.", "seraf.mod.drugs_misuse", "present"),
    ("Older men at the party gave her vodka and weed.", "pull.grooming_or_coercion", "present"),
    ("He has not been home for two nights.", "seraf.sig.missing_periods", "present"),
    ("He gets calls at all hours from withheld numbers.", "seraf.mod.multiple_callers", "present"),
    (
        "The man took her phone off her so she couldn't call anyone.",
        "trafficking.restricted_movement",
        "present",
    ),
    # other people named without a possessive, after a sentence adverb, or after the fact
    (
        "This lad she knows got picked up by a man in a car.",
        "seraf.sig.vehicles_unknown_adults",
        "other_person",
    ),
    ("Someone at her school deals coke.", "cce.holding_or_selling_drugs", "other_person"),
    ("Someone gave her a lift to Bath.", "seraf.sig.vehicles_unknown_adults", "present"),
    ("Apparently her cousin has been going country.", "cce.county_lines_travel", "other_person"),
    ("The phone was his brother's, not his.", "seraf.mod.mobile_phone_concern", "absent"),
    (
        "Her ex is 26 and used to hit her.",
        "seraf.sig.older_partner_or_controlling_adult",
        "present",
    ),
    (
        "Her ex is 26 and used to hit her.",
        "seraf.sig.physical_abuse_by_controlling_adult",
        "present",
    ),
    ("Her mum's ex moved to Leeds.", "push.step_parent_or_poor_relationships", "absent"),
    ("He makes her feel worthless.", "seraf.vuln.low_self_esteem", "absent"),
    ("Nah, not on nothing, she says.", "seraf.mod.drugs_misuse", "negated"),
    # more families for pulls, pushes and trafficking
    ("She just wants to do her own thing.", "pull.freedom", "present"),
    ("He hates being told what to do by staff.", "pull.freedom", "present"),
    ("She gets a real buzz out of it.", "pull.risky_activities", "present"),
    (
        "He refuses to open the door to his worker.",
        "seraf.mod.independent_not_responding",
        "present",
    ),
    (
        "She was found in a brothel in Reading.",
        "trafficking.sexual_exploitation_for_gain",
        "present",
    ),
    ("She was sold to a man for £300.", "trafficking.sexual_exploitation_for_gain", "present"),
    ("He sold to a man at the bus stop.", "trafficking.sexual_exploitation_for_gain", "absent"),
    ("She saw her stepdad punching her mum.", "seraf.vuln.family_domestic_abuse", "present"),
    ("Her dad tried to take his own life in May.", "seraf.vuln.family_mental_health", "present"),
    ("Her parents are always at each other's throats.", "push.family_conflict", "present"),
    ("He was made to watch porn by an older boy.", "seraf.vuln.sexual_abuse", "present"),
    ("Her stepdad calls her a slag.", "push.bullying", "absent"),
    # text-speak function words read as the words they stand for
    ("She got in a car wiv 3 men she didnt know.", "seraf.sig.vehicles_unknown_adults", "present"),
    ("Mum n stepdad r always screaming at each other.", "push.family_conflict", "present"),
    ("He says he aint carried nuffin for no one.", "cce.holding_or_selling_drugs", "negated"),
    ("She went missing cuz her mum kicked her out.", "push.family_conflict", "present"),
    # a comma before a verb with the subject left out starts a new clause
    (
        "Says she didn't do nothing, was at her mates all night.",
        "pull.friends_or_partner",
        "present",
    ),
    # a possessor names someone else's person
    (
        "Her cousin's boyfriend is 30 and controls everything she wears.",
        "seraf.sig.emotional_abuse_by_controlling_adult",
        "other_person",
    ),
]


@pytest.mark.parametrize(
    "text,indicator,expect", CASES, ids=[f"{i}:{c[1]}:{c[2]}" for i, c in enumerate(CASES)]
)
def test_recall_rule(text: str, indicator: str, expect: str) -> None:
    check_case(text, indicator, expect)


WINDOWS: list[tuple[str, str, str, str]] = [
    (
        "In March 2025 he was arrested with crack.",
        "2026-10-20",
        "episode.offending_while_missing",
        "over_12_months",
    ),
    (
        "Back in Feb 2026 he was found in a trap house.",
        "2026-10-20",
        "cce.trap_house_or_cuckooing",
        "6_to_12_months",
    ),
    (
        "In may 2026 she went missing for two days.",
        "2026-11-20",
        "seraf.sig.missing_periods",
        "6_to_12_months",
    ),
    (
        "In September 2026 she went missing overnight.",
        "2026-11-20",
        "seraf.sig.missing_periods",
        "recent",
    ),
    (
        "She was last reported missing 8 mths ago.",
        "2026-11-20",
        "seraf.sig.missing_periods",
        "6_to_12_months",
    ),
    ("He was stabbed 2 yrs ago.", "2026-11-20", "episode.hurt_or_harmed", "over_12_months"),
    (
        "She went missing for two nights the summer before last.",
        "2026-11-20",
        "seraf.sig.missing_periods",
        "over_12_months",
    ),
    (
        "He went missing overnight at the start of the year.",
        "2026-11-20",
        "seraf.sig.missing_periods",
        "6_to_12_months",
    ),
    (
        "He went missing overnight at the start of the year.",
        "2026-03-20",
        "seraf.sig.missing_periods",
        "recent",
    ),
    (
        "She was missing over the February half term.",
        "2026-11-20",
        "seraf.sig.missing_periods",
        "6_to_12_months",
    ),
    (
        "He was excluded back in year 8 and is in year 11 now.",
        "2026-11-20",
        "seraf.mod.school_exclusion_or_absence",
        "over_12_months",
    ),
]


@pytest.mark.parametrize("text,date,indicator,window", WINDOWS)
def test_month_and_year_window(text: str, date: str, indicator: str, window: str) -> None:
    got = [s for s in analyse(text, date).findings if s.indicator == indicator]
    assert got and got[0].assertion == "present" and got[0].window == window, [
        s.to_dict() for s in got
    ]
