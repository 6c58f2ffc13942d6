"""File → Open database…: a database file, or a team database on a PostgreSQL server.

The server tab asks for host, port, database and user (or a libpq service name) and
never for a password: libpq finds it in ``~/.pgpass``, ``PGPASSWORD`` or the service
file, so the app stores none. Pressing Open tries the connection; a failure (server
down, wrong password, no such database) is shown inside the dialog, which stays open
with everything typed, so the user can correct it and try again. The last server
details are remembered.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate
from ui.partial_date_edit import error_colour

SERVER_KEY = "connection/server"


def server_url(*, host: str, port: int, database: str, user: str, service: str) -> str:
    """The SQLAlchemy URL of a PostgreSQL database (never with a password)."""
    if service.strip():
        return f"postgresql+psycopg:///?service={quote(service.strip(), safe='')}"
    who = f"{quote(user.strip(), safe='')}@" if user.strip() else ""
    where = host.strip() or "localhost"
    return f"postgresql+psycopg://{who}{where}:{port}/{quote(database.strip(), safe='')}"


class ConnectionDialog(QDialog):
    """Choose a database file or a PostgreSQL server; ``opened`` is what was opened."""

    def __init__(
        self,
        *,
        try_open: Callable[[str], str | None],
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("connection_dialog", "Open database"))
        self.setObjectName("connectionDialog")
        self.try_open = try_open
        self.settings = settings
        self.opened: str | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Kind of database")
        self.file_path = QLineEdit(self)
        self.file_path.setPlaceholderText(translate("connection_dialog", "Path to a .db file"))
        self.file_path.setAccessibleName(translate("connection_dialog", "Database file"))
        browse = QPushButton(translate("connection_dialog", "&Browse…"), self)
        browse.clicked.connect(self._browse)
        file_tab = QWidget(self)
        row = QHBoxLayout(file_tab)
        row.addWidget(self.file_path, 1)
        row.addWidget(browse)
        self.tabs.addTab(file_tab, translate("connection_dialog", "&File"))

        self.host = QLineEdit(self)
        self.host.setPlaceholderText("localhost")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit(self)
        self.user = QLineEdit(self)
        self.service = QLineEdit(self)
        self.service.setPlaceholderText(
            translate("connection_dialog", "optional: a name from pg_service.conf")
        )
        note = QLabel(
            translate(
                "connection_dialog",
                "The password is never asked for or stored here: it is read from ~/.pgpass, "
                "the PGPASSWORD variable or the service file.",
            ),
            self,
        )
        note.setWordWrap(True)
        server_tab = QWidget(self)
        form = QFormLayout()
        form.addRow(translate("connection_dialog", "&Host:"), self.host)
        form.addRow(translate("connection_dialog", "&Port:"), self.port)
        form.addRow(translate("connection_dialog", "&Database:"), self.database)
        form.addRow(translate("connection_dialog", "&User:"), self.user)
        form.addRow(translate("connection_dialog", "&Service:"), self.service)
        column = QVBoxLayout(server_tab)
        column.addLayout(form)
        column.addSpacing(4)
        column.addWidget(note)
        self.tabs.addTab(server_tab, translate("connection_dialog", "Team &server (PostgreSQL)"))

        self.problem = QLabel(self)
        self.problem.setObjectName("connectionProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet(f"color: {error_colour(self)};")  # dark themes too
        self.problem.setVisible(False)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.open_chosen)
        buttons.rejected.connect(self.reject)
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self._restore()

    def _restore(self) -> None:
        saved = self.settings.value(SERVER_KEY)
        if isinstance(saved, dict):
            self.host.setText(str(saved.get("host", "")))
            self.port.setValue(int(saved.get("port", 5432)))
            self.database.setText(str(saved.get("database", "")))
            self.user.setText(str(saved.get("user", "")))
            self.service.setText(str(saved.get("service", "")))
            if saved.get("tab") == 1:
                self.tabs.setCurrentIndex(1)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("connection_dialog", "Open database"),
            str(Path.home()),
            translate("connection_dialog", "Databases (*.db *.sqlite);;All files (*)"),
        )
        if path:
            self.file_path.setText(path)

    def chosen_target(self) -> str | None:
        """The path or URL the form describes, or None (and a message) when incomplete."""
        if self.tabs.currentIndex() == 0:
            path = self.file_path.text().strip()
            if not path:
                self._show(translate("connection_dialog", "Choose a database file."))
                return None
            return path
        if not self.service.text().strip() and not self.database.text().strip():
            self._show(
                translate("connection_dialog", "Enter the database name (or a service name).")
            )
            return None
        return server_url(
            host=self.host.text(),
            port=self.port.value(),
            database=self.database.text(),
            user=self.user.text(),
            service=self.service.text(),
        )

    def open_chosen(self) -> None:
        """Open: try the connection; stay open with the reason when it fails."""
        target = self.chosen_target()
        if target is None:
            return
        problem = self.try_open(target)
        if problem is not None:
            self._show(problem)
            return
        if self.tabs.currentIndex() == 1:
            self.settings.setValue(
                SERVER_KEY,
                {
                    "tab": 1,
                    "host": self.host.text(),
                    "port": self.port.value(),
                    "database": self.database.text(),
                    "user": self.user.text(),
                    "service": self.service.text(),
                },
            )
        self.opened = target
        self.accept()

    def _show(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(True)
