<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
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
    <name>accessibility</name>
    <message>
        <source>Clear {name}</source>
        <translation>Effacer {name}</translation>
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
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Language, theme, briefing author, new engagements&apos; marking, stale, backups kept</source>
        <translation>Langue, thème, auteur des notes, marquage des nouveaux engagements, inactivité, sauvegardes conservées</translation>
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
    <name>bar_chart</name>
    <message>
        <source>Click a bar to show those engagements; Ctrl+click to add them</source>
        <translation>Cliquez sur une barre pour afficher ces engagements&#xa0;; Ctrl+clic pour les ajouter</translation>
    </message>
</context>
<context>
    <name>briefing_dialog</name>
    <message>
        <source>Export briefing</source>
        <translation>Exporter une note</translation>
    </message>
    <message>
        <source>Every marking</source>
        <translation>Tous les marquages</translation>
    </message>
    <message>
        <source>{marking} and below</source>
        <translation>{marking} et en dessous</translation>
    </message>
    <message>
        <source>Open the briefing when it is &amp;written</source>
        <translation>Ouvrir la note une fois &amp;rédigée</translation>
    </message>
    <message>
        <source>&amp;{section}: overdue, then due within</source>
        <translation>&amp;{section}&#xa0;: en retard, puis à échéance sous</translation>
    </message>
    <message>
        <source>&amp;{section}:</source>
        <translation>&amp;{section}&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>&amp;Author</source>
        <translation>&amp;Auteur</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>&amp;Highest marking</source>
        <translation>Marquage le plus &amp;haut</translation>
    </message>
    <message>
        <source>&amp;Marking</source>
        <translation>Mar&amp;quage</translation>
    </message>
    <message>
        <source>&amp;Page size</source>
        <translation>&amp;Format de page</translation>
    </message>
    <message>
        <source>La&amp;nguage</source>
        <translation>La&amp;ngue</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Inclure</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>&amp;Logo…</source>
        <translation>&amp;Logo…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Letterhead logo</source>
        <translation>Logo d’en-tête</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Images (*.png *.jpg *.jpeg);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>  (highest among the engagements)</source>
        <translation>  (le plus haut des engagements)</translation>
    </message>
    <message>
        <source>Last briefing</source>
        <translation>Dernière note</translation>
    </message>
