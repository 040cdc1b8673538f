"""The team's episodes list, the RHI offer, protocol actions done, and the RHI outcomes.

Every route loads the episode through `access.episode_or_404`, so another
team's episode does not exist for the user; writes need an RHI worker or a
manager, and only a manager of the owning team authorises outcomes.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from rhi_assistant import audit, clock
from rhi_assistant.extensions import db
from rhi_assistant.models import (
    Child,
    EpisodeOutcome,
    OfferAttempt,
    ProtocolActionRecord,
    RhiOffer,
)
from rhi_assistant.models.cases import POLICE_RISKS
from rhi_assistant.models.offers import REFUSAL_REASONS
from rhi_assistant.services import consent as consent_record
from rhi_assistant.services import episode_list, name_search, police_checks, rhi_held
from rhi_assistant.services import episodes as service
from rhi_assistant.vocabulary.labels import REFUSAL_LABELS
from rhi_assistant.web.access import episode_or_404, may_authorise, require_role
from rhi_assistant.web.episodes import forms
from rhi_assistant.web.form_errors import add_error

bp = Blueprint("episodes", __name__)

WRITERS = ("rhi_worker", "manager")
LABELS = {
    "methods": forms.METHOD_LABELS,
    "attempt_outcomes": forms.ATTEMPT_OUTCOME_LABELS,
    "refusals": REFUSAL_LABELS,
    "consent": forms.CONSENT_LABELS,
    "outcomes": forms.OUTCOME_LABELS,
}
#: The list's "Show" choices, in `episode_list.SHOW` order.
SHOW_LABELS = {
    "open": _l("All open episodes"),
    "missing": _l("Still missing"),
    "overdue": _l("Something overdue"),
    "found": _l("Found, work still open"),
}


@bp.route("/episodes")
@login_required
def index():
    require_role("rhi_worker", "manager", "police_officer")
    now = clock.now()
    team_id = current_user.team_id
    if current_user.role == "police_officer":
        return _police_checks(team_id, now)
    filters = list_filters()
    listing = None
    if team_id:
        child_ids = None
        if filters["q"]:
            child_ids = name_search.matching_children(
                filters["q"], db.select(Child.id).where(Child.team_id == team_id))
        listing = episode_list.team_page(team_id, now, page=filters["page"],
                                         show=filters["show"], risk=filters["risk"],
                                         child_ids=child_ids)
    refusals = None
    if current_user.role == "manager":
        counts = service.refusals_this_month(team_id, now)
        refusals = [(code, REFUSAL_LABELS[code], counts.get(code, 0))
                    for code in REFUSAL_REASONS]
    month_start = service.month_start(now, service.local_zone(team_id))
    # Rendered before the audit record is committed: a commit expires the loaded rows,
    # and the page would then load each one again.
    page = render_template("episodes/index.html", listing=listing,
                           rows=listing.rows if listing else [], now=now, refusals=refusals,
                           month_start=month_start, labels=LABELS, filters=filters,
                           show_choices=SHOW_LABELS, risks=POLICE_RISKS)
    shown = len(listing.rows) if listing else 0
    audit.record("view_episode_list", None,
                 detail=f"{shown} episodes shown of {listing.matching if listing else 0}")
    return page


def _police_checks(team_id: int | None, now):
    """An officer's Episodes page is their own work: the safe and well checks due on their
    team's cases and those shared with it, soonest first."""
    checks = police_checks.checks_due(team_id, now) if team_id else []
    page = render_template("episodes/police_checks.html", checks=checks, now=now)
    audit.record("view_police_checks_due", None, detail=f"{len(checks)} checks due shown")
    return page


def list_filters() -> dict:
    """The list's filters from the query string; anything unknown falls back to all open."""
    args = request.args
    show = args.get("show", "open")
    risk = args.get("risk") or None
    return {
        "show": show if show in episode_list.SHOW else "open",
        "risk": risk if risk in POLICE_RISKS else None,
        "q": (args.get("q") or "").strip()[:name_search.MAX_QUERY],
        "page": max(1, args.get("page", 1, type=int) or 1),
    }


