"""Which language a page is shown in."""

from __future__ import annotations

from flask import current_app, request, session

from rhi_assistant.vocabulary import RTL_LANGUAGES


def select_locale() -> str:
    """The page language: a `?lang=` choice, else the one chosen before, else English.

    A valid `?lang=` is remembered in the session, so the language switcher on
    a public page (say the young person's form) keeps its choice on every page
    after it without the code passing it along. Anything not in LANGUAGES is
    ignored, never stored.
    """
    asked = request.args.get("lang")
    if asked is not None and asked in current_app.config["LANGUAGES"]:
        if session.get("lang") != asked:
            session["lang"] = asked
        return asked
    lang = session.get("lang")
    if isinstance(lang, str) and lang in current_app.config["LANGUAGES"]:
        return lang
    return "en"


def select_timezone() -> str:
    """Times are shown on the wall clock of the signed-in worker's team's protocol profile.

    Outside a request (a command, a PDF built in a test), the install's profile's.
    """
    from flask import has_request_context
    from flask_login import current_user

    from rhi_assistant import clock
    from rhi_assistant.services.episodes import team_profile

    if has_request_context() and current_user.is_authenticated:
        return clock.timezone_name(team_profile(current_user.team_id))
    return clock.timezone_name()


def text_direction(lang: str | None) -> str:
    """`rtl` for right-to-left scripts (Arabic), else `ltr`: for `dir` attributes."""
    return "rtl" if (lang or "").split("_")[0] in RTL_LANGUAGES else "ltr"
