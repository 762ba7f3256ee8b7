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
