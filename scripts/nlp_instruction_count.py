"""Instructions per note of the NLP engine and of spaCy's tokenizer alone, counted by valgrind.

Why: issue 11's speed target is a ratio of wall-clock times (`rhi-assistant nlp
benchmark`), and on a shared or busy machine those vary by half from one run to the next.
Instruction counts repeat to a few tenths of a percent whatever the
load, so a change's effect on speed can be measured anywhere. The ratio they give is not
the benchmark's: the engine's interpreted Python does less per clock cycle than the
tokenizer's compiled code, so on a quiet machine the wall-clock ratio has been 1.4 to 1.5
times the instruction ratio (tests/nlp/EVALUATION.md).

The notes and their order are the benchmark's (sentences of the dev set recombined, a
warm-up of 200, then the tokenizer over every note, then the engine over every note).
Three runs under ``valgrind --tool=cachegrind`` stop after the warm-up (A), after the
tokenizer pass (B) and after the engine's pass (C); B - A and C - B, per note, are the two
costs. Needs valgrind (``apt-get install valgrind``); takes a few minutes.

    .venv/bin/python scripts/nlp_instruction_count.py [--notes 1000]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV_SET = REPO.parent / "shared" / "eval" / "indicators.dev.jsonl"
INTERVIEW_DATE = "2026-11-20"  # the benchmark's


def run_stage(stage: str, notes: int) -> None:
    """The benchmark's work up to ``stage`` (A, B or C), in this process."""
    sys.path.insert(0, str(REPO))
    from rhi_assistant.nlp import analyse
    from rhi_assistant.nlp.cli import _rows, _synthetic_notes
    from rhi_assistant.nlp.pipeline import get_engine

    tokenize = get_engine().nlp.make_doc
    with DEV_SET.open(encoding="utf-8") as fh:
        texts = [r["text"] for r in _rows(fh)]
    corpus = _synthetic_notes(texts, 5000)[:notes]
    for text in corpus[:200]:
        tokenize(text)
        analyse(text, INTERVIEW_DATE)
    if stage in ("B", "C"):
        for text in corpus:
            tokenize(text)
    if stage == "C":
        for text in corpus:
            analyse(text, INTERVIEW_DATE)


def count(stage: str, notes: int) -> int:
    """Instructions of one run of this script up to ``stage``, under cachegrind."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    res = subprocess.run(
        [
            "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
            sys.executable, __file__, "--stage", stage, "--notes", str(notes),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    m = re.search(r"I\s+refs:\s+([\d,]+)", res.stderr)
    if m is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{res.stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=1000, help="notes timed (of the 5,000)")
    parser.add_argument("--stage", choices=["A", "B", "C"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        run_stage(args.stage, args.notes)
        return
    a, b, c = (count(stage, args.notes) for stage in "ABC")
    tok, engine = (b - a) / args.notes, (c - b) / args.notes
    print(f"notes: {args.notes} (the benchmark's, in its order)")
    print(f"spaCy tokenizer alone: {tok / 1e6:.3f} M instructions/note")
    print(f"analyse: {engine / 1e6:.3f} M instructions/note")
    print(f"ratio analyse/tokenizer: {engine / tok:.2f}x")


if __name__ == "__main__":
    main()
