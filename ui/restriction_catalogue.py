"""Edit → Restriction catalogue…: every restriction with its aliases and the number of
engagements using it; retitle, describe, and merge one into another.

A retitle or a description is a step of the window's undo stack (undone by setting
the old text again, through the same service calls). A merge first says how many
engagements it rewrites and asks; it is not an undo step: taking the codes apart
again cannot tell which engagement had which, so the question says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import TrackerError
from tracker.domain.restriction_catalogue import CatalogueEntry, MergePreview
from tracker.services import Tracker
from ui.commands import CommandContext, ServiceCommand, quoted
from ui.i18n import QT_TRANSLATE_NOOP, number, translate
from ui.plain_text import question

MESSAGE_MS = 15000
W = TypeVar("W", bound=QWidget)
HEADERS = (
    QT_TRANSLATE_NOOP("restriction_catalogue", "Code"),
    QT_TRANSLATE_NOOP("restriction_catalogue", "Title"),
    QT_TRANSLATE_NOOP("restriction_catalogue", "Engagements"),
    QT_TRANSLATE_NOOP("restriction_catalogue", "Aliases"),
    QT_TRANSLATE_NOOP("restriction_catalogue", "Description"),
)


def merge_question(preview: MergePreview) -> str:
    """What the merge will do, asked before it is done."""
    count = preview.affected
    noun = (
        translate("restriction_catalogue", "1 engagement")
        if count == 1
        else translate("restriction_catalogue", "{count} engagements").format(count=number(count))
    )
    trash = (
        translate("restriction_catalogue", ", {count} of them in the trash").format(
            count=number(preview.in_trash)
        )
        if preview.in_trash
        else ""
    )
    return translate(
        "restriction_catalogue",
        "Merge {source} into {target}?\n\n"
        "{noun} get a new version{trash}; {both} had both, and keep the more "
        "restrictive stance. {source} becomes an alias of {target}.\n\n"
        "A merge cannot be undone.",
    ).format(
        source=quoted(preview.source),
        target=quoted(preview.target),
        noun=noun,
        trash=trash,
        both=number(preview.both),
    )


class RestrictionCatalogueDialog(QDialog):
    """The catalogue's window: the list above, the chosen restriction's title,
    description and merge below; a refusal is said on the line under them."""

    def __init__(self, context: CommandContext, stack: QUndoStack, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("restriction_catalogue", "Restriction catalogue"))
        self.setObjectName("restrictionCatalogue")
        self._context, self._stack = context, stack
        self._entries: list[CatalogueEntry] = []
        self.table = _table()
        self.title = _named(QLineEdit(), "catalogueTitle")
        self.title.setAccessibleName("Title")  # its label names the row, not the field
        self.description = _named(QPlainTextEdit(), "catalogueDescription")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)
        self.into = _named(QComboBox(), "catalogueMergeInto")
        self.error = _named(QLabel(), "catalogueError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self._build()
        self.table.itemSelectionChanged.connect(self._chosen)
        # Its undo steps outlive it on the window's stack; once closed (then deleted) it
        # is not read again, and a flag is what a deleted dialog still answers.
        self._open = True
        self.finished.connect(self._closed)
        self.fill()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(
            translate("restriction_catalogue", "&Title"),
            _with_button(
                self.title,
                translate("restriction_catalogue", "Re&title"),
                "catalogueRetitle",
                self.retitle,
            ),
        )
        form.addRow(translate("restriction_catalogue", "&Description"), self.description)
        form.addRow(
            "",
            _button(
                translate("restriction_catalogue", "Save d&escription"),
                "catalogueDescribe",
                self.describe,
            ),
        )
        form.addRow(
            translate("restriction_catalogue", "&Merge into"),
            _with_button(
                self.into,
                translate("restriction_catalogue", "Mer&ge…"),
                "catalogueMerge",
                self.merge,
            ),
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.table, self.error, close):
            layout.addWidget(widget)
        layout.insertLayout(1, form)
        self.resize(900, 520)

    # -- the list -------------------------------------------------------------------

    def fill(self, keep: str | None = None) -> None:
        """Read the catalogue again; the restriction ``keep`` stays chosen."""
        keep = keep or self.current_code()
        self._entries = self._context.service().catalogue()
        self.table.setRowCount(len(self._entries))
        for row, e in enumerate(self._entries):
            values = (e.code, e.title, f"{e.engagements:,}", ", ".join(e.aliases), e.description)
            for column, value in enumerate(values):
                self.table.setItem(row, column, _item(value, numeric=column == 2))
        codes = [e.code for e in self._entries]
        self.table.selectRow(codes.index(keep) if keep in codes else 0)
        self._chosen()

    def current_code(self) -> str | None:
        """The code of the chosen restriction."""
        row = self.table.currentRow()
        return self._entries[row].code if 0 <= row < len(self._entries) else None

    def _current(self) -> CatalogueEntry | None:
        row = self.table.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _chosen(self) -> None:
        entry = self._current()
        self.title.setText(entry.title if entry else "")
        self.description.setPlainText(entry.description if entry else "")
        self.into.clear()
        self.into.addItems([e.code for e in self._entries if entry and e.code != entry.code])
        self.error.clear()

    # -- the changes ------------------------------------------------------------------

    def retitle(self) -> None:
        """Give the chosen restriction the title typed (an undo step)."""
        entry = self._current()
        if entry is not None:
            self._step(
                translate("restriction_catalogue", "Retitle {code}").format(
                    code=quoted(entry.code)
                ),
                entry.code,
                lambda title: self._context.service().retitle_restriction(
                    code=entry.code, title=title
                ),
                entry.title,
                self.title.text(),
            )

    def describe(self) -> None:
        """Give the chosen restriction the description typed (an undo step)."""
        entry = self._current()
        if entry is not None:
            self._step(
                translate("restriction_catalogue", "Describe {code}").format(
                    code=quoted(entry.code)
                ),
                entry.code,
                lambda text: self._context.service().describe_restriction(
                    code=entry.code, description=text
                ),
                entry.description,
                self.description.toPlainText(),
            )

    def _step(
        self, text: str, code: str, call: Callable[[str], ChangeSet], old: str, new: str
    ) -> None:
        try:
            changes = call(new)
        except TrackerError as exc:
            self.error.setText(str(exc))
            return
        if not changes.empty:
            self._stack.push(
                ServiceCommand(
                    text,
                    self._context,
                    forward=lambda: self._refilled(call(new), code),
                    backward=lambda: self._refilled(call(old), code),
                    done=translate("restriction_catalogue", "Done: {step}").format(step=text),
                    made=True,
                )
            )
            self._context.changed(changes)
        self.fill(code)

    def _refilled(self, changes: ChangeSet, code: str) -> ChangeSet:
        """After an undo or redo: the list read again, if the window is still open."""
        if self._open:
            self.fill(code)
        return changes

    def _closed(self) -> None:
        self._open = False

    def merge(self) -> None:
        """Merge the chosen restriction into the one picked, once the user agrees."""
        entry, target = self._current(), self.into.currentText()
        if entry is None or not target:
            return
        service = self._context.service()
        try:
            preview = service.merge_preview(source=entry.code, target=target)
            if not self._agreed(preview):
                return
            changes = service.merge_restrictions(source=entry.code, target=target)
        except TrackerError as exc:
            self.error.setText(str(exc))
            return
        self._context.changed(changes)
        self._context.said(
            translate("restriction_catalogue", "Merged {source} into {target}").format(
                source=quoted(entry.code), target=quoted(target)
            )
        )
        self.fill(target)

    def _agreed(self, preview: MergePreview) -> bool:
        Button = QMessageBox.StandardButton
        answer = question(
            self,
            translate("restriction_catalogue", "Merge restrictions"),
            merge_question(preview),
            Button.Yes | Button.Cancel,
            Button.Cancel,
        )
        return answer == Button.Yes


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def _table() -> QTableWidget:
    table = _named(QTableWidget(0, len(HEADERS)), "catalogueTable")
    table.setHorizontalHeaderLabels([translate("restriction_catalogue", h) for h in HEADERS])
    table.setAccessibleName(translate("restriction_catalogue", "Restrictions"))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _item(text: str, *, numeric: bool) -> QTableWidgetItem:
    item = QTableWidgetItem(" ".join(text.split()))  # one line a cell
    if numeric:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    button = _named(QPushButton(text), name)
    button.setAutoDefault(False)
    button.clicked.connect(slot)
    return button


def _with_button(widget: QWidget, text: str, name: str, slot: Callable[[], None]) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget, 1)
    layout.addWidget(_button(text, name, slot))
    return row


class CatalogueWindow:
    """Opens the catalogue's window for a main window (its service, undo stack, status
    bar and refresh); Edit → Restriction catalogue… calls ``open``."""

    def __init__(
        self,
        window: QMainWindow,
        *,
        service: Callable[[], Tracker],
        stack: QUndoStack,
        changed: Callable[[ChangeSet], None],
        failed: Callable[[str], None],
    ) -> None:
        self._window, self._stack, self._failed = window, stack, failed
        self._context = CommandContext(
            service=service,
            changed=changed,
            failed=failed,
            said=lambda message: window.statusBar().showMessage(message, MESSAGE_MS),
        )

    def open(self) -> None:
        """Show the catalogue (modal: the list stays true while it is open)."""
        try:
            dialog = RestrictionCatalogueDialog(self._context, self._stack, self._window)
        except TrackerError as exc:
            self._failed(str(exc))
            return
        dialog.exec()
        dialog.deleteLater()
