"""The engagement form: one dialog that edits an engagement and all of its children.

:class:`EngagementDialog` is used both for a new engagement (``data=None``) and to
edit an existing one. It never talks to the service: it builds the interchange-format
object of what is typed, validates it with ``tracker.domain.interchange.data_from_json``
(exactly what the service does on save), shows any error inline next to the field at
fault, and emits ``saveRequested`` when the form is valid. The caller (the main window)
then saves through the service and either accepts the dialog or shows the service's
error with :meth:`EngagementDialog.show_error`.

Children (scope limits, restrictions, clarifications, status history, sources,
concerns) are edited in one table per kind, each with Add / Remove / Move up /
Move down buttons and the keys Insert, Delete, Ctrl+Up and Ctrl+Down.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.dates import DateParseError, PartialDate, parse_partial_date
from tracker.domain.errors import ValidationError
from tracker.domain.interchange import data_from_json, data_to_json
from tracker.domain.model import EngagementData
from tracker.domain.vocab import (
    ConcernKind,
    Confidence,
    Region,
    ScopeKind,
    Severity,
    Stance,
    Status,
    Vocabulary,
)
from ui.partial_date_edit import (
    PartialDateEdit,
    display_text,
    error_background,
    error_colour,
    is_dark,
    set_invalid,
)

__all__ = ["CHILD_SPECS", "ChildSpec", "ChildTable", "Column", "EngagementDialog"]

EMPTY_CHOICE = "—"
VALUE_ROLE = Qt.ItemDataRole.UserRole


def style_sheet(widget: QWidget) -> str:
    """The form's style sheet: fields marked invalid and error labels, in colours that
    suit the widget's palette (light or dark)."""
    colour = error_colour(widget)
    background = error_background(widget)
    return f"""
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] {{
    border: 1px solid {colour};
    background-color: {background};
}}
QTableWidget[invalid="true"] {{
    border: 1px solid {colour};
}}
QLabel#fieldError, QLabel#tableError, QLabel#generalError {{
    color: {colour};
}}
"""


_FIELD_PATH = re.compile(r"(?P<base>[a-z_]+)(?:\[(?P<index>\d+)\](?:\.(?P<key>[a-z_]+))?)?")


# --------------------------------------------------------------------------- child specs

ColumnKind = Literal["text", "date", "vocab", "code"]


@dataclass(frozen=True)
class Column:
    """One column of a child table: its interchange key, header and how it is edited."""

    key: str
    header: str
    kind: ColumnKind = "text"
    vocab: type[Vocabulary] | None = None
    optional: bool = False
    width: int | None = None  # None: the column stretches


@dataclass(frozen=True)
class ChildSpec:
    """One kind of child: the EngagementData field, the tab title and the columns."""

    field: str
    title: str  # with a mnemonic "&"
    noun: str
    columns: tuple[Column, ...]


CHILD_SPECS: tuple[ChildSpec, ...] = (
    ChildSpec(
        "scope_limits",
        "Sco&pe limits",
        "scope limit",
        (
            Column("kind", "Kind", "vocab", ScopeKind, width=130),
            Column("text", "Text"),
        ),
    ),
    ChildSpec(
        "restrictions",
        "R&estrictions",
        "restriction",
        (
            Column("code", "Code", "code", width=240),
            Column("title", "Title"),
            Column("stance", "Stance", "vocab", Stance, width=100),
            Column("note", "Note"),
        ),
    ),
    ChildSpec(
        "clarifications",
        "Clar&ifications",
        "clarification",
        (
            Column("original_by", "Originally by", width=125),
            Column("original_on", "On", "date", width=80),
            Column("original", "Original"),
            Column("clarified_by", "Clarified by", width=125),
            Column("clarified_on", "On", "date", width=80),
            Column("clarification", "Clarification"),
            Column("source", "Source", width=110),
        ),
    ),
    ChildSpec(
        "status_history",
        "Status &history",
        "status event",
        (
            Column("status", "Status", "vocab", Status, width=120),
            Column("on", "On", "date", width=110),
            Column("note", "Note"),
            Column("source", "Source", width=180),
        ),
    ),
    ChildSpec(
        "sources",
        "Sour&ces",
        "source",
        (
            Column("outlet", "Outlet", width=180),
            Column("title", "Title"),
            Column("url", "URL"),
            Column("published", "Published", "date", width=110),
        ),
    ),
    ChildSpec(
        "concerns",
        "Co&ncerns",
        "concern",
        (
            Column("kind", "Kind", "vocab", ConcernKind, width=160),
            Column("text", "Text"),
            Column("severity", "Severity", "vocab", Severity, optional=True, width=90),
        ),
    ),
)


