"""Request body limits: small everywhere, larger only where a file is uploaded.

The app-wide cap is Flask's MAX_CONTENT_LENGTH. A blueprint named in
BLUEPRINT_MAX_CONTENT_LENGTH (the police notification upload) gets its own,
set before any other hook, since CSRF's check parses the body first.
"""

from __future__ import annotations

from flask import Flask, current_app, request


def init_limits(app: Flask) -> None:
    app.before_request_funcs.setdefault(None, []).insert(0, _per_blueprint_limit)


def _per_blueprint_limit() -> None:
    limits = current_app.config.get("BLUEPRINT_MAX_CONTENT_LENGTH") or {}
    limit = limits.get(request.blueprint or "")
    if limit:
        request.max_content_length = limit