</context>
<context>
    <name>briefing_history</name>
    <message>
        <source>No briefing has been recorded yet.</source>
        <translation>Aucune note n’a encore été enregistrée.</translation>
    </message>
    <message>
        <source>Briefing history</source>
        <translation>Historique des notes</translation>
    </message>
    <message>
        <source>&amp;Changes since this briefing</source>
        <translation>&amp;Modifications depuis cette note</translation>
    </message>
    <message>
        <source>&amp;Verify a file…</source>
        <translation>&amp;Vérifier un fichier…</translation>
    </message>
    <message>
        <source>Chosen briefing</source>
        <translation>Note choisie</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Rédigée</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Audit seal</source>
        <translation>Sceau d’audit</translation>
    </message>
    <message>
        <source>none (an empty audit trail)</source>
        <translation>aucun (journal d’audit vide)</translation>
    </message>
    <message>
        <source>Verify a briefing file</source>
        <translation>Vérifier un fichier de note</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;All files (*)</source>
        <translation>PDF (*.pdf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Could not verify {file}: {reason}</source>
        <translation>Impossible de vérifier {file}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>{file} matches no recorded briefing: no briefing written had this content.</source>
        <translation>{file} ne correspond à aucune note enregistrée&#xa0;: aucune note rédigée n’avait ce contenu.</translation>
    </message>
    <message>
        <source>{file} is briefing {number}, written {written}: {title}</source>
        <translation>{file} est la note {number}, rédigée {written}&#xa0;: {title}</translation>
    </message>
    <message>
        <source>{local} ({utc}) by {who}</source>
        <translation>{local} ({utc}) par {who}</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
</context>
<context>
    <name>briefing_preview</name>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation>Zoom arrière (Ctrl+−)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Zoom avant (Ctrl++)</translation>
    </message>
    <message>
        <source>Rendering the preview…</source>
        <translation>Aperçu en cours de rendu…</translation>
    </message>
    <message>
        <source>Page 1 of …</source>
        <translation>Page 1 sur …</translation>
    </message>
    <message>
        <source>Rendering the other pages…</source>
        <translation>Rendu des autres pages…</translation>
    </message>
    <message>
        <source>No preview: {reason}</source>
        <translation>Pas d’aperçu&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Page {page} of {total}</source>
        <translation>Page {page} sur {total}</translation>
    </message>
</context>
<context>
    <name>briefing_sections</name>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Vers le haut</translation>
    </message>
    <message>
        <source>Move the section up (Alt+Up)</source>
        <translation>Monter la section (Alt+Haut)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Vers le &amp;bas</translation>
    </message>
    <message>
        <source>Move the section down (Alt+Down)</source>
        <translation>Descendre la section (Alt+Bas)</translation>
    </message>
    <message>
        <source>Parts of each engagement</source>
        <translation>Parties de chaque engagement</translation>
    </message>
    <message>
        <source>Key points, printed after the cover: paragraphs, and &quot;- &quot; before a bullet</source>
        <translation>Points clés, imprimés après la couverture&#xa0;: des paragraphes, et « - » devant une puce</translation>
    </message>
    <message>
        <source>&amp;Sections (checked ones are printed, in this order)</source>
        <translation>S&amp;ections (celles cochées sont imprimées, dans cet ordre)</translation>
    </message>
    <message>
        <source>&amp;Key points</source>
        <translation>&amp;Points clés</translation>
    </message>
</context>
<context>
    <name>briefing_templates</name>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Save as &amp;template…</source>
        <translation>Enre&amp;gistrer comme modèle…</translation>
    </message>
    <message>
        <source>Te&amp;mplate</source>
        <translation>Mo&amp;dèle</translation>
    </message>
    <message>
        <source>marking {marking} is lower than the engagements need</source>
        <translation>le marquage {marking} est plus bas que ce qu’exigent les engagements</translation>
    </message>
    <message>
        <source>from template &quot;{name}&quot;</source>
        <translation>du modèle « {name} »</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>Enregistrer comme modèle</translation>
    </message>
    <message>
        <source>&amp;Shared: everyone using this database can use it</source>
        <translation>&amp;Partagé&#xa0;: quiconque utilise cette base de données peut s’en servir</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
</context>
<context>
    <name>bulk_edit_dialog</name>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Edit selected engagements</source>
        <translation>Modifier les engagements sélectionnés</translation>
    </message>
    <message>
        <source>e.g. 2026-06, Q3 2026, next Friday; empty clears</source>
        <translation>p. ex. 2026-06, 2026-Q3&#xa0;; vide efface</translation>
    </message>
    <message>
        <source>Change 1 engagement: check what to set.</source>
        <translation>Modifier 1 engagement&#xa0;: cochez ce qu’il faut définir.</translation>
    </message>
    <message>
        <source>Change {count} engagements: check what to set.</source>
        <translation>Modifier {count} engagements&#xa0;: cochez ce qu’il faut définir.</translation>
    </message>
    <message>
        <source>Add tags</source>
        <translation>Ajouter des étiquettes</translation>
    </message>
    <message>
        <source>Remove tags</source>
        <translation>Retirer des étiquettes</translation>
    </message>
    <message>
        <source>Restriction stance</source>
        <translation>Position sur une restriction</translation>
    </message>
    <message>
        <source>&amp;Apply to {count}</source>
        <translation>&amp;Appliquer à {count}</translation>
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
    <name>changes_dock</name>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Quand (UTC)</translation>
    </message>
    <message>
        <source>Show older changes</source>
        <translation>Afficher les modifications plus anciennes</translation>
    </message>
    <message>
        <source>No changes {period}.</source>
        <translation>Aucune modification {period}.</translation>
    </message>
    <message>
        <source>1 change</source>
        <translation>1 modification</translation>
    </message>
    <message>
        <source>{count} changes</source>
        <translation>{count} modifications</translation>
    </message>
    <message>
        <source>1 engagement</source>
        <translation>1 engagement</translation>
    </message>
    <message>
        <source>{count} engagements</source>
        <translation>{count} engagements</translation>
    </message>
    <message>
        <source>{changes} to {engagements} {period}</source>
        <translation>{changes} sur {engagements} {period}</translation>
    </message>
    <message>
        <source> (more below)</source>
        <translation> (d’autres plus bas)</translation>
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
    <name>conflict_dialog</name>
    <message>
        <source>Discard your changes?</source>
        <translation>Abandonner vos modifications&#xa0;?</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>La vôtre</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <source>Keep &amp;my version of every field</source>
        <translation>Garder &amp;ma version de chaque champ</translation>
    </message>
    <message>
        <source>Choose your version for every conflicting field</source>
        <translation>Choisir votre version pour chaque champ en conflit</translation>
    </message>
    <message>
        <source>&amp;Discard my changes</source>
        <translation>&amp;Abandonner mes modifications</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Go back to the form; your edits are kept, nothing is saved</source>
        <translation>Revenir au formulaire&#xa0;; vos saisies sont conservées, rien n’est enregistré</translation>
    </message>
    <message>
        <source>&amp;Save merged</source>
        <translation>&amp;Enregistrer la fusion</translation>
    </message>
    <message>
        <source>Save the merged engagement with the choices above</source>
        <translation>Enregistrer l’engagement fusionné avec les choix ci-dessus</translation>
    </message>
</context>
<context>
    <name>connection_dialog</name>
    <message>
        <source>Open database</source>
        <translation>Ouvrir une base de données</translation>
    </message>
    <message>
        <source>Path to a .db file</source>
        <translation>Chemin d’un fichier .db</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Fichier de base de données</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>optional: a name from pg_service.conf</source>
        <translation>facultatif&#xa0;: un nom de pg_service.conf</translation>
    </message>
    <message>
        <source>The password is never asked for or stored here: it is read from ~/.pgpass, the PGPASSWORD variable or the service file.</source>
        <translation>Le mot de passe n’est jamais demandé ni enregistré ici&#xa0;: il est lu dans ~/.pgpass, la variable PGPASSWORD ou le fichier de services.</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>P&amp;ort&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Service&#xa0;:</translation>
    </message>
    <message>
        <source>Team &amp;server (PostgreSQL)</source>
        <translation>Serveur d’é&amp;quipe (PostgreSQL)</translation>
    </message>
    <message>
        <source>Databases (*.db *.sqlite);;All files (*)</source>
        <translation>Bases de données (*.db *.sqlite);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose a database file.</source>
        <translation>Choisissez un fichier de base de données.</translation>
    </message>
    <message>
        <source>Enter the database name (or a service name).</source>
        <translation>Saisissez le nom de la base de données (ou un nom de service).</translation>
    </message>
</context>
<context>
    <name>database_switcher</name>
    <message>
        <source>Open &amp;recent</source>
        <translation>Bases &amp;récentes</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Nouvelle base de données</translation>
    </message>
    <message>
        <source>Databases (*.db)</source>
        <translation>Bases de données (*.db)</translation>
    </message>
    <message>
        <source>Warning: {warning}</source>
        <translation>Attention&#xa0;: {warning}</translation>
    </message>
    <message>
        <source>Read-only: {reason}. You can search, read and export; ask the database administrator for write access to edit.</source>
        <translation>Lecture seule&#xa0;: {reason}. Vous pouvez rechercher, lire et exporter&#xa0;; demandez à l’administrateur de la base un accès en écriture pour modifier.</translation>
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
        <source>Select an engagement…</source>
        <translation>Sélectionnez un engagement…</translation>
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
    <name>export_dialog</name>
    <message>
        <source>Export engagements</source>
        <translation>Exporter des engagements</translation>
    </message>
    <message>
        <source>Every marking</source>
        <translation>Tous les marquages</translation>
    </message>
    <message>
        <source>&amp;Highest marking</source>
        <translation>Marquage le plus &amp;haut</translation>
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
    <name>history_dialog</name>
    <message>
        <source>Version {number}</source>
        <translation>Version {number}</translation>
    </message>
    <message>
        <source> (current)</source>
        <translation> (actuelle)</translation>
    </message>
    <message>
        <source>Version {number} as it was — {title}</source>
        <translation>Version {number} telle qu’elle était — {title}</translation>
    </message>
    <message>
        <source>As it was after {time} (read-only)</source>
        <translation>Tel qu’il était après {time} (lecture seule)</translation>
    </message>
    <message>
        <source>History of “{title}”</source>
        <translation>Historique de « {title} »</translation>
    </message>
    <message>
        <source>&amp;View as it was</source>
        <translation>&amp;Voir telle qu’elle était</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>&amp;Restaurer cette version</translation>
    </message>
    <message>
        <source>Every version the audit trail records, newest first:</source>
        <translation>Chaque version enregistrée par le journal d’audit, la plus récente en premier&#xa0;:</translation>
    </message>
</context>
<context>
    <name>import_review</name>
    <message>
        <source>Review import of {file}</source>
        <translation>Revue de l’import de {file}</translation>
    </message>
    <message>
        <source>Importing {file} will do this: {summary}.</source>
        <translation>Importer {file} fera ceci&#xa0;: {summary}.</translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Rien à importer.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>… and {count} more refused</source>
        <translation>… et {count} autres refusés</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <source>Another import or export is running.</source>
        <translation>Un autre import ou export est en cours.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
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
    <name>open_failed_dialog</name>
    <message>
        <source>The file is damaged or is not an Engagement Tracker database. Restore the latest backup to go on; the damaged file is kept beside it.</source>
        <translation>Le fichier est endommagé ou n’est pas une base de données Engagement Tracker. Restaurez la dernière sauvegarde pour continuer&#xa0;; le fichier endommagé est conservé à côté.</translation>
    </message>
    <message>
        <source>Another program is writing to the database. Wait for it to finish, then retry.</source>
        <translation>Un autre programme écrit dans la base de données. Attendez qu’il ait fini, puis réessayez.</translation>
    </message>
    <message>
        <source>The database cannot be written where it is. Copy it to a writable folder and open the copy, or restore the latest backup into a writable place.</source>
        <translation>La base de données ne peut pas être écrite là où elle est. Copiez-la dans un dossier accessible en écriture et ouvrez la copie, ou restaurez la dernière sauvegarde dans un tel dossier.</translation>
    </message>
    <message>
        <source>The database was written by a newer Engagement Tracker. Install the newer version to open it, or restore an older backup (later changes are then lost).</source>
        <translation>La base de données a été écrite par une version plus récente d’Engagement Tracker. Installez cette version pour l’ouvrir, ou restaurez une sauvegarde plus ancienne (les modifications ultérieures sont alors perdues).</translation>
    </message>
    <message>
        <source>Retry, or restore the latest backup.</source>
        <translation>Réessayez, ou restaurez la dernière sauvegarde.</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Impossible d’ouvrir la base de données</translation>
    </message>
    <message>
        <source>&amp;Restore latest backup</source>
        <translation>&amp;Restaurer la dernière sauvegarde</translation>
    </message>
    <message>
        <source>{advice}
Latest backup: {backup}.</source>
        <translation>{advice}
Dernière sauvegarde&#xa0;: {backup}.</translation>
    </message>
    <message>
        <source> No backup of this database was found.</source>
        <translation> Aucune sauvegarde de cette base de données n’a été trouvée.</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>Réess&amp;ayer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Not restored: {reason}</source>
        <translation>Non restaurée&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>organisations</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>Fait partie de</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Autres noms</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Engagements</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>1 engagement</source>
        <translation>1 engagement</translation>
    </message>
    <message>
        <source>{count} engagements</source>
        <translation>{count} engagements</translation>
    </message>
    <message>
        <source>{noun} will be re-pointed from {source} to {into}; {source} and its aliases will be kept as aliases of {into}.

Merge them? (Edit → Undo takes it back.)</source>
        <translation>{noun} passeront de {source} à {into}&#xa0;; {source} et ses autres noms resteront comme autres noms de {into}.

Les fusionner&#xa0;? (Édition → Annuler revient en arrière.)</translation>
    </message>
    <message>
        <source>Merge {source} into {into}</source>
        <translation>Fusionner {source} dans {into}</translation>
    </message>
    <message>
        <source>Merged {source} into {into} — Ctrl+Z to undo</source>
        <translation>{source} fusionnée dans {into} — Ctrl+Z pour annuler</translation>
    </message>
    <message>
        <source>another name</source>
        <translation>un autre nom</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>&amp;Fusionner dans…</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Country (ISO code)</source>
        <translation>&amp;Pays (code ISO)</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>&amp;Région</translation>
    </message>
    <message>
        <source>&amp;Part of</source>
        <translation>Fait partie &amp;de</translation>
    </message>
    <message>
        <source>Add &amp;alias</source>
        <translation>Ajouter un &amp;autre nom</translation>
    </message>
</context>
<context>
    <name>other_writers</name>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} et {last}</translation>
    </message>
    <message>
        <source>{who} has since changed {fields} ({when})</source>
        <translation>{who} a modifié depuis {fields} ({when})</translation>
    </message>
    <message>
        <source>{who} has since changed {fields} (the last {when})</source>
        <translation>{who} a modifié depuis {fields} (la dernière {when})</translation>
    </message>
    <message>
        <source>{who} have since changed {fields} ({when})</source>
        <translation>{who} avez modifié depuis {fields} ({when})</translation>
    </message>
    <message>
        <source>{who} have since changed {fields} (the last {when})</source>
        <translation>{who} avez modifié depuis {fields} (la dernière {when})</translation>
    </message>
    <message>
        <source>you (in another window)</source>
        <translation>vous (dans une autre fenêtre)</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>quelqu’un d’autre</translation>
    </message>
    <message>
        <source>{name}&apos;s</source>
        <translation>de {name}</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>Plus récente</translation>
    </message>
    <message>
        <source>the newer</source>
        <translation>la plus récente</translation>
    </message>
    <message>
        <source>at {time}</source>
        <translation>à {time}</translation>
    </message>
    <message>
        <source>on {day} at {time}</source>
        <translation>le {day} à {time}</translation>
    </message>
    <message>
        <source>someone else saved a newer version</source>
        <translation>quelqu’un d’autre a enregistré une version plus récente</translation>
    </message>
    <message>
        <source>{people} saved a newer version {when}</source>
        <translation>{people} a enregistré une version plus récente {when}</translation>
    </message>
    <message>
        <source>{people} saved {count} newer versions, the last by {who} {when}</source>
        <translation>{people} ont enregistré {count} versions plus récentes, la dernière par {who} {when}</translation>
    </message>
    <message>
        <source>{people} saved {count} newer versions, the last {when}</source>
        <translation>{people} a enregistré {count} versions plus récentes, la dernière {when}</translation>
    </message>
    <message>
        <source>{who} {when}</source>
        <translation>{who} {when}</translation>
    </message>
    <message>
        <source>{fields} changed since</source>
        <translation>{fields} modifié depuis</translation>
    </message>
