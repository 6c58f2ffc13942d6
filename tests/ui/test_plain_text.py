"""User text is never markup (issue 19, point 1): a record whose every text looks like
HTML shows as typed wherever the app shows it, and nothing its markup names is loaded.

Qt reads a string that looks like markup as rich text wherever no text format is set
(tooltips, labels, message boxes): a title ``<img src="/dev/zero"/>`` grew the process
by gigabytes on hover, and a local image's name showed the image. Each test goes where
a user would meet such a record: the table and its tooltip, the detail pane and the
status bar, the form with its child tables and error lines, the conflict dialog, and
every message box or progress dialog that quotes a record or a file's name. There it
checks that what Qt shows holds the text as typed (``<img`` and ``<b>bold</b>`` in
letters), that no label, tooltip or document holds an image, and, for a title naming a
real image file, that the file was never opened (watched with inotify, on Linux).
"""

from __future__ import annotations

import ast
import ctypes
import dataclasses
import json
import os
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QColor, QHelpEvent, QImage, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

import ui
from tests.ui.conftest import action, activate, answer_modal, demo_file, find, open_form, shown_text
from tracker.domain.fields import CHILD_KINDS, CHILDREN_BY_KEY, FLAT_FIELDS
from tracker.domain.interchange import data_from_json
from tracker.domain.merge import three_way_merge
from tracker.domain.model import AuditEntry
from tracker.services import Tracker
from ui.child_table import ChildTable
from ui.conflict_dialog import ConflictDialog
from ui.engagement_form import EngagementDialog
from ui.import_review import ImportReviewDialog
from ui.main_window import MainWindow
from ui.other_writers import OtherWriters
from ui.partial_date_edit import PartialDateEdit

IMAGE = "hostile.png"  # in the test's folder, the working directory while it runs
OBJECT = "\ufffc"  # what a document holds in the place of an image
CTRL = Qt.KeyboardModifier.ControlModifier


# --------------------------------------------------------------------------- the image watched


class OpenedFiles:
    """Says whether anything opened a file since it was last asked (inotify: Linux)."""

    IN_OPEN = 0x20
    IN_ACCESS = 0x01

    def __init__(self, path: Path) -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        self._fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        assert self._fd >= 0, os.strerror(ctypes.get_errno())
        watch = libc.inotify_add_watch(self._fd, os.fsencode(path), self.IN_OPEN | self.IN_ACCESS)
        assert watch >= 0, os.strerror(ctypes.get_errno())

    def opened(self) -> bool:
        try:
            return bool(os.read(self._fd, 4096))
        except BlockingIOError:
            return False

    def close(self) -> None:
        os.close(self._fd)


@dataclass
class Hostile:
    """The text every text field of the hostile engagement holds, and the watch on the
    image it names (None when it names none of the test's own)."""

    text: str
    watch: OpenedFiles | None

    def nothing_loaded(self) -> None:
        if self.watch is not None:
            assert not self.watch.opened(), f"Qt read {IMAGE}, named in {self.text!r}"


# Both longer than the 40 characters from which the table shows a title's tooltip, and
# no longer than the 60 that messages quote whole.
DEV_ZERO = '<img src="/dev/zero"/> <b>bold</b> shown as typed'
LOCAL_IMAGE = f'<img src="{IMAGE}"> <b>bold</b> shown as typed'
# A file's name holds no "/" (so neither /dev/zero nor a closing tag), and no '"' (the
# file dialog reads quotes as around several names).
FILE_NAME = f"<img src={IMAGE}> <b>bold shown as typed"


