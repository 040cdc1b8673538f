"""Resolve time cues ("eight months ago", "last summer", "in 2024") to SERAF windows.

SERAF asks whether an indicator was present in the past 6 months ("recent") or
between 6 and 12 months ago; anything older matters for history only. A note
without a time cue is taken as recent, which is the protocol's default.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rhi_assistant import clock
from rhi_assistant.vocabulary import Window

from . import language
from .lexicon import check_pattern, load_macros, shorthand

# Plain strings (the vocabulary's values): the engine compares them in hot loops.
RECENT, MID, OLD = Window.RECENT.value, Window.MID.value, Window.OLD.value

# The English words are data (data/en/time_words.json: each table's _about says what it is for).
_WORDS = language.read("time_words.json")
NUMBER_WORDS: dict[str, int] = _WORDS["number_words"]["words"]
UNIT_MONTHS: dict[str, float] = _WORDS["unit_months"]["words"]
# note-taking abbreviations ("8 mths ago", "2 yrs ago", "3 wks ago")
UNIT_ALIASES: dict[str, str] = _WORDS["unit_aliases"]["words"]
MONTHS: dict[str, int] = _WORDS["months"]["words"]
# a representative day for seasons and for the dates of the school and festive year
SEASON_MID: dict[str, tuple[int, int]] = {
    k: (m, d) for k, (m, d) in _WORDS["season_days"]["words"].items()
}
# half terms fall in late February, late May and late October
HALF_TERMS = ((2, 18), (5, 28), (10, 28))
# plural holidays counted back: "two Christmases ago", "a couple of summers ago"
SEASON_PLURALS: dict[str, str] = _WORDS["season_plurals"]["words"]
NUMBER_TEENS: dict[str, int] = _WORDS["age_numbers"]["words"]
SEASONS = frozenset(_WORDS["seasons"]["words"])
SEASON_MONTHS: dict[str, tuple[int, ...]] = {
    k: tuple(v) for k, v in _WORDS["season_months"]["words"].items()
}
HALF_TERM_OF_SEASON: dict[str, int] = _WORDS["half_term_seasons"]["words"]
SCHOOL_YEAR_WORDS = tuple(_WORDS["school_year_words"]["words"])
NUMBER_JOINERS = frozenset(_WORDS["number_joiners"]["words"])
NOW_WORDS = frozenset(_WORDS["now_words"]["words"])
LONGER_THAN_WORDS = frozenset(_WORDS["longer_than_words"]["words"])
SCHOOL_STAGE_YEARS: dict[str, int] = _WORDS["school_stage_years"]["words"]
BARE_AGE_WORDS = frozenset(_WORDS["bare_age_words"]["words"])
NOT_A_CLOCK_HOUR = 13  # "at 13" is an age: notes tell the time of day in 12-hour form
BEFORE_WORDS = frozenset(_WORDS["before_words"]["words"])
WHOLE_YEAR_WORDS = frozenset(_WORDS["whole_year_words"]["words"])
STORY_SAME_WORDS = frozenset(_WORDS["story_same_words"]["words"])
STORY_EARLIER_WORDS = frozenset(_WORDS["story_earlier_words"]["words"])
TEEN_AGES: dict[str, int] = _WORDS["teen_ages"]["words"]
ORDINAL_AGES: dict[str, int] = _WORDS["ordinal_ages"]["words"]
# text-speak read as the word ("summer b4 last", "when he woz 13"), as the matcher reads it
SHORTHAND: dict[str, str] = shorthand()["words"]


# the words of a cue as resolve reads them ("yr9" stays one word)
_WORD_RE = re.compile(r"[a-z]+\d*|\d+|'s")
_CLASS = re.compile(r"\{([A-Z]+)(\??)\}")


def load_grammar() -> list[dict[str, Any]]:
    """The time grammar (data/en/time_grammar.json) as rules in the format of
    time_rules.json: each {CLASS} of a cue becomes a choice of the class's words, so
    a word added to a class counts in every rule that uses it."""
    data = language.read("time_grammar.json")
    words: dict[str, list[str]] = {}
    for name, cls in data["classes"].items():
        if "joined" in cls:  # a product of classes written as one token ("mid-2024")
            first, second = (words[c] for c in cls["joined"])
            words[name] = [a + cls["with"] + b for a in first for b in second]
        else:
            words[name] = cls["words"]
    classes = {k: "|".join(v) for k, v in words.items()}
    macros = load_macros()

    def expand(cue: str) -> str:
        return _CLASS.sub(lambda m: classes[m.group(1)] + m.group(2), cue)

    rules = [{"kind": r["kind"], "cue": [expand(c) for c in r["cue"]]} for r in data["rules"]]
    for r in rules:
        for p in r["cue"]:
            check_pattern(p, macros)
    return rules


def parse_date(value: dt.date | str | None) -> dt.date:
    """Accept a date, an ISO string or None (today, on the app's clock)."""
    if value is None or value == "":
        return clock.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def window_for_months(months: float) -> str:
    """Months before the interview -> window (6 months inclusive is still recent)."""
    if months <= 6.0:
        return RECENT
    if months <= 12.0:
        return MID
    return OLD


def _months_between(earlier: dt.date, later: dt.date) -> float:
    return max(0.0, (later - earlier).days / 30.44)


def _most_recent(month: int, day: int, today: dt.date, skip_current: bool) -> dt.date:
    """The latest date with this month/day on or before today (a year earlier if asked)."""
    cand = dt.date(today.year, month, min(day, 28))
    if cand > today:
        cand = dt.date(today.year - 1, month, min(day, 28))
    if skip_current and (today - cand).days < 60:
        cand = dt.date(cand.year - 1, month, min(day, 28))
    return cand


def _occurrence(month: int, day: int, today: dt.date, words: list[str], season: str) -> dt.date:
    """The date of the holiday or season a cue names, after its modifiers:
    "X 2024", "X last year", "X before last", "last X", "this X", or just "X"."""
    year = next((int(w) for w in words if w.isdigit() and len(w) == 4), None)
    if year is not None:
        return dt.date(year, month, min(day, 28))
    if "before" in words and "last" in words:  # "the summer before last"
        ref = _most_recent(month, day, today, _in_season(season, today))
        return dt.date(ref.year - 1, month, min(day, 28))
    if "last" in words and "year" in words and not (season == "new" and words.count("year") < 2):
        # "bonfire night last year" (but "last New Year" is the latest New Year)
        return dt.date(today.year - 1, month, min(day, 28))
    if "this" in words:  # this year's, or now if it is still to come
        return min(dt.date(today.year, month, min(day, 28)), today)
    if "next" in words:
        return today
    seasonal = season in SEASONS
    return _most_recent(
        month, day, today, "last" in words and seasonal and _in_season(season, today)
    )


def _half_term(words: list[str]) -> tuple[int, int] | None:
    """Which half term: "Feb half term", "May half term", "October half term"."""
    for w in words:
        if w[:3] in MONTHS:
            m = MONTHS[w[:3]]
            return min(HALF_TERMS, key=lambda md: abs(md[0] - m))
        if w in HALF_TERM_OF_SEASON:
            return HALF_TERMS[HALF_TERM_OF_SEASON[w]]
    return None


def _holiday(words: list[str], today: dt.date) -> str:
    """Seasons and holidays: "last Easter", "at New Year", "bonfire night last year"."""
    if "since" in words or "next" in words:
        return RECENT
    if "half" in words or "half-term" in words:
        md = _half_term(words)
        if md is None:  # the latest half term before the interview
            ref = max(_occurrence(m, d, today, words, "half-term") for m, d in HALF_TERMS)
        else:
            ref = _occurrence(md[0], md[1], today, words, "half-term")
        return window_for_months(_months_between(min(ref, today), today))
    for w in words:
        if w in SEASON_MID and not (w == "new" and "year" not in words and "years" not in words):
            m, d = SEASON_MID[w]
            ref = _occurrence(m, d, today, words, w)
            return window_for_months(_months_between(min(ref, today), today))
    return RECENT


def _count_back(words: list[str], today: dt.date) -> str:
    """ "two Christmases ago", "a couple of summers ago": count the holidays back."""
    n = 1
    for w in words:
        if w.isdigit():
            n = int(w)
        elif w in NUMBER_WORDS:
            n = NUMBER_WORDS[w]
    for w in words:
        name = SEASON_PLURALS.get(w)
        if name is None:
            continue
        if name == "birthday":
            return window_for_months(12.0 * n - 6.0)
        m, d = SEASON_MID[name]
        ref = _most_recent(m, d, today, _in_season(name, today))
        return window_for_months(_months_between(dt.date(ref.year - (n - 1), m, min(d, 28)), today))
    return RECENT


# an age in digits or in words ("now sixteen")
_N = r"(\d{1,2}|" + "|".join(sorted(NUMBER_TEENS, key=len, reverse=True)) + r")"
_AGE_RES = (
    # the age now, told with "now" or "currently", wins over an age told without it: in
    # "The summer before last, aged 12, ... She is now 14" the child is 14, not 12
    re.compile(
        r"\b(?:she'?s|he'?s|she is|he is|i'?m|yp is|yp's)\s+(?:only\s+|just\s+)?"
        + _N
        + r"\s+now\b",
        re.I,
    ),
    re.compile(r"\b(?:now|currently)\s+(?:aged\s+)?" + _N + r"\b", re.I),
    re.compile(r"\b(?:is|'s)\s+(?:only\s+|just\s+)?" + _N + r"\s+now\b", re.I),
    # "Rhys (14)", "YP (15)", "Jade, 15, ...", "A 15-year-old girl, she ..."
    re.compile(r"^\W*\w+\s*\((\d{1,2})\s*(?:yrs?|years?|y/?o)?\)", re.I),
    re.compile(r"\b(?:yp|she|he|i|child|young person)\s*\((\d{1,2})\)", re.I),
    # "..., Kyle (16) told me": a name with a child's age in brackets anywhere
    re.compile(r"\b[A-Z][a-z]+\s*\((1[0-7])\)"),
    re.compile(r"^\W*[A-Z][a-z]+,\s*(\d{1,2}),"),
    re.compile(
        r"^\W*(?:a|an|the|this)\s+(\d{1,2})\s*-?\s*(?:year|yr)s?\s*-?\s*old\s+"
        r"(?:girl|boy|child|yp|young person)\b",
        re.I,
    ),
    # "Maya is 16.", "She is 15 and ...": a name or the child's pronoun opening a sentence
    re.compile(
        r"(?:^|[.!?;]\s+)(?:[A-Z][a-z]+|She|He|YP|she|he)\s+is\s+(?:only\s+|just\s+|now\s+)?"
        + _N
        + r"\s*(?:[.,;)]|and\b|$)"
    ),
    re.compile(
        r"^\W*(?:\w+\s+)?(?:is|was)\s+(?:a\s+)?(\d{1,2})\s*(?:-|\s)?(?:year|yr)s?\s*(?:-|\s)?old\b",
        re.I,
    ),
    # "Ellie, aged 13, went missing": last, since "aged 12, she was ..." may be the past
    re.compile(r"\baged?\s+(\d{1,2})\b", re.I),
)
_YEAR_RES = (
    # "YP is in Year 10", "she's now in Year 11", "(shes Year 11 now)", "Year 9 pupil"
    re.compile(
        r"\b(?:is|s|'s|are|am|'m|now|currently|yp|who'?s)\s+(?:now\s+|currently\s+)?"
        r"(?:in\s+|finishing\s+|starting\s+|doing\s+)?"
        r"(?:year|yr|y)\s*(\d{1,2})\b(?!\s*(?:ago|old))",
        re.I,
    ),
    re.compile(r"\b(?:year|yr|y)\s*(\d{1,2})\s+(?:now|pupil|student)\b", re.I),
)


@lru_cache(maxsize=64)
def note_facts(note: str) -> tuple[int | None, int | None]:
    """(the child's age, the child's school year) when the note states them."""
    age = year = None
    for rx in _AGE_RES:
        m = rx.search(note)
        if m:
            n = m.group(1).lower()
            n_age = int(n) if n.isdigit() else NUMBER_TEENS[n]
            if 8 <= n_age <= 21:
                age = n_age
                break
    for rx in _YEAR_RES:
        m = rx.search(note)
        if m and 1 <= int(m.group(1)) <= 13:
            year = int(m.group(1))
            break
    return age, year


def _numbers(words: list[str], after: tuple[str, ...] = ()) -> list[int]:
    """Small numbers in a cue (school years, ages), in order; "yr9" counts as 9."""
    out: list[int] = []
    prev = ""
    for w in words:
        m = re.fullmatch(r"(?:year|yr|y)(\d{1,2})", w)
        if m:
            out.append(int(m.group(1)))
        elif (
            w.isdigit()
            and len(w) <= 2
            and (not after or prev in after or prev in NUMBER_JOINERS)
        ):
            out.append(int(w))
        elif w in NUMBER_TEENS and (not after or prev in after):
            out.append(NUMBER_TEENS[w])
        elif w in ORDINAL_AGES and not after:  # "on her 14th birthday"
            out.append(ORDINAL_AGES[w])
        prev = w
    return out




def _gap_window(gap: int, today: dt.date, school: bool) -> str:
    """Whole school years or years of age between then and now -> window."""
    if gap <= 0:
        return RECENT
    if gap >= 2:
        return OLD
    if school:  # last school year ended in July
        end = dt.date(today.year if today.month >= 8 else today.year - 1, 7, 20)
        return window_for_months(max(_months_between(end, today), 6.5))
    return MID


@dataclass(frozen=True)
class ChildAge:
    """What the case knows of the child's age: "when she was 13" and "in Year 8" are
    counted back from it when the note itself does not say how old the child is now."""

    age: int | None = None
    date_of_birth: dt.date | None = None

    @classmethod
    def of(
        cls, age: int | None = None, date_of_birth: dt.date | str | None = None
    ) -> ChildAge | None:
        if isinstance(date_of_birth, str):
            date_of_birth = dt.date.fromisoformat(date_of_birth)
        if age is None and date_of_birth is None:
            return None
        return cls(age, date_of_birth)

    def age_on(self, day: dt.date) -> int | None:
        dob = self.date_of_birth
        if dob is None:
            return self.age
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))

    def school_year_on(self, day: dt.date) -> int | None:
        """England and Wales: a child is in Year N when aged N + 4 on 1 September; from
        the age alone, the year most children of that age are in for most of it."""
        if self.date_of_birth is None:
            return None if self.age is None else self.age - 5
        start = dt.date(day.year if day.month >= 9 else day.year - 1, 9, 1)
        age = self.age_on(start)
        return None if age is None else age - 4

    def months_since_age(self, years: int, day: dt.date) -> float | None:
        """Months from the middle of the child's year of age ``years`` to ``day``."""
        dob = self.date_of_birth
        if dob is None:
            return None
        mid = dt.date(dob.year + years, dob.month, min(dob.day, 28)) + dt.timedelta(days=182)
        return _months_between(min(mid, day), day)


