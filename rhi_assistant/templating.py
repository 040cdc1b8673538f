"""Jinja set-up: our templates first, then the GOV.UK Frontend macros."""

from __future__ import annotations

from datetime import datetime

from flask import Flask
from flask_babel import format_date, format_datetime
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader

from rhi_assistant.i18n import RTL_LANGUAGES


def init_templates(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader(
        [
            app.jinja_loader,
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters["when"] = _when
    app.jinja_env.filters["day"] = _day

    @app.context_processor
    def _globals() -> dict:
        from flask_babel import get_locale

        locale = str(get_locale() or "en")
        return {"lang": locale, "text_dir": "rtl" if locale in RTL_LANGUAGES else "ltr"}


def _when(value: datetime | None) -> str:
    if value is None:
        return ""
    return format_datetime(value, "d MMM yyyy, HH:mm")


def _day(value) -> str:  # noqa: ANN001
    if value is None:
        return ""
    return format_date(value, "d MMMM yyyy")
