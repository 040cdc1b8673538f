"""Browser fixtures: the app served from a thread, Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).parent.parent))
from support import DEMO_PASSWORD, TABLET, missing

from rhi_assistant import create_app
from rhi_assistant.cli.demo import load_demo
from rhi_assistant.extensions import db

CHROMIUM = "/usr/bin/chromium"




def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        missing("Debian's chromium is not installed (scripts/test installs it)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"],
    }


_LIVE: dict = {}


@pytest.fixture
def live_app(live_server):
    """The live server's app, so a test can change its settings (e.g. CLOCK_NOW); restored after."""
    app = _LIVE["app"]
    saved = dict(app.config)
    yield app
    app.config.clear()
    app.config.update(saved)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    url = os.environ.get("RHI_TEST_DATABASE_URL") or (
        "sqlite:///" + str(tmp_path_factory.mktemp("browser") / "browser.sqlite"))
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": url})
    _LIVE["app"] = app
    with app.app_context():
        db.drop_all()
        db.create_all()
        load_demo(password=DEMO_PASSWORD)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def open_page(browser, live_server):
    """A fresh browser context at a given viewport; CSP is bypassed only so axe can be injected."""
    contexts = []

    def _open(viewport=TABLET, locale="en-GB"):
        ctx = browser.new_context(viewport=viewport, locale=locale, bypass_csp=True,
                                  has_touch=True, accept_downloads=True,
                                  base_url=live_server)
        contexts.append(ctx)
        return ctx.new_page()

    yield _open
    for ctx in contexts:
        ctx.close()
