"""Staff accounts and teams: the one place that creates, changes and protects them.

The admin pages and the `rhi-assistant users` / `teams` commands both call these
functions, so the rules (who may hold which role, what a password must be, when a
sign-in is refused) are the same however an account is made.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from rhi_assistant import audit, clock
from rhi_assistant.extensions import db
from rhi_assistant.models import AuditEvent, Team, User
from rhi_assistant.models.people import ROLES
from rhi_assistant.passwords import check_password, hash_password

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 200
# NCSC advice: throttle guessing rather than demand complexity. Five wrong passwords
# for one account in 15 minutes holds that account for the rest of the window.
FAILED_SIGN_IN_LIMIT = 5
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
    held: bool = False


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
    return changed


def set_password(user: User, password: str) -> None:
    problem = password_problem(password, user.email)
    if problem:
        raise AccountError(f"The password must be {problem}")
    user.password_hash = hash_password(password)
    db.session.commit()


def _recent_failures(user: User, now: datetime) -> int:
    return db.session.scalar(
        db.select(db.func.count(AuditEvent.id)).where(
            AuditEvent.action == "sign_in_failed",
            AuditEvent.object_type == "user",
            AuditEvent.object_id == user.id,
            AuditEvent.at >= now - FAILED_SIGN_IN_WINDOW,
        )
    ) or 0


_DUMMY_HASH: list[str] = []


def _spend_the_same_time(password: str) -> None:
    """Check against a throwaway hash so an unknown email takes as long as a known one."""
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_password(temporary_password()))
    check_password(_DUMMY_HASH[0], password)


def authenticate(email: str, password: str) -> SignInResult:
    """The user these credentials sign in, if any; failures are recorded and throttled."""
    now = clock.now()
    user = db.session.scalar(db.select(User).filter_by(email=normalise_email(email)))
    if user is None or not user.active:
        _spend_the_same_time(password)
        return SignInResult(None)
    if _recent_failures(user, now) >= FAILED_SIGN_IN_LIMIT:
        audit.record("sign_in_held", None, "user", user.id)
        return SignInResult(None, held=True)
    if not check_password(user.password_hash, password):
        audit.record("sign_in_failed", None, "user", user.id)
        return SignInResult(None)
    audit.record("sign_in", None, "user", user.id, user_id=user.id)
    return SignInResult(user)
