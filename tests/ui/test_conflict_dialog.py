"""The conflict dialog and the save flow that merges with a newer version.

Each test uses a real temporary SQLite database with the demo data. "Another
window" is a second ``Tracker`` open on the same file (as bob, or as carol), saving in
between the time the form was opened (``base``) and the time the user saves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from tests.ui.conftest import answer_modal, shown_text
from tracker.domain.dates import PartialDate, Precision
from tracker.domain.errors import ConflictError
from tracker.domain.merge import three_way_merge
from tracker.domain.model import AuditEntry, Engagement, EngagementData, ScopeLimit
from tracker.domain.presenter import timestamp
from tracker.domain.vocab import ScopeKind, Status
from tracker.services import Tracker
from ui.conflict_dialog import (
    CHANGED_BY_COL,
    KEEP_COL,
    MINE_COL,
    ORIGINAL_COL,
    THEIRS_COL,
    ConflictDialog,
)
from ui.other_writers import OtherWriters
from ui.saving import MAX_ATTEMPTS, save_with_merge

NATO = "demo-nato-openai"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "t.db"


@pytest.fixture
def service(db_path: Path) -> Iterator[Tracker]:
    svc = Tracker.open(db_path, user="me")
    svc.load_demo()
    yield svc
    svc.close()


@pytest.fixture
def other(db_path: Path, service: Tracker) -> Iterator[Tracker]:
    """A colleague, bob, on the same database file."""
    svc = Tracker.open(db_path, user="bob")
    yield svc
    svc.close()


@pytest.fixture
def carol(db_path: Path, service: Tracker) -> Iterator[Tracker]:
    """Another colleague on the same database file."""
    svc = Tracker.open(db_path, user="carol")
    yield svc
    svc.close()


@pytest.fixture
def base(service: Tracker) -> Engagement:
    """The engagement as the edit form loaded it."""
    return service.get(engagement_id=NATO)


def edit(data: EngagementData, **changes: object) -> EngagementData:
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


def their_save(other: Tracker, base: Engagement, **changes: object) -> Engagement:
    return other.save(
        engagement_id=base.id, expected_version=base.version, data=edit(base.data, **changes)
    ).engagement


def never_ask(dialog: ConflictDialog) -> int:
    raise AssertionError("the conflict dialog should not have been shown")


def answer(
    choices: dict[str, str] | None = None, *, action: str = "save", seen: list | None = None
) -> Callable[[ConflictDialog], int]:
    """An ``ask`` that makes the given choices, then saves / keeps theirs / cancels."""

    def ask(dialog: ConflictDialog) -> int:
        if seen is not None:
            seen.append(dialog)
        for name, choice in (choices or {}).items():
            dialog.set_choice(name, choice)  # type: ignore[arg-type]
        if action == "save":
            dialog.save_button.click()
        elif action == "keep_theirs":
            dialog.confirm_discard = lambda _parent: True
            dialog.keep_theirs_button.click()
        else:
            dialog.cancel_button.click()
        return dialog.result()

    return ask


def item(table: QTableWidget, row: int, col: int) -> QTableWidgetItem:
    found = table.item(row, col)
    assert found is not None, f"no cell at {row}, {col}"
    return found


def cells(dialog: ConflictDialog, row: int) -> tuple[str, str, str]:
    """What the Original / Yours / Theirs cells of ``row`` show."""
    original, mine, theirs = (
        item(dialog.table, row, col).text() for col in (ORIGINAL_COL, MINE_COL, THEIRS_COL)
    )
    return original, mine, theirs


# -- the save flow ---------------------------------------------------------------


def test_save_without_conflict_just_saves(service: Tracker, base: Engagement, qtbot: QtBot):
    mine = edit(base.data, title="Mine")
    saved = save_with_merge(
        service, engagement_id=base.id, base=base, mine=mine, parent=None, ask=never_ask
    )
    assert saved is not None
    assert saved.engagement.version == base.version + 1
    assert saved.engagement.data == mine


def test_disjoint_changes_merge_without_dialog(
    service: Tracker, other: Tracker, base: Engagement, qtbot: QtBot
):
    theirs = their_save(other, base, summary="Confirmed by NATO.")
    mine = edit(base.data, title="NATO talks with OpenAI (renamed)")
    saved = save_with_merge(
        service, engagement_id=base.id, base=base, mine=mine, parent=None, ask=never_ask
    )
    assert saved is not None
    assert saved.engagement.version == theirs.version + 1
    stored = other.get(engagement_id=base.id)
    assert stored.data.title == "NATO talks with OpenAI (renamed)"
    assert stored.data.summary == "Confirmed by NATO."
    assert stored == saved.engagement


def test_direct_update_by_another_writer_is_merged(
    service: Tracker, base: Engagement, qtbot: QtBot
):
    service.update(
        engagement_id=base.id, expected_version=base.version, changes={"next_step": "Wait."}
    )
    mine = edit(base.data, owner="Brussels desk")
    saved = save_with_merge(
        service, engagement_id=base.id, base=base, mine=mine, parent=None, ask=never_ask
    )
    assert saved is not None
    assert (saved.engagement.data.next_step, saved.engagement.data.owner) == (
        "Wait.",
        "Brussels desk",
    )


def test_same_field_shows_dialog_and_mine_is_stored(
    service: Tracker, other: Tracker, base: Engagement, qtbot: QtBot
):
    their_save(other, base, summary="Their summary.", owner="Colleague desk")
    mine = edit(base.data, summary="My summary.", title="My title")
    seen: list[ConflictDialog] = []
    saved = save_with_merge(
        service,
        engagement_id=base.id,
        base=base,
        mine=mine,
        parent=None,
        ask=answer({"summary": "mine"}, seen=seen),
    )
    assert len(seen) == 1
    dialog = seen[0]
    assert dialog.conflict_fields() == ("summary",)
    assert cells(dialog, 0) == (base.data.summary, "My summary.", "Their summary.")
    assert dialog.outcome == "save_merged"
    assert saved is not None
    stored = service.get(engagement_id=base.id)
    assert stored == saved.engagement
    assert stored.data.summary == "My summary."
    assert stored.data.title == "My title"  # my other change
    assert stored.data.owner == "Colleague desk"  # their other change


def test_choosing_theirs_stores_theirs(
    service: Tracker, other: Tracker, base: Engagement, qtbot: QtBot
):
    their_save(other, base, summary="Their summary.")
    mine = edit(base.data, summary="My summary.", title="My title")
    saved = save_with_merge(
        service,
        engagement_id=base.id,
        base=base,
        mine=mine,
        parent=None,
        ask=answer({"summary": "theirs"}),
    )
    assert saved is not None
    stored = service.get(engagement_id=base.id)
    assert stored.data.summary == "Their summary."
    assert stored.data.title == "My title"


def test_cancel_returns_none_and_nothing_is_lost(
    service: Tracker, other: Tracker, base: Engagement, qtbot: QtBot
):
    theirs = their_save(other, base, summary="Their summary.")
    mine = edit(base.data, summary="My summary.")
    before = mine
    saved = save_with_merge(
        service,
        engagement_id=base.id,
        base=base,
        mine=mine,
        parent=None,
        ask=answer(action="cancel"),
    )
    assert saved is None
    assert service.get(engagement_id=base.id) == theirs  # theirs is intact
    assert mine == before and mine.summary == "My summary."  # mine is still with the caller
    # Saving again later (e.g. after the user reconsiders) still works.
    again = save_with_merge(
        service,
        engagement_id=base.id,
        base=base,
        mine=mine,
        parent=None,
        ask=answer({"summary": "mine"}),
    )
    assert again is not None and again.engagement.data.summary == "My summary."


def test_keep_theirs_discards_mine(
    service: Tracker, other: Tracker, base: Engagement, qtbot: QtBot
):
    theirs = their_save(other, base, summary="Their summary.")
    mine = edit(base.data, summary="My summary.", title="My title")
    saved = save_with_merge(
        service,
        engagement_id=base.id,
        base=base,
        mine=mine,
        parent=None,
        ask=answer(action="keep_theirs"),
    )
    assert saved is not None and saved.engagement == theirs
    assert saved.changes.engagements == {base.id} and not saved.changes.fields  # shown again
    assert service.get(engagement_id=base.id) == theirs


def test_another_conflict_while_the_dialog_is_open_is_merged_again(
    service: Tracker, other: Tracker, base: Engagement, qtbot: QtBot
):
    first = their_save(other, base, summary="Their summary.")
    mine = edit(base.data, summary="My summary.")
    seen: list[ConflictDialog] = []

    def ask(dialog: ConflictDialog) -> int:
        seen.append(dialog)
        if len(seen) == 1:
            # A third save lands while the user thinks: a clean change, then a clash.
            other.save(
                engagement_id=base.id,
                expected_version=first.version,
                data=edit(first.data, owner="Third desk", summary="Third summary."),
            )
            dialog.set_choice("summary", "mine")
        else:
            assert dialog.conflict_fields() == ("summary",)
            assert cells(dialog, 0) == ("Their summary.", "My summary.", "Third summary.")
            dialog.set_choice("summary", "theirs")
        dialog.save_merged()
        return dialog.result()

    saved = save_with_merge(
        service, engagement_id=base.id, base=base, mine=mine, parent=None, ask=ask
    )
    assert len(seen) == 2
    assert saved is not None
    assert (saved.engagement.data.owner, saved.engagement.data.summary) == (
        "Third desk",
        "Third summary.",
    )


def test_a_clean_retry_after_the_dialog_needs_no_second_dialog(
    service: Tracker, other: Tracker, base: Engagement, qtbot: QtBot
):
    first = their_save(other, base, summary="Their summary.")
    mine = edit(base.data, summary="My summary.", title="My title")
    calls: list[int] = []

    def ask(dialog: ConflictDialog) -> int:
        calls.append(1)
        other.save(
            engagement_id=base.id,
            expected_version=first.version,
            data=edit(first.data, next_step="Third step."),
        )
        dialog.save_merged()
        return dialog.result()

    saved = save_with_merge(
        service, engagement_id=base.id, base=base, mine=mine, parent=None, ask=ask
    )
    assert calls == [1]
    assert saved is not None
    assert (
        saved.engagement.data.title,
        saved.engagement.data.summary,
        saved.engagement.data.next_step,
    ) == (
        "My title",
        "My summary.",
        "Third step.",
    )


def test_endless_conflicts_give_up_with_the_conflict(
    service: Tracker, other: Tracker, base: Engagement, qtbot: QtBot, monkeypatch
):
    real_save = service.save
    theirs: list[Engagement] = []  # every version the other writer stored
    mine = edit(base.data, title="Mine", summary="My summary.")

    def racing_save(**kwargs):  # somebody always saves just before us
        current = other.get(engagement_id=base.id)
        theirs.append(
            other.save(
                engagement_id=base.id,
                expected_version=current.version,
                data=edit(current.data, next_step=f"step {current.version}"),
            ).engagement
        )
        return real_save(**kwargs)

    monkeypatch.setattr(service, "save", racing_save)
    with pytest.raises(ConflictError) as caught:
        save_with_merge(
            service, engagement_id=base.id, base=base, mine=mine, parent=None, ask=never_ask
        )

    assert len(theirs) == MAX_ATTEMPTS  # each attempt met a newer version, then it gave up
    last = theirs[-1]
    assert (caught.value.expected_version, caught.value.current_version) == (
        last.version - 1,
        last.version,
    )
    # Nothing of mine was written: what is stored is exactly their last version.
    assert service.get(engagement_id=base.id) == last
    assert last.data == edit(base.data, next_step=f"step {last.version - 1}")
    history = service.history(engagement_id=base.id)
    assert {e.who for e in history if e.version > base.version} == {"bob"}
    assert [e.version for e in history if e.version > base.version] == list(
        range(last.version, base.version, -1)
    )
    # The form keeps the user's entries: tests/ui/test_main_window.py, "gives up".


# -- who saved the newer version ---------------------------------------------------


def saved_at(service: Tracker, base: Engagement) -> str:
    """The time ("14:02") of the newest save of ``base``'s engagement, as the audit has it."""
    return timestamp(service.history(engagement_id=base.id)[0].at).split()[1]


