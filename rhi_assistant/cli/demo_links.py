"""Demo links across children (fictional): three children of the North Somerset team (Skye,
Casey, Riley) share a
nickname ("Kez"), a car (a full plate in one child's notes, its first half in another's) and a
flat (two flats of one building); one child of the BCP team shares the nickname and a phone,
so each team's managers see that the other team holds a matching record."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from rhi_assistant.extensions import db
from rhi_assistant.models import Child, Team, User
from rhi_assistant.services import links

#: (child reference, days before now the notes were recorded, type, the mention as confirmed)
MENTIONS = (
    ("NS-1004", 28, "PERSON", "Kez"),
    ("NS-1004", 28, "PLATE", "WX19 KLM"),
    ("NS-1004", 28, "PLACE", "Flat 2, 14 Harbour Road, Weston-super-Mare"),
    ("NS-1004", 28, "PHONE", "07700 900118"),
    ("NS-1004", 28, "PLACE", "Weston-super-Mare"),
    ("NS-1002", 12, "PERSON", "Kezz"),
    ("NS-1002", 12, "PLATE", "WX19"),
    ("NS-1002", 12, "VEHICLE", "silver Audi A3"),
    ("NS-1003", 5, "PERSON", "KEZ"),
    ("NS-1003", 5, "PLACE", "flat 5 14 Harbour Rd"),
    ("NS-1003", 5, "VEHICLE", "grey Audi A3"),
    ("BCP-2001", 9, "PERSON", "Kez"),
    ("BCP-2001", 9, "PHONE", "+44 7700 900118"),
)


def load_demo_links(teams: dict[str, Team], now: datetime) -> None:
    """Two more children, and the confirmed mentions (idempotent with the rest)."""
    for reference, first, last, born, gender in (
            ("NS-1003", "Riley", "Shaw", date(now.year - 15, 10, 9), "Male"),
            ("NS-1004", "Skye", "Bennett", date(now.year - 14, 2, 21), "Female")):
        if db.session.scalar(db.select(Child).filter_by(reference=reference)) is None:
            db.session.add(Child(reference=reference, team_id=teams["ns_missing"].id,
                                 first_name=first, last_name=last, date_of_birth=born,
                                 gender=gender, languages="English",
                                 address_area="Weston-super-Mare"))
    db.session.flush()
    workers = {team_key: db.session.scalar(db.select(User.id).filter_by(email=email))
               for team_key, email in (("ns", "rhi.worker@example.org"),
                                       ("bcp", "other.worker@example.org"))}
    for reference, days, kind, text in MENTIONS:
        child = db.session.scalar(db.select(Child).filter_by(reference=reference))
        if child is None or links.mention_of(child, kind, text) is not None:
            continue
        user = workers["bcp" if reference.startswith("BCP") else "ns"]
        links.decide(child, kind, text, decision="confirmed", user_id=user,
                     recorded_on=(now - timedelta(days=days)).date())
