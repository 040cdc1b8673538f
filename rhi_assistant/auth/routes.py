"""Signing in and out, and the idle-timeout warning's "stay signed in"."""

from __future__ import annotations

import time

from flask import (
    Blueprint,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from rhi_assistant.auth.forms import SignInForm
from rhi_assistant.extensions import db, login_manager
from rhi_assistant.models import User
from rhi_assistant.passwords import check_password
from rhi_assistant.urls import safe_next

bp = Blueprint("auth", __name__)

login_manager.login_view = "auth.sign_in"
login_manager.login_message = None


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id))


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    form = SignInForm()
    idle = session.pop("signed_out_idle", False)
    if form.validate_on_submit():
        user = db.session.scalar(db.select(User).filter_by(email=form.email.data.strip().lower()))
        if user and user.active and check_password(user.password_hash, form.password.data):
            session.clear()
            login_user(user)
            session["last_active"] = time.time()
            return redirect(safe_next(request.args.get("next")) or url_for("cases.dashboard"))
        form.email.errors.append(_("Enter a correct email address and password"))
    return render_template("auth/sign_in.html", form=form, idle=idle)


@bp.route("/sign-out", methods=["POST"])
def sign_out():
    logout_user()
    session.clear()
    flash(_("You have signed out."))
    return redirect(url_for("auth.sign_in"))


@bp.route("/session", methods=["GET"])
def session_status():
    """Seconds left before the idle sign-out; reading it does not count as activity."""
    if not current_user.is_authenticated:
        return jsonify(signed_in=False, seconds_left=0)
    timeout = current_app.config["IDLE_TIMEOUT_SECONDS"]
    left = max(0, int(timeout - (time.time() - session.get("last_active", time.time()))))
    return jsonify(signed_in=True, seconds_left=left)


@bp.route("/session/extend", methods=["POST"])
@login_required
def extend_session():
    session["last_active"] = time.time()
    if request.accept_mimetypes.best == "application/json" or request.is_json:
        return jsonify(signed_in=True, seconds_left=current_app.config["IDLE_TIMEOUT_SECONDS"])
    return redirect(safe_next(request.form.get("next")) or url_for("cases.dashboard"))