def _school_year(
    words: list[str], today: dt.date, note: str | None, child: ChildAge | None = None
) -> str:
    """ "in Year 8", "back in Year 9 (she's Year 11 now)": school years back from now."""
    if "since" in words:
        return RECENT
    nums = _numbers(words, SCHOOL_YEAR_WORDS)
    stage = next((SCHOOL_STAGE_YEARS[w] for w in words if w in SCHOOL_STAGE_YEARS), None)
    if stage is not None:
        # a stage of schooling starts in its first year: secondary in Year 7 ("when he
        # started high school (he's now in Year 8)": 7 then, 8 now), college in Year 12;
        # "before she started college" is the year before it
        if not BEFORE_WORDS.isdisjoint(words):
            stage -= 1
        nums = [stage, *nums[-1:]] if nums and _says_now(words) else [stage]
    if not nums:
        return RECENT
    then = max(nums[:-1] or nums) if len(nums) > 1 and _says_now(words) else max(nums)
    if stage is None and words and words[0] in BEFORE_WORDS:
        then -= 1  # "(the summer) before Year 10" is the end of Year 9
    now = nums[-1] if len(nums) > 1 and _says_now(words) else None
    if now is None and note is not None:
        now = note_facts(note)[1]
    if now is None and child is not None:
        now = child.school_year_on(today)
    if now is None and note is not None and stage is not None and note_facts(note)[0]:
        # "before he started college ... He is 17": a stage dated from the age now
        now = ChildAge(note_facts(note)[0]).school_year_on(today)
    if now is None:
        return OLD  # a school year named in the past tense, the current one not given
    return _gap_window(now - then, today, True)


