"""Control characters: stripped from every text on the way in and on the way out.

A control character (C0: U+0000–U+001F, DEL, C1: U+0080–U+009F) has no business in
an engagement: ESC and CSI start terminal escape sequences (colours, cursor moves,
window titles, and on some terminals worse), and a line break in a one-line text
forges lines in ``tracker list`` and ``history``. So:

- on input (:func:`clean`, applied by the interchange's validation, which the form,
  the command line and imports all go through) a line break is CR LF, CR or LF and
  is stored as LF; a free text (``multiline``) keeps its line breaks and tabs; a
  one-line text gets a space for each line break and tab; every other control
  character is dropped. (NUL is refused before this: it marks binary data, and
  cannot be stored.)
- on output to a terminal (:func:`printable`, :func:`one_line`) the same is done
  again, for text stored before this rule and for names read from the trail.

Only C0 and C1 controls are touched: bidirectional formatting, zero-width and other
format characters are text, and each renderer deals with them for its medium.
"""

from __future__ import annotations

import re
from typing import Final

# C0 and C1 controls and DEL, but for tab, LF and CR (handled as line breaks).
_DROPPED: Final = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_CONTROL: Final = re.compile(f"[{_DROPPED}\t\n\r]")
_DROP: Final = re.compile(f"[{_DROPPED}]+")
_BREAK: Final = re.compile("\r\n?|[\n\t]")
_NEWLINES: Final = re.compile("\r\n?")


def has_controls(text: str) -> bool:
    """True when ``text`` holds a control character (a tab and a line break count)."""
    return _CONTROL.search(text) is not None


def clean(text: str, *, multiline: bool) -> str:
    """``text`` without control characters: line breaks as LF (``multiline``), or as a
    space, as tabs are (one-line text); every other control dropped."""
    if text.isprintable() or not has_controls(text):
        return text
    text = _DROP.sub("", text)
    if multiline:
        return _NEWLINES.sub("\n", text)
    return _BREAK.sub(" ", text)


def printable(text: str) -> str:
    """Free text for a terminal: its line breaks and tabs kept, other controls dropped."""
    return clean(text, multiline=True)


def one_line(text: str) -> str:
    """Text for one line of a terminal: line breaks and tabs as spaces, controls dropped."""
    return clean(text, multiline=False)
