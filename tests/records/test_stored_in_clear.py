"""What is stored in clear (issue 13, point 9): every column is classified, what identifies a
child or says what they were assessed for is ciphertext in the database, the embedded SQLite
file is its owner's only, and a failed write never copies its values into an error or a log."""

from __future__ import annotations

import logging
import os
import stat
from datetime import date, datetime

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from support import DATABASE_KINDS, NOW, demo_app, demo_episode, fresh_database

from rhi_assistant import create_app, crypto
from rhi_assistant.extensions import Base, db
from rhi_assistant.models import (
    Answer,
    Child,
    Interview,
    Refusal,
    SerafAssessment,
    Suggestion,
    User,
)
from rhi_assistant.models.column_classes import CLASSES, TABLE, column_classes

ENCRYPTED_TYPES = (crypto.EncryptedText, crypto.EncryptedJSON, crypto.EncryptedDate,
                   crypto.EncryptedBool, crypto.EncryptedInt)
CSV = TABLE.relative_to(TABLE.parents[2])


def _columns():
    import rhi_assistant.models  # noqa: F401 - every model registered on the metadata

    return [(table.name, column) for table in Base.metadata.sorted_tables
            for column in table.columns]


def test_every_column_has_a_class():
    classes = column_classes()
    missing = [f"{t},{c.name},<identifying|sensitive|operational>,<why plain, if it is>"
               for t, c in _columns() if (t, c.name) not in classes]
    assert not missing, (
        f"Classify these columns: add a line to {CSV} for each (identifying: names or "
        "singles out a person; sensitive: says what a child lives through or was assessed "
        "for; operational: ids, workflow codes, when a row was written). An identifying or "
        "sensitive column must be encrypted (crypto.Encrypted*) or say in the last field why "
        "it stays plain.\n" + "\n".join(missing))
    existing = {(t, c.name) for t, c in _columns()}
    stale = [f"{t},{c}" for (t, c) in classes if (t, c) not in existing]
    assert not stale, f"{CSV} classifies columns no model has; remove: {stale}"
    wrong = [f"{r.table},{r.column}: {r.kind!r}" for r in classes.values() if r.kind not in CLASSES]
    assert not wrong, f"{CSV}: the class must be one of {CLASSES}: {wrong}"


def test_identifying_and_sensitive_columns_are_encrypted_or_say_why():
    classes = column_classes()
    plain = [f"{t}.{c.name} ({classes[t, c.name].kind}, {type(c.type).__name__})"
             for t, c in _columns() if (t, c.name) in classes and classes[t, c.name].private
             and not isinstance(c.type, ENCRYPTED_TYPES) and not classes[t, c.name].plain_because]
    assert not plain, (
        "These identifying or sensitive columns are stored in clear: make each an "
        "encrypted column (crypto.EncryptedText/JSON/Date/Bool/Int, with a migration that "
        "encrypts existing rows; a query needing equality uses a blind index beside it, "
        "crypto.equality_digest), or say why it must stay plain in the last field of its "
        f"line in {CSV}:\n" + "\n".join(plain))
    needless = [f"{t}.{c.name}" for t, c in _columns() if (t, c.name) in classes
                and isinstance(c.type, ENCRYPTED_TYPES) and classes[t, c.name].plain_because]
    assert not needless, f"Encrypted, yet {CSV} says why they are plain: {needless}"


def test_the_issue_s_columns_are_encrypted():
    """The columns issue 13 found in clear, each named, so none slips back as an exception."""
    named = ["child.date_of_birth", "child.gender", "child.ethnicity", "child.languages",
             "child.address_area", "child.legal_status", "child.other_agencies",
             "episode.police_reference", "episode.placement_area", "episode.hurt_or_harmed",
             "episode.exploitation_concern", "episode.criminality_or_drugs_concern",
             "episode.contact_with_risky_persons", "episode.offending_while_missing",
             "episode.trafficking_concern", "suggestion.indicator", "seraf_assessment.ticks",
             "seraf_assessment.computed_category", "seraf_assessment.override_category",
             "seraf_assessment.worker_name", "seraf_assessment.worker_contact",
             "episode_outcome.codes_json", "rhi_refusal.reason"]
    types = {f"{t}.{c.name}": c.type for t, c in _columns()}
    assert [n for n in named if not isinstance(types[n], ENCRYPTED_TYPES)] == []