@pytest.fixture
def image(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[OpenedFiles | None]:
    """A real image, ``hostile.png`` in the working directory, watched where inotify is."""
    picture = QImage(8, 8, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    assert picture.save(str(tmp_path / IMAGE))
    monkeypatch.chdir(tmp_path)
    if not sys.platform.startswith("linux"):
        yield None
        return
    watch = OpenedFiles(tmp_path / IMAGE)
    yield watch
    watch.close()


@pytest.fixture(params=[DEV_ZERO, LOCAL_IMAGE], ids=["dev-zero", "local-image"])
def hostile(request: pytest.FixtureRequest, image: OpenedFiles | None) -> Hostile:
    text: str = request.param
    return Hostile(text, image if IMAGE in text else None)


def hostile_engagement(text: str, service: Tracker) -> dict[str, Any]:
    """An engagement holding ``text`` in every field and child column typed as text,
    with one row of every child list (built from tracker.domain.fields); its link goes
    to a demo engagement."""

    def value(kind: str, vocab: Any, n: int) -> Any:
        if kind == "vocab":
            return next(iter(vocab)).value
        if kind == "date":
            return "2025-03"
        if kind == "tags":
            return [text]
        if kind == "marking":
            return service.default_marking()
        if kind == "engagement":  # a link's other end: a demo engagement (its note is text)
            return "demo-nato-openai"
        return text if kind != "code" else f"{text} {n}"

    obj = {f.key: value(f.kind, f.vocab, 0) for f in FLAT_FIELDS}
    for kind in CHILD_KINDS:
        obj[kind.key] = [{c.key: value(c.kind, c.vocab, 1) for c in kind.columns}]
    data_from_json(  # it must be a valid engagement
        obj,
        label="hostile",
        allowed_markings=service.markings(),
        default_marking=service.default_marking(),
    )
    return obj


@pytest.fixture
def db_path(tmp_path: Path, hostile: Hostile) -> Path:
    """The demo database and the hostile engagement (the window fixture opens it)."""
    path = demo_file(tmp_path / "tracker.db")
    service = Tracker.open(path, user="mallory")
    service.create(data=hostile_engagement(hostile.text, service))
    service.close()
    return path


# --------------------------------------------------------------------------- what Qt shows


def labels_in(widget: QWidget) -> list[QLabel]:
    found = widget.findChildren(QLabel)
    return [widget, *found] if isinstance(widget, QLabel) else found


def shown_by(widget: QWidget) -> list[str]:
    """What each label in ``widget`` (itself, if a label) shows: none shows an image."""
    shown = []
    for label in labels_in(widget):
        text = shown_text(label.text(), label.textFormat())
        assert OBJECT not in text, f"the label {label.objectName()!r} shows an image: {text!r}"
        assert label.pixmap().isNull() or not label.text(), "a label of text holds an image"
        shown.append(text)
    return shown


def quotes(widget: QWidget, hostile: Hostile) -> None:
    """Nothing the hostile text names was loaded, and ``widget`` shows it as typed."""
    hostile.nothing_loaded()
    shown = shown_by(widget)
    assert any(hostile.text in text for text in shown), f"not shown as typed: {shown}"


def tooltip_label() -> QLabel:
    """The label Qt shows a tooltip in."""
    tips = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QLabel) and w.objectName() == "qtooltip_label" and w.isVisible()
    ]
    assert len(tips) == 1, "no tooltip shown"
    return tips[0]


