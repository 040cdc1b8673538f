"""Manager pages for the police's missing-person notifications.

Upload a CSV, see exactly what importing it would do (the same dry run as the command's,
with refused rows by number and reason), then import. Rows the import cannot safely attach
to one child wait on the "to confirm" list, where a manager links each to a recorded child
or records the child. Managers only, for their own team; every import, view of the list
(which names children) and decision is audited.
"""

from __future__ import annotations

import base64
import binascii
import json

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from rhi_assistant import audit
from rhi_assistant.extensions import db
from rhi_assistant.intake.notifications import FileError
from rhi_assistant.models import IntakePending, Team
from rhi_assistant.services.intake import (
    Summary,
    candidates_for,
    import_file,
    pending_values,
    resolve,
    waiting_list,
)
from rhi_assistant.vocabulary.labels import name_match_label
from rhi_assistant.web.access import require_role
from rhi_assistant.web.intake.forms import ImportForm, ResolveForm, UploadForm
from rhi_assistant.web.intake.labels import FILE_PROBLEMS, OUTCOMES, ROW_PROBLEMS, WAITING_REASONS

bp = Blueprint("intake", __name__)
MAX_BYTES = 5 * 1024 * 1024
NEW_CHILD = "new"


def _team() -> Team:
    """The signed-in manager's team: imports and the list are a manager's, for one team."""
    require_role("manager")
    team = db.session.get(Team, current_user.team_id) if current_user.team_id else None
    if team is None:
        abort(403)
    return team


def _counts(summary: Summary) -> dict:
    line = summary.as_dict()
    return {key: line[key] for key in ("rows", "created_children", "matched_children",
                                       "to_confirm", "created_episodes", "updated_episodes")}


def _page(template: str, team: Team, summary: Summary, **extra):
    return render_template(template, team=team, summary=summary, counts=_counts(summary),
                           outcomes=OUTCOMES, problems=ROW_PROBLEMS, why=name_match_label,
                           **extra)


@bp.route("/intake", methods=["GET", "POST"])
@login_required
def upload():
    team = _team()
    form = UploadForm()
    if form.validate_on_submit():
        upload = form.notifications.data
        name = (upload.filename or "").strip()
        data = upload.read(MAX_BYTES + 1)
        problem = None
        if not name.lower().endswith(".csv"):
            problem = "not_a_csv_name"
        elif len(data) > MAX_BYTES:
            problem = "too_large"
        else:
            try:
                summary = import_file(team, data, dry_run=True)
            except FileError as exc:
                problem = str(exc.code)
        if problem is None:
            audit.record("preview_police_notifications", None, "team", team.id,
                         detail=json.dumps(_counts(summary)))
            carry = ImportForm(formdata=None, upload=base64.b64encode(data).decode("ascii"),
                               filename=name)
            return _page("intake/preview.html", team, summary, form=carry, filename=name)
        form.notifications.errors = [FILE_PROBLEMS[problem]]
    return render_template("intake/upload.html", team=team, form=form,
                           waiting=len(waiting_list(team.id)))


@bp.route("/intake/import", methods=["POST"])
@login_required
def run_import():
    team = _team()
    form = ImportForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        data = base64.b64decode(form.upload.data or "", validate=True)
    except (binascii.Error, ValueError):
        abort(400)
    try:
        summary = import_file(team, data)
    except FileError as exc:
        flash(str(FILE_PROBLEMS[str(exc.code)]))
        return redirect(url_for("intake.upload"))
    audit.record("import_police_notifications", None, "team", team.id,
                 detail=json.dumps(_counts(summary)))
    return _page("intake/done.html", team, summary, filename=form.filename.data or "")


@bp.route("/intake/to-confirm")
@login_required
def waiting():
    team = _team()
    entries = [(entry, pending_values(entry)) for entry in waiting_list(team.id)]
    audit.record("view_notifications_to_confirm", None, "team", team.id,
                 detail=str(len(entries)))
    return render_template("intake/waiting.html", team=team, entries=entries,
                           reasons=WAITING_REASONS)


def _entry_or_404(entry_id: int, team: Team) -> IntakePending:
    entry = db.session.get(IntakePending, entry_id)
    if entry is None or entry.team_id != team.id:
        abort(404)
    return entry


@bp.route("/intake/to-confirm/<int:entry_id>", methods=["GET", "POST"])
@login_required
def decide(entry_id: int):
    team = _team()
    entry = _entry_or_404(entry_id, team)
    candidates = candidates_for(entry)
    form = ResolveForm()
    form.child.choices = [(str(child.id), child.display_name) for child, _match in candidates]
    form.child.choices.append((NEW_CHILD, _l("None of these: record a new child")))
    if form.validate_on_submit():
        chosen = None if form.child.data == NEW_CHILD else next(
            child for child, _match in candidates if str(child.id) == form.child.data)
        reference = entry.police_reference
        episode = resolve(entry, chosen)
        audit.record("record_child_from_notification" if chosen is None
                     else "link_notification_to_child", episode.child_id, "episode", episode.id,
                     detail=reference)
        flash(gettext("Police reference %(reference)s is now an episode of %(name)s.",
                      reference=reference, name=episode.child.display_name))
        return redirect(url_for("intake.waiting"))
    for child, _match in candidates:
        audit.record("view_possible_match", child.id, "intake_pending", entry.id)
    why = {child.id: name_match_label(match) if match else
           gettext("Same date of birth; the name does not match") for child, match in candidates}
    return render_template("intake/decide.html", team=team, entry=entry,
                           row=pending_values(entry), candidates=candidates, why=why, form=form,
                           reason=WAITING_REASONS.get(entry.reason, entry.reason))
