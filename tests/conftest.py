"""Shared fixtures: a fresh app and database per test, signed-in clients, the clock, the demo
child's latest episode. Helpers that are not fixtures are in support.py."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest

from rhi_assistant import create_app
from rhi_assistant.cli.demo import load_demo
from rhi_assistant.extensions import db
from rhi_assistant.models import Episode

sys.path.insert(0, str(Path(__file__).parent))
from support import DEMO_PASSWORD, NOW, PageClient, demo_episode, fresh_g


@pytest.fixture
def app():
    app = create_app("testing")
    app.config.update(WTF_CSRF_ENABLED=True)
    # The test holds one app context open so it can use db.session; Flask then
    # shares `g` across requests. Start each request with an empty `g`, as in
    # production, so no signed-in user or CSRF token leaks from one to the next.
    app.before_request_funcs.setdefault(None, []).insert(0, fresh_g)
    with app.app_context():
        db.drop_all()
        db.create_all()
        load_demo(password=DEMO_PASSWORD, now=NOW)
        yield app
        db.session.remove()
        db.drop_all()


@pytest.fixture
def client(app):
    return PageClient(app.test_client())


@pytest.fixture
def make_client(app):
    def _make(email: str | None = None) -> PageClient:
        c = PageClient(app.test_client())
        if email:
            c.sign_in(email)
        return c

    return _make


class Clock:
    """The app's clock for one test (its CLOCK_NOW setting): starts at NOW, when the demo data
    was loaded; `set` moves it."""

    def __init__(self, app) -> None:
        self.app = app
        self.set(NOW)

    def set(self, when: datetime) -> None:
        self.app.config["CLOCK_NOW"] = when.isoformat()


@pytest.fixture
def clock(app) -> Clock:
    """Each test has its own app, so the setting needs no undoing. A file whose every test
    runs at NOW says `pytestmark = pytest.mark.usefixtures("clock")`."""
    return Clock(app)


@pytest.fixture
def episode(app) -> Episode:
    """The demo child's most recent episode (support.demo_episode)."""
    return demo_episode()
