"""What a link lookup costs when a mention is confirmed, on a large fictional caseload.

Why a script and not a timed test: timings depend on the machine, so they are measured and
reported (README "Links across children"), never asserted; the number of SQL statements a
lookup runs is what the design bounds, and is printed too. It builds a fresh database (a
temporary SQLite file, or the PostgreSQL database in RHI_BENCH_DATABASE_URL, which it empties
first) with one team, N fictional children and M confirmed mentions spread over them (people,
nicknames, vehicles, plates, phones, handles and places, drawn from small pools so that many
repeat across children, as a real caseload's do), each with its blind index rows. Then, for
a sample of new mentions, it times what confirming one costs: storing it with its index rows
(`services.links.decide`) and finding its links (`services.links.links_of`), counting the SQL
statements each runs.

    .venv/bin/python scripts/benchmark_links.py                      # 10,000 and 100,000
    .venv/bin/python scripts/benchmark_links.py --children 1000 --mentions 10000 --sample 50
    RHI_BENCH_DATABASE_URL=postgresql+psycopg://... .venv/bin/python scripts/benchmark_links.py
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event, insert

from rhi_assistant import clock, create_app
from rhi_assistant.crypto import blind_digest
from rhi_assistant.extensions import db
from rhi_assistant.links import read_mention
from rhi_assistant.links.keys import index_keys
from rhi_assistant.models import Child, LinkMention, LinkMentionKey, Team
from rhi_assistant.services import links
from rhi_assistant.vocabulary import ENTITY_KINDS

#: How often each kind is confirmed, relative to the others (people and places most).
WEIGHTS = {"PERSON": 2, "PLACE": 2, "VEHICLE": 1, "PLATE": 1, "PHONE": 1, "HANDLE": 1}
GIVEN = ["Dean", "Kyle", "Jade", "Ross", "Tariq", "Callum", "Nathan", "Aaron", "Leon", "Marcus",
         "Shane", "Connor", "Reece", "Jordan", "Lewis", "Brandon", "Kieran", "Liam", "Ryan"]
FAMILY = ["Walsh", "Denton", "Parry", "Hussain", "Whitfield", "Boyce", "Cole", "Price",
          "Rees", "Marsh", "Grant", "Ferris", "Pollard", "Fletcher", "Hughes", "Shah", "Okoro"]
NICKS = ["Kez", "Tiny", "Smiler", "Big Mo", "Lil Dee", "Jonesy", "Taz", "Uncle Ray", "Bugsy",
         "Ghost", "Spider", "Deano", "Rocky", "Snoop", "Chunk"]
VEHICLES = ["silver Audi A3", "black VW Golf", "white Ford Transit", "grey Vauxhall Corsa",
            "blue Ford Focus", "red Seat Leon", "black BMW 3 Series", "white Mercedes Sprinter",
            "silver Audi", "black Golf", "white van", "a BMW"]
STREETS = ["Harbour Road", "Mill Lane", "Boundary Road", "Elm Court", "Station Road",
           "Church Street", "Victoria Avenue", "Orchard Close"]
VENUES = ["Chicken Palace", "Kingfisher Hotel", "Fox and Hounds", "Orchard Skate Park",
          "Golden Wok", "Pizza Hub", "Sunny Car Wash"]
TOWNS = ["Swindon", "Weston-super-Mare", "Bristol", "Stroud", "Bath", "Yate"]


def fictional_mention(rng: random.Random) -> tuple[str, str]:
    kind = rng.choices(ENTITY_KINDS, weights=[WEIGHTS[k] for k in ENTITY_KINDS])[0]
    if kind == "PERSON":
        pick = rng.random()
        if pick < 0.4:
            return kind, f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        return kind, rng.choice(NICKS) if pick < 0.7 else rng.choice(GIVEN)
    if kind == "PLACE":
        pick = rng.random()
        if pick < 0.4:
            return kind, f"{rng.randint(1, 80)} {rng.choice(STREETS)}, {rng.choice(TOWNS)}"
        return kind, rng.choice(VENUES) if pick < 0.7 else rng.choice(TOWNS)
    if kind == "VEHICLE":
        return kind, rng.choice(VEHICLES)
    if kind == "PLATE":
        letters = "ABCDEFGHJKLMNOPRSTUVWXY"
        plate = (rng.choice(["WX", "YD", "LK", "FH", "GX"]) + f"{rng.randint(10, 24)} "
                 + "".join(rng.choice(letters) for _ in range(3)))
        return kind, plate if rng.random() < 0.8 else plate[:4]
    if kind == "PHONE":
        return kind, f"07700 9{rng.randint(0, 2000):05d}"
    return kind, f"@{rng.choice(NICKS).lower().replace(' ', '_')}{rng.randint(1, 300)}"


def build(children: int, mentions: int, rng: random.Random) -> list[int]:
    team = Team(name="Benchmark Team", agency="Fictional Council")
    db.session.add(team)
    db.session.flush()
    db.session.execute(insert(Child), [
        {"reference": f"BM-{i:05d}", "team_id": team.id, "first_name": "Child",
         "last_name": f"Number {i}", "date_of_birth": date(2011, 1, 1)}
        for i in range(children)])
    ids = list(db.session.scalars(db.select(Child.id)))
    start = date(2026, 1, 1)
    now = clock.now()
    batch = 5000
    for at in range(0, mentions, batch):
        rows, texts = [], []
        for n in range(at, min(at + batch, mentions)):
            kind, text = fictional_mention(rng)
            texts.append((kind, text))
            rows.append({"child_id": ids[n % len(ids)], "kind": kind, "text": text,
                         "text_digest": blind_digest(f"bench|{n}"), "status": "confirmed",
                         "recorded_on": start + timedelta(days=n % 300),
                         "decided_at": now})
        first = db.session.scalar(db.select(db.func.coalesce(db.func.max(LinkMention.id), 0)))
        db.session.execute(insert(LinkMention.__table__), rows)
        keys = [{"mention_id": first + i + 1, "digest": blind_digest(k)}
                for i, (kind, text) in enumerate(texts)
                for k in index_keys(read_mention(kind, text))]
        db.session.execute(insert(LinkMentionKey), keys)
        db.session.commit()
    return ids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--children", type=int, default=10_000)
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--sample", type=int, default=200)
    args = ap.parse_args()
    url = os.environ.get("RHI_BENCH_DATABASE_URL")
    tmp = tempfile.TemporaryDirectory()
    url = url or f"sqlite:///{Path(tmp.name) / 'links.sqlite'}"
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.drop_all()
        db.create_all()
        rng = random.Random(12)
        began = time.perf_counter()
        ids = build(args.children, args.mentions, rng)
        built = time.perf_counter() - began
        keys = db.session.scalar(db.select(db.func.count()).select_from(LinkMentionKey))
        statements = [0]

        @event.listens_for(db.engine, "before_cursor_execute")
        def _count(*_args) -> None:
            statements[0] += 1

        confirm_ms, lookup_ms, confirm_q, lookup_q, found = [], [], [], [], []
        for _ in range(args.sample):
            child = db.session.get(Child, rng.choice(ids))
            kind, text = fictional_mention(rng)
            statements[0] = 0
            t0 = time.perf_counter()
            mention = links.decide(child, kind, text, decision="confirmed", user_id=None,
                                   recorded_on=date(2026, 11, 20))
            t1 = time.perf_counter()
            confirm_q.append(statements[0])
            statements[0] = 0
            result = links.links_of([mention])
            t2 = time.perf_counter()
            lookup_q.append(statements[0])
            db.session.rollback()
            confirm_ms.append((t1 - t0) * 1000)
            lookup_ms.append((t2 - t1) * 1000)
            found.append(sum(len(r.others) for r in result))

    def line(name: str, values: list[float]) -> str:
        ordered = sorted(values)
        p95 = ordered[int(0.95 * (len(ordered) - 1))]
        return (f"{name:28} median {statistics.median(values):8.1f}  p95 {p95:8.1f}  "
                f"max {max(values):8.1f}")

    engine = url.split(":", 1)[0]
    print(f"{engine}: {args.children:,} children, {args.mentions:,} mentions, {keys:,} index "
          f"rows (built in {built:.0f} s); {args.sample} confirms sampled")
    print(line("confirm (store + index) ms", confirm_ms))
    print(line("lookup (find links) ms", lookup_ms))
    print(line("confirm SQL statements", [float(q) for q in confirm_q]))
    print(line("lookup SQL statements", [float(q) for q in lookup_q]))
    print(line("other mentions found", [float(f) for f in found]))
    tmp.cleanup()


if __name__ == "__main__":
    main()
