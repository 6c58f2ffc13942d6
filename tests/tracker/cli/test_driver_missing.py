"""A server URL without the PostgreSQL driver (the ``team`` extra not installed): one
line saying what to install and exit code 1, never a traceback.

The driver's absence is simulated: ``sys.modules["psycopg"] = None`` makes every import
of it fail as it does where the package is not installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.engine import Database
from db.errors import DatabaseError
from tracker.cli import main

ROOT = Path(__file__).resolve().parents[3]
# Nothing listens on port 1: the driver's absence must be found before any connection.
URL = "postgresql+psycopg://ana:secret@127.0.0.1:1/team"


@pytest.fixture
def no_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)


@pytest.mark.usefixtures("no_driver")
def test_the_engine_names_the_extra_to_install() -> None:
    with pytest.raises(DatabaseError) as raised:
        Database(URL)
    message = str(raised.value)
    assert "PostgreSQL driver (psycopg)" in message
    assert "engagement-tracker[team]" in message
    assert "secret" not in message and "ana@127.0.0.1:1/team" in message
    assert "\n" not in message


@pytest.mark.usefixtures("no_driver")
def test_the_command_line_says_it_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", URL, "list"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("tracker: error: postgresql+psycopg://ana@127.0.0.1:1/team needs")
    assert "pip install 'engagement-tracker[team]'" in err


def test_a_process_without_the_driver_prints_no_traceback(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "sys.modules['psycopg'] = None\n"
        "from tracker.cli import main\n"
        f"raise SystemExit(main(['--db', {URL!r}, 'list']))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TRACKER_AUDIT_KEY_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        "tracker: error: postgresql+psycopg://ana@127.0.0.1:1/team needs the PostgreSQL "
        "driver (psycopg), which is not installed: install the team extra, pip install "
        "'engagement-tracker[team]' (make venv and make install include it)"
    ]


def test_another_missing_driver_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pymysql", None)
    with pytest.raises(DatabaseError, match="needs the database driver pymysql"):
        Database("mysql+pymysql://ana@127.0.0.1:1/team")
