"""What is stored in clear (issue 13, point 9): every column is classified, what identifies a
child or says what they were assessed for is ciphertext in the database, the embedded SQLite
file is its owner's only, and a failed write never copies its values into an error or a log."""

from __future__ import annotations

import logging
import os
import stat
from datetime import date

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from support import NOW, demo_app, demo_episode

from rhi_assistant import create_app, crypto
from rhi_assistant.extensions import Base, db
from rhi_assistant.models import (
    Answer,
    Child,
    Interview,
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


def test_the_migration_encrypts_existing_rows_and_the_downgrade_restores_them(tmp_path):
    path = tmp_path / "m.sqlite"
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        upgrade(revision="c8e2f5a1d937")
        db.session.execute(text(
            "INSERT INTO team (id, name, agency, protocol_profile) "
            "VALUES (1, 'Fictional Team', 'Council', 'north_somerset')"))
        db.session.execute(text(
            "INSERT INTO child (id, reference, team_id, first_name, last_name, date_of_birth, "
            "ethnicity, looked_after, open_to_childrens_services, child_protection_plan, "
            "child_in_need_plan, youth_offending_service, created_at) VALUES (1, 'FT-1', 1, "
            ":first, :last, '2012-05-01', 'White British', 1, 0, 1, 0, 0, '2026-11-01 10:00')"),
            {"first": crypto.encrypt("Ann"), "last": crypto.encrypt("Test")})
        db.session.execute(text(
            "INSERT INTO episode (id, child_id, last_seen, police_risk, missing_from, "
            "placement_out_of_area, hurt_or_harmed, exploitation_concern, "
            "criminality_or_drugs_concern, contact_with_risky_persons, offending_while_missing, "
            "trafficking_concern, police_reference, police_reference_key, created_at) VALUES "
            "(1, 1, '2026-11-01 10:00', 'high', 'care', 0, 0, 1, 0, 0, 0, 0, 'sv-26 0042', "
            "'SV-260042', '2026-11-01 10:00')"))
        db.session.commit()
        upgrade(revision="e9a4c7d2b5f1")
        raw = " ".join(str(v) for v in _raw(
            "SELECT c.date_of_birth, c.ethnicity, c.looked_after, e.police_reference, "
            "e.police_reference_key, e.police_risk, e.exploitation_concern "
            "FROM child c JOIN episode e ON e.child_id = c.id"))
        for plain in ("2012", "White British", "sv-26", "SV-260042", "high"):
            assert plain not in raw
        db.session.expire_all()
        child = db.session.get(Child, 1)
        assert (child.date_of_birth, child.ethnicity, child.looked_after,
                child.child_protection_plan) == (date(2012, 5, 1), "White British", True, True)
        episode = child.episodes[0]
        assert (episode.police_risk, episode.exploitation_concern, episode.police_reference) == (
            "high", True, "sv-26 0042")
        from rhi_assistant.services.intake import children_born_on, episode_for

        assert children_born_on(1, date(2012, 5, 1)) == [child]
        assert episode_for(1, "SV-260042") is episode
        db.session.commit()
        db.session.remove()

        downgrade(revision="c8e2f5a1d937")
        assert _raw("SELECT c.date_of_birth, c.ethnicity, c.looked_after, e.police_reference, "
                    "e.police_reference_key, e.police_risk, e.exploitation_concern "
                    "FROM child c JOIN episode e ON e.child_id = c.id") == (
            "2012-05-01", "White British", 1, "sv-26 0042", "SV-260042", "high", 1)
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