def _raw(sql: str, **params) -> tuple:
    row = db.session.execute(text(sql), params).one()
    return tuple(row)


def test_the_database_holds_no_plaintext_of_a_child_s_details_or_assessment():
    with demo_app() as app, app.app_context():
        episode = demo_episode()
        child = episode.child
        episode.police_reference = "SV-26-0042"
        episode.exploitation_concern = True
        worker = db.session.scalar(db.select(User).filter_by(email="rhi.worker@example.org"))
        interview = Interview(episode_id=episode.id, conducted_by_id=worker.id, language="ti")
        db.session.add(interview)
        db.session.flush()
        answer = Answer(interview_id=interview.id, page_id="where", text="At a friend's.")
        db.session.add(answer)
        db.session.flush()
        db.session.add(Suggestion(answer_id=answer.id, indicator="cse_older_boyfriend",
                                  status="confirmed"))
        db.session.add(SerafAssessment(
            interview_id=interview.id, assessment_date=date(2026, 11, 20),
            worker_name="Robin Fictional", worker_contact="01234 567890",
            ticks={"moderate": ["cse_older_boyfriend"]}, computed_category=3))
        db.session.commit()
        born, ethnicity = child.date_of_birth, child.ethnicity
        assert born is not None and ethnicity

        stored = _raw("SELECT date_of_birth, ethnicity, gender, languages, looked_after "
                      "FROM child WHERE id = :id", id=child.id)
        stored += _raw("SELECT police_reference, police_reference_key, exploitation_concern, "
                       "police_risk FROM episode WHERE id = :id", id=episode.id)
        stored += _raw("SELECT indicator FROM suggestion WHERE answer_id = :id", id=answer.id)
        stored += _raw("SELECT ticks, computed_category, worker_name, worker_contact "
                       "FROM seraf_assessment WHERE interview_id = :id", id=interview.id)
        stored += _raw("SELECT language FROM interview WHERE id = :id", id=interview.id)
        everything = " ".join(str(value) for value in stored)
        for plain in (born.isoformat(), str(born.year), ethnicity, "SV-26-0042",
                      "cse_older_boyfriend", "Robin", "01234", "'ti'"):
            assert plain not in everything, plain
        sealed = [stored[i] for i in (0, 1, 5, 7, 9, 10, 11, 12)]
        assert all(str(value).startswith("v1:") for value in sealed), sealed
        # ...and the app reads them back, and finds them by the blind indexes.
        db.session.expire_all()
        again = db.session.get(Child, child.id)
        assert (again.date_of_birth, again.ethnicity) == (born, ethnicity)
        from rhi_assistant.intake.references import reference_key
        from rhi_assistant.services.intake import children_born_on, episode_for

        assert again in children_born_on(again.team_id, born)
        assert episode_for(again.team_id, reference_key(" sv-26-0042")).id == episode.id


