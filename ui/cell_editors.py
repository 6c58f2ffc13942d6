"""The cell editors of the child tables, and how a vocabulary cell holds its word.

A vocabulary cell shows a word's label and keeps the word itself in ``VALUE_ROLE``;
:class:`VocabDelegate` edits it with a pick-list of labels. :class:`CodeDelegate` edits
a restriction code: pick one from the shared catalogue (which fills in its title) or
type a new one; its list is as wide as its longest "code — title".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from tracker.domain.vocab import Vocabulary
from ui.form_inputs import fill_vocab
from ui.i18n import translate, vocab_word

__all__ = ["VALUE_ROLE", "CodeDelegate", "VocabDelegate", "vocab_label"]

VALUE_ROLE = Qt.ItemDataRole.UserRole


def vocab_label(vocab: type[Vocabulary], value: str) -> str:
    """The label of a vocabulary word, or the word itself if it is not one."""
    if not value:
        return ""
    try:
        return vocab_word(vocab.parse(value))
    except ValueError:
        return value


class VocabDelegate(QStyledItemDelegate):
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
        fill_vocab(combo, self._vocab, optional=self._optional)
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


class CodeDelegate(QStyledItemDelegate):
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
            line.setPlaceholderText(
                translate("cell_editors", "pick a restriction or type a new code")
            )
        _fit_list_to_entries(combo)
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


def _fit_list_to_entries(combo: QComboBox) -> None:
    """Make the pick-list as wide as its longest entry (up to the screen's width).

    The cell is far narrower than "code — title", and a list cut to the cell's width
    hides what tells two codes of the same title apart.
    """
    view = combo.view()
    metrics = view.fontMetrics()
    widest = max(
        (metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0
    )
    style = view.style()
    # The item's text margins, the list's frame and a scroll bar, should one be needed.
    text_margins = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    frame = 2 * style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, view)
    scroll_bar = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
    screen = combo.screen().availableGeometry().width()
    view.setMinimumWidth(min(widest + text_margins + frame + scroll_bar, screen))
