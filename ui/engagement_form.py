"""The engagement form: one dialog that edits an engagement and all of its children.

:class:`EngagementDialog` is used both for a new engagement (``data=None``) and to
edit an existing one. It never talks to the service (the Links tab's picker searches
through the ``engagements`` finder it is given): it builds the interchange-format
object of what is typed, validates it with ``tracker.domain.interchange.data_from_json``
(exactly what the service does on save), shows any error inline next to the field at
fault, and emits ``saveRequested`` when the form is valid. The caller (the main window)
then saves through the service and either accepts the dialog or shows the service's
error with :meth:`EngagementDialog.show_error`.

The form is built from tracker.domain.fields: one input per flat field (ui.form_inputs,
placed as ui.form_layout says) and one :class:`~ui.child_table.ChildTable` per child
list, in a tab each. Reading, writing, change tracking, errors and the Tab order all go
over those lists, so no field is named here. Widgets carry stable object names:
``field_<key>``, ``error_<key>``, ``children_<key>``, ``child_tabs``, ``save_button``,
``cancel_button`` and ``generalError``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import ValidationError
from tracker.domain.fields import CHILD_KINDS, FLAT_FIELDS
from tracker.domain.interchange import data_from_json, data_to_json
from tracker.domain.languages import Language
from tracker.domain.model import EngagementData
from tracker.domain.vocab import Status
from ui.child_table import ChildTable
from ui.form_inputs import Choices, FieldInput, error_label, make_input
from ui.form_layout import (
    CHILD_LAYOUT,
    FORM_LAYOUT,
    SAVE_MNEMONIC,
    SECTIONS,
    Section,
    fields_in,
    mnemonics,
    with_mnemonic,
)
from ui.i18n import domain_text, translate, ui_language
from ui.link_picker import EngagementFinder
from ui.partial_date_edit import error_background, error_colour, is_dark
from ui.plain_text import question

__all__ = ["EngagementDialog"]


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
QLabel[errorLabel="true"] {{
    color: {colour};
}}
"""


