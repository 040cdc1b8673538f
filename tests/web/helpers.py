"""Small helpers shared by the web tests (imported by path: tests are not a package)."""

from __future__ import annotations

import re

from rhi_assistant.extensions import db
from rhi_assistant.models import Child, Episode

AFFIRMED = "She said she got into a car with two men she didn't know and they drove her to Weston."
NEGATED = "She denies taking drugs."
NOTE = f"{AFFIRMED} {NEGATED}"


def demo_episode() -> Episode:
    """The demo child's most recent episode: she has been found and is due an RHI."""
    child = db.session.scalar(db.select(Child).filter_by(reference="NS-1001"))
    return max(child.episodes, key=lambda e: e.last_seen)


def start_interview(client, episode_id: int) -> int:
    resp = client.post(f"/episodes/{episode_id}/interviews",
                       {"language": "en", "easy_read": "no"}, csrf_from=f"/episodes/{episode_id}")
    assert resp.status_code == 302, resp.status_code
    return int(re.search(r"/interviews/(\d+)", resp.headers["Location"]).group(1))
