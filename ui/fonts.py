"""The shipped fonts on screen: every script the briefings print, the window shows.

A bare system may have no font for Hebrew, Thai, Devanagari, Korean or Chinese, and Qt
then draws empty boxes. At start the app adds the files of :mod:`exports.font_set` (the
same list the PDF embeds) to Qt's font database and puts their families after the
application font's own, in the order of ``font_set.TYPEFACES``: Qt looks a character up
in that list before it asks the system for a fallback, so the system's font still draws
what it can (the look of the desktop is kept) and ours draw the rest. The same families
are substitutes of the application font's family and of the fixed-pitch font, for
widgets that make a font of a family by name.

Qt skips a family of that list that lacks the OpenType tables a script needs (Devanagari:
DejaVu Sans has none) and says so in an info message of the category ``qt.text.font.db``, once
per family and script, on the terminal: a fallback list is made to be skipped through, so
those messages are switched off.
"""

from __future__ import annotations

from PySide6.QtCore import QLoggingCategory
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from exports import font_set

_added: set[str] = set()  # files already in Qt's database (added once per process)


def shipped_families() -> tuple[str, ...]:
    """The families of the shipped fonts, in the order characters look for a font."""
    return tuple(face.family for face in font_set.TYPEFACES)


def _add_files() -> list[str]:
    """Add every shipped file to Qt's font database (once); the families it knows now."""
    for path in font_set.font_files():
        if str(path) not in _added and QFontDatabase.addApplicationFont(str(path)) >= 0:
            _added.add(str(path))
    known = set(QFontDatabase.families())
    return [family for family in shipped_families() if family in known]


def use_shipped_fonts(app: QGuiApplication) -> None:
    """Register the shipped fonts and make them the application font's fallbacks."""
    QLoggingCategory.setFilterRules("qt.text.font.db.info=false")
    families = _add_files()
    font = app.font()
    own = [f for f in font.families() or [font.family()] if f not in families]
    font.setFamilies([*own, *families])
    app.setFont(font)
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
    for name in {*own, fixed, "monospace"}:
        QFont.insertSubstitutions(name, [f for f in families if f not in QFont.substitutes(name)])
