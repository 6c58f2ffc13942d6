"""Remembered settings: window layout, table columns, order and last filters, recent
databases, the answers given to the briefing dialog, the sizes of dialogs, and the
user's preferences (Edit → Preferences…: language, theme, briefing author and
organisation, the marking of new engagements, the stale threshold, backups kept).

They say which databases and searches the user works with, so the settings file is
readable by its owner only, in a folder of the app's own readable by its owner only;
a database is remembered without its password (libpq finds it again).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QWidget

from tracker.domain.due import DEFAULT_STALE
from tracker.domain.filter_json import filters_from_json, filters_json
from tracker.domain.model import Filters
from tracker.services import public_url
from tracker.services.backups import KEPT_BACKUPS
from tracker.services.files import make_private_file

ORGANISATION = "engagement-tracker"
APPLICATION = "Engagement Tracker"
MAX_RECENT = 8


def open_settings() -> QSettings:
    """The application's settings store (per user), readable by its owner only."""
    settings = QSettings(ORGANISATION, APPLICATION)
    if os.name == "posix" and settings.format() == QSettings.Format.NativeFormat:
        path = Path(settings.fileName())
        # Qt would create the file 0644 in a folder 0755; made private before Qt first
        # writes, they stay so (Qt keeps the mode of the file it rewrites). Where they
        # cannot be made, Qt cannot write them either: the settings then last a session.
        with contextlib.suppress(OSError):
            make_private_file(path, own_folder=path.parent.name == ORGANISATION)
    return settings


def filters_to_text(filters: Filters) -> str:
    """The remembered parts of ``filters`` as JSON text (``tracker.domain.filter_json``):
    every filter but the follow-up and stale days (the quick filters are switched on
    afresh each day), the chosen ids and the trash."""
    remembered = dataclasses.replace(
        filters, due_from=None, due_by=None, stale_before=None, ids=None, trash=False
    )
    return json.dumps(filters_json(remembered))


def filters_from_text(text: object) -> Filters:
    """Filters from remembered JSON text; anything unreadable gives no filters."""
    if not isinstance(text, str) or not text:
        return Filters()
    try:
        raw = json.loads(text)
        return filters_from_json(raw) if isinstance(raw, dict) else Filters()
    except ValueError:
        return Filters()


def ui_language_setting(settings: QSettings) -> str:
    """The window's language ("system", "en" or "fr": Edit → Preferences…, read at
    start by ``ui.i18n.install_translators``); $TRACKER_LANG, when set, wins
    (``TRACKER_LANG=fr tracker gui`` tries the French window once)."""
    return os.environ.get("TRACKER_LANG") or preferences(settings).language


def more_filters_shown(settings: QSettings) -> bool:
    """True when the filter bar's "More filters" rows were shown last time."""
    return str(settings.value("filterBar/more", "false")).lower() == "true"


def remember_more_filters(settings: QSettings, shown: bool) -> None:
    """Show the "More filters" rows (or not) next time."""
    settings.setValue("filterBar/more", "true" if shown else "false")


def shown_view(settings: QSettings) -> str:
    """The name of the view (ui.views.ViewKind) shown when the window last closed."""
    return str(settings.value("window/view", "table"))


def remember_view(settings: QSettings, view: str) -> None:
    """Remember which view is shown."""
    settings.setValue("window/view", view)


def export_folder(settings: QSettings) -> str:
    """The folder the overview's last chart or matrix was saved in (home at first)."""
    return str(settings.value("overview/exportFolder", str(Path.home())))


def remember_export_folder(settings: QSettings, folder: str) -> None:
    """Offer ``folder`` for the overview's next export."""
    settings.setValue("overview/exportFolder", folder)


def recent_databases(settings: QSettings) -> list[str]:
    """Recently opened databases, newest first, none with a password (one an older
    version remembered with its password is listed, and opened, without it)."""
    value = settings.value("recent", [])
    if isinstance(value, str):
        value = [value]
    remembered = [str(v) for v in value or []] if isinstance(value, list) else []
    return list(dict.fromkeys(public_url(url) for url in remembered))


def remember_database(settings: QSettings, url: str) -> list[str]:
    """Put ``url`` (without any password) first in the recent list, without duplicates;
    a password remembered by an older version is dropped from the list here."""
    shown = public_url(url)
    recent = [shown, *(u for u in recent_databases(settings) if u != shown)][:MAX_RECENT]
    settings.setValue("recent", recent)
    return recent


