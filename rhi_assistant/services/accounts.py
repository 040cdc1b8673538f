"""Staff accounts and teams: the one place that creates, changes and protects them.

The admin pages and the `rhi-assistant users` / `teams` commands both call these
functions, so the rules (who may hold which role, what a password must be, when a
sign-in is refused) are the same however an account is made.
"""

from __future__ import annotations

import hashlib
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from rhi_assistant import audit, clock
from rhi_assistant.extensions import db
from rhi_assistant.models import SignInThrottle, Team, User
from rhi_assistant.models.people import ROLES
from rhi_assistant.passwords import check_password, hash_password
from rhi_assistant.services import user_sessions

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 200
# NCSC advice: throttle guessing rather than demand complexity. Failures are counted per
# email (known or not) and per client address; past the free ones each failure doubles
# the wait before that email or address is checked again. An email's wait stays short,
# so an outsider's guesses cannot keep its owner out for more than half a minute at a
# time; an address's wait grows to a quarter of an hour, so one machine cannot guess on.
FAILED_SIGN_IN_LIMIT = 5  # per email, before any wait
FAILED_SIGN_IN_LIMIT_PER_ADDRESS = 10  # an office may share one address
LONGEST_WAIT_FOR_EMAIL = timedelta(seconds=30)
LONGEST_WAIT_FOR_ADDRESS = timedelta(minutes=15)
# Failures are forgotten after this long without another.
FAILED_SIGN_IN_WINDOW = timedelta(minutes=15)
# A few passwords people choose first; length alone would let them through.
COMMON_PASSWORDS = frozenset({
    "password1234", "password12345", "password123456", "123456789012", "qwertyuiopas",
    "iloveyou1234", "letmein12345", "welcome12345", "changeme1234", "administrator",
})


class AccountError(ValueError):
    """A rule about accounts was broken; the message is safe to show to an admin."""


@dataclass(frozen=True)
class SignInResult:
    user: User | None
    #: Seconds to wait before this email or address is checked again (0: not held).
    wait_seconds: int = 0


def normalise_email(email: str) -> str:
    return email.strip().lower()


def password_problem(password: str, email: str | None = None) -> str | None:
    """Why a new password is not acceptable, or None when it is."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"at least {MIN_PASSWORD_LENGTH} characters"
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"{MAX_PASSWORD_LENGTH} characters or fewer"
    if password.lower() in COMMON_PASSWORDS:
        return "not a commonly used password"
    if email and normalise_email(password) == normalise_email(email):
        return "not the email address"
    return None


def temporary_password() -> str:
    """A one-off password an admin hands over in person; long enough to need no rules."""
    return secrets.token_urlsafe(12)


def find_team(name: str) -> Team | None:
    return db.session.scalar(db.select(Team).filter_by(name=name))


def create_team(name: str, agency: str, protocol_profile: str) -> Team:
    from rhi_assistant.protocol import list_profiles

    name = name.strip()
    if not name:
        raise AccountError("A team needs a name")
    if find_team(name) is not None:
        raise AccountError(f"A team called {name} already exists")
    if protocol_profile not in {info.name for info in list_profiles()}:
        raise AccountError(f"Unknown protocol profile {protocol_profile}")
    team = Team(name=name, agency=agency.strip(), protocol_profile=protocol_profile)
    db.session.add(team)
    db.session.commit()
    return team


def _check_role_and_team(role: str, team: Team | None) -> None:
    if role not in ROLES:
        raise AccountError(f"Unknown role {role}")
    if team is None and role != "admin":
        raise AccountError("Everyone but an admin belongs to a team")


def create_user(email: str, name: str, role: str, team: Team | None, password: str) -> User:
    email = normalise_email(email)
    if "@" not in email or len(email) > 200:
        raise AccountError("Enter an email address")
    if not name.strip():
        raise AccountError("Enter the person's name")
    if db.session.scalar(db.select(User).filter_by(email=email)) is not None:
        raise AccountError("An account with that email address already exists")
    _check_role_and_team(role, team)
    problem = password_problem(password, email)
    if problem:
        raise AccountError(f"The password must be {problem}")
    user = User(email=email, name=name.strip(), role=role, team=team,
                password_hash=hash_password(password), active=True)
    db.session.add(user)
    db.session.commit()
    return user


def change_user(user: User, *, role: str, team: Team | None, active: bool,
                acting: User | None = None) -> list[str]:
    """Apply an admin's change; returns the codes of what changed, for the audit trail."""
    _check_role_and_team(role, team)
    if acting is not None and acting.id == user.id and (role != user.role or not active):
        raise AccountError("You cannot remove your own admin role or close your own account")
    changed: list[str] = []
    if role != user.role:
        changed.append(f"role:{user.role}>{role}")
        user.role = role
    if (team.id if team else None) != user.team_id:
        changed.append(f"team:{user.team_id}>{team.id if team else None}")
        user.team = team
    if active != user.active:
        changed.append("reopened" if active else "closed")
        user.active = active
    db.session.commit()
    if not user.active:
        user_sessions.end_all(user.id, "closed")  # signed out on every device now
    return changed


