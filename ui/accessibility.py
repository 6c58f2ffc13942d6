"""Names for assistive technology: what a screen reader says for a widget.

Qt names a button by its text and a field by the ``QLabel`` whose buddy it is, but only
when that label is the field's sibling; a field inside a cell or a composite (an
editable combo box, a date edit) and the small buttons Qt adds inside a line edit (its
clear button) have no name unless given one. ``name_input`` gives a field its label's
name and passes it on to those inner parts.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QWidget

__all__ = ["name_input"]

# The objectName Qt gives the action behind a line edit's clear button.
_CLEAR_ACTION = "_q_qlineeditclearaction"


def name_input(widget: QWidget, name: str) -> None:
    """Name ``widget`` ``name`` (a label's text: its ``&`` is dropped), and its inner
    line edits too, their clear buttons "Clear <name>"."""
    name = name.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":")
    widget.setAccessibleName(name)
    lines = widget.findChildren(QLineEdit)
    if isinstance(widget, QLineEdit):
        lines.append(widget)
    for line in lines:
        line.setAccessibleName(name)
        clear = line.findChild(QAction, _CLEAR_ACTION)
        if clear is not None:
            clear.setText(f"Clear {name}")
