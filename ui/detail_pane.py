"""The detail pane: the selected engagement as a readable, read-only document.

Policy staff read this pane all day (think of Zotero's item pane), so it favours
calm typography: one heading, a table of facts, small-caps section headings,
muted grey for metadata, and a status shown as a coloured chip that always
carries its label.

Everything typed by a person (titles, summaries, notes, names, URLs) is
HTML-escaped before it goes into the document, so text such as ``<b>``,
``<img src=x>`` or ``<a href="javascript:...">`` is shown literally. Only
``http``/``https`` URLs become links (opened in the web browser); any other URL
is shown as plain text.

Colours come from the widget's palette (:class:`QPalette`), and the document is
rebuilt when the palette changes, so the pane stays readable in dark mode.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QTextBrowser, QVBoxLayout, QWidget

from tracker.domain.dates import PartialDate
from tracker.domain.model import AuditEntry, Engagement, EngagementData
from ui.style import status_chip_html

__all__ = ["DetailPane", "DocumentColours", "render_engagement_html", "render_placeholder_html"]

ELIDE_AT = 200
"""Audit values longer than this many characters are shortened with an ellipsis."""

SHORT_CHANGE = 70
"""Changes whose old and new values together are no longer than this fit on one line."""

_LINK_SCHEMES = frozenset({"http", "https"})

_FIELD_LABELS = {
    "follow_up": "Follow-up",
    "next_step": "Next step",
    "scope_limits": "Scope limits",
    "status_history": "Status timeline",
}

_ACTION_LABELS = {
    "create": "Created",
    "import": "Imported",
    "update": "Edited",
    "delete": "Moved to the trash",
    "restore": "Restored from the trash",
}


# --------------------------------------------------------------------------- colours


@dataclass(frozen=True)
class DocumentColours:
    """The few colours the document uses, as ``#rrggbb`` text."""

    text: str = "#1a1a1a"
    muted: str = "#666666"
    subtle_background: str = "#f0f0f0"
    rule: str = "#d0d0d0"

    @classmethod
    def from_palette(cls, palette: QPalette) -> DocumentColours:
        """Colours derived from ``palette`` (text, and blends of text with the base)."""
        text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Base)
        return cls(
            text=text.name(),
            muted=_blend(text, base, 0.42).name(),
            subtle_background=_blend(text, base, 0.92).name(),
            rule=_blend(text, base, 0.8).name(),
        )


def _blend(first: QColor, second: QColor, towards_second: float) -> QColor:
    """``first`` moved ``towards_second`` (0..1) of the way to ``second``."""
    t = min(max(towards_second, 0.0), 1.0)
    return QColor(
        round(first.red() + (second.red() - first.red()) * t),
        round(first.green() + (second.green() - first.green()) * t),
        round(first.blue() + (second.blue() - first.blue()) * t),
    )


def _style_sheet(c: DocumentColours) -> str:
    """The document's CSS (the subset Qt rich text understands)."""
    return f"""
        body {{ line-height: 135%; }}
        p {{ margin-top: 0px; margin-bottom: 6px; }}
        h2 {{ font-size: x-large; font-weight: 600; margin-top: 2px; margin-bottom: 10px; }}
        h3 {{ font-size: medium; font-weight: 700; font-variant: small-caps;
              color: {c.muted}; margin-top: 18px; margin-bottom: 6px; }}
        td {{ vertical-align: top; }}
        .muted {{ color: {c.muted}; }}
        .small {{ font-size: small; }}
        .label {{ color: {c.muted}; white-space: nowrap; padding-right: 10px; }}
        .code {{ color: {c.muted}; font-size: small; font-family: monospace; }}
        .tag {{ background-color: {c.subtle_background}; }}
        .quote {{ margin-left: 14px; margin-bottom: 8px; }}
        .banner {{ background-color: {c.subtle_background}; font-weight: 600; }}
        .placeholder {{ color: {c.muted}; }}
        li {{ margin-bottom: 8px; }}
    """


# --------------------------------------------------------------------------- text helpers


def _e(text: object) -> str:
    """Escape anything for HTML text or a quoted attribute."""
    return html.escape(str(text), quote=True)


