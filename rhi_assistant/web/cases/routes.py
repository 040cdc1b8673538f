"""The team's cases: who is missing, who has come home, and each child's record."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from rhi_assistant import audit
from rhi_assistant.extensions import db
from rhi_assistant.models import CaseShare, Child, Summary
from rhi_assistant.services import case_list, intake, name_search
from rhi_assistant.vocabulary import labels
from rhi_assistant.vocabulary.record_labels import (
    CHILD_DETAIL_LABELS,
    FOUND_BY_LABELS,
    MISSING_FROM_LABELS,
    REPORTED_BY_LABELS,
)
from rhi_assistant.web.access import Access, access_to, child_or_404, episode_or_404
from rhi_assistant.web.interview.forms import StartInterviewForm
from rhi_assistant.web.links.view import alerts_for

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
    q = (request.args.get("q") or "").strip()[:name_search.MAX_QUERY]
    own = shared = None
    if current_user.team_id is not None and current_user.role != "admin":
        team_id = current_user.team_id
        own_ids = db.select(Child.id).where(Child.team_id == team_id)
        shared_ids = db.select(CaseShare.child_id).where(CaseShare.team_id == team_id,
                                                        CaseShare.revoked_at.is_(None))
        found = None
        if q:
            found = name_search.matching_children(q, own_ids.union(shared_ids))
        own = case_list.page_of(own_ids, found, request.args.get("page", 1, type=int))
        shared = case_list.page_of(shared_ids, found,
                                   request.args.get("shared_page", 1, type=int))
    shown = (len(own.children) + len(shared.children)) if own and shared else 0
    total = (own.total + shared.total) if own and shared else 0
    page = render_template("cases/dashboard.html", own=own, shared=shared, q=q)
    audit.record("view_case_list", None, detail=f"{shown} cases shown of {total}")
    return page


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
        link_alerts=alerts_for(child, current_user) if level is Access.FULL else [],
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
                           start_form=form, labels=EPISODE_LABELS,
                           police_differences=intake.police_differences(episode),
                           detail_labels=CHILD_DETAIL_LABELS)
