"""The monkey at the engagement form: it types values into its fields and saves, and
records every value a save wrote (bench.monkey_log's ``save`` records).

A :class:`FormSession` starts the first time the monkey finds a form open (opened by
the Edit command, F2, Enter, a double-click or Ctrl+N). It knows which engagement the
form edits, as stored when the form opened; on a save that closes the form it reads the
engagement back and records each field that differs from that base, with the value the
form held (what the service validated) and the version the save made. A value stored
unlike the form held it is a failure at once ("mismatch").
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from bench.monkey_log import MonkeyLog, Save
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.fields import ENGAGEMENT_FIELDS, FLAT_FIELDS, Field
from tracker.domain.interchange import data_to_json
from tracker.domain.model import Engagement, EngagementData
from ui.commands import quoted
from ui.engagement_form import EngagementDialog
from ui.main_window import MainWindow

WORDS = (
    "nato", "defence", "ministry", "model", "pilot", "review", "Ελλάδα", "оборона",
    "東京", "agency", "contract", "red-team", "audit", "cloud", "sovereign", "é",
)  # fmt: skip
DATES = ("2025", "2025-Q3", "2024-06", "2026-02-27", "~2025", "2025-H1", "Q1 2026")
BAD_DATES = ("2025-13", "soon", "2025-02-30")
NEW_TITLE = "New engagement"
REQUIRED = tuple(f for f in FLAT_FIELDS if f.required)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key. QTest types ASCII only (others abort
    the process), so any other character comes as a key event that carries it."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def typed_text(rng: random.Random, serial: int, *, words: int = 3) -> str:
    """Some words and a serial number, so that every value typed is a new one."""
    return " ".join([*rng.choices(WORDS, k=rng.randint(1, words)), f"m{serial}"])


@dataclass(frozen=True)
class SavedEdit:
    """An edit the form saved: the fields it changed, before and after, and the text
    of the undo step it should have pushed."""

    db: str
    id: int
    before: dict[str, Any]
    after: dict[str, Any]
    step_text: str


@dataclass
class FormSession:
    """One open form: the engagement it edits (None: a new one) as stored at opening."""

    dialog: EngagementDialog
    base: Engagement | None
    steps: int = 0


class FormMonkey:
    """What the monkey does in the form of ``window``, and what its saves recorded."""

    def __init__(self, window: MainWindow, rng: random.Random, log: MonkeyLog) -> None:
        self._window = window
        self._rng = rng
        self._log = log
        self._session: FormSession | None = None
        self._serial = 0
        self.saves = 0  # saves that closed the form
        self.recorded = 0  # saved values recorded
        self.mismatches = 0
        self.last_edit: SavedEdit | None = None  # the last save's, until its step is known

    def session(self, dialog: EngagementDialog) -> FormSession:
        """The session of ``dialog``, started the first time it is seen."""
        if self._session is None or self._session.dialog is not dialog:
            self._session = FormSession(dialog, self._base_of(dialog))
        return self._session

    def _base_of(self, dialog: EngagementDialog) -> Engagement | None:
        if dialog.windowTitle() == NEW_TITLE:
            return None
        eid = self._window.current_id()
        if eid is None:
            return None
        base = self._window.service.get(engagement_id=eid)
        return base if dialog.windowTitle() == f"Edit — {base.data.title}" else None

    # -- typing --------------------------------------------------------------------------

    def type_field(self, dialog: EngagementDialog, *, new: bool) -> str:
        """Put a new value in a random flat field, as a user types or picks it (in a new
        engagement's form, mostly the fields it needs)."""
        fields = REQUIRED if new and self._rng.random() < 0.6 else FLAT_FIELDS
        field = self._rng.choice(fields)
        widget = dialog.findChild(QWidget, f"field_{field.key}")
        if widget is None or not widget.isEnabled():
            return "field-missing"
        self._serial += 1
        if isinstance(widget, QComboBox) and not widget.isEditable():
            widget.setCurrentIndex(self._rng.randrange(widget.count()))
            return "pick"
        line = self._line_of(widget)
        value = self._value_for(field, widget)
        if isinstance(line, QPlainTextEdit):
            line.setFocus()
            line.selectAll()
            type_text(line, value)
        elif line is not None:
            line.setFocus()
            line.selectAll()
            if value:
                type_text(line, value)
            else:
                QTest.keyClick(line, Qt.Key.Key_Delete)
        return "type"

    @staticmethod
    def _line_of(widget: QWidget) -> QLineEdit | QPlainTextEdit | None:
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            return widget
        if isinstance(widget, QComboBox):
            return widget.lineEdit()
        return widget.findChild(QLineEdit)  # a partial date edit

    def _value_for(self, field: Field, widget: QWidget) -> str:
        rng = self._rng
        if field.kind == "date":
            roll = rng.random()
            if roll < 0.03:
                return rng.choice(BAD_DATES)  # the form must refuse it
            return rng.choice(DATES) if roll < 0.9 else ""
        if field.kind == "name" and isinstance(widget, QComboBox) and rng.random() < 0.8:
            return widget.itemText(rng.randrange(widget.count())) if widget.count() else ""
        if field.kind == "tags":
            return ", ".join(rng.sample(WORDS, k=rng.randint(1, 3)))
        if field.required and rng.random() < 0.02:
            return ""  # the form must refuse it
        return typed_text(rng, self._serial, words=8 if field.kind == "multiline" else 3)

    # -- saving and cancelling -------------------------------------------------------------

    def save(self, dialog: EngagementDialog) -> str:
        """Save (the button, or Enter on the dialog); record what the save wrote."""
        session = self.session(dialog)
        self.last_edit = None
        try:
            typed: EngagementData | None = dialog.data()
        except ValidationError:
            typed = None
        button = dialog.findChild(QPushButton, "save_button")
        if button is not None and self._rng.random() < 0.7:
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            QTest.keyClick(dialog, Qt.Key.Key_Return)
        if typed is None or dialog.isVisible():
            return "save-refused"
        self.saves += 1
        self._record(session, typed)
        return "save"

    def cancel(self, dialog: EngagementDialog) -> str:
        """Cancel (it asks first when something was typed)."""
        button = dialog.findChild(QPushButton, "cancel_button")
        if button is not None:
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        return "cancel"

    def _record(self, session: FormSession, typed: EngagementData) -> None:
        window = self._window
        if session.base is None:
            eid = window.current_id()
            before: dict[str, Any] = {}
        else:
            eid = session.base.id
            before = data_to_json(session.base.data)
        if eid is None:
            return
        try:
            stored = window.service.get(engagement_id=eid)
        except TrackerError:
            return
        if session.base is None and (stored.version != 1 or stored.data.title != typed.title):
            return  # the new engagement is not the one shown: nothing to check it by
        after = data_to_json(typed)
        held = data_to_json(stored.data)
        url = window.service.url
        changed = [f.key for f in ENGAGEMENT_FIELDS if after[f.key] != before.get(f.key)]
        for key in changed:
            self._log.save(Save(url, eid, key, after[key], stored.version))
            self.recorded += 1
            if held[key] != after[key]:
                self.mismatches += 1
                self._log.write("mismatch", id=eid, field=key, typed=after[key], stored=held[key])
        if session.base is not None and changed:
            self.last_edit = SavedEdit(
                url,
                eid,
                {k: before[k] for k in changed},
                {k: after[k] for k in changed},
                f"Edit {quoted(typed.title)}",
            )
