"""Example sentences for every indicator, one file per indicator group.

``examples/<group>.jsonl`` (the groups of the lexicon) holds one example a line:
``indicator``, ``text``, ``expect`` and, where it was written for one, the
``family`` of phrasings it stands for. ``expect`` is ``present`` (suggested as
a tick), ``absent`` (never suggested as present: another meaning of the same
words) or an assertion (``negated``, ``other_person``, ``hypothetical``: found
so, and never also as present). Add examples to the file of their group, in
your own words, with near-misses beside them. All people are fictional.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from nlp_support import check_case

from rhi_assistant.nlp import load_indicators

FOLDER = Path(__file__).parent / "examples"
EXPECTS = {"present", "absent", "negated", "other_person", "hypothetical"}


def _group_file(indicator: str) -> str:
    """The examples file of an indicator: its group, as the lexicon's files name them."""
    parts = indicator.split(".")
    if parts[0] != "seraf":
        return parts[0]
    return {"sig": "seraf_significant", "mod": "seraf_moderate", "vuln": "seraf_vulnerability"}[
        parts[1]
    ]


EXAMPLES = [
    {**json.loads(line), "file": path.stem}
    for path in sorted(FOLDER.glob("*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def test_every_indicator_has_three_examples_and_a_near_miss() -> None:
    pos = Counter(e["indicator"] for e in EXAMPLES if e["expect"] == "present")
    neg = Counter(e["indicator"] for e in EXAMPLES if e["expect"] == "absent")
    for ind in load_indicators():
        assert pos[ind] >= 3, ind
        assert neg[ind] >= 1, ind


def test_examples_are_well_formed_and_in_their_groups_file() -> None:
    known = set(load_indicators())
    for e in EXAMPLES:
        assert set(e) <= {"indicator", "text", "expect", "family", "file"}, e
        assert e["indicator"] in known and e["expect"] in EXPECTS, e
        assert e["file"] == _group_file(e["indicator"]), e
    seen = Counter((e["indicator"], e["text"]) for e in EXAMPLES)
    assert [k for k, n in seen.items() if n > 1] == []


@pytest.mark.parametrize(
    "example",
    EXAMPLES,
    ids=[f"{e['indicator']}:{e['expect']}:{i}" for i, e in enumerate(EXAMPLES)],
)
def test_example(example: dict) -> None:
    check_case(example["text"], example["indicator"], example["expect"])
