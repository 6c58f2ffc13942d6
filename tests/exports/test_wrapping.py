"""WrapOnceParagraph: a repeated wrap at the same width breaks no lines again, and a
document laid out with it is the document reportlab lays out with its own Paragraph."""

from __future__ import annotations

import io
from typing import Any

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from exports.wrapping import WrapOnceParagraph

TEXT = " ".join(f"word{i} <b>bold{i}</b>" for i in range(400))


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    original = Paragraph.breakLines

    def counted(self: Paragraph, *args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    return calls


def test_a_repeated_wrap_at_the_same_width_breaks_no_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _counting(monkeypatch)
    p = WrapOnceParagraph(TEXT, getSampleStyleSheet()["Normal"])
    first = p.wrap(300, 1000)
    assert p.wrap(300, 50) == first and calls[0] == 1
    narrower = p.wrap(200, 1000)
    assert narrower[1] > first[1] and calls[0] == 2
    assert p.wrap(300, 1000) == first and calls[0] == 3  # only the last width is kept


def test_a_split_that_gives_up_makes_the_lines_again(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch)
    p = WrapOnceParagraph(TEXT, getSampleStyleSheet()["Normal"])
    size = p.wrap(300, 1000)
    assert p.split(300, 5) == []  # no room for two lines: reportlab drops its lines
    assert p.wrap(300, 1000) == size and calls[0] == 2
    assert len(p.split(300, 100)) == 2


def _document(cls: type[Paragraph]) -> bytes:
    normal = getSampleStyleSheet()["Normal"]
    rows = [[cls(f"cell {r} " + "word " * (r % 40), normal), str(r)] for r in range(300)]
    story = [cls(TEXT, normal), Table(rows, colWidths=[300, 60], repeatRows=1), cls(TEXT, normal)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story)
    return out.getvalue()


def test_a_document_is_the_same_as_with_reportlabs_paragraph() -> None:
    assert _document(WrapOnceParagraph) == _document(Paragraph)
