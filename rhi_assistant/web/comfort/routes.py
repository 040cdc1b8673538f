"""Text size and contrast, chosen once and kept for the session.

Stored in the session (not the user's account) because the person who needs
larger text may be the child sitting beside the worker, not the worker. The
choice becomes classes on <body>, so it works with JavaScript off.
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required
from wtforms import HiddenField, RadioField

from rhi_assistant.web.base_form import BaseForm
from rhi_assistant.web.urls import safe_next

bp = Blueprint("comfort", __name__)

TEXT_SIZES = {"normal": _l("Normal"), "large": _l("Large"), "larger": _l("Larger")}
CONTRASTS = {"standard": _l("Standard"), "high": _l("High contrast: light text on black")}


class DisplayForm(BaseForm):
    text_size = RadioField(_l("Text size"), choices=list(TEXT_SIZES.items()), default="normal")
    contrast = RadioField(_l("Colours"), choices=list(CONTRASTS.items()), default="standard")
    next = HiddenField()


def body_classes() -> str:
    """The classes base.html puts on <body> for this session's choices."""
    classes = []
    size = session.get("text_size")
    if size in ("large", "larger"):
        classes.append(f"app-text-{size}")
    if session.get("contrast") == "high":
        classes.append("app-contrast-high")
    return " ".join(classes)


@bp.app_context_processor
def _comfort_globals() -> dict:
    return {"comfort_body_classes": body_classes()}


@bp.route("/settings/display", methods=["GET", "POST"])
@login_required
def display():
    form = DisplayForm()
    if request.method == "GET":
        form.text_size.data = session.get("text_size", "normal")
        form.contrast.data = session.get("contrast", "standard")
        form.next.data = safe_next(request.args.get("next")) or ""
    if form.validate_on_submit():
        session["text_size"] = form.text_size.data
        session["contrast"] = form.contrast.data
        flash(_("Text size and colours changed."))
        return redirect(safe_next(form.next.data) or url_for("comfort.display"))
    return render_template("comfort/display.html", form=form)
