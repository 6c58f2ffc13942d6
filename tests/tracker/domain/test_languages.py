"""The languages and their words: every vocabulary word, field label, section name and
presenter word has its French; French dates; English as it always was."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.domain import links, presenter, vocab
from tracker.domain.briefing_sections import SECTIONS, part_label, section_label
from tracker.domain.briefing_templates import TemplateSettings, settings_from_json, settings_json
from tracker.domain.change_words import ChangePeriod, ChangeRow, word
from tracker.domain.date_words import date_label, day_label, long_day
from tracker.domain.dates import PartialDate
from tracker.domain.demo import demo_document
from tracker.domain.errors import ValidationError
from tracker.domain.fields import CHILD_KINDS, ENGAGEMENT_FIELDS
from tracker.domain.french import FRENCH, FRENCH_VOCABULARY
from tracker.domain.interchange import data_from_json
from tracker.domain.languages import Language, counted, translate, vocab_label
from tracker.domain.markings import DEFAULT_MARKINGS

FR = Language.FR

VOCABULARIES = [
    v
    for v in vars(vocab).values()
    if isinstance(v, type) and issubclass(v, vocab.Vocabulary) and v is not vocab.Vocabulary
]


def test_every_vocabulary_word_has_its_french() -> None:
    assert len(VOCABULARIES) >= 8
    for vocabulary in VOCABULARIES:
        for member in vocabulary:
            assert (vocabulary.__name__, member.value) in FRENCH_VOCABULARY, member
    assert len(FRENCH_VOCABULARY) == sum(len(v) for v in VOCABULARIES)  # none stale


def test_the_domain_words_are_the_ones_agreed() -> None:
    assert [vocab_label(s, FR) for s in vocab.Status] == [
        "Exploratoire", "En négociation", "Conclu", "Actif", "Suspendu", "Rompu", "Terminé",
    ]  # fmt: skip
    assert [vocab_label(c, FR) for c in vocab.Confidence] == [
        "Confirmé", "Rapporté", "Non confirmé", "Démenti",
    ]  # fmt: skip
    assert [vocab_label(s, FR) for s in vocab.Stance] == [
        "Accepté", "Proposé", "Contesté", "Rejeté",
    ]  # fmt: skip
    assert [vocab_label(r, FR) for r in vocab.Region] == [
        "Europe", "Amérique du Nord", "Amérique latine", "Asie-Pacifique", "Moyen-Orient",
        "Afrique", "Monde",
    ]  # fmt: skip
    # The same English label, two French words: keyed by vocabulary.
    assert vocab_label(vocab.Status.AGREED, FR) != vocab_label(vocab.Stance.AGREED, FR)
    assert vocab_label(vocab.Status.BROKEN_DOWN, Language.EN) == "Broken down"


def test_every_label_section_and_presenter_word_has_its_french() -> None:
    labels = {f.label for f in ENGAGEMENT_FIELDS}
    for kind in CHILD_KINDS:
        labels |= {kind.label, kind.noun, *(c.label for c in kind.columns)}
    labels |= {s.label for s in SECTIONS}
    labels |= {
        getattr(presenter, name)
        for name in (
            "MISSING_DATE", "EMPTY_SECTIONS", "UNTITLED", "UNTITLED_SOURCE", "ORIGINALLY_SAID",
            "CLARIFIED", "SOURCE", "NUMBER", "UID", "VERSION", "CREATED", "LAST_CHANGE",
            "IN_TRASH",
        )
    }  # fmt: skip
    labels |= {*links.INVERSE.values(), links.IN_TRASH}
    missing = sorted(w for w in labels if w not in FRENCH)
    assert not missing
    assert section_label("contents", FR) == "Sommaire"
    assert part_label("status_history", FR) == "Chronologie des statuts"
    assert part_label("status_history") == "Status timeline"


def test_templates_keep_their_fields() -> None:
    for english, french in FRENCH.items():
        fields = sorted(part.split("}")[0] for part in english.split("{")[1:])
        assert sorted(part.split("}")[0] for part in french.split("{")[1:]) == fields, english
    assert translate("Page {page} of {total}", FR).format(page=3, total=12) == "Page 3 sur 12"
    assert translate("(continued)", FR) == "(suite)"
    assert translate("Not in the catalogue", FR) == "Not in the catalogue"
    assert translate("Page {page} of {total}", Language.EN) == "Page {page} of {total}"


def test_markings_are_never_translated() -> None:
    assert not set(DEFAULT_MARKINGS) & set(FRENCH)


@pytest.mark.parametrize(
    ("iso", "french", "english"),
    [
        ("2026-02-27", "27 février 2026", "27 Feb 2026"),
        ("2026-03-01", "1er mars 2026", "1 Mar 2026"),
        ("2026-02", "février 2026", "Feb 2026"),
        ("2026-Q1", "1er trimestre 2026", "Q1 2026"),
        ("2026-Q2", "2e trimestre 2026", "Q2 2026"),
        ("2026-H1", "1er semestre 2026", "H1 2026"),
        ("2026-H2", "2e semestre 2026", "H2 2026"),
        ("early-2026", "début 2026", "early 2026"),
        ("mid-2025", "mi-2025", "mid-2025"),
        ("late-2025", "fin 2025", "late 2025"),
        ("2026", "2026", "2026"),
        ("~2025-Q3", "vers 3e trimestre 2025", "c. Q3 2025"),
    ],
)
def test_dates_in_french_and_english(iso: str, french: str, english: str) -> None:
    value = PartialDate.from_iso(iso)
    assert date_label(value, FR) == french
    assert date_label(value, Language.EN) == english == value.label()


def test_days_and_counts() -> None:
    day = dt.date(2026, 8, 1)
    assert (day_label(day, FR), long_day(day, FR)) == ("1er août 2026", "1er août 2026")
    assert (day_label(day, Language.EN), long_day(day, Language.EN)) == (
        "1 Aug 2026",
        "1 August 2026",
    )
    assert counted(0, "engagement", "engagements", FR) == "0 engagement"
    assert counted(0, "engagement", "engagements", Language.EN) == "0 engagements"
    assert counted(2, "day", "days", FR) == "2 jours"


def test_language_codes() -> None:
    assert Language.parse(" FR ") is FR and FR.label == "Français"
    assert str(FR) == "fr"
    with pytest.raises(ValueError, match=r'unknown language "de" \(allowed: en, fr\)'):
        Language.parse("de")


def test_an_engagement_presented_in_french() -> None:
    raw = demo_document()["engagements"][1]
    data = data_from_json(
        raw, label="#2", allowed_markings=DEFAULT_MARKINGS, default_marking="UNCLASSIFIED"
    )
    shown = presenter.present_data(data, number=2, uid="u", updated_at="", language=FR)
    english = presenter.present_data(data, number=2, uid="u", updated_at="")
    facts = {f.key: (f.label, f.value) for f in shown.facts}
    assert facts["status"] == ("Statut", "Conclu")
    assert facts["marking"][1] == data.marking  # as configured
    headings = [s.heading for s in shown.sections]
    assert "Chronologie des statuts" in headings and "Status timeline" not in headings
    assert shown.empty_note == "Non renseigné\u00a0: Clarifications"
    assert english.empty_note == "Not recorded: Clarifications"
    timeline = next(s for s in shown.sections if s.key == "status_history")
    assert [i.date for i in timeline.items] == ["vers 2026", "27 février 2026"]  # type: ignore[union-attr]


def test_changes_worded_in_french() -> None:
    row = ChangeRow(1, "2026-03-02T10:00:00+00:00", "alice", 2, "u", "T", 2, "update",
                    "status", "negotiating", "agreed")  # fmt: skip
    assert word(row).text() == "Status: Negotiating → Agreed"
    french = word(row, language=FR)
    assert (french.label, french.old, french.new) == ("Statut", "En négociation", "Conclu")
    period = ChangePeriod(since=dt.date(2026, 3, 1))
    assert period.label(FR) == "depuis le 1er mars 2026"
    assert period.label() == "since 1 Mar 2026"


def test_a_template_keeps_its_language() -> None:
    settings = TemplateSettings(language="fr")
    assert settings_from_json(settings_json(settings)).language == "fr"
    with pytest.raises(ValidationError, match="language: must be one of en, fr"):
        settings_from_json({**settings_json(settings), "language": "de"})
