"""The conflict dialog: shown when a save meets a newer version of the engagement.

Somebody else (a colleague, or the user in a second window) saved the engagement
while the user was editing it; the dialog names them and says when, from the audit
trail (:class:`~ui.other_writers.OtherWriters`). Changes that do not clash were merged
already (:func:`tracker.domain.merge.three_way_merge`); this dialog lists the fields
both sides changed differently, side by side (Field / Original / Yours / bob's), with
a choice per field, and below them the other writer's changes that were merged
automatically, so nothing is hidden. When several people saved newer versions, a
"Changed by" column says who last changed each field.

The user leaves the dialog in one of three ways:

- **Save merged** (the default button): ``outcome == "save_merged"``; save
  :meth:`ConflictDialog.chosen`.
- **Discard my changes** (after a confirmation): ``outcome == "keep_theirs"``; the
  user's edits are discarded and the stored version stays.
- **Cancel** (or Escape): the dialog is rejected and ``outcome`` stays ``None``;
  the caller goes back to the form with the user's edits intact.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.merge import Choice, MergeResult, describe, field_label, resolve
from tracker.domain.model import CHILD_FIELDS, EngagementData
from ui.i18n import translate
from ui.other_writers import OtherWriters
from ui.plain_text import escaped, plain_label, question, tooltip

__all__ = ["ConflictDialog", "Outcome"]

Outcome = Literal["keep_theirs", "save_merged"]

EMPTY_TEXT = "(empty)"
MAX_CELL_LINES = 8
MAX_CELL_CHARS = 500
DIALOG_WIDTH = 960
CONFLICTS_MAX_HEIGHT = 420  # beyond this the conflict table scrolls
AUTO_MAX_HEIGHT = 220  # ... and the table of automatic merges

# Columns of the conflict table (their side is headed by its writer: "bob's").
FIELD_COL, ORIGINAL_COL, MINE_COL, THEIRS_COL, CHANGED_BY_COL, KEEP_COL = range(6)
# ... and of the table of changes merged automatically.
AUTO_FIELD_COL, AUTO_ORIGINAL_COL, AUTO_MERGED_COL, AUTO_CHANGED_BY_COL = range(4)
CHANGED_BY = "Changed by"  # shown when several people saved newer versions


def cell_text(text: str) -> str:
    """What a table cell shows of ``text``: at most a few lines, "…" when cut."""
    if not text:
        return EMPTY_TEXT
    lines = text.splitlines()
    shown = "\n".join(lines[:MAX_CELL_LINES])
    cut = len(lines) > MAX_CELL_LINES
    if len(shown) > MAX_CELL_CHARS:
        shown = shown[:MAX_CELL_CHARS].rstrip()
        cut = True
    return shown + " …" if cut else shown


def _confirm_discard(parent: QWidget, text: str) -> bool:
    answer = question(
        parent,
        translate("conflict_dialog", "Discard your changes?"),
        text,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


class ConflictDialog(QDialog):
    """Lets the user settle the fields both they and another writer changed.

    ``outcome`` is ``"save_merged"`` or ``"keep_theirs"`` once the dialog is
    accepted, ``None`` while open or after Cancel. :meth:`chosen` is the data to
    save: every automatically merged change plus the chosen side of each conflict.
    ``confirm_discard`` (called with the dialog, returns True to go on) asks before
    "Discard my changes" throws the user's edits away; tests may replace it.
    ``writers`` are the audit entries of the newer versions: who saved them, and when.
    """

    def __init__(
        self,
        *,
        title: str,
        result: MergeResult,
        theirs_version: int,
        writers: OtherWriters,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._result = result
        self.theirs_version = theirs_version
        self.outcome: Outcome | None = None
        people = writers.people()
        discard = (
            f"Discard all of your changes to this engagement and keep version "
            f"{theirs_version} as {people} saved it?"
        )
        self.confirm_discard: Callable[[QWidget], bool] = lambda parent: _confirm_discard(
            parent, discard
        )
        self._combos: dict[str, QComboBox] = {}
        theirs = writers.their(heading=True)
        several = len(writers.names) > 1  # then each field says who changed it

        self.setWindowTitle(f"Conflicting changes — {title}")
        self.setModal(True)
        self.setSizeGripEnabled(True)

        layout = QVBoxLayout(self)

        self.explanation = QLabel(
            f"<b>{escaped(title)}</b> was changed while you were editing it: "
            f"{escaped(writers.summary())} (now version {theirs_version})."
        )
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.explanation)

        n = len(result.conflicts)
        hint = plain_label(
            f"You changed {n} field{'s' if n != 1 else ''} that {people} also changed. "
            "Choose which version to keep for each; the other changes are merged "
            "automatically."
            if n
            else "Your changes do not clash with the newer version; they can be merged as "
            "they are.",
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)

        # -- conflicting fields ---------------------------------------------------
        self.table = QTableWidget(n, KEEP_COL + 1, self)
        self.table.setObjectName("conflicts")
        self.table.setAccessibleName("Conflicting fields")
        self.table.setHorizontalHeaderLabels(
            [
                translate("conflict_dialog", "Field"),
                translate("conflict_dialog", "Original"),
                translate("conflict_dialog", "Yours"),
                theirs,
                CHANGED_BY,
                translate("conflict_dialog", "Keep"),
            ]
        )
        self.table.setColumnHidden(CHANGED_BY_COL, not several)
        _setup_table(self.table)
        for row, conflict in enumerate(result.conflicts):
            original = _shown(result.merged, conflict.field, conflict.original)
            mine = _shown(result.merged, conflict.field, conflict.mine)
            theirs_text = _shown(result.merged, conflict.field, conflict.theirs)
            label = field_label(conflict.field)
            self.table.setItem(row, FIELD_COL, _item(label, bold=True))
            self.table.setItem(row, ORIGINAL_COL, _item(original))
            self.table.setItem(row, MINE_COL, _item(mine))
            self.table.setItem(row, THEIRS_COL, _item(theirs_text))
            self.table.setItem(row, CHANGED_BY_COL, _item(writers.changed_by(conflict.field)))
            combo = QComboBox(self.table)
            combo.addItem(translate("conflict_dialog", "Yours"), "mine")
            combo.addItem(theirs, "theirs")
            combo.setAccessibleName(f"Keep for {label}")
            combo.setToolTip(tooltip(f"Which version of {label} to save"))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._mark_choice(r))
            holder = QWidget(self.table)
            box = QVBoxLayout(holder)
            box.setContentsMargins(4, 4, 4, 4)
            box.addWidget(combo)
            box.addStretch(1)
            self.table.setCellWidget(row, KEEP_COL, holder)
            self._combos[conflict.field] = combo
            self._mark_choice(row)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FIELD_COL, QHeaderView.ResizeMode.ResizeToContents)
        for col in (ORIGINAL_COL, MINE_COL, THEIRS_COL):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CHANGED_BY_COL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KEEP_COL, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: _fit(self.table, CONFLICTS_MAX_HEIGHT))
        self.table.setVisible(n > 0)
        layout.addWidget(self.table, 3)
        layout.addSpacing(6)

        # -- merged automatically -------------------------------------------------
        auto_fields = result.merged_from_theirs
        self.auto_label = QLabel(
            f"Also changed by {escaped(people)} and <b>merged automatically</b> (you "
            "did not change these, or made the same change):"
            if auto_fields
            else f"No other changes by {escaped(people)} to merge."
        )
        self.auto_label.setTextFormat(Qt.TextFormat.RichText)
        self.auto_label.setWordWrap(True)
        layout.addWidget(self.auto_label)
        self.auto_table = QTableWidget(len(auto_fields), AUTO_CHANGED_BY_COL + 1, self)
        self.auto_table.setObjectName("merged_automatically")
        self.auto_table.setAccessibleName("Changes merged automatically")
        self.auto_table.setHorizontalHeaderLabels(
            [
                translate("conflict_dialog", "Field"),
                translate("conflict_dialog", "Original"),
                f"{theirs} (merged)",
                CHANGED_BY,
            ]
        )
        self.auto_table.setColumnHidden(AUTO_CHANGED_BY_COL, not several)
        _setup_table(self.auto_table)
        for row, name in enumerate(auto_fields):
            was = _shown(result.original, name) if result.original is not None else ""
            self.auto_table.setItem(row, AUTO_FIELD_COL, _item(field_label(name), bold=True))
            self.auto_table.setItem(row, AUTO_ORIGINAL_COL, _item(was))
            self.auto_table.setItem(row, AUTO_MERGED_COL, _item(_shown(result.merged, name)))
            self.auto_table.setItem(row, AUTO_CHANGED_BY_COL, _item(writers.changed_by(name)))
        auto_header = self.auto_table.horizontalHeader()
        for col, mode in (
            (AUTO_FIELD_COL, QHeaderView.ResizeMode.ResizeToContents),
            (AUTO_ORIGINAL_COL, QHeaderView.ResizeMode.Stretch),
            (AUTO_MERGED_COL, QHeaderView.ResizeMode.Stretch),
            (AUTO_CHANGED_BY_COL, QHeaderView.ResizeMode.ResizeToContents),
        ):
            auto_header.setSectionResizeMode(col, mode)
        auto_header.sectionResized.connect(lambda *_: _fit(self.auto_table, AUTO_MAX_HEIGHT))
        self.auto_table.setVisible(bool(auto_fields))
        layout.addWidget(self.auto_table, 2)

        # -- buttons ----------------------------------------------------------------
        buttons = QHBoxLayout()
        self.use_mine_button = QPushButton(
            translate("conflict_dialog", "Keep &my version of every field"), self
        )
        self.use_mine_button.setToolTip(
            translate("conflict_dialog", "Choose your version for every conflicting field")
        )
        self.use_mine_button.clicked.connect(lambda: self.set_all("mine"))
        their = writers.their()
        self.use_theirs_button = QPushButton(f"&Take {their} version of every field", self)
        self.use_theirs_button.setToolTip(
            tooltip(f"Choose {their} version for every conflicting field")
        )
        self.use_theirs_button.clicked.connect(lambda: self.set_all("theirs"))
        for button in (self.use_mine_button, self.use_theirs_button):
            button.setAutoDefault(False)
            button.setEnabled(n > 0)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.keep_theirs_button = QPushButton(
            translate("conflict_dialog", "&Discard my changes"), self
        )
        self.keep_theirs_button.setToolTip(
            tooltip(
                f"Throw away all of your edits and keep version {theirs_version} "
                f"as {people} saved it"
            )
        )
        self.keep_theirs_button.setAutoDefault(False)
        self.keep_theirs_button.clicked.connect(self.keep_theirs)
        self.cancel_button = QPushButton(translate("conflict_dialog", "Cancel"), self)
        self.cancel_button.setToolTip(
            translate(
                "conflict_dialog", "Go back to the form; your edits are kept, nothing is saved"
            )
        )
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(translate("conflict_dialog", "&Save merged"), self)
        self.save_button.setToolTip(
            translate("conflict_dialog", "Save the merged engagement with the choices above")
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_merged)
        for button in (self.keep_theirs_button, self.cancel_button, self.save_button):
            buttons.addWidget(button)
        layout.addStretch(1)
        layout.addLayout(buttons)

        # Keyboard order: the tables, each choice in turn, then the buttons.
        chain: list[QWidget] = [
            self.table,
            *self._combos.values(),
            self.auto_table,
            self.use_mine_button,
            self.use_theirs_button,
            self.keep_theirs_button,
            self.cancel_button,
            self.save_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

        self._sized = False
        self.resize(DIALOG_WIDTH, 480)

    def showEvent(self, event: QShowEvent) -> None:
        """Start on the first choice (Enter still presses "Save merged")."""
        super().showEvent(event)
        if not self._sized:  # rows wrap to the real column widths only now
            self._sized = True
            self._refit()
            self.resize(self.width(), self.minimumSizeHint().height() + 8)
        first = next(iter(self._combos.values()), None)
        (first or self.save_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def _refit(self) -> None:
        """Fit both tables' heights to their wrapped rows."""
        _fit(self.table, CONFLICTS_MAX_HEIGHT)
        _fit(self.auto_table, AUTO_MAX_HEIGHT)

    # -- choices -------------------------------------------------------------------

    @property
    def merge_result(self) -> MergeResult:
        """The merge this dialog settles."""
        return self._result

    def conflict_fields(self) -> tuple[str, ...]:
        """The conflicting fields, in table order."""
        return tuple(self._combos)

    def choice(self, field: str) -> Choice:
        """The side currently chosen for a conflicting ``field``."""
        value = self._combos[field].currentData()
        return "theirs" if value == "theirs" else "mine"

    def choices(self) -> dict[str, Choice]:
        """The side chosen for every conflicting field."""
        return {name: self.choice(name) for name in self._combos}

    def set_choice(self, field: str, choice: Choice) -> None:
        """Choose ``"mine"`` or ``"theirs"`` for a conflicting ``field``."""
        combo = self._combos.get(field)
        if combo is None:
            raise KeyError(f"{field} is not in conflict")
        index = combo.findData(choice)
        if index < 0:
            raise ValueError(f'choice must be "mine" or "theirs", not {choice!r}')
        combo.setCurrentIndex(index)

    def set_all(self, choice: Choice) -> None:
        """Choose the same side for every conflicting field."""
        for name in self._combos:
            self.set_choice(name, choice)

    def chosen(self) -> EngagementData:
        """The data to save: the merged changes plus the chosen side of each conflict."""
        return resolve(self._result, self.choices())

    # -- outcomes ------------------------------------------------------------------

    def save_merged(self) -> None:
        """Accept the dialog: save :meth:`chosen`."""
        self.outcome = "save_merged"
        self.accept()

    def keep_theirs(self) -> None:
        """After confirmation, accept the dialog discarding the user's edits."""
        if not self.confirm_discard(self):
            return
        self.outcome = "keep_theirs"
        self.accept()

    def reject(self) -> None:
        """Cancel: back to the form, edits intact, nothing saved."""
        self.outcome = None
        super().reject()

    # -- look ----------------------------------------------------------------------

    def _mark_choice(self, row: int) -> None:
        """Tint the chosen side's cell in ``row`` and set its text in bold."""
        field = self._result.conflicts[row].field
        combo = self._combos.get(field)
        mine_chosen = combo is None or combo.currentData() != "theirs"
        palette = self.palette()
        tint = QColor(palette.color(QPalette.ColorRole.Highlight))
        tint.setAlpha(48)
        for col, chosen in ((MINE_COL, mine_chosen), (THEIRS_COL, not mine_chosen)):
            item = self.table.item(row, col)
            if item is None:
                continue
            item.setBackground(tint if chosen else QColor(0, 0, 0, 0))
            font = item.font()
            font.setBold(chosen)
            item.setFont(font)


