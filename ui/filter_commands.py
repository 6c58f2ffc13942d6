"""Filters the window's commands set: Show linked (the engagements linked to the current
one, as a removable "Linked to #N" chip) and the names the filter bar's pick-lists offer
(vendors, counterparts, the catalogue, tags, markings, owners, organisations)."""

from __future__ import annotations

import dataclasses
from typing import Protocol

from tracker.services import Tracker
from ui.filter_bar import FilterBar

__all__ = ["FilterCommands", "FilterHost"]


class FilterHost(Protocol):
    """What the commands need of the main window."""

    @property
    def service(self) -> Tracker: ...

    @property
    def filter_bar(self) -> FilterBar: ...

    def current_id(self) -> int | None: ...

    def showing_trash(self) -> bool: ...


class FilterCommands:
    """Show linked, and filling the filter bar's pick-lists from the service."""

    def __init__(self, host: FilterHost) -> None:
        self._host = host

    def show_linked(self) -> None:
        """Ctrl+Shift+K: show the engagements linked to the current one (either end),
        keeping the other filters."""
        eid = self._host.current_id()
        if eid is None or self._host.showing_trash():
            return
        bar = self._host.filter_bar
        bar.set_filters(dataclasses.replace(bar.filters(), linked_to=eid))

    def refresh_names(self) -> None:
        """Offer the names in use now in the filter bar's pick-lists."""
        service = self._host.service
        self._host.filter_bar.set_names(
            vendors=service.names(kind="vendor"),
            counterparts=service.names(kind="counterpart"),
            restrictions=service.restriction_catalogue(),
            tags=service.names(kind="tag"),
            markings=service.markings(),
            owners=service.names(kind="owner"),
            organisations=[org.name for org in service.organisations()],
        )
