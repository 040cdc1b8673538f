"""The interview: task list, one question a page, autosave, suggestions, check answers."""

from __future__ import annotations

import re
from functools import wraps
from typing import Any

from flask import Blueprint, abort, flash, g, jsonify, redirect, render_template, request, url_for
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from flask_login import current_user

from rhi_assistant import audit, nlp, vocabulary
from rhi_assistant.extensions import db
from rhi_assistant.flows import Page
from rhi_assistant.flows.engine import FlowError
from rhi_assistant.models import Answer, Interview, Suggestion, User
from rhi_assistant.nlp.sentences import sentences
from rhi_assistant.services import interviews as service
from rhi_assistant.services import readings
from rhi_assistant.vocabulary import SuggestionStatus, labels
from rhi_assistant.web.access import (
    Access,
    access_to,
    episode_or_404,
    interview_or_404,
    interview_to_run_or_404,
    may_run_safe_and_well,
    safe_and_well_episode_or_404,
)
from rhi_assistant.web.form_errors import add_error
from rhi_assistant.web.interview.forms import (
    AddIndicatorForm,
    CheckDoneForm,
    DecisionForm,
    PageForm,
    QuestionCheckForm,
    StartInterviewForm,
)

bp = Blueprint("interview", __name__)

DECLINE_STATES = service.DECLINE_STATES


def login_required_keeping_answer(view):
    """Like login_required, but words posted just after an idle sign-out are kept.

    The session cookie still proves who typed them (only after an idle expiry: a
    session ended on purpose keeps nothing); the answer is stored as a draft for
    that user, never over a submitted one, and they are asked to sign in again.
    """

    @wraps(view)
    def wrapped(*args, **kwargs):
        if current_user.is_authenticated:
            return view(*args, **kwargs)
        expired = g.get("expired_user_id")
        if expired and request.method == "POST" and "interview_id" in kwargs:
            kept = _rescue(expired, kwargs["interview_id"], kwargs.get("page_id"))
            if request.endpoint == "interview.autosave":
                return jsonify(saved=bool(kept), signed_in=False), 401
            if kept:
                flash(_("You were signed out because you were inactive. Your notes were saved."))
            elif kept is False:
                # Not written over the submitted answer; web/kept_words.py kept it for this
                # user alone, and puts it back in the form after they sign in.
                flash(_("You were signed out because you were inactive. This page's answer was "
                        "already submitted, so what you typed was not saved over it. Your words "
                        "were kept: sign in again and they will be back in the form."))
        endpoint = request.endpoint or "cases.dashboard"
        target = url_for(endpoint, **kwargs) if request.method == "GET" else (
            url_for("interview.page", interview_id=kwargs["interview_id"],
                    page_id=kwargs["page_id"]) if "page_id" in kwargs else None
        )
        return redirect(url_for("auth.sign_in", next=target))

    return wrapped


def _rescue(user_id: int, interview_id: int, page_id: str | None) -> bool | None:
    """Keep words posted just after an idle expiry as a draft: True when kept, False
    when refused because the page's answer was submitted, None when there were none.

    Only after an idle expiry (web.security sets ``g.expired_user_id`` for nothing
    else), and never over a submitted answer: a late autosave must not turn an
    answer back into a draft.
    """
    user = db.session.get(User, user_id)
    interview = db.session.get(Interview, interview_id)
    if user is None or not user.active or interview is None or page_id is None:
        return None
    child = interview.episode.child
    runs_check = interview.kind == "safe_and_well" and may_run_safe_and_well(user, child)
    if access_to(user, child) is not Access.FULL and not runs_check:
        return None
    page = service.flow_for(interview).page(page_id)
    notes = request.form.get("notes")
    if page is None or page.kind != "notes" or notes is None:
        return None
    existing = interview.answer_for(page.id)
    if existing is not None and not existing.is_draft:
        # Submitted already: kept as it is; only words that differ from it are refused.
        return True if (existing.text or "") == notes else False
    service.save_answer(interview, page, user.id, text=notes, draft=True)
    return True


def _writer(interview: Interview | None = None) -> None:
    """RHI workers and managers write RHIs; police officers write their safe and well checks."""
    if interview is not None and interview.kind == "safe_and_well":
        if not may_run_safe_and_well(current_user, interview.episode.child):
            abort(403)
        return
    if current_user.role not in ("rhi_worker", "manager"):
        abort(403)


