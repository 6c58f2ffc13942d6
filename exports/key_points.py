"""The "Key points" section: the briefing officer's own short text, after the cover.

The text is plain: blank lines separate paragraphs, a line starting with "- " is a
bullet (its following lines, up to the next bullet or blank line, continue it), any
other line continues the paragraph it is in. Everything goes through
:mod:`exports.text`, so markup in it prints literally.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from exports import style, text, typefaces
from exports.flowables import Bookmark, Heading
from tracker.domain.briefing_sections import KEY_POINTS, section_label
from tracker.domain.languages import Language

BULLET: Final = "- "

Para = Callable[..., Paragraph]


def blocks(key_points: str) -> list[tuple[bool, str]]:
    """The text as ``(is_bullet, text)`` blocks, in order; blank text gives none."""
    out: list[tuple[bool, list[str]]] = []
    current: tuple[bool, list[str]] | None = None
    for raw in key_points.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            current = None
        elif line.startswith(BULLET) or line == BULLET.strip():
            current = (True, [line[1:].strip()])
            out.append(current)
        elif current is None:
            current = (False, [line])
            out.append(current)
        else:
            current[1].append(line)
    return [(bullet, " ".join(lines)) for bullet, lines in out if " ".join(lines).strip()]


def key_points_section(
    key_points: str, styles: style.Styles, p: Para, language: Language = Language.EN
) -> list[Flowable]:
    """The section's flowables (none for blank text); ``p`` is the story's paragraph
    factory (markup, style, bullet)."""
    found = blocks(key_points)
    if not found:
        return []
    title = section_label(KEY_POINTS, language)
    out: list[Flowable] = [Heading(title, styles.h1, Bookmark(title, KEY_POINTS, 0))]
    point = styles.body.clone(
        "KeyPoint",
        leftIndent=5 * mm,
        bulletIndent=1 * mm,
        bulletFontName=typefaces.SANS,
        spaceAfter=1.2 * mm,
    )
    for bullet, body in found:
        if bullet:
            out.append(p(text.inline(body), point, "•"))
        else:
            out.append(p(text.inline(body), styles.body))
    return out
