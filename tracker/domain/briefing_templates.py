"""Briefing templates: a name for a briefing's settings (title, author, organisation,
marking, sections, parts, page size, language) and its letterhead logo.

The settings are stored as JSON (:func:`settings_json`, :func:`settings_from_json`);
the logo as its bytes, checked again by ``tracker.domain.letterhead.check_logo``
whenever a template is used (a stored logo is never trusted as it was). Names follow
the saved views' rule: unique per owner in any case (``saved_views.name_key``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from tracker.domain import limits
from tracker.domain.briefing_sections import PARTS, SectionsError, parse_parts, parse_sections
from tracker.domain.controls import has_controls
from tracker.domain.errors import ValidationError
from tracker.domain.languages import CODES

PAGE_SIZES: Final = ("A4", "Letter")
LANGUAGES: Final = CODES
"""The languages a briefing is printed in (``tracker.domain.languages``)."""

_TEXTS: Final = ("title", "author", "organisation")


@dataclass(frozen=True)
class TemplateSettings:
    """What a template sets. ``marking`` None: the highest of what is printed;
    ``sections`` None: the default sections."""

    title: str = "AI engagements briefing"
    author: str = ""
    organisation: str = ""
    marking: str | None = None
    sections: tuple[str, ...] | None = None
    parts: tuple[str, ...] = PARTS
    page_size: str = "A4"
    language: str = "en"


@dataclass(frozen=True)
class BriefingTemplate:
    """A template as stored: its owner sees it, and everybody when it is shared."""

    id: int
    name: str
    owner: str
    shared: bool
    settings: TemplateSettings
    logo: bytes | None  # the letterhead's image as saved; check_logo before use
    created_at: str  # ISO 8601 UTC
    created_by: str
    updated_at: str
    updated_by: str
    version: int  # 1 when created, one more for each update


def check_settings(settings: TemplateSettings) -> TemplateSettings:
    """``settings`` when each is one a briefing accepts; a ``ValidationError`` naming it."""
    for key in _TEXTS:
        value = getattr(settings, key)
        if not isinstance(value, str) or len(value) > limits.LINE or has_controls(value):
            raise ValidationError(
                f"must be one line of at most {limits.LINE:,} characters", field=key
            )
    if settings.page_size not in PAGE_SIZES:
        raise ValidationError(f"must be one of {', '.join(PAGE_SIZES)}", field="page size")
    if settings.language not in LANGUAGES:
        raise ValidationError(f"must be one of {', '.join(LANGUAGES)}", field="language")
    if settings.marking is not None and (
        not isinstance(settings.marking, str) or len(settings.marking) > limits.WORD
    ):
        raise ValidationError(f"at most {limits.WORD} characters", field="marking")
    try:
        if settings.sections is not None:
            parse_sections(",".join(settings.sections))
        parse_parts(",".join(settings.parts))
    except (SectionsError, TypeError) as exc:
        raise ValidationError(str(exc), field="sections") from None
    return settings


def settings_json(settings: TemplateSettings) -> dict[str, Any]:
    """The settings as plain JSON (what is stored and what ``templates --format json`` shows)."""
    return {
        "title": settings.title,
        "author": settings.author,
        "organisation": settings.organisation,
        "marking": settings.marking,
        "sections": None if settings.sections is None else list(settings.sections),
        "parts": list(settings.parts),
        "page_size": settings.page_size,
        "language": settings.language,
    }


def settings_from_json(raw: object) -> TemplateSettings:
    """The settings :func:`settings_json` wrote; a ``ValidationError`` naming the bad one."""
    if not isinstance(raw, Mapping):
        raise ValidationError("must be a JSON object", field="template")
    default = TemplateSettings()
    sections, parts = raw.get("sections"), raw.get("parts", list(PARTS))
    if not (sections is None or isinstance(sections, list)) or not isinstance(parts, list):
        raise ValidationError("must be lists of keys", field="sections")
    marking = raw.get("marking")
    return check_settings(
        TemplateSettings(
            title=raw.get("title", default.title),
            author=raw.get("author", ""),
            organisation=raw.get("organisation", ""),
            marking=None if marking is None else str(marking),
            sections=None if sections is None else tuple(sections),
            parts=tuple(parts),
            page_size=raw.get("page_size", default.page_size),
            language=raw.get("language", default.language),
        )
    )


def check_name(name: str) -> str:
    """A template's name stripped; refused when blank, longer than
    ``limits.TEMPLATE_NAME`` or holding a control character or line break."""
    stripped = name.strip() if isinstance(name, str) else ""
    if not stripped:
        problem = "must not be blank"
    elif len(stripped) > limits.TEMPLATE_NAME:
        problem = (
            f"is {len(stripped):,} characters long; at most {limits.TEMPLATE_NAME:,} are allowed"
        )
    elif has_controls(stripped) or "\u2028" in stripped or "\u2029" in stripped:
        problem = "must not contain control characters or line breaks"
    else:
        return stripped
    raise ValidationError(problem, record=f'the briefing template "{stripped[:60]}"', field="name")