</context>
<context>
    <name>overview</name>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>Par statut</translation>
    </message>
    <message>
        <source>By region</source>
        <translation>Par région</translation>
    </message>
    <message>
        <source>By vendor</source>
        <translation>Par fournisseur</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>Matrix as CSV…</source>
        <translation>Matrice en CSV…</translation>
    </message>
    <message>
        <source>Status chart as PNG or SVG…</source>
        <translation>Graphique des statuts en PNG ou SVG…</translation>
    </message>
    <message>
        <source>Region chart as PNG or SVG…</source>
        <translation>Graphique des régions en PNG ou SVG…</translation>
    </message>
    <message>
        <source>Vendor chart as PNG or SVG…</source>
        <translation>Graphique des fournisseurs en PNG ou SVG…</translation>
    </message>
    <message>
        <source>{count} in the trash</source>
        <translation>{count} dans la corbeille</translation>
    </message>
    <message>
        <source>1 engagement</source>
        <translation>1 engagement</translation>
    </message>
    <message>
        <source>{count} engagements</source>
        <translation>{count} engagements</translation>
    </message>
    <message>
        <source>Save the matrix</source>
        <translation>Enregistrer la matrice</translation>
    </message>
    <message>
        <source>Save the chart {title}</source>
        <translation>Enregistrer le graphique « {title} »</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>Enregistré&#xa0;: {file}</translation>
    </message>
    <message>
        <source>1 more vendor</source>
        <translation>1 autre fournisseur</translation>
    </message>
    <message>
        <source>{count} more vendors</source>
        <translation>{count} autres fournisseurs</translation>
    </message>
