"""Every script on screen: the shipped fonts registered with Qt as the application
font's fallbacks (ui/fonts.py) draw Greek, Cyrillic, Arabic, Hebrew, Chinese, Japanese,
Korean, Thai and Devanagari titles in the table, the detail pane and the form.

This machine's only system fonts are DejaVu's (no Thai, Devanagari, CJK or Hangul), the
bare machine on which such titles showed as boxes. A glyph index of 0 is the font's
"missing glyph" box, so the tests lay the text out as the widgets do (``QTextLayout``
with the widget's font, or the detail pane's own document) and look at the glyphs drawn.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontMetrics, QRawFont, QTextDocument, QTextLayout
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from exports import font_set
from tests.ui.conftest import activate, find, open_form
from tests.ui.test_main_window import open_editor, select_title, titles
from tracker.domain.model import EngagementData
from tracker.domain.vocab import Status
from tracker.services import Tracker
from ui.fonts import shipped_families, use_shipped_fonts
from ui.main_window import MainWindow

SAMPLES = {  # a script (as font_set names them): a ministry of defence, say
    "Latin": "Ministère de la Défense",
    "Greek": "Υπουργείο Εθνικής Άμυνας",
    "Cyrillic": "Министерство обороны",
    "Hebrew": "משרד הביטחון",
    "Arabic": "وزارة الدفاع",
    "Persian": "وزارت دفاع ایران",
    "Thai": "กระทรวงกลาโหม",
    "Devanagari": "रक्षा मंत्रालय",
    "Chinese": "中华人民共和国国防部",
    "Japanese": "防衛省のテキスト",
    "Korean": "대한민국 국방부",
}


@pytest.fixture(scope="module", autouse=True)
def shipped(qapp: QApplication) -> None:
    """The app's start: the shipped fonts as the application font's fallbacks."""
    use_shipped_fonts(qapp)


def letters(text: str) -> list[str]:
    return [c for c in text if not c.isspace()]


def missing_glyphs(layout: QTextLayout) -> int:
    """How many "missing glyph" boxes a laid-out text draws."""
    return sum(list(run.glyphIndexes()).count(0) for run in layout.glyphRuns())


def laid_out(text: str, font: QFont) -> QTextLayout:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return layout


def test_every_script_has_a_sample() -> None:
    assert {s for face in font_set.TYPEFACES for s in face.scripts} == set(SAMPLES)


@pytest.mark.parametrize("face", font_set.TYPEFACES, ids=lambda face: face.key)
def test_each_shipped_family_is_registered_and_covers_its_scripts(
    face: font_set.Typeface,
) -> None:
    raw = QRawFont.fromFont(QFont(face.family))
    assert raw.familyName() == face.family
    for script in face.scripts:
        lacking = [c for c in letters(SAMPLES[script]) if not raw.supportsCharacter(ord(c))]
        assert not lacking, (face.family, script, lacking)


def test_the_application_font_falls_back_on_the_shipped_families(qapp: QApplication) -> None:
    families = qapp.font().families()
    assert families[-len(shipped_families()) :] == list(shipped_families())
    substitutes = QFont.substitutes(families[0])  # (Qt keeps them in lower case)
    assert substitutes[-len(shipped_families()) :] == [f.lower() for f in shipped_families()]


@pytest.mark.parametrize("script", SAMPLES)
def test_the_application_font_draws_every_script(qapp: QApplication, script: str) -> None:
    font = qapp.font()
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(c)) for c in letters(SAMPLES[script])), script
    layout = laid_out(SAMPLES[script], font)
    assert missing_glyphs(layout) == 0, script
    drawn_by = {run.rawFont().familyName() for run in layout.glyphRuns()}
    assert drawn_by <= {QRawFont.fromFont(font).familyName(), *shipped_families()}, drawn_by


@pytest.fixture
def scripts_window(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> Iterator[MainWindow]:
    """The main window on a database of one engagement per script, titled in it."""
    service = Tracker.open(tmp_path / "scripts.db", user="alice")
    for script, title in SAMPLES.items():
        service.create(
            data=EngagementData(
                title=f"{title} ({script})",
                vendor="OpenAI",
                counterpart=title,
                status=Status.EXPLORATORY,
                summary=title,
            )
        )
    win = MainWindow(service, settings=settings)
    win.resize(1400, 700)
    win.show()
    activate(qtbot, win)
    yield win
    form = open_form(win)
    if form is not None:
        form.mark_clean()
        form.reject()
    win.close()
    win.service.close()
    win.deleteLater()


def test_the_table_draws_a_title_in_every_script(scripts_window: MainWindow) -> None:
    shown = titles(scripts_window)
    assert len(shown) == len(SAMPLES)
    font = scripts_window.table.font()
    for title in shown:
        assert missing_glyphs(laid_out(title, font)) == 0, title


def document_missing_glyphs(document: QTextDocument) -> int:
    document.documentLayout()  # laid out as the pane shows it
    block, missing = document.begin(), 0
    while block.isValid():
        missing += missing_glyphs(block.layout())
        block = block.next()
    return missing


@pytest.mark.parametrize("script", ["Hebrew", "Thai", "Devanagari", "Korean", "Chinese"])
def test_the_detail_pane_and_the_form_draw_every_script(
    qtbot: QtBot, scripts_window: MainWindow, script: str
) -> None:
    select_title(scripts_window, f"({script})")
    browser = scripts_window.detail.browser()
    assert SAMPLES[script] in browser.toPlainText()
    assert document_missing_glyphs(browser.document()) == 0
    form = open_editor(qtbot, scripts_window)
    title = find(form, QLineEdit, "field_title")
    assert SAMPLES[script] in title.text()
    assert missing_glyphs(laid_out(title.text(), title.font())) == 0


def test_a_screenshot_of_the_table_in_every_script(
    scripts_window: MainWindow, tmp_path: Path
) -> None:
    select_title(scripts_window, "(Thai)")
    picture = scripts_window.grab()
    assert not picture.isNull()
    assert picture.save(str(tmp_path / "scripts.png"))
