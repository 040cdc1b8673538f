"""Every Flask extension, created unbound and attached in the app factory."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
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
