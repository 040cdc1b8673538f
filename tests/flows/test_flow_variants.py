"""Every child can take part: wording for each age band and easy-read, routing untouched.

These are data tests over the flow files, so a new question page cannot be
added without the wording every child needs.
"""

from __future__ import annotations

import copy
import json
import re
from itertools import product

import pytest

from rhi_assistant.flows.engine import (
    DATA_DIR,
    ICON_DIR,
    FlowContext,
    FlowError,
    load_flow,
    parse_flow,
)

AGE_BANDS = ("under_11", "11_to_13", "14_to_15", "16_to_17", "18_plus")
FLOWS = ("rhi", "safe_and_well")


def _child_pages(flow_id: str):
    return [p for p in load_flow(flow_id).pages if p.child_facing]


def _ctx(band: str, easy_read: bool, **meta) -> FlowContext:
    return FlowContext(meta={"age_band": band, "easy_read": easy_read, "language": "en",
                             "parent_consent_needed": False, "child_consent_needed": False,
                             "police_risk": "medium", **meta})


def test_the_rhi_flow_has_child_facing_pages():
    assert len(_child_pages("rhi")) >= 12


@pytest.mark.parametrize("flow_id", FLOWS)
@pytest.mark.parametrize("band", AGE_BANDS)
def test_every_child_facing_prompt_has_wording_for_each_age_band(flow_id, band):
    for page in _child_pages(flow_id):
        variant = page.variant_for("prompt", _ctx(band, easy_read=False))
        assert variant is not None, f"{flow_id}/{page.id} has no wording for {band}"
        assert variant["when"] == {"meta": "age_band", "equals": band}, (
            f"{flow_id}/{page.id}: {band} gets another band's wording: {variant['when']}")
        assert variant["prompt"].strip()


@pytest.mark.parametrize("flow_id", FLOWS)
@pytest.mark.parametrize("band", AGE_BANDS)
def test_every_child_facing_prompt_has_an_easy_read_form_with_a_picture(flow_id, band):
    for page in _child_pages(flow_id):
        ctx = _ctx(band, easy_read=True)
        variant = page.variant_for("prompt", ctx)
        assert variant is not None and variant["when"] == {"meta": "easy_read", "equals": True}, (
            f"{flow_id}/{page.id}: easy-read does not win over the age band")
        icon, alt = page.picture(ctx)
        assert (ICON_DIR / f"{icon}.svg").is_file()
        assert alt.strip() and not alt.lower().endswith(".svg")


@pytest.mark.parametrize("flow_id", FLOWS)
def test_easy_read_sentences_are_short(flow_id):
    """One idea a sentence: no easy-read sentence runs past 15 words."""
    for page in _child_pages(flow_id):
        text = page.text("prompt", _ctx("14_to_15", easy_read=True))
        for sentence in re.split(r"(?<=[.?!])\s+", text):
            assert len(sentence.split()) <= 15, f"{flow_id}/{page.id}: {sentence!r}"


@pytest.mark.parametrize("flow_id", FLOWS)
def test_no_picture_appears_without_easy_read(flow_id):
    for page in load_flow(flow_id).pages:
        assert page.picture(_ctx("11_to_13", easy_read=False)) is None, page.id


def _walk(flow_id: str, meta: dict, pick) -> list[str]:
    """Answer every page in turn (choices by `pick`) and record the page ids visited."""
    flow = load_flow(flow_id)
    ctx = FlowContext(meta=meta)
    seen: list[str] = []
    page = flow.first_incomplete(ctx)
    while page is not None:
        seen.append(page.id)
        ctx.answers[page.id] = pick(page) if page.kind == "choice" else "answered"
        ctx.completed.add(page.id)
        page = flow.next_page(page.id, ctx)
        assert len(seen) < 100
    return seen


PICKS = {
    "first option": lambda p: p.options[0].value,
    "last option": lambda p: p.options[-1].value,
    "declined": lambda p: "dont_know",
}


@pytest.mark.parametrize("flow_id", FLOWS)
@pytest.mark.parametrize("band", AGE_BANDS)
def test_routing_is_identical_with_and_without_easy_read(flow_id, band):
    for (name, pick), parent, risk in product(PICKS.items(), (True, False), ("high", "low")):
        meta = {"age_band": band, "language": "en", "parent_consent_needed": parent,
                "child_consent_needed": band in ("16_to_17", "18_plus"), "police_risk": risk}
        plain = _walk(flow_id, {**meta, "easy_read": False}, pick)
        easy = _walk(flow_id, {**meta, "easy_read": True}, pick)
        assert plain == easy, (flow_id, band, name)
        assert plain, "the walk visited no page"


def _raw(flow_id: str = "rhi") -> dict:
    return json.loads((DATA_DIR / f"{flow_id}.json").read_text(encoding="utf-8"))


def test_an_unknown_picture_is_refused_on_load():
    raw = copy.deepcopy(_raw())
    raw["sections"][0]["pages"][0]["variants"][0]["icon"] = "no-such-picture"
    with pytest.raises(FlowError, match="no easy-read picture"):
        parse_flow(raw)


def test_a_picture_without_a_text_alternative_is_refused_on_load():
    raw = copy.deepcopy(_raw())
    del raw["sections"][0]["pages"][0]["variants"][0]["icon_alt"]
    with pytest.raises(FlowError, match="needs 'icon_alt'"):
        parse_flow(raw)


def test_a_variant_cannot_change_routing():
    raw = copy.deepcopy(_raw())
    raw["sections"][0]["pages"][0]["variants"][0]["options"] = []
    with pytest.raises(FlowError, match="only text fields"):
        parse_flow(raw)


def test_every_shipped_picture_is_plain_svg_without_scripts_or_links():
    pictures = sorted(ICON_DIR.glob("*.svg"))
    assert len(pictures) >= 9
    for svg in pictures:
        text = svg.read_text(encoding="utf-8")
        assert text.lstrip().startswith("<svg") and 'viewBox="0 0 64 64"' in text, svg.name
        for banned in ("<script", "href", "<image", "onload", "http://www.w3.org/1999/xlink"):
            assert banned not in text, (svg.name, banned)
