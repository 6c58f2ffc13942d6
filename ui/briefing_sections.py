"""The briefing dialog's choice of what a briefing holds: its sections (checked and put
in order: drag and drop, or Up/Down with Alt+Up / Alt+Down), the parts of each
engagement's section, and the officer's key points.

The keys and labels are the domain's (:mod:`tracker.domain.briefing_sections`), the
same as ``tracker brief --sections … --parts … --key-points FILE``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.briefing_sections import (
    CHANGES,
    DEFAULT_SECTIONS,
    FOLLOW_UPS,
    KEY_POINTS,
    PARTS,
    SECTION_LABELS,
    SectionsError,
    parse_parts,
    parse_sections,
    part_label,
    section_label,
)
from ui.i18n import translate, ui_language

KEY = Qt.ItemDataRole.UserRole  # where an item keeps its section's key


def _remembered(
    text: str, parse: Callable[[str], tuple[str, ...]], default: tuple[str, ...]
) -> tuple[str, ...]:
    """Keys remembered as text, or ``default`` when there are none or they no longer parse."""
    if not text:
        return default
    try:
        return parse(text)
    except SectionsError:
        return default


class BriefingSectionsWidget(QWidget):
    """The sections (a checkable, reorderable list), the parts and the key points."""

    changed = Signal()  # any choice or the key points' text

    def __init__(self, sections: str = "", parts: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chosen = _remembered(sections, parse_sections, DEFAULT_SECTIONS)
        self.list = QListWidget(self)
        self.list.setObjectName("briefingSections")
        self.list.setAccessibleName("Sections, in the order printed")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        rest = [key for key in SECTION_LABELS if key not in chosen]
        for key in (*chosen, *rest):
            item = QListWidgetItem(section_label(key, ui_language()), self.list)
            item.setData(KEY, key)
            item.setFlags(
                (item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
                & ~Qt.ItemFlag.ItemIsDropEnabled
            )
            item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
        self.list.setCurrentRow(0)
        self.list.installEventFilter(self)  # Alt+Up / Alt+Down in the list itself
        self.up = QPushButton(translate("briefing_sections", "Move &up"), self)
        self.up.setObjectName("sectionUp")
        self.up.setShortcut(QKeySequence("Alt+Up"))
        self.up.setToolTip(translate("briefing_sections", "Move the section up (Alt+Up)"))
        self.up.clicked.connect(lambda: self.shift(-1))
        self.down = QPushButton(translate("briefing_sections", "Move &down"), self)
        self.down.setObjectName("sectionDown")
        self.down.setShortcut(QKeySequence("Alt+Down"))
        self.down.setToolTip(translate("briefing_sections", "Move the section down (Alt+Down)"))
        self.down.clicked.connect(lambda: self.shift(1))

        picked = _remembered(parts, parse_parts, PARTS)
        self.part_boxes: dict[str, QCheckBox] = {}
        parts_box = QGroupBox(translate("briefing_sections", "Parts of each engagement"), self)
        grid = QGridLayout(parts_box)
        for index, key in enumerate(PARTS):
            box = QCheckBox(part_label(key, ui_language()), parts_box)
            box.setObjectName(f"part-{key}")
            box.setChecked(key in picked)
            self.part_boxes[key] = box
            grid.addWidget(box, index // 3, index % 3)

        self.key_points = QPlainTextEdit(self)
        self.key_points.setObjectName("keyPoints")
        self.key_points.setAccessibleName(SECTION_LABELS[KEY_POINTS])
        self.key_points.setPlaceholderText(
            translate(
                "briefing_sections",
                'Key points, printed after the cover: paragraphs, and "- " before a bullet',
            )
        )
        self.key_points.setTabChangesFocus(True)
        self.key_points.setMaximumHeight(90)

        buttons = QVBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(
            translate("briefing_sections", "&Sections (checked ones are printed, in this order)"),
            self,
        )
        label.setBuddy(self.list)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(parts_box)
        # Checking, dragging or moving a section, a part, a word of the key points.
        self.list.itemChanged.connect(self.changed)
        self.list.model().rowsMoved.connect(self.changed)
        self.list.model().rowsInserted.connect(self.changed)
        for box in self.part_boxes.values():
            box.toggled.connect(self.changed)
        self.key_points.textChanged.connect(self.changed)
        key_label = QLabel(translate("briefing_sections", "&Key points"), self)
        key_label.setBuddy(self.key_points)
        layout.addWidget(key_label)
        layout.addWidget(self.key_points)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        """Alt+Up / Alt+Down in the list move the current section (the buttons'
        shortcuts, also when the dialog's window is not the active one)."""
        if watched is self.list and isinstance(event, QKeyEvent):
            steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
            alt = event.modifiers() == Qt.KeyboardModifier.AltModifier
            if event.type() == QEvent.Type.KeyPress and alt and event.key() in steps:
                self.shift(steps[Qt.Key(event.key())])
                return True
        return super().eventFilter(watched, event)

    def shift(self, step: int) -> None:
        """Move the current section ``step`` places (-1 up, 1 down), keeping it current."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def choose(self, sections: tuple[str, ...] | None, parts: tuple[str, ...]) -> None:
        """Check ``sections`` (None: the default ones) in that order, the others after
        them unchecked, and check ``parts`` alone (a template picked)."""
        chosen = DEFAULT_SECTIONS if sections is None else sections
        items = [self.list.takeItem(0) for _ in range(self.list.count())]
        rank = {key: n for n, key in enumerate(chosen)}
        items.sort(key=lambda item: rank.get(str(item.data(KEY)), len(rank)))
        for item in items:
            self.list.addItem(item)
            checked = str(item.data(KEY)) in rank
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.setCurrentRow(0)
        for key, box in self.part_boxes.items():
            box.setChecked(key in parts)

    def order(self) -> tuple[str, ...]:
        """The checked sections' keys, in the list's order."""
        items = (self.list.item(i) for i in range(self.list.count()))
        return tuple(
            str(item.data(KEY)) for item in items if item.checkState() == Qt.CheckState.Checked
        )

    def sections(self, *, follow_ups: bool, changes: bool) -> tuple[str, ...]:
        """The sections to print: those checked, without "Follow-ups due" and "Changes
        since" when the dialog does not ask for them, nor key points without text."""
        left_out = {
            FOLLOW_UPS: not follow_ups,
            CHANGES: not changes,
            KEY_POINTS: not self.key_points.toPlainText().strip(),
        }
        return tuple(key for key in self.order() if not left_out.get(key, False))

    def parts(self) -> tuple[str, ...]:
        """The parts checked, in the presenter's order."""
        return tuple(key for key in PARTS if self.part_boxes[key].isChecked())
