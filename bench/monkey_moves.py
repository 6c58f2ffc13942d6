"""The monkey: random keys, clicks, edits, undo/redo, filters and commands on the real
main window, one action per turn of the event loop.

Each step first schedules the next one, then acts. An action that opens a modal dialog
or a menu blocks in that dialog's ``exec()``; the next step then runs inside that
dialog's event loop, finds the dialog (``QApplication.activeModalWidget``) or the menu
(``activePopupWidget``) and acts in it: types, clicks, and sooner or later closes it,
with Esc or one of its buttons. So every dialog is answered by the monkey itself, and
dialogs opened from dialogs too. A dialog still open after ``STUCK_STEPS`` steps in it is
rejected outright (and counted), so that no run waits forever.

After an undo or redo of one of its own edits the monkey checks at once that the
engagement holds the values from before (undo) or after (redo) that edit.
"""

from __future__ import annotations

import faulthandler
import random
import time
import traceback
from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QMenu,
    QMessageBox,
    QWidget,
)

from bench.monkey_form import WORDS, FormMonkey, SavedEdit, type_text
from bench.monkey_log import MonkeyLog
from tracker.domain.errors import TrackerError
from tracker.domain.interchange import data_to_json
from ui.engagement_form import EngagementDialog
from ui.main_window import MainWindow

HANG_SECONDS = 240  # no step for this long: faulthandler dumps every thread and exits
STUCK_STEPS = 40
HOME_SHARE = 0.05
AWAY_SHARE = 0.15
PROGRESS_EVERY = 50  # a crashed run's log still says how far it got

Key = Qt.Key
Mod = Qt.KeyboardModifier
SPECIAL_KEYS = (
    Key.Key_Tab, Key.Key_Backtab, Key.Key_Return, Key.Key_Escape, Key.Key_Up, Key.Key_Down,
    Key.Key_Left, Key.Key_Right, Key.Key_PageUp, Key.Key_PageDown, Key.Key_Home, Key.Key_End,
    Key.Key_Space, Key.Key_Backspace, Key.Key_Delete, Key.Key_F2, Key.Key_F5,
)  # fmt: skip
# Every shortcut of the window but Quit (the monkey ends the run itself).
SHORTCUTS = (
    (Key.Key_Z, Mod.ControlModifier), (Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier),
    (Key.Key_Y, Mod.ControlModifier), (Key.Key_F, Mod.ControlModifier),
    (Key.Key_A, Mod.ControlModifier), (Key.Key_S, Mod.ControlModifier),
    (Key.Key_T, Mod.ControlModifier), (Key.Key_N, Mod.ControlModifier),
    (Key.Key_E, Mod.ControlModifier), (Key.Key_B, Mod.ControlModifier),
    (Key.Key_I, Mod.ControlModifier), (Key.Key_O, Mod.ControlModifier),
    (Key.Key_K, Mod.ControlModifier | Mod.ShiftModifier),
    (Key.Key_L, Mod.ControlModifier | Mod.ShiftModifier),
    (Key.Key_C, Mod.ControlModifier | Mod.ShiftModifier),
    (Key.Key_H, Mod.ControlModifier | Mod.ShiftModifier),
    (Key.Key_E, Mod.ControlModifier | Mod.ShiftModifier),
    (Key.Key_R, Mod.ControlModifier | Mod.ShiftModifier),
    (Key.Key_O, Mod.ControlModifier | Mod.ShiftModifier),
    (Key.Key_B, Mod.ControlModifier | Mod.ShiftModifier),
)  # fmt: skip
TYPED = "abcdefghijklmnopqrstuvwxyz0123456789 -,."

# What the monkey does, and how often, in the window, in the form and in other dialogs.
WINDOW_MOVES = (
    ("key", 16), ("click", 14), ("row", 14), ("edit", 14), ("undo", 12), ("search", 8),
    ("filter", 9), ("command", 9), ("new", 2), ("more", 2),
)  # fmt: skip
FORM_MOVES = (("field", 50), ("key", 8), ("click", 8), ("save", 26), ("cancel", 8))
DIALOG_MOVES = (("close", 30), ("click", 40), ("key", 30))


