"""Suggestive question families (data/en/questions.json), each with near-misses that must
stay open, directive or option-posing. Fictional wording, not taken from any eval set.

A question is suggestive when it presumes what the child has not said (a harm, a
coercion, an exchange, done to them), presses them to change or confirm an answer,
pushes someone else's account at them or offers them something for an answer.
Clarifying the child's own words, welfare checks and plain yes/no questions are not.
"""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import classify_question

FAMILIES = {
    "presumed harm or coercion in a wh- question": [
        "When did he first hurt you?",
        "How many times did they hit you?",
        "Where did he touch you?",
        "What did they make you do at the flat?",
        "How long have the lads been forcing you to hold stuff?",
        "Who made you carry the bag?",
    ],
    "an exchange presumed": [
        "What did you have to do for the money?",
        "What did they want in return for the phone?",
        "How were you meant to pay them back?",
    ],
    "a clause presuming something done to the child, then a wh- question": [
        "When the man took you to the hotel, who else was there?",
        "Once they locked you in, how did you get out?",
        "When Dev drove you to Leeds, where did you stay?",
    ],
    "'so' and a wh- question presuming what someone else did": [
        "So where did they hide the gear?",
        "So what did she give you for it?",
        "So when did he pick you up from school?",
    ],
    "a forced choice between two ways of a presumed harm": [
        "Was it your uncle who touched you or his friend?",
        "Did he hit you with his hand or with a belt?",
        "Was it the tall one that hurt you or the one with the car?",
    ],
    "pressing the child to change or confirm an answer": [
        "Is that your final answer?",
        "I don't think that's right. Do you want to try again?",
        "Is that definitely what happened?",
        "Are you being straight with me?",
        "She took you there, yes or no?",
    ],
    "another person's account pushed at the child": [
        "Kayden says you were holding for them too. Is that true?",
        "The staff saw you getting into the van - is that right?",
        "Your nan thinks you were at his flat, isn't that so?",
    ],
    "an inducement after the reward or as 'tell me and ...'": [
        "Tell me who it was and we'll get you a McDonald's on the way home.",
        "You can go back to your room as soon as you tell me what happened.",
        "We can stop once you've told me his name.",
    ],
}

NEAR_MISSES = [
    ("Tell me about the man at the flat.", "invitation"),
    ("Anything else you remember about that night?", "invitation"),
    ("Anything else you'd like me to know about the weekend?", "invitation"),
    ("Are you OK to carry on?", "option_posing"),
    ("Are you sure you're warm enough?", "option_posing"),
    ("Do you need a break?", "option_posing"),
    ("When you say 'the olders', who do you mean?", "directive"),
    ("What do you mean by 'sorted'?", "directive"),
    ("What made you decide to come home?", "directive"),
    ("What made you go back there?", "directive"),
    ("Who drove you back?", "directive"),
    ("What did he say when you said no?", "directive"),
    ("When you got to the flat, who was there?", "directive"),
    ("So where did you sleep that night?", "directive"),
    ("So what did he say after that?", "directive"),
    ("Did he hurt you?", "option_posing"),
    ("Did they make you carry anything?", "option_posing"),
    ("Was it a car or a van?", "option_posing"),
    ("Is that the phone he gave you?", "option_posing"),
    ("Is there anything else you want me to know?", "option_posing"),
    ("You said you were at Jade's. Is that right?", "option_posing"),
]


@pytest.mark.parametrize(
    ("family", "question"), [(f, q) for f, qs in FAMILIES.items() for q in qs]
)
def test_suggestive_families(family: str, question: str) -> None:
    found = classify_question(question)
    assert found.question_type == "suggestive", (family, question, found.reason)
    assert found.rewording, question  # a leading question always gets an open rewording


@pytest.mark.parametrize(("question", "qtype"), NEAR_MISSES)
def test_near_misses_keep_their_type(question: str, qtype: str) -> None:
    assert classify_question(question).question_type == qtype, question
