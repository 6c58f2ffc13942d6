"""A drop-down button of checkable words: the filter bar's multiple choices (status,
region, confidence, marking)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from tracker.domain.vocab import Vocabulary
from ui.i18n import translate, vocab_word
from ui.plain_text import tooltip


class _StickyMenu(QMenu):
    """A menu whose checkable items toggle without closing it."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class MultiSelect(QToolButton):
    """A drop-down button with a checkable entry per word (a vocabulary word, shown by
    its label, or a plain string such as a marking), and, given an ``unset`` label, one
    more for "no value set" (selected as None)."""

    changed = Signal()

    def __init__(
        self,
        noun: str,
        words: Sequence[Vocabulary | str],
        parent: QWidget | None = None,
        *,
        unset: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._noun = noun
        self._unset = unset or ""
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(_StickyMenu(self))
        self._actions: dict[Vocabulary | str | None, QAction] = {}
        self.set_words(words)
        self.setAccessibleName(f"{noun} filter")

    def set_words(self, words: Sequence[Vocabulary | str]) -> None:
        """Offer ``words`` (the markings of another database), keeping those still offered
        checked (emits nothing)."""
        chosen = self.selected()
        menu = self.menu()
        menu.clear()
        self._actions = {}
        for word in (*words, None) if self._unset else words:
            action = QAction(self._label(word), menu)
            action.setCheckable(True)
            action.setChecked(word in chosen)
            action.toggled.connect(self._toggled)
            menu.addAction(action)
            self._actions[word] = action
        menu.addSeparator()
        clear = menu.addAction(self._any())
        clear.triggered.connect(lambda: self.set_selected(()))
        self._update_text()

    def selected(self) -> tuple[Any, ...]:
        """The checked words, in vocabulary order (then None for "not set")."""
        return tuple(w for w, a in self._actions.items() if a.isChecked())

    def set_selected(self, words: Sequence[Vocabulary | str | None]) -> None:
        """Check exactly ``words`` (emits ``changed`` once if anything changed)."""
        before = self.selected()
        for word, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(word in words)
            action.blockSignals(False)
        self._update_text()
        if self.selected() != before:
            self.changed.emit()

    def _toggled(self) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        chosen = self.selected()
        if not chosen:
            self.setText(translate("multi_select", "{noun}: any").format(noun=self._noun))
        elif len(chosen) <= 2:
            self.setText(
                translate("multi_select", "{noun}: {words}").format(
                    noun=self._noun, words=", ".join(self._label(w) for w in chosen)
                )
            )
        else:
            count = len(chosen)  # a variable: lupdate reads no call among the arguments
            words = translate("multi_select", "{noun}: %n chosen", "", count)
            self.setText(words.format(noun=self._noun))
        labels = ", ".join(self._label(w) for w in chosen)
        self.setToolTip(tooltip(labels or self._any()))

    def _label(self, word: Vocabulary | str | None) -> str:
        if word is None:
            return self._unset
        # A marking is shown as written: "&" would otherwise make a mnemonic.
        return vocab_word(word) if isinstance(word, Vocabulary) else word.replace("&", "&&")

    def _any(self) -> str:
        """The entry that clears the choice ("Any status")."""
        return translate("multi_select", "Any {noun}").format(noun=self._noun.lower())
