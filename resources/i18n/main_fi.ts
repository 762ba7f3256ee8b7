<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>MainWindow</name>
    <message>
        <source>School device inventory</source>
        <translation>Koulujen laiteinventaario</translation>
    </message>
</context>
</TS>
