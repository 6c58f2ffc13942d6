"""The Links tab's "Engagement" cell: a searchable picker of the engagement linked to.

Typing in the cell searches the engagements as the table's search box does (every
word as a prefix, through the service) and offers at most ``MATCHES`` of them as
"#N title" in a completer; typing "#12" or "12" offers engagement 12 first. Choosing
one (click, or arrows and Enter) closes the editor, stores its stable id in the cell's
``VALUE_ROLE`` and shows "#N title". The service checks the link on save (to itself,
missing, in the trash, a cycle) and the form shows its answer under the table.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from tracker.domain.errors import TrackerError
from tracker.domain.model import Filters
from tracker.services import Tracker
from ui.cell_editors import VALUE_ROLE
from ui.i18n import translate

__all__ = ["MATCHES", "EngagementDelegate", "EngagementFinder", "engagement_text"]

MATCHES = 20  # the completer never lists more: a few words already narrow it down
_NUMBER = re.compile(r"#?\s*(\d+)")


class EngagementFinder:
    """Finds live engagements for the picker and names a stable id as "#N title"."""

    def __init__(self, service: Callable[[], Tracker]) -> None:
        self._service = service

    def find(self, text: str) -> list[tuple[str, str]]:
        """Up to ``MATCHES`` engagements matching ``text``: (stable id, "#N title")."""
        text = text.strip()
        if not text:
            return []
        service = self._service()
        number = _NUMBER.fullmatch(text)
        found: list[tuple[str, str]] = []
        if number is not None:
            found = self._by_number(int(number.group(1)))
        ids = service.list_ids(filters=Filters(search=text))[:MATCHES]
        found += [(row.uid, f"#{row.id} {row.title}") for row in service.rows(ids=ids)]
        return list(dict.fromkeys(found))[:MATCHES]

    def describe(self, uid: str) -> str:
        """ "#N title" of the engagement with stable id ``uid`` (``uid`` if there is none)."""
        if not uid:
            return ""
        try:
            found = self._service().get(engagement_id=uid)
        except TrackerError:
            return uid
        return f"#{found.id} {found.data.title}"

    def _by_number(self, number: int) -> list[tuple[str, str]]:
        try:
            found = self._service().get(engagement_id=number, include_deleted=False)
        except TrackerError:
            return []
        return [(found.uid, f"#{found.id} {found.data.title}")]


class _PickerEdit(QLineEdit):
    """The cell's editor: a line whose completer lists the engagements found so far;
    ``picked`` once one is chosen from the list."""

    picked = Signal()

    def __init__(self, finder: EngagementFinder | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("linkPicker")
        self.setPlaceholderText(translate("link_picker", "type a title's words or #number"))
        self._finder = finder
        self._found: dict[str, str] = {}  # "#N title" → stable id
        self.chosen = ""  # the stable id held (empty: none chosen)
        self._model = QStringListModel(self)
        picker = QCompleter(self._model, self)
        picker.setObjectName("linkCompleter")
        # The service has already matched: show every entry it sent, in its order.
        picker.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        picker.setMaxVisibleItems(12)
        self.setCompleter(picker)
        picker.activated.connect(self._choose)  # the text chosen
        self.textEdited.connect(self._search)

    def show_value(self, uid: str, text: str) -> None:
        self.chosen = uid
        self._found = {text: uid}
        self.setText(text)

    def _search(self, text: str) -> None:
        self.chosen = self._found.get(text, "")
        if self._finder is None:
            self.chosen = text.strip()
            return
        self._found = dict((shown, uid) for uid, shown in self._finder.find(text))
        self._model.setStringList(list(self._found))
        picker = self.completer()
        popup = picker.popup()
        if self._found and popup is not None:
            _fit_to_entries(popup, list(self._found))
            picker.complete()
        elif popup is not None:
            popup.hide()

    def _choose(self, text: str) -> None:
        self.chosen = self._found.get(text, "")
        self.setText(text)
        self.picked.emit()


class EngagementDelegate(QStyledItemDelegate):
    """Edits a link's other end with :class:`_PickerEdit`; keeps its stable id in
    ``VALUE_ROLE`` and shows "#N title". Without a finder it takes a typed stable id."""

    def __init__(self, finder: EngagementFinder | None, parent: QWidget) -> None:
        super().__init__(parent)
        self._finder = finder

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = _PickerEdit(self._finder, parent)
        # A pick from the list is final: it goes into the cell at once, as Enter would.
        editor.picked.connect(lambda: self._finish(editor))
        return editor

    def _finish(self, editor: _PickerEdit) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, _PickerEdit)
        editor.show_value(
            str(index.data(VALUE_ROLE) or ""), str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        )

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, _PickerEdit)
        # Text typed but never chosen is kept as typed: the service names it on save.
        # Read it first: the cell's first change puts its old text back in the editor.
        text = editor.text().strip()
        uid = editor.chosen or text
        model.setData(index, uid, VALUE_ROLE)
        model.setData(index, text, Qt.ItemDataRole.DisplayRole)


def _fit_to_entries(popup: QAbstractItemView, entries: list[str]) -> None:
    """Make the list as wide as its longest "#N title" (up to the screen's width): the
    cell is far narrower, and a title cut short may not tell two engagements apart."""
    metrics = popup.fontMetrics()
    widest = max(metrics.horizontalAdvance(entry) for entry in entries)
    extra = 2 * popup.frameWidth() + popup.verticalScrollBar().sizeHint().width() + 12
    popup.setMinimumWidth(min(widest + extra, popup.screen().availableGeometry().width()))


def engagement_text(finder: EngagementFinder | None, uid: str) -> str:
    """What a cell holding ``uid`` shows."""
    return finder.describe(uid) if finder is not None else uid
