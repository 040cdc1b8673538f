"""Record a missing episode as the police tell the team, the child's return, and corrections.

RHI workers and managers of the owning team write; every write is audited with the names
of the fields that changed (not their values), which is the history of corrections. Times
are typed on the team's wall clock; the protocol deadlines start from them, and the
Episodes page shows the new episode at once.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from rhi_assistant import audit
from rhi_assistant.models import Child, Episode
from rhi_assistant.services import missing_episodes as service
from rhi_assistant.services.episodes import local_zone
from rhi_assistant.web.access import Access, child_or_404, episode_or_404, may_record
from rhi_assistant.web.missing.forms import EpisodeForm, ReturnForm, when_form

bp = Blueprint("missing", __name__)

OUT_OF_ORDER = {
    "reported": _l("The time reported missing cannot be before the child was last seen"),
    "found": _l("The time found cannot be before the child was last seen"),
}


def _recordable(child: Child) -> Child:
    if not may_record(current_user, child):
        abort(403)
    return child


def _episode_page(episode: Episode | None, child: Child):
    """The new-episode and correct-episode page (one form, GET and POST)."""
    zone = local_zone(child.team_id)
    form = EpisodeForm()
    last_seen = when_form("last_seen", zone)
    reported = when_form("reported", zone)
    if request.method == "GET" and episode is not None:
        form.fill(episode)
        last_seen.fill(episode.last_seen)
        if episode.reported_missing:
            reported.fill(episode.reported_missing)
    if request.method == "POST":
        valid = [form.validate_on_submit(), last_seen.validate(), reported.validate()]
        if all(valid) and last_seen.when is not None:  # last seen is required
            wrong = service.times_in_order(last_seen.when, reported.when,
                                           episode.found if episode else None)
            if wrong:
                target = reported.day if wrong == "reported" else last_seen.day
                target.errors = [*target.errors, OUT_OF_ORDER[wrong]]
            else:
                values = {**form.values(), "last_seen": last_seen.when,
                          "reported_missing": reported.when}
                if episode is None:
                    episode = service.record_episode(child, values)
                    audit.record("record_episode", child.id, "episode", episode.id)
                    flash(_("Missing episode recorded."))
                else:
                    changed = service.correct(episode, values)
                    audit.record("correct_episode", child.id, "episode", episode.id,
                                 detail="changed: " + (", ".join(changed) or "nothing"))
                    flash(_("Episode corrected."))
                return redirect(url_for("cases.episode", episode_id=episode.id))
    if episode is not None:
        audit.record("view_episode_details", child.id, "episode", episode.id)
    else:
        # The new-episode page shows the child's name and record too.
        audit.record("view_new_episode_form", child.id, "child", child.id)
    return render_template("missing/episode_form.html", form=form, last_seen=last_seen,
                           reported=reported, child=child, episode=episode)


@bp.route("/children/<int:child_id>/episodes/new", methods=["GET", "POST"])
@login_required
def new_episode(child_id: int):
    child = _recordable(child_or_404(child_id, Access.FULL))
    return _episode_page(None, child)


@bp.route("/episodes/<int:episode_id>/edit", methods=["GET", "POST"])
@login_required
def edit_episode(episode_id: int):
    episode = episode_or_404(episode_id)
    return _episode_page(episode, _recordable(episode.child))


@bp.route("/episodes/<int:episode_id>/return", methods=["GET", "POST"])
@login_required
def record_return(episode_id: int):
    """The child found or back: when, where, by whom and how. Again to correct it."""
    episode = episode_or_404(episode_id)
    child = _recordable(episode.child)
    form = ReturnForm()
    found = when_form("found", local_zone(child.team_id))
    if request.method == "GET" and episode.found is not None:
        form.fill(episode)
        found.fill(episode.found)
    if request.method == "POST" and all([form.validate_on_submit(), found.validate()]):
        if service.times_in_order(episode.last_seen, None, found.when):
            found.day.errors = [*found.day.errors, OUT_OF_ORDER["found"]]
        else:
            first_time = episode.found is None
            changed = service.correct(episode, {**form.values(), "found": found.when})
            if first_time:
                audit.record("record_return", child.id, "episode", episode.id)
                flash(_("Return recorded."))
            else:
                audit.record("correct_return", child.id, "episode", episode.id,
                             detail="changed: " + (", ".join(changed) or "nothing"))
                flash(_("Return corrected."))
            return redirect(url_for("cases.episode", episode_id=episode.id))
    audit.record("view_episode_details", child.id, "episode", episode.id)
    return render_template("missing/return_form.html", form=form, found=found, child=child,
                           episode=episode)

