"""Names for assistive technology: what a screen reader says for a widget.

Qt names a button by its text and a field by the ``QLabel`` whose buddy it is, but only
when that label is the field's sibling; a field inside a cell or a composite (an
editable combo box, a date edit) and the small buttons Qt adds inside a line edit (its
clear button) have no name unless given one. ``name_input`` gives a field its label's
name and passes it on to those inner parts.

Tab follows the order widgets were made in, which is not always the order they are laid
out in; ``follow_layout`` puts the widgets of a layout in the chain in the layout's order.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QWidget

from ui.i18n import translate

__all__ = ["focus_chain", "follow_layout", "name_input"]

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
            clear.setText(translate("accessibility", "Clear {name}").format(name=name))


def focus_chain(window: QWidget) -> list[QWidget]:
    """Every widget of ``window`` in the order Tab walks them (focusable or not)."""
    chain = [window]
    seen = {id(window)}
    widget = window.nextInFocusChain()
    while widget is not None and id(widget) not in seen:
        chain.append(widget)
        seen.add(id(widget))
        widget = widget.nextInFocusChain()
    return chain


def _stop(widget: QWidget) -> bool:
    """A widget Tab stops at itself (not one standing in for another, its proxy)."""
    tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    return bool(tab) and widget.focusProxy() is None


def follow_layout(parent: QWidget) -> None:
    """Put the widgets laid out in ``parent``'s layout in Tab's chain in the layout's
    order, the stops inside each kept in their order, as one run where the first stop
    of them stood."""
    layout = parent.layout()
    if layout is None:
        return
    items = [layout.itemAt(n) for n in range(layout.count())]
    laid = [w for item in items if item is not None and (w := item.widget()) is not None]
    stops = [w for w in focus_chain(parent.window()) if _stop(w)]
    runs = [w for item in laid for w in stops if item is w or item.isAncestorOf(w)]
    if not runs:
        return
    first = min(stops.index(w) for w in runs)
    # Moved one after the other behind the stop before the run (Qt moves a widget
    # together with the descendants that follow it in the chain, so only stops move).
    previous = stops[first - 1] if first > 0 else runs[0]
    for moved in runs:
        if moved is not previous:
            QWidget.setTabOrder(previous, moved)
        previous = moved
