"""Admin-only pages: the state of each language's translation."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, current_app, render_template
from flask_login import login_required

from rhi_assistant.web.access import require_role
from rhi_assistant.web.admin.translations import all_statuses

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/translations")
@login_required
def translations():
    require_role("admin")
    directory = Path(current_app.config["BABEL_TRANSLATION_DIRECTORIES"].split(";")[0])
    rows = all_statuses(directory, current_app.config["LANGUAGES"])
    return render_template("admin/translations.html", rows=rows)


# The account pages register their routes on this blueprint.
from rhi_assistant.web.admin import staff  # noqa: E402, F401
