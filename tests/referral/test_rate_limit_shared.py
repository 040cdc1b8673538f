"""The /help limit counts each young person, not their proxy, and is shared by every worker.

It used to be per worker process and keyed on the TCP peer: behind a reverse proxy
every child shared one count, and anyone could hold it closed for all of them.
"""

from __future__ import annotations

import os
import uuid

from support import PageClient, demo_app, missing

from rhi_assistant import create_app
from rhi_assistant.extensions import db

FORM = "/help/tell-us"
ANSWERS = {"safe_now": "not_sure", "what_is_happening": "Someone keeps texting me.",
           "contact_by": "none"}


def send(client: PageClient, forwarded_for: str | None = None, peer: str = "10.0.0.1"):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    environ = {"REMOTE_ADDR": peer}
    token = PageClient(client.client).csrf(FORM)
    return client.client.post(FORM, data={**ANSWERS, "csrf_token": token}, headers=headers,
                              environ_overrides=environ)


def test_behind_one_trusted_proxy_each_forwarded_client_has_its_own_count() -> None:
    with demo_app({"TRUSTED_PROXIES": 1, "REFERRAL_LIMIT": 1}) as app:
        client = PageClient(app.test_client())
        assert send(client, "198.51.100.1").status_code == 302
        assert send(client, "198.51.100.1").status_code == 429
        # Another child behind the same proxy (same peer address) is not held back.
        assert send(client, "198.51.100.2").status_code == 302
        # Only the hop the proxy added counts: a client cannot pick its own address.
        assert send(client, "203.0.113.9, 198.51.100.1").status_code == 429


def test_without_trusted_proxies_the_forwarded_header_is_ignored() -> None:
    with demo_app({"REFERRAL_LIMIT": 1}) as app:
        client = PageClient(app.test_client())
        assert send(client, "198.51.100.1").status_code == 302
        # A made-up header does not buy a fresh count: the peer address is what counts.
        assert send(client, "198.51.100.2").status_code == 429
        assert send(client, None, peer="10.0.0.2").status_code == 302


def _two_apps(tmp_path, storage: str):
    settings = {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'shared.sqlite'}",
        "RATELIMIT_STORAGE_URI": storage,
        "RATELIMIT_KEY_PREFIX": f"rhi-test-{uuid.uuid4().hex}",  # this test's own counts
        "REFERRAL_LIMIT": 1,
    }
    return settings, demo_app(settings)


def test_the_limit_is_shared_by_two_app_instances_using_one_redis(tmp_path) -> None:
    url = os.environ.get("RHI_TEST_REDIS_URL")
    if not url:
        missing("RHI_TEST_REDIS_URL is not set: scripts/test starts a Redis server for this")
    settings, first_app = _two_apps(tmp_path, url)
    with first_app as first:
        second = create_app("testing", settings)  # another worker, same database and Redis
        assert send(PageClient(first.test_client())).status_code == 302
        with second.app_context():
            assert send(PageClient(second.test_client())).status_code == 429
            db.session.remove()
        # and another address is still let through on either
        assert send(PageClient(second.test_client()), peer="10.0.0.3").status_code == 302


def test_memory_counts_are_one_process_each(tmp_path) -> None:
    """What Redis is for: with the embedded default each app (worker) counts on its own."""
    settings, first_app = _two_apps(tmp_path, "memory://")
    with first_app as first:
        second = create_app("testing", settings)
        assert send(PageClient(first.test_client())).status_code == 302
        assert send(PageClient(first.test_client())).status_code == 429
        with second.app_context():
            assert send(PageClient(second.test_client())).status_code == 302
            db.session.remove()