def _status(episode_id: int, write: bool = False) -> service.EpisodeStatus:
    episode = episode_or_404(episode_id)
    if write:
        require_role(*WRITERS)
    return service.status_for(episode, clock.now())


def _found_or_back(status: service.EpisodeStatus):
    """An RHI is offered once the child is found; before that there is nothing to record."""
    if status.episode.found is None:
        flash(_("The child has not been found yet. Record the offer once they are found."))
        return redirect(url_for("episodes.offer", episode_id=status.episode.id))
    return None


def _offer_row(episode_id: int) -> RhiOffer:
    offer = db.session.scalar(db.select(RhiOffer).filter_by(episode_id=episode_id))
    if offer is None:
        offer = RhiOffer(episode_id=episode_id)
        db.session.add(offer)
    offer.updated_by_id = current_user.id
    return offer


@bp.route("/episodes/<int:episode_id>/offer")
@login_required
def offer(episode_id: int):
    status = _status(episode_id)
    audit.record("view_rhi_offer", status.child.id, "episode", episode_id)
    return render_template("episodes/offer.html", s=status, labels=LABELS,
                           can_write=current_user.role in WRITERS, confirm=forms.ConfirmForm())


@bp.route("/episodes/<int:episode_id>/offer/attempts/new", methods=["GET", "POST"])
@login_required
def new_attempt(episode_id: int):
    status = _status(episode_id, write=True)
    if (back := _found_or_back(status)) is not None:
        return back
    form = forms.AttemptForm(zone=status.zone)
    if request.method == "GET":
        form.fill_now()
    if form.validate_on_submit():
        attempt = OfferAttempt(episode_id=episode_id, method=form.method.data,
                               attempted_at=form.when, outcome=form.outcome.data,
                               note=(form.note.data or "").strip() or None,
                               recorded_by_id=current_user.id)
        db.session.add(attempt)
        db.session.commit()
        audit.record("record_offer_attempt", status.child.id, "offer_attempt", attempt.id,
                     detail=f"{attempt.method}:{attempt.outcome}")
        flash(_("Attempt recorded."))
        return redirect(url_for("episodes.offer", episode_id=episode_id))
    return _viewed("view_offer_attempt_form", status,
                   render_template("episodes/attempt.html", s=status, form=form))


@bp.route("/episodes/<int:episode_id>/offer/refusal", methods=["GET", "POST"])
@login_required
def refusal(episode_id: int):
    status = _status(episode_id, write=True)
    if (back := _found_or_back(status)) is not None:
        return back
    form = forms.RefusalForm(zone=status.zone)
    if request.method == "GET":
        form.fill_now()
    if form.validate_on_submit() and form.when is not None:
        try:
            row = rhi_held.record_refusal(status.episode, form.reason.data, form.when,
                                          (form.detail.data or "").strip() or None,
                                          current_user.id)
        except rhi_held.RefusalNotAllowed as refused:
            add_error(form.reason, str(refused.args[0]))
        else:
            audit.record("record_rhi_refusal", status.child.id, "rhi_refusal", row.id,
                         detail=row.reason)
            flash(_("Refusal recorded."))
            return redirect(url_for("episodes.offer", episode_id=episode_id))
    return _viewed("view_rhi_refusal_form", status,
                   render_template("episodes/refusal.html", s=status, form=form))


