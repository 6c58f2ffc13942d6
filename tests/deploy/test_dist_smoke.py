"""The standalone bundle (``make dist``) runs where no Python is: it loads the demo,
opens the desktop app offscreen and writes a briefing in the vendored fonts.

Slow (the bundle takes minutes to build), so it runs only with
``TRACKER_DIST_SMOKE=1``, on the bundle ``make dist`` left in ``dist/`` (``make
dist-check`` does both); CI does not run it (docs/installing.md).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from ui.icons import ICON_NAME, SIZES

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "engagement-tracker"
PROGRAM = BUNDLE / "tracker"

pytestmark = pytest.mark.skipif(
    os.environ.get("TRACKER_DIST_SMOKE") != "1",
    reason="builds on the bundle of make dist: TRACKER_DIST_SMOKE=1 (make dist-check)",
)


@pytest.fixture
def bare_env(tmp_path: Path) -> dict[str, str]:
    """An environment that finds no Python: an empty PATH, no virtualenv, own HOME."""
    (tmp_path / "empty-bin").mkdir()
    return {
        "PATH": str(tmp_path / "empty-bin"),
        "HOME": str(tmp_path / "home"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "TRACKER_AUDIT_KEY_DIR": str(tmp_path / "keys"),
        "QT_QPA_PLATFORM": "offscreen",
    }


def bundled(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    assert PROGRAM.is_file(), f"no bundle at {BUNDLE}: run make dist"
    return subprocess.run(
        [str(PROGRAM), *args], env=env, capture_output=True, text=True, timeout=300
    )


def test_the_bundle_holds_the_fonts_the_icon_and_the_licences() -> None:
    internal = BUNDLE / "_internal"
    for font in (ROOT / "exports" / "fonts").iterdir():
        assert (internal / "exports" / "fonts" / font.name).is_file(), font.name
    for size in SIZES:
        assert (internal / "ui" / "icons" / f"{ICON_NAME}-{size}.png").is_file()
    assert (internal / "LICENSE").is_file() and (internal / "NOTICE.md").is_file()
    # The French window: the app's catalogue and Qt's own (standard buttons, dialogs).
    assert (internal / "ui" / "translations" / "tracker_fr.qm").is_file()
    assert any(internal.rglob("qtbase_fr.qm"))


@pytest.mark.timeout(600)
def test_the_bundle_opens_the_app_on_the_demo_and_writes_a_briefing(
    tmp_path: Path, bare_env: dict[str, str]
) -> None:
    database = tmp_path / "tracker.db"
    loaded = bundled("--db", str(database), "demo", env=bare_env)
    assert loaded.returncode == 0, loaded.stderr
    assert "created" in loaded.stderr

    # The window opened on it: its day's first start keeps a backup beside the database
    # (made by the window's worker), and the app is still running.
    app = subprocess.Popen(
        [str(PROGRAM), "--db", str(database), "gui"],
        env=bare_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not list((tmp_path / "backups").glob("*.db")) and app.poll() is None:
            assert time.monotonic() < deadline, "the window made no backup in 120 s"
            time.sleep(0.5)
        assert app.poll() is None, app.communicate()[1]
    finally:
        app.send_signal(signal.SIGTERM)
        _, err = app.communicate(timeout=60)
    assert "Traceback" not in err

    pdf = tmp_path / "briefing.pdf"
    briefing = bundled("--db", str(database), "brief", "--out", str(pdf), env=bare_env)
    assert briefing.returncode == 0, briefing.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"DejaVuSans" in data, "the briefing's text is in the vendored font"
