"""Shared test setup: Qt runs offscreen, and each test can have its own SQLite file.

``QT_QPA_PLATFORM`` is set here, at import time of the top-level conftest, so it is
in place before any test module imports PySide6 or pytest-qt creates a QApplication.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def tmp_db_url(tmp_path: Path) -> str:
    """SQLAlchemy URL of a fresh SQLite database file inside the test's own tmp dir."""
    return f"sqlite:///{tmp_path / 'tracker.db'}"