@bp.route("/episodes/<int:episode_id>/interviews", methods=["POST"])
@login_required_keeping_answer
def start(episode_id: int):
    _writer()
    episode = episode_or_404(episode_id)
    form = StartInterviewForm()
    form.language.choices = labels.language_choices()
    if not form.validate_on_submit():
        abort(400)
    interview = service.start_interview(episode, "rhi", current_user.id, form.language.data,
                                        form.easy_read.data == "yes")
    audit.record("start_interview", episode.child_id, "interview", interview.id)
    return redirect(url_for("interview.task_list", interview_id=interview.id))


@bp.route("/interviews/<int:interview_id>")
@login_required_keeping_answer
def task_list(interview_id: int):
    interview = interview_to_run_or_404(interview_id)
    flow = service.flow_for(interview)
    ctx = service.context_for(interview)
    audit.record("view_interview", interview.episode.child_id, "interview", interview.id)
    sections = [
        {
            "section": s,
            "status": flow.section_status(s, ctx),
            "first": _first_page(flow.section_route(s, ctx), ctx.completed),
        }
        for s in flow.sections
    ]
    resume = service.resume_page(interview, flow, ctx)
    return render_template(
        "interview/task_list.html",
        interview=interview,
        sections=sections,
        resume=resume,
        complete=flow.is_complete(ctx),
        pending=service.pending_count(interview),
        decided=sum(1 for a in interview.answers for s in a.suggestions
                    if s.status != "suggested"),
        confirmed=len(service.confirmed_suggestions(interview)),
        deadline=_deadline(interview),
        known=len(service.what_we_already_know(interview)) if interview.kind == "rhi" else 0,
    )


def _page_or_404(interview: Interview, page_id: str):
    try:
        page = service.flow_for(interview).page(page_id)
    except FlowError:
        abort(404)
    if page is None:
        abort(404)
    return page



def _first_page(route: list[Page], completed: set[str]) -> Page | None:
    """Where a section's link leads: its first page not yet answered, else its first page."""
    return next((p for p in route if p.id not in completed), route[0] if route else None)

@bp.route("/interviews/<int:interview_id>/pages/<page_id>", methods=["GET", "POST"])
@login_required_keeping_answer
def page(interview_id: int, page_id: str):
    interview = interview_to_run_or_404(interview_id)
    page = _page_or_404(interview, page_id)
    flow = service.flow_for(interview)
    answer = interview.answer_for(page.id)
    form = PageForm()
    form.choice.choices = [(o.value, o.label) for o in page.options]

    if request.method == "POST":
        _writer(interview)
        action = request.form.get("action", "continue")
        if form.validate_on_submit():
            if page.kind == "choice" and action == "continue" and not form.choice.data:
                form.choice.errors = [_("Select an option")]
            elif action == "break":
                # A break keeps what is typed or chosen as a draft: the page is not
                # marked done, so carrying on comes back to this very question.
                _keep_as_draft(interview, page, form)
                service.pause(interview, page.id)
                flash(_("Saved. The interview is paused: you can carry on from here later."))
                return redirect(url_for("interview.task_list", interview_id=interview.id))
            else:
                state = action if action in DECLINE_STATES else "answered"
                service.carry_on(interview)
                service.save_answer(
                    interview,
                    page,
                    current_user.id,
                    text=form.notes.data if page.kind in ("notes", "text") else None,
                    choice=form.choice.data if page.kind == "choice" and state == "answered"
                    else None,
                    state=state,
                )
                if action == "save":
                    flash(_("Saved. Check the suggestions beside your notes."))
                    # The ids from the URL: the save's commit expired the interview row.
                    return redirect(url_for("interview.page", interview_id=interview_id,
                                            page_id=page_id) + "#suggestions-heading")
                ctx = service.context_for(interview)
                if request.args.get("return") == "check":
                    return redirect(url_for("interview.check", interview_id=interview.id))
                nxt = flow.next_page(page.id, ctx)
                if nxt is None:
                    return redirect(url_for("interview.check", interview_id=interview.id))
                return redirect(url_for("interview.page", interview_id=interview.id,
                                        page_id=nxt.id))
    else:
        if answer is not None:
            form.notes.data = answer.text
        form.choice.data = service.choice_for(interview, page, answer)

    # Worked out only for a page shown: a save that redirects needs it once, after saving.
    ctx = service.context_for(interview)
    previous = flow.previous_page(page.id, ctx)
    html = render_template(
        "interview/page.html",
        deadline=_deadline(interview),
        interview=interview,
        page=page,
        ctx=ctx,
        form=form,
        answer=answer,
        previous=previous,
        **_beside_the_notes(interview, page, answer),
        link_alerts=_link_alerts(interview) if page.analyse else [],
        decline_states=DECLINE_STATES,
        child_can_say=_child_can_say(interview),
    )
    if request.method == "GET":
        # Audited after rendering: the audit's commit expires every loaded row, and the
        # page would otherwise read the interview, its answers and the child again.
        audit.record("view_interview_page", interview.episode.child_id, "interview",
                     interview.id, detail=page.id)
    return html


