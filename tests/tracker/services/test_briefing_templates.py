"""Briefing templates through the service: saved and read back with their logo,
shared between colleagues or private, names unique per owner in any case, owner-only
changes, a stored logo checked again when used. On SQLite and PostgreSQL."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tracker.domain import limits
from tracker.domain.briefing_templates import TemplateSettings
from tracker.domain.errors import ValidationError
from tracker.domain.letterhead import PNG, check_logo
from tracker.services import Tracker
from tracker.services.templates import template_logo

BOARD = TemplateSettings(
    title="Board briefing",
    author="A. Officer",
    organisation="Ministry of Examples",
    marking="OFFICIAL",
    sections=("cover", "overview", "engagements"),
    parts=("summary", "sources"),
    page_size="Letter",
)


def png(size: tuple[int, int] = (200, 80)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 80, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_template_reads_back_with_its_settings_and_logo(tracker: Tracker) -> None:
    logo = check_logo("logo.png", png())
    saved = tracker.save_template(name="  Board ", settings=BOARD, logo=logo)
    assert (saved.name, saved.owner, saved.shared, saved.version) == ("Board", "alice", False, 1)
    assert saved.settings == BOARD and saved.settings.language == "en"
    assert saved.logo == logo.data
    assert tracker.template(name="BOARD") == saved
    assert tracker.templates() == [saved]
    again = template_logo(saved)
    assert again is not None and (again.kind, again.width, again.height) == (PNG, 200, 80)


def test_shared_templates_are_everyones_and_private_ones_their_owners(
    tracker: Tracker, other_user: Tracker
) -> None:
    """On PostgreSQL too: alice's shared template is used by bob on the same server."""
    tracker.save_template(name="Team", settings=BOARD, shared=True)
    tracker.save_template(name="Mine", settings=TemplateSettings(title="Alice only"))
    assert [(t.name, t.owner) for t in other_user.templates()] == [("Team", "alice")]
    assert other_user.template(name="team").settings == BOARD
    with pytest.raises(ValidationError, match='"Mine": no such briefing template'):
        other_user.template(name="Mine")
    with pytest.raises(ValidationError, match="it is alice's: only its owner can change it"):
        other_user.delete_template(name="Team")
    bobs = other_user.save_template(name="TEAM", settings=TemplateSettings(title="Bob's"))
    assert other_user.template(name="team") == bobs  # one's own first
    assert tracker.template(name="team").settings == BOARD


def test_a_duplicate_name_is_one_line_and_replace_updates(tracker: Tracker) -> None:
    tracker.save_template(name="Board", settings=BOARD)
    with pytest.raises(ValidationError) as caught:
        tracker.save_template(name="board", settings=TemplateSettings())
    assert str(caught.value) == (
        'the briefing template "board", name: you have a template of that name already'
    )
    updated = tracker.save_template(name="board", settings=TemplateSettings(), replace=True)
    assert (updated.name, updated.version, updated.settings) == ("board", 2, TemplateSettings())


def test_delete_returns_the_template_and_it_is_gone(tracker: Tracker) -> None:
    saved = tracker.save_template(name="Board", settings=BOARD)
    assert tracker.delete_template(name="board") == saved
    assert tracker.templates() == []
    with pytest.raises(ValidationError, match="no such briefing template"):
        tracker.delete_template(name="Board")


def test_bad_names_and_settings_are_refused(tracker: Tracker) -> None:
    with pytest.raises(ValidationError, match="name: must not be blank"):
        tracker.save_template(name="  ", settings=BOARD)
    with pytest.raises(ValidationError, match="at most 200 are allowed"):
        tracker.save_template(name="x" * (limits.TEMPLATE_NAME + 1), settings=BOARD)
    with pytest.raises(ValidationError, match="page size: must be one of A4, Letter"):
        tracker.save_template(name="T", settings=TemplateSettings(page_size="A3"))
    with pytest.raises(ValidationError, match="language: must be one of en"):
        tracker.save_template(name="T", settings=TemplateSettings(language="xx"))
    with pytest.raises(ValidationError, match="sections"):
        tracker.save_template(name="T", settings=TemplateSettings(sections=("nope",)))
    with pytest.raises(ValidationError, match="title: must be one line"):
        tracker.save_template(name="T", settings=TemplateSettings(title="a\nb"))
    assert tracker.templates() == []


def test_a_stored_logo_is_checked_again_when_used(tracker: Tracker) -> None:
    saved = tracker.save_template(name="Board", settings=BOARD, logo=check_logo("l.png", png()))
    damaged = type(saved)(**{**saved.__dict__, "logo": b"GIF89a" + bytes(40)})
    with pytest.raises(ValidationError, match='the logo of template "Board"'):
        template_logo(damaged)


def test_a_template_reads_back_with_its_language(tracker: Tracker) -> None:
    saved = tracker.save_template(name="Note", settings=TemplateSettings(language="fr"))
    assert saved.settings.language == "fr"
    assert tracker.template(name="note").settings.language == "fr"
