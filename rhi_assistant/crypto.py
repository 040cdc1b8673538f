"""Application-level encryption of free-text columns.

Children's disclosures are stored with AES-GCM so that a copied database file,
a backup or a SQL console shows ciphertext only. The key lives outside the
database (environment variable or key file) and the same code runs on SQLite
and PostgreSQL.
"""

from __future__ import annotations

import base64
import hmac
import json
import os
from datetime import date as date_type
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Text
from sqlalchemy.types import TypeDecorator

_PREFIX = "v1:"
_state: dict[str, AESGCM | bytes | None] = {"aead": None, "index": None}


class MissingKeyError(RuntimeError):
    pass


def decode_key(value: str) -> bytes:
    key = base64.urlsafe_b64decode(value.strip().encode() + b"==")
    if len(key) != 32:
        raise MissingKeyError("The data key must be 32 bytes, base64 encoded.")
    return key


def load_key(key: str | None, key_file: str | None, create_file: str | None = None) -> bytes:
    """Find the key: explicit value, then key file, then (dev only) a new key file."""
    if key:
        return decode_key(key)
    if key_file and Path(key_file).exists():
        return decode_key(Path(key_file).read_text())
    if create_file:
        path = Path(create_file)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.write_text(base64.urlsafe_b64encode(os.urandom(32)).decode())
            path.chmod(0o600)
        return decode_key(path.read_text())
    raise MissingKeyError("Set RHI_DATA_KEY or RHI_DATA_KEY_FILE: free text is encrypted at rest.")


def configure(key: bytes) -> None:
    _state["aead"] = AESGCM(key)
    # A second key for blind search digests, derived so it is never the encryption key itself.
    _state["index"] = hmac.new(key, b"rhi-assistant blind search index v1", "sha256").digest()


def blind_digest(token: str) -> str:
    """A keyed digest of a normalised search token: equal tokens give equal digests, and the
    database alone (without the data key) cannot tell which token it was."""
    key = _state.get("index")
    if not isinstance(key, bytes):
        raise MissingKeyError("Encryption is not configured.")
    return hmac.new(key, token.encode("utf-8"), "sha256").hexdigest()[:32]


def _aead() -> AESGCM:
    aead = _state["aead"]
    if not isinstance(aead, AESGCM):
        raise MissingKeyError("Encryption is not configured.")
    return aead


def encrypt(plain: str) -> str:
    nonce = os.urandom(12)
    sealed = _aead().encrypt(nonce, plain.encode("utf-8"), None)
    return _PREFIX + base64.b64encode(nonce + sealed).decode("ascii")


def decrypt(stored: str) -> str:
    if not stored.startswith(_PREFIX):
        raise ValueError("Value is not in the encrypted format.")
    raw = base64.b64decode(stored[len(_PREFIX) :])
    return _aead().decrypt(raw[:12], raw[12:], None).decode("utf-8")


class EncryptedText(TypeDecorator):
    """A Text column whose contents are encrypted before they reach the database."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return encrypt(str(value))

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return decrypt(value)


class EncryptedJSON(TypeDecorator):
    """A JSON value kept as encrypted text: what is read out of a disclosure (the words
    quoted as evidence, the names in it) is as private as the disclosure itself."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return encrypt(json.dumps(value, ensure_ascii=False))

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return json.loads(decrypt(value))


class _EncryptedScalar(TypeDecorator):
    """A small value (a date, a yes/no, a number) kept as encrypted text: on its own it
    says little, next to the others it identifies a child or says what they were assessed
    for. Equal values give different ciphertexts, so SQL can compare them only with None;
    a query that needs equality uses a blind index column beside it (``blind_digest``)."""

    impl = Text
    cache_ok = True

    def _to_text(self, value) -> str:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def _from_text(self, text: str):  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return encrypt(self._to_text(value))

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return self._from_text(decrypt(value))


class EncryptedDate(_EncryptedScalar):
    """A date (of birth, of a plan) as encrypted ISO text."""

    def _to_text(self, value) -> str:
        if not isinstance(value, date_type):
            raise TypeError("EncryptedDate stores dates.")
        return value.isoformat()

    def _from_text(self, text: str):
        return date_type.fromisoformat(text)


class EncryptedBool(_EncryptedScalar):
    """A yes/no (a concern flag, a plan) as encrypted "1" or "0"."""

    def _to_text(self, value) -> str:
        return "1" if value else "0"

    def _from_text(self, text: str):
        return text == "1"


class EncryptedInt(_EncryptedScalar):
    """A number (a SERAF score or category) as encrypted decimal text."""

    def _to_text(self, value) -> str:
        return str(int(value))

    def _from_text(self, text: str):
        return int(text)


def equality_digest(kind: str, value: str | None) -> str | None:
    """The blind index of one value of one kind (``date_of_birth``, ``police_reference``):
    a query finds equal values by this digest while the value itself stays encrypted.
    The kind keeps digests of different columns apart."""
    if value is None:
        return None
    return blind_digest(f"{kind}:{value}")
