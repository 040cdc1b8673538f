"""The manager's Figures page and its CSV: one team, one calendar month, counts only.

The counting is in `figures.counts`; this module only labels the counts,
explains each one in plain words, and shows or exports them. Nothing here
names a child or shows anything a person typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Blueprint, Response, abort, render_template, request
from flask_babel import format_date, format_decimal, format_percent
from flask_babel import gettext as _
from flask_login import current_user, login_required

from rhi_assistant import audit, clock
from rhi_assistant.extensions import db
from rhi_assistant.models import Team
from rhi_assistant.reports.charts import Chart, Series, trend_chart_with_table
from rhi_assistant.reports.spreadsheet import csv_text
from rhi_assistant.services.episodes import team_profile
from rhi_assistant.services.figures import Month, MonthFigures, month_figures
from rhi_assistant.services.figures_trend import MonthTrend, month_trend
from rhi_assistant.vocabulary.labels import REFUSAL_LABELS, concern_label
from rhi_assistant.web.access import require_role

bp = Blueprint("figures", __name__)

#: How many months back the month picker offers (earlier ones by the previous-month link).
PICKER_MONTHS = 24


@dataclass
class Row:
    code: str
    label: str
    value: int | float | None
    explanation: str | None = None
    part_of: bool = False  # a breakdown of the row above it
    percent: bool = False

    @property
    def shown(self) -> str:
        if not self.percent:
            return str(self.value)
        return format_percent(self.value) if self.value is not None else _("No figure yet")

    @property
    def exported(self) -> str:
        if not self.percent:
            return str(self.value)
        return "" if self.value is None else f"{self.value * 100:.1f}"


@dataclass
class Section:
    code: str
    heading: str
    intro: str
    rows: list[Row] = field(default_factory=list)


def sections(f: MonthFigures) -> list[Section]:
    """The figures as labelled rows, in the page's language; the CSV uses the same rows."""
    m, r, sw, c, s = f.missing, f.rhi, f.safe_and_well, f.concerns, f.seraf
    missing = Section("missing", _("Missing episodes"), _(
        "An episode counts in the month the child was last seen, in UK time."), [
        Row("episodes", _("Episodes that began"), m.episodes,
            _("Missing episodes where the child was last seen during the month.")),
        Row("children", _("Children"), m.children,
            _("Different children with at least one of those episodes.")),
        Row("children_2_in_month", _("Children missing 2 or more times in the month"),
            m.children_two_or_more_in_month,
            _("Children with 2 or more episodes that began during the month.")),
        Row("children_3_in_90_days", _("Children missing 3 or more times in 90 days"),
            m.children_three_or_more_in_90_days,
            _("Children missing in the month with 3 or more episodes that began in the 90 days "
              "up to the end of the month.")),
    ])
    rhi = Section("rhi", _("Return Home Interviews"), _(
        "Episodes where the child was found during the month and your team's protocol says an "
        "RHI must be offered. The due time comes from the protocol: %(hours)s hours after the "
        "child was found.", hours=format_decimal(r.due_hours)), [
        Row("required", _("RHIs to offer"), r.required,
            _("Episodes found in the month that need an RHI offered.")),
        Row("held_on_time", _("Held by the due time"), r.held_on_time,
            _("The child's first answer in the interview was saved at or before the due "
              "time. Starting an interview without an answer is not holding it.")),
        Row("held_late", _("Held late"), r.held_late,
            _("The child's first answer in the interview was saved after the due time.")),
        Row("refused", _("Refused or not possible"), r.refused,
            _("A refusal was recorded and no interview was held. A child who refused and was "
              "interviewed later counts as held, not refused. By reason below, using the "
              "reason recorded last.")),
        *[Row(f"refused_{code}", str(REFUSAL_LABELS[code]), n, part_of=True)
          for code, n in r.refused_by_reason.items()],
        Row("in_time", _("Not held yet, still in time"), r.in_time,
            _("No interview held and no refusal recorded, and the due time has not passed.")),
        Row("overdue", _("Not held, overdue"), r.overdue,
            _("No interview held and no refusal recorded, and the due time has passed.")),
        Row("on_time_percent", _("Held on time"), r.on_time_share,
            _("Held by the due time, out of those held or overdue. Refusals and interviews "
              "still in time are left out."), percent=True),
        Row("not_assessed", _("Not counted: date of birth unknown"), r.not_assessed,
            _("Found in the month, but the protocol cannot be applied without the child's "
              "date of birth.")),
    ])
    safe = Section("safe_and_well", _("Safe and well checks"), _(
        "Episodes where the child was found during the month and the protocol sets a time for "
        "the police safe and well check. A check is timed from when it was finished, or from "
        "when it was started if it is not finished."), [
        Row("due", _("Checks due"), sw.due,
            _("Episodes found in the month with a safe and well check due.")),
        Row("on_time", _("Done by the due time"), sw.on_time,
            _("The check was done at or before the due time.")),
        Row("late", _("Done late"), sw.late, _("The check was done after the due time.")),
        Row("not_recorded", _("Not recorded"), sw.not_recorded,
            _("No safe and well check has been recorded for the episode.")),
    ])
    concerns = Section("concerns", _("Confirmed concerns"), _(
        "Children with at least one indicator of the concern that a practitioner confirmed or "
        "added in a Return Home Interview held in the month. Suggestions still waiting for "
        "a decision, or rejected, do not count. A child counts once for each concern, and may "
        "count for more than one."), [
        Row("rhis_held", _("RHIs held"), c.rhis_held,
            _("Return Home Interviews held in the month: the child's first answer was saved "
              "in the month.")),
        *[Row(f"children_{code.lower()}", concern_label(code), n)
          for code, n in c.children_by_concern.items()],
    ])
    seraf = Section("seraf", _("SERAF risk assessments"), _(
        "Assessments a manager signed off during the month, by category. Where the category "
        "was overridden, the override counts, as on the assessment."), [
        Row("signed_off", _("Signed off"), s.signed_off),
        *[Row(f"category_{n}" if n else "no_category",
              _("Category %(n)s", n=n) if n else _("No category"), count, part_of=True)
          for n, count in s.by_category.items()],
    ])
    return [missing, rhi, safe, concerns, seraf]


