"""Findings told over two sentences (combinations.json 'across', concepts.combine joins).

Notes tell county lines in two steps: where the child was taken, then what they did
there ("He was taken to Northtown. He stayed in a flat there selling for them.").
A combination with 'across' may meet over two sentences when the second goes on with
the first: it opens with the child's pronoun, "there", "then"... Other people's
sentences, a sentence about someone else and a denial do not make it the child's.
Fictional sentences of our own.
"""

from __future__ import annotations

import pytest
from nlp_support import assertions

from rhi_assistant.nlp import analyse

DATE = "2026-11-20"


@pytest.mark.parametrize(
    "text",
    [
        "He was taken to Northtown. He stayed in a flat there selling for them.",
        "They drove her down to Kestford on the Friday. She had to hold the parcels till Sunday.",
        "He got the coach to Amblewick on his own. There he was dealing for the olders.",
    ],
)
def test_being_taken_then_drug_work_in_the_next_sentence_is_county_lines(text: str) -> None:
    assert assertions(text).get("cce.county_lines_travel") == "present"


@pytest.mark.parametrize(
    "text",
    [
        # the second sentence is about someone else (the other pronoun, a named adult)
        "She was taken to Northtown for a netball match. He sells drugs for them there.",
        "He was taken to Northtown by his dad. His cousin deals drugs for the olders.",
        # far apart: a long first sentence does not join a distant second one
        "He was taken to Northtown by his nan on the Saturday afternoon for her "
        "sister's seventieth birthday party at the community centre near the big park "
        "and they stayed over. He says some lads at school sell weed.",
    ],
)
def test_a_second_sentence_about_someone_else_does_not_join(text: str) -> None:
    assert assertions(text).get("cce.county_lines_travel") != "present"


def test_a_denial_in_the_second_sentence_denies_the_joined_finding() -> None:
    found = assertions("He was taken to Northtown. He denies selling anything there.")
    assert found.get("cce.county_lines_travel") == "negated"


def test_the_reason_says_when_two_sentences_are_read_together() -> None:
    """The worker must know to read both sentences before confirming."""
    two = {f.indicator: f for f in analyse(
        "He was taken to Northtown. He stayed in a flat there selling for them.", DATE).findings}
    one = {f.indicator: f for f in analyse(
        "He was taken to Northtown by older boys to sell drugs from a flat.", DATE).findings}
    assert two["cce.county_lines_travel"].reason.startswith(
        "Two sentences of the notes, read together, mention")
    assert one["cce.county_lines_travel"].reason.startswith("One sentence of the notes mentions")