# What the child can say instead of an answer; "skipped" is the worker's, not the child's.
CHILD_SAYS = ("dont_know", "prefer_not_to_say")


def _child_can_say(interview: Interview) -> list[tuple[str, str, str | None]]:
    """(state, label in the page's language, label in the interview's language or None).

    The child reads these buttons: in an Arabic interview they are in Arabic too, beside
    the worker's own language, like the question itself.
    """
    shown = str(get_locale() or "en")
    rows: list[tuple[str, str, str | None]] = []
    for state in CHILD_SAYS:
        label = str(DECLINE_STATES[state])
        child_label = None
        if interview.language and interview.language != shown:
            with force_locale(interview.language):
                child_label = str(DECLINE_STATES[state])
            if child_label == label:
                child_label = None
        rows.append((state, label, child_label))
    return rows


def _beside_the_notes(interview: Interview, page: Page, answer: Answer | None) -> dict[str, Any]:
    """What the suggestions panel shows, for the whole page and for an autosave's refresh
    (the link alerts beside it are the page's alone: typing does not change them)."""
    reading = readings.reading_of(answer if page.analyse else None,
                                  service.interview_date(interview))
    return {
        "suggestions": _suggestion_view(answer),
        "reading": reading,
        "unsure": _unsure_view(answer.text if answer else None, reading.unsure),
        "add_view": _add_view(answer),
    }


def _link_alerts(interview: Interview) -> list:
    """The child's contextual safeguarding alerts, for their own team's interviews only."""
    from rhi_assistant.web.links.view import alerts_for

    child = interview.episode.child
    if interview.kind == "safe_and_well" or access_to(current_user, child) is not Access.FULL:
        return []
    return alerts_for(child, current_user)


def _keep_as_draft(interview: Interview, page, form: PageForm) -> None:
    """Save typed notes or a chosen option without completing the page."""
    if page.kind in ("notes", "text") and (form.notes.data or interview.answer_for(page.id)):
        service.save_answer(interview, page, current_user.id, text=form.notes.data or "",
                            draft=True)
    elif page.kind == "choice" and form.choice.data:
        answer = interview.answer_for(page.id)
        if answer is None or answer.is_draft or answer.choice != form.choice.data:
            service.save_answer(interview, page, current_user.id, choice=form.choice.data,
                                draft=True)


def _deadline(interview: Interview) -> service.SafeAndWellDeadline | None:
    if interview.kind != "safe_and_well":
        return None
    return service.safe_and_well_deadline(interview.episode, interview)


@bp.route("/interviews/<int:interview_id>/pages/<page_id>/easy-read", methods=["POST"])
@login_required_keeping_answer
def toggle_easy_read(interview_id: int, page_id: str):
    """Switch easy-read on or off from any question, keeping whatever was typed.

    The button sits inside the page's own form (formaction), so the notes come
    with it and are kept as a draft; no JavaScript is needed.
    """
    interview = interview_to_run_or_404(interview_id)
    page = _page_or_404(interview, page_id)
    _writer(interview)
    form = PageForm()
    form.choice.choices = [(o.value, o.label) for o in page.options]
    if not form.validate_on_submit():
        abort(400)
    _keep_as_draft(interview, page, form)
    interview.easy_read = not interview.easy_read
    db.session.commit()
    audit.record("toggle_easy_read", interview.episode.child_id, "interview", interview.id,
                 detail="on" if interview.easy_read else "off")
    values: dict[str, Any] = {"interview_id": interview.id, "page_id": page.id}
    if request.args.get("return"):
        values["return"] = request.args["return"]
    return redirect(url_for("interview.page", **values))


