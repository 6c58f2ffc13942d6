"""The briefing register's selection in words, with the labels of the fields."""

from __future__ import annotations

import datetime

from tracker.domain.dates import PartialDate
from tracker.domain.model import Filters
from tracker.domain.register import describe_selection, filter_parts, selection_json
from tracker.domain.vocab import Region, Stance, Status


def test_a_selection_reads_in_words_with_the_fields_labels() -> None:
    filters = Filters(statuses=(Status.ACTIVE, Status.AGREED), regions=(Region.NORTH_AMERICA,))
    assert describe_selection(selection_json(filters, sort="updated_at")) == (
        "Status: Active or Agreed · Region: North America · sorted by last change"
    )
    assert describe_selection(selection_json(Filters(ids=(1, 4, 9)), sort="title")) == (
        "3 chosen engagements: 1, 4, 9 · sorted by title"
    )
    everything = Filters(
        regions=(None,),
        vendor="OpenAI",
        markings=("PUBLIC", "UNCLASSIFIED"),
        started_from=PartialDate.from_iso("2025-Q3"),
        due_by=datetime.date(2026, 6, 30),
        stale_before=datetime.date(2026, 1, 2),
        search="sovereignty",
        trash=True,
    )
    assert describe_selection(selection_json(everything, sort="id")) == (
        "Region: not set · Vendor: OpenAI · Marking: PUBLIC or UNCLASSIFIED · "
        'Last change: before 2 Jan 2026 · Search: "sovereignty" · in the trash · '
        "Started: from Q3 2025 · Follow-up: to 30 Jun 2026 · sorted by number"
    )
    assert describe_selection(selection_json(Filters(), sort="follow_up")) == (
        "All engagements · sorted by follow-up"
    )
    # A row edited by hand is shown as written, never refused.
    assert describe_selection({"filters": {"statuses": ["gone"], "ids": 3}}) == (
        "1 chosen engagement: 3 · Status: gone"
    )
    assert describe_selection({}) == "All engagements"


def test_a_stance_reads_with_its_restriction() -> None:
    filters = Filters(restriction="no-fully-autonomous-weapons", stance=Stance.DISPUTED)
    assert selection_json(filters)["filters"] == {
        "restriction": "no-fully-autonomous-weapons",
        "stance": "disputed",
    }
    assert describe_selection(selection_json(filters)) == (
        "Restrictions: no-fully-autonomous-weapons · Stance: Disputed · sorted by title"
    )


def test_filter_parts_name_the_fields_each_part_stands_for() -> None:
    filters = Filters(
        regions=(Region.EUROPE,),
        stance=Stance.AGREED,
        started_from=PartialDate.from_iso("2025-Q3"),
        started_to=PartialDate.from_iso("2026"),
    )
    assert filter_parts(filters) == [
        (("regions",), "Region: Europe"),
        (("stance",), "Stance: Agreed"),
        (("started_from", "started_to"), "Started: from Q3 2025 to 2026"),
    ]
    assert filter_parts(Filters()) == []


def test_a_selection_reads_in_french() -> None:
    import datetime as _dt

    from tracker.domain.languages import Language
    from tracker.domain.model import Filters
    from tracker.domain.register import describe_selection, filter_parts, selection_json
    from tracker.domain.vocab import Region, Status

    filters = Filters(
        statuses=(Status.ACTIVE, Status.AGREED),
        regions=(Region.EUROPE, None),
        search="nato",
        due_from=_dt.date(2026, 3, 1),
        due_by=_dt.date(2026, 3, 31),
        trash=True,
    )
    words = [w for _, w in filter_parts(filters, Language.FR)]
    assert words == [
        "Statut\u00a0: Actif ou Conclu",
        "Région\u00a0: Europe ou non renseigné",
        "Recherche\u00a0: «\u00a0nato\u00a0»",
        "dans la corbeille",
        "Suivi\u00a0: du 1er mars 2026 au 31 mars 2026",
    ]
    described = describe_selection(selection_json(Filters(), sort="updated_at"), Language.FR)
    assert described == "Tous les engagements · triés par dernière modification"
