"""The index's folding of words: the quick paths give what the plain rule gives."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from db import fulltext


def _plain_rule(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return fulltext._TOKEN.findall(kept)


@settings(deadline=None)  # the first call makes the table of marks
@given(st.text())
def test_words_fold_as_the_plain_rule(text: str) -> None:
    assert fulltext.words(text) == _plain_rule(text)


def test_every_combining_mark_is_in_the_first_two_planes() -> None:
    assert not [c for c in range(0x20000, 0x110000) if unicodedata.combining(chr(c))]


def test_words_fold_every_script() -> None:
    assert fulltext.words("Άθήνα Ёлка Société STRASSE straße ﬁne Ｗｉｄｅ") == [
        "αθηνα",
        "елка",
        "societe",
        "strasse",
        "strasse",
        "fine",
        "wide",
    ]
    assert fulltext.folded("Line One\n\nÉté, two") == "line one\n\nete two"