def trend_charts(trend: MonthTrend) -> list[Chart]:
    """The month-on-month charts, each with its table of the same numbers."""
    names = [format_date(m.first_day, "MMM yyyy") for m in trend.months]
    n = len(names)
    return [
        trend_chart_with_table(
            "trend-missing", _("Missing episodes and children, month by month"),
            _("Column chart of the episodes that began and the children missing in each of the "
              "%(n)s months up to the month shown. The same numbers are in the table beside "
              "it.", n=n),
            _("Month"), names,
            [Series(_("Episodes that began"), tuple(map(float, trend.episodes))),
             Series(_("Children"), tuple(map(float, trend.children)))]),
        trend_chart_with_table(
            "trend-rhi", _("Return Home Interviews, month by month"),
            _("Line chart of the RHIs to offer and those held by the due time in each of the "
              "%(n)s months up to the month shown. The same numbers are in the table beside "
              "it.", n=n),
            _("Month"), names,
            [Series(_("RHIs to offer"), tuple(map(float, trend.rhi_required))),
             Series(_("Held by the due time"), tuple(map(float, trend.rhi_held_on_time)))],
            kind="line"),
    ]


def _month(team: Team) -> tuple[Month, Month]:
    """The month asked for (`?month=2026-04`), else the current one; and the current one.

    Months are read on the team's wall clock (its protocol profile's time zone)."""
    tz = clock.timezone_name(team_profile(team.id))
    current = Month.of(clock.now(), tz)
    return Month.parse(request.args.get("month"), tz) or current, current


def _month_name(month: Month) -> str:
    return format_date(month.first_day, "LLLL yyyy")


def _team_figures() -> tuple[Team, MonthFigures, Month]:
    require_role("manager")
    team = db.session.get(Team, current_user.team_id) if current_user.team_id else None
    if team is None:
        abort(403)
    month, current = _month(team)
    return team, month_figures(team.id, month, clock.now()), current


@bp.route("/figures")
@login_required
def index():
    team, figures, current = _team_figures()
    month = figures.month
    audit.record("view_figures", None, "team", team.id, detail=month.code)
    picker, m = [], current
    for _i in range(PICKER_MONTHS):
        picker.append((m.code, _month_name(m)))
        m = m.previous()
    if month.code not in dict(picker):
        picker.append((month.code, _month_name(month)))
    return render_template(
        "figures/index.html", team=team, figures=figures, sections=sections(figures),
        trend_charts=trend_charts(month_trend(team.id, month, clock.now())),
        month=month, month_name=_month_name(month), picker=picker,
        previous=(month.previous().code, _month_name(month.previous())),
        next=(month.next().code, _month_name(month.next())) if month < current else None,
    )


@bp.route("/figures/download")
@login_required
def download():
    team, figures, _current = _team_figures()
    month = figures.month
    rows: list[list[object]] = [["month", "section", "figure", "label", "value"]]
    rows += [[month.code, section.code, row.code, row.label, row.exported]
             for section in sections(figures) for row in section.rows]
    audit.record("export_figures", None, "team", team.id, detail=month.code)
    filename = f"rhi-figures-{month.code}.csv"
    return Response(csv_text(rows), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
