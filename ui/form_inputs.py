"""The inputs of the engagement form's flat fields, each built from its ``Field``.

:func:`make_input` picks the widget by the field's kind (see tracker.domain.fields):

    text       QLineEdit                 multiline  QPlainTextEdit, four lines high
    name       editable QComboBox of the known names, completing as you type
    vocab      QComboBox of the vocabulary, with an empty choice unless required
    marking    QComboBox of the allowed markings
    date       PartialDateEdit           tags       QLineEdit of comma-separated words

The placeholder is the field's ``hint``. Every :class:`FieldInput` reads and writes its
field's interchange-format value (a vocabulary word, an ISO date, a list of tags), gives
a snapshot for change tracking and shows its own inline error, so the dialog treats all
fields alike. The error shows on a line under the input whose space is kept while it is
empty (ui.message_line): an error appearing or clearing never moves the form. Widgets
are named ``field_<key>`` and error labels ``error_<key>``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.dates import PartialDate
from tracker.domain.fields import Field, FieldKind
from tracker.domain.vocab import Vocabulary
from ui.accessibility import name_input
from ui.i18n import domain_text, vocab_word
from ui.message_line import MessageLine
from ui.partial_date_edit import PartialDateEdit, set_invalid

__all__ = [
    "EMPTY_CHOICE",
    "Choices",
    "FieldInput",
    "error_label",
    "fill_vocab",
    "make_input",
]

EMPTY_CHOICE = "—"


@dataclass(frozen=True)
class Choices:
    """What the form offers to pick from: known names by field key, allowed markings."""

    names: Mapping[str, Sequence[str]]
    markings: Sequence[str]
    default_marking: str


def fill_vocab(combo: QComboBox, vocab: type[Vocabulary], *, optional: bool) -> None:
    """Offer the labels of ``vocab`` (the word is each item's data), optionally none."""
    if optional:
        combo.addItem(EMPTY_CHOICE, "")
    for member in vocab:
        combo.addItem(vocab_word(member), str(member.value))


def error_label(parent: QWidget) -> MessageLine:
    """A hidden line for an inline error, its space kept; the style sheet colours it."""
    label = MessageLine(parent)
    label.setProperty("errorLabel", True)
    label.hide()
    return label


# --------------------------------------------------------------------------- the inputs


class FieldInput(ABC):
    """The input of one flat field: its widget, the cell holding it, value and error."""

    def __init__(self, field: Field, widget: QWidget) -> None:
        self.field = field
        self.widget = widget  # the labels' buddy and what an error marks invalid
        widget.setObjectName(f"field_{field.key}")
        # Its label is no sibling: Qt would not find it.
        name_input(widget, domain_text(field.label))

    @abstractmethod
    def make_cell(self, parent: QWidget) -> QWidget:
        """What the form lays out: the widget, with room for its error message.

        The dialog makes every cell once, after all the inputs, so that Qt's focus chain
        holds the inputs one after the other, in the order of the fields.
        """

    @abstractmethod
    def value(self) -> Any:
        """The field's value in the interchange format, not yet validated."""

    @abstractmethod
    def set_value(self, value: Any) -> None:
        """Show an interchange-format value (None: the field left empty)."""

    def snapshot(self) -> object:
        """What the input holds, for change tracking."""
        return self.value()

    @abstractmethod
    def show_error(self, message: str) -> None:
        """Show ``message`` at the field, mark it invalid and focus it."""

    @abstractmethod
    def clear_error(self) -> None:
        """Remove the error shown, if any."""


class _LabelledInput(FieldInput):
    """An input with an error line under it, cleared as soon as the value changes.

    The line's space is kept while no error shows, so an error never moves the form.
    """

    _error: MessageLine  # made with the cell

    def make_cell(self, parent: QWidget) -> QWidget:
        cell = QWidget(parent)
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)  # as the date edit's hint line
        box.addWidget(self.widget)
        self._error = error_label(cell)
        self._error.setObjectName(f"error_{self.field.key}")
        box.addWidget(self._error)
        return cell

    def show_error(self, message: str) -> None:
        self._error.show_message(message)
        set_invalid(self.widget, True)
        self.widget.setFocus()
        if isinstance(self.widget, QLineEdit):
            self.widget.selectAll()

    def clear_error(self) -> None:
        # Called on every keystroke: do nothing (no re-layout) while no error is shown.
        if self._error.isHidden() and not self.widget.property("invalid"):
            return
        self._error.clear_message()
        set_invalid(self.widget, False)

    def _edited(self, *_: object) -> None:
        self.clear_error()


class _LineInput(_LabelledInput):
    """One line of text."""

    def __init__(self, field: Field, choices: Choices, parent: QWidget) -> None:
        self._line = QLineEdit(parent)
        self._line.setPlaceholderText(domain_text(field.hint))
        super().__init__(field, self._line)
        self._line.textChanged.connect(self._edited)

    def value(self) -> Any:
        return self._line.text()

    def set_value(self, value: Any) -> None:
        self._line.setText(value or "")
        self._line.setCursorPosition(0)  # a long value shows its beginning


class _TagsInput(_LineInput):
    """A list of words, typed comma-separated; blank words are dropped."""

    def value(self) -> Any:
        return [t.strip() for t in self._line.text().split(",") if t.strip()]

    def set_value(self, value: Any) -> None:
        super().set_value(", ".join(value or ()))

    def snapshot(self) -> object:
        return self._line.text()


