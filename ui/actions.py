"""The main window's commands and menus, as tables.

``ACTIONS`` names every command once: its objectName, menu text, shortcuts, status tip
and the method it calls, written as a path from the window ("editing.edit_current").
``MENUS`` lays the menu bar out from those names. The context menus of the table and
its header are built here too, from the same actions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QHeaderView, QMenu, QMenuBar, QTableView, QWidget

from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.table_model import COLUMNS

K = QKeySequence.StandardKey
Shortcut = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class ActionSpec:
    """One command: ``slot`` is the dotted path from the window to what it calls."""

    name: str
    text: str
    slot: str
    shortcuts: tuple[Shortcut, ...] = ()
    tip: str = ""
    checkable: bool = False
    role: QAction.MenuRole | None = None


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "new", QT_TRANSLATE_NOOP("actions", "&New engagement…"), "editing.new_engagement", (K.New,)
    ),
    ActionSpec(
        "newDatabase", QT_TRANSLATE_NOOP("actions", "New &database…"), "databases.new_database"
    ),
    ActionSpec(
        "openDatabase",
        QT_TRANSLATE_NOOP("actions", "&Open database…"),
        "databases.open_database",
        (K.Open,),
    ),
    ActionSpec(
        "import", QT_TRANSLATE_NOOP("actions", "&Import…"), "transfers.import_file", ("Ctrl+I",)
    ),
    ActionSpec(
        "export",
        QT_TRANSLATE_NOOP("actions", "&Export…"),
        "transfers.export_file",
        ("Ctrl+E",),
        QT_TRANSLATE_NOOP("actions", "Export the engagements shown (or selected)"),
    ),
    ActionSpec(
        "briefing",
        QT_TRANSLATE_NOOP("actions", "Export &briefing (PDF)…"),
        "transfers.export_briefing",
        ("Ctrl+B",),
        QT_TRANSLATE_NOOP("actions", "A PDF briefing of the engagements shown (or selected)"),
    ),
    ActionSpec(
        "briefingHistory",
        QT_TRANSLATE_NOOP("actions", "Briefing &history…"),
        "briefing_history",
        ("Ctrl+Shift+B",),
        QT_TRANSLATE_NOOP(
            "actions",
            "Every briefing written: what it covered, its file's SHA-256; changes since it",
        ),
    ),
    ActionSpec("demo", QT_TRANSLATE_NOOP("actions", "Load de&mo data"), "editing.load_demo"),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("actions", "&Quit"),
        "close",
        (K.Quit,),
        role=QAction.MenuRole.QuitRole,
    ),
    ActionSpec("undo", QT_TRANSLATE_NOOP("actions", "&Undo"), "undo_stack.undo", (K.Undo,)),
    ActionSpec(
        "redo", QT_TRANSLATE_NOOP("actions", "&Redo"), "undo_stack.redo", ("Ctrl+Shift+Z", K.Redo)
    ),
    ActionSpec(
        "edit", QT_TRANSLATE_NOOP("actions", "&Edit engagement…"), "editing.edit_current", ("F2",)
    ),
    ActionSpec(
        "bulkEdit",
        QT_TRANSLATE_NOOP("actions", "Edit &selected…"),
        "editing.bulk_edit_selected",
        ("Ctrl+Shift+E",),
        QT_TRANSLATE_NOOP(
            "actions",
            "Set a status, owner, marking, follow-up, confidence, tags or a stance on every "
            "selected engagement at once",
        ),
    ),
    ActionSpec(
        "delete",
        QT_TRANSLATE_NOOP("actions", "&Delete"),
        "editing.delete_selected",
        (K.Delete,),
        QT_TRANSLATE_NOOP("actions", "Move the selected engagements to the trash"),
    ),
    ActionSpec(
        "restore",
        QT_TRANSLATE_NOOP("actions", "Rest&ore from trash"),
        "editing.restore_selected",
        ("Ctrl+Shift+R",),
    ),
    ActionSpec(
        "history",
        QT_TRANSLATE_NOOP("actions", "&History…"),
        "editing.show_history",
        ("Ctrl+Shift+H",),
        QT_TRANSLATE_NOOP(
            "actions", "Every version of the current engagement: view one as it was, or restore it"
        ),
    ),
    ActionSpec(
        "restrictionCatalogue",
        QT_TRANSLATE_NOOP("actions", "Restriction &catalogue…"),
        "catalogue.open",
        (),
        QT_TRANSLATE_NOOP(
            "actions", "Every restriction with its engagements: retitle, describe, merge"
        ),
    ),
    ActionSpec(
        "organisations",
        QT_TRANSLATE_NOOP("actions", "Or&ganisations…"),
        "organisations.open",
        ("Ctrl+Shift+O",),
        QT_TRANSLATE_NOOP(
            "actions", "The organisations: details, aliases, parts; merge one into another"
        ),
    ),
    ActionSpec("find", QT_TRANSLATE_NOOP("actions", "&Find"), "focus_search", (K.Find,)),
    ActionSpec(
        "clearFilters",
        QT_TRANSLATE_NOOP("actions", "C&lear filters"),
        "filter_bar.clear",
        ("Ctrl+Shift+L",),
    ),
    ActionSpec(
        "showLinked",
        QT_TRANSLATE_NOOP("actions", "Show lin&ked"),
        "filter_commands.show_linked",
        ("Ctrl+Shift+K",),
        QT_TRANSLATE_NOOP(
            "actions", "Show the engagements linked to the current one (from either end)"
        ),
    ),
    ActionSpec("reload", QT_TRANSLATE_NOOP("actions", "&Reload"), "reload", (K.Refresh,)),
    ActionSpec(
        "trash",
        QT_TRANSLATE_NOOP("actions", "Show &trash"),
        "apply_filters",
        ("Ctrl+T",),
        checkable=True,
    ),
    ActionSpec(
        "changes",
        QT_TRANSLATE_NOOP("actions", "C&hanges"),
        "changes_dock.toggle",
        ("Ctrl+Shift+C",),
        QT_TRANSLATE_NOOP("actions", "What changed since the last briefing or a date"),
        checkable=True,
    ),
    ActionSpec(
        "preferences",
        QT_TRANSLATE_NOOP("actions", "&Preferences…"),
        "preferences.open",
        (K.Preferences,),
        QT_TRANSLATE_NOOP(
            "actions",
            "Language, theme, briefing author, new engagements' marking, stale, backups kept",
        ),
        role=QAction.MenuRole.PreferencesRole,
    ),
    ActionSpec(
        "about",
        QT_TRANSLATE_NOOP("actions", "&About Engagement Tracker"),
        "about",
        role=QAction.MenuRole.AboutRole,
    ),
)

SEPARATOR = "-"

# The menu bar: each entry is an action's name, a submenu's name, or a separator.
MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("actions", "&File"),
        (
            "new",
            SEPARATOR,
            "newDatabase",
            "openDatabase",
            "recent",
            SEPARATOR,
            "import",
            "export",
            "briefing",
            "briefingHistory",
            "demo",
            SEPARATOR,
            "quit",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("actions", "&Edit"),
        (
            "undo",
            "redo",
            SEPARATOR,
            "edit",
            "bulkEdit",
            "delete",
            "restore",
            "history",
            "restrictionCatalogue",
            "organisations",
            SEPARATOR,
            "find",
            "clearFilters",
            "showLinked",
            SEPARATOR,
            "preferences",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("actions", "&View"),
        ("views", SEPARATOR, "savedViews", "reload", "trash", "changes", "columns"),
    ),
    (QT_TRANSLATE_NOOP("actions", "&Help"), ("about",)),
)


def build_actions(window: QWidget, undo_stack: QUndoStack) -> dict[str, QAction]:
    """Every action of ``ACTIONS``, added to ``window`` (so its shortcuts work), by name."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = _new_action(spec, window, undo_stack)
        action.setObjectName(spec.name)
        if spec.shortcuts:
            action.setShortcuts(key_bindings(spec.shortcuts))
        if spec.tip:
            action.setStatusTip(translate("actions", spec.tip))
        action.setCheckable(spec.checkable)
        if spec.role is not None:
            action.setMenuRole(spec.role)
        window.addAction(action)
        actions[spec.name] = action
    return actions