# A ValidationError's field: "title", "scope_limits", "scope_limits[2]" or "scope_limits[2].text".
_FIELD_PATH = re.compile(r"(?P<base>[a-z_]+)(?:\[(?P<index>\d+)\](?:\.(?P<key>[a-z_]+))?)?")


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
        engagements: EngagementFinder | None = None,
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
        self.setWindowTitle(translate("engagement_form", "New engagement"))
        self._letters = self._mnemonics()
        self.setMinimumSize(820, 640)
        self.resize(920, 720)
        self.setSizeGripEnabled(True)
        self._dark = is_dark(self)
        self.setStyleSheet(style_sheet(self))

        choices = Choices(
            names={"vendor": vendors, "counterpart": counterparts},  # by the name field
            markings=self._markings,
            default_marking=default_marking,
        )
        self._inputs: dict[str, FieldInput] = {
            f.key: make_input(f, choices, self) for f in FLAT_FIELDS
        }
        self._cells = {key: entry.make_cell(self) for key, entry in self._inputs.items()}
        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("child_tabs")
        self._tabs.setAccessibleName("Lists")
        self._children: dict[str, ChildTable] = {}
        self._tab_titles: dict[str, str] = {}
        for kind in CHILD_KINDS:
            place = CHILD_LAYOUT[kind.key]
            table = ChildTable(
                kind,
                widths=place.widths,
                catalogue=catalogue,
                finder=engagements,
                parent=self._tabs,
            )
            self._children[kind.key] = table
            self._tab_titles[kind.key] = with_mnemonic(
                domain_text(kind.label), self._letters.get(kind.key, place.mnemonic)
            )
            self._tabs.addTab(table, self._tab_titles[kind.key])
            table.changed.connect(lambda k=kind.key: self._update_tab_title(k))
            table.changed.connect(lambda t=table: self._clear_tab_colour(t))
        self._general_error = error_label(self)
        self._general_error.setObjectName("generalError")
        self._buttons = self._make_buttons()
        self._lay_out()
        self._set_tab_order()
        if data is not None:
            self.set_data(data)
        else:
            self._clear_form()
        self._focus_chain()[0].setFocus()

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
        obj = data_to_json(data)
        for key, entry in self._inputs.items():
            entry.set_value(obj[key])
        for key, table in self._children.items():
            table.set_rows(obj[key])
        self._row_numbers = {}
        if not self._is_new:
            self.setWindowTitle(
                translate("engagement_form", "Edit — {title}").format(title=data.title)
            )
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
        if match is not None and base in self._children:
            index = int(match["index"]) if match["index"] is not None else None
            self._show_child_error(base, index, match["key"], message)
        elif base in self._inputs:
            self._inputs[base].show_error(message)
        else:
            self._general_error.show_message(f"{field}: {message}" if field else message)

    def clear_errors(self) -> None:
        """Remove every inline error."""
        for entry in self._inputs.values():
            entry.clear_error()
        for table in self._children.values():
            table.clear_error()
        for i in range(self._tabs.count()):
            self._tabs.tabBar().setTabTextColor(i, QColor())
        self._general_error.clear_message()

    def is_dirty(self) -> bool:
        """True when the form differs from what was last set or marked clean."""
        return self._snapshot() != self._clean

    def mark_clean(self) -> None:
        """Take what the form holds now as the unchanged state (e.g. after a save)."""
        self._clean = self._snapshot()

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
        answer = question(
            self,
            translate("engagement_form", "Discard changes?"),
            translate("engagement_form", "This engagement has unsaved changes. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    # -- building ----------------------------------------------------------------------

    def _make_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        save = buttons.addButton(
            with_mnemonic(
                translate("engagement_form", "Save"), self._letters.get("save", SAVE_MNEMONIC)
            ),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        save.setObjectName("save_button")
        cancel.setObjectName("cancel_button")
        save.setDefault(True)
        save.setToolTip(translate("engagement_form", "Save (Ctrl+S)"))
        cancel.setToolTip(translate("engagement_form", "Close without saving (Esc)"))
        save.clicked.connect(self._request_save)
        cancel.clicked.connect(self.reject)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.activated.connect(self._request_save)
        self._save_button = save
        self._cancel_button = cancel
        return buttons

    def _lay_out(self) -> None:
        forms = {section: self._form(section) for section in SECTIONS}
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(forms["left"], 1)
        columns.addLayout(forms["right"], 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(forms["top"])
        layout.addLayout(columns)
        layout.addLayout(forms["bottom"])
        layout.addWidget(self._tabs, 1)
        layout.addWidget(self._general_error)
        layout.addWidget(self._buttons)
        # Keep the label column of the three forms the same width, so fields line up.
        _align_labels(forms["top"], forms["left"], forms["bottom"])

    def _form(self, section: Section) -> QFormLayout:
        """The labelled inputs of one section of the form."""
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.setVerticalSpacing(2)  # each row ends in its message line: room enough
        layout.setHorizontalSpacing(10)  # else inherited from the enclosing layout
        for field in fields_in(section):
            entry = self._inputs[field.key]
            letter = self._letters.get(field.key, FORM_LAYOUT[field.key].mnemonic)
            label = QLabel(with_mnemonic(domain_text(field.label), letter), self)
            label.setBuddy(entry.widget)
            # Level with the input, not with the message line every cell has under it.
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 4, 0, 0)
            layout.addRow(label, self._cells[field.key])
        return layout

    @staticmethod
    def _mnemonics() -> dict[str, str]:
        """The letters of the labels and tabs: chosen by hand in English
        (``FORM_LAYOUT``), else the first free letter of each, Save's first."""
        if ui_language() == Language.EN:
            return {}
        return mnemonics(
            {
                "save": translate("engagement_form", "Save"),
                **{f.key: domain_text(f.label) for s in SECTIONS for f in fields_in(s)},
                **{kind.key: domain_text(kind.label) for kind in CHILD_KINDS},
            }
        )

    def _focus_chain(self) -> list[QWidget]:
        """The widgets Tab visits, in order: the fields as laid out, the tabs, the buttons."""
        chain = [self._inputs[f.key].widget for s in SECTIONS for f in fields_in(s)]
        # The inputs and the tab widget themselves, not the widgets they pass the focus
        # to: made after the buttons, they would otherwise follow Cancel in the chain and
        # take Tab from Cancel to the date edits or the tab bar instead of the title.
        chain.append(self._tabs)
        for table in self._children.values():
            chain += [table.table, *table.buttons()]
        return [*chain, self._save_button, self._cancel_button]

    def _set_tab_order(self) -> None:
        for first, second in itertools.pairwise(self._focus_chain()):
            QWidget.setTabOrder(first, second)

    # -- internals ---------------------------------------------------------------------

    def _request_save(self) -> None:
        try:
            self.data()
        except ValidationError:
            return
        self.saveRequested.emit()

    def _interchange_object(self) -> dict[str, Any]:
        """The form as an interchange-format engagement object, nothing interpreted yet."""
        obj: dict[str, Any] = {key: entry.value() for key, entry in self._inputs.items()}
        self._row_numbers = {}
        for key, table in self._children.items():
            rows, numbers = table.rows()
            obj[key] = rows
            self._row_numbers[key] = numbers
        return obj

    def _snapshot(self) -> object:
        return (
            tuple(entry.snapshot() for entry in self._inputs.values()),
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

    def _show_child_error(
        self, key: str, index: int | None, column: str | None, message: str
    ) -> None:
        """Show an error of child ``index`` of ``key`` (None: of the whole list) in its tab."""
        table = self._children[key]
        self._tabs.setCurrentWidget(table)
        if index is None:
            table.show_error(-1, None, message)
        else:
            numbers = self._row_numbers.get(key, [])
            row = numbers[index] if index < len(numbers) else index
            table.show_error(row, column, message)
        self._tabs.tabBar().setTabTextColor(
            self._tabs.indexOf(table), QColor(error_colour(self._tabs))
        )

    def _clear_tab_colour(self, table: ChildTable) -> None:
        if not table.has_error():
            self._tabs.tabBar().setTabTextColor(self._tabs.indexOf(table), QColor())

    def _update_tab_title(self, key: str) -> None:
        table = self._children[key]
        rows, _ = table.rows()
        title = self._tab_titles[key] + (f" ({len(rows)})" if rows else "")
        self._tabs.setTabText(self._tabs.indexOf(table), title)


def _align_labels(*forms: QFormLayout) -> None:
    """Give the label columns of ``forms`` one width (the widest label's)."""
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
