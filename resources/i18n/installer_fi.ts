<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../inventory_app/ui/about_dialog.py" line="31" />
        <source>About School device inventory</source>
        <translation>Tietoja: Koulujen laiteinventaario</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/about_dialog.py" line="36" />
        <source>&lt;h2&gt;School device inventory&lt;/h2&gt;&lt;p&gt;Audit, sync and report a city's school IT devices.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Koulujen laiteinventaario&lt;/h2&gt;&lt;p&gt;Kaupungin koulujen IT-laitteiden inventointi, synkronointi ja raportit.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/about_dialog.py" line="51" />
        <source>Copy versions</source>
        <translation>Kopioi versiot</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/about_dialog.py" line="64" />
        <source>not available ({0})</source>
        <translation>ei saatavilla ({0})</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/about_dialog.py" line="65" />
        <source>Store</source>
        <translation>Tietovarasto</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/about_dialog.py" line="66" />
        <source>Backups</source>
        <translation>Varmuuskopiot</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/about_dialog.py" line="67" />
        <source>Log files</source>
        <translation>Lokitiedostot</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/about_dialog.py" line="68" />
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="55" />
        <source>Backups</source>
        <translation>Varmuuskopiot</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="63" />
        <source>Made</source>
        <translation>Tehty</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="63" />
        <source>Why</source>
        <translation>Syy</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="63" />
        <source>Size</source>
        <translation>Koko</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="75" />
        <source>Back up now</source>
        <translation>Varmuuskopioi nyt</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="76" />
        <source>Restore selected…</source>
        <translation>Palauta valittu…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="77" />
        <source>Restore from a file…</source>
        <translation>Palauta tiedostosta…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="78" />
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="96" />
        <source>This app is working on a PostgreSQL database; it is backed up on its server, not here.</source>
        <translation>Sovellus käyttää PostgreSQL-tietokantaa; se varmuuskopioidaan palvelimella, ei täällä.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="101" />
        <source>A copy of the store is made before every update of the app's data format, before every sync file import and once a day. The newest {0} copies are kept in {1}.</source>
        <translation>Tietovarastosta tehdään kopio ennen jokaista tietomuodon päivitystä, ennen jokaista synkronointitiedoston tuontia ja kerran päivässä. Uusimmat {0} kopiota säilytetään kansiossa {1}.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="111" />
        <source>{0} MB</source>
        <translation>{0} Mt</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="119" />
        <source>daily copy</source>
        <translation>päivittäinen kopio</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="120" />
        <source>made by hand</source>
        <translation>tehty käsin</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="121" />
        <source>before a restore</source>
        <translation>ennen palautusta</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="122" />
        <source>before a sync file import</source>
        <translation>ennen synkronointitiedoston tuontia</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="125" />
        <source>before a data format update</source>
        <translation>ennen tietomuodon päivitystä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="145" />
        <source>Backing up…</source>
        <translation>Varmuuskopioidaan…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="151" />
        <source>Backed up to {0}.</source>
        <translation>Varmuuskopioitu: {0}.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="162" />
        <source>Restore a backup</source>
        <translation>Palauta varmuuskopio</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="163" />
        <source>Store backups (*.sqlite);;All files (*)</source>
        <translation>Varmuuskopiot (*.sqlite);;Kaikki tiedostot (*)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="178" />
        <source>Replace the store with the backup {0} ({1} devices)?

Changes made after that backup that were not yet synced will be lost. A copy of the current store is kept first, so this can be undone.</source>
        <translation>Korvataanko tietovarasto varmuuskopiolla {0} ({1} laitetta)?

Varmuuskopion jälkeen tehdyt muutokset, joita ei ole vielä synkronoitu, menetetään. Nykyisestä tietovarastosta otetaan ensin kopio, joten tämän voi perua.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="185" />
        <source>Restoring…</source>
        <translation>Palautetaan…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="198" />
        <source>Restored {0}. The previous store was kept as {1}.</source>
        <translation>Palautettu {0}. Aiempi tietovarasto säilytettiin nimellä {1}.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="204" />
        <source>Not done: {0}</source>
        <translation>Ei tehty: {0}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../inventory_app/ui/crash_dialog.py" line="32" />
        <source>Something went wrong</source>
        <translation>Jokin meni vikaan</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/crash_dialog.py" line="37" />
        <source>&lt;b&gt;Something went wrong, and this step did not finish.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Your work up to now is saved: every scan and change is stored the moment it is made. You can keep working, or quit and start the app again.&lt;br&gt;&lt;br&gt;If it happens again, press &lt;b&gt;Copy details&lt;/b&gt; and paste them into a message to IT support.</source>
        <translation>&lt;b&gt;Jokin meni vikaan, eikä tämä vaihe valmistunut.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Tähänastinen työsi on tallessa: jokainen skannaus ja muutos tallennetaan heti. Voit jatkaa työtä tai lopettaa ja käynnistää sovelluksen uudelleen.&lt;br&gt;&lt;br&gt;Jos tämä toistuu, paina &lt;b&gt;Kopioi tiedot&lt;/b&gt; ja liitä ne viestiin IT-tuelle.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/crash_dialog.py" line="45" />
        <source>What failed: {0}</source>
        <translation>Mikä epäonnistui: {0}</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/crash_dialog.py" line="56" />
        <source>The log file is {0}</source>
        <translation>Lokitiedosto: {0}</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/crash_dialog.py" line="62" />
        <source>Copy details</source>
        <translation>Kopioi tiedot</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/crash_dialog.py" line="63" />
        <source>Show details</source>
        <translation>Näytä tiedot</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/crash_dialog.py" line="65" />
        <source>Quit the app</source>
        <translation>Lopeta sovellus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/crash_dialog.py" line="66" />
        <source>Keep working</source>
        <translation>Jatka työtä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/crash_dialog.py" line="81" />
        <source>Copied</source>
        <translation>Kopioitu</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../inventory_app/ui/backups_dialog.py" line="37" />
        <source>Restore a backup</source>
        <translation>Palauta varmuuskopio</translation>
    </message>
</context>
</TS>