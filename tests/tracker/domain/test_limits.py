"""The limits (``tracker.domain.limits``) as validation, JSON and CSV reading apply them
(issue 19, point 4): at its limit a value is taken, one character over it is refused
with one line naming the record and the field; a file nested deeper than the parser
follows, a 5,000-digit number and a CSV cell over the ``csv`` module's 131,072
characters are each one line instead of a traceback."""

from __future__ import annotations

import csv
from typing import Any

import pytest

from tracker.domain import limits
from tracker.domain.errors import ValidationError
from tracker.domain.fields import CHILD_KINDS, ENGAGEMENT_FIELDS
from tracker.domain.flatfile import from_csv, to_csv
from tracker.domain.interchange import FORMAT, data_from_json
from tracker.domain.jsonfile import parse_file, parse_json
from tracker.domain.markings import DEFAULT_MARKINGS

LABEL = 'engagement #3 "Big"'


def base() -> dict[str, Any]:
    return {"title": "Big", "vendor": "V", "counterpart": "C", "status": "agreed"}


def validate(obj: dict[str, Any]) -> Any:
    return data_from_json(
        obj, label=LABEL, allowed_markings=DEFAULT_MARKINGS, default_marking="PUBLIC"
    )


def refused(obj: dict[str, Any]) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        validate(obj)
    message = str(info.value)
    assert "\n" not in message and len(message) < 300, message
    assert message.startswith(LABEL), message
    return info.value


def test_every_text_has_a_limit_and_the_free_texts_are_texts() -> None:
    keys = {f.key for f in ENGAGEMENT_FIELDS if f.kind in ("text", "multiline", "name", "code")}
    keys |= {
        f"{kind.key}.{column.key}"
        for kind in CHILD_KINDS
        for column in kind.columns
        if column.kind in ("text", "code")
    }
    assert set(limits.TEXT_LIMITS) == keys | {"tags"}
    assert keys >= limits.FREE_TEXT
    assert {k for k, v in limits.TEXT_LIMITS.items() if v == limits.TEXT} == limits.FREE_TEXT
    assert limits.TEXT_LIMITS["title"] == limits.LINE == 1_000
    assert limits.TEXT_LIMITS["summary"] == limits.TEXT == 1_000_000


# Where each text goes in an engagement object, by its key in TEXT_LIMITS.
def placed(key: str, value: str) -> tuple[dict[str, Any], str]:
    """An engagement holding ``value`` in the text ``key``, and the field's path."""
    obj = base()
    name, _, column = key.partition(".")
    if name == "tags":
        obj["tags"] = [value]
        return obj, "tags[0]"
    if not column:
        obj[name] = value
        return obj, name
    child = {"scope_limits": {"kind": "use"}, "concerns": {"kind": "legal"}}.get(name, {})
    child = {**child, column: value}
    if name == "restrictions":
        child = {"code": "c", "stance": "agreed", **child}
    if name == "status_history":
        child = {"status": "agreed", **child}
    if name == "links":
        child = {"to": "other", "kind": "related", **child}
    obj[name] = [child]
    return obj, f"{name}[0].{column}"


@pytest.mark.parametrize("key", sorted(limits.TEXT_LIMITS))
def test_a_text_at_its_limit_is_taken_and_one_over_is_refused(key: str) -> None:
    limit = limits.TEXT_LIMITS[key]
    obj, path = placed(key, "y" * limit)
    validate(obj)
    obj, path = placed(key, "y" * (limit + 1))
    error = refused(obj)
    assert error.field == path
    assert f"is {limit + 1:,} characters long; at most {limit:,} are allowed" in str(error)


def test_control_characters_do_not_count_against_a_limit() -> None:
    summary = "\x1b" * 10 + "y" * limits.TEXT
    assert validate({**base(), "summary": summary}).summary == "y" * limits.TEXT


def test_the_engagement_as_a_whole_has_a_limit() -> None:
    required = len("Big") + len("V") + len("C")
    rest = limits.ENGAGEMENT - 2 * limits.TEXT - required
    obj = {**base(), "summary": "s" * limits.TEXT}
    obj["concerns"] = [
        {"kind": "legal", "text": t * n} for t, n in (("c", limits.TEXT), ("d", rest))
    ]
    validate(obj)  # exactly at the limit
    obj["concerns"].append({"kind": "legal", "text": "!"})
    error = refused(obj)
    assert error.field == "concerns[2].text"
    assert (
        f"takes the engagement to {limits.ENGAGEMENT + 1:,} characters of text; "
        f"at most {limits.ENGAGEMENT:,} are allowed in one engagement"
    ) in str(error)


# The smallest valid record of each child list.
RECORDS: dict[str, dict[str, str]] = {
    "scope_limits": {"kind": "use", "text": "x"},
    "restrictions": {"code": "c", "stance": "agreed"},
    "clarifications": {"original": "x"},
    "status_history": {"status": "agreed"},
    "sources": {"outlet": "x"},
    "concerns": {"kind": "legal", "text": "x"},
    "links": {"to": "x", "kind": "related"},
}


@pytest.mark.parametrize("kind", [k.key for k in CHILD_KINDS])
def test_a_child_list_has_a_limit(kind: str) -> None:
    # (restriction codes and links differ: one listed twice is refused for its own reason)
    items = [{**RECORDS[kind], "code": f"c{i}"} for i in range(limits.CHILD_RECORDS + 1)]
    if kind == "links":
        items = [{**RECORDS[kind], "to": f"e{i}"} for i in range(limits.CHILD_RECORDS + 1)]
    elif kind != "restrictions":
        items = [RECORDS[kind]] * (limits.CHILD_RECORDS + 1)
    validate({**base(), kind: items[:-1]})
    error = refused({**base(), kind: items})
    assert error.field == kind
    assert f"has {limits.CHILD_RECORDS + 1:,} records; at most {limits.CHILD_RECORDS:,}" in str(
        error
    )