def key_bindings(shortcuts: Sequence[Shortcut]) -> list[QKeySequence]:
    """The keys of ``shortcuts`` on this platform, each once, in their order.

    A standard key stands for all of the platform's bindings of it (Redo is Ctrl+Y and
    Ctrl+Shift+Z on Windows, Ctrl+Shift+Z on X11). A key listed twice for one action
    (Ctrl+Shift+Z spelled out, and again as X11's Redo) makes Qt find the shortcut
    ambiguous and ignore the key press, so each key is kept once: the first one is the
    one the menu shows.
    """
    keys: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            bindings = QKeySequence.keyBindings(shortcut)
        else:
            bindings = [QKeySequence(shortcut)]
        for key in bindings:
            if key not in keys:
                keys.append(key)
    return keys


def _new_action(spec: ActionSpec, window: QWidget, undo_stack: QUndoStack) -> QAction:
    # The undo stack makes its own Undo and Redo, which keep their text ("Undo Edit …")
    # and their enabled state up to date.
    if spec.slot == "undo_stack.undo":
        return undo_stack.createUndoAction(window, translate("actions", spec.text))
    if spec.slot == "undo_stack.redo":
        return undo_stack.createRedoAction(window, translate("actions", spec.text))
    slot = _resolve(window, spec.slot)
    action = QAction(translate("actions", spec.text), window)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def _resolve(root: object, path: str) -> Callable[[], object]:
    """The method at the dotted ``path`` from ``root``, looked up once, at start."""
    target = root
    for part in path.split("."):
        target = getattr(target, part)
    if not callable(target):
        raise TypeError(f"the action slot {path!r} is not callable")
    return target