@bp.route("/episodes/<int:episode_id>/offer/independent-person", methods=["GET", "POST"])
@login_required
def independent_person(episode_id: int):
    status = _status(episode_id, write=True)
    if (back := _found_or_back(status)) is not None:
        return back
    form = forms.IndependentPersonForm(zone=status.zone)
    if request.method == "GET":
        form.fill_now()
        if status.offer and status.offer.independent_person:
            form.choice.data = status.offer.independent_person
    if form.validate_on_submit():
        offer = _offer_row(episode_id)
        offer.independent_person = form.choice.data
        offer.independent_chosen_at = form.when
        if form.choice.data == "no":
            offer.independent_request_sent_at = None
        db.session.commit()
        audit.record("record_independent_person", status.child.id, "rhi_offer", offer.id,
                     detail=form.choice.data)
        flash(_("The child's choice is recorded."))
        return redirect(url_for("episodes.offer", episode_id=episode_id))
    return _viewed("view_independent_person_form", status,
                   render_template("episodes/independent.html", s=status, form=form))


@bp.route("/episodes/<int:episode_id>/offer/independent-person/sent", methods=["POST"])
@login_required
def independent_request_sent(episode_id: int):
    status = _status(episode_id, write=True)
    form = forms.ConfirmForm()
    offer = status.offer
    if form.validate_on_submit() and offer and offer.independent_person == "yes":
        offer.independent_request_sent_at = clock.now()
        offer.updated_by_id = current_user.id
        db.session.commit()
        audit.record("record_independent_request_sent", status.child.id, "rhi_offer", offer.id)
        flash(_("The request to the independent service is recorded as sent."))
    return redirect(url_for("episodes.offer", episode_id=episode_id))


@bp.route("/episodes/<int:episode_id>/offer/consent", methods=["GET", "POST"])
@login_required
def consent(episode_id: int):
    status = _status(episode_id, write=True)
    if (back := _found_or_back(status)) is not None:
        return back
    form = forms.ConsentForm()
    needed = status.result.consent if status.result else None
    if request.method == "GET" and status.offer:
        form.parent_or_carer.data = status.offer.consent_parent_or_carer
        form.child.data = status.offer.consent_child
    if form.validate_on_submit():
        missing = []
        if needed and needed.parent_or_carer and not form.parent_or_carer.data:
            missing.append(form.parent_or_carer)
        if needed and needed.child and not form.child.data:
            missing.append(form.child)
        for field in missing:
            field.errors = [*field.errors, _("Select whether consent was given")]
        if not missing:
            consent_record.record(status.episode, current_user.id, {
                "consent_parent_or_carer": form.parent_or_carer.data,
                "consent_child": form.child.data,
            })
            flash(_("Consent recorded."))
            return redirect(url_for("episodes.offer", episode_id=episode_id))
    return _viewed("view_consent_form", status, render_template(
        "episodes/consent.html", s=status, form=form, needed=needed))


def _viewed(action: str, status: service.EpisodeStatus, page: str,
            detail: str | None = None) -> str:
    """Audit a page that shows the child (on every showing, a failed post's too), after
    rendering it: the audit's commit would expire the rows the page reads."""
    audit.record(action, status.child.id, "episode", status.episode.id, detail=detail)
    return page


def _action_item(status: service.EpisodeStatus, code: str) -> service.DueItem:
    """One of the actions the protocol asks of this episode now; anything else does not exist."""
    for item in status.items:
        if item.code == code and item.recordable:
            return item
    abort(404)


@bp.route("/episodes/<int:episode_id>/actions/<code>", methods=["GET", "POST"])
@login_required
def action(episode_id: int, code: str):
    """Record that a meeting was held or a notification or referral sent, or correct it."""
    status = _status(episode_id, write=True)
    item = _action_item(status, code)
    form = forms.ActionDoneForm(zone=status.zone)
    if request.method == "GET":
        if item.done and item.record is not None and item.record.done_at is not None:
            form.fill(item.record.done_at)
            form.note.data = item.record.note
        else:
            form.fill_now()
    if form.validate_on_submit():
        correcting = item.done
        row = ProtocolActionRecord(episode_id=episode_id, action_code=code, state="done",
                                   done_at=form.when, note=(form.note.data or "").strip() or None,
                                   recorded_by_id=current_user.id, recorded_at=clock.now())
        db.session.add(row)
        db.session.commit()
        audit.record("correct_protocol_action" if correcting else "record_protocol_action",
                     status.child.id, "protocol_action_record", row.id, detail=code)
        flash(_("Recorded as done: %(action)s.", action=_(item.label)))
        return redirect(url_for("episodes.offer", episode_id=episode_id, _anchor="actions"))
    return _viewed("view_protocol_action_page", status, render_template(
        "episodes/action.html", s=status, item=item, form=form, confirm=forms.ConfirmForm()),
        detail=code)


