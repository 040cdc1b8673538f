"""Trigger plans (North Somerset protocol, Appendix 3): view, renew as a new version, download.

The owning team sees a plan, and so do police officers of a team the case is shared with
(the plan is written to be handed to the police); writing needs an RHI worker or a manager
of the owning team; every view and download is audited.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from rhi_assistant import audit, clock
from rhi_assistant.extensions import db
from rhi_assistant.models import Child, TriggerPlanVersion
from rhi_assistant.models.trigger_plans import LIST_FIELDS, PROSE_FIELDS
from rhi_assistant.reports.trigger_plan_pdf import render_trigger_plan_pdf, trigger_plan_sections
from rhi_assistant.services import trigger_plans as builder
from rhi_assistant.services.episodes import plan_needs_renewal
from rhi_assistant.web.access import (
    Access,
    access_to,
    child_or_404,
    require_role,
    trigger_plan_child_or_404,
)
from rhi_assistant.web.trigger_plan.forms import TriggerPlanForm

bp = Blueprint("trigger_plan", __name__)

WRITERS = ("rhi_worker", "manager")


def _version(child: Child) -> TriggerPlanVersion | None:
    """The version asked for with ?version=N, or the latest; 404 for a version that is not there."""
    wanted = request.args.get("version")
    if wanted is None:
        return builder.latest(child)
    if not wanted.isdigit():
        abort(404)
    row = db.session.scalar(
        db.select(TriggerPlanVersion).filter_by(child_id=child.id, version=int(wanted)))
    if row is None:
        abort(404)
    return row


@bp.route("/children/<int:child_id>/trigger-plan")
@login_required
def view(child_id: int):
    child = trigger_plan_child_or_404(child_id)
    version = _version(child)
    latest = builder.latest(child)
    versions = db.session.scalars(
        db.select(TriggerPlanVersion).filter_by(child_id=child.id)
        .order_by(TriggerPlanVersion.version.desc())).all()
    audit.record("view_trigger_plan", child.id, "trigger_plan_version",
                 version.id if version else None)
    sections = trigger_plan_sections(builder.print_data(child, version)) if version else []
    return render_template("trigger_plan/view.html", child=child, version=version, latest=latest,
                           versions=versions, sections=sections,
                           needs_renewal=plan_needs_renewal(child),
                           can_write=current_user.role in WRITERS
                           and access_to(current_user, child) is Access.FULL,
                           full=access_to(current_user, child) is Access.FULL)


@bp.route("/children/<int:child_id>/trigger-plan/edit", methods=["GET", "POST"])
@login_required
def edit(child_id: int):
    child = child_or_404(child_id)
    require_role(*WRITERS)
    latest = builder.latest(child)
    form = TriggerPlanForm()
    if request.method == "GET":
        plan = builder.renew(latest, builder.draft(child, clock.now()))
        for name in LIST_FIELDS:
            getattr(form, name).data = "\n".join(plan[name])
        for name in PROSE_FIELDS:
            getattr(form, name).data = plan[name]
    if form.validate_on_submit():
        newest = max(child.episodes, key=lambda e: (e.last_seen, e.id), default=None)
        row = TriggerPlanVersion(
            child_id=child.id,
            version=(latest.version if latest else 0) + 1,
            episode_id=newest.id if newest else None,
            created_by_id=current_user.id,
            created_at=clock.now(),
        )
        for name in LIST_FIELDS:
            lines = [s.strip() for s in (getattr(form, name).data or "").splitlines()]
            setattr(row, name, "\n".join(s for s in lines if s) or None)
        for name in PROSE_FIELDS:
            setattr(row, name, (getattr(form, name).data or "").strip() or None)
        db.session.add(row)
        db.session.commit()
        audit.record("save_trigger_plan", child.id, "trigger_plan_version", row.id,
                     detail=f"version {row.version}")
        flash(_("Trigger plan version %(n)s saved.", n=row.version))
        return redirect(url_for("trigger_plan.view", child_id=child.id))
    if request.method == "GET":
        audit.record("draft_trigger_plan", child.id, "child", child.id)
    return render_template("trigger_plan/edit.html", child=child, form=form, latest=latest)


@bp.route("/children/<int:child_id>/trigger-plan/download")
@login_required
def download(child_id: int):
    child = trigger_plan_child_or_404(child_id)
    version = _version(child)
    if version is None:
        abort(404)
    pdf = render_trigger_plan_pdf(builder.print_data(child, version))
    audit.record("download_trigger_plan", child.id, "trigger_plan_version", version.id,
                 detail=f"version {version.version}")
    filename = f"trigger-plan-{child.reference}-v{version.version}.pdf"
    return Response(pdf, mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
