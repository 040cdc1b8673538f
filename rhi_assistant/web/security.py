"""Security headers, the per-request script nonce and the idle timeout.

Children's disclosures are on these pages: nothing is cached, nothing is
framed, scripts run only with this request's nonce, and a forgotten tablet
signs itself out.
"""

from __future__ import annotations

import secrets

from flask import Flask, Response, current_app, g, request, session
from flask_login import current_user, logout_user

from rhi_assistant.services import user_sessions

#: The Flask session key holding the server-side session's token.
SESSION_TOKEN = "sid"  # noqa: S105 (a key name, not a secret)


def init_app(app: Flask) -> None:
    # First of all: even an error page raised by an earlier hook (a CSRF failure)
    # needs this request's nonce for its scripts.
    app.before_request_funcs.setdefault(None, []).insert(0, _make_nonce)
    app.before_request(_idle_timeout)
    app.after_request(_headers)
    app.jinja_env.globals["csp_nonce"] = lambda: g.get("csp_nonce", "")


def _make_nonce() -> None:
    g.csp_nonce = secrets.token_urlsafe(16)


def _idle_timeout() -> None:
    """End the session unless the server's record of it is live; refresh its last activity.

    The cookie carries only a token; whether it still signs anyone in is decided by
    the server-side row (services.user_sessions), so a copied or replayed cookie is
    worth nothing once the session has ended on any worker. After an idle expiry the
    user is remembered in ``g.expired_user_id`` so an unsent answer can be kept as a
    draft; after a sign-out, password change or closure nothing is remembered.
    """
    if request.endpoint in ("static", None):
        return
    if not current_user.is_authenticated:
        return
    state = user_sessions.check(
        session.get(SESSION_TOKEN), current_user.id,
        current_app.config["IDLE_TIMEOUT_SECONDS"],
        # Asking how long is left is not activity.
        touch=request.endpoint != "auth.session_status",
        # Read with the user (web/auth/routes.py load_user), when it was.
        **({"row": g.signed_in_session} if "signed_in_session" in g else {}),
    )
    if state.status == "live":
        g.session_seconds_left = state.seconds_left
        return
    current_user_id = current_user.id
    if state.status == "expired":
        g.expired_user_id = current_user_id
        if request.method == "POST":
            # Keep what was being sent, for this user only (web/kept_words.py); before the
            # session is cleared, since keeping checks the post's CSRF token against it.
            from rhi_assistant.web.kept_words import keep_posted_words

            keep_posted_words(current_user_id, request)
    messages = session.get("_flashes") if state.status == "expired" else None
    logout_user()
    session.clear()
    if state.status == "expired":
        session["signed_out_idle"] = True
        if messages:  # what the person is told about their kept words survives the clear
            session["_flashes"] = messages


def _headers(response: Response) -> Response:
    nonce = g.get("csp_nonce", "")
    response.headers["Content-Security-Policy"] = "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'",
        ]
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    hsts = current_app.config.get("HSTS_SECONDS", 0)
    if hsts and current_app.config.get("SESSION_COOKIE_SECURE"):
        # Only where the service runs on HTTPS (secure cookies): a browser that once saw it
        # never again sends a worker's session over plain HTTP.
        response.headers["Strict-Transport-Security"] = f"max-age={hsts}; includeSubDomains"
    if request.endpoint != "static":
        # Every page may show a child's details: never let a browser or proxy keep one.
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    return response
