"""The tint behind each stance wherever a restriction matrix is drawn: the PDF
briefing's matrix (``exports.style``) and the desktop app's restriction comparison
(``ui.restriction_grid``). Plain ``#RRGGBB`` strings, so that both read the same values
from one place; light tints, since the stance's label is always written on them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from tracker.domain.vocab import Stance

STANCE_TINTS: Final[Mapping[Stance, str]] = {
    Stance.AGREED: "#e3f0e7",
    Stance.PROPOSED: "#e6eef6",
    Stance.DISPUTED: "#f7ecd5",
    Stance.REJECTED: "#f5e0dc",
}
