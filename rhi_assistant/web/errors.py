"""Error pages that say what to do next, never echo the request and need no database.

Every page here must render while the database is down: it runs no query, and the
signed-in user (loaded from the database) is looked up only behind a guard. A young
person's page (/help) always shows the help numbers; a practitioner is told plainly
that what they sent was not saved.
"""

from __future__ import annotations

import secrets

from flask import Flask, g, render_template, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

from rhi_assistant.extensions import db, login_manager

# The young people's pages: no account, and a child who meets an error still needs help.
YOUNG_PEOPLE_ENDPOINTS = {"referral.start", "referral.tell_us", "referral.sent"}


def init_errors(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(_e):
        return _page(400)

    @app.errorhandler(HTTPException)
    def http_error(e: HTTPException):
        if e.code is None or e.code < 400:
            return e
        return _page(e.code)

    @app.errorhandler(SQLAlchemyError)
    def database_error(e: SQLAlchemyError):
        # The database is unreachable or refused the write: nothing was saved.
        app.logger.error("Database error on %s %s: %s", request.method, request.endpoint,
                         type(e).__name__)
        return _page(503)

    @app.errorhandler(500)
    def server_error(_e):
        return _page(500)


def _page(code: int):
    """Render the styled page for `code`, falling back to a safe shape if anything fails."""
    _guard_database()
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    young_person = request.endpoint in YOUNG_PEOPLE_ENDPOINTS or request.path.startswith("/help")
    template = f"errors/{_template_code(code)}.html"
    return render_template(template, code=code, young_person=young_person,
                           not_saved=request.method == "POST"), code


def _template_code(code: int) -> int:
    if code in (400, 403, 404, 405, 413, 429, 500, 503):
        return code
    return 400 if code < 500 else 500


def _guard_database() -> None:
    """Make sure rendering touches no database: end a broken transaction, and if the
    signed-in user cannot be loaded, show the page as to a signed-out visitor."""
    try:
        db.session.rollback()
    except SQLAlchemyError:
        pass
    try:
        current_user.is_authenticated  # noqa: B018 - loads the user now, inside the guard
    except SQLAlchemyError:
        try:
            db.session.rollback()
        except SQLAlchemyError:
            pass
        g._login_user = login_manager.anonymous_user()
