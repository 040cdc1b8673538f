"""SERAF scoring: points and bands come from a profile file, the arithmetic lives here.

Areas score SERAF differently (the standard guidance, Barnardo's revised form, local
escalation rules), so the numbers are data in ``scoring/*.json`` and are validated on
load: a typo in a profile must fail loudly, never quietly move a child into a lower band.
SERAF is "not a tick-box exercise", so every score carries its working in plain words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from rhi_assistant.seraf.items import indicator_group

CATEGORIES: tuple[int, ...] = (1, 2, 3, 4)
POINT_KEYS: tuple[str, ...] = (
    "vulnerability",
    "moderate",
    "significant_recent_only",
    "significant_6_12_only",
    "significant_both",
    "disability",
)
_PROFILE_NAME = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class SerafChildFacts:
    """Facts about the child that some profiles use for extra points or escalations."""

    age: int | None = None
    learning_disability: bool = False
    physical_disability: bool = False
    sexual_exploitation_disclosed: bool = False


ESCALATION_CONDITIONS: dict[str, tuple[Callable[[SerafChildFacts], bool], str]] = {
    "under_13": (lambda f: f.age is not None and f.age < 13, "child is under 13"),
    "learning_disability": (lambda f: f.learning_disability, "child has a learning disability"),
    "sexual_exploitation_disclosed": (
        lambda f: f.sexual_exploitation_disclosed,
        "sexual exploitation has been disclosed",
    ),
}
"""The conditions a profile's ``escalations`` may name, with the words used in the working."""


@dataclass(frozen=True)
class SerafTicks:
    """The boxes ticked on the form, by list.

    Ids are checked against their list on construction, because an id in the wrong
    list would be scored with the wrong points.
    """

    vulnerabilities: frozenset[str] = frozenset()
    moderate: frozenset[str] = frozenset()
    significant_recent: frozenset[str] = frozenset()  # present during the past 6 months
    significant_6_12: frozenset[str] = frozenset()  # present between 6 and 12 months ago

    def __post_init__(self) -> None:
        expected = {
            "vulnerabilities": "seraf_vulnerability",
            "moderate": "seraf_moderate",
            "significant_recent": "seraf_significant",
            "significant_6_12": "seraf_significant",
        }
        for name, group in expected.items():
            value = getattr(self, name)
            if isinstance(value, str):
                raise ValueError(f"{name}: expected a collection of ids, got a single string")
            ids = frozenset(value)
            object.__setattr__(self, name, ids)
            wrong = sorted(i for i in ids if indicator_group(i) != group)
            if wrong:
                raise ValueError(f"{name}: not {group} ids: {', '.join(wrong)}")


@dataclass(frozen=True)
class Band:
    """One risk category: the totals it covers, its label and what to do."""

    category: int
    min: int
    max: int | None
    label: str
    guidance: str


@dataclass(frozen=True)
class Escalation:
    """A hard rule: when the condition holds, the category is at least ``min_category``."""

    when: str
    min_category: int
    reason: str


@dataclass(frozen=True)
class ScoringProfile:
    """A validated scoring profile, as loaded from ``scoring/<id>.json``."""

    id: str
    name: str
    source: str
    moderate_window: str
    points: dict[str, int]
    bands: tuple[Band, ...]
    escalations: tuple[Escalation, ...] = ()

    def band_for_total(self, total: int) -> Band:
        for band in self.bands:
            if total >= band.min and (band.max is None or total <= band.max):
                return band
        raise ValueError(f"no band covers a total of {total}")  # unreachable once validated

    def band_for_category(self, category: int) -> Band:
        return next(b for b in self.bands if b.category == category)


