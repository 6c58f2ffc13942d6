"""Demo data: the four engagements of the public reporting of early 2026, in our words,
and the organisations they name (aliases: "Pentagon", "DoD"; parts: CDAO in the DoD).

The records show off every kind of child: restrictions with different stances,
scope limits, a clarification, concerns, status history with partial dates, and
sources. Source links point at example.org: the demo cites no real article.
"""

from __future__ import annotations

import copy
from typing import Any

from tracker.domain.interchange import FORMAT

RED_LINES = {
    "no-mass-domestic-surveillance": "No mass domestic surveillance",
    "no-fully-autonomous-weapons": "No fully autonomous weapons systems",
    "no-unsupervised-high-stakes-decisions": (
        "No automated high-stakes decision-making without human oversight"
    ),
}


def _red_line(code: str, stance: str, note: str = "") -> dict[str, str]:
    return {"code": code, "title": RED_LINES[code], "stance": stance, "note": note}


def _source(slug: str, outlet: str, title: str, published: str) -> dict[str, str]:
    return {
        "outlet": outlet,
        "title": title,
        "url": f"https://example.org/demo/{slug}",
        "published": published,
    }


def _org(
    name: str, kind: str, country: str | None, region: str, parent: str | None, *aliases: str
) -> dict[str, Any]:
    return {
        "name": name,
        "kind": kind,
        "country": country,
        "region": region,
        "parent": parent,
        "aliases": list(aliases),
    }


# The organisations the engagements name, with their other names and parts (format 2).
_DOD = "U.S. Department of Defense"
_ORGANISATIONS = [  # in the order an export writes them: by name, a parent before its parts
    _org("Anthropic", "vendor", "US", "North America", None),
    _org(_DOD, "ministry", "US", "North America", None, "Pentagon", "DoD", "Department of War"),
    _org("Chief Digital and AI Office", "agency", "US", "North America", _DOD, "CDAO"),
    _org("NATO", "multinational", None, "Europe", None, "North Atlantic Treaty Organization"),
    _org("NATO Communications and Information Agency", "agency", None, "Europe", "NATO", "NCIA"),
    _org("OpenAI", "vendor", "US", "North America", None),
    _org("U.S. federal agencies", "government", "US", "North America", None),
]

# The catalogue's descriptions, and one older code another desk still uses.
_DESCRIPTIONS = {
    "no-mass-domestic-surveillance": (
        "The system is not used to monitor the vendor's or the buyer's own population "
        "in bulk, whatever the legal basis offered."
    ),
    "no-fully-autonomous-weapons": (
        "A human decides every use of force; the system may inform targeting, never "
        "select and engage a target on its own."
    ),
    "no-unsupervised-high-stakes-decisions": (
        "Decisions about people's liberty, livelihood or safety keep a named human who "
        "reviews and answers for them."
    ),
}
_ALIASES = {"no-mass-domestic-surveillance": ["no-domestic-mass-surveillance"]}

