"""A Babel extractor for the concern labels, which live in ``indicators.json`` as data.

The web shows each concern in the page's language, so its label must reach the
catalogues; written out again in code it would be a second copy. This reads the
file the way the app does (``vocabulary.concern_labels``: capitalised for a
heading) and yields those exact strings. Registered in ``babel.cfg``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import IO, Any

from rhi_assistant.vocabulary import heading_case


def extract_concerns(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Mapping
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extractor entry point: one message per concern label."""
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    for code, text in json.loads(source).get("concerns", {}).items():
        line = source.count("\n", 0, max(source.find(json.dumps(code)), 0)) + 1
        yield line, "gettext", heading_case(text), [f"concern: {code}"]
