"""An episode's concern flags: what the record sets, and what a person decides.

The protocol's rules read these flags (a trafficking concern raises the NRM referral). The
record sets some (confirmed findings, by the profile's ``from_record`` rules): each is shown
"from the record" with a link to the confirmations behind it, and a worker or manager of the
owning team may change any flag; a changed flag keeps their decision.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from rhi_assistant import audit, vocabulary
from rhi_assistant.protocol.models import EPISODE_FLAGS
from rhi_assistant.services import episode_flags
from rhi_assistant.services.episodes import record_for
from rhi_assistant.vocabulary import labels
from rhi_assistant.vocabulary.record_labels import EPISODE_FLAG_LABELS
from rhi_assistant.web.access import episode_or_404, may_record
from rhi_assistant.web.base_form import BaseForm

bp = Blueprint("concerns", __name__)


@bp.route("/episodes/<int:episode_id>/concerns", methods=["GET", "POST"])
@login_required
def flags(episode_id: int):
    episode = episode_or_404(episode_id)
    form = BaseForm()
    record = record_for(episode)
    if request.method == "POST":
        if not may_record(current_user, episode.child):
            abort(403)
        if not form.validate_on_submit():
            abort(400)
        chosen = set(request.form.getlist("flags"))
        changed = episode_flags.decide(
            episode, {f: f in chosen for f in EPISODE_FLAGS}, record.flags)
        audit.record("edit_episode_concerns", episode.child_id, "episode", episode.id,
                     detail=",".join(changed) or None)
        flash(_("The episode's concerns are saved."))
        return redirect(url_for("concerns.flags", episode_id=episode.id))
    audit.record("view_episode_concerns", episode.child_id, "episode", episode.id)
    values = episode_flags.effective(episode, record.flags)
    decided = episode_flags.decided(episode)
    confirmed = episode_flags.confirmed_for(episode)
    rows = []
    for flag in EPISODE_FLAGS:
        rows.append({
            "flag": flag,
            "label": EPISODE_FLAG_LABELS[flag],
            "checked": values[flag],
            "from_record": flag in record.flags and flag not in decided,
            "decided": flag in decided and flag in record.flags,
        })
    by_interview: dict[int, list[str]] = {}
    for s in confirmed:
        by_interview.setdefault(s.answer.interview_id, []).append(vocabulary.label(s.indicator))
    return render_template(
        "concerns/flags.html", episode=episode, child=episode.child, form=form, rows=rows,
        confirmed=[(iid, names) for iid, names in by_interview.items()],
        concern_counts=[(labels.concern_label(c), n) for c, n in
                        episode_flags.confirmed_concern_counts(episode)],
        can_write=may_record(current_user, episode.child),
    )
