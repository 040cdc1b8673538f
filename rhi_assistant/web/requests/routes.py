"""A young person's request for help becomes a case: the duty manager assigns it to someone
who follows it up, notes are kept as it goes, it is linked to a child (recorded already,
found with the same matching as recording a child, or recorded from the request) and closed
with what was done, so no request is left without an outcome.

The request itself is read at /referrals/<id> (web.referral); recording the child from it
is /children/new?referral=<id> (web.children).
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from rhi_assistant import audit, clock
from rhi_assistant.services import referral_cases as service
from rhi_assistant.vocabulary.record_labels import REFERRAL_OUTCOME_LABELS
from rhi_assistant.web.access import Access, child_or_404, referral_or_404
from rhi_assistant.web.requests.forms import AssignForm, LinkForm, NoteForm, OutcomeForm

bp = Blueprint("requests", __name__)


@bp.route("/referrals/<int:referral_id>/link", methods=["POST"])
@login_required
def link(referral_id: int):
    """Link the request to one of the team's children (picked among the possible matches)."""
    referral = referral_or_404(referral_id)
    form = LinkForm()
    if not form.validate_on_submit() or form.child_id.data is None:
        abort(400)
    child = child_or_404(form.child_id.data, Access.FULL)
    service.link(referral, child)
    audit.record("link_referral", child.id, "referral", referral.id)
    flash(_("Request linked to %(name)s. Now record what was done.", name=child.display_name))
    return redirect(url_for("requests.outcome", referral_id=referral.id))


@bp.route("/referrals/<int:referral_id>/outcome", methods=["GET", "POST"])
@login_required
def outcome(referral_id: int):
    referral = referral_or_404(referral_id)
    form = OutcomeForm()
    if request.method == "GET" and referral.outcome:
        form.outcome.data, form.note.data = referral.outcome, referral.outcome_note
    if form.validate_on_submit():
        corrected = referral.outcome is not None
        service.record_outcome(referral, form.outcome.data, form.note.data, current_user.id,
                               clock.now())
        audit.record("correct_referral_outcome" if corrected else "record_referral_outcome",
                     referral.child_id, "referral", referral.id, detail=referral.outcome)
        flash(_("What was done is recorded."))
        return redirect(url_for("referral.referrals"))
    audit.record("view_referral_outcome", referral.child_id, "referral", referral.id)
    return render_template("requests/outcome.html", referral=referral, form=form,
                           labels=REFERRAL_OUTCOME_LABELS)


def assign_form(referral) -> AssignForm:
    """The assign form with the team's people to choose from (shown on the request's page)."""
    form = AssignForm()
    form.assignee.choices = [(0, _("Choose someone"))] + [
        (u.id, f"{u.name} ({u.role.replace('_', ' ')})")
        for u in service.who_can_follow_up(referral.team_id or current_user.team_id)
    ]
    if form.assignee.data is None and referral.assigned_to_id:
        form.assignee.data = referral.assigned_to_id
    return form


@bp.route("/referrals/<int:referral_id>/assign", methods=["POST"])
@login_required
def assign(referral_id: int):
    """A duty manager names who follows the request up."""
    referral = referral_or_404(referral_id)
    form = assign_form(referral)
    people = {u.id: u for u in service.who_can_follow_up(referral.team_id
                                                           or current_user.team_id)}
    person = people.get(form.assignee.data or 0)
    if not form.validate_on_submit() or person is None:
        flash(_("Select who follows it up"), "error")
        return redirect(url_for("referral.referral", referral_id=referral.id))
    service.assign(referral, person, clock.now())
    audit.record("assign_referral", referral.child_id, "referral", referral.id,
                 detail=str(person.id))
    flash(_("%(name)s follows this request up.", name=person.name))
    return redirect(url_for("referral.referral", referral_id=referral.id))


@bp.route("/referrals/<int:referral_id>/notes", methods=["POST"])
@login_required
def add_note(referral_id: int):
    """A note on what was done or learnt while following the request up."""
    referral = referral_or_404(referral_id)
    form = NoteForm()
    if not form.validate_on_submit():
        flash(_("Write the note"), "error")
        return redirect(url_for("referral.referral", referral_id=referral.id))
    service.add_note(referral, form.text.data or "", current_user.id, clock.now())
    audit.record("note_referral", referral.child_id, "referral", referral.id)
    flash(_("Note added."))
    return redirect(url_for("referral.referral", referral_id=referral.id) + "#notes")
