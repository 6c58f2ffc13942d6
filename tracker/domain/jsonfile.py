"""The text of a JSON file read into values, with a one-line error for any input.

``json.loads`` alone ends in a traceback for some inputs: a file nested deeper than
its recursion can follow (``RecursionError``), a number of more digits than Python
converts (``ValueError``). Here each is one ``ValidationError`` naming the file, as a
syntax error is; an import file holding more engagements than one may
(``limits.FILE_ENGAGEMENTS``) is refused when parsed, before any database is asked.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from tracker.domain import limits
from tracker.domain.errors import ValidationError


def parse_json(text: str, *, source: str) -> Any:
    """JSON text parsed, or a one-line ``ValidationError`` naming ``source``: a syntax
    error with its line and column, a number of more than ``limits.NUMBER_DIGITS``
    digits, or nesting deeper than the parser can follow (the format nests five levels;
    Python's parser follows about a thousand)."""
    try:
        return json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", record=source
        ) from None
    except _LongNumber as exc:
        raise ValidationError(
            f"holds a number of {exc.digits:,} digits; at most {limits.NUMBER_DIGITS} are allowed",
            record=source,
        ) from None
    except RecursionError:
        raise ValidationError(
            "is nested too deeply to be read (an engagement file nests five levels)",
            record=source,
        ) from None


def parse_file(text: str, *, source: str) -> Any:
    """The document of an import file's text (:func:`parse_json`), refused when it holds
    more engagements than one file may (``limits.FILE_ENGAGEMENTS``)."""
    document = parse_json(text, source=source)
    items = document.get("engagements") if isinstance(document, Mapping) else None
    if isinstance(items, list):
        check_file_engagements(len(items), source)
    return document


def check_file_engagements(count: int, source: str) -> None:
    """Refuse a file of ``count`` engagements when that is more than one file may hold."""
    if count > limits.FILE_ENGAGEMENTS:
        raise ValidationError(
            f"holds {count:,} engagements; at most {limits.FILE_ENGAGEMENTS:,} are allowed "
            "in one file (split it into several)",
            record=source,
        )


class _LongNumber(Exception):
    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def _integer(text: str) -> int:
    """A JSON integer, refused before ``int()`` meets more digits than Python converts."""
    digits = len(text.lstrip("-"))
    if digits > limits.NUMBER_DIGITS:
        raise _LongNumber(digits)
    return int(text)
