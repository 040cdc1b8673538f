"""The team's cases: who is missing, who has come home, and each child's record."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user, login_required

from rhi_assistant import audit
from rhi_assistant.extensions import db
from rhi_assistant.models import CaseShare, Child, Summary
from rhi_assistant.vocabulary import labels
from rhi_assistant.vocabulary.record_labels import (
    FOUND_BY_LABELS,
    MISSING_FROM_LABELS,
    REPORTED_BY_LABELS,
)
from rhi_assistant.web.access import Access, access_to, child_or_404, episode_or_404
from rhi_assistant.web.interview.forms import StartInterviewForm

bp = Blueprint("cases", __name__)
EPISODE_LABELS = {"missing_from": MISSING_FROM_LABELS, "reported_by": REPORTED_BY_LABELS,
                  "found_by": FOUND_BY_LABELS}


@bp.route("/")
def home():
    if current_user.is_authenticated:
        return redirect(url_for("cases.dashboard"))
    return redirect(url_for("auth.sign_in"))


@bp.route("/cases")
@login_required
def dashboard():
    own: list[Child] = []
    shared: list[Child] = []
    if current_user.team_id is not None and current_user.role != "admin":
        own = list(db.session.scalars(db.select(Child).filter_by(team_id=current_user.team_id)))
        shared = list(
            db.session.scalars(
                db.select(Child).join(CaseShare).where(CaseShare.team_id == current_user.team_id,
                                                       CaseShare.revoked_at.is_(None))
            )
        )
    audit.record("view_case_list", None, detail=f"{len(own) + len(shared)} cases")
    return render_template("cases/dashboard.html", own=own, shared=shared)


@bp.route("/children/<int:child_id>")
@login_required
def child(child_id: int):
    child = child_or_404(child_id, Access.SHARED)
    level = access_to(current_user, child)
    audit.record("view_child", child.id, "child", child.id)
    return render_template(
        "cases/child.html",
        child=child,
        full=level is Access.FULL,
        summaries_for=lambda iv: db.session.scalars(
            db.select(Summary).filter_by(interview_id=iv.id).order_by(Summary.generated_at)
        ),
    )


@bp.route("/episodes/<int:episode_id>")
@login_required
def episode(episode_id: int):
    episode = episode_or_404(episode_id)
    audit.record("view_episode", episode.child_id, "episode", episode.id)
    form = StartInterviewForm()
    form.language.choices = labels.language_choices()
    return render_template("cases/episode.html", episode=episode, child=episode.child,
                           start_form=form, labels=EPISODE_LABELS)
