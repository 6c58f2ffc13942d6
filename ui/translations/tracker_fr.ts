<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>about</name>
    <message>
        <source>About {application}</source>
        <translation>À propos d’{application}</translation>
    </message>
    <message>
        <source>Government and multinational AI engagements.

Database: {url}
Schema version: {schema}
Revision: {revision}
Engagements: {engagements} ({deleted} in the trash)

Free software under the MIT licence; the fonts and Qt keep their own (NOTICE.md).</source>
        <translation>Engagements en IA des gouvernements et des multinationales.

Base de données&#xa0;: {url}
Version du schéma&#xa0;: {schema}
Révision&#xa0;: {revision}
Engagements&#xa0;: {engagements} ({deleted} dans la corbeille)

Logiciel libre sous licence MIT&#xa0;; les polices et Qt gardent la leur (NOTICE.md).</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;New engagement…</source>
        <translation>&amp;Nouvel engagement…</translation>
    </message>
    <message>
        <source>New &amp;database…</source>
        <translation>Nouvelle &amp;base de données…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Ouvrir une base de données…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Export the engagements shown (or selected)</source>
        <translation>Exporter les engagements affichés (ou sélectionnés)</translation>
    </message>
    <message>
        <source>Export &amp;briefing (PDF)…</source>
        <translation>Exporter une no&amp;te (PDF)…</translation>
    </message>
    <message>
        <source>A PDF briefing of the engagements shown (or selected)</source>
        <translation>Une note PDF sur les engagements affichés (ou sélectionnés)</translation>
    </message>
    <message>
        <source>Briefing &amp;history…</source>
        <translation>&amp;Historique des notes…</translation>
    </message>
    <message>
        <source>Every briefing written: what it covered, its file&apos;s SHA-256; changes since it</source>
        <translation>Chaque note rédigée&#xa0;: ce qu’elle couvrait, le SHA-256 de son fichier&#xa0;; les modifications depuis</translation>
    </message>
    <message>
        <source>Load de&amp;mo data</source>
        <translation>Charger les données de dé&amp;mo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Edit engagement…</source>
        <translation>&amp;Modifier l’engagement…</translation>
    </message>
    <message>
        <source>Edit &amp;selected…</source>
        <translation>Modifier la &amp;sélection…</translation>
    </message>
    <message>
        <source>Set a status, owner, marking, follow-up, confidence, tags or a stance on every selected engagement at once</source>
        <translation>Définir en une fois un statut, un responsable, un marquage, un suivi, une fiabilité, des étiquettes ou une position pour chaque engagement sélectionné</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Supprim&amp;er</translation>
    </message>
    <message>
        <source>Move the selected engagements to the trash</source>
        <translation>Mettre les engagements sélectionnés à la corbeille</translation>
    </message>
    <message>
        <source>Rest&amp;ore from trash</source>
        <translation>Resta&amp;urer depuis la corbeille</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <source>Every version of the current engagement: view one as it was, or restore it</source>
        <translation>Chaque version de l’engagement courant&#xa0;: en voir une telle qu’elle était, ou la restaurer</translation>
    </message>
    <message>
        <source>Restriction &amp;catalogue…</source>
        <translation>Catalogue des restr&amp;ictions…</translation>
    </message>
    <message>
        <source>Every restriction with its engagements: retitle, describe, merge</source>
        <translation>Chaque restriction et ses engagements&#xa0;: renommer, décrire, fusionner</translation>
    </message>
    <message>
        <source>Or&amp;ganisations…</source>
        <translation>Or&amp;ganisations…</translation>
    </message>
    <message>
        <source>The organisations: details, aliases, parts; merge one into another</source>
        <translation>Les organisations&#xa0;: détails, autres noms, composantes&#xa0;; en fusionner une dans une autre</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>Effacer les &amp;filtres</translation>
    </message>
    <message>
        <source>Show lin&amp;ked</source>
        <translation>Afficher les &amp;liés</translation>
    </message>
    <message>
        <source>Show the engagements linked to the current one (from either end)</source>
        <translation>Afficher les engagements liés à l’engagement courant (dans un sens ou dans l’autre)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Show &amp;trash</source>
        <translation>Afficher la c&amp;orbeille</translation>
    </message>
    <message>
        <source>C&amp;hanges</source>
        <translation>&amp;Modifications</translation>
    </message>
    <message>
        <source>What changed since the last briefing or a date</source>
        <translation>Ce qui a changé depuis la dernière note ou une date</translation>
    </message>
    <message>
        <source>&amp;About Engagement Tracker</source>
        <translation>À &amp;propos d’Engagement Tracker</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>Colo&amp;nnes</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>The database was restored from the backup {file}.</source>
        <translation>La base de données a été restaurée depuis la sauvegarde {file}.</translation>
    </message>
    <message>
        <source> The file it replaced is kept as {file}.</source>
        <translation> Le fichier qu’elle a remplacé est conservé sous le nom {file}.</translation>
    </message>
