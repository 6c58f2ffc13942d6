"""The conflict dialog and the save flow that merges with a newer version.

Each test uses a real temporary SQLite database with the demo data. "Another
window" is a second ``Tracker`` open on the same file, saving in between the time
the form was opened (``base``) and the time the user saves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

from tracker.domain.dates import PartialDate, Precision
from tracker.domain.errors import ConflictError
from tracker.domain.merge import three_way_merge
from tracker.domain.model import Engagement, EngagementData, ScopeLimit
from tracker.domain.vocab import ScopeKind, Status
from tracker.services import Tracker
from ui.conflict_dialog import (
    KEEP_COL,
    MINE_COL,
    ORIGINAL_COL,
    THEIRS_COL,
    ConflictDialog,
)
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
    """A second window (or a colleague) on the same database file."""
    svc = Tracker.open(db_path, user="colleague")
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
    assert {e.who for e in history if e.version > base.version} == {"colleague"}
    assert [e.version for e in history if e.version > base.version] == list(
        range(last.version, base.version, -1)
    )
    # The form keeps the user's entries: tests/ui/test_main_window.py, "gives up".


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
    dialog = ConflictDialog(title=base.title, result=result, theirs_version=7)
    qtbot.addWidget(dialog)
    return dialog


def test_dialog_table_shows_the_three_values(base: Engagement, qtbot: QtBot):
    dialog = make_dialog(qtbot, base.data)
    assert "was changed by someone else (now version 7) while you were editing" in (
        dialog.explanation.text()
    )
    assert base.data.title in dialog.explanation.text()
    model = dialog.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Field", "Original", "Yours", "Theirs"]
    assert dialog.conflict_fields() == ("summary", "follow_up")
    assert item(dialog.table, 0, 0).text() == "Summary"
    assert item(dialog.table, 1, 0).text() == "Follow-up"
    assert cells(dialog, 1) == ("Q2 2026", "May 2026", "30 Apr 2026")
    original, yours, theirs = cells(dialog, 0)
    assert (original, yours) == (base.data.summary, "My summary.")
    assert theirs.startswith("Their summary")
    assert item(dialog.table, 0, THEIRS_COL).toolTip().startswith("Their summary")
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


def test_dialog_screenshot(service: Tracker, base: Engagement, qtbot: QtBot):
    dialog = make_dialog(qtbot, base.data)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save("/tmp/conflict.png")
