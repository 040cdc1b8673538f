"""Argon2id password hashing."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, has_app_context

_default = PasswordHasher()
# Tests and demo seeding hash many passwords: cheaper parameters, same algorithm.
_fast = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)


def _hasher() -> PasswordHasher:
    if has_app_context() and current_app.config.get("PASSWORD_HASH_FAST"):
        return _fast
    return _default


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def check_password(stored: str, password: str) -> bool:
    try:
        return _default.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
