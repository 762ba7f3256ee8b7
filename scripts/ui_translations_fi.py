"""Refresh resources/i18n/ui_fi.ts from the ui sources (lupdate) and fill in the Finnish texts.

The Finnish texts live here, keyed by (context, English source); the .ts stays the file Qt
Linguist and scripts/build_translations.py read. Fails if any source text has no Finnish text.
Usage: .venv/bin/python scripts/ui_translations_fi.py
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "ui_fi.ts"
# The audit workspace's modules; the lead's and other helpers' modules under ui/ have their own .ts files.
OURS = (
    "application.py",
    "audit_actions.py",
    "audit_page.py",
    "audit_start_panel.py",
    "audit_tasks.py",
    "audit_worker.py",
    "audit_workspace.py",
    "bulk_edit_command.py",
    "bulk_edit_dialog.py",
    "device_form.py",
    "device_page.py",
    "device_table_model.py",
    "labels.py",
    "main_window.py",
    "missing_dialog.py",
    "nav_tree.py",
    "observation_dialog.py",
    "quick_add_dialog.py",
    "result_card.py",
    "room_table_model.py",
    "scan_texts.py",
    "settings_dialog.py",
    "sounds.py",
)

FI: dict[tuple[str, str], str | tuple[str, str]] = {
    ("AuditPage", "Pick the room (Ctrl+R), or scan its label"): "Valitse huone (Ctrl+R) tai skannaa sen tarra",
    (
        "AuditPage",
        "Scan a barcode, or type a code and press Enter",
    ): "Skannaa viivakoodi tai kirjoita koodi ja paina Enter",
    ("AuditPage", "Scan field"): "Skannauskenttä",
    ("AuditPage", "Recent scans"): "Viimeisimmät skannaukset",
    ("AuditPage", "Report a problem here:"): "Ilmoita ongelmasta tässä huoneessa:",
    ("AuditPage", "Record an observation about this room (Ctrl+O)"): "Kirjaa havainto tästä huoneesta (Ctrl+O)",
    ("AuditPage", "&Room:"): "&Huone:",
    ("AuditPage", "&Undo last scan"): "&Peru viimeisin skannaus",
    ("AuditPage", "&Observation…"): "&Havainto…",
    ("AuditPage", "&Import scan log…"): "&Tuo skanneriloki…",
    ("AuditPage", "&Finish audit…"): "&Päätä inventointi…",
    ("AuditPage", "&New audit…"): "&Uusi inventointi…",
    ("AuditPage", "Pick &room"): "Valitse &huone",
    ("AuditPage", "Back to the &scan field"): "Takaisin &skannauskenttään",
    ("AuditPage", "(pick a room)"): "(valitse huone)",
    ("AuditWorkspace", "No room yet — scan a room label"): "Ei huonetta vielä — skannaa huoneen tarra",
    (
        "AuditPage",
        "No central server is set; the check needs its address.",
    ): "Keskuspalvelinta ei ole asetettu; mittaus tarvitsee sen osoitteen.",
    ("AuditTasks", "Import scan log"): "Tuo skanneriloki",
    (
        "AuditTasks",
        "Scan logs (*.txt *.csv *.log);;All files (*)",
    ): "Skannerilokit (*.txt *.csv *.log);;Kaikki tiedostot (*)",
    ("AuditPage", "Importing…"): "Tuodaan…",
    (
        "AuditPage",
        "Audit finished — Ctrl+Shift+N starts a new one",
    ): "Inventointi päätetty — Ctrl+Shift+N aloittaa uuden",
    ("AuditStartPanel", "your name"): "nimesi",
    ("AuditStartPanel", "&Start audit"): "&Aloita inventointi",
    ("AuditStartPanel", "&Resume selected audit"): "&Jatka valittua inventointia",
    ("AuditStartPanel", "New audit"): "Uusi inventointi",
    ("AuditStartPanel", "S&ite"): "&Toimipiste",
    ("AuditStartPanel", "A&uditor"): "&Inventoija",
    ("AuditStartPanel", "Unfinished audits"): "Keskeneräiset inventoinnit",
    ("AuditStartPanel", "Audit a site room by room"): "Inventoi toimipiste huone kerrallaan",
    (
        "AuditStartPanel",
        "Choose the site and press Enter. Then scan the room label at the door (or pick the room with Ctrl+R) and scan every device in the room.",
    ): "Valitse toimipiste ja paina Enter. Skannaa sitten oven vieressä oleva huoneen tarra (tai valitse huone: Ctrl+R) ja skannaa jokainen huoneen laite.",
    ("AuditStartPanel", "%1 — started %2 by %3"): "%1 — aloitettu %2, inventoija %3",
    ("AuditStartPanel", "Choose a site from the list."): "Valitse toimipiste luettelosta.",
    (
        "AuditStartPanel",
        "type part of the site's name or code",
    ): "kirjoita osa toimipisteen nimestä tai koodista",
    ("BulkEditDialog", "Edit %n device(s)"): ("Muokkaa %n laitetta", "Muokkaa %n laitetta"),
    ("BulkEditDialog", "(no room)"): "(ei huonetta)",
    ("BulkEditDialog", "Set &room"): "Aseta &huone",
    ("BulkEditDialog", "Set &status"): "Aseta &tila",
    ("BulkEditDialog", "Set con&dition"): "Aseta &kunto",
    ("BulkEditDialog", "Set &category"): "Aseta &laiteluokka",
    ("BulkEditDialog", "The selected devices are in different sites."): "Valitut laitteet ovat eri toimipisteissä.",
    ("BulkEditDialog", "Change %n selected device(s):"): ("Muuta %n valittua laitetta:", "Muuta %n valittua laitetta:"),
    ("BulkEditDialog", "Tick at least one thing to change."): "Valitse ainakin yksi muutettava asia.",
    ("DeviceFormDialog", "Edit device"): "Muokkaa laitetta",
    ("DeviceFormDialog", "New device"): "Uusi laite",
    ("DeviceFormDialog", "for example HKI0001235"): "esimerkiksi HKI0001235",
    ("DeviceFormDialog", "d.m.yyyy"): "p.k.vvvv",
    ("DeviceFormDialog", "euros, for example 649,90"): "euroina, esimerkiksi 649,90",
    ("DeviceFormDialog", "&Asset tag"): "&Laitetunnus",
    ("DeviceFormDialog", "Cate&gory"): "Lait&eluokka",
    ("DeviceFormDialog", "&Site"): "&Toimipiste",
    ("DeviceFormDialog", "&Room"): "&Huone",
    ("DeviceFormDialog", "&Model"): "&Malli",
    ("DeviceFormDialog", "S&erial"): "Sa&rjanumero",
    ("DeviceFormDialog", "&Inventory no."): "&Inventaarionumero",
    ("DeviceFormDialog", "MA&C address"): "MA&C-osoite",
    ("DeviceFormDialog", "S&tatus"): "Til&a",
    ("DeviceFormDialog", "Con&dition"): "&Kunto",
    ("DeviceFormDialog", "O&wnership"): "&Omistus",
    ("DeviceFormDialog", "(no leasing contract)"): "(ei leasingsopimusta)",
    ("DeviceFormDialog", "d.m.yyyy (empty: the contract's end)"): "p.k.vvvv (tyhjä: sopimuksen päättymispäivä)",
    ("DeviceFormDialog", "euros per month, for example 12,50"): "euroa kuukaudessa, esimerkiksi 12,50",
    ("DeviceFormDialog", "&Leasing contract"): "Leasin&gsopimus",
    ("DeviceFormDialog", "Lease &until"): "Leasing päätt&yy",
    ("DeviceFormDialog", "Monthly &fee"): "K&uukausimaksu",
    ("DeviceFormDialog", "The monthly fee cannot be negative."): "Kuukausimaksu ei voi olla negatiivinen.",
    (
        "DeviceFormDialog",
        "A device under a leasing contract is leased, not owned.",
    ): "Leasingsopimuksen laite on leasattu, ei omistettu.",
    ("BulkEditDialog", "(no leasing contract)"): "(ei leasingsopimusta)",
    ("BulkEditDialog", "d.m.yyyy"): "p.k.vvvv",
    ("BulkEditDialog", "euros per month, for example 12,50"): "euroa kuukaudessa, esimerkiksi 12,50",
    ("BulkEditDialog", "Set &ownership"): "Aseta &omistus",
    ("BulkEditDialog", "Set leasing co&ntract"): "Aseta leasing&sopimus",
    ("BulkEditDialog", "Set lease &end"): "Aseta leasingin &päättyminen",
    ("BulkEditDialog", "Set monthly &fee"): "Aseta kuukausi&maksu",
    ("DeviceFormDialog", "Purc&hase date"): "Hankinta&päivä",
    ("DeviceFormDialog", "Purchase &price"): "Ha&nkintahinta",
    ("DeviceFormDialog", "Assigned t&o"): "Käyttä&jä",
    ("DeviceFormDialog", "&Notes"): "Huomautuk&set",
    ("DeviceFormDialog", "(no room)"): "(ei huonetta)",
    ("DeviceFormDialog", "The purchase price cannot be negative."): "Hankintahinta ei voi olla negatiivinen.",
    ("DeviceFormDialog", "Choose the site."): "Valitse toimipiste.",
    ("DeviceFormDialog", "Choose the category."): "Valitse laiteluokka.",
    (
        "DevicePage",
        "Search tag, serial, inventory no., MAC, model or room (Ctrl+F)",
    ): "Hae: tunnus, sarjanumero, inventaarionumero, MAC, malli tai huone (Ctrl+F)",
    ("DevicePage", "Search devices"): "Hae laitteita",
    ("DevicePage", "All groups"): "Kaikki ryhmät",
    ("DevicePage", "All statuses"): "Kaikki tilat",
    ("DevicePage", "&New device…"): "&Uusi laite…",
    ("DevicePage", "&Edit device…"): "&Muokkaa laitetta…",
    ("DevicePage", "&Bulk edit…"): "&Joukkomuokkaus…",
    ("DevicePage", "&Find"): "&Hae",
    ("DevicePage", "&Undo bulk edit"): "&Peru joukkomuokkaus",
    ("DevicePage", "Open device"): "Avaa laite",
    ("DevicePage", "All categories"): "Kaikki laiteluokat",
    ("DevicePage", "%n device(s)"): ("%n laite", "%n laitetta"),
    ("DevicePage", "Counting devices…"): "Lasketaan laitteita…",
    (
        "DevicePage",
        "Select the devices to edit first (Shift/Ctrl + arrows or click).",
    ): "Valitse ensin muokattavat laitteet (Vaihto/Ctrl + nuolet tai napsautus).",
    ("DevicePage", "bulk edit of %n device(s)"): ("%n laitteen joukkomuokkaus", "%n laitteen joukkomuokkaus"),
    ("DeviceTableModel", "Asset tag"): "Laitetunnus",
    ("DeviceTableModel", "Category"): "Laiteluokka",
    ("DeviceTableModel", "Model"): "Malli",
    ("DeviceTableModel", "Site"): "Toimipiste",
    ("DeviceTableModel", "Room"): "Huone",
    ("DeviceTableModel", "Status"): "Tila",
    ("DeviceTableModel", "Condition"): "Kunto",
    ("DeviceTableModel", "Serial"): "Sarjanumero",
    ("DeviceTableModel", "Inventory no."): "Inventaarionro",
    ("DeviceTableModel", "Last seen"): "Viimeksi nähty",
    ("Labels", "In use"): "Käytössä",
    ("Labels", "Spare"): "Varalla",
    ("Labels", "Broken"): "Rikki",
    ("Labels", "In repair"): "Korjattavana",
    ("Labels", "Lost"): "Kadonnut",
    ("Labels", "Retired"): "Poistettu käytöstä",
    ("Labels", "Recycled"): "Kierrätetty",
    ("Labels", "Placeholder (to sort out)"): "Väliaikainen (selvitettävä)",
    ("Labels", "Good"): "Hyvä",
    ("Labels", "Fair"): "Kohtalainen",
    ("Labels", "Poor"): "Huono",
    ("Labels", "Unknown"): "Ei tiedossa",
    ("Labels", "Owned"): "Oma",
    ("Labels", "Leased"): "Leasing",
    ("Labels", "Presentation technology"): "Esitystekniikka",
    ("Labels", "Pupil devices"): "Oppilaslaitteet",
    ("Labels", "Staff devices"): "Henkilöstön laitteet",
    ("Labels", "Infrastructure"): "Infrastruktuuri",
    ("Labels", "Projector"): "Projektori",
    ("Labels", "Display"): "Näyttö",
    ("Labels", "Interactive display"): "Interaktiivinen näyttö",
    ("Labels", "Document camera"): "Dokumenttikamera",
    ("Labels", "Audio system"): "Äänentoisto",
    ("Labels", "Pupil laptop"): "Oppilaan kannettava",
    ("Labels", "Chromebook"): "Chromebook",
    ("Labels", "Tablet"): "Tabletti",
    ("Labels", "Staff laptop"): "Henkilökunnan kannettava",
    ("Labels", "Staff desktop"): "Henkilökunnan pöytäkone",
    ("Labels", "Staff tablet"): "Henkilökunnan tabletti",
    ("Labels", "Printer"): "Tulostin",
    ("Labels", "Wi-Fi access point"): "WLAN-tukiasema",
    ("Labels", "Found"): "Löytyi",
    ("Labels", "Moved here"): "Siirtynyt tänne",
    ("Labels", "Unknown code"): "Tuntematon koodi",
    ("Labels", "Repeat — ignored"): "Toisto — ohitettu",
    ("Labels", "Invalid code"): "Virheellinen koodi",
    ("Labels", "Ambiguous code"): "Moniselitteinen koodi",
    ("Labels", "Room changed"): "Huone vaihtui",
    ("Labels", "Scan undone"): "Skannaus peruttu",
    ("Labels", "Not checked"): "Ei tarkistettu",
    ("Labels", "Network"): "Verkko",
    ("Labels", "Printing"): "Tulostus",
    ("Labels", "Other"): "Muu",
    ("Labels", "Low"): "Vähäinen",
    ("Labels", "Medium"): "Haittaava",
    ("Labels", "High"): "Vakava",
    ("Labels", "not audited"): "ei inventoitu",
    ("Labels", "scanned"): "skannattu",
    ("Labels", "current room"): "nykyinen huone",
    ("Labels", "audited"): "inventoitu",
    ("MainWindow", "School device inventory"): "Koulujen laiteinventaario",
    ("MainWindow", "Pages"): "Sivut",
    ("MainWindow", "&Devices"): "&Laitteet",
    ("MainWindow", "&Audit"): "&Inventointi",
    ("MainWindow", "De&vices"): "La&itteet",
    ("MainWindow", "Au&dit"): "I&nventointi",
    ("MainWindow", "&File"): "&Tiedosto",
    ("MainWindow", "&Settings…"): "&Asetukset…",
    ("MainWindow", "&Quit"): "&Lopeta",
    ("MainWindow", "&Go"): "&Siirry",
    ("MainWindow", "&Navigation tree"): "&Navigointipuu",
    ("MainWindow", "Store: %1"): "Tietokanta: %1",
    ("MainWindow", "Auditor: %1"): "Inventoija: %1",
    ("MainWindow", "Auditor: not set (Ctrl+,)"): "Inventoija: ei asetettu (Ctrl+,)",
    ("MainWindow", "%n change(s) not yet synced"): ("%n muutos synkronoimatta", "%n muutosta synkronoimatta"),
    ("MainWindow", "● connection not checked"): "● yhteyttä ei tarkistettu",
    ("MainWindow", "● online"): "● verkossa",
    ("MainWindow", "● offline — working locally"): "● ei yhteyttä — työskennellään paikallisesti",
    ("MissingDialog", "Finish the audit"): "Päätä inventointi",
    (
        "MissingDialog",
        "%n device(s) expected in the audited rooms were not seen. Decide for each: not checked (stays as it is), lost, or retired.",
    ): (
        "%n laite, jonka piti olla inventoiduissa huoneissa, jäi löytymättä. Päätä sen kohtalo: ei tarkistettu (pysyy ennallaan), kadonnut tai poistettu käytöstä.",
        "%n laitetta, joiden piti olla inventoiduissa huoneissa, jäi löytymättä. Päätä kunkin kohtalo: ei tarkistettu (pysyy ennallaan), kadonnut tai poistettu käytöstä.",
    ),
    (
        "MissingDialog",
        "Every device expected in the audited rooms was seen.",
    ): "Kaikki inventoitujen huoneiden laitteet löytyivät.",
    ("MissingDialog", "Asset tag"): "Laitetunnus",
    ("MissingDialog", "Category"): "Laiteluokka",
    ("MissingDialog", "Model"): "Malli",
    ("MissingDialog", "Room"): "Huone",
    ("MissingDialog", "Decision"): "Päätös",
    ("MissingDialog", "Selected rows:"): "Valitut rivit:",
    ("MissingDialog", "Press %1 in the list"): "Paina %1 luettelossa",
    ("MissingDialog", "&Finish audit"): "&Päätä inventointi",
    ("NavTree", "Place"): "Paikka",
    ("NavTree", "Devices"): "Laitteet",
    ("NavTree", "Audit"): "Inventointi",
    ("NavTree", "Areas, sites and rooms"): "Alueet, toimipisteet ja huoneet",
    ("NavTree", "All sites"): "Kaikki toimipisteet",
    ("NavTree", "(no area)"): "(ei aluetta)",
    ("NavTree", "audit open"): "inventointi kesken",
    ("ObservationDialog", "Observation in %1"): "Havainto: %1",
    (
        "ObservationDialog",
        "What did you notice? For example: Wi-Fi drops at the back of the room.",
    ): "Mitä huomasit? Esimerkiksi: WLAN katkeilee luokan takaosassa.",
    ("ObservationDialog", "&Check connection"): "&Mittaa yhteys",
    (
        "ObservationDialog",
        "Measure latency and loss to the central server (Alt+C)",
    ): "Mittaa viive ja pakettihävikki keskuspalvelimelle (Alt+C)",
    ("ObservationDialog", "Not measured."): "Ei mitattu.",
    ("ObservationDialog", "Kind"): "Laji",
    ("ObservationDialog", "Se&verity"): "&Vakavuus",
    ("ObservationDialog", "&Note"): "&Kuvaus",
    ("ObservationDialog", "Connection"): "Yhteys",
    ("ObservationDialog", "Measuring…"): "Mitataan…",
    ("ObservationDialog", "no answer"): "ei vastausta",
    ("ObservationDialog", "%1 ms"): "%1 ms",
    ("ObservationDialog", ", Wi-Fi signal %1 dBm"): ", WLAN-signaali %1 dBm",
    ("ObservationDialog", "Latency %1, packet loss %2%3"): "Viive %1, pakettihävikki %2%3",
    ("ObservationDialog", "the central server"): "keskuspalvelin",
    ("ObservationDialog", "the host set in Settings"): "asetuksissa annettu palvelin",
    ("ObservationDialog", "a public host; set your own in Settings"): "julkinen palvelin; oman voi asettaa asetuksissa",
    ("ObservationDialog", "Measured: TCP connections to %1"): "Mitattu: TCP-yhteydet kohteeseen %1",
    ("SettingsDialog", "the central server's host, else www.suomi.fi"): "keskuspalvelimen osoite, muuten www.suomi.fi",
    (
        "SettingsDialog",
        "Where the audit's connection check measures: host or host:port",
    ): "Mihin inventoinnin yhteystesti mittaa: palvelin tai palvelin:portti",
    ("SettingsDialog", "Connection &check host"): "&Yhteystestin palvelin",
    ("ObservationDialog", "Could not measure: %1"): "Mittaus ei onnistunut: %1",
    ("QuickAddDialog", "Add device in %1"): "Lisää laite: %1",
    ("QuickAddDialog", "(choose)"): "(valitse)",
    (
        "QuickAddDialog",
        "manufacturer and model, for example Lenovo 300e",
    ): "valmistaja ja malli, esimerkiksi Lenovo 300e",
    ("QuickAddDialog", "serial from the device's sticker"): "sarjanumero laitteen tarrasta",
    ("QuickAddDialog", "Code"): "Koodi",
    ("QuickAddDialog", "&Category"): "Laite&luokka",
    ("QuickAddDialog", "&Model"): "&Malli",
    ("QuickAddDialog", "&Serial"): "&Sarjanumero",
    ("QuickAddDialog", "&Notes"): "&Huomautukset",
    (
        "QuickAddDialog",
        "This code is not in the inventory. Register it in room %1:",
    ): "Koodia ei ole inventaariossa. Rekisteröi se huoneeseen %1:",
    ("QuickAddDialog", "Choose the category."): "Valitse laiteluokka.",
    ("ResultCard", "&Undo this scan"): "&Peru tämä skannaus",
    ("ResultCard", "Put the device back where it was recorded (Ctrl+Z)"): "Palauta laite aiempaan paikkaansa (Ctrl+Z)",
    ("ResultCard", "&Add device…"): "&Lisää laite…",
    (
        "ResultCard",
        "Register this code as a device in the current room (Alt+A)",
    ): "Rekisteröi koodi laitteeksi tähän huoneeseen (Alt+L)",
    ("ResultCard", "&Keep as placeholder"): "&Kirjaa selvitettäväksi",
    (
        "ResultCard",
        "Record the code now and sort it out later (Alt+K)",
    ): "Kirjaa koodi nyt ja selvitä myöhemmin (Alt+K)",
    ("ResultCard", "Ready"): "Valmis",
    (
        "ResultCard",
        "Scan a room label or pick a room, then scan devices.",
    ): "Skannaa huoneen tarra tai valitse huone, sitten skannaa laitteet.",
    ("RoomDevicesTableModel", "Seen"): "Nähty",
    ("RoomDevicesTableModel", "Asset tag"): "Laitetunnus",
    ("RoomDevicesTableModel", "Category"): "Laiteluokka",
    ("RoomDevicesTableModel", "Model"): "Malli",
    ("RoomDevicesTableModel", "Serial"): "Sarjanumero",
    ("RoomDevicesTableModel", "✓ found"): "✓ löytyi",
    ("RoomDevicesTableModel", "➜ moved here"): "➜ siirtynyt tänne",
    ("ScanTexts", "FOUND"): "LÖYTYI",
    ("ScanTexts", "Recorded in %1."): "Kirjattu huoneeseen %1.",
    ("ScanTexts", "MOVED HERE"): "SIIRTYNYT TÄNNE",
    (
        "ScanTexts",
        "Was recorded in %1, now in %2. Only visiting? Undo with Ctrl+Z.",
    ): "Oli kirjattu huoneeseen %1, nyt %2. Vain käymässä? Peru: Ctrl+Z.",
    ("ScanTexts", "no room"): "ei huonetta",
    ("ScanTexts", "UNKNOWN"): "TUNTEMATON",
    (
        "ScanTexts",
        "Not in the inventory. Add it as a device (Alt+A) or keep it as a placeholder to sort out later (Alt+K).",
    ): "Ei inventaariossa. Lisää laitteeksi (Alt+L) tai kirjaa selvitettäväksi myöhemmin (Alt+K).",
    ("ScanTexts", "REPEAT — IGNORED"): "TOISTO — OHITETTU",
    (
        "ScanTexts",
        "This code was already scanned; nothing was recorded again.",
    ): "Koodi oli jo skannattu; mitään ei kirjattu uudelleen.",
    ("ScanTexts", "AMBIGUOUS"): "MONISELITTEINEN",
    (
        "ScanTexts",
        "This code is on %n device(s). Scan the asset tag instead.",
    ): ("Koodi on %n laitteella. Skannaa laitetunnus.", "Koodi on %n laitteella. Skannaa laitetunnus."),
    ("ScanTexts", "ROOM %1"): "HUONE %1",
    ("ScanTexts", "Now scan the devices in this room."): "Skannaa nyt tämän huoneen laitteet.",
    ("ScanTexts", "SCAN UNDONE"): "SKANNAUS PERUTTU",
    (
        "ScanTexts",
        "The scan no longer counts; a moved device is back where it was recorded.",
    ): "Skannaus ei enää lukeudu; siirretty laite on palautettu aiempaan paikkaansa.",
    ("ScanTexts", "NOTHING SCANNED"): "EI SKANNATTU MITÄÄN",
    ("ScanTexts", "The code was empty."): "Koodi oli tyhjä.",
    (
        "ScanTexts",
        "Scan again, or type the code and press Enter.",
    ): "Skannaa uudelleen tai kirjoita koodi ja paina Enter.",
    ("ScanTexts", "INVALID CODE"): "VIRHEELLINEN KOODI",
    (
        "ScanTexts",
        "Wrong check character — check the label and scan or type it again.",
    ): "Väärä tarkistusmerkki — tarkista tarra ja skannaa tai kirjoita koodi uudelleen.",
    ("ScanTexts", "OTHER SITE"): "TOINEN TOIMIPISTE",
    (
        "ScanTexts",
        "This room label belongs to another site; this audit covers one site.",
    ): "Huoneen tarra kuuluu toiseen toimipisteeseen; tämä inventointi koskee yhtä toimipistettä.",
    ("ScanTexts", "NO ROOM YET"): "EI HUONETTA VIELÄ",
    (
        "ScanTexts",
        "Scan the room label at the door or pick the room (Ctrl+R) first.",
    ): "Skannaa ensin oven vieressä oleva huoneen tarra tai valitse huone (Ctrl+R).",
    ("ScanTexts", "This code cannot be recorded here."): "Tätä koodia ei voi kirjata tässä.",
    ("ScanTexts", "Nothing to undo"): "Ei peruttavaa",
    ("ScanTexts", "No scan in this audit can be undone."): "Tässä inventoinnissa ei ole peruttavaa skannausta.",
    ("ScanTexts", "NO AUDIT OPEN"): "EI AVOINTA INVENTOINTIA",
    ("ScanTexts", "Start or resume an audit first."): "Aloita tai jatka ensin inventointia.",
    ("ScanTexts", "Importing…"): "Tuodaan…",
    (
        "ScanTexts",
        "A scan log is being imported; scan again when it is done.",
    ): "Skannerilokia tuodaan; skannaa uudelleen, kun tuonti on valmis.",
    ("ScanTexts", "NOT RECORDED"): "EI KIRJATTU",
    ("ScanTexts", "AUDIT RESUMED"): "INVENTOINTI JATKUU",
    ("ScanTexts", "Current room: %1. Carry on scanning."): "Nykyinen huone: %1. Jatka skannausta.",
    ("ScanTexts", "Scan a room label or pick a room (Ctrl+R)."): "Skannaa huoneen tarra tai valitse huone (Ctrl+R).",
    ("ScanTexts", "AUDIT STARTED"): "INVENTOINTI ALOITETTU",
    (
        "ScanTexts",
        "Scan the room label at the door, or pick the room with Ctrl+R.",
    ): "Skannaa oven vieressä oleva huoneen tarra tai valitse huone: Ctrl+R.",
    ("ScanTexts", "SCAN LOG IMPORTED"): "SKANNERILOKI TUOTU",
    ("ScanTexts", "AUDIT FINISHED"): "INVENTOINTI PÄÄTETTY",
    ("ScanTexts", "%1 of %2 expected in %3 found"): "%1 / %2 huoneen %3 laitteesta löytyi",
    ("SettingsDialog", "Settings"): "Asetukset",
    ("SettingsDialog", "your name as it should appear on audits"): "nimesi sellaisena kuin se näkyy inventoinneissa",
    ("SettingsDialog", "Follow the system"): "Järjestelmän mukaan",
    ("SettingsDialog", "(none)"): "(ei mitään)",
    ("SettingsDialog", "Play a sound for each scan"): "Soita ääni jokaisesta skannauksesta",
    (
        "SettingsDialog",
        "A new language is used from the next start of the app.",
    ): "Uusi kieli otetaan käyttöön, kun sovellus käynnistetään seuraavan kerran.",
    ("SettingsDialog", "&Auditor"): "&Inventoija",
    ("SettingsDialog", "&Language"): "&Kieli",
    ("SettingsDialog", "Default &site"): "&Oletustoimipiste",
}


# Texts that moved with the workspace's widgets and the side tasks keep their Finnish.
for _source in (
    "Pick the room (Ctrl+R), or scan its label",
    "Scan a barcode, or type a code and press Enter",
    "Scan field",
    "Recent scans",
    "Report a problem here:",
    "Record an observation about this room (Ctrl+O)",
    "&Room:",
):
    FI[("AuditWorkspace", _source)] = FI[("AuditPage", _source)]
FI[("AuditTasks", "No central server is set; the check needs its address.")] = FI[
    ("AuditPage", "No central server is set; the check needs its address.")
]

# Audit mode's keys and the engine's reason codes worded (the card, the history, the actions).
FI.update(
    {
        ("AuditActions", "Add the unknown code as a device"): "Lisää tuntematon koodi laitteeksi",
        ("AuditActions", "Keep the unknown code to sort out later"): "Kirjaa tuntematon koodi selvitettäväksi",
        ("AuditActions", "Move the device of another school here"): "Siirrä toisen koulun laite tähän kouluun",
        ("AuditPage", "Audit finished — %1 starts a new one"): "Inventointi päätetty — %1 aloittaa uuden",
        ("ResultCard", "Undo this scan"): "Peru tämä skannaus",
        ("ResultCard", "Add device…"): "Lisää laite…",
        ("ResultCard", "Keep as placeholder"): "Kirjaa selvitettäväksi",
        ("ResultCard", "Move to this school"): "Siirrä tähän kouluun",
        (
            "ResultCard",
            "Record the device in this school and room from now on (Alt+M)",
        ): "Kirjaa laite tästä lähtien tähän kouluun ja huoneeseen (Alt+M)",
        (
            "ResultCard",
            "Register this code as a device in the current room (Alt+A)",
        ): "Rekisteröi koodi laitteeksi tähän huoneeseen (Alt+A)",
        (
            "ScanTexts",
            "Not in the inventory. Add it as a device (Alt+A) or keep it as a placeholder to sort out later (Alt+K).",
        ): "Ei inventaariossa. Lisää laitteeksi (Alt+A) tai kirjaa selvitettäväksi myöhemmin (Alt+K).",
        ("ScanTexts", "KEPT TO SORT OUT"): "KIRJATTU SELVITETTÄVÄKSI",
        (
            "ScanTexts",
            "Recorded in %1 as a placeholder; find it in the device list later.",
        ): "Kirjattu huoneeseen %1 selvitettäväksi; löydät sen myöhemmin laiteluettelosta.",
        ("ScanTexts", "MOVED TO THIS SCHOOL"): "SIIRRETTY TÄHÄN KOULUUN",
        (
            "ScanTexts",
            "Was recorded at %1 (%2), now in %3. Undo with Ctrl+Z.",
        ): "Oli kirjattu kohteeseen %1 (%2), nyt huoneessa %3. Peru: Ctrl+Z.",
        ("ScanTexts", "FROM ANOTHER SCHOOL"): "TOISEN KOULUN LAITE",
        (
            "ScanTexts",
            "Belongs to %1 (room %2). Kept as seen here; to move it to this school press Alt+M.",
        ): "Kuuluu kohteeseen %1 (huone %2). Kirjattu täällä nähdyksi; siirrä se tähän kouluun: Alt+M.",
        (
            "ScanTexts",
            "Already seen here; still belongs to %1 (room %2). To move it to this school press Alt+M.",
        ): "Nähty täällä jo aiemmin; kuuluu yhä kohteeseen %1 (huone %2). Siirrä se tähän kouluun: Alt+M.",
        (
            "ScanTexts",
            "Last scan: %1 of %2, not moved yet. To move it to this school press Alt+M.",
        ): "Viimeisin skannaus: %1 (%2), ei vielä siirretty. Siirrä se tähän kouluun: Alt+M.",
        ("ScanTexts", "Registered in %1."): "Rekisteröity huoneeseen %1.",
        # A device found marked retired or recycled (its own card, Alt+B puts it back in use).
        (
            "AuditActions",
            "Put the device found marked retired back in use",
        ): "Palauta käytöstä poistetuksi merkitty laite käyttöön",
        ("Labels", "Found, marked retired"): "Löytyi, merkitty poistetuksi",
        ("Labels", "Back in use"): "Palautettu käyttöön",
        ("ResultCard", "Back in use"): "Palauta käyttöön",
        (
            "ResultCard",
            "The device is in use: record it as in use again (Alt+B)",
        ): "Laite on käytössä: kirjaa se taas käyttöön (Alt+B)",
        ("RoomDevicesTableModel", "! found, marked retired"): "! löytyi, merkitty poistetuksi",
        ("ScanTexts", "FOUND — MARKED RECYCLED"): "LÖYTYI — MERKITTY KIERRÄTETYKSI",
        ("ScanTexts", "FOUND — MARKED RETIRED"): "LÖYTYI — MERKITTY POISTETUKSI",
        ("ScanTexts", "Recorded in %1 (was in %2)."): "Kirjattu huoneeseen %1 (oli huoneessa %2).",
        (
            "ScanTexts",
            "%1 In use? Alt+B puts it back in use; otherwise report it.",
        ): "%1 Käytössä? Alt+B palauttaa sen käyttöön; muuten ilmoita siitä.",
        ("ScanTexts", "BACK IN USE"): "PALAUTETTU KÄYTTÖÖN",
        ("ScanTexts", "Recorded in %1 and in use again."): "Kirjattu huoneeseen %1 ja palautettu käyttöön.",
        ("ScanTexts", "%n moved to another room"): (
            "%n siirtynyt toiseen huoneeseen",
            "%n siirtynyttä toiseen huoneeseen",
        ),
        ("ScanTexts", "%n found marked retired"): ("%n poistetuksi merkitty löytyi", "%n poistetuksi merkittyä löytyi"),
        (
            "ScanTexts",
            "This code is already noted as unknown in this audit.",
        ): "Koodi on jo kirjattu tuntemattomaksi tässä inventoinnissa.",
        ("ScanTexts", "This device is already recorded in this room."): "Laite on jo kirjattu tähän huoneeseen.",
        (
            "ScanTexts",
            "This room label belongs to %1; this audit covers one site.",
        ): "Huoneen tarra kuuluu kohteeseen %1; tämä inventointi koskee yhtä toimipistettä.",
        ("ScanTexts", "NOT A ROOM HERE"): "EI TÄMÄN KOULUN HUONE",
        (
            "ScanTexts",
            "This room label is not a room of this site. Scan another room label or pick the room (Ctrl+R) before scanning devices.",
        ): "Tarra ei ole tämän toimipisteen huone. Skannaa toinen huoneen tarra tai valitse huone (Ctrl+R) ennen laitteita.",
        ("RoomDevicesTableModel", "? kept to sort out"): "? selvitettävä",
        ("Labels", "From another school"): "Toisen koulun laite",
        ("ScanTexts", "%n room(s)"): ("%n huone", "%n huonetta"),
        # Every count of the audit page in its own grammatical number (Qt's numerus forms: one, other).
        ("ScanTexts", "This audit: %1"): "Tämä inventointi: %1",
        ("ScanTexts", "%1: %2, %3, %4"): "%1: %2, %3, %4",
        ("ScanTexts", "%1, %2, %3, %4."): "%1, %2, %3, %4.",
        ("ScanTexts", "%1: %2, %3, %4, %5"): "%1: %2, %3, %4, %5",
        (
            "ScanTexts",
            "%1: %2, %3, %4. Sync or export to hand it in.",
        ): "%1: %2, %3, %4. Synkronoi tai vie tiedostoon toimittaaksesi tulokset.",
        ("ScanTexts", "%n code(s)"): ("%n koodi", "%n koodia"),
        ("ScanTexts", "%n found"): ("%n löytyi", "%n löytyi"),
        ("ScanTexts", "%n moved"): ("%n siirtynyt", "%n siirtynyttä"),
        ("ScanTexts", "%n unknown"): ("%n tuntematon", "%n tuntematonta"),
        ("ScanTexts", "%n repeat(s)"): ("%n toisto", "%n toistoa"),
        ("ScanTexts", "%n repeat(s) ignored"): ("%n toisto ohitettu", "%n toistoa ohitettu"),
        ("ScanTexts", "%n invalid"): ("%n virheellinen", "%n virheellistä"),
        ("ScanTexts", "%n ambiguous"): ("%n moniselitteinen", "%n moniselitteistä"),
        ("ScanTexts", "%n from other school(s)"): ("%n toisen koulun laite", "%n toisen koulun laitetta"),
        ("ScanTexts", "%n missing"): ("%n puuttuu", "%n puuttuu"),
        ("ScanTexts", "%n lost"): ("%n kadonnut", "%n kadonnutta"),
        ("ScanTexts", "%n retired"): ("%n poistettu käytöstä", "%n poistettua käytöstä"),
        ("ScanTexts", "%n not checked"): ("%n ei tarkistettu", "%n ei tarkistettu"),
        ("ScanTexts", "%n moved here"): ("%n siirtynyt tänne", "%n siirtynyttä tänne"),
        ("AuditWorkspace", "Observation saved: %1 in %2"): "Havainto tallennettu: %1, huone %2",
        ("Labels", "Early childhood education"): "Varhaiskasvatus",
        ("Labels", "Primary school"): "Alakoulu",
        ("Labels", "Lower secondary school"): "Yläkoulu",
        ("Labels", "Comprehensive school"): "Yhtenäiskoulu",
        ("Labels", "Upper secondary school"): "Lukio",
        ("Labels", "Classroom"): "Luokkahuone",
        ("Labels", "Staff room"): "Opettajainhuone",
        ("Labels", "Office"): "Toimisto",
        ("Labels", "Storage"): "Varasto",
        ("Labels", "Hall"): "Sali",
        ("Labels", "per pupil"): "oppilasta kohden",
        ("Labels", "per staff member"): "henkilökunnan jäsentä kohden",
        ("Labels", "per classroom"): "luokkahuonetta kohden",
        ("Labels", "per device"): "laitetta kohden",
        ("Labels", "total"): "yhteensä",
        ("Labels", "A4 3 × 7, 63.5 × 38.1 mm (L7160)"): "A4 3 × 7, 63,5 × 38,1 mm (L7160)",
        ("Labels", "A4 3 × 8, 63.5 × 33.9 mm (L7159)"): "A4 3 × 8, 63,5 × 33,9 mm (L7159)",
        ("Labels", "A4 2 × 7, 99.1 × 38.1 mm (L7163)"): "A4 2 × 7, 99,1 × 38,1 mm (L7163)",
        ("Labels", "A4 5 × 13, 38.1 × 21.2 mm small (L7651)"): "A4 5 × 13, 38,1 × 21,2 mm, pienet (L7651)",
        ("Labels", "A4 2 × 4 room labels, 99.1 × 67.7 mm (L7165)"): "A4 2 × 4 huonetarrat, 99,1 × 67,7 mm (L7165)",
        (
            "Labels",
            "Label printer, 62 mm continuous tape (62 × 30 mm)",
        ): "Tarratulostin, 62 mm jatkuva nauha (62 × 30 mm)",
        ("Labels", "Label printer, 57 × 32 mm"): "Tarratulostin, 57 × 32 mm",
        (
            "Labels",
            "Label printer, 62 mm tape, room label (62 × 90 mm)",
        ): "Tarratulostin, 62 mm nauha, huonetarra (62 × 90 mm)",
        ("Labels", "Kept to sort out"): "Kirjattu selvitettäväksi",
    }
)
for _source in (
    "&Undo last scan",
    "&Observation…",
    "&Import scan log…",
    "&Finish audit…",
    "&New audit…",
    "Pick &room",
    "Back to the &scan field",
):
    FI[("AuditActions", _source)] = FI[("AuditPage", _source)]


def main() -> int:
    sources = [str(ROOT / "inventory_app" / "ui" / name) for name in OURS]
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(lupdate) if lupdate.exists() else "pyside6-lupdate", "-silent", "-no-obsolete", *sources, "-ts", str(TS)],
        check=True,
    )
    tree = ET.parse(TS)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            text = FI.get((name, source))
            translation = message.find("translation")
            if text is None:
                missing.append(f"{name}: {source!r}")
                continue
            translation.attrib.pop("type", None)  # no longer "unfinished"
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                forms = text if isinstance(text, tuple) else (text, text)
                translation.text = None
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text if isinstance(text, str) else text[0]
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    if missing:
        sys.stderr.write("no Finnish text for:\n  " + "\n  ".join(missing) + "\n")
        return 1
    print(f"{TS.relative_to(ROOT)}: every text has its Finnish translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