@dataclass(frozen=True)
class SerafScore:
    """The result, with the working, so a person can check it and override it with a reason.

    ``computed_category`` is what the points give; ``category`` is after any escalation
    rule of the profile. ``category_label`` and ``guidance`` describe ``category``.
    """

    total: int
    category: int
    category_label: str
    guidance: str
    computed_category: int
    computed_category_label: str
    working: list[str] = field(default_factory=list)
    escalations_applied: list[str] = field(default_factory=list)
    scoring: str = "standard"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _require(cond: bool, where: str, message: str) -> None:
    if not cond:
        raise ValueError(f"SERAF scoring profile {where}: {message}")


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_scoring_profile(data: Any, where: str = "<data>") -> ScoringProfile:
    """Validate a profile's JSON and build it; ValueError says exactly what is wrong."""
    _require(isinstance(data, dict), where, "expected a JSON object")
    known = {"id", "name", "source", "moderate_window", "points", "bands", "escalations"}
    unknown = sorted(set(data) - known)
    _require(not unknown, where, f"unknown keys {unknown}")
    for key in ("id", "name", "moderate_window"):
        _require(isinstance(data.get(key), str) and data[key], where, f"'{key}' must be text")
    _require(bool(_PROFILE_NAME.match(data["id"])), where, "'id' must be lower_snake_case")

    points = data.get("points")
    _require(isinstance(points, dict), where, "'points' must be an object")
    _require(
        set(points) == set(POINT_KEYS), where, f"'points' must have exactly {list(POINT_KEYS)}"
    )
    _require(
        all(_int(v) and v >= 0 for v in points.values()),
        where,
        "points must be whole numbers of 0 or more",
    )

    raw_bands = data.get("bands")
    _require(isinstance(raw_bands, list) and len(raw_bands) == 4, where, "need 4 bands")
    bands: list[Band] = []
    expected_min = 0
    for n, raw in enumerate(raw_bands, start=1):
        _require(isinstance(raw, dict), where, f"band {n} must be an object")
        _require(
            set(raw) == {"category", "min", "max", "label", "guidance"},
            where,
            f"band {n} needs category, min, max, label and guidance",
        )
        _require(raw["category"] == n, where, f"band {n} must be category {n}, in order")
        _require(
            _int(raw["min"]) and raw["min"] == expected_min,
            where,
            f"band {n} must start at {expected_min} (bands must be contiguous from 0)",
        )
        last = n == len(raw_bands)
        if last:
            _require(raw["max"] is None, where, "the last band must be open-ended (max null)")
        else:
            _require(
                _int(raw["max"]) and raw["max"] >= raw["min"],
                where,
                f"band {n} max must be a whole number at least its min",
            )
            expected_min = raw["max"] + 1
        for key in ("label", "guidance"):
            _require(isinstance(raw[key], str) and raw[key], where, f"band {n} '{key}' is empty")
        bands.append(Band(raw["category"], raw["min"], raw["max"], raw["label"], raw["guidance"]))

    raw_esc = data.get("escalations", [])
    _require(isinstance(raw_esc, list), where, "'escalations' must be a list")
    escalations: list[Escalation] = []
    for n, raw in enumerate(raw_esc, start=1):
        _require(isinstance(raw, dict), where, f"escalation {n} must be an object")
        unknown_keys = sorted(set(raw) - {"when", "min_category", "reason"})
        _require(not unknown_keys, where, f"escalation {n}: unknown keys {unknown_keys}")
        when = raw.get("when")
        _require(
            when in ESCALATION_CONDITIONS,
            where,
            f"escalation {n}: 'when' must be one of {sorted(ESCALATION_CONDITIONS)}",
        )
        _require(
            raw.get("min_category") in CATEGORIES and _int(raw.get("min_category")),
            where,
            f"escalation {n}: 'min_category' must be 1 to 4",
        )
        reason = raw.get("reason") or ESCALATION_CONDITIONS[when][1]
        _require(isinstance(reason, str), where, f"escalation {n}: 'reason' must be text")
        escalations.append(Escalation(when, raw["min_category"], reason))

    return ScoringProfile(
        id=data["id"],
        name=data["name"],
        source=str(data.get("source", "")),
        moderate_window=data["moderate_window"],
        points=dict(points),
        bands=tuple(bands),
        escalations=tuple(escalations),
    )


def scoring_profiles() -> list[str]:
    """The names of the profiles shipped in the package, for settings screens and checks."""
    folder = resources.files("rhi_assistant.seraf").joinpath("scoring")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


