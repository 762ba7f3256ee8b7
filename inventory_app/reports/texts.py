"""The words of every report in English and Finnish, without Qt: the CLI's exports and the window share them.

Reports are computed in English with stable codes (JSON keeps both). :func:`localise` makes the
copy people read: titles, section titles, column headers, chart texts, notes, the scope's name and
the coded cell values (status, category, group, site kind, observation kind, severity, reasons …)
in the chosen language. :func:`format_value` writes numbers and dates the way the language does
(``1 234,50 €`` and ``12.8.2026`` in Finnish). :func:`summary_rows` gives the totals with readable
labels for the XLSX summary sheet and the PDF.

The closed vocabularies (``VOCABULARY``) are the one plain-Python list of the domain's codes with
their English and Finnish names; ``ui/labels.py`` still holds the window's own copy for its widgets.
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from inventory_app.reports.model import ChartSeries, ChartSpec, Column, Kind, ReportResult, Scope, Section

LANGUAGES = ("en", "fi")
NBSP = "\u00a0"

# code -> (English, Finnish), per vocabulary.
VOCABULARY: dict[str, dict[str, tuple[str, str]]] = {
    "status": {
        "in_use": ("In use", "Käytössä"),
        "spare": ("Spare", "Varalla"),
        "broken": ("Broken", "Rikki"),
        "in_repair": ("In repair", "Korjauksessa"),
        "lost": ("Lost", "Kadonnut"),
        "retired": ("Retired", "Poistettu"),
        "recycled": ("Recycled", "Kierrätetty"),
        "placeholder": ("Placeholder", "Selvitettävä"),
    },
    "group": {
        "presentation": ("Presentation technology", "Esitystekniikka"),
        "pupil": ("Pupil devices", "Oppilaslaitteet"),
        "staff": ("Staff devices", "Henkilöstön laitteet"),
        "infrastructure": ("Infrastructure", "Infrastruktuuri"),
    },
    "category": {
        "projector": ("Projector", "Projektori"),
        "display": ("Display", "Näyttö"),
        "interactive_display": ("Interactive display", "Kosketusnäyttö"),
        "document_camera": ("Document camera", "Dokumenttikamera"),
        "audio": ("Audio system", "Äänentoisto"),
        "pupil_laptop": ("Pupil laptop", "Oppilaan kannettava"),
        "chromebook": ("Chromebook", "Chromebook"),
        "tablet": ("Tablet", "Tabletti"),
        "staff_laptop": ("Staff laptop", "Henkilöstön kannettava"),
        "staff_desktop": ("Staff desktop", "Henkilöstön pöytäkone"),
        "staff_tablet": ("Staff tablet", "Henkilöstön tabletti"),
        "printer": ("Printer", "Tulostin"),
        "access_point": ("Wi-Fi access point", "WLAN-tukiasema"),
    },
    "site_kind": {
        "early_childhood": ("Early childhood", "Varhaiskasvatus"),
        "primary": ("Primary school", "Alakoulu"),
        "lower_secondary": ("Lower secondary", "Yläkoulu"),
        "comprehensive": ("Comprehensive school", "Yhtenäiskoulu"),
        "upper_secondary": ("Upper secondary", "Lukio"),
        "other": ("Other", "Muu"),
    },
    "basis": {
        "per_pupil": ("per pupil", "oppilasta kohden"),
        "per_staff": ("per staff member", "työntekijää kohden"),
        "per_classroom": ("per classroom", "luokkaa kohden"),
    },
    "observation": {
        "network": ("Network", "Verkko"),
        "printing": ("Printing", "Tulostus"),
        "presentation": ("Presentation technology", "Esitystekniikka"),
        "other": ("Other", "Muu"),
    },
    "severity": {"low": ("Low", "Vähäinen"), "medium": ("Medium", "Haittaava"), "high": ("High", "Vakava")},
    "decision": {
        "not_checked": ("Not checked", "Ei tarkistettu"),
        "lost": ("Lost", "Kadonnut"),
        "retired": ("Retired", "Poistettu"),
    },
    "reason": {
        # reconciliation
        "not_in_inventory": ("Not in the inventory", "Ei rekisterissä"),
        "not_seen_in_last_audit": ("Not seen in the last audit", "Ei havaittu viime inventoinnissa"),
        "lost": ("Lost", "Kadonnut"),
        "retired": ("Retired", "Poistettu"),
        "recycled": ("Recycled", "Kierrätetty"),
        "no_site_for_line": ("Cost centre and device of no site", "Kustannuspaikka ja laite eivät ole minkään kohteen"),
        # replacement plan
        "end_of_life": ("Reaches end of life", "Käyttöikä täyttyy"),
        "overdue": ("Already past its lifetime", "Käyttöikä jo täynnä"),
        "lease_end": ("Lease ends", "Leasing päättyy"),
        # leasing
        "ends": ("Ends", "Päättyy"),
        "notice deadline": ("Notice deadline", "Irtisanomisen määräpäivä"),
        "ends; notice deadline": ("Ends; notice deadline", "Päättyy; irtisanomisen määräpäivä"),
    },
    "notice_status": {
        "passed": ("Passed", "Mennyt"),
        "within": ("Within {0} months", "{0} kk sisällä"),
        "later": ("Later", "Myöhemmin"),
        "none": ("No deadline", "Ei määräpäivää"),
    },
    "yes_no": {"yes": ("Yes", "Kyllä"), "no": ("No", "Ei")},
    "audit_status": {
        "open": ("Open", "Kesken"),
        "finished": ("Finished", "Valmis"),
        "cancelled": ("Cancelled", "Peruttu"),
    },
    "age_band": {"unknown": ("Unknown", "Tuntematon")},
}
# Which vocabulary a column's codes come from.
COLUMN_VOCABULARY = {
    "status": "status",
    "group": "group",
    "category": "category",
    "site_kind": "site_kind",
    "basis": "basis",
    "kind": "observation",
    "severity": "severity",
    "decision": "decision",
    "reason": "reason",
    "notice_status": "notice_status",
    "same_area": "yes_no",
    "band": "age_band",
    "target": "target",
}

# English text -> Finnish: titles, sections, columns, chart texts, fixed words.
FI: dict[str, str] = {
    # report titles and names
    "Device inventory": "Laiteinventaario",
    "Devices against target levels": "Laitteet suhteessa tavoitetasoon",
    "Annual device cost per pupil": "Laitteiden vuosikustannus oppilasta kohden",
    "Device age against expected lifetime": "Laitteiden ikä suhteessa käyttöikään",
    "Billing reconciliation": "Laskujen täsmäytys",
    "Network problems per site": "Verkko-ongelmat kohteittain",
    "Suggested transfers between sites": "Ehdotetut siirrot kohteiden välillä",
    "Leases ending": "Päättyvät leasingsopimukset",
    "Audit results": "Inventoinnin tulokset",
    "Replacement plan": "Uusimissuunnitelma",
    "Inventory against cost per pupil": "Inventaario ja kustannus oppilasta kohden",
    # sections
    "Billed to another unit": "Laskutettu toiselta yksiköltä",
    "Billed twice": "Laskutettu kahdesti",
    "Billed, not found": "Laskutettu, ei löydy",
    "Contracts": "Sopimukset",
    "Devices by age band": "Laitteet ikäryhmittäin",
    "Devices per room, category and status": "Laitteet huoneittain, lajeittain ja tiloittain",
    "Devices per site, group and status": "Laitteet kohteittain, ryhmittäin ja tiloittain",
    "Devices per area, group and status": "Laitteet alueittain, ryhmittäin ja tiloittain",
    "Found": "Löydetyt",
    "Found, not billed": "Löytyy, ei laskutettu",
    "Leased devices": "Leasinglaitteet",
    "Missing": "Puuttuvat",
    "Moved": "Siirtyneet",
    "Not attributable to any site": "Ei kohdistu mihinkään kohteeseen",
    "Per area": "Alueittain",
    "Per site": "Kohteittain",
    "Presentation technology and other problems": "Esitystekniikan ja muut ongelmat",
    "Printing problems per site": "Tulostusongelmat kohteittain",
    "Seen here, belongs to another site": "Toisen kohteen laitteet täällä",
    "Required vs in use per site": "Tarve ja käytössä kohteittain",
    "Suggested transfers": "Ehdotetut siirrot",
    "Units by share of outdated devices": "Yksiköt vanhentuneiden osuuden mukaan",
    "Unknown codes": "Tuntemattomat koodit",
    "Unknown code": "Tuntemattomat",  # the audit chart's bar: "Tuntemattomat koodit" overlapped its neighbours
    "Inventory and cost per pupil per site": "Inventaario ja kustannus kohteittain",
    "Inventory and cost per pupil per area": "Inventaario ja kustannus alueittain",
    # columns
    "Age": "Ikä",
    "Age unknown": "Ikä tuntematon",
    "Amount €": "Summa €",
    "Annual cost €": "Vuosikustannus €",
    "Area": "Alue",
    "Belongs to": "Kuuluu kohteeseen",
    "Seen in room": "Nähty huoneessa",
    "Asset tag": "Laitetunnus",
    "Basis": "Peruste",
    "Billed cost centre": "Laskutettu kustannuspaikka",
    "Billed twice €": "Kahdesti laskutettu €",
    "Billed €": "Laskutettu €",
    "Category": "Laitelaji",
    "Code": "Koodi",
    "Contract": "Sopimus",
    "Cost centre": "Kustannuspaikka",
    "Decision": "Päätös",
    "Device's cost centre": "Laitteen kustannuspaikka",
    "Device's site": "Laitteen kohde",
    "Devices": "Laitteita",
    "Devices paid for": "Maksettuja laitteita",
    "Devices to move": "Siirrettävät laitteet",
    "End": "Päättyy",
    "Estimated cost €": "Arvioitu hinta €",
    "Expected monthly fee €": "Odotettu kuukausimaksu €",
    "File row": "Tiedoston rivi",
    "File rows": "Tiedoston rivit",
    "From area": "Mistä alueelta",
    "From room": "Mistä huoneesta",
    "From site": "Mistä kohteesta",
    "Group": "Ryhmä",
    "Group or category": "Ryhmä tai laji",
    "High severity": "Vakavia",
    "Identifier": "Tunniste",
    "In use": "Käytössä",
    "In use per unit": "Käytössä yksikköä kohden",
    "Kind": "Laji",
    "Latest": "Viimeisin",
    "Lease end": "Leasing päättyy",
    "Lessor": "Vuokranantaja",
    "Lines": "Rivejä",
    "Median latency (ms)": "Viiveen mediaani (ms)",
    "Monthly cost €": "Kuukausikustannus €",
    "Monthly fee €": "Kuukausimaksu €",
    "Network problems": "Verkko-ongelmia",
    "Notice (months)": "Irtisanomisaika (kk)",
    "Notice deadline": "Irtisanomisen määräpäivä",
    "Notice status": "Irtisanominen",
    "Open": "Avoimia",
    "Past lifetime": "Käyttöikä täynnä",
    "Period": "Kausi",
    "Problems": "Ongelmia",
    "Pupils": "Oppilaita",
    "Pupils / staff / classrooms": "Oppilaita / henkilöstöä / luokkia",
    "Reason": "Syy",
    "Registered since": "Rekisteröity jälkeenpäin",
    "Required": "Tarve",
    "Room": "Huone",
    "Rooms": "Huoneet",
    "Scanned": "Skannattu",
    "Serial": "Sarjanumero",
    "Share past lifetime": "Käyttöikä täynnä, osuus",
    "Shortage": "Vajaus",
    "Site": "Kohde",
    "Site kind": "Kohteen tyyppi",
    "Sites": "Kohteita",
    "Start": "Alkaa",
    "Status": "Tila",
    "Surplus": "Ylijäämä",
    "Target per unit": "Tavoite yksikköä kohden",
    "To area": "Mihin alueelle",
    "To room": "Mihin huoneeseen",
    "To site": "Mihin kohteeseen",
    "Total": "Yhteensä",
    "Why listed": "Miksi listalla",
    "Within lifetime": "Käyttöiässä",
    "Within the area": "Alueen sisällä",
    "Worst packet loss (%)": "Suurin pakettihävikki (%)",
    "of which leases €": "josta leasing €",
    "of which owned €": "josta omat €",
    "of which spare": "joista varalla",
    "€ per pupil": "€ oppilasta kohden",
    "Devices per pupil": "Laitteita oppilasta kohden",
    "Target per pupil": "Tavoite oppilasta kohden",
    "Pupil devices in use": "Oppilaslaitteita käytössä",
    "Staff": "Henkilöstöä",
    # chart texts
    "Audit outcome": "Inventoinnin tulos",
    "Devices by age": "Laitteet iän mukaan",
    "Devices per group and status": "Laitteet ryhmittäin ja tiloittain",
    "Devices to move, by group": "Siirrettävät laitteet ryhmittäin",
    "Euros at stake": "Kyseessä olevat eurot",
    "Sites by open network problems": "Kohteet avointen verkko-ongelmien mukaan",
    "Open network problems": "Avoimia verkko-ongelmia",
    "of which high severity": "joista vakavia",
    "Open problems": "Avoimia ongelmia",
    "devices": "laitteita",
    "devices per pupil": "laitteita oppilasta kohden",
    "in use per pupil": "käytössä oppilasta kohden",
    "target": "tavoite",
    "past lifetime": "käyttöikä täynnä",
    "within lifetime": "käyttöiässä",
    "€": "€",
    "€ per pupil per year": "€ oppilasta kohden vuodessa",
    "Month": "Kuukausi",
    "Age band": "Ikäryhmä",
    "Outcome": "Tulos",
    "List": "Luettelo",
    "Euros": "Euroa",
    "Lease end month": "Päättymiskuukausi",
    "Estimated cost": "Arvioitu hinta",
    "Reason for listing": "Syy",
    # fixed words
    "Report": "Raportti",
    "Scope": "Rajaus",
    "As of": "Päivä",
    "Notes": "Huomiot",
    "Totals": "Yhteensä",
    "City": "Kaupunki",
    "Whole city": "Koko kaupunki",
    "Summary": "Yhteenveto",
    "Note": "Huomio",
    "{0} more rows are in the CSV and XLSX export.": "{0} riviä lisää on CSV- ja XLSX-viennissä.",
    # the reports page's messages
    "The reconciliation compares the lessor's billing file with the inventory. "
    "Choose the file with Browse… and press Show report.": "Täsmäytys vertaa vuokranantajan laskutustiedostoa inventaarioon. "
    "Valitse tiedosto Selaa…-painikkeella ja paina Näytä raportti.",
    "No audit has been made here yet. Choose another area or site, or finish an audit first.": "Täällä ei ole vielä tehty inventointia. Valitse toinen alue tai kohde, tai tee ensin inventointi loppuun.",
    "The report could not be made: {0}": "Raporttia ei voitu laatia: {0}",
    "The file could not be written: {0}": "Tiedostoa ei voitu kirjoittaa: {0}",
    "Billing file": "Laskutustiedosto",
    "Lines read": "Luettuja rivejä",
    "Amount billed €": "Laskutettu yhteensä €",
}
# English text with figures -> Finnish (regular expressions, whole text).
FI_PATTERNS: list[tuple[str, str]] = [
    (r"Leases ending within (\d+) months", "Päättyvät leasingsopimukset {0} kk sisällä"),
    (r"Replacement plan (\d+)", "Uusimissuunnitelma {0}"),
    (r"Due in (\d+)", "Erääntyy {0}"),
    (r"Audit of (.+)", "Inventointi: {0}"),
    (r"Device cost per pupil per area \((.+)\)", "Laitekustannus oppilasta kohden alueittain ({0})"),
    (r"Estimated replacement cost (\d+) per area", "Arvioitu uusimiskustannus {0} alueittain"),
    (
        r"Leased devices whose lease ends, by month \(next (\d+) months\)",
        "Leasinglaitteet, joiden sopimus päättyy, kuukausittain (seuraavat {0} kk)",
    ),
    (r"Pupil devices per pupil vs target \((.+)\)", "Oppilaslaitteet oppilasta kohden ja tavoite ({0})"),
    (r"No population for school year (\S+): (.+)\.", "Lukuvuodelle {0} ei ole oppilasmääriä: {1}."),
    (r"No pupils in school year (\S+) \(no ratio\): (.+)\.", "Lukuvuonna {0} ei oppilaita (ei suhdelukua): {1}."),
    (
        r"No target levels are set; 'targets import FILE' or 'targets set' adds them\.",
        "Tavoitetasoja ei ole asetettu; ne lisätään komennolla 'targets import TIEDOSTO' tai 'targets set'.",
    ),
    (r"Nothing to report for (.+) on (\S+)\.", "Ei raportoitavaa: {0}, {1}."),
    (
        r"The billing lines do not add up to the billed total: please report this\.",
        "Laskurivit eivät täsmää laskutettuun kokonaissummaan: ilmoita tästä.",
    ),
    (
        r"(\d+) device\(s\) have no price and no priced model or category; counted at 0 €\.",
        "{0} laitteella ei ole hintaa eikä hinnoiteltua mallia tai lajia; laskettu 0 €:n arvoisiksi.",
    ),
    (r"(\d+)-(\d+) y", "{0}–{1} v"),
    (r"(\d+)\+ y", "yli {0} v"),
    (r"Within (\d+) months", "{0} kk sisällä"),
]
# Why a report could not be made (files people choose), whole messages first, then their parts.
FI_MESSAGES: list[tuple[str, str]] = [
    (
        r"the reconciliation needs the lessor's billing file: --billing FILE",
        "täsmäytys tarvitsee vuokranantajan laskutustiedoston: --billing TIEDOSTO",
    ),
    (r"--months must be between 1 and 600", "--months on 1–600"),
    (r"--billing is for the reconciliation report", "--billing kuuluu täsmäytysraporttiin"),
    (
        r"--format (\w+) writes a file: give --out FILE\.(\w+)",
        "--format {0} kirjoittaa tiedoston: anna --out TIEDOSTO.{1}",
    ),
    (r"(.+) is not a file", "{0} ei ole tiedosto"),
    (r"(.+) has no audits", "{0}: ei inventointeja"),
    (r"no audit '(.+)' in (.+)", "inventointia '{0}' ei ole: {1}"),
    (r"(.+) has no billing lines", "tiedostossa {0} ei ole laskurivejä"),
    (r"(.+) is empty", "{0} on tyhjä"),
    (r"(.+) cannot be opened as a spreadsheet \((.*)\)", "{0} ei aukea taulukkona ({1})"),
    (
        r"(.+): old \.xls workbooks are not read; save it as \.xlsx or CSV",
        "{0}: vanhoja .xls-tiedostoja ei lueta; tallenna se .xlsx- tai CSV-muotoon",
    ),
    (
        r"(.+): unknown column (.+); known columns: (.+); nothing was imported",
        "{0}: tuntematon sarake {1}; tunnetut sarakkeet: {2}; mitään ei luettu",
    ),
    (r"(.+): the column (.+) is missing; nothing was imported", "{0}: sarake {1} puuttuu; mitään ei luettu"),
    (r"(.+): the column (.+) appears twice; nothing was imported", "{0}: sarake {1} on kahdesti; mitään ei luettu"),
    (r"cannot read (.+): (.+)", "tiedostoa {0} ei voi lukea: {1}"),
    (r"cannot write (.+): (.+)", "tiedostoon {0} ei voi kirjoittaa: {1}"),
]
FI_MESSAGE_PARTS: list[tuple[str, str]] = [
    (r"\brow (\d+): ", r"rivi \1: "),
    (r"is not a euro amount", "ei ole euromäärä"),
    (r"is no identifier", "ei ole tunniste"),
    (r"is not a whole number", "ei ole kokonaisluku"),
    (r"is not a number", "ei ole luku"),
    (r"is not a date", "ei ole päivämäärä"),
    (r"is empty", "on tyhjä"),
    (r"line (\d+) cannot be read as CSV", r"riviä \1 ei voi lukea CSV:nä"),
    (r"(\d+) problem\(s\), nothing was imported", r"\1 virhettä, mitään ei luettu"),
    (r"\(column '([^']+)'\)", r"(sarake '\1')"),
]


def message(detail: str, lang: str) -> str:
    """An error message (English, from the services) in ``lang``: whole sentences, else their known parts."""
    if lang != "fi":
        return detail
    for pattern, template in FI_MESSAGES:
        match = re.fullmatch(pattern, detail, flags=re.DOTALL)
        if match:
            return template.format(*match.groups())
    for pattern, replacement in FI_MESSAGE_PARTS:
        detail = re.sub(pattern, replacement, detail)
    return detail


# Totals keys -> (English, Finnish) for the summary sheet and the PDF.
TOTAL_LABELS: dict[str, tuple[str, str]] = {
    "devices": ("Devices", "Laitteita"),
    "by_group": ("By group", "Ryhmittäin"),
    "total": ("Total", "Yhteensä"),
    "school_year": ("School year", "Lukuvuosi"),
    "required": ("Required", "Tarve"),
    "in_use": ("In use", "Käytössä"),
    "shortage": ("Shortage", "Vajaus"),
    "surplus": ("Surplus", "Ylijäämä"),
    "annual_cost": ("Annual cost €", "Vuosikustannus €"),
    "pupils": ("Pupils", "Oppilaita"),
    "cost_per_pupil": ("€ per pupil", "€ oppilasta kohden"),
    "window_start": ("From", "Alkaen"),
    "window_end": ("To", "Päättyen"),
    "contracts": ("Contracts", "Sopimuksia"),
    "monthly_cost": ("Monthly cost €", "Kuukausikustannus €"),
    "past_lifetime": ("Past lifetime", "Käyttöikä täynnä"),
    "past_lifetime_share": ("Share past lifetime", "Käyttöikä täynnä, osuus"),
    "found": ("Found", "Löydetyt"),
    "moved": ("Moved", "Siirtyneet"),
    "unknown": ("Unknown codes", "Tuntemattomat koodit"),
    "missing": ("Missing", "Puuttuvat"),
    "year": ("Year", "Vuosi"),
    "estimated_cost": ("Estimated cost €", "Arvioitu hinta €"),
    "by_reason": ("By reason", "Syittäin"),
    "billed_not_found": ("Billed, not found", "Laskutettu, ei löydy"),
    "billed_twice": ("Billed twice", "Laskutettu kahdesti"),
    "found_not_billed": ("Found, not billed", "Löytyy, ei laskutettu"),
    "billed_to_other_unit": ("Billed to another unit", "Laskutettu toiselta yksiköltä"),
    "not_attributable": ("Not attributable to any site", "Ei kohdistu mihinkään kohteeseen"),
    "count": ("Count", "Lukumäärä"),
    "amount": ("Amount €", "Summa €"),
    "balance": ("Every billed line", "Kaikki laskurivit"),
    "billed_as_expected": ("Billed as expected", "Laskutettu oikein"),
    "outside_scope": ("Other areas' lines", "Muiden alueiden rivit"),
    "amount_billed": ("Amount billed €", "Laskutettu yhteensä €"),
    "sites": ("Sites", "Kohteita"),
    "network_observations": ("Network problems", "Verkko-ongelmia"),
    "open": ("Open", "Avoimia"),
    "high": ("High severity", "Vakavia"),
    "printing_observations": ("Printing problems", "Tulostusongelmia"),
    "other_observations": ("Other problems", "Muita ongelmia"),
    "transfers": ("Transfers", "Siirtoja"),
    "within_area": ("Devices moved within their area", "Alueen sisällä siirrettäviä"),
    "shortage_left": ("Shortage left after the transfers", "Vajausta siirtojen jälkeen"),
    "billing_file": ("Billing file", "Laskutustiedosto"),
    "lines_read": ("Lines read", "Luettuja rivejä"),
    "audit": ("Audit", "Inventointi"),
    "id": ("Id", "Tunniste"),
    "site": ("Site", "Kohde"),
    "auditor": ("Auditor", "Inventoija"),
    "started_at": ("Started", "Aloitettu"),
    "finished_at": ("Finished", "Valmis"),
    "status": ("Status", "Tila"),
    "devices_per_pupil": ("Devices per pupil", "Laitteita oppilasta kohden"),
    "notice_passed": ("Notice deadline passed", "Irtisanomisen määräpäivä mennyt"),
}
MONEY_TOTALS = {
    "annual_cost",
    "cost_per_pupil",
    "monthly_cost",
    "estimated_cost",
    "amount",
    "amount_billed",
    "billed_as_expected",
    "billed_not_found",
    "billed_to_other_unit",
    "not_attributable",
    "outside_scope",
}


def language_of(setting: str | None) -> str:
    """``fi`` or ``en``: the given setting, else the system's language (Finnish on a Finnish system)."""
    value = (setting or "").strip().lower()
    if not value:
        value = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
        if not value:
            try:
                value = locale.getlocale()[0] or ""
            except ValueError:
                value = ""
        value = value.lower()
    return "fi" if value.startswith("fi") else "en"