_DEMO: dict[str, Any] = {
    "format": FORMAT,
    "organisations": _ORGANISATIONS,
    "restrictions": [
        {
            "code": code,
            "title": title,
            "description": _DESCRIPTIONS[code],
            "aliases": _ALIASES.get(code, []),
        }
        for code, title in sorted(RED_LINES.items())  # as exports write them, by code
    ],
    "engagements": [
        {
            "id": "demo-nato-openai",
            "title": "NATO exploratory talks with OpenAI on unclassified IT",
            "vendor": "OpenAI",
            "counterpart": "NATO",
            "region": "Europe",
            "status": "exploratory",
            "confidence": "reported",
            "marking": "NATO UNCLASSIFIED",
            "summary": (
                "Reported exploratory talks about running OpenAI models on parts of NATO's "
                "public, unclassified IT infrastructure. The talks may not produce an "
                "agreement. NATO has not confirmed the negotiations in public and did not "
                "respond to requests for comment."
            ),
            "started": "2026-03",
            "follow_up": "2026-Q2",
            "next_step": "Watch for a NATO statement confirming or denying the talks.",
            "owner": "Europe desk",
            "tags": ["multinational", "unclassified", "europe-expansion"],
            "scope_limits": [
                {"kind": "network", "text": "Unclassified networks only"},
            ],
            "restrictions": [
                _red_line(
                    "no-mass-domestic-surveillance",
                    "proposed",
                    "Vendor's standing red line for government work; not yet discussed "
                    "publicly for NATO.",
                ),
            ],
            "clarifications": [
                {
                    "original_by": "OpenAI chief executive",
                    "original_on": "2026-03",
                    "original": (
                        "Suggested the technology could reach across NATO's broader systems."
                    ),
                    "clarified_by": "OpenAI spokesperson",
                    "clarified_on": "2026-03",
                    "clarification": (
                        "The chief executive misspoke: any deployment under consideration is "
                        "limited to unclassified environments."
                    ),
                    "source": "Company statement to the press",
                },
            ],
            "status_history": [
                {
                    "status": "exploratory",
                    "on": "2026-03",
                    "note": "Talks first reported; NATO declined to comment.",
                    "source": "Press report",
                },
            ],
            "sources": [
                _source(
                    "nato-openai-talks",
                    "Press report (demo)",
                    "NATO said to explore OpenAI models for unclassified systems",
                    "2026-03",
                ),
            ],
            "concerns": [
                {
                    "kind": "data_sovereignty",
                    "text": "European data-sovereignty rules may limit where data can flow.",
                    "severity": "high",
                },
                {
                    "kind": "local_hosting",
                    "text": "Allies may require hosting inside Europe.",
                    "severity": "medium",
                },
                {
                    "kind": "strategic_dependence",
                    "text": (
                        "Dependence on a foreign technology company; European policymakers "
                        "favour home-grown capability such as Mistral AI."
                    ),
                    "severity": "high",
                },
            ],
        },
        {
            "id": "demo-dod-openai",
            "title": "U.S. Department of Defense agreement with OpenAI",
            "vendor": "OpenAI",
            "counterpart": "U.S. Department of Defense",
            "region": "North America",
            "status": "agreed",
            "confidence": "confirmed",
            "marking": "UNCLASSIFIED",
            "summary": (
                "An agreement closed on 27 February 2026. The vendor called it a complex "
                "but right decision that carries short-term reputational costs, and "
                "describes its role as technical rather than operational."
            ),
            "started": "2026-Q1",
            "follow_up": "2026-09",
            "next_step": "Track first deployments and any public reporting on use.",
            "owner": "Defence desk",
            "tags": ["defence", "secured-cloud"],
            "scope_limits": [
                {"kind": "hosting", "text": "Delivered through secured cloud infrastructure"},
                {
                    "kind": "personnel",
                    "text": "Access limited to personnel holding the appropriate clearances",
                },
                {
                    "kind": "use",
                    "text": "Not provided to intelligence agencies such as the NSA",
                },
            ],
            "restrictions": [
                _red_line(
                    "no-mass-domestic-surveillance",
                    "agreed",
                    "Also: not intentionally used to surveil U.S. citizens or residents.",
                ),
                _red_line("no-fully-autonomous-weapons", "agreed"),
                _red_line("no-unsupervised-high-stakes-decisions", "agreed"),
            ],
            "clarifications": [],
            "status_history": [
                {
                    "status": "negotiating",
                    "on": "~2026",
                    "note": "Talks followed the breakdown with Anthropic.",
                    "source": "",
                },
                {
                    "status": "agreed",
                    "on": "2026-02-27",
                    "note": "Agreement closed.",
                    "source": "Vendor announcement",
                },
            ],
            "sources": [
                _source(
                    "dod-openai-agreement",
                    "Vendor announcement (demo)",
                    "Our agreement with the Department of Defense",
                    "2026-02-27",
                ),
                _source(
                    "dod-openai-analysis",
                    "Press analysis (demo)",
                    "What the Pentagon deal does and does not allow",
                    "2026-03",
                ),
            ],
            "concerns": [
                {
                    "kind": "reputational",
                    "text": "The vendor expects short-term reputational costs.",
                    "severity": "medium",
                },
            ],
        },
        {
            "id": "demo-dod-anthropic",
            "title": "U.S. Department of Defense negotiations with Anthropic",
            "vendor": "Anthropic",
            "counterpart": "U.S. Department of Defense",
            "region": "North America",
            "status": "broken_down",
            "confidence": "reported",
            "marking": "PUBLIC",
            "summary": (
                "Negotiations broke down earlier in 2026 over how the models could be used "
                "in sensitive applications, including mass surveillance and fully "
                "autonomous weapons. OpenAI emerged as the alternative provider."
            ),
            "started": "2025",
            "follow_up": None,
            "next_step": "",
            "owner": "Defence desk",
            "tags": ["defence"],
            "scope_limits": [],
            "restrictions": [
                _red_line(
                    "no-mass-domestic-surveillance",
                    "disputed",
                    "Use in mass surveillance was one of the sticking points.",
                ),
                _red_line(
                    "no-fully-autonomous-weapons",
                    "disputed",
                    "Use in fully autonomous weapons was the other.",
                ),
            ],
            "clarifications": [],
            "status_history": [
                {"status": "negotiating", "on": "2025", "note": "", "source": ""},
                {
                    "status": "broken_down",
                    "on": "~2026",
                    "note": "Talks ended over permitted uses.",
                    "source": "Press report",
                },
            ],
            "sources": [
                _source(
                    "dod-anthropic-breakdown",
                    "Press report (demo)",
                    "Pentagon talks with Anthropic collapse over usage limits",
                    "2026-02",
                ),
            ],
            "concerns": [
                {
                    "kind": "legal",
                    "text": "Disagreement over lawful uses in sensitive applications.",
                    "severity": "medium",
                },
            ],
        },
        {
            "id": "demo-openai-for-government",
            "title": "OpenAI for Government programme",
            "vendor": "OpenAI",
            "counterpart": "U.S. federal agencies",
            "region": "Global",
            "status": "active",
            "confidence": "confirmed",
            "marking": "PUBLIC",
            "summary": (
                "A programme launched in mid-2025, first aimed at U.S. agencies. A NATO deal "
                "would be one of its first moves into Europe and multinational institutions."
            ),
            "started": "~2025",
            "follow_up": "2026-12",
            "next_step": "Note each new government customer outside the U.S.",
            "owner": "Vendor watch",
            "tags": ["programme", "europe-expansion"],
            "scope_limits": [
                {"kind": "geography", "text": "Initially U.S. agencies; expanding abroad"},
            ],
            "restrictions": [
                _red_line("no-mass-domestic-surveillance", "proposed"),
                _red_line("no-fully-autonomous-weapons", "proposed"),
                _red_line("no-unsupervised-high-stakes-decisions", "proposed"),
            ],
            "clarifications": [],
            "status_history": [
                {
                    "status": "active",
                    "on": "~2025",
                    "note": "Programme launched.",
                    "source": "Vendor announcement",
                },
            ],
            "sources": [
                _source(
                    "openai-for-government",
                    "Vendor announcement (demo)",
                    "Introducing OpenAI for Government",
                    "2025-Q2",
                ),
            ],
            "concerns": [
                {
                    "kind": "strategic_dependence",
                    "text": "Expansion into Europe raises the same dependence questions.",
                    "severity": "low",
                },
            ],
        },
    ],
}


# The links among the demo engagements (format version 2), by the engagement they start at.
_LINKS: dict[str, list[dict[str, str | None]]] = {
    "demo-dod-openai": [
        {
            "to": "demo-dod-anthropic",
            "kind": "alternative_to",
            "on": "2026-02",
            "note": "Chosen after the Anthropic talks broke down",
        },
        {"to": "demo-openai-for-government", "kind": "part_of", "on": None, "note": ""},
    ],
    "demo-nato-openai": [
        {"to": "demo-openai-for-government", "kind": "related", "on": None, "note": ""}
    ],
}


def demo_document() -> dict[str, Any]:
    """A fresh copy of the demo document in the interchange format."""
    document = copy.deepcopy(_DEMO)
    for engagement in document["engagements"]:
        engagement["links"] = copy.deepcopy(_LINKS.get(engagement["id"], []))
    return document
