"""The blind index finds what the rules link: whenever two mentions link, each one's probe
keys meet the other's index keys (so a lookup through digests misses no link)."""

from __future__ import annotations

import pytest

from rhi_assistant.links import read_mention
from rhi_assistant.links.keys import index_keys, probe_keys

LINKED = [
    ("PERSON", "Tom Ferris", "Thomas Ferris"), ("PERSON", "Callum Whitfield", "Callum Whitfeild"),
    ("PERSON", "Mohammed Ali", "Muhammad Ali"), ("PERSON", "Mary Jane Smith", "Mary Smith"),
    ("PERSON", "Nathan Featherstone", "Nathan Fetherston"), ("PERSON", "Kez", "KEZZ"),
    ("PERSON", "Taz", "Tariq 'Taz' Hussain"), ("PERSON", "Callum", "Callum Whitfield"),
    ("PERSON", "Tom", "Thomas Ferris"), ("PERSON", "Ann Jones-Baker", "Ann Baker"),
    ("PLATE", "GX71 KLM", "gx71klm"), ("PLATE", "GX71", "GX71 KLM"), ("PLATE", "KLM", "GX71KLM"),
    ("PHONE", "07700 900871", "+44 (0)7700 900871"), ("HANDLE", "@Tazzy_K", "tazzy_k"),
    ("VEHICLE", "silver Skoda", "grey Skoda Octavia"), ("VEHICLE", "black Golf", "black VW Golf"),
    ("PLACE", "Flat 2, 14 Harbour Road", "14 Harbour Rd, Stroud"),
    ("PLACE", "The Red Lion & Anchor", "red lion and anchor, Yate"),
]


@pytest.mark.parametrize(("type_", "a", "b"), LINKED)
def test_each_finds_the_other(type_: str, a: str, b: str) -> None:
    ra, rb = read_mention(type_, a), read_mention(type_, b)
    assert probe_keys(ra) & index_keys(rb), (a, b)
    assert probe_keys(rb) & index_keys(ra), (b, a)


def test_keys_hold_no_unrelated_thing() -> None:
    assert not probe_keys(read_mention("PERSON", "Ross Cole")) & index_keys(
        read_mention("PERSON", "Jade Cole"))
    assert not probe_keys(read_mention("PLACE", "Stroud")) and not index_keys(
        read_mention("PLACE", "Stroud"))
