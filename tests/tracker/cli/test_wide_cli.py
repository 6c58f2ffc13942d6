"""The command line's tables line up in every script (issue 16, point 2): a Chinese or
Japanese character takes two terminal cells, a combining mark none, and the columns are
measured in cells (``wcwidth``), driven in subprocesses as a user would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from wcwidth import wcswidth

from tests.tracker.cli.test_cli import ok, run_cli
from tracker.cli.output import aligned, clip, display_width, pad
from tracker.domain.model import EngagementData
from tracker.domain.vocab import Status
from tracker.services import Tracker

CJK = "防衛省との協議"  # seven characters, fourteen cells
COMBINING = "Ministe\u0300re de la De\u0301fense"  # decomposed accents: 25 characters, 23 cells
LONG_CJK = "中华人民共和国国防部" * 4  # 80 cells: clipped in the table
TITLES = {  # title: counterpart
    CJK: "防衛省",
    COMBINING: "Re\u0301publique",
    LONG_CJK: "国防部",
    "Talks": "NATO",
}


def cells(text: str) -> int:
    return int(wcswidth(text))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "wide.db"
    service = Tracker.open(path, user="setup")
    for title, counterpart in TITLES.items():
        service.create(
            data=EngagementData(
                title=title, vendor="OpenAI", counterpart=counterpart, status=Status.EXPLORATORY
            )
        )
    service.close()
    return path


def column_starts(line: str, values: list[str]) -> list[int]:
    """The cell at which each of ``values`` starts on ``line`` (found left to right)."""
    starts, at = [], 0
    for value in values:
        at = line.index(value, at)
        starts.append(cells(line[:at]))
        at += len(value)
    return starts


def test_the_list_lines_up_wide_characters_and_combining_marks(db: Path) -> None:
    lines = ok(run_cli(db, "list")).splitlines()
    assert len(lines) == 1 + len(TITLES)
    header = column_starts(lines[0], ["TITLE", "COUNTERPART", "VENDOR", "STATUS"])
    for line in lines[1:]:
        title = next(t for t in TITLES if clip(t, 48) in line)
        shown = [clip(title, 48), TITLES[title], "OpenAI", "Exploratory"]
        assert column_starts(line, shown) == header, line
    long = next(line for line in lines if LONG_CJK[:10] in line)
    assert cells(clip(LONG_CJK, 48)) <= 48 and clip(LONG_CJK, 48) in long


def test_a_pivot_of_cjk_and_accented_counterparts_has_lines_of_one_width(db: Path) -> None:
    # Counts right-aligned under their labels: every line ends at the same cell.
    lines = ok(run_cli(db, "stats", "--by", "counterpart,status")).splitlines()
    assert any("防衛省" in line for line in lines) and any(
        "Re\u0301publique" in line for line in lines
    )
    assert len({cells(line) for line in lines}) == 1, lines


def test_widths_pad_and_clip_count_terminal_cells() -> None:
    assert display_width(CJK) == 14 and display_width(COMBINING) == 23
    assert pad("日本", 5) == "日本 " and pad("e\u0301", 3, "right") == "  e\u0301"
    assert clip("日本語テキスト", 6) == "日本…"  # no half of a wide character
    assert clip("e\u0301e\u0301e\u0301", 2) == "e\u0301…"  # the mark stays with its letter
    assert clip(COMBINING, 23) == COMBINING
    lines = aligned([("A", "B"), (CJK, "x"), ("e\u0301", "y")])
    assert [cells(line) for line in lines] == [17, 17, 17]
