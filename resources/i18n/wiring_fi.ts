<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>FeatureWiring</name>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Raportit</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>S&amp;ynkronointi</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Ristiriidat</translation>
    </message>
    <message>
        <source>D&amp;uplicates</source>
        <translation>&amp;Kaksoiskappaleet</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>&amp;Kaupunki</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Työkalut</translation>
    </message>
    <message>
        <source>Print &amp;labels…</source>
        <translation>Tulosta &amp;tarrat…</translation>
    </message>
    <message>
        <source>&amp;Import inventory file…</source>
        <translation>&amp;Tuo laiteluettelo tiedostosta…</translation>
    </message>
    <message>
        <source>Import a &amp;sync file (central)…</source>
        <translation>Tuo &amp;synkronointitiedosto (keskus)…</translation>
    </message>
    <message>
        <source>&amp;Targets and pupil numbers…</source>
        <translation>Tavoitetasot ja &amp;oppilasmäärät…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Varmuuskopiot…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Ohje</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Tietoja ohjelmasta</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>S&amp;ynkronoi nyt</translation>
    </message>
</context>
</TS>
