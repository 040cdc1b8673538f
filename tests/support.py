"""Test support shared by all test folders (tests are not a package)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

#: The project's shared folder (spec, dev sets, scorers), beside the clone here and in CI.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def missing(reason: str) -> None:
    """A test that cannot run here: a failure in CI, which has everything it needs, so a check
    never passes there by not running; a skip saying why on a developer's machine."""
    if in_ci():
        pytest.fail(f"{reason} (CI must have it)", pytrace=False)
    pytest.skip(reason)


def shared_file(relative: str) -> Path:
    """`relative` inside ../shared, or the test stops through `missing`."""
    path = SHARED / relative
    if not path.exists():
        missing(f"{path} is not here: the shared folder belongs beside the clone")
    return path


def fresh_g() -> None:
    """Tests hold an app context open, so start each request with an empty `g`."""
    from flask import g

    for name in list(g):
        g.pop(name)


TABLET = {"width": 820, "height": 1180}
PHONE = {"width": 390, "height": 844}
DEMO_PASSWORD = "fictional-demo-pass"  # fictional demo users in a test database


class PageClient:
    """A test client that checks every HTML page for the invariants all pages share."""

    def __init__(self, client):
        self.client = client

    def _check(self, resp):
        if resp.mimetype == "text/html":
            html = resp.get_data(as_text=True)
            assert re.search(r"<title>[^<]+</title>", html), "page has no title"
            csp = resp.headers["Content-Security-Policy"]
            assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
            nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
            for tag in re.findall(r"<script[^>]*>", html):
                assert f'nonce="{nonce}"' in tag, f"script without this request's nonce: {tag}"
            assert resp.headers["X-Content-Type-Options"] == "nosniff"
            assert resp.headers["Referrer-Policy"] == "no-referrer"
            assert "frame-ancestors 'none'" in csp
            assert resp.headers["Cache-Control"] == "no-store"
        return resp

    def csrf(self, path: str = "/sign-in") -> str:
        html = self.client.get(path).get_data(as_text=True)
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)

    def get(self, *args, **kwargs):
        return self._check(self.client.get(*args, **kwargs))

    def post(self, path, data=None, csrf_from: str | None = None, **kwargs):
        data = dict(data or {})
        if "csrf_token" not in data:
            data["csrf_token"] = self.csrf(csrf_from or "/sign-in")
        return self._check(self.client.post(path, data=data, **kwargs))

    def sign_in(self, email: str):
        resp = self.post("/sign-in", {"email": email, "password": DEMO_PASSWORD})
        assert resp.status_code == 302, resp.get_data(as_text=True)[:500]
        return self


