"""Hostile text through the services, the JSON interchange and the briefing (issue 6, point 6).

Generated strings — paragraph markup (``<b>``, ``<a href=...>``, ``<img src=...>``),
entities and ``&``, quotes, SQL and full-text metacharacters, control characters,
bidirectional overrides, zero-width characters, emoji, Greek, Cyrillic, CJK, Arabic,
lone surrogates, NUL, and a few megabyte-long strings — go into every free-text field.

Properties:

- text that cannot be stored exactly (a NUL, an unpaired surrogate) is refused with a
  clean one-line ``ValidationError`` and nothing is written;
- any other text comes back from ``get()`` exactly as typed, but for control
  characters (issue 19): those are stripped, CR LF and CR stored as LF; a free text
  keeps its line breaks and tabs, a one-line text has a space for each (``stored``,
  written here independently of ``tracker.domain.controls``); tags and organisation
  names are documented to be stripped. It survives export → file → import into a
  second database → export with identical JSON;
- a briefing over such engagements renders without an error.

Each test keeps one database for all its examples (new engagements per example) and
pushes many strings per example. ``TRACKER_HOSTILE_STRINGS`` (default 10,000) sets how
many strings the module tries in all; the last test checks that many were tried.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import os
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.domain import limits
from tracker.domain.errors import ValidationError
from tracker.domain.interchange import FORMAT
from tracker.domain.model import EngagementData, Filters, ScopeLimit
from tracker.domain.vocab import ScopeKind
from tracker.services import Tracker
from tracker.services.briefings import BriefingRequest, render_briefing
from tracker.services.files import dump_json, read_json, write_atomic

TARGET = int(os.environ.get("TRACKER_HOSTILE_STRINGS", "10000"))

# Strings pushed through the services, by test (the last test adds them up).
TRIED: Counter[str] = Counter()


def _examples(share: float, strings_per_example: int) -> int:
    """Examples for a test that should try ``share`` of the target number of strings."""
    return max(1, math.ceil(TARGET * share / strings_per_example))


def _settings(max_examples: int) -> Any:
    # derandomize: the same examples on every run, so CI cannot meet a new one by chance
    return settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# --- hostile text -----------------------------------------------------------------------

SAMPLES: tuple[str, ...] = (
    # paragraph markup and entities
    "<b>bold</b>",
    "<i>",
    '<a href="javascript:alert(1)">click</a>',
    "<a href=http://example.com/>",
    "<img src=/etc/passwd>",
    "<img src='http://example.com/x.png' width=9999/>",
    '<font name="Courier" color="red" size="200">big</font>',
    "<para><br/></para>",
    "<![CDATA[x]]>",
    "<script>alert('x')</script>",
    "&",
    "& &&",
    "&amp;",
    "&lt;b&gt;",
    "&#0;",
    "&#x202E;",
    "&nbsp;",
    "&unknown;",
    "<>",
    "a < b > c",
    # quotes, SQL and full-text metacharacters
    '"',
    "'",
    "`",
    '\\"',
    "\\",
    "'; DROP TABLE engagement; --",
    '" OR 1=1 --',
    "1; DELETE FROM engagement",
    "%",
    "_",
    "%_%",
    "*",
    '"unterminated',
    "NEAR(a b)",
    "title:x",
    "a AND b OR NOT c",
    "^",
    "-",
    "{x}",
    "?",
    ":1",
    "$1",
    # control characters and line breaks
    "\x01\x07\x08\x0b\x0c",
    "\x1b[31mred\x1b[0m",
    "\x7f\x80\x85\x9f",
    "\r\n",
    "\r",
    "\t",
    "\n\n\n",
    "line\nbreak",
    "\u2028\u2029",
    # bidirectional formatting, zero-width, non-characters
    "\u202e",
    "abc\u202edef",
    "\u202a\u202b\u202c\u202d",
    "\u2066\u2067\u2068\u2069",
    "\u200e\u200f\u061c",
    "\u200b",
    "\u200c\u200d",
    "\u2060",
    "\ufeff",
    "\ufffe\uffff",
    "\ufffd",
    # emoji and scripts
    "\U0001f600",
    "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466",
    "\U0001f1fa\U0001f1e6",
    "\U0001f3f3\ufe0f\u200d\U0001f308",
    "\U0001d11e",
    "\U0010ffff",
    "Ελληνικά",
    "Кириллица",
    "中文字符",
    "日本語のテキスト",
    "한국어",
    "العربية",
    "עברית",
    "हिन्दी",
    "ไทย",
    "e\u0301",
    "Z\u0335\u0321\u0322\u031b\u0353a\u0337l\u0336g\u0337o\u0338",
    "ß",
    "İ",
    "ﬃ",
    # blanks
    " ",
    "\u00a0",
    "\u3000",
)

# Text that cannot be stored exactly.
UNSTORABLE: tuple[str, ...] = ("\x00", "\ud800", "\udbff", "\udc00", "\udfff", "\ude00\ud83d")


def storable(text: str) -> bool:
    """Whether ``text`` can be stored exactly (no NUL, no surrogate code point)."""
    return "\x00" not in text and not any("\ud800" <= c <= "\udfff" for c in text)


# What is stored of a text: control characters (C0, DEL, C1) dropped; line breaks (CR LF,
# CR, LF) kept as LF with tabs in a free text, each a space in a one-line text.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def stored(text: str, *, free: bool) -> str:
    """``text`` as it is stored in a free text (``free``) or a one-line text."""
    text = _CONTROLS.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return text if free else text.replace("\n", " ").replace("\t", " ")


def line(text: str) -> str:
    return stored(text, free=False)


def free(text: str) -> str:
    return stored(text, free=True)


assert all(storable(s) for s in SAMPLES)
assert not any(storable(s) for s in UNSTORABLE)

_SPECIAL_CHARS = sorted(set("".join(SAMPLES)))

storable_text = st.one_of(
    st.sampled_from(SAMPLES),
    st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=30),
    st.text(st.sampled_from(_SPECIAL_CHARS), min_size=1, max_size=30),
    st.lists(st.sampled_from(SAMPLES), min_size=2, max_size=5).map("".join),
)
nonblank_text = storable_text.filter(lambda s: bool(line(s).strip()))


@st.composite
def unstorable_text(draw: st.DrawFn) -> str:
    """Storable text with a NUL or an unpaired surrogate put in somewhere."""
    text = draw(storable_text)
    bad = draw(st.sampled_from(UNSTORABLE))
    at = draw(st.integers(0, len(text)))
    return text[:at] + bad + text[at:]


any_text = st.one_of(storable_text, unstorable_text())


# --- engagements carrying the strings ------------------------------------------------------

SLOTS = 20
TAG_SLOTS = (4, 5)
REQUIRED_SLOTS = (0, 4, 5, 6, 7, 8, 9, 10)


def engagement(s: Sequence[str]) -> dict[str, Any]:
    """An interchange-format engagement with the 20 strings in its free-text fields."""
    return {
        "title": s[0],
        "vendor": "Hostile Vendor",
        "counterpart": "Hostile Counterpart",
        "status": "agreed",
        "summary": s[1],
        "owner": s[2],
        "next_step": s[3],
        "tags": [s[4], s[5]],
        "scope_limits": [
            {"kind": "network", "text": s[6]},
            {"kind": "data", "text": s[7]},
            {"kind": "use", "text": s[8]},
        ],
        "concerns": [
            {"kind": "legal", "text": s[9]},
            {"kind": "other", "text": s[10], "severity": "high"},
        ],
        "sources": [{"outlet": s[11], "title": s[12], "url": s[13]}],
        "clarifications": [
            {
                "original_by": s[14],
                "original": s[15],
                "clarified_by": s[16],
                "clarification": s[17],
            }
        ],
        "status_history": [{"status": "agreed", "note": s[18], "source": s[19]}],
    }


def texts(data: EngagementData) -> list[str]:
    """The free texts of ``engagement()`` back from stored data, tags left out."""
    (source,) = data.sources
    (clarification,) = data.clarifications
    (event,) = data.status_history
    return [
        data.title,
        data.summary,
        data.owner,
        data.next_step,
        *(limit.text for limit in data.scope_limits),
        *(concern.text for concern in data.concerns),
        source.outlet,
        source.title,
        source.url,
        clarification.original_by,
        clarification.original,
        clarification.clarified_by,
        clarification.clarification,
        event.note,
        event.source,
    ]


# The slots of ``engagement()`` that are free texts (summary, scope limits, concerns, the
# clarification's statements, the status event's note); the others are one-line texts.
FREE_SLOTS = (1, 6, 7, 8, 9, 10, 15, 17, 18)


def expected_texts(s: Sequence[str]) -> list[str]:
    return [stored(text, free=i in FREE_SLOTS) for i, text in enumerate(s) if i not in TAG_SLOTS]


def expected_tags(tags: Sequence[str]) -> tuple[str, ...]:
    """Tags are stored stripped, each once."""
    return tuple(dict.fromkeys(line(tag).strip() for tag in tags))


def total(tracker: Tracker) -> int:
    return tracker.count() + tracker.count(filters=Filters(trash=True))


def assert_clean_error(exc: ValidationError) -> None:
    """A refusal is one printable line of sensible length."""
    message = str(exc)
    message.encode("utf-8")
    assert "\x00" not in message
    assert "\n" not in message and "\r" not in message
    assert len(message) < 1000


_uids = itertools.count()


def new_uid(prefix: str) -> str:
    return f"{prefix}-{next(_uids)}"


# --- databases: one per test, kept for all its examples --------------------------------------


def _open(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Tracker]:
    path = tmp_path_factory.mktemp(name) / "tracker.db"
    tracker = Tracker.open(f"sqlite:///{path}", user="hostile")
    yield tracker
    assert tracker.check().problems == ()
    tracker.close()


@pytest.fixture(scope="module")
def create_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tracker]:
    yield from _open(tmp_path_factory, "create")


@pytest.fixture(scope="module")
def refuse_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tracker]:
    yield from _open(tmp_path_factory, "refuse")


@pytest.fixture(scope="module")
def json_source(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tracker]:
    yield from _open(tmp_path_factory, "source")


@pytest.fixture(scope="module")
def json_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tracker]:
    yield from _open(tmp_path_factory, "target")


@pytest.fixture(scope="module")
def brief_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tracker]:
    yield from _open(tmp_path_factory, "brief")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("files")


# --- create, get, update, search ---------------------------------------------------------------


@_settings(_examples(0.45, SLOTS))
@given(strings=st.lists(storable_text, min_size=SLOTS, max_size=SLOTS))
def test_create_and_update_keep_hostile_text_exactly(
    create_db: Tracker, strings: list[str]
) -> None:
    TRIED["create"] += len(strings)
    tracker = create_db
    before = total(tracker)
    if not all(stored(strings[i], free=i in FREE_SLOTS).strip() for i in REQUIRED_SLOTS):
        # A blank title, tag, scope limit or concern: refused, nothing written.
        with pytest.raises(ValidationError) as refused:
            tracker.create(data=engagement(strings))
        assert_clean_error(refused.value)
        assert total(tracker) == before
        return

    created = tracker.create(data=engagement(strings)).engagement
    assert total(tracker) == before + 1
    got = tracker.get(engagement_id=created.id)
    assert texts(got.data) == expected_texts(strings)
    assert got.data.tags == expected_tags([strings[i] for i in TAG_SLOTS])
    assert got.data == created.data

    changes = {"summary": strings[0], "owner": strings[19], "next_step": strings[18]}
    updated = tracker.update(
        engagement_id=created.id, expected_version=created.version, changes=changes
    ).engagement
    again = tracker.get(engagement_id=created.id)
    assert again == updated
    assert (again.data.summary, again.data.owner, again.data.next_step) == (
        free(strings[0]),
        line(strings[19]),
        line(strings[18]),
    )
    tracker.history(engagement_id=created.id)

    # The edit form saves whole data; a refusal names the (hostile) title on one line.
    saved = tracker.save(
        engagement_id=created.id,
        expected_version=again.version,
        data=dataclasses.replace(again.data, summary=strings[1], owner=strings[2]),
    ).engagement
    assert (saved.data.summary, saved.data.owner) == (free(strings[1]), line(strings[2]))
    assert tracker.get(engagement_id=created.id) == saved
    blank = ScopeLimit(kind=ScopeKind.NETWORK, text=" ")
    with pytest.raises(ValidationError) as refused:
        tracker.save(
            engagement_id=created.id,
            expected_version=saved.version,
            data=dataclasses.replace(saved.data, scope_limits=(blank,)),
        )
    assert_clean_error(refused.value)
    assert tracker.get(engagement_id=created.id) == saved

    # Full-text search with the hostile text as the query: results or a clean refusal.
    for query in (strings[0], strings[1]):
        try:
            tracker.list_ids(filters=Filters(search=query))
        except ValidationError as exc:
            assert_clean_error(exc)


# --- refusals: nothing written -----------------------------------------------------------------


@_settings(_examples(0.10, SLOTS))
@given(
    strings=st.lists(nonblank_text, min_size=SLOTS, max_size=SLOTS),
    bad=unstorable_text(),
    slot=st.integers(0, SLOTS - 1),
    way=st.sampled_from(["create", "update", "import"]),
)
def test_unstorable_text_is_refused_and_nothing_is_written(
    refuse_db: Tracker, strings: list[str], bad: str, slot: int, way: str
) -> None:
    TRIED["refuse"] += len(strings) + 1
    tracker = refuse_db
    if not total(tracker):
        tracker.create(data=engagement(["base"] * SLOTS))
    (base_id,) = tracker.list_ids()
    base = tracker.get(engagement_id=base_id)
    before = total(tracker)
    strings[slot] = bad
    with pytest.raises(ValidationError) as refused:
        if way == "create":
            tracker.create(data=engagement(strings))
        elif way == "update":
            changes = {k: v for k, v in engagement(strings).items() if k != "status"}
            tracker.update(engagement_id=base_id, expected_version=base.version, changes=changes)
        else:
            good = [engagement(strings[:slot] + strings[slot + 1 :] + ["x"]) for _ in range(3)]
            document = {"format": FORMAT, "engagements": [*good, engagement(strings)]}
            tracker.import_document(document=document)
    assert_clean_error(refused.value)
    assert total(tracker) == before
    assert tracker.get(engagement_id=base_id) == base


# --- JSON export → file → import into a second database → export --------------------------------

PER_ENGAGEMENT = 5
JSON_ENGAGEMENTS = 20


def small_engagement(uid: str, s: Sequence[str]) -> dict[str, Any]:
    """Title, summary, owner, a tag and a scope limit from ``s``."""
    return {
        "id": uid,
        "title": s[0],
        "vendor": "Hostile Vendor",
        "counterpart": "Hostile Counterpart",
        "status": "active",
        "summary": s[1],
        "owner": s[2],
        "tags": [s[3]],
        "scope_limits": [{"kind": "hosting", "text": s[4]}],
    }


small_strings = st.tuples(nonblank_text, storable_text, storable_text, nonblank_text, nonblank_text)


@_settings(_examples(0.45, PER_ENGAGEMENT * JSON_ENGAGEMENTS))
@given(
    batch=st.lists(small_strings, min_size=JSON_ENGAGEMENTS, max_size=JSON_ENGAGEMENTS),
)
def test_json_round_trip_is_exact(
    json_source: Tracker, json_target: Tracker, files: Path, batch: list[tuple[str, ...]]
) -> None:
    TRIED["json"] += sum(len(s) for s in batch)
    uids = [new_uid("json") for _ in batch]
    document = {
        "format": FORMAT,
        "engagements": [small_engagement(u, s) for u, s in zip(uids, batch, strict=True)],
    }
    result = json_source.import_document(document=document)
    assert result.created == len(batch)

    ids = tuple(json_source.get(engagement_id=u).id for u in uids)
    exported = json_source.export_document(filters=Filters(ids=ids))
    got = exported["engagements"]
    assert [e["id"] for e in got] == uids
    for e, s in zip(got, batch, strict=True):
        assert (e["title"], e["summary"], e["owner"]) == (line(s[0]), free(s[1]), line(s[2]))
        assert e["tags"] == [line(s[3]).strip()]
        assert e["scope_limits"] == [{"kind": "hosting", "text": free(s[4])}]

    path = files / f"{uids[0]}.json"
    write_atomic(path, dump_json(exported))
    read_back = read_json(path)
    assert read_back == exported
    assert json_target.import_document(document=read_back).created == len(batch)
    target_ids = tuple(json_target.get(engagement_id=u).id for u in uids)
    assert dump_json(json_target.export_document(filters=Filters(ids=target_ids))) == dump_json(
        exported
    )
    # Importing the same file again changes nothing.
    assert json_target.import_document(document=read_back).unchanged == len(batch)


# --- briefings -----------------------------------------------------------------------------------

BRIEF_ENGAGEMENTS = 20


@_settings(5)
@given(
    batch=st.lists(small_strings, min_size=BRIEF_ENGAGEMENTS, max_size=BRIEF_ENGAGEMENTS),
    title=any_text,
    author=any_text,
    organisation=any_text,
)
def test_briefing_renders_hostile_text(
    brief_db: Tracker, batch: list[tuple[str, ...]], title: str, author: str, organisation: str
) -> None:
    TRIED["brief"] += sum(len(s) for s in batch) + 3
    uids = [new_uid("brief") for _ in batch]
    document = {
        "format": FORMAT,
        "engagements": [small_engagement(u, s) for u, s in zip(uids, batch, strict=True)],
    }
    brief_db.import_document(document=document)
    ids = tuple(brief_db.get(engagement_id=u).id for u in uids)
    request = BriefingRequest(
        filters=Filters(ids=ids), title=title, author=author, organisation=organisation
    )
    try:
        pdf, count = render_briefing(brief_db, request)
    except ValidationError as exc:
        # Only text that cannot be stored may be refused.
        assert not all(storable(t) for t in (title, author, organisation))
        assert_clean_error(exc)
        return
    assert pdf.startswith(b"%PDF") and count == len(batch)
    # Short plain summaries (markup, quotes, Latin, Greek, Cyrillic) print literally.
    plain = [s[1] for s in batch if s[1].strip() and len(s[1]) <= 60 and printable_plain(s[1])]
    if plain and shutil.which("pdftotext"):
        # poppler, with a time limit: pypdf's extraction can take minutes on some pages
        extracted = subprocess.run(
            ["pdftotext", "-q", "-", "-"], input=pdf, capture_output=True, timeout=60, check=True
        ).stdout.decode("utf-8")
        text = squash(extracted)
        for summary in plain:
            assert squash(summary) in text


def printable_plain(text: str) -> bool:
    """Printable ASCII, Greek and Cyrillic only: text a reader extracts exactly."""
    return all(" " <= c <= "~" or "\u0370" <= c <= "\u04ff" for c in text)


def squash(text: str) -> str:
    return "".join(text.split())


# --- megabyte strings ----------------------------------------------------------------------------

MEGABYTE = 1_000_000


def _megabyte(piece: str) -> str:
    return (piece * (MEGABYTE // len(piece) + 1))[:MEGABYTE]


HUGE = (
    _megabyte('<b>&amp; \'; DROP TABLE engagement; -- "x" <img src=/etc/passwd>\n'),
    _megabyte("中文字符 \U0001f600 Ελληνικά \u202e Кириллица العربية\u200b\u2066 "),
    _megabyte("x"),
    _megabyte("\x01\x1b\x7f\x85\r\n\t\u2028\ufeff a"),
)


def test_megabyte_strings_round_trip(tmp_path_factory: pytest.TempPathFactory, files: Path) -> None:
    TRIED["huge"] += len(HUGE) + 1
    base = tmp_path_factory.mktemp("huge")
    source = Tracker.open(f"sqlite:///{base / 'source.db'}", user="hostile")
    target = Tracker.open(f"sqlite:///{base / 'target.db'}", user="hostile")
    try:
        # Free texts of a megabyte (their limit); one-line texts at theirs (issue 19).
        short = [text[: limits.LINE] for text in HUGE]
        data = {
            "title": short[0],
            "vendor": "Hostile Vendor",
            "counterpart": "Hostile Counterpart",
            "status": "agreed",
            "summary": HUGE[1],
            "owner": short[3],
            "tags": [short[2]],
            "scope_limits": [{"kind": "use", "text": HUGE[3]}],
            "concerns": [{"kind": "legal", "text": HUGE[0]}],
        }
        created = source.create(data=data).engagement
        got = source.get(engagement_id=created.id).data
        assert (got.title, got.summary, got.owner) == (line(short[0]), HUGE[1], line(short[3]))
        assert got.tags == (short[2],)
        assert got.scope_limits[0].text == free(HUGE[3])
        assert got.concerns[0].text == HUGE[0]

        with pytest.raises(ValidationError) as refused:
            source.create(data={**data, "summary": HUGE[1] + "\x00"})
        assert_clean_error(refused.value)
        assert total(source) == 1

        exported = source.export_document()
        path = files / "huge.json"
        write_atomic(path, dump_json(exported))
        target.import_document(document=read_json(path))
        assert dump_json(target.export_document()) == dump_json(exported)
        assert source.check().problems == () and target.check().problems == ()
    finally:
        source.close()
        target.close()


# --- the budget ----------------------------------------------------------------------------------


def test_enough_strings_were_tried() -> None:
    """Runs last: the module as a whole tried at least ``TRACKER_HOSTILE_STRINGS`` strings."""
    if set(TRIED) != {"create", "refuse", "json", "brief", "huge"}:
        pytest.skip("only part of the module ran")
    assert sum(TRIED.values()) >= TARGET, dict(TRIED)
