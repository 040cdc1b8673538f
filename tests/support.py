"""Test support shared by all test folders (tests are not a package): the page client and its
checks, the shared folder, and the demo records tests build on, so no test file keeps a copy."""

from __future__ import annotations

import os
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import NoReturn

import pytest
from flask import Flask, g
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from rhi_assistant import clock, create_app
from rhi_assistant.cli.demo import load_demo
from rhi_assistant.extensions import db
from rhi_assistant.models import Child, Episode, Interview, Team, User

#: When the demo data is loaded for the web tests, and the clock the `clock` fixture sets.
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
DEMO_PASSWORD = "fictional-demo-pass"  # fictional demo users in a test database
#: The project's shared folder (spec, dev sets, scorers), beside the clone here and in CI.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def missing(reason: str) -> NoReturn:
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


@contextmanager
def demo_app(overrides: dict | None = None, now: datetime | None = NOW) -> Iterator[Flask]:
    """A testing app with fresh tables and the demo data loaded at `now` (None: the real time),
    its app context held open for the test so it can use db.session.

    Holding the context makes Flask share `g` across requests, so each request starts with an
    empty `g`, as in production: no signed-in user or CSRF token leaks from one to the next."""
    app = create_app("testing", {"WTF_CSRF_ENABLED": True, **(overrides or {})})
    app.before_request_funcs.setdefault(None, []).insert(0, fresh_g)
    with app.app_context():
        db.drop_all()
        db.create_all()
        load_demo(password=DEMO_PASSWORD, now=now)
        yield app
        db.session.remove()
        db.engine.dispose()


def fresh_g() -> None:
    """Tests hold an app context open, so start each request with an empty `g`."""
    for name in list(g):
        g.pop(name)


TABLET = {"width": 820, "height": 1180}
PHONE = {"width": 390, "height": 844}


class _Page(HTMLParser):
    """What the page checks need, gathered in one pass of the standard library's parser (so a
    check does not depend on attribute order or quoting, as a regular expression would)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.titles = 0
        self.ids: Counter[str] = Counter()
        self.references: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.forms: list[tuple[dict[str, str | None], bool]] = []
        self._in_title = False
        self._svg_depth = 0
        self._form: dict[str, str | None] | None = None
        self._form_has_csrf = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id") is not None:
            self.ids[a["id"]] += 1
        if tag == "label" and a.get("for"):
            self.references.append(a["for"])
        for name in ("aria-describedby", "aria-labelledby"):
            self.references += (a.get(name) or "").split()
        if tag == "svg":
            self._svg_depth += 1
        if tag == "title" and not self._svg_depth:  # an SVG's <title> names the picture
            self._in_title = True
            self.titles += 1
        elif tag == "script":
            self.scripts.append(a)
        elif tag == "form":
            self._close_form()
            self._form, self._form_has_csrf = a, False
        elif tag == "input" and a.get("name") == "csrf_token" and a.get("value"):
            self._form_has_csrf = self._form is not None

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._svg_depth -= 1
        if tag == "title":
            self._in_title = False
        elif tag == "form":
            self._close_form()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def close(self) -> None:
        super().close()
        self._close_form()

    def _close_form(self) -> None:
        if self._form is not None:
            self.forms.append((self._form, self._form_has_csrf))
            self._form = None


def check_html(html: str, nonce: str) -> None:
    """The invariants every page shares, as GOV.UK Notify's test client checks them: one title
    with words in it; ids unique, and every label and aria-describedby/labelledby points at one
    (otherwise a screen reader reads the wrong hint, or none); a form that posts carries a CSRF
    token, and an action is never empty (the HTML standard forbids it: leave it out to post to
    the page itself); every script carries this response's CSP nonce."""
    page = _Page()
    page.feed(html)
    page.close()
    assert page.titles == 1 and page.title.strip(), f"one title with words: {page.title!r}"
    duplicates = sorted(i for i, n in page.ids.items() if n > 1)
    assert not duplicates, f"ids used more than once: {duplicates}"
    dangling = sorted(set(page.references) - set(page.ids))
    assert not dangling, f"label or aria-describedby/labelledby to no element: {dangling}"
    for form, has_csrf in page.forms:
        assert form.get("action") is None or form["action"].strip(), f"empty form action: {form}"
        if (form.get("method") or "get").lower() == "post":
            assert has_csrf, f"form posts without a CSRF token: {form}"
    for script in page.scripts:
        assert script.get("nonce") == nonce, f"script without this request's nonce: {script}"