def _is_range(words: list[str]) -> bool:
    """Whether two numbers of a cue are joined as a span ("13 and 15", "from 12 to 14")."""
    return any(
        w in NUMBER_JOINERS and _is_number(words[i - 1]) and _is_number(words[i + 1])
        for i, w in enumerate(words[1:-1], 1)
    )


def _is_number(w: str) -> bool:
    return w.isdigit() or w in NUMBER_TEENS


def _says_now(words: list[str]) -> bool:
    return any(w in NOW_WORDS for w in words)


def _age(
    words: list[str], today: dt.date, note: str | None, child: ChildAge | None = None
) -> str:
    """ "when she was 12" / "aged 13": years of age back from the child's age now."""
    if "since" in words:  # "since she was 12": a span reaching to now
        return RECENT
    nums = _numbers(words)
    if "teens" in words:  # "in her early teens"
        nums = [next((TEEN_AGES[w] for w in words if w in TEEN_AGES and w != "teens"), 14)]
    if not nums:
        return RECENT
    then = nums[0]
    if not 5 <= then <= 20:  # not a child's age ("at 2", "by 3 men")
        return RECENT
    now = nums[-1] if len(nums) > 1 else None
    if now is not None and _is_range(words):
        # "between the ages of 13 and 15": the latest age of the span, not the age now
        then, now = max(nums), None
    if now is None and note is not None:
        now = note_facts(note)[0]
    if now is None and child is not None:
        months = child.months_since_age(then, today)
        if months is not None:
            return window_for_months(months)
        now = child.age_on(today)
    bare = words[0] in BARE_AGE_WORDS and "age" not in words and "aged" not in words
    if bare and (now is None and then < NOT_A_CLOCK_HOUR or now is not None and then >= now):
        # "at 12", "by 11" are ages only below the child's age now (else a clock time,
        # "home at 12", "back by 11"); "at 13" and over is no clock time
        return RECENT
    if now is None:
        # the child's age is not given: "when she was 12", "at 14" still speak of the past
        # (notes are about teenagers), while "aged 15" usually gives the age now
        return OLD if words[0] == "when" or bare else RECENT
    return _gap_window(now - then, today, False)


