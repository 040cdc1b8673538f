"""Record a child, or correct their details; before a new child is saved, show possible
matches among the team's children so one child does not become two records.

RHI workers and managers of the team record children. A duty manager turning a young
person's request for help into a case comes here with ``?referral=<id>``: the request is
then linked to the child they pick among the matches, or to the child they record.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from rhi_assistant import audit
from rhi_assistant.extensions import db
from rhi_assistant.models import Referral, Team
from rhi_assistant.services import children as service
from rhi_assistant.services import referral_cases
from rhi_assistant.vocabulary.labels import NAME_MATCH_RULES
from rhi_assistant.web.access import (
    RECORDERS,
    Access,
    child_or_404,
    may_record,
    referral_or_404,
    require_role,
)
from rhi_assistant.web.children.forms import ChildForm

bp = Blueprint("children", __name__)


def _team() -> Team:
    team = db.session.get(Team, current_user.team_id) if current_user.team_id else None
    if team is None:
        abort(403)
    return team


def _referral() -> Referral | None:
    """The request for help this child is recorded from, if any: a duty manager's only."""
    referral_id = request.args.get("referral", type=int)
    if referral_id is None:
        return None
    return referral_or_404(referral_id)


@bp.route("/children/new", methods=["GET", "POST"])
@login_required
def new():
    require_role(*RECORDERS)
    team = _team()
    referral = _referral()
    form = ChildForm()
    if request.method == "GET" and referral is not None and referral.name:
        first, _sep, last = referral.name.strip().partition(" ")
        form.first_name.data, form.last_name.data = first, last.strip()
    if form.validate_on_submit():
        details = form.details()
        if form.decision.data != "new":
            matches = service.possible_matches(
                team.id, details["first_name"], details["last_name"],
                details["preferred_name"], details["date_of_birth"])
            if matches:
                audit.record("show_possible_matches", None, "child", None,
                             detail=",".join(str(m.child.id) for m in matches))
                return render_template("children/matches.html", form=form, matches=matches,
                                       referral=referral, rule_labels=NAME_MATCH_RULES)
        child = service.record_child(team, details)
        audit.record("record_child", child.id, "child", child.id)
        if referral is not None:
            referral_cases.link(referral, child)
            audit.record("link_referral", child.id, "referral", referral.id)
            flash(_("Child recorded and the request linked to them. Now record what was done."))
            return redirect(url_for("requests.outcome", referral_id=referral.id))
        flash(_("Child recorded."))
        return redirect(url_for("cases.child", child_id=child.id))
    return render_template("children/form.html", form=form, child=None, referral=referral)


@bp.route("/children/<int:child_id>/edit", methods=["GET", "POST"])
@login_required
def edit(child_id: int):
    child = child_or_404(child_id, Access.FULL)
    if not may_record(current_user, child):
        abort(403)
    form = ChildForm()
    if request.method == "GET":
        form.fill(child)
    if form.validate_on_submit():
        changed = service.apply_details(child, form.details())
        db.session.commit()
        audit.record("edit_child", child.id, "child", child.id,
                     detail="changed: " + (", ".join(changed) or "nothing"))
        flash(_("Details saved."))
        return redirect(url_for("cases.child", child_id=child.id))
    audit.record("view_child_details", child.id, "child", child.id)
    return render_template("children/form.html", form=form, child=child, referral=None)
