"""The app keeps passwords out of sight and its settings to their owner (issue 19, point 5).

Driven as a user would: the window opens on its own settings store (pointed at the
test's folder with ``QSettings.setPath``, never the user's), File → Open recent is
clicked, a database that cannot be opened shows its dialog, File → Export… and
Export briefing… are given the open database's own file. A team database that
fails to connect (nothing listens on port 1) is enough to check every message; with
a server (``TRACKER_TEST_DB``) the window's title is checked on one that opens.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from tests.conftest import server_url
from tests.ui.conftest import action, answer_modal, menu
from tests.ui.test_main_window import answer_briefing, choose_file, status
from tests.ui.test_open_failed import when_dialog
from tracker.services import Tracker
from ui.app import open_or_recover
from ui.export_dialog import ExportDialog
from ui.main_window import MainWindow
from ui.open_failed_dialog import OpenFailedDialog
from ui.settings import APPLICATION, ORGANISATION

SECRET = "Hunter2-s3cret"
# As an older version remembered them: with the password, in the URL or its query.
REMEMBERED = [
    f"postgresql+psycopg://ana:{SECRET}@127.0.0.1:1/team",
    f"postgresql+psycopg://ana@127.0.0.1:1/other?PASSWORD={SECRET}&sslmode=disable",
]


@pytest.fixture
def user_config(tmp_path: Path) -> Iterator[Path]:
    """Where the app's own settings store lives for this test: a folder of the test's."""
    folder = tmp_path / "config"
    formats = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)
    for kind in formats:
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    yield folder
    default = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    for kind in formats:
        QSettings.setPath(kind, QSettings.Scope.UserScope, default)


def settings_file(config: Path) -> Path:
    return config / ORGANISATION / f"{APPLICATION}.conf"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextmanager
def shown(qtbot: QtBot, target: str | Path, settings: QSettings | None) -> Iterator[MainWindow]:
    """The window on ``target`` (with its own settings store when ``settings`` is None,
    as the app opens it), closed at the end whatever happened."""
    win = MainWindow(Tracker.open(target, user="alice"), settings=settings)
    qtbot.addWidget(win)
    win.show()
    try:
        yield win
    finally:
        win.close()
        win.service.close()


def open_and_close(qtbot: QtBot, db: Path) -> list[str]:
    """Open the window on ``db`` with its own settings, as the app does; close it. Returns
    what File → Open recent listed."""
    with shown(qtbot, db, None) as win:
        return [a.text() for a in menu(win, "&File", "Open &recent").actions()]


def test_the_settings_file_is_readable_by_its_owner_only(
    qtbot: QtBot, db_path: Path, user_config: Path
) -> None:
    open_and_close(qtbot, db_path)
    written = settings_file(user_config)
    assert "recent" in written.read_text(encoding="utf-8"), "Qt wrote it"
    assert mode(written) == 0o600
    assert mode(written.parent) == 0o700 and mode(user_config) == 0o700


def test_settings_an_older_version_left_readable_are_made_private_and_kept(
    qtbot: QtBot, db_path: Path, user_config: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    Tracker.open(other).close()
    written = settings_file(user_config)
    written.parent.mkdir(parents=True, mode=0o755)
    written.parent.chmod(0o755)
    written.write_text(f"[General]\nrecent=sqlite:///{other}\n", encoding="utf-8")
    written.chmod(0o644)
    listed = open_and_close(qtbot, db_path)
    assert listed == ["&1 tracker.db", "&2 other.db"]
    assert mode(written) == 0o600 and mode(written.parent) == 0o700


def test_recent_databases_never_show_or_keep_a_password(
    qtbot: QtBot, db_path: Path, settings: QSettings
) -> None:
    settings.setValue("recent", REMEMBERED)
    with shown(qtbot, db_path, settings) as win:
        entries = menu(win, "&File", "Open &recent").actions()
        assert [a.text() for a in entries] == [
            "&1 tracker.db",
            "&2 127.0.0.1:1/team",
            "&3 127.0.0.1:1/other?sslmode=disable",
        ]
        assert all(SECRET not in a.text() + a.statusTip() for a in entries)
        settings.sync()
        assert SECRET not in Path(settings.fileName()).read_text(encoding="utf-8")

        said: list[str] = []
        answer_modal(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
        entries[1].trigger()  # the team database: its server cannot be reached
        assert said and "cannot connect to postgresql+psycopg://ana@127.0.0.1:1/team" in said[0]
        assert SECRET not in said[0]
        assert win.windowTitle().startswith("tracker.db")


def test_a_team_database_that_cannot_be_opened_is_named_without_its_password(
    qtbot: QtBot,
) -> None:
    seen = when_dialog(qtbot, lambda dialog: dialog.quit_button.click())
    assert open_or_recover(f"postgresql+psycopg://ana@127.0.0.1:1/team?password={SECRET}") is None
    dialog: OpenFailedDialog = seen[0]
    shown = " ".join((dialog.windowTitle(), dialog.message.text(), dialog.advice.text()))
    assert "127.0.0.1:1/team" in shown and SECRET not in shown


@pytest.mark.skipif(server_url() is None, reason="needs a PostgreSQL server: set TRACKER_TEST_DB")
def test_the_title_names_a_team_database_without_its_password(
    qtbot: QtBot, tmp_db_url: str, settings: QSettings
) -> None:
    # The test server trusts its local users: any password is accepted.
    url = make_url(tmp_db_url).set(password=SECRET).update_query_dict({"password": SECRET})
    with shown(qtbot, url.render_as_string(hide_password=False), settings) as win:
        assert win.windowTitle().startswith(f"{url.host}:{url.port}/{url.database} — ")
        entries = menu(win, "&File", "Open &recent").actions()
        assert all(SECRET not in win.windowTitle() + a.text() + a.statusTip() for a in entries)
        settings.sync()
        assert SECRET not in Path(settings.fileName()).read_text(encoding="utf-8")


def refused_save(
    qtbot: QtBot, window: MainWindow, name: str, out: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    """Choose ``out`` (an existing file) in the save dialog ``name`` opens, and agree to
    replace it; what the window then says, or fail when it wrote the file."""
    said: list[str] = []
    monkeypatch.setattr("ui.main_window.warning", lambda _w, _t, text, *_a, **_k: said.append(text))
    if name == "briefing":
        answer_briefing([])
    else:  # the export's own dialog first (its marking ceiling): every marking
        answer_modal(ExportDialog, lambda d: d.accept())
    choose_file(out)
    # The file dialog's own question (a C++ message box): yes, replace it.
    answer_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    action(window, name).trigger()
    qtbot.waitUntil(lambda: bool(said) or " to " in status(window), timeout=20000)
    assert said, f"written: {status(window)}"
    return said[0]


@pytest.mark.parametrize("name", ["export", "briefing"])
def test_saving_over_the_open_database_is_refused(
    qtbot: QtBot, window: MainWindow, db_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = db_path.stat().st_ino
    wal = db_path.with_name(db_path.name + "-wal")
    for out, what in ((db_path, "the open database"), (wal, "the open database's -wal file")):
        assert out.exists(), "the window has the database open"
        said = refused_save(qtbot, window, name, out, monkeypatch)
        assert said == f"{out}: is {what}; nothing was written"
        assert db_path.stat().st_ino == before
    assert window.service.count() == 4 and window.service.check().ok
