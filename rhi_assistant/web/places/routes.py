"""Places, and children missing together: what recurs across a team's children.

The counting is in services/places.py and services/missing_together.py; this module picks the
period, decides which children the viewer may be shown by name (web/access.py), draws the
chart and audits every view and export. Only RHI workers and managers of a team see these
pages, for their own team's children.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import Blueprint, Response, abort, render_template, request
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from rhi_assistant import audit, clock
from rhi_assistant.extensions import db
from rhi_assistant.links.network import Picture, team_layout
from rhi_assistant.models import Child
from rhi_assistant.reports.charts import bar_chart_with_table
from rhi_assistant.reports.spreadsheet import csv_text
from rhi_assistant.services import missing_together, places
from rhi_assistant.web.access import RECORDERS, Access, access_to, require_role

bp = Blueprint("places", __name__)

#: The periods offered, in days back from today; the first is the default.
PERIODS = (90, 30, 182, 365, 730)
#: Places drawn in the chart (all are in the table and the CSV).
CHART_PLACES = 15


@dataclass(frozen=True)
class Period:
    days: int
    start: datetime
    end: datetime


def _period() -> Period:
    days = request.args.get("days", type=int)
    days = days if days in PERIODS else PERIODS[0]
    end = clock.now()
    return Period(days, end - timedelta(days=days), end)


def _period_choices() -> list[tuple[int, str]]:
    return [(d, ngettext("The last %(num)d day", "The last %(num)d days", d)) for d in
            sorted(PERIODS)]


def _team_id() -> int:
    require_role(*RECORDERS)
    if current_user.team_id is None:
        abort(403)
    return int(current_user.team_id)


def visible(children: list[Child]) -> tuple[list[Child], int]:
    """The children the viewer may be shown by name, and how many others there are."""
    shown = [c for c in children if access_to(current_user, c) is not Access.NONE]
    return shown, len(children) - len(shown)


@bp.route("/places")
@login_required
def index():
    team_id = _team_id()
    period = _period()
    counted = places.team_places(team_id, period.start, period.end)
    children = {c.id: c for c in _children({i for p in counted for i in p.child_ids})}
    rows = []
    for place in counted:
        shown, others = visible([children[i] for i in sorted(place.child_ids)])
        rows.append((place, sorted(shown, key=lambda c: c.display_name.casefold()), others))
    chart = bar_chart_with_table(
        "places-chart", _("Places by number of children"),
        _("Bar chart of the %(n)s places with the most children found, staying or taken there, "
          "or whose confirmed notes name them, in the period. The same numbers are in the "
          "table beside it.", n=min(len(counted), CHART_PLACES)),
        _("Place"), _("Children"),
        [(p.label, p.children) for p in counted[:CHART_PLACES]])
    network = _network(team_id, period, counted, children)
    audit.record("view_places", None, "team", team_id, detail=f"days={period.days}")
    return render_template("places/index.html", rows=rows, chart=chart, period=period,
                           periods=_period_choices(), network=network)


@dataclass(frozen=True)
class NetworkThing:
    """A place or a linked person, vehicle or contact that ties two or more children."""

    key: str
    label: str
    kind: str
    shown: list[Child]
    others: int


#: Things drawn in the team's network (the most children first).
NETWORK_THINGS = 12


def _network(team_id: int, period: Period, counted: list[places.PlaceCount],
             children: dict[int, Child]) -> tuple[Picture, list[NetworkThing]] | None:
    """The team's network: places and confirmed linked things that two or more of the team's
    children share in the period, drawn only with the children the viewer may see."""
    from rhi_assistant.services.links import links_of_child

    things: list[NetworkThing] = []
    for place in counted:
        if place.children >= 2:
            shown, others = visible([children[i] for i in sorted(place.child_ids)])
            things.append(NetworkThing(f"place-{place.key}", place.label, "PLACE", shown, others))
    seen: set[frozenset[int]] = set()
    team_children = {e.child_id: e.child for e in places.episodes_in(team_id, period.start,
                                                                     period.end)}
    for child in sorted(team_children.values(), key=lambda c: c.id):
        if access_to(current_user, child) is Access.NONE:
            continue
        for link in links_of_child(child):
            ids = frozenset(m.id for m in [*link.here, *link.others])
            members = {m.child_id: m.child for m in [*link.here, *link.others]
                       if m.child.team_id == team_id}
            if ids in seen or len(members) < 2:
                continue
            seen.add(ids)
            shown, others = visible(sorted(members.values(), key=lambda c: c.id))
            things.append(NetworkThing(f"link-{min(ids)}", link.label, link.type, shown, others))
    things = sorted([t for t in things if t.shown],
                    key=lambda t: -(len(t.shown) + t.others))[:NETWORK_THINGS]
    if not things:
        return None
    drawn = {c.id: c for t in things for c in t.shown}
    picture = team_layout(
        [(str(c.id), c.display_name) for c in sorted(drawn.values(),
                                                     key=lambda c: c.display_name.casefold())],
        [(t.key, t.label, t.kind) for t in things],
        [(str(c.id), t.key) for t in things for c in t.shown])
    return picture, things


def _children(ids: set[int]) -> list[Child]:
    if not ids:
        return []
    return list(db.session.scalars(db.select(Child).where(Child.id.in_(ids))))


@bp.route("/places/download")
@login_required
def download():
    team_id = _team_id()
    period = _period()
    counted = places.team_places(team_id, period.start, period.end)
    rows: list[list[object]] = [["from", "to", "place", "episodes_found_here",
                                 "episodes_stayed_or_taken_here", "episodes_named_in_notes",
                                 "episodes", "children"]]
    rows += [[period.start.date().isoformat(), period.end.date().isoformat(), p.label,
              p.count("found"), p.count("stayed"), p.count("named"), p.episodes, p.children]
             for p in counted]
    audit.record("export_places", None, "team", team_id, detail=f"days={period.days}")
    filename = f"rhi-places-{period.end.date().isoformat()}-{period.days}-days.csv"
    return Response(csv_text(rows), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.route("/missing-together")
@login_required
def together():
    team_id = _team_id()
    period = _period()
    found = missing_together.team_groups(team_id, period.start, period.end, clock.now())
    groups = []
    for group in found:
        shown, others = visible(group.children)
        if len(shown) < 2:
            continue  # a group is only shown to someone who may see at least two in it
        ids = {c.id for c in shown}
        groups.append((group, shown, others,
                       [e for e in group.episodes if e.child_id in ids],
                       [link for link in group.links
                        if link.by.child_id in ids and link.other.child_id in ids]))
    audit.record("view_missing_together", None, "team", team_id,
                 detail=f"days={period.days} groups={len(groups)}")
    return render_template("places/together.html", groups=groups, period=period,
                           periods=_period_choices(),
                           hours=missing_together.FOUND_TOGETHER_HOURS)