def restore_layout(
    settings: QSettings, window: QMainWindow, splitter: QSplitter, header: QHeaderView
) -> None:
    """Put back the window's size and place, the splitter and the table's columns."""
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    sizes = settings.value("window/splitter")
    if isinstance(sizes, QByteArray):
        splitter.restoreState(sizes)
    columns = settings.value("table/header")
    if isinstance(columns, QByteArray):
        header.restoreState(columns)


def saved_order(settings: QSettings, columns: int) -> tuple[int, bool]:
    """The remembered sort column (the first one when unknown) and direction."""
    column = _int(settings.value("table/sortColumn", 0))
    descending = str(settings.value("table/descending", "false")).lower() == "true"
    return (column if 0 <= column < columns else 0), descending


def saved_filters(settings: QSettings) -> Filters:
    """The filters in use when the window last closed."""
    return filters_from_text(settings.value("filters"))


def save_layout(
    settings: QSettings,
    window: QMainWindow,
    splitter: QSplitter,
    header: QHeaderView,
    *,
    order: tuple[int, bool],
    filters: Filters,
) -> None:
    """Remember the window layout, columns, order (column, descending) and filters."""
    column, descending = order
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", splitter.saveState())
    settings.setValue("table/header", header.saveState())
    settings.setValue("table/sortColumn", column)
    settings.setValue("table/descending", "true" if descending else "false")
    settings.setValue("filters", filters_to_text(filters))
    settings.sync()


@dataclass(frozen=True)
class BriefingDefaults:
    """What the briefing dialog offers first: the answers given last time."""

    author: str = ""
    organisation: str = ""
    page_size: str = "A4"
    open_when_written: bool = True
    follow_ups: str = ""  # the period of a "Follow-ups due" section ("2w"), "" for none
    sections: str = ""  # the sections checked, in order ("cover,overview"), "" for the default
    parts: str = ""  # the parts of each engagement checked, "" for all
    language: str = "en"  # the code of the language printed (tracker.domain.languages)


def briefing_defaults(settings: QSettings) -> BriefingDefaults:
    """The briefing answers remembered from last time; the author and organisation of
    the preferences, when they name one, come first."""
    chosen = preferences(settings)
    return BriefingDefaults(
        author=chosen.author or str(settings.value("briefing/author", "") or ""),
        organisation=chosen.organisation or str(settings.value("briefing/organisation", "") or ""),
        page_size=str(settings.value("briefing/pageSize", "A4") or "A4"),
        open_when_written=str(settings.value("briefing/openWhenWritten", "true")).lower() == "true",
        follow_ups=str(settings.value("briefing/followUps", "") or ""),
        sections=str(settings.value("briefing/sections", "") or ""),
        parts=str(settings.value("briefing/parts", "") or ""),
        language=str(settings.value("briefing/language", "en") or "en"),
    )


def remember_briefing(settings: QSettings, answers: BriefingDefaults) -> None:
    """Offer these briefing answers first next time."""
    settings.setValue("briefing/author", answers.author)
    settings.setValue("briefing/organisation", answers.organisation)
    settings.setValue("briefing/pageSize", answers.page_size)
    settings.setValue("briefing/openWhenWritten", "true" if answers.open_when_written else "false")
    settings.setValue("briefing/followUps", answers.follow_ups)
    settings.setValue("briefing/sections", answers.sections)
    settings.setValue("briefing/parts", answers.parts)
    settings.setValue("briefing/language", answers.language)


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


@dataclass(frozen=True)
class ChangesView:
    """The Changes view as it was left: shown or not, its period (a key of
    ``tracker.domain.change_words.PERIOD_CHOICES``) and the day of "Since a date…"."""

    visible: bool = False
    period: str = "briefing"
    day: str = ""  # ISO date, "" when none was picked


def changes_view(settings: QSettings) -> ChangesView:
    """The Changes view remembered from last time."""
    return ChangesView(
        visible=str(settings.value("changes/visible", "false")).lower() == "true",
        period=str(settings.value("changes/period", "briefing") or "briefing"),
        day=str(settings.value("changes/day", "") or ""),
    )


def remember_changes_view(settings: QSettings, view: ChangesView) -> None:
    """Show the Changes view this way next time."""
    settings.setValue("changes/visible", "true" if view.visible else "false")
    settings.setValue("changes/period", view.period)
    settings.setValue("changes/day", view.day)


