"""More suggestive question families (issue 11): pressure to change or confirm an answer,
tag questions in spoken forms, threats, inducements, someone else's account, praise for an
answer, the practitioner's own conclusion, permission for one answer, forced choices,
presumed payment, confinement or harm, and blame. Each family has examples in fictional
wording of our own (not from any eval set), and near-misses that must keep their type:
an open invitation must never be called suggestive.
"""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import classify_question

FAMILIES: dict[str, list[str]] = {
    "tag questions in spoken forms": [
        "You slept at his flat yeah?",
        "it was Connor that gave you the weed innit",
        "He took your phone off you didn't he though?",
        "You were there, weren't you? Who else was?",
        "You went in the car, right? Where did it go?",
        "She picked you up from school, yeah mate?",
        "You owe them money, am I right?",
        "They dropped you at the station, isn't that so?",
    ],
    "pressing to confirm": [
        "Are you definitely sure it was Tuesday?",
        "You sure about that?",
        "Is it definitely the same lad?",
        "Can you swear that nobody else was in the flat?",
    ],
    "disbelief": [
        "I'm not convinced you're telling me everything.",
        "You're holding something back, aren't you.",
        "There's got to be more to it than that",
        "Right, this time tell me properly what happened.",
        "Stop messing me about and tell me where you were.",
    ],
    "a threat": [
        "If you won't tell me who it was I'll have to ring your social worker.",
        "Unless you give us his name we can't do anything.",
        "You'll be in serious trouble if you keep lying.",
    ],
    "an inducement": [
        "Nobody will be cross if you just tell me it was him.",
        "I'll let you have your phone when you've told me where you stayed.",
        "You can have your tablet back once you tell me.",
    ],
    "someone else's account, then a question": [
        "Your teacher says you've been missing lessons to meet him. Where do you go?",
        "CCTV shows you getting into a taxi. Who was with you?",
        "Jordan admitted he took you there. Did he take you?",
        "The police said they found you in a trap house. How long were you there for?",
    ],
    "praise for a particular answer": [
        "Good lad. Now tell me what else he gave you.",
        "That's what I was waiting to hear. Who else knows?",
        "See, that wasn't so hard. What did they do next?",
    ],
    "the practitioner's own conclusion": [
        "It sounds to me like he was grooming you. When did you meet him?",
        "Basically they were using you to run drugs",
        "I reckon you're in debt to them. How much do you owe?",
        "Seems to me she was controlling you. What did she stop you doing?",
    ],
    "permission for one answer": [
        "It's alright to say Uncle Dave touched you.",
        "You're allowed to tell me that they hurt you.",
        "It's OK to tell us your boyfriend hit you.",
    ],
    "a forced choice between two people for a presumed act": [
        "Was it Mo that drove you, or his cousin?",
        "Was it the woman at the hotel who paid you or one of the men?",
        "Was it Tash who sent you or her brother?",
    ],
    "a payment presumed": [
        "What did they give you to take the bag to Swindon?",
        "How much did he pay you for running the line?",
        "What did she buy you for doing the drop?",
    ],
    "an invitation whose topic presumes harm": [
        "Tell me about the times he hit you.",
        "Tell me about when the men locked you in the room.",
        "Talk me through how they groomed you.",
    ],
    "presumed confinement or exploitation": [
        "How long did they keep you in the flat?",
        "Where did they lock you?",
        "When did he film you?",
    ],
    "a contradiction put back to the child": [
        "First you said it was Tuesday, now you're saying Wednesday?",
        "At the start it was two lads and now it's three. Which is true?",
        "Which story am I supposed to believe?",
    ],
    "evidence put to the child": [
        "We've got you on CCTV at the services. Who was driving?",
        "His phone shows you were messaging him at 3am. What was that about?",
        "The police have footage of you at the bus station.",
    ],
    "a negative question that presumes the answer": [
        "Isn't it the case that he paid for everything?",
        "Wasn't he the one with the knife?",
        "Hasn't she been giving you money?",
    ],
    "a wh- question whose clause presumes harm": [
        "What were you wearing when he touched you?",
        "Who else was in the room after they locked you in?",
        "How did it feel when she slapped you?",
    ],
    "help promised in return for an answer": [
        "If you work with us we'll make sure you're not moved placement.",
        "If you just give us his name I'll see what I can do.",
        "Tell us who sent you and we'll make sure you don't get charged.",
    ],
    "repeating the question or asking the child to think again": [
        "Let's run through that again. Where did you get off the bus?",
        "Again, where did you sleep?",
        "I want you to think really hard about who gave you the sim.",
        "Really? He didn't say anything at all?",
    ],
    "disbelief in plain words": [
        "I can't believe that nobody spoke to you all weekend.",
        "You've given me two different answers. What's the real truth?",
        "That doesn't add up. Where were you really?",
        "You're scared to say, I can tell.",
    ],
    "the practitioner asserts exploitation": [
        "That lot were just using you. Who's in charge?",
        "It's obvious she's been grooming you. When did you meet?",
        "You're the victim here. Who made you do it?",
    ],
    "what everyone else knows": [
        "Everyone on the estate knows he deals. Did he get you to sell?",
        "All the other girls said he gave them vodka. What did he give you?",
        "The whole school saw you get in his car. Where did he take you?",
    ],
    "an inducement or threat in plain words": [
        "If you answer my questions you'll be back in time for football.",
        "As long as you tell me who it was, you can keep your phone.",
        "Don't make me phone your dad.",
    ],
    "permission as 'nobody will blame you'": [
        "No one will think badly of you for saying he hurt you.",
        "Nobody is going to blame you if you tell us it was Marcus.",
        "Nobody will be angry with you for admitting they paid you.",
    ],
    "blame for letting someone treat the child so": [
        "Why would you let them talk to you like that?",
        "Why do you put up with him?",
        "Why did you allow them to take your phone?",
    ],
    "permission naming who did it": [
        "It's ok, you can tell me the lad hurt you.",
        "It's ok to tell us the older lads hurt you.",
        "You can say they forced you, it's alright.",
        "It's safe to say those men paid you.",
    ],
    "blame put as exasperation": [
        "What were you thinking, going to Birmingham with them?",
        "Why on earth would you go back there?",
        "What possessed you to get in that car?",
    ],
    "keeping the child there until they answer": [
        "I'll keep asking you till I get an answer.",
        "You're not going home until you give us a name.",
        "We'll sit here all night unless you tell us.",
    ],
    "honesty made a condition of help": [
        "If you're not straight with us we can't help you.",
        "If you won't tell me I can't protect you.",
        "Help me out a bit and I can sort your contact with your mum.",
    ],
    "an either/or that presumes a payment or being made to act": [
        "Did he pay you with money or with clothes?",
        "Was it pills or weed they had you holding?",
        "Who made you go, Jay or his brother?",
    ],
    "doubt about the child's answer in a wh- question": [
        "Where were you really?",
        "I'm not sure I buy that. Who else was in the car?",
        "When did it really start?",
    ],
    "a last chance, a final word, or scorn": [
        "Yeah right. Who gave it you then?",
        "Is that your final version?",
        "Come off it, you were there all night.",
        "This is your last chance to be honest with me.",
    ],
    "an appeal to family or feelings": [
        "Think about your mam. Would she want you lying?",
        "You love your sister, don't you, so help me keep her safe.",
        "Your nan's beside herself. Where have you been?",
    ],
    "someone else's account named as the source": [
        "According to school you've been skipping to meet him. Where do you go?",
        "Your friend has given the police a full statement. Anything to add?",
        "Do you want to tell us your side of it?",
    ],
    "a presumption marked as such": [
        "Presumably he paid for the hotel?",
        "You'd have been scared, I imagine?",
        "I take it the phone was his?",
    ],
    "a wh- question presuming a sexual or exploitative act": [
        "What did the men do to you at the party?",
        "Who paid to have you there?",
        "Where were you when they took pictures of you?",
    ],
    "an either/or presuming a harm happened": [
        "Were there two or three of them who attacked you?",
        "Was that the last time he hit you or has he done it since?",
        "Is it the first time someone touched you or has it happened before?",
        "Had he threatened you before that night or was it the first time?",
    ],
    "how often the child was asked or changed their answer": [
        "You've changed your answer twice now.",
        "I've asked you this three times. Who was driving?",
        "That's the second time I've asked, where's the phone?",
        "Try that again, and this time make sure it's the truth.",
    ],
    "someone else has already told it all": [
        "Your cousin's already told the police everything. Did you go too?",
        "She has already explained to staff what happened. What did you see?",
        "Kai already admitted to us the lot, so who else was there?",
    ],
    "secrecy promised, or a threat if the child keeps refusing": [
        "Nobody's going to know it was you if you tell me his name.",
        "If you carry on saying nothing I'll have to write that you refused.",
        "If you keep messing us about we'll be here all night.",
    ],
    "who else was made to act": [
        "Who else has he slept with?",
        "Who else did they make carry?",
        "Who else did he send to Bristol?",
        "So who else did the olders use?",
    ],
    "the question asked again, or the child asked to think again": [
        "I need to ask you once more: who had the key?",
        "Why don't you have another think about who was there?",
        "Let me give you a moment to think about whether that's right.",
    ],
    "an earlier answer put back with a push to change it": [
        "At first you said it was dark. So was it dark or not?",
        "You told the officer earlier that you walked. Are you still saying that?",
        "A minute ago you said two lads, now you're saying three.",
    ],
    "holding something back, or looking unsure": [
        "Is there anything else you're not telling me?",
        "There's loads more you could say, isn't there.",
        "You don't sound all that sure. Was it Kai?",
        "Your eyes are telling me something different.",
    ],
    "a call for the truth before a closed question": [
        "Be honest: was he there?",
        "Truthfully now, did you take the money?",
        "Tell us the truth, who gave you the phone?",
    ],
    "an outcome for the adult promised for the answer": [
        "They'll be arrested if you tell us, so you'll be safe.",
        "If you give us his name he'll be locked up tonight.",
        "He would be stopped if you helped us.",
    ],
    "blame": [
        "What did you expect going off with strangers?",
        "Whose fault do you think that was?",
        "You put yourself in that position, so what did you think would happen?",
        "Why did you get in the car when you knew he was dangerous?",
    ],
}

