"""Intelligence-sharing summaries: prepare, record who it goes to and why, view, download."""

from __future__ import annotations

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from wtforms import RadioField, SelectMultipleField, TextAreaField
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

from rhi_assistant import audit
from rhi_assistant.extensions import db
from rhi_assistant.models import Summary
from rhi_assistant.reports import text as report_text
from rhi_assistant.reports.data import NetworkThing
from rhi_assistant.services import summaries as builder
from rhi_assistant.services import summary_record
from rhi_assistant.services.entity_context import aside_label
from rhi_assistant.services.episodes import local_zone
from rhi_assistant.web.access import Access, child_or_404, interview_or_404
from rhi_assistant.web.base_form import BaseForm

bp = Blueprint("summary", __name__)


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class SummaryForm(BaseForm):
    recipients = MultiCheckboxField(
        _l("Who will it be shared with?"), choices=list(builder.RECIPIENTS.items()),
        validators=[DataRequired(message=_l("Select who it will be shared with"))],
    )
    purpose = TextAreaField(
        _l("Why is it being shared?"),
        validators=[DataRequired(message=_l("Say why it is being shared")), Length(max=2000)],
        default="To help police and partners keep the child safe and disrupt those who "
        "exploit children.",
    )
    legal_basis = RadioField(
        _l("Legal basis for sharing"), choices=list(builder.LEGAL_BASES.items()),
        default="safeguarding_public_task", validators=[DataRequired()],
    )
    entities = MultiCheckboxField(_l("People, places, vehicles and contacts to include"),
                                  choices=[], validate_choice=False,
                                  coerce=builder.NamedEntity.from_token)
    links = MultiCheckboxField(_l("Links with other children to include"), choices=[],
                               validate_choice=False)
    next_steps = TextAreaField(_l("Recommended next steps (one a line)"),
                               validators=[Length(max=4000)])


@bp.route("/interviews/<int:interview_id>/summaries/new", methods=["GET", "POST"])
@login_required
def new(interview_id: int):
    interview = interview_or_404(interview_id)
    if current_user.role not in ("rhi_worker", "manager"):
        abort(403)
    form = SummaryForm()
    candidates = builder.entity_candidates(interview)
    form.entities.choices = [(c, _entity_choice(c)) for c in candidates]
    link_alerts = _link_alerts(interview)
    link_lines = _link_choices(link_alerts)
    form.links.choices = list(link_lines.items())
    if request.method == "GET":
        # Only names said as facts about the child come ready-ticked.
        form.entities.data = [c for c in candidates if not c.aside]
        form.next_steps.data = "\n".join(builder.default_next_steps(interview))
        audit.record("prepare_summary", interview.episode.child_id, "interview", interview.id)
    cards = _card_choices(candidates)
    if form.validate_on_submit():
        record = builder.build_record(
            interview,
            user_name=current_user.name,
            recipients=form.recipients.data or [],
            purpose=form.purpose.data or "",
            legal_basis=form.legal_basis.data,
            chosen_entities=form.entities.data or [],
            next_steps=[s.strip() for s in (form.next_steps.data or "").splitlines() if s.strip()],
            groups=_groups(candidates, cards),
            chosen_links=[link_lines[k] for k in form.links.data or [] if k in link_lines],
            network=_network([a for a in link_alerts if a.key in set(form.links.data or [])]),
        )
        summary = summary_record.save(interview, record, user_id=current_user.id,
                                      purpose=form.purpose.data or "",
                                      legal_basis=form.legal_basis.data)
        audit.record("generate_summary", interview.episode.child_id, "summary", summary.id,
                     detail=",".join(form.recipients.data or []))
        _confirm_for_links(interview, form.entities.data or [])
        return redirect(url_for("summary.view", summary_id=summary.id))
    return render_template("summary/new.html", interview=interview, form=form,
                           confirmed=builder.confirmed_suggestions(interview),
                           cards=cards, card_numbers=range(1, _card_count(candidates) + 1))


