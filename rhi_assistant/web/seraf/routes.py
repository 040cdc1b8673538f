"""The SERAF risk assessment form (North Somerset protocol, Appendix 2)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from wtforms import DateField, RadioField, StringField, TextAreaField
from wtforms.validators import Length, Optional

from rhi_assistant import audit
from rhi_assistant.extensions import db
from rhi_assistant.seraf import seraf_items
from rhi_assistant.services import seraf as service
from rhi_assistant.services.transition import episode_is_adult
from rhi_assistant.vocabulary.labels import concern_choices
from rhi_assistant.web.access import interview_or_404
from rhi_assistant.web.base_form import BaseForm

bp = Blueprint("seraf", __name__)

FIELD_TO_KEY = {
    "vuln": "vulnerabilities",
    "mod": "moderate",
    "sig_recent": "significant_recent",
    "sig_6_12": "significant_6_12",
}
GROUP_FOR_KEY = {
    "vulnerabilities": "seraf_vulnerability",
    "moderate": "seraf_moderate",
    "significant_recent": "seraf_significant",
    "significant_6_12": "seraf_significant",
}


class SerafForm(BaseForm):
    assessment_date = DateField(_l("Date of assessment"), validators=[Optional()])
    worker_name = StringField(_l("Worker's name"), validators=[Optional(), Length(max=120)])
    worker_agency = StringField(_l("Agency"), validators=[Optional(), Length(max=120)])
    worker_contact = StringField(_l("Contact details"), validators=[Optional(), Length(max=120)])
    principal_concern = RadioField(
        _l("Principal area of concern"),
        choices=concern_choices(),
        validators=[Optional()],
        validate_choice=True,
    )
    referral_to_csc_date = DateField(_l("Referral to children's social care"),
                                     validators=[Optional()])
    professional_judgement = TextAreaField(_l("Professional judgement"),
                                           validators=[Optional(), Length(max=10000)])
    override_category = RadioField(
        _l("Override the category"),
        choices=[("", _l("No override")), ("1", "1"), ("2", "2"), ("3", "3"), ("4", "4")],
        default="",
        validators=[Optional()],
    )
    override_reason = TextAreaField(_l("Reason for the override"),
                                    validators=[Optional(), Length(max=2000)])


@bp.route("/interviews/<int:interview_id>/seraf", methods=["GET", "POST"])
@login_required
def form(interview_id: int):
    interview = interview_or_404(interview_id)
    # Opening the page (or a refused post) stores nothing: a new assessment is a draft
    # until its first save.
    seraf = service.assessment_for(interview, current_user, create=False)
    form = SerafForm(obj=seraf if request.method == "GET" else None)
    if request.method == "GET":
        form.override_category.data = str(seraf.override_category or "")
        audit.record("view_seraf", interview.episode.child_id, "seraf", seraf.id)
    if request.method == "POST":
        if current_user.role not in ("rhi_worker", "manager"):
            abort(403)
        if seraf.status == "signed_off":
            flash(_("This assessment is signed off and can no longer be changed."))
            return redirect(url_for("seraf.form", interview_id=interview.id))
        if form.validate_on_submit():
            override = form.override_category.data or ""
            if override and not (form.override_reason.data or "").strip():
                form.override_reason.errors = [_("Give a reason for overriding the category")]
            else:
                if seraf.id is None:
                    db.session.add(seraf)
                _save(seraf, form, override)
                audit.record("edit_seraf", interview.episode.child_id, "seraf", seraf.id)
                flash(_("SERAF saved."))
                return redirect(url_for("seraf.form", interview_id=interview.id))
    score = service.current_score(seraf)
    return render_template(
        "seraf/form.html",
        interview=interview,
        child=interview.episode.child,
        seraf=seraf,
        form=form,
        items=seraf_items(),
        ticks={k: set(v) for k, v in (seraf.ticks or {}).items()},
        score=score,
        young_adult=episode_is_adult(interview.episode),
        from_record=set(service.from_the_record(interview)),
    )


def _save(seraf, form: SerafForm, override: str) -> None:
    valid = {g: {i for i, _label in items} for g, items in seraf_items().items()}
    ticks = {}
    for field, key in FIELD_TO_KEY.items():
        chosen = request.form.getlist(field)
        ticks[key] = [i for i in chosen if i in valid.get(GROUP_FOR_KEY[key], set())]
    seraf.ticks = ticks
    seraf.assessment_date = form.assessment_date.data or seraf.assessment_date
    seraf.worker_name = form.worker_name.data
    seraf.worker_agency = form.worker_agency.data
    seraf.worker_contact = form.worker_contact.data
    seraf.principal_concern = form.principal_concern.data or None
    seraf.referral_to_csc_date = form.referral_to_csc_date.data
    seraf.professional_judgement = form.professional_judgement.data
    seraf.override_category = int(override) if override else None
    seraf.override_reason = form.override_reason.data if override else None
    service.rescore(seraf)
    db.session.commit()


@bp.route("/interviews/<int:interview_id>/seraf/sign-off", methods=["POST"])
@login_required
def sign_off(interview_id: int):
    interview = interview_or_404(interview_id)
    if current_user.role != "manager":
        abort(403)
    form = BaseForm()
    if not form.validate_on_submit():
        abort(400)
    seraf = service.assessment_for(interview, current_user)
    service.sign_off(seraf, current_user.id)
    audit.record("sign_off_seraf", interview.episode.child_id, "seraf", seraf.id)
    flash(_("Assessment signed off."))
    return redirect(url_for("seraf.form", interview_id=interview.id))
