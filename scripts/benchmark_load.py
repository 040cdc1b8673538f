"""Load benchmark: the app under gunicorn (2 workers) and N simulated practitioners.

Why: one worker's CPU is the service's limit on 2 shared cores, so the figure that
matters is worker CPU per request, with requests/s and latency beside it. It starts
gunicorn on 127.0.0.1 on a free port against a fresh temporary SQLite file (or the
PostgreSQL database in RHI_BENCH_DATABASE_URL, which it upgrades and loads demo data
into), signs each simulated user in, and has them do a realistic mix with think time
between requests: cases, an episode, an interview question page (GET), autosave and
save of the answer (POST with CSRF), the summary. Loopback only; bounded in users,
requests and seconds; it stops gunicorn and itself at the end. Prints requests/s,
p50/p95/p99 latency, errors and gunicorn workers' CPU per request (from /proc).

    .venv/bin/python scripts/benchmark_load.py --users 20 --seconds 60
    .venv/bin/python scripts/benchmark_load.py --mix answer --users 4 --seconds 40
    .venv/bin/python scripts/benchmark_load.py --app-dir /tmp/before   # another tree

``--mix answer`` does only the answer page GET and its save POST (the pair the
"analysis stored with the answer" change was for); ``--mix page-get``,
``--mix save-post`` and ``--mix autosave-post`` one of them alone, for the CPU of each;
``--mix submit`` the tablet's usual save: an autosave of the notes (leaving the text box)
and the save of the same words just after it (CPU per request is over both);
``--mix session-get`` the idle check's JSON (``/session``), the least a signed-in request
costs (server, session, user), to read the others against.
``--app-dir`` runs another checkout of the app (e.g. ``git archive e10af5f | tar -x -C
/tmp/before``) with this venv, by putting it first on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import os
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
WORKER = "rhi.worker@example.org"
MAX_USERS = 100
MAX_SECONDS = 600
NOTES = ("Said they stayed at a friend's flat in Weston and an older lad gave them a lift "
         "back. They had a new phone and did not want to say who paid for it. ")


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)
            if error:
                self.errors.append(f"{kind}: {error}")


class Browser:
    """One signed-in user: a cookie jar and a keep-alive connection, no redirects followed."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str, form: dict[str, str] | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, str, str]:
        body = urlencode(form) if form is not None else None
        hdrs = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            hdrs["Content-Type"] = "application/x-www-form-urlencoded"
        hdrs.update(headers or {})
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=hdrs)
                resp = self.conn.getresponse()
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt == 2:
                    raise
        text = resp.read().decode("utf-8", "replace")
        for cookie in resp.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return resp.status, resp.headers.get("Location", ""), text


def csrf(html: str) -> str:
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html) or re.search(
        r'name="csrf-token" content="([^"]+)"', html)
    if not found:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1)


def sign_in(b: Browser, password: str) -> str:
    _, _, html = b.request("GET", "/sign-in")
    status, _, _ = b.request("POST", "/sign-in", {"csrf_token": csrf(html), "email": WORKER,
                                                  "password": password})
    if status != 302:
        raise RuntimeError(f"sign-in gave {status}")
    _, _, html = b.request("GET", "/cases")
    return csrf(html)


@dataclass
class Targets:
    episode: str
    page: str
    summary: str | None


def discover(port: int, password: str) -> Targets:
    """Find an episode of the worker's, start an interview on it and find a notes page."""
    b = Browser(port)
    token = sign_in(b, password)
    _, _, html = b.request("GET", "/cases")
    episodes = sorted(set(re.findall(r'href="(/episodes/\d+)"', html)))
    for child in sorted(set(re.findall(r'href="(/children/\d+)"', html))):
        _, _, page = b.request("GET", child)
        episodes += sorted(set(re.findall(r'href="(/episodes/\d+)"', page)))
    if not episodes:
        raise RuntimeError("no episode links on /cases for the demo worker")
    summary = None
    for episode in episodes:
        _, _, page = b.request("GET", episode)
        found = re.search(r'href="(/summaries/\d+)"', page)
        summary = summary or (found.group(1) if found else None)
        start = re.search(r'action="(' + episode + r'/interviews)"', page)
        if start is None:
            continue
        form = dict(re.findall(r'name="(language|easy_read)"[^>]*value="([^"]*)"', page))
        form.setdefault("language", "en")
        form.setdefault("easy_read", "no")
        status, location, _ = b.request("POST", start.group(1), {"csrf_token": token, **form})
        if status != 302:
            continue
        path = location.replace(f"http://127.0.0.1:{port}", "")
        _, _, tasks = b.request("GET", path)
        for link in dict.fromkeys(re.findall(r'href="(/interviews/\d+/pages/[\w.-]+)"', tasks)):
            _, _, qpage = b.request("GET", link)
            if 'name="notes"' in qpage and "<textarea" in qpage:
                return Targets(episode, link, summary)
    raise RuntimeError("found no interview notes page to load")


