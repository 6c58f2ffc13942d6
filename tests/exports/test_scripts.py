"""Every script in the PDF briefing: right-to-left text joined and in reading order line
by line, mixed lines in order, a Korean, Japanese or Chinese word in a single font.

Read back as a reader sees the page: ``pdftotext -bbox`` gives each word with its box and
its glyphs as drawn, left to right (no reordering of its own), so a right-to-left word
printed in reading order comes back reversed (:func:`visual`); pypdf gives the font of each
text run. Arabic comes back in its joined presentation forms, which is how the tests tell
joined letters from unjoined ones.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import arabic_reshaper
import pytest
from reportlab.lib.fonts import tt2ps

from exports import text
from exports.briefing import Briefing, render_pdf
from exports.rtl import visual_runs
from tests.exports.test_briefing import demo_briefing, positioned, reader
from tests.tracker.services.test_letterhead import image_file
from tracker.domain.letterhead import check_logo

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext")

ARABIC_NAME = "وزارة الدفاع"  # Ministry of Defence
# Twenty-two distinct words: wraps onto two lines of a summary, and each is found again.
ARABIC_WORDS = " ".join(
    [
        "هذه فقرة عربية طويلة تتناول التعاون في مجال الذكاء الاصطناعي بين الوزارة",
        "والشركة وتستمر حتى نتحقق من ترتيب الأسطر بعد الالتفاف داخل الصفحة المطبوعة",
    ]
).split(" ")
HEBREW = "שלום עולם מה שלומך היום"
PERSIAN = "وزارت دفاع ایران گفتگو با پژوهشگاه"
MIXED = f"Met with {ARABIC_NAME} in Riyadh on Monday."
KOREAN = "대한민국 국가정보원"  # 가 is one of Droid Sans Fallback's three Hangul syllables
JAPANESE = "防衛省のテキスト"
CHINESE = "中华人民共和国国防部"


def visual(word: str) -> str:
    """A right-to-left ``word`` as drawn left to right: joined forms, reversed."""
    out: str = arabic_reshaper.reshape(word)
    return out[::-1]


def briefing_with(**fields: Any) -> Briefing:
    first = demo_briefing().engagements[0]
    data = dataclasses.replace(first.data, **fields)
    return demo_briefing(engagements=(dataclasses.replace(first, data=data),))


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    summary = "\n\n".join(
        [" ".join(ARABIC_WORDS), MIXED, HEBREW, PERSIAN, f"{KOREAN} {JAPANESE} {CHINESE}"]
    )
    path = tmp_path_factory.mktemp("scripts") / "scripts.pdf"
    path.write_bytes(render_pdf(briefing_with(counterpart=ARABIC_NAME, summary=summary)))
    return path


Word = tuple[float, float, float, str]  # x min, x max, y min, text


def lines(path: Path) -> list[list[Word]]:
    """Every line of every page: its words left to right (pdftotext -bbox).

    A word's box is its font's ascent to descent, so words of one line in two fonts
    (Noto Sans Arabic is taller than DejaVu Sans) have different tops: a line is the
    words whose boxes have their middle within 3 points of each other.
    """
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    rows: dict[tuple[int, float], list[Word]] = {}
    page = 0
    for tag in re.finditer(
        r"<page |<word xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" "
        r"xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">([^<]*)</word>",
        html,
    ):
        if tag.group(0) == "<page ":
            page += 1
            continue
        x0, y0, x1, y1, word = float(tag[1]), float(tag[2]), float(tag[3]), float(tag[4]), tag[5]
        middle = (y0 + y1) / 2
        key = next((k for k in rows if k[0] == page and abs(k[1] - middle) < 3), (page, middle))
        rows.setdefault(key, []).append((x0, x1, y0, word))
    return [sorted(rows[key]) for key in sorted(rows)]


def texts(line: list[Word]) -> list[str]:
    return [w[3] for w in line]


def line_with(path: Path, word: str) -> list[Word]:
    found = [line for line in lines(path) if word in texts(line)]
    assert found, f"{word!r} not printed as one word in reading order"
    return found[0]


def test_arabic_letters_are_joined(pdf: Path) -> None:
    # وزارة and الدفاع in their initial, medial, final and isolated forms
    ministry, defence = "\ufeed\ufeaf\ufe8d\ufead\ufe93", "\ufe8d\ufedf\ufeaa\ufed3\ufe8e\ufec9"
    assert unicodedata.normalize("NFKC", f"{ministry} {defence}") == ARABIC_NAME
    ministry, defence = ministry[::-1], defence[::-1]
    words = [w for line in lines(pdf) for w in texts(line)]
    assert words.count(ministry) >= 2 and words.count(defence) >= 2  # facts, overview


def test_an_arabic_name_reads_right_to_left(pdf: Path) -> None:
    first, second = (visual(w) for w in ARABIC_NAME.split())
    line = line_with(pdf, first)
    order = texts(line)
    assert order.index(second) < order.index(first), order  # "الدفاع" left of "وزارة"


def test_a_wrapped_arabic_paragraph_starts_on_its_first_line_at_the_right(pdf: Path) -> None:
    words = [visual(w) for w in ARABIC_WORDS]
    paragraph = [line for line in lines(pdf) if set(texts(line)) & set(words)]
    assert len(paragraph) >= 2, "the paragraph should wrap"
    read: list[str] = []
    for line in paragraph:  # top to bottom, each line right to left
        read += [w for w in reversed(texts(line)) if w in words]
    assert read == words
    top, bottom = paragraph[0], paragraph[-1]
    assert texts(top)[-1] == words[0]  # the first word at the right end of line 1
    assert texts(bottom)[0] == words[-1]
    # aligned right: line 1 (full) and the last line end at the same right edge
    assert abs(top[-1][1] - bottom[-1][1]) < 1


def test_an_arabic_name_inside_an_english_sentence_keeps_its_place(pdf: Path) -> None:
    line = texts(line_with(pdf, "Riyadh"))
    start = line.index("Met")
    name = [visual(w) for w in reversed(ARABIC_NAME.split())]  # visual: last word first
    assert line[start : start + 7] == ["Met", "with", *name, "in", "Riyadh", "on"], line


@pytest.mark.parametrize("sample", [HEBREW, PERSIAN], ids=["hebrew", "persian"])
def test_hebrew_and_persian_read_right_to_left(pdf: Path, sample: str) -> None:
    words = [visual(w) for w in sample.split()]
    line = line_with(pdf, words[0])
    assert texts(line) == words[::-1]
    summary = line_with(pdf, visual(ARABIC_WORDS[0]))
    assert abs(line[-1][1] - summary[-1][1]) < 1  # aligned right with the paragraph above


@pytest.mark.parametrize("sample", [KOREAN, JAPANESE, CHINESE], ids=["ko", "ja", "zh"])
def test_a_cjk_word_is_set_in_one_font(pdf: Path, sample: str) -> None:
    fonts_of: dict[str, set[str]] = {}
    for page in reader(pdf.read_bytes()).pages:
        for _, _, base, run in positioned(page):
            for char in run:
                fonts_of.setdefault(char, set()).add(base.split("+")[-1])
    for word in sample.split():
        fonts = set().union(*(fonts_of[c] for c in word))
        assert len(fonts) == 1, (word, {c: fonts_of[c] for c in word})


def test_visual_runs_reorder_mirror_and_keep_each_fragment() -> None:
    # An LTR line with a Hebrew name in a second fragment (e.g. bold): the name reversed
    # in place; in an RTL line the pieces swap and the parenthesis is mirrored.
    assert visual_runs(["see ", "אבג", " ok"], rtl=False) == [(0, "see "), (1, "גבא"), (2, " ok")]
    assert visual_runs(["אבג (", "x", ")"], rtl=True) == [(2, "("), (1, "x"), (0, ") גבא")]


def test_markup_sets_a_korean_word_in_one_font() -> None:
    kr = '<font name="BriefingFallbackKR">'
    assert text.markup("국가 정보") == f"{kr}국가 정보</font>"  # 가 is in Droid too
    assert text.markup("2026년") == f"2026{kr}년</font>"
    assert text.markup("日本 語") == '<font name="BriefingFallback">日本 語</font>'


def test_han_next_to_hangul_stays_in_the_chinese_japanese_font() -> None:
    # No space between the sentences: the word ends where Hangul starts.
    assert text.markup("国防部。대한민국") == (
        '<font name="BriefingFallback">国防部。</font>'
        '<font name="BriefingFallbackKR">대한민국</font>'
    )


def test_arabic_stays_upright_in_italics() -> None:
    # Arabic has no italics: its font's family draws <i> upright.
    name = text.inline(ARABIC_NAME)
    assert name.startswith('<font name="BriefingArabic">')
    assert text.italic(text.inline(f"{ARABIC_NAME}, spokesman")) == f"<i>{name}, spokesman</i>"
    assert tt2ps("BriefingArabic", 0, 1) == "BriefingArabic"
    assert tt2ps("BriefingArabic", 1, 1) == "BriefingArabic-Bold"
    # DejaVu Sans Oblique lacks N'Ko, which the upright faces draw: kept out of <i>.
    assert text.italic(text.inline("ߊߋ, x")) == "<i></i>ߊߋ<i>, x</i>"
    assert text.italic("plain") == "<i>plain</i>"


def test_an_arabic_attribution_is_printed_upright() -> None:
    first = demo_briefing().engagements[0]
    said = dataclasses.replace(first.data.clarifications[0], clarified_by=ARABIC_NAME)
    pdf = render_pdf(briefing_with(clarifications=(said,)))
    fonts = {
        base
        for page in reader(pdf).pages
        for _, _, base, run in positioned(page)
        if re.search("[\u0600-\u06ff\ufe70-\ufeff]", run)
    }
    assert fonts and not any("Oblique" in f for f in fonts), fonts


def test_unassigned_code_points_next_to_arabic_do_not_break_the_line() -> None:
    # python-bidi's algorithm asserted on a character without a bidi class.
    assert visual_runs(["\u0378ب"], rtl=True) == [(0, "ب\u0378")]


def test_the_contents_page_and_the_letterhead_read_right_to_left(tmp_path: Path) -> None:
    # Paragraphs built outside flowables.paragraph: a contents line (the engagement's
    # title) and the organisation's name beside the cover's logo.
    logo_file = image_file(tmp_path / "crest.png", (200, 100), "PNG")
    logo = check_logo(str(logo_file), logo_file.read_bytes())
    shown = briefing_with(title=f"Talks {ARABIC_NAME}")
    shown = dataclasses.replace(
        shown,
        sections=("cover", "contents", "engagements"),
        logo=logo,
        organisation=ARABIC_NAME,
    )
    path = tmp_path / "contents.pdf"
    path.write_bytes(render_pdf(shown))
    first, second = (visual(w) for w in ARABIC_NAME.split())
    found = [texts(line) for line in lines(path) if first in texts(line)]
    assert len(found) >= 3  # the letterhead, the contents line, the section's heading
    for order in found:
        assert order.index(second) < order.index(first), order


SCRIPT_TITLES = {  # script: (a title, the font file's name as embedded)
    "Hebrew": ("משרד הביטחון", "NotoSansHebrew"),
    "Thai": ("กระทรวงกลาโหม", "NotoSansThai"),
    "Devanagari": ("रक्षा मंत्रालय", "NotoSansDevanagari"),
    "Arabic": (ARABIC_NAME, "NotoSansArabic"),
}


@pytest.fixture(scope="module")
def titles_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A briefing of four engagements, each titled in one of the scripts with a font of
    its own (titles print in bold headings and in the overview's regular text)."""
    engagements = tuple(
        dataclasses.replace(shown, data=dataclasses.replace(shown.data, title=title))
        for shown, (title, _) in zip(
            demo_briefing().engagements, SCRIPT_TITLES.values(), strict=False
        )
    )
    path = tmp_path_factory.mktemp("titles") / "titles.pdf"
    path.write_bytes(render_pdf(demo_briefing(engagements=engagements)))
    return path