</context>
<context>
    <name>overview_matrix</name>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source> in {region}</source>
        <translation> en {region}</translation>
    </message>
    <message>
        <source>, all regions</source>
        <translation>, toutes régions</translation>
    </message>
    <message>
        <source>Click a cell to show those engagements; Ctrl+click to add them</source>
        <translation>Cliquez sur une cellule pour afficher ces engagements&#xa0;; Ctrl+clic pour les ajouter</translation>
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
    <name>preferences_dialog</name>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>The {what} must be one line, without line breaks or control characters.</source>
        <translation>Le champ « {what} » doit tenir sur une ligne, sans saut de ligne ni caractère de contrôle.</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Shown once the app restarts.</source>
        <translation>Au prochain démarrage.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Redémarrer maintenant</translation>
    </message>
    <message>
        <source>Restart now in the new language</source>
        <translation>Redémarrer maintenant dans la nouvelle langue</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Briefing author</source>
        <translation>Auteur des notes</translation>
    </message>
    <message>
        <source>Briefing organisation</source>
        <translation>Organisation des notes</translation>
    </message>
    <message>
        <source>Marking of new engagements</source>
        <translation>Marquage des nouveaux engagements</translation>
    </message>
    <message>
        <source>The database&apos;s default ({marking})</source>
        <translation>Celui de la base de données ({marking})</translation>
    </message>
    <message>
        <source>Stale after</source>
        <translation>Inactif après</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Automatic backups kept</source>
        <translation>Sauvegardes automatiques conservées</translation>
    </message>
    <message>
        <source>The one used last</source>
        <translation>Le dernier utilisé</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>Briefing &amp;author</source>
        <translation>&amp;Auteur des notes</translation>
    </message>
    <message>
        <source>Briefing &amp;organisation</source>
        <translation>&amp;Organisation des notes</translation>
    </message>
    <message>
        <source>&amp;Marking of new engagements</source>
        <translation>&amp;Marquage des nouveaux engagements</translation>
    </message>
    <message>
        <source>&amp;Stale after</source>
        <translation>&amp;Inactif après</translation>
    </message>
    <message>
        <source>Automatic &amp;backups kept</source>
        <translation>Sauve&amp;gardes automatiques conservées</translation>
    </message>
    <message>
        <source>author</source>
        <translation>auteur des notes</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisation des notes</translation>
    </message>
