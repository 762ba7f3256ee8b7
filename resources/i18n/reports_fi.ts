<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>ReportLabels</name>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="13"/>
        <source>Device inventory</source>
        <translation>Laiteinventaario</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="14"/>
        <source>Devices against target levels</source>
        <translation>Laitteet suhteessa tavoitetasoon</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="15"/>
        <source>Annual device cost per pupil</source>
        <translation>Laitteiden vuosikustannus oppilasta kohden</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="16"/>
        <source>Leases ending</source>
        <translation>Päättyvät leasingsopimukset</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="17"/>
        <source>Device age against expected lifetime</source>
        <translation>Laitteiden ikä suhteessa käyttöikään</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="18"/>
        <source>Billing reconciliation</source>
        <translation>Laskutuksen täsmäytys</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="19"/>
        <source>Audit results</source>
        <translation>Inventoinnin tulokset</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="20"/>
        <source>Replacement plan</source>
        <translation>Uusimissuunnitelma</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="27"/>
        <source>Rows</source>
        <translation>Rivit</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="27"/>
        <source>Per site and group</source>
        <translation>Toimipisteittäin ja ryhmittäin</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="27"/>
        <source>Per area</source>
        <translation>Alueittain</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="28"/>
        <source>Contracts</source>
        <translation>Sopimukset</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="28"/>
        <source>Devices</source>
        <translation>Laitteet</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="28"/>
        <source>Units</source>
        <translation>Yksiköt</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="29"/>
        <source>Billed, not found</source>
        <translation>Laskutettu, ei löydy</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="29"/>
        <source>Billed twice</source>
        <translation>Laskutettu kahdesti</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="30"/>
        <source>Found, not billed</source>
        <translation>Löytyy, ei laskutettu</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="30"/>
        <source>Billed to another unit</source>
        <translation>Laskutettu väärälle yksikölle</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="31"/>
        <source>Found</source>
        <translation>Löytyneet</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="31"/>
        <source>Moved</source>
        <translation>Siirtyneet</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="31"/>
        <source>Unknown codes</source>
        <translation>Tuntemattomat koodit</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="32"/>
        <source>Missing</source>
        <translation>Puuttuvat</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="34"/>
        <source>Area</source>
        <translation>Alue</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="34"/>
        <source>Site</source>
        <translation>Toimipiste</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="34"/>
        <source>Room</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="34"/>
        <source>Group</source>
        <translation>Ryhmä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="35"/>
        <source>Category</source>
        <translation>Laiteluokka</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="35"/>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="35"/>
        <source>Total</source>
        <translation>Yhteensä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="36"/>
        <source>In use</source>
        <translation>Käytössä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="36"/>
        <source>Spare</source>
        <translation>Varalla</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="36"/>
        <source>Broken</source>
        <translation>Rikki</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="37"/>
        <source>In repair</source>
        <translation>Korjauksessa</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="37"/>
        <source>Lost</source>
        <translation>Kadonnut</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="37"/>
        <source>Retired</source>
        <translation>Poistettu käytöstä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="38"/>
        <source>Recycled</source>
        <translation>Kierrätetty</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="38"/>
        <source>Placeholder</source>
        <translation>Selvitettävä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="39"/>
        <source>Site kind</source>
        <translation>Yksikkötyyppi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="39"/>
        <source>Group or category</source>
        <translation>Ryhmä tai laiteluokka</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="39"/>
        <source>Basis</source>
        <translation>Peruste</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="40"/>
        <source>Target per unit</source>
        <translation>Tavoite yksikköä kohden</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="40"/>
        <source>Pupils / staff / classrooms</source>
        <translation>Oppilaat / henkilöstö / luokat</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="41"/>
        <source>Required</source>
        <translation>Tarve</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="41"/>
        <source>Shortage</source>
        <translation>Vajaus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="41"/>
        <source>Surplus</source>
        <translation>Ylimäärä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="42"/>
        <source>In use per unit</source>
        <translation>Käytössä yksikköä kohden</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="42"/>
        <source>Pupils</source>
        <translation>Oppilaat</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="43"/>
        <source>Annual cost €</source>
        <translation>Vuosikustannus €</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="43"/>
        <source>€ per pupil</source>
        <translation>€ / oppilas</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="44"/>
        <source>of which leases €</source>
        <translation>josta leasing €</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="44"/>
        <source>of which owned €</source>
        <translation>josta omat €</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="45"/>
        <source>Devices paid for</source>
        <translation>Maksetut laitteet</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="45"/>
        <source>Sites</source>
        <translation>Toimipisteet</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="45"/>
        <source>Lessor</source>
        <translation>Vuokranantaja</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="46"/>
        <source>Contract</source>
        <translation>Sopimus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="46"/>
        <source>Start</source>
        <translation>Alkaa</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="46"/>
        <source>End</source>
        <translation>Päättyy</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="47"/>
        <source>Notice (months)</source>
        <translation>Irtisanomisaika (kk)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="47"/>
        <source>Notice deadline</source>
        <translation>Irtisanottava viimeistään</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="48"/>
        <source>Monthly cost €</source>
        <translation>Kuukausikustannus €</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="48"/>
        <source>Reason</source>
        <translation>Syy</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="48"/>
        <source>Asset tag</source>
        <translation>Laitetunnus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="49"/>
        <source>Serial</source>
        <translation>Sarjanumero</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="49"/>
        <source>Lease end</source>
        <translation>Leasing päättyy</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="49"/>
        <source>Monthly fee €</source>
        <translation>Kuukausimaksu €</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="50"/>
        <source>Age</source>
        <translation>Ikä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="50"/>
        <source>Within lifetime</source>
        <translation>Käyttöiän sisällä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="51"/>
        <source>Past lifetime</source>
        <translation>Käyttöikä ylitetty</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="52"/>
        <source>Share past lifetime</source>
        <translation>Osuus yli käyttöiän</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="52"/>
        <source>Age unknown</source>
        <translation>Ikä tuntematon</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="53"/>
        <source>Estimated cost €</source>
        <translation>Arvioitu kustannus €</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="53"/>
        <source>File row</source>
        <translation>Tiedoston rivi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="53"/>
        <source>Period</source>
        <translation>Laskutuskausi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="54"/>
        <source>Identifier</source>
        <translation>Tunniste</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="54"/>
        <source>Cost centre</source>
        <translation>Kustannuspaikka</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="54"/>
        <source>Amount €</source>
        <translation>Summa €</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="55"/>
        <source>Lines</source>
        <translation>Rivejä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="55"/>
        <source>Billed €</source>
        <translation>Laskutettu €</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="56"/>
        <source>Device&apos;s cost centre</source>
        <translation>Laitteen kustannuspaikka</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="56"/>
        <source>From room</source>
        <translation>Tilasta</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="57"/>
        <source>Scanned</source>
        <translation>Luettu</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="57"/>
        <source>Code</source>
        <translation>Koodi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="57"/>
        <source>Registered since</source>
        <translation>Rekisteröity myöhemmin</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="58"/>
        <source>Decision</source>
        <translation>Päätös</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="63"/>
        <source>Report</source>
        <translation>Raportti</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="63"/>
        <source>Scope</source>
        <translation>Rajaus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="63"/>
        <source>As of</source>
        <translation>Päivänä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="64"/>
        <source>Notes</source>
        <translation>Huomiot</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="64"/>
        <source>Totals</source>
        <translation>Yhteenveto</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/report_labels.py" line="65"/>
        <source>{0} more rows are in the CSV and XLSX export.</source>
        <translation>{0} riviä lisää on CSV- ja XLSX-viennissä.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="75"/>
        <source> months</source>
        <translation> kk</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="77"/>
        <source>Lessor&apos;s billing file (CSV or XLSX)</source>
        <translation>Vuokranantajan laskutustiedosto (CSV tai XLSX)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="78"/>
        <source>Browse…</source>
        <translation>Selaa…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="80"/>
        <source>Show report</source>
        <translation>Näytä raportti</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="82"/>
        <source>Target levels and pupils…</source>
        <translation>Tavoitetasot ja oppilasmäärät…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="85"/>
        <source>Report</source>
        <translation>Raportti</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="85"/>
        <source>Scope</source>
        <translation>Rajaus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="86"/>
        <source>As of</source>
        <translation>Päivänä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="89"/>
        <source>Within</source>
        <translation>Seuraavien</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="117"/>
        <source>Export CSV</source>
        <translation>Vie CSV</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="117"/>
        <source>Export XLSX</source>
        <translation>Vie XLSX</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="117"/>
        <source>Export PDF</source>
        <translation>Vie PDF</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="139"/>
        <source>Whole city</source>
        <translation>Koko kaupunki</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="198"/>
        <source>Computing…</source>
        <translation>Lasketaan…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="220"/>
        <source>{0} for {1} on {2}.</source>
        <translation>{0}: {1}, {2}.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="243"/>
        <source>Export report</source>
        <translation>Vie raportti</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="267"/>
        <source>Exporting {0}…</source>
        <translation>Viedään {0}…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="280"/>
        <source>Wrote {0}.</source>
        <translation>Tallennettu {0}.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="292"/>
        <source>Lessor&apos;s billing file</source>
        <translation>Vuokranantajan laskutustiedosto</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="293"/>
        <source>Billing files (*.csv *.txt *.xlsx)</source>
        <translation>Laskutustiedostot (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/reports_page.py" line="306"/>
        <source>Reports</source>
        <translation>Raportit</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="42"/>
        <source>Target levels and pupils</source>
        <translation>Tavoitetasot ja oppilasmäärät</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="47"/>
        <source>Target levels</source>
        <translation>Tavoitetasot</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="48"/>
        <source>Pupils and staff</source>
        <translation>Oppilaat ja henkilöstö</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="65"/>
        <source>Site kind</source>
        <translation>Yksikkötyyppi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="65"/>
        <source>Group or category</source>
        <translation>Ryhmä tai laiteluokka</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="65"/>
        <source>Basis</source>
        <translation>Peruste</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="65"/>
        <source>Per unit</source>
        <translation>Yksikköä kohden</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="73"/>
        <source>group: {0}</source>
        <translation>ryhmä: {0}</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="83"/>
        <source>Set</source>
        <translation>Aseta</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="85"/>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="121"/>
        <source>Import file…</source>
        <translation>Tuo tiedosto…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="105"/>
        <source>Target level saved.</source>
        <translation>Tavoitetaso tallennettu.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="117"/>
        <source>Area</source>
        <translation>Alue</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="117"/>
        <source>Site</source>
        <translation>Toimipiste</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="117"/>
        <source>Pupils</source>
        <translation>Oppilaat</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="117"/>
        <source>Staff</source>
        <translation>Henkilöstö</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="119"/>
        <source>Save changes</source>
        <translation>Tallenna muutokset</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="124"/>
        <source>School year</source>
        <translation>Lukuvuosi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="147"/>
        <source>&apos;{0}&apos; for {1} is not a whole number; nothing was saved.</source>
        <translation>'{0}' ({1}) ei ole kokonaisluku; mitään ei tallennettu.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="160"/>
        <source>Saved {0} site(s).</source>
        <translation>Tallennettu {0} toimipistettä.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="166"/>
        <source>Import file</source>
        <translation>Tuo tiedosto</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="166"/>
        <source>Tables (*.csv *.txt *.xlsx)</source>
        <translation>Taulukot (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/targets_dialog.py" line="180"/>
        <source>Imported {0}: {1} added, {2} changed, {3} unchanged.</source>
        <translation>Tuotu {0}: {1} lisätty, {2} muutettu, {3} ennallaan.</translation>
    </message>
</context>
</TS>