@bp.route("/episodes/<int:episode_id>/safe-and-well", methods=["GET", "POST"])
@login_required_keeping_answer
def safe_and_well(episode_id: int):
    """A police officer starts the safe and well check on a child whose case is shared with them."""
    episode = safe_and_well_episode_or_404(episode_id)
    form = StartInterviewForm()
    form.language.choices = labels.language_choices()
    checks = [iv for iv in episode.interviews if iv.kind == "safe_and_well"]
    if request.method == "POST":
        if episode.found is None or not form.validate_on_submit():
            abort(400)
        interview = service.start_interview(episode, "safe_and_well", current_user.id,
                                            form.language.data, form.easy_read.data == "yes")
        audit.record("start_safe_and_well", episode.child_id, "interview", interview.id)
        return redirect(url_for("interview.task_list", interview_id=interview.id))
    audit.record("view_safe_and_well_start", episode.child_id, "episode", episode.id)
    return render_template("interview/safe_and_well_start.html", episode=episode,
                           child=episode.child, start_form=form, checks=checks,
                           deadline=service.safe_and_well_deadline(episode))


@bp.route("/interviews/<int:interview_id>/finish", methods=["POST"])
@login_required_keeping_answer
def finish(interview_id: int):
    """The officer marks the safe and well check done: this stops its clock."""
    interview = interview_to_run_or_404(interview_id)
    _writer(interview)
    if interview.kind != "safe_and_well":
        abort(404)
    form = CheckDoneForm(zone=_zone(interview))
    if form.validate_on_submit() and form.when is not None:
        try:
            service.finish(interview, form.when)
        except service.DoneAtRefused as refused:
            add_error(form.day, str(refused.args[0]))
        else:
            audit.record("finish_safe_and_well", interview.episode.child_id, "interview",
                         interview.id, detail=f"done at {interview.completed_at:%Y-%m-%dT%H:%MZ}")
            flash(_("The safe and well check is marked as done."))
            return redirect(url_for("interview.task_list", interview_id=interview.id))
    if form.csrf_token.errors:
        abort(400)
    audit.record("view_check_answers", interview.episode.child_id, "interview", interview.id)
    return _check_page(interview, form)


def _zone(interview: Interview):
    """The owning team's wall clock, in which the officer types when the check was done."""
    from rhi_assistant.services.episodes import local_zone

    return local_zone(interview.episode.child.team_id)


@bp.route("/interviews/<int:interview_id>/prepare")
@login_required_keeping_answer
def prepare(interview_id: int):
    """Before the RHI: what we already know, for the practitioner's eyes only.

    Never shown on a question page: the child tells their own story, and does
    not hear the police account read back to them.
    """
    interview = interview_or_404(interview_id)
    if interview.kind != "rhi":
        abort(404)
    _writer(interview)
    audit.record("view_rhi_preparation", interview.episode.child_id, "interview", interview.id)
    return render_template("interview/prepare.html", interview=interview,
                           episode=interview.episode, child=interview.episode.child,
                           checks=service.what_we_already_know(interview))


def _add_view(answer: Answer | None) -> dict[str, Any]:
    """What the panel's "add an indicator" form shows: its labels, from the form class so the
    page and the post's checks say the same, and the notes' sentences to quote. The form
    itself is built only to check a post (`_add_form`): building it to draw the panel cost
    every question page and every autosave for three labels."""
    return {
        "indicator_label": AddIndicatorForm.indicator.args[0],
        "window_label": AddIndicatorForm.window.args[0],
        "evidence_label": AddIndicatorForm.evidence.args[0],
        "evidence": [s.text for s in sentences(answer.text if answer else "")],
    }


def _add_form(answer: Answer | None = None) -> AddIndicatorForm:
    """The add form; its evidence is one of the notes' sentences, never typed afresh."""
    form = AddIndicatorForm(prefix="add")
    form.indicator.choices = vocabulary.choices()
    form.evidence.choices = [(s.text, s.text) for s in sentences(answer.text if answer else "")]
    return form


def _suggestion_view(answer) -> list[dict]:
    if answer is None:
        return []
    text = answer.text or ""
    rows = []
    for s in sorted(answer.suggestions, key=lambda s: (s.start or 0, s.id or 0)):
        has_span = s.start is not None and s.end is not None and text[s.start : s.end] == s.evidence
        rows.append(
            {
                "s": s,
                "label": vocabulary.label(s.indicator),
                "concerns": [labels.concern_label(c) for c in vocabulary.concerns(s.indicator)],
                "window": labels.window_label(s.window or vocabulary.Window.RECENT),
                "before": text[max(0, s.start - 60) : s.start] if has_span else "",
                "after": text[s.end : s.end + 60] if has_span else "",
                "decide_url": url_for("interview.decide", interview_id=answer.interview_id,
                                      suggestion_id=s.id),
            }
        )
    return rows


