"""Edit → Preferences…: driven as a user would (the menu, the fields, OK, Apply,
Cancel), then checked where each preference shows: the theme's palette, the briefing
dialog's author and organisation, a new engagement's marking, what the Stale quick filter
finds, how many automatic backups are kept; the choices persist in QSettings across a
new window; a language needs the restart the dialog offers."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, activate, answer_modal, find, menu, open_form
from tracker.domain.due import QuickFilters
from tracker.domain.model import Filters
from tracker.services import Tracker
from tracker.services.base import utc_today
from ui import backup_job
from ui import filter_bar as filter_bar_module
from ui import preferences as preferences_module
from ui.briefing_dialog import BriefingDialog
from ui.main_window import MainWindow
from ui.preferences_dialog import PreferencesDialog
from ui.settings import (
    LANGUAGE_KEY,
    BriefingDefaults,
    Preferences,
    briefing_defaults,
    marking_for_new,
    preferences,
    remember_briefing,
    remember_preferences,
)
from ui.style import apply_theme, contrast_ratio

Button = QDialogButtonBox.StandardButton


@pytest.fixture(autouse=True)
def system_theme() -> Iterator[None]:
    """Every test leaves the application in the platform's look, as it found it."""
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "system")


def combo(dialog: QWidget, name: str) -> QComboBox:
    return find(dialog, QComboBox, name)


def pick(qtbot: QtBot, box: QComboBox, text: str) -> None:
    """Choose ``text`` in ``box`` from the keyboard: focus it and type its first two
    letters (a closed combo box selects the entry the letters typed begin; QTest types
    ASCII only, and every choice here begins with two ASCII letters of its own)."""
    box.setFocus()
    # Letters typed within the keyboard's input interval add to one search: let the
    # last one typed (in another box, or this one) end first.
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    qtbot.keyClicks(box, text[:2])
    assert box.currentText() == text, f"{box.objectName()} offers no {text!r}"


