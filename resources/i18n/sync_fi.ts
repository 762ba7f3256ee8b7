<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>SyncPanel</name>
    <message><source>all-sites</source><translation>kaikki-toimipisteet</translation></message>
    <message><source>auditor</source><translation>inventoija</translation></message>
    <message><source>sync-%1-%2-%3.zip</source><translation>synkronointi-%1-%2-%3.zip</translation></message>
    <message>
        <source>Set &amp;up this laptop…</source>
        <translation>&amp;Ota tämä kannettava käyttöön…</translation>
    </message>
    <message>
        <source>This laptop has not joined the central yet. Its changes are kept safely here, but sync files can be made only after it has joined: open the enrolment file central IT gave you, or sync online once.</source>
        <translation>Tämä kannettava ei ole vielä liittynyt keskukseen. Sen muutokset ovat tallessa tällä koneella, mutta synkronointitiedostoja voi tehdä vasta liittymisen jälkeen: avaa keskitetyltä IT:ltä saamasi liittymistiedosto tai synkronoi kerran verkossa.</translation>
    </message>
    <message>
        <source>Join with an &amp;enrolment file…</source>
        <translation>Liity &amp;liittymistiedostolla…</translation>
    </message>
    <message>
        <source>Join the central first (see above).</source>
        <translation>Liity ensin keskukseen (ks. yllä).</translation>
    </message>
    <message>
        <source>This laptop has not joined the central yet; join it first (above).</source>
        <translation>Tämä kannettava ei ole vielä liittynyt keskukseen; liity ensin (yllä).</translation>
    </message>
    <message>
        <source>The enrolment file</source>
        <translation>Liittymistiedosto</translation>
    </message>
    <message>
        <source>Enrolment files (*.json);;All files (*)</source>
        <translation>Liittymistiedostot (*.json);;Kaikki tiedostot (*)</translation>
    </message>
    <message>
        <source>This laptop has joined the central. Sync files can be made now.</source>
        <translation>Kannettava on liittynyt keskukseen. Synkronointitiedostoja voi nyt tehdä.</translation>
    </message>
    <message>
        <source>postgresql://user@server/inventory</source>
        <translation>postgresql://käyttäjä@palvelin/inventaario</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>ei tarkistettu</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>yhteydessä</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>ei yhteyttä</translation>
    </message>
    <message>
        <source>Sync: {0}</source>
        <translation>Synkronointi: {0}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ei koskaan</translation>
    </message>
    <message>
        <source>{0} changes waiting to be sent · last sync {1} · {2} open conflicts · {3} possible duplicates</source>
        <translation>{0} muutosta odottaa lähetystä · viimeksi synkronoitu {1} · {2} avointa ristiriitaa · {3} mahdollista kaksoiskappaletta</translation>
    </message>
    <message>
        <source>Enter the address of the central database first.</source>
        <translation>Anna ensin keskustietokannan osoite.</translation>
    </message>
    <message>
        <source>Receiving central&apos;s inventory: {0} / {1} rows</source>
        <translation>Vastaanotetaan keskuksen inventaariota: {0} / {1} riviä</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synkronoidaan…</translation>
    </message>
    <message>
        <source>Synced: sent {0}, received {1}, {2} conflicts.</source>
        <translation>Synkronoitu: lähetetty {0}, vastaanotettu {1}, ristiriitoja {2}.</translation>
    </message>
    <message>
        <source>Export changes to a sync file</source>
        <translation>Vie muutokset synkronointitiedostoon</translation>
    </message>
    <message>
        <source>Sync files (*.zip)</source>
        <translation>Synkronointitiedostot (*.zip)</translation>
    </message>
    <message>
        <source>Writing the sync file…</source>
        <translation>Kirjoitetaan synkronointitiedostoa…</translation>
    </message>
    <message>
        <source>Wrote {0} changes to {1}.</source>
        <translation>{0} muutosta kirjoitettu tiedostoon {1}.</translation>
    </message>
    <message>
        <source>&amp;Central:</source>
        <translation>&amp;Keskustietokanta:</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Synkronoi &amp;nyt</translation>
    </message>
    <message>
        <source>&amp;Export to file…</source>
        <translation>&amp;Vie tiedostoon…</translation>
    </message>
    <message>
        <source>Sync failed. {0}</source>
        <translation>Synkronointi epäonnistui. {0}</translation>
    </message>
    <message>
        <source>Export failed. {0}</source>
        <translation>Vienti epäonnistui. {0}</translation>
    </message>
    <message>
        <source>The laptop did not join. {0}</source>
        <translation>Kannettava ei liittynyt. {0}</translation>
    </message>
    <message>
        <source>Details: {0}</source>
        <translation>Tiedot: {0}</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Device</source>
        <translation>Laite</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Kenttä</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Nykyinen arvo</translation>
    </message>
    <message>
        <source>Overwritten value</source>
        <translation>Korvattu arvo</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Tekijä</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>tämä kone</translation>
    </message>
    <message>
        <source>central</source>
        <translation>keskus</translation>
    </message>
    <message>
        <source>Keep current value</source>
        <translation>Pidä nykyinen arvo</translation>
    </message>
    <message>
        <source>Use overwritten value</source>
        <translation>Palauta korvattu arvo</translation>
    </message>
    <message>
        <source>Edits made at the same time on different laptops. The later one was kept; choose which value is right.</source>
        <translation>Eri kannettavilla samaan aikaan tehdyt muutokset. Myöhempi jäi voimaan; valitse, kumpi arvo on oikea.</translation>
    </message>
    <message>
        <source>{0} open conflicts</source>
        <translation>{0} avointa ristiriitaa</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Serial</source>
        <translation>Sarjanumero</translation>
    </message>
    <message>
        <source>Keeps</source>
        <translation>Säilyy</translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation>Yhdistetään siihen</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Yhdistä</translation>
    </message>
    <message>
        <source>Undo last merge</source>
        <translation>Peru viimeisin yhdistäminen</translation>
    </message>
    <message>
        <source>The same serial number under different asset tags: probably one device registered twice.</source>
        <translation>Sama sarjanumero eri inventaariotarroilla: luultavasti sama laite rekisteröity kahdesti.</translation>
    </message>
    <message>
        <source>{0} possible duplicates</source>
        <translation>{0} mahdollista kaksoiskappaletta</translation>
    </message>
    <message>
        <source>Select a row first.</source>
        <translation>Valitse ensin rivi.</translation>
    </message>