</context>
<context>
    <name>cell_editors</name>
    <message>
        <source>pick a restriction or type a new code</source>
        <translation>choisissez une restriction ou saisissez un nouveau code</translation>
    </message>
</context>
<context>
    <name>change_history</name>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Moved to the trash</source>
        <translation>Mis à la corbeille</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>Restauré depuis la corbeille</translation>
    </message>
    <message>
        <source>Recorded at the upgrade to schema 5</source>
        <translation>Enregistré lors du passage au schéma 5</translation>
    </message>
    <message>
        <source>Recorded as it stood</source>
        <translation>Enregistré tel quel</translation>
    </message>
</context>
<context>
    <name>child_table</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Add a {noun} (Insert)</source>
        <translation>Ajouter&#xa0;: {noun} (Inser)</translation>
    </message>
    <message>
        <source>Remove the selected {noun} (Delete)</source>
        <translation>Retirer la ligne sélectionnée&#xa0;: {noun} (Suppr)</translation>
    </message>
    <message>
        <source>Move the selected row up (Ctrl+Up)</source>
        <translation>Monter la ligne sélectionnée (Ctrl+Haut)</translation>
    </message>
    <message>
        <source>Move the selected row down (Ctrl+Down)</source>
        <translation>Descendre la ligne sélectionnée (Ctrl+Bas)</translation>
    </message>
    <message>
        <source>Row {number}</source>
        <translation>Ligne {number}</translation>
    </message>
    <message>
        <source>Understood as {date}</source>
        <translation>Compris comme {date}</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>1 engagement</source>
        <translation>1 engagement</translation>
    </message>
    <message>
        <source>{count} engagements</source>
        <translation>{count} engagements</translation>
    </message>
    <message>
        <source>Cannot undo {step}: {reason}</source>
        <translation>Impossible d’annuler « {step} »&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Cannot redo {step}: {reason}</source>
        <translation>Impossible de rétablir « {step} »&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Cannot {step}: {reason}</source>
        <translation>Échec de « {step} »&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Redone: {step}</source>
        <translation>Rétabli&#xa0;: {step}</translation>
    </message>
    <message>
        <source>Undone: {step}</source>
        <translation>Annulé&#xa0;: {step}</translation>
    </message>
    <message>
        <source>Edit {title}</source>
        <translation>Modifier {title}</translation>
    </message>
    <message>
        <source>Saved {title}</source>
        <translation>{title} enregistré</translation>
    </message>
    <message>
        <source>Delete {noun}</source>
        <translation>Supprimer {noun}</translation>
    </message>
    <message>
        <source>Moved {noun} to the trash — Ctrl+Z to undo</source>
        <translation>{noun} mis à la corbeille — Ctrl+Z pour annuler</translation>
    </message>
    <message>
        <source>Restore {noun}</source>
        <translation>Restaurer {noun}</translation>
    </message>
    <message>
        <source>Restored {noun}</source>
        <translation>{noun} restauré</translation>
    </message>
    <message>
        <source>New {title}</source>
        <translation>Nouveau&#xa0;: {title}</translation>
    </message>
    <message>
        <source>Bulk edit {noun}</source>
        <translation>Modification groupée&#xa0;: {noun}</translation>
    </message>
