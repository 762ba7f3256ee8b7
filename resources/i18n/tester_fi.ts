<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <!-- The import wizard's field names (inventory_app/importing/mapping.py FIELDS). -->
    <name>ImportFields</name>
    <message><source>Device id</source><translation>Laitteen ID</translation></message>
    <message><source>Asset tag</source><translation>Laitetunnus</translation></message>
    <message><source>Serial</source><translation>Sarjanumero</translation></message>
    <message><source>Inventory number</source><translation>Inventaarionumero</translation></message>
    <message><source>MAC</source><translation>MAC-osoite</translation></message>
    <message><source>Category</source><translation>Laiteluokka</translation></message>
    <message><source>Manufacturer</source><translation>Valmistaja</translation></message>
    <message><source>Model</source><translation>Malli</translation></message>
    <message><source>Site</source><translation>Toimipiste</translation></message>
    <message><source>Site kind</source><translation>Toimipisteen tyyppi</translation></message>
    <message><source>Room</source><translation>Huone</translation></message>
    <message><source>Status</source><translation>Tila</translation></message>
    <message><source>Condition</source><translation>Kunto</translation></message>
    <message><source>Ownership</source><translation>Omistus</translation></message>
    <message><source>Contract</source><translation>Leasingsopimus</translation></message>
    <message><source>Purchase date</source><translation>Hankintapäivä</translation></message>
    <message><source>Purchase price</source><translation>Hankintahinta</translation></message>
    <message><source>Monthly fee</source><translation>Kuukausimaksu</translation></message>
    <message><source>Lease end</source><translation>Leasing päättyy</translation></message>
    <message><source>Assigned to</source><translation>Käyttäjä</translation></message>
    <message><source>Notes</source><translation>Huomautukset</translation></message>
</context>
</TS>
