"""The window in French: every window and dialog the menus open, walked on the demo,
shows no English text; and the catalogue is complete and up to date with the sources.

A text counts as English when it reads as the source text of a translation that says
otherwise (ui/translations/tracker_fr.ts, tracker.domain.french), or holds an English
word of the window's vocabulary ("Show", "the", "filters"); the demo's own data (titles,
names, markings) is never read: only what the window itself writes is.
"""

from __future__ import annotations

import ast
import dataclasses
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import action, activate, shown_text
from tracker.domain.french import FRENCH
from tracker.domain.interchange import data_to_json
from tracker.domain.languages import Language
from tracker.domain.model import Filters
from tracker.services import Tracker
from ui.i18n import TRANSLATIONS, install_translators, ui_language
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TS = TRANSLATIONS / "tracker_fr.ts"
TOOLS = Path(sys.executable).parent  # the venv's pyside6-lupdate and lrelease

# Words only English writes, as the window writes them ("engagement", "restrictions",
# "note" or "organisation" are French too, so they are not here).
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "by",
        "for",
        "from",
        "with",
        "any",
        "all",
        "new",
        "edit",
        "show",
        "save",
        "add",
        "remove",
        "move",
        "up",
        "down",
        "file",
        "view",
        "help",
        "open",
        "close",
        "search",
        "filter",
        "filters",
        "more",
        "clear",
        "select",
        "yes",
        "no",
        "cancel",
        "trash",
        "history",
        "export",
        "import",
        "briefing",
        "briefings",
        "load",
        "undo",
        "redo",
        "delete",
        "restore",
        "find",
        "reload",
        "about",
        "quit",
        "changes",
        "change",
        "is",
        "are",
        "be",
        "this",
        "that",
        "there",
        "not",
        "none",
        "unknown",
        "title",
        "status",
        "region",
        "vendor",
        "counterpart",
        "owner",
        "tags",
        "summary",
        "started",
        "due",
        "overdue",
        "stale",
        "marking",
        "confidence",
        "kind",
        "stance",
        "severity",
        "published",
        "outlet",
        "comparison",
        "timeline",
        "overview",
        "chosen",
        "selected",
        "what",
        "who",
        "when",
        "since",
        "at",
        "as",
        "merge",
        "apply",
        "back",
        "next",
        "previous",
        "until",
        "today",
        "days",
        "day",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "count",
    ]
)
# Written as they are in French too (names, codes, units).
ALLOWED = frozenset({"Engagement Tracker", "OK", "PDF", "CSV", "JSON", "SHA-256", "UTC"})


def catalogue() -> dict[tuple[str, str], ET.Element]:
    """The .ts messages by (context, source)."""
    messages = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages[(name, message.findtext("source") or "")] = message
    return messages


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def english_sources() -> frozenset[str]:
    """The English texts whose French differs (as shown: without mnemonics)."""
    sources = {
        _plain(source)
        for (_, source), message in catalogue().items()
        if _plain(message.findtext("translation") or "") != _plain(source)
    }
    sources |= {english for english, french in FRENCH.items() if english != french}
    return frozenset(s for s in sources if s and "{" not in s)


def english_in(text: str, sources: frozenset[str]) -> bool:
    """True when ``text`` (as shown) reads as English."""
    plain = _plain(text)
    if not plain or plain in ALLOWED:
        return False
    if plain in sources:
        return True
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", plain)
    return any(word.lower() in ENGLISH_WORDS for word in words)


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for entry in menu.actions():
        yield entry.text()
        submenu = entry.menu()
        if isinstance(submenu, QMenu):
            yield from _menu_texts(submenu)


def _widget_texts(widget: QWidget) -> Iterator[str]:  # noqa: C901 (one case per kind)
    if isinstance(widget, QLabel):
        yield shown_text(widget.text(), widget.textFormat())
    elif isinstance(widget, QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QComboBox) and not widget.isEditable():
        yield widget.currentText()
    elif isinstance(widget, QTabBar):
        yield from (widget.tabText(n) for n in range(widget.count()))
    elif isinstance(widget, QDockWidget):
        yield widget.windowTitle()
    horizontal = Qt.Orientation.Horizontal
    if isinstance(widget, QHeaderView) and widget.orientation() == horizontal:
        model = widget.model()
        for column in range(model.columnCount(QModelIndex()) if model is not None else 0):
            if model is not None and not widget.isSectionHidden(column):
                yield str(model.headerData(column, horizontal) or "")


def visible_texts(window: QWidget) -> list[str]:
    """Every text ``window`` shows: its title, its menus, and its visible widgets'."""
    texts = [window.windowTitle()]
    if isinstance(window, QMainWindow):
        for entry in window.menuBar().actions():
            if isinstance(submenu := entry.menu(), QMenu):
                texts += _menu_texts(submenu)
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and widget.window() is window:
            texts += _widget_texts(widget)
    return [t for t in texts if t]


