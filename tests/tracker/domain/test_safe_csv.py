"""CSV for spreadsheets (``tracker.domain.flatfile``): formula cells neutralised, our own
import giving back exactly what was exported, and the byte order mark for Excel."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from tracker.domain.flatfile import EXCEL_BOM, for_spreadsheets, from_csv, to_csv

DANGEROUS = [
    '=HYPERLINK("http://example.org/x","click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\tTabbed",
    "\rReturned",
    "'Quoted by its writer",
    "''Twice quoted",
    "'=already neutral",
]


def row(owner: str) -> dict[str, Any]:
    return {
        "id": "e-1",
        "title": "Talks",
        "vendor": "V",
        "counterpart": "C",
        "status": "exploratory",
        "owner": owner,
        "tags": ["-minus", "plain"],
    }


@pytest.mark.parametrize("value", DANGEROUS)
def test_no_cell_starts_a_formula_and_the_value_reads_back_exactly(value: str) -> None:
    text = to_csv([row(value)])
    cells = [c for r in csv.reader(io.StringIO(text, newline="")) for c in r]

    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert from_csv(text)[0]["owner"] == value
    assert from_csv(text)[0]["tags"] == ["-minus", "plain"]


def test_plain_text_is_written_as_it_is() -> None:
    text = to_csv([row("Vendor watch — Ελληνικά, Кириллица, 日本語")])
    assert ',"Vendor watch — Ελληνικά, Кириллица, 日本語",' in text


def test_a_file_for_spreadsheets_starts_with_the_bom_and_reads_back() -> None:
    text = for_spreadsheets(to_csv([row("Ελληνικά")]))
    assert text.startswith(EXCEL_BOM) and text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    assert from_csv(text)[0]["owner"] == "Ελληνικά"