def text(english: str, lang: str) -> str:
    """``english`` in ``lang`` (unknown texts are shown as they are)."""
    if lang != "fi" or not english:
        return english
    found = FI.get(english)
    if found is not None:
        return found
    for pattern, template in FI_PATTERNS:
        match = re.fullmatch(pattern, english)
        if match:
            return template.format(*(_fi_part(g) for g in match.groups()))
    return english


def _fi_part(part: str) -> str:
    """A figure inside a translated text: known words in Finnish, ISO dates as d.m.yyyy."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", part):
        day = date.fromisoformat(part)
        return f"{day.day}.{day.month}.{day.year}"
    return FI.get(part, part)


def vocabulary_name(kind: str, code: Any, lang: str) -> Any:
    """The name of ``code`` in vocabulary ``kind`` (a target is a group or a category)."""
    if not isinstance(code, str):
        return code
    if kind == "target":
        return (
            vocabulary_name("group", code, lang)
            if code in VOCABULARY["group"]
            else vocabulary_name("category", code, lang)
        )
    names = VOCABULARY.get(kind, {}).get(code)
    if names is None:
        if kind == "notice_status" and code.startswith("within_"):
            months = code.removeprefix("within_")
            return VOCABULARY["notice_status"]["within"][1 if lang == "fi" else 0].format(months)
        return text(code, lang) if kind == "age_band" else code
    return names[1] if lang == "fi" else names[0]


def column_label(column: Column, lang: str) -> str:
    if column.key in VOCABULARY["status"] and column.kind is Kind.INT:
        return str(vocabulary_name("status", column.key, lang))  # the inventory's status columns
    return text(column.label, lang)


def localise(result: ReportResult, lang: str) -> ReportResult:
    """A copy of ``result`` in ``lang`` for people: the same rows with coded values named, texts translated."""
    sections = []
    for s in result.sections:
        vocab = {c.key: COLUMN_VOCABULARY[c.key] for c in s.columns if c.key in COLUMN_VOCABULARY}
        rows = (
            s.rows
            if not vocab
            else [{**row, **{k: vocabulary_name(v, row.get(k), lang) for k, v in vocab.items()}} for row in s.rows]
        )
        columns = [Column(c.key, column_label(c, lang), c.kind) for c in s.columns]
        sections.append(Section(s.key, text(s.title, lang), columns, rows))
    chart = None
    if result.chart is not None:
        c = result.chart
        categories = [_category(x, lang) for x in c.categories]
        chart = ChartSpec(
            text(c.title, lang),
            categories,
            [ChartSeries(_category(x.name, lang), x.values, x.style) for x in c.series],
            y_label=text(c.y_label, lang),
            stacked=c.stacked,
            x_label=text(c.x_label, lang),
        )
    scope = result.scope if result.scope.kind != "city" else Scope("city", None, text("City", lang))
    return replace(
        result,
        title=text(result.title, lang),
        scope=scope,
        sections=sections,
        chart=chart,
        notes=[text(n, lang) for n in result.notes],
    )


def _category(value: str, lang: str) -> str:
    month = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if month and lang == "fi":
        return f"{int(month.group(2))}/{month.group(1)}"  # a chart's month: 1/2027
    for kind in ("group", "status", "category", "observation", "reason", "age_band"):
        if value in VOCABULARY[kind]:
            return str(vocabulary_name(kind, value, lang))
    return text(value, lang)


# ---- numbers and dates as people write them ------------------------------------------------------


def group_digits(number: str, lang: str) -> str:
    """``1234567.5`` -> ``1 234 567,5`` (fi) or ``1,234,567.5`` (en)."""
    sign = "-" if number.startswith("-") else ""
    whole, _, frac = number.lstrip("-").partition(".")
    parts: list[str] = []
    while len(whole) > 3:
        parts.insert(0, whole[-3:])
        whole = whole[:-3]
    parts.insert(0, whole)
    sep, dec = (NBSP, ",") if lang == "fi" else (",", ".")
    return sign + sep.join(parts) + (dec + frac if frac else "")


def format_value(value: Any, kind: Kind, lang: str) -> str:
    """A cell as text: ``1 234,50 €`` and ``12.8.2026`` in Finnish, ``1,234.50 €`` and ``2026-08-12`` in English."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(vocabulary_name("yes_no", "yes" if value else "no", lang))
    if kind is Kind.MONEY and isinstance(value, (Decimal, int, float)):
        amount = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
        return group_digits(str(amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)), lang) + NBSP + "€"
    if kind is Kind.PERCENT and isinstance(value, (Decimal, int, float)):
        return group_digits(f"{float(value) * 100:.1f}", lang) + NBSP + "%"
    if kind in (Kind.INT, Kind.NUMBER) and isinstance(value, (Decimal, int, float)):
        if isinstance(value, float):
            value = Decimal(repr(value))
        return group_digits(str(value), lang)
    if isinstance(value, datetime):
        shown = value.astimezone() if value.tzinfo else value
        return f"{shown.day}.{shown.month}.{shown.year} {shown:%H:%M}" if lang == "fi" else f"{shown:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return f"{value.day}.{value.month}.{value.year}" if lang == "fi" else value.isoformat()
    if isinstance(value, Decimal):
        return group_digits(str(value), lang)
    return str(value)


