"""The French words: every fixed text of a briefing, keyed by its English text.

Read through :mod:`tracker.domain.languages` (``translate``, ``vocab_label``), never
directly. A key with ``{…}`` fields is a template: its translation has the same
fields. Handling markings are official strings and are never translated, so none
is here. Pure data, so the window can later take its French from here too.
"""

from __future__ import annotations

from typing import Final

FRENCH_VOCABULARY: Final[dict[tuple[str, str], str]] = {
    ("Region", "Europe"): "Europe",
    ("Region", "North America"): "Amérique du Nord",
    ("Region", "Latin America"): "Amérique latine",
    ("Region", "Asia-Pacific"): "Asie-Pacifique",
    ("Region", "Middle East"): "Moyen-Orient",
    ("Region", "Africa"): "Afrique",
    ("Region", "Global"): "Monde",
    ("Status", "exploratory"): "Exploratoire",
    ("Status", "negotiating"): "En négociation",
    ("Status", "agreed"): "Conclu",
    ("Status", "active"): "Actif",
    ("Status", "paused"): "Suspendu",
    ("Status", "broken_down"): "Rompu",
    ("Status", "ended"): "Terminé",
    ("Confidence", "confirmed"): "Confirmé",
    ("Confidence", "reported"): "Rapporté",
    ("Confidence", "unconfirmed"): "Non confirmé",
    ("Confidence", "denied"): "Démenti",
    ("ScopeKind", "network"): "Réseau",
    ("ScopeKind", "data"): "Données",
    ("ScopeKind", "personnel"): "Personnel",
    ("ScopeKind", "hosting"): "Hébergement",
    ("ScopeKind", "geography"): "Géographie",
    ("ScopeKind", "use"): "Usage",
    ("Stance", "agreed"): "Accepté",
    ("Stance", "proposed"): "Proposé",
    ("Stance", "disputed"): "Contesté",
    ("Stance", "rejected"): "Rejeté",
    ("ConcernKind", "data_sovereignty"): "Souveraineté des données",
    ("ConcernKind", "local_hosting"): "Hébergement local",
    ("ConcernKind", "strategic_dependence"): "Dépendance stratégique",
    ("ConcernKind", "reputational"): "Réputation",
    ("ConcernKind", "legal"): "Juridique",
    ("ConcernKind", "other"): "Autre",
    ("Severity", "low"): "Faible",
    ("Severity", "medium"): "Moyenne",
    ("Severity", "high"): "Élevée",
    ("OrgKind", "vendor"): "Fournisseur",
    ("OrgKind", "government"): "Gouvernement",
    ("OrgKind", "ministry"): "Ministère",
    ("OrgKind", "agency"): "Agence",
    ("OrgKind", "multinational"): "Multinationale",
    ("OrgKind", "other"): "Autre",
    ("OrgKind", "military"): "Armée",
    ("OrgKind", "company"): "Entreprise",
    ("LinkKind", "follows"): "Fait suite à",
    ("LinkKind", "supersedes"): "Remplace",
    ("LinkKind", "part_of"): "Fait partie de",
    ("LinkKind", "alternative_to"): "Alternative à",
    ("LinkKind", "related"): "Lié à",
}
"""Each vocabulary's words, keyed by (vocabulary, value): the English labels collide
("Agreed" is a status and a stance)."""

_FIELDS: Final = {
    # The field list's labels (tracker.domain.fields), child lists and their columns.
    "Title": "Titre",
    "Vendor": "Fournisseur",
    "Counterpart": "Interlocuteur",
    "Region": "Région",
    "Status": "Statut",
    "Confidence": "Fiabilité",
    "Marking": "Marquage",
    "Summary": "Résumé",
    "Started": "Début",
    "Follow-up": "Suivi",
    "Next step": "Prochaine étape",
    "Owner": "Responsable",
    "Tags": "Étiquettes",
    "Scope limits": "Limites de périmètre",
    "Restrictions": "Restrictions",
    "Clarifications": "Clarifications",
    "Status timeline": "Chronologie des statuts",
    "Sources": "Sources",
    "Concerns": "Préoccupations",
    "Links": "Liens",
    "link": "lien",
    "Followed by": "Suivi de",
    "Superseded by": "Remplacé par",
    "Has part": "Comprend",
    "in the trash": "dans la corbeille",
    "Kind": "Type",
    "Text": "Texte",
    "Code": "Code",
    "Stance": "Position",
    "Note": "Note",
    "Originally by": "Initialement par",
    "Originally on": "Initialement le",
    "Original": "Déclaration initiale",
    "Clarified by": "Précisé par",
    "Clarified on": "Précisé le",
    "Clarification": "Clarification",
    "Source": "Source",
    "On": "Date",
    "Outlet": "Média",
    "URL": "URL",
    "Published": "Publié le",
    "Severity": "Gravité",
    # Their nouns, one item of a list.
    "scope limit": "limite de périmètre",
    "restriction": "restriction",
    "clarification": "clarification",
    "status event": "changement de statut",
    "source": "source",
    "concern": "préoccupation",
    "tag": "étiquette",
}

