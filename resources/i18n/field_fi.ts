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
    <name>SyncPanel</name>
    <message><source>all-sites</source><translation>kaikki-toimipisteet</translation></message>
    <message><source>auditor</source><translation>inventoija</translation></message>
    <message><source>sync-%1-%2-%3.zip</source><translation>synkronointi-%1-%2-%3.zip</translation></message>
</context>
<context>
    <name>LabelsDialog</name>
    <message><source>labels.pdf</source><translation>tarrat.pdf</translation></message>
    <message><source>calibration.pdf</source><translation>kalibrointi.pdf</translation></message>
</context>
</TS>
