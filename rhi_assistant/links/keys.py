"""The normalised forms a mention is found by, for the app's keyed blind index.

A stored mention is indexed under `index_keys`; a new mention looks up `probe_keys`; a stored
mention is a candidate when the two share a key. Keys are plain strings here: the app stores
only their keyed digests (`crypto.blind_digest`), so the index holds no name or number, and
the candidates are read (decrypted) and put through `grouping.link_groups` to decide.

- Exact things (a plate, a phone, a handle, a vehicle's three, a place's name) are keyed by
  their normalised form: equal forms share a key.
- Complete plates and vehicles also offer the forms a partial mention of them is written as
  (`>`), which partial mentions look for, and look for partial mentions (`<`).
- Full names are keyed by the family name and every spelling one or two letters shorter
  (two misspelt names within the rules share one), each with every given name and its
  name-table groups (two given names that match share one), and offer their given names
  to bare first names.
"""

from __future__ import annotations

from itertools import combinations

from rhi_assistant.intake import names
from rhi_assistant.links import plates, vehicles
from rhi_assistant.links.reading import Reading, Strength


def index_keys(reading: Reading) -> set[str]:
    """What a stored mention is found by."""
    return _keys(reading, probe=False)


def probe_keys(reading: Reading) -> set[str]:
    """What a new mention looks for."""
    return _keys(reading, probe=True)


def identity_keys(reading: Reading) -> set[str]:
    """The keys of a complete mention's own equals (a second round of lookup: the other
    mentions of a complete thing a partial mention joined)."""
    if reading.strength is not Strength.COMPLETE:
        return set()
    return {k for k in _keys(reading, probe=True) if k.split(":", 1)[0].endswith("=")}


def _keys(reading: Reading, *, probe: bool) -> set[str]:
    t = reading.type
    if reading.strength is Strength.NONE:
        return set()
    offer, want = (f"{t}<:", f"{t}>:") if probe else (f"{t}>:", f"{t}<:")
    if t == "PLATE":
        if reading.strength is Strength.COMPLETE:
            return {f"{t}=:{reading.key}"} | {offer + p for p in plates.part_keys(reading)}
        return {want + reading.data["part"]}
    if t == "VEHICLE":
        if reading.strength is Strength.COMPLETE:
            return {f"{t}=:{reading.key}"} | {offer + p for p in vehicles.part_keys(reading)}
        return {want + vehicles.partial_key(reading)}
    if t == "PERSON":
        return _person_keys(reading, offer, want)
    return {f"{t}=:{reading.key}"}


def _given_keys(given: str) -> set[str]:
    return {given} | {f"#{n}" for n in names._groups().get(given, ())}


def _person_keys(reading: Reading, offer: str, want: str) -> set[str]:
    data = reading.data
    if reading.strength is Strength.PARTIAL:
        return {want + g for g in _given_keys(data["given"])}
    out: set[str] = set()
    if data.get("nickname"):
        out.add(f"PERSON=:nick|{data['nickname']}")
    if "family" in data:
        givens = {g for part in (data["given"], *data["given_parts"]) for g in _given_keys(part)}
        for variant in family_variants(data["family"], data["family_parts"]):
            out.update(f"PERSON=:fam|{variant}|{g}" for g in givens)
        for given in data["given_parts"]:
            out.update(offer + g for g in _given_keys(given))
    return out


def family_variants(family: str, parts: tuple[str, ...] = ()) -> set[str]:
    """Forms two family names that match by the rules always share one of: the name, its
    parts (Jones-Baker, Baker), and its spellings with one (5+ letters) or two (8+) letters
    taken out (Boyce, Boyse: both give Boye)."""
    return {family, *parts} | _deletions(family)


def _deletions(word: str) -> set[str]:
    """Every spelling with up to one letter (5+ letters) or two (8+) taken out."""
    most = 2 if len(word) >= 8 else 1 if len(word) >= 5 else 0
    out: set[str] = set()
    for n in range(1, most + 1):
        for gone in combinations(range(len(word)), n):
            out.add("".join(ch for i, ch in enumerate(word) if i not in gone))
    return out
