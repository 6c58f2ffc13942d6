"""The service layer's one entry point: :class:`Tracker`, for the desktop app and the CLI.

Every public method is one transaction, takes keyword arguments, returns plain data
(never live ORM objects), raises only the domain's errors (``tracker.domain.errors``)
and prints nothing. Writes return what they changed (``tracker.domain.changes``).
The calls are grouped by job in the modules of this package; ``Tracker`` puts them
together.
"""

from __future__ import annotations

from tracker.services.as_of import AsOf
from tracker.services.base import Cancelled, Progress, current_user
from tracker.services.bulk_edit import BulkEditing
from tracker.services.catalogue import Catalogue
from tracker.services.changes import Changes
from tracker.services.import_review import ImportReviewing
from tracker.services.lanes import Lanes
from tracker.services.maintenance import Maintenance
from tracker.services.organisations import Organisations
from tracker.services.overview import Overviews
from tracker.services.reading import Reading
from tracker.services.register import Register
from tracker.services.restrictions import Restrictions
from tracker.services.templates import Templates
from tracker.services.transfer import Transfer
from tracker.services.views import Views
from tracker.services.writing import Writing

__all__ = ["Cancelled", "Progress", "Tracker", "current_user"]


class Tracker(
    Reading,
    Writing,
    BulkEditing,
    Transfer,
    ImportReviewing,
    Maintenance,
    Register,
    Changes,
    AsOf,
    Overviews,
    Restrictions,
    Catalogue,
    Lanes,
    Views,
    Templates,
    Organisations,
):
    """An open engagement store and everything one can do with it."""