# --------------------------------------------------------------------------- delegates


class _VocabDelegate(QStyledItemDelegate):
    """Edits a vocabulary cell with a pick-list of labels; the word is kept in VALUE_ROLE."""

    def __init__(self, vocab: type[Vocabulary], optional: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self._vocab = vocab
        self._optional = optional

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        if self._optional:
            combo.addItem(EMPTY_CHOICE, "")
        for member in self._vocab:
            combo.addItem(member.label, str(member.value))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(VALUE_ROLE) or ""
        editor.setCurrentIndex(editor.findData(value))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentIndex() < 0:
            return
        value = str(editor.currentData() or "")
        model.setData(index, value, VALUE_ROLE)
        model.setData(index, vocab_label(self._vocab, value), Qt.ItemDataRole.DisplayRole)


class _CodeDelegate(QStyledItemDelegate):
    """Edits a restriction code: pick from the shared catalogue or type a new code.

    Picking a catalogued code also fills in its title (titles are shared by code).
    """

    def __init__(
        self, catalogue: Sequence[tuple[str, str]], title_column: int, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._catalogue = dict(catalogue)
        self._title_column = title_column

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, title in self._catalogue.items():
            combo.addItem(f"{code} — {title}", code)
        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        combo.setCompleter(completer)
        line = combo.lineEdit()
        if line is not None:
            line.setPlaceholderText("pick a restriction or type a new code")
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        code = str(index.data(Qt.ItemDataRole.EditRole) or "")
        found = editor.findData(code)
        editor.setCurrentIndex(found)
        if found < 0:
            editor.setEditText(code)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        text = editor.currentText().strip()
        found = editor.findText(text, Qt.MatchFlag.MatchFixedString)
        code = str(editor.itemData(found)) if found >= 0 else text
        old = str(index.data(Qt.ItemDataRole.EditRole) or "")
        model.setData(index, code, Qt.ItemDataRole.EditRole)
        title = self._catalogue.get(code)
        if title is not None and code != old:
            model.setData(model.index(index.row(), self._title_column), title)


def show_label(label: QLabel, visible: bool) -> None:
    """Show or hide an error label and make the enclosing layout take the change.

    Hiding a label inside a field's cell changes the cell's size hint, which Qt does not
    always pass on to the form around it; ``updateGeometry()`` does.
    """
    label.setVisible(visible)
    parent = label.parentWidget()
    if parent is not None:
        parent.updateGeometry()


def vocab_label(vocab: type[Vocabulary], value: str) -> str:
    """The label of a vocabulary word, or the word itself if it is not one."""
    if not value:
        return ""
    try:
        return vocab.parse(value).label
    except ValueError:
        return value


# --------------------------------------------------------------------------- child table


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
    dates); completely empty rows are ignored when reading.
    """

    changed = Signal()

    def __init__(
        self,
        spec: ChildSpec,
        *,
        catalogue: Sequence[tuple[str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self._columns = spec.columns
        self._keys = [c.key for c in spec.columns]
        self._updating = False
        self._error_cell: tuple[int, int] | None = None

        self.table = _Table(0, len(self._columns), self)
        self.table.setObjectName(f"{spec.field}Table")
        self.table.setAccessibleName(spec.title.replace("&", ""))
        self.table.setHorizontalHeaderLabels([c.header for c in self._columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setMinimumSectionSize(48)
        for i, column in enumerate(self._columns):
            if column.width is None:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(i, column.width)
            if column.kind == "vocab":
                assert column.vocab is not None
                self.table.setItemDelegateForColumn(
                    i, _VocabDelegate(column.vocab, column.optional, self.table)
                )
            elif column.kind == "code":
                self.table.setItemDelegateForColumn(
                    i, _CodeDelegate(catalogue, self._keys.index("title"), self.table)
                )

        self.add_button = QPushButton("Add", self)
        self.remove_button = QPushButton("Remove", self)
        self.up_button = QPushButton("Move up", self)
        self.down_button = QPushButton("Move down", self)
        tips = (
            (self.add_button, f"Add a {spec.noun} (Insert)"),
            (self.remove_button, f"Remove the selected {spec.noun} (Delete)"),
            (self.up_button, "Move the selected row up (Ctrl+Up)"),
            (self.down_button, "Move the selected row down (Ctrl+Down)"),
        )
        for button, tip in tips:
            button.setToolTip(tip)
            button.setAutoDefault(False)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("tableError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
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

    def row_count(self) -> int:
        """Rows in the table, empty ones included."""
        return self.table.rowCount()

    def cell_text(self, row: int, key: str) -> str:
        """The text shown in a cell (a vocabulary cell shows its label)."""
        return self._item(row, self._keys.index(key)).text()

    def set_cell(self, row: int, key: str, value: str) -> None:
        """Set a cell as if typed: a vocabulary cell takes a word or a label."""
        self.table.commit_pending_edit()
        c = self._keys.index(key)
        column = self._columns[c]
        item = self._item(row, c)
        if column.kind == "vocab":
            assert column.vocab is not None
            word = str(column.vocab.parse(value).value) if value else ""
            item.setData(VALUE_ROLE, word)
            item.setText(vocab_label(column.vocab, word))
        else:
            item.setText(value)

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
        where = f"Row {row + 1}"
        if 0 <= row < self.table.rowCount():
            self._updating = True
            try:
                item = self._item(row, c)
                item.setBackground(QBrush(QColor(error_background(self.table))))
                item.setToolTip(message)
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
            if key in self._keys:
                where += f", {self._columns[c].header.lower()}"
        self.error_label.setText(f"{where}: {message}")
        show_label(self.error_label, True)
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
        self.error_label.clear()
        show_label(self.error_label, False)
        set_invalid(self.table, False)

    def has_error(self) -> bool:
        """True while an error is shown."""
        return self.error_label.isVisibleTo(self) or self._error_cell is not None

    # -- internals ---------------------------------------------------------------------

    def _on_add(self) -> None:
        r = self.add_row()
        self.table.setFocus()
        self.table.editItem(self._item(r, 0))

    def _new_item(self, column: Column, value: Any) -> QTableWidgetItem:
        item = QTableWidgetItem()
        text = "" if value is None else str(value)
        if column.kind == "vocab":
            assert column.vocab is not None
            item.setData(VALUE_ROLE, text)
            item.setText(vocab_label(column.vocab, text))
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
        if self._columns[column].kind == "vocab":
            return str(item.data(VALUE_ROLE) or "")
        return item.text()

    def _row_is_blank(self, row: int) -> bool:
        return all(not self._raw(row, c).strip() for c in range(len(self._columns)))

    def _refresh_tooltip(self, item: QTableWidgetItem, column: Column) -> None:
        """Long text shows in full as a tooltip; a date says what it was understood as."""
        text = item.text()
        if column.kind == "date" and text.strip():
            try:
                understood = parse_partial_date(text)
            except DateParseError as exc:
                item.setForeground(QBrush(QColor(error_colour(self.table))))
                item.setToolTip(str(exc))
                return
            item.setData(Qt.ItemDataRole.ForegroundRole, None)
            item.setToolTip(f"Understood as {understood.label()}")
            return
        item.setData(Qt.ItemDataRole.ForegroundRole, None)
        item.setToolTip(text if column.kind in ("text", "code") else "")

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._updating:
            return
        self._updating = True
        try:
            self._refresh_tooltip(item, self._columns[item.column()])
        finally:
            self._updating = False
        if self._error_cell is not None or self.error_label.isVisibleTo(self):
            self.clear_error()
        self.changed.emit()

    def _update_buttons(self) -> None:
        r = self.table.currentRow()
        n = self.table.rowCount()
        self.remove_button.setEnabled(r >= 0)
        self.up_button.setEnabled(r > 0)
        self.down_button.setEnabled(0 <= r < n - 1)


# --------------------------------------------------------------------------- the dialog


class EngagementDialog(QDialog):
    """Edits one engagement and all its children; used for New and Edit alike.

    ``data()`` validates what is typed exactly as the service does and shows the first
    error inline; Save (button, Enter or Ctrl+S) emits ``saveRequested`` only when the
    form is valid. The caller saves through the service and then calls ``accept()`` or
    ``show_error()``. Cancel (or Esc, or closing the window) asks before discarding
    unsaved changes.
    """

    saveRequested = Signal()

    def __init__(
        self,
        *,
        markings: Sequence[str],
        default_marking: str,
        vendors: Sequence[str],
        counterparts: Sequence[str],
        catalogue: Sequence[tuple[str, str]],
        data: EngagementData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._markings = tuple(markings)
        self._default_marking = default_marking
        self._is_new = data is None
        self._row_numbers: dict[str, list[int]] = {}
        self._clean: object = None

        self.setObjectName("engagementDialog")
        self.setWindowTitle("New engagement")
        self.setMinimumSize(820, 640)
        self.resize(920, 720)
        self.setSizeGripEnabled(True)
        self._dark = is_dark(self)
        self.setStyleSheet(style_sheet(self))

        # -- scalar fields -------------------------------------------------------------
        self._title = QLineEdit(self)
        self._title.setPlaceholderText("What is being discussed, between whom")
        self._vendor = self._name_combo(vendors, "e.g. OpenAI")
        self._counterpart = self._name_combo(counterparts, "e.g. NATO")
        self._region = self._vocab_combo(Region, optional=True)
        self._status = self._vocab_combo(Status, optional=False)
        self._confidence = self._vocab_combo(Confidence, optional=True)
        self._marking = QComboBox(self)
        self._marking.addItems(list(self._markings))
        self._summary = QPlainTextEdit(self)
        self._summary.setTabChangesFocus(True)
        self._summary.setPlaceholderText("What is known, in a few sentences")
        line_height = self._summary.fontMetrics().lineSpacing()
        self._summary.setFixedHeight(line_height * 4 + 14)
        self._started = PartialDateEdit(self)
        self._follow_up = PartialDateEdit(self)
        self._next_step = QLineEdit(self)
        self._owner = QLineEdit(self)
        self._owner.setPlaceholderText("person or desk")
        self._tags = QLineEdit(self)
        self._tags.setPlaceholderText("comma-separated, e.g. defence, europe-expansion")

        self._inputs: dict[str, QWidget] = {
            "title": self._title,
            "vendor": self._vendor,
            "counterpart": self._counterpart,
            "region": self._region,
            "status": self._status,
            "confidence": self._confidence,
            "marking": self._marking,
            "summary": self._summary,
            "started": self._started,
            "follow_up": self._follow_up,
            "next_step": self._next_step,
            "owner": self._owner,
            "tags": self._tags,
        }
        self._date_edits: dict[str, PartialDateEdit] = {
            "started": self._started,
            "follow_up": self._follow_up,
        }
        self._error_labels: dict[str, QLabel] = {}
        self._cells: dict[str, QWidget] = {}
        for name, widget in self._inputs.items():
            if name in self._date_edits:
                self._cells[name] = widget
                continue
            self._cells[name] = self._with_error_label(name, widget)

        labels = {
            "title": "&Title",
            "vendor": "&Vendor",
            "counterpart": "C&ounterpart",
            "region": "&Region",
            "status": "St&atus",
            "confidence": "Con&fidence",
            "marking": "&Marking",
            "summary": "Summar&y",
            "started": "Starte&d",
            "follow_up": "Fo&llow-up",
            "next_step": "Ne&xt step",
            "owner": "O&wner",
            "tags": "Ta&gs",
        }

        def form(names: Sequence[str]) -> QFormLayout:
            layout = QFormLayout()
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            layout.setVerticalSpacing(6)
            layout.setHorizontalSpacing(10)  # else inherited from the enclosing layout
            for name in names:
                label = QLabel(labels[name], self)
                label.setBuddy(self._inputs[name])
                if name in self._date_edits:
                    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                    label.setContentsMargins(0, 4, 0, 0)
                layout.addRow(label, self._cells[name])
            return layout

        top = form(["title"])
        left = form(["vendor", "counterpart", "region", "status", "confidence", "marking"])
        right = form(["started", "follow_up", "next_step", "owner", "tags"])
        bottom = form(["summary"])
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        # -- children ------------------------------------------------------------------
        self._tabs = QTabWidget(self)
        self._tabs.setDocumentMode(False)
        self._children: dict[str, ChildTable] = {}
        for spec in CHILD_SPECS:
            table = ChildTable(spec, catalogue=catalogue, parent=self._tabs)
            self._children[spec.field] = table
            self._tabs.addTab(table, spec.title)
            table.changed.connect(lambda t=table: self._update_tab_title(t))

        # -- buttons -------------------------------------------------------------------
        self._general_error = QLabel(self)
        self._general_error.setObjectName("generalError")
        self._general_error.setWordWrap(True)
        self._general_error.hide()
        self._buttons = QDialogButtonBox(self)
        self._save_button = self._buttons.addButton("&Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self._cancel_button = self._buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self._save_button.setDefault(True)
        self._save_button.setToolTip("Save (Ctrl+S)")
        self._cancel_button.setToolTip("Close without saving (Esc)")
        self._save_button.clicked.connect(self._request_save)
        self._cancel_button.clicked.connect(self.reject)
        self._save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self._save_shortcut.activated.connect(self._request_save)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(columns)
        layout.addLayout(bottom)
        layout.addWidget(self._tabs, 1)
        layout.addWidget(self._general_error)
        layout.addWidget(self._buttons)
        # Keep the label column of the three forms the same width, so fields line up.
        self._align_forms(top, left, bottom)

        self._set_tab_order()
        self._connect_error_clearing()
        if data is not None:
            self.set_data(data)
        else:
            self._clear_form()
        self._title.setFocus()

    # -- public API --------------------------------------------------------------------

    def data(self) -> EngagementData:
        """What the form holds now, validated as the service validates it.

        On failure the error is also shown inline (next to the field, or in the table
        at fault) and the ValidationError is raised, its ``field`` naming the field.
        """
        for table in self._children.values():
            table.table.commit_pending_edit()
        self.clear_errors()
        obj = self._interchange_object()
        try:
            return data_from_json(
                obj,
                label="this engagement",
                allowed_markings=self._markings,
                default_marking=self._default_marking,
            )
        except ValidationError as exc:
            self.show_error(exc.field, exc.reason)
            raise

    def set_data(self, data: EngagementData) -> None:
        """Show ``data`` in the form; the form is then unchanged (not dirty)."""
        self.clear_errors()
        self._title.setText(data.title)
        self._set_name(self._vendor, data.vendor)
        self._set_name(self._counterpart, data.counterpart)
        self._set_vocab(self._region, data.region)
        self._set_vocab(self._status, data.status)
        self._set_vocab(self._confidence, data.confidence)
        self._set_marking(data.marking or self._default_marking)
        self._summary.setPlainText(data.summary)
        self._started.setValue(data.started)
        self._follow_up.setValue(data.follow_up)
        self._next_step.setText(data.next_step)
        self._owner.setText(data.owner)
        self._tags.setText(", ".join(data.tags))
        for line in (self._title, self._next_step, self._owner, self._tags):
            line.setCursorPosition(0)
        obj = data_to_json(data)
        for name, table in self._children.items():
            table.set_rows(obj[name])
        self._row_numbers = {}
        if not self._is_new:
            self.setWindowTitle(f"Edit — {data.title}")
        self.clear_errors()
        self.mark_clean()

    def show_error(self, field: str, message: str) -> None:
        """Show ``message`` next to ``field`` (a ValidationError field path) and focus it.

        Fields of children ("scope_limits[1].text") select their tab, row and cell;
        numbers refer to the rows of the last ``data()`` (empty rows are skipped there).
        An unknown or empty field shows the message above the buttons.
        """
        match = _FIELD_PATH.fullmatch(field)
        base = match["base"] if match else ""
        if base in self._children:
            assert match is not None
            index = int(match["index"]) if match["index"] is not None else None
            table = self._children[base]
            self._tabs.setCurrentWidget(table)
            if index is None:
                table.show_error(-1, None, message)
            else:
                numbers = self._row_numbers.get(base, [])
                row = numbers[index] if index < len(numbers) else index
                table.show_error(row, match["key"], message)
            self._tabs.tabBar().setTabTextColor(
                self._tabs.indexOf(table), QColor(error_colour(self._tabs))
            )
            return
        if base in self._date_edits:
            edit = self._date_edits[base]
            edit.show_error(message)
            edit.setFocus()
            return
        if base in self._error_labels:
            label = self._error_labels[base]
            label.setText(message)
            show_label(label, True)
            widget = self._inputs[base]
            set_invalid(widget, True)
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()
            return
        self._general_error.setText(f"{field}: {message}" if field else message)
        show_label(self._general_error, True)

    def clear_errors(self) -> None:
        """Remove every inline error."""
        for name, label in self._error_labels.items():
            label.clear()
            show_label(label, False)
            set_invalid(self._inputs[name], False)
        for edit in self._date_edits.values():
            if edit.has_error():
                edit.clear_error()
        for table in self._children.values():
            table.clear_error()
        for i in range(self._tabs.count()):
            self._tabs.tabBar().setTabTextColor(i, QColor())
        self._general_error.clear()
        show_label(self._general_error, False)

    def is_dirty(self) -> bool:
        """True when the form differs from what was last set or marked clean."""
        return self._snapshot() != self._clean

    def mark_clean(self) -> None:
        """Take what the form holds now as the unchanged state (e.g. after a save)."""
        self._clean = self._snapshot()

    def error_label(self, field: str) -> QLabel | None:
        """The label showing the inline error of a field or child kind, if there is one."""
        base = field.split("[", 1)[0]
        if base in self._date_edits:
            return self._date_edits[base].hintLabel()
        if base in self._children:
            return self._children[base].error_label
        if base in self._error_labels:
            return self._error_labels[base]
        return None

    def field_widget(self, field: str) -> QWidget | None:
        """The input of a scalar field ("title", "started"...), for tests and focus."""
        return self._inputs.get(field)

    def child_table(self, field: str) -> ChildTable:
        """The editor of one kind of child ("scope_limits", "restrictions"...)."""
        return self._children[field]

    def tab_widget(self) -> QTabWidget:
        """The tabs holding the child tables."""
        return self._tabs

    def save_button(self) -> QPushButton:
        """The Save button."""
        return self._save_button

    def cancel_button(self) -> QPushButton:
        """The Cancel button."""
        return self._cancel_button

    def changeEvent(self, event: QEvent) -> None:
        """Follow a light/dark palette switch with the error colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and is_dark(self) != self._dark:
            self._dark = is_dark(self)
            self.setStyleSheet(style_sheet(self))

    # -- closing -----------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel, Esc or closing the window: ask first when there are unsaved changes."""
        if self.is_dirty() and not self._confirm_discard():
            return
        super().reject()

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            "Discard changes?",
            "This engagement has unsaved changes. Discard them?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    # -- internals ---------------------------------------------------------------------

    def _request_save(self) -> None:
        try:
            self.data()
        except ValidationError:
            return
        self.saveRequested.emit()

    def _interchange_object(self) -> dict[str, Any]:
        """The form as an interchange-format engagement object, nothing interpreted yet."""
        obj: dict[str, Any] = {
            "title": self._title.text(),
            "vendor": self._vendor.currentText(),
            "counterpart": self._counterpart.currentText(),
            "region": self._region.currentData() or None,
            "status": self._status.currentData() or None,
            "confidence": self._confidence.currentData() or None,
            "marking": self._marking.currentText(),
            "summary": self._summary.toPlainText(),
            "started": self._started.text() if self._started.text().strip() else None,
            "follow_up": self._follow_up.text() if self._follow_up.text().strip() else None,
            "next_step": self._next_step.text(),
            "owner": self._owner.text(),
            "tags": [t.strip() for t in self._tags.text().split(",") if t.strip()],
        }
        self._row_numbers = {}
        for name, table in self._children.items():
            rows, numbers = table.rows()
            obj[name] = rows
            self._row_numbers[name] = numbers
        return obj

    def _snapshot(self) -> object:
        return (
            self._title.text(),
            self._vendor.currentText(),
            self._counterpart.currentText(),
            self._region.currentData(),
            self._status.currentData(),
            self._confidence.currentData(),
            self._marking.currentText(),
            self._summary.toPlainText(),
            self._started.text(),
            self._follow_up.text(),
            self._next_step.text(),
            self._owner.text(),
            self._tags.text(),
            tuple(table.snapshot() for table in self._children.values()),
        )

    def _clear_form(self) -> None:
        """The empty form of a new engagement."""
        self.set_data(
            EngagementData(
                title="",
                vendor="",
                counterpart="",
                status=Status.EXPLORATORY,
                marking=self._default_marking,
            )
        )

    def _name_combo(self, names: Sequence[str], placeholder: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(list(names))
        combo.setMaxVisibleItems(15)
        completer = QCompleter(list(names), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        line = combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(placeholder)
        combo.setCurrentIndex(-1)
        combo.setEditText("")
        return combo

    def _vocab_combo(self, vocab: type[Vocabulary], *, optional: bool) -> QComboBox:
        combo = QComboBox(self)
        if optional:
            combo.addItem(EMPTY_CHOICE, "")
        for member in vocab:
            combo.addItem(member.label, str(member.value))
        return combo

    @staticmethod
    def _set_name(combo: QComboBox, name: str) -> None:
        found = combo.findText(name, Qt.MatchFlag.MatchExactly)
        combo.setCurrentIndex(found)
        combo.setEditText(name)

    @staticmethod
    def _set_vocab(combo: QComboBox, value: Vocabulary | None) -> None:
        found = combo.findData(str(value.value) if value is not None else "")
        combo.setCurrentIndex(max(found, 0))

    def _set_marking(self, marking: str) -> None:
        found = self._marking.findText(marking, Qt.MatchFlag.MatchExactly)
        if found < 0:
            # Show a marking the list does not hold rather than silently changing it:
            # saving then refuses it with a clear message.
            self._marking.addItem(marking)
            found = self._marking.count() - 1
        self._marking.setCurrentIndex(found)

    def _with_error_label(self, name: str, widget: QWidget) -> QWidget:
        cell = QWidget(self)
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        label = QLabel(cell)
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        label.hide()
        box.addWidget(label)
        self._error_labels[name] = label
        return cell

    def _clear_error(self, name: str) -> None:
        label = self._error_labels[name]
        if label.isHidden() and not self._inputs[name].property("invalid"):
            return
        label.clear()
        show_label(label, False)
        set_invalid(self._inputs[name], False)

    def _connect_error_clearing(self) -> None:
        self._title.textChanged.connect(lambda _: self._clear_error("title"))
        self._vendor.editTextChanged.connect(lambda _: self._clear_error("vendor"))
        self._counterpart.editTextChanged.connect(lambda _: self._clear_error("counterpart"))
        for name in ("region", "status", "confidence", "marking"):
            combo = self._inputs[name]
            assert isinstance(combo, QComboBox)
            combo.currentIndexChanged.connect(lambda _, n=name: self._clear_error(n))
        self._summary.textChanged.connect(lambda: self._clear_error("summary"))
        self._next_step.textChanged.connect(lambda _: self._clear_error("next_step"))
        self._owner.textChanged.connect(lambda _: self._clear_error("owner"))
        self._tags.textChanged.connect(lambda _: self._clear_error("tags"))
        for table in self._children.values():
            table.changed.connect(lambda t=table: self._clear_tab_colour(t))

    def _clear_tab_colour(self, table: ChildTable) -> None:
        if not table.has_error():
            self._tabs.tabBar().setTabTextColor(self._tabs.indexOf(table), QColor())

    def _update_tab_title(self, table: ChildTable) -> None:
        rows, _ = table.rows()
        title = table.spec.title + (f" ({len(rows)})" if rows else "")
        self._tabs.setTabText(self._tabs.indexOf(table), title)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self._title,
            self._vendor,
            self._counterpart,
            self._region,
            self._status,
            self._confidence,
            self._marking,
            self._started.lineEdit(),
            self._follow_up.lineEdit(),
            self._next_step,
            self._owner,
            self._tags,
            self._summary,
            self._tabs.tabBar(),
        ]
        for table in self._children.values():
            chain += [
                table.table,
                table.add_button,
                table.remove_button,
                table.up_button,
                table.down_button,
            ]
        chain += [self._save_button, self._cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _align_forms(self, *forms: QFormLayout) -> None:
        labels: list[QWidget] = []
        for layout in forms:
            for row in range(layout.rowCount()):
                item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.ensurePolished()
                    labels.append(widget)
        width = max((w.sizeHint().width() for w in labels), default=0)
        for widget in labels:
            widget.setMinimumWidth(width)
