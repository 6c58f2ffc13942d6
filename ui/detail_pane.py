"""The detail pane: the selected engagement as a readable, read-only document.

Policy staff read this pane all day (think of Zotero's item pane), so it favours
calm typography: one heading, a table of facts, small-caps section headings,
muted grey for metadata, and a status shown as a coloured chip that always
carries its label.

What is shown, in which order and in which words comes from
:mod:`tracker.domain.presenter` (the ``show`` command and the PDF briefing say the
same); this module lays it out as Qt rich text and adds the change history
(:mod:`ui.change_history`).

Everything typed by a person (titles, summaries, notes, names, URLs) is
HTML-escaped before it goes into the document, so text such as ``<b>``,
``<img src=x>`` or ``<a href="javascript:...">`` is shown literally. Only
``http``/``https`` URLs become links (opened in the web browser); any other URL
is shown as plain text. The browser itself loads nothing a document names
(:class:`~ui.plain_text.NoResourceBrowser`), should markup ever slip through.

Colours come from the widget's palette (:class:`QPalette`), and the document is
rebuilt when the palette changes, so the pane stays readable in dark mode.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.links import LinkItem
from tracker.domain.model import AuditEntry, Engagement
from tracker.domain.presenter import (
    SEPARATOR,
    ClarificationItem,
    ConcernItem,
    Fact,
    Item,
    Passage,
    RestrictionItem,
    ScopeItem,
    Section,
    SourceItem,
    Statement,
    TimelineItem,
    pieces,
    present,
)
from tracker.services.base import utc_today
from ui.change_history import history_html
from ui.follow_ups import follow_up_badge_html
from ui.i18n import QT_TRANSLATE_NOOP, number, translate, ui_language
from ui.plain_text import NoResourceBrowser
from ui.plain_text import escaped as _e
from ui.plain_text import escaped_lines as _multiline
from ui.style import status_chip_html

__all__ = [
    "DetailPane",
    "DocumentColours",
    "render_engagement_html",
    "render_placeholder_html",
]

_LINK_SCHEMES = frozenset({"http", "https"})

CHANGE_HISTORY = QT_TRANSLATE_NOOP(
    "detail_pane", "Change history"
)  # the pane's own part: the audit trail
VERSIONS_BUTTON = QT_TRANSLATE_NOOP(
    "detail_pane", "Versions: view or restore…"
)  # opens the History dialog

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


def _blocks(text: str) -> tuple[str, list[str]]:
    """``text`` escaped as its first piece and the rest (``presenter.pieces``): Qt lays a
    block out again on every change, so a megabyte in one block froze the pane a second;
    each piece after the first goes into a paragraph of its own (:func:`_more`)."""
    first, *rest = pieces(text) or [""]
    return _multiline(first), [_multiline(piece) for piece in rest]


def _more(rest: Sequence[str], css: str = "") -> str:
    """The paragraphs of the pieces after the first."""
    attribute = f' class="{css}"' if css else ""
    return "".join(f"<p{attribute}>{piece}</p>" for piece in rest)


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


def _joined(parts: Iterable[str], separator: str = " · ") -> str:
    """Non-empty (already escaped) parts joined by ``separator``."""
    return separator.join(p for p in parts if p)


# --------------------------------------------------------------------------- facts and items


def _fact_value(fact: Fact) -> str:
    """A fact's value: the status as a chip, tags as chips, the marking in bold."""
    if not fact.recorded:
        return f'<span class="muted">{_e(fact.value)}</span>'
    if fact.status is not None:
        return status_chip_html(fact.status)
    if fact.words:
        return " ".join(f'<span class="tag">&nbsp;{_e(word)}&nbsp;</span>' for word in fact.words)
    if fact.key == "marking":
        return f"<b>{_e(fact.value)}</b>"
    return _multiline(fact.value)


def _facts(facts: Sequence[Fact]) -> str:
    body = "".join(
        f'<tr><td class="label" width="22%">{_e(f.label)}</td><td>{_fact_value(f)}</td></tr>'
        for f in facts
    )
    return f'<table width="100%" cellspacing="0" cellpadding="2">{body}</table>'


