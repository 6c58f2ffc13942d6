"""The services: the one way in to a stored engagement database.

Orchestration and transactions only: each public call of :class:`Tracker` is one
transaction, takes keyword arguments, returns plain data and raises the domain's
errors. The SQL lives in ``db``; the rules in ``tracker.domain``. ``public_url`` is
how a database's URL is shown and remembered (never with its password).
"""

from db.urls import public_url
from tracker.services.core import Cancelled, Progress, Tracker, current_user

__all__ = ["Cancelled", "Progress", "Tracker", "current_user", "public_url"]
