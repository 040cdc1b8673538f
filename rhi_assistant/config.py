"""Settings read from the environment, so one build runs in dev, test and production."""

from __future__ import annotations

import os
from pathlib import Path

from rhi_assistant import vocabulary

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    """Production-minded defaults; every secret comes from the environment."""

    SECRET_KEY = os.environ.get("RHI_SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("RHI_DATABASE_URL")
    # hide_parameters: an error's message (and so any log of it) never copies a statement's
    # values, which may be a child's details or a password hash (create_app enforces it).
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True, "hide_parameters": True}
    # Application-level encryption key for free-text columns: base64 of 32 bytes,
    # or a path to a key file. Never stored in the database.
    DATA_KEY = os.environ.get("RHI_DATA_KEY")
    DATA_KEY_FILE = os.environ.get("RHI_DATA_KEY_FILE")
    # Minutes of inactivity before a signed-in user is signed out.
    IDLE_TIMEOUT_SECONDS = int(os.environ.get("RHI_IDLE_TIMEOUT_SECONDS", "1200"))
    IDLE_WARNING_SECONDS = int(os.environ.get("RHI_IDLE_WARNING_SECONDS", "120"))
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env_bool("RHI_SECURE_COOKIES", True)
    REMEMBER_COOKIE_DURATION = 0
    WTF_CSRF_TIME_LIMIT = None  # tied to the session instead, so a long interview page never fails
    BABEL_DEFAULT_LOCALE = "en"
    # Only where no team is known: pages show times on the team's protocol profile's clock.
    BABEL_DEFAULT_TIMEZONE = "Europe/London"
    BABEL_TRANSLATION_DIRECTORIES = str(REPO_DIR / "translations")
    LANGUAGES = list(vocabulary.LANGUAGES)  # English first
    PROTOCOL_PROFILE = os.environ.get("RHI_PROTOCOL_PROFILE", "north_somerset")
    # SERAF scoring for a team whose protocol profile names none (and that has no
    # override of its own): the install-wide default only.
    SERAF_SCORING = os.environ.get("RHI_SERAF_SCORING", "standard")
    # The team (by name) whose duty managers receive young people's requests for help.
    # Unset: every manager of the service sees them, which suits a one-council install.
    REFERRAL_TEAM = os.environ.get("RHI_REFERRAL_TEAM")
    # Links across children: when a confirmed mention matches one in another team's child's
    # notes, that team is named to this team's managers (no child named), so the two can
    # talk under their information-sharing agreement. "0" turns this off for the service.
    LINKS_TELL_OTHER_TEAMS = os.environ.get("RHI_LINKS_TELL_OTHER_TEAMS", "1") != "0"
    LOAD_DEMO_DATA = False
    # Where rate limits count (Flask-Limiter): shared by every worker and machine in
    # production (redis://host:6379/0, with the `redis` package installed); memory:// is
    # one process's own count, enough for the embedded single-process default.
    RATELIMIT_STORAGE_URI = os.environ.get("RHI_RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_STRATEGY = "moving-window"
    RATELIMIT_KEY_PREFIX = "rhi"
    # How many reverse proxies in front of the app add X-Forwarded-For (0: none, and
    # the header is ignored, as anyone could send it).
    TRUSTED_PROXIES = int(os.environ.get("RHI_TRUSTED_PROXIES", "0"))
    # Largest request body anywhere: an unbounded post was parsed into a worker's memory.
    MAX_CONTENT_LENGTH = int(os.environ.get("RHI_MAX_CONTENT_LENGTH", str(2 * 1024 * 1024)))
    # Larger limits for pages that take files, by blueprint (web/limits.py).
    BLUEPRINT_MAX_CONTENT_LENGTH = {
        "intake": int(os.environ.get("RHI_INTAKE_MAX_CONTENT_LENGTH", str(20 * 1024 * 1024))),
    }
    # Strict-Transport-Security max-age, sent only where cookies are HTTPS-only (production).
    HSTS_SECONDS = int(os.environ.get("RHI_HSTS_SECONDS", "31536000"))


class DevConfig(Config):
    """Embedded SQLite with demo data: what `README.md`'s run command starts."""

    SESSION_COOKIE_SECURE = _env_bool("RHI_SECURE_COOKIES", False)
    REFERRAL_TEAM = os.environ.get("RHI_REFERRAL_TEAM", "North Somerset Missing Children Team")
    LOAD_DEMO_DATA = True


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-only-not-secret"  # noqa: S105 - fixed key for tests only
    SESSION_COOKIE_SECURE = False
    SQLALCHEMY_DATABASE_URI = os.environ.get("RHI_TEST_DATABASE_URL", "sqlite://")
    DATA_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="  # test key, base64 of 32 bytes
    PASSWORD_HASH_FAST = True


CONFIGS = {"production": Config, "development": DevConfig, "testing": TestConfig}
