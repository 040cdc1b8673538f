"""Oversight: what waits for a manager, the audit log, and a child's SERAF over time.

Managers see what waits for their signature (outcomes, which another manager must authorise
if they recorded them, and SERAF assessments) and their team's audit events; admins see
every audit event, with children by reference only, and nothing else here. Reading or
exporting the audit log is itself audited.
"""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, abort, render_template, request
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user, login_required

from rhi_assistant import audit
from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Child, Team, User
from rhi_assistant.reports.charts import Chart, ChartTable, Series, trend_chart
from rhi_assistant.reports.spreadsheet import csv_text
from rhi_assistant.services import audit_log, oversight
from rhi_assistant.services.episodes import local_zone
from rhi_assistant.web.access import (
    Access,
    access_to,
    child_or_404,
    may_authorise,
    require_role,
)

bp = Blueprint("oversight", __name__)


def _manager_team() -> int:
    require_role("manager")
    if current_user.team_id is None:
        abort(403)
    return int(current_user.team_id)


@bp.route("/oversight")
@login_required
def index():
    team_id = _manager_team()
    serafs = oversight.serafs_waiting(team_id)
    outcomes = oversight.outcomes_waiting(team_id)
    audit.record("view_waiting_for_sign_off", None, "team", team_id,
                 detail=f"serafs={len(serafs)} outcomes={len(outcomes)}")
    return render_template("oversight/index.html", serafs=serafs, outcomes=outcomes,
                           may_authorise=lambda row: may_authorise(row, current_user))


def _date(name: str, errors: dict[str, str]) -> date | None:
    text = (request.args.get(name) or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        errors[name] = _("Enter a real date, for example 2026-11-30")
        return None


def _reader_scope() -> tuple[bool, int | None]:
    """(everything, team id): admins read every event, managers their team's."""
    require_role("manager", "admin")
    everything = current_user.role == "admin"
    if not everything and current_user.team_id is None:
        abort(403)
    return everything, current_user.team_id


def _filters(errors: dict[str, str]) -> audit_log.Filters:
    since, until = _date("from", errors), _date("to", errors)
    if since and until and until < since:
        errors["to"] = _("The end date must be the same as or after the start date")
        until = None
    return audit_log.Filters(
        user_id=request.args.get("user", type=int) or None,
        child_reference=(request.args.get("child") or "").strip()[:30] or None,
        action=(request.args.get("action") or "").strip()[:60] or None,
        since=since, until=until)


def _child_shown(event: AuditEvent, everything: bool) -> tuple[str | None, int | None]:
    """The child's reference, and an id to link to when the reader may open the record.

    A manager is told only that an event concerned another team's child they cannot see."""
    child: Child | None = event.child_id and db.session.get(Child, event.child_id) or None
    if child is None:
        return None, None
    if everything:
        return child.reference, None
    level = access_to(current_user, child)
    if level is Access.NONE:
        return _("A child of another team"), None
    return child.reference, child.id if level is Access.FULL else None


def _zone(everything: bool):
    return local_zone(None if everything else current_user.team_id)


@bp.route("/oversight/audit")
@login_required
def audit_events():
    everything, team_id = _reader_scope()
    errors: dict[str, str] = {}
    filters = _filters(errors)
    scope = audit_log.scope(team_id, everything)
    found = audit_log.page_of(audit_log.filtered(scope, filters, _zone(everything)),
                              request.args.get("page", 1, type=int))
    rows = [(e, db.session.get(User, e.user_id) if e.user_id else None,
             *_child_shown(e, everything)) for e in found.events]
    audit.record("view_audit_log", None, "team", team_id, detail=filters.detail())
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template("oversight/audit.html", found=found, rows=rows, filters=filters,
                           errors=errors, args=args, everything=everything,
                           users=audit_log.users(team_id, everything),
                           actions=audit_log.actions(scope), teams=_team_names())


def _team_names() -> dict[int, str]:
    return {t.id: t.name for t in db.session.scalars(db.select(Team))}


@bp.route("/oversight/audit/download")
@login_required
def audit_download():
    everything, team_id = _reader_scope()
    filters = _filters({})
    query = audit_log.filtered(audit_log.scope(team_id, everything), filters,
                               _zone(everything))
    zone = _zone(everything)
    teams = _team_names()
    rows: list[list[object]] = [["when", "user", "role", "team", "action", "child",
                                 "object_type", "object_id", "detail", "ip"]]
    for event in audit_log.all_of(query):
        user = db.session.get(User, event.user_id) if event.user_id else None
        reference, _child_id = _child_shown(event, everything)
        rows.append([event.at.astimezone(zone).isoformat(timespec="seconds"),
                     user.name if user else "", user.role if user else "",
                     teams.get(user.team_id, "") if user and user.team_id else "",
                     event.action, reference or "", event.object_type or "",
                     event.object_id or "", event.detail or "", event.ip or ""])
    audit.record("export_audit_log", None, "team", team_id, detail=filters.detail())
    return Response(csv_text(rows), mimetype="text/csv", headers={
        "Content-Disposition": 'attachment; filename="rhi-audit-log.csv"'})


@bp.route("/children/<int:child_id>/seraf-trend")
@login_required
def seraf_trend(child_id: int):
    child = child_or_404(child_id, Access.FULL)
    points = oversight.seraf_trend(child.id)
    days = [format_date(p.day, "d MMM yyyy") for p in points]
    svg = trend_chart(
        "seraf-trend-chart", _("SERAF score at each assessment"),
        _("Line chart of the SERAF score at each of the child's %(n)s assessments, oldest "
          "first. The scores, categories and whether each was signed off are in the table "
          "beside it.", n=len(points)),
        days, [Series(_("Score"), tuple(float(p.score or 0) for p in points))], kind="line")
    table = ChartTable(_("SERAF assessments"),
                       (_("Date"), _("Score"), _("Category"), _("Signed off")),
                       tuple((d, str(p.score if p.score is not None else "–"),
                              str(p.category or "–"), _("Yes") if p.signed_off else _("No"))
                             for d, p in zip(days, points, strict=True)))
    audit.record("view_seraf_trend", child.id, "child", child.id, detail=f"n={len(points)}")
    return render_template("oversight/seraf_trend.html", child=child, points=points,
                           chart=Chart(svg, table))