def set_spin(qtbot: QtBot, spin: QSpinBox, value: int) -> None:
    """Type ``value`` into ``spin`` over what it holds."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    assert spin.value() == value


def press(dialog: PreferencesDialog, button: QDialogButtonBox.StandardButton) -> None:
    dialog.buttons.button(button).click()


def with_preferences(
    qtbot: QtBot, window: MainWindow, fill: Callable[[PreferencesDialog], object]
) -> list[PreferencesDialog]:
    """Open Edit → Preferences… from its menu entry, let ``fill`` answer, then return
    the dialog seen (once it has closed)."""
    seen: list[PreferencesDialog] = []

    def answer(dialog: PreferencesDialog) -> None:
        seen.append(dialog)
        try:
            fill(dialog)
        finally:  # a failed check fails the test instead of leaving the dialog open
            if dialog.isVisible():
                dialog.reject()

    entry = next(a for a in menu(window, "&Edit").actions() if a.text() == "&Preferences…")
    assert entry is action(window, "preferences")
    answer_modal(PreferencesDialog, answer)
    entry.trigger()
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible())
    return seen


def test_every_preference_applies_at_once_and_persists(
    qtbot: QtBot,
    window: MainWindow,
    settings: QSettings,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A month from now, engagements last changed today are a month old.
    later = datetime.date.today() + datetime.timedelta(days=30)
    monkeypatch.setattr(filter_bar_module, "utc_today", lambda: later)
    stale = window.filter_bar.quick["stale"]
    stale.click()
    assert window.model.rowCount() == 0  # not stale after 90 days, the default
    marking = next(m for m in window.service.markings() if m != window.service.default_marking())

    def fill(dialog: PreferencesDialog) -> None:
        pick(qtbot, combo(dialog, "preferredTheme"), "Dark")
        qtbot.keyClicks(find(dialog, QLineEdit, "preferredAuthor"), "Ada Lovelace")
        qtbot.keyClicks(find(dialog, QLineEdit, "preferredOrganisation"), "Analytical Engines")
        pick(qtbot, combo(dialog, "preferredMarking"), marking)
        set_spin(qtbot, find(dialog, QSpinBox, "staleDays"), 7)
        set_spin(qtbot, find(dialog, QSpinBox, "backupsKept"), 3)
        qtbot.keyClick(find(dialog, QSpinBox, "backupsKept"), Qt.Key.Key_Return)  # OK

    with_preferences(qtbot, window, fill)

    # The theme: every widget in the dark palette, its text readable.
    palette = QApplication.palette()
    window_colour = palette.color(QPalette.ColorRole.Window)
    assert window_colour.lightness() < 80
    # Qt posts the change to each widget: they repaint in it as the events arrive.
    qtbot.waitUntil(lambda: window.table.palette().color(QPalette.ColorRole.Base).lightness() < 80)
    text = palette.color(QPalette.ColorRole.Text).name()
    assert contrast_ratio(text, palette.color(QPalette.ColorRole.Base).name()) >= 4.5
    # The stale threshold: the Stale quick filter counts a week now.
    week_ago = later - datetime.timedelta(days=7)
    assert window.model.filters.stale_before == week_ago
    expected = window.service.count(filters=Filters(stale_before=week_ago))
    assert expected > 0
    assert window.model.rowCount() == expected
    assert "7 days" in stale.toolTip()

    # A new engagement starts with the preferred marking.
    action(window, "new").trigger()
    form = open_form(window)
    assert form is not None
    assert find(form, QComboBox, "field_marking").currentText() == marking
    form.mark_clean()
    form.reject()

    # The briefing dialog offers the preferred author and organisation.
    offered: list[tuple[str, str]] = []

    def answer(dialog: BriefingDialog) -> None:
        offered.append((dialog.author.text(), dialog.organisation.text()))
        dialog.reject()

    answer_modal(BriefingDialog, answer)
    action(window, "briefing").trigger()
    qtbot.waitUntil(lambda: bool(offered))
    assert offered == [("Ada Lovelace", "Analytical Engines")]

    # The day's automatic backup keeps the preferred number.
    kept: list[int] = []
    monkeypatch.setattr(backup_job, "automatic_backup", lambda _service, *, keep: kept.append(keep))
    window.start_automatic_backup()
    assert window.jobs.wait()
    assert kept == [3]

    # Stored: a new window reads them back, the dialog shows them again.
    assert preferences(settings) == Preferences(
        theme="dark",
        author="Ada Lovelace",
        organisation="Analytical Engines",
        marking=marking,
        stale_days=7,
        backups_kept=3,
    )
    again = MainWindow(Tracker.open(db_path, user="alice"), settings=settings)
    try:
        again.show()
        assert again.filter_bar.stale_for.label() == "7 days"
        shown: list[Preferences] = []
        with_preferences(qtbot, again, lambda d: (shown.append(d.chosen()), d.reject()))
        assert shown == [preferences(settings)]
    finally:
        again.close()
        again.service.close()
        again.deleteLater()


def test_apply_keeps_the_dialog_open_and_cancel_stores_nothing(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    before = QApplication.palette().color(QPalette.ColorRole.Window)
    states: list[tuple[bool, int]] = []

    def fill(dialog: PreferencesDialog) -> None:
        pick(qtbot, combo(dialog, "preferredTheme"), "Dark")
        press(dialog, Button.Apply)
        states.append(
            (
                dialog.isVisible(),
                QApplication.palette().color(QPalette.ColorRole.Window).lightness(),
            )
        )
        pick(qtbot, combo(dialog, "preferredTheme"), "System")
        press(dialog, Button.Apply)
        set_spin(qtbot, find(dialog, QSpinBox, "staleDays"), 12)
        press(dialog, Button.Cancel)

    with_preferences(qtbot, window, fill)
    assert states[0][0] and states[0][1] < 80
    # Back to the platform's palette; the 12 days were cancelled.
    assert QApplication.palette().color(QPalette.ColorRole.Window) == before
    assert preferences(settings).stale_days == 90
    assert window.filter_bar.stale_for.label() == "90 days"


def test_an_author_of_two_lines_is_refused_inline(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[tuple[str, bool, bool]] = []

    def fill(dialog: PreferencesDialog) -> None:
        author = find(dialog, QLineEdit, "preferredAuthor")
        author.setText("Ada\nLovelace")  # pasted from two lines
        problem = find(dialog, QLabel, "preferencesProblem")
        ok = dialog.buttons.button(Button.Ok)
        seen.append(
            (problem.text(), ok.isEnabled(), dialog.buttons.button(Button.Apply).isEnabled())
        )
        author.setText("Ada Lovelace")
        seen.append((problem.text(), ok.isEnabled(), problem.isVisible()))
        dialog.reject()

    with_preferences(qtbot, window, fill)
    assert seen[0] == (
        "The author must be one line, without line breaks or control characters.",
        False,
        False,
    )
    assert seen[1] == ("", True, False)


def test_a_new_language_offers_a_restart(
    qtbot: QtBot, window: MainWindow, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[tuple[str, list[str]]] = []
    quit_calls: list[bool] = []

    class Process:
        @staticmethod
        def startDetached(program: str, arguments: list[str]) -> bool:
            started.append((program, arguments))
            return True

    class Application:
        @staticmethod
        def quit() -> None:
            quit_calls.append(True)

    monkeypatch.setattr(preferences_module, "QProcess", Process)
    monkeypatch.setattr(preferences_module, "QCoreApplication", Application)
    monkeypatch.setattr(preferences_module.sys, "orig_argv", ["python", "-m", "ui", "--db", "x"])
    notes: list[bool] = []

    def fill(dialog: PreferencesDialog) -> None:
        note = find(dialog, QLabel, "restartNote")
        restart = find(dialog, QPushButton, "restartNow")
        notes.append(note.isVisible())
        pick(qtbot, combo(dialog, "preferredLanguage"), "Français")
        notes.append(note.isVisible() and restart.isVisible())
        assert "restarts" in note.text()
        restart.click()

    with_preferences(qtbot, window, fill)
    assert notes == [False, True]
    assert settings.value(LANGUAGE_KEY) == "fr"
    assert started == [(preferences_module.sys.executable, ["-m", "ui", "--db", "x"])]
    assert quit_calls == [True]
    assert not window.isVisible()  # closed as Quit closes it, its layout remembered
    assert settings.value("window/geometry") is not None


def test_the_dialog_is_keyboard_complete(qtbot: QtBot, window: MainWindow) -> None:
    order: list[str] = []
    unnamed: list[str] = []

    def fill(dialog: PreferencesDialog) -> None:
        pick(qtbot, combo(dialog, "preferredLanguage"), "Français")  # the restart button shows
        activate(qtbot, dialog)
        combo(dialog, "preferredLanguage").setFocus()
        for _ in range(12):  # Tab all the way round, back to the first control
            focused = QApplication.focusWidget()
            assert isinstance(focused, QWidget)
            text = focused.text() if isinstance(focused, QPushButton) else ""
            order.append(focused.objectName() or text)
            if not focused.accessibleName() and not isinstance(focused, QPushButton):
                unnamed.append(order[-1])
            qtbot.keyClick(focused, Qt.Key.Key_Tab)
        dialog.reject()

    with_preferences(qtbot, window, fill)
    assert order == [
        "preferredLanguage",
        "restartNow",
        "preferredTheme",
        "preferredAuthor",
        "preferredOrganisation",
        "preferredMarking",
        "staleDays",
        "backupsKept",
        "OK",
        "Cancel",
        "Apply",
        "preferredLanguage",
    ]
    assert unnamed == []  # buttons are named by their text


def test_a_marking_this_database_does_not_allow_falls_back(settings: QSettings) -> None:
    remember_preferences(settings, Preferences(marking="SECRET"))
    assert marking_for_new(settings, ("PUBLIC", "UNCLASSIFIED"), "UNCLASSIFIED") == "UNCLASSIFIED"
    remember_preferences(settings, Preferences(marking="PUBLIC"))
    assert marking_for_new(settings, ("PUBLIC", "UNCLASSIFIED"), "UNCLASSIFIED") == "PUBLIC"


def test_stored_values_out_of_range_read_as_defaults(settings: QSettings) -> None:
    settings.setValue(LANGUAGE_KEY, "klingon")
    settings.setValue("ui/theme", "neon")
    settings.setValue("preferences/staleDays", "0")
    settings.setValue("preferences/backupsKept", "lots")
    assert preferences(settings) == Preferences(stale_days=1)


def test_a_saved_view_counts_stale_as_the_preference_does(
    window: MainWindow, settings: QSettings
) -> None:
    window.preferences.apply(Preferences(stale_days=7))
    window.filter_bar.quick["stale"].click()
    body = window.saved_views.current_body()
    assert body.quick == QuickFilters(stale=True)  # kept as "stale", not as a day
    window.service.save_view(name="Stale", body=body)
    window.filter_bar.clear()
    window.saved_views.open("Stale")
    today = utc_today()
    assert window.model.filters.stale_before == today - datetime.timedelta(days=7)


def test_the_briefing_offers_its_last_answers_without_a_preferred_author(
    settings: QSettings,
) -> None:
    remember_briefing(settings, BriefingDefaults(author="Last", organisation="Used"))
    assert (briefing_defaults(settings).author, briefing_defaults(settings).organisation) == (
        "Last",
        "Used",
    )
    remember_preferences(settings, Preferences(author="Preferred"))
    assert (briefing_defaults(settings).author, briefing_defaults(settings).organisation) == (
        "Preferred",
        "Used",
    )
