"""Question types (investigative interviewing taxonomy) and open rewordings."""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import classify_question


@pytest.mark.parametrize(
    ("text", "qtype"),
    [
        ("Tell me what happened on Saturday.", "invitation"),
        ("Talk me through the night you left.", "invitation"),
        ("And then what happened?", "invitation"),
        ("You said there was a red car. Tell me more about the red car.", "cued_invitation"),
        ("You mentioned a flat. What was the flat like?", "cued_invitation"),
        ("Where did you go after the shop?", "directive"),
        ("Who drove the car?", "directive"),
        ("What time did you get home?", "directive"),
        ("Did he touch you?", "option_posing"),
        ("Was it a knife or a gun?", "option_posing"),
        ("Have you ever been to Exeter?", "option_posing"),
        ("He made you carry it, didn't he?", "suggestive"),
        ("You were scared, weren't you?", "suggestive"),
        ("Surely you could see he was older?", "suggestive"),
        ("Everyone else has told us the truth, so just tell me.", "suggestive"),
        ("So he is your boyfriend, yes?", "suggestive"),
        ("Don't you think it was wrong to go?", "suggestive"),
        ("He gave you the phone?", "suggestive"),
        ("Wouldn't it be easier to just say who it was?", "suggestive"),
        ("Tell me about the flat you mentioned.", "cued_invitation"),
        ("You said there was a party - tell me about the party.", "cued_invitation"),
        ("Why didn't you just ring your mum?", "suggestive"),
        ("Let's be honest, you knew he was 25.", "suggestive"),
        ("Why did you go to Bath?", "directive"),
        ("Things will be much better once you tell us, won't they?", "suggestive"),
        ("Would it be better to talk somewhere else?", "option_posing"),
    ],
)
def test_question_type(text: str, qtype: str) -> None:
    assert classify_question(text).question_type == qtype


@pytest.mark.parametrize(
    ("text", "rewording"),
    [
        ("Did he give you money?", "Tell me about anything anyone gave you."),
        ("Did you get in his car?", "Tell me about how you got there and back."),
        ("He hit you, didn't he?", "Tell me about anything that happened that you did not like."),
    ],
)
def test_rewording(text: str, rewording: str) -> None:
    c = classify_question(text)
    assert c.rewording == rewording
    assert c.to_dict()["question_type"] in ("option_posing", "suggestive")


def test_open_questions_need_no_rewording() -> None:
    assert classify_question("Tell me about your friends.").rewording is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What was that like for you?", "invitation"),
        ("I know he gave you drugs.", "suggestive"),
        ("The police already know what happened, so just tell me.", "suggestive"),
        ("It must have been awful when he hit you.", "suggestive"),
        ("Did he make you do it because you were scared?", "suggestive"),
    ],
)
def test_more_question_wordings(text: str, expected: str) -> None:
    assert classify_question(text).question_type == expected


def _kind(text: str) -> str:
    return classify_question(text).question_type


# --- questions that press the child to change or confirm an answer ---------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Are you completely sure that's everything?",
        "Have another think: was it really just the once?",
        "Was it honestly only your cousin in the car?",
        "Think harder - did she actually stay at home all night?",
        "I'm going to ask you one more time: who gave you the phone?",
        "So you're telling me nobody else was in the flat?",
        "So what you're saying is he never paid you?",
        "So after he took your phone, that's why you couldn't ring home?",
    ],
)
def test_pressing_for_a_changed_or_confirmed_answer_is_suggestive(text: str) -> None:
    assert _kind(text) == "suggestive"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Are you sure you're warm enough?", "option_posing"),
        ("Are you sure you want to carry on?", "option_posing"),
        ("Are you sure you don't want a break?", "option_posing"),
        ("What else can you remember about that weekend?", "invitation"),
        ("Can you describe the room you slept in?", "invitation"),
        ("Paint me a picture of the flat - what was it like inside?", "invitation"),
        ("So where did you go after that?", "directive"),
    ],
)
def test_welfare_checks_and_open_prompts_are_not_suggestive(text: str, expected: str) -> None:
    assert _kind(text) == expected


# --- someone else's account used to push an answer -------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Your mate has already told us you carried the bag.",
        "Casey already told the police what you did that night.",
        "The other lads say you were the one holding it.",
        "We've talked to your cousin and she said you were at the party.",
        "There's no point in denying it now.",
    ],
)
def test_another_persons_account_pushed_at_the_child_is_suggestive(text: str) -> None:
    assert _kind(text) == "suggestive"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your mum says you were upset when you got home. Tell me about that.", "invitation"),
        ("What did your mates say about it?", "directive"),
        ("Did your friend say anything to you?", "option_posing"),
    ],
)
def test_asking_about_what_others_said_is_not_suggestive(text: str, expected: str) -> None:
    assert _kind(text) == expected


# --- inducements ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "As soon as you tell us his name, you can go back to the unit.",
        "If you explain where you were, we'll let you see your mum.",
        "Just tell me who drove and then you can have your phone back.",
        "The sooner you answer, the sooner this is over.",
    ],
)
def test_an_inducement_for_an_answer_is_suggestive(text: str) -> None:
    assert _kind(text) == "suggestive"


@pytest.mark.parametrize(
    "text",
    [
        "If you need a break at any point, you can tell me.",
        "If you want to stop, just say and we can have a break.",
        "Tell me about your day and then we can talk about Saturday.",
    ],
)
def test_offering_a_break_or_an_agenda_is_not_an_inducement(text: str) -> None:
    assert _kind(text) != "suggestive"


# --- a forced choice between two stories ---------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Either you were there or your friend is lying - which is it?",
        "Were you lying to your carer then, or are you lying to me now?",
        "Is it that you wanted to go, or that you were too scared to say no?",
        "Which version is true, the one you told police or this one?",
    ],
)
def test_a_forced_choice_between_stories_is_suggestive(text: str) -> None:
    assert _kind(text) == "suggestive"


@pytest.mark.parametrize(
    "text",
    ["Was it a car or a van?", "Was that before or after the party?", "Which one of them drove?"],
)
def test_ordinary_either_or_and_which_questions_are_not_suggestive(text: str) -> None:
    assert _kind(text) != "suggestive"


def test_a_cue_to_what_the_child_brought_up_is_a_cued_invitation() -> None:
    assert _kind("You brought up a party. Tell me what happened at the party.") == (
        "cued_invitation"
    )


# --- tag questions written without a comma, and what other children "would" feel -------------
@pytest.mark.parametrize(
    "text",
    [
        "He paid for your nails didn't he",
        "You went back to the flat after that didn't you.",
        "She was with you at the party wasn't she?",
        "Most girls your age would have felt flattered. Did you?",
        "Loads of kids in care feel like nobody listens. Is that how it was?",
    ],
)
def test_tags_without_a_comma_and_what_others_would_feel_are_suggestive(text: str) -> None:
    assert _kind(text) == "suggestive"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some young people find this hard to talk about. Take your time.", "invitation"),
        ("Why didn't you?", "directive"),
        ("Who was at the flat when you couldn't leave?", "directive"),
    ],
)
def test_reassurance_and_wh_questions_with_a_negative_are_not_tags(
    text: str, expected: str
) -> None:
    assert _kind(text) == expected