</context>
<context>
    <name>restriction_catalogue</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Engagements</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Autres noms</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>1 engagement</source>
        <translation>1 engagement</translation>
    </message>
    <message>
        <source>{count} engagements</source>
        <translation>{count} engagements</translation>
    </message>
    <message>
        <source>, {count} of them in the trash</source>
        <translation>, dont {count} dans la corbeille</translation>
    </message>
    <message>
        <source>Merge {source} into {target}?

{noun} get a new version{trash}; {both} had both, and keep the more restrictive stance. {source} becomes an alias of {target}.

A merge cannot be undone.</source>
        <translation>Fusionner {source} dans {target}&#xa0;?

{noun} reçoivent une nouvelle version{trash}&#xa0;; {both} avaient les deux et gardent la position la plus restrictive. {source} devient un autre nom de {target}.

Une fusion est définitive.</translation>
    </message>
    <message>
        <source>Restriction catalogue</source>
        <translation>Catalogue des restrictions</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>Re&amp;title</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Save d&amp;escription</source>
        <translation>Enregistrer la d&amp;escription</translation>
    </message>
    <message>
        <source>&amp;Merge into</source>
        <translation>&amp;Fusionner dans</translation>
    </message>
    <message>
        <source>Mer&amp;ge…</source>
        <translation>Fusi&amp;onner…</translation>
    </message>
    <message>
        <source>Retitle {code}</source>
        <translation>Renommer {code}</translation>
    </message>
    <message>
        <source>Describe {code}</source>
        <translation>Décrire {code}</translation>
    </message>
    <message>
        <source>Done: {step}</source>
        <translation>Fait&#xa0;: {step}</translation>
    </message>
    <message>
        <source>Merged {source} into {target}</source>
        <translation>{source} fusionnée dans {target}</translation>
    </message>
    <message>
        <source>Merge restrictions</source>
        <translation>Fusionner des restrictions</translation>
    </message>
    <message>
        <source>Restrictions</source>
        <translation>Restrictions</translation>
    </message>
