"""A team's figures month by month, for the charts on the Figures page.

Why apart from figures.py: the month's counts are defined there, once; this only asks for
them month after month, so a chart always agrees with the month's table. Counts only, no
names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rhi_assistant.services.figures import Month, missing_figures, rhi_figures

#: Months drawn, ending with the month shown.
TREND_MONTHS = 12


@dataclass(frozen=True)
class MonthTrend:
    months: tuple[Month, ...]
    episodes: tuple[int, ...]
    children: tuple[int, ...]
    rhi_required: tuple[int, ...]
    rhi_held_on_time: tuple[int, ...]


def month_trend(team_id: int, last: Month, now: datetime,
                count: int = TREND_MONTHS) -> MonthTrend:
    """The `count` months up to and including `last`, oldest first."""
    months = [last]
    while len(months) < count:
        months.insert(0, months[0].previous())
    missing = [missing_figures(team_id, m) for m in months]
    rhi = [rhi_figures(team_id, m, now) for m in months]
    return MonthTrend(
        months=tuple(months),
        episodes=tuple(f.episodes for f in missing),
        children=tuple(f.children for f in missing),
        rhi_required=tuple(f.required for f in rhi),
        rhi_held_on_time=tuple(f.held_on_time for f in rhi),
    )
