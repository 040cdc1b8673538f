"""The README's "How the code is laid out" stays true to the tree: every package is named."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "rhi_assistant"


def _layout_section() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^## How the code is laid out\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert found, "README.md has no 'How the code is laid out' section"
    return found.group(1)


def _packages(under: Path) -> list[str]:
    return sorted(p.parent.name for p in under.glob("*/__init__.py"))


def test_every_package_is_named_in_the_layout_section() -> None:
    section = _layout_section()
    missing = [name for name in _packages(PACKAGE) if f"rhi_assistant/{name}/" not in section]
    assert missing == []


def test_every_web_feature_is_named_in_the_layout_section() -> None:
    section = _layout_section()
    missing = [name for name in _packages(PACKAGE / "web") if f"`{name}`" not in section]
    assert missing == []


def test_the_section_names_no_package_that_is_gone() -> None:
    section = _layout_section()
    named = set(re.findall(r"rhi_assistant/(\w+)/", section))
    assert sorted(n for n in named if not (PACKAGE / n).is_dir()) == []