</context>
<context>
    <name>detail_pane</name>
    <message>
        <source>Change history</source>
        <translation>Historique des modifications</translation>
    </message>
    <message>
        <source>Versions: view or restore…</source>
        <translation>Versions&#xa0;: voir ou restaurer…</translation>
    </message>
    <message>
        <source>Its details appear here.</source>
        <translation>Ses détails s’affichent ici.</translation>
    </message>
    <message>
        <source>There are no engagements to show yet.</source>
        <translation>Il n’y a encore aucun engagement à afficher.</translation>
    </message>
    <message>
        <source>1 engagement in the list.</source>
        <translation>1 engagement dans la liste.</translation>
    </message>
    <message>
        <source>{count} engagements in the list.</source>
        <translation>{count} engagements dans la liste.</translation>
    </message>
    <message>
        <source>View any earlier version as it was, or restore it</source>
        <translation>Voir une version antérieure telle qu’elle était, ou la restaurer</translation>
    </message>
</context>
<context>
    <name>editing</name>
    <message>
        <source>Nothing to save: {title} is unchanged</source>
        <translation>Rien à enregistrer&#xa0;: {title} n’a pas changé</translation>
    </message>
    <message>
        <source>; left out, changed by someone else since: {titles}</source>
        <translation>&#xa0;; laissés de côté, modifiés depuis par quelqu’un d’autre&#xa0;: {titles}</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Non restauré</translation>
    </message>
    <message>
        <source>Nothing to restore: {title} is already so</source>
        <translation>Rien à restaurer&#xa0;: {title} est déjà ainsi</translation>
    </message>
    <message>
        <source>Restored version {version} of {title}</source>
        <translation>Version {version} de {title} restaurée</translation>
    </message>
    <message>
        <source>Demo data: {created} created, {updated} updated, {unchanged} unchanged</source>
        <translation>Données de démo&#xa0;: {created} créés, {updated} mis à jour, {unchanged} inchangés</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… et {count} autres</translation>
    </message>
    <message>
        <source>Move to the trash</source>
        <translation>Mettre à la corbeille</translation>
    </message>
    <message>
        <source>Move {count} engagements to the trash?</source>
        <translation>Mettre {count} engagements à la corbeille&#xa0;?</translation>
    </message>
    <message>
        <source>Ctrl+Z brings them back.</source>
        <translation>Ctrl+Z les fait revenir.</translation>
    </message>
    <message>
        <source>&amp;Move to trash</source>
        <translation>&amp;Mettre à la corbeille</translation>
    </message>
    <message>
        <source>Changed 1 engagement</source>
        <translation>1 engagement modifié</translation>
    </message>
    <message>
        <source>Changed {count} engagements</source>
        <translation>{count} engagements modifiés</translation>
    </message>
    <message>
        <source>{done} ({count} already so)</source>
        <translation>{done} ({count} déjà ainsi)</translation>
    </message>
    <message>
        <source>{reason}

Your entries are still in the form.</source>
        <translation>{reason}

Vos saisies sont toujours dans le formulaire.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
</context>
<context>
    <name>engagement_form</name>
    <message>
        <source>New engagement</source>
        <translation>Nouvel engagement</translation>
    </message>
    <message>
        <source>Edit — {title}</source>
        <translation>Modifier — {title}</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Abandonner les modifications&#xa0;?</translation>
    </message>
    <message>
        <source>This engagement has unsaved changes. Discard them?</source>
        <translation>Cet engagement a des modifications non enregistrées. Les abandonner&#xa0;?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Fermer sans enregistrer (Échap)</translation>
    </message>