def axis_number(value: float, lang: str) -> str:
    """A chart axis or bar value: whole numbers grouped (``400 000``), small ones with one decimal."""
    if abs(value - round(value)) < 1e-9:
        return group_digits(str(int(round(value))), lang)
    return group_digits(f"{value:.2f}".rstrip("0").rstrip("."), lang)


# ---- the summary: totals with readable labels --------------------------------------------------------


def _total_label(path: list[str], lang: str) -> str:
    names = []
    for part in path:
        if part in ("by_group", "by_reason", "balance"):
            continue
        if part in TOTAL_LABELS:
            names.append(TOTAL_LABELS[part][1 if lang == "fi" else 0])
        else:
            names.append(
                str(
                    _category(part, lang) if part not in VOCABULARY["reason"] else vocabulary_name("reason", part, lang)
                )
            )
    return " – ".join(names) if names else path[-1]


def summary_rows(result: ReportResult, lang: str) -> list[tuple[str, Any, Kind]]:
    """(label, value, kind) for the report's meta and totals, in order, with labels people read."""
    rows: list[tuple[str, Any, Kind]] = []

    def walk(data: Mapping[str, Any], path: list[str]) -> None:
        for key, value in data.items():
            if isinstance(value, Mapping):
                walk(value, [*path, key])
                continue
            if isinstance(value, (list, tuple)):
                value = ", ".join(str(v) for v in value)
            if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:.]+([+-]\d\d:\d\d|Z)?", value):
                value = datetime.fromisoformat(value)  # an audit's start and end, stored as text in meta
            kind = Kind.TEXT
            if key in MONEY_TOTALS or (path and path[-1] == "balance"):
                kind = Kind.MONEY
            elif key.endswith("_share"):
                kind = Kind.PERCENT
            elif isinstance(value, bool):
                kind = Kind.TEXT
            elif isinstance(value, int):
                kind = Kind.INT
            elif isinstance(value, (Decimal, float)):
                kind = Kind.NUMBER
            elif isinstance(value, datetime):
                kind = Kind.DATETIME
            elif isinstance(value, date):
                kind = Kind.DATE
            if key in ("status",) and isinstance(value, str):
                value = vocabulary_name("audit_status", value, lang)
            rows.append((_total_label([*path, key], lang), value, kind))

    walk(result.meta, [])
    walk(result.totals, [])
    return rows
