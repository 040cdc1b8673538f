"""Time the caseload pages (Episodes, Cases, Figures) on a fictional caseload of N children.

Why a script and not a timed test: timings depend on the machine, so they are measured and
reported (README "Performance"), never asserted. For each size it builds a fresh SQLite file
with the demo teams and users plus N fictional children of 3 episodes each (a mix of still
missing, found and open, overdue, closed; police risks; some interviews, refusals and
outcomes), signs the demo manager in through the Flask test client and times each page:
one warm-up request, then the best and the median of several.

    .venv/bin/python scripts/benchmark_caseload.py              # 10, 200 and 2,000 children
    .venv/bin/python scripts/benchmark_caseload.py --sizes 50 --runs 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rhi_assistant import create_app
from rhi_assistant.cli.demo import load_demo
from rhi_assistant.extensions import db
from rhi_assistant.models import (
    Child,
    Episode,
    EpisodeOutcome,
    Interview,
    Refusal,
    Team,
    User,
)

#: The clock the caseload is built around and the pages are read at.
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
PASSWORD = "fictional-benchmark-pass"  # a throwaway database's fictional user
MANAGER = "manager@example.org"
PAGES = ("/episodes", "/cases", "/figures")
FIRST = ("Alex", "Bailey", "Casey", "Drew", "Eden", "Finley", "Harley", "Jesse", "Kai", "Logan",
         "Morgan", "Nico", "Parker", "Quinn", "Riley", "Sasha", "Taylor", "Remy")
LAST = ("Ashby", "Brook", "Carver", "Dale", "Ellis", "Fenwick", "Grove", "Hollis", "Ingram",
        "Jarvis", "Kendal", "Lowe", "Marsh", "Norwood", "Oakes", "Pryce", "Rowe", "Stroud")
RISKS = ("high", "medium", "medium", "low", "no_apparent_risk")


def _latest_episode(i: int, child: Child) -> tuple[Episode, str]:
    """The child's newest episode, in one of the states a real list holds (by `i`)."""
    kind = i % 50
    risk = RISKS[i % len(RISKS)]
    if kind == 0:  # missing now, high risk
        seen = NOW - timedelta(hours=6 + i % 30)
        return Episode(child=child, last_seen=seen, reported_missing=seen, police_risk="high"), \
            "missing"
    if kind == 1:  # missing now
        seen = NOW - timedelta(hours=10 + i % 60)
        return Episode(child=child, last_seen=seen, reported_missing=seen, police_risk=risk), \
            "missing"
    if kind < 10:  # found in the last week: RHI due or overdue, checks to do
        found = NOW - timedelta(hours=2 + (i * 7) % 160)
        seen = found - timedelta(hours=5 + i % 40)
        return Episode(child=child, last_seen=seen, reported_missing=seen, found=found,
                       police_risk=risk), "recent"
    if kind < 16:  # found weeks ago, outcomes not yet authorised: still open, overdue
        found = NOW - timedelta(days=8 + i % 60)
        seen = found - timedelta(hours=12)
        return Episode(child=child, last_seen=seen, reported_missing=seen, found=found,
                       police_risk=risk), "unauthorised"
    found = NOW - timedelta(days=10 + i % 300)
    seen = found - timedelta(hours=8 + i % 24)
    return Episode(child=child, last_seen=seen, reported_missing=seen, found=found,
                   police_risk=risk), "closed"


