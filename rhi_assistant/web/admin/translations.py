"""How complete and how trustworthy each language's catalogue is.

Read from the .po files themselves, so the page can never disagree with what
ships. The review status lives in the catalogue's header comment
(`# Translation-Status: ...`) because Babel keeps header comments through
`pybabel update` but drops unknown header fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po

STATUS_PREFIX = "Translation-Status:"


@dataclass(frozen=True)
class CatalogueStatus:
    code: str
    name: str
    translated: int
    fuzzy: int
    total: int
    review_status: str

    @property
    def percent(self) -> int:
        return int(100 * self.translated / self.total) if self.total else 0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.translated == self.total


def review_status(header_comment: str) -> str:
    for line in header_comment.splitlines():
        text = line.lstrip("# ").strip()
        if text.startswith(STATUS_PREFIX):
            return text[len(STATUS_PREFIX) :].strip()
    return "unknown"


def catalogue_status(po_path: Path, code: str) -> CatalogueStatus:
    with po_path.open("rb") as f:
        catalog = read_po(f, locale=code)
    messages = [m for m in catalog if m.id]
    translated = [
        m for m in messages
        if not m.fuzzy and (all(m.string) if isinstance(m.string, tuple) else bool(m.string))
    ]
    return CatalogueStatus(
        code=code,
        name=Locale.parse(code).get_display_name("en") or code,
        translated=len(translated),
        fuzzy=sum(1 for m in messages if m.fuzzy),
        total=len(messages),
        review_status=review_status(catalog.header_comment or ""),
    )


def all_statuses(translations_dir: Path, languages: list[str]) -> list[CatalogueStatus]:
    """One row per configured language other than English (the source)."""
    rows = []
    for code in languages:
        if code == "en":
            continue
        po = translations_dir / code / "LC_MESSAGES" / "messages.po"
        if po.exists():
            rows.append(catalogue_status(po, code))
        else:
            rows.append(CatalogueStatus(code, Locale.parse(code).get_display_name("en") or code,
                                        0, 0, 0, "no catalogue"))
    return rows