WHEN = datetime(2026, 11, 1, 10, 0)
#: The rows written before the migration, with the types the columns had then.
BEFORE = {
    "team": {"id": 1, "name": "Fictional Team", "agency": "Council",
             "protocol_profile": "north_somerset"},
    "user_account": {"id": 1, "email": "robin@example.org", "name": "Robin Fictional",
                     "password_hash": "x", "role": "rhi_worker", "team_id": 1, "active": True,
                     "created_at": WHEN},
    "child": {"id": 1, "reference": "FT-1", "team_id": 1, "date_of_birth": date(2012, 5, 1),
              "ethnicity": "White British", "looked_after": True,
              "open_to_childrens_services": False, "child_protection_plan": True,
              "child_in_need_plan": False, "youth_offending_service": False, "created_at": WHEN},
    "episode": {"id": 1, "child_id": 1, "last_seen": WHEN, "police_risk": "high",
                "missing_from": "care", "placement_out_of_area": False, "hurt_or_harmed": False,
                "exploitation_concern": True, "criminality_or_drugs_concern": False,
                "contact_with_risky_persons": False, "offending_while_missing": False,
                "trafficking_concern": False, "police_reference": "sv-26 0042",
                "police_reference_key": "SV-260042", "created_at": WHEN},
    "interview": {"id": 1, "episode_id": 1, "kind": "rhi", "flow_id": "rhi",
                  "conducted_by_id": 1, "language": "ti", "easy_read": True,
                  "status": "in_progress", "created_at": WHEN},
    "answer": {"id": 1, "interview_id": 1, "page_id": "where", "choice": "no",
               "state": "answered", "is_draft": False, "updated_at": WHEN},
    "suggestion": {"id": 1, "answer_id": 1, "indicator": "cse_older_boyfriend",
                   "assertion": "present", "match": "exact", "status": "confirmed",
                   "created_at": WHEN},
    "seraf_assessment": {"id": 1, "interview_id": 1, "assessment_date": date(2026, 11, 2),
                         "worker_name": "Robin Fictional",
                         "ticks": {"moderate": ["cse_older_boyfriend"]}, "prefilled_from": [],
                         "computed_category": 3, "score_total": 14, "status": "draft",
                         "updated_at": WHEN},
    "rhi_refusal": {"id": 1, "episode_id": 1, "reason": "parent_refused", "refused_at": WHEN,
                    "recorded_by_id": 1, "recorded_at": WHEN},
}
#: What the app reads back after the upgrade (and the downgrade restores as plain values).
PLAIN = {("child", "date_of_birth"): date(2012, 5, 1), ("child", "ethnicity"): "White British",
         ("child", "looked_after"): True, ("child", "child_protection_plan"): True,
         ("episode", "police_risk"): "high", ("episode", "exploitation_concern"): True,
         ("episode", "police_reference"): "sv-26 0042", ("interview", "language"): "ti",
         ("interview", "easy_read"): True, ("answer", "choice"): "no",
         ("suggestion", "indicator"): "cse_older_boyfriend",
         ("seraf_assessment", "ticks"): {"moderate": ["cse_older_boyfriend"]},
         ("seraf_assessment", "computed_category"): 3, ("seraf_assessment", "score_total"): 14,
         ("rhi_refusal", "reason"): "parent_refused"}


def _type_of(value: object) -> type:
    """The column type a value had before the migration."""
    for python, column in ((bool, sa.Boolean), (int, sa.Integer), (datetime, sa.DateTime),
                           (date, sa.Date), (dict, sa.JSON), (list, sa.JSON)):
        if isinstance(value, python):
            return column
    return sa.String


def _typed(table: str, row: dict) -> sa.TableClause:
    return sa.table(table, *[sa.column(n, _type_of(v)) for n, v in row.items()])


