"""Whatever is typed, the engine's work is bounded by the note's length, and offsets stay true.

A long word of punctuation or emoji costs spaCy's tokenizer the square of its
length (20,000 ``!`` once took 73 s). These tests count what the engine is handed,
not the time it takes: timing is the benchmark's job (`rhi-assistant nlp benchmark`).
"""

from __future__ import annotations

import json

import pytest
from support import shared_file

from rhi_assistant import nlp
from rhi_assistant.nlp import bounded
from rhi_assistant.nlp.cli import worst_inputs
from rhi_assistant.nlp.pipeline import Engine, get_engine

RUNS = ["!" * 40, "\U0001f62d" * 30, "?!" * 25, ". " * 30, "\u200d" * 50, "x" * 300]


@pytest.fixture
def handed(monkeypatch) -> list[list[str]]:
    """The token texts of every piece the engine is handed."""
    pieces: list[list[str]] = []
    real = Engine.analyse

    def counting(self, text, interview_date=None):
        pieces.append([t.text for t in self.nlp.make_doc(text)])
        return real(self, text, interview_date)

    monkeypatch.setattr(Engine, "analyse", counting)
    return pieces


def test_twenty_thousand_exclamation_marks_are_read_as_a_few(handed) -> None:
    text = "She said she was fine" + "!" * 20_000 + " and went to bed."
    analysis = nlp.analyse(text, "2026-11-20")
    assert analysis.text == text
    assert sum(len(p) for p in handed) <= 30
    assert all(f.evidence == text[f.start : f.end] for f in analysis.findings)


@pytest.mark.parametrize("name", list(worst_inputs()))
def test_the_worst_inputs_reach_the_engine_in_small_pieces_of_short_words(handed, name) -> None:
    text = worst_inputs()[name]
    nlp.analyse(text, "2026-11-20")
    assert handed
    for tokens in handed:
        assert len(tokens) <= bounded.CHUNK
        # a word's tokenizing costs the square of its length: none is long
        assert max(len(t) for t in tokens) <= bounded.MAX_WORD
    # and the whole note is handed over at most once, shortened
    assert sum(len("".join(p)) for p in handed) <= len(text)


def test_a_long_note_is_read_in_pieces_cut_at_line_or_sentence_ends(handed) -> None:
    sentence = "He said the older boys gave him a phone and told him to sell weed.\n"
    text = sentence * 600
    analysis = nlp.analyse(text, "2026-11-20")
    assert len(handed) > 1
    for tokens in handed[:-1]:
        assert tokens[-1] in ("\n", ".")  # no sentence cut in half
    assert len(analysis.findings) >= 600
    assert all(f.evidence == text[f.start : f.end] for f in analysis.findings)
    one = get_engine().analyse(sentence, "2026-11-20")
    expected = {(f.indicator, f.assertion, f.start) for f in one.findings}
    first = {(f.indicator, f.assertion, f.start)
             for f in analysis.findings if f.end <= len(sentence)}
    assert first == expected


def test_an_ordinary_note_is_handed_over_unchanged(handed) -> None:
    text = "She was picked up in a car by two men she did not know!! Then they drove off..."
    analysis = nlp.analyse(text, "2026-11-20")
    assert handed == [[t.text for t in get_engine().nlp.make_doc(text)]]
    assert analysis == get_engine().analyse(text, "2026-11-20")


@pytest.mark.parametrize("run", RUNS, ids=["!", "emoji", "?!", "spaced dots", "zwj", "word"])
def test_dev_notes_with_long_runs_read_as_with_short_ones_and_offsets_stay_true(run: str) -> None:
    """A long run is read as its shortened form would be, and offsets point into what was typed.

    (The engine may read a note with a run differently from the note without one, as
    "!" ends a sentence; what must not change is anything but the run's length.)
    """
    rows = [json.loads(line) for line in
            shared_file("eval/indicators.dev.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    short_run = bounded.Shortened(run).text
    assert short_run != run
    for row in rows:
        text, date = row["text"], row.get("interview_date")
        noisy_text = text.replace(". ", ". " + run + " ") + " " + run
        noisy = nlp.analyse(noisy_text, date)
        for f in noisy.findings:
            assert f.evidence == noisy_text[f.start : f.end]
        for e in noisy.entities:
            assert e.text == noisy_text[e.start : e.end]
        quiet = nlp.analyse(text.replace(". ", ". " + short_run + " ") + " " + short_run, date)
        assert [(f.indicator, f.assertion, f.evidence) for f in noisy.findings] == [
            (f.indicator, f.assertion, f.evidence) for f in quiet.findings
        ], row["id"]
        assert [e.text for e in noisy.entities] == [e.text for e in quiet.entities], row["id"]


def test_offsets_map_back_through_shortened_runs_and_broken_words() -> None:
    text = "ab" + "!" * 50 + " " + "y" * 200 + " end"
    short = bounded.Shortened(text)
    assert len(short.text) < len(text)
    assert short.text.startswith("ab" + "!" * bounded.PUNCT_KEEP + " ")
    assert len(short.origin) == len(short.text)
    for i, ch in enumerate(short.text):
        if ch != " " or text[short.origin[i]] == " ":
            assert text[short.origin[i]] == ch
    at = short.text.index("end")
    assert short.span(at, at + 3) == (len(text) - 3, len(text))


@pytest.mark.parametrize("run", ["!" * 100_000, ". " * 50_000, "\U0001f600" * 100_000])
def test_finding_a_long_run_takes_little_memory(run: str) -> None:
    """The run finder once kept a backtracking point per character: 12 MB for 100,000 "!",
    the benchmark's peak memory."""
    import tracemalloc

    tracemalloc.start()
    try:
        short = bounded.Shortened(run)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(short.text) <= bounded.PUNCT_KEEP + 1  # the run's first characters (and a space)
    assert peak < 2_000_000