_SENTENCE_END = re.compile(r"[.!?]+(?=\s)|\n")


def _unsure_view(text: str | None, unsure: tuple[nlp.Finding, ...]) -> list[dict[str, Any]]:
    """The child's unsure disclosures, one row per sentence of the notes, with what the
    sentence may be about and the words read marked in it (whole sentences, so the worker
    reads the child's doubt as it was noted, not a fragment)."""
    text = text or ""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    rows: dict[tuple[int, int], dict[str, Any]] = {}
    for f in unsure:
        if text[f.start : f.end] != f.evidence:
            key = (-1, len(rows))  # notes changed since the reading: the words alone
            rows[key] = {"labels": [vocabulary.label(f.indicator)],
                         "parts": [(f.evidence, True)]}
            continue
        start = max((e for e in ends if e <= f.start), default=0)
        end = min((e for e in ends if e >= f.end), default=len(text))
        row = rows.setdefault((start, end), {"labels": [], "spans": []})
        label = vocabulary.label(f.indicator)
        if label not in row["labels"]:
            row["labels"].append(label)
        row["spans"].append((f.start, f.end))
    for (start, end), row in rows.items():
        if start < 0:
            continue
        parts: list[tuple[str, bool]] = []
        at = start
        for s, e in sorted(row.pop("spans")):
            if e <= at:
                continue
            s = max(s, at)
            parts += [(text[at:s], False), (text[s:e], True)]
            at = e
        parts.append((text[at:end], False))
        row["parts"] = [(t.lstrip() if i == 0 else t.rstrip() if i == len(parts) - 1 else t, m)
                        for i, (t, m) in enumerate(parts) if t.strip() or m]
    return list(rows.values())


@bp.route("/interviews/<int:interview_id>/pages/<page_id>/autosave", methods=["POST"])
@login_required_keeping_answer
def autosave(interview_id: int, page_id: str):
    """Saves words while they are typed; returns the refreshed suggestions for live display."""
    interview = interview_to_run_or_404(interview_id)
    page = _page_or_404(interview, page_id)
    _writer(interview)
    if page.kind not in ("notes", "text"):
        abort(400)
    notes = request.form.get("notes", "")
    if len(notes) > 20000:
        abort(400)
    answer = service.save_answer(interview, page, current_user.id, text=notes, draft=True)
    html = render_template(
        "interview/_suggestions.html",
        interview=interview,
        page=page,
        answer=answer,
        **_beside_the_notes(interview, page, answer),
    )
    return jsonify(saved=True, at=answer.updated_at.isoformat(), suggestions_html=html)


@bp.route("/interviews/<int:interview_id>/suggestions/<int:suggestion_id>", methods=["POST"])
@login_required_keeping_answer
def decide(interview_id: int, suggestion_id: int):
    interview = interview_or_404(interview_id)
    _writer()
    suggestion = db.session.get(Suggestion, suggestion_id)
    if suggestion is None or suggestion.answer.interview_id != interview.id:
        abort(404)
    form = DecisionForm()
    if not form.validate_on_submit() or form.decision.data not in (
        SuggestionStatus.CONFIRMED, SuggestionStatus.REJECTED, SuggestionStatus.SUGGESTED
    ):
        abort(400)
    page_id, detail = suggestion.answer.page_id, f"{suggestion.indicator}:{form.decision.data}"
    if suggestion.status == SuggestionStatus.ADDED:
        # Undoing an indicator the practitioner added takes it away, as undo does a decision.
        if form.decision.data != SuggestionStatus.SUGGESTED:
            abort(400)
        audit.record("withdraw_added_indicator", interview.episode.child_id, "suggestion",
                     suggestion.id, detail=suggestion.indicator)
        service.withdraw_added(suggestion)
        flash(_("The indicator you added was taken away."))
    else:
        service.decide(suggestion, current_user.id, form.decision.data, form.reason.data)
        audit.record("decide_suggestion", interview.episode.child_id, "suggestion",
                     suggestion.id, detail=detail)
    back = request.args.get("next")
    if back == "review":
        return redirect(url_for("interview.review", interview_id=interview.id))
    return redirect(url_for("interview.page", interview_id=interview.id,
                            page_id=page_id) + "#suggestions")


