"""Load and validate local-protocol profiles (one JSON file per council).

Profiles are data so that a third council can add its own file without code:
drop ``<name>.json`` into a directory named by ``RHI_PROTOCOL_PROFILES_DIR``
(several directories may be joined with ``os.pathsep``) or pass
``profiles_dir=``. Search order: ``profiles_dir`` argument, then the
environment directories, then the built-in ``profiles/`` folder; the first
file with the name wins, so a council may also override a shipped profile.

File shape (every key below is required unless marked optional; unknown keys
are rejected so that a misspelt key cannot be silently ignored)::

    {
      "schema_version": 1,
      "name": "bcp",                       # must equal the file name stem
      "title": "...", "description": "...",
      "source": "...",                     # optional: where the rules come from
      "timezone": "Europe/London",         # optional, this is the default
      "seraf_scoring": "standard",         # optional: a file in seraf/scoring/ (a team may
                                           # override it; absent: the install's default)
      "rhi": {"due_hours_after_found": 72,
              "reasons": [{"reason": "overnight_6h", "label": "...", "when": {...}}]},
      "safe_and_well": {"due_hours_after_found": {"high": 1, "default": 3}},
      "consent": {"child_consents_from_age": 16,
                  "parent_or_carer_unless_looked_after": true},
      "actions": [{"action": "strategy_meeting", "label": "...", "when": {...},
                   "due": null | {"hours_after": 24, "from": "found"}}],
      "authority": {"names": ["North Somerset Council", "North Somerset"]},
                                           # optional: the council's own names, to tell
                                           # a child placed here by another council
      "transition": {"young_person_from_age": 16, "plan_handover_from_age": 17.5,
                     "adult_from_age": 18}, # optional; these are the defaults
      "from_record": {                     # optional: what the record sets, for a person to
        "flags": {"trafficking_concern": {...}},   # see and change ("from the record")
        "seraf": [{"indicator": "seraf.sig.missing_periods", "when": {...}}]
      }
    }

Conditions (``when``) are documented in ``conditions.py``. Reasons are
reported in the order listed; an action code may appear in several entries
(e.g. notify when risk is high *or* medium and 24 hours missing) and is
reported once, at its first matching entry.
"""

from __future__ import annotations

import functools
import json
import os
import re
import stat
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from rhi_assistant.protocol.conditions import Predicate, ProfileError, compile_condition
from rhi_assistant.protocol.models import EPISODE_FLAGS, POLICE_RISKS
from rhi_assistant.protocol.timeutil import DEFAULT_TIMEZONE, TimezoneUnavailableError, zone
from rhi_assistant.protocol.transition import DEFAULT_TRANSITION, Transition

SCHEMA_VERSION = 1
ENV_VAR = "RHI_PROTOCOL_PROFILES_DIR"
DUE_ANCHORS = ("found", "reported_missing", "last_seen")
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


@dataclass(frozen=True)
class ProfileInfo:
    """What a picker needs to show a profile."""

    name: str
    title: str
    description: str


@dataclass(frozen=True)
class Rule:
    """A reason or action: a code, its label and the compiled condition."""

    code: str
    label: str
    when: Predicate
    due_hours: float | None = None
    due_from: str | None = None


@dataclass(frozen=True)
class Profile:
    """A validated, compiled profile ready to evaluate episodes."""

    name: str
    title: str
    description: str
    source: str
    timezone: str
    seraf_scoring: str | None
    rhi_due_hours: float
    reasons: tuple[Rule, ...]
    safe_and_well_hours: Mapping[str | None, float]
    child_consent_age: int
    parent_consent_unless_looked_after: bool
    actions: tuple[Rule, ...]
    path: str
    #: The council's own names, normalised (``authority_key``); empty when not given.
    authority_names: frozenset[str] = frozenset()
    transition: Transition = DEFAULT_TRANSITION
    #: Episode flags the record sets (confirmed findings, recorded episodes), by condition.
    flags_from_record: tuple[tuple[str, Predicate], ...] = ()
    #: SERAF indicators the record ticks, by condition.
    seraf_from_record: tuple[tuple[str, Predicate], ...] = ()

    def is_own_authority(self, name: str | None) -> bool:
        """Is ``name`` this council (None, an empty name: nobody said otherwise, so yes)?"""
        key = authority_key(name)
        return not key or key in self.authority_names

    def safe_and_well_hours_for(self, police_risk: str | None) -> float:
        """Hours from found to the police safe and well check (ungraded: the default)."""
        return self.safe_and_well_hours[police_risk or None]

    @property
    def info(self) -> ProfileInfo:
        return ProfileInfo(self.name, self.title, self.description)

    def labels(self) -> dict[str, str]:
        """Every reason and action code mapped to its human-readable label."""
        out = {r.code: r.label for r in self.reasons}
        for a in self.actions:
            out.setdefault(a.code, a.label)
        return out

    def label_for(self, code: str) -> str:
        """The label of a reason or action code (KeyError when the profile has none)."""
        labels = self.labels()
        if code not in labels:
            raise KeyError(f"profile {self.name!r} has no reason or action {code!r}")
        return labels[code]


