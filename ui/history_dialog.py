"""The History dialog: every version of an engagement, as its audit trail rebuilds it.

Each line is one version (newest first): when, who, how. "View as it was" shows that
version read-only, rendered by the detail pane's own document (the presenter's
words); "Restore this version" hands its data to the window's editing, which saves it
the ordinary way (merging with a newer version, undoable). The versions come from
``Tracker.versions``; nothing here reads the trail itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.as_of import Version
from tracker.domain.presenter import timestamp
from ui.change_history import action_label
from ui.detail_pane import DocumentColours, render_engagement_html
from ui.i18n import translate
from ui.plain_text import NoResourceBrowser

__all__ = ["HistoryDialog", "VersionView", "version_line"]

# Restores a version (the first) over the version the dialog was opened at (the second,
# what a newer save is merged against), asking any question over the dialog (the
# third); True once saved.
Restore = Callable[[Version, Version, QWidget], bool]


def version_line(version: Version, *, current: bool) -> str:
    """One line of the list: "Version 4 · 1 Mar 2026, 10:12 UTC · alice · Edited"."""
    e = version.engagement
    line = translate("history_dialog", "Version {number}").format(number=e.version)
    line += f" · {timestamp(e.updated_at)} · {version.who} · {action_label(version.action)}"
    return line + (translate("history_dialog", " (current)") if current else "")


class VersionView(QDialog):
    """One version, read-only, as the detail pane would have shown it."""

    def __init__(self, version: Version, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        e = version.engagement
        self.setObjectName("versionView")
        self.setWindowTitle(
            translate("history_dialog", "Version {number} as it was — {title}").format(
                number=e.version, title=e.data.title
            )
        )
        note = QLabel(
            translate("history_dialog", "As it was after {time} (read-only)").format(
                time=timestamp(e.updated_at)
            ),
            self,
        )
        note.setObjectName("versionNote")
        self.browser = NoResourceBrowser(self)
        self.browser.setObjectName("versionBrowser")
        self.browser.setAccessibleName("Version details")
        self.browser.setReadOnly(True)
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.setHtml(
            render_engagement_html(e, colours=DocumentColours.from_palette(self.palette()))
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(620, 640)


class HistoryDialog(QDialog):
    """The versions of one engagement, with "View as it was" and "Restore this version"
    (absent ``restore``: a database that can only be read)."""

    def __init__(
        self,
        versions: Sequence[Version],
        *,
        restore: Restore | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._versions = tuple(versions)
        self._restore = restore
        self.setObjectName("historyDialog")
        title = self._versions[0].engagement.data.title if self._versions else ""
        self.setWindowTitle(translate("history_dialog", "History of “{title}”").format(title=title))
        self.list = QListWidget(self)
        self.list.setObjectName("versionList")
        self.list.setAccessibleName("Versions, newest first")
        for n, version in enumerate(self._versions):
            item = QListWidgetItem(version_line(version, current=n == 0), self.list)
            item.setData(Qt.ItemDataRole.UserRole, n)
        self.view_button = QPushButton(translate("history_dialog", "&View as it was"), self)
        self.view_button.setObjectName("viewVersion")
        self.restore_button = QPushButton(
            translate("history_dialog", "&Restore this version"), self
        )
        self.restore_button.setObjectName("restoreVersion")
        self.restore_button.setVisible(restore is not None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.view_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.view_button.clicked.connect(self.view_chosen)
        self.restore_button.clicked.connect(self.restore_chosen)
        self.list.itemDoubleClicked.connect(lambda _item: self.view_chosen())
        self.list.currentRowChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate("history_dialog", "Every version the audit trail records, newest first:"),
                self,
            )
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)
        self.resize(560, 380)

    def chosen(self) -> Version | None:
        """The version picked in the list."""
        row = self.list.currentRow()
        return self._versions[row] if 0 <= row < len(self._versions) else None

    def _update_buttons(self, row: int) -> None:
        self.view_button.setEnabled(row >= 0)
        # The current version is what is stored already: nothing to restore.
        self.restore_button.setEnabled(row > 0)

    def view_chosen(self) -> None:
        """Show the chosen version read-only."""
        version = self.chosen()
        if version is not None:
            view = VersionView(version, self)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            view.open()

    def restore_chosen(self) -> None:
        """Save the chosen version's data as the engagement's next version; the dialog
        closes once it is saved."""
        version, restore = self.chosen(), self._restore
        if version is None or restore is None or self.list.currentRow() == 0:
            return
        if restore(version, self._versions[0], self):
            self.accept()