def test_tags_have_a_limit() -> None:
    tags = [f"t{i}" for i in range(limits.TAGS)]
    validate({**base(), "tags": tags})
    error = refused({**base(), "tags": [*tags, "one more"]})
    assert error.field == "tags" and f"at most {limits.TAGS}" in str(error)


@pytest.mark.parametrize("field", ["status", "region", "marking", "started", "follow_up"])
def test_a_word_has_a_limit_and_is_not_quoted_in_full(field: str) -> None:
    error = refused({**base(), field: "w" * (limits.WORD + 1)})
    assert error.field == field
    assert f"at most {limits.WORD} are allowed" in str(error)


def test_an_id_has_a_limit_and_no_control_characters() -> None:
    validate({**base(), "id": "i" * limits.LINE})
    assert refused({**base(), "id": "i" * (limits.LINE + 1)}).field == "id"
    error = refused({**base(), "id": "a\x1b[2Jb"})
    assert error.field == "id" and "control characters" in str(error)


def test_a_refusal_quoting_the_value_escapes_its_control_characters() -> None:
    error = refused({**base(), "status": "\x1b]0;owned\x07"})
    assert "\x1b" not in str(error) and "\\x1b]0;owned\\x07" in str(error)


# --- JSON ---------------------------------------------------------------------------------


@pytest.mark.parametrize("opener", ["[", '{"a": '])
def test_json_nested_deeper_than_the_parser_follows_is_one_line(opener: str) -> None:
    text = opener * 100_000
    with pytest.raises(ValidationError) as info:
        parse_json(text, source="deep.json")
    assert str(info.value) == (
        "deep.json: is nested too deeply to be read (an engagement file nests five levels)"
    )


def test_a_five_thousand_digit_number_is_one_line() -> None:
    with pytest.raises(ValidationError) as info:
        parse_json('{"format": ' + "9" * 5000 + "}", source="big.json")
    assert str(info.value) == "big.json: holds a number of 5,000 digits; at most 100 are allowed"
    assert parse_json("[-" + "9" * 100 + "]", source="x") == [-int("9" * 100)]


def test_a_number_is_still_refused_where_text_belongs() -> None:
    error = refused({**base(), "summary": parse_json("12", source="x")})
    assert error.field == "summary" and "must be text, not a number" in str(error)


def test_a_file_of_too_many_engagements_is_refused_when_parsed() -> None:
    one = '{"title": "t", "vendor": "v", "counterpart": "c", "status": "agreed"}'
    items = ", ".join([one] * limits.FILE_ENGAGEMENTS)
    text = f'{{"format": "{FORMAT}", "engagements": [{items}]}}'
    assert len(parse_file(text, source="f.json")["engagements"]) == limits.FILE_ENGAGEMENTS
    with pytest.raises(ValidationError) as info:
        parse_file(text.replace("[", f"[{one}, ", 1), source="f.json")
    assert str(info.value) == (
        "f.json: holds 10,001 engagements; at most 10,000 are allowed in one file "
        "(split it into several)"
    )


# --- CSV ----------------------------------------------------------------------------------


def test_an_exported_summary_at_the_field_limit_imports_back() -> None:
    summary = ('A long, quoted "summary"\nover lines; ' * 100_000)[: limits.TEXT]
    assert len(summary) > 131_072  # the csv module's own limit
    text = to_csv([{**base(), "summary": summary}])
    (row,) = from_csv(text, source="long.csv")
    assert row["summary"] == summary
    assert validate(row).summary == summary
    assert csv.field_size_limit() == 131_072  # put back after reading


def test_a_csv_cell_over_the_field_limit_is_one_line() -> None:
    text = to_csv([base(), {**base(), "summary": "s" * (limits.TEXT + 1)}])
    with pytest.raises(ValidationError) as info:
        from_csv(text, source="long.csv")
    assert str(info.value) == (
        "long.csv line 3: a cell holds more than 1,000,000 characters, the most a field may hold"
    )
    assert csv.field_size_limit() == 131_072


def test_a_csv_of_too_many_rows_is_refused() -> None:
    rows = [base()] * limits.FILE_ENGAGEMENTS
    assert len(from_csv(to_csv(rows), source="rows.csv")) == limits.FILE_ENGAGEMENTS
    with pytest.raises(ValidationError) as info:
        from_csv(to_csv([*rows, base(), base()]), source="rows.csv")
    assert str(info.value).startswith("rows.csv: holds 10,002 engagements; at most 10,000")


def test_a_link_names_its_other_end_by_a_stable_id_within_the_limit() -> None:
    link = {"to": "t" * limits.LINE, "kind": "related"}
    assert validate({**base(), "links": [link]}).links[0].to == "t" * limits.LINE
    error = refused({**base(), "links": [{**link, "to": "t" * (limits.LINE + 1)}]})
    assert error.field == "links[0].to"
    error = refused({**base(), "links": [{"kind": "related"}]})
    assert error.field == "links[0].to"
    error = refused({**base(), "links": [link, dict(link)]})
    assert error.field == "links[1]" and "listed twice" in str(error)