</context>
<context>
    <name>restriction_comparison</name>
    <message>
        <source>Stances: {chips} &amp;nbsp;·&amp;nbsp; blank: {blank}</source>
        <translation>Positions&#xa0;: {chips} &amp;nbsp;·&amp;nbsp; vide&#xa0;: {blank}</translation>
    </message>
    <message>
        <source>{engagements} kept</source>
        <translation>{engagements} retenus</translation>
    </message>
    <message>
        <source>{kept}; the restriction catalogue is empty.</source>
        <translation>{kept}&#xa0;; le catalogue des restrictions est vide.</translation>
    </message>
    <message>
        <source>{kept}; {recording} of the {total} restrictions of the catalogue recorded. Click a count to list those engagements, an engagement to select it.</source>
        <translation>{kept}&#xa0;; {recording} des {total} restrictions du catalogue renseignées. Cliquez sur un nombre pour lister ces engagements, sur un engagement pour le sélectionner.</translation>
    </message>
</context>
<context>
    <name>restriction_counts</name>
    <message>
        <source>1 engagement</source>
        <translation>1 engagement</translation>
    </message>
    <message>
        <source>{count} engagements</source>
        <translation>{count} engagements</translation>
    </message>
    <message>
        <source>{engagements} record “{title}”</source>
        <translation>{engagements} renseignent « {title} »</translation>
    </message>
    <message>
        <source>{engagements}: {stance} on “{title}”</source>
        <translation>{engagements}&#xa0;: {stance} sur « {title} »</translation>
    </message>
    <message>
        <source> (click to list them)</source>
        <translation> (cliquez pour les lister)</translation>
    </message>
    <message>
        <source>Engagements kept that record the restriction, at any stance</source>
        <translation>Engagements retenus qui renseignent la restriction, quelle que soit la position</translation>
    </message>