def restore_dialog_size(
    settings: QSettings, dialog: QWidget, name: str, default: tuple[int, int]
) -> None:
    """Give ``dialog`` the size it had when it last closed (``default`` the first time)."""
    geometry = settings.value(f"{name}/geometry")
    if not (isinstance(geometry, QByteArray) and dialog.restoreGeometry(geometry)):
        dialog.resize(*default)


def remember_dialog_size(settings: QSettings, dialog: QWidget, name: str) -> None:
    """Remember ``dialog``'s size (and place) for the next time it opens."""
    settings.setValue(f"{name}/geometry", dialog.saveGeometry())


def timeline_zoom(settings: QSettings, default: float) -> float:
    """The timeline's zoom (pixels per day) as it was left, or ``default``."""
    try:
        zoom = float(str(settings.value("timeline/zoom", default)))
    except ValueError:
        return default
    return zoom if zoom > 0 else default


def remember_timeline_zoom(settings: QSettings, zoom: float) -> None:
    """Open the timeline at this zoom next time."""
    settings.setValue("timeline/zoom", f"{zoom:.6g}")


def last_folder(settings: QSettings, kind: str) -> Path:
    """The folder a file of ``kind`` ("timeline" …) was last saved in, else the home folder."""
    folder = Path(str(settings.value(f"folders/{kind}", "") or Path.home()))
    return folder if folder.is_dir() else Path.home()


def remember_folder(settings: QSettings, kind: str, path: str | Path) -> None:
    """Offer the folder of ``path`` first when a file of ``kind`` is next saved."""
    settings.setValue(f"folders/{kind}", str(Path(path).parent))


# Edit → Preferences… (ui.preferences_dialog). The language is read at start
# (ui.i18n installs its translators), so a new one takes effect after a restart.
LANGUAGE_KEY = "ui/language"
LANGUAGES = ("system", "en", "fr")
THEME_KEY = "ui/theme"
THEMES = ("system", "light", "dark")
STALE_DAYS = (1, 3650)  # the stale threshold's range, in days
BACKUPS_KEPT = (1, 100)  # how many automatic backups may be kept


@dataclass(frozen=True)
class Preferences:
    """The user's preferences. ``author``, ``organisation`` and ``marking`` empty mean
    "none of mine": the briefing dialog then offers its last answers, a new engagement
    the database's default marking."""

    language: str = "system"  # one of LANGUAGES
    theme: str = "system"  # one of THEMES
    author: str = ""
    organisation: str = ""
    marking: str = ""
    stale_days: int = DEFAULT_STALE.count  # DEFAULT_STALE is counted in days
    backups_kept: int = KEPT_BACKUPS


def _choice(value: object, allowed: tuple[str, ...]) -> str:
    text = str(value or "")
    return text if text in allowed else allowed[0]


def _bounded(value: object, bounds: tuple[int, int], default: int) -> int:
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(max(number, bounds[0]), bounds[1])


def preferences(settings: QSettings) -> Preferences:
    """The preferences as stored; a value out of range or unknown reads as its default."""
    default = Preferences()
    return Preferences(
        language=_choice(settings.value(LANGUAGE_KEY), LANGUAGES),
        theme=_choice(settings.value(THEME_KEY), THEMES),
        author=str(settings.value("preferences/author", "") or ""),
        organisation=str(settings.value("preferences/organisation", "") or ""),
        marking=str(settings.value("preferences/marking", "") or ""),
        stale_days=_bounded(
            settings.value("preferences/staleDays"), STALE_DAYS, default.stale_days
        ),
        backups_kept=_bounded(
            settings.value("preferences/backupsKept"), BACKUPS_KEPT, default.backups_kept
        ),
    )


def marking_for_new(settings: QSettings, markings: Sequence[str], database_default: str) -> str:
    """The marking a new engagement starts with: the preferred one while the database
    allows it, else the database's default."""
    preferred = preferences(settings).marking
    return preferred if preferred in markings else database_default


def remember_preferences(settings: QSettings, chosen: Preferences) -> None:
    """Store ``chosen`` as the user's preferences."""
    settings.setValue(LANGUAGE_KEY, chosen.language)
    settings.setValue(THEME_KEY, chosen.theme)
    settings.setValue("preferences/author", chosen.author)
    settings.setValue("preferences/organisation", chosen.organisation)
    settings.setValue("preferences/marking", chosen.marking)
    settings.setValue("preferences/staleDays", chosen.stale_days)
    settings.setValue("preferences/backupsKept", chosen.backups_kept)
    settings.sync()
