"""The rule language of flow `when` clauses: small, declarative, checked on load.

A condition is a dict with one key:
  {"meta": name, "equals": v} | {"meta": name, "in": [..]}   facts about the child or interview
  {"answer": page_id, "equals": v} | {"answer": page_id, "in": [..]}
  {"answer": page_id, "answered": true}
  {"all": [..]} | {"any": [..]} | {"not": {..}}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

META_KEYS = {
    "age_band",
    "easy_read",
    "language",
    "parent_consent_needed",
    "child_consent_needed",
    # The police risk grading of the episode (high, medium, low, no_apparent_risk).
    "police_risk",
}


class ConditionError(ValueError):
    pass


def validate(cond: Any, page_ids: set[str], where: str) -> None:
    if not isinstance(cond, Mapping):
        raise ConditionError(f"{where}: a condition must be an object")
    if "all" in cond or "any" in cond:
        key = "all" if "all" in cond else "any"
        for sub in cond[key]:
            validate(sub, page_ids, where)
    elif "not" in cond:
        validate(cond["not"], page_ids, where)
    elif "meta" in cond:
        if cond["meta"] not in META_KEYS:
            raise ConditionError(f"{where}: unknown meta {cond['meta']!r}")
        _need_test(cond, where, ("equals", "in"))
    elif "answer" in cond:
        if cond["answer"] not in page_ids:
            raise ConditionError(f"{where}: condition names unknown page {cond['answer']!r}")
        _need_test(cond, where, ("equals", "in", "answered"))
    else:
        raise ConditionError(f"{where}: unknown condition {dict(cond)!r}")


def _need_test(cond: Mapping, where: str, tests: tuple[str, ...]) -> None:
    if not any(t in cond for t in tests):
        raise ConditionError(f"{where}: condition needs one of {', '.join(tests)}")


def holds(cond: Mapping | None, meta: Mapping[str, Any], answers: Mapping[str, Any]) -> bool:
    if cond is None:
        return True
    if "all" in cond:
        return all(holds(c, meta, answers) for c in cond["all"])
    if "any" in cond:
        return any(holds(c, meta, answers) for c in cond["any"])
    if "not" in cond:
        return not holds(cond["not"], meta, answers)
    if "meta" in cond:
        return _test(cond, meta.get(cond["meta"]))
    value = answers.get(cond["answer"])
    if "answered" in cond:
        return (value is not None) == bool(cond["answered"])
    return _test(cond, value)


def _test(cond: Mapping, value: Any) -> bool:
    if "equals" in cond:
        return value == cond["equals"]
    return value in cond["in"]
