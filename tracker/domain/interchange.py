"""The JSON interchange format (``engagement-tracker/2``, reading ``/1`` too):
validation and rendering.

``data_from_json`` turns one engagement object of a file into ``EngagementData``,
refusing unknown keys, wrong types, unknown vocabulary words, disallowed markings
and anything over a limit (``tracker.domain.limits``) with a ``ValidationError``
that names the engagement and the field; control characters are stripped from its
texts (``tracker.domain.controls``). ``data_to_json`` (written in
``tracker.domain.interchange_json``) is its exact inverse for canonical data, so that
export → import → export gives identical files.

Version 2 adds top-level parts (organisations, the restriction catalogue) that their
own modules read, as ``tracker.services.views`` reads the saved views; a version 1 file
may hold none of them, and is read as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from tracker.domain import limits
from tracker.domain.controls import clean, has_controls
from tracker.domain.date_parser import parse_partial_date
from tracker.domain.dates import DateParseError, PartialDate
from tracker.domain.errors import ValidationError
from tracker.domain.fields import CHILDREN_BY_KEY, ENGAGEMENT_FIELDS, REQUIRED_KEYS
from tracker.domain.interchange_json import data_to_json as data_to_json
from tracker.domain.interchange_json import field_json as field_json
from tracker.domain.interchange_json import restrictions_json as restrictions_json
from tracker.domain.markings import check_marking
from tracker.domain.messages import escaped as _escaped
from tracker.domain.messages import quoted as quoted
from tracker.domain.messages import record_label as record_label
from tracker.domain.model import (
    Clarification,
    Concern,
    EngagementData,
    EngagementLink,
    RestrictionStance,
    ScopeLimit,
    Source,
    StatusEvent,
)
from tracker.domain.vocab import (
    ConcernKind,
    Confidence,
    LinkKind,
    Region,
    ScopeKind,
    Severity,
    Stance,
    Status,
    Vocabulary,
)

FORMAT_V1 = "engagement-tracker/1"
FORMAT = "engagement-tracker/2"  # what exports write
# The top-level keys each format version may hold.
TOP_LEVEL_KEYS: dict[str, tuple[str, ...]] = {
    FORMAT_V1: ("format", "engagements", "views"),
    FORMAT: ("format", "engagements", "views", "organisations", "restrictions"),
}
READ_FORMATS: tuple[str, ...] = tuple(TOP_LEVEL_KEYS)

# The keys of an engagement object: its stable id, then every field in documented order.
ENGAGEMENT_KEYS: tuple[str, ...] = ("id", *(f.key for f in ENGAGEMENT_FIELDS))

V = TypeVar("V", bound=Vocabulary)
T = TypeVar("T")


def check_text(value: str) -> str:
    """Refuse text that cannot be stored exactly: NUL and unpaired surrogates."""
    if "\x00" in value:
        raise ValueError("contains a NUL character, which cannot be stored")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("contains characters that are not valid Unicode text") from exc
    return value


def too_long(length: int, limit: int) -> str:
    """The reason a text of ``length`` characters over ``limit`` is refused."""
    return f"is {length:,} characters long; at most {limit:,} are allowed"


# Words already parsed, per vocabulary: a file repeats the same few spellings
# thousands of times, and ``Vocabulary.parse`` tries every member's folded forms.
_VOCAB_MEMO: dict[type[Vocabulary], dict[str, Vocabulary]] = {}
_VOCAB_MEMO_LIMIT = 256


_TEXT_LIMITS = limits.TEXT_LIMITS
# The keys a child record of each list may carry (``ChildKind.keys``, made once).
_CHILD_KEYS = {key: kind.keys for key, kind in CHILDREN_BY_KEY.items()}


class _Reader:
    """Reads one engagement object, naming the record in every error; counts its text
    against the engagement's limit (``limits.ENGAGEMENT``)."""

    def __init__(self, label: str, allowed_markings: Sequence[str], default_marking: str) -> None:
        self.label = label
        self.allowed_markings = allowed_markings
        self.default_marking = default_marking
        self.characters = 0

    def fail(self, field: str, message: str) -> ValidationError:
        return ValidationError(_escaped(message), record=self.label, field=field)

    def obj(self, value: object, field: str, keys: frozenset[str]) -> Mapping[str, Any]:
        if type(value) is not dict and not isinstance(value, Mapping):
            raise self.fail(field, f"must be an object, not {_type_name(value)}")
        if keys.issuperset(value):
            return value
        for key in value:
            if key not in keys:
                raise self.fail(f"{field}.{key}" if field else str(key), "unknown field")
        return value

    def text(self, value: object, field: str, key: str, *, required: bool = False) -> str:
        """The text ``value`` of ``field`` (``key``: its key without list positions, for
        its limit), control characters stripped."""
        if type(value) is str and value.isascii() and value.isprintable():
            pass  # the common case: no NUL, no control character to strip
        elif value is None:
            if required:
                raise self.fail(field, "is required")
            return ""
        elif not isinstance(value, str):
            raise self.fail(field, f"must be text, not {_type_name(value)}")
        else:
            value = self._cleaned(value, field, key)
        if required and not value.strip():
            raise self.fail(field, "must not be empty")
        self.characters += len(value)
        if len(value) > _TEXT_LIMITS[key] or self.characters > limits.ENGAGEMENT:
            raise self._over(len(value), field, _TEXT_LIMITS[key])
        return value

    def _cleaned(self, value: str, field: str, key: str) -> str:
        try:
            check_text(value)
        except ValueError as exc:
            raise self.fail(field, str(exc)) from None
        return clean(value, multiline=key in limits.FREE_TEXT)

    def _over(self, length: int, field: str, limit: int) -> ValidationError:
        """The refusal of a text over its ``limit``, or over the engagement's own."""
        if length > limit:
            return self.fail(field, too_long(length, limit))
        return self.fail(
            field,
            f"takes the engagement to {self.characters:,} characters of text; "
            f"at most {limits.ENGAGEMENT:,} are allowed in one engagement",
        )

    def column(self, o: Mapping[str, Any], where: str, key: str, *, required: bool = False) -> str:
        """The text of child column ``key`` ("concerns.text") of record ``o`` at ``where``."""
        name = key.partition(".")[2]
        return self.text(o.get(name), f"{where}.{name}", key, required=required)

    def word(self, value: object, field: str) -> str | None:
        """A vocabulary word, marking or date as text (None when not given)."""
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise self.fail(field, f"must be text, not {_type_name(value)}")
        if len(value) > limits.WORD:
            raise self.fail(field, too_long(len(value), limits.WORD))
        return value

    def vocab(self, cls: type[V], value: object, field: str) -> V:
        word = self.word(value, field)
        if word is None:
            raise self.fail(field, "is required")
        known = _VOCAB_MEMO.setdefault(cls, {})
        found = known.get(word)
        if isinstance(found, cls):
            return found
        try:
            parsed = cls.parse(word)
        except ValueError as exc:
            raise self.fail(field, str(exc)) from None
        if len(known) < _VOCAB_MEMO_LIMIT:
            known[word] = parsed
        return parsed

    def optional_vocab(self, cls: type[V], value: object, field: str) -> V | None:
        if value is None or value == "":
            return None
        return self.vocab(cls, value, field)

    def date(self, value: object, field: str) -> PartialDate | None:
        if value is not None and not isinstance(value, str):
            raise self.fail(field, f"must be a partial date as text, not {_type_name(value)}")
        word = self.word(value, field)
        if word is None:
            return None
        try:
            return parse_partial_date(word)
        except DateParseError as exc:
            raise self.fail(field, str(exc)) from None

    def marking(self, value: object, field: str) -> str:
        word = self.word(value, field)
        if word is None:
            return self.default_marking
        try:
            return check_marking(word, self.allowed_markings)
        except ValueError as exc:
            raise self.fail(field, str(exc)) from None

    def items(
        self,
        value: object,
        field: str,
        build: Callable[[Mapping[str, Any], str], T],
    ) -> tuple[T, ...]:
        """The child records of list ``field``, each checked for the keys of its kind."""
        kind = CHILDREN_BY_KEY[field]
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(field, f"must be a list, not {_type_name(value)}")
        if len(value) > limits.CHILD_RECORDS:
            raise self.fail(
                field,
                f"has {len(value):,} records; at most {limits.CHILD_RECORDS:,} {kind.noun}s "
                "are allowed",
            )
        keys = _CHILD_KEYS[field]
        out: list[T] = []
        for i, item in enumerate(value):
            where = f"{field}[{i}]"
            out.append(build(self.obj(item, where, keys), where))
        return tuple(out)

    def tags(self, value: object) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail("tags", f"must be a list of text, not {_type_name(value)}")
        if len(value) > limits.TAGS:
            raise self.fail("tags", f"has {len(value):,} tags; at most {limits.TAGS:,} are allowed")
        seen: dict[str, None] = {}
        for i, tag in enumerate(value):
            name = self.text(tag, f"tags[{i}]", "tags", required=True).strip()
            seen.setdefault(name, None)
        return tuple(seen)

    # -- children -------------------------------------------------------------

    def scope_limit(self, o: Mapping[str, Any], where: str) -> ScopeLimit:
        return ScopeLimit(
            kind=self.vocab(ScopeKind, o.get("kind"), f"{where}.kind"),
            text=self.column(o, where, "scope_limits.text", required=True),
        )

    def restriction(self, o: Mapping[str, Any], where: str) -> RestrictionStance:
        code = self.column(o, where, "restrictions.code", required=True).strip()
        return RestrictionStance(
            code=code,
            title=self.column(o, where, "restrictions.title").strip() or code,
            stance=self.vocab(Stance, o.get("stance"), f"{where}.stance"),
            note=self.column(o, where, "restrictions.note"),
        )

    def clarification(self, o: Mapping[str, Any], where: str) -> Clarification:
        return Clarification(
            original_by=self.column(o, where, "clarifications.original_by"),
            original_on=self.date(o.get("original_on"), f"{where}.original_on"),
            original=self.column(o, where, "clarifications.original"),
            clarified_by=self.column(o, where, "clarifications.clarified_by"),
            clarified_on=self.date(o.get("clarified_on"), f"{where}.clarified_on"),
            clarification=self.column(o, where, "clarifications.clarification"),
            source=self.column(o, where, "clarifications.source"),
        )

    def status_event(self, o: Mapping[str, Any], where: str) -> StatusEvent:
        return StatusEvent(
            status=self.vocab(Status, o.get("status"), f"{where}.status"),
            on=self.date(o.get("on"), f"{where}.on"),
            note=self.column(o, where, "status_history.note"),
            source=self.column(o, where, "status_history.source"),
        )

    def source(self, o: Mapping[str, Any], where: str) -> Source:
        return Source(
            outlet=self.column(o, where, "sources.outlet"),
            title=self.column(o, where, "sources.title"),
            url=self.column(o, where, "sources.url"),
            published=self.date(o.get("published"), f"{where}.published"),
        )

    def concern(self, o: Mapping[str, Any], where: str) -> Concern:
        return Concern(
            kind=self.vocab(ConcernKind, o.get("kind"), f"{where}.kind"),
            text=self.column(o, where, "concerns.text", required=True),
            severity=self.optional_vocab(Severity, o.get("severity"), f"{where}.severity"),
        )

    def link(self, o: Mapping[str, Any], where: str) -> EngagementLink:
        to = o.get("to")
        _check_id(self, to, f"{where}.to", required=True)
        return EngagementLink(
            to=str(to).strip(),
            kind=self.vocab(LinkKind, o.get("kind"), f"{where}.kind"),
            on=self.date(o.get("on"), f"{where}.on"),
            note=self.column(o, where, "links.note"),
        )


