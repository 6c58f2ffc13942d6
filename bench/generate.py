"""A realistic, deterministic dataset in the interchange format.

    python -m bench.generate --engagements 100000 --seed 1 --out /tmp/bench.json

Each engagement gets about ten children across scope limits, restrictions (from a
shared catalogue), clarifications, status history, sources, concerns and tags.
Counterparts include Unicode names (Greek, Cyrillic, Japanese, Arabic, ...);
dates come in every precision the format knows (``2025``, ``2025-Q3``,
``2025-06``, ``2026-02-27``, ``~2025``). The same seed gives the same document.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

from tracker.domain.fields import LIST_KEYS
from tracker.domain.interchange import FORMAT
from tracker.domain.vocab import (
    ConcernKind,
    Confidence,
    Region,
    ScopeKind,
    Severity,
    Stance,
    Status,
)

VENDORS: tuple[str, ...] = (
    "OpenAI",
    "Anthropic",
    "Mistral AI",
    "Google",
    "Microsoft",
    "Cohere",
    "Aleph Alpha",
    "Meta",
    "Amazon Web Services",
    "IBM",
    "Palantir",
    "xAI",
    "Scale AI",
    "Helsing",
    "LightOn",
    "Silo AI",
    "Sakana AI",
    "Naver",
    "G42",
    "Baidu",
)

# Counterparts by region: multinational bodies, ministries and agencies.
COUNTERPARTS: dict[Region, tuple[str, ...]] = {
    Region.EUROPE: (
        "NATO",
        "European Commission",
        "European Defence Agency",
        "Ministry of Defence (United Kingdom)",
        "Bundesministerium der Verteidigung",
        "Ministère des Armées",
        "Ministero della Difesa",
        "Ministerio de Defensa",
        "Ministerie van Defensie",
        "Ministerstwo Obrony Narodowej",
        "Υπουργείο Ψηφιακής Διακυβέρνησης",
        "Υπουργείο Εθνικής Άμυνας",
        "Министерство обороны Украины",
        "Министерство на отбраната (България)",
        "Försvarsmakten",
        "Puolustusministeriö",
        "Forsvarsministeriet",
        "Kaitseministeerium",
        "Ministério da Defesa Nacional",
        "Agence ministérielle pour l'IA de défense",
    ),
    Region.NORTH_AMERICA: (
        "U.S. Department of Defense",
        "U.S. Department of Homeland Security",
        "U.S. General Services Administration",
        "Chief Digital and AI Office",
        "Defense Innovation Unit",
        "U.S. Department of Energy",
        "Department of National Defence (Canada)",
        "Secretaría de la Defensa Nacional",
    ),
    Region.LATIN_AMERICA: (
        "Ministério da Defesa (Brasil)",
        "Ministerio de Defensa Nacional (Colombia)",
        "Ministerio de Defensa (Argentina)",
        "Ministerio de Ciencia, Tecnología, Conocimiento e Innovación (Chile)",
        "Secretaría de Gobierno Digital (Perú)",
        "Organization of American States",
    ),
    Region.ASIA_PACIFIC: (
        "防衛省",
        "デジタル庁",
        "국방부",
        "과학기술정보통신부",
        "Ministry of Defence (India)",
        "Department of Defence (Australia)",
        "New Zealand Defence Force",
        "Ministry of Defence (Singapore)",
        "國防部",
        "กระทรวงกลาโหม",
        "Kementerian Pertahanan Republik Indonesia",
    ),
    Region.MIDDLE_EAST: (
        "وزارة الدفاع (الإمارات العربية المتحدة)",
        "Saudi Data and AI Authority",
        "משרד הביטחון",
        "Ministry of Defence (Qatar)",
        "وزارة الاقتصاد الرقمي والريادة (الأردن)",
        "Gulf Cooperation Council",
    ),
    Region.AFRICA: (
        "African Union Commission",
        "Department of Defence (South Africa)",
        "Ministry of Communications and Digital Economy (Nigeria)",
        "Ministry of Information, Communications and the Digital Economy (Kenya)",
        "Ministère de la Transition Numérique (Maroc)",
        "وزارة الاتصالات وتكنولوجيا المعلومات (مصر)",
    ),
    Region.GLOBAL: (
        "United Nations",
        "International Telecommunication Union",
        "World Bank Group",
        "OECD",
        "Global Partnership on AI",
        "Министерство обороны",
        "Five Eyes Intelligence Oversight Council",
    ),
}

MARKINGS: tuple[str, ...] = ("PUBLIC", "UNCLASSIFIED", "NATO UNCLASSIFIED")

# The shared restriction catalogue: code -> title (one title per code everywhere).
RESTRICTIONS: dict[str, str] = {
    "no-mass-domestic-surveillance": "No mass domestic surveillance",
    "no-fully-autonomous-weapons": "No fully autonomous weapons systems",
    "no-unsupervised-high-stakes-decisions": (
        "No automated high-stakes decision-making without human oversight"
    ),
    "no-intelligence-agency-access": "Not provided to intelligence agencies",
    "no-targeting": "No use in lethal targeting",
    "no-biometric-identification": "No real-time biometric identification in public spaces",
    "no-offensive-cyber": "No offensive cyber operations",
    "no-training-on-customer-data": "Customer data not used for model training",
    "human-in-the-loop": "A human approves every operational recommendation",
    "data-stays-in-region": "Data stays in the customer's region",
    "no-political-persuasion": "No political persuasion or influence operations",
    "audit-access": "Independent audit access to usage logs",
}

OUTLETS: tuple[str, ...] = (
    "Reuters",
    "Associated Press",
    "Financial Times",
    "Politico Europe",
    "The Wall Street Journal",
    "Le Monde",
    "Handelsblatt",
    "Καθημερινή",
    "Коммерсантъ",
    "日本経済新聞",
    "Breaking Defense",
    "DefenseScoop",
    "Euractiv",
    "Nikkei Asia",
    "Al Jazeera",
    "Vendor blog",
    "Government press release",
)

OWNERS: tuple[str, ...] = (
    "Europe desk",
    "North America desk",
    "Asia-Pacific desk",
    "Middle East desk",
    "Africa desk",
    "Latin America desk",
    "Multilateral team",
    "Defence policy unit",
    "Digital policy unit",
    "",
)

TAGS: tuple[str, ...] = (
    "defence",
    "multinational",
    "unclassified",
    "europe-expansion",
    "cloud",
    "sovereignty",
    "pilot",
    "procurement",
    "red-lines",
    "surveillance",
    "autonomy",
    "logistics",
    "cyber",
    "translation",
    "health",
    "education",
    "tax",
    "border",
    "intelligence",
    "open-weights",
    "on-premises",
    "frontier-model",
    "programme-for-government",
    "χρηματοδότηση",
    "оборона",
    "防衛",
)

TOPICS: tuple[str, ...] = (
    "unclassified IT",
    "secure cloud deployment",
    "logistics planning",
    "document translation",
    "cyber defence",
    "intelligence analysis support",
    "back-office automation",
    "citizen services chatbot",
    "procurement analytics",
    "maintenance forecasting",
    "training and simulation",
    "crisis communication",
    "code assistance for developers",
    "open-source model hosting",
    "sovereign model development",
)

ACTIONS: tuple[str, ...] = (
    "exploratory talks with",
    "pilot with",
    "framework agreement with",
    "negotiations with",
    "enterprise licence from",
    "research partnership with",
    "deployment of models from",
)

SCOPE_TEXTS: dict[ScopeKind, tuple[str, ...]] = {
    ScopeKind.NETWORK: ("Unclassified networks only", "Air-gapped enclave", "Public internet"),
    ScopeKind.DATA: ("No personal data", "Public documents only", "Pseudonymised records"),
    ScopeKind.PERSONNEL: (
        "Cleared personnel only",
        "Headquarters staff only",
        "Named pilot users",
    ),
    ScopeKind.HOSTING: ("Secured cloud infrastructure", "On-premises", "In-country data centre"),
    ScopeKind.GEOGRAPHY: ("Within the EU", "Member states only", "Domestic use only"),
    ScopeKind.USE: ("Administrative tasks only", "No operational use", "Research use"),
}

CONCERN_TEXTS: dict[ConcernKind, tuple[str, ...]] = {
    ConcernKind.DATA_SOVEREIGNTY: (
        "Data-sovereignty rules may bar hosting outside the region.",
        "Who controls the keys to the data is unclear.",
    ),
    ConcernKind.LOCAL_HOSTING: (
        "Local hosting requirements are not yet met.",
        "No in-country data centre is available.",
    ),
    ConcernKind.STRATEGIC_DEPENDENCE: (
        "Strategic dependence on a foreign technology company.",
        "Policymakers push for home-grown capability instead.",
    ),
    ConcernKind.REPUTATIONAL: (
        "Short-term reputational costs for the vendor.",
        "Staff and civil-society objections reported.",
    ),
    ConcernKind.LEGAL: (
        "Compatibility with national surveillance law is disputed.",
        "Procurement rules may require an open tender.",
    ),
    ConcernKind.OTHER: ("Costs are not disclosed.", "Timeline unclear."),
}

SPEAKERS: tuple[str, ...] = (
    "chief executive",
    "spokesperson",
    "minister",
    "press office",
    "head of public sector",
    "deputy minister",
)

LOREM = (
    "The talks reportedly cover hosting, access control, auditing and the handling of "
    "sensitive but unclassified material; officials stressed that no decision has been "
    "taken and that any deployment would follow national procurement rules. "
)

# Status progressions: the history ends in the current status.
_PATHS: dict[Status, tuple[Status, ...]] = {
    Status.EXPLORATORY: (Status.EXPLORATORY,),
    Status.NEGOTIATING: (Status.EXPLORATORY, Status.NEGOTIATING),
    Status.AGREED: (Status.EXPLORATORY, Status.NEGOTIATING, Status.AGREED),
    Status.ACTIVE: (Status.NEGOTIATING, Status.AGREED, Status.ACTIVE),
    Status.PAUSED: (Status.NEGOTIATING, Status.AGREED, Status.PAUSED),
    Status.BROKEN_DOWN: (Status.EXPLORATORY, Status.NEGOTIATING, Status.BROKEN_DOWN),
    Status.ENDED: (Status.AGREED, Status.ACTIVE, Status.ENDED),
}
_STATUS_WEIGHTS = (30, 25, 12, 12, 7, 8, 6)
_REGIONS = tuple(Region)
_STATUSES = tuple(Status)
_CONFIDENCES = tuple(Confidence)
_STANCES = tuple(Stance)
_SCOPE_KINDS = tuple(ScopeKind)
_CONCERN_KINDS = tuple(ConcernKind)
_SEVERITIES: tuple[str | None, ...] = (*(s.value for s in Severity), None)
_CODES = tuple(RESTRICTIONS)
_ORG_REGION = {name: region for region, names in COUNTERPARTS.items() for name in names}
_ALL_COUNTERPARTS = tuple(_ORG_REGION)


def partial_date(rng: random.Random, year: int, month: int, day: int) -> str:
    """The day ``year-month-day`` as known at a random precision (every kind occurs)."""
    pick = rng.random()
    if pick < 0.35:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if pick < 0.6:
        return f"{year:04d}-{month:02d}"
    if pick < 0.8:
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if pick < 0.93:
        return f"{year:04d}"
    return f"~{year:04d}"


def _day(rng: random.Random, ordinal: int) -> tuple[int, int, int]:
    """A date from a month ordinal (months since 2022-01) and a random day."""
    year, month = 2022 + ordinal // 12, ordinal % 12 + 1
    return year, month, rng.randint(1, 28)


# The first few engagements cover every status and region, so small sets do too.
def _status(rng: random.Random, index: int) -> Status:
    """The status of engagement ``index``: each in turn first, then by weight."""
    if index < len(_STATUSES):
        return _STATUSES[index]
    return rng.choices(_STATUSES, weights=_STATUS_WEIGHTS)[0]


def _counterpart(rng: random.Random, index: int) -> tuple[str, Region | None]:
    """A counterpart and its region: each region in turn first, then now and then unknown."""
    if index < len(_REGIONS):
        counterpart = rng.choice(COUNTERPARTS[_REGIONS[index]])
        return counterpart, _ORG_REGION[counterpart]
    if rng.random() < 0.08:
        counterpart = rng.choice(("NATO", "U.S. Department of Defense"))
    else:
        counterpart = rng.choice(_ALL_COUNTERPARTS)
    return counterpart, None if rng.random() < 0.03 else _ORG_REGION[counterpart]


def _engagement(rng: random.Random, index: int) -> dict[str, Any]:
    number = index + 1
    uid = f"gen-{number:06d}"
    status = _status(rng, index)
    counterpart, region = _counterpart(rng, index)
    vendor = rng.choice(VENDORS)
    topic = rng.choice(TOPICS)
    title = f"{counterpart}: {rng.choice(ACTIONS)} {vendor} on {topic}"
    if rng.random() < 0.02:
        title += f" (phase {rng.randint(2, 5)})"
    if counterpart == "NATO" or (region is Region.EUROPE and rng.random() < 0.2):
        marking = "NATO UNCLASSIFIED" if rng.random() < 0.7 else "UNCLASSIFIED"
    else:
        marking = rng.choice(MARKINGS)

    start = rng.randint(0, 50)  # months since January 2022
    started = partial_date(rng, *_day(rng, start))
    summary = (
        f"{rng.choice(('Reported', 'Confirmed', 'Rumoured', 'Announced'))} {topic} between "
        f"{counterpart} and {vendor}. "
    )
    if index % 97 == 13:  # a few long texts of several kilobytes
        summary += LOREM * rng.randint(8, 25)
    else:
        summary += LOREM[: rng.randint(40, len(LOREM))]

    path = _PATHS[status]
    history = []
    month = start
    for n, step in enumerate(path):
        month += rng.randint(0, 6) if n else 0
        history.append(
            {
                "status": step.value,
                "on": partial_date(rng, *_day(rng, month)),
                "note": f"{step.label} ({rng.choice(OUTLETS)})",
                "source": f"https://example.org/gen/{uid}/status/{n + 1}",
            }
        )

    scope = [
        {"kind": kind.value, "text": rng.choice(SCOPE_TEXTS[kind])}
        for kind in rng.sample(_SCOPE_KINDS, rng.randint(0, 3))
    ]
    restrictions = [
        {
            "code": code,
            "title": RESTRICTIONS[code],
            "stance": rng.choice(_STANCES).value,
            "note": "" if rng.random() < 0.6 else f"Stated by the {rng.choice(SPEAKERS)}.",
        }
        for code in rng.sample(_CODES, rng.randint(0, 4))
    ]
    clarifications = []
    if rng.random() < 0.3 or index < 3:
        said = rng.randint(start, start + 8)
        clarifications.append(
            {
                "original_by": f"{vendor} {rng.choice(SPEAKERS)}",
                "original_on": partial_date(rng, *_day(rng, said)),
                "original": f"Suggested the {topic} could extend across {counterpart}'s "
                "broader systems.",
                "clarified_by": f"{vendor} {rng.choice(SPEAKERS)}",
                "clarified_on": partial_date(rng, *_day(rng, said + rng.randint(0, 2))),
                "clarification": "Any deployment under consideration is limited to "
                "unclassified environments.",
                "source": f"https://example.org/gen/{uid}/clarification",
            }
        )
    sources = [
        {
            "outlet": (outlet := rng.choice(OUTLETS)),
            "title": f"{counterpart} and {vendor}: {topic} ({outlet})",
            "url": f"https://example.org/gen/{uid}/source/{n + 1}",
            "published": partial_date(rng, *_day(rng, start + rng.randint(0, 12))),
        }
        for n in range(rng.randint(1, 3))
    ]
    concerns = [
        {
            "kind": kind.value,
            "text": rng.choice(CONCERN_TEXTS[kind]),
            "severity": rng.choice(_SEVERITIES),
        }
        for kind in rng.sample(_CONCERN_KINDS, rng.randint(0, 2))
    ]
    tags = rng.sample(TAGS, rng.randint(0, 3))

    follow_up = None
    if rng.random() < 0.6:
        follow_up = partial_date(rng, *_day(rng, rng.randint(48, 60)))
    return {
        "id": uid,
        "title": title,
        "vendor": vendor,
        "counterpart": counterpart,
        "region": region.value if region is not None else None,
        "status": status.value,
        "confidence": _CONFIDENCES[index % len(_CONFIDENCES)].value
        if index < len(_CONFIDENCES)
        else rng.choice(_CONFIDENCES).value,
        "marking": MARKINGS[index] if index < len(MARKINGS) else marking,
        "summary": summary,
        "started": started,
        "follow_up": follow_up,
        "next_step": rng.choice(
            ("", "Watch for an official statement.", "Ask the desk for an update.")
        ),
        "owner": rng.choice(OWNERS),
        "tags": tags,
        "scope_limits": scope,
        "restrictions": restrictions,
        "clarifications": clarifications,
        "status_history": history,
        "sources": sources,
        "concerns": concerns,
        "links": [],
    }


def generate_engagements(n: int, seed: int = 0, *, start: int = 0) -> list[dict[str, Any]]:
    """Engagements ``start`` .. ``start + n - 1`` of the dataset for ``seed``.

    Each engagement has its own random stream (seeded from ``seed`` and its index),
    so any slice is the same as that slice of the whole dataset.
    """
    out = []
    for index in range(start, start + n):
        rng = random.Random(seed * 1_000_003 + index)
        out.append(_engagement(rng, index))
    return out


def generate(n: int, seed: int = 0) -> dict[str, Any]:
    """A whole interchange-format document of ``n`` generated engagements."""
    return {"format": FORMAT, "engagements": generate_engagements(n, seed)}


def child_count(engagement: dict[str, Any]) -> int:
    """How many child records (tags included) one generated engagement has."""
    return sum(len(engagement[k]) for k in LIST_KEYS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__)
    parser.add_argument("--engagements", type=int, required=True, metavar="N")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.json")
    args = parser.parse_args(argv)
    if args.engagements < 0:
        parser.error("--engagements must not be negative")
    began = time.perf_counter()
    document = generate(args.engagements, args.seed)
    generated = time.perf_counter() - began
    with args.out.open("w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False)
    total = time.perf_counter() - began
    children = sum(child_count(e) for e in document["engagements"])
    print(
        f"{args.engagements:,} engagements, {children:,} children "
        f"({children / max(args.engagements, 1):.1f} each) -> {args.out} "
        f"({args.out.stat().st_size / 1e6:.1f} MB); generated in {generated:.1f} s, "
        f"written in {total - generated:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