NEAR_MISSES = [
    ("Tell me about the time you were at the flat.", "invitation"),
    ("Tell me about when you came home.", "invitation"),
    ("Tell me about when your mum picked you up.", "invitation"),
    ("You said he hit you. Tell me about the times he hit you.", "cued_invitation"),
    ("You mentioned they locked the door. Tell me more about that.", "cued_invitation"),
    ("It sounds like a lot happened. Tell me about it.", "invitation"),
    ("Take as long as you need, and tell me what happened.", "invitation"),
    ("It's ok to tell me if you don't remember.", "invitation"),
    ("It's fine to say you don't know.", "invitation"),
    ("Your mum said you've been worried. Tell me about that.", "invitation"),
    ("Thank you for telling me. What happened next?", "invitation"),
    ("Well done, you're doing really well. Tell me more about the weekend.", "invitation"),
    ("Are you sure you're comfortable?", "option_posing"),
    ("Did anyone pay you?", "option_posing"),
    ("Did you turn left or right?", "option_posing"),
    ("Are you ok?", "option_posing"),
    ("Would you like a break?", "option_posing"),
    ("How much did they give you for it?", "directive"),
    ("Where did they keep the drugs?", "directive"),
    ("Who kept the money?", "directive"),
    ("What did your mum say when you got back?", "directive"),
    ("Your mum said you were upset. How do you feel about that now?", "directive"),
    ("If you can't remember, is that ok?", "option_posing"),
    ("If you don't want to answer that's fine, shall we move on?", "option_posing"),
    ("If you need a break at any point, will you tell me?", "option_posing"),
    ("If you could change one thing at home, what would it be?", "directive"),
    ("Which bus did you get?", "directive"),
    ("Again, thank you for coming in. Tell me about your week.", "invitation"),
    ("I can see this is hard. Tell me what you can.", "invitation"),
    ("How old was the man you mentioned?", "directive"),
    ("Who was the lad who drove?", "directive"),
    ("Did he give you a lift or did you walk?", "option_posing"),
    ("Did they make you go or did you want to?", "option_posing"),
    ("Were you paid in cash?", "option_posing"),
    ("What really matters to you right now?", "directive"),
    ("You can tell me about it whenever you're ready.", "invitation"),
    ("Did it feel as if you couldn't leave?", "option_posing"),
    ("Could you do me a favour and draw the room for me?", "option_posing"),
    ("What's your last chance to get the bus home?", "directive"),
    ("You can tell me about the man whenever you're ready.", "invitation"),
    ("Do you want to tell me about your mum?", "option_posing"),
    ("What did you do to your arm?", "directive"),
    ("Who took the photos on your phone?", "directive"),
    ("Was it the first time you'd been to Leeds or had you been before?", "option_posing"),
    ("Did he hurt you or not?", "option_posing"),
    ("Who else was there?", "directive"),
    ("Who else did you see at the flat?", "directive"),
    ("Have you changed schools this year?", "option_posing"),
    ("Was it one man or more than one?", "option_posing"),
    ("Did they try to contact you again?", "option_posing"),
    ("Have you seen him again since?", "option_posing"),
    ("Tell me again about the journey, from the start.", "invitation"),
    ("Is there anything you're not sure about?", "option_posing"),
    ("Earlier you said you were scared. Tell me more about that.", "cued_invitation"),
    ("You're safe here. Nothing you say will get you in trouble.", "invitation"),
    ("Nobody will know what you say unless you agree. Is that ok?", "option_posing"),
]


