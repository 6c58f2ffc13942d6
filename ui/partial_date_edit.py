"""A line edit for partial dates that says, as you type, what it understood.

Policy staff type dates the way they read them ("Q3 2025", "mid-2025", "27 Feb 2026").
:class:`PartialDateEdit` accepts any text and shows, in a small label under the
field, either the date it understood (:func:`understood`: "Q3 2025", "c. 2025",
"mid-2025 (May–Aug 2025)") or why it could not (the ``DateParseError`` message) in an
error colour. The label is a :class:`~ui.message_line.MessageLine`: one line high
whatever it says, so the form never moves while typing. Nothing typed is ever rewritten
while the user types.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from tracker.domain.date_parser import parse_partial_date
from tracker.domain.dates import DateParseError, PartialDate, Precision
from tracker.domain.languages import Language
from ui.i18n import QT_TRANSLATE_NOOP, date_text, translate, ui_language
from ui.message_line import MessageLine
from ui.plain_text import tooltip

__all__ = [
    "ERROR_COLOUR",
    "ERROR_COLOUR_DARK",
    "PartialDateEdit",
    "display_text",
    "error_background",
    "error_colour",
    "hint_colour",
    "is_dark",
    "set_invalid",
    "understood",
]

ERROR_COLOUR = "#b3261e"  # on light backgrounds
ERROR_COLOUR_DARK = "#ff8a80"  # on dark backgrounds
ERROR_BACKGROUND = "#fdecea"
ERROR_BACKGROUND_DARK = "#4a1f1c"
PLACEHOLDER = QT_TRANSLATE_NOOP("partial_date_edit", "e.g. Q3 2025, Feb 2026, mid-2025")


def is_dark(widget: QWidget) -> bool:
    """True when the widget's palette is a dark theme (light text on a dark base)."""
    palette = widget.palette()
    return (
        palette.color(QPalette.ColorRole.Base).lightness()
        < palette.color(QPalette.ColorRole.Text).lightness()
    )


def error_colour(widget: QWidget) -> str:
    """The error text colour that reads well on the widget's palette."""
    return ERROR_COLOUR_DARK if is_dark(widget) else ERROR_COLOUR


def error_background(widget: QWidget) -> str:
    """The tint of a field or cell at fault, for the widget's palette."""
    return ERROR_BACKGROUND_DARK if is_dark(widget) else ERROR_BACKGROUND


def hint_colour(widget: QWidget) -> str:
    """A muted text colour (the palette's placeholder text) for hints."""
    return widget.palette().color(QPalette.ColorRole.PlaceholderText).name()


def understood(value: PartialDate) -> str:
    """What a typed date was understood as: its label, and for a half or a third of a
    year the months it covers, since where "early" ends is a convention ("mid-2025
    (May–Aug 2025)"); in French, as the briefings write it ("2e trimestre 2026")."""
    if ui_language() != Language.EN:
        return date_text(value)
    if value.precision in (Precision.HALF, Precision.THIRD):
        return f"{value.label()} ({value.months_label()})"
    return value.label()


def display_text(value: PartialDate | None) -> str:
    """How a stored date is shown for editing: its label, or its ISO form if that reads back
    more faithfully (the label of a year before 1000 would not)."""
    if value is None:
        return ""
    text = value.label()
    try:
        if parse_partial_date(text) == value:
            return text
    except DateParseError:
        pass
    return value.iso()


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Set the ``invalid`` dynamic property a style sheet can select on, and re-polish."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class PartialDateEdit(QWidget):
    """A free-text partial-date field with a live "understood as" label beneath it.

    ``value()`` returns the parsed date (None when empty) or raises DateParseError;
    ``setValue()`` shows a date's human label. ``show_error()`` puts a message in the
    label in the error colour and marks the line edit invalid until the text changes.
    """

    textChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._line = QLineEdit(self)
        self._line.setPlaceholderText(translate("partial_date_edit", PLACEHOLDER))
        self._line.setClearButtonEnabled(True)
        # One line, always: the form must not move while typing (a long message is cut).
        self._hint = MessageLine(self)
        self._hint.setObjectName("dateHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self._line)
        layout.addWidget(self._hint)
        self.setFocusProxy(self._line)
        self._error = False
        self._line.textChanged.connect(self._on_text_changed)
        self._update_hint()

    # -- public API --------------------------------------------------------------------

    def lineEdit(self) -> QLineEdit:
        """The line edit the date is typed into."""
        return self._line

    def hintLabel(self) -> MessageLine:
        """The label showing what was understood, or why not, or an error."""
        return self._hint

    def text(self) -> str:
        """The text as typed."""
        return self._line.text()

    def setText(self, text: str) -> None:
        """Replace the typed text."""
        self._line.setText(text)

    def value(self) -> PartialDate | None:
        """The date typed, None when the field is empty; raises DateParseError otherwise."""
        text = self._line.text()
        if not text.strip():
            return None
        return parse_partial_date(text)

    def setValue(self, value: PartialDate | None) -> None:
        """Show ``value`` as its human label ("Q3 2025", "c. 2025"); None empties the field."""
        self._line.setText(display_text(value))

    def show_error(self, message: str) -> None:
        """Show ``message`` under the field in the error colour and mark the field invalid."""
        self._error = True
        set_invalid(self._line, True)
        self._set_hint(message, error=True)

    def clear_error(self) -> None:
        """Remove an error shown by :meth:`show_error` and show the live hint again."""
        self._error = False
        set_invalid(self._line, False)
        self._update_hint()

    def has_error(self) -> bool:
        """True while an error from :meth:`show_error` is displayed."""
        return self._error

    # -- internals ---------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """Follow a light/dark palette switch."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_hint(error=bool(self._hint.property("error")))

    def _on_text_changed(self, text: str) -> None:
        if self._error:
            self._error = False
            set_invalid(self._line, False)
        self._update_hint()
        self.textChanged.emit(text)

    def _update_hint(self) -> None:
        text = self._line.text()
        if not text.strip():
            self._set_hint("", error=False)
            return
        try:
            value = parse_partial_date(text)
        except DateParseError as exc:
            self._set_hint(str(exc), error=True)
            return
        self._set_hint(f"✓ {understood(value)}", error=False)
        self._hint.setToolTip(
            tooltip(
                translate("partial_date_edit", "Understood as {date} (stored as {iso})").format(
                    date=understood(value), iso=value.iso()
                )
            )
        )

    def _set_hint(self, text: str, *, error: bool) -> None:
        self._colour_hint(error=error)
        self._hint.setText(text)
        self._hint.setToolTip("")
        self._hint.setProperty("error", error)
        self._line.setAccessibleDescription(text)

    def _colour_hint(self, *, error: bool) -> None:
        colour = error_colour(self) if error else hint_colour(self)
        self._hint.setStyleSheet(f"color: {colour};")