def set_password(user: User, password: str) -> None:
    problem = password_problem(password, user.email)
    if problem:
        raise AccountError(f"The password must be {problem}")
    user.password_hash = hash_password(password)
    db.session.commit()
    # Whoever held a copy of a session cookie no longer holds the account.
    user_sessions.end_all(user.id, "password_changed")


_DUMMY_HASH: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_password(temporary_password()))
    return _DUMMY_HASH[0]


def _throttle_keys(email: str, address: str) -> list[tuple[str, int, timedelta]]:
    """(key, free failures, longest wait) for the email and the address of one attempt.

    The email is hashed: the table then holds no list of the emails people tried.
    """
    digest = hashlib.sha256(normalise_email(email).encode()).hexdigest()
    return [
        (f"email:{digest}", FAILED_SIGN_IN_LIMIT, LONGEST_WAIT_FOR_EMAIL),
        (f"address:{address[:80]}", FAILED_SIGN_IN_LIMIT_PER_ADDRESS, LONGEST_WAIT_FOR_ADDRESS),
    ]


def _seconds_to_wait(keys: list[str], now: datetime) -> int:
    rows = db.session.scalars(db.select(SignInThrottle).where(SignInThrottle.key.in_(keys)))
    waits = [(row.wait_until - now).total_seconds() for row in rows if row.wait_until]
    return math.ceil(max(waits, default=0))


def _count_failure(keys: list[tuple[str, int, timedelta]], now: datetime) -> None:
    """One more failure for each key; past its free ones, a doubling wait."""
    # Keys with nothing left to remember are dropped, so the table stays small.
    db.session.execute(db.delete(SignInThrottle).where(
        SignInThrottle.last_failure_at < now - FAILED_SIGN_IN_WINDOW - LONGEST_WAIT_FOR_ADDRESS))
    for key, free, longest in keys:
        row = db.session.get(SignInThrottle, key)
        if row is None:
            row = SignInThrottle(key=key, failures=0, last_failure_at=now)
            db.session.add(row)
        if now - row.last_failure_at > FAILED_SIGN_IN_WINDOW:
            row.failures = 0
        row.failures += 1
        row.last_failure_at = now
        if row.failures >= free:
            # 2**k seconds; the exponent is bounded so the number stays small.
            wait = timedelta(seconds=2 ** min(row.failures - free, 20))
            row.wait_until = now + min(wait, longest)
    db.session.commit()


def authenticate(email: str, password: str, address: str = "") -> SignInResult:
    """The user these credentials sign in, if any; failures are recorded and throttled.

    Every attempt costs one argon2 check and the same database work, whether the
    email has an account, is held, or is unknown, so neither the reply nor its time
    says which emails exist.
    """
    now = clock.wall_now()  # real seconds: a fixed CLOCK_NOW must not hold anyone for ever
    dummy = _dummy_hash()
    keys = _throttle_keys(email, address)
    user = db.session.scalar(db.select(User).filter_by(email=normalise_email(email)))
    if user is not None and not user.active:
        user = None
    wait = _seconds_to_wait([key for key, _free, _longest in keys], now)
    if wait > 0:
        check_password(dummy, password)  # not checked while held: no guess counts
        audit.record("sign_in_held", None, "user", user.id if user else None)
        return SignInResult(None, wait_seconds=wait)
    if user is None:
        check_password(dummy, password)
        _count_failure(keys, now)
        audit.record("sign_in_failed", None, "user", None)
        return SignInResult(None)
    if not check_password(user.password_hash, password):
        _count_failure(keys, now)
        audit.record("sign_in_failed", None, "user", user.id)
        return SignInResult(None)
    # The owner is in: their email's count starts again (the address's does not, so
    # an outsider cannot clear their own machine's count with an account of their own).
    db.session.execute(db.delete(SignInThrottle).where(SignInThrottle.key == keys[0][0]))
    audit.record("sign_in", None, "user", user.id, user_id=user.id)
    return SignInResult(user)
