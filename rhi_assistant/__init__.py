"""rhi-assistant: the Return Home Interview assistant.

`create_app` is the only way in; it reads like a table of contents.
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

from rhi_assistant.config import CONFIGS


def create_app(config: str | None = None, overrides: dict | None = None) -> Flask:
    """Build the app for a named configuration, with optional overrides (used by tests)."""
    app = Flask(__name__, instance_relative_config=True)
    configure(app, config, overrides)
    trust_proxies(app)
    register_extensions(app)
    register_templates(app)
    register_security(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    return app


def configure(app: Flask, config: str | None, overrides: dict | None) -> None:
    name = config or os.environ.get("RHI_ENV", "production")
    app.config.from_object(CONFIGS[name])
    app.config.from_mapping(overrides or {})
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        if name == "production":
            raise RuntimeError("Set RHI_DATABASE_URL for production.")
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + os.path.join(
            app.instance_path, "rhi-assistant.sqlite"
        )
    # Whatever a deployment's settings say, SQL errors never carry the statement's values.
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {
        **(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {}), "hide_parameters": True}
    owner_only_sqlite(app.config["SQLALCHEMY_DATABASE_URI"])
    if not app.config.get("SECRET_KEY"):
        if name == "production":
            raise RuntimeError("Set RHI_SECRET_KEY for production.")
        app.config["SECRET_KEY"] = _dev_secret(app)
    from rhi_assistant import crypto

    key_file = app.config.get("DATA_KEY_FILE")
    create = os.path.join(app.instance_path, "data.key") if name == "development" else None
    crypto.configure(crypto.load_key(app.config.get("DATA_KEY"), key_file, create_file=create))


def owner_only_sqlite(uri: str) -> None:
    """An embedded SQLite file is created (or narrowed to) readable by its owner only.

    SQLite gives its -wal and -shm files the database file's permissions, so they follow.
    The encrypted columns keep a copied file from naming a child, but the plain ones (ids,
    times) and the blind indexes are still nobody else's to read."""
    from sqlalchemy.engine import make_url

    url = make_url(uri)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return
    if url.query.get("mode") == "memory" or url.database.startswith("file:"):
        return
    path = Path(url.database)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            part.chmod(0o600)


def _dev_secret(app: Flask) -> str:
    """A per-machine secret for the demo, kept in the instance folder, never in the code."""
    path = Path(app.instance_path) / "secret.key"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(os.urandom(32).hex())
        path.chmod(0o600)
    return path.read_text().strip()


def trust_proxies(app: Flask) -> None:
    """Behind `TRUSTED_PROXIES` reverse proxies, the client is whom they say it is.

    Without it every child behind the proxy would share the proxy's address (and one
    rate-limit count); with none configured, a client's own X-Forwarded-For is ignored.
    """
    hops = int(app.config.get("TRUSTED_PROXIES") or 0)
    if hops > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops
        )


def register_extensions(app: Flask) -> None:
    from rhi_assistant import clock
    from rhi_assistant.extensions import babel, csrf, db, login_manager, migrate
    from rhi_assistant.web.i18n import select_locale, select_timezone

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    clock.use_settings(_app_setting)


def _app_setting(key: str) -> object | None:
    """A setting of whichever app is running the request or command, for the clock."""
    from flask import current_app, has_app_context

    return current_app.config.get(key) if has_app_context() else None


def register_templates(app: Flask) -> None:
    from rhi_assistant.web.templating import init_templates

    init_templates(app)


def register_security(app: Flask) -> None:
    from rhi_assistant.web import kept_words, limits, security

    security.init_app(app)
    limits.init_limits(app)
    kept_words.init_app(app)


def register_blueprints(app: Flask) -> None:
    from rhi_assistant.web.admin.routes import bp as admin_bp
    from rhi_assistant.web.auth.routes import bp as auth_bp
    from rhi_assistant.web.cases.routes import bp as cases_bp
    from rhi_assistant.web.comfort.routes import bp as comfort_bp
    from rhi_assistant.web.interview.routes import bp as interview_bp
    from rhi_assistant.web.referral.routes import bp as referral_bp
    from rhi_assistant.web.seraf.routes import bp as seraf_bp
    from rhi_assistant.web.summary.routes import bp as summary_bp

    for bp in (auth_bp, cases_bp, comfort_bp, interview_bp, seraf_bp, summary_bp, referral_bp,
               admin_bp):
        app.register_blueprint(bp)
    from rhi_assistant.web.episodes.routes import bp as episodes_bp
    from rhi_assistant.web.figures.routes import bp as figures_bp
    from rhi_assistant.web.intake.routes import bp as intake_bp
    from rhi_assistant.web.transition.routes import bp as transition_bp
    from rhi_assistant.web.trigger_plan.routes import bp as trigger_plan_bp

    app.register_blueprint(episodes_bp)
    app.register_blueprint(transition_bp)
    app.register_blueprint(trigger_plan_bp)
    app.register_blueprint(figures_bp)
    app.register_blueprint(intake_bp)
    from rhi_assistant.web.children.routes import bp as children_bp
    from rhi_assistant.web.concerns.routes import bp as concerns_bp
    from rhi_assistant.web.exploitation.routes import bp as exploitation_bp
    from rhi_assistant.web.links.routes import bp as links_bp
    from rhi_assistant.web.missing.routes import bp as missing_bp
    from rhi_assistant.web.oversight.routes import bp as oversight_bp
    from rhi_assistant.web.places.routes import bp as places_bp
    from rhi_assistant.web.requests.routes import bp as requests_bp
    from rhi_assistant.web.sharing.routes import bp as sharing_bp

    for bp in (children_bp, missing_bp, sharing_bp, requests_bp, places_bp,
               oversight_bp, concerns_bp, exploitation_bp, links_bp):
        app.register_blueprint(bp)


def register_errorhandlers(app: Flask) -> None:
    from rhi_assistant.web.errors import init_errors

    init_errors(app)


def register_commands(app: Flask) -> None:
    from rhi_assistant.cli.accounts import teams_cli, users_cli
    from rhi_assistant.cli.demo import demo_cli
    from rhi_assistant.cli.intake import children_cli, intake_cli

    app.cli.add_command(demo_cli)
    app.cli.add_command(teams_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(intake_cli)
    app.cli.add_command(children_cli)
