<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
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
