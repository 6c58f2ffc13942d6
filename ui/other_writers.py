"""Who saved the newer versions a save or an undo met, and when, in words.

A save from the edit form that meets a newer version, and an undo refused because the
same fields were changed since, name the people from the audit trail ("bob saved a
newer version at 14:02 UTC") rather than "someone else". The current user's own saves
from another window or program are "you (in another window)". Times are UTC, as
everywhere in the app; the day is given only when it is not today.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence

from tracker.domain.merge import field_label
from tracker.domain.model import AuditEntry
from tracker.domain.presenter import timestamp

__all__ = ["OtherWriters", "joined"]


def joined(words: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


class OtherWriters:
    """The audit entries of versions saved after the user's own, and how to say who.

    ``entries`` may come in any order; ``me`` is the user the app runs as; ``today``
    (UTC, by default the current day) decides whether a time needs its date.
    """

    def __init__(
        self, entries: Iterable[AuditEntry], *, me: str, today: _dt.date | None = None
    ) -> None:
        self._entries = sorted(entries, key=lambda e: e.id, reverse=True)  # newest first
        self._me = me
        self._today = today or _dt.datetime.now(_dt.UTC).date()

    @property
    def names(self) -> tuple[str, ...]:
        """Each writer once, as stored, in the order they first saved."""
        return tuple(dict.fromkeys(e.who for e in reversed(self._entries)))

    def person(self, who: str) -> str:
        """How a writer is named: their user name, or "you (in another window)"."""
        return "you (in another window)" if who == self._me else who

    def people(self) -> str:
        """All writers, named: "bob", "bob and carol"; "someone else" when unknown."""
        return joined([self.person(n) for n in self.names]) or "someone else"

    def their(self, *, heading: bool = False) -> str:
        """What their side is called: "bob's" when one other person saved it, else "the
        newer" (as a heading, "Newer")."""
        names = self.names
        if len(names) == 1 and names[0] != self._me:
            return f"{names[0]}'s"
        return "Newer" if heading else "the newer"

    def when(self, at: str) -> str:
        """ "at 14:02 UTC" today, "on 2026-02-27 at 14:02 UTC" another day."""
        day, _, time = timestamp(at).partition(" ")
        if not time:  # not a timestamp: say it as it is
            return f"at {day}"
        return f"at {time}" if day == self._today.isoformat() else f"on {day} at {time}"

    def summary(self) -> str:
        """Who saved the newer versions and when: "bob saved a newer version at 14:02 UTC",
        "bob and carol saved 3 newer versions, the last by carol at 14:05 UTC"."""
        if not self._entries:
            return "someone else saved a newer version"
        latest = self._entries[0]
        versions = len({e.version for e in self._entries})
        saved = "a newer version" if versions == 1 else f"{versions} newer versions"
        if versions == 1:
            return f"{self.people()} saved {saved} {self.when(latest.at)}"
        last_by = f" by {self.person(latest.who)}" if len(self.names) > 1 else ""
        return f"{self.people()} saved {saved}, the last{last_by} {self.when(latest.at)}"

    def last_change(self, field: str) -> AuditEntry | None:
        """The newest entry that changed ``field``, if any."""
        return next((e for e in self._entries if e.field == field), None)

    def changed_by(self, field: str) -> str:
        """Who last changed ``field`` and when: "carol at 14:05 UTC" ("" if unknown)."""
        entry = self.last_change(field)
        return "" if entry is None else f"{self.person(entry.who)} {self.when(entry.at)}"

    def changed_since(self, fields: Sequence[str]) -> str:
        """Who has changed ``fields`` since: "bob has since changed Summary and Owner (the
        last at 14:05 UTC)"; per writer, "; "-separated, when several did."""
        by_writer: dict[str, list[AuditEntry]] = {}
        for field in fields:
            entry = self.last_change(field)
            if entry is not None:
                by_writer.setdefault(entry.who, []).append(entry)
        unknown = [field_label(f) for f in fields if self.last_change(f) is None]
        clauses = [self._clause(who, entries) for who, entries in by_writer.items()]
        if unknown:
            clauses.append(f"{joined(unknown)} changed since")
        return "; ".join(clauses)

    def _clause(self, who: str, entries: Sequence[AuditEntry]) -> str:
        has = "have" if who == self._me else "has"
        labels = joined([field_label(e.field) for e in entries])
        latest = max(entries, key=lambda e: e.id)
        last = "the last " if len(entries) > 1 else ""
        return f"{self.person(who)} {has} since changed {labels} ({last}{self.when(latest.at)})"