def build_menu_bar(
    bar: QMenuBar,
    actions: Mapping[str, QAction],
    submenus: Mapping[str, QMenu | Sequence[QAction]],
) -> None:
    """Fill ``bar`` as ``MENUS`` says, from ``actions`` and ``submenus`` by name (a
    submenu given as a list of actions is laid into its menu in place)."""
    for title, entries in MENUS:
        menu = bar.addMenu(translate("actions", title))
        for entry in entries:
            if entry == SEPARATOR:
                menu.addSeparator()
            elif entry not in submenus:
                menu.addAction(actions[entry])
            elif isinstance(part := submenus[entry], QMenu):
                menu.addMenu(part)
            else:
                menu.addActions(list(part))


def columns_menu(header: QHeaderView, parent: QWidget) -> QMenu:
    """View → Columns: a check per column, filled each time the menu opens."""
    menu = QMenu(translate("actions", "&Columns"), parent)
    menu.aboutToShow.connect(lambda: fill_columns_menu(menu, header))
    return menu


def fill_columns_menu(menu: QMenu, header: QHeaderView) -> None:
    """One checkable entry per table column, showing or hiding it."""
    menu.clear()
    for n, column in enumerate(COLUMNS):
        action = menu.addAction(column.shown_header)
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(n))
        action.setEnabled(n != 0)  # the title always stays
        action.toggled.connect(lambda on, c=n: header.setSectionHidden(c, not on))


def show_header_menu(header: QHeaderView, parent: QWidget, pos: QPoint) -> None:
    """Right-click on the table header: the columns to show."""
    menu = QMenu(parent)
    fill_columns_menu(menu, header)
    menu.exec(header.mapToGlobal(pos))


def show_table_menu(
    table: QTableView, actions: Mapping[str, QAction], *, trash: bool, pos: QPoint
) -> None:
    """Right-click on the rows: restore (in the trash) or edit, delete and show the
    linked engagements; and export."""
    menu = QMenu(table.window())
    if trash:
        menu.addAction(actions["restore"])
    else:
        menu.addAction(actions["edit"])
        menu.addAction(actions["bulkEdit"])
        menu.addAction(actions["delete"])
        menu.addAction(actions["showLinked"])
    menu.addSeparator()
    menu.addAction(actions["export"])
    menu.exec(table.viewport().mapToGlobal(pos))
