"""The detail pane: every section of every demo engagement, escaping, links, placeholder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette, QTextDocument
from pytestqt.qtbot import QtBot

from tracker.domain.demo import demo_document
from tracker.domain.fields import CHILDREN_BY_KEY
from tracker.domain.model import AuditEntry, Engagement, EngagementData
from tracker.domain.presenter import SECTION_KEYS
from tracker.domain.vocab import Status
from tracker.services import Tracker
from ui.change_history import ELIDE_AT
from ui.detail_pane import DetailPane, DocumentColours
from ui.style import STATUS_COLOURS, contrast_ratio, status_chip_html, status_text_colour

DEMO_IDS = [e["id"] for e in demo_document()["engagements"]]

HOSTILE_TITLE = "<b>x</b> & <img src=y>"
HOSTILE_SUMMARY = 'First <a href="javascript:alert(1)">click</a> line\nsecond line & more'


def demo_restrictions(uid: str) -> list[dict[str, str]]:
    """The restrictions of the demo engagement ``uid``, as the interchange has them."""
    (found,) = (e for e in demo_document()["engagements"] if e["id"] == uid)
    return list(found["restrictions"])


@pytest.fixture
def tracker(tmp_path: Path) -> Iterator[Tracker]:
    """A real temporary database holding the demo engagements."""
    t = Tracker.open(tmp_path / "t.db", user="tester")
    t.load_demo()
    yield t
    t.close()


@pytest.fixture
def pane(qtbot: QtBot) -> DetailPane:
    widget = DetailPane()
    qtbot.addWidget(widget)
    widget.resize(520, 900)
    return widget


def show(pane: DetailPane, tracker: Tracker, ref: int | str) -> Engagement:
    engagement = tracker.get(engagement_id=ref)
    pane.show_engagement(engagement, tracker.history(engagement_id=engagement.id))
    return engagement


def text_of(pane: DetailPane) -> str:
    return pane.browser().toPlainText()


def anchors(document: QTextDocument) -> list[str]:
    """Every link target in the document."""
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                found.append(fmt.anchorHref())
            it += 1
        block = block.next()
    return found


def has_image(document: QTextDocument) -> bool:
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if it.fragment().charFormat().isImageFormat():
                return True
            it += 1
        block = block.next()
    return False


# --------------------------------------------------------------------------- demo data


@pytest.mark.parametrize("uid", DEMO_IDS)
def test_demo_engagement_renders_every_section_it_has(
    pane: DetailPane, tracker: Tracker, uid: str
) -> None:
    engagement = show(pane, tracker, uid)
    data = engagement.data
    text = text_of(pane)

    assert pane.engagement() == engagement
    for value in (data.title, data.counterpart, data.vendor, data.status.label, data.marking):
        assert value in text
    assert data.summary in text
    for tag in data.tags:
        assert tag in text
    assert_sections_headed(text, data, linked=bool(engagement.linked))
    assert_children_shown(text, data)
    for end in engagement.linked:  # both ends: "Alternative to: #2 …", "Has part: #4 …"
        assert f"#{end.number} {end.title}" in text
    assert sorted(anchors(pane.browser().document())) == sorted(s.url for s in data.sources)
    assert "Change history" in text
    assert "Imported" in text
    assert f"Created: {data.title}" in text


def assert_sections_headed(text: str, data: EngagementData, *, linked: bool) -> None:
    """Each child list with records has its heading; the empty ones are named once (the
    links are shown from both ends: ``linked``, they are there)."""
    sections = [
        (CHILDREN_BY_KEY[key].label, linked if key == "links" else getattr(data, key))
        for key in SECTION_KEYS
        if key in CHILDREN_BY_KEY
    ]
    lines = text.splitlines()
    for label, present in sections:
        assert (label in lines) == bool(present), label  # a heading, on its own line
    # the empty sections are named once, on one line
    absent = [label for label, present in sections if not present]
    if absent:
        assert f"Not recorded: {', '.join(absent)}" in lines
    else:
        assert "Not recorded" not in text


def assert_children_shown(text: str, data: EngagementData) -> None:
    """What each child record says is in the text."""
    for limit in data.scope_limits:
        assert f"{limit.kind.label}: {limit.text}" in text
    for r in data.restrictions:
        assert r.title in text
        assert f"{r.title}\n{r.stance.label}" in text
        assert r.code in text
        if r.note:
            assert r.note in text
    for event in data.status_history:
        assert event.on is not None
        assert event.on.label() in text
        if event.note:
            assert event.note in text
    for concern in data.concerns:
        assert concern.kind.label in text
        assert concern.text in text
    for source in data.sources:
        assert source.url in text
        assert source.title in text
        assert source.outlet in text


def test_nato_clarification_and_partial_dates(pane: DetailPane, tracker: Tracker) -> None:
    show(pane, tracker, "demo-nato-openai")
    text = text_of(pane)
    said = text.index("Originally said")
    clarified = text.index("Clarified")
    assert said < clarified
    assert "Originally said — OpenAI chief executive, Mar 2026" in text
    assert "→ Clarified — OpenAI spokesperson, Mar 2026" in text
    assert "broader systems" in text[said:clarified]
    assert "limited to unclassified environments" in text[clarified:]
    assert "Source: Company statement to the press" in text
    assert "Q2 2026" in text  # follow-up, a quarter
    assert "Unclassified networks only" in text
    assert "Proposed" in text


def test_dod_openai_timeline_and_history_newest_first(pane: DetailPane, tracker: Tracker) -> None:
    engagement = tracker.get(engagement_id="demo-dod-openai")
    tracker.update(
        engagement_id=engagement.id,
        expected_version=engagement.version,
        changes={"owner": "Defence desk (lead)", "confidence": "reported"},
    )
    show(pane, tracker, "demo-dod-openai")
    text = text_of(pane)
    assert "27 Feb 2026" in text
    assert "c. 2026" in text
    assert "Sep 2026" in text
    assert "Owner: Defence desk → Defence desk (lead)" in text
    assert "Confidence: Confirmed → Reported" in text  # labels, not the stored words
    assert "confirmed →" not in text
    assert "tester · Edited · v2" in text
    assert text.index("Edited") < text.index("Imported")  # newest first
    history = text[text.index("Change history") :]
    assert " UTC · tester" in history
    # UTC time shortened to minutes: no seconds or fractions
    assert ".0" not in history.split(" UTC")[0][-12:]


def test_placeholder_for_none(pane: DetailPane, tracker: Tracker) -> None:
    assert "Select an engagement" in text_of(pane)
    pane.set_count_hint(4)
    assert "4 engagements" in text_of(pane)
    show(pane, tracker, "demo-nato-openai")
    assert "Select an engagement" not in text_of(pane)
    pane.show_engagement(None, [])
    assert pane.engagement() is None
    text = text_of(pane)
    assert "Select an engagement" in text
    assert "4 engagements" in text
    assert "NATO" not in text
    pane.set_count_hint(0)
    assert "no engagements" in text_of(pane)


def test_a_restriction_added_then_removed_reads_in_words(
    pane: DetailPane, tracker: Tracker
) -> None:
    engagement = tracker.get(engagement_id="demo-nato-openai")
    (surveillance,) = demo_restrictions("demo-nato-openai")
    weapons = {"code": "no-fully-autonomous-weapons", "title": "No <autonomous> weapons"}
    weapons |= {"stance": "agreed", "note": ""}
    saved = tracker.update(
        engagement_id=engagement.id,
        expected_version=engagement.version,
        changes={"restrictions": [surveillance, weapons], "tags": ["nato", "new tag"]},
    ).engagement
    tracker.update(
        engagement_id=engagement.id,
        expected_version=saved.version,
        changes={"restrictions": [weapons]},
    )
    show(pane, tracker, engagement.id)
    history = text_of(pane)[text_of(pane).index("Change history") :]
    assert "[{" not in history and '"code"' not in history
    removed = history.index(
        "Restrictions: removed restriction No mass domestic surveillance · Proposed · "
    )
    added = history.index("Restrictions: added restriction No <autonomous> weapons · Agreed")
    assert removed < added  # newest first: the removal was the later save
    assert "added tag new tag" in history
    assert "&lt;autonomous&gt;" in pane.html()  # the title is text, not markup


def test_changes_to_several_items_are_one_line_each(pane: DetailPane, tracker: Tracker) -> None:
    engagement = tracker.get(engagement_id="demo-dod-openai")
    tracker.update(
        engagement_id=engagement.id,
        expected_version=engagement.version,
        changes={"restrictions": []},
    )
    show(pane, tracker, engagement.id)
    history = text_of(pane)[text_of(pane).index("Change history") :]
    lines = history.splitlines()
    start = lines.index("Restrictions:")
    titles = [r["title"] for r in demo_restrictions("demo-dod-openai")]
    assert len(titles) == 3
    assert [line.split(" · ")[0] for line in lines[start + 1 : start + 4]] == [
        f"removed restriction {title}" for title in titles
    ]


# --------------------------------------------------------------------------- security


def test_hostile_text_is_shown_literally(pane: DetailPane, tracker: Tracker) -> None:
    created = tracker.create(
        data={
            "title": HOSTILE_TITLE,
            "vendor": "<script>alert(1)</script>",
            "counterpart": "A & B <i>",
            "status": "negotiating",
            "summary": HOSTILE_SUMMARY,
            "owner": "<img src=owner>",
            "tags": ["<u>tag</u>"],
            "scope_limits": [{"kind": "data", "text": "<img src=scope> &amp;"}],
            "restrictions": [
                {
                    "code": "no-x",
                    "title": "<b>No X</b>",
                    "stance": "disputed",
                    "note": "<a href='javascript:alert(2)'>n</a>",
                }
            ],
            "sources": [
                {"outlet": "<i>O</i>", "title": "t", "url": "javascript:alert(3)"},
                {"outlet": "O2", "title": "t2", "url": 'https://example.org/?a=1&b="x"'},
                {"outlet": "O3", "title": "t3", "url": "file:///etc/passwd"},
            ],
        }
    ).engagement
    show(pane, tracker, created.id)
    text = text_of(pane)
    for literal in (
        HOSTILE_TITLE,
        "<script>alert(1)</script>",
        "A & B <i>",
        '<a href="javascript:alert(1)">click</a>',
        "<img src=owner>",
        "<u>tag</u>",
        "<img src=scope> &amp;",
        "<b>No X</b>",
        "<a href='javascript:alert(2)'>n</a>",
        "javascript:alert(3)",
        "file:///etc/passwd",
    ):
        assert literal in text, literal
    # the summary keeps its line break
    assert "click</a> line\nsecond line & more" in text.replace("\u2028", "\n")

    document_html = pane.html()
    lowered = document_html.lower()
    assert "<img" not in lowered
    assert "<script" not in lowered
    assert not re.search(r"<a\s[^>]*javascript", lowered)  # no live javascript link
    assert "&lt;a href=" in lowered  # ... the text of one, escaped
    assert not has_image(pane.browser().document())
    links = anchors(pane.browser().document())
    assert links == ['https://example.org/?a=1&b="x"']
    # the title is not bold: it is text, not markup
    assert "&lt;b&gt;x&lt;/b&gt; &amp; &lt;img src=y&gt;" in document_html


def test_long_history_values_are_elided(pane: DetailPane, tracker: Tracker) -> None:
    engagement = tracker.get(engagement_id="demo-nato-openai")
    long_summary = "word " * 200
    tracker.update(
        engagement_id=engagement.id,
        expected_version=engagement.version,
        changes={"summary": long_summary},
    )
    show(pane, tracker, engagement.id)
    history = text_of(pane)[text_of(pane).index("Change history") :]
    assert "…" in history
    assert long_summary.strip() not in history
    longest = max(len(line) for line in history.splitlines())
    assert longest <= ELIDE_AT + 5


def test_history_groups_entries_and_marks_trash(pane: DetailPane, tracker: Tracker) -> None:
    engagement = tracker.get(engagement_id="demo-dod-anthropic")
    tracker.delete(engagement_id=engagement.id)
    show(pane, tracker, engagement.id)
    text = text_of(pane)
    assert "In the trash since" in text
    assert "Moved to the trash" in text


def test_synthetic_history_without_a_database(pane: DetailPane, tracker: Tracker) -> None:
    engagement = tracker.get(engagement_id="demo-openai-for-government")

    def entry(n: int, at: str, who: str, action: str, field: str, old, new) -> AuditEntry:
        return AuditEntry(
            id=n,
            at=at,
            who=who,
            engagement_id=engagement.id,
            version=n,
            action=action,
            field=field,
            old=old,
            new=new,
        )

    entries = [
        entry(1, "2026-01-02T03:04:05.678901Z", "ann", "create", "engagement", None, "T"),
        entry(2, "2026-02-03T04:05:06.000000Z", "bob", "update", "next_step", "", "Call <them>"),
    ]
    pane.show_engagement(engagement, entries)
    text = text_of(pane)
    assert "2026-02-03 04:05 UTC · bob · Edited · v2\nNext step: (empty) → Call <them>" in text
    assert text.index("· bob ·") < text.index("· ann ·")
    assert "2026-01-02 03:04 UTC · ann · Created · v1" in text


# --------------------------------------------------------------------------- style


def test_status_colours_are_distinct_and_labelled() -> None:
    assert set(STATUS_COLOURS) == set(Status)
    assert len(set(STATUS_COLOURS.values())) == len(Status)
    for status in Status:
        chip = status_chip_html(status)
        assert status.label in chip
        assert STATUS_COLOURS[status] in chip
        assert contrast_ratio(STATUS_COLOURS[status], status_text_colour(status)) >= 4.5


def test_dark_palette_is_followed(pane: DetailPane, tracker: Tracker) -> None:
    show(pane, tracker, "demo-nato-openai")
    light_html = pane.html()
    palette = QPalette(pane.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    pane.setPalette(palette)
    dark_html = pane.html()
    assert dark_html != light_html
    muted = DocumentColours.from_palette(palette).muted
    assert QColor(muted).lightness() > 100  # a light grey on the dark base
    assert muted in dark_html
    assert "NATO exploratory talks" in text_of(pane)


@pytest.mark.parametrize("uid", ["demo-nato-openai", "demo-dod-openai"])
def test_renders_offscreen(pane: DetailPane, tracker: Tracker, tmp_path: Path, uid: str) -> None:
    show(pane, tracker, uid)
    image = pane.grab()
    assert not image.isNull()
    assert image.width() == 520
    assert image.save(str(tmp_path / f"{uid}.png"))