_ENGAGEMENT_KEYSET = frozenset(ENGAGEMENT_KEYS)


def data_from_json(
    obj: object,
    *,
    label: str,
    allowed_markings: Sequence[str],
    default_marking: str,
) -> EngagementData:
    """Validate one engagement object; ValidationError names ``label`` and the field."""
    r = _Reader(label, allowed_markings, default_marking)
    o = r.obj(obj, "", _ENGAGEMENT_KEYSET)
    for key in REQUIRED_KEYS:
        if key not in o:
            raise r.fail(key, "is required")
    _check_id(r, o.get("id"))
    return EngagementData(
        title=r.text(o.get("title"), "title", "title", required=True),
        vendor=r.text(o.get("vendor"), "vendor", "vendor", required=True).strip(),
        counterpart=r.text(
            o.get("counterpart"), "counterpart", "counterpart", required=True
        ).strip(),
        status=r.vocab(Status, o.get("status"), "status"),
        region=r.optional_vocab(Region, o.get("region"), "region"),
        confidence=r.optional_vocab(Confidence, o.get("confidence"), "confidence"),
        marking=r.marking(o.get("marking"), "marking"),
        summary=r.text(o.get("summary"), "summary", "summary"),
        started=r.date(o.get("started"), "started"),
        follow_up=r.date(o.get("follow_up"), "follow_up"),
        next_step=r.text(o.get("next_step"), "next_step", "next_step"),
        owner=r.text(o.get("owner"), "owner", "owner"),
        tags=r.tags(o.get("tags")),
        scope_limits=r.items(o.get("scope_limits"), "scope_limits", r.scope_limit),
        restrictions=_unique(
            r,
            r.items(o.get("restrictions"), "restrictions", r.restriction),
            "restrictions[{i}].code",
            lambda c: c.code,
            lambda c: f'restriction "{c.code}"',
        ),
        clarifications=r.items(o.get("clarifications"), "clarifications", r.clarification),
        status_history=r.items(o.get("status_history"), "status_history", r.status_event),
        sources=r.items(o.get("sources"), "sources", r.source),
        concerns=r.items(o.get("concerns"), "concerns", r.concern),
        links=_unique(
            r,
            r.items(o.get("links"), "links", r.link),
            "links[{i}]",
            lambda k: (k.to, k.kind),
            lambda k: f"the link to {quoted(k.to)} as {k.kind.value}",
        ),
    )