@cache
def load_scoring(name: str = "standard") -> ScoringProfile:
    """Load and validate ``scoring/<name>.json``; ValueError for an unknown or bad profile."""
    if not isinstance(name, str) or not _PROFILE_NAME.match(name):
        raise ValueError(f"not a SERAF scoring profile name: {name!r}")
    path = resources.files("rhi_assistant.seraf").joinpath(f"scoring/{name}.json")
    if not path.is_file():
        raise ValueError(f"unknown SERAF scoring profile {name!r}; have {scoring_profiles()}")
    where = f"scoring/{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"SERAF scoring profile {where}: not valid JSON: {exc}") from exc
    profile = parse_scoring_profile(data, where)
    if profile.id != name:
        raise ValueError(f"SERAF scoring profile {where}: 'id' is {profile.id!r}, not {name!r}")
    return profile


def score_seraf(
    ticks: SerafTicks,
    scoring: str | ScoringProfile = "standard",
    facts: SerafChildFacts | None = None,
) -> SerafScore:
    """Score the ticked form under a profile and return the category with its working.

    ``scoring`` is a profile name (or an already loaded profile, for tests and previews).
    Without ``facts`` no disability point is added and no escalation is checked; the
    working says so rather than implying the rules were considered.
    """
    profile = scoring if isinstance(scoring, ScoringProfile) else load_scoring(scoring)
    pts = profile.points
    both = ticks.significant_recent & ticks.significant_6_12
    recent_only = ticks.significant_recent - both
    older_only = ticks.significant_6_12 - both

    rows: list[tuple[int, str, str, int]] = [
        (len(ticks.vulnerabilities), "vulnerability", "vulnerabilities", pts["vulnerability"]),
        (
            len(ticks.moderate),
            f"moderate risk indicator ({profile.moderate_window})",
            f"moderate risk indicators ({profile.moderate_window})",
            pts["moderate"],
        ),
        (
            len(recent_only),
            "significant indicator in the past 6 months only",
            "significant indicators in the past 6 months only",
            pts["significant_recent_only"],
        ),
        (
            len(older_only),
            "significant indicator 6 to 12 months ago only",
            "significant indicators 6 to 12 months ago only",
            pts["significant_6_12_only"],
        ),
        (
            len(both),
            "significant indicator in both windows",
            "significant indicators in both windows",
            pts["significant_both"],
        ),
    ]
    working: list[str] = []
    total = 0
    for count, one, many, each in rows:
        total += count * each
        working.append(f"{_plural(count, one, many)} × {each} = {count * each}")

    if pts["disability"]:
        if facts is None:
            working.append("Physical or learning disability: not known, no points added")
        elif facts.learning_disability or facts.physical_disability:
            total += pts["disability"]
            working.append(f"Physical or learning disability: + {pts['disability']}")
        else:
            working.append("No physical or learning disability recorded: + 0")

    computed = profile.band_for_total(total)
    working.append(f"Total {total} → {computed.label}")

    category = computed.category
    applied: list[str] = []
    if profile.escalations and facts is None:
        working.append("Escalation rules not checked: no facts about the child were given")
    for rule in profile.escalations if facts is not None else ():
        if facts is None or not ESCALATION_CONDITIONS[rule.when][0](facts):
            continue
        floor = profile.band_for_category(rule.min_category)
        if category < rule.min_category:
            category = rule.min_category
            line = f"Escalation: {rule.reason}, so at least {floor.label}"
            applied.append(line)
            working.append(line)
        else:
            working.append(
                f"Escalation rule met ({rule.reason}; at least {floor.label}): "
                "category already at or above it"
            )
    final = profile.band_for_category(category)
    if category != computed.category:
        working.append(f"Category raised from {computed.label} to {final.label}")

    return SerafScore(
        total=total,
        category=final.category,
        category_label=final.label,
        guidance=final.guidance,
        computed_category=computed.category,
        computed_category_label=computed.label,
        working=working,
        escalations_applied=applied,
        scoring=profile.id,
    )


def ids_to_ticks(groups: dict[str, Iterable[str]]) -> SerafTicks:
    """Build ticks from a plain mapping (as stored in a database JSON column)."""
    return SerafTicks(
        vulnerabilities=frozenset(groups.get("vulnerabilities", ())),
        moderate=frozenset(groups.get("moderate", ())),
        significant_recent=frozenset(groups.get("significant_recent", ())),
        significant_6_12=frozenset(groups.get("significant_6_12", ())),
    )
