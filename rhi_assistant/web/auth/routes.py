"""Signing in and out, and the idle-timeout warning's "stay signed in"."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required, login_user, logout_user

from rhi_assistant import audit
from rhi_assistant.extensions import login_manager
from rhi_assistant.models import User
from rhi_assistant.passwords import check_password
from rhi_assistant.services import user_sessions
from rhi_assistant.services.accounts import (
    MIN_PASSWORD_LENGTH,
    authenticate,
    password_problem,
    set_password,
)
from rhi_assistant.web.auth.forms import ChangePasswordForm, SignInForm
from rhi_assistant.web.form_errors import add_error
from rhi_assistant.web.security import SESSION_TOKEN
from rhi_assistant.web.urls import safe_next

bp = Blueprint("auth", __name__)

login_manager.login_view = "auth.sign_in"
login_manager.login_message = None


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    # A closed account's open sessions end at its next request.
    # With the user come their server-side session row and whether words are kept for
    # them, for web.security and web.kept_words, in the same statement (kept on `g`, as
    # the session's identity map does not hold rows nobody refers to).
    signed_in = user_sessions.load(int(user_id), session.get(SESSION_TOKEN))
    g.signed_in_session = signed_in.row
    g.kept_words_waiting = signed_in.has_kept_words
    user = signed_in.user
    return user if user is not None and user.active else None


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    form = SignInForm()
    idle = session.pop("signed_out_idle", False)
    if form.validate_on_submit():
        result = authenticate(form.email.data or "", form.password.data or "",
                              request.remote_addr or "")
        if result.user is not None:
            _begin_session(result.user)
            return redirect(safe_next(request.args.get("next")) or url_for("cases.dashboard"))
        if result.wait_seconds:
            # The same words for every email, known or not: they say nothing about accounts.
            add_error(form.email, ngettext(
                "Too many attempts to sign in. Wait %(num)d second, then try again.",
                "Too many attempts to sign in. Wait %(num)d seconds, then try again.",
                result.wait_seconds))
        else:
            add_error(form.email, _("Enter a correct email address and password"))
    return render_template("auth/sign_in.html", form=form, idle=idle)


def _begin_session(user: User) -> None:
    """A fresh cookie and a fresh server-side session: nothing from before carries over."""
    session.clear()
    login_user(user)
    session[SESSION_TOKEN] = user_sessions.start(user.id)


@bp.route("/sign-out", methods=["POST"])
def sign_out():
    # Ended on the server, so a copy of this cookie elsewhere is dead too.
    user_sessions.end(session.get(SESSION_TOKEN), "signed_out")
    logout_user()
    session.clear()
    flash(_("You have signed out."))
    return redirect(url_for("auth.sign_in"))


@bp.route("/session", methods=["GET"])
def session_status():
    """Seconds left before the idle sign-out; reading it does not count as activity."""
    if not current_user.is_authenticated:
        return jsonify(signed_in=False, seconds_left=0)
    left = g.get("session_seconds_left", current_app.config["IDLE_TIMEOUT_SECONDS"])
    return jsonify(signed_in=True, seconds_left=left)


@bp.route("/session/extend", methods=["POST"])
@login_required
def extend_session():
    user_sessions.keep_alive(session.get(SESSION_TOKEN))
    if request.accept_mimetypes.best == "application/json" or request.is_json:
        return jsonify(signed_in=True, seconds_left=current_app.config["IDLE_TIMEOUT_SECONDS"])
    return redirect(safe_next(request.form.get("next")) or url_for("cases.dashboard"))


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    """Who you are signed in as, and changing your own password."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not check_password(current_user.password_hash, form.current.data or ""):
            add_error(form.current, _("Your current password is not right"))
        else:
            problem = password_problem(form.new.data or "", current_user.email)
            if problem is not None:
                add_error(form.new, _("Choose a password of at least %(n)d characters that "
                                         "is not a common one or your email address",
                                         n=MIN_PASSWORD_LENGTH))
            else:
                # Ends every session of this account, on every device, this one included;
                # the person who just proved the old password carries on in a new one.
                set_password(current_user, form.new.data or "")
                audit.record("password_changed", None, "user", current_user.id)
                _begin_session(current_user._get_current_object())
                flash(_("Your password has been changed."))
                return redirect(url_for("auth.account"))
    return render_template("auth/account.html", form=form)
