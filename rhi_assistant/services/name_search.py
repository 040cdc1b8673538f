"""Find a team's children by name through the blind index (`models.name_search`).

Names are encrypted at rest, so SQL cannot compare them. Decrypting every child's name on
each search would grow with the caseload; searching only the page shown would miss most
children. The blind index turns a search into an indexed lookup of a few digests.
Matching is on whole words and word beginnings, after the same normalisation on both
sides (case, accents, hyphens and apostrophes), in any order: "avery jordan" finds Jordan
Avery. A reference (NS-1001) is in clear and is matched as typed.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import exists, func, insert, select

from rhi_assistant.crypto import blind_digest
from rhi_assistant.extensions import db
from rhi_assistant.models import Child
from rhi_assistant.models.name_search import ChildNameToken

#: Word beginnings at least this long are indexed, so a search can give part of a name.
MIN_PREFIX = 3
MAX_QUERY = 100


def tokens(text: str | None) -> set[str]:
    """Normalised words: no accents, case folded, split at anything but letters and digits.

    A hyphenated or apostrophed name also gives its joined form ("O'Neil" -> o, neil, oneil)."""
    if not text:
        return set()
    plain = "".join(c for c in unicodedata.normalize("NFKD", text)
                    if not unicodedata.combining(c)).casefold()
    out = set()
    for word in plain.split():
        parts = [p for p in re.split(r"[^\w]+|_", word) if p]
        out.update(parts)
        if len(parts) > 1:
            out.add("".join(parts))
    return out


def _with_prefixes(words: set[str]) -> set[str]:
    out = set(words)
    for word in words:
        out.update(word[:n] for n in range(MIN_PREFIX, len(word)))
    return out


def child_digests(child: Child) -> set[str]:
    words = tokens(child.first_name) | tokens(child.last_name) | tokens(child.preferred_name)
    return {blind_digest(t) for t in _with_prefixes(words)}


def index_missing(allowed) -> int:
    """Index children among `allowed` (a select of Child.id) recorded before the index
    existed: once for each, then a query that finds none."""
    children = db.session.scalars(select(Child).where(
        Child.id.in_(allowed), ~exists().where(ChildNameToken.child_id == Child.id))).all()
    rows = [{"child_id": c.id, "digest": d} for c in children for d in child_digests(c)]
    if rows:
        db.session.execute(insert(ChildNameToken), rows)
        db.session.commit()
    return len(children)


def matching_children(query: str, allowed) -> set[int]:
    """Ids of the children among `allowed` (a select of Child.id, the user's reach) whose
    names hold every word searched for, or whose reference is the text searched for."""
    query = query.strip()[:MAX_QUERY]
    index_missing(allowed)
    found: set[int] = set(db.session.scalars(select(Child.id).where(
        Child.id.in_(allowed), func.lower(Child.reference) == query.lower())))
    digests = {blind_digest(t) for t in tokens(query)}
    if digests:
        found.update(db.session.scalars(
            select(ChildNameToken.child_id)
            .where(ChildNameToken.digest.in_(digests), ChildNameToken.child_id.in_(allowed))
            .group_by(ChildNameToken.child_id)
            .having(func.count(func.distinct(ChildNameToken.digest)) == len(digests))))
    return found
