"""Which language a page is shown in."""

from __future__ import annotations

from flask import current_app, request, session


def select_locale() -> str:
    lang = request.args.get("lang") or session.get("lang")
    if lang in current_app.config["LANGUAGES"]:
        return lang
    return "en"


RTL_LANGUAGES = {"ar"}
