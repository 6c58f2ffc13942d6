"""The app with team databases: Open database…, read-only roles, a server that goes away.

The connection dialog and the read-only presentation are tested on every run; the
tests that need a real server (a role that can only read, a database that vanishes
while a form is open) run in the PostgreSQL pass (``TRACKER_TEST_DB``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from tests.conftest import read_only_role_url, server_url
from tests.ui.conftest import action, activate, answer_modal, find, menu, open_form
from tests.ui.test_main_window import CTRL, open_editor, press, replace_text, select_title
from tracker.services import Tracker
from ui.connection_dialog import ConnectionDialog
from ui.connection_dialog import server_url as build_server_url
from ui.main_window import MainWindow

needs_server = pytest.mark.skipif(
    server_url() is None, reason="needs a PostgreSQL server: set TRACKER_TEST_DB"
)


def banner(window: MainWindow, name: str) -> QLabel:
    found = window.findChild(QLabel, name)
    assert found is not None
    return found


def reopen_from_recent(window: MainWindow) -> None:
    """File → Open recent → 1: the database shown, opened again."""
    menu(window, "&File", "Open &recent").actions()[0].trigger()


def test_server_urls_never_carry_a_password() -> None:
    assert (
        build_server_url(
            host="db.example.org", port=5433, database="policy team", user="ana", service=""
        )
        == "postgresql+psycopg://ana@db.example.org:5433/policy%20team"
    )
    assert build_server_url(host="", port=5432, database="", user="", service="tracker") == (
        "postgresql+psycopg:///?service=tracker"
    )


def test_open_database_switches_to_another_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other = tmp_path / "b.db"
    service = Tracker.open(other, user="setup")
    service.close()
    outcomes: list[str] = []

    def act(dialog: ConnectionDialog) -> None:
        dialog.tabs.setCurrentIndex(0)
        dialog.file_path.setText(str(tmp_path / "missing-folder-file"))
        (tmp_path / "missing-folder-file").write_text("not a database", encoding="utf-8")
        dialog.open_button.click()
        outcomes.append(dialog.problem.text())  # refused inline; the dialog stays
        assert dialog.isVisible()
        dialog.file_path.setText(str(other))
        dialog.open_button.click()

    answer_modal(ConnectionDialog, act)
    press(qtbot, Qt.Key.Key_O, CTRL)
    assert "not a database" in outcomes[0]
    assert window.service.url.endswith("b.db")
    assert window.model.rowCount() == 0


def test_a_server_that_cannot_be_reached_is_reported_in_the_dialog(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    before = window.service.url
    seen: list[tuple[str, str]] = []

    def act(dialog: ConnectionDialog) -> None:
        dialog.tabs.setCurrentIndex(1)
        dialog.host.setText("127.0.0.1")
        dialog.port.setValue(1)  # nothing listens there
        dialog.database.setText("policy")
        dialog.user.setText("ana")
        dialog.open_button.click()
        seen.append((dialog.problem.text(), dialog.database.text()))
        dialog.reject()

    answer_modal(ConnectionDialog, act)
    action(window, "openDatabase").trigger()
    problem, typed = seen[0]
    assert "cannot connect" in problem and "127.0.0.1:1/policy" in problem
    assert typed == "policy", "what was typed stays for another try"
    assert window.service.url == before


def test_a_read_only_database_shows_why_and_offers_no_editing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    reason = 'the database role "reader" may read this database but not change it'
    monkeypatch.setattr(Tracker, "read_only", property(lambda _self: reason))
    assert not banner(window, "readOnlyBanner").isVisible()
    reopen_from_recent(window)
    select_title(window, "NATO")
    assert banner(window, "readOnlyBanner").isVisible()
    assert reason in banner(window, "readOnlyBanner").text()
    for name in ("new", "edit", "delete", "import", "demo", "saveView"):
        assert not action(window, name).isEnabled(), name
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert open_form(window) is None
    assert window.service.count() == 4
    assert action(window, "briefing").isEnabled() and action(window, "export").isEnabled()


@needs_server
def test_a_read_only_role_gets_a_read_only_window(
    qtbot: QtBot, tmp_db_url: str, settings: QSettings
) -> None:
    owner = Tracker.open(tmp_db_url, user="setup")
    owner.load_demo()
    owner.close()
    url = read_only_role_url(tmp_db_url, "tracker_ui_reader")
    win = MainWindow(Tracker.open(url, user="r"), settings=settings)
    qtbot.addWidget(win)
    win.show()
    assert banner(win, "readOnlyBanner").isVisible()
    assert "tracker_ui_reader" in banner(win, "readOnlyBanner").text()
    assert not action(win, "new").isEnabled()
    assert win.model.rowCount() == 4
    win.close()
    win.service.close()


@needs_server
def test_unsaved_edits_survive_the_server_going_away(
    qtbot: QtBot, tmp_db_url: str, settings: QSettings
) -> None:
    owner = Tracker.open(tmp_db_url, user="setup")
    owner.load_demo()
    owner.close()
    win = MainWindow(Tracker.open(tmp_db_url, user="alice"), settings=settings)
    qtbot.addWidget(win)
    win.show()
    activate(qtbot, win)
    warnings: list[str] = []
    eid = select_title(win, "NATO")
    dialog = open_editor(qtbot, win)
    summary = find(dialog, QPlainTextEdit, "field_summary")
    replace_text(qtbot, summary, "Typed while the server was away.")

    name = make_url(tmp_db_url).database
    admin = create_engine(tmp_db_url.replace(f"/{name}", "/postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:  # the database disappears from under the app
        conn.exec_driver_sql(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
        )
        conn.exec_driver_sql(f'ALTER DATABASE "{name}" RENAME TO "{name}_away"')
    try:
        # The warning is read and closed as a user would.
        answer_modal(QMessageBox, lambda box: (warnings.append(box.text()), box.accept()))
        press(qtbot, Qt.Key.Key_S, CTRL)
        qtbot.waitUntil(lambda: bool(warnings), timeout=20000)
        assert "Your entries are still in the form." in warnings[0]
        assert open_form(win) is dialog
        assert summary.toPlainText() == "Typed while the server was away."
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                f"WHERE datname = '{name}_away'"
            )
            conn.exec_driver_sql(f'ALTER DATABASE "{name}_away" RENAME TO "{name}"')
        admin.dispose()

    activate(qtbot, dialog)
    summary.setFocus()
    press(qtbot, Qt.Key.Key_S, CTRL)  # the same form, saved once the server is back
    qtbot.waitUntil(lambda: open_form(win) is None)
    assert win.service.get(engagement_id=eid).data.summary == "Typed while the server was away."
    win.close()
    win.service.close()
    assert QApplication.activeModalWidget() is None


def test_a_server_without_the_driver_installed_says_what_to_install(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as without the team extra
    before = window.service.url
    seen: list[str] = []

    def act(dialog: ConnectionDialog) -> None:
        dialog.tabs.setCurrentIndex(1)
        dialog.host.setText("127.0.0.1")
        dialog.database.setText("policy")
        dialog.open_button.click()
        seen.append(dialog.problem.text() if dialog.problem.isVisible() else "")
        dialog.reject()

    answer_modal(ConnectionDialog, act)
    action(window, "openDatabase").trigger()
    assert seen and "needs the PostgreSQL driver (psycopg)" in seen[0]
    assert "pip install 'engagement-tracker[team]'" in seen[0]
    assert "\n" not in seen[0]
    assert window.service.url == before
