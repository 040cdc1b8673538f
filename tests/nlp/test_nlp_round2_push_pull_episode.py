"""Fresh cases for the push, pull and episode pattern families added in round 2.

Each indicator has ten or more positives worded as a practitioner or a young person might
put them (slang, reported speech, text-speak spellings) and a few negatives with another
meaning of the same words. None is copied from an evaluation set. ``present`` means the
indicator must be suggested as present; ``absent`` means it must not be. All people are
fictional.
"""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import analyse

CASES: list[tuple[str, str, str]] = [
    # push.not_safe_or_accepted
    (
        "YP says she doesnt feel safe at home since her stepdad moved in.",
        "push.not_safe_or_accepted",
        "present",
    ),
    (
        "He told me nobody wants him there and he feels like a burden.",
        "push.not_safe_or_accepted",
        "present",
    ),
    (
        "She is scared to go home because of her mum's boyfriend.",
        "push.not_safe_or_accepted",
        "present",
    ),
    (
        "Says her carers treat her differently to their own kids.",
        "push.not_safe_or_accepted",
        "present",
    ),
    (
        "YP feels like an outsider in her own house.",
        "push.not_safe_or_accepted",
        "present",
    ),
    (
        "He said he cant be at home when his dad is drinking.",
        "push.not_safe_or_accepted",
        "present",
    ),
    (
        "She is frightened of her stepdad and stays out to avoid him.",
        "push.not_safe_or_accepted",
        "present",
    ),
    (
        "Says his mum doesnt want him around anymore since the baby came.",
        "push.not_safe_or_accepted",
        "present",
    ),
    (
        "She said she has to eat on her own in her room at the foster home.",
        "push.not_safe_or_accepted",
        "present",
    ),
    ("YP states she feels unwanted at home.", "push.not_safe_or_accepted", "present"),
    (
        "She says she feels safe at home now and gets on with everyone.",
        "push.not_safe_or_accepted",
        "absent",
    ),
    (
        "Her friend feels unsafe walking home through the park.",
        "push.not_safe_or_accepted",
        "absent",
    ),
    (
        "He was welcomed back by his carers and had tea with them.",
        "push.not_safe_or_accepted",
        "absent",
    ),
    (
        "She feels like she doesnt belong in that house.",
        "push.not_safe_or_accepted",
        "present",
    ),
    (
        "YP says she feels pushed out since the new baby.",
        "push.not_safe_or_accepted",
        "present",
    ),
    ("He is petrified of his dad.", "push.not_safe_or_accepted", "present"),
    # push.family_conflict
    (
        "YP says her and mum are always at each other's throats.",
        "push.family_conflict",
        "present",
    ),
    (
        "He left after a massive row with his dad about his phone.",
        "push.family_conflict",
        "present",
    ),
    (
        "Shouting every night at home since dad lost his job.",
        "push.family_conflict",
        "present",
    ),
    (
        "She fell out with her mum on Sunday and walked out.",
        "push.family_conflict",
        "present",
    ),
    (
        "Mum and dad are splitting up and she feels stuck in the middle.",
        "push.family_conflict",
        "present",
    ),
    (
        "Her nan screamed at her and told her to get out.",
        "push.family_conflict",
        "present",
    ),
    (
        "He says there is constant arguing in the house.",
        "push.family_conflict",
        "present",
    ),
    (
        "She isnt speaking to her dad after the fight last week.",
        "push.family_conflict",
        "present",
    ),
    ("Mum kicked him out after they had a bust up.", "push.family_conflict", "present"),
    (
        "His dad slags his mum off to him all the time.",
        "push.family_conflict",
        "present",
    ),
    ("He got kicked out of maths for messing about.", "push.family_conflict", "absent"),
    ("She gets on really well with her mum and dad.", "push.family_conflict", "absent"),
    (
        "They were fighting over a football in the park.",
        "push.family_conflict",
        "absent",
    ),
    (
        "YP told me her and her mam had a proper barney and she stormed out.",
        "push.family_conflict",
        "present",
    ),
    (
        "Says him and his dad are constantly clashing.",
        "push.family_conflict",
        "present",
    ),
    (
        "Its kicking off at home all the time, mum and stepdad going at it.",
        "push.family_conflict",
        "present",
    ),
    (
        "She said there was a massive bust up with her nan over money.",
        "push.family_conflict",
        "present",
    ),
    ("Dad told him to pack his bags and get out.", "push.family_conflict", "present"),
    ("States home is a war zone at the moment.", "push.family_conflict", "present"),
    ("She walked out after mum went mad at her.", "push.family_conflict", "present"),
    ("Parents are going through a messy divorce.", "push.family_conflict", "present"),
    (
        "There is no arguing at home, she says its calm.",
        "push.family_conflict",
        "absent",
    ),
    # push.domestic_abuse
    ("Her dad beats her mum when he's drunk.", "push.domestic_abuse", "present"),
    ("YP has seen her stepdad hit her mum.", "push.domestic_abuse", "present"),
    (
        "There is domestic violence at home and police have been called.",
        "push.domestic_abuse",
        "present",
    ),
    ("Mum's boyfriend threw a cup at mum last week.", "push.domestic_abuse", "present"),
    ("He says his dad is violent towards his mum.", "push.domestic_abuse", "present"),
    (
        "Her stepdad strangled her mum in front of her.",
        "push.domestic_abuse",
        "present",
    ),
    (
        "Mum and YP are in a refuge after fleeing her dad.",
        "push.domestic_abuse",
        "present",
    ),
    ("Her mum's ex kicked the door in at 2am.", "push.domestic_abuse", "present"),
    ("Says there are loads of domestics at home.", "push.domestic_abuse", "present"),
    (
        "He heard his dad hitting his mum through the wall.",
        "push.domestic_abuse",
        "present",
    ),
    ("He had a fight with his mate on the bus.", "push.domestic_abuse", "absent"),
    (
        "Mum and dad get on fine and there is no violence at home.",
        "push.domestic_abuse",
        "absent",
    ),
    (
        "She watched a film about domestic life in the 1950s at school.",
        "push.domestic_abuse",
        "absent",
    ),
    ("YP said mums fella batters her mum.", "push.domestic_abuse", "present"),
    (
        "Dad is really controlling with mum and wont let her go out.",
        "push.domestic_abuse",
        "present",
    ),
    ("Her stepdad grabbed her mum by the throat.", "push.domestic_abuse", "present"),
    (
        "Police were called to the house last week after dad smashed the place up.",
        "push.domestic_abuse",
        "present",
    ),
    # push.step_parent_or_poor_relationships
    (
        "She cant stand her stepdad.",
        "push.step_parent_or_poor_relationships",
        "present",
    ),
    (
        "He doesnt get on with his mum's new boyfriend.",
        "push.step_parent_or_poor_relationships",
        "present",
    ),
    (
        "YP says her mum's new fella is horrible to her.",
        "push.step_parent_or_poor_relationships",
        "present",
    ),
    (
        "Her relationship with her dad has broken down.",
        "push.step_parent_or_poor_relationships",
        "present",
    ),
    (
        "He says his dad wants nothing to do with him.",
        "push.step_parent_or_poor_relationships",
        "present",
    ),
    (
        "She says her mum favours her little sister.",
        "push.step_parent_or_poor_relationships",
        "present",
    ),
    ("He hates his step mum.", "push.step_parent_or_poor_relationships", "present"),
    (
        "YP and her mum dont get on at all.",
        "push.step_parent_or_poor_relationships",
        "present",
    ),
    (
        "Her stepmum is a nightmare, always on at her.",
        "push.step_parent_or_poor_relationships",
        "present",
    ),
    (
        "She has a poor relationship with her mum.",
        "push.step_parent_or_poor_relationships",
        "present",
    ),
    (
        "She loves her nan and sees her every weekend.",
        "push.step_parent_or_poor_relationships",
        "absent",
    ),
    (
        "He gets on well with his dad.",
        "push.step_parent_or_poor_relationships",
        "absent",
    ),
    (
        "She says her stepdad is a knob.",
        "push.step_parent_or_poor_relationships",
        "present",
    ),
    (
        "YP doesnt get along with her mums boyfriend.",
        "push.step_parent_or_poor_relationships",
        "present",
    ),
    (
        "He and his dad have no relationship.",
        "push.step_parent_or_poor_relationships",
        "present",
    ),
    (
        "Her dad has a new girlfriend she cant stand.",
        "push.step_parent_or_poor_relationships",
        "present",
    ),
    # push.abuse_or_neglect
    ("Her stepdad hits her with a belt.", "push.abuse_or_neglect", "present"),
    (
        "There is never any food in the house and she is always hungry.",
        "push.abuse_or_neglect",
        "present",
    ),
    ("YP says her mum locks her in her room.", "push.abuse_or_neglect", "present"),
    (
        "He was left on his own for days with no food.",
        "push.abuse_or_neglect",
        "present",
    ),
    (
        "She disclosed she was sexually abused by her uncle.",
        "push.abuse_or_neglect",
        "present",
    ),
    (
        "Her dad slapped her across the face on Saturday.",
        "push.abuse_or_neglect",
        "present",
    ),
    ("His mum calls him worthless and a mistake.", "push.abuse_or_neglect", "present"),
    (
        "The house is filthy and she has no clean clothes.",
        "push.abuse_or_neglect",
        "present",
    ),
    ("She says she was abused at home.", "push.abuse_or_neglect", "present"),
    (
        "Her carer grabbed her and shoved her against the wall.",
        "push.abuse_or_neglect",
        "present",
    ),
    ("Mum kicked her out after an argument.", "push.abuse_or_neglect", "absent"),
    ("Her boyfriend didnt hit her, she said.", "push.abuse_or_neglect", "absent"),
    ("He was in a bando with no electric.", "push.abuse_or_neglect", "absent"),
    ("YP says her dad beats her.", "push.abuse_or_neglect", "present"),
    (
        "Mum doesnt feed them and there is never food in.",
        "push.abuse_or_neglect",
        "present",
    ),
    (
        "Her stepdad touched her when she was asleep.",
        "push.abuse_or_neglect",
        "present",
    ),
    ("He has marks on his back from his dad.", "push.abuse_or_neglect", "present"),
    (
        "Mum leaves her and her brothers home alone all weekend.",
        "push.abuse_or_neglect",
        "present",
    ),
    ("Foster carer smacked him.", "push.abuse_or_neglect", "present"),
    # push.boundaries
    ("She had a row with mum over her curfew.", "push.boundaries", "present"),
    ("Carers took her phone off her so she left.", "push.boundaries", "present"),
    ("He hates the rules at the children's home.", "push.boundaries", "present"),
    ("Her mum wont let her go out after 8.", "push.boundaries", "present"),
    ("He was grounded for a week and ran off.", "push.boundaries", "present"),
    (
        "She was told to be home by 9 and came back at midnight.",
        "push.boundaries",
        "present",
    ),
    ("Staff confiscated her phone as a sanction.", "push.boundaries", "present"),
    ("He keeps breaking his curfew.", "push.boundaries", "present"),
    ("Her dad is too strict and treats her like a baby.", "push.boundaries", "present"),
    ("She argued with staff about coming in late.", "push.boundaries", "present"),
    ("She was home by 11 and nothing happened.", "push.boundaries", "absent"),
    (
        "She isnt allowed out of the house where she works and the lady keeps her passport.",
        "push.boundaries",
        "absent",
    ),
    ("Mum took the wifi off him so he left.", "push.boundaries", "present"),
    (
        "She had a fall out with carers about being in by 10.",
        "push.boundaries",
        "present",
    ),
    ("He says the rules at home are stupid.", "push.boundaries", "present"),
    # push.bullying
    ("She is being bullied at school by a group of girls.", "push.bullying", "present"),
    ("Some lads in his year pick on him every day.", "push.bullying", "present"),
    (
        "Girls from her class made her life hell on snapchat.",
        "push.bullying",
        "present",
    ),
    ("Her nudes got shared round the whole school.", "push.bullying", "present"),
    ("People keep calling her names online.", "push.bullying", "present"),
    ("He says the group chat turned on him.", "push.bullying", "present"),
    (
        "They keep taking the piss out of him for his clothes.",
        "push.bullying",
        "present",
    ),
    ("She was getting loads of hate online.", "push.bullying", "present"),
    ("Kids at school spread rumours about her.", "push.bullying", "present"),
    (
        "She says everyone hates her at school and she has no friends.",
        "push.bullying",
        "present",
    ),
    ("He admits he bullies the younger kids.", "push.bullying", "absent"),
    ("She says nobody bullies her and school is fine.", "push.bullying", "absent"),
    (
        "Some girls at school keep slagging her off on insta.",
        "push.bullying",
        "present",
    ),
    ("He gets called names because of his weight.", "push.bullying", "present"),
    ("They made a group chat about her.", "push.bullying", "present"),
    # push.pregnancy
    ("She thinks she might be pregnant.", "push.pregnancy", "present"),
    ("YP is 12 weeks pregnant.", "push.pregnancy", "present"),
    ("Her period is late and she is scared.", "push.pregnancy", "present"),
    ("She got pregnant by her boyfriend.", "push.pregnancy", "present"),
    ("She took a pregnancy test at a friend's house.", "push.pregnancy", "present"),
    ("She had an abortion in the summer.", "push.pregnancy", "present"),
    (
        "She was worried she was pregnant and went to the clinic.",
        "push.pregnancy",
        "present",
    ),
    ("She got the morning after pill from the chemist.", "push.pregnancy", "present"),
    ("Shes preggers and hasnt told her mum.", "push.pregnancy", "present"),
    ("She says she is having a baby in March.", "push.pregnancy", "present"),
    ("Her sister is pregnant.", "push.pregnancy", "absent"),
    ("She is not pregnant, the test was negative.", "push.pregnancy", "absent"),
    # push.forced_marriage_or_fgm
    (
        "Her family want her to marry her cousin in Pakistan.",
        "push.forced_marriage_or_fgm",
        "present",
    ),
    (
        "She is scared she will be married off when she turns 16.",
        "push.forced_marriage_or_fgm",
        "present",
    ),
    ("Dad is arranging a marriage for her.", "push.forced_marriage_or_fgm", "present"),
    (
        "She fears being taken back home to be cut.",
        "push.forced_marriage_or_fgm",
        "present",
    ),
    (
        "Her mum said they will find her a husband.",
        "push.forced_marriage_or_fgm",
        "present",
    ),
    (
        "She is worried about FGM on the family holiday.",
        "push.forced_marriage_or_fgm",
        "present",
    ),
    (
        "Her uncle says she has to get married this summer.",
        "push.forced_marriage_or_fgm",
        "present",
    ),
    (
        "She is being forced to marry an older man.",
        "push.forced_marriage_or_fgm",
        "present",
    ),
    (
        "There is talk of a wedding for her when they go to Bangladesh.",
        "push.forced_marriage_or_fgm",
        "present",
    ),
    (
        "She says she is promised to a man in Somalia.",
        "push.forced_marriage_or_fgm",
        "present",
    ),
    (
        "Her cousin got married last year and she went to the wedding.",
        "push.forced_marriage_or_fgm",
        "absent",
    ),
    ("He cut his hand on some glass.", "push.forced_marriage_or_fgm", "absent"),
    # push.school_problems
    (
        "He is struggling at school and behind in everything.",
        "push.school_problems",
        "present",
    ),
    ("She hates school and the teachers.", "push.school_problems", "present"),
    (
        "He is on report and keeps getting detentions.",
        "push.school_problems",
        "present",
    ),
    ("She cant keep up in lessons.", "push.school_problems", "present"),
    ("Says the teachers have it in for him.", "push.school_problems", "present"),
    ("He keeps getting into fights at school.", "push.school_problems", "present"),
    ("She is falling behind with her coursework.", "push.school_problems", "present"),
    ("He was suspended for a week.", "push.school_problems", "present"),
    ("Her exams are stressing her out.", "push.school_problems", "present"),
    ("He gets sent out of class most days.", "push.school_problems", "present"),
    (
        "She loves school and is doing well in her GCSEs.",
        "push.school_problems",
        "absent",
    ),
    ("He hates the rules at the children's home.", "push.school_problems", "absent"),
    (
        "She skives lessons because she cant do the work.",
        "push.school_problems",
        "present",
    ),
    ("Teachers always on his back.", "push.school_problems", "present"),
    ("She is struggling with her GCSEs.", "push.school_problems", "present"),
    (
        "He was excluded from school for fighting last year.",
        "push.school_problems",
        "absent",
    ),
    (
        "She has started at a new college and loves it.",
        "push.school_problems",
        "absent",
    ),
    # push.mental_health
    ("She has been feeling really low for weeks.", "push.mental_health", "present"),
    ("He has anxiety and panic attacks.", "push.mental_health", "present"),
    ("YP is on the waiting list for CAMHS.", "push.mental_health", "present"),
    ("She says she is depressed.", "push.mental_health", "present"),
    ("He said he doesnt want to be here anymore.", "push.mental_health", "present"),
    ("She wants to kill herself.", "push.mental_health", "present"),
    ("He cant sleep and keeps overthinking.", "push.mental_health", "present"),
    ("She is on sertraline.", "push.mental_health", "present"),
    ("He says his head is all over the place.", "push.mental_health", "present"),
    ("She has an eating disorder.", "push.mental_health", "present"),
    ("Her mum's mental health nurse came round.", "push.mental_health", "absent"),
    ("She says she feels fine and happy now.", "push.mental_health", "absent"),
    ("YP says she has been in a really dark place.", "push.mental_health", "present"),
    ("He gets really bad anxiety on the bus.", "push.mental_health", "present"),
    ("She has been diagnosed with depression.", "push.mental_health", "present"),
    ("He has been having suicidal thoughts.", "push.mental_health", "present"),
    # push.unhappy_in_placement
    ("She hates it at the resi.", "push.unhappy_in_placement", "present"),
    ("He doesnt like his foster carers.", "push.unhappy_in_placement", "present"),
    (
        "The other kids at the home keep picking on him.",
        "push.unhappy_in_placement",
        "present",
    ),
    ("She wants a new placement.", "push.unhappy_in_placement", "present"),
    ("Says the staff dont listen to her.", "push.unhappy_in_placement", "present"),
    ("He is miserable at the children's home.", "push.unhappy_in_placement", "present"),
    (
        "She was placed miles away from everyone she knows.",
        "push.unhappy_in_placement",
        "present",
    ),
    ("He cant stand his carers.", "push.unhappy_in_placement", "present"),
    (
        "She says her placement is breaking down.",
        "push.unhappy_in_placement",
        "present",
    ),
    ("He doesnt want to go back to the unit.", "push.unhappy_in_placement", "present"),
    (
        "She likes her foster carers and feels settled.",
        "push.unhappy_in_placement",
        "absent",
    ),
    ("He says he doesnt know anyone older.", "push.unhappy_in_placement", "absent"),
    ("Hates the resi, says its like a prison.", "push.unhappy_in_placement", "present"),
    (
        "YP says her foster carers are too strict.",
        "push.unhappy_in_placement",
        "present",
    ),
    (
        "He doesnt get on with the other lads at the unit.",
        "push.unhappy_in_placement",
        "present",
    ),
    ("She keeps asking her SW to move her.", "push.unhappy_in_placement", "present"),
    # pull.friends_or_partner
    (
        "She stayed at her boyfriend's all weekend.",
        "pull.friends_or_partner",
        "present",
    ),
    ("He was out with his mates in town.", "pull.friends_or_partner", "present"),
    ("She went to a party at a friend's house.", "pull.friends_or_partner", "present"),
    ("He just wanted to chill with his boys.", "pull.friends_or_partner", "present"),
    (
        "She was at her mates house the whole time.",
        "pull.friends_or_partner",
        "present",
    ),
    (
        "He went because his girlfriend asked him to come.",
        "pull.friends_or_partner",
        "present",
    ),
    ("She slept over at her bestie's.", "pull.friends_or_partner", "present"),
    (
        "He was hanging about with his crew at the skatepark.",
        "pull.friends_or_partner",
        "present",
    ),
    ("She wanted to see her bf.", "pull.friends_or_partner", "present"),
    (
        "He was linking with his girlfriend in Bath.",
        "pull.friends_or_partner",
        "present",
    ),
    ("She has stopped seeing her friends.", "pull.friends_or_partner", "absent"),
    ("He was on his own the whole time.", "pull.friends_or_partner", "absent"),
    ("She was at her bfs flat all weekend.", "pull.friends_or_partner", "present"),
    (
        "YP states she was chillin with her mandem.",
        "pull.friends_or_partner",
        "present",
    ),
    ("He stopped at his mates house.", "pull.friends_or_partner", "present"),
    (
        "She went to a party with her mates in Yate.",
        "pull.friends_or_partner",
        "present",
    ),
    ("She was at her boyfriends.", "pull.friends_or_partner", "present"),
    # pull.someone_they_cannot_otherwise_see
    (
        "She isnt allowed to see her boyfriend so she sneaks out.",
        "pull.someone_they_cannot_otherwise_see",
        "present",
    ),
    (
        "He ran away to see his dad who he has no contact with.",
        "pull.someone_they_cannot_otherwise_see",
        "present",
    ),
    (
        "Her contact with mum is supervised so she goes to see her.",
        "pull.someone_they_cannot_otherwise_see",
        "present",
    ),
    (
        "The court stopped contact with her dad.",
        "pull.someone_they_cannot_otherwise_see",
        "present",
    ),
    (
        "Her carers wont let her see her brother.",
        "pull.someone_they_cannot_otherwise_see",
        "present",
    ),
    (
        "Running away is the only way she gets to see her sister.",
        "pull.someone_they_cannot_otherwise_see",
        "present",
    ),
    (
        "Mum banned her from seeing him.",
        "pull.someone_they_cannot_otherwise_see",
        "present",
    ),
    (
        "She snuck out to see her boyfriend.",
        "pull.someone_they_cannot_otherwise_see",
        "present",
    ),
    (
        "He isnt allowed near his old mates.",
        "pull.someone_they_cannot_otherwise_see",
        "present",
    ),
    (
        "Her siblings are placed apart from her.",
        "pull.someone_they_cannot_otherwise_see",
        "present",
    ),
    (
        "She sees her mum every weekend.",
        "pull.someone_they_cannot_otherwise_see",
        "absent",
    ),
    (
        "He can see his dad whenever he wants.",
        "pull.someone_they_cannot_otherwise_see",
        "absent",
    ),
    (
        "SW has stopped her seeing her dad so she goes anyway.",
        "pull.someone_they_cannot_otherwise_see",
        "present",
    ),
    (
        "She's not supposed to see her boyfriend.",
        "pull.someone_they_cannot_otherwise_see",
        "present",
    ),
    (
        "He ran away to see his brother who lives in another placement.",
        "pull.someone_they_cannot_otherwise_see",
        "present",
    ),
    # pull.family_or_home_area
    (
        "She wants to go back to Hartcliffe where she grew up.",
        "pull.family_or_home_area",
        "present",
    ),
    ("He misses his mum and little brothers.", "pull.family_or_home_area", "present"),
    ("She went to her nans in Bath.", "pull.family_or_home_area", "present"),
    ("He keeps going back to his old area.", "pull.family_or_home_area", "present"),
    ("She wants to live with her dad.", "pull.family_or_home_area", "present"),
    (
        "All his mates are in Bristol so he goes back there.",
        "pull.family_or_home_area",
        "present",
    ),
    ("She ran back to her mum's.", "pull.family_or_home_area", "present"),
    ("He went to see his nan in Wales.", "pull.family_or_home_area", "present"),
    (
        "She wants to be moved back home to her family.",
        "pull.family_or_home_area",
        "present",
    ),
    (
        "He went back to his ends to see his boys.",
        "pull.family_or_home_area",
        "present",
    ),
    ("She was at her nan's the whole time.", "pull.family_or_home_area", "absent"),
    ("They said they know where his nan lives.", "pull.family_or_home_area", "absent"),
    (
        "She goes back to Knowle West cos thats where her family are.",
        "pull.family_or_home_area",
        "present",
    ),
    ("He went home to his mum's in Swindon.", "pull.family_or_home_area", "present"),
    ("She misses her little sister loads.", "pull.family_or_home_area", "present"),
    ("He keeps going back to his old estate.", "pull.family_or_home_area", "present"),
    ("She went home to her foster carers at 9.", "pull.family_or_home_area", "absent"),
    # pull.freedom
    ("She just wants some freedom.", "pull.freedom", "present"),
    ("He says its his life and he can do what he wants.", "pull.freedom", "present"),
    ("She is sick of being told what to do.", "pull.freedom", "present"),
    ("He wanted to be free.", "pull.freedom", "present"),
    ("She wants to come and go when she likes.", "pull.freedom", "present"),
    ("He hates people telling him what to do.", "pull.freedom", "present"),
    ("She wants her independence.", "pull.freedom", "present"),
    ("He feels controlled and wants space.", "pull.freedom", "present"),
    ("She likes doing her own thing.", "pull.freedom", "present"),
    ("He just wanted a break from everyone.", "pull.freedom", "present"),
    ("Police said she was free to go.", "pull.freedom", "absent"),
    ("He got a free meal at the youth club.", "pull.freedom", "absent"),
    ("She says shes old enough to make her own decisions.", "pull.freedom", "present"),
    ("She hates being cooped up in the house.", "pull.freedom", "present"),
    ("He wants to be able to go out when he wants.", "pull.freedom", "present"),
    ("He was released from custody and is free now.", "pull.freedom", "absent"),
    # pull.risky_activities
    ("He does it for the buzz.", "pull.risky_activities", "present"),
    ("She likes getting drunk at parties.", "pull.risky_activities", "present"),
    ("He was robbing bikes just for fun.", "pull.risky_activities", "present"),
    ("She wanted to get high with her mates.", "pull.risky_activities", "present"),
    ("He likes the money and the lifestyle.", "pull.risky_activities", "present"),
    ("She loves the thrill of it.", "pull.risky_activities", "present"),
    ("He wants to make easy money.", "pull.risky_activities", "present"),
    (
        "She goes to raves every weekend for the excitement.",
        "pull.risky_activities",
        "present",
    ),
    ("He did it for a laugh.", "pull.risky_activities", "present"),
    ("She loves partying.", "pull.risky_activities", "present"),
    ("She got a part time job to earn money.", "pull.risky_activities", "absent"),
    ("He went to the cinema.", "pull.risky_activities", "absent"),
    ("She likes getting off her face at raves.", "pull.risky_activities", "present"),
    ("He says its exciting being out at night.", "pull.risky_activities", "present"),
    ("He wants the money and the nice trainers.", "pull.risky_activities", "present"),
    # pull.grooming_or_coercion
    (
        "An older man told her he loved her and asked her to meet him.",
        "pull.grooming_or_coercion",
        "present",
    ),
    (
        "The olders bought him new trainers and a phone.",
        "pull.grooming_or_coercion",
        "present",
    ),
    (
        "He was groomed online by a man in his 30s.",
        "pull.grooming_or_coercion",
        "present",
    ),
    (
        "They promised her money and somewhere to stay.",
        "pull.grooming_or_coercion",
        "present",
    ),
    ("He said they look after him.", "pull.grooming_or_coercion", "present"),
    (
        "The man gave her free vapes and then wanted stuff back.",
        "pull.grooming_or_coercion",
        "present",
    ),
    (
        "She was pressured into going to the party.",
        "pull.grooming_or_coercion",
        "present",
    ),
    (
        "They told him if he didnt go they would hurt him.",
        "pull.grooming_or_coercion",
        "present",
    ),
    ("He says he had no choice.", "pull.grooming_or_coercion", "present"),
    ("They treat him like family.", "pull.grooming_or_coercion", "present"),
    ("Mum bought her a phone for her birthday.", "pull.grooming_or_coercion", "absent"),
    (
        "They gave him a phone and told him to keep it on.",
        "pull.grooming_or_coercion",
        "absent",
    ),
    (
        "An older lad kept messaging her on snap asking to meet.",
        "pull.grooming_or_coercion",
        "present",
    ),
    (
        "The man said she was mature for her age.",
        "pull.grooming_or_coercion",
        "present",
    ),
    (
        "He was convinced to go to Exeter by his olders.",
        "pull.grooming_or_coercion",
        "present",
    ),
    (
        "A man she met online persuaded her to get on a train to Cardiff.",
        "pull.grooming_or_coercion",
        "present",
    ),
    # pull.fear_of_repercussions
    (
        "He said if he doesnt go they'll hurt his mum.",
        "pull.fear_of_repercussions",
        "present",
    ),
    ("She was too scared to say no.", "pull.fear_of_repercussions", "present"),
    (
        "He is scared of what they will do to his family.",
        "pull.fear_of_repercussions",
        "present",
    ),
    (
        "They threatened to post her pics if she didnt come.",
        "pull.fear_of_repercussions",
        "present",
    ),
    ("He had to go or else.", "pull.fear_of_repercussions", "present"),
    ("She is terrified they will find her.", "pull.fear_of_repercussions", "present"),
    (
        "They threatened to hurt his little sister.",
        "pull.fear_of_repercussions",
        "present",
    ),
    (
        "He is scared he'll get jumped if he stops.",
        "pull.fear_of_repercussions",
        "present",
    ),
    ("She didnt dare say no.", "pull.fear_of_repercussions", "present"),
    (
        "He went because he was frightened of the olders.",
        "pull.fear_of_repercussions",
        "present",
    ),
    ("She is scared of spiders.", "pull.fear_of_repercussions", "absent"),
    ("He is not worried about anything.", "pull.fear_of_repercussions", "absent"),
    (
        "He said he was scared theyd do something to his mum if he didnt go.",
        "pull.fear_of_repercussions",
        "present",
    ),
    (
        "They said theyd stab him if he stopped.",
        "pull.fear_of_repercussions",
        "present",
    ),
    (
        "She said she is too scared to leave him.",
        "pull.fear_of_repercussions",
        "present",
    ),
    # episode.slept_rough
    ("She slept on a bench in the park.", "episode.slept_rough", "present"),
    ("He kipped in a doorway in town.", "episode.slept_rough", "present"),
    ("They slept in a stairwell in the flats.", "episode.slept_rough", "present"),
    ("He slept rough for two nights.", "episode.slept_rough", "present"),
    ("She walked round the streets all night.", "episode.slept_rough", "present"),
    ("He slept on the night bus.", "episode.slept_rough", "present"),
    ("She stayed out all night in the woods.", "episode.slept_rough", "present"),
    ("He dossed in a bando.", "episode.slept_rough", "present"),
    (
        "She had nowhere to sleep so stayed at the bus station.",
        "episode.slept_rough",
        "present",
    ),
    ("He was sleeping outside the shops.", "episode.slept_rough", "present"),
    ("She slept at her nan's.", "episode.slept_rough", "absent"),
    ("He sleeps in his own bed at his dad's.", "episode.slept_rough", "absent"),
    ("She slept in the park on Friday night.", "episode.slept_rough", "present"),
    ("He spent the night on the streets.", "episode.slept_rough", "present"),
    ("They kipped in a car park.", "episode.slept_rough", "present"),
    # episode.stayed_with_unknown_adults
    (
        "She stayed at a man's flat she had only just met.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "He crashed at some random's house.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "She slept at a house with people she didnt know.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "He stayed with some older guys he met in the park.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "She woke up in a flat with a man she didnt know.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "They dropped him at a house he didnt recognise and he stayed there.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "She spent the night at a stranger's house.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "He stayed with a woman he met at the station.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "She didnt know who the men at the flat were.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "He kipped at some bloke's gaff he met that night.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    ("She stayed at her aunt's house.", "episode.stayed_with_unknown_adults", "absent"),
    (
        "He stayed with his mate Kyle who he has known for years.",
        "episode.stayed_with_unknown_adults",
        "absent",
    ),
    (
        "She stayed at some guys house she met on the bus.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "He slept at a random mans flat.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    (
        "YP stopped at a house with some men she didnt know.",
        "episode.stayed_with_unknown_adults",
        "present",
    ),
    # episode.hurt_or_harmed
    ("She got hit by one of the men.", "episode.hurt_or_harmed", "present"),
    ("He was jumped by some lads in town.", "episode.hurt_or_harmed", "present"),
    ("She came back with a black eye.", "episode.hurt_or_harmed", "present"),
    ("He got stabbed in the leg.", "episode.hurt_or_harmed", "present"),
    (
        "She had bruises on her arms she couldnt explain.",
        "episode.hurt_or_harmed",
        "present",
    ),
    ("Her drink was spiked at the party.", "episode.hurt_or_harmed", "present"),
    ("They held a knife to his throat.", "episode.hurt_or_harmed", "present"),
    ("Someone punched him in the face.", "episode.hurt_or_harmed", "present"),
    ("She was sexually assaulted at the flat.", "episode.hurt_or_harmed", "present"),
    ("He got beaten up for losing the bag.", "episode.hurt_or_harmed", "present"),
    ("He got kicked out of the shop.", "episode.hurt_or_harmed", "absent"),
    ("He hurt himself playing football.", "episode.hurt_or_harmed", "absent"),
    ("She said one of the lads slapped her.", "episode.hurt_or_harmed", "present"),
    ("He got his head kicked in.", "episode.hurt_or_harmed", "present"),
    ("She was raped at the flat.", "episode.hurt_or_harmed", "present"),
    ("He came back covered in bruises.", "episode.hurt_or_harmed", "present"),
    (
        "He hit his head on the door frame at home, no one hurt him.",
        "episode.hurt_or_harmed",
        "absent",
    ),
    # episode.offending_while_missing
    (
        "He was caught shoplifting in Primark.",
        "episode.offending_while_missing",
        "present",
    ),
    ("She stole booze from the Spar.", "episode.offending_while_missing", "present"),
    (
        "He was out robbing phones with his mates.",
        "episode.offending_while_missing",
        "present",
    ),
    ("He smashed up a bus stop.", "episode.offending_while_missing", "present"),
    ("She got arrested for assault.", "episode.offending_while_missing", "present"),
    ("He broke into a car.", "episode.offending_while_missing", "present"),
    ("They went on the rob in town.", "episode.offending_while_missing", "present"),
    ("He assaulted a member of staff.", "episode.offending_while_missing", "present"),
    (
        "He got a caution for criminal damage.",
        "episode.offending_while_missing",
        "present",
    ),
    ("She was nicked for theft.", "episode.offending_while_missing", "present"),
    ("He got robbed on the way home.", "episode.offending_while_missing", "absent"),
    ("Her phone was stolen.", "episode.offending_while_missing", "absent"),
    ("He nicked some clothes from JD.", "episode.offending_while_missing", "present"),
    (
        "She was caught stealing from Tesco.",
        "episode.offending_while_missing",
        "present",
    ),
    ("He was arrested for robbery.", "episode.offending_while_missing", "present"),
    ("They broke into a shop.", "episode.offending_while_missing", "present"),
    # episode.missing_with_other_children
    (
        "She went missing with two girls from her care home.",
        "episode.missing_with_other_children",
        "present",
    ),
    (
        "He ran off with another lad from the unit.",
        "episode.missing_with_other_children",
        "present",
    ),
    (
        "They were found together in Weston.",
        "episode.missing_with_other_children",
        "present",
    ),
    (
        "She was with three other 15 year olds.",
        "episode.missing_with_other_children",
        "present",
    ),
    (
        "He and his mate went missing on Friday.",
        "episode.missing_with_other_children",
        "present",
    ),
    (
        "They all ran from the home together.",
        "episode.missing_with_other_children",
        "present",
    ),
    (
        "She was found with a group of kids in the park.",
        "episode.missing_with_other_children",
        "present",
    ),
    (
        "He absconded with another young person.",
        "episode.missing_with_other_children",
        "present",
    ),
    (
        "She was with 2 girls from her year.",
        "episode.missing_with_other_children",
        "present",
    ),
    (
        "He was picked up by police with two boys from his school.",
        "episode.missing_with_other_children",
        "present",
    ),
    (
        "She was on her own the whole time.",
        "episode.missing_with_other_children",
        "absent",
    ),
    ("He was with two older men.", "episode.missing_with_other_children", "absent"),
    (
        "She went missing with her mate Kayla.",
        "episode.missing_with_other_children",
        "present",
    ),
    (
        "YP and two other girls from the home absconded.",
        "episode.missing_with_other_children",
        "present",
    ),
    (
        "He was found with other kids from the unit.",
        "episode.missing_with_other_children",
        "present",
    ),
    (
        "They all went missing together.",
        "episode.missing_with_other_children",
        "present",
    ),
    (
        "She was with her mum all evening.",
        "episode.missing_with_other_children",
        "absent",
    ),
]


@pytest.mark.parametrize("text,indicator,expect", CASES)
def test_round2_push_pull_episode(text: str, indicator: str, expect: str) -> None:
    got = [
        s for s in analyse(text, "2026-11-20").suggestions if s.indicator == indicator
    ]
    dump = [s.to_dict() for s in got]
    present = any(s.assertion == "present" for s in got)
    if expect == "present":
        assert present, dump
    else:
        assert not present, dump
