"""A small per-address limit on how often the public help form can be sent.

The form is open to anyone with no account, so it needs a brake against
floods, but a real young person must never be locked out for long, and we
keep nothing that identifies them: addresses are held only in memory, as a
keyed hash, for the length of the window, and forgotten after it.

Limits are per process (each gunicorn worker keeps its own count), which is
enough to stop a script without adding a dependency or a table.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections import deque
from collections.abc import Callable


class RateLimiter:
    """At most `limit` hits per `window` seconds for each key."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._clock = clock

    @staticmethod
    def key_for(address: str | None, secret: str) -> str:
        """A keyed hash of the address, so the raw IP is never kept, even in memory."""
        return hmac.new(secret.encode(), (address or "").encode(), hashlib.sha256).hexdigest()

    def _prune(self, key: str, window: float, now: float) -> deque[float]:
        hits = self._hits.get(key, deque())
        while hits and now - hits[0] >= window:
            hits.popleft()
        if not hits:
            self._hits.pop(key, None)
        return hits

    def allowed(self, key: str, limit: int, window: float) -> bool:
        """Whether one more hit fits now (does not count it)."""
        with self._lock:
            return len(self._prune(key, window, self._clock())) < limit

    def hit(self, key: str, window: float) -> None:
        """Count one hit for this key."""
        with self._lock:
            now = self._clock()
            hits = self._prune(key, window, now)
            hits.append(now)
            self._hits[key] = hits
            # Drop keys whose window has passed, so memory stays small under a flood.
            if len(self._hits) > 10000:
                for k in list(self._hits):
                    self._prune(k, window, now)

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()
