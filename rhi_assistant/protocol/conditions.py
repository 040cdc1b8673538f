"""The small, closed vocabulary of conditions a profile may use.

A condition is a JSON object with exactly one key. Profiles are data written
by councils, so the vocabulary is deliberately small and every name is
checked when the profile loads (a typo must fail loudly at start-up, not
silently never fire in front of a child).

- ``{"always": true}``: always (e.g. an RHI after every return)
- ``{"all": [c, ...]}`` / ``{"any": [c, ...]}`` / ``{"not": c}``: combinations
  (``all`` of nothing is true, ``any`` of nothing is false)
- ``{"missing_hours_at_least": n}``: missing >= n hours (last seen to found, or now)
- ``{"missing_hours_over": n}``: missing strictly more than n hours
- ``{"overlaps_local_hours": [a, b]}``: the missing time shares more than zero
  time with a:00-b:00 local on any day; a > b wraps midnight
- ``{"flag": name}``: an episode concern from ``EPISODE_FLAGS`` is true
- ``{"confirmed_concern": {"concern": c, "at_least": k}}``: at least k indicators a
  practitioner confirmed in this episode's interviews count towards concern c (``CONCERNS``)
- ``{"child": name}``: a child fact from ``CHILD_FLAGS`` is true
- ``{"police_risk_in": [risk, ...]}``: the police grading is one of these
- ``{"episodes_within_days": {"days": d, "at_least": k}}``: this episode plus
  earlier ones reported in the d days before this one was reported >= k
- ``{"episodes_total_at_least": k}``: this episode plus all previous ones >= k
- ``{"found": true|false}``: the child has (not) been found
- ``{"age_at_least": n}`` / ``{"age_under": n}``: whole years on the local date
  found (or now)
- ``{"out_of_area": "placed_away" | "placed_here" | "either"}``: the child is
  placed outside their home authority's area, and this council is the home
  authority ("placed_away"), the host ("placed_here": the child's home
  authority is another council), or either

Durations are real elapsed time (UTC), so clock changes never stretch or
shrink an episode; only ``overlaps_local_hours`` looks at the local clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from rhi_assistant.protocol.models import (
    CHILD_FLAGS,
    CONCERNS,
    EPISODE_FLAGS,
    POLICE_RISKS,
    ChildFacts,
    EpisodeFacts,
    PreviousEpisode,
)
from rhi_assistant.protocol.timeutil import overlaps_local_hours


class ProfileError(ValueError):
    """A profile file is malformed; the message names the file and the place in it."""


@dataclass(frozen=True)
class Situation:
    """The facts one evaluation is made over, with derived values computed once."""

    child: ChildFacts
    episode: EpisodeFacts
    previous: tuple[PreviousEpisode, ...]
    measured_to: datetime
    missing_hours: float
    age_years: int
    timezone: str
    #: "placed_away", "placed_here" or None (see ``OUT_OF_AREA``).
    out_of_area: str | None = None

    @property
    def found(self) -> bool:
        return self.episode.found is not None

    def episodes_within(self, days: float) -> int:
        """This episode plus previous ones reported in the ``days`` before it was reported.

        The window is inclusive at both ends and measured in real elapsed time.
        A previous episode reported *after* this one is not "before" it and is
        not counted.
        """
        ref = self.episode.reference_time
        start = ref - timedelta(days=days)
        count = 1
        for prev in self.previous:
            when = prev.reference_time
            if when is not None and start <= when <= ref:
                count += 1
        return count


Predicate = Callable[[Situation], bool]
Compiler = Callable[[Any, str], Predicate]


def _fail(where: str, message: str) -> ProfileError:
    return ProfileError(f"{where}: {message}")


def _number(value: Any, where: str, *, minimum: float = 0) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
        raise _fail(where, f"expected a number >= {minimum}, got {value!r}")
    return float(value)


def _integer(value: Any, where: str, *, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise _fail(where, f"expected a whole number >= {minimum}, got {value!r}")
    return value


def _always(value: Any, where: str) -> Predicate:
    if value is not True:
        raise _fail(where, "'always' takes the value true")
    return lambda s: True


def _sub_list(value: Any, where: str) -> list[Predicate]:
    if not isinstance(value, list):
        raise _fail(where, f"expected a list of conditions, got {value!r}")
    return [compile_condition(v, f"{where}[{i}]") for i, v in enumerate(value)]


def _all(value: Any, where: str) -> Predicate:
    subs = _sub_list(value, where)
    return lambda s: all(p(s) for p in subs)


def _any(value: Any, where: str) -> Predicate:
    subs = _sub_list(value, where)
    return lambda s: any(p(s) for p in subs)


def _not(value: Any, where: str) -> Predicate:
    sub = compile_condition(value, where)
    return lambda s: not sub(s)


def _missing_at_least(value: Any, where: str) -> Predicate:
    n = _number(value, where)
    return lambda s: s.missing_hours >= n


def _missing_over(value: Any, where: str) -> Predicate:
    n = _number(value, where)
    return lambda s: s.missing_hours > n


def _overlaps(value: Any, where: str) -> Predicate:
    if not (isinstance(value, list) and len(value) == 2):
        raise _fail(where, f"expected [from_hour, to_hour], got {value!r}")
    a = _integer(value[0], f"{where}[0]")
    b = _integer(value[1], f"{where}[1]")
    if a > 23 or b > 24 or a == b:
        raise _fail(where, f"hours must be 0-23 and 0-24 and differ, got {value!r}")
    return lambda s: overlaps_local_hours(s.episode.last_seen, s.measured_to, a, b, s.timezone)


def _name_in(value: Any, where: str, known: tuple[str, ...], kind: str) -> str:
    if value not in known:
        raise _fail(where, f"unknown {kind} {value!r} (known: {', '.join(known)})")
    return value


def _flag(value: Any, where: str) -> Predicate:
    name = _name_in(value, where, EPISODE_FLAGS, "episode flag")
    return lambda s: s.episode.flag(name)


def _confirmed_concern(value: Any, where: str) -> Predicate:
    if not isinstance(value, dict) or set(value) != {"concern", "at_least"}:
        raise _fail(where, f"expected {{'concern': c, 'at_least': k}}, got {value!r}")
    concern = _name_in(value["concern"], f"{where}.concern", CONCERNS, "concern")
    k = _integer(value["at_least"], f"{where}.at_least", minimum=1)
    return lambda s: s.episode.confirmed(concern) >= k


def _child(value: Any, where: str) -> Predicate:
    name = _name_in(value, where, CHILD_FLAGS, "child fact")
    return lambda s: bool(getattr(s.child, name))


def _police_risk_in(value: Any, where: str) -> Predicate:
    if not isinstance(value, list) or not value:
        raise _fail(where, f"expected a non-empty list of police risks, got {value!r}")
    risks = frozenset(_name_in(v, where, POLICE_RISKS, "police risk") for v in value)
    return lambda s: s.episode.police_risk in risks


def _episodes_within(value: Any, where: str) -> Predicate:
    if not isinstance(value, dict) or set(value) != {"days", "at_least"}:
        raise _fail(where, f"expected {{'days': d, 'at_least': k}}, got {value!r}")
    days = _number(value["days"], f"{where}.days", minimum=1)
    k = _integer(value["at_least"], f"{where}.at_least", minimum=1)
    return lambda s: s.episodes_within(days) >= k


def _episodes_total(value: Any, where: str) -> Predicate:
    k = _integer(value, where, minimum=1)
    return lambda s: 1 + len(s.previous) >= k


def _found(value: Any, where: str) -> Predicate:
    if not isinstance(value, bool):
        raise _fail(where, f"'found' takes true or false, got {value!r}")
    return lambda s: s.found is value


def _age_at_least(value: Any, where: str) -> Predicate:
    n = _integer(value, where)
    return lambda s: s.age_years >= n


def _age_under(value: Any, where: str) -> Predicate:
    n = _integer(value, where)
    return lambda s: s.age_years < n


OUT_OF_AREA = ("placed_away", "placed_here", "either")


def _out_of_area(value: Any, where: str) -> Predicate:
    role = _name_in(value, where, OUT_OF_AREA, "out-of-area role")
    if role == "either":
        return lambda s: s.out_of_area is not None
    return lambda s: s.out_of_area == role


CONDITIONS: dict[str, Compiler] = {
    "always": _always,
    "all": _all,
    "any": _any,
    "not": _not,
    "missing_hours_at_least": _missing_at_least,
    "missing_hours_over": _missing_over,
    "overlaps_local_hours": _overlaps,
    "flag": _flag,
    "confirmed_concern": _confirmed_concern,
    "child": _child,
    "police_risk_in": _police_risk_in,
    "episodes_within_days": _episodes_within,
    "episodes_total_at_least": _episodes_total,
    "found": _found,
    "age_at_least": _age_at_least,
    "age_under": _age_under,
    "out_of_area": _out_of_area,
}


def compile_condition(spec: Any, where: str) -> Predicate:
    """Validate a condition and turn it into a predicate over a ``Situation``."""
    if not isinstance(spec, dict) or len(spec) != 1:
        raise _fail(where, f"a condition is an object with exactly one key, got {spec!r}")
    ((name, value),) = spec.items()
    compiler = CONDITIONS.get(name)
    if compiler is None:
        raise _fail(where, f"unknown condition {name!r} (known: {', '.join(CONDITIONS)})")
    return compiler(value, f"{where}.{name}")
