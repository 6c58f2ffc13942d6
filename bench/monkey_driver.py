"""The monkey's own process: the real main window, driven by bench.monkey_moves.

    QT_QPA_PLATFORM=offscreen python -m bench.monkey_driver --db PATH --work DIR \
        [--actions N] [--minutes M] [--seed S]

bench.monkey starts it (so that a segfault or an abort is a crash it counts, not its
own end) and reads DIR/monkey.jsonl afterwards. Here:

- faulthandler is on (a crash prints every thread's stack on stderr), and a step
  that does not come for ``HANG_SECONDS`` dumps them and exits;
- ``sys.excepthook`` records every Python exception raised in a Qt slot (which Qt
  would otherwise print and forget) as a failure, with its traceback;
- Qt's warnings are recorded, each once;
- nothing can block on the outside world: QFileDialog's static functions return a
  path under DIR (or cancel, as a user may), and QDesktopServices opens nothing;
- settings, HOME and every file written live under DIR.

The exit code is 0 when the run ended on its own, whatever it found; the log says what.
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import os
import random
import re
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QMessageLogContext, QSettings, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from bench.generate import generate_engagements
from bench.monkey_log import MonkeyLog
from tracker.domain.interchange import FORMAT

LOG_NAME = "monkey.jsonl"
CANCEL_SHARE = 0.3  # how often a file dialog is cancelled
_EXTENSION = re.compile(r"\*(\.[A-Za-z0-9]+)")


class FakeFiles:
    """QFileDialog's static functions, answered at once: a file under ``work`` of the
    extension the dialog asks for (the database itself when it asks for a database, a
    small generated file when it asks for one to import), or a cancel."""

    def __init__(self, rng: random.Random, work: Path, db: Path) -> None:
        self._rng = rng
        self._files = work / "files"
        self._files.mkdir(parents=True, exist_ok=True)
        self._db = db
        self._written = 0
        self.asked = 0
        self._import = work / "import.json"
        document = {"format": FORMAT, "engagements": generate_engagements(6, 7, start=90_000)}
        self._import.write_text(json.dumps(document), encoding="utf-8")

    @staticmethod
    def _extension(filters: str) -> str:
        found = _EXTENSION.search(filters)
        return found.group(1) if found else ".txt"

    def open_name(self, parent: QWidget | None = None, caption: str = "", folder: str = "",
                  filters: str = "", *_: Any, **__: Any) -> tuple[str, str]:  # fmt: skip
        """getOpenFileName."""
        self.asked += 1
        extension = self._extension(filters)
        if self._rng.random() < CANCEL_SHARE:
            return "", ""
        if extension in (".db", ".sqlite"):
            return str(self._db), filters
        if extension in (".json", ".csv"):
            return str(self._import), filters
        written = sorted(self._files.glob(f"*{extension}"))
        return (str(written[-1]), filters) if written else ("", "")

    def save_name(self, parent: QWidget | None = None, caption: str = "", folder: str = "",
                  filters: str = "", *_: Any, **__: Any) -> tuple[str, str]:  # fmt: skip
        """getSaveFileName."""
        self.asked += 1
        if self._rng.random() < CANCEL_SHARE:
            return "", ""
        self._written += 1
        return str(self._files / f"monkey-{self._written}{self._extension(filters)}"), filters

    def folder(self, *_: Any, **__: Any) -> str:
        """getExistingDirectory."""
        self.asked += 1
        return "" if self._rng.random() < CANCEL_SHARE else str(self._files)

    def install(self) -> None:
        QFileDialog.getOpenFileName = self.open_name  # type: ignore[method-assign,assignment]
        QFileDialog.getSaveFileName = self.save_name  # type: ignore[method-assign,assignment]
        QFileDialog.getExistingDirectory = self.folder  # type: ignore[method-assign]
        QDesktopServices.openUrl = lambda *_: True  # type: ignore[method-assign]


def _hooks(log: MonkeyLog, failures: list[int]) -> None:
    """Record exceptions from Qt slots, and Qt's warnings."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        failures.append(1)
        text = "".join(traceback.format_exception(kind, value, tb))
        log.write("failure", where="slot", traceback=text)
        sys.stderr.write(text)

    def messages(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg and kind != QtMsgType.QtInfoMsg:
            log.once("warning", f"{kind.name}: {message}")

    sys.excepthook = hook
    qInstallMessageHandler(messages)


def run(db: Path, work: Path, *, actions: int, seconds: float, seed: int) -> dict[str, Any]:
    """Drive the window on ``db`` until done; what was done."""
    from bench.monkey_moves import Monkey
    from tracker.services import Tracker
    from ui.app import make_application
    from ui.main_window import MainWindow

    log = MonkeyLog(work / LOG_NAME)
    failures: list[int] = []
    rng = random.Random(seed)
    app = make_application(["monkey"])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    FakeFiles(random.Random(seed + 1), work, db).install()
    _hooks(log, failures)
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Tracker.open(db, user="monkey"), settings=settings)
    quit_action = window.findChild(QAction, "quit")
    if quit_action is not None:
        quit_action.setEnabled(False)  # the run ends when the monkey says
    window.show()
    window.activateWindow()
    monkey = Monkey(window, rng, log, actions=actions, seconds=seconds, finished=app.quit)
    monkey.start()
    app.exec()
    window.close()
    window.service.close()
    summary = monkey.summary()
    summary["failures"] += len(failures)
    summary["mismatches"] = monkey.form.mismatches
    log.write("done", **summary)
    log.close()
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.monkey_driver", description=__doc__)
    parser.add_argument("--db", type=Path, required=True, metavar="PATH")
    parser.add_argument("--work", type=Path, required=True, metavar="DIR")
    parser.add_argument("--actions", type=int, default=1000, metavar="N")
    parser.add_argument("--minutes", type=float, default=60.0, metavar="M")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    faulthandler.enable()
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ["HOME"] = str(args.work)
    summary = run(
        args.db, args.work, actions=args.actions, seconds=args.minutes * 60, seed=args.seed
    )
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
