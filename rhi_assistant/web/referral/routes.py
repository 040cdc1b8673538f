"""Young person self-referral: public pages at /help, and the duty manager's list.

The public side needs no account and keeps the child safe while they use it:
"Exit this page" on every page, help numbers before any question, nothing of
what they sent shown back after sending (someone else may pick up the phone),
a size limit on what can be posted and a per-address limit on how often.

The limit is Flask-Limiter's, counted in a store every worker shares (Redis in
production, see config RATELIMIT_STORAGE_URI), keyed on the client's address as
the trusted proxies report it (config TRUSTED_PROXIES), held only as a keyed hash.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_limiter import Limiter
from flask_login import current_user, login_required
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import RequestEntityTooLarge, TooManyRequests
from werkzeug.wrappers import Response

from rhi_assistant import audit, clock
from rhi_assistant.extensions import db
from rhi_assistant.models import Referral, Team
from rhi_assistant.vocabulary.record_labels import REFERRAL_OUTCOME_LABELS
from rhi_assistant.web.access import require_role
from rhi_assistant.web.referral.forms import MAX_SHORT, MAX_STORY, HelpForm
from rhi_assistant.web.requests.forms import NoteForm
from rhi_assistant.web.requests.routes import assign_form

bp = Blueprint("referral", __name__)

CONTACT_LABELS = {
    "text": _l("Text message"),
    "call": _l("Phone call"),
    "email": _l("Email"),
    "none": _l("Do not get in touch"),
}

# Defaults; each can be set in the app config.
DEFAULT_LIMIT = 5  # sent forms per address ...
DEFAULT_WINDOW_SECONDS = 3600  # ... per hour
# Two long answers in any script, URL-encoded (an emoji is 12 bytes), and the rest.
DEFAULT_MAX_BYTES = 256 * 1024


@bp.record_once
def _setup(state) -> None:
    """One limiter per app, and a body-size cap that applies before CSRF reads the form."""
    app = state.app
    # Its own limiter per app (storage, prefix and strategy from the app's RATELIMIT_*
    # config), so two apps in one process never share a memory count by accident.
    app.extensions["referral_limiter"] = Limiter(
        key_func=_limit_key, app=app, default_limits=[], headers_enabled=False
    )
    # App-level before_request functions (CSRF among them) run before a blueprint's,
    # and CSRF parses the body: the cap must be set first to protect that parse too.
    app.before_request_funcs.setdefault(None, []).insert(0, _cap_body_size)


def _help_limit() -> str:
    limit = current_app.config.get("REFERRAL_LIMIT", DEFAULT_LIMIT)
    window = current_app.config.get("REFERRAL_WINDOW_SECONDS", DEFAULT_WINDOW_SECONDS)
    return f"{limit} per {window} seconds"


def _was_sent(response: Response) -> bool:
    """Only a request actually sent counts: a form sent back with a mistake does not."""
    return response.status_code == 302


def _cap_body_size() -> None:
    if request.blueprint != "referral":
        return
    # CSRF's check runs before security's nonce is made: an error page it causes
    # (expired form, too big) still needs a nonce, or Exit this page's script is blocked.
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    if request.endpoint == "referral.tell_us":
        request.max_content_length = current_app.config.get(
            "REFERRAL_MAX_BYTES", DEFAULT_MAX_BYTES
        )


def _limit_key() -> str:
    """A keyed hash of the client's address, so the raw IP is never kept, even in the store."""
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, (request.remote_addr or "").encode(), hashlib.sha256).hexdigest()


@bp.errorhandler(TooManyRequests)
def _slow_down(_e):
    return render_template("referral/slow_down.html"), 429


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(_e):
    return render_template("referral/too_long.html"), 413


@bp.errorhandler(CSRFError)
def _expired(_e):
    # Nothing they typed is shown again: only a plain "try again" with the help numbers.
    return render_template("referral/try_again.html"), 400


@bp.route("/help")
def start():
    return render_template("referral/start.html")


@bp.route("/help/tell-us", methods=["GET", "POST"])
def tell_us():
    form = HelpForm()
    if request.method == "POST":
        # Flask-Limiter (see _setup) has already refused a post over the limit.
        if form.validate_on_submit():
            referral = _referral_from(form)
            db.session.add(referral)
            db.session.commit()
            if referral.urgent:
                # Not safe now: what to do this minute comes first, not "a worker will read it".
                return redirect(url_for("referral.now"))
            return redirect(url_for("referral.sent"))
    return render_template("referral/tell_us.html", form=form, max_story=MAX_STORY,
                           max_short=MAX_SHORT)