</context>
<context>
    <name>filter_bar</name>
    <message>
        <source>(not set)</source>
        <translation>(non renseignée)</translation>
    </message>
    <message>
        <source>&amp;Overdue</source>
        <translation>En &amp;retard</translation>
    </message>
    <message>
        <source>Engagements whose follow-up fell due before today</source>
        <translation>Engagements dont le suivi est arrivé à échéance avant aujourd’hui</translation>
    </message>
    <message>
        <source>Due &amp;soon</source>
        <translation>À é&amp;chéance</translation>
    </message>
    <message>
        <source>Engagements whose follow-up falls due in the next {period}</source>
        <translation>Engagements dont le suivi arrive à échéance dans les {period} à venir</translation>
    </message>
    <message>
        <source>S&amp;tale</source>
        <translation>En &amp;sommeil</translation>
    </message>
    <message>
        <source>Open engagements with no change for {period}</source>
        <translation>Engagements ouverts sans modification depuis {period}</translation>
    </message>
    <message>
        <source>Any vendor</source>
        <translation>Fournisseur&#xa0;: tous</translation>
    </message>
    <message>
        <source>Any counterpart</source>
        <translation>Interlocuteur&#xa0;: tous</translation>
    </message>
    <message>
        <source>Search everything  (Ctrl+F)</source>
        <translation>Tout rechercher  (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;More filters</source>
        <translation>Plus de fi&amp;ltres</translation>
    </message>
    <message>
        <source>Restriction and stance, confidence, marking, tag, owner, organisation, started and follow-up dates</source>
        <translation>Restriction et position, fiabilité, marquage, étiquette, responsable, organisation, dates de début et de suivi</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>Effacer les fil&amp;tres</translation>
    </message>
    <message>
        <source>Show all engagements (Ctrl+Shift+L)</source>
        <translation>Afficher tous les engagements (Ctrl+Maj+L)</translation>
    </message>
    <message>
        <source>{shown} in the trash</source>
        <translation>{shown} dans la corbeille</translation>
    </message>
    <message>
        <source>{shown} of {total} in the trash</source>
        <translation>{shown} sur {total} dans la corbeille</translation>
    </message>
    <message>
        <source>{shown} of {total} engagement</source>
        <translation>{shown} sur {total} engagement</translation>
    </message>
    <message>
        <source>{shown} of {total} engagements</source>
        <translation>{shown} sur {total} engagements</translation>
    </message>
</context>
<context>
    <name>filter_chips</name>
    <message>
        <source>Remove the filter {words}</source>
        <translation>Retirer le filtre {words}</translation>
    </message>
</context>
<context>
    <name>follow_ups</name>
    <message>
        <source>No follow-ups overdue</source>
        <translation>Aucun suivi en retard</translation>
    </message>
    <message>
        <source>1 follow-up overdue</source>
        <translation>1 suivi en retard</translation>
    </message>
    <message>
        <source>{count} follow-ups overdue</source>
        <translation>{count} suivis en retard</translation>
    </message>
    <message>
        <source>Follow-up due today</source>
        <translation>Suivi à échéance aujourd’hui</translation>
    </message>
    <message>
        <source>Follow-up overdue by 1 day</source>
        <translation>Suivi en retard de 1 jour</translation>
    </message>
    <message>
        <source>Follow-up overdue by {days} days</source>
        <translation>Suivi en retard de {days} jours</translation>
    </message>
    <message>
        <source>Follow-up due in 1 day</source>
        <translation>Suivi à échéance dans 1 jour</translation>
    </message>
    <message>
        <source>Follow-up due in {days} days</source>
        <translation>Suivi à échéance dans {days} jours</translation>
    </message>
    <message>
        <source>Follow-ups due before today: show them with the Overdue filter (Alt+O)</source>
        <translation>Suivis arrivés à échéance avant aujourd’hui&#xa0;: affichez-les avec le filtre En retard (Alt+R)</translation>
    </message>
</context>
<context>
    <name>link_picker</name>
    <message>
        <source>type a title&apos;s words or #number</source>
        <translation>saisissez des mots du titre ou un #numéro</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>Automatic backup failed: {message}</source>
        <translation>La sauvegarde automatique a échoué&#xa0;: {message}</translation>
    </message>
    <message>
        <source>Backed up to {file}</source>
        <translation>Sauvegardé dans {file}</translation>
    </message>
    <message>
        <source>{name} — Trash — {application}</source>
        <translation>{name} — Corbeille — {application}</translation>
    </message>
    <message>
        <source>No engagements match</source>
        <translation>Aucun engagement ne correspond</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>The trash is empty</source>
        <translation>La corbeille est vide</translation>
    </message>
</context>
<context>
    <name>more_filters</name>
    <message>
        <source>e.g. Q3 2025</source>
        <translation>p. ex. 2025-Q3</translation>
    </message>
    <message>
        <source>Any stance</source>
        <translation>Position&#xa0;: toutes</translation>
    </message>
    <message>
        <source>The engagements of an organisation and of its parts (CDAO in the DoD)</source>
        <translation>Les engagements d’une organisation et de ses composantes (le CDAO au sein du DoD)</translation>
    </message>
    <message>
        <source>&amp;Restriction:</source>
        <translation>Restr&amp;iction&#xa0;:</translation>
    </message>
    <message>
        <source>Sta&amp;nce:</source>
        <translation>Positi&amp;on&#xa0;:</translation>
    </message>
    <message>
        <source>Ta&amp;g:</source>
        <translation>Éti&amp;quette&#xa0;:</translation>
    </message>
    <message>
        <source>St&amp;arted from</source>
        <translation>Déb&amp;ut du</translation>
    </message>
    <message>
        <source>Follow-up d&amp;ue from</source>
        <translation>Sui&amp;vi du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>by</source>
        <translation>au</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>Respo&amp;nsable&#xa0;:</translation>
    </message>
    <message>
        <source>Organ&amp;isation:</source>
        <translation>Or&amp;ganisation&#xa0;:</translation>
    </message>
    <message>
        <source>Any restriction</source>
        <translation>Restriction&#xa0;: toutes</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Étiquette&#xa0;: toutes</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>Responsable&#xa0;: tous</translation>
    </message>
    <message>
        <source>Any organisation</source>
        <translation>Organisation&#xa0;: toutes</translation>
    </message>
</context>
<context>
    <name>multi_select</name>
    <message>
        <source>{noun}: any</source>
        <translation>{noun}&#xa0;: indifférent</translation>
    </message>
    <message>
        <source>{noun}: {words}</source>
        <translation>{noun}&#xa0;: {words}</translation>
    </message>
    <message>
        <source>{noun}: %n chosen</source>
        <translation>{noun}&#xa0;: %n choisis</translation>
    </message>
    <message>
        <source>Any {noun}</source>
        <translation>Indifférent ({noun})</translation>
    </message>
</context>
<context>
    <name>notices</name>
    <message>
        <source>This database is empty.</source>
        <translation>Cette base de données est vide.</translation>
    </message>
    <message>
        <source>Load &amp;demo data</source>
        <translation>Charger les données de dé&amp;mo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Trash:&lt;/b&gt; engagements moved here can be restored —</source>
        <translation>&lt;b&gt;Corbeille&#xa0;:&lt;/b&gt; les engagements mis ici peuvent être restaurés —</translation>
    </message>
    <message>
        <source>&amp;Back to engagements</source>
        <translation>Retour au&amp;x engagements</translation>
    </message>
</context>
<context>
    <name>partial_date_edit</name>
    <message>
        <source>e.g. Q3 2025, Feb 2026, mid-2025</source>
        <translation>p. ex. 2025-Q3, 2026-02, 2025</translation>
    </message>
    <message>
        <source>Understood as {date} (stored as {iso})</source>
        <translation>Compris comme {date} (enregistré sous la forme {iso})</translation>
    </message>
</context>
<context>
    <name>views</name>
    <message>
        <source>T&amp;able</source>
        <translation>&amp;Tableau</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Vue d’ensemble</translation>
    </message>
    <message>
        <source>Restriction com&amp;parison</source>
        <translation>Com&amp;paraison des restrictions</translation>
    </message>
    <message>
        <source>Time&amp;line</source>
        <translation>&amp;Chronologie</translation>
    </message>
    <message>
        <source>Show the table of the engagements kept</source>
        <translation>Afficher le tableau des engagements retenus</translation>
    </message>
    <message>
        <source>Show the overview of the engagements kept</source>
        <translation>Afficher la vue d’ensemble des engagements retenus</translation>
    </message>
    <message>
        <source>Show the restriction comparison of the engagements kept</source>
        <translation>Afficher la comparaison des restrictions des engagements retenus</translation>
    </message>
    <message>
        <source>Show the timeline of the engagements kept</source>
        <translation>Afficher la chronologie des engagements retenus</translation>
    </message>
</context>
</TS>
