"""Young people turning 18: the handover plan page, and the banner on their record.

The page needs full access to the child (the owning team); saving needs an RHI
worker or a manager. Every view and save is audited. The banner is a template
global so each page that shows a child (the record, the RHI offer) asks the
same question the same way.
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from rhi_assistant import audit
from rhi_assistant.models import Child
from rhi_assistant.protocol.transition import TransitionStage
from rhi_assistant.services import transition as service
from rhi_assistant.web.access import child_or_404, require_role
from rhi_assistant.web.transition.forms import ROUTE_LABELS, HandoverPlanForm

bp = Blueprint("transition", __name__)

WRITERS = ("rhi_worker", "manager")


@bp.app_template_global()
def transition_stage(child: Child) -> TransitionStage | None:
    """The young person's stage today (None without a date of birth), for the banner."""
    return service.stage_for(child)


@bp.app_template_global()
def handover_plan(child: Child):
    """The newest handover plan of the child, or None."""
    return service.latest_plan(child.id)


@bp.app_template_global()
def handover_route_label(code: str) -> str:
    """The words for a stored handover route, in the page's language."""
    return str(ROUTE_LABELS.get(code, code))


@bp.route("/children/<int:child_id>/handover", methods=["GET", "POST"])
@login_required
def plan(child_id: int):
    """See the handover plans for a young person turning 18 and record a new one."""
    child = child_or_404(child_id)
    stage = service.stage_for(child)
    form = HandoverPlanForm()
    can_write = current_user.role in WRITERS
    if request.method == "POST":
        require_role(*WRITERS)
        if form.validate_on_submit():
            row = service.record_plan(child, current_user.id, form.route.data,
                                      form.young_person_wishes.data, form.plan.data)
            audit.record("record_handover_plan", child.id, "transition_plan", row.id,
                         detail=row.route)
            flash(_("Handover plan saved."))
            return redirect(url_for("transition.plan", child_id=child.id))
    else:
        latest = service.latest_plan(child.id)
        if latest is not None:
            form.route.data = latest.route
            form.young_person_wishes.data = latest.young_person_wishes
            form.plan.data = latest.plan
        audit.record("view_handover_plan", child.id, "child", child.id)
    return render_template("transition/plan.html", child=child, stage=stage, form=form,
                           plans=service.plans(child.id), labels=ROUTE_LABELS,
                           can_write=can_write)