def authority_key(name: str | None) -> str:
    """A council's name for comparison: case, punctuation, "the" and "council" ignored.

    "North Somerset Council", "north somerset" and "The North-Somerset council"
    are one council; "Bristol City Council" is "bristol city" (list it so).
    """
    words = re.sub(r"[^0-9a-z]+", " ", (name or "").casefold()).split()
    return " ".join(w for w in words if w not in ("the", "council"))


# ---------------------------------------------------------------- validation


def _keys(
    obj: Any, where: str, required: set[str], optional: frozenset[str] | set[str] = frozenset()
) -> dict:
    if not isinstance(obj, dict):
        raise ProfileError(f"{where}: expected an object, got {type(obj).__name__}")
    missing = required - obj.keys()
    if missing:
        raise ProfileError(f"{where}: missing required field(s): {', '.join(sorted(missing))}")
    unknown = obj.keys() - required - optional
    if unknown:
        raise ProfileError(
            f"{where}: unknown field(s): {', '.join(sorted(unknown))} "
            f"(allowed: {', '.join(sorted(required | optional))})"
        )
    return obj


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ProfileError(f"{where}: expected non-empty text, got {value!r}")
    return value


def _hours(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ProfileError(f"{where}: expected a number of hours >= 0, got {value!r}")
    return float(value)


def _code(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _NAME.match(value):
        raise ProfileError(f"{where}: codes are lower_snake_case, got {value!r}")
    return value


def _rules(items: Any, where: str, kind: str) -> tuple[Rule, ...]:
    if not isinstance(items, list):
        raise ProfileError(f"{where}: expected a list")
    rules: list[Rule] = []
    labels: dict[str, str] = {}
    for i, item in enumerate(items):
        at = f"{where}[{i}]"
        optional = {"due", "note"} if kind == "action" else {"note"}
        _keys(item, at, {kind, "label", "when"}, optional)
        code = _code(item[kind], f"{at}.{kind}")
        label = _text(item["label"], f"{at}.label")
        if kind == "reason" and code in labels:
            raise ProfileError(f"{at}: reason {code!r} is listed twice")
        if labels.setdefault(code, label) != label:
            raise ProfileError(f"{at}: action {code!r} has two different labels")
        due_hours = due_from = None
        due = item.get("due")
        if due is not None:
            _keys(due, f"{at}.due", {"hours_after", "from"})
            due_hours = _hours(due["hours_after"], f"{at}.due.hours_after")
            due_from = due["from"]
            if due_from not in DUE_ANCHORS:
                raise ProfileError(
                    f"{at}.due.from: expected one of {', '.join(DUE_ANCHORS)}, got {due_from!r}"
                )
        when = compile_condition(item["when"], f"{at}.when")
        rules.append(Rule(code, label, when, due_hours, due_from))
    return tuple(rules)


def _safe_and_well(obj: Any, where: str) -> dict[str | None, float]:
    """Hours by police risk; the key None (risk not yet graded) gets ``default``.

    Without a ``default``, an ungraded episode gets the earliest deadline in
    the table: when in doubt, check on the child sooner.
    """
    raw = _keys(obj, where, {"due_hours_after_found"})["due_hours_after_found"]
    at = f"{where}.due_hours_after_found"
    _keys(raw, at, set(), set(POLICE_RISKS) | {"default"})
    hours = {k: _hours(v, f"{at}.{k}") for k, v in raw.items()}
    default = hours.pop("default", None)
    gaps = [r for r in POLICE_RISKS if r not in hours]
    if gaps and default is None:
        raise ProfileError(f"{at}: no hours for {', '.join(gaps)} and no 'default'")
    table: dict[str | None, float] = {r: hours.get(r, default or 0.0) for r in POLICE_RISKS}
    table[None] = default if default is not None else min(hours.values())
    return table


def parse_profile(data: Any, name: str, path: str = "<memory>") -> Profile:
    """Validate raw profile data and compile its conditions.

    Raises ``ProfileError`` naming the file and the JSON path of the fault.
    """
    where = Path(path).name if path != "<memory>" else name
    top = _keys(
        data,
        where,
        {"schema_version", "name", "title", "description", "rhi", "safe_and_well", "consent",
         "actions"},
        {"source", "timezone", "seraf_scoring", "note", "authority", "transition",
         "from_record"},
    )
    if top["schema_version"] != SCHEMA_VERSION:
        raise ProfileError(
            f"{where}.schema_version: this version reads {SCHEMA_VERSION}, "
            f"got {top['schema_version']!r}"
        )
    if top["name"] != name:
        raise ProfileError(f"{where}.name: {top['name']!r} does not match the file name {name!r}")
    tz = top.get("timezone", DEFAULT_TIMEZONE)
    try:
        zone(_text(tz, f"{where}.timezone"))
    except (TimezoneUnavailableError, ValueError) as exc:
        if isinstance(exc, ProfileError):
            raise
        raise ProfileError(f"{where}.timezone: {exc}") from exc
    rhi = _keys(top["rhi"], f"{where}.rhi", {"due_hours_after_found", "reasons"})
    consent = _keys(
        top["consent"], f"{where}.consent",
        {"child_consents_from_age", "parent_or_carer_unless_looked_after"},
    )
    age = consent["child_consents_from_age"]
    if isinstance(age, bool) or not isinstance(age, int) or not 0 < age < 25:
        raise ProfileError(f"{where}.consent.child_consents_from_age: expected an age, got {age!r}")
    unless_la = consent["parent_or_carer_unless_looked_after"]
    if not isinstance(unless_la, bool):
        raise ProfileError(
            f"{where}.consent.parent_or_carer_unless_looked_after: expected true or false"
        )
    return Profile(
        name=name,
        title=_text(top["title"], f"{where}.title"),
        description=_text(top["description"], f"{where}.description"),
        source=str(top.get("source", "")),
        timezone=tz,
        seraf_scoring=(_code(top["seraf_scoring"], f"{where}.seraf_scoring")
                       if "seraf_scoring" in top else None),
        rhi_due_hours=_hours(rhi["due_hours_after_found"], f"{where}.rhi.due_hours_after_found"),
        reasons=_rules(rhi["reasons"], f"{where}.rhi.reasons", "reason"),
        safe_and_well_hours=_safe_and_well(top["safe_and_well"], f"{where}.safe_and_well"),
        child_consent_age=age,
        parent_consent_unless_looked_after=unless_la,
        actions=_rules(top["actions"], f"{where}.actions", "action"),
        path=path,
        authority_names=_authority(top.get("authority"), f"{where}.authority"),
        transition=_transition(top.get("transition"), f"{where}.transition"),
        **_from_record(top.get("from_record"), f"{where}.from_record"),
    )


def _from_record(obj: Any, where: str) -> dict[str, Any]:
    """Episode flags and SERAF ticks the record sets, each with its condition."""
    if obj is None:
        return {}
    top = _keys(obj, where, set(), {"flags", "seraf"})
    flags = top.get("flags", {})
    if not isinstance(flags, dict):
        raise ProfileError(f"{where}.flags: expected an object of flag: condition")
    for name in flags:
        if name not in EPISODE_FLAGS:
            raise ProfileError(f"{where}.flags: unknown episode flag {name!r}")
    seraf = top.get("seraf", [])
    if not isinstance(seraf, list):
        raise ProfileError(f"{where}.seraf: expected a list")
    ticks = []
    for i, item in enumerate(seraf):
        entry = _keys(item, f"{where}.seraf[{i}]", {"indicator", "when"})
        ticks.append((_text(entry["indicator"], f"{where}.seraf[{i}].indicator"),
                      compile_condition(entry["when"], f"{where}.seraf[{i}].when")))
    return {
        "flags_from_record": tuple(
            (name, compile_condition(cond, f"{where}.flags.{name}"))
            for name, cond in flags.items()),
        "seraf_from_record": tuple(ticks),
    }


def _authority(obj: Any, where: str) -> frozenset[str]:
    if obj is None:
        return frozenset()
    names = _keys(obj, where, {"names"})["names"]
    if not isinstance(names, list) or not names:
        raise ProfileError(f"{where}.names: expected a non-empty list of names")
    return frozenset(authority_key(_text(n, f"{where}.names[{i}]")) for i, n in enumerate(names))


def _transition(obj: Any, where: str) -> Transition:
    """The three ages, each a whole or half year, in order (young person <= plan <= adult)."""
    if obj is None:
        return DEFAULT_TRANSITION
    keys = ("young_person_from_age", "plan_handover_from_age", "adult_from_age")
    _keys(obj, where, set(keys))
    ages = []
    for key in keys:
        value = obj[key]
        if (isinstance(value, bool) or not isinstance(value, int | float)
                or not 0 < value < 30 or (value * 2) % 1):
            raise ProfileError(f"{where}.{key}: expected an age in whole or half years, "
                               f"got {value!r}")
        ages.append(float(value))
    if not ages[0] <= ages[1] <= ages[2]:
        raise ProfileError(f"{where}: the ages must not decrease ({', '.join(keys)})")
    return Transition(*ages)


# ------------------------------------------------------------------- loading


@functools.cache
def _builtin_dir() -> Path:
    """The shipped profiles' folder (fixed for the process; finding it again cost every
    page that asks the protocol a third of a millisecond)."""
    return Path(str(resources.files("rhi_assistant.protocol") / "profiles"))


def search_dirs(profiles_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """Directories searched for profiles, highest priority first."""
    dirs: list[Path] = []
    if profiles_dir is not None:
        dirs.append(Path(profiles_dir))
    for part in os.environ.get(ENV_VAR, "").split(os.pathsep):
        if part.strip():
            dirs.append(Path(part.strip()))
    dirs.append(_builtin_dir())
    return dirs


_LISTED: dict[tuple[tuple[str, int | None], ...], dict[str, Path]] = {}
_SETTLE_NS = 1_000_000_000


def _candidates(dirs: Iterable[Path]) -> dict[str, Path]:
    """Profile files by name, the first directory's first.

    Listed again only when a directory changes (a file added, removed or renamed changes
    its modification time; an edit in place is caught by `load_profile_file`): every page
    asking the protocol listed the folders afresh."""
    stamped: list[tuple[str, int | None]] = []
    for d in dirs:
        try:
            st = os.stat(d)
        except OSError:
            stamped.append((str(d), None))
            continue
        stamped.append((str(d), st.st_mtime_ns if stat.S_ISDIR(st.st_mode) else None))
    key = tuple(stamped)
    listed = _LISTED.get(key)
    if listed is None:
        listed = {}
        for folder, mtime in stamped:
            if mtime is None:
                continue
            for f in sorted(Path(folder).glob("*.json")):
                if _NAME.match(f.stem):
                    listed.setdefault(f.stem, f)
        # A folder changed within the last second may change again with the same time
        # stamp (file times tick coarsely): such a listing is not kept, only used.
        settled = time.time_ns() - _SETTLE_NS
        if all(mtime is None or mtime < settled for _, mtime in stamped):
            if len(_LISTED) > 64:  # temporary folders of tests: keep the memory bounded
                _LISTED.clear()
            _LISTED[key] = listed
    return dict(listed)


_CACHE: dict[tuple[str, int], Profile] = {}


def load_profile_file(path: str | os.PathLike[str]) -> Profile:
    """Load one profile file (cached until the file changes)."""
    p = Path(path)
    key = (str(p), os.stat(p).st_mtime_ns)  # the listed path: resolving it cost more
    if key not in _CACHE:
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ProfileError(f"{p.name}: not valid JSON: {exc}") from exc
        _CACHE[key] = parse_profile(data, p.stem, str(p))
    return _CACHE[key]


def load_profile(name: str, profiles_dir: str | os.PathLike[str] | None = None) -> Profile:
    """Load a profile by name from the search directories."""
    if not isinstance(name, str) or not _NAME.match(name):
        raise ProfileError(f"not a profile name: {name!r}")
    files = _candidates(search_dirs(profiles_dir))
    if name not in files:
        raise ProfileError(f"unknown profile {name!r} (available: {', '.join(sorted(files))})")
    return load_profile_file(files[name])


def list_profiles(profiles_dir: str | os.PathLike[str] | None = None) -> list[ProfileInfo]:
    """Every available profile, sorted by name; a broken file raises ``ProfileError``."""
    files = _candidates(search_dirs(profiles_dir))
    return [load_profile_file(files[n]).info for n in sorted(files)]
