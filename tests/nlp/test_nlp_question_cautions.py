"""Questions that press, presume or blame (data/en/questions.json), fictional wording.

A question pressing the child to change or confirm an answer is suggestive; a
tag question is suggestive with a rewording on its own topic; a "why" question
keeps its type but carries a note and an open rewording that fits it.
"""

from __future__ import annotations

import pytest

from rhi_assistant.nlp import classify_question


@pytest.mark.parametrize(
    "question",
    [
        "Are you sure?",
        "Is that really what happened?",
        "Are you telling me the truth?",
        "Do you want to change your answer?",
        "You told me a blue car last time, so which is it?",
        "I'll ask you again, who was driving?",
    ],
)
def test_pressing_the_child_to_change_or_confirm_an_answer_is_suggestive(question: str) -> None:
    found = classify_question(question)
    assert found.question_type == "suggestive" and "change or confirm" in found.reason


def test_a_tag_question_about_feelings_is_reworded_about_feelings() -> None:
    found = classify_question("You were frightened, weren't you?")
    assert found.question_type == "suggestive"
    assert found.rewording == "Tell me how you felt about that."


@pytest.mark.parametrize(
    ("question", "rewording"),
    [
        ("Why did you go with him?", "Tell me how you came to go with him."),
        ("Why do you keep going back there?", "Tell me how you came to keep going back there."),
        (
            "How come you got in the car?",
            "Tell me about what was happening when you got in the car.",
        ),
        ("Why were you at the station?", "Tell me about what was happening then."),
    ],
)
def test_a_why_question_is_noted_as_possibly_blaming_with_a_fitting_rewording(
    question: str, rewording: str
) -> None:
    found = classify_question(question)
    assert found.note is not None and "blame" in found.note
    assert found.rewording == rewording
    assert found.to_dict()["note"] == found.note


def test_an_open_question_carries_no_note() -> None:
    found = classify_question("Tell me about the time you were away.")
    assert found.note is None and found.rewording is None
