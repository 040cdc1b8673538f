"""Issue 11 point 6: would a learned component help the rules?

A linear model (logistic regression over the words and word pairs of a sentence, one output per
indicator, trained on the project's own labelled notes with NumPy) is tried two ways, each
leave-one-set-out over the three tuning sets written like real cases (challenge4-6): trained on
every other set, then

- ``add``: suggest as present what the model scores above a threshold in some sentence and the
  rules did not suggest (the sentence is the evidence), or
- ``filter``: drop the rules' present suggestions the model scores below a threshold for the
  whole note.

It prints the rules' figures and the figures with the model, from the shared scorer. Nothing
here ships: the model is kept only if it beats the rules on a blind set (tests/nlp/EVALUATION.md
records what it gave). Usage:

    .venv/bin/python scripts/nlp_learned_experiment.py add 0.9
    .venv/bin/python scripts/nlp_learned_experiment.py filter 0.15
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
TUNING = ["challenge", "challenge2", "challenge3", "challenge4", "challenge5", "challenge6"]
HELD_OUT = ["challenge4", "challenge5", "challenge6"]
WORD = re.compile(r"[a-z0-9£']+")
SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def set_paths() -> dict[str, Path]:
    paths = {"dev": SHARED / "eval" / "indicators.dev.jsonl"}
    for name in TUNING:
        paths[name] = ROOT / "tests" / "nlp" / name / f"indicators.{name}.jsonl"
    return paths


def indicator_ids() -> list[str]:
    spec = json.loads((SHARED / "spec" / "indicators.json").read_text())
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str) and "." in node["id"]:
                found.add(node["id"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return sorted(found)


def features(text: str) -> set[str]:
    words = WORD.findall(text.lower())
    return set(words) | {f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)}


class Model:
    """Multi-label logistic regression, classes weighted so rare indicators are not drowned."""

    def __init__(self, notes: list[dict], ids: list[str], iterations: int = 400,
                 rate: float = 20.0, l2: float = 1.0) -> None:
        self.ids = ids
        index = {k: i for i, k in enumerate(ids)}
        counts = collections.Counter(f for note in notes for f in features(note["text"]))
        self.vocab = {f: i for i, f in enumerate(f for f, c in counts.items() if c >= 2)}
        x = np.zeros((len(notes), len(self.vocab)), np.float32)
        y = np.zeros((len(notes), len(ids)), np.float32)
        for row, note in enumerate(notes):
            x[row] = self._vector(note["text"])
            for finding in note["findings"]:
                if finding["assertion"] == "present" and finding["indicator"] in index:
                    y[row, index[finding["indicator"]]] = 1
        share = y.mean(0) + 1e-3
        weight = y * (0.5 / share) + (1 - y) * (0.5 / (1 - share))
        self.w = np.zeros((len(self.vocab), len(ids)), np.float32)
        self.b = np.full(len(ids), -3.0, np.float32)
        for _ in range(iterations):
            p = 1 / (1 + np.exp(-(x @ self.w + self.b)))
            g = (p - y) * weight / len(notes)
            self.w -= rate * (x.T @ g + l2 * self.w / len(notes))
            self.b -= rate * g.sum(0)

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(len(self.vocab), np.float32)
        hits = [self.vocab[f] for f in features(text) if f in self.vocab]
        v[hits] = 1
        return v / max(1.0, float(np.sqrt(len(hits))))

    def scores(self, text: str) -> np.ndarray:
        return 1 / (1 + np.exp(-(self._vector(text) @ self.w + self.b)))


def rules_predictions(path: Path, out: Path) -> None:
    subprocess.run([str(ROOT / ".venv" / "bin" / "rhi-assistant"), "nlp", "analyse", "--input",
                    str(path), "--output", str(out)], check=True, capture_output=True,
                   env={"RHI_ENV": "development", "PATH": "/usr/bin:/bin"})


def score(gold: Path, predicted: Path) -> dict:
    lines = subprocess.run([sys.executable, str(SCORER), "indicators", str(gold),
                            str(predicted)], check=True, capture_output=True,
                           text=True).stdout.strip().splitlines()
    return json.loads(lines[-1])


def with_model(model: Model, notes: list[dict], rules: dict[str, dict], mode: str,
               threshold: float) -> list[dict]:
    out = []
    for note in notes:
        predicted = rules[note["id"]]
        suggestions = list(predicted["suggestions"])
        if mode == "filter":
            whole = model.scores(note["text"])
            suggestions = [s for s in suggestions if s["assertion"] != "present"
                           or s["indicator"] not in model.ids
                           or whole[model.ids.index(s["indicator"])] >= threshold]
        else:
            named = {s["indicator"] for s in suggestions}
            best: dict[str, tuple[float, int, int]] = {}
            for m in SENTENCE.finditer(note["text"]):
                if not m.group().strip():
                    continue
                scores = model.scores(m.group())
                for k in np.where(scores > threshold)[0]:
                    indicator = model.ids[k]
                    p = float(scores[k])
                    if indicator not in named and p > best.get(indicator, (0.0, 0, 0))[0]:
                        best[indicator] = (p, m.start(), m.end())
            for indicator, (_, start, end) in best.items():
                suggestions.append({"indicator": indicator, "assertion": "present",
                                    "window": "recent", "evidence": note["text"][start:end],
                                    "start": start, "end": end})
        out.append({**predicted, "suggestions": suggestions})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["add", "filter"])
    parser.add_argument("threshold", type=float)
    args = parser.parse_args()
    paths = set_paths()
    notes = {name: [json.loads(line) for line in path.open()] for name, path in paths.items()}
    ids = indicator_ids()
    with tempfile.TemporaryDirectory() as tmp:
        for held_out in HELD_OUT:
            training = [n for name, rows in notes.items() if name != held_out for n in rows]
            model = Model(training, ids)
            rules_file = Path(tmp) / f"{held_out}.rules.jsonl"
            rules_predictions(paths[held_out], rules_file)
            rules = {r["id"]: r for r in map(json.loads, rules_file.open())}
            mixed_file = Path(tmp) / f"{held_out}.mixed.jsonl"
            mixed = with_model(model, notes[held_out], rules, args.mode, args.threshold)
            mixed_file.write_text("".join(json.dumps(r) + "\n" for r in mixed))
            before, after = score(paths[held_out], rules_file), score(paths[held_out], mixed_file)
            keys = ("precision", "recall", "f1", "trap_rate")
            print(f"{held_out}: rules " + " ".join(f"{k}={before[k]}" for k in keys)
                  + " | with model " + " ".join(f"{k}={after[k]}" for k in keys))


if __name__ == "__main__":
    main()
