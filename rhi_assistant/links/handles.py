"""Social media handles: case ignored, one leading @ dropped; every other character counts
(`lilz.x`, `lilz_x` and `lilzx` are three accounts)."""

from __future__ import annotations

import re

from rhi_assistant.links.reading import Reading, Strength

_PLATFORMS = (r"snapchat|snap|sc|insta|instagram|ig|tiktok|tik tok|tt|facebook|fb|twitter|x|"
              r"telegram|whatsapp|discord|threads|youtube|yt")
_AROUND = re.compile(rf"^(?:(?:{_PLATFORMS})\s*[:\-]\s*)|\s+(?:on|via)\s+(?:{_PLATFORMS})\s*$|"
                     rf"\s*\((?:{_PLATFORMS})\)\s*$", re.IGNORECASE)


def normalise(text: str) -> str:
    value = (text or "").strip()
    url = re.match(r"^(?:https?://)?(?:www\.)?[a-z.]+\.(?:com|net|me)/@?([^/?#\s]+)/?",
                   value, re.IGNORECASE)
    if url:  # instagram.com/deano_w, tiktok.com/@deano_w
        value = url.group(1)
    value = _AROUND.sub("", value).strip()
    if " " in value:  # "her snap is @lilz.x": the word with the @ is the handle
        marked = [w for w in value.split() if w.startswith("@")]
        value = marked[0] if len(marked) == 1 else value
    value = value.strip().strip(",;\"'")
    value = value.removeprefix("@")
    return value.casefold()


def read(text: str) -> Reading:
    handle = normalise(text)
    if len(handle) < 2 or " " in handle:
        return Reading("HANDLE", Strength.NONE)
    return Reading("HANDLE", Strength.COMPLETE, handle)