def _receiving_team_id() -> int | None:
    name = current_app.config.get("REFERRAL_TEAM")
    if not name:
        return None
    team = db.session.scalar(db.select(Team).filter_by(name=name))
    if team is None:
        # A misspelt setting must not hide a child's request: everyone's managers see it.
        current_app.logger.warning("RHI_REFERRAL_TEAM names no team; request left unassigned")
        return None
    return team.id


def _visible_to_me():
    """Managers see their own team's requests and any that no team was named for."""
    return db.or_(Referral.team_id.is_(None), Referral.team_id == current_user.team_id)


def _referral_from(form: HelpForm) -> Referral:
    # "Do not get in touch" means we keep no number, even if one was typed.
    contact = None if form.contact_by.data == "none" else (form.contact.data or "").strip()
    return Referral(
        team_id=_receiving_team_id(),
        language=str(get_locale() or "en"),
        safe_now=form.safe_now.data,
        contact_by=form.contact_by.data,
        contact_details=contact,
        what_is_happening=form.what_is_happening.data,
        safe_times=(form.safe_times.data or "").strip() or None,
        name=(form.name.data or "").strip() or None,
        anything_else=(form.anything_else.data or "").strip() or None,
    )


@bp.route("/help/sent")
def sent():
    return render_template("referral/sent.html")


@bp.route("/help/now")
def now():
    """After a young person said they are not safe now: call 999 or Childline, at once."""
    return render_template("referral/now.html")


@bp.app_context_processor
def _urgent_requests() -> dict:
    """The duty managers' menu shows how many requests say "not safe now" and wait."""

    def urgent_request_count() -> int:
        if not (current_user.is_authenticated and current_user.role == "manager"):
            return 0
        # "Safe now" is encrypted at rest, so it is read and counted here, over the
        # requests still waiting (a handful), not compared in SQL.
        waiting = db.session.scalars(
            db.select(Referral.safe_now).where(_visible_to_me(), Referral.outcome.is_(None)))
        return sum(1 for safe_now in waiting if safe_now == "no")

    return {"urgent_request_count": urgent_request_count}


# The duty manager's side.


@bp.route("/referrals")
@login_required
def referrals():
    require_role("manager")
    rows = list(db.session.scalars(
        db.select(Referral).where(_visible_to_me()).order_by(Referral.received_at.desc())))
    # Requests still waiting for an outcome first, "not safe now" first among them, newest
    # first. Sorted here: the outcome and "safe now" are encrypted at rest (a stable sort
    # keeps the newest first within each group).
    rows.sort(key=lambda r: (r.outcome is not None, r.safe_now != "no"))
    audit.record("view_referrals", None, "referral")
    return render_template("referral/list.html", referrals=rows,
                           contact_labels=CONTACT_LABELS,
                           waiting=sum(1 for r in rows if r.outcome is None),
                           urgent=sum(1 for r in rows if r.urgent),
                           outcome_labels=REFERRAL_OUTCOME_LABELS)


@bp.route("/referrals/<int:referral_id>")
@login_required
def referral(referral_id: int):
    require_role("manager")
    item = db.session.scalar(db.select(Referral).where(Referral.id == referral_id,
                                                       _visible_to_me()))
    if item is None:
        abort(404)
    if item.opened_at is None:
        item.opened_at = clock.now()
        item.opened_by_id = current_user.id
        db.session.commit()
    audit.record("view_referral", None, "referral", item.id)
    return render_template("referral/detail.html", referral=item,
                           contact_labels=CONTACT_LABELS,
                           outcome_labels=REFERRAL_OUTCOME_LABELS,
                           assign_form=assign_form(item), note_form=NoteForm())


@bp.record_once
def _limit_sending(state) -> None:
    """Put the app's limiter around the form's view (recorded after the routes, so it is there).

    A decorator at import would tie every app in the process to one limiter and store.
    """
    endpoint = "referral.tell_us"
    view = state.app.view_functions[endpoint]
    limit = state.app.extensions["referral_limiter"].limit(
        _help_limit, methods=["POST"], deduct_when=_was_sent
    )
    state.app.view_functions[endpoint] = limit(view)