def header(table: QTableWidget, col: int) -> str:
    return str(table.model().headerData(col, Qt.Orientation.Horizontal))


def test_the_dialog_names_who_saved_the_newer_version_and_when(
    service: Tracker, other: Tracker, base: Engagement, qtbot: QtBot
):
    theirs = their_save(other, base, summary="Bob's summary.", next_step="Bob's step.")
    at = saved_at(service, base)
    seen: list[ConflictDialog] = []

    def ask(dialog: ConflictDialog) -> int:
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.mouseClick(dialog.use_theirs_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    mine = edit(base.data, summary="My summary.", title="My title")
    saved = save_with_merge(
        service, engagement_id=base.id, base=base, mine=mine, parent=None, ask=ask
    )
    dialog = seen[0]
    assert (
        f"was changed while you were editing it: bob saved a newer version at {at} UTC "
        f"(now version {theirs.version})."
    ) in dialog.explanation.text()
    assert "someone else" not in dialog.explanation.text()
    assert header(dialog.table, THEIRS_COL) == "bob's"
    assert dialog.table.isColumnHidden(CHANGED_BY_COL)  # one writer: the header says it
    combo = dialog._combos["summary"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["Yours", "bob's"]
    assert dialog.use_mine_button.text() == "Keep &my version of every field"
    assert dialog.use_theirs_button.text() == "&Take bob's version of every field"
    assert dialog.keep_theirs_button.text() == "&Discard my changes"
    assert dialog.auto_label.text().startswith("Also changed by bob and")
    assert header(dialog.auto_table, 2) == "bob's (merged)"
    assert saved is not None
    stored = service.get(engagement_id=base.id).data
    assert (stored.summary, stored.title) == ("Bob's summary.", "My title")


def test_with_several_writers_each_field_says_who_changed_it(
    service: Tracker, other: Tracker, carol: Tracker, base: Engagement, qtbot: QtBot
):
    bobs = their_save(other, base, summary="Bob's summary.")
    carol.save(
        engagement_id=base.id,
        expected_version=bobs.version,
        data=edit(bobs.data, owner="Carol desk", next_step="Carol's step."),
    )
    at = saved_at(service, base)
    seen: list[ConflictDialog] = []
    mine = edit(base.data, summary="My summary.", owner="My desk")
    save_with_merge(
        service,
        engagement_id=base.id,
        base=base,
        mine=mine,
        parent=None,
        ask=answer(action="cancel", seen=seen),
    )
    dialog = seen[0]
    assert (
        f"bob and carol saved 2 newer versions, the last by carol at {at} UTC"
        in dialog.explanation.text()
    )
    assert header(dialog.table, THEIRS_COL) == "Newer"
    assert not dialog.table.isColumnHidden(CHANGED_BY_COL)
    assert header(dialog.table, CHANGED_BY_COL) == "Changed by"
    assert dialog.conflict_fields() == ("summary", "owner")
    by = [item(dialog.table, row, CHANGED_BY_COL).text() for row in range(2)]
    assert by[0].startswith("bob at ") and by[1] == f"carol at {at} UTC"
    assert dialog.use_theirs_button.text() == "&Take the newer version of every field"
    assert dialog.auto_label.text().startswith("Also changed by bob and carol and")
    assert item(dialog.auto_table, 0, 3).text() == f"carol at {at} UTC"  # the next step


def test_discarding_my_changes_asks_naming_who_saved_what_is_kept(
    service: Tracker, other: Tracker, base: Engagement, qtbot: QtBot
):
    theirs = their_save(other, base, summary="Bob's summary.")
    asked: list[str] = []

    def discard(box: QMessageBox) -> None:
        asked.append(box.text())
        button = box.button(QMessageBox.StandardButton.Discard)
        assert button is not None
        button.click()

    def ask(dialog: ConflictDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        answer_modal(QMessageBox, discard)
        qtbot.mouseClick(dialog.keep_theirs_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    mine = edit(base.data, summary="My summary.")
    saved = save_with_merge(
        service, engagement_id=base.id, base=base, mine=mine, parent=None, ask=ask
    )
    assert asked == [
        "Discard all of your changes to this engagement and keep version "
        f"{theirs.version} as bob saved it?"
    ]
    assert saved is not None and saved.engagement == theirs


def test_my_own_save_in_another_window_is_mine(
    service: Tracker, db_path: Path, base: Engagement, qtbot: QtBot
):
    second_window = Tracker.open(db_path, user="me")
    try:
        their_save(second_window, base, summary="From my other window.")
    finally:
        second_window.close()
    seen: list[ConflictDialog] = []
    mine = edit(base.data, summary="My summary.")
    save_with_merge(
        service,
        engagement_id=base.id,
        base=base,
        mine=mine,
        parent=None,
        ask=answer(action="cancel", seen=seen),
    )
    assert "you (in another window) saved a newer version" in seen[0].explanation.text()
    assert header(seen[0].table, THEIRS_COL) == "Newer"


def test_other_writers_in_words():
    entries = [
        audit_entry(1, "bob", "2026-03-02T14:02:09Z", "summary", version=5),
        audit_entry(2, "bob", "2026-03-03T09:15:00Z", "owner", version=6),
        audit_entry(3, "bob", "2026-03-03T09:15:00Z", "tags", version=6),
    ]
    writers = OtherWriters(entries, me="alice", today=date(2026, 3, 3))
    assert writers.summary() == "bob saved 2 newer versions, the last at 09:15 UTC"
    assert writers.changed_by("summary") == "bob on 2026-03-02 at 14:02 UTC"
    assert writers.changed_since(["summary", "owner"]) == (
        "bob has since changed Summary and Owner (the last at 09:15 UTC)"
    )
    mixed = OtherWriters(
        [*entries, audit_entry(4, "alice", "2026-03-03T10:00:00Z", "region", version=7)],
        me="alice",
        today=date(2026, 3, 3),
    )
    assert mixed.changed_since(["summary", "region", "title"]) == (
        "bob has since changed Summary (on 2026-03-02 at 14:02 UTC); "
        "you (in another window) have since changed Region (at 10:00 UTC); "
        "Title changed since"
    )
    assert mixed.their() == "the newer"
    assert OtherWriters([], me="alice").summary() == "someone else saved a newer version"


def reset_stale_quit() -> None:
    """Clear a quit request an earlier test left behind (it makes every exec() return -1).

    ``QApplication.quit()`` called outside a running ``exec()`` leaves the thread's
    "quit now" flag set; ``QApplication.exec()`` clears it on the way in and out.
    """
    probe = QEventLoop()
    QTimer.singleShot(0, lambda: probe.exit(0))
    if probe.exec() == -1:
        QTimer.singleShot(0, QApplication.quit)
        QApplication.exec()


def test_exec_is_used_without_ask(
    service: Tracker, other: Tracker, base: Engagement, qtbot: QtBot, monkeypatch
):
    reset_stale_quit()
    their_save(other, base, summary="Their summary.")
    mine = edit(base.data, summary="My summary.")
    made: list[ConflictDialog] = []

    class Recorded(ConflictDialog):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            made.append(self)

    monkeypatch.setattr("ui.saving.ConflictDialog", Recorded)

    def press_save() -> None:  # once the dialog's own event loop runs
        if not made or not made[0].isVisible():
            QTimer.singleShot(20, press_save)
            return
        assert QApplication.activeModalWidget() is made[0]
        made[0].set_all("theirs")
        made[0].save_button.click()

    QTimer.singleShot(0, press_save)
    saved = save_with_merge(service, engagement_id=base.id, base=base, mine=mine, parent=None)
    assert len(made) == 1
    assert saved is not None and saved.engagement.data.summary == "Their summary."


# -- the dialog ------------------------------------------------------------------


def make_dialog(qtbot: QtBot, base: EngagementData) -> ConflictDialog:
    mine = edit(
        base,
        summary="My summary.",
        follow_up=PartialDate(2026, Precision.MONTH, month=5),
        status=Status.NEGOTIATING,
        title="My title",
    )
    theirs = edit(
        base,
        summary="Their summary, which is rather longer. " * 6,
        follow_up=PartialDate(2026, Precision.DAY, month=4, day=30),
        status=Status.NEGOTIATING,
        scope_limits=(*base.scope_limits, ScopeLimit(ScopeKind.HOSTING, "EU hosting only")),
        owner="Colleague desk",
    )
    result = three_way_merge(base, mine, theirs)
    saved = [(field, 20 + n) for n, field in enumerate(("summary", "follow_up", "owner"))]
    writers = OtherWriters(
        [
            audit_entry(n, "bob", f"2026-03-03T14:{minute}:11.5Z", field)
            for n, (field, minute) in enumerate(saved)
        ],
        me="me",
        today=date(2026, 3, 3),
    )
    dialog = ConflictDialog(title=base.title, result=result, theirs_version=7, writers=writers)
    qtbot.addWidget(dialog)
    return dialog


def audit_entry(n: int, who: str, at: str, field: str, version: int = 7) -> AuditEntry:
    """An entry of the audit trail: ``who`` changed ``field`` at ``at``."""
    return AuditEntry(
        id=n,
        at=at,
        who=who,
        engagement_id=1,
        version=version,
        action="update",
        field=field,
        old=None,
        new=None,
    )


def test_dialog_table_shows_the_three_values(base: Engagement, qtbot: QtBot):
    dialog = make_dialog(qtbot, base.data)
    assert (
        "was changed while you were editing it: bob saved a newer version at 14:22 UTC "
        "(now version 7)."
    ) in dialog.explanation.text()
    assert base.data.title in dialog.explanation.text()
    model = dialog.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Field", "Original", "Yours", "bob's"]
    assert dialog.conflict_fields() == ("summary", "follow_up")
    assert item(dialog.table, 0, 0).text() == "Summary"
    assert item(dialog.table, 1, 0).text() == "Follow-up"
    assert cells(dialog, 1) == ("Q2 2026", "May 2026", "30 Apr 2026")
    original, yours, theirs = cells(dialog, 0)
    assert (original, yours) == (base.data.summary, "My summary.")
    assert theirs.startswith("Their summary")
    assert shown_text(item(dialog.table, 0, THEIRS_COL).toolTip()).startswith("Their summary")
    # Default choice is "Yours" for every row, and the choice widget sits in the row.
    assert dialog.choices() == {"summary": "mine", "follow_up": "mine"}
    assert dialog.table.cellWidget(0, KEEP_COL) is not None
    # The other writer's non-conflicting changes are listed, read-only.
    auto = dialog.auto_table
    listed = [item(auto, r, 0).text() for r in range(auto.rowCount())]
    assert listed == ["Status", "Owner", "Scope limits"]
    assert "merged automatically" in dialog.auto_label.text()
    assert item(auto, 1, 2).text() == "Colleague desk"
    assert "EU hosting only" in item(auto, 2, 2).text()
    assert not item(auto, 1, 2).flags() & Qt.ItemFlag.ItemIsEditable


def test_dialog_quick_set_buttons_and_chosen(base: Engagement, qtbot: QtBot):
    dialog = make_dialog(qtbot, base.data)
    dialog.use_theirs_button.click()
    assert dialog.choices() == {"summary": "theirs", "follow_up": "theirs"}
    chosen = dialog.chosen()
    assert chosen.summary.startswith("Their summary")
    assert chosen.title == "My title"
    assert chosen.owner == "Colleague desk"
    dialog.use_mine_button.click()
    assert dialog.chosen().summary == "My summary."
    dialog.set_choice("follow_up", "theirs")
    assert dialog.chosen().follow_up == PartialDate(2026, Precision.DAY, month=4, day=30)
    with pytest.raises(KeyError):
        dialog.set_choice("title", "theirs")


def test_keep_theirs_asks_first(base: Engagement, qtbot: QtBot):
    dialog = make_dialog(qtbot, base.data)
    asked: list[bool] = []

    def decline(_parent: object) -> bool:
        asked.append(True)
        return False

    dialog.confirm_discard = decline
    dialog.keep_theirs_button.click()
    assert asked == [True]
    assert dialog.outcome is None and dialog.result() != QDialog.DialogCode.Accepted
    dialog.confirm_discard = lambda _parent: True
    dialog.keep_theirs_button.click()
    assert dialog.outcome == "keep_theirs"
    assert dialog.result() == QDialog.DialogCode.Accepted


def show_active(qtbot: QtBot, dialog: ConflictDialog) -> None:
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()


def test_dialog_keyboard(base: Engagement, qtbot: QtBot):
    dialog = make_dialog(qtbot, base.data)
    show_active(qtbot, dialog)
    assert dialog.save_button.isDefault()
    combo = dialog.table.cellWidget(0, KEEP_COL).findChild(type(dialog._combos["summary"]))
    assert QApplication.focusWidget() is combo
    # Tab walks from one choice to the next.
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog._combos["follow_up"]
    # Arrow keys change the choice; Escape cancels without an outcome.
    qtbot.keyClick(dialog._combos["follow_up"], Qt.Key.Key_Down)
    assert dialog.choice("follow_up") == "theirs"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.outcome is None


def test_dialog_enter_saves_merged(base: Engagement, qtbot: QtBot):
    dialog = make_dialog(qtbot, base.data)
    show_active(qtbot, dialog)
    focused = QApplication.focusWidget()
    assert focused is dialog._combos["summary"]
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert dialog.outcome == "save_merged"
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_dialog_screenshot(base: Engagement, qtbot: QtBot, tmp_path: Path):
    dialog = make_dialog(qtbot, base.data)
    dialog.show()
    qtbot.waitExposed(dialog)
    shot = tmp_path / "conflict.png"
    assert dialog.grab().save(str(shot))
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (dialog.width(), dialog.height())
    # The picture holds the dialog as drawn: its table of conflicts, with their values.
    table = dialog.table
    where = QRect(table.mapTo(dialog, QPoint(0, 0)), table.size())
    assert image.copy(where) == table.grab().toImage().convertToFormat(image.format())
    assert table.rowCount() >= 2 and table.item(0, 1) is not None
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)
    }
    assert len(colours) > 20  # text, not a blank picture