</context>
<context>
    <name>saved_views</name>
    <message>
        <source>Undone: {step}</source>
        <translation>Annulé&#xa0;: {step}</translation>
    </message>
    <message>
        <source>Redone: {step}</source>
        <translation>Rétabli&#xa0;: {step}</translation>
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
        <source>&amp;Saved views</source>
        <translation>Vues &amp;enregistrées</translation>
    </message>
    <message>
        <source>&amp;Save current view…</source>
        <translation>&amp;Enregistrer la vue actuelle…</translation>
    </message>
    <message>
        <source>&amp;Manage views…</source>
        <translation>&amp;Gérer les vues…</translation>
    </message>
    <message>
        <source>column {key} (not in this table)</source>
        <translation>colonne {key} (absente de ce tableau)</translation>
    </message>
    <message>
        <source>Opened view {name}</source>
        <translation>Vue {name} ouverte</translation>
    </message>
    <message>
        <source>{opened} — left out {parts}</source>
        <translation>{opened} — laissés de côté&#xa0;: {parts}</translation>
    </message>
    <message>
        <source>Save view {name}</source>
        <translation>Enregistrer la vue {name}</translation>
    </message>
    <message>
        <source>Saved view {name} — Ctrl+Z to undo</source>
        <translation>Vue {name} enregistrée — Ctrl+Z pour annuler</translation>
    </message>
    <message>
        <source>Rename view {name}</source>
        <translation>Renommer la vue {name}</translation>
    </message>
    <message>
        <source>Renamed view {old} to {new}</source>
        <translation>Vue {old} renommée en {new}</translation>
    </message>
    <message>
        <source>Share view {name}</source>
        <translation>Partager la vue {name}</translation>
    </message>
    <message>
        <source>Unshare view {name}</source>
        <translation>Ne plus partager la vue {name}</translation>
    </message>
    <message>
        <source>View {name} is shared now</source>
        <translation>La vue {name} est maintenant partagée</translation>
    </message>
    <message>
        <source>View {name} is private now</source>
        <translation>La vue {name} est maintenant privée</translation>
    </message>
    <message>
        <source>Delete view {name}</source>
        <translation>Supprimer la vue {name}</translation>
    </message>
    <message>
        <source>Deleted view {name} — Ctrl+Z to undo</source>
        <translation>Vue {name} supprimée — Ctrl+Z pour annuler</translation>
    </message>
    <message>
        <source>Save current view</source>
        <translation>Enregistrer la vue actuelle</translation>
    </message>
    <message>
        <source>&amp;Shared: everyone using this database sees it</source>
        <translation>&amp;Partagée&#xa0;: quiconque utilise cette base de données la voit</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Manage saved views</source>
        <translation>Gérer les vues enregistrées</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <source>&amp;Shared with everyone</source>
        <translation>&amp;Partagée avec tout le monde</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
