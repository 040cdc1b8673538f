"""Number plates: letters and digits only, upper case; a complete UK plate links only to the
same plate, a partial one (3+ characters) joins the one complete plate it starts or ends."""

from __future__ import annotations

import re

from rhi_assistant.links.reading import Reading, Strength

_COMPLETE = re.compile(
    r"^(?:[A-Z]{2}[0-9]{2}[A-Z]{3}|[A-Z][0-9]{1,3}[A-Z]{3}|[A-Z]{3}[0-9]{1,3}[A-Z])$")
#: Words around a partial plate that are not part of it ("ending in 4KX", "reg starts YD21").
_FILLER = re.compile(
    r"\b(?:partial|part|plate|plates|reg|registration|number|no|ending|ends|ended|end|"
    r"starting|starts|started|start|begins|beginning|begin|with|in|of|something|like|"
    r"maybe|possibly|possible|unknown|rest|first|last|letters|digits|and|the|was|is|"
    r"private|personalised)\b", re.IGNORECASE)
_AT_END = re.compile(r"\b(?:ending|ends|ended|end|last)\b", re.IGNORECASE)
_AT_START = re.compile(r"\b(?:starting|starts|started|start|begins|beginning|begin|first)\b",
                       re.IGNORECASE)


def normalise(text: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", (text or "").upper())


def read(text: str) -> Reading:
    whole = normalise(text)
    if _COMPLETE.match(whole):
        return Reading("PLATE", Strength.COMPLETE, whole)
    scrap = normalise(_FILLER.sub(" ", text or ""))
    if len(scrap) < 3:  # shorter scraps never link
        return Reading("PLATE", Strength.NONE)
    if _COMPLETE.match(scrap):
        return Reading("PLATE", Strength.COMPLETE, scrap)
    where = "end" if _AT_END.search(text or "") else "start" if _AT_START.search(text or "") \
        else "either"
    return Reading("PLATE", Strength.PARTIAL, data={"part": scrap, "where": where})


def fits(partial: Reading, complete: Reading) -> bool:
    part, where = partial.data["part"], partial.data["where"]
    plate = complete.key
    if part == plate:
        return True
    starts, ends = plate.startswith(part), plate.endswith(part)
    return (where != "end" and starts) or (where != "start" and ends)


def part_keys(complete: Reading) -> set[str]:
    """Every start and end of 3+ characters: what a partial plate would be written as."""
    plate = complete.key
    return {plate[:n] for n in range(3, len(plate))} | {plate[-n:] for n in range(3, len(plate))}
