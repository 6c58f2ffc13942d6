"""How records and texts are named in a one-line message: shortened, quoted, escaped."""

from __future__ import annotations


def record_label(index: int | None, title: object) -> str:
    """How an engagement is named in messages: ``engagement #2 "Title"`` (1-based)."""
    name = f'"{_printable(title)}"' if isinstance(title, str) and title.strip() else "(untitled)"
    return f"engagement #{index + 1} {name}" if index is not None else f"engagement {name}"


_LABEL_LIMIT = 80


def quoted(text: str) -> str:
    """``text`` in quotes for a one-line message (shortened and escaped as a title is)."""
    return f'"{_printable(text)}"'


def _printable(title: str) -> str:
    """``title`` for a one-line message: at most ``_LABEL_LIMIT`` characters, escaped."""
    if len(title) > _LABEL_LIMIT:
        title = title[: _LABEL_LIMIT - 1] + "…"
    return escaped(title)


def escaped(text: str) -> str:
    """``text`` with control characters and unpaired surrogates (which cannot be printed
    or encoded) written as escapes, so that a message quoting it stays one safe line."""
    if text.isprintable():
        return text
    return "".join(
        c.encode("unicode_escape").decode("ascii")
        if c < " " or "\x7f" <= c < "\xa0" or "\ud800" <= c <= "\udfff"
        else c
        for c in text
    )