def is_guess(kind: str, cue_text: str, note: str | None, child: ChildAge | None) -> bool:
    """Whether a cue's window is only guessed: "in Year 9" or "when she was 12" when
    neither the note nor the case says what year or age the child is in now. Another
    time told beside it ("Last March, when she was in Year 9") then dates the finding."""
    if kind not in ("school_year", "age") or child is not None:
        return False
    age, year = note_facts(note) if note is not None else (None, None)
    words = _WORD_RE.findall(cue_text.lower())
    if kind == "school_year":
        told_now = len(_numbers(words, ("year", "yr", "y"))) > 1 and _says_now(words)
        return year is None and not told_now
    return age is None and len(_numbers(words)) < 2


def relative_to_story(kind: str, cue_text: str) -> str | None:
    """Whether a cue is told from the story's own time rather than from the interview:
    "that summer", "the previous Christmas" ("same"), or "a year earlier", "two weeks
    before" ("earlier"); None for a cue told from now."""
    if kind not in ("season", "month", "ago"):
        return None
    words = set(_WORD_RE.findall(cue_text.lower()))
    if kind in ("season", "month") and not STORY_SAME_WORDS.isdisjoint(words):
        return "same"
    if kind == "ago" and not STORY_EARLIER_WORDS.isdisjoint(words):
        return "earlier"
    return None


