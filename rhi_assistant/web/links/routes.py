"""A child's links with other children (contextual safeguarding): the alerts, the network
picture with its table, and the people, places, vehicles and contacts in the child's notes
for a practitioner to confirm or reject. Only confirmed mentions ever link."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from rhi_assistant import audit
from rhi_assistant.extensions import db
from rhi_assistant.links.network import layout
from rhi_assistant.models import Child, Interview, LinkMention
from rhi_assistant.services import links as service
from rhi_assistant.services.interviews import interview_date
from rhi_assistant.services.summaries import entity_candidates
from rhi_assistant.web.access import Access, child_or_404, may_record
from rhi_assistant.web.links.forms import MentionDecisionForm, NotSameForm
from rhi_assistant.web.links.view import Alert, alerts_for

bp = Blueprint("links", __name__)


def _interviews(child: Child) -> list[Interview]:
    return [iv for ep in child.episodes for iv in ep.interviews if iv.kind != "safe_and_well"]


def _candidates(child: Child, decided: set[str]) -> list[tuple[Interview, str, str]]:
    """Mentions the notes hold that nobody has decided on yet, newest interview first."""
    out = []
    for interview in sorted(_interviews(child), key=lambda iv: iv.created_at, reverse=True):
        for entity in entity_candidates(interview):
            digest = service.text_digest(entity.kind, entity.text)
            if digest not in decided:
                decided.add(digest)
                out.append((interview, entity.kind, entity.text))
    return out


def _picture(child: Child, alerts: list[Alert]):
    things = [(a.key, a.label, a.type) for a in alerts]
    ties = [(a.key, str(m.child_id), m.child.display_name) for a in alerts for m in a.others]
    ties += [(a.key, f"team-{team}", _("A record held by %(team)s", team=team))
             for a in alerts for team in a.other_teams]
    return layout(child.display_name, things, ties)


@bp.route("/children/<int:child_id>/links")
@login_required
def index(child_id: int):
    child = child_or_404(child_id, Access.FULL)
    mentions = service.mentions_of(child)
    alerts = alerts_for(child, current_user)
    audit.record("view_links", child.id, "child", child.id,
                 detail=f"{len(alerts)} links shown")
    candidates = _candidates(child, {m.text_digest for m in mentions}) \
        if may_record(current_user, child) else []
    return render_template(
        "links/index.html", child=child, alerts=alerts, picture=_picture(child, alerts),
        mentions=mentions, candidates=candidates, may_record=may_record(current_user, child),
        decision_form=MentionDecisionForm(), not_same_form=NotSameForm())


@bp.route("/children/<int:child_id>/links/mentions", methods=["POST"])
@login_required
def decide(child_id: int):
    child = child_or_404(child_id, Access.FULL)
    if not may_record(current_user, child):
        abort(403)
    form = MentionDecisionForm()
    if not form.validate_on_submit() or form.decision.data not in ("confirmed", "rejected"):
        abort(400)
    interview = db.session.get(Interview, form.interview_id.data)
    if interview is None or interview.episode.child_id != child.id:
        abort(404)
    kind, text = form.kind.data or "", (form.text.data or "").strip()
    if (kind, text) not in {(e.kind, e.text) for e in entity_candidates(interview)}:
        abort(400)  # only what the notes hold can be confirmed
    mention = service.decide(child, kind, text, decision=form.decision.data,
                             user_id=current_user.id, recorded_on=interview_date(interview),
                             interview_id=interview.id)
    found = service.links_of([mention]) if mention.is_confirmed else []
    db.session.commit()
    audit.record(f"link_mention_{form.decision.data}", child.id, "link_mention", mention.id)
    if mention.is_confirmed:
        seen = alerts_for(child, current_user, found)
        flash(_("Confirmed: %(text)s. It matches %(n)s other mentions you may see.",
                text=text, n=sum(len(a.others) for a in seen)) if seen
              else _("Confirmed: %(text)s.", text=text))
    else:
        flash(_("Rejected: %(text)s. It will not link to other children.", text=text))
    return redirect(url_for("links.index", child_id=child.id) + "#mentions")


@bp.route("/children/<int:child_id>/links/not-the-same", methods=["POST"])
@login_required
def not_same(child_id: int):
    child = child_or_404(child_id, Access.FULL)
    if not may_record(current_user, child):
        abort(403)
    form = NotSameForm()
    if not form.validate_on_submit():
        abort(400)
    here = db.session.get(LinkMention, form.here_id.data)
    other = db.session.get(LinkMention, form.other_id.data)
    if here is None or other is None or here.child_id != child.id:
        abort(404)
    visible = {m.id for a in alerts_for(child, current_user) for m in a.others}
    if other.id not in visible:
        abort(404)
    service.mark_not_same(here, other, current_user.id)
    db.session.commit()
    audit.record("link_not_same", child.id, "link_mention", here.id,
                 detail=f"not the same as mention {other.id}")
    flash(_("Marked as not the same: the two will not be linked again."))
    return redirect(url_for("links.index", child_id=child.id))