@pytest.mark.parametrize("script", SCRIPT_TITLES)
def test_a_title_in_each_script_is_embedded_in_its_font(titles_pdf: Path, script: str) -> None:
    title, font = SCRIPT_TITLES[script]
    letters = {c for c in unicodedata.normalize("NFKC", title) if not c.isspace()}
    fonts = {
        base.split("+")[-1]  # a subset's name: ABCDEF+NotoSansThai-Bold
        for page in reader(titles_pdf.read_bytes()).pages
        for _, _, base, run in positioned(page)
        if letters & set(unicodedata.normalize("NFKC", run))
    }
    assert f"{font}-Regular" in fonts and f"{font}-Bold" in fonts, fonts
    assert not fonts - {f"{font}-Regular", f"{font}-Bold"}, fonts  # none in DejaVu Sans


@pytest.mark.parametrize("script", SCRIPT_TITLES)
def test_a_title_in_each_script_extracts_as_written(titles_pdf: Path, script: str) -> None:
    title, _ = SCRIPT_TITLES[script]
    printed = unicodedata.normalize(
        "NFKC",
        subprocess.run(
            ["pdftotext", str(titles_pdf), "-"], check=True, capture_output=True, text=True
        ).stdout,
    )
    assert title in printed  # (pdftotext puts right-to-left lines in reading order)
