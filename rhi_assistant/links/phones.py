"""Phone numbers: digits only, +44/0044/44 for the leading 0, "(0)" dropped; only complete
numbers link, and only when equal (one digit off is another number)."""

from __future__ import annotations

import re

from rhi_assistant.links.reading import Reading, Strength


def normalise(text: str) -> str | None:
    """The number in one form (`07700900312`, or `+33612345678` abroad), None if incomplete."""
    value = re.sub(r"\(\s*0\s*\)", "", text or "")
    plus = value.strip().startswith("+")
    digits = re.sub(r"\D", "", value)
    if plus or digits.startswith("00"):
        digits = digits[2:] if digits.startswith("00") else digits
        if digits.startswith("44"):
            digits = "0" + digits[2:].removeprefix("0")
        else:
            return "+" + digits if 7 <= len(digits) <= 15 else None
    elif digits.startswith("44") and len(digits) == 12:
        digits = "0" + digits[2:]
    if len(digits) == 11 and digits.startswith("0"):
        return digits
    return None


def read(text: str) -> Reading:
    number = normalise(text)
    if number is None:
        return Reading("PHONE", Strength.NONE)
    return Reading("PHONE", Strength.COMPLETE, number)
