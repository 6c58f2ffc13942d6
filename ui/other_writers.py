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
from ui.i18n import QT_TRANSLATE_NOOP, domain_text, translate

__all__ = ["OtherWriters", "joined"]


def joined(words: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(words) <= 1:
        return "".join(words)
    return translate("other_writers", "{first} and {last}").format(
        first=", ".join(words[:-1]), last=words[-1]
    )


# "... has since changed ...": by (the user themself, several fields).
_SINCE = {
    (False, False): QT_TRANSLATE_NOOP("other_writers", "{who} has since changed {fields} ({when})"),
    (False, True): QT_TRANSLATE_NOOP(
        "other_writers", "{who} has since changed {fields} (the last {when})"
    ),
    (True, False): QT_TRANSLATE_NOOP("other_writers", "{who} have since changed {fields} ({when})"),
    (True, True): QT_TRANSLATE_NOOP(
        "other_writers", "{who} have since changed {fields} (the last {when})"
    ),
}


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
        return translate("other_writers", "you (in another window)") if who == self._me else who

    def people(self) -> str:
        """All writers, named: "bob", "bob and carol"; "someone else" when unknown."""
        return joined([self.person(n) for n in self.names]) or translate(
            "other_writers", "someone else"
        )

    def their(self, *, heading: bool = False) -> str:
        """What their side is called: "bob's" when one other person saved it, else "the
        newer" (as a heading, "Newer")."""
        names = self.names
        if len(names) == 1 and names[0] != self._me:
            return translate("other_writers", "{name}'s").format(name=names[0])
        if heading:
            return translate("other_writers", "Newer")
        return translate("other_writers", "the newer")

    def when(self, at: str) -> str:
        """ "at 14:02 UTC" today, "on 2026-02-27 at 14:02 UTC" another day."""
        day, _, time = timestamp(at).partition(" ")
        if not time:  # not a timestamp: say it as it is
            return translate("other_writers", "at {time}").format(time=day)
        if day == self._today.isoformat():
            return translate("other_writers", "at {time}").format(time=time)
        return translate("other_writers", "on {day} at {time}").format(day=day, time=time)

    def summary(self) -> str:
        """Who saved the newer versions and when: "bob saved a newer version at 14:02 UTC",
        "bob and carol saved 3 newer versions, the last by carol at 14:05 UTC"."""
        if not self._entries:
            return translate("other_writers", "someone else saved a newer version")
        latest = self._entries[0]
        versions = len({e.version for e in self._entries})
        when = self.when(latest.at)
        if versions == 1:
            return translate("other_writers", "{people} saved a newer version {when}").format(
                people=self.people(), when=when
            )
        if len(self.names) > 1:
            return translate(
                "other_writers", "{people} saved {count} newer versions, the last by {who} {when}"
            ).format(people=self.people(), count=versions, who=self.person(latest.who), when=when)
        return translate(
            "other_writers", "{people} saved {count} newer versions, the last {when}"
        ).format(people=self.people(), count=versions, when=when)

    def last_change(self, field: str) -> AuditEntry | None:
        """The newest entry that changed ``field``, if any."""
        return next((e for e in self._entries if e.field == field), None)

    def changed_by(self, field: str) -> str:
        """Who last changed ``field`` and when: "carol at 14:05 UTC" ("" if unknown)."""
        entry = self.last_change(field)
        if entry is None:
            return ""
        return translate("other_writers", "{who} {when}").format(
            who=self.person(entry.who), when=self.when(entry.at)
        )

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
            clauses.append(
                translate("other_writers", "{fields} changed since").format(fields=joined(unknown))
            )
        return "; ".join(clauses)

    def _clause(self, who: str, entries: Sequence[AuditEntry]) -> str:
        labels = joined([domain_text(field_label(e.field)) for e in entries])
        latest = max(entries, key=lambda e: e.id)
        when = self.when(latest.at)
        key = (who == self._me, len(entries) > 1)
        text = _SINCE[key]
        return translate("other_writers", text).format(
            who=self.person(who), fields=labels, when=when
        )