def _weighted(rng: random.Random, moves: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([m for m, _ in moves], weights=[w for _, w in moves])[0]


def _shown_widgets(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` a user can see and reach."""
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisible() and w.isEnabled() and w.width() > 1 and w.height() > 1
    ]


class Monkey:
    """Drives ``window`` for ``actions`` actions or ``seconds`` seconds, whichever ends
    first, then closes every dialog and calls ``finished``."""

    def __init__(
        self,
        window: MainWindow,
        rng: random.Random,
        log: MonkeyLog,
        *,
        actions: int,
        seconds: float,
        finished: Callable[[], None],
    ) -> None:
        self.window = window
        self._rng = rng
        self._log = log
        self._limit = actions
        self._deadline = time.monotonic() + seconds
        self._finished = finished
        self.form = FormMonkey(window, rng, log)
        self.actions = 0
        self.counts: Counter[str] = Counter()
        self.failures = 0
        self.undo_checks = 0  # undos and redos of the monkey's own edits, checked
        self.started = time.monotonic()
        self._done = False
        self._home = window.service.url
        self._modal: QWidget | None = None
        self._modal_steps = 0
        self._edits: list[tuple[QUndoCommand, SavedEdit]] = []

    def start(self) -> None:
        QTimer.singleShot(0, self._step)

    def failure(self, where: str, text: str) -> None:
        """A failure to report: an exception (with its traceback) or a wrong value."""
        self.failures += 1
        self._log.write("failure", where=where, traceback=text, action=self.actions)

    def summary(self) -> dict[str, Any]:
        """What was done so far."""
        return {
            "actions": self.actions,
            "seconds": round(time.monotonic() - self.started, 1),
            "saves": self.form.saves,
            "recorded": self.form.recorded,
            "failures": self.failures,
            "undo_checks": self.undo_checks,
            "counts": dict(self.counts),
        }

    # -- the step ------------------------------------------------------------------------

    def _step(self) -> None:
        if self._done:
            return
        QTimer.singleShot(0, self._step)  # first: an exec() in this step runs the next
        faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
        try:
            if self.actions >= self._limit or time.monotonic() > self._deadline:
                self._wind_down()
                return
            self.actions += 1
            self.counts[self._act()] += 1
            if self.actions % PROGRESS_EVERY == 0:
                self._log.write("progress", **self.summary())
        except Exception:
            self.failure("step", traceback.format_exc())

    def _act(self) -> str:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            return self._in_popup(popup)
        modal = QApplication.activeModalWidget()
        if modal is not None:
            if isinstance(modal, EngagementDialog):
                return self._in_form(modal)
            return self._in_dialog(modal)
        self._modal = None
        if not self.window.isVisible():
            self.window.show()
            return "window-shown"
        if self.window.service.url != self._home and self._rng.random() < HOME_SHARE:
            # New database or Open… took it elsewhere: a user goes back, in time.
            self.window.databases.switch_database(self._home)
            return "home"
        if self._rng.random() < AWAY_SHARE:
            back = self._back()
            if back:
                return back
        return self._in_window()

    def _back(self) -> str:
        """Back to the table (from another view, or the trash) now and then: a user
        edits there, and so must the monkey, most of the time."""
        if not self.window.table.isVisible():
            self._trigger("viewTable")
            return "back:table"
        if self.window.showing_trash():
            self._trigger("trash")
            return "back:trash"
        return ""

    def _wind_down(self) -> None:
        """The run is over: close what is open, one thing a step, then finish."""
        popup = QApplication.activePopupWidget()
        modal = QApplication.activeModalWidget()
        if popup is not None:
            popup.close()
        elif isinstance(modal, EngagementDialog):
            modal.mark_clean()
            modal.reject()
        elif isinstance(modal, QDialog):
            modal.reject()
        elif modal is not None:
            modal.close()
        else:
            self._done = True
            faulthandler.cancel_dump_traceback_later()
            self._finished()

    # -- the window ------------------------------------------------------------------------

    def _in_window(self) -> str:
        move = _weighted(self._rng, WINDOW_MOVES)
        moves: dict[str, Callable[[], str]] = {
            "key": lambda: self._key(QApplication.focusWidget() or self.window),
            "click": lambda: self._click(self.window),
            "row": self._row,
            "edit": self._edit,
            "undo": self._undo_or_redo,
            "search": self._search,
            "filter": lambda: self._click(self.window.filter_bar),
            "command": self._command,
            "new": lambda: self._trigger("new"),
            "more": lambda: self._click(self.window.filter_bar.more_button),
        }
        return f"{move}:{moves[move]()}"

    def _key(self, target: QWidget) -> str:
        rng = self._rng
        roll = rng.random()
        if roll < 0.5:
            QTest.keyClicks(target, rng.choice(TYPED))
            return "char"
        if roll < 0.8:
            QTest.keyClick(target, rng.choice(SPECIAL_KEYS))
            return "special"
        key, modifiers = rng.choice(SHORTCUTS)
        QTest.keyClick(target, key, modifiers)
        return "shortcut"

    def _click(self, root: QWidget) -> str:
        shown = _shown_widgets(root) or [root]
        widget = self._rng.choice(shown)
        pos = QPoint(self._rng.randrange(widget.width()), self._rng.randrange(widget.height()))
        roll = self._rng.random()
        if roll < 0.06:
            QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)
            return "double"
        button = Qt.MouseButton.RightButton if roll < 0.16 else Qt.MouseButton.LeftButton
        QTest.mouseClick(widget, button, pos=pos)
        return "right" if button == Qt.MouseButton.RightButton else "left"

    def _row(self) -> str:
        """Click a row anywhere in the table (it scrolls there), sometimes with Ctrl or
        Shift held: selections for Delete, Edit selected and exports."""
        table, model = self.window.table, self.window.model
        if not table.isVisible() or model.rowCount() == 0:
            return self._click(self.window)
        index = model.index(self._rng.randrange(model.rowCount()), 0)
        table.scrollTo(index)
        rect = table.visualRect(index)
        roll = self._rng.random()
        modifier = Mod.NoModifier
        if roll < 0.1:
            modifier = Mod.ControlModifier
        elif roll < 0.2:
            modifier = Mod.ShiftModifier
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
        return "click"

    def _edit(self) -> str:
        roll = self._rng.random()
        table = self.window.table
        if roll < 0.3 and table.isVisible() and table.currentIndex().isValid():
            rect = table.visualRect(table.currentIndex())
            QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return "double"
        if roll < 0.6 and table.isVisible():
            QTest.keyClick(table, Key.Key_F2)
            return "f2"
        return self._trigger("edit")

    def _undo_or_redo(self) -> str:
        """Undo or redo; when the step is one of the monkey's edits, check its values."""
        stack = self.window.undo_stack
        undo = self._rng.random() < 0.6
        at = stack.index()
        step = stack.command(at - 1 if undo else at) if (at > 0 or not undo) else None
        self._trigger("undo" if undo else "redo")
        # A step refused (a colleague changed those fields since) is dropped from the
        # stack, and its values rightly stay: only a step that stayed is checked.
        moved = stack.index() == (at - 1 if undo else at + 1)
        if step is not None and moved and stack.command(at - 1 if undo else at) is step:
            self._check_undone(step, undo)
        return "undo" if undo else "redo"

    def _check_undone(self, step: QUndoCommand, undo: bool) -> None:
        edit = next((e for c, e in self._edits if c is step), None)
        if edit is None:
            return
        url, eid, before, after = edit.db, edit.id, edit.before, edit.after
        if url != self.window.service.url:
            return
        try:
            held = data_to_json(self.window.service.get(engagement_id=eid).data)
        except TrackerError as exc:
            self.failure("undo", f"engagement {eid} unreadable after an undo: {exc}")
            return
        self.undo_checks += 1
        expected = before if undo else after
        wrong = {k: (v, held[k]) for k, v in expected.items() if held[k] != v}
        if wrong:
            verb = "undo" if undo else "redo"
            self.failure(verb, f"after the {verb} of an edit of {eid}: (expected, held) {wrong}")

    def _search(self) -> str:
        search = self.window.filter_bar.search
        search.setFocus()
        roll = self._rng.random()
        if roll < 0.45:
            type_text(search, self._rng.choice(WORDS)[: self._rng.randint(1, 6)])
            return "type"
        if roll < 0.7:
            QTest.keyClick(search, Key.Key_Backspace)
            return "backspace"
        if roll < 0.9:
            search.clear()
            return "clear"
        QTest.keyClick(search, Key.Key_Return)
        return "enter"

    def _command(self) -> str:
        """A random entry of the menu bar's menus (and their submenus), triggered."""
        entries: list[QAction] = []
        menus = [a.menu() for a in self.window.menuBar().actions()]
        while menus:
            menu = menus.pop()
            if not isinstance(menu, QMenu):
                continue
            for entry in menu.actions():
                if isinstance(sub := entry.menu(), QMenu):
                    menus.append(sub)
                elif not entry.isSeparator() and entry.isEnabled() and entry.isVisible():
                    entries.append(entry)
        if not entries:
            return "none"
        chosen = self._rng.choice(entries)
        name = chosen.objectName() or (
            "recent" if chosen in self.window.databases.recent_menu.actions() else chosen.text()
        )
        self._trigger_action(chosen)
        return name

    def _trigger(self, name: str) -> str:
        found = self.window.findChild(QAction, name)
        if found is not None and found.isEnabled():
            self._trigger_action(found)
        return name

    def _trigger_action(self, chosen: QAction) -> None:
        stack = self.window.undo_stack
        count, saves = stack.count(), self.form.saves
        chosen.trigger()
        self._track_edit(count, saves)

    def _track_edit(self, count: int, saves: int) -> None:
        """After a step that saved the monkey's edit, remember its undo step."""
        stack = self.window.undo_stack
        edit = self.form.last_edit
        if self.form.saves > saves and edit is not None and stack.count() > count:
            step = stack.command(stack.index() - 1)
            if step is not None and step.text() == edit.step_text:
                self._edits.append((step, edit))
                self.form.last_edit = None

    # -- dialogs, menus and the form ----------------------------------------------------------

    def _stuck(self, modal: QWidget) -> bool:
        if modal is not self._modal:
            self._modal, self._modal_steps = modal, 0
        self._modal_steps += 1
        return self._modal_steps > STUCK_STEPS

    def _in_popup(self, popup: QWidget) -> str:
        rng = self._rng
        if isinstance(popup, QMenu) and rng.random() < 0.6:
            entries = [
                a
                for a in popup.actions()
                if a.isVisible() and a.isEnabled() and not a.isSeparator()
            ]
            if entries:
                chosen = rng.choice(entries)
                rect = popup.actionGeometry(chosen)
                QTest.mouseClick(popup, Qt.MouseButton.LeftButton, pos=rect.center())
                return "popup:entry"
        key = Key.Key_Escape if rng.random() < 0.5 else rng.choice(SPECIAL_KEYS)
        QTest.keyClick(popup, key)
        return "popup:key"

    def _in_form(self, dialog: EngagementDialog) -> str:
        session = self.form.session(dialog)
        session.steps += 1
        if self._stuck(dialog):
            dialog.mark_clean()
            dialog.reject()
            return "form:stuck"
        move = _weighted(self._rng, FORM_MOVES)
        if move == "field":
            return f"form:{self.form.type_field(dialog, new=session.base is None)}"
        if move == "key":
            return f"form:key-{self._key(QApplication.focusWidget() or dialog)}"
        if move == "click":
            return f"form:click-{self._click(dialog)}"
        if move == "save":
            count, saves = self.window.undo_stack.count(), self.form.saves
            said = self.form.save(dialog)
            self._track_edit(count, saves)
            return f"form:{said}"
        return f"form:{self.form.cancel(dialog)}"

    def _in_dialog(self, modal: QWidget) -> str:
        kind = type(modal).__name__
        if isinstance(modal, QMessageBox) and modal is not self._modal:
            said = f"{modal.windowTitle()}: {modal.text()}".replace("\n", " ")
            self._log.once("message", said[:160])
        if self._stuck(modal):
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()
            self._log.write("stuck", dialog=kind)
            return f"dialog:stuck-{kind}"
        move = _weighted(self._rng, DIALOG_MOVES)
        if move == "close":
            return f"dialog:close-{self._close(modal)}-{kind}"
        if move == "click":
            self._click(modal)
            return f"dialog:click-{kind}"
        focus = QApplication.focusWidget()
        inside = focus is not None and modal.isAncestorOf(focus)
        self._key(focus if inside and focus is not None else modal)
        return f"dialog:key-{kind}"

    def _close(self, modal: QWidget) -> str:
        """Close a dialog as a user would: Esc, or one of its buttons."""
        if isinstance(modal, QMessageBox):
            buttons = modal.buttons()
            if buttons:
                QTest.mouseClick(self._rng.choice(buttons), Qt.MouseButton.LeftButton)
                return "answer"
        buttons = [b for b in modal.findChildren(QAbstractButton) if b.isVisible()]
        if buttons and self._rng.random() < 0.5:
            QTest.mouseClick(self._rng.choice(buttons), Qt.MouseButton.LeftButton)
            return "button"
        QTest.keyClick(modal, Key.Key_Escape)
        return "escape"