def _card_count(candidates: list[builder.NamedEntity]) -> int:
    """How many cards to offer: enough for every name to pair up, at most eight."""
    return max(1, min(8, len(candidates) // 2))


def _card_choices(candidates: list[builder.NamedEntity]) -> list[int | None]:
    """The card each name was put on (``card-<n>`` fields), None for a name on its own."""
    count = _card_count(candidates)
    chosen: list[int | None] = []
    for i in range(len(candidates)):
        value = request.form.get(f"card-{i + 1}", "")
        chosen.append(int(value) if value.isdigit() and 1 <= int(value) <= count else None)
    return chosen


def _groups(candidates: list[builder.NamedEntity],
            cards: list[int | None]) -> list[list[builder.NamedEntity]]:
    """Names the worker tied together, one list a card, in card order."""
    groups: dict[int, list[builder.NamedEntity]] = {}
    for entity, card in zip(candidates, cards, strict=True):
        if card is not None:
            groups.setdefault(card, []).append(entity)
    return [groups[n] for n in sorted(groups)]


def _entity_choice(entity: builder.NamedEntity) -> str:
    label = f"{entity.kind.title()}: {entity.text}"
    why = aside_label(entity.aside)
    return f"{label} ({why})" if why else label


def _confirm_for_links(interview, chosen: list) -> None:
    """What a practitioner chose to share is confirmed: it is indexed for links too."""
    from rhi_assistant.links.reading import TYPES
    from rhi_assistant.services import links as links_service
    from rhi_assistant.services.interviews import interview_date

    for entity in chosen:
        if entity.kind in TYPES and entity.text.strip():
            links_service.decide(interview.episode.child, entity.kind, entity.text,
                                 decision="confirmed", user_id=current_user.id,
                                 recorded_on=interview_date(interview), interview_id=interview.id)
    db.session.commit()


def _link_alerts(interview) -> list:
    """The child's links with other children the user may see."""
    from rhi_assistant.web.links.view import alerts_for

    return [a for a in alerts_for(interview.episode.child, current_user) if a.others]


def _link_choices(alerts: list) -> dict[str, str]:
    """The links as lines for the summary (no other child named)."""
    from rhi_assistant.services.links import ChildLink, link_line

    return {a.key: link_line(ChildLink(a.type, a.here, a.others)) for a in alerts}


def _network(alerts: list) -> list[NetworkThing]:
    """The chosen links for the PDF's picture: other children numbered, never named, the
    same number for the same child across links (that one child ties two things matters)."""
    numbers: dict[int, str] = {}
    things = []
    for alert in alerts:
        others = []
        for child_id in dict.fromkeys(m.child_id for m in alert.others):
            numbers.setdefault(child_id, f"Other child {len(numbers) + 1}")
            others.append(numbers[child_id])
        things.append(NetworkThing(type=alert.type, label=alert.label, others=others))
    return things


def _summary_or_404(summary_id: int) -> Summary:
    summary = db.session.get(Summary, summary_id)
    if summary is None:
        abort(404)
    # Teams the case is shared with may read summaries, and only summaries.
    child_or_404(summary.interview.episode.child_id, Access.SHARED)
    return summary


@bp.route("/summaries/<int:summary_id>")
@login_required
def view(summary_id: int):
    summary = _summary_or_404(summary_id)
    audit.record("view_summary", summary.interview.episode.child_id, "summary", summary.id)
    data = summary_record.record_of(summary)
    return render_template("summary/view.html", summary=summary, data=data,
                           grouped=report_text.by_main_concern(data.indicators),
                           loose=report_text.loose_entities(data),
                           card_heading=_card_heading)


def _card_heading(kind: str) -> str:
    return {"person": _("Person"), "vehicle": _("Vehicle"), "place": _("Place")}.get(kind, kind)


@bp.route("/summaries/<int:summary_id>/download")
@login_required
def download(summary_id: int):
    summary = _summary_or_404(summary_id)
    data = summary_record.record_of(summary)
    pdf = summary_record.render_pdf(data, local_zone(summary.interview.episode.child.team_id))
    audit.record("download_summary", summary.interview.episode.child_id, "summary", summary.id)
    return Response(
        pdf,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="summary-{data.reference}.pdf"'},
    )
