"""Error pages that say what to do next and never echo the request."""

from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError


def init_errors(app: Flask) -> None:
    @app.errorhandler(403)
    def forbidden(_e):
        return render_template("errors/403.html"), 403

    @app.errorhandler(404)
    def not_found(_e):
        return render_template("errors/404.html"), 404

    @app.errorhandler(CSRFError)
    def csrf_error(_e):
        return render_template("errors/400.html"), 400

    @app.errorhandler(400)
    def bad_request(_e):
        return render_template("errors/400.html"), 400
