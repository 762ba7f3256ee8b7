<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>CameraPanel</name>
    <message>
        <source>Picture size: bigger reads smaller labels, and costs more</source>
        <translation>Kuvan koko: suurempi lukee pienempiä tarroja, mutta kuormittaa enemmän</translation>
    </message>
    <message>
        <source>Start camera</source>
        <translation>Käynnistä kamera</translation>
    </message>
    <message>
        <source>Stop camera</source>
        <translation>Pysäytä kamera</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Yhdistä uudelleen</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>Kamera:</translation>
    </message>
    <message>
        <source>Recording: {0}</source>
        <translation>Tallenne: {0}</translation>
    </message>
    <message>
        <source>No camera to start.</source>
        <translation>Käynnistettävää kameraa ei ole.</translation>
    </message>
    <message>
        <source>Starting {0}…</source>
        <translation>Käynnistetään: {0}…</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Kamera pois päältä</translation>
    </message>
    <message>
        <source>Camera not available</source>
        <translation>Kamera ei ole käytettävissä</translation>
    </message>
    <message>
        <source>Recording ended</source>
        <translation>Tallenne päättyi</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <source>Camera off</source>
        <translation>Kamera pois päältä</translation>
    </message>
</context>
<context>
    <name>CameraSettings</name>
    <message>
        <source>Camera {0}</source>
        <translation>Kamera {0}</translation>
    </message>
</context>
<context>
    <name>CameraWorker</name>
    <message>
        <source>The camera stopped because of an unexpected error (see the log).</source>
        <translation>Kamera pysähtyi odottamattoman virheen takia (katso loki).</translation>
    </message>
    <message>
        <source>The camera stopped sending pictures.</source>
        <translation>Kamera lakkasi lähettämästä kuvaa.</translation>
    </message>
    <message>
        <source>The camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>{0} is not connected. Plug it in and press Reconnect.</source>
        <translation>{0} ei ole kytkettynä. Kytke se ja paina Yhdistä uudelleen.</translation>
    </message>
    <message>
        <source>{0} is in use by another app (Teams, Zoom, the Camera app). Close that app and press Reconnect.</source>
        <translation>{0} on toisen sovelluksen käytössä (Teams, Zoom, Kamera-sovellus). Sulje se sovellus ja paina Yhdistä uudelleen.</translation>
    </message>
    <message>
        <source>This app is not allowed to use {0}. Allow camera access in the privacy settings (or ask IT), then press Reconnect.</source>
        <translation>Tällä sovelluksella ei ole lupaa käyttää laitetta {0}. Salli kameran käyttö tietosuoja-asetuksista (tai pyydä IT-tukea) ja paina Yhdistä uudelleen.</translation>
    </message>
    <message>
        <source>{0} could not be opened: it is not connected, in use by another app, or camera access is blocked in the privacy settings. Check these and press Reconnect.</source>
        <translation>Laitetta {0} ei voitu avata: se ei ole kytkettynä, se on toisen sovelluksen käytössä tai kameran käyttö on estetty tietosuoja-asetuksissa. Tarkista nämä ja paina Yhdistä uudelleen.</translation>
    </message>
    <message>
        <source>{0} stopped sending pictures (unplugged?). Check the cable and press Reconnect.</source>
        <translation>{0} lakkasi lähettämästä kuvaa (irrotettu?). Tarkista johto ja paina Yhdistä uudelleen.</translation>
    </message>
    <message>
        <source>Code seen but not readable: bring the label closer and hold it still.</source>
        <translation>Koodi näkyy, mutta sitä ei saa luettua: tuo tarra lähemmäs ja pidä se paikallaan.</translation>
    </message>
    <message>
        <source>A label was read with a wrong check character: type the code in instead.</source>
        <translation>Tarrasta luettiin väärä tarkistemerkki: kirjoita koodi käsin.</translation>
    </message>
</context>
</TS>