def _multiline(text: str) -> str:
    """Escape ``text`` and keep its line breaks."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(_e(line) for line in lines)


def _date(value: PartialDate | None) -> str:
    """A partial date's label, or the empty string."""
    return value.label() if value is not None else ""


def _elide(text: str, limit: int = ELIDE_AT) -> str:
    """``text`` cut to at most ``limit`` characters, ending in an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def _link(url: str) -> str:
    """An http(s) URL as a link; anything else as escaped plain text."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return _e(url)
    is_web = parts.scheme.lower() in _LINK_SCHEMES and bool(parts.netloc)
    if not is_web or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return _e(url)
    return f'<a href="{_e(url)}">{_e(url)}</a>'


def _utc_minutes(timestamp: str) -> str:
    """ISO 8601 UTC text shortened to minutes.

    ``2026-02-27T10:15:03.123456Z`` becomes ``2026-02-27 10:15 UTC``.
    """
    text = timestamp.strip()
    if len(text) >= 16 and text[10] in "T ":
        return f"{text[:10]} {text[11:16]} UTC"
    return text


def _field_label(name: str) -> str:
    """A field name as people read it: ``next_step`` -> ``Next step``."""
    if name in _FIELD_LABELS:
        return _FIELD_LABELS[name]
    return name[:1].upper() + name[1:].replace("_", " ")


def _joined(parts: Iterable[str], separator: str = " · ") -> str:
    """Non-empty (already escaped) parts joined by ``separator``."""
    return separator.join(p for p in parts if p)


def _section(title: str, body: str) -> str:
    return f"<h3>{_e(title)}</h3>{body}"


# --------------------------------------------------------------------------- sections


def _facts(data: EngagementData) -> str:
    rows: list[tuple[str, str]] = [
        ("Counterpart", _e(data.counterpart)),
        ("Vendor", _e(data.vendor)),
        ("Region", _e(data.region.label) if data.region else ""),
        ("Status", status_chip_html(data.status)),
        ("Confidence", _e(data.confidence.label) if data.confidence else ""),
        ("Marking", f"<b>{_e(data.marking)}</b>" if data.marking else ""),
        ("Started", _e(_date(data.started))),
        ("Follow-up", _e(_date(data.follow_up))),
        ("Next step", _multiline(data.next_step)),
        ("Owner", _e(data.owner)),
        (
            "Tags",
            " ".join(f'<span class="tag">&nbsp;{_e(tag)}&nbsp;</span>' for tag in data.tags),
        ),
    ]
    body = "".join(
        f'<tr><td class="label" width="22%">{_e(label)}</td><td>{value}</td></tr>'
        for label, value in rows
        if value
    )
    return f'<table width="100%" cellspacing="0" cellpadding="2">{body}</table>'


def _scope_limits(data: EngagementData) -> str:
    return "".join(
        f"<p><b>{_e(limit.kind.label)}:</b> {_multiline(limit.text)}</p>"
        for limit in data.scope_limits
    )


def _restrictions(data: EngagementData) -> str:
    items = []
    for r in data.restrictions:
        note = f"<br>{_multiline(r.note)}" if r.note else ""
        items.append(
            f"<p><b>{_e(r.title or r.code)}</b><br>"
            f'<span style="font-weight: 600;">{_e(r.stance.label)}</span> '
            f'<span class="code">&nbsp;{_e(r.code)}</span>{note}</p>'
        )
    return "".join(items)


def _clarifications(data: EngagementData) -> str:
    blocks = []
    for c in data.clarifications:
        said_meta = _joined([_e(c.original_by), _e(_date(c.original_on))])
        clarified_meta = _joined([_e(c.clarified_by), _e(_date(c.clarified_on))])
        said_meta = f' <span class="muted">— {said_meta}</span>' if said_meta else ""
        clarified_meta = f' <span class="muted">— {clarified_meta}</span>' if clarified_meta else ""
        source = f'<p class="quote muted small">Source: {_e(c.source)}</p>' if c.source else ""
        blocks.append(
            f"<p><b>Originally said</b>{said_meta}</p>"
            f'<p class="quote">“{_multiline(c.original)}”</p>'
            f"<p><b>→ Clarified</b>{clarified_meta}</p>"
            f'<p class="quote">“{_multiline(c.clarification)}”</p>'
            f"{source}"
        )
    return "".join(blocks)