_HINTS: Final = {
    # The examples the window's form shows in an empty input (tracker.domain.fields).
    "What is being discussed, between whom": "Ce qui est discuté, et entre qui",
    "e.g. OpenAI": "p. ex. OpenAI",
    "e.g. NATO": "p. ex. OTAN",
    "What is known, in a few sentences": "Ce que l’on sait, en quelques phrases",
    "person or desk": "personne ou service",
    "comma-separated, e.g. defence, europe-expansion": (
        "séparées par des virgules, p. ex. défense, expansion-europe"
    ),
}

_PRESENTER: Final = {
    # How an engagement reads (tracker.domain.presenter).
    "Date unknown": "Date inconnue",
    "Not recorded": "Non renseigné",
    "Untitled engagement": "Engagement sans titre",
    "Untitled source": "Source sans titre",
    "Originally said": "Propos initial",
    "→ Clarified": "→ Précisé",
    "{word} severity": "Gravité {word}",
    "Number": "Numéro",
    "Id": "Identifiant",
    "Version": "Version",
    "Created": "Créé",
    "Last change": "Dernière modification",
    "In the trash since": "À la corbeille depuis",
}

_SECTIONS: Final = {
    # A briefing's sections (tracker.domain.briefing_sections).
    "Cover": "Couverture",
    "Key points": "Points clés",
    "Contents": "Sommaire",
    "Overview": "Vue d’ensemble",
    "Follow-ups due": "Suivis à échéance",
    "Changes since": "Modifications depuis",
    "Changes since …": "Modifications depuis …",
    "Restriction matrix": "Matrice des restrictions",
    "Engagements": "Engagements",
    "Sources appendix": "Annexe des sources",
}

