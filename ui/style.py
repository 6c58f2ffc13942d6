"""Shared look of the desktop app: status colours and small HTML helpers.

The status colours live here, and only here, so the detail pane, the table
delegate of the main window and anything else that paints a status agree.

The palette is Okabe and Ito's colour-blind-safe set (distinguishable with the
common forms of colour blindness) plus a neutral grey. A status is never shown by
colour alone: :func:`status_chip_html` always writes the label inside the chip,
and :func:`chip_text_colour` picks black or white text, whichever contrasts more
with the chip, so the label stays readable in light and dark themes alike.
"""

from __future__ import annotations

import html

from tracker.domain.vocab import Status
from ui.i18n import vocab_word

__all__ = [
    "STATUS_COLOURS",
    "chip_text_colour",
    "contrast_ratio",
    "status_chip_html",
    "status_text_colour",
]

STATUS_COLOURS: dict[Status, str] = {
    Status.EXPLORATORY: "#56B4E9",  # sky blue
    Status.NEGOTIATING: "#E69F00",  # orange
    Status.AGREED: "#009E73",  # bluish green
    Status.ACTIVE: "#0072B2",  # blue
    Status.PAUSED: "#F0E442",  # yellow
    Status.BROKEN_DOWN: "#D55E00",  # vermilion
    Status.ENDED: "#8C8C8C",  # neutral grey
}
"""Background colour (``#RRGGBB``) of each status; every status has one, all distinct."""

_DARK_TEXT = "#111111"
_LIGHT_TEXT = "#FFFFFF"


def _relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a ``#RRGGBB`` colour (0 black .. 1 white)."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f'not a #RRGGBB colour: "{colour}"')
    channels = []
    for i in (0, 2, 4):
        c = int(value[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#RRGGBB`` colours (1 .. 21)."""
    a, b = sorted((_relative_luminance(first), _relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def chip_text_colour(background: str) -> str:
    """Near-black or white, whichever reads better on ``background`` (``#RRGGBB``)."""
    dark = contrast_ratio(background, _DARK_TEXT)
    light = contrast_ratio(background, _LIGHT_TEXT)
    return _DARK_TEXT if dark >= light else _LIGHT_TEXT


def status_text_colour(status: Status) -> str:
    """The text colour to write a status label in on its chip."""
    return chip_text_colour(STATUS_COLOURS[status])


def status_chip_html(status: Status) -> str:
    """A coloured chip holding the status label, as a Qt rich-text HTML fragment.

    The label is always present (colour is never the only cue) and is HTML-escaped.
    """
    background = STATUS_COLOURS[status]
    foreground = chip_text_colour(background)
    label = html.escape(vocab_word(status))
    return (
        f'<span style="background-color:{background}; color:{foreground}; '
        f'font-weight:600;">&nbsp;{label}&nbsp;</span>'
    )