@pytest.mark.parametrize(("family", "question"), [(f, q) for f, qs in FAMILIES.items() for q in qs])
def test_pressure_families_are_suggestive(family: str, question: str) -> None:
    found = classify_question(question)
    assert found.question_type == "suggestive", (family, question, found.reason)
    assert found.rewording, question  # a leading question always gets an open rewording
    assert found.reason.startswith("suggestive: "), found.reason


@pytest.mark.parametrize(("question", "qtype"), NEAR_MISSES)
def test_pressure_near_misses_keep_their_type(question: str, qtype: str) -> None:
    assert classify_question(question).question_type == qtype, question


def test_each_family_gives_its_own_reason() -> None:
    """The reason names the kind of pressure, so a practitioner sees why it was flagged."""
    assert "threat" in classify_question("Unless you tell me his name we can't help.").reason
    assert "praises" in classify_question("Good girl. Who else was there?").reason
    assert (
        "own conclusion"
        in classify_question("I think they were exploiting you. When did it start?").reason
    )
    assert "blames" in classify_question("What did you expect, going off with them?").reason


NEVER_SUGGESTIVE = [
    "Take your time, there's no rush. Tell me what happened after school.",
    "I'd like to hear about the weekend in your own words.",
    "It's ok if you don't know. Tell me what you do remember.",
    "You're not in any trouble. Tell me about where you've been.",
    "Nobody's cross with you. Tell me about the weekend.",
    "You can tell me anything, you won't be in trouble for being away. What happened?",
    "Some of this might be hard to talk about. Tell me what you can.",
    "Tell me about what you were doing when the police found you.",
    "Tell me about when they came round.",
    "Tell me about how you got to know him.",
    "Anything else you want to say before we finish?",
    "What would help you feel safer?",
    "Would you rather talk to a female worker?",
    "Are you happy for me to share this with your social worker?",
    "Did you feel you could leave?",
    "You mentioned Leeds. Was that the first time you'd been?",
    "Is there someone you'd like me to call?",
]


@pytest.mark.parametrize("question", NEVER_SUGGESTIVE)
def test_open_and_welfare_questions_are_never_suggestive(question: str) -> None:
    """Precision matters as much as recall: reassurance and open prompts are not pressure."""
    assert classify_question(question).question_type != "suggestive", question