</context>
<context>
    <name>timeline_canvas</name>
    <message>
        <source>Started {date}</source>
        <translation>Début&#xa0;: {date}</translation>
    </message>
</context>
<context>
    <name>timeline_export</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>Export timeline as {kind}</source>
        <translation>Exporter la chronologie en {kind}</translation>
    </message>
    <message>
        <source>Could not write {file}.</source>
        <translation>Impossible d’écrire {file}.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
</context>
<context>
    <name>timeline_painter</name>
    <message>
        <source>Q{number}</source>
        <translation>T{number}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
</context>
<context>
    <name>timeline_view</name>
    <message>
        <source>▨ began within the date · ⊓ started · ◇ follow-up day, ⊔ period · │ today</source>
        <translation>▨ débuté dans la période · ⊓ début · ◇ jour de suivi, ⊔ période · │ aujourd’hui</translation>
    </message>
    <message>
        <source>years</source>
        <translation>années</translation>
    </message>
    <message>
        <source>quarters</source>
        <translation>trimestres</translation>
    </message>
    <message>
        <source>months</source>
        <translation>mois</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>semaines</translation>
    </message>
    <message>
        <source>Zoom out (−, Ctrl+wheel)</source>
        <translation>Zoom arrière (−, Ctrl+molette)</translation>
    </message>
    <message>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>Zoom avant (+, Ctrl+molette)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Scroll to today</source>
        <translation>Aller à aujourd’hui</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <source>Save what is shown as a PNG image</source>
        <translation>Enregistrer ce qui est affiché en image PNG</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>Exporter en SVG…</translation>
    </message>
    <message>
        <source>Save what is shown as an SVG drawing</source>
        <translation>Enregistrer ce qui est affiché en dessin SVG</translation>
    </message>
    <message>
        <source>{count} engagements · axis in {unit}</source>
        <translation>{count} engagements · axe en {unit}</translation>
    </message>
    <message>
        <source>no dated status</source>
        <translation>aucun statut daté</translation>
    </message>
    <message>
        <source> Current: {title}. {periods}.</source>
        <translation> Actuelle : {title}. {periods}.</translation>
    </message>
</context>
<context>
    <name>transfers</name>
    <message>
        <source>Import engagements</source>
        <translation>Importer des engagements</translation>
    </message>
    <message>
        <source>Engagement files (*.json *.csv);;JSON (*.json);;CSV (*.csv)</source>
        <translation>Fichiers d’engagements (*.json *.csv);;JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Lecture de {file}…</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Import de {file}…</translation>
    </message>
    <message>
        <source>Imported {total}: {created} created, {updated} updated, {unchanged} unchanged</source>
        <translation>{total} importés&#xa0;: {created} créés, {updated} mis à jour, {unchanged} inchangés</translation>
    </message>
    <message>
        <source>The selected engagements.</source>
        <translation>Les engagements sélectionnés.</translation>
    </message>
    <message>
        <source>The engagements shown by the current filter.</source>
        <translation>Les engagements affichés par le filtre actuel.</translation>
    </message>
    <message>
        <source>Export engagements</source>
        <translation>Exporter des engagements</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>Export vers {file}…</translation>
    </message>
    <message>
        <source>Exported {count} engagements to {file}</source>
        <translation>{count} engagements exportés vers {file}</translation>
    </message>
    <message>
        <source>No engagements are shown: the briefing would be empty.</source>
        <translation>Aucun engagement n’est affiché&#xa0;: la note serait vide.</translation>
    </message>
    <message>
        <source>Save briefing</source>
        <translation>Enregistrer la note</translation>
    </message>
    <message>
        <source>The {count} selected engagements.</source>
        <translation>Les {count} engagements sélectionnés.</translation>
    </message>
    <message>
        <source>The {count} engagements shown by the current filter.</source>
        <translation>Les {count} engagements affichés par le filtre actuel.</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Rédaction de {file}…</translation>
    </message>
    <message>
        <source>Briefing of 1 engagement saved to {file}</source>
        <translation>Note sur 1 engagement enregistrée dans {file}</translation>
    </message>
    <message>
        <source>Briefing of {count} engagements saved to {file}</source>
        <translation>Note sur {count} engagements enregistrée dans {file}</translation>
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
