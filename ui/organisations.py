"""Edit → Organisations…: the organisations as records, edited and merged.

The table lists every organisation (name, kind, country, region, parent, aliases, how
many engagements name it). Below it the chosen one's details can be changed and an
alias added (Save). "Merge into…" merges the chosen organisation into the one picked
beside it, after saying how many engagements will be re-pointed; the merge is a step
of the window's undo stack (Edit → Undo makes the organisation again and points its
engagements back). Every text a person typed is shown plain, never read as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStatusBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import TrackerError
from tracker.domain.organisations import MergedOrganisation, Organisation
from tracker.domain.vocab import OrgKind, Region
from tracker.services import Tracker
from ui.commands import CommandContext, ServiceCommand, quoted
from ui.i18n import QT_TRANSLATE_NOOP, number, translate, vocab_word
from ui.plain_text import question, warning

HEADERS = (
    QT_TRANSLATE_NOOP("organisations", "Name"),
    QT_TRANSLATE_NOOP("organisations", "Kind"),
    QT_TRANSLATE_NOOP("organisations", "Country"),
    QT_TRANSLATE_NOOP("organisations", "Region"),
    QT_TRANSLATE_NOOP("organisations", "Part of"),
    QT_TRANSLATE_NOOP("organisations", "Aliases"),
    QT_TRANSLATE_NOOP("organisations", "Engagements"),
)
TITLE = QT_TRANSLATE_NOOP("organisations", "Organisations")
MESSAGE_MS = 8000


def merge_question(source: Organisation, into: str) -> str:
    """What the merge will do, asked before it is done: the number of engagements first."""
    count = source.engagements
    noun = (
        translate("organisations", "1 engagement")
        if count == 1
        else translate("organisations", "{count} engagements").format(count=number(count))
    )
    return translate(
        "organisations",
        "{noun} will be re-pointed from {source} to {into}; "
        "{source} and its aliases will be kept as aliases of {into}.\n\n"
        "Merge them? (Edit → Undo takes it back.)",
    ).format(noun=noun, source=quoted(source.name), into=quoted(into))


def merge_command(source: str, into: str, context: CommandContext) -> ServiceCommand:
    """Merge ``source`` into ``into`` (done when pushed); undo makes it again."""
    done: list[MergedOrganisation] = []

    def forward() -> ChangeSet:
        result = context.service().merge_organisations(source=source, into=into)
        done[:] = [result.merged]
        return result.changes

    def backward() -> ChangeSet:
        return context.service().unmerge_organisation(merged=done[0])

    return ServiceCommand(
        translate("organisations", "Merge {source} into {into}").format(
            source=quoted(source), into=quoted(into)
        ),
        context,
        forward=forward,
        backward=backward,
        done=translate("organisations", "Merged {source} into {into} — Ctrl+Z to undo").format(
            source=quoted(source), into=quoted(into)
        ),
        made=False,
    )


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    """``widget`` with its object name (what tests find it by)."""
    widget.setObjectName(name)
    return widget


def _combo(name: str, words: list[tuple[str, str]], parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    box.addItem("—", "")
    for value, label in words:
        box.addItem(label, value)
    return box


class OrganisationsDialog(QDialog):
    """The organisations, their details and aliases, and merging one into another."""

    def __init__(
        self,
        service: Callable[[], Tracker],
        *,
        stack: QUndoStack,
        context: CommandContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("organisations", TITLE))
        self.setObjectName("organisationsDialog")
        self._service = service
        self._stack = stack
        self._context = context
        self._orgs: list[Organisation] = []
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("organisationsTable")
        self.table.setAccessibleName(translate("organisations", "Organisations"))
        self.table.setHorizontalHeaderLabels([translate("organisations", h) for h in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._chosen)
        self.kind = _combo("orgKind", [(k.value, vocab_word(k)) for k in OrgKind], self)
        self.region = _combo("orgRegion", [(r.value, vocab_word(r)) for r in Region], self)
        self.country = _named(QLineEdit(self), "orgCountry")
        self.country.setMaxLength(2)
        self.parent_name = _named(QLineEdit(self), "orgParent")
        self.alias = _named(QLineEdit(self), "orgAlias")
        self.alias.setPlaceholderText(translate("organisations", "another name"))
        self.save = _named(QPushButton(translate("organisations", "&Save"), self), "orgSave")
        self.save.clicked.connect(self._save)
        self.into = _named(QComboBox(self), "mergeInto")
        self.merge = _named(
            QPushButton(translate("organisations", "&Merge into…"), self), "orgMerge"
        )
        self.merge.clicked.connect(self._merge)
        self._lay_out()
        self.reload()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(translate("organisations", "&Kind"), self.kind)
        form.addRow(translate("organisations", "&Country (ISO code)"), self.country)
        form.addRow(translate("organisations", "&Region"), self.region)
        form.addRow(translate("organisations", "&Part of"), self.parent_name)
        form.addRow(translate("organisations", "Add &alias"), self.alias)
        form.addRow("", self.save)
        merging = QHBoxLayout()
        merging.addWidget(self.merge)
        merging.addWidget(self.into, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(merging)
        layout.addWidget(close)
        self.resize(900, 560)

    def reload(self, keep: str | None = None) -> None:
        """Read the organisations again (after a change), keeping the one chosen."""
        self._orgs = self._service().organisations()
        self.table.setRowCount(len(self._orgs))
        for row, org in enumerate(self._orgs):
            d = org.details
            cells = (
                org.name,
                vocab_word(d.kind) if d.kind else "",
                d.country or "",
                vocab_word(d.region) if d.region else "",
                d.parent or "",
                ", ".join(org.aliases),
                f"{org.engagements:,}",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)  # items show text plainly
                if column == len(cells) - 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        names = [o.name for o in self._orgs]
        self.table.selectRow(names.index(keep) if keep in names else 0)
        self._chosen()

    def current(self) -> Organisation | None:
        """The organisation chosen in the table."""
        row = self.table.currentRow()
        return self._orgs[row] if 0 <= row < len(self._orgs) else None

    def _chosen(self) -> None:
        org = self.current()
        for widget in (self.save, self.merge, self.into):
            widget.setEnabled(org is not None)
        if org is None:
            return
        d = org.details
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind.value if d.kind else "")))
        self.region.setCurrentIndex(
            max(0, self.region.findData(d.region.value if d.region else ""))
        )
        self.country.setText(d.country or "")
        self.parent_name.setText(d.parent or "")
        self.alias.clear()
        self.into.clear()
        self.into.addItems([o.name for o in self._orgs if o.id != org.id])

    def _save(self) -> None:
        org = self.current()
        if org is None:
            return
        changes = {
            "kind": self.kind.currentData(),
            "country": self.country.text().strip(),
            "region": self.region.currentData(),
            "parent": self.parent_name.text().strip(),
        }
        try:
            applied = self._service().update_organisation(name=org.name, changes=changes)
            if self.alias.text().strip():
                applied |= self._service().add_alias(name=org.name, alias=self.alias.text())
        except TrackerError as exc:
            warning(self, translate("organisations", TITLE), str(exc))
            return
        self._context.changed(applied)
        self.reload(keep=org.name)

    def _merge(self) -> None:
        org, into = self.current(), self.into.currentText()
        if org is None or not into:
            return
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        answer = question(
            self, translate("organisations", TITLE), merge_question(org, into), yes | no, default=no
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        before = self._stack.count()
        self._stack.push(merge_command(org.name, into, self._context))
        self.reload(keep=into if self._stack.count() > before else org.name)


class Window(Protocol):
    """What the organisations need of the main window."""

    service: Tracker
    undo_stack: QUndoStack

    def statusBar(self) -> QStatusBar: ...


class Organisations:
    """The window's Edit → Organisations… (its action calls :meth:`open`)."""

    def __init__(
        self,
        window: Window,
        *,
        changed: Callable[[ChangeSet], None],
        failed: Callable[[str], None],
    ) -> None:
        self._window = window
        self._context = CommandContext(
            service=lambda: window.service,
            changed=changed,
            failed=failed,
            said=lambda message: window.statusBar().showMessage(message, MESSAGE_MS),
        )

    def open(self) -> None:
        """Show the organisations (modal; merges stay on the undo stack after it closes)."""
        window = self._window
        parent = window if isinstance(window, QWidget) else None
        try:
            dialog = OrganisationsDialog(
                self._context.service,
                stack=window.undo_stack,
                context=self._context,
                parent=parent,
            )
        except TrackerError as exc:
            self._context.failed(str(exc))
            return
        dialog.exec()
        dialog.deleteLater()