_DATA: list[str] = []  # the user data the window shows (the demo's texts, the database)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def user_data(service: Tracker) -> list[str]:
    """Every text of the demo's engagements and organisations, and the database's URL
    and file, longest first (so that a title goes before a word of it)."""
    texts = {service.url, *service.url.split("/")}
    for engagement in service.get_many(ids=service.list_ids(filters=Filters(trash=False))):
        texts |= set(_strings(data_to_json(engagement.data)))
    for organisation in service.organisations():
        texts |= set(_strings(dataclasses.asdict(organisation)))
    texts |= {code_or_title for pair in service.restriction_catalogue() for code_or_title in pair}
    return sorted((t for t in texts if len(t) > 1), key=len, reverse=True)


def untranslated(window: QWidget) -> list[str]:
    """The English texts ``window`` shows, the user's data left out."""
    sources = english_sources()
    found = set()
    for text in visible_texts(window):
        written = text
        for data in _DATA:
            written = written.replace(data, " ")
        if english_in(written, sources):
            found.add(text)
    return sorted(found)


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    """The app in French for the test (and English again after it)."""
    assert install_translators(qapp, "fr") == Language.FR
    yield
    install_translators(qapp, "en")
    assert ui_language() == Language.EN


@pytest.fixture
def french_window(
    french: None, qtbot: QtBot, db_path: Path, settings: QSettings
) -> Iterator[MainWindow]:
    """The main window on the demo, built in French."""
    win = MainWindow(Tracker.open(db_path, user="alice"), settings=settings)
    _DATA[:] = user_data(win.service)
    win.resize(1400, 820)
    win.show()
    activate(qtbot, win)
    yield win
    win.close()
    win.service.close()
    win.deleteLater()


def opened(qtbot: QtBot, step: Callable[[], object]) -> None:
    """Run ``step`` and check the window or dialog it opens (modal or not): its texts
    are read once it shows, then it is closed."""
    before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
    found: list[QWidget] = []
    titles: list[str] = []
    read: list[str] = []

    def poll(left: int) -> None:
        new = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible()
            and w not in before
            and w.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
        ]
        modal = QApplication.activeModalWidget()
        if modal is not None and modal in new:
            new = [modal]
        if new:
            found.append(new[0])
            titles.append(new[0].windowTitle())
            try:
                read.extend(untranslated(new[0]))
            except Exception as exc:
                read.append(repr(exc))
            if isinstance(new[0], QDialog):
                new[0].reject()
            else:
                new[0].close()
        elif left > 0:
            QTimer.singleShot(20, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(500))
    step()
    qtbot.waitUntil(lambda: bool(found), timeout=12_000)
    qtbot.waitUntil(lambda: not shiboken6.isValid(found[0]) or not found[0].isVisible())
    assert not read, f"{titles[0]!r} shows English: {read}"


def test_the_main_window_is_french(french_window: MainWindow) -> None:
    assert untranslated(french_window) == []
    texts = visible_texts(french_window)
    for french in ("&Fichier", "Statut", "Titre", "Plus de fi&ltres", "&Tableau"):
        assert french in texts
    status = french_window.model.index(0, 4).data()
    assert status in {"Exploratoire", "Actif", "Conclu", "Rompu"}


def test_the_detail_pane_is_french(french_window: MainWindow) -> None:
    pane = french_window.detail
    text = pane.findChild(QTextEdit, "detailBrowser")
    assert text is not None
    shown = text.toPlainText()
    for heading in ("Interlocuteur", "Fournisseur", "Fiabilité", "Restrictions", "Numéro"):
        assert heading in shown
    for english in ("Counterpart", "Vendor", "Confidence", "Number", "Change history"):
        assert re.search(rf"^{english}$", shown, re.MULTILINE) is None, english


def test_the_filter_chips_are_french(qtbot: QtBot, french_window: MainWindow) -> None:
    from PySide6.QtWidgets import QPushButton

    from tracker.domain.vocab import Region, Status
    from ui.filter_chips import FilterChips

    chips = french_window.findChild(FilterChips)
    assert chips is not None
    chips.show_filters(
        Filters(statuses=(Status.ACTIVE,), regions=(Region.EUROPE, None), trash=True)
    )
    shown = [b.text() for b in chips.findChildren(QPushButton) if not b.isHidden()]
    assert shown[:3] == [
        "Statut\u00a0: Actif  ✕",
        "Région\u00a0: Europe ou non renseigné  ✕",
        "dans la corbeille  ✕",
    ]
    assert untranslated(chips) == []