</context>
<context>
    <name>CentralImportDialog</name>
    <message>
        <source>Import a sync file</source>
        <translation>Tuo synkronointitiedosto</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Valitse…</translation>
    </message>
    <message>
        <source>Check the file</source>
        <translation>Tarkista tiedosto</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Tuo</translation>
    </message>
    <message>
        <source>A sync file from a laptop. It is checked completely before anything is imported.</source>
        <translation>Kannettavalta tullut synkronointitiedosto. Se tarkistetaan kokonaan ennen kuin mitään tuodaan.</translation>
    </message>
    <message>
        <source>Sync file</source>
        <translation>Synkronointitiedosto</translation>
    </message>
    <message>
        <source>Sync files (*.zip)</source>
        <translation>Synkronointitiedostot (*.zip)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Tarkistetaan…</translation>
    </message>
    <message>
        <source>From laptop: {0}</source>
        <translation>Kannettavalta: {0}</translation>
    </message>
    <message>
        <source>Made: {0}</source>
        <translation>Tehty: {0}</translation>
    </message>
    <message>
        <source>Changes: {0} ({1} already imported)</source>
        <translation>Muutoksia: {0} ({1} tuotu jo aiemmin)</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Alueet</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Toimipisteet</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Huoneet</translation>
    </message>
    <message>
        <source>Pupil numbers</source>
        <translation>Oppilasmäärät</translation>
    </message>
    <message>
        <source>Device categories</source>
        <translation>Laiteluokat</translation>
    </message>
    <message>
        <source>Device models</source>
        <translation>Laitemallit</translation>
    </message>
    <message>
        <source>Leasing contracts</source>
        <translation>Leasingsopimukset</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Laitteet</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Tavoitteet</translation>
    </message>
    <message>
        <source>Audits</source>
        <translation>Inventoinnit</translation>
    </message>
    <message>
        <source>Audit decisions</source>
        <translation>Inventointipäätökset</translation>
    </message>
    <message>
        <source>Billing lines</source>
        <translation>Laskurivit</translation>
    </message>
    <message>
        <source>Asset tag blocks</source>
        <translation>Inventaarionumerolohkot</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Skannaukset</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Havainnot</translation>
    </message>
    <message>
        <source>Details: {0}</source>
        <translation>Tiedot: {0}</translation>
    </message>
    <message>
        <source>The file was imported.</source>
        <translation>Tiedosto tuotiin.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) applied.</source>
        <translation>
            <numerusform>%n muutos otettiin käyttöön.</numerusform>
            <numerusform>%n muutosta otettiin käyttöön.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) had been imported before.</source>
        <translation>
            <numerusform>%n muutos oli tuotu jo aiemmin.</numerusform>
            <numerusform>%n muutosta oli tuotu jo aiemmin.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s): see the Conflicts page.</source>
        <translation>
            <numerusform>%n ristiriita: katso Ristiriidat-sivu.</numerusform>
            <numerusform>%n ristiriitaa: katso Ristiriidat-sivu.</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Ei ristiriitoja.</translation>
    </message>
</context>
</TS>
