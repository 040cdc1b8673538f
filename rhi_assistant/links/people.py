"""People: full names (by the name rules of the police notification contract), nicknames
(equal after normalising), and bare first names, which are partial: they join the one
full-name group whose given name matches, and never a nickname or another bare name."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rhi_assistant.intake import names
from rhi_assistant.links.reading import Reading, Strength
from rhi_assistant.links.text import fold

#: Words that make a name a street name (the prefix is part of the nickname).
_PREFIXES = {"big": "big", "lil": "lil", "little": "lil", "young": "young", "yung": "young",
             "baby": "baby", "uncle": "uncle", "auntie": "aunty", "aunty": "aunty",
             "aunt": "aunty"}
_QUOTED = re.compile(r"""["'(\[]\s*([^"'()\[\]]+?)\s*["')\]]""")
_TITLES = {"mr", "mrs", "ms", "miss", "dr"}
#: Words before a name that are not part of it.
_FILLER = {"the", "a", "an", "this", "that", "man", "guy", "lad", "bloke", "older", "old",
           "boy", "girl", "woman", "his", "her", "their", "mate", "friend", "someone"}


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    raw = resources.files(__package__).joinpath("data/given_names.txt").read_text(
        encoding="utf-8")
    out = {names.normalise(w).joined for line in raw.splitlines()
           if not line.lstrip().startswith("#") for w in line.split()}
    out |= set(names._groups())  # the name table's names and short forms
    return frozenset(n for n in out if n)


def is_given_name(word: str) -> bool:
    return names.normalise(word).joined in _given_names()


def nickname_key(text: str) -> str:
    """`Kez` = `Kezz`, `Jonesy` = `Jonesie` = `Jonesey`, `Lil Dee` = `Lil' Dee` = `Little Dee`,
    `Big Mo` = `BigMo`: words normalised, Little read as Lil, a final -ie/-ey/-ee as -y."""
    raw = re.findall(r"[a-z0-9]+", fold(text).replace("'", ""))
    if len(raw) == 1:  # "BigMo" written as one word
        split = re.match(r"^(big|lil|little|young|baby|uncle|auntie|aunty)([a-z].*)$", raw[0])
        if split and _starts_with_prefix([text.strip()]):
            raw = [split.group(1), split.group(2)]
    out = []
    for i, part in enumerate(raw):
        if i == 0 and len(raw) > 1 and _PREFIXES.get(part):
            out.append(_PREFIXES[part])
        else:
            out.append(re.sub(r"(?:ie|ey|ee)$", "y", part))
    return names.normalise("".join(out)).joined


def _starts_with_prefix(words: list[str]) -> bool:
    first = fold(words[0]).replace("'", "").rstrip(".")
    if first in _PREFIXES and len(words) > 1:
        return True
    # "BigMo", "LilDee" written as one word with the prefix capitalised inside it
    return bool(re.match(r"^(Big|Lil|Little|Young|Baby|Uncle|Auntie|Aunty)[A-Z]", words[0]))


def read(text: str) -> Reading:
    value = re.sub(r"\s+", " ", (text or "").strip()).strip(" ,.;:")
    value = re.sub(r"\s*\([^)]*\)$", "", value).strip()  # "Dean Walsh (older)": a comment
    if re.search(r"\w['’]s\s+\w", value):
        return Reading("PERSON", Strength.NONE)  # "Big Mo's brother": someone else
    value = re.sub(r"^.*?\b(?:called|named|known as|aka|a\.k\.a\.?)\s+", "", value,
                   flags=re.IGNORECASE)  # "an older man called Kez"
    words = value.split()
    while len(words) > 1 and words[0].casefold() in _FILLER:  # "the man Dean": Dean
        words = words[1:]
    value = " ".join(words)
    if value.count(",") == 1:  # "Walsh, Dean": family name first
        family, given = (p.strip() for p in value.split(","))
        if family and given and " " not in family:
            value = f"{given} {family}"
    nickname = None
    quoted = _QUOTED.search(value)
    if quoted and quoted.start() > 0 and quoted.end() < len(value):
        nickname = quoted.group(1)
        value = (value[:quoted.start()] + " " + value[quoted.end():]).strip()
    titled = bool(value.split()) and fold(value.split()[0]).rstrip(".") in _TITLES
    words = [w for w in value.split() if fold(w).rstrip(".") not in _TITLES]
    if not words or (titled and len(words) == 1):
        return Reading("PERSON", Strength.NONE)  # "Mr Walsh": a family name alone
    if nickname is not None:
        full = _full(words)
        if len(nickname_key(nickname)) < 2:
            return full or Reading("PERSON", Strength.NONE)
        if full is None:
            return _nickname(nickname)
        return Reading("PERSON", Strength.COMPLETE, data={**full.data,
                                                          "nickname": nickname_key(nickname)})
    if _starts_with_prefix(words):
        return _nickname(value)
    if len(words) == 1:
        if is_given_name(words[0]):
            key = names.normalise(words[0]).joined
            return Reading("PERSON", Strength.PARTIAL, data={"given": key, "initial": None})
        return _nickname(value)
    return _full(words) or Reading("PERSON", Strength.NONE)


def _nickname(text: str) -> Reading:
    key = nickname_key(text)
    if len(key) < 2:
        return Reading("PERSON", Strength.NONE)
    return Reading("PERSON", Strength.COMPLETE, data={"nickname": key})


def _full(words: list[str]) -> Reading | None:
    given = names.normalise(" ".join(words[:-1]))
    family = names.normalise(words[-1])
    if not given or not family:
        return None
    if len(family.joined) == 1:  # "Dean W.": a given name and an initial is partial
        return Reading("PERSON", Strength.PARTIAL,
                       data={"given": given.joined, "initial": family.joined})
    return Reading("PERSON", Strength.COMPLETE, data={
        "given": given.joined, "given_parts": given.parts, "family": family.joined,
        "family_parts": family.parts})


def same(a: Reading, b: Reading) -> bool:
    """Two complete person mentions: same nickname, or full names that match by the rules."""
    na, nb = a.data.get("nickname"), b.data.get("nickname")
    if na and nb and na == nb:
        return True
    if "family" in a.data and "family" in b.data:
        return (names.match_rule(names.NormalName(a.data["family_parts"]),
                                 names.NormalName(b.data["family_parts"]),
                                 family=True) is not None
                and _given_match(a.data["given_parts"], b.data["given_parts"]))
    return False


def _given_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return names.match_rule(names.NormalName(a), names.NormalName(b)) is not None


def fits(partial: Reading, complete: Reading) -> bool:
    if "family" not in complete.data:
        return False  # a bare first name never joins a nickname
    if partial.data["initial"] and not complete.data["family"].startswith(
            partial.data["initial"]):
        return False
    return _given_match((partial.data["given"],), complete.data["given_parts"][:1]) or \
        _given_match((partial.data["given"],), complete.data["given_parts"])
