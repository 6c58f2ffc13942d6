"""A French briefing (``Briefing.language``), read back with pdftotext and pypdf: every
fixed text, the vocabulary and the dates in French, the marking as configured."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from exports.briefing import Briefing, render_pdf
from exports.document import ChangesSince, FollowUpsDue
from tests.exports.test_briefing import demo_briefing
from tracker.domain.briefing_sections import SECTION_LABELS
from tracker.domain.change_words import ChangePeriod, ChangeRow, grouped, word
from tracker.domain.due import due_items, due_until, parse_period
from tracker.domain.languages import Language
from tracker.domain.model import Engagement

TODAY = dt.date(2026, 3, 10)
ENGLISH_WORDS = (
    "Page 1 of", "Generated", "Overview", "Restriction matrix", "Not recorded", "(continued)",
    "Status timeline", "Follow-ups due", "Changes since", "Sources appendix", "Contents",
    "Exploratory", "Negotiating", "Broken down", "Database revision", "overdue by",
)  # fmt: skip


def _row(number: int, field: str, old: str, new: str) -> ChangeRow:
    return ChangeRow(number, "2026-03-05T08:15:00+00:00", "alice", 2,
                     "demo-dod-openai", "U.S. Department of Defense agreement with OpenAI",
                     3, "update", field, old, new)  # fmt: skip


def full_briefing(language: Language) -> Briefing:
    """The demo briefing with every section, its follow-ups and two changes."""
    base = demo_briefing()
    found = [
        Engagement(e.number, e.uid, 1, e.data, "2026-01-01", e.updated_at) for e in base.engagements
    ]
    within = parse_period("4m")
    items = due_items(found, today=TODAY, until=due_until(TODAY, within))
    added = '[{"code": "x", "title": "No X", "stance": "proposed"}]'
    changes = [
        word(_row(2, "status", "negotiating", "agreed")),
        word(_row(1, "restrictions", "[]", added)),
    ]
    return dataclasses.replace(
        base,
        language=language,
        sections=tuple(SECTION_LABELS),
        key_points="Why this matters.\n\n- One point",
        follow_ups=FollowUpsDue(today=TODAY, within=within, items=items),
        changes=ChangesSince(
            period=ChangePeriod(since=dt.date(2026, 3, 1)), groups=tuple(grouped(changes))
        ),
    )


@pytest.fixture(scope="module")
def french_pdf() -> bytes:
    return render_pdf(full_briefing(Language.FR))


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def test_every_fixed_text_is_french(french_pdf: bytes, tmp_path: Path) -> None:
    text = pdftotext(french_pdf, tmp_path)
    for words in (
        "NOTE SUR LES ENGAGEMENTS", "Générée le 10 mars 2026 à 09:30 UTC", "Page 1 sur",
        "Points clés", "Sommaire", "Vue d’ensemble", "Suivis à échéance",
        "Modifications depuis le 1er mars 2026", "Matrice des restrictions",
        "Annexe des sources", "(suite)", "Non renseigné", "Chronologie des statuts",
        "2e trimestre 2026", "27 février 2026", "Exploratoire", "En négociation", "Conclu",
        "Rompu", "Actif", "Accepté", "Contesté", "Amérique du Nord", "Monde",
        "Quand Qui Champ Modification", "Statut En négociation → Conclu",
        "ajout : restriction No X · Proposé",
        "Révision de la base de données : 42", "Gravité élevée", "Tous les engagements",
    ):  # fmt: skip
        assert words in text, words
    pages = len(pypdf.PdfReader(io.BytesIO(french_pdf)).pages)
    assert f"Page {pages} sur {pages}" in text
    for words in ENGLISH_WORDS:
        assert words not in text, words
    assert "Diffusion : réservée à l’usage officiel" in text  # the default statement
    assert "Government AI engagements — weekly briefing" in text  # a typed title as typed
    # The marking prints as configured, never translated.
    assert text.count("NATO UNCLASSIFIED") >= 2 * pages


def test_the_metadata_and_outline_are_french(french_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(french_pdf))
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert reader.metadata.subject == "Note sur les engagements · NATO UNCLASSIFIED"
    outline = [i.title for i in reader.outline if not isinstance(i, list)]
    assert outline[:4] == ["Couverture", "Points clés", "Sommaire", "Vue d’ensemble"]
    assert "Suivis à échéance" in outline and "Annexe des sources" in outline


def test_the_follow_ups_in_french(french_pdf: bytes, tmp_path: Path) -> None:
    text = pdftotext(french_pdf, tmp_path)
    assert "Au 10 mars 2026 (UTC)" in text
    assert "<b>" not in text
    assert "0 suivi en retard, 1 à échéance d’ici 4 mois (au plus tard le 10 juillet 2026)" in text
    assert "Échéance Quand" in text
    assert "2e trimestre 2026 30 juin 2026 à échéance dans 112 jours" in text


def test_english_is_as_it_was(tmp_path: Path) -> None:
    english = full_briefing(Language.EN)
    pdf = render_pdf(english)
    assert pdf == render_pdf(dataclasses.replace(english, language="en"))  # type: ignore[arg-type]
    text = pdftotext(pdf, tmp_path)
    for words in ("Page 1 of", "Generated 10 March 2026, 09:30 UTC", "Overview",
                  "Changes since 1 Mar 2026", "Status Negotiating → Agreed",
                  "added restriction No X · Proposed"):  # fmt: skip
        assert words in text, words
    assert "sur" not in text.split() and "Générée" not in text
    assert pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "en"


def test_every_text_the_renderer_translates_is_in_the_catalogue() -> None:
    import ast

    from tracker.domain.french import FRENCH

    asked: set[str] = set()
    for module in Path(__file__).parents[2].glob("exports/*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            first = node.args[0]
            if name in ("translate", "_w") and isinstance(first, ast.Constant):
                asked.add(str(first.value))
    assert len(asked) >= 30
    assert sorted(asked - set(FRENCH)) == []