def _restriction(r: RestrictionItem) -> str:
    note, more = _blocks(r.note)
    return (
        f"<p><b>{_e(r.title)}</b><br>"
        f'<span style="font-weight: 600;">{_e(r.stance)}</span> '
        f'<span class="code">&nbsp;{_e(r.code)}</span>{"<br>" + note if note else ""}</p>'
        f"{_more(more)}"
    )


def _statement(s: Statement) -> str:
    who = f' <span class="muted">— {_e(s.attribution)}</span>' if s.attribution else ""
    first, more = _blocks(s.text)
    quote = [first, *more]
    quote[0], quote[-1] = "“" + quote[0], quote[-1] + "”"
    return f"<p><b>{_e(s.heading)}</b>{who}</p>" + _more(quote, "quote")


def _clarification(c: ClarificationItem) -> str:
    source = f'<p class="quote muted small">{_e(c.source)}</p>' if c.source else ""
    return _statement(c.said) + _statement(c.clarified) + source


def _timeline_row(event: TimelineItem) -> str:
    note, more = _blocks(event.note)
    source = f'<span class="muted">{_e(event.source)}</span>' if event.source else ""
    if more and source:  # a long note: its source after its last piece
        more[-1], source = f"{more[-1]}<br>{source}", ""
    details = _joined([note, source], "<br>")
    return (
        f'<tr><td class="label" width="22%">{_e(event.date)}</td>'
        f"<td>{status_chip_html(event.status)}"
        f"{'<br>' + details if details else ''}{_more(more)}</td></tr>"
    )


def _concern(concern: ConcernItem) -> str:
    severity = f' <span class="muted">· {_e(concern.severity)}</span>' if concern.severity else ""
    text, more = _blocks(concern.text)
    return f"<p><b>{_e(concern.kind)}</b>{severity}<br>{text}</p>{_more(more)}"


def _source(s: SourceItem) -> str:
    head = _joined(
        [
            f"<b>{_e(s.outlet)}</b>" if s.outlet else "",
            _e(s.title),
            f'<span class="muted">{_e(s.date)}</span>' if s.date else "",
        ],
        _e(SEPARATOR),
    )
    url = f'<br><span class="small">{_link(s.url)}</span>' if s.url else ""
    return f"<li>{head}{url}</li>"


def _link_item(link: LinkItem) -> str:
    details = f'<br><span class="muted">{_e(link.details)}</span>' if link.details else ""
    return f"<p><b>{_e(link.relation)}:</b> {_e(link.other)}{details}</p>"


def _item(item: Item) -> str:
    """One item of a section as HTML."""
    match item:
        case Passage():
            return "".join(_more([first, *more]) for first, more in map(_blocks, item.paragraphs))
        case ScopeItem():
            text, more = _blocks(item.text)
            return f"<p><b>{_e(item.kind)}:</b> {text}</p>{_more(more)}"
        case RestrictionItem():
            return _restriction(item)
        case ClarificationItem():
            return _clarification(item)
        case TimelineItem():
            return _timeline_row(item)
        case ConcernItem():
            return _concern(item)
        case SourceItem():
            return _source(item)
        case LinkItem():
            return _link_item(item)


# What holds a section's items when they are rows or list entries.
_CONTAINERS: dict[str, tuple[str, str]] = {
    "status_history": ('<table width="100%" cellspacing="0" cellpadding="3">', "</table>"),
    "sources": ('<ol style="margin-left: 0px; -qt-list-indent: 1;">', "</ol>"),
}


def _section(section: Section) -> str:
    before, after = _CONTAINERS.get(section.key, ("", ""))
    body = before + "".join(_item(item) for item in section.items) + after
    return f"<h3>{_e(section.heading)}</h3>{body}"


# --------------------------------------------------------------------------- documents