class PageClient:
    """A test client that checks every HTML page for the invariants all pages share."""

    def __init__(self, client):
        self.client = client

    def _check(self, resp):
        if resp.mimetype == "text/html":
            csp = resp.headers["Content-Security-Policy"]
            assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
            nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
            check_html(resp.get_data(as_text=True), nonce)
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




def sign_in_browser(page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in through the form in a Playwright page, as a person would."""
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


# The demo data, as the web tests use it (they hold an app context open, so db.session works).

AFFIRMED = "She said she got into a car with two men she didn't know and they drove her to Weston."
NEGATED = "She denies taking drugs."
NOTE = f"{AFFIRMED} {NEGATED}"
DEMO_TEAM = "North Somerset Missing Children Team"


def demo_episode() -> Episode:
    """The demo child's most recent episode: she has been found and is due an RHI."""
    child = db.session.scalar(db.select(Child).filter_by(reference="NS-1001"))
    return max(child.episodes, key=lambda e: e.last_seen)


def start_interview(client: PageClient, episode_id: int) -> int:
    resp = client.post(f"/episodes/{episode_id}/interviews",
                       {"language": "en", "easy_read": "no"}, csrf_from=f"/episodes/{episode_id}")
    assert resp.status_code == 302, resp.status_code
    return int(re.search(r"/interviews/(\d+)", resp.headers["Location"]).group(1))


def make_child(reference: str, first: str, team: str = DEMO_TEAM, **fields) -> Child:
    """A fictional child (surname Test, born 1 May 2012) in the named demo team."""
    team_id = db.session.scalar(db.select(Team.id).filter_by(name=team))
    child = Child(reference=reference, team_id=team_id, first_name=first, last_name="Test",
                  date_of_birth=date(2012, 5, 1), **fields)
    db.session.add(child)
    db.session.flush()
    return child


def make_episode(child: Child, last_seen: datetime, found: datetime | None,
                 risk: str = "medium", **fields) -> Episode:
    """An episode reported missing when last seen; committed."""
    episode = Episode(child=child, last_seen=last_seen, reported_missing=last_seen, found=found,
                      police_risk=risk, **fields)
    db.session.add(episode)
    db.session.commit()
    return episode


def safe_and_well_done(episode: Episode) -> None:
    """A police safe and well check recorded, so only the RHI and actions are left to do."""
    officer = db.session.scalar(db.select(User).filter_by(email="police@example.org"))
    db.session.add(Interview(episode_id=episode.id, kind="safe_and_well", flow_id="safe_and_well",
                             conducted_by_id=officer.id, status="completed",
                             completed_at=clock.now()))
    db.session.commit()


def episode_order(html: str) -> list[int]:
    """The episode ids of the episodes list's cards, top first."""
    return [int(n) for n in re.findall(r'class="govuk-summary-card" id="episode-(\d+)"', html)]


def episode_card(html: str, episode_id: int) -> str:
    """One episode's card on the episodes list."""
    start = html.index(f'id="episode-{episode_id}"')
    end = html.find('class="govuk-summary-card"', start + 10)
    return html[start:end if end > 0 else None]


#: The databases a test that makes its own database runs on: SQLite always, and PostgreSQL
#: when the suite runs there (scripts/test sets RHI_TEST_DATABASE_URL).
DATABASE_KINDS = ["sqlite"] + (["postgresql"] if os.environ.get(
    "RHI_TEST_DATABASE_URL", "").startswith("postgresql") else [])


@contextmanager
def fresh_database(tmp_path: Path, kind: str, name: str) -> Iterator[str]:
    """A database URL nobody else uses (a new database on the suite's PostgreSQL server, or a
    SQLite file), dropped afterwards: for tests that migrate or import from scratch."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / (name + '.sqlite')}"
        return
    server = make_url(os.environ["RHI_TEST_DATABASE_URL"])
    database = f"{name}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{database}"'))
    try:
        yield server.set(database=database).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()
