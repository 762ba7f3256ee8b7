<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import an inventory</source>
        <translation>Tuo laiteluettelo</translation>
    </message>
</context>
<context>
    <name>LabelSheetPainter</name>
    <message>
        <source>Calibration: print at 100 % (actual size); the ruler must measure 100 mm. Lay this page on a label sheet against the light; measure how far the crosses are from the labels' centres and enter that as the printer's X/Y offset (right and down positive).</source>
        <translation>Kalibrointi: tulosta 100 %:n koossa (todellinen koko); viivaimen pitää olla 100 mm. Aseta sivu tarra-arkin päälle valoa vasten, mittaa kuinka kaukana ristit ovat tarrojen keskikohdista ja anna se tulostimen X/Y-siirroksi (oikealle ja alas positiivinen).</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message><source>labels.pdf</source><translation>tarrat.pdf</translation></message>
    <message><source>calibration.pdf</source><translation>kalibrointi.pdf</translation></message>
    <message><source>Saved {0}.</source><translation>Tallennettu: {0}.</translation></message>
    <message numerus="yes">
        <source>%n label(s) sent to the printer.</source>
        <translation><numerusform>%n tarra lähetetty tulostimelle.</numerusform><numerusform>%n tarraa lähetetty tulostimelle.</numerusform></translation>
    </message>
    <message>
        <source>Calibration page…</source>
        <translation>Kalibrointisivu…</translation>
    </message>
    <message>
        <source>Choose a site first.</source>
        <translation>Valitse ensin toimipiste.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Devices of a site</source>
        <translation>Toimipisteen laitteet</translation>
    </message>
    <message>
        <source>First free label</source>
        <translation>Ensimmäinen vapaa tarra</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Tarrat</translation>
    </message>
    <message>
        <source>New tags</source>
        <translation>Uudet tunnisteet</translation>
    </message>
    <message>
        <source>Offset (mm)</source>
        <translation>Siirto (mm)</translation>
    </message>
    <message>
        <source>Offsets saved for {0}.</source>
        <translation>Siirrot tallennettu tulostimelle {0}.</translation>
    </message>
    <message>
        <source>One asset tag per line</source>
        <translation>Yksi tunniste riville</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>PDF-tiedosto</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
    <message>
        <source>Print labels</source>
        <translation>Tulosta tarrat</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Tulostin</translation>
    </message>
    <message>
        <source>Printer resolution (dpi)</source>
        <translation>Tulostimen tarkkuus (dpi)</translation>
    </message>
    <message>
        <source>Printing failed: {0}</source>
        <translation>Tulostus epäonnistui: {0}</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Tulosta…</translation>
    </message>
    <message>
        <source>Remember for this printer</source>
        <translation>Muista tälle tulostimelle</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Huone</translation>
    </message>
    <message>
        <source>Room labels</source>
        <translation>Huonetarrat</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Tallenna PDF…</translation>
    </message>
    <message>
        <source>Save calibration page</source>
        <translation>Tallenna kalibrointisivu</translation>
    </message>
    <message>
        <source>Save labels</source>
        <translation>Tallenna tarrat</translation>
    </message>
    <message>
        <source>Sheet and printer</source>
        <translation>Arkki ja tulostin</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Toimipiste</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tunnisteet</translation>
    </message>
    <message>
        <source>Tags from a list</source>
        <translation>Tunnisteet listasta</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Tarra-arkki</translation>
    </message>
    <message>
        <source>What to print</source>
        <translation>Mitä tulostetaan</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>all rooms</source>
        <translation>kaikki huoneet</translation>
    </message>
    <message>
        <source>{0} labels on {1} page(s); bars {2} mm per module at {3} dpi. Print at 100 % (actual size).</source>
        <translation>{0} tarraa, {1} sivua; viivakoodin moduuli {2} mm tarkkuudella {3} dpi. Tulosta 100 %:n koossa (todellinen koko).</translation>
    </message>
</context>
<context>
    <name>_FilePage</name>
    <message>
        <source>A CSV or XLSX inventory. Finnish and English column names are recognised.</source>
        <translation>CSV- tai XLSX-laiteluettelo. Suomen- ja englanninkieliset sarakenimet tunnistetaan.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Selaa…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Valitse tiedosto</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tiedosto</translation>
    </message>
    <message>
        <source>Inventory file</source>
        <translation>Laiteluettelo</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Sarakevastaavuus</translation>
    </message>
    <message>
        <source>Mappings (*.json)</source>
        <translation>Sarakevastaavuudet (*.json)</translation>
    </message>
    <message>
        <source>Saved mapping</source>
        <translation>Tallennettu sarakevastaavuus</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.txt *.tsv)</source>
        <translation>Taulukot (*.csv *.xlsx *.txt *.tsv)</translation>
    </message>
    <message>
        <source>optional: a saved mapping (JSON)</source>
        <translation>valinnainen: tallennettu sarakevastaavuus (JSON)</translation>
    </message>
</context>
<context>
    <name>_ImportPage</name>
    <message>
        <source>Imported: {0} new, {1} changed, {2} unchanged; {3} invalid rows skipped.</source>
        <translation>Tuotu: {0} uutta, {1} muuttui, {2} ennallaan; {3} virheellistä riviä ohitettiin.</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Tuodaan</translation>
    </message>
    <message>
        <source>Nothing was imported: {0}</source>
        <translation>Mitään ei tuotu: {0}</translation>
    </message>
    <message>
        <source>Writing in one transaction…</source>
        <translation>Tallennetaan yhtenä tapahtumana…</translation>
    </message>
</context>
<context>
    <name>_MappingPage</name>
    <message>
        <source>Column in the file</source>
        <translation>Sarake tiedostossa</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Tieto</translation>
    </message>
    <message>
        <source>Mappings (*.json)</source>
        <translation>Sarakevastaavuudet (*.json)</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>Sarakkeiden vastaavuus</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>Tallenna sarakevastaavuus</translation>
    </message>
    <message>
        <source>Save mapping…</source>
        <translation>Tallenna sarakevastaavuus…</translation>
    </message>
    <message>
        <source>Which column of the file holds what. Recognised columns are already chosen.</source>
        <translation>Mikä tiedoston sarake sisältää minkin tiedon. Tunnistetut sarakkeet on jo valittu.</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— ei tuoda —</translation>
    </message>
</context>
<context>
    <name>_PreviewPage</name>
    <message>
        <source>Check before importing</source>
        <translation>Tarkista ennen tuontia</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Tarkistetaan jokainen rivi…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Tiedot</translation>
    </message>
    <message>
        <source>Import the valid rows and skip the invalid ones</source>
        <translation>Tuo kelvolliset rivit ja ohita virheelliset</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Rows are numbered as in the spreadsheet (header = row 1).</source>
        <translation>Mitään ei ole vielä tallennettu. Rivinumerot ovat kuten taulukossa (otsikko = rivi 1).</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rivi</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Mitä tapahtuu</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>muuttuu</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>virheellinen</translation>
    </message>
    <message>
        <source>new</source>
        <translation>uusi</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ei yhtään</translation>
    </message>
    <message>
        <source>{0} rows: {1} new, {2} changed, {3} unchanged, {4} invalid. New rooms: {5}.</source>
        <translation>{0} riviä: {1} uutta, {2} muuttuu, {3} ennallaan, {4} virheellistä. Uudet huoneet: {5}.</translation>
    </message>
</context>
</TS>