def signed_in(port: int, password: str, out: list[tuple[Browser, str]], sign_ins: Stats) -> None:
    b = Browser(port)
    t0 = time.perf_counter()
    try:
        token = sign_in(b, password)
    except Exception as exc:  # one user failing to start is an error, not a crash
        sign_ins.add("sign-in", time.perf_counter() - t0, repr(exc))
        return
    sign_ins.add("sign-in", time.perf_counter() - t0, None)
    out.append((b, token))


def simulate(b: Browser, token: str, targets: Targets, mix: str, deadline: float,
             max_requests: int, think: float, stats: Stats, seed: int) -> None:
    rnd = random.Random(seed)
    if mix == "answer":
        steps = [("page GET", 1.0), ("save POST", 1.0)]
    elif mix == "submit":
        # The tablet's usual save: leaving the notes autosaves them, then the button
        # submits the very same words.
        steps = [("autosave+save", 1.0)]
    elif mix in ("page GET", "save POST", "autosave POST", "session GET"):
        steps = [(mix, 1.0)]
    else:
        steps = [("cases", 1.5), ("episode", 1.5), ("page GET", 3.0), ("autosave POST", 2.0),
                 ("save POST", 1.0), ("summary", 1.0 if targets.summary else 0.0)]
    kinds, weights = zip(*steps, strict=True)
    done = 0
    while time.monotonic() < deadline and done < max_requests:
        kind = rnd.choices(kinds, weights)[0]
        # New words on every save, as typing gives: a repeated text would only measure
        # whatever cache the analysis keeps.
        notes = NOTES * rnd.randint(1, 3) + f"Bus {rnd.randint(1, 999)} at {rnd.randint(1, 12)}."
        t0 = time.perf_counter()
        error = None
        try:
            if kind == "cases":
                status, _, _ = b.request("GET", "/cases")
                ok = status == 200
            elif kind == "episode":
                status, _, _ = b.request("GET", targets.episode)
                ok = status == 200
            elif kind == "session GET":
                status, _, _ = b.request("GET", "/session")
                ok = status == 200
            elif kind == "page GET":
                status, _, _ = b.request("GET", targets.page)
                ok = status == 200
            elif kind == "autosave POST":
                status, _, _ = b.request("POST", targets.page + "/autosave",
                                         {"csrf_token": token, "notes": notes},
                                         {"X-CSRFToken": token})
                ok = status == 200
            elif kind == "autosave+save":
                status, _, _ = b.request("POST", targets.page + "/autosave",
                                         {"csrf_token": token, "notes": notes},
                                         {"X-CSRFToken": token})
                ok = status == 200
                if ok:
                    stats.add("autosave POST", time.perf_counter() - t0, None)
                    t0 = time.perf_counter()
                    kind = "save POST"
                    status, _, _ = b.request("POST", targets.page, {
                        "csrf_token": token, "notes": notes, "action": "save"})
                    ok = status == 302
            elif kind == "save POST":
                status, _, _ = b.request("POST", targets.page, {"csrf_token": token,
                                                                "notes": notes, "action": "save"})
                ok = status == 302
            else:
                assert targets.summary is not None
                status, _, _ = b.request("GET", targets.summary)
                ok = status == 200
            if not ok:
                error = f"HTTP {status}"
        except Exception as exc:
            error = repr(exc)
        stats.add(kind, time.perf_counter() - t0, error)
        done += 1
        time.sleep(rnd.uniform(0.5, 1.5) * think)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def children_of(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(entry.name))
    return kids


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU of the processes, from /proc (clock ticks)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between requests")
    parser.add_argument("--max-requests", type=int, default=2000, help="per user")
    parser.add_argument("--mix", choices=("realistic", "answer", "submit", "page-get", "save-post",
                                          "autosave-post", "session-get"),
                        default="realistic")
    parser.add_argument("--app-dir", type=Path, default=REPO)
    args = parser.parse_args()
    users = max(1, min(args.users, MAX_USERS))
    seconds = max(1.0, min(args.seconds, MAX_SECONDS))
    app_dir = args.app_dir.resolve()

    with tempfile.TemporaryDirectory(prefix="rhi-load-") as tmp:
        url = os.environ.get("RHI_BENCH_DATABASE_URL") or f"sqlite:///{tmp}/bench.db"
        env = {
            **os.environ,
            "PYTHONPATH": str(app_dir),
            "RHI_ENV": "production",
            "RHI_DATABASE_URL": url,
            "RHI_SECRET_KEY": secrets.token_hex(32),
            "RHI_DATA_KEY": base64.b64encode(secrets.token_bytes(32)).decode(),
            "RHI_SECURE_COOKIES": "0",
        }
        cli = [sys.executable, "-c", "from rhi_assistant.cli import main; main()"]
        subprocess.run([*cli, "db", "upgrade"], cwd=app_dir, env=env, check=True,
                       capture_output=True)
        loaded = subprocess.run([*cli, "demo", "load"], cwd=app_dir, env=env, check=True,
                                capture_output=True, text=True).stdout
        password = re.search(rf"{re.escape(WORKER)}\s+password: (\S+)", loaded)
        if password is None:
            raise SystemExit(f"demo load printed no password for {WORKER}")
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
             "--timeout", "120", "wsgi:app"],
            cwd=app_dir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            for _ in range(200):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            targets = discover(port, password.group(1))
            workers = children_of(server.pid)
            # Sign everyone in first (argon2 is meant to be slow): timed, but kept out of
            # the CPU per request of the mix. Then warm both workers up (the NLP loads).
            sign_ins, browsers = Stats(), []
            starting = [threading.Thread(target=signed_in,
                                         args=(port, password.group(1), browsers, sign_ins))
                        for _ in range(users)]
            for t in starting:
                t.start()
            for t in starting:
                t.join(timeout=300)
            warm = Stats()
            for b, token in browsers[:4]:
                simulate(b, token, targets, "answer", time.monotonic() + 60, 4, 0, warm, 0)
            stats = Stats()
            deadline = time.monotonic() + seconds
            cpu0, t0 = cpu_seconds(workers), time.perf_counter()
            threads = [
                threading.Thread(target=simulate, args=(
                    b, token, targets, args.mix.replace("-get", " GET").replace("-post", " POST"),
                    deadline, args.max_requests,
                    args.think, stats, i), daemon=True)
                for i, (b, token) in enumerate(browsers)
            ]
            for t in threads:
                t.start()
                time.sleep(args.think / max(len(threads), 1))  # spread the first requests
            for t in threads:
                t.join(timeout=seconds + 120)
            wall = time.perf_counter() - t0
            cpu = cpu_seconds(workers) - cpu0
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()

    everything = [x for v in stats.latencies.values() for x in v]
    n = len(everything)
    print(f"app: {app_dir}  database: {url.split(':', 1)[0]}  users: {users}  "
          f"seconds: {seconds:g}  think: {args.think:g}s  mix: {args.mix}")
    print(f"requests: {n}  requests/s: {n / wall:.1f}  "
          f"errors: {len(stats.errors) + len(sign_ins.errors) + len(warm.errors)}")
    print(f"latency ms  p50 {pct(everything, .5) * 1000:.0f}  p95 {pct(everything, .95) * 1000:.0f}"
          f"  p99 {pct(everything, .99) * 1000:.0f}")
    print(f"worker CPU per request: {cpu / max(n, 1) * 1000:.1f} ms "
          f"({cpu:.1f} s over {len(workers)} workers)")
    for kind, values in sorted(stats.latencies.items()):
        print(f"  {kind:14} n={len(values):5}  p50 {statistics.median(values) * 1000:6.0f} ms"
              f"  p95 {pct(values, .95) * 1000:6.0f} ms")
    for kind, values in sorted(sign_ins.latencies.items()):
        print(f"  {kind:14} n={len(values):5}  p50 {statistics.median(values) * 1000:6.0f} ms"
              f"  p95 {pct(values, .95) * 1000:6.0f} ms  (before the timed mix)")
    for error in (sign_ins.errors + warm.errors + stats.errors)[:10]:
        print("  error:", error)


if __name__ == "__main__":
    main()
