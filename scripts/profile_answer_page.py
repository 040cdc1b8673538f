"""Profile the interview answer page (GET) and its save (POST) in one process.

Why: `benchmark_load.py` says how much worker CPU a request costs; this says where it
goes. It sets up the app as the benchmark does (production settings, a temporary SQLite
file, the demo data), signs the demo RHI worker in through Flask's test client, starts an
interview on the demo child's episode, and then, for each of the page GET and the save
POST and the autosave POST, prints the CPU per request, the SQL statements per request,
and cProfile's top functions (cumulative and own time). Nothing leaves the process; no
server is started.

    .venv/bin/python scripts/profile_answer_page.py                 # 100 of each, top 25
    .venv/bin/python scripts/profile_answer_page.py --requests 200 --top 40
    .venv/bin/python scripts/profile_answer_page.py --app-dir /tmp/before   # another tree
"""

from __future__ import annotations

import argparse
import base64
import cProfile
import io
import os
import pstats
import re
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORKER = "rhi.worker@example.org"
NOTES = ("Said they stayed at a friend's flat in Weston and an older lad gave them a lift "
         "back. They had a new phone and did not want to say who paid for it. ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--app-dir", type=Path, default=REPO)
    parser.add_argument("--sql", action="store_true", help="print one request's SQL statements")
    args = parser.parse_args()
    app_dir = args.app_dir.resolve()

    with tempfile.TemporaryDirectory(prefix="rhi-profile-") as tmp:
        env = {
            "RHI_ENV": "production",
            "RHI_DATABASE_URL": f"sqlite:///{tmp}/profile.db",
            "RHI_SECRET_KEY": secrets.token_hex(32),
            "RHI_DATA_KEY": base64.b64encode(secrets.token_bytes(32)).decode(),
            "RHI_SECURE_COOKIES": "0",
        }
        os.environ.update(env)
        cli = [sys.executable, "-c", "from rhi_assistant.cli import main; main()"]
        sub_env = {**os.environ, "PYTHONPATH": str(app_dir)}
        subprocess.run([*cli, "db", "upgrade"], cwd=app_dir, env=sub_env, check=True,
                       capture_output=True)
        loaded = subprocess.run([*cli, "demo", "load"], cwd=app_dir, env=sub_env, check=True,
                                capture_output=True, text=True).stdout
        password = re.search(rf"{re.escape(WORKER)}\s+password: (\S+)", loaded)
        if password is None:
            raise SystemExit(f"demo load printed no password for {WORKER}")
        sys.path.insert(0, str(app_dir))
        run(password.group(1), args.requests, args.top, args.sql)


def _token(html: str) -> str:
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    if found is None:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1)


def run(password: str, n: int, top: int, show_sql: bool = False) -> None:
    from sqlalchemy import event

    from rhi_assistant import create_app
    from rhi_assistant.extensions import db

    app = create_app()
    import rhi_assistant

    print(f"app: {Path(rhi_assistant.__file__).parent.parent}")
    client = app.test_client()
    token = _token(client.get("/sign-in").get_data(as_text=True))
    resp = client.post("/sign-in", data={"email": WORKER, "password": password,
                                         "csrf_token": token})
    assert resp.status_code == 302, resp.status_code
    cases = client.get("/cases").get_data(as_text=True)
    child = re.search(r'href="(/children/\d+)"', cases)
    assert child is not None
    page = client.get(child.group(1)).get_data(as_text=True)
    start = None
    for episode in sorted(set(re.findall(r'href="(/episodes/\d+)"', page))):
        html = client.get(episode).get_data(as_text=True)
        start = re.search(r'action="(' + episode + r'/interviews)"', html)
        if start:
            token = _token(html)
            break
    assert start is not None, "no episode to start an interview on"
    resp = client.post(start.group(1), data={"csrf_token": token, "language": "en",
                                             "easy_read": "no"})
    tasks = client.get(resp.headers["Location"]).get_data(as_text=True)
    target = None
    for link in dict.fromkeys(re.findall(r'href="(/interviews/\d+/pages/[\w.-]+)"', tasks)):
        html = client.get(link).get_data(as_text=True)
        if 'name="notes"' in html and "<textarea" in html:
            target, token = link, _token(html)
            break
    assert target is not None, "no notes page"
    # One save first, so the GET shows an answer with its suggestions, as in the benchmark.
    client.post(target, data={"csrf_token": token, "notes": NOTES, "action": "save"})

    statements = [0]
    shown: list[str] = []
    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "before_cursor_execute")
    def _count(_conn, _cursor, statement, *_args) -> None:
        statements[0] += 1
        shown.append(" ".join(statement.split())[-200:])

    def get() -> None:
        assert client.get(target).status_code == 200

    counter = [0]

    def post() -> None:
        counter[0] += 1
        notes = NOTES + f"Bus {counter[0]} at {counter[0] % 12 + 1}."
        resp = client.post(target, data={"csrf_token": token, "notes": notes, "action": "save"})
        assert resp.status_code == 302, resp.status_code
        # The save flashes a message the page GET would show; nobody follows the redirect
        # here, so drop it, or the session cookie grows with every save.
        with client.session_transaction() as session:
            session.pop("_flashes", None)

    def autosave() -> None:
        counter[0] += 1
        notes = NOTES + f"Bus {counter[0]} at {counter[0] % 12 + 1}."
        resp = client.post(target + "/autosave", data={"csrf_token": token, "notes": notes},
                           headers={"X-CSRFToken": token})
        assert resp.status_code == 200, resp.status_code

    def session_get() -> None:
        # The idle check's JSON: what every signed-in request pays before any work of its own.
        assert client.get("/session").status_code == 200

    for name, call in (("page GET", get), ("save POST", post), ("autosave POST", autosave),
                       ("session GET", session_get)):
        for _ in range(5):  # warm up
            call()
        if show_sql:
            shown.clear()
            call()
            print(f"--- {name}: {len(shown)} SQL statements ---", *shown, sep="\n")
        statements[0] = 0
        batches = []
        for _ in range(5):  # the least of 5 batches: other work on the machine only adds
            cpu = time.process_time()
            for _ in range(max(1, n // 5)):
                call()
            batches.append((time.process_time() - cpu) / max(1, n // 5))
        print(f"{name}: {min(batches) * 1000:.1f} ms CPU per request (least of 5 batches; "
              f"median {sorted(batches)[2] * 1000:.1f}), "
              f"{statements[0] / (5 * max(1, n // 5)):.1f} SQL statements per request (n={n})")
        profile = cProfile.Profile(time.process_time)  # CPU, not waiting on the disk
        profile.enable()
        for _ in range(n):
            call()
        profile.disable()
        stats = pstats.Stats(profile)
        # Python function calls do not move with other work on the machine, as CPU time does.
        print(f"{name}: {stats.total_calls / n:,.0f} Python function calls per request")
        if top <= 0:
            continue
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(order).print_stats(top)
            print(f"--- {name}, by {order} ---")
            print("\n".join(line for line in out.getvalue().splitlines()[6:] if line.strip()))


if __name__ == "__main__":
    main()
