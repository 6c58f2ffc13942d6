"""The detail pane's change history: an engagement's audit trail, newest first, as Qt
rich text.

Each entry is worded by :func:`tracker.domain.change_words.word`, as the changes feed,
the Changes view and the briefing word it: a field's label, vocabulary values by their
labels, dates as read, the tags and child lists as the items added, removed or changed
(one line each, never their JSON). Entries written by one save are grouped under one
line naming when, who, what and the version. Everything in an entry is escaped: user
text is shown literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from tracker.domain.change_words import BASELINE, EMPTY, WHOLE, Change, ChangeRow, word
from tracker.domain.changes import DELETED
from tracker.domain.model import AuditEntry
from tracker.domain.presenter import timestamp
from ui.i18n import QT_TRANSLATE_NOOP, domain_text, translate, ui_language
from ui.plain_text import escaped as _e
from ui.plain_text import escaped_lines

__all__ = ["ELIDE_AT", "SHORT_CHANGE", "action_label", "history_html"]

ELIDE_AT = 200
"""Audit values longer than this many characters are shortened with an ellipsis."""

SHORT_CHANGE = 70
"""Changes whose old and new values together are no longer than this fit on one line."""

_ACTION_LABELS = {
    "create": QT_TRANSLATE_NOOP("change_history", "Created"),
    "import": QT_TRANSLATE_NOOP("change_history", "Imported"),
    "update": QT_TRANSLATE_NOOP("change_history", "Edited"),
    "delete": QT_TRANSLATE_NOOP("change_history", "Moved to the trash"),
    "restore": QT_TRANSLATE_NOOP("change_history", "Restored from the trash"),
    BASELINE: QT_TRANSLATE_NOOP("change_history", "Recorded at the upgrade to schema 5"),
}


def action_label(action: str) -> str:
    """How the change history names what a version's writer did ("Edited")."""
    return (
        translate("change_history", _ACTION_LABELS[action]) if action in _ACTION_LABELS else action
    )


def history_html(history: Sequence[AuditEntry]) -> str:
    """The entries of ``history``, newest first, grouped by the save that wrote them."""
    entries = sorted(history, key=lambda h: h.id, reverse=True)
    blocks = []
    for (at, who, action, version), group in groupby(
        entries, key=lambda h: (h.at, h.who, h.action, h.version)
    ):
        parts = (_e(timestamp(at)), _e(who), _e(action_label(action)), f"v{version}")
        meta = " · ".join(p for p in parts if p)
        lines = "<br>".join(_entry_line(h) for h in group)
        blocks.append(f'<p class="small"><span class="muted">{meta}</span><br>{lines}</p>')
    return "".join(blocks)


def _entry_line(entry: AuditEntry) -> str:
    if entry.field == WHOLE:
        what = (
            translate("change_history", "Recorded as it stood")
            if entry.action == BASELINE
            else translate("change_history", "Created")
        )
        title = entry.recorded_title
        return f"<b>{what}</b>: {_audit_value(title, title)}"
    if entry.field == DELETED:
        return f"<b>{action_label('delete' if entry.new else 'restore')}</b>"
    change = word(ChangeRow.of_entry(entry), whole_text=True, language=ui_language())
    if change.items:
        return _items_line(change)
    return _change_line(entry, change)


def _items_line(change: Change) -> str:
    """A list's change: one line per item added, removed or changed."""
    label = f"<b>{_e(change.label)}</b>:"
    items = [_e(item.text()) for item in change.items]
    if len(items) == 1:
        return f"{label} {items[0]}"
    return "<br>".join([label, *items])


def _change_line(entry: AuditEntry, change: Change) -> str:
    """One changed field: ``Field: old → new``, with long values on lines of their own."""
    label = f"<b>{_e(change.label)}</b>"
    old = _audit_value(entry.old, change.old)
    new = _audit_value(entry.new, change.new)
    if len(change.old) + len(change.new) <= SHORT_CHANGE and "\n" not in change.old + change.new:
        return f"{label}: {old} → {new}"
    return f'{label}:<br><span class="muted">{old}</span><br>→ {new}'


def _audit_value(recorded: str | None, words: str | None) -> str:
    """A side of a change in its ``words``; "(empty)", muted, when nothing was
    ``recorded``."""
    if not recorded or not words:
        return f'<span class="muted">{domain_text(EMPTY)}</span>'
    return escaped_lines(_elide(words))


def _elide(text: str, limit: int = ELIDE_AT) -> str:
    """``text`` cut to at most ``limit`` characters, ending in an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"
