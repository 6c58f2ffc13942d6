"""The status timeline follows the status: a change of status is a dated event.

Every write that changes an engagement's status (the edit form's save, ``tracker edit
--set status=…``, an import over an existing engagement) goes through
:func:`follow_status`, so the timeline cannot fall behind the status by the route a
change took. A write that changes the status history itself says what happened in its
own words and gets no second event.
"""

from __future__ import annotations

import dataclasses
import datetime

from tracker.domain.dates import PartialDate
from tracker.domain.model import EngagementData, StatusEvent

__all__ = ["follow_status"]


def follow_status(
    before: EngagementData, after: EngagementData, *, on: datetime.date
) -> EngagementData:
    """``after``, with a status event for its status dated ``on`` appended when the
    status differs from ``before``'s and the status history does not."""
    if after.status == before.status or after.status_history != before.status_history:
        return after
    event = StatusEvent(after.status, PartialDate.of_day(on))
    return dataclasses.replace(after, status_history=(*after.status_history, event))
