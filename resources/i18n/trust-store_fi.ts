<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../inventory_app/ui/file_dialogs.py" line="31" />
        <source>Folder</source>
        <translation>Kansio</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/file_dialogs.py" line="32" />
        <source>File</source>
        <translation>Tiedosto</translation>
    </message>
    <message>
        <location filename="../../inventory_app/ui/file_dialogs.py" line="33" />
        <source>{0} file</source>
        <translation>{0}-tiedosto</translation>
    </message>
</context>
</TS>
