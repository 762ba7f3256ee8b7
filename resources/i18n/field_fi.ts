<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>AboutDialog</name>
    <message><source>School device inventory</source><translation>Koulujen laiteinventaario</translation></message>
    <message><source>Store schema (this build)</source><translation>Tietovaraston rakenne (tämä versio)</translation></message>
    <message><source>Store schema (this store)</source><translation>Tietovaraston rakenne (tämä tietovarasto)</translation></message>
    <message><source>Platform</source><translation>Käyttöjärjestelmä</translation></message>
    <message><source>zbar library</source><translation>zbar-kirjasto</translation></message>
    <message><source>Qt (runtime)</source><translation>Qt (käytössä)</translation></message>
    <message><source>from source</source><translation>lähdekoodista</translation></message>
    <message><source>bundled</source><translation>paketoitu</translation></message>
    <message><source>not available</source><translation>ei saatavilla</translation></message>
</context>
<context>
    <name>ErrorTexts</name>
    <message><source>This audit is already finished; start a new one to scan.</source><translation>Tämä inventointi on jo päätetty; aloita uusi skannataksesi.</translation></message>
    <message><source>No device of another school is waiting to be moved here.</source><translation>Yksikään toisen koulun laite ei odota siirtoa tähän kouluun.</translation></message>
    <message><source>{device} is no longer in the inventory.</source><translation>{device} ei ole enää inventaariossa.</translation></message>
    <message><source>No device marked retired is waiting here to be brought back into use.</source><translation>Yksikään poistetuksi merkitty laite ei odota täällä käyttöön palauttamista.</translation></message>
    <message><source>This is not an enrolment file. Ask central IT for the file made for this laptop with “central enrol”. Nothing was changed.</source><translation>Tämä ei ole liittymistiedosto. Pyydä keskitetyltä IT:ltä tälle kannettavalle komennolla ”central enrol” tehty tiedosto. Mitään ei muutettu.</translation></message>
    <message><source>The enrolment file was made by a newer version of the app. Update this app, then try again. Nothing was changed.</source><translation>Liittymistiedosto on tehty sovelluksen uudemmalla versiolla. Päivitä tämä sovellus ja yritä uudelleen. Mitään ei muutettu.</translation></message>
    <message><source>The enrolment file is damaged. Ask central IT for a new one. Nothing was changed.</source><translation>Liittymistiedosto on vioittunut. Pyydä keskitetyltä IT:ltä uusi. Mitään ei muutettu.</translation></message>
    <message><source>Pick a room first.</source><translation>Valitse ensin huone.</translation></message>
    <message><source>The code is empty.</source><translation>Koodi on tyhjä.</translation></message>
    <message><source>{code_text} is already on another device.</source><translation>{code_text} on jo toisella laitteella.</translation></message>
    <message><source>A decision names a device that is not on the missing list.</source><translation>Päätös koskee laitetta, joka ei ole puuttuvien luettelossa.</translation></message>
    <message><source>Line {line} is {length} characters long; this is not a scan log.</source><translation>Rivi {line} on {length} merkkiä pitkä; tämä ei ole skannerin loki.</translation></message>
    <message><source>The file holds no codes.</source><translation>Tiedostossa ei ole koodeja.</translation></message>
    <message><source>Room labels that are not rooms of this site: {lines}. Nothing was imported; fix or remove those lines, or add the rooms first.</source><translation>Huonetarrat, jotka eivät ole tämän toimipisteen huoneita: {lines}. Mitään ei tuotu; korjaa tai poista rivit tai lisää huoneet ensin.</translation></message>
    <message><source>Asset tag {tag} has a wrong check character (mistyped or misread?); check the label and enter it again.</source><translation>Laitetunnuksen {tag} tarkistusmerkki on väärä (kirjoitus- tai lukuvirhe?); tarkista tarra ja syötä tunnus uudelleen.</translation></message>
    <message><source>This laptop is not enrolled with a central server yet: enrol it with its enrolment file, or sync online once.</source><translation>Tätä kannettavaa ei ole vielä liitetty keskuspalvelimeen: liitä se liittämistiedostolla tai synkronoi kerran verkossa.</translation></message>
    <message><source>The reconciliation needs the lessor's billing file.</source><translation>Täsmäytys tarvitsee vuokranantajan laskutustiedoston.</translation></message>
    <message><source>The file cannot be read: {0}</source><translation>Tiedostoa ei voi lukea: {0}</translation></message>
    <message>
        <source>The central database does not answer. Check the network connection and the address, or ask central IT whether the server is running. Your changes are kept on this laptop.</source>
        <translation>Keskustietokanta ei vastaa. Tarkista verkkoyhteys ja osoite tai kysy keskitetyltä IT:ltä, onko palvelin käynnissä. Muutoksesi ovat tallessa tällä kannettavalla.</translation>
    </message>
    <message>
        <source>The central server answers, but the database named in the address does not exist. Check the database name at the end of the address with central IT. Nothing was changed.</source>
        <translation>Keskuspalvelin vastaa, mutta osoitteessa mainittua tietokantaa ei ole. Tarkista osoitteen lopussa oleva tietokannan nimi keskitetyltä IT:ltä. Mitään ei muutettu.</translation>
    </message>
    <message>
        <source>The central server did not accept the user name or password. Check them with central IT. Nothing was changed.</source>
        <translation>Keskuspalvelin ei hyväksynyt käyttäjätunnusta tai salasanaa. Tarkista ne keskitetyltä IT:ltä. Mitään ei muutettu.</translation>
    </message>
    <message>
        <source>The address of the central database is not valid. It looks like postgresql://user@server/database; ask central IT for it. Nothing was changed.</source>
        <translation>Keskustietokannan osoite ei kelpaa. Se on muotoa postgresql://käyttäjä@palvelin/tietokanta; pyydä se keskitetyltä IT:ltä. Mitään ei muutettu.</translation>
    </message>
    <message>
        <source>The central database has not been set up for the inventory yet. Ask central IT to set it up. Nothing was changed.</source>
        <translation>Keskustietokantaa ei ole vielä otettu inventaarion käyttöön. Pyydä keskitettyä IT:tä ottamaan se käyttöön. Mitään ei muutettu.</translation>
    </message>
    <message>
        <source>The central database is from a newer version of this app. Install the version central IT uses, then sync again. Nothing was changed.</source>
        <translation>Keskustietokanta on tämän sovelluksen uudemmasta versiosta. Asenna keskitetyn IT:n käyttämä versio ja synkronoi sitten uudelleen. Mitään ei muutettu.</translation>
    </message>
    <message>
        <source>The central database is from an older version of this app. Ask central IT to update it, then sync again. Nothing was changed.</source>
        <translation>Keskustietokanta on tämän sovelluksen vanhemmasta versiosta. Pyydä keskitettyä IT:tä päivittämään se ja synkronoi sitten uudelleen. Mitään ei muutettu.</translation>
    </message>
    <message>
        <source>The connection to the central database broke during the sync. Nothing was lost: sync again when the connection works.</source>
        <translation>Yhteys keskustietokantaan katkesi synkronoinnin aikana. Mitään ei menetetty: synkronoi uudelleen, kun yhteys toimii.</translation>
    </message>
    <message>
        <source>The file is not a complete sync file: it is damaged or was cut short when copied. Copy it again from its sender. Nothing was imported.</source>
        <translation>Tiedosto ei ole kokonainen synkronointitiedosto: se on vioittunut tai katkesi kopioitaessa. Kopioi se uudelleen lähettäjältä. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>The sync file is damaged. Ask its sender for a new file. Nothing was imported.</source>
        <translation>Synkronointitiedosto on vioittunut. Pyydä lähettäjältä uusi tiedosto. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>The file is not a safe sync file and may have been tampered with. Do not use it; ask its sender for a new one. Nothing was imported.</source>
        <translation>Tiedosto ei ole turvallinen synkronointitiedosto, ja sitä on voitu muokata. Älä käytä sitä; pyydä lähettäjältä uusi. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>The sync file cannot be read. Check that it is still there and copy it again. Nothing was imported.</source>
        <translation>Synkronointitiedostoa ei voi lukea. Tarkista, että se on yhä tallessa, ja kopioi se uudelleen. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>This is not a sync file of this app. Choose a file made with "Export to file". Nothing was imported.</source>
        <translation>Tämä ei ole tämän sovelluksen synkronointitiedosto. Valitse tiedosto, joka on tehty toiminnolla ”Vie tiedostoon”. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>The sync file was made by a newer version of this app. Update this app, then import the file again. Nothing was imported.</source>
        <translation>Synkronointitiedosto on tehty sovelluksen uudemmalla versiolla. Päivitä sovellus ja tuo tiedosto sitten uudelleen. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>This sync file was made by a laptop: import it at central. Nothing was imported.</source>
        <translation>Tämä synkronointitiedosto on tehty kannettavalla: tuo se keskuksessa. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>This sync file was made by central for a laptop: import it on that laptop. Nothing was imported.</source>
        <translation>Tämä synkronointitiedosto on keskuksen tekemä kannettavalle: tuo se sillä kannettavalla. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>This sync file was not made by this laptop's central. Ask central IT for a file made for this laptop. Nothing was imported.</source>
        <translation>Tätä synkronointitiedostoa ei ole tehnyt tämän kannettavan keskus. Pyydä keskitetyltä IT:ltä tälle kannettavalle tehty tiedosto. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>This sync file was made for another laptop. Ask central IT for a file for this laptop. Nothing was imported.</source>
        <translation>Tämä synkronointitiedosto on tehty toiselle kannettavalle. Pyydä keskitetyltä IT:ltä tiedosto tälle kannettavalle. Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>This sync file belongs to another inventory installation. Check that it was sent to the right place. Nothing was imported.</source>
        <translation>Tämä synkronointitiedosto kuuluu toiseen inventaarioasennukseen. Tarkista, että se on lähetetty oikeaan paikkaan. Mitään ei tuotu.</translation>
    </message>
</context>
<context>
    <!-- Qt's own Finnish (qtbase_fi.qm) lacks these newer texts of its file dialog. -->
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>&amp;Hae kohteesta:</translation></message>
    <message><source>Files of &amp;type:</source><translation>Tiedosto&amp;tyyppi:</translation></message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Drive</source><translation>Asema</translation></message>
    <message><source>Folder</source><translation>Kansio</translation></message>
    <message><source>File Folder</source><translation>Tiedostokansio</translation></message>
    <message><source>Alias</source><translation>Alias</translation></message>
    <message><source>Shortcut</source><translation>Pikakuvake</translation></message>
</context>
</TS>
