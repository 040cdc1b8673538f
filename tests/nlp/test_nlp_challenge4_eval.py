"""Floors on the fourth challenge set (tests/nlp/challenge4): 150 notes written blind in the
style of real RHI notes (narrative, shorthand, slang, reported speech, denials, other people's
acts), scored blind twice and then read (its README says how); a TUNING set since. The floors sit
a little under what the engine reaches and rise as it improves; they catch regressions and say
nothing about generalisation (a fresh blind set, kept outside the repository, does that:
tests/nlp/EVALUATION.md). Without the shared scorer they fail in CI and skip elsewhere
(tests/support.py `missing`)."""

from __future__ import annotations

from pathlib import Path

from nlp_support import Floors, check_indicator_floors, check_question_floors

# Before this session's work (2026-12-07): P 0.676 R 0.547 F1 0.605, trap 0.086, older window
# 0.757, entity F1 0.917, questions 0.95 (suggestive recall 0.875). Tuned, after the clause-level
# who-and-whether (traps11), the concept families (recall11) and time, entities and question
# types (time11) were merged: P 0.795 R 0.631 F1 0.704, trap 0.017, window 0.976, older window
# 0.929, entity F1 0.975, questions 1.00 (suggestive recall 1.00).
# After traps16, seraf16 and cce16 were merged (2026-12-07, late evening): P 0.827 R 0.669 F1 0.740,
# trap 0.017, window 0.977, older window 0.935, entity F1 0.975, questions 1.00.
# After who17 (clause-level who and whether, 2026-12-07 night):
# P 0.829 R 0.690 F1 0.753, trap 0.017.
# After time17, who17, recall17, speed17 and q17 were merged (2026-12-07, night):
# P 0.829 R 0.692 F1 0.755, trap 0.017, older window 0.920, questions 1.00.
FLOORS = Floors(f1=0.75, precision=0.82, recall=0.685, trap_ceiling=0.025,
                window=0.96, older_window=0.9, entity=0.96,
                questions=0.97, suggestive_recall=0.93)
CHALLENGE4 = Path(__file__).resolve().parent / "challenge4"


def test_challenge4_indicator_floors(tmp_path: Path) -> None:
    check_indicator_floors(CHALLENGE4, FLOORS, tmp_path)


def test_challenge4_question_floors(tmp_path: Path) -> None:
    check_question_floors(CHALLENGE4, FLOORS, tmp_path)