_BRIEFING: Final = {
    # The cover, the page furniture and the PDF's metadata (exports).
    "ENGAGEMENT BRIEFING": "NOTE SUR LES ENGAGEMENTS",
    "Engagement briefing": "Note sur les engagements",
    "Engagement briefing · {marking}": "Note sur les engagements · {marking}",
    "Untitled briefing": "Note sans titre",
    "AI engagements briefing": "Note sur les engagements en IA",
    "Generated {day}, {time} UTC": "Générée le {day} à {time} UTC",
    "Generated {day} {time} UTC": "Générée le {day} à {time} UTC",
    "Prepared by ": "Préparée par ",
    "{count} included": "{count} inclus",
    "Database revision {revision}": "Révision de la base de données : {revision}",
    "Audit seal: ": "Sceau d’audit : ",
    "Page {page} of {total}": "Page {page} sur {total}",
    "(continued)": "(suite)",
    "Distribution: for official use by the recipients named; not for onward release.": (
        "Diffusion : réservée à l’usage officiel des destinataires nommés ; "
        "toute rediffusion est interdite."
    ),
    # Counted nouns.
    "engagement": "engagement",
    "engagements": "engagements",
    "region": "région",
    "regions": "régions",
    "follow-up": "suivi",
    "follow-ups": "suivis",
    "change": "modification",
    "changes": "modifications",
    "day": "jour",
    "days": "jours",
    "week": "semaine",
    "weeks": "semaines",
    "month": "mois",
    "months": "mois",
    "year": "an",
    "years": "ans",
    # The overview.
    "This briefing includes no engagements.": "Cette note ne comprend aucun engagement.",
    "Engagements by region and status": "Engagements par région et par statut",
    "All engagements": "Tous les engagements",
    "Engagement": "Engagement",
    " across {regions}.": " dans {regions}.",
    "By status: ": "Par statut : ",
    "By confidence: ": "Par fiabilité : ",
    "not assessed {count}": "non évaluée {count}",
    "Unspecified": "Non précisée",
    # The overview's matrix (tracker.domain.overview).
    "Not set": "Non renseignée",
    "Total": "Total",
    # The restriction matrix.
    "No restrictions are recorded for the engagements in this briefing.": (
        "Aucune restriction n’est enregistrée pour les engagements de cette note."
    ),
    "Each cell gives an engagement's stance on a restriction (agreed, proposed, "
    "disputed, rejected); {none} means none is recorded. Columns are the "
    "engagements' numbers, named in the key below each table.": (
        "Chaque cellule donne la position d’un engagement sur une restriction (acceptée, "
        "proposée, contestée, rejetée) ; {none} signifie qu’aucune n’est enregistrée. "
        "Les colonnes sont les numéros des engagements, nommés dans la légende sous "
        "chaque tableau."
    ),
    "Engagements {first} to {last} (table {number} of {count})": (
        "Engagements {first} à {last} (tableau {number} sur {count})"
    ),
    # The follow-ups due.
    "Due": "Échéance",
    "When": "Quand",
    "within {period} (by {until})": "d’ici {period} (au plus tard le {until})",
    "As of {day} (UTC), no follow-up of the engagements in this briefing is overdue "
    "or due {window}.": (
        "Au {day} (UTC), aucun suivi des engagements de cette note n’est en retard ni "
        "à échéance {window}."
    ),
    "As of {day} (UTC): {overdue} overdue, {due} due {window}. The longest overdue come first.": (
        "Au {day} (UTC) : {overdue} en retard, {due} à échéance {window}. "
        "Les plus en retard viennent en premier."
    ),
    "overdue by {days}": "en retard de {days}",
    "due today": "à échéance aujourd’hui",
    "due in {days}": "à échéance dans {days}",
    # The changes since.
    "Who": "Qui",
    "Field": "Champ",
    "Change": "Modification",
    "No engagement in this briefing changed in this period.": (
        "Aucun engagement de cette note n’a changé pendant cette période."
    ),
    "{changes} to {engagements} of this briefing, the one changed last first; within "
    "each, the latest change first. Times are UTC.": (
        "{changes} touchant {engagements} de cette note, le dernier modifié en premier ; "
        "pour chacun, la modification la plus récente en premier. Heures en UTC."
    ),
    "since {day}": "depuis le {day}",
    "since the start": "depuis le début",
    " to {day}": " jusqu’au {day}",
    "since briefing {number} ({at})": "depuis la note {number} ({at})",
    "Trash": "Corbeille",
    "created": "créé",
    "imported": "importé",
    "recorded as it stood": "enregistré tel quel",
    "moved to the trash": "mis à la corbeille",
    "restored": "restauré",
    "added {noun} {words}": "ajout : {noun} {words}",
    "removed {noun} {words}": "retrait : {noun} {words}",
    "changed {noun} {before} → {words}": "modification : {noun} {before} → {words}",
    "put in another order": "remis dans un autre ordre",
    "(empty)": "(vide)",
    # The window's choices of a period of changes (tracker.domain.change_words).
    "Since last briefing": "Depuis la dernière note",
    "Last 7 days": "7 derniers jours",
    "Last 30 days": "30 derniers jours",
    "Since a date…": "Depuis une date…",
    # The record as of a past date (tracker.domain.as_of).
    "As of the end of {day} (UTC)": "État à la fin du {day} (UTC)",
    # The sources appendix.
    "No engagement in this briefing has a recorded source.": (
        "Aucun engagement de cette note n’a de source enregistrée."
    ),
}

# A selection in words: the filter chips, the register's and the saved views'
# descriptions (tracker.domain.register).
_SELECTION: Final = {
    "sorted by {order}": "triés par {order}",
    "chosen engagement": "engagement choisi",
    "chosen engagements": "engagements choisis",
    "or": "ou",
    "not set": "non renseigné",
    "from {low} to {high}": "du {low} au {high}",
    "from {low}": "à partir du {low}",
    "to {high}": "jusqu’au {high}",
    "Organisation (or a part of it)": "Organisation (ou une de ses composantes)",
    "before {day}": "avant le {day}",
    # The timeline's status periods and follow-up marks (tracker.domain.lanes).
    "{status} from {since} to {until}": "{status} du {since} au {until}",
    "{status} since {since}, to today": "{status} depuis le {since}, à ce jour",
    "{status} on {since}": "{status} le {since}",
    "{status} in {since}": "{status} en {since}",
    "Follow up on {date}": "Suivi le {date}",
    "Follow up by {date}": "Suivi d’ici {date}",
    'Search: "{text}"': "Recherche\u00a0: «\u00a0{text}\u00a0»",
    "Linked to #{number}": "Lié au nº\u00a0{number}",
}

FRENCH: Final[dict[str, str]] = {
    **_FIELDS,
    **_HINTS,
    **_PRESENTER,
    **_SECTIONS,
    **_BRIEFING,
    **_SELECTION,
}
"""Every fixed text, English → French."""
