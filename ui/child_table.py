"""The editor of one list of an engagement's children: a table with row commands.

:class:`ChildTable` edits one ``ChildKind`` of tracker.domain.fields (scope limits,
restrictions...): one column per ``Field`` of the kind, headed by its label. A
vocabulary cell is picked from a list of labels (the word is kept in ``VALUE_ROLE``), a
restriction code from the shared catalogue, and a date cell says in its tooltip what it
was understood as. Rows are added, removed and moved with buttons or with the keys
Insert, Delete, Ctrl+Up and Ctrl+Down.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.date_parser import parse_partial_date
from tracker.domain.dates import DateParseError, PartialDate
from tracker.domain.fields import ChildKind, Field
from ui.cell_editors import VALUE_ROLE, CodeDelegate, VocabDelegate, vocab_label
from ui.form_inputs import error_label
from ui.i18n import domain_text, translate
from ui.link_picker import EngagementDelegate, EngagementFinder, engagement_text
from ui.partial_date_edit import (
    display_text,
    error_background,
    error_colour,
    set_invalid,
    understood,
)
from ui.plain_text import tooltip

__all__ = ["ChildTable"]


# --------------------------------------------------------------------------- the table


class _Table(QTableWidget):
    """A QTableWidget with Insert / Delete / Ctrl+Up / Ctrl+Down as row commands.

    Enter edits the current cell instead of reaching the dialog's default button.
    """

    addRequested = Signal()
    removeRequested = Signal()
    moveRequested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if self.state() != QAbstractItemView.State.EditingState:
            if key == Qt.Key.Key_Insert and mods == Qt.KeyboardModifier.NoModifier:
                self.addRequested.emit()
                return
            if (
                key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and mods == Qt.KeyboardModifier.NoModifier
                and self.currentIndex().isValid()
            ):
                # Enter edits the cell (as F2 does) rather than pressing the dialog's Save.
                self.edit(self.currentIndex())
                return
            if key == Qt.Key.Key_Delete and mods == Qt.KeyboardModifier.NoModifier:
                self.removeRequested.emit()
                return
            if mods == Qt.KeyboardModifier.ControlModifier and key in (
                Qt.Key.Key_Up,
                Qt.Key.Key_Down,
            ):
                self.moveRequested.emit(-1 if key == Qt.Key.Key_Up else 1)
                return
        super().keyPressEvent(event)

    def commit_pending_edit(self) -> None:
        """Write an open cell editor's text to its cell and close the editor."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class ChildTable(QWidget):
    """The editor of one kind of child: a table, row buttons and an error label.

    Rows are read and written as interchange-format objects (vocabulary words, ISO
    dates); completely empty rows are ignored when reading. The widget is named
    ``children_<key>`` and its error label ``error_<key>``.
    """

    changed = Signal()

    def __init__(
        self,
        kind: ChildKind,
        *,
        widths: Mapping[str, int],
        catalogue: Sequence[tuple[str, str]] = (),
        finder: EngagementFinder | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"children_{kind.key}")
        self._finder = finder
        self._columns = kind.columns
        self._keys = [c.key for c in kind.columns]
        self._updating = False
        self._error_cell: tuple[int, int] | None = None

        self.table = _Table(0, len(self._columns), self)
        self.table.setObjectName(f"{kind.key}Table")
        self.table.setAccessibleName(kind.label)
        self._set_up_table()
        self._set_up_columns(widths, catalogue)

        self.add_button = QPushButton(translate("child_table", "Add"), self)
        self.remove_button = QPushButton(translate("child_table", "Remove"), self)
        self.up_button = QPushButton(translate("child_table", "Move up"), self)
        self.down_button = QPushButton(translate("child_table", "Move down"), self)
        noun = domain_text(kind.noun)
        tips = (
            (self.add_button, translate("child_table", "Add a {noun} (Insert)").format(noun=noun)),
            (
                self.remove_button,
                translate("child_table", "Remove the selected {noun} (Delete)").format(noun=noun),
            ),
            (self.up_button, translate("child_table", "Move the selected row up (Ctrl+Up)")),
            (self.down_button, translate("child_table", "Move the selected row down (Ctrl+Down)")),
        )
        for button, tip in tips:
            button.setToolTip(tooltip(tip))
            button.setAutoDefault(False)

        self._error_label = error_label(self)
        self._error_label.setObjectName(f"error_{kind.key}")

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._error_label)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self.remove_current_row)
        self.up_button.clicked.connect(lambda: self.move_current_row(-1))
        self.down_button.clicked.connect(lambda: self.move_current_row(1))
        self.table.addRequested.connect(self._on_add)
        self.table.removeRequested.connect(self.remove_current_row)
        self.table.moveRequested.connect(self.move_current_row)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def _set_up_table(self) -> None:
        table = self.table
        table.setHorizontalHeaderLabels([domain_text(c.label) for c in self._columns])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setMinimumSectionSize(48)

    def _set_up_columns(
        self, widths: Mapping[str, int], catalogue: Sequence[tuple[str, str]]
    ) -> None:
        """Size each column (fixed if it has a width, else stretching) and its editor."""
        header = self.table.horizontalHeader()
        for i, column in enumerate(self._columns):
            width = widths.get(column.key)
            if width is None:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(i, width)
            if column.kind == "vocab":
                assert column.vocab is not None
                self.table.setItemDelegateForColumn(
                    i, VocabDelegate(column.vocab, column.optional_word, self.table)
                )
            elif column.kind == "code":
                self.table.setItemDelegateForColumn(
                    i, CodeDelegate(catalogue, self._keys.index("title"), self.table)
                )
            elif column.kind == "engagement":
                self.table.setItemDelegateForColumn(i, EngagementDelegate(self._finder, self.table))

    def buttons(self) -> tuple[QPushButton, ...]:
        """The row buttons, left to right: Add, Remove, Move up, Move down."""
        return (self.add_button, self.remove_button, self.up_button, self.down_button)

    # -- reading and writing -------------------------------------------------------

    def set_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Replace all rows with interchange-format objects (missing keys are empty)."""
        self.table.commit_pending_edit()
        self.clear_error()
        self._updating = True
        try:
            self.table.setRowCount(0)
            for row in rows:
                r = self.table.rowCount()
                self.table.insertRow(r)
                for c, column in enumerate(self._columns):
                    self.table.setItem(r, c, self._new_item(column, row.get(column.key)))
        finally:
            self._updating = False
        self.table.setCurrentCell(-1, -1)  # nothing selected until the user picks a row
        self._update_buttons()
        self.changed.emit()

    def rows(self) -> tuple[list[dict[str, Any]], list[int]]:
        """The non-empty rows as interchange-format objects, and their row numbers."""
        out: list[dict[str, Any]] = []
        numbers: list[int] = []
        for r in range(self.table.rowCount()):
            if self._row_is_blank(r):
                continue
            obj: dict[str, Any] = {}
            for c, column in enumerate(self._columns):
                item = self._item(r, c)
                if column.kind == "vocab":
                    obj[column.key] = str(item.data(VALUE_ROLE) or "") or None
                elif column.kind == "engagement":
                    obj[column.key] = str(item.data(VALUE_ROLE) or "").strip()
                elif column.kind == "date":
                    obj[column.key] = item.text() if item.text().strip() else None
                elif column.kind == "code":
                    obj[column.key] = item.text().strip()
                else:
                    obj[column.key] = item.text()
            out.append(obj)
            numbers.append(r)
        return out, numbers

    def snapshot(self) -> tuple[tuple[str, ...], ...]:
        """What the table holds, for change tracking (empty rows ignored)."""
        return tuple(
            tuple(self._raw(r, c) for c in range(len(self._columns)))
            for r in range(self.table.rowCount())
            if not self._row_is_blank(r)
        )

    # -- row commands ------------------------------------------------------------------

    def add_row(self) -> int:
        """Append an empty row, make it current and return its number."""
        self.table.commit_pending_edit()
        r = self.table.rowCount()
        self._updating = True
        try:
            self.table.insertRow(r)
            for c, column in enumerate(self._columns):
                self.table.setItem(r, c, self._new_item(column, None))
        finally:
            self._updating = False
        self.table.setCurrentCell(r, 0)
        self._update_buttons()
        self.changed.emit()
        return r

    def remove_current_row(self) -> None:
        """Remove the current row (the one below becomes current)."""
        self.table.commit_pending_edit()
        r = self.table.currentRow()
        if r < 0:
            return
        self.clear_error()
        self.table.removeRow(r)
        if self.table.rowCount():
            self.table.setCurrentCell(min(r, self.table.rowCount() - 1), 0)
        self._update_buttons()
        self.table.setFocus()
        self.changed.emit()

    def move_current_row(self, delta: int) -> None:
        """Move the current row ``delta`` places (-1 up, +1 down), keeping it current."""
        self.table.commit_pending_edit()
        r = self.table.currentRow()
        target = r + delta
        if r < 0 or not 0 <= target < self.table.rowCount():
            return
        self.clear_error()
        column = max(self.table.currentColumn(), 0)
        self._updating = True
        try:
            for c in range(len(self._columns)):
                a = self.table.takeItem(r, c)
                b = self.table.takeItem(target, c)
                self.table.setItem(r, c, b)
                self.table.setItem(target, c, a)
        finally:
            self._updating = False
        self.table.setCurrentCell(target, column)
        self._update_buttons()
        self.changed.emit()

    # -- errors ------------------------------------------------------------------------

    def show_error(self, row: int, key: str | None, message: str) -> None:
        """Select the cell at fault, tint it and show ``message`` under the table."""
        self.clear_error()
        c = self._keys.index(key) if key in self._keys else 0
        where = translate("child_table", "Row {number}").format(number=row + 1)
        if 0 <= row < self.table.rowCount():
            self._updating = True
            try:
                item = self._item(row, c)
                item.setBackground(QBrush(QColor(error_background(self.table))))
                item.setToolTip(tooltip(message))
            finally:
                self._updating = False
            self._error_cell = (row, c)
            # Make the cell current without selecting it, so its tint stays visible.
            self.table.clearSelection()
            index = self.table.model().index(row, c)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.table.scrollToItem(self._item(row, c))
            if key in self._keys:  # by its header: a table may have two "… on" columns
                where += f", {domain_text(self._columns[c].label)}"
        self._error_label.show_message(f"{where}: {message}")
        set_invalid(self.table, True)
        self.table.setFocus()

    def clear_error(self) -> None:
        """Remove the error message and the tint of the cell at fault."""
        if self._error_cell is not None:
            r, c = self._error_cell
            self._error_cell = None
            if r < self.table.rowCount():
                self._updating = True
                try:
                    item = self._item(r, c)
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)
                    self._refresh_tooltip(item, self._columns[c])
                finally:
                    self._updating = False
        self._error_label.clear_message()
        set_invalid(self.table, False)

    def has_error(self) -> bool:
        """True while an error is shown."""
        return self._error_label.isVisibleTo(self) or self._error_cell is not None

    # -- internals ---------------------------------------------------------------------

    def _on_add(self) -> None:
        r = self.add_row()
        self.table.setFocus()
        self.table.editItem(self._item(r, 0))

    def _new_item(self, column: Field, value: Any) -> QTableWidgetItem:
        item = QTableWidgetItem()
        text = "" if value is None else str(value)
        if column.kind == "vocab":
            assert column.vocab is not None
            item.setData(VALUE_ROLE, text)
            item.setText(vocab_label(column.vocab, text))
        elif column.kind == "engagement":
            item.setData(VALUE_ROLE, text)
            item.setText(engagement_text(self._finder, text))
        elif column.kind == "date" and text:
            try:
                item.setText(display_text(PartialDate.from_iso(text)))
            except DateParseError:
                item.setText(text)
        else:
            item.setText(text)
        self._refresh_tooltip(item, column)
        return item

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        if item is None:
            item = self._new_item(self._columns[column], None)
            self._updating = True
            try:
                self.table.setItem(row, column, item)
            finally:
                self._updating = False
        return item

    def _raw(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        if item is None:
            return ""
        if self._columns[column].kind in ("vocab", "engagement"):
            return str(item.data(VALUE_ROLE) or "")
        return item.text()

    def _row_is_blank(self, row: int) -> bool:
        return all(not self._raw(row, c).strip() for c in range(len(self._columns)))

    def _refresh_tooltip(self, item: QTableWidgetItem, column: Field) -> None:
        """Long text shows in full as a tooltip; a date says what it was understood as."""
        text = item.text()
        if column.kind == "date" and text.strip():
            try:
                value = parse_partial_date(text)
            except DateParseError as exc:
                item.setForeground(QBrush(QColor(error_colour(self.table))))
                item.setToolTip(tooltip(str(exc)))
                return
            item.setData(Qt.ItemDataRole.ForegroundRole, None)
            item.setToolTip(
                tooltip(
                    translate("child_table", "Understood as {date}").format(date=understood(value))
                )
            )
            return
        item.setData(Qt.ItemDataRole.ForegroundRole, None)
        item.setToolTip(tooltip(text) if column.kind in ("text", "code") else "")

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._updating:
            return
        self._updating = True
        try:
            self._refresh_tooltip(item, self._columns[item.column()])
        finally:
            self._updating = False
        if self._error_cell is not None or self._error_label.isVisibleTo(self):
            self.clear_error()
        self.changed.emit()

    def _update_buttons(self) -> None:
        r = self.table.currentRow()
        n = self.table.rowCount()
        self.remove_button.setEnabled(r >= 0)
        self.up_button.setEnabled(r > 0)
        self.down_button.setEnabled(0 <= r < n - 1)