def render_engagement_html(
    engagement: Engagement,
    history: Sequence[AuditEntry] = (),
    colours: DocumentColours | None = None,
    *,
    today: datetime.date | None = None,
) -> str:
    """The whole detail document of ``engagement`` as Qt rich-text HTML; given ``today``,
    with the badge of a follow-up overdue or due soon."""
    c = colours or DocumentColours()
    p = present(engagement, language=ui_language())
    parts = [f"<html><head><style>{_style_sheet(c)}</style></head><body>"]
    if p.trashed is not None:
        parts.append(
            f'<p class="banner">&nbsp;{_e(p.trashed.label)} {_e(p.trashed.value)}&nbsp;</p>'
        )
    parts.append(f"<h2>{_e(p.title)}</h2>")
    if today is not None and not engagement.deleted:
        parts.append(follow_up_badge_html(engagement.data.follow_up, today=today))
    parts.append(_facts(p.facts))
    parts += [_section(section) for section in p.sections]
    if p.empty_note:
        parts.append(f'<p class="muted small" style="margin-top: 18px;">{_e(p.empty_note)}</p>')
    if history:
        parts.append(f"<h3>{translate('detail_pane', CHANGE_HISTORY)}</h3>{history_html(history)}")
    footer = _joined(f"{_e(f.label)} {_e(f.value)}" for f in p.record)
    parts.append(f'<p class="muted small" style="margin-top: 18px;">{footer}</p>')
    parts.append("</body></html>")
    return "".join(parts)


def render_placeholder_html(count: int | None, colours: DocumentColours | None = None) -> str:
    """What the pane shows when no engagement is selected."""
    c = colours or DocumentColours()
    if count is None:
        hint = translate("detail_pane", "Its details appear here.")
    elif count == 0:
        hint = translate("detail_pane", "There are no engagements to show yet.")
    elif count == 1:
        hint = translate("detail_pane", "1 engagement in the list.")
    else:
        hint = translate("detail_pane", "{count} engagements in the list.").format(
            count=number(count)
        )
    select = translate("detail_pane", "Select an engagement…")
    return (
        f"<html><head><style>{_style_sheet(c)}</style></head><body>"
        # Qt drops the top margin of a document's first block: an empty line carries it.
        '<p style="font-size: 1px;">&nbsp;</p>'
        '<p align="center" style="margin-top: 80px; font-size: large;" class="placeholder">'
        f"{_e(select)}</p>"
        f'<p align="center" class="placeholder">{_e(hint)}</p>'
        "</body></html>"
    )


# --------------------------------------------------------------------------- widget


class DetailPane(QWidget):
    """Read-only view of one engagement, with its change history; ``historyRequested``
    when the user asks to view or restore one of its versions."""

    historyRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engagement: Engagement | None = None
        self._history: tuple[AuditEntry, ...] = ()
        self._count: int | None = None

        self._browser = NoResourceBrowser(self)
        self._browser.setObjectName("detailBrowser")
        self._browser.setReadOnly(True)
        self._browser.setOpenExternalLinks(True)
        self._browser.setFrameShape(QFrame.Shape.NoFrame)
        self._browser.setAccessibleName("Engagement details")
        self._browser.document().setDocumentMargin(14)
        self._browser.installEventFilter(self)

        self._history_button = QPushButton(translate("detail_pane", VERSIONS_BUTTON), self)
        self._history_button.setObjectName("historyButton")
        self._history_button.setToolTip(
            translate("detail_pane", "View any earlier version as it was, or restore it")
        )
        self._history_button.clicked.connect(self.historyRequested)
        row = QHBoxLayout()
        row.setContentsMargins(14, 0, 14, 8)
        row.addStretch(1)
        row.addWidget(self._history_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._browser)
        layout.addLayout(row)
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
        self._history_button.setVisible(engagement is not None)
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
            document = render_engagement_html(
                self._engagement, self._history, colours, today=utc_today()
            )
        bar = self._browser.verticalScrollBar()
        position = bar.value()
        self._browser.setHtml(document)
        bar.setValue(position if keep_position else 0)
