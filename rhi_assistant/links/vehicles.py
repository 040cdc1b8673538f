"""Vehicles, read for colour, make and model (data/vehicles.json): all three link to the same
three; two of three are partial; one or none never links (a white van, a BMW)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rhi_assistant.links.reading import Reading, Strength
from rhi_assistant.links.text import fold

_LONGEST = 4  # words in the longest colour, make or model phrase


@dataclass(frozen=True)
class _Table:
    colours: dict[str, str]      # written form (words joined by a space) -> colour
    makes: dict[str, str]        # written form -> make
    models: dict[str, tuple[str, str]]  # squashed model -> (make, model)
    dropped: frozenset[str]


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9+]", "", fold(text))


@lru_cache(maxsize=1)
def _table() -> _Table:
    raw = json.loads(resources.files(__package__).joinpath("data/vehicles.json")
                     .read_text(encoding="utf-8"))
    colours = {fold(w): colour for colour, written in raw["colours"].items() for w in written}
    makes = {fold(w): make for make, written in raw["makes"].items() for w in [make, *written]}
    models = {_squash(m): (make, _squash(m)) for make, ms in raw["models"].items() for m in ms}
    dropped = frozenset(fold(w) for w in [*raw["dropped_words"], *raw["kind_words"]])
    return _Table(colours, makes, models, dropped)


def attributes(text: str) -> tuple[str | None, str | None, str | None] | None:
    """(colour, make, model) of a vehicle mention; None when it says two different makes."""
    table = _table()
    tokens = re.findall(r"[a-z0-9+]+", fold(text).replace("-", " "))
    colour = make = model = None
    model_make = None
    i = 0
    while i < len(tokens):
        found = False
        for n in range(min(_LONGEST, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i:i + n])
            squashed = "".join(tokens[i:i + n])
            if squashed in table.models and (model is None or len(squashed) > len(model)):
                model_make, model = table.models[squashed]
            elif phrase in table.makes:
                if make is not None and make != table.makes[phrase]:
                    return None
                make = table.makes[phrase]
            elif phrase in table.colours:
                if colour is not None and colour != table.colours[phrase]:
                    return None
                colour = table.colours[phrase]
            else:
                continue
            i += n
            found = True
            break
        if not found:
            i += 1
    if model_make is not None:
        if make is not None and make != model_make:
            return None
        make = model_make
    return colour, make, model


def read(text: str) -> Reading:
    attrs = attributes(text)
    if attrs is None:
        return Reading("VEHICLE", Strength.NONE)
    colour, make, model = attrs
    data = {"colour": colour, "make": make, "model": model}
    if colour and make and model:
        return Reading("VEHICLE", Strength.COMPLETE, f"{colour}|{make}|{model}", data)
    if make and (colour or model):
        return Reading("VEHICLE", Strength.PARTIAL, data=data)
    return Reading("VEHICLE", Strength.NONE, data=data)


def fits(partial: Reading, complete: Reading) -> bool:
    return all(value is None or complete.data[name] == value
               for name, value in partial.data.items())


def part_keys(reading: Reading) -> set[str]:
    """Colour+make and make+model: the two partial forms a complete vehicle can be found by."""
    d = reading.data
    return {f"cm|{d['colour']}|{d['make']}", f"mm|{d['make']}|{d['model']}"}


def partial_key(reading: Reading) -> str:
    d = reading.data
    return f"cm|{d['colour']}|{d['make']}" if d["colour"] else f"mm|{d['make']}|{d['model']}"
