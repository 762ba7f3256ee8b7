<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>_FilePage</name>
    <message>
        <source>Recognise from the column names</source>
        <translation>Tunnista sarakkeiden nimistä</translation>
    </message>
    <message>
        <source>Create the sites the file names that are not in the inventory yet</source>
        <translation>Luo toimipisteet, jotka tiedostossa mainitaan mutta joita ei vielä ole luettelossa</translation>
    </message>
    <message>
        <source>optional: the area of new sites</source>
        <translation>valinnainen: uusien toimipisteiden alue</translation>
    </message>
    <message>
        <source>Exported from</source>
        <translation>Viety ohjelmasta</translation>
    </message>
    <message>
        <source>Area of new sites</source>
        <translation>Uusien toimipisteiden alue</translation>
    </message>
</context>
<context>
    <name>_PreviewPage</name>
    <message>
        <source>Device types not recognised: choose what each one is.</source>
        <translation>Tunnistamattomat laitetyypit: valitse, mikä kukin on.</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>Tiedostossa</translation>
    </message>
    <message>
        <source>Device type</source>
        <translation>Laitetyyppi</translation>
    </message>
    <message>
        <source>Check again with these types</source>
        <translation>Tarkista uudelleen näillä tyypeillä</translation>
    </message>
    <message>
        <source>New areas: {0}.</source>
        <translation>Uudet alueet: {0}.</translation>
    </message>
    <message>
        <source>New sites: {0}.</source>
        <translation>Uudet toimipisteet: {0}.</translation>
    </message>
    <message>
        <source>no area</source>
        <translation>ei aluetta</translation>
    </message>
    <message>
        <source>{0} identifiers of another system are kept as inventory numbers.</source>
        <translation>{0} toisen järjestelmän tunnistetta tallennetaan inventaarionumeroiksi.</translation>
    </message>
    <message>
        <source>Device types: {0}.</source>
        <translation>Laitetyypit: {0}.</translation>
    </message>
    <message>
        <source>not recognised</source>
        <translation>ei tunnistettu</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— valitse —</translation>
    </message>
</context>
</TS>
