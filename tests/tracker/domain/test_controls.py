"""Control characters stripped on input and output (issue 19, point 5), and long text
cut into pieces for the renderers (issue 19, point 4)."""

from __future__ import annotations

import pytest

from tracker.domain.controls import clean, has_controls, one_line, printable
from tracker.domain.interchange import data_from_json
from tracker.domain.markings import DEFAULT_MARKINGS
from tracker.domain.model import Concern, Engagement, EngagementData, Source
from tracker.domain.presenter import PIECE, pieces, present
from tracker.domain.vocab import ConcernKind, Status

ESCAPES = "\x1b[31mred\x1b[0m \x1b]0;title\x07 \x9b2J \x00\x7f\x85end"


@pytest.mark.parametrize(
    ("text", "free", "line"),
    [
        ("plain text, Ελληνικά, 中文", "plain text, Ελληνικά, 中文", "plain text, Ελληνικά, 中文"),
        (ESCAPES, "[31mred[0m ]0;title 2J end", "[31mred[0m ]0;title 2J end"),
        ("a\r\nb\rc\nd", "a\nb\nc\nd", "a b c d"),
        ("col\tumn", "col\tumn", "col umn"),
        # format characters are text, not controls
        (
            "\u202eabc\u200b\u2028\ufeff",
            "\u202eabc\u200b\u2028\ufeff",
            "\u202eabc\u200b\u2028\ufeff",
        ),
    ],
)
def test_clean(text: str, free: str, line: str) -> None:
    assert clean(text, multiline=True) == printable(text) == free
    assert clean(text, multiline=False) == one_line(text) == line
    assert not has_controls(line)


def test_validation_stores_the_stripped_form() -> None:
    obj = {
        "title": "Talks\x1b[2J\nover two lines",
        "vendor": "V\x1b",
        "counterpart": "C",
        "status": "agreed",
        "summary": "First\r\n\r\n\x1b[1mSecond\x1b[0m\tparagraph",
        "tags": ["a\x1bb"],
        "concerns": [{"kind": "legal", "text": "line\r\nbreak\x07"}],
        "sources": [{"url": "https://example.org/\x1b[8m"}],
    }
    data = data_from_json(
        obj, label="x", allowed_markings=DEFAULT_MARKINGS, default_marking="PUBLIC"
    )
    assert data.title == "Talks[2J over two lines"
    assert data.vendor == "V"
    assert data.summary == "First\n\n[1mSecond[0m\tparagraph"
    assert data.tags == ("ab",)
    assert data.concerns[0].text == "line\nbreak"
    assert data.sources[0].url == "https://example.org/[8m"


def test_the_presenter_strips_text_stored_before_the_rule() -> None:
    data = EngagementData(
        title="Title\x1b[2J\nforged line",
        vendor="V",
        counterpart="C",
        status=Status.AGREED,
        owner="desk\x1b]0;x\x07",
        next_step="one\ntwo",
        summary="Summary\x1b[31m red",
        concerns=(Concern(ConcernKind.LEGAL, "text\x9b2J"),),
        sources=(Source(outlet="AP\x1b", url="https://e.org\x1b"),),
    )
    p = present(Engagement(1, "uid\x1b", 1, data, "2026-01-01", "2026-01-01"))
    texts = [p.title, *(f.value for f in (*p.facts, *p.record))]
    for section in p.sections:
        texts += [str(item) for item in section.items]
    assert not any(c in text for text in texts for c in "\x1b\x07\x9b")
    assert p.title == "Title[2J forged line"
    assert "one\ntwo" in texts  # a fact keeps its lines: renderers hang them


def test_pieces_cut_long_text_at_sentences_and_spaces() -> None:
    assert pieces("") == []
    assert pieces("short") == ["short"]
    sentences = ("A sentence ends here. " * 1000).strip()
    cut = pieces(sentences)
    assert all(0 < len(p) <= PIECE and p.endswith(".") for p in cut)
    assert " ".join(cut) == sentences
    words = ("word " * 2000).strip()
    assert " ".join(pieces(words)) == words
    long_word = "x" * (PIECE * 2 + 5)
    assert pieces(long_word) == ["x" * PIECE, "x" * PIECE, "x" * 5]