def _timeline(data: EngagementData) -> str:
    rows = []
    for event in data.status_history:
        when = _e(_date(event.on)) or "date unknown"
        details = _joined(
            [
                _multiline(event.note),
                f'<span class="muted">Source: {_e(event.source)}</span>' if event.source else "",
            ],
            "<br>",
        )
        rows.append(
            f'<tr><td class="label" width="22%">{when}</td>'
            f"<td>{status_chip_html(event.status)}"
            f"{'<br>' + details if details else ''}</td></tr>"
        )
    return f'<table width="100%" cellspacing="0" cellpadding="3">{"".join(rows)}</table>'


def _concerns(data: EngagementData) -> str:
    items = []
    for concern in data.concerns:
        severity = (
            f' <span class="muted">· {_e(concern.severity.label)} severity</span>'
            if concern.severity
            else ""
        )
        items.append(
            f"<p><b>{_e(concern.kind.label)}</b>{severity}<br>{_multiline(concern.text)}</p>"
        )
    return "".join(items)


def _sources(data: EngagementData) -> str:
    items = []
    for s in data.sources:
        head = _joined(
            [
                f"<b>{_e(s.outlet)}</b>" if s.outlet else "",
                _e(s.title),
                f'<span class="muted">{_e(_date(s.published))}</span>' if s.published else "",
            ],
            " — ",
        )
        url = f'<br><span class="small">{_link(s.url)}</span>' if s.url.strip() else ""
        items.append(f"<li>{head or '<span class=muted>Untitled source</span>'}{url}</li>")
    return f'<ol style="margin-left: 0px; -qt-list-indent: 1;">{"".join(items)}</ol>'


def _audit_value(value: str | None) -> str:
    if value is None or value == "":
        return '<span class="muted">(empty)</span>'
    return _multiline(_elide(value))


def _history(history: Sequence[AuditEntry]) -> str:
    entries = sorted(history, key=lambda h: h.id, reverse=True)
    blocks = []
    for (at, who, action, version), group in groupby(
        entries, key=lambda h: (h.at, h.who, h.action, h.version)
    ):
        meta = _joined(
            [_e(_utc_minutes(at)), _e(who), _e(_ACTION_LABELS.get(action, action)), f"v{version}"]
        )
        lines = []
        for h in group:
            if h.field == "engagement":
                lines.append(f"<b>Created</b>: {_audit_value(h.new)}")
            elif h.field == "deleted":
                moved = "Moved to the trash" if h.new else "Restored from the trash"
                lines.append(f"<b>{moved}</b>")
            else:
                lines.append(_change_line(h))
        blocks.append(
            f'<p class="small"><span class="muted">{meta}</span><br>{"<br>".join(lines)}</p>'
        )
    return "".join(blocks)


def _change_line(entry: AuditEntry) -> str:
    """One changed field: ``Field: old → new``, with long values on lines of their own."""
    label = f"<b>{_e(_field_label(entry.field))}</b>"
    old, new = entry.old or "", entry.new or ""
    if len(old) + len(new) <= SHORT_CHANGE and "\n" not in old + new:
        return f"{label}: {_audit_value(entry.old)} → {_audit_value(entry.new)}"
    return (
        f"{label}:<br>"
        f'<span class="muted">{_audit_value(entry.old)}</span><br>'
        f"→ {_audit_value(entry.new)}"
    )


# --------------------------------------------------------------------------- documents


