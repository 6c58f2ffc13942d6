"""Install Engagement Tracker for the current user, without root (``make install``).

    python3 deploy/install.py install      # program, PATH entries, menu launcher
    python3 deploy/install.py uninstall    # all of that again (never the data)
    python3 deploy/install.py launcher --exec PATH   # only the menu entry and icons

``install`` puts the program in a virtualenv of its own (the exact versions of
``constraints.txt``, the ``team`` extra included), links ``tracker`` and ``tracker-gui``
into ``~/.local/bin`` and adds the launcher (``engagement-tracker.desktop``) and the
icon in every size to the freedesktop folders under ``$XDG_DATA_HOME``
(``~/.local/share``). A fresh Debian needs only ``python3-venv`` for it: no pipx, no
uv. ``launcher`` serves an install made otherwise (``pipx install .``): it writes the
menu entry for the ``tracker-gui`` named. Standard library only: it runs before any
virtualenv exists.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "engagement-tracker"
DESKTOP_FILE = ROOT / "deploy" / f"{NAME}.desktop"
ICONS = ROOT / "ui" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # as ui/icons (which imports Qt)
PROGRAMS = ("tracker", "tracker-gui")


@dataclass(frozen=True)
class Places:
    """Where an install goes, from the environment (XDG base directories) or options."""

    data_home: Path  # $XDG_DATA_HOME: applications/, icons/, and the program's folder
    bin_dir: Path  # the links to the programs (on PATH)

    @property
    def venv(self) -> Path:
        """The program's own virtualenv (the database beside it is the user's: kept)."""
        return self.data_home / NAME / "venv"

    @property
    def desktop_file(self) -> Path:
        return self.data_home / "applications" / f"{NAME}.desktop"

    def icon(self, size: int | None) -> Path:
        """The icon file of ``size`` in the hicolor theme (None: the scalable SVG)."""
        if size is None:
            return self.data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{NAME}.svg"
        return self.data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"


def places(args: argparse.Namespace) -> Places:
    home = Path.home()
    data_home = args.data_home or os.environ.get("XDG_DATA_HOME") or home / ".local" / "share"
    return Places(Path(data_home), Path(args.bin_dir or home / ".local" / "bin"))


def install_program(where: Places) -> Path:
    """The virtualenv with the program in it; the folder of its scripts."""
    try:
        import ensurepip  # noqa: F401  (Debian ships venv without it: python3-venv)
    except ImportError:
        sys.exit("install: this Python cannot make virtualenvs: sudo apt-get install python3-venv")
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(where.venv)], check=True)
    pip = [str(where.venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    constraints = ROOT / "constraints.txt"
    subprocess.run([*pip, "-c", str(constraints), f"{ROOT}[team]"], check=True)
    return where.venv / "bin"


def link_programs(scripts: Path, where: Places) -> None:
    """``tracker`` and ``tracker-gui`` on PATH: links into the virtualenv."""
    where.bin_dir.mkdir(parents=True, exist_ok=True)
    for program in PROGRAMS:
        link = where.bin_dir / program
        if link.exists() and not link.is_symlink():
            sys.exit(f"install: {link} exists and is not a link made by this install: move it")
        link.unlink(missing_ok=True)
        link.symlink_to(scripts / program)


def install_launcher(program: Path, where: Places) -> None:
    """The menu entry, starting ``program``, and the icon in every size."""
    lines = []
    for line in DESKTOP_FILE.read_text(encoding="utf-8").splitlines():
        key = line.partition("=")[0]
        if key in ("Exec", "TryExec"):
            # An absolute path: a desktop session's PATH often lacks ~/.local/bin.
            line = f"{key}={program}"
        lines.append(line)
    where.desktop_file.parent.mkdir(parents=True, exist_ok=True)
    where.desktop_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for size in (*SIZES, None):
        target = where.icon(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        source = ICONS / (f"{NAME}-{size}.png" if size is not None else f"{NAME}.svg")
        shutil.copyfile(source, target)
    refresh_caches(where)


def refresh_caches(where: Places) -> None:
    """Tell the desktop of the change, where its tools are installed (else it looks itself)."""
    for tool, target in (
        ("update-desktop-database", where.desktop_file.parent),
        ("gtk-update-icon-cache", where.data_home / "icons" / "hicolor"),
    ):
        found = shutil.which(tool)
        if found is not None and target.is_dir():
            options = ["-f", "-t"] if tool == "gtk-update-icon-cache" else []
            subprocess.run([found, *options, str(target)], check=False, capture_output=True)


def uninstall(where: Places) -> None:
    """Remove what ``install`` made; the database and settings stay."""
    for program in PROGRAMS:
        link = where.bin_dir / program
        if link.is_symlink() and where.venv in Path(os.readlink(link)).parents:
            link.unlink()
    where.desktop_file.unlink(missing_ok=True)
    for size in (*SIZES, None):
        where.icon(size).unlink(missing_ok=True)
    shutil.rmtree(where.venv, ignore_errors=True)
    refresh_caches(where)


def on_path(folder: Path) -> bool:
    entries = os.environ.get("PATH", "").split(os.pathsep)
    return any(Path(entry).resolve() == folder.resolve() for entry in entries if entry)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["install", "uninstall", "launcher"])
    parser.add_argument("--exec", dest="program", type=Path, help="launcher: tracker-gui's path")
    parser.add_argument("--data-home", help="instead of $XDG_DATA_HOME (~/.local/share)")
    parser.add_argument("--bin-dir", help="instead of ~/.local/bin")
    args = parser.parse_args(argv)
    where = places(args)
    if args.action == "uninstall":
        uninstall(where)
        print(
            f"removed the program, its links and launcher; your data stays in {where.venv.parent}"
        )
        return 0
    if args.action == "launcher":
        if args.program is None:
            parser.error("launcher needs --exec PATH (where tracker-gui is)")
        install_launcher(args.program.resolve(), where)
        print(f"launcher: {where.desktop_file}")
        return 0
    scripts = install_program(where)
    link_programs(scripts, where)
    install_launcher(scripts / "tracker-gui", where)
    print(f"installed: {where.bin_dir / 'tracker'}, launcher {where.desktop_file}")
    if not on_path(where.bin_dir):
        print(f"note: {where.bin_dir} is not on PATH; log in again (Debian's ~/.profile adds it)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
