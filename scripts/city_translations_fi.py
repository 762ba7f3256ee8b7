"""Finnish for the City page, the structure form, the first-run flow and the enrolment dialogs:
writes resources/i18n/city_fi.ts (run after changing their texts; lupdate finds the sources)."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["city_page.py", "city_form.py", "city_labels.py", "first_run_dialog.py", "central_laptops_panel.py"]
OUT = ROOT / "resources" / "i18n" / "city_fi.ts"

FI: dict[str, str] = {
    # revoking a laptop (central IT)
    "&Revoke the selected laptop…": "&Poista valitun kannettavan oikeudet…",
    "A lost or stolen laptop: its sync files and syncs are refused from now on.": "Kadonnut tai varastettu kannettava: sen synkronointitiedostot ja synkronoinnit torjutaan tästä lähtien.",
    "Revoke a laptop": "Kannettavan oikeuksien poisto",
    "Revoke “%1”? Its sync files and syncs will be refused from now on. This cannot be undone; the laptop can be enrolled again as a new laptop.": "Poistetaanko kannettavan ”%1” oikeudet? Sen synkronointitiedostot ja synkronoinnit torjutaan tästä lähtien. "
    "Tätä ei voi perua; kannettavan voi liittää uudelleen uutena kannettavana.",
    "The laptop was not revoked: %1": "Kannettavan oikeuksia ei poistettu: %1",
    "Revoked. Its sync files and syncs are refused from now on.": "Oikeudet poistettu. Sen synkronointitiedostot ja synkronoinnit torjutaan tästä lähtien.",
    # fields
    "&Name": "&Nimi",
    "for example Keskusta": "esimerkiksi Keskusta",
    "Short &code": "Lyhyt &tunnus",
    "optional": "vapaaehtoinen",
    "&Code": "&Tunnus",
    "for example KES01 (printed on room labels)": "esimerkiksi KES01 (tulostuu huonetarroihin)",
    "for example Keskuskoulu": "esimerkiksi Keskuskoulu",
    "&Area": "&Alue",
    "&Kind": "&Tyyppi",
    "Cost c&entre": "&Kustannuspaikka",
    "A&ddress": "&Osoite",
    "N&otes": "&Lisätietoja",
    "&School or unit": "&Koulu tai yksikkö",
    "Room &code": "Huoneen &tunnus",
    "for example A203": "esimerkiksi A203",
    "optional, for example Kemian luokka": "vapaaehtoinen, esimerkiksi Kemian luokka",
    "Contract &number": "Sopimuksen &numero",
    "&Lessor": "&Vuokranantaja",
    "&Start": "&Alkaa",
    "d.m.yyyy": "p.k.vvvv",
    "&End": "&Päättyy",
    "Notice &period (months)": "&Irtisanomisaika (kk)",
    "&Fee basis": "&Maksun peruste",
    "&Monthly fee (€)": "&Kuukausimaksu (€)",
    "for example 12,50": "esimerkiksi 12,50",
    "&Manufacturer": "&Valmistaja",
    "for example ThinkPad 11e": "esimerkiksi ThinkPad 11e",
    "&Category": "&Laiteluokka",
    "Expected &lifetime (years)": "Odotettu &käyttöikä (vuotta)",
    # vocabularies
    "Early childhood education": "Varhaiskasvatus",
    "Primary school (grades 1-6)": "Alakoulu (1–6)",
    "Lower secondary school (grades 7-9)": "Yläkoulu (7–9)",
    "Comprehensive school (grades 1-9)": "Yhtenäiskoulu (1–9)",
    "Upper secondary school": "Lukio",
    "Other unit": "Muu yksikkö",
    "Classroom": "Luokkahuone",
    "Staff room": "Opettajainhuone",
    "Office": "Toimisto",
    "Storage": "Varasto",
    "Hall": "Sali",
    "Other room": "Muu tila",
    "Per device": "Laitekohtainen",
    "Total for the contract": "Koko sopimukselle yhteensä",
    # page
    "New &area": "Uusi &alue",
    "New s&chool or unit": "Uusi &koulu tai yksikkö",
    "New r&oom": "Uusi &huone",
    "New leasing co&ntract": "Uusi &leasingsopimus",
    "New device &model": "Uusi laite&malli",
    "Show &retired": "Näytä käytöstä &poistetut",
    "The city's areas, schools and units, rooms, leasing contracts and device models.": "Kaupungin alueet, koulut ja yksiköt, huoneet, leasingsopimukset ja laitemallit.",
    "Leasing contracts": "Leasingsopimukset",
    "Device models": "Laitemallit",
    "(retired)": "(poistettu käytöstä)",
    "(none)": "(ei mitään)",
    "New area": "Uusi alue",
    "New school or unit": "Uusi koulu tai yksikkö",
    "The code is printed on the room labels: letters and digits, chosen once.": "Tunnus tulostuu huonetarroihin: kirjaimia ja numeroita, valitaan kerran.",
    "New room": "Uusi huone",
    "New leasing contract": "Uusi leasingsopimus",
    "New device model": "Uusi laitemalli",
    "Room %1": "Huone %1",
    "Room label code: %1": "Huonetarran koodi: %1",
    "Contract %1": "Sopimus %1",
    # form
    "&Save": "&Tallenna",
    "&Bring back into use": "&Palauta käyttöön",
    "Re&tire": "&Poista käytöstä",
    "Retired items are kept for history and hidden from pickers; nothing is deleted.": "Käytöstä poistetut säilyvät historiaa varten mutta eivät näy valinnoissa; mitään ei poisteta.",
    "%1: fill this in.": "%1: täytä tämä kenttä.",
    "%1: this is already in use.": "%1: tämä on jo käytössä.",
    "%1: choose one from the list.": "%1: valitse jokin listasta.",
    "%1: use letters A-Z, digits, '-' or '_' (the code is printed in barcodes).": "%1: käytä kirjaimia A–Z, numeroita, '-' tai '_' (tunnus tulostuu viivakoodeihin).",
    "%1: write a date as d.m.yyyy, for example 1.8.2026.": "%1: kirjoita päivämäärä muodossa p.k.vvvv, esim. 1.8.2026.",
    "%1: write an amount in euros, for example 12,50.": "%1: kirjoita summa euroina, esimerkiksi 12,50.",
    "%1 cannot be negative.": "%1 ei voi olla negatiivinen.",
    "%1: write a whole number.": "%1: kirjoita kokonaisluku.",
    "%1 is out of range.": "%1 on sallitun alueen ulkopuolella.",
    "The end date is before the start date.": "Päättymispäivä on ennen alkamispäivää.",
    "%1: the one chosen is retired.": "%1: valittu on poistettu käytöstä.",
    "%1: not found.": "%1: ei löydy.",
    "%1 is too long.": "%1 on liian pitkä.",
}
FI.update(
    {
        # central IT's laptops
        "Laptops": "Kannettavat",
        "a name for the laptop, e.g. Auditor laptop 3": "kannettavan nimi, esim. Inventoijan kone 3",
        "&Enrol a laptop…": "&Liitä kannettava…",
        "The enrolment file holds the laptop's signing key: hand it over safely (a USB stick, not e-mail). "
        "On the laptop: Sync › Join with an enrolment file.": "Liittymistiedostossa on kannettavan allekirjoitusavain: luovuta se turvallisesti (muistitikulla, ei "
        "sähköpostilla). Kannettavalla: Synkronointi › Liity liittymistiedostolla.",
        "Name": "Nimi",
        "Key": "Avain",
        "Enrolled": "Liitetty",
        "Changes received": "Vastaanotetut muutokset",
        "State": "Tila",
        "revoked": "mitätöity",
        "in use": "käytössä",
        "Name the laptop first.": "Nimeä kannettava ensin.",
        "Save the enrolment file": "Tallenna liittymistiedosto",
        "Enrolment files (*.json)": "Liittymistiedostot (*.json)",
        "No enrolment file was written: %1": "Liittymistiedostoa ei kirjoitettu: %1",
        "Wrote the enrolment file of “%1” to %2.": "Kannettavan ”%1” liittymistiedosto tallennettiin: %2.",
        # first run
        "Welcome to the school device inventory": "Tervetuloa koulujen laiteinventaarioon",
        "Three short questions before you start. You can skip them and change everything later "
        "(File › Settings, and the Sync page).": "Kolme lyhyttä kysymystä ennen aloitusta. Voit ohittaa ne ja muuttaa kaiken myöhemmin "
        "(Tiedosto › Asetukset ja Synkronointi-sivu).",
        "your name as it should appear on audits": "nimesi sellaisena kuin se näkyy inventoinneissa",
        "Your &name": "&Nimesi",
        "&Language": "&Kieli",
        "&Later: work on this laptop only for now": "&Myöhemmin: työskentelen toistaiseksi vain tällä koneella",
        "With an &enrolment file from central IT": "&Liittymistiedostolla, jonka keskitetty IT antoi",
        "&Online: sign in to the central database": "&Verkossa: kirjaudu keskustietokantaan",
        "the .json file central IT gave you": ".json-tiedosto, jonka sait keskitetyltä IT:ltä",
        "&Browse…": "&Selaa…",
        "postgresql://user@server/inventory": "postgresql://käyttäjä@palvelin/inventaario",
        "password (kept in the system's key store)": "salasana (tallennetaan järjestelmän avainsäilöön)",
        "Join the central": "Liity keskukseen",
        "This laptop has already joined the central.": "Tämä kannettava on jo liittynyt keskukseen.",
        "S&kip": "&Ohita",
        "The enrolment file": "Liittymistiedosto",
        "Enrolment files (*.json);;All files (*)": "Liittymistiedostot (*.json);;Kaikki tiedostot (*)",
        "Choose the enrolment file, or pick “Later”.": "Valitse liittymistiedosto tai valitse ”Myöhemmin”.",
        "Write central's address, e.g. postgresql://user@server/inventory.": "Kirjoita keskuksen osoite, esim. postgresql://käyttäjä@palvelin/inventaario.",
        "The password could not be stored: %1": "Salasanaa ei voitu tallentaa: %1",
    }
)
# The same English in two places that need different Finnish.
FI_BY_CONTEXT: dict[tuple[str, str], str] = {
    ("FirstRunDialog", "&Start"): "&Aloita",
}
FI_NUMERUS: dict[str, tuple[str, str]] = {
    "%n school(s) or unit(s) in use.": ("%n koulu tai yksikkö käytössä.", "%n koulua tai yksikköä käytössä."),
    "%n device(s) under this contract.": ("%n laite tällä sopimuksella.", "%n laitetta tällä sopimuksella."),
    "%n device(s) of this model.": ("%n tämän mallin laite.", "%n tämän mallin laitetta."),
    "Cannot retire: %n device(s) are still recorded here; move them first.": (
        "Ei voi poistaa käytöstä: täällä on vielä %n laite; siirrä se ensin.",
        "Ei voi poistaa käytöstä: täällä on vielä %n laitetta; siirrä ne ensin.",
    ),
}


def main() -> int:
    ui = ROOT / "inventory_app" / "ui"
    sources = [str(ui / name) for name in SOURCES if (ui / name).exists()]
    tmp = OUT.with_suffix(".tmp.ts")
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(exe), *sources, "-ts", str(tmp)], check=True, capture_output=True)
    tree = ET.parse(tmp)
    tmp.unlink()
    root = tree.getroot()
    root.set("language", "fi_FI")
    missing = []
    for context in root.iter("context"):
        context_name = context.findtext("name") or ""
        for message in context.iter("message"):
            message.set("_context", context_name)
    for message in root.iter("message"):
        context_name = message.attrib.pop("_context", "")
        for loc in message.findall("location"):
            message.remove(loc)
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            forms = FI_NUMERUS.get(source)
            if forms is None:
                missing.append(source)
                continue
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        elif (context_name, source) in FI_BY_CONTEXT:
            translation.text = FI_BY_CONTEXT[(context_name, source)]
        elif source in FI:
            translation.text = FI[source]
        else:
            missing.append(source)
    if missing:
        sys.stderr.write("no Finnish for:\n  " + "\n  ".join(missing) + "\n")
        return 1
    ET.indent(tree)
    tree.write(OUT, encoding="utf-8", xml_declaration=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