def render_engagement_html(
    engagement: Engagement,
    history: Sequence[AuditEntry] = (),
    colours: DocumentColours | None = None,
) -> str:
    """The whole detail document of ``engagement`` as Qt rich-text HTML."""
    c = colours or DocumentColours()
    data = engagement.data
    parts = [f"<html><head><style>{_style_sheet(c)}</style></head><body>"]
    if engagement.deleted:
        parts.append(
            f'<p class="banner">&nbsp;In the trash since '
            f"{_e(_utc_minutes(engagement.deleted_at or ''))}&nbsp;</p>"
        )
    parts.append(f"<h2>{_e(data.title) or 'Untitled engagement'}</h2>")
    parts.append(_facts(data))
    if data.summary.strip():
        parts.append(_section("Summary", f"<p>{_multiline(data.summary.strip())}</p>"))
    sections = [
        ("Scope limits", data.scope_limits, _scope_limits),
        ("Restrictions", data.restrictions, _restrictions),
        ("Clarifications", data.clarifications, _clarifications),
        ("Status timeline", data.status_history, _timeline),
        ("Concerns", data.concerns, _concerns),
        ("Sources", data.sources, _sources),
    ]
    for title, items, render in sections:
        if items:
            parts.append(_section(title, render(data)))
    if history:
        parts.append(_section("Change history", _history(history)))
    footer = _joined(
        [
            f"Version {engagement.version}",
            f"created {_e(_utc_minutes(engagement.created_at))}",
            f"updated {_e(_utc_minutes(engagement.updated_at))}",
            f"id {_e(engagement.uid)}",
        ]
    )
    parts.append(f'<p class="muted small" style="margin-top: 18px;">{footer}</p>')
    parts.append("</body></html>")
    return "".join(parts)


def render_placeholder_html(count: int | None, colours: DocumentColours | None = None) -> str:
    """What the pane shows when no engagement is selected."""
    c = colours or DocumentColours()
    if count is None:
        hint = "Its details appear here."
    elif count == 0:
        hint = "There are no engagements to show yet."
    elif count == 1:
        hint = "1 engagement in the list."
    else:
        hint = f"{count:,} engagements in the list."
    return (
        f"<html><head><style>{_style_sheet(c)}</style></head><body>"
        # Qt drops the top margin of a document's first block: an empty line carries it.
        '<p style="font-size: 1px;">&nbsp;</p>'
        '<p align="center" style="margin-top: 80px; font-size: large;" class="placeholder">'
        "Select an engagement…</p>"
        f'<p align="center" class="placeholder">{_e(hint)}</p>'
        "</body></html>"
    )


# --------------------------------------------------------------------------- widget


class DetailPane(QWidget):
    """Read-only view of one engagement, with its change history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engagement: Engagement | None = None
        self._history: tuple[AuditEntry, ...] = ()
        self._count: int | None = None

        self._browser = QTextBrowser(self)
        self._browser.setObjectName("detailBrowser")
        self._browser.setReadOnly(True)
        self._browser.setOpenExternalLinks(True)
        self._browser.setFrameShape(QFrame.Shape.NoFrame)
        self._browser.setAccessibleName("Engagement details")
        self._browser.document().setDocumentMargin(14)
        self._browser.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._browser)
        self._render()

    # -- public API ----------------------------------------------------------------

    def show_engagement(
        self, engagement: Engagement | None, history: Sequence[AuditEntry] = ()
    ) -> None:
        """Show ``engagement`` and its audit ``history``; ``None`` shows the placeholder.

        Showing the same engagement again (say, after a save) keeps the reading
        position; another engagement starts at the top.
        """
        same = (
            engagement is not None
            and self._engagement is not None
            and engagement.id == self._engagement.id
        )
        self._engagement = engagement
        self._history = tuple(history) if engagement is not None else ()
        self._render(keep_position=same)

    def set_count_hint(self, count: int | None) -> None:
        """How many engagements the list holds, for the placeholder's hint (None: no hint)."""
        self._count = count
        if self._engagement is None:
            self._render()

    def engagement(self) -> Engagement | None:
        """The engagement shown, if any."""
        return self._engagement

    def browser(self) -> QTextBrowser:
        """The text browser that displays the document."""
        return self._browser

    def html(self) -> str:
        """The current document as HTML (as Qt serialises it)."""
        return self._browser.toHtml()

    def plain_text(self) -> str:
        """The current document as plain text."""
        return self._browser.toPlainText()

    # -- internals -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Rebuild the document when the browser's palette changes (light/dark switch)."""
        if watched is self._browser and event.type() == QEvent.Type.PaletteChange:
            self._render(keep_position=True)
        return super().eventFilter(watched, event)

    def _render(self, *, keep_position: bool = False) -> None:
        colours = DocumentColours.from_palette(self._browser.palette())
        if self._engagement is None:
            document = render_placeholder_html(self._count, colours)
        else:
            document = render_engagement_html(self._engagement, self._history, colours)
        bar = self._browser.verticalScrollBar()
        position = bar.value()
        self._browser.setHtml(document)
        bar.setValue(position if keep_position else 0)