@bp.route("/interviews/<int:interview_id>/pages/<page_id>/indicators", methods=["POST"])
@login_required_keeping_answer
def add_indicator(interview_id: int, page_id: str):
    interview = interview_or_404(interview_id)
    page = _page_or_404(interview, page_id)
    _writer()
    answer = interview.answer_for(page.id)
    form = _add_form(answer)
    if answer is None or not form.validate_on_submit():
        flash(_("Save the notes first, then add an indicator."))
    else:
        try:
            s = service.add_indicator(answer, current_user.id, form.indicator.data,
                                      form.window.data, form.evidence.data)
        except service.EvidenceNotInNotes:
            flash(_("Choose the words in your notes that show the indicator. If they are not "
                    "there yet, add them to the notes and save first."))
        else:
            audit.record("add_indicator", interview.episode.child_id, "suggestion", s.id,
                         detail=s.indicator)
    return redirect(url_for("interview.page", interview_id=interview.id, page_id=page.id)
                    + "#suggestions")


QUESTION_TYPE_LABELS = {
    "invitation": "Open invitation",
    "cued_invitation": "Cued invitation",
    "directive": "Directive (wh- question about something the child said)",
    "option_posing": "Option-posing (yes/no or either/or)",
    "suggestive": "Suggestive (leading)",
}


@bp.route("/interviews/<int:interview_id>/pages/<page_id>/question-check", methods=["POST"])
@login_required_keeping_answer
def question_check(interview_id: int, page_id: str):
    """Check a question before asking it: leading ones are flagged with an open rewording."""
    interview = interview_or_404(interview_id)
    _page_or_404(interview, page_id)
    form = QuestionCheckForm()
    result = None
    if form.validate_on_submit():
        found = nlp.classify_question(form.question.data or "")
        result = {
            "question": form.question.data,
            "type": found.question_type,
            "label": QUESTION_TYPE_LABELS.get(found.question_type, found.question_type),
            "leading": found.question_type in ("option_posing", "suggestive"),
            "rewording": found.rewording,
            "reason": found.reason,
            "note": found.note,
        }
    if request.accept_mimetypes.best == "application/json":
        return jsonify(result or {}), (200 if result else 400)
    return render_template("interview/question_check.html", interview=interview,
                           page_id=page_id, form=form, result=result)


@bp.route("/interviews/<int:interview_id>/check")
@login_required_keeping_answer
def check(interview_id: int):
    interview = interview_to_run_or_404(interview_id)
    audit.record("view_check_answers", interview.episode.child_id, "interview", interview.id)
    done_form = None
    if interview.kind == "safe_and_well" and interview.completed_at is None:
        done_form = CheckDoneForm(zone=_zone(interview))
        done_form.fill_now()
    return _check_page(interview, done_form)


def _check_page(interview: Interview, done_form: CheckDoneForm | None) -> str:
    """Check your answers (and, for a safe and well check, when it was done)."""
    flow = service.flow_for(interview)
    ctx = service.context_for(interview)
    rows = []
    for section in flow.sections:
        pages = []
        for p in flow.section_route(section, ctx):
            a = interview.answer_for(p.id)
            pages.append({"page": p, "answer": a, "choice": service.choice_for(interview, p, a)})
        rows.append({"section": section, "pages": pages})
    return render_template(
        "interview/check.html",
        interview=interview,
        rows=rows,
        ctx=ctx,
        complete=flow.is_complete(ctx),
        pending=service.pending_count(interview),
        decline_states=DECLINE_STATES,
        done_form=done_form,
    )


@bp.route("/interviews/<int:interview_id>/review")
@login_required_keeping_answer
def review(interview_id: int):
    interview = interview_or_404(interview_id)
    audit.record("view_suggestions", interview.episode.child_id, "interview", interview.id)
    flow = service.flow_for(interview)
    groups = []
    for p in flow.pages:
        a = interview.answer_for(p.id)
        if a and a.suggestions:
            groups.append({"page": p, "answer": a, "suggestions": _suggestion_view(a)})
    return render_template("interview/review.html", interview=interview, groups=groups,
                           decision_form=DecisionForm())