class _TextInput(_LabelledInput):
    """Free text over several lines; Tab moves on rather than typing a tab."""

    def __init__(self, field: Field, choices: Choices, parent: QWidget) -> None:
        self._text = QPlainTextEdit(parent)
        self._text.setTabChangesFocus(True)
        # Qt's default, wrapping at word boundaries *or anywhere*, lays out one long word
        # in time that grows with its square: a summary of a megabyte without a space
        # froze the form for 90 s. Wrapping at word boundaries only takes under a second.
        self._text.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self._text.setPlaceholderText(domain_text(field.hint))
        self._text.setFixedHeight(self._text.fontMetrics().lineSpacing() * 4 + 14)
        super().__init__(field, self._text)
        self._text.textChanged.connect(self._edited)

    def value(self) -> Any:
        return self._text.toPlainText()

    def set_value(self, value: Any) -> None:
        self._text.setPlainText(value or "")


class _NameInput(_LabelledInput):
    """An organisation's name: pick a known one (matching anywhere) or type a new one."""

    def __init__(self, field: Field, choices: Choices, parent: QWidget) -> None:
        names = list(choices.names.get(field.key, ()))
        self._combo = QComboBox(parent)
        self._combo.setEditable(True)
        self._combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._combo.addItems(names)
        self._combo.setMaxVisibleItems(15)
        completer = QCompleter(names, self._combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._combo.setCompleter(completer)
        line = self._combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(domain_text(field.hint))
        self._combo.setCurrentIndex(-1)
        self._combo.setEditText("")
        super().__init__(field, self._combo)
        self._combo.editTextChanged.connect(self._edited)

    def value(self) -> Any:
        return self._combo.currentText()

    def set_value(self, value: Any) -> None:
        name = value or ""
        self._combo.setCurrentIndex(self._combo.findText(name, Qt.MatchFlag.MatchExactly))
        self._combo.setEditText(name)


class _VocabInput(_LabelledInput):
    """A word of the field's vocabulary, shown by its label; "—" for none if optional."""

    def __init__(self, field: Field, choices: Choices, parent: QWidget) -> None:
        assert field.vocab is not None, f"{field.key} has no vocabulary"
        self._combo = QComboBox(parent)
        fill_vocab(self._combo, field.vocab, optional=field.optional_word)
        super().__init__(field, self._combo)
        self._combo.currentIndexChanged.connect(self._edited)

    def value(self) -> Any:
        return self._combo.currentData() or None

    def set_value(self, value: Any) -> None:
        # No word: the empty choice, or for a required field its first word.
        self._combo.setCurrentIndex(max(self._combo.findData(value or ""), 0))

    def snapshot(self) -> object:
        return self._combo.currentData()


class _MarkingInput(_LabelledInput):
    """A handling marking from the allowed list; no marking means the default one."""

    def __init__(self, field: Field, choices: Choices, parent: QWidget) -> None:
        self._combo = QComboBox(parent)
        self._combo.addItems(list(choices.markings))
        self._default = choices.default_marking
        super().__init__(field, self._combo)
        self._combo.currentIndexChanged.connect(self._edited)

    def value(self) -> Any:
        return self._combo.currentText()

    def set_value(self, value: Any) -> None:
        marking = value or self._default
        found = self._combo.findText(marking, Qt.MatchFlag.MatchExactly)
        if found < 0:
            # Show a marking the list does not hold rather than silently changing it:
            # saving then refuses it with a clear message.
            self._combo.addItem(marking)
            found = self._combo.count() - 1
        self._combo.setCurrentIndex(found)


class _DateInput(FieldInput):
    """A partial date; the edit's own label shows what was understood, or the error."""

    def __init__(self, field: Field, choices: Choices, parent: QWidget) -> None:
        self._edit = PartialDateEdit(parent)
        if field.hint:  # else keep the edit's own examples of dates
            self._edit.lineEdit().setPlaceholderText(domain_text(field.hint))
        super().__init__(field, self._edit)

    def make_cell(self, parent: QWidget) -> QWidget:
        return self._edit  # the edit's own label shows its errors

    def value(self) -> Any:
        # Passed on as typed: the interchange reader says what is wrong with a bad date.
        text = self._edit.text()
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        self._edit.setValue(PartialDate.from_iso(value) if value else None)

    def snapshot(self) -> object:
        return self._edit.text()

    def show_error(self, message: str) -> None:
        self._edit.show_error(message)
        self._edit.setFocus()

    def clear_error(self) -> None:
        if self._edit.has_error():
            self._edit.clear_error()


_INPUTS: dict[FieldKind, Callable[[Field, Choices, QWidget], FieldInput]] = {
    "text": _LineInput,
    "multiline": _TextInput,
    "name": _NameInput,
    "vocab": _VocabInput,
    "marking": _MarkingInput,
    "date": _DateInput,
    "tags": _TagsInput,
}


def make_input(field: Field, choices: Choices, parent: QWidget) -> FieldInput:
    """The input of a flat field, by its kind (a child list is edited by a ChildTable)."""
    kind = _INPUTS.get(field.kind)
    if kind is None:
        raise ValueError(f"the form has no input for {field.key!r} of kind {field.kind!r}")
    return kind(field, choices, parent)
