"""Share a child's case with another team (the police missing team, the home or host
authority's team), with a reason, and revoke it. A manager of the owning team decides;
every share and revocation is audited.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from rhi_assistant import audit, clock
from rhi_assistant.extensions import db
from rhi_assistant.models import CaseShare
from rhi_assistant.services import sharing as service
from rhi_assistant.web.access import Access, child_or_404, may_share
from rhi_assistant.web.sharing.forms import RevokeForm, ShareForm

bp = Blueprint("sharing", __name__)


def _child(child_id: int):
    child = child_or_404(child_id, Access.FULL)
    if not may_share(current_user, child):
        abort(403)
    return child


@bp.route("/children/<int:child_id>/sharing", methods=["GET", "POST"])
@login_required
def index(child_id: int):
    child = _child(child_id)
    teams = service.teams_to_share_with(child)
    form = ShareForm()
    form.team_id.choices = [(t.id, f"{t.name} ({t.agency})") for t in teams]
    if form.validate_on_submit():
        row = service.share(child, form.team_id.data, form.reason.data or "", current_user.id,
                            clock.now())
        audit.record("share_case", child.id, "case_share", row.id, detail=f"team {row.team_id}")
        flash(_("Case shared with %(team)s.", team=row.team.name))
        return redirect(url_for("sharing.index", child_id=child.id))
    audit.record("view_case_shares", child.id, "child", child.id)
    return render_template("sharing/index.html", child=child, form=form,
                           shares=service.shares(child), revoke_form=RevokeForm())


@bp.route("/children/<int:child_id>/sharing/<int:share_id>/revoke", methods=["POST"])
@login_required
def revoke(child_id: int, share_id: int):
    child = _child(child_id)
    row = db.session.get(CaseShare, share_id)
    if row is None or row.child_id != child.id:
        abort(404)
    if RevokeForm().validate_on_submit() and row.active:
        service.revoke(row, current_user.id, clock.now())
        audit.record("revoke_case_share", child.id, "case_share", row.id,
                     detail=f"team {row.team_id}")
        flash(_("%(team)s no longer sees the case.", team=row.team.name))
    return redirect(url_for("sharing.index", child_id=child.id))
