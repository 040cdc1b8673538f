"""A Babel extractor for interview flows, so flow wording is translated like any template.

Flows are data (`flows/data/*.json`), not code, so `pybabel extract` cannot
find their words with the Python or Jinja extractors. This one walks a flow
and yields every piece of text a person reads: the flow and section titles,
each page's text fields (title, prompt, hint, guidance and whatever else the
engine lists in `TEXT_FIELDS`), option labels, and the same fields inside
every variant. It walks the JSON generically, so a new flow file is covered
the moment it is added, with no change here.

Registered in `babel.cfg` (`[extractors] flow = ...`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import IO, Any

from rhi_assistant.flows.engine import TEXT_FIELDS

# Keys whose string values are words for people. Everything else (ids, kinds,
# values, conditions, tags, picture names) is machine data and never extracted.
TEXT_KEYS = frozenset(TEXT_FIELDS) | {"title", "label"}


def flow_strings(raw: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Yield (where, text) for every translatable string in a parsed flow.

    `where` is a readable path such as ``rhi/who_to_speak_to/variant 1/prompt``
    so a translator knows what the words are for.
    """
    if isinstance(raw, Mapping):
        label = str(raw.get("id") or raw.get("value") or "")
        here = f"{where}/{label}" if label else where
        for key, value in raw.items():
            if key in TEXT_KEYS and isinstance(value, str) and value.strip():
                yield f"{here}/{key}".lstrip("/"), value
            elif key not in ("when",) and isinstance(value, (Mapping, list)):
                yield from flow_strings(value, f"{here}/{key}" if key == "variants" else here)
    elif isinstance(raw, list):
        for i, item in enumerate(raw, start=1):
            if isinstance(item, Mapping) and "id" not in item and where.endswith("/variants"):
                yield from flow_strings(item, f"{where[: -len('/variants')]}/variant {i}")
            else:
                yield from flow_strings(item, where)


def _line_of(source: str, text: str) -> int:
    """The line where the text first appears, for the location comment (1 if not found)."""
    needle = json.dumps(text, ensure_ascii=False)
    at = source.find(needle)
    if at < 0:
        at = source.find(json.dumps(text))
    return source.count("\n", 0, at) + 1 if at >= 0 else 1


def extract_flow(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Mapping
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extractor entry point: (lineno, funcname, message, comments) per string."""
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    raw = json.loads(source)
    for where, text in flow_strings(raw):
        yield _line_of(source, text), "gettext", text, [f"flow: {where}"]
