<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fi_FI">
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../../inventory_app/ui/audit_actions.py" line="32" />
        <source>&amp;Undo last scan</source>
        <translation>&amp;Peru viimeisin skannaus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_actions.py" line="33" />
        <source>&amp;Observation…</source>
        <translation>&amp;Havainto…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_actions.py" line="34" />
        <source>&amp;Import scan log…</source>
        <translation>&amp;Tuo skanneriloki…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_actions.py" line="35" />
        <source>&amp;Finish audit…</source>
        <translation>&amp;Päätä inventointi…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_actions.py" line="36" />
        <source>&amp;New audit…</source>
        <translation>&amp;Uusi inventointi…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_actions.py" line="37" />
        <source>Pick &amp;room</source>
        <translation>Valitse &amp;huone</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_actions.py" line="38" />
        <source>Back to the &amp;scan field</source>
        <translation>Takaisin &amp;skannauskenttään</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_actions.py" line="40" />
        <source>Add the unknown code as a device</source>
        <translation>Lisää tuntematon koodi laitteeksi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_actions.py" line="41" />
        <source>Keep the unknown code to sort out later</source>
        <translation>Kirjaa tuntematon koodi selvitettäväksi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_actions.py" line="42" />
        <source>Move the device of another school here</source>
        <translation>Siirrä toisen koulun laite tähän kouluun</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_actions.py" line="44" />
        <source>Put the device found marked retired back in use</source>
        <translation>Palauta käytöstä poistetuksi merkitty laite käyttöön</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../inventory_app/ui/audit_page.py" line="206" />
        <source>Scan a barcode, or type a code and press Enter</source>
        <translation>Skannaa viivakoodi tai kirjoita koodi ja paina Enter</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_page.py" line="202" />
        <source>(pick a room)</source>
        <translation>(valitse huone)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_page.py" line="472" />
        <source>Importing…</source>
        <translation>Tuodaan…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_page.py" line="515" />
        <source>Audit finished — %1 starts a new one</source>
        <translation>Inventointi päätetty — %1 aloittaa uuden</translation>
    </message>
</context>
<context>
    <name>AuditStartPanel</name>
    <message>
        <location filename="../../inventory_app/ui/audit_start_panel.py" line="44" />
        <source>type part of the site's name or code</source>
        <translation>kirjoita osa toimipisteen nimestä tai koodista</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_start_panel.py" line="47" />
        <source>your name</source>
        <translation>nimesi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_start_panel.py" line="48" />
        <source>&amp;Start audit</source>
        <translation>&amp;Aloita inventointi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_start_panel.py" line="58" />
        <source>&amp;Resume selected audit</source>
        <translation>&amp;Jatka valittua inventointia</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_start_panel.py" line="61" />
        <source>New audit</source>
        <translation>Uusi inventointi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_start_panel.py" line="63" />
        <source>S&amp;ite</source>
        <translation>&amp;Toimipiste</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_start_panel.py" line="64" />
        <source>A&amp;uditor</source>
        <translation>&amp;Inventoija</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_start_panel.py" line="67" />
        <source>Unfinished audits</source>
        <translation>Keskeneräiset inventoinnit</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_start_panel.py" line="71" />
        <source>Audit a site room by room</source>
        <translation>Inventoi toimipiste huone kerrallaan</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_start_panel.py" line="75" />
        <source>Choose the site and press Enter. Then scan the room label at the door (or pick the room with Ctrl+R) and scan every device in the room.</source>
        <translation>Valitse toimipiste ja paina Enter. Skannaa sitten oven vieressä oleva huoneen tarra (tai valitse huone: Ctrl+R) ja skannaa jokainen huoneen laite.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_start_panel.py" line="105" />
        <source>%1 — started %2 by %3</source>
        <translation>%1 — aloitettu %2, inventoija %3</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_start_panel.py" line="147" />
        <source>Choose a site from the list.</source>
        <translation>Valitse toimipiste luettelosta.</translation>
    </message>
</context>
<context>
    <name>AuditTasks</name>
    <message>
        <location filename="../../inventory_app/ui/audit_tasks.py" line="43" />
        <source>Import scan log</source>
        <translation>Tuo skanneriloki</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_tasks.py" line="43" />
        <source>Scan logs (*.txt *.csv *.log);;All files (*)</source>
        <translation>Skannerilokit (*.txt *.csv *.log);;Kaikki tiedostot (*)</translation>
    </message>
