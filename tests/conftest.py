"""Shared fixtures: a fresh app and database per test, signed-in clients, page checks."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rhi_assistant import create_app
from rhi_assistant.cli.demo import load_demo
from rhi_assistant.extensions import db

sys.path.insert(0, str(Path(__file__).parent))
from support import DEMO_PASSWORD, PageClient, fresh_g

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


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
