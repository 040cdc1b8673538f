"""Young people turning 18: when the case shows them as such, when to plan, when adult.

Transitional safeguarding is a matter of dates: a profile names three ages
(``transition`` in the profile: shown as a young person from 16, handover
planned from 17 and a half, an adult from 18) and this module turns them into
the calendar days a young person reaches them. The ages are data so that a
council whose protocol starts planning at 17 changes its profile, not code.

An age may have a half (17.5): it is reached that many whole years and six
months after the date of birth. A day that does not exist in the month
reached (31 August plus six months, 29 February in a common year) is reached
on the first of the next month, as ``timeutil.age_on`` counts birthdays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from rhi_assistant.protocol.timeutil import DEFAULT_TIMEZONE, local_date

#: Stages, youngest first; ``stage_on`` returns one of these.
STAGES: tuple[str, ...] = ("child", "young_person", "plan_handover", "adult")


@dataclass(frozen=True)
class Transition:
    """The three ages of a profile's ``transition`` section, in years (halves allowed)."""

    young_person_from_age: float = 16
    plan_handover_from_age: float = 17.5
    adult_from_age: float = 18


#: Used when a profile has no ``transition`` section (the ages of the shared spec:
#: the Children Act's 18, and the six months' planning the leaving care guidance asks).
DEFAULT_TRANSITION = Transition()


def date_at_age(date_of_birth: date, years: float) -> date:
    """The first day on which someone born on ``date_of_birth`` is ``years`` old."""
    whole = int(years)
    months = round((years - whole) * 12)
    total = date_of_birth.month - 1 + months
    year = date_of_birth.year + whole + total // 12
    month = total % 12 + 1
    try:
        return date(year, month, date_of_birth.day)
    except ValueError:  # no such day in that month: reached on the 1st of the next
        return date(year + month // 12, month % 12 + 1, 1)


@dataclass(frozen=True)
class TransitionStage:
    """Where a young person stands on ``today`` and the days each stage begins."""

    stage: str
    young_person_from: date
    plan_handover_from: date
    adult_from: date

    @property
    def is_adult(self) -> bool:
        return self.stage == "adult"

    @property
    def needs_plan(self) -> bool:
        """From the planning age on (and once adult) the handover plan is due."""
        return self.stage in ("plan_handover", "adult")


def stage_on(transition: Transition, date_of_birth: date, today: date) -> TransitionStage:
    """The stage a young person is at on a local calendar day."""
    young = date_at_age(date_of_birth, transition.young_person_from_age)
    plan = date_at_age(date_of_birth, transition.plan_handover_from_age)
    adult = date_at_age(date_of_birth, transition.adult_from_age)
    if today >= adult:
        stage = "adult"
    elif today >= plan:
        stage = "plan_handover"
    elif today >= young:
        stage = "young_person"
    else:
        stage = "child"
    return TransitionStage(stage, young, plan, adult)


def adult_at(
    transition: Transition, date_of_birth: date, instant: datetime, tz: str = DEFAULT_TIMEZONE
) -> bool:
    """Was the person an adult on the local day of ``instant`` (e.g. when last seen)?

    Only the day last seen decides whether an episode is an adult's, as the
    police intake counts age: an episode that began at 17 stays a child's
    episode even when the young person is found after their birthday.
    """
    return local_date(instant, tz) >= date_at_age(date_of_birth, transition.adult_from_age)