def build_caseload(n: int) -> None:
    """N fictional children in the demo's North Somerset team, 3 episodes each."""
    team_id = db.session.scalar(db.select(Team.id).filter_by(
        name="North Somerset Missing Children Team"))
    manager = db.session.scalar(db.select(User).filter_by(email=MANAGER))
    worker = db.session.scalar(db.select(User).filter_by(email="rhi.worker@example.org"))
    for i in range(n):
        child = Child(reference=f"BM-{i:05d}", team_id=team_id,
                      first_name=FIRST[i % len(FIRST)], last_name=LAST[(i // 7) % len(LAST)],
                      date_of_birth=date(2008 + i % 9, 1 + i % 12, 1 + i % 28),
                      looked_after=i % 3 == 0, child_protection_plan=i % 11 == 0)
        db.session.add(child)
        latest, state = _latest_episode(i, child)
        anchor = latest.last_seen
        episodes = []
        for back in (2, 1):  # two earlier episodes, found and closed
            seen = anchor - timedelta(days=back * (20 + i % 50))
            episodes.append(Episode(child=child, last_seen=seen, reported_missing=seen,
                                    found=seen + timedelta(hours=9), police_risk="medium"))
        episodes.append(latest)
        db.session.add_all(episodes)
        db.session.flush()
        closed = episodes[:2] + ([latest] if state == "closed" else [])
        for ep in closed:
            db.session.add(EpisodeOutcome(episode_id=ep.id, codes=["no_further_action"],
                                          recorded_by_id=worker.id, authorised_by_id=manager.id,
                                          authorised_at=ep.found + timedelta(days=6)))
            db.session.add(Interview(episode_id=ep.id, kind="rhi", flow_id="rhi",
                                     conducted_by_id=worker.id, status="complete",
                                     created_at=ep.found + timedelta(days=2),
                                     completed_at=ep.found + timedelta(days=2, hours=1)))
        if state == "recent" and i % 3 == 0:
            db.session.add(Interview(episode_id=latest.id, kind="safe_and_well",
                                     flow_id="safe_and_well", conducted_by_id=manager.id,
                                     created_at=latest.found + timedelta(hours=1)))
        if state == "recent" and i % 4 == 0:
            db.session.add(Refusal(episode_id=latest.id, reason="child_declined",
                                   refused_at=latest.found + timedelta(hours=1),
                                   recorded_by_id=worker.id))
        if state == "unauthorised":
            db.session.add(EpisodeOutcome(episode_id=latest.id, codes=["no_further_action"],
                                          recorded_by_id=worker.id))
        if i % 200 == 199:
            db.session.commit()
    db.session.commit()


def time_pages(n: int, runs: int) -> tuple[dict[str, tuple[float, float, float, int]],
                                           dict[str, float]]:
    """{page: (best ms, median ms, best CPU ms, HTTP status)} on a fresh database of `n`
    children, and {page: ms of the first request}. CPU time (this process's) is shown too:
    on a shared machine the wall clock also counts time spent waiting for other work."""
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'caseload.sqlite'}"
        app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": url, "WTF_CSRF_ENABLED": False,
                                     "CLOCK_NOW": NOW.isoformat()})
        with app.app_context():
            db.create_all()
            load_demo(password=PASSWORD, now=NOW)
            build_caseload(n)
            db.session.remove()
        out, first = {}, {}
        with app.test_client() as client:
            resp = client.post("/sign-in", data={"email": MANAGER, "password": PASSWORD})
            if resp.status_code != 302:
                raise SystemExit(f"sign-in failed: {resp.status_code}")
            for page in PAGES:
                start = time.perf_counter()
                status = client.get(page).status_code  # warm-up (caches, templates)
                first[page] = (time.perf_counter() - start) * 1000
                times, cpu = [], []
                for _run in range(runs):
                    start, start_cpu = time.perf_counter(), time.process_time()
                    status = client.get(page).status_code
                    times.append((time.perf_counter() - start) * 1000)
                    cpu.append((time.process_time() - start_cpu) * 1000)
                out[page] = (min(times), statistics.median(times), min(cpu), status)
        with app.app_context():
            db.engine.dispose()
        return out, first


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 200, 2000],
                        help="numbers of children (3 episodes each)")
    parser.add_argument("--runs", type=int, default=5, help="timed requests per page")
    args = parser.parse_args(argv)
    print("Milliseconds per request: best / median wall clock (best CPU time)")
    print(f"{'children':>8} {'episodes':>8}  " + "  ".join(f"{p:>24}" for p in PAGES))
    firsts = []
    for n in args.sizes:
        results, first = time_pages(n, args.runs)
        cells = []
        for page in PAGES:
            best, median, cpu, status = results[page]
            note = "" if status == 200 else f" HTTP {status}"
            cells.append(f"{f'{best:.0f} / {median:.0f} ({cpu:.0f}){note}':>24}")
        print(f"{n:>8} {n * 3:>8}  " + "  ".join(cells), flush=True)
        firsts.append((n, [first[p] for p in PAGES]))
    print("First request after the caseload was built (fills the kept deadlines), ms:")
    for n, times in firsts:
        print(f"{n:>8} {n * 3:>8}  " + "  ".join(f"{t:>24.0f}" for t in times))


if __name__ == "__main__":
    main()