def hide_tooltip(qtbot: QtBot) -> None:
    """Move the mouse away: the tooltip goes (Qt hides it after a moment)."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def hover(qtbot: QtBot, widget: QWidget, at: QPoint) -> QLabel:
    """Rest the mouse on ``at`` in ``widget``: the tooltip Qt shows there."""
    hide_tooltip(qtbot)  # so that the tooltip found is this one
    QApplication.processEvents()  # laid out, as shown on the screen
    event = QHelpEvent(QEvent.Type.ToolTip, at, widget.mapToGlobal(at))
    QApplication.sendEvent(widget, event)
    assert QToolTip.isVisible(), "hovering shows no tooltip"
    return tooltip_label()


def hover_cell(qtbot: QtBot, view: QAbstractItemView, row: int, column: int) -> QLabel:
    """Rest the mouse on a cell of ``view``: the tooltip shown."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    QApplication.processEvents()
    return hover(qtbot, view.viewport(), view.visualRect(index).center())


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """Type a key where the keyboard focus is, as a user would."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifiers)


def hostile_row(window: MainWindow, hostile: Hostile) -> int:
    """Make the hostile engagement the current row; its row."""
    ids = [r.id for r in window.service.rows(ids=window.model.ids()) if r.title == hostile.text]
    assert len(ids) == 1
    window.select(ids[0])
    row = window.model.row_of(ids[0])
    assert row is not None
    return row


def message_box_quotes(box: QMessageBox, hostile: Hostile) -> None:
    assert box.textFormat() == Qt.TextFormat.PlainText
    quotes(box, hostile)


def reading(
    hostile: Hostile, told: list[str], *, cancel: bool = False
) -> Callable[[QMessageBox], None]:
    """How to answer a message box: note what it says (text, then informative text),
    check that it quotes ``hostile`` as typed, and close it (Esc if ``cancel``) even when
    the check fails, so that a failure never leaves it open."""

    def read(box: QMessageBox) -> None:
        try:
            told.append(f"{box.text()}\n{box.informativeText()}")
            message_box_quotes(box, hostile)
        finally:
            if cancel:
                box.reject()
            else:
                box.accept()

    return read


# --------------------------------------------------------------------------- the window


def test_the_table_its_tooltip_and_the_detail_pane_show_the_title_as_typed(
    qtbot: QtBot, window: MainWindow, hostile: Hostile
) -> None:
    row = hostile_row(window, hostile)
    quotes(hover_cell(qtbot, window.table, row, 0), hostile)
    hide_tooltip(qtbot)
    title = window.model.index(row, 0)
    assert title.data(Qt.ItemDataRole.DisplayRole) == hostile.text  # drawn as it is
    assert shown_text(title.data(Qt.ItemDataRole.ToolTipRole)) == hostile.text

    pane = window.detail.browser()
    shown = pane.document().toPlainText()
    assert OBJECT not in shown
    assert shown.count(hostile.text) >= 10  # the title, summary, names, every child list
    pane.resize(600, 2000)  # lay all of it out, as scrolling through it would
    pane.document().adjustSize()
    hostile.nothing_loaded()


def test_the_detail_pane_loads_nothing_its_markup_names(
    qtbot: QtBot, window: MainWindow, image: OpenedFiles | None
) -> None:
    pane = window.detail.browser()
    pane.setHtml(f'<p>Were markup to slip in: <img src="{IMAGE}"></p>')
    pane.document().adjustSize()  # laid out, as shown
    QApplication.processEvents()
    loaded = pane.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(IMAGE))
    assert isinstance(loaded, QImage) and loaded.isNull()
    assert image is None or not image.opened()


def test_the_status_bar_and_a_confirmation_quote_titles_as_typed(
    qtbot: QtBot, window: MainWindow, hostile: Hostile
) -> None:
    hostile_row(window, hostile)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)  # one engagement: no question
    said = window.statusBar().currentMessage()
    assert said == f"Moved “{hostile.text}” to the trash — Ctrl+Z to undo"
    window.statusBar().repaint()  # the bar draws its message as it is, never as markup
    hostile.nothing_loaded()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)

    hostile_row(window, hostile)
    window.table.selectAll()
    asked: list[str] = []
    answer_modal(QMessageBox, reading(hostile, asked, cancel=True))
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(asked))
    assert f"• {hostile.text}\n" in asked[0]
    assert window.service.count() == 5  # nothing moved


# --------------------------------------------------------------------------- the form


def open_hostile_form(qtbot: QtBot, window: MainWindow, hostile: Hostile) -> EngagementDialog:
    """F2 on the hostile engagement: its form, open."""
    hostile_row(window, hostile)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: open_form(window) is not None)
    form = open_form(window)
    assert form is not None
    activate(qtbot, form)
    return form


def test_the_form_its_child_tables_and_its_error_lines_show_text_as_typed(
    qtbot: QtBot, window: MainWindow, hostile: Hostile
) -> None:
    form = open_hostile_form(qtbot, window, hostile)
    assert find(form, QLineEdit, "field_title").text() == hostile.text
    shown_by(form)
    tabs = find(form, QTabWidget, "child_tabs")
    children = form.findChildren(ChildTable)
    assert len(children) == len(CHILD_KINDS)
    for child in children:
        table = child.table
        cells = [
            (r, c)
            for r in range(table.rowCount())
            for c in range(table.columnCount())
            if (item := table.item(r, c)) is not None and hostile.text in item.text()
        ]
        assert cells, f"{child.objectName()} holds no hostile cell"
        for r, c in cells:
            item = table.item(r, c)
            assert item is not None
            assert shown_text(item.toolTip()) == item.text()
        tabs.setCurrentWidget(child)
        quotes(hover_cell(qtbot, table, *cells[0]), hostile)

    # A date typed as the hostile text: the cell's tooltip and the field's line say why
    # not, quoting it; the line, too short for all of it, shows it whole when hovered.
    history = find(form, ChildTable, "children_status_history")
    on = [c.key for c in CHILDREN_BY_KEY["status_history"].columns].index("on")
    cell = history.table.item(0, on)
    assert cell is not None
    cell.setText(hostile.text)  # what committing the typed cell does
    assert hostile.text in shown_text(cell.toolTip())
    tabs.setCurrentWidget(history)
    quotes(hover_cell(qtbot, history.table, 0, on), hostile)

    started = find(form, PartialDateEdit, "field_started")
    started.lineEdit().clear()
    qtbot.keyClicks(started.lineEdit(), hostile.text)
    hint = started.hintLabel()
    assert hint.property("error") is True and hostile.text in hint.text()
    quotes(hint, hostile)
    assert hint.is_elided()
    quotes(hover(qtbot, hint, QPoint(2, 2)), hostile)
    hide_tooltip(qtbot)


def test_the_conflict_dialog_shows_both_sides_as_typed(
    qtbot: QtBot, window: MainWindow, db_path: Path, hostile: Hostile
) -> None:
    form = open_hostile_form(qtbot, window, hostile)
    eid = window.current_id()
    assert eid is not None
    colleague = Tracker.open(db_path, user="bob")
    current = colleague.get(engagement_id=eid)
    colleague.update(
        engagement_id=eid,
        expected_version=current.version,
        changes={"summary": f"bob: {hostile.text}"},
    )
    colleague.close()
    summary = find(form, QPlainTextEdit, "field_summary")
    summary.setPlainText(f"alice: {hostile.text}")
    seen: list[ConflictDialog] = []

    def read_and_cancel(dialog: ConflictDialog) -> None:
        seen.append(dialog)
        try:
            conflict_dialog_quotes(qtbot, dialog, hostile)
        finally:
            dialog.reject()

    answer_modal(ConflictDialog, read_and_cancel)
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0].conflict_fields() == ("summary",)
    assert open_form(window) is form  # cancelled: back to the form


def conflict_dialog_quotes(qtbot: QtBot, dialog: ConflictDialog, hostile: Hostile) -> None:
    quotes(dialog, hostile)  # the explanation names the title
    table = dialog.table
    for column in range(1, 4):  # Original, Yours, theirs
        item = table.item(0, column)
        assert item is not None and hostile.text in item.text()
        assert shown_text(item.toolTip()) == item.text()
    quotes(hover_cell(qtbot, table, 0, 3), hostile)
    hide_tooltip(qtbot)


def test_writers_named_in_the_conflict_dialog_and_its_question_show_as_typed(
    qtbot: QtBot, window: MainWindow, hostile: Hostile
) -> None:
    base = window.service.get(engagement_id=window.model.id_at(0))
    mine = dataclasses.replace(base.data, summary="mine", owner="me")
    theirs = dataclasses.replace(base.data, summary="theirs", owner="them")
    entry = AuditEntry(
        id=1,
        at="2026-01-02T03:04:05Z",
        who=hostile.text,  # whoever wrote the newer version, as the trail names them
        engagement_id=base.id,
        version=base.version + 1,
        action="update",
        field="summary",
        old=base.data.summary,
        new="theirs",
    )
    dialog = ConflictDialog(
        title=hostile.text,
        result=three_way_merge(base.data, mine, theirs),
        theirs_version=base.version + 1,
        writers=OtherWriters([entry], me="alice"),
        parent=window,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    quotes(dialog, hostile)
    for button in (dialog.use_theirs_button, dialog.keep_theirs_button):
        assert hostile.text in shown_text(button.toolTip())
        quotes(hover(qtbot, button, QPoint(4, 4)), hostile)
    hide_tooltip(qtbot)
    asked: list[str] = []
    answer_modal(QMessageBox, reading(hostile, asked, cancel=True))
    dialog.keep_theirs_button.click()
    assert asked and hostile.text in asked[0]
    assert dialog.outcome is None  # not discarded: the question was cancelled
    dialog.reject()


# --------------------------------------------------------------------------- messages


def test_an_import_refused_quotes_the_record_as_typed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, hostile: Hostile
) -> None:
    bad = tmp_path / "bad.json"
    record = {
        "title": hostile.text,
        "vendor": "v",
        "counterpart": "c",
        "status": "agreed",
        "marking": "SECRET",
    }
    bad.write_text(
        json.dumps({"format": "engagement-tracker/1", "engagements": [record]}), encoding="utf-8"
    )
    choose_file(bad)
    told: list[str] = []
    answer_modal(QMessageBox, reading(hostile, told))
    action(window, "import").trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "SECRET" in told[0] and hostile.text in told[0]


def test_an_undo_refused_quotes_the_title_as_typed(
    qtbot: QtBot, window: MainWindow, db_path: Path, hostile: Hostile
) -> None:
    form = open_hostile_form(qtbot, window, hostile)
    eid = window.current_id()
    assert eid is not None
    find(form, QLineEdit, "field_owner").setText("alice")
    press(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: open_form(window) is None)
    colleague = Tracker.open(db_path, user="bob")
    current = colleague.get(engagement_id=eid)
    colleague.update(engagement_id=eid, expected_version=current.version, changes={"owner": "b"})
    colleague.close()
    told: list[str] = []
    answer_modal(QMessageBox, reading(hostile, told))
    action(window, "undo").trigger()
    assert told and told[0].startswith(f"Cannot undo edit “{hostile.text}”: bob has since")


def test_a_database_that_cannot_open_is_named_as_typed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, hostile: Hostile
) -> None:
    folder = tmp_path / f"{hostile.text}.db"  # a folder: it cannot be opened
    folder.mkdir(parents=True)
    told: list[str] = []
    answer_modal(QMessageBox, reading(hostile, told))
    assert not window.databases.switch_database(str(folder))
    assert told and hostile.text in told[0]


def test_the_progress_of_an_import_names_the_file_as_typed(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    image: OpenedFiles | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    named = tmp_path / f"{FILE_NAME}.json"
    named.write_text(
        json.dumps({"format": "engagement-tracker/1", "engagements": []}), encoding="utf-8"
    )
    release = threading.Event()
    real_import = window.service.import_document

    def slow_import(**kwargs: Any) -> object:
        release.wait(10)  # until the progress dialog has been read
        return real_import(**kwargs)

    monkeypatch.setattr(window.service, "import_document", slow_import)
    choose_file(named)
    answer_modal(ImportReviewDialog, lambda d: find(d, QPushButton, "confirmImport").click())
    try:
        action(window, "import").trigger()
        qtbot.waitUntil(lambda: progress_shown(window) is not None, timeout=10_000)
        progress = progress_shown(window)
        assert progress is not None
        quotes(progress, Hostile(FILE_NAME, image))
    finally:
        release.set()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Imported"))


def progress_shown(window: MainWindow) -> QProgressDialog | None:
    shown = [p for p in window.findChildren(QProgressDialog) if p.isVisible()]
    return shown[0] if shown else None


def choose_file(path: Path) -> None:
    """Pick ``path`` in the file dialog the next step opens (typed, as a user would)."""

    def pick(dialog: QFileDialog) -> None:
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        dialog.setDirectory(str(path.parent))
        name.setText(path.name)
        dialog.accept()

    answer_modal(QFileDialog, pick)


def test_the_about_box_names_a_database_file_as_typed(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, image: OpenedFiles | None
) -> None:
    path = demo_file(tmp_path / f"{FILE_NAME}.db")
    window = MainWindow(Tracker.open(path, user="alice"), settings=settings)
    window.show()
    activate(qtbot, window)
    told: list[str] = []
    answer_modal(QMessageBox, reading(Hostile(str(path), image), told))
    try:
        action(window, "about").trigger()
        assert told and str(path) in told[0]
    finally:
        window.close()
        window.service.close()
        window.deleteLater()


# --------------------------------------------------------------------------- what holds it


MESSAGE_BOX_FUNCTIONS = {"warning", "information", "critical", "question", "about"}


def _called(call: ast.Call) -> tuple[str, str]:
    """(what the function is looked up on, its name) of ``call``: ("", "f") for f()."""
    func = call.func
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else ""
        return owner, func.attr
    return "", func.id if isinstance(func, ast.Name) else ""


def _safe_tip(node: ast.expr) -> bool:
    """A tooltip of our own words (a string literal, or one in the window's language:
    ``translate`` of literals, ui.i18n) or made by ``tooltip``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.Call) and _called(node)[1] == "translate":
        return all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)
    if isinstance(node, ast.IfExp):
        return _safe_tip(node.body) and _safe_tip(node.orelse)
    return isinstance(node, ast.Call) and _called(node)[1] == "tooltip"


def _mistakes(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text("utf-8"))
    for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
        owner, name = _called(call)
        where = f"{path.name}:{call.lineno}"
        if (owner, name) == ("", "QMessageBox") or (
            owner == "QMessageBox" and name in MESSAGE_BOX_FUNCTIONS
        ):
            yield f"{where}: a message box not made by ui.plain_text"
        # QWidget.setToolTip(text); QTreeWidgetItem/QTableWidgetItem.setToolTip(column, text)
        tip = call.args[-1] if name == "setToolTip" and call.args else None
        if (owner, name) == ("QToolTip", "showText"):
            tip = call.args[1]
        if tip is not None and not _safe_tip(tip):
            yield f"{where}: a tooltip not made by ui.plain_text.tooltip"


def test_every_message_box_and_tooltip_is_made_by_plain_text() -> None:
    """The guard for what the tests above cannot reach (a message box or a tooltip added
    later): outside ui.plain_text, no module makes a message box, and every tooltip is
    a string literal or made by ``tooltip``."""
    modules = sorted(Path(ui.__file__).parent.glob("*.py"))
    assert len(modules) > 20
    found = [m for path in modules if path.name != "plain_text.py" for m in _mistakes(path)]
    assert found == []