@pytest.mark.parametrize("kind", DATABASE_KINDS)
def test_the_migration_encrypts_existing_rows_and_the_downgrade_restores_them(tmp_path, kind):
    with fresh_database(tmp_path, kind, "stored_in_clear") as url:
        app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            upgrade(revision="c8e2f5a1d937")
            for table, row in BEFORE.items():
                if table == "child":  # the names were encrypted already
                    row = {**row, "first_name": crypto.encrypt("Ann"),
                           "last_name": crypto.encrypt("Test")}
                db.session.execute(_typed(table, row).insert().values(**row))
            db.session.commit()

            upgrade()  # to the head: the models read below are the latest ones
            for (table, column), value in PLAIN.items():
                stored = db.session.scalar(text(f"SELECT {column} FROM {table}"))
                assert str(stored).startswith("v1:"), (table, column, stored)
            assert "SV-260042" not in str(db.session.scalar(text(
                "SELECT police_reference_key FROM episode")))
            db.session.expire_all()
            child = db.session.get(Child, 1)
            episode = child.episodes[0]
            seraf = db.session.get(SerafAssessment, 1)
            read = {("child", n): getattr(child, n) for n in (
                "date_of_birth", "ethnicity", "looked_after", "child_protection_plan")}
            read |= {("episode", n): getattr(episode, n) for n in (
                "police_risk", "exploitation_concern", "police_reference")}
            interview = db.session.get(Interview, 1)
            read |= {("interview", "language"): interview.language,
                     ("interview", "easy_read"): interview.easy_read,
                     ("answer", "choice"): db.session.get(Answer, 1).choice,
                     ("suggestion", "indicator"): db.session.get(Suggestion, 1).indicator,
                     ("seraf_assessment", "ticks"): seraf.ticks,
                     ("seraf_assessment", "computed_category"): seraf.computed_category,
                     ("seraf_assessment", "score_total"): seraf.score_total,
                     ("rhi_refusal", "reason"): db.session.scalar(
                         db.select(Refusal.reason))}
            assert read == PLAIN
            from rhi_assistant.services.intake import children_born_on, episode_for

            assert children_born_on(1, date(2012, 5, 1)) == [child]
            assert episode_for(1, "SV-260042") is episode
            db.session.commit()
            db.session.remove()

            downgrade(revision="c8e2f5a1d937")
            for (table, column), value in PLAIN.items():
                source = sa.table(table, sa.column(column, _type_of(value)))
                assert db.session.scalar(sa.select(source.c[column])) == value, (table, column)
            assert db.session.scalar(text("SELECT police_reference_key FROM episode")) == (
                "SV-260042")
            db.session.remove()
            db.engine.dispose()


def test_an_embedded_sqlite_file_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "instance" / "rhi.sqlite"
    old = os.umask(0o022)  # a usual umask, that would leave the file readable by all
    try:
        app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
        with app.app_context():
            with db.engine.begin() as conn:
                conn.execute(text("PRAGMA journal_mode=WAL"))
            db.create_all()
            db.session.add(Child(reference="FT-1", team_id=1, first_name="Ann", last_name="Test"))
            db.session.commit()
            files = [p for p in path.parent.iterdir() if p.name.startswith("rhi.sqlite")]
            assert {p.name for p in files} >= {"rhi.sqlite", "rhi.sqlite-wal", "rhi.sqlite-shm"}
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in files}
            db.session.remove()
            db.engine.dispose()
    finally:
        os.umask(old)
    assert set(modes.values()) == {0o600}, modes


def test_a_file_made_before_is_narrowed_to_its_owner(tmp_path):
    path = tmp_path / "old.sqlite"
    path.touch(mode=0o644)
    path.chmod(0o644)
    create_app("testing", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.fixture
def no_propagation(app):
    """Errors handled as in production (logged and shown as a page), not raised to the test."""
    app.config["PROPAGATE_EXCEPTIONS"] = False
    return app


def test_a_failed_write_never_copies_its_values_into_the_error_or_the_log(no_propagation, caplog):
    app = no_propagation
    hash_marker = "$argon2id$v=19$m=65536,t=3,p=4$fictional-hash-marker"
    name_marker = "Zebedee Fictional-Marker"

    def duplicate_account():
        db.session.add(User(email="rhi.worker@example.org", name=name_marker,
                            password_hash=hash_marker, role="rhi_worker"))
        db.session.commit()
        return "saved"

    app.add_url_rule("/test-only/duplicate-account", "duplicate_account", duplicate_account)
    caplog.set_level(logging.DEBUG)
    with pytest.raises(IntegrityError) as raised:
        duplicate_account()
    db.session.rollback()
    assert hash_marker not in str(raised.value) and name_marker not in str(raised.value)
    assert "hidden" in str(raised.value)

    response = app.test_client().get("/test-only/duplicate-account")
    assert response.status_code >= 500
    logged = caplog.text + " ".join(str(r.exc_info) for r in caplog.records if r.exc_info)
    assert hash_marker not in logged and name_marker not in logged
    assert hash_marker not in response.get_data(as_text=True)
    assert NOW  # the demo data, loaded at NOW, holds the account the write collides with