def _check_id(r: _Reader, uid: object, field: str = "id", *, required: bool = False) -> None:
    """A stable id is one line of text, stored exactly: controls are refused, not stripped."""
    if uid is None and not required:
        return
    if not isinstance(uid, str) or not uid.strip():
        raise r.fail(field, "must be non-empty text")
    if len(uid) > limits.LINE:
        raise r.fail(field, too_long(len(uid), limits.LINE))
    if has_controls(uid):
        raise r.fail(field, "must not contain control characters or line breaks")


def _unique(
    r: _Reader,
    items: tuple[T, ...],
    field: str,
    key: Callable[[T], object],
    what: Callable[[T], str],
) -> tuple[T, ...]:
    """``items`` once each by ``key``; the second of two alike is refused, ``what`` it is."""
    seen: set[object] = set()
    for i, item in enumerate(items):
        if key(item) in seen:
            raise r.fail(field.format(i=i), f"{what(item)} is listed twice")
        seen.add(key(item))
    return items


def document_engagements(document: object) -> list[object]:
    """The engagement list of a whole file, after checking its format marker."""
    if not isinstance(document, Mapping):
        raise ValidationError("the file must hold a JSON object", field="format")
    version = document.get("format")
    if not isinstance(version, str) or version not in TOP_LEVEL_KEYS:
        allowed = " or ".join(f'"{f}"' for f in READ_FORMATS)
        raise ValidationError(f"must be {allowed}, not {version!r}", field="format")
    for key in document:
        if key not in TOP_LEVEL_KEYS[version]:
            raise ValidationError("unknown field at the top of the file", field=str(key))
    items = document.get("engagements")
    if not isinstance(items, list):
        raise ValidationError("must be a list", field="engagements")
    return items


def _type_name(value: object) -> str:
    names = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list"}
    if value is None:
        return "null"
    if isinstance(value, Mapping):
        return "an object"
    return names.get(type(value), type(value).__name__)