@bp.route("/episodes/<int:episode_id>/actions/<code>/undo", methods=["POST"])
@login_required
def undo_action(episode_id: int, code: str):
    """A record made by mistake: the action is not done after all (the record stays)."""
    status = _status(episode_id, write=True)
    item = _action_item(status, code)
    form = forms.ConfirmForm()
    if form.validate_on_submit() and item.done:
        row = ProtocolActionRecord(episode_id=episode_id, action_code=code, state="not_done",
                                   recorded_by_id=current_user.id, recorded_at=clock.now())
        db.session.add(row)
        db.session.commit()
        audit.record("undo_protocol_action", status.child.id, "protocol_action_record", row.id,
                     detail=code)
        flash(_("No longer recorded as done: %(action)s.", action=_(item.label)))
    return redirect(url_for("episodes.offer", episode_id=episode_id, _anchor="actions"))


@bp.route("/episodes/<int:episode_id>/outcome", methods=["GET", "POST"])
@login_required
def outcome(episode_id: int):
    status = _status(episode_id)
    row = status.outcome
    form = forms.OutcomeForm()
    if request.method == "POST":
        require_role(*WRITERS)
        if row is not None and row.is_authorised:
            flash(_("These outcomes are authorised and can no longer be changed."))
            return redirect(url_for("episodes.outcome", episode_id=episode_id))
        if form.validate_on_submit():
            if row is None:
                row = EpisodeOutcome(episode_id=episode_id, recorded_by_id=current_user.id)
                db.session.add(row)
            row.codes = form.codes.data or []
            row.other_detail = (form.other_detail.data or "").strip() or None
            row.notes = (form.notes.data or "").strip() or None
            row.recorded_by_id = current_user.id
            row.recorded_at = clock.now()
            db.session.commit()
            audit.record("record_rhi_outcome", status.child.id, "episode_outcome", row.id,
                         detail=",".join(row.codes))
            flash(_("Outcomes recorded. A manager needs to authorise them."))
            return redirect(url_for("episodes.outcome", episode_id=episode_id))
    elif row is not None:
        form.codes.data = row.codes
        form.other_detail.data = row.other_detail
        form.notes.data = row.notes
    audit.record("view_rhi_outcome", status.child.id, "episode", episode_id)
    return render_template("episodes/outcome.html", s=status, form=form, row=row, labels=LABELS,
                           can_write=current_user.role in WRITERS, confirm=forms.ConfirmForm(),
                           may_authorise=row is not None and may_authorise(row, current_user))


@bp.route("/episodes/<int:episode_id>/outcome/authorise", methods=["POST"])
@login_required
def authorise(episode_id: int):
    status = _status(episode_id)
    require_role("manager")
    form = forms.ConfirmForm()
    row = status.outcome
    if row is not None and not may_authorise(row, current_user):
        # Four eyes: the manager who recorded the outcomes cannot also authorise them.
        flash(_("You recorded these outcomes, so another manager needs to authorise them."))
        return redirect(url_for("episodes.outcome", episode_id=episode_id))
    if form.validate_on_submit() and row is not None and not row.is_authorised:
        row.authorised_by_id = current_user.id
        row.authorised_at = clock.now()
        db.session.commit()
        audit.record("authorise_rhi_outcome", status.child.id, "episode_outcome", row.id)
        flash(_("Outcomes authorised."))
    return redirect(url_for("episodes.outcome", episode_id=episode_id))
