"""Easy-read wording is held to a reading age of 9 or lower, measured, not assumed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "referral"))
from readability import reading_age

from rhi_assistant.flows.engine import DATA_DIR

EASY_READ_FIELDS = ("prompt", "title", "hint", "guidance")


def _easy_read_texts() -> dict[str, str]:
    """Every text an easy-read variant shows a child, by flow/page/field."""
    texts = {}
    for path in sorted(DATA_DIR.glob("*.json")):
        flow = json.loads(path.read_text(encoding="utf-8"))
        for section in flow["sections"]:
            for page in section["pages"]:
                for variant in page.get("variants", ()):
                    if variant["when"] != {"meta": "easy_read", "equals": True}:
                        continue
                    for field in EASY_READ_FIELDS:
                        if variant.get(field):
                            texts[f"{flow['id']}/{page['id']}/{field}"] = variant[field]
    return texts


TEXTS = _easy_read_texts()


def test_there_is_easy_read_wording_to_measure():
    assert len(TEXTS) >= 15


def test_easy_read_wording_together_reads_at_nine_or_lower():
    assert reading_age(" ".join(TEXTS.values())) <= 9


@pytest.mark.parametrize("where", sorted(TEXTS))
def test_each_easy_read_text_reads_at_nine_or_lower(where):
    text = TEXTS[where]
    if len(text.split()) < 4:
        pytest.skip("too short to measure")
    assert reading_age(text) <= 9, (where, text, round(reading_age(text), 1))
