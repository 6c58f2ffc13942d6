<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>actions</name>
    <message>
        <source>&amp;New engagement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the engagements shown (or selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;briefing (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PDF briefing of the engagements shown (or selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Briefing &amp;history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every briefing written: what it covered, its file&apos;s SHA-256; changes since it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load de&amp;mo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit engagement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a status, owner, marking, follow-up, confidence, tags or a stance on every selected engagement at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected engagements to the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest&amp;ore from trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every version of the current engagement: view one as it was, or restore it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restriction &amp;catalogue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every restriction with its engagements: retitle, describe, merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or&amp;ganisations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisations: details, aliases, parts; merge one into another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show lin&amp;ked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the engagements linked to the current one (from either end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hanges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed since the last briefing or a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Engagement Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>change_history</name>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved to the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded at the upgrade to schema 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as it stood</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>detail_pane</name>
    <message>
        <source>Change history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions: view or restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its details appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no engagements to show yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 engagement in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} engagements in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View any earlier version as it was, or restore it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>filter_bar</name>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engagements whose follow-up fell due before today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due &amp;soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engagements whose follow-up falls due in the next {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open engagements with no change for {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any counterpart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search everything  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;More filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restriction and stance, confidence, marking, tag, owner, organisation, started and follow-up dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all engagements (Ctrl+Shift+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} in the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} in the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} engagement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} engagements</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>follow_ups</name>
    <message>
        <source>No follow-ups overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 follow-up overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} follow-ups overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up overdue by 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up overdue by {days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up due in 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up due in {days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups due before today: show them with the Overdue filter (Alt+O)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>Automatic backup failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — Trash — {application}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No engagements match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trash is empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>multi_select</name>
    <message>
        <source>{noun}: any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{noun}: {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any {noun}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