_AGE_ORDER = {RECENT: 0, MID: 1, OLD: 2}


def older(a: str, b: str) -> str:
    """The older of two windows."""
    return a if _AGE_ORDER[a] >= _AGE_ORDER[b] else b


def basis(
    kind: str, cue_text: str, note: str, child: ChildAge | None, earlier: bool
) -> str | None:
    """How a time cue was read, as a key of reasons.TIME_BASIS (with the age or school
    year now after a colon): a cue from an earlier sentence of the same story, an age or
    school year counted back from the one now, or only guessed when neither the note
    nor the case says how old the child is."""
    if earlier:
        return "earlier"
    if kind not in ("age", "school_year"):
        return None
    words = [SHORTHAND.get(w, w) for w in _WORD_RE.findall(cue_text.lower())]
    if "since" in words or any(w.isdigit() and len(w) == 4 for w in words):
        return None
    if is_guess(kind, cue_text, note, child):
        return f"{kind}_guessed"
    age, year = note_facts(note)
    if kind == "age" and age is not None:
        return f"age_now:{age}"
    if kind == "school_year" and year is not None:
        return f"school_year_now:{year}"
    return "case" if child is not None else None


def resolve(
    kind: str,
    cue_text: str,
    today: dt.date,
    note: str | None = None,
    child: ChildAge | None = None,
) -> str:
    """Window for one time cue of the given kind (from data/en/time_rules.json).

    ``note`` (the whole note) lets "in Year 8" and "when she was 12" count back from the
    school year or age the note gives elsewhere ("YP is in Year 11", "Rhys (14)")."""
    words = [SHORTHAND.get(w, w) for w in _WORD_RE.findall(cue_text.lower())]
    if kind == RECENT:
        return RECENT
    if kind == "over_12":
        return OLD
    if kind == "six_months":
        return RECENT
    if kind == "school_year":
        return _school_year(words, today, note, child)
    if kind == "age" and any(w.isdigit() and len(w) == 4 for w in words):
        kind = "year"  # "between 2022 and 2024" read by an age's words: the years
    if kind == "age":
        return _age(words, today, note, child)
    if kind == "count_back":
        return _count_back(words, today)
    if kind == "ago":
        qty = 1.0
        unit = None
        for w in words:
            if w.isdigit():
                qty = float(w)
            elif w in NUMBER_WORDS and unit is None:
                qty = float(NUMBER_WORDS[w])
            base = w[:-1] if w.endswith("s") else w
            base = UNIT_ALIASES.get(base, base)
            if base in UNIT_MONTHS:
                unit = base
        if unit is None:
            return RECENT
        months = qty * UNIT_MONTHS[unit]
        if any(w in LONGER_THAN_WORDS for w in words) and months >= 12:
            return OLD
        return window_for_months(months)
    if kind == "last_year":
        if "before" in words:  # "the year before last"
            return OLD
        return window_for_months(_months_between(dt.date(today.year - 1, 7, 1), today))
    if kind == "season":
        return _holiday(words, today)
    if kind == "month":
        if "since" in words:
            return RECENT
        for w in words:
            key = w[:3]
            if key in MONTHS and (len(w) == 3 or w.startswith(key)):
                if "last" in words and "year" in words:  # "in March last year"
                    ref = dt.date(today.year - 1, MONTHS[key], 15)
                elif "this" in words and "year" in words:  # "in March this year"
                    ref = min(dt.date(today.year, MONTHS[key], 15), today)
                elif "before" in words and "last" in words:
                    ref = _most_recent(MONTHS[key], 15, today, today.month == MONTHS[key])
                    ref = dt.date(ref.year - 1, ref.month, 15)
                else:
                    ref = _most_recent(
                        MONTHS[key], 15, today, "last" in words and today.month == MONTHS[key]
                    )
                return window_for_months(_months_between(min(ref, today), today))
        return RECENT
    if kind == "year_part":  # "at the start of the year", "the end of last year"
        year = today.year - 1 if "last" in words else today.year
        month = 12 if "end" in words else 1
        return window_for_months(_months_between(min(dt.date(year, month, 15), today), today))
    if kind == "month_year":  # "March 2025": that month of that year
        named_month = next((MONTHS[w[:3]] for w in words if w[:3] in MONTHS), None)
        named_year = next((int(w) for w in words if w.isdigit() and len(w) == 4), None)
        if named_month is not None and named_year is not None:
            ref = min(dt.date(named_year, named_month, 15), today)
            if "since" in words:
                return RECENT
            return window_for_months(_months_between(ref, today))
        return RECENT
    if kind == "year":
        if "since" in words:
            return RECENT
        # "between 2022 and 2024": the latest year of the span dates it
        years = [int(w) for w in words if w.isdigit() and len(w) == 4]
        if years:
            year = max(years)
            ref = min(dt.date(year, 7, 1), today)
            if not WHOLE_YEAR_WORDS.isdisjoint(words) or len(years) > 1:
                ref = min(dt.date(year, 12, 1), today)  # "throughout 2025": to its end
            elif "early" in words:
                ref = min(dt.date(year, 3, 1), today)
            elif "late" in words:
                ref = min(dt.date(year, 11, 1), today)
            return window_for_months(_months_between(ref, today))
    return RECENT


def _in_season(season: str, today: dt.date) -> bool:
    return today.month in SEASON_MONTHS.get(season, ())
