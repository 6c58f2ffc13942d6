"""Tests for tracker.domain.dates: partial dates, their canonical forms and the lenient parser."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from tracker.domain.date_parser import parse_partial_date
from tracker.domain.dates import DateParseError, PartialDate, Precision

D = datetime.date
TODAY = D(2026, 5, 14)


def year(y: int, *, approximate: bool = False) -> PartialDate:
    return PartialDate(y, Precision.YEAR, approximate=approximate)


def quarter(y: int, q: int, *, approximate: bool = False) -> PartialDate:
    return PartialDate(y, Precision.QUARTER, quarter=q, approximate=approximate)


def half(y: int, h: int, *, approximate: bool = False) -> PartialDate:
    return PartialDate(y, Precision.HALF, half=h, approximate=approximate)


def third(y: int, t: int, *, approximate: bool = False) -> PartialDate:
    return PartialDate(y, Precision.THIRD, third=t, approximate=approximate)


EARLY, MID, LATE = 1, 2, 3


def month(y: int, m: int, *, approximate: bool = False) -> PartialDate:
    return PartialDate(y, Precision.MONTH, month=m, approximate=approximate)


def day(y: int, m: int, d: int, *, approximate: bool = False) -> PartialDate:
    return PartialDate(y, Precision.DAY, month=m, day=d, approximate=approximate)


# --- Precision -------------------------------------------------------------------------


def test_precision_runs_coarse_to_fine() -> None:
    assert (
        Precision.YEAR
        < Precision.HALF
        < Precision.THIRD
        < Precision.QUARTER
        < Precision.MONTH
        < Precision.DAY
    )
    assert [p.value for p in Precision] == [1, 2, 3, 4, 5, 6]


# --- construction and validation -------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"year": 0, "precision": Precision.YEAR}, "year"),
        ({"year": 10000, "precision": Precision.YEAR}, "year"),
        ({"year": 2025, "precision": Precision.YEAR, "quarter": 1}, "quarter"),
        ({"year": 2025, "precision": Precision.YEAR, "month": 1}, "month"),
        ({"year": 2025, "precision": Precision.YEAR, "day": 1}, "day"),
        ({"year": 2025, "precision": Precision.QUARTER}, "quarter"),
        ({"year": 2025, "precision": Precision.QUARTER, "quarter": 0}, "quarter"),
        ({"year": 2025, "precision": Precision.QUARTER, "quarter": 5}, "quarter"),
        ({"year": 2025, "precision": Precision.QUARTER, "quarter": 3, "month": 7}, "month"),
        ({"year": 2025, "precision": Precision.MONTH}, "month"),
        ({"year": 2025, "precision": Precision.MONTH, "month": 0}, "month"),
        ({"year": 2025, "precision": Precision.MONTH, "month": 13}, "month"),
        ({"year": 2025, "precision": Precision.MONTH, "month": 7, "day": 1}, "day"),
        ({"year": 2025, "precision": Precision.MONTH, "month": 7, "quarter": 3}, "quarter"),
        ({"year": 2025, "precision": Precision.DAY, "month": 7}, "day"),
        ({"year": 2025, "precision": Precision.DAY, "day": 7}, "month"),
        ({"year": 2025, "precision": Precision.DAY, "month": 7, "day": 0}, "day"),
        ({"year": 2025, "precision": Precision.DAY, "month": 7, "day": 32}, "day"),
        ({"year": 2026, "precision": Precision.DAY, "month": 2, "day": 29}, "day 29"),
        ({"year": 2025, "precision": Precision.DAY, "month": 4, "day": 31}, "day 31"),
        ({"year": 1900, "precision": Precision.DAY, "month": 2, "day": 29}, "day 29"),
        ({"year": 2025, "precision": Precision.HALF}, "half"),
        ({"year": 2025, "precision": Precision.HALF, "half": 0}, "half"),
        ({"year": 2025, "precision": Precision.HALF, "half": 3}, "half"),
        ({"year": 2025, "precision": Precision.HALF, "half": 1, "quarter": 1}, "quarter"),
        ({"year": 2025, "precision": Precision.HALF, "half": 1, "month": 1}, "month"),
        ({"year": 2025, "precision": Precision.THIRD}, "third"),
        ({"year": 2025, "precision": Precision.THIRD, "third": 0}, "third"),
        ({"year": 2025, "precision": Precision.THIRD, "third": 4}, "third"),
        ({"year": 2025, "precision": Precision.THIRD, "third": 2, "half": 1}, "half"),
        ({"year": 2025, "precision": Precision.THIRD, "third": 2, "month": 6}, "month"),
        ({"year": 2025, "precision": Precision.YEAR, "half": 1}, "half"),
        ({"year": 2025, "precision": Precision.YEAR, "third": 2}, "third"),
        ({"year": 2025, "precision": Precision.QUARTER, "quarter": 2, "third": 2}, "third"),
        ({"year": 2025, "precision": Precision.MONTH, "month": 6, "half": 1}, "half"),
    ],
)
def test_inconsistent_fields_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PartialDate(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    [
        year(1),
        year(9999),
        quarter(2025, 4),
        month(2025, 12),
        day(2024, 2, 29),
        day(2000, 2, 29),
        day(9999, 12, 31),
    ],
)
def test_valid_edge_values_are_accepted(value: PartialDate) -> None:
    # Accepted whole: written and read back, and parsed from its text, it is the same.
    assert PartialDate.from_iso(value.iso()) == value
    assert parse_partial_date(value.iso()) == value
    assert str(value.year) in value.label()


def test_plain_int_precision_is_converted() -> None:
    value = PartialDate(2025, 5, month=7)  # type: ignore[arg-type]
    assert value.precision is Precision.MONTH
    with pytest.raises(ValueError):
        PartialDate(2025, 7)  # type: ignore[arg-type]


def test_partial_dates_are_frozen_hashable_values() -> None:
    assert day(2026, 2, 27) == day(2026, 2, 27)
    assert year(2025) != year(2025, approximate=True)
    assert len({month(2026, 2), month(2026, 2), quarter(2026, 1)}) == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        year(2025).year = 2026  # type: ignore[misc]


def test_of_day() -> None:
    assert PartialDate.of_day(D(2026, 2, 27)) == day(2026, 2, 27)
    assert PartialDate.of_day(datetime.datetime(2026, 2, 27, 13, 45)) == day(2026, 2, 27)
    assert PartialDate.of_day(D(2024, 2, 29)).iso() == "2024-02-29"


# --- first_day / last_day ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        (year(2025), D(2025, 1, 1), D(2025, 12, 31)),
        (year(2024, approximate=True), D(2024, 1, 1), D(2024, 12, 31)),
        (quarter(2025, 1), D(2025, 1, 1), D(2025, 3, 31)),
        (quarter(2025, 2), D(2025, 4, 1), D(2025, 6, 30)),
        (quarter(2025, 3), D(2025, 7, 1), D(2025, 9, 30)),
        (quarter(2025, 4), D(2025, 10, 1), D(2025, 12, 31)),
        (month(2025, 1), D(2025, 1, 1), D(2025, 1, 31)),
        (month(2025, 2), D(2025, 2, 1), D(2025, 2, 28)),
        (month(2024, 2), D(2024, 2, 1), D(2024, 2, 29)),
        (month(2000, 2), D(2000, 2, 1), D(2000, 2, 29)),
        (month(1900, 2), D(1900, 2, 1), D(1900, 2, 28)),
        (month(2025, 4), D(2025, 4, 1), D(2025, 4, 30)),
        (month(2025, 12), D(2025, 12, 1), D(2025, 12, 31)),
        (day(2026, 2, 27), D(2026, 2, 27), D(2026, 2, 27)),
        (day(2024, 2, 29), D(2024, 2, 29), D(2024, 2, 29)),
        (year(1), D(1, 1, 1), D(1, 12, 31)),
        (year(9999), D(9999, 1, 1), D(9999, 12, 31)),
        (half(2025, 1), D(2025, 1, 1), D(2025, 6, 30)),
        (half(2025, 2), D(2025, 7, 1), D(2025, 12, 31)),
        (half(2025, 2, approximate=True), D(2025, 7, 1), D(2025, 12, 31)),
        (third(2026, EARLY), D(2026, 1, 1), D(2026, 4, 30)),
        (third(2025, MID), D(2025, 5, 1), D(2025, 8, 31)),
        (third(2025, LATE), D(2025, 9, 1), D(2025, 12, 31)),
        (third(2025, LATE, approximate=True), D(2025, 9, 1), D(2025, 12, 31)),
        (third(9999, LATE), D(9999, 9, 1), D(9999, 12, 31)),
    ],
)
def test_first_and_last_day(value: PartialDate, first: D, last: D) -> None:
    assert value.first_day == first
    assert value.last_day == last


# --- iso() / label() / str() --------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "iso", "label"),
    [
        (day(2026, 2, 27), "2026-02-27", "27 Feb 2026"),
        (day(2026, 3, 5), "2026-03-05", "5 Mar 2026"),
        (month(2026, 2), "2026-02", "Feb 2026"),
        (month(2025, 9), "2025-09", "Sep 2025"),
        (quarter(2025, 3), "2025-Q3", "Q3 2025"),
        (year(2025), "2025", "2025"),
        (year(2025, approximate=True), "~2025", "c. 2025"),
        (month(2026, 2, approximate=True), "~2026-02", "c. Feb 2026"),
        (quarter(2025, 1, approximate=True), "~2025-Q1", "c. Q1 2025"),
        (day(2026, 12, 1, approximate=True), "~2026-12-01", "c. 1 Dec 2026"),
        (year(33), "0033", "33"),
        (half(2025, 1), "2025-H1", "H1 2025"),
        (half(2025, 2), "2025-H2", "H2 2025"),
        (half(2025, 1, approximate=True), "~2025-H1", "c. H1 2025"),
        (third(2026, EARLY), "early-2026", "early 2026"),
        (third(2025, MID), "mid-2025", "mid-2025"),
        (third(2025, LATE), "late-2025", "late 2025"),
        (third(2026, EARLY, approximate=True), "~early-2026", "c. early 2026"),
        (third(2025, MID, approximate=True), "~mid-2025", "c. mid-2025"),
        (third(2025, LATE, approximate=True), "~late-2025", "c. late 2025"),
        (third(33, MID), "mid-0033", "mid-33"),
    ],
)
def test_iso_and_label(value: PartialDate, iso: str, label: str) -> None:
    assert value.iso() == iso
    assert str(value) == iso
    assert value.label() == label


@pytest.mark.parametrize(
    ("m", "abbreviation"),
    list(
        enumerate(
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
            start=1,
        )
    ),
)
def test_label_month_abbreviations(m: int, abbreviation: str) -> None:
    assert month(2025, m).label() == f"{abbreviation} 2025"


# --- from_iso ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        year(2025),
        year(1),
        year(9999),
        year(2025, approximate=True),
        quarter(2025, 1),
        quarter(2025, 4),
        quarter(2025, 3, approximate=True),
        month(2026, 1),
        month(2026, 12),
        month(2026, 2, approximate=True),
        day(2026, 2, 27),
        day(2024, 2, 29),
        day(2026, 1, 1, approximate=True),
        half(2025, 1),
        half(2025, 2),
        half(2025, 2, approximate=True),
        third(2026, EARLY),
        third(2025, MID),
        third(2025, LATE),
        third(2026, EARLY, approximate=True),
        third(2025, MID, approximate=True),
        third(2025, LATE, approximate=True),
        third(1, MID),
    ],
)
def test_from_iso_round_trips(value: PartialDate) -> None:
    assert PartialDate.from_iso(value.iso()) == value
    assert PartialDate.from_iso(str(value)) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-27", day(2026, 2, 27)),
        ("2026-02", month(2026, 2)),
        ("2025-Q3", quarter(2025, 3)),
        ("2025", year(2025)),
        ("~2025", year(2025, approximate=True)),
        ("~2025-Q3", quarter(2025, 3, approximate=True)),
        ("2025-H1", half(2025, 1)),
        ("2025-H2", half(2025, 2)),
        ("~2025-H2", half(2025, 2, approximate=True)),
        ("early-2026", third(2026, EARLY)),
        ("mid-2025", third(2025, MID)),
        ("late-2025", third(2025, LATE)),
        ("~early-2026", third(2026, EARLY, approximate=True)),
        ("~mid-2025", third(2025, MID, approximate=True)),
        ("~late-2025", third(2025, LATE, approximate=True)),
    ],
)
def test_from_iso_reads_canonical_forms(text: str, expected: PartialDate) -> None:
    assert PartialDate.from_iso(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "Q3 2025",
        "2025-13",
        "2025-00",
        "2025-Q5",
        "2025-Q0",
        "2025-q3",
        "2026-02-30",
        "2025-02-29",
        "0000",
        "25",
        "20255",
        "2026-2",
        "2026-02-7",
        "2026/02/27",
        " 2025",
        "2025\n",
        "~ 2025",
        "~~2025",
        "Mid-2025",
        "mid 2025",
        "mid2025",
        "MID-2025",
        "mid-25",
        "mid-2025-Q3",
        "~ mid-2025",
        "~~mid-2025",
        "middle-2025",
        "2025-mid",
        "early-2026 ",
        "2025-h1",
        "2025-H3",
        "2025-H0",
        "H1-2025",
        "2025-H1-01",
        "Feb 2026",
        "\u0662\u0660\u0662\u0665",  # Arabic-Indic digits for 2025
    ],
)
def test_from_iso_is_strict(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        PartialDate.from_iso(text)
    assert caught.value.text == text
    assert isinstance(caught.value, ValueError)
    if text:
        assert f'"{text}"' in str(caught.value)


def test_from_iso_names_every_canonical_form() -> None:
    with pytest.raises(DateParseError) as caught:
        PartialDate.from_iso("Mid-2025")
    assert str(caught.value) == (
        'not a canonical date "Mid-2025" (expected YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM, '
        'YYYY-MM-DD, early-YYYY, mid-YYYY or late-YYYY, optionally prefixed "~")'
    )


def test_from_iso_empty_message() -> None:
    with pytest.raises(DateParseError, match=r"^empty date$"):
        PartialDate.from_iso("")


# --- sort_key -------------------------------------------------------------------------------


def test_sort_key_is_first_and_last_day() -> None:
    assert quarter(2025, 3).sort_key() == (D(2025, 7, 1), D(2025, 9, 30))
    assert day(2026, 2, 27).sort_key() == (D(2026, 2, 27), D(2026, 2, 27))


def test_sort_order_across_precisions() -> None:
    expected = [
        year(2024),
        day(2024, 12, 31),
        month(2025, 1),  # Jan 1 - Jan 31: same start, ends soonest
        quarter(2025, 1),  # Jan 1 - Mar 31
        year(2025),  # Jan 1 - Dec 31
        month(2025, 3),  # Mar 1 - Mar 31
        day(2025, 6, 30),
        day(2025, 7, 1),  # Jul 1 - Jul 1
        month(2025, 7),  # Jul 1 - Jul 31: ends before the quarter
        quarter(2025, 3),  # Jul 1 - Sep 30
        day(2025, 7, 15),  # starts after the quarter and the month start
        month(2025, 8),
        quarter(2025, 4),
        day(2025, 12, 31),
        year(2026),
    ]
    shuffled = expected[::-1][3:] + expected[::-1][:3]
    assert sorted(shuffled, key=PartialDate.sort_key) == expected


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("2025", "2025-07"),
        ("2025", "2025-Q3"),
        ("2025-07", "2025-Q3"),
        ("2025-07-01", "2025-07"),
        ("2025-Q3", "2025-07-15"),
        ("2025-Q2", "2025-07"),
        ("2025-06-30", "2025-Q3"),
        ("2025-12-31", "2026"),
        ("2025-Q4", "2025-12"),
        ("2025-01", "2025-Q1"),
        ("2025-Q1", "2025"),
        ("2025-01-01", "2025-01"),
    ],
)
def test_sort_key_pairs(earlier: str, later: str) -> None:
    assert PartialDate.from_iso(earlier).sort_key() < PartialDate.from_iso(later).sort_key()


def test_sort_order_with_halves_and_thirds() -> None:
    expected = [
        year(2024),
        quarter(2025, 1),  # Jan 1 - Mar 31
        third(2025, EARLY),  # Jan 1 - Apr 30
        half(2025, 1),  # Jan 1 - Jun 30
        year(2025),  # Jan 1 - Dec 31
        month(2025, 4),
        third(2025, MID),  # May 1 - Aug 31
        month(2025, 6),
        quarter(2025, 3),  # Jul 1 - Sep 30
        half(2025, 2),  # Jul 1 - Dec 31
        third(2025, LATE),  # Sep 1 - Dec 31
        day(2025, 12, 31),
        third(2026, EARLY),
    ]
    shuffled = expected[::-1][4:] + expected[::-1][:4]
    assert sorted(shuffled, key=PartialDate.sort_key) == expected


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("2025-Q1", "early-2025"),
        ("early-2025", "2025-H1"),
        ("2025-H1", "2025"),
        ("2025-04-30", "mid-2025"),
        ("mid-2025", "2025-05-02"),
        ("mid-2025", "2025-H2"),
        ("2025-H2", "late-2025"),
        ("~late-2025", "2026"),
        ("late-2025", "early-2026"),
    ],
)
def test_sort_key_pairs_with_halves_and_thirds(earlier: str, later: str) -> None:
    assert PartialDate.from_iso(earlier).sort_key() < PartialDate.from_iso(later).sort_key()


def test_sort_key_ignores_approximate() -> None:
    assert year(2025).sort_key() == year(2025, approximate=True).sort_key()


# --- parse_partial_date: accepted forms ------------------------------------------------------


def parse(text: str) -> PartialDate:
    return parse_partial_date(text, today=TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-27", day(2026, 2, 27)),
        ("2026-02", month(2026, 2)),
        ("2025-Q3", quarter(2025, 3)),
        ("2025-q3", quarter(2025, 3)),
        ("2025", year(2025)),
        ("~2025", year(2025, approximate=True)),
        ("~2026-02", month(2026, 2, approximate=True)),
        ("~2026-02-27", day(2026, 2, 27, approximate=True)),
        ("~2025-Q3", quarter(2025, 3, approximate=True)),
        ("2025-H1", half(2025, 1)),
        ("~2025-H2", half(2025, 2, approximate=True)),
        ("early-2026", third(2026, EARLY)),
        ("mid-2025", third(2025, MID)),
        ("~late-2025", third(2025, LATE, approximate=True)),
    ],
)
def test_parse_canonical_forms(text: str, expected: PartialDate) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Q3 2025",
        "q3 2025",
        "q3-2025",
        "Q3-2025",
        "Q32025",
        "2025 Q3",
        "2025-Q3",
        "2025 q3",
        "3Q 2025",
        "3q-2025",
        "Q3/2025",
        "  Q3   2025  ",
    ],
)
def test_parse_quarters(text: str) -> None:
    assert parse(text) == quarter(2025, 3)


@pytest.mark.parametrize("q", [1, 2, 3, 4])
def test_parse_every_quarter(q: int) -> None:
    assert parse(f"Q{q} 2025") == quarter(2025, q)


@pytest.mark.parametrize(
    "text",
    [
        "c. 2025",
        "c.2025",
        "c 2025",
        "ca. 2025",
        "circa 2025",
        "around 2025",
        "about 2025",
        "approx. 2025",
        "~ 2025",
    ],
)
def test_parse_approximate_years(text: str) -> None:
    assert parse(text) == year(2025, approximate=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mid-2025", third(2025, MID)),
        ("mid 2025", third(2025, MID)),
        ("Mid-2025", third(2025, MID)),
        ("MID 2025", third(2025, MID)),
        ("mid2025", third(2025, MID)),
        ("  mid   2025 ", third(2025, MID)),
        ("early 2026", third(2026, EARLY)),
        ("Early-2026", third(2026, EARLY)),
        ("late 2025", third(2025, LATE)),
        ("Late-2025", third(2025, LATE)),
        ("LATE 2025", third(2025, LATE)),
        ("H1 2025", half(2025, 1)),
        ("h2 2025", half(2025, 2)),
        ("H2-2025", half(2025, 2)),
        ("H2 2025", half(2025, 2)),
        ("2025 H1", half(2025, 1)),
        ("2025 H2", half(2025, 2)),
        ("2025-h2", half(2025, 2)),
        ("1H 2025", half(2025, 1)),
        ("first half 2025", half(2025, 1)),
        ("first half of 2025", half(2025, 1)),
        ("First Half of 2025", half(2025, 1)),
        ("1st half of 2025", half(2025, 1)),
        ("second half of 2025", half(2025, 2)),
        ("2nd half 2025", half(2025, 2)),
    ],
)
def test_parse_parts_of_a_year_keep_what_was_written(text: str, expected: PartialDate) -> None:
    assert parse(text) == expected
    assert not parse(text).approximate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("~mid-2025", third(2025, MID, approximate=True)),
        ("~ mid 2025", third(2025, MID, approximate=True)),
        ("~Mid-2025", third(2025, MID, approximate=True)),
        ("c. mid-2025", third(2025, MID, approximate=True)),
        ("circa late 2025", third(2025, LATE, approximate=True)),
        ("around early 2026", third(2026, EARLY, approximate=True)),
        ("~2025-H1", half(2025, 1, approximate=True)),
        ("c. H2 2025", half(2025, 2, approximate=True)),
        ("c. first half of 2025", half(2025, 1, approximate=True)),
    ],
)
def test_parse_approximate_parts_of_a_year(text: str, expected: PartialDate) -> None:
    assert parse(text) == expected
    assert parse(text).label().startswith("c. ")


@pytest.mark.parametrize(
    "value",
    [
        half(2025, 1),
        half(2025, 2, approximate=True),
        third(2026, EARLY),
        third(2025, MID),
        third(2025, LATE),
        third(2026, EARLY, approximate=True),
        third(2025, MID, approximate=True),
        third(2025, LATE, approximate=True),
    ],
)
def test_labels_of_parts_of_a_year_read_back(value: PartialDate) -> None:
    assert parse(value.label()) == value
    assert parse(value.iso()) == value


@pytest.mark.parametrize(
    ("value", "months"),
    [
        (half(2025, 1), "Jan–Jun 2025"),
        (half(2025, 2), "Jul–Dec 2025"),
        (third(2026, EARLY), "Jan–Apr 2026"),
        (third(2025, MID, approximate=True), "May–Aug 2025"),
        (third(2025, LATE), "Sep–Dec 2025"),
        (quarter(2025, 3), "Jul–Sep 2025"),
        (year(2025), "Jan–Dec 2025"),
        (month(2026, 2), "Feb 2026"),
        (day(2026, 2, 27), "Feb 2026"),
    ],
)
def test_months_label(value: PartialDate, months: str) -> None:
    assert value.months_label() == months


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("c. Feb 2026", month(2026, 2, approximate=True)),
        ("early February 2026", month(2026, 2, approximate=True)),
        ("late Q3 2025", quarter(2025, 3, approximate=True)),
        ("around 27 Feb 2026", day(2026, 2, 27, approximate=True)),
        ("mid-2025-Q3", quarter(2025, 3, approximate=True)),
    ],
)
def test_approximate_prefix_applies_to_finer_dates(text: str, expected: PartialDate) -> None:
    assert parse(text) == expected
    assert parse(text).label().startswith("c. ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("earlier this year", year(2026, approximate=True)),
        ("Earlier This Year", year(2026, approximate=True)),
        ("later this year", year(2026, approximate=True)),
        ("this year", year(2026)),
        ("last year", year(2025)),
        ("next year", year(2027)),
        ("early last year", third(2025, EARLY)),
        ("mid this year", third(2026, MID)),
        ("late next year", third(2027, LATE)),
        ("first half of this year", half(2026, 1)),
        ("second half of next year", half(2027, 2)),
    ],
)
def test_parse_relative_years_use_today(text: str, expected: PartialDate) -> None:
    assert parse(text) == expected


def test_today_injection_changes_relative_years() -> None:
    assert parse_partial_date("earlier this year", today=D(2019, 1, 2)) == year(
        2019, approximate=True
    )
    assert parse_partial_date("last year", today=D(2001, 12, 31)) == year(2000)


def test_today_defaults_to_the_real_today() -> None:
    this_year = datetime.date.today().year
    assert parse_partial_date("earlier this year") == year(this_year, approximate=True)
    assert parse_partial_date("this year") == year(this_year)


@pytest.mark.parametrize(
    "text",
    [
        "February 2026",
        "february 2026",
        "FEBRUARY 2026",
        "Feb 2026",
        "feb 2026",
        "feb. 2026",
        "Feb.2026",
        "Feb-2026",
        "Feb/2026",
        "Feb, 2026",
        "2026 Feb",
        "2026 February",
        "2026/02",
        "2026/2",
        "2026.02",
        "02/2026",
        "2/2026",
        "02-2026",
        "02.2026",
    ],
)
def test_parse_month_forms(text: str) -> None:
    assert parse(text) == month(2026, 2)


@pytest.mark.parametrize(
    ("text", "m"),
    [
        ("January 2026", 1),
        ("Jan 2026", 1),
        ("March 2026", 3),
        ("Apr 2026", 4),
        ("May 2026", 5),
        ("June 2026", 6),
        ("Jul 2026", 7),
        ("August 2026", 8),
        ("Sep 2026", 9),
        ("Sept 2026", 9),
        ("sept. 2026", 9),
        ("September 2026", 9),
        ("Oct 2026", 10),
        ("November 2026", 11),
        ("Dec 2026", 12),
        ("12/2026", 12),
    ],
)
def test_parse_every_month_name(text: str, m: int) -> None:
    assert parse(text) == month(2026, m)


@pytest.mark.parametrize(
    "text",
    [
        "27 Feb 2026",
        "27 feb 2026",
        "27 February 2026",
        "27 FEBRUARY 2026",
        "27 Feb. 2026",
        "27-Feb-2026",
        "27th February 2026",
        "27th of February 2026",
        "27th of February, 2026",
        "February 27, 2026",
        "February 27 2026",
        "Feb 27 2026",
        "feb. 27, 2026",
        "Feb 27th, 2026",
        "2026/02/27",
        "2026.02.27",
        "2026-2-27",
        "27.02.2026",
        "27/02/2026",
        "27-02-2026",
        "27/2/2026",
        "  27   Feb   2026 ",
        "\t27 Feb 2026\n",
    ],
)
def test_parse_day_forms(text: str) -> None:
    assert parse(text) == day(2026, 2, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/04/2026", day(2026, 4, 3)),  # day first: 3 April, not 4 March
        ("01.02.2026", day(2026, 2, 1)),
        ("12/11/2026", day(2026, 11, 12)),
        ("5 Mar 2026", day(2026, 3, 5)),
        ("1st Jan 2026", day(2026, 1, 1)),
        ("2nd Jan 2026", day(2026, 1, 2)),
        ("3rd Jan 2026", day(2026, 1, 3)),
        ("29 Feb 2024", day(2024, 2, 29)),
        ("31 Dec 2025", day(2025, 12, 31)),
    ],
)
def test_parse_day_first_and_other_days(text: str, expected: PartialDate) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday 27 Feb 2026", day(2026, 2, 27)),
        ("Fri, 27 February 2026", day(2026, 2, 27)),
        ("on 27 Feb 2026", day(2026, 2, 27)),
        ("20260227", day(2026, 2, 27)),
        ("27/02/26", day(2026, 2, 27)),
    ],
)
def test_parse_falls_back_to_dateutil(text: str, expected: PartialDate) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "27 Feb 2026",
        "Q3 2025",
        "mid-2025",
        "Mid 2025",
        "late 2025",
        "first half of 2025",
        "2025 H2",
        "c. early 2026",
        "Feb 2026",
        "2026-02-27",
        "earlier this year",
    ],
)
def test_parse_result_is_canonical(text: str) -> None:
    value = parse(text)
    assert PartialDate.from_iso(value.iso()) == value
    assert parse(value.iso()) == value


# --- parse_partial_date: refusals --------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "   ", "\t\n"])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(DateParseError, match=r"^empty date$") as caught:
        parse(text)
    assert caught.value.text == text


@pytest.mark.parametrize("text", ["soonish", "next tuesday-ish", "TBC", "the 5th", "Q3", "mid"])
def test_unparseable_text_quotes_the_text(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse(text)
    assert str(caught.value) == f'cannot understand the date "{text}"'
    assert caught.value.text == text


def test_error_quotes_the_original_text_exactly() -> None:
    with pytest.raises(DateParseError) as caught:
        parse("  SoonISH ")
    assert str(caught.value) == 'cannot understand the date "  SoonISH "'
    assert caught.value.text == "  SoonISH "


@pytest.mark.parametrize(
    "text", ["27 February", "February 27", "27 Feb", "29 Feb", "27", "March", "27/02", "Monday"]
)
def test_missing_year_is_refused(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse(text)
    message = str(caught.value)
    assert f'"{text}"' in message
    if text != "Monday":
        assert message == f'no year in "{text}"'


@pytest.mark.parametrize("text", ["27 2026", "27th of 2026"])
def test_day_and_year_without_month_is_refused(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse(text)
    assert f'"{text}"' in str(caught.value)


def test_missing_month_is_refused_even_if_dateutil_reads_a_day(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # dateutil itself refuses "27 2026"; make sure we would too if it ever reads a lone day.
    def fake_parse(text: str, *, default: datetime.datetime, dayfirst: bool) -> datetime.datetime:
        return default.replace(year=2026, day=27)

    monkeypatch.setattr("dateutil.parser.parse", fake_parse)
    with pytest.raises(DateParseError, match=r'^no month in "the 27th, 2026"$'):
        parse("the 27th, 2026")


def test_weekday_and_year_only_is_refused() -> None:
    with pytest.raises(
        DateParseError, match=r'^a weekday but no day of the month in "Friday 2026"$'
    ):
        parse("Friday 2026")


@pytest.mark.parametrize(
    "text",
    [
        "31 Feb 2026",
        "29 Feb 2025",
        "2026-02-30",
        "2026/02/30",
        "30.02.2026",
        "31 April 2026",
        "February 30, 2026",
        "~2025-02-29",
        "Q5 2025",
        "2025-Q5",
        "2025-Q0",
        "2025-13",
        "13/2026",
        "02/27/2026",  # US month-first: refused, not silently swapped
        "0000",
        "c. 0000",
    ],
)
def test_impossible_dates_are_refused_quoting_the_text(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse(text)
    assert f'"{text}"' in str(caught.value)
    assert caught.value.text == text


def test_impossible_day_message_says_why() -> None:
    with pytest.raises(DateParseError) as caught:
        parse("31 Feb 2026")
    assert str(caught.value) == 'not a valid date "31 Feb 2026": February 2026 has no day 31'


@pytest.mark.parametrize(
    "text",
    [
        "27 Feb 2026 10:30",
        "27 Feb 2026 at 10am",
        "2026-02-27T10:00",
        "2026-02-27 00:00",
        "10:30 27/02/2026",
        "27 Feb 2026 10:30:15",
    ],
)
def test_time_of_day_is_refused(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse(text)
    assert str(caught.value) == f'a time of day is not allowed in a date: "{text}"'


def test_contradictory_weekday_is_refused() -> None:
    with pytest.raises(DateParseError) as caught:
        parse("Monday 27 Feb 2026")
    assert str(caught.value) == ('27 Feb 2026 is a Friday, which contradicts "Monday 27 Feb 2026"')


def test_weekday_without_day_does_not_invent_a_day() -> None:
    with pytest.raises(DateParseError, match='"Monday Feb 2026"'):
        parse("Monday Feb 2026")


@pytest.mark.parametrize(
    "text",
    [
        "mid-20x5",
        "mid-",
        "early",
        "late in the year",
        "middle 2025",
        "H3 2025",
        "H0 2025",
        "third half of 2025",
        "first half",
        "half 2025",
        "mid 2025 2026",
        "~mid-20x5",
    ],
)
def test_nonsense_parts_of_a_year_are_refused_quoting_the_text(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse(text)
    assert str(caught.value) == f'cannot understand the date "{text}"'
    assert caught.value.text == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("mid-25", 'no year in "mid-25"'),
        ("2025-H3", 'not a valid date "2025-H3": half must be 1 to 2, not 3'),
        ("~2025-H0", 'not a valid date "~2025-H0": half must be 1 to 2, not 0'),
        ("mid-0000", 'not a valid date "mid-0000": year must be 1 to 9999, not 0'),
    ],
)
def test_impossible_parts_of_a_year_say_why(text: str, message: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse(text)
    assert str(caught.value) == message


def test_approximate_prefix_keeps_the_inner_reason() -> None:
    with pytest.raises(DateParseError, match=r'^no year in "mid 27 February"$'):
        parse("mid 27 February")


def test_date_parse_error_is_a_value_error() -> None:
    error = DateParseError("soonish")
    assert isinstance(error, ValueError)
    assert error.text == "soonish"
    assert str(error) == 'cannot understand the date "soonish"'
    assert str(DateParseError("x", "custom")) == "custom"
