"""``tracker brief --lang fr``, a template's language and a bad ``--lang``, in
subprocesses; the PDF read back with pypdf."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.tracker.cli.test_brief_cli import pages_text, run


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "demo.db"
    assert run(db, "demo").returncode == 0
    return db


def test_brief_in_french(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "fr.pdf"
    result = run(demo_db, "brief", "--out", str(out), "--lang", "fr", "--due", "6m")
    assert result.returncode == 0, result.stderr
    texts = pages_text(out)
    whole = " ".join(texts)
    assert texts[0].startswith("NATO UNCLASSIFIED") and "NOTE SUR LES ENGAGEMENTS" in texts[0]
    assert f"Page 1 sur {len(texts)}" in texts[0]
    assert "Note sur les engagements en IA" in texts[0]  # the default title, in French
    for words in ("Vue d’ensemble", "Suivis à échéance", "Matrice des restrictions",
                  "2e trimestre 2026", "27 février 2026", "Exploratoire", "Conclu", "Rompu",
                  "Chronologie des statuts", "Amérique du Nord"):  # fmt: skip
        assert words in whole, words
    for words in ("Page 1 of", "Overview", "Status timeline", "Negotiating", "Q2 2026"):
        assert words not in whole, words
    assert PdfReader(out).trailer["/Root"]["/Lang"] == "fr"
    english = tmp_path / "en.pdf"
    assert run(demo_db, "brief", "--out", str(english), "--lang", "EN").returncode == 0
    assert "Page 1 of" in pages_text(english)[0]


def test_a_bad_language_says_one_line(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    result = run(demo_db, "brief", "--out", str(out), "--lang", "de")
    assert result.returncode == 1, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert 'unknown language "de" (allowed: en, fr)' in line and "--lang" in line
    assert not out.exists()


def test_a_template_keeps_its_language(demo_db: Path, tmp_path: Path) -> None:
    saved = run(demo_db, "templates", "save", "Note", "--lang", "fr")
    assert saved.returncode == 0, saved.stderr
    (listed,) = json.loads(run(demo_db, "templates", "--format", "json").stdout)
    assert listed["language"] == "fr"
    out, wins = tmp_path / "t.pdf", tmp_path / "en.pdf"
    assert run(demo_db, "brief", "--out", str(out), "--template", "Note").returncode == 0
    assert "Page 1 sur" in pages_text(out)[0]
    given = run(demo_db, "brief", "--out", str(wins), "--template", "Note", "--lang", "en")
    assert given.returncode == 0, given.stderr
    assert "Page 1 of" in pages_text(wins)[0]  # the option given wins