# Every action of ui.actions that opens a window or a dialog (the file dialogs are Qt's
# own, in French by qtbase_fr), and those of the Saved views menu.
DIALOGS = (
    "new",
    "edit",
    "bulkEdit",
    "delete",
    "history",
    "restrictionCatalogue",
    "organisations",
    "briefingHistory",
    "briefing",
    "export",
    "import",
    "newDatabase",
    "openDatabase",
    "about",
    "saveView",
    "preferences",
)


@pytest.mark.parametrize("name", DIALOGS)
def test_each_dialog_is_french(qtbot: QtBot, french_window: MainWindow, name: str) -> None:
    french_window.table.setFocus()
    if name in ("bulkEdit", "delete"):
        french_window.table.selectAll()  # several: the dialog asks about them all
    opened(qtbot, action(french_window, name).trigger)


@pytest.mark.parametrize("view", ["viewOverview", "viewRestrictions", "viewTimeline"])
def test_each_view_is_french(qtbot: QtBot, french_window: MainWindow, view: str) -> None:
    action(french_window, view).trigger()
    qtbot.wait(50)
    assert untranslated(french_window) == []


def test_the_changes_dock_is_french(qtbot: QtBot, french_window: MainWindow) -> None:
    action(french_window, "changes").trigger()
    qtbot.waitUntil(french_window.changes_dock.isVisible)
    assert untranslated(french_window) == []
    assert french_window.changes_dock.windowTitle() == "Modifications"


def test_english_stays_english_without_a_translator(qtbot: QtBot, window: MainWindow) -> None:
    assert ui_language() == Language.EN
    assert "&File" in visible_texts(window)


# --------------------------------------------------------------------------- the catalogue


def _literal_calls(path: Path) -> Iterator[tuple[str, str]]:
    """(context, text) of every translate() and QT_TRANSLATE_NOOP() with literal
    arguments in ``path``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        context, text = node.args[0], node.args[1]
        if name in ("translate", "QT_TRANSLATE_NOOP") and all(
            isinstance(a, ast.Constant) and isinstance(a.value, str) for a in (context, text)
        ):
            yield str(context.value), str(text.value)  # type: ignore[attr-defined]


def test_every_text_of_the_sources_is_in_the_catalogue_and_translated() -> None:
    messages = catalogue()
    wanted = {call for path in sorted((ROOT / "ui").glob("*.py")) for call in _literal_calls(path)}
    assert wanted, "no translate() call found"
    assert sorted(wanted - messages.keys()) == []
    unfinished = [
        key
        for key, message in messages.items()
        if (message.find("translation") is None)
        or message.find("translation").get("type") in ("unfinished", "obsolete", "vanished")  # type: ignore[union-attr]
    ]
    assert unfinished == []


def test_lupdate_finds_nothing_unfinished(tmp_path: Path) -> None:
    copy = tmp_path / "tracker_fr.ts"
    shutil.copy(TS, copy)
    sources = [str(p) for p in sorted((ROOT / "ui").glob("*.py"))]
    lupdate = subprocess.run(
        [
            str(TOOLS / "pyside6-lupdate"),
            *sources,
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(copy),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Found (\d+) source text\(s\) \((\d+) new", lupdate.stdout)
    assert found is not None, lupdate.stdout
    assert int(found.group(1)) > 0 and found.group(2) == "0", lupdate.stdout
    assert 'type="unfinished"' not in copy.read_text(encoding="utf-8")
    # The committed .qm is the .ts built: lrelease makes the same bytes.
    built = tmp_path / "tracker_fr.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(copy), "-qm", str(built)], check=True)
    assert built.read_bytes() == (TRANSLATIONS / "tracker_fr.qm").read_bytes()


def test_who_saved_a_newer_version_is_said_in_french(french: None) -> None:
    import datetime as _dt

    from tracker.domain.model import AuditEntry
    from ui.other_writers import OtherWriters

    def entry(n: int, who: str, field: str) -> AuditEntry:
        return AuditEntry(n, f"2026-02-27T14:0{n}Z", who, 1, n + 1, "update", field, "a", "b")

    today = _dt.date(2026, 2, 27)
    one = OtherWriters([entry(2, "bob", "summary")], me="alice", today=today)
    assert one.summary() == "bob a enregistré une version plus récente à 14:02 UTC"
    assert one.their() == "de bob"
    both = OtherWriters(
        [entry(2, "bob", "summary"), entry(3, "carol", "owner")], me="alice", today=today
    )
    assert both.summary() == (
        "bob et carol ont enregistré 2 versions plus récentes, la dernière par carol à 14:03 UTC"
    )
    assert both.changed_since(["summary", "owner"]) == (
        "bob a modifié depuis Résumé (à 14:02 UTC); "
        "carol a modifié depuis Responsable (à 14:03 UTC)"
    )
