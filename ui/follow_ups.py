"""Follow-ups in the window: the detail pane's badge and the status bar's overdue count.

The badge ("Follow-up overdue by 12 days", "Follow-up due in 5 days") is shown under
the title of a live engagement whose follow-up is overdue or due within the quick
filters' "soon" (``tracker.domain.due.badge``). The count ("3 follow-ups overdue") is
one SQL ``count(*)``, made when a database is shown and again only when a write's
change set may have changed it (``ChangeSet.may_change_membership`` of the overdue
filter: a follow-up edited, an engagement added, trashed or restored).
"""

from __future__ import annotations

import datetime
import html

from PySide6.QtWidgets import QLabel, QWidget

from tracker.domain.changes import ChangeSet
from tracker.domain.dates import PartialDate
from tracker.domain.due import DEFAULT_WINDOW, QuickFilters, badge, due_on
from tracker.domain.model import Filters
from tracker.services import Tracker
from tracker.services.base import utc_today
from ui.i18n import number, translate
from ui.style import chip_text_colour

# Vermilion when overdue, orange when due soon (the words always say which; the colour
# only repeats them), from the palette of ui.style.
OVERDUE_COLOUR = "#D55E00"
DUE_SOON_COLOUR = "#E69F00"


def follow_up_badge_html(follow_up: PartialDate | None, *, today: datetime.date) -> str:
    """The badge of ``follow_up`` seen on ``today`` as a Qt rich-text paragraph; empty when
    there is none, or it falls due later than the next ``DEFAULT_WINDOW``."""
    text = badge(follow_up, today=today, window=DEFAULT_WINDOW)
    if follow_up is None or text is None:
        return ""
    background = OVERDUE_COLOUR if due_on(follow_up) < today else DUE_SOON_COLOUR
    foreground = chip_text_colour(background)
    words = html.escape(_badge_words((due_on(follow_up) - today).days))
    return (
        f'<p><span style="background-color:{background}; color:{foreground}; '
        f'font-weight:600;">&nbsp;{words}&nbsp;</span></p>'
    )


def overdue_words(count: int) -> str:
    """ "3 follow-ups overdue", "1 follow-up overdue", "No follow-ups overdue"."""
    if count == 0:
        return translate("follow_ups", "No follow-ups overdue")
    if count == 1:
        return translate("follow_ups", "1 follow-up overdue")
    return translate("follow_ups", "{count} follow-ups overdue").format(count=number(count))


def _badge_words(days: int) -> str:
    """ "Follow-up overdue by 12 days", "Follow-up due today", "Follow-up due in 1 day"."""
    if days == 0:
        return translate("follow_ups", "Follow-up due today")
    if days == -1:
        return translate("follow_ups", "Follow-up overdue by 1 day")
    if days < 0:
        return translate("follow_ups", "Follow-up overdue by {days} days").format(
            days=number(-days)
        )
    if days == 1:
        return translate("follow_ups", "Follow-up due in 1 day")
    return translate("follow_ups", "Follow-up due in {days} days").format(days=number(days))


class OverdueCount(QLabel):
    """The status bar's count of the live engagements whose follow-up is overdue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overdueCount")
        self.setToolTip(
            translate(
                "follow_ups",
                "Follow-ups due before today: show them with the Overdue filter (Alt+O)",
            )
        )
        self._filters = Filters()

    def recount(self, service: Tracker) -> None:
        """Count again, for today (UTC)."""
        self._filters = QuickFilters(overdue=True).applied(Filters(), today=utc_today())
        self.setText(overdue_words(service.count(filters=self._filters)))

    def follow(self, changes: ChangeSet, service: Tracker) -> None:
        """Count again if ``changes`` may have changed how many are overdue."""
        if changes.may_change_membership(self._filters):
            self.recount(service)
