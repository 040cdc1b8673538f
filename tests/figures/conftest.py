"""The figures tests' one fixture: April 2026's fictional episodes (figures_data.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from figures_data import build_april


@pytest.fixture
def april(app):
    return build_april()
