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
