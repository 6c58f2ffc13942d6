"""``tracker brief --logo FILE``: a good logo reaches the cover; a bad one (or a URL)
is refused with one line, exit 1, and nothing is written or recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.exports.test_letterhead import images
from tests.tracker.cli.test_brief_cli import run
from tests.tracker.cli.test_cli import one_line_error
from tests.tracker.services.test_letterhead import image_file


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("logo") / "demo.db"
    assert run(db, "demo").returncode == 0
    return db


def test_a_good_logo_is_printed_on_the_cover(demo_db: Path, tmp_path: Path) -> None:
    logo = image_file(tmp_path / "crest.jpg", (240, 120), "JPEG")
    out = tmp_path / "b.pdf"
    result = run(demo_db, "brief", "--out", str(out), "--logo", str(logo))
    assert result.returncode == 0, result.stderr
    assert images(PdfReader(out).pages[0]) == [(240, 120)]


@pytest.mark.parametrize("name", ["crest.gif", "https://example.org/crest.png"])
def test_a_bad_logo_writes_nothing(demo_db: Path, tmp_path: Path, name: str) -> None:
    logo = name if "://" in name else str(image_file(tmp_path / name, (64, 64), "GIF"))
    out = tmp_path / "b.pdf"
    before = run(demo_db, "briefings").stdout
    one_line_error(run(demo_db, "brief", "--out", str(out), "--logo", logo), logo)
    assert not out.exists()
    assert run(demo_db, "briefings").stdout == before  # nothing recorded either