def _setup_table(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    table.setTabKeyNavigation(False)
    table.setWordWrap(True)
    table.setAlternatingRowColors(False)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )


def _fit(table: QTableWidget, max_height: int) -> None:
    """Size ``table`` to its rows (up to ``max_height``, then it scrolls)."""
    table.resizeRowsToContents()
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    height = table.horizontalHeader().height() + rows + 2 * table.frameWidth() + 2
    table.setMinimumHeight(min(height, max_height))
    table.setMaximumHeight(max(height, table.minimumHeight()))


def _item(text: str, *, bold: bool = False) -> QTableWidgetItem:
    """A read-only cell: the text cut to a few lines, the whole text as its tooltip."""
    item = QTableWidgetItem(cell_text(text))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    item.setToolTip(tooltip(text))
    item.setData(Qt.ItemDataRole.AccessibleTextRole, text or EMPTY_TEXT)
    if not text:
        font = QFont(item.font())
        font.setItalic(True)
        item.setFont(font)
        item.setForeground(QPalette().color(QPalette.ColorRole.PlaceholderText))
    elif bold:
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    return item


_MISSING = object()


def _shown(data: EngagementData, field: str, value: object = _MISSING) -> str:
    """How a cell shows ``field`` of ``data`` (or ``value`` in its place).

    The text is :func:`~tracker.domain.merge.describe`'s; items of child lists get a
    bullet each, so an item that wraps over several lines reads as one.
    """
    if value is not _MISSING:
        data = dataclasses.replace(data, **{field: value})  # type: ignore[arg-type]
    text = describe(data, field)
    if field in CHILD_FIELDS and text:
        return "\n".join(f"• {line}" for line in text.splitlines())
    return text
