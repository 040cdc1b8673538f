"""Every Flask extension, created unbound and attached in the app factory."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
# The models' base class. Flask-SQLAlchemy builds `db.Model` at run time from `Base`, so a
# type checker cannot see it; to one it is `Base`, whose typed Mapped[] columns are the same.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()


def commit_keeping_loaded_rows() -> None:
    """Commit without expiring what the request has loaded.

    Why: a plain commit expires every row the request has read, and whatever the page or
    the response touches next (the child, the interview, the signed-in user for the kept
    words) is read again from the database. What it holds is what this request read or
    wrote moments ago, so keeping it is safe; the next request starts on a fresh session
    as always. Used by the audit write (nearly every page) and the answer's save."""
    session = db.session()
    expire = session.expire_on_commit
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = expire


@event.listens_for(Engine, "connect")
def _sqlite_write_ahead_log(dbapi_connection, _record) -> None:
    """An SQLite file is written through its write-ahead log, synced on every commit.

    Why: in SQLite's default mode every commit creates, syncs and deletes a rollback
    journal besides syncing the database: about 1.3 ms of a worker's CPU and 24 ms of
    waiting per commit, paid by every page (the audit's insert) and every save. With the
    log a commit appends to one file and syncs it once (about 0.2 ms CPU, 1 ms), and
    readers do not wait for a writer. ``synchronous=FULL`` keeps a commit on the disk
    before the save is confirmed, through a crash of the machine as well as of a worker:
    nothing typed is lost. An in-memory database (the tests) answers "memory" and stays so.
    """
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    try:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:
            pass  # another worker is switching the file over this moment: it stays switched
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()
