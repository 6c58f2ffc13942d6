"""User text on the screen: always shown as typed, never read as markup.

Qt guesses whether a string is rich text (``Qt.mightBeRichText``) wherever a text
format is not set: tooltips, labels, message boxes, a progress dialog's label. A title
such as ``<img src="/dev/zero"/>`` is then a command to Qt: it reads the "image" into
memory (gigabytes in seconds), shows any local image named, or waits forever on a
named pipe; on a team database one such record hits everyone who hovers it. So every
place the app shows text that a person typed (or a file named) goes through here:

- :func:`tooltip` for every tooltip (widgets and the ``ToolTipRole`` of items): Qt
  offers no plain-text tooltip, so the text is escaped and wrapped in a paragraph that
  keeps its spaces and line breaks; it shows as typed, and a long one wraps;
- :func:`escaped` for user text inside the app's own rich text (a bold name in a
  label);
- :func:`plain_label` for labels (a progress dialog's too), and :func:`message_box`
  (with :func:`warning`, :func:`information`, :func:`critical` and :func:`question`,
  as QMessageBox's static functions) for every message box: their text format is
  plain, set before any text;
- :class:`NoResourceBrowser` for a document of rich text (the detail pane, which
  escapes what it quotes): it loads nothing that markup names, should any slip through.

Text a view draws from ``DisplayRole``, a status bar message, a window title, a menu
entry or a combo box item is never read as markup: Qt draws those as they are.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QMessageBox, QTextBrowser, QWidget

__all__ = [
    "NoResourceBrowser",
    "critical",
    "escaped",
    "escaped_lines",
    "information",
    "message_box",
    "plain_label",
    "question",
    "tooltip",
    "warning",
]


def escaped(text: object) -> str:
    """``text`` escaped for rich text or a quoted attribute: shown as typed."""
    return html.escape(str(text), quote=True)


def escaped_lines(text: str) -> str:
    """``text`` escaped for rich text, its line breaks kept (as ``<br>``)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(escaped(line) for line in lines)


def tooltip(text: str) -> str:
    """``text`` as a tooltip shown exactly as typed ("" for none).

    Escaped, and in a paragraph that keeps its spaces and line breaks: Qt takes a
    tooltip that looks like markup for rich text, and only an escaped one is safe. As
    rich text a long tooltip also wraps instead of running off the screen.
    """
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{escaped(text)}</p>"


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows ``text`` as typed."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


Button = QMessageBox.StandardButton


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    *,
    informative: str = "",
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> QMessageBox:
    """A message box whose ``text`` and ``informative`` text show as typed."""
    box = QMessageBox(icon, title, "", buttons, parent)
    # Plain before any text is set: the informative label, made later, follows it.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def _answer(box: QMessageBox) -> Button:
    """Show ``box`` until it is answered: the button pressed (closed without one: Cancel,
    as QMessageBox's static functions say)."""
    try:
        box.exec()
        clicked = box.clickedButton()
        return Button.Cancel if clicked is None else box.standardButton(clicked)
    finally:
        box.deleteLater()


def warning(parent: QWidget | None, title: str, text: str, informative: str = "") -> None:
    """As ``QMessageBox.warning``, the text shown as typed."""
    _answer(message_box(parent, QMessageBox.Icon.Warning, title, text, informative=informative))


def information(parent: QWidget | None, title: str, text: str, informative: str = "") -> None:
    """As ``QMessageBox.information``, the text shown as typed."""
    icon = QMessageBox.Icon.Information
    _answer(message_box(parent, icon, title, text, informative=informative))


def critical(parent: QWidget | None, title: str, text: str, informative: str = "") -> None:
    """As ``QMessageBox.critical``, the text shown as typed."""
    _answer(message_box(parent, QMessageBox.Icon.Critical, title, text, informative=informative))


def question(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button,
    default: Button = Button.NoButton,
) -> Button:
    """As ``QMessageBox.question``, the text shown as typed: the button pressed."""
    box = message_box(
        parent, QMessageBox.Icon.Question, title, text, buttons=buttons, default=default
    )
    return _answer(box)


class NoResourceBrowser(QTextBrowser):
    """A text browser that loads nothing its document names (no image, no style sheet).

    Its document is the app's own rich text, with user text escaped in it; were markup
    ever to slip through, it still could not have the app read a file.
    """

    def loadResource(self, kind: int, name: QUrl | str, /) -> object:
        # A null image, whatever was asked for: an answer that is not null stops Qt from
        # reading the file itself (an empty byte array does not: Qt then loads the image
        # by its name), and a null image draws nothing.
        del kind, name
        return QImage()
