"""Fixtures shared by the GUI tests: a demo database file and private QSettings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tracker.services import Tracker


def demo_file(path: Path) -> Path:
    """Create a database at ``path`` holding the demo engagements."""
    service = Tracker.open(path, user="setup")
    service.load_demo()
    service.close()
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A demo database file of the test's own."""
    return demo_file(tmp_path / "tracker.db")


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in an INI file of the test's own (never the user's)."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
