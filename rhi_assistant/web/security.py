"""Security headers, the per-request script nonce and the idle timeout.

Children's disclosures are on these pages: nothing is cached, nothing is
framed, scripts run only with this request's nonce, and a forgotten tablet
signs itself out.
"""

from __future__ import annotations

import secrets
import time

from flask import Flask, Response, current_app, g, request, session
from flask_login import current_user, logout_user


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
    """Sign out after inactivity, remembering who it was so an unsent answer can be kept."""
    if request.endpoint in ("static", None):
        return
    now = time.time()
    if not current_user.is_authenticated:
        return
    last = session.get("last_active", now)
    if now - last > current_app.config["IDLE_TIMEOUT_SECONDS"]:
        g.expired_user_id = current_user.id
        logout_user()
        session.pop("last_active", None)
        session["signed_out_idle"] = True
        return
    if request.endpoint != "auth.session_status":
        session["last_active"] = now


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