</context>
<context>
    <name>AuditWorkspace</name>
    <message>
        <location filename="../../inventory_app/ui/audit_workspace.py" line="69" />
        <source>Pick the room (Ctrl+R), or scan its label</source>
        <translation>Valitse huone (Ctrl+R) tai skannaa sen tarra</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_workspace.py" line="76" />
        <source>Scan a barcode, or type a code and press Enter</source>
        <translation>Skannaa viivakoodi tai kirjoita koodi ja paina Enter</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_workspace.py" line="77" />
        <source>Scan field</source>
        <translation>Skannauskenttä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_workspace.py" line="97" />
        <location filename="../../inventory_app/ui/audit_workspace.py" line="138" />
        <source>Recent scans</source>
        <translation>Viimeisimmät skannaukset</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_workspace.py" line="122" />
        <source>Record an observation about this room (Ctrl+O)</source>
        <translation>Kirjaa havainto tästä huoneesta (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_workspace.py" line="130" />
        <source>&amp;Room:</source>
        <translation>&amp;Huone:</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_workspace.py" line="142" />
        <source>Report a problem here:</source>
        <translation>Ilmoita ongelmasta tässä huoneessa:</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_workspace.py" line="165" />
        <source>No room yet — scan a room label</source>
        <translation>Ei huonetta vielä — skannaa huoneen tarra</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/audit_workspace.py" line="262" />
        <source>Observation saved: %1 in %2</source>
        <translation>Havainto tallennettu: %1, huone %2</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="31" />
        <source>Edit %n device(s)</source>
        <translation><numerusform>Muokkaa %n laitetta</numerusform><numerusform>Muokkaa %n laitetta</numerusform></translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="36" />
        <source>(no room)</source>
        <translation>(ei huonetta)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="54" />
        <source>(no leasing contract)</source>
        <translation>(ei leasingsopimusta)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="58" />
        <source>d.m.yyyy</source>
        <translation>p.k.vvvv</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="60" />
        <source>euros per month, for example 12,50</source>
        <translation>euroa kuukaudessa, esimerkiksi 12,50</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="63" />
        <source>Set &amp;room</source>
        <translation>Aseta &amp;huone</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="64" />
        <source>Set &amp;status</source>
        <translation>Aseta &amp;tila</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="65" />
        <source>Set con&amp;dition</source>
        <translation>Aseta &amp;kunto</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="66" />
        <source>Set &amp;category</source>
        <translation>Aseta &amp;laiteluokka</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="67" />
        <source>Set &amp;ownership</source>
        <translation>Aseta &amp;omistus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="68" />
        <source>Set leasing co&amp;ntract</source>
        <translation>Aseta leasing&amp;sopimus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="69" />
        <source>Set lease &amp;end</source>
        <translation>Aseta leasingin &amp;päättyminen</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="70" />
        <source>Set monthly &amp;fee</source>
        <translation>Aseta kuukausi&amp;maksu</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="94" />
        <source>The selected devices are in different sites.</source>
        <translation>Valitut laitteet ovat eri toimipisteissä.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="101" />
        <source>Change %n selected device(s):</source>
        <translation><numerusform>Muuta %n valittua laitetta:</numerusform><numerusform>Muuta %n valittua laitetta:</numerusform></translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/bulk_edit_dialog.py" line="118" />
        <source>Tick at least one thing to change.</source>
        <translation>Valitse ainakin yksi muutettava asia.</translation>
    </message>
</context>
<context>
    <name>DeviceFormDialog</name>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="57" />
        <source>Edit device</source>
        <translation>Muokkaa laitetta</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="57" />
        <source>New device</source>
        <translation>Uusi laite</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="61" />
        <source>for example HKI0001235</source>
        <translation>esimerkiksi HKI0001235</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="71" />
        <source>d.m.yyyy</source>
        <translation>p.k.vvvv</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="72" />
        <source>euros, for example 649,90</source>
        <translation>euroina, esimerkiksi 649,90</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="77" />
        <source>(no leasing contract)</source>
        <translation>(ei leasingsopimusta)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="81" />
        <source>d.m.yyyy (empty: the contract's end)</source>
        <translation>p.k.vvvv (tyhjä: sopimuksen päättymispäivä)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="82" />
        <source>euros per month, for example 12,50</source>
        <translation>euroa kuukaudessa, esimerkiksi 12,50</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="92" />
        <source>&amp;Asset tag</source>
        <translation>&amp;Laitetunnus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="93" />
        <source>Cate&amp;gory</source>
        <translation>Lait&amp;eluokka</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="94" />
        <source>&amp;Site</source>
        <translation>&amp;Toimipiste</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="95" />
        <source>&amp;Room</source>
        <translation>&amp;Huone</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="96" />
        <source>&amp;Model</source>
        <translation>&amp;Malli</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="97" />
        <source>S&amp;erial</source>
        <translation>Sa&amp;rjanumero</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="98" />
        <source>&amp;Inventory no.</source>
        <translation>&amp;Inventaarionumero</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="99" />
        <source>MA&amp;C address</source>
        <translation>MA&amp;C-osoite</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="100" />
        <source>S&amp;tatus</source>
        <translation>Til&amp;a</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="101" />
        <source>Con&amp;dition</source>
        <translation>&amp;Kunto</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="102" />
        <source>O&amp;wnership</source>
        <translation>&amp;Omistus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="103" />
        <source>&amp;Leasing contract</source>
        <translation>Leasin&amp;gsopimus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="104" />
        <source>Lease &amp;until</source>
        <translation>Leasing päätt&amp;yy</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="105" />
        <source>Monthly &amp;fee</source>
        <translation>K&amp;uukausimaksu</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="106" />
        <source>Purc&amp;hase date</source>
        <translation>Hankinta&amp;päivä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="107" />
        <source>Purchase &amp;price</source>
        <translation>Ha&amp;nkintahinta</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="108" />
        <source>Assigned t&amp;o</source>
        <translation>Käyttä&amp;jä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="109" />
        <source>&amp;Notes</source>
        <translation>Huomautuk&amp;set</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="161" />
        <source>(no room)</source>
        <translation>(ei huonetta)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="204" />
        <source>The purchase price cannot be negative.</source>
        <translation>Hankintahinta ei voi olla negatiivinen.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="206" />
        <source>The monthly fee cannot be negative.</source>
        <translation>Kuukausimaksu ei voi olla negatiivinen.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="208" />
        <source>A device under a leasing contract is leased, not owned.</source>
        <translation>Leasingsopimuksen laite on leasattu, ei omistettu.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="210" />
        <source>Choose the site.</source>
        <translation>Valitse toimipiste.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_form.py" line="212" />
        <source>Choose the category.</source>
        <translation>Valitse laiteluokka.</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <location filename="../../inventory_app/ui/device_page.py" line="61" />
        <source>Search tag, serial, inventory no., MAC, model or room (Ctrl+F)</source>
        <translation>Hae: tunnus, sarjanumero, inventaarionumero, MAC, malli tai huone (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_page.py" line="63" />
        <source>Search devices</source>
        <translation>Hae laitteita</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_page.py" line="65" />
        <source>All groups</source>
        <translation>Kaikki ryhmät</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_page.py" line="70" />
        <source>All statuses</source>
        <translation>Kaikki tilat</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_page.py" line="99" />
        <source>&amp;New device…</source>
        <translation>&amp;Uusi laite…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_page.py" line="100" />
        <source>&amp;Edit device…</source>
        <translation>&amp;Muokkaa laitetta…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_page.py" line="101" />
        <source>&amp;Bulk edit…</source>
        <translation>&amp;Joukkomuokkaus…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_page.py" line="102" />
        <source>&amp;Find</source>
        <translation>&amp;Hae</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_page.py" line="103" />
        <source>&amp;Undo bulk edit</source>
        <translation>&amp;Peru joukkomuokkaus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_page.py" line="105" />
        <source>Open device</source>
        <translation>Avaa laite</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_page.py" line="174" />
        <source>All categories</source>
        <translation>Kaikki laiteluokat</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/device_page.py" line="211" />
        <source>%n device(s)</source>
        <translation><numerusform>%n laite</numerusform><numerusform>%n laitetta</numerusform></translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_page.py" line="211" />
        <source>Counting devices…</source>
        <translation>Lasketaan laitteita…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_page.py" line="254" />
        <source>Select the devices to edit first (Shift/Ctrl + arrows or click).</source>
        <translation>Valitse ensin muokattavat laitteet (Vaihto/Ctrl + nuolet tai napsautus).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/device_page.py" line="268" />
        <source>bulk edit of %n device(s)</source>
        <translation><numerusform>%n laitteen joukkomuokkaus</numerusform><numerusform>%n laitteen joukkomuokkaus</numerusform></translation>
    </message>
</context>
<context>
    <name>DeviceTableModel</name>
    <message>
        <location filename="../../inventory_app/ui/device_table_model.py" line="65" />
        <source>Asset tag</source>
        <translation>Laitetunnus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_table_model.py" line="66" />
        <source>Category</source>
        <translation>Laiteluokka</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_table_model.py" line="67" />
        <source>Model</source>
        <translation>Malli</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_table_model.py" line="68" />
        <source>Site</source>
        <translation>Toimipiste</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_table_model.py" line="69" />
        <source>Room</source>
        <translation>Huone</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_table_model.py" line="70" />
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_table_model.py" line="71" />
        <source>Condition</source>
        <translation>Kunto</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_table_model.py" line="72" />
        <source>Serial</source>
        <translation>Sarjanumero</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_table_model.py" line="73" />
        <source>Inventory no.</source>
        <translation>Inventaarionro</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/device_table_model.py" line="74" />
        <source>Last seen</source>
        <translation>Viimeksi nähty</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="17" />
        <source>In use</source>
        <translation>Käytössä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="18" />
        <source>Spare</source>
        <translation>Varalla</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="19" />
        <source>Broken</source>
        <translation>Rikki</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="20" />
        <source>In repair</source>
        <translation>Korjattavana</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="21" />
        <location filename="../../inventory_app/ui/labels.py" line="73" />
        <source>Lost</source>
        <translation>Kadonnut</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="22" />
        <location filename="../../inventory_app/ui/labels.py" line="74" />
        <source>Retired</source>
        <translation>Poistettu käytöstä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="23" />
        <source>Recycled</source>
        <translation>Kierrätetty</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="24" />
        <source>Placeholder (to sort out)</source>
        <translation>Väliaikainen (selvitettävä)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="27" />
        <source>Good</source>
        <translation>Hyvä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="28" />
        <source>Fair</source>
        <translation>Kohtalainen</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="29" />
        <source>Poor</source>
        <translation>Huono</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="30" />
        <source>Unknown</source>
        <translation>Ei tiedossa</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="33" />
        <source>Owned</source>
        <translation>Oma</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="34" />
        <source>Leased</source>
        <translation>Leasing</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="37" />
        <location filename="../../inventory_app/ui/labels.py" line="79" />
        <source>Presentation technology</source>
        <translation>Esitystekniikka</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="38" />
        <source>Pupil devices</source>
        <translation>Oppilaslaitteet</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="39" />
        <source>Staff devices</source>
        <translation>Henkilöstön laitteet</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="40" />
        <source>Infrastructure</source>
        <translation>Infrastruktuuri</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="43" />
        <source>Projector</source>
        <translation>Projektori</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="44" />
        <source>Display</source>
        <translation>Näyttö</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="45" />
        <source>Interactive display</source>
        <translation>Interaktiivinen näyttö</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="46" />
        <source>Document camera</source>
        <translation>Dokumenttikamera</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="47" />
        <source>Audio system</source>
        <translation>Äänentoisto</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="48" />
        <source>Pupil laptop</source>
        <translation>Oppilaan kannettava</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="49" />
        <source>Chromebook</source>
        <translation>Chromebook</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="50" />
        <source>Tablet</source>
        <translation>Tabletti</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="51" />
        <source>Staff laptop</source>
        <translation>Henkilökunnan kannettava</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="52" />
        <source>Staff desktop</source>
        <translation>Henkilökunnan pöytäkone</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="53" />
        <source>Staff tablet</source>
        <translation>Henkilökunnan tabletti</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="54" />
        <source>Printer</source>
        <translation>Tulostin</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="55" />
        <source>Wi-Fi access point</source>
        <translation>WLAN-tukiasema</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="58" />
        <source>Found</source>
        <translation>Löytyi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="59" />
        <source>Moved here</source>
        <translation>Siirtynyt tänne</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="60" />
        <source>From another school</source>
        <translation>Toisen koulun laite</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="61" />
        <source>Kept to sort out</source>
        <translation>Kirjattu selvitettäväksi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="62" />
        <source>Found, marked retired</source>
        <translation>Löytyi, merkitty poistetuksi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="63" />
        <source>Back in use</source>
        <translation>Palautettu käyttöön</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="64" />
        <source>Unknown code</source>
        <translation>Tuntematon koodi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="65" />
        <source>Repeat — ignored</source>
        <translation>Toisto — ohitettu</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="66" />
        <source>Invalid code</source>
        <translation>Virheellinen koodi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="67" />
        <source>Ambiguous code</source>
        <translation>Moniselitteinen koodi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="68" />
        <source>Room changed</source>
        <translation>Huone vaihtui</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="69" />
        <source>Scan undone</source>
        <translation>Skannaus peruttu</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="72" />
        <source>Not checked</source>
        <translation>Ei tarkistettu</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="77" />
        <source>Network</source>
        <translation>Verkko</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="78" />
        <source>Printing</source>
        <translation>Tulostus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="80" />
        <location filename="../../inventory_app/ui/labels.py" line="93" />
        <location filename="../../inventory_app/ui/labels.py" line="101" />
        <source>Other</source>
        <translation>Muu</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="83" />
        <source>Low</source>
        <translation>Vähäinen</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="84" />
        <source>Medium</source>
        <translation>Haittaava</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="85" />
        <source>High</source>
        <translation>Vakava</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="88" />
        <source>Early childhood education</source>
        <translation>Varhaiskasvatus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="89" />
        <source>Primary school</source>
        <translation>Alakoulu</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="90" />
        <source>Lower secondary school</source>
        <translation>Yläkoulu</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="91" />
        <source>Comprehensive school</source>
        <translation>Yhtenäiskoulu</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="92" />
        <source>Upper secondary school</source>
        <translation>Lukio</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="96" />
        <source>Classroom</source>
        <translation>Luokkahuone</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="97" />
        <source>Staff room</source>
        <translation>Opettajainhuone</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="98" />
        <source>Office</source>
        <translation>Toimisto</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="99" />
        <source>Storage</source>
        <translation>Varasto</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="100" />
        <source>Hall</source>
        <translation>Sali</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="104" />
        <source>per pupil</source>
        <translation>oppilasta kohden</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="105" />
        <source>per staff member</source>
        <translation>henkilökunnan jäsentä kohden</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="106" />
        <source>per classroom</source>
        <translation>luokkahuonetta kohden</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="109" />
        <source>per device</source>
        <translation>laitetta kohden</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="110" />
        <source>total</source>
        <translation>yhteensä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="114" />
        <source>A4 3 × 7, 63.5 × 38.1 mm (L7160)</source>
        <translation>A4 3 × 7, 63,5 × 38,1 mm (L7160)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="115" />
        <source>A4 3 × 8, 63.5 × 33.9 mm (L7159)</source>
        <translation>A4 3 × 8, 63,5 × 33,9 mm (L7159)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="116" />
        <source>A4 2 × 7, 99.1 × 38.1 mm (L7163)</source>
        <translation>A4 2 × 7, 99,1 × 38,1 mm (L7163)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="117" />
        <source>A4 5 × 13, 38.1 × 21.2 mm small (L7651)</source>
        <translation>A4 5 × 13, 38,1 × 21,2 mm, pienet (L7651)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="118" />
        <source>A4 2 × 4 room labels, 99.1 × 67.7 mm (L7165)</source>
        <translation>A4 2 × 4 huonetarrat, 99,1 × 67,7 mm (L7165)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="119" />
        <source>Label printer, 62 mm continuous tape (62 × 30 mm)</source>
        <translation>Tarratulostin, 62 mm jatkuva nauha (62 × 30 mm)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="120" />
        <source>Label printer, 57 × 32 mm</source>
        <translation>Tarratulostin, 57 × 32 mm</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="121" />
        <source>Label printer, 62 mm tape, room label (62 × 90 mm)</source>
        <translation>Tarratulostin, 62 mm nauha, huonetarra (62 × 90 mm)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="124" />
        <source>not audited</source>
        <translation>ei inventoitu</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="125" />
        <source>scanned</source>
        <translation>skannattu</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="126" />
        <source>current room</source>
        <translation>nykyinen huone</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/labels.py" line="127" />
        <source>audited</source>
        <translation>inventoitu</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="71" />
        <source>School device inventory</source>
        <translation>Koulujen laiteinventaario</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="90" />
        <source>Pages</source>
        <translation>Sivut</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="101" />
        <source>&amp;Devices</source>
        <translation>&amp;Laitteet</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="102" />
        <source>&amp;Audit</source>
        <translation>&amp;Inventointi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="103" />
        <source>De&amp;vices</source>
        <translation>La&amp;itteet</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="104" />
        <source>Au&amp;dit</source>
        <translation>I&amp;nventointi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="188" />
        <source>&amp;File</source>
        <translation>&amp;Tiedosto</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="189" />
        <source>&amp;Settings…</source>
        <translation>&amp;Asetukset…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="191" />
        <source>&amp;Quit</source>
        <translation>&amp;Lopeta</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="192" />
        <source>&amp;Go</source>
        <translation>&amp;Siirry</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="193" />
        <source>&amp;Navigation tree</source>
        <translation>&amp;Navigointipuu</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="222" />
        <source>Store: %1</source>
        <translation>Tietokanta: %1</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="227" />
        <source>Auditor: %1</source>
        <translation>Inventoija: %1</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="227" />
        <source>Auditor: not set (Ctrl+,)</source>
        <translation>Inventoija: ei asetettu (Ctrl+,)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/main_window.py" line="231" />
        <source>%n change(s) not yet synced</source>
        <translation><numerusform>%n muutos synkronoimatta</numerusform><numerusform>%n muutosta synkronoimatta</numerusform></translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="251" />
        <source>● connection not checked</source>
        <translation>● yhteyttä ei tarkistettu</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="254" />
        <source>● online</source>
        <translation>● verkossa</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/main_window.py" line="257" />
        <source>● offline — working locally</source>
        <translation>● ei yhteyttä — työskennellään paikallisesti</translation>
    </message>
</context>
<context>
    <name>MissingDialog</name>
    <message>
        <location filename="../../inventory_app/ui/missing_dialog.py" line="36" />
        <source>Finish the audit</source>
        <translation>Päätä inventointi</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/missing_dialog.py" line="40" />
        <source>%n device(s) expected in the audited rooms were not seen. Decide for each: not checked (stays as it is), lost, or retired.</source>
        <translation><numerusform>%n laite, jonka piti olla inventoiduissa huoneissa, jäi löytymättä. Päätä sen kohtalo: ei tarkistettu (pysyy ennallaan), kadonnut tai poistettu käytöstä.</numerusform><numerusform>%n laitetta, joiden piti olla inventoiduissa huoneissa, jäi löytymättä. Päätä kunkin kohtalo: ei tarkistettu (pysyy ennallaan), kadonnut tai poistettu käytöstä.</numerusform></translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/missing_dialog.py" line="46" />
        <source>Every device expected in the audited rooms was seen.</source>
        <translation>Kaikki inventoitujen huoneiden laitteet löytyivät.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/missing_dialog.py" line="51" />
        <source>Asset tag</source>
        <translation>Laitetunnus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/missing_dialog.py" line="51" />
        <source>Category</source>
        <translation>Laiteluokka</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/missing_dialog.py" line="51" />
        <source>Model</source>
        <translation>Malli</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/missing_dialog.py" line="51" />
        <source>Room</source>
        <translation>Huone</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/missing_dialog.py" line="51" />
        <source>Decision</source>
        <translation>Päätös</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/missing_dialog.py" line="74" />
        <source>Selected rows:</source>
        <translation>Valitut rivit:</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/missing_dialog.py" line="77" />
        <source>Press %1 in the list</source>
        <translation>Paina %1 luettelossa</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/missing_dialog.py" line="82" />
        <source>&amp;Finish audit</source>
        <translation>&amp;Päätä inventointi</translation>
    </message>
</context>
<context>
    <name>NavTree</name>
    <message>
        <location filename="../../inventory_app/ui/nav_tree.py" line="30" />
        <source>Place</source>
        <translation>Paikka</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/nav_tree.py" line="30" />
        <source>Devices</source>
        <translation>Laitteet</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/nav_tree.py" line="30" />
        <source>Audit</source>
        <translation>Inventointi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/nav_tree.py" line="31" />
        <source>Areas, sites and rooms</source>
        <translation>Alueet, toimipisteet ja huoneet</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/nav_tree.py" line="49" />
        <source>All sites</source>
        <translation>Kaikki toimipisteet</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/nav_tree.py" line="57" />
        <source>(no area)</source>
        <translation>(ei aluetta)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/nav_tree.py" line="62" />
        <source>audit open</source>
        <translation>inventointi kesken</translation>
    </message>
</context>
<context>
    <name>ObservationDialog</name>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="59" />
        <source>Observation in %1</source>
        <translation>Havainto: %1</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="74" />
        <source>What did you notice? For example: Wi-Fi drops at the back of the room.</source>
        <translation>Mitä huomasit? Esimerkiksi: WLAN katkeilee luokan takaosassa.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="76" />
        <source>&amp;Check connection</source>
        <translation>&amp;Mittaa yhteys</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="78" />
        <source>Measure latency and loss to the central server (Alt+C)</source>
        <translation>Mittaa viive ja pakettihävikki keskuspalvelimelle (Alt+C)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="80" />
        <source>Not measured.</source>
        <translation>Ei mitattu.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="86" />
        <source>Kind</source>
        <translation>Laji</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="87" />
        <source>Se&amp;verity</source>
        <translation>&amp;Vakavuus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="88" />
        <source>&amp;Note</source>
        <translation>&amp;Kuvaus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="92" />
        <source>Connection</source>
        <translation>Yhteys</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="112" />
        <source>Measuring…</source>
        <translation>Mitataan…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="119" />
        <source>no answer</source>
        <translation>ei vastausta</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="121" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="126" />
        <source>, Wi-Fi signal %1 dBm</source>
        <translation>, WLAN-signaali %1 dBm</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="129" />
        <source>the central server</source>
        <translation>keskuspalvelin</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="130" />
        <source>the host set in Settings</source>
        <translation>asetuksissa annettu palvelin</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="131" />
        <source>a public host; set your own in Settings</source>
        <translation>julkinen palvelin; oman voi asettaa asetuksissa</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="133" />
        <source>Measured: TCP connections to %1</source>
        <translation>Mitattu: TCP-yhteydet kohteeseen %1</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="135" />
        <source>Latency %1, packet loss %2%3</source>
        <translation>Viive %1, pakettihävikki %2%3</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/observation_dialog.py" line="147" />
        <source>Could not measure: %1</source>
        <translation>Mittaus ei onnistunut: %1</translation>
    </message>
</context>
<context>
    <name>QuickAddDialog</name>
    <message>
        <location filename="../../inventory_app/ui/quick_add_dialog.py" line="44" />
        <source>Add device in %1</source>
        <translation>Lisää laite: %1</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/quick_add_dialog.py" line="48" />
        <source>(choose)</source>
        <translation>(valitse)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/quick_add_dialog.py" line="52" />
        <source>manufacturer and model, for example Lenovo 300e</source>
        <translation>valmistaja ja malli, esimerkiksi Lenovo 300e</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/quick_add_dialog.py" line="55" />
        <source>serial from the device's sticker</source>
        <translation>sarjanumero laitteen tarrasta</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/quick_add_dialog.py" line="61" />
        <source>Code</source>
        <translation>Koodi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/quick_add_dialog.py" line="62" />
        <source>&amp;Category</source>
        <translation>Laite&amp;luokka</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/quick_add_dialog.py" line="63" />
        <source>&amp;Model</source>
        <translation>&amp;Malli</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/quick_add_dialog.py" line="65" />
        <source>&amp;Serial</source>
        <translation>&amp;Sarjanumero</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/quick_add_dialog.py" line="66" />
        <source>&amp;Notes</source>
        <translation>&amp;Huomautukset</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/quick_add_dialog.py" line="72" />
        <source>This code is not in the inventory. Register it in room %1:</source>
        <translation>Koodia ei ole inventaariossa. Rekisteröi se huoneeseen %1:</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/quick_add_dialog.py" line="82" />
        <source>Choose the category.</source>
        <translation>Valitse laiteluokka.</translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <location filename="../../inventory_app/ui/result_card.py" line="68" />
        <source>Put the device back where it was recorded (Ctrl+Z)</source>
        <translation>Palauta laite aiempaan paikkaansa (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/result_card.py" line="70" />
        <source>Register this code as a device in the current room (Alt+A)</source>
        <translation>Rekisteröi koodi laitteeksi tähän huoneeseen (Alt+A)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/result_card.py" line="67" />
        <source>Undo this scan</source>
        <translation>Peru tämä skannaus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/result_card.py" line="69" />
        <source>Add device…</source>
        <translation>Lisää laite…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/result_card.py" line="71" />
        <source>Keep as placeholder</source>
        <translation>Kirjaa selvitettäväksi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/result_card.py" line="72" />
        <source>Record the code now and sort it out later (Alt+K)</source>
        <translation>Kirjaa koodi nyt ja selvitä myöhemmin (Alt+K)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/result_card.py" line="73" />
        <source>Move to this school</source>
        <translation>Siirrä tähän kouluun</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/result_card.py" line="74" />
        <source>Record the device in this school and room from now on (Alt+M)</source>
        <translation>Kirjaa laite tästä lähtien tähän kouluun ja huoneeseen (Alt+M)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/result_card.py" line="75" />
        <source>Back in use</source>
        <translation>Palauta käyttöön</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/result_card.py" line="76" />
        <source>The device is in use: record it as in use again (Alt+B)</source>
        <translation>Laite on käytössä: kirjaa se taas käyttöön (Alt+B)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/result_card.py" line="99" />
        <source>Ready</source>
        <translation>Valmis</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/result_card.py" line="99" />
        <source>Scan a room label or pick a room, then scan devices.</source>
        <translation>Skannaa huoneen tarra tai valitse huone, sitten skannaa laitteet.</translation>
    </message>
</context>
<context>
    <name>RoomDevicesTableModel</name>
    <message>
        <location filename="../../inventory_app/ui/room_table_model.py" line="45" />
        <source>Seen</source>
        <translation>Nähty</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/room_table_model.py" line="46" />
        <source>Asset tag</source>
        <translation>Laitetunnus</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/room_table_model.py" line="47" />
        <source>Category</source>
        <translation>Laiteluokka</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/room_table_model.py" line="48" />
        <source>Model</source>
        <translation>Malli</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/room_table_model.py" line="49" />
        <source>Serial</source>
        <translation>Sarjanumero</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/room_table_model.py" line="52" />
        <source>✓ found</source>
        <translation>✓ löytyi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/room_table_model.py" line="53" />
        <source>➜ moved here</source>
        <translation>➜ siirtynyt tänne</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/room_table_model.py" line="54" />
        <source>? kept to sort out</source>
        <translation>? selvitettävä</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/room_table_model.py" line="55" />
        <source>! found, marked retired</source>
        <translation>! löytyi, merkitty poistetuksi</translation>
    </message>
</context>
<context>
    <name>ScanTexts</name>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="116" />
        <source>FOUND</source>
        <translation>LÖYTYI</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="98" />
        <location filename="../../inventory_app/ui/scan_texts.py" line="115" />
        <source>Recorded in %1.</source>
        <translation>Kirjattu huoneeseen %1.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="120" />
        <source>MOVED HERE</source>
        <translation>SIIRTYNYT TÄNNE</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="123" />
        <source>Was recorded in %1, now in %2. Only visiting? Undo with Ctrl+Z.</source>
        <translation>Oli kirjattu huoneeseen %1, nyt %2. Vain käymässä? Peru: Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="74" />
        <location filename="../../inventory_app/ui/scan_texts.py" line="89" />
        <location filename="../../inventory_app/ui/scan_texts.py" line="96" />
        <location filename="../../inventory_app/ui/scan_texts.py" line="124" />
        <source>no room</source>
        <translation>ei huonetta</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="132" />
        <source>UNKNOWN</source>
        <translation>TUNTEMATON</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="135" />
        <source>Not in the inventory. Add it as a device (Alt+A) or keep it as a placeholder to sort out later (Alt+K).</source>
        <translation>Ei inventaariossa. Lisää laitteeksi (Alt+A) tai kirjaa selvitettäväksi myöhemmin (Alt+K).</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="147" />
        <source>REPEAT — IGNORED</source>
        <translation>TOISTO — OHITETTU</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="145" />
        <source>This code was already scanned; nothing was recorded again.</source>
        <translation>Koodi oli jo skannattu; mitään ei kirjattu uudelleen.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="61" />
        <source>KEPT TO SORT OUT</source>
        <translation>KIRJATTU SELVITETTÄVÄKSI</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="63" />
        <source>Recorded in %1 as a placeholder; find it in the device list later.</source>
        <translation>Kirjattu huoneeseen %1 selvitettäväksi; löydät sen myöhemmin laiteluettelosta.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="69" />
        <source>MOVED TO THIS SCHOOL</source>
        <translation>SIIRRETTY TÄHÄN KOULUUN</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="72" />
        <source>Was recorded at %1 (%2), now in %3. Undo with Ctrl+Z.</source>
        <translation>Oli kirjattu kohteeseen %1 (%2), nyt huoneessa %3. Peru: Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="87" />
        <source>FROM ANOTHER SCHOOL</source>
        <translation>TOISEN KOULUN LAITE</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="83" />
        <source>Belongs to %1 (room %2). Kept as seen here; to move it to this school press Alt+M.</source>
        <translation>Kuuluu kohteeseen %1 (huone %2). Kirjattu täällä nähdyksi; siirrä se tähän kouluun: Alt+M.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="81" />
        <source>Already seen here; still belongs to %1 (room %2). To move it to this school press Alt+M.</source>
        <translation>Nähty täällä jo aiemmin; kuuluu yhä kohteeseen %1 (huone %2). Siirrä se tähän kouluun: Alt+M.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="94" />
        <source>FOUND — MARKED RECYCLED</source>
        <translation>LÖYTYI — MERKITTY KIERRÄTETYKSI</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="94" />
        <source>FOUND — MARKED RETIRED</source>
        <translation>LÖYTYI — MERKITTY POISTETUKSI</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="96" />
        <source>Recorded in %1 (was in %2).</source>
        <translation>Kirjattu huoneeseen %1 (oli huoneessa %2).</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="104" />
        <source>%1 In use? Alt+B puts it back in use; otherwise report it.</source>
        <translation>%1 Käytössä? Alt+B palauttaa sen käyttöön; muuten ilmoita siitä.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="110" />
        <source>BACK IN USE</source>
        <translation>PALAUTETTU KÄYTTÖÖN</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="112" />
        <source>Recorded in %1 and in use again.</source>
        <translation>Kirjattu huoneeseen %1 ja palautettu käyttöön.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="115" />
        <source>Registered in %1.</source>
        <translation>Rekisteröity huoneeseen %1.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="142" />
        <source>This code is already noted as unknown in this audit.</source>
        <translation>Koodi on jo kirjattu tuntemattomaksi tässä inventoinnissa.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="143" />
        <source>This device is already recorded in this room.</source>
        <translation>Laite on jo kirjattu tähän huoneeseen.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="151" />
        <source>AMBIGUOUS</source>
        <translation>MONISELITTEINEN</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="159" />
        <source>ROOM %1</source>
        <translation>HUONE %1</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="159" />
        <source>Now scan the devices in this room.</source>
        <translation>Skannaa nyt tämän huoneen laitteet.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="163" />
        <source>SCAN UNDONE</source>
        <translation>SKANNAUS PERUTTU</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="165" />
        <source>The scan no longer counts; a moved device is back where it was recorded.</source>
        <translation>Skannaus ei enää lukeudu; siirretty laite on palautettu aiempaan paikkaansa.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="174" />
        <source>NOTHING SCANNED</source>
        <translation>EI SKANNATTU MITÄÄN</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="175" />
        <source>The code was empty.</source>
        <translation>Koodi oli tyhjä.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="176" />
        <source>Scan again, or type the code and press Enter.</source>
        <translation>Skannaa uudelleen tai kirjoita koodi ja paina Enter.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="181" />
        <location filename="../../inventory_app/ui/scan_texts.py" line="209" />
        <source>INVALID CODE</source>
        <translation>VIRHEELLINEN KOODI</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="183" />
        <source>Wrong check character — check the label and scan or type it again.</source>
        <translation>Väärä tarkistusmerkki — tarkista tarra ja skannaa tai kirjoita koodi uudelleen.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="188" />
        <source>OTHER SITE</source>
        <translation>TOINEN TOIMIPISTE</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="190" />
        <source>This room label belongs to %1; this audit covers one site.</source>
        <translation>Huoneen tarra kuuluu kohteeseen %1; tämä inventointi koskee yhtä toimipistettä.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="195" />
        <source>NOT A ROOM HERE</source>
        <translation>EI TÄMÄN KOULUN HUONE</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="198" />
        <source>This room label is not a room of this site. Scan another room label or pick the room (Ctrl+R) before scanning devices.</source>
        <translation>Tarra ei ole tämän toimipisteen huone. Skannaa toinen huoneen tarra tai valitse huone (Ctrl+R) ennen laitteita.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="233" />
        <source>Last scan: %1 of %2, not moved yet. To move it to this school press Alt+M.</source>
        <translation>Viimeisin skannaus: %1 (%2), ei vielä siirretty. Siirrä se tähän kouluun: Alt+M.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="262" />
        <source>%1: %2, %3, %4</source>
        <translation>%1: %2, %3, %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="263" />
        <source>%n code(s)</source>
        <translation><numerusform>%n koodi</numerusform><numerusform>%n koodia</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="264" />
        <location filename="../../inventory_app/ui/scan_texts.py" line="286" />
        <location filename="../../inventory_app/ui/scan_texts.py" line="315" />
        <source>%n found</source>
        <translation><numerusform>%n löytyi</numerusform><numerusform>%n löytyi</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="265" />
        <location filename="../../inventory_app/ui/scan_texts.py" line="287" />
        <location filename="../../inventory_app/ui/scan_texts.py" line="316" />
        <source>%n moved</source>
        <translation><numerusform>%n siirtynyt</numerusform><numerusform>%n siirtynyttä</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="266" />
        <location filename="../../inventory_app/ui/scan_texts.py" line="288" />
        <location filename="../../inventory_app/ui/scan_texts.py" line="317" />
        <source>%n unknown</source>
        <translation><numerusform>%n tuntematon</numerusform><numerusform>%n tuntematonta</numerusform></translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="269" />
        <source>%1, %2, %3, %4.</source>
        <translation>%1, %2, %3, %4.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="270" />
        <source>%n repeat(s) ignored</source>
        <translation><numerusform>%n toisto ohitettu</numerusform><numerusform>%n toistoa ohitettu</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="271" />
        <location filename="../../inventory_app/ui/scan_texts.py" line="319" />
        <source>%n invalid</source>
        <translation><numerusform>%n virheellinen</numerusform><numerusform>%n virheellistä</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="272" />
        <source>%n ambiguous</source>
        <translation><numerusform>%n moniselitteinen</numerusform><numerusform>%n moniselitteistä</numerusform></translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="283" />
        <source>%1: %2, %3, %4, %5</source>
        <translation>%1: %2, %3, %4, %5</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="291" />
        <source>%1: %2, %3, %4. Sync or export to hand it in.</source>
        <translation>%1: %2, %3, %4. Synkronoi tai vie tiedostoon toimittaaksesi tulokset.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="292" />
        <source>%n missing</source>
        <translation><numerusform>%n puuttuu</numerusform><numerusform>%n puuttuu</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="293" />
        <source>%n lost</source>
        <translation><numerusform>%n kadonnut</numerusform><numerusform>%n kadonnutta</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="294" />
        <source>%n retired</source>
        <translation><numerusform>%n poistettu käytöstä</numerusform><numerusform>%n poistettua käytöstä</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="295" />
        <source>%n not checked</source>
        <translation><numerusform>%n ei tarkistettu</numerusform><numerusform>%n ei tarkistettu</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="304" />
        <source>%n moved here</source>
        <translation><numerusform>%n siirtynyt tänne</numerusform><numerusform>%n siirtynyttä tänne</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="318" />
        <source>%n repeat(s)</source>
        <translation><numerusform>%n toisto</numerusform><numerusform>%n toistoa</numerusform></translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="323" />
        <source>This audit: %1</source>
        <translation>Tämä inventointi: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="285" />
        <source>%n room(s)</source>
        <translation><numerusform>%n huone</numerusform><numerusform>%n huonetta</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="154" />
        <source>This code is on %n device(s). Scan the asset tag instead.</source>
        <translation><numerusform>Koodi on %n laitteella. Skannaa laitetunnus.</numerusform><numerusform>Koodi on %n laitteella. Skannaa laitetunnus.</numerusform></translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="205" />
        <source>NO ROOM YET</source>
        <translation>EI HUONETTA VIELÄ</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="207" />
        <source>Scan the room label at the door or pick the room (Ctrl+R) first.</source>
        <translation>Skannaa ensin oven vieressä oleva huoneen tarra tai valitse huone (Ctrl+R).</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="209" />
        <source>This code cannot be recorded here.</source>
        <translation>Tätä koodia ei voi kirjata tässä.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="212" />
        <source>Nothing to undo</source>
        <translation>Ei peruttavaa</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="212" />
        <source>No scan in this audit can be undone.</source>
        <translation>Tässä inventoinnissa ei ole peruttavaa skannausta.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="215" />
        <source>NO AUDIT OPEN</source>
        <translation>EI AVOINTA INVENTOINTIA</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="215" />
        <source>Start or resume an audit first.</source>
        <translation>Aloita tai jatka ensin inventointia.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="219" />
        <source>Importing…</source>
        <translation>Tuodaan…</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="219" />
        <source>A scan log is being imported; scan again when it is done.</source>
        <translation>Skannerilokia tuodaan; skannaa uudelleen, kun tuonti on valmis.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="223" />
        <source>NOT RECORDED</source>
        <translation>EI KIRJATTU</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="230" />
        <location filename="../../inventory_app/ui/scan_texts.py" line="241" />
        <source>AUDIT RESUMED</source>
        <translation>INVENTOINTI JATKUU</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="243" />
        <source>Current room: %1. Carry on scanning.</source>
        <translation>Nykyinen huone: %1. Jatka skannausta.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="245" />
        <source>Scan a room label or pick a room (Ctrl+R).</source>
        <translation>Skannaa huoneen tarra tai valitse huone (Ctrl+R).</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="251" />
        <source>AUDIT STARTED</source>
        <translation>INVENTOINTI ALOITETTU</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="253" />
        <source>Scan the room label at the door, or pick the room with Ctrl+R.</source>
        <translation>Skannaa oven vieressä oleva huoneen tarra tai valitse huone: Ctrl+R.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="260" />
        <source>SCAN LOG IMPORTED</source>
        <translation>SKANNERILOKI TUOTU</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="273" />
        <source>%n from other school(s)</source>
        <translation><numerusform>%n toisen koulun laite</numerusform><numerusform>%n toisen koulun laitetta</numerusform></translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="281" />
        <source>AUDIT FINISHED</source>
        <translation>INVENTOINTI PÄÄTETTY</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/scan_texts.py" line="302" />
        <source>%1 of %2 expected in %3 found</source>
        <translation>%1 / %2 huoneen %3 laitteesta löytyi</translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="306" />
        <source>%n moved to another room</source>
        <translation><numerusform>%n siirtynyt toiseen huoneeseen</numerusform><numerusform>%n siirtynyttä toiseen huoneeseen</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../inventory_app/ui/scan_texts.py" line="308" />
        <location filename="../../inventory_app/ui/scan_texts.py" line="322" />
        <source>%n found marked retired</source>
        <translation><numerusform>%n poistetuksi merkitty löytyi</numerusform><numerusform>%n poistetuksi merkittyä löytyi</numerusform></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../inventory_app/ui/settings_dialog.py" line="30" />
        <source>Settings</source>
        <translation>Asetukset</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/settings_dialog.py" line="33" />
        <source>your name as it should appear on audits</source>
        <translation>nimesi sellaisena kuin se näkyy inventoinneissa</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/settings_dialog.py" line="35" />
        <source>Follow the system</source>
        <translation>Järjestelmän mukaan</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/settings_dialog.py" line="40" />
        <source>(none)</source>
        <translation>(ei mitään)</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/settings_dialog.py" line="45" />
        <source>the central server's host, else www.suomi.fi</source>
        <translation>keskuspalvelimen osoite, muuten www.suomi.fi</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/settings_dialog.py" line="46" />
        <source>Where the audit's connection check measures: host or host:port</source>
        <translation>Mihin inventoinnin yhteystesti mittaa: palvelin tai palvelin:portti</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/settings_dialog.py" line="47" />
        <source>Play a sound for each scan</source>
        <translation>Soita ääni jokaisesta skannauksesta</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/settings_dialog.py" line="49" />
        <source>A new language is used from the next start of the app.</source>
        <translation>Uusi kieli otetaan käyttöön, kun sovellus käynnistetään seuraavan kerran.</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/settings_dialog.py" line="57" />
        <source>&amp;Auditor</source>
        <translation>&amp;Inventoija</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/settings_dialog.py" line="58" />
        <source>&amp;Language</source>
        <translation>&amp;Kieli</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/settings_dialog.py" line="59" />
        <source>Default &amp;site</source>
        <translation>&amp;Oletustoimipiste</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/settings_dialog.py" line="60" />
        <source>Connection &amp;check host</source>
        <translation>&amp;Yhteystestin palvelin</translation>
    </message>
</context>
</TS>