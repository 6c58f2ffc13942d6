"""``make install``'s script: the launcher and icons into the user's XDG folders, valid
for ``desktop-file-validate``, and all of it gone again after ``uninstall``.

The launcher alone is installed on every run (a subprocess, into a temporary
``XDG_DATA_HOME``); the whole install (a virtualenv, the program from the package index
at the versions of constraints.txt, links in ``~/.local/bin``) into a temporary HOME
runs with ``TRACKER_INSTALL_SMOKE=1``: it takes a minute and needs the package index.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from ui.icons import ICON_NAME, SIZES

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "deploy" / "install.py"
SOURCE_DESKTOP_FILE = ROOT / "deploy" / f"{ICON_NAME}.desktop"


def run_script(*args: str, home: Path, data_home: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(home)
    if data_home is not None:
        env["XDG_DATA_HOME"] = str(data_home)
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header (its IHDR chunk)."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def assert_valid_desktop_file(path: Path) -> None:
    """desktop-file-validate finds nothing to say, where it is installed."""
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        return  # CI installs desktop-file-utils (.ci/run): there it always checks
    done = subprocess.run([validate, str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def desktop_entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_the_desktop_file_in_the_repository_is_valid() -> None:
    assert_valid_desktop_file(SOURCE_DESKTOP_FILE)
    entry = desktop_entry(SOURCE_DESKTOP_FILE)
    assert entry["Icon"] == ICON_NAME
    assert entry["Exec"] == "tracker-gui"  # pyproject's gui-scripts entry


def test_the_script_installs_the_icon_sizes_ui_renders() -> None:
    done = subprocess.run(
        [sys.executable, "-c", f"import runpy; print(runpy.run_path({str(SCRIPT)!r})['SIZES'])"],
        capture_output=True,
        text=True,
    )
    assert done.stdout.strip() == str(SIZES)


def test_the_launcher_goes_into_xdg_data_home_and_comes_out_again(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    program = tmp_path / "prefix" / "bin" / "tracker-gui"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)

    run_script("launcher", "--exec", str(program), home=tmp_path / "home", data_home=data_home)

    desktop_file = data_home / "applications" / f"{ICON_NAME}.desktop"
    assert_valid_desktop_file(desktop_file)
    entry = desktop_entry(desktop_file)
    assert entry["Exec"] == entry["TryExec"] == str(program)
    assert entry["Icon"] == ICON_NAME
    hicolor = data_home / "icons" / "hicolor"
    for size in SIZES:
        assert png_size(hicolor / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png") == (size, size)
    assert (hicolor / "scalable" / "apps" / f"{ICON_NAME}.svg").read_bytes() == (
        ROOT / "ui" / "icons" / f"{ICON_NAME}.svg"
    ).read_bytes()
    assert not (tmp_path / "home").exists(), "nothing outside XDG_DATA_HOME"

    run_script("uninstall", home=tmp_path / "home", data_home=data_home)
    assert not desktop_file.exists()
    assert not list(hicolor.rglob(f"{ICON_NAME}.*"))


@pytest.mark.skipif(
    os.environ.get("TRACKER_INSTALL_SMOKE") != "1",
    reason="the whole install takes a minute and the package index: TRACKER_INSTALL_SMOKE=1",
)
@pytest.mark.timeout(900)  # a virtualenv with PySide6 installed from the index
def test_make_install_puts_tracker_on_path_and_in_the_menu(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    run_script("install", home=home)

    bin_dir = home / ".local" / "bin"
    tracker = bin_dir / "tracker"
    venv = home / ".local" / "share" / ICON_NAME / "venv"
    assert tracker.is_symlink() and venv in tracker.resolve().parents
    database = tmp_path / "t.db"
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(home)}
    demo = subprocess.run(
        ["tracker", "--db", str(database), "demo"], env=env, capture_output=True, text=True
    )
    assert demo.returncode == 0, demo.stderr
    desktop_file = home / ".local" / "share" / "applications" / f"{ICON_NAME}.desktop"
    assert_valid_desktop_file(desktop_file)
    assert desktop_entry(desktop_file)["Exec"] == str(venv / "bin" / "tracker-gui")
    assert (venv / "bin" / "tracker-gui").is_file()

    run_script("uninstall", home=home)
    assert not tracker.is_symlink() and not venv.exists() and not desktop_file.exists()
    assert database.exists(), "the user's data stays"
