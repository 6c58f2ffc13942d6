"""Edit → Edit selected…: one change for every selected engagement.

A row per thing a bulk edit can change (``tracker.domain.bulk_edit``): a checkbox
says whether to change it, the input beside it (enabled once checked) what to. The
heading says how many engagements will change; the Apply button is on only while
something is checked. A refused value is said on the line under the inputs, naming
the field, and the dialog stays open with every entry intact. The dialog only
gathers the edit: ``ui.editing`` asks the service and pushes the undo step.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.bulk_edit import BulkEdit, field_label
from tracker.domain.vocab import Confidence, Stance, Status, Vocabulary
from ui.i18n import QT_TRANSLATE_NOOP, domain_text, number, translate, vocab_word
from ui.message_line import MessageLine
from ui.plain_text import plain_label

NONE_CHOICE = QT_TRANSLATE_NOOP(
    "bulk_edit_dialog", "(none)"
)  # the confidence choice that clears it


def _words(cls: type[Vocabulary], *, none: bool = False) -> QComboBox:
    box = QComboBox()
    if none:
        box.addItem(translate("bulk_edit_dialog", NONE_CHOICE), "")
    for word in cls:
        box.addItem(vocab_word(word), word.value)
    return box


def _tags(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in text.split(",") if t.strip())


class BulkEditDialog(QDialog):
    """What to change on ``count`` engagements; ``applyRequested`` when Apply is pressed."""

    applyRequested = Signal()

    def __init__(
        self,
        *,
        count: int,
        markings: Sequence[str],
        catalogue: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(translate("bulk_edit_dialog", "Edit selected engagements"))
        self._count = count
        self._checks: dict[str, QCheckBox] = {}
        self._status = _words(Status)
        self._owner = QLineEdit()
        self._marking = QComboBox()
        self._marking.addItems(list(markings))
        self._follow_up = QLineEdit()
        self._follow_up.setPlaceholderText(
            translate("bulk_edit_dialog", "e.g. 2026-06, Q3 2026, next Friday; empty clears")
        )
        self._confidence = _words(Confidence, none=True)
        self._add_tags = QLineEdit()
        self._remove_tags = QLineEdit()
        self._code = QComboBox()
        for code, title in catalogue:
            self._code.addItem(f"{title} ({code})", code)
        self._stance = _words(Stance)
        self._heading = plain_label(self._heading_text(), self)
        self._heading.setObjectName("bulkEditCount")
        self.error_line = MessageLine(self)
        self.error_line.setObjectName("bulkEditError")
        self._build(bool(catalogue))

    def _heading_text(self) -> str:
        if self._count == 1:
            return translate("bulk_edit_dialog", "Change 1 engagement: check what to set.")
        return translate(
            "bulk_edit_dialog", "Change {count} engagements: check what to set."
        ).format(count=number(self._count))

    def _build(self, has_catalogue: bool) -> None:
        grid = QGridLayout()
        rows: list[tuple[str, str, QWidget]] = [
            ("status", domain_text(field_label("status")), self._status),
            ("owner", domain_text(field_label("owner")), self._owner),
            ("marking", domain_text(field_label("marking")), self._marking),
            ("follow_up", domain_text(field_label("follow_up")), self._follow_up),
            ("confidence", domain_text(field_label("confidence")), self._confidence),
            ("add_tags", translate("bulk_edit_dialog", "Add tags"), self._add_tags),
            ("remove_tags", translate("bulk_edit_dialog", "Remove tags"), self._remove_tags),
        ]
        for n, (key, label, widget) in enumerate(rows):
            self._row(grid, n, key, label, (widget,))
        if has_catalogue:
            stance = translate("bulk_edit_dialog", "Restriction stance")
            self._row(grid, len(rows), "stance", stance, (self._code, self._stance))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = QPushButton(
            translate("bulk_edit_dialog", "&Apply to {count}").format(count=number(self._count))
        )
        self.apply_button.setObjectName("bulkEditApply")
        self.apply_button.setDefault(True)
        self.apply_button.setEnabled(False)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.applyRequested.emit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._heading)
        layout.addLayout(grid)
        layout.addWidget(self.error_line)
        layout.addWidget(buttons)

    def _row(
        self, grid: QGridLayout, n: int, key: str, label: str, widgets: tuple[QWidget, ...]
    ) -> None:
        check = QCheckBox(label)
        check.setObjectName(f"bulk_{key}")
        self._checks[key] = check
        for column, widget in enumerate(widgets, start=1):
            widget.setObjectName(f"bulk_{key}_value" if column == 1 else f"bulk_{key}_stance")
            widget.setAccessibleName(label if column == 1 else "Stance")
            widget.setEnabled(False)
            check.toggled.connect(widget.setEnabled)
            grid.addWidget(widget, n, column)
        check.toggled.connect(self._checked_changed)
        grid.addWidget(check, n, 0)

    def _checked_changed(self) -> None:
        self.apply_button.setEnabled(any(c.isChecked() for c in self._checks.values()))
        self.error_line.clear_message()

    def _on(self, key: str) -> bool:
        check = self._checks.get(key)
        return check is not None and check.isChecked()

    def edit(self) -> BulkEdit:
        """The change the checked rows ask for, in the interchange format's words."""
        texts = {
            "status": str(self._status.currentData()),
            "owner": self._owner.text().strip(),
            "marking": self._marking.currentText(),
            "follow_up": self._follow_up.text().strip(),
            "confidence": str(self._confidence.currentData()),
        }
        values = tuple((key, text) for key, text in texts.items() if self._on(key))
        stances = ((str(self._code.currentData()), str(self._stance.currentData())),)
        return BulkEdit(
            values=values,
            add_tags=_tags(self._add_tags.text()) if self._on("add_tags") else (),
            remove_tags=_tags(self._remove_tags.text()) if self._on("remove_tags") else (),
            stances=stances if self._on("stance") else (),
        )

    def show_error(self, message: str) -> None:
        """Say why the edit was refused (the field named), keeping the entries."""
        self.error_line.show_message(message)
