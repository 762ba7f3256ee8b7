<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fi_FI">
  <context>
    <name>CentralLaptopsPanel</name>
    <message>
      <source>Laptops</source>
      <translation>Kannettavat</translation>
    </message>
    <message>
      <source>a name for the laptop, e.g. Auditor laptop 3</source>
      <translation>kannettavan nimi, esim. Inventoijan kone 3</translation>
    </message>
    <message>
      <source>&amp;Enrol a laptop…</source>
      <translation>&amp;Liitä kannettava…</translation>
    </message>
    <message>
      <source>&amp;Revoke the selected laptop…</source>
      <translation>&amp;Poista valitun kannettavan oikeudet…</translation>
    </message>
    <message>
      <source>A lost or stolen laptop: its sync files and syncs are refused from now on.</source>
      <translation>Kadonnut tai varastettu kannettava: sen synkronointitiedostot ja synkronoinnit torjutaan tästä lähtien.</translation>
    </message>
    <message>
      <source>The enrolment file holds the laptop's signing key: hand it over safely (a USB stick, not e-mail). On the laptop: Sync › Join with an enrolment file.</source>
      <translation>Liittymistiedostossa on kannettavan allekirjoitusavain: luovuta se turvallisesti (muistitikulla, ei sähköpostilla). Kannettavalla: Synkronointi › Liity liittymistiedostolla.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nimi</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>Avain</translation>
    </message>
    <message>
      <source>Enrolled</source>
      <translation>Liitetty</translation>
    </message>
    <message>
      <source>Changes received</source>
      <translation>Vastaanotetut muutokset</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Tila</translation>
    </message>
    <message>
      <source>revoked</source>
      <translation>mitätöity</translation>
    </message>
    <message>
      <source>in use</source>
      <translation>käytössä</translation>
    </message>
    <message>
      <source>Revoke a laptop</source>
      <translation>Kannettavan oikeuksien poisto</translation>
    </message>
    <message>
      <source>Revoke “%1”? Its sync files and syncs will be refused from now on. This cannot be undone; the laptop can be enrolled again as a new laptop.</source>
      <translation>Poistetaanko kannettavan ”%1” oikeudet? Sen synkronointitiedostot ja synkronoinnit torjutaan tästä lähtien. Tätä ei voi perua; kannettavan voi liittää uudelleen uutena kannettavana.</translation>
    </message>
    <message>
      <source>The laptop was not revoked: %1</source>
      <translation>Kannettavan oikeuksia ei poistettu: %1</translation>
    </message>
    <message>
      <source>Revoked. Its sync files and syncs are refused from now on.</source>
      <translation>Oikeudet poistettu. Sen synkronointitiedostot ja synkronoinnit torjutaan tästä lähtien.</translation>
    </message>
    <message>
      <source>Name the laptop first.</source>
      <translation>Nimeä kannettava ensin.</translation>
    </message>
    <message>
      <source>Save the enrolment file</source>
      <translation>Tallenna liittymistiedosto</translation>
    </message>
    <message>
      <source>Enrolment files (*.json)</source>
      <translation>Liittymistiedostot (*.json)</translation>
    </message>
    <message>
      <source>No enrolment file was written: %1</source>
      <translation>Liittymistiedostoa ei kirjoitettu: %1</translation>
    </message>
    <message>
      <source>Wrote the enrolment file of “%1” to %2.</source>
      <translation>Kannettavan ”%1” liittymistiedosto tallennettiin: %2.</translation>
    </message>
  </context>
  <context>
    <name>CityLabels</name>
    <message>
      <source>Early childhood education</source>
      <translation>Varhaiskasvatus</translation>
    </message>
    <message>
      <source>Primary school (grades 1-6)</source>
      <translation>Alakoulu (1–6)</translation>
    </message>
    <message>
      <source>Lower secondary school (grades 7-9)</source>
      <translation>Yläkoulu (7–9)</translation>
    </message>
    <message>
      <source>Comprehensive school (grades 1-9)</source>
      <translation>Yhtenäiskoulu (1–9)</translation>
    </message>
    <message>
      <source>Upper secondary school</source>
      <translation>Lukio</translation>
    </message>
    <message>
      <source>Other unit</source>
      <translation>Muu yksikkö</translation>
    </message>
    <message>
      <source>Classroom</source>
      <translation>Luokkahuone</translation>
    </message>
    <message>
      <source>Staff room</source>
      <translation>Opettajainhuone</translation>
    </message>
    <message>
      <source>Office</source>
      <translation>Toimisto</translation>
    </message>
    <message>
      <source>Storage</source>
      <translation>Varasto</translation>
    </message>
    <message>
      <source>Hall</source>
      <translation>Sali</translation>
    </message>
    <message>
      <source>Other room</source>
      <translation>Muu tila</translation>
    </message>
    <message>
      <source>Per device</source>
      <translation>Laitekohtainen</translation>
    </message>
    <message>
      <source>Total for the contract</source>
      <translation>Koko sopimukselle yhteensä</translation>
    </message>
  </context>
  <context>
    <name>CityPage</name>
    <message>
      <source>New &amp;area</source>
      <translation>Uusi &amp;alue</translation>
    </message>
    <message>
      <source>New s&amp;chool or unit</source>
      <translation>Uusi &amp;koulu tai yksikkö</translation>
    </message>
    <message>
      <source>New r&amp;oom</source>
      <translation>Uusi &amp;huone</translation>
    </message>
    <message>
      <source>New leasing co&amp;ntract</source>
      <translation>Uusi &amp;leasingsopimus</translation>
    </message>
    <message>
      <source>New device &amp;model</source>
      <translation>Uusi laite&amp;malli</translation>
    </message>
    <message>
      <source>Show &amp;retired</source>
      <translation>Näytä käytöstä &amp;poistetut</translation>
    </message>
    <message>
      <source>The city's areas, schools and units, rooms, leasing contracts and device models.</source>
      <translation>Kaupungin alueet, koulut ja yksiköt, huoneet, leasingsopimukset ja laitemallit.</translation>
    </message>
    <message>
      <source>Leasing contracts</source>
      <translation>Leasingsopimukset</translation>
    </message>
    <message>
      <source>Device models</source>
      <translation>Laitemallit</translation>
    </message>
    <message>
      <source>(retired)</source>
      <translation>(poistettu käytöstä)</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>&amp;Nimi</translation>
    </message>
    <message>
      <source>for example Keskusta</source>
      <translation>esimerkiksi Keskusta</translation>
    </message>
    <message>
      <source>Short &amp;code</source>
      <translation>Lyhyt &amp;tunnus</translation>
    </message>
    <message>
      <source>optional</source>
      <translation>vapaaehtoinen</translation>
    </message>
    <message>
      <source>&amp;Code</source>
      <translation>&amp;Tunnus</translation>
    </message>
    <message>
      <source>for example KES01 (printed on room labels)</source>
      <translation>esimerkiksi KES01 (tulostuu huonetarroihin)</translation>
    </message>
    <message>
      <source>for example Keskuskoulu</source>
      <translation>esimerkiksi Keskuskoulu</translation>
    </message>
    <message>
      <source>&amp;Area</source>
      <translation>&amp;Alue</translation>
    </message>
    <message>
      <source>&amp;Kind</source>
      <translation>&amp;Tyyppi</translation>
    </message>
    <message>
      <source>Cost c&amp;entre</source>
      <translation>&amp;Kustannuspaikka</translation>
    </message>
    <message>
      <source>A&amp;ddress</source>
      <translation>&amp;Osoite</translation>
    </message>
    <message>
      <source>N&amp;otes</source>
      <translation>&amp;Lisätietoja</translation>
    </message>
    <message>
      <source>&amp;School or unit</source>
      <translation>&amp;Koulu tai yksikkö</translation>
    </message>
    <message>
      <source>Room &amp;code</source>
      <translation>Huoneen &amp;tunnus</translation>
    </message>
    <message>
      <source>for example A203</source>
      <translation>esimerkiksi A203</translation>
    </message>
    <message>
      <source>optional, for example Kemian luokka</source>
      <translation>vapaaehtoinen, esimerkiksi Kemian luokka</translation>
    </message>
    <message>
      <source>Contract &amp;number</source>
      <translation>Sopimuksen &amp;numero</translation>
    </message>
    <message>
      <source>&amp;Lessor</source>
      <translation>&amp;Vuokranantaja</translation>
    </message>
    <message>
      <source>&amp;Start</source>
      <translation>&amp;Alkaa</translation>
    </message>
    <message>
      <source>d.m.yyyy</source>
      <translation>p.k.vvvv</translation>
    </message>
    <message>
      <source>&amp;End</source>
      <translation>&amp;Päättyy</translation>
    </message>
    <message>
      <source>Notice &amp;period (months)</source>
      <translation>&amp;Irtisanomisaika (kk)</translation>
    </message>
    <message>
      <source>&amp;Fee basis</source>
      <translation>&amp;Maksun peruste</translation>
    </message>
    <message>
      <source>&amp;Monthly fee (€)</source>
      <translation>&amp;Kuukausimaksu (€)</translation>
    </message>
    <message>
      <source>for example 12,50</source>
      <translation>esimerkiksi 12,50</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(ei mitään)</translation>
    </message>
    <message>
      <source>&amp;Manufacturer</source>
      <translation>&amp;Valmistaja</translation>
    </message>
    <message>
      <source>for example ThinkPad 11e</source>
      <translation>esimerkiksi ThinkPad 11e</translation>
    </message>
    <message>
      <source>&amp;Category</source>
      <translation>&amp;Laiteluokka</translation>
    </message>
    <message>
      <source>Expected &amp;lifetime (years)</source>
      <translation>Odotettu &amp;käyttöikä (vuotta)</translation>
    </message>
    <message>
      <source>New area</source>
      <translation>Uusi alue</translation>
    </message>
    <message>
      <source>New school or unit</source>
      <translation>Uusi koulu tai yksikkö</translation>
    </message>
    <message>
      <source>The code is printed on the room labels: letters and digits, chosen once.</source>
      <translation>Tunnus tulostuu huonetarroihin: kirjaimia ja numeroita, valitaan kerran.</translation>
    </message>
    <message>
      <source>New room</source>
      <translation>Uusi huone</translation>
    </message>
    <message>
      <source>New leasing contract</source>
      <translation>Uusi leasingsopimus</translation>
    </message>
    <message>
      <source>New device model</source>
      <translation>Uusi laitemalli</translation>
    </message>
    <message numerus="yes">
      <source>%n school(s) or unit(s) in use.</source>
      <translation>
        <numerusform>%n koulu tai yksikkö käytössä.</numerusform>
        <numerusform>%n koulua tai yksikköä käytössä.</numerusform>
      </translation>
    </message>
    <message>
      <source>Room %1</source>
      <translation>Huone %1</translation>
    </message>
    <message>
      <source>Room label code: %1</source>
      <translation>Huonetarran koodi: %1</translation>
    </message>
    <message>
      <source>Contract %1</source>
      <translation>Sopimus %1</translation>
    </message>
    <message numerus="yes">
      <source>%n device(s) under this contract.</source>
      <translation>
        <numerusform>%n laite tällä sopimuksella.</numerusform>
        <numerusform>%n laitetta tällä sopimuksella.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n device(s) of this model.</source>
      <translation>
        <numerusform>%n tämän mallin laite.</numerusform>
        <numerusform>%n tämän mallin laitetta.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <source>Welcome to the school device inventory</source>
      <translation>Tervetuloa koulujen laiteinventaarioon</translation>
    </message>
    <message>
      <source>Three short questions before you start. You can skip them and change everything later (File › Settings, and the Sync page).</source>
      <translation>Kolme lyhyttä kysymystä ennen aloitusta. Voit ohittaa ne ja muuttaa kaiken myöhemmin (Tiedosto › Asetukset ja Synkronointi-sivu).</translation>
    </message>
    <message>
      <source>your name as it should appear on audits</source>
      <translation>nimesi sellaisena kuin se näkyy inventoinneissa</translation>
    </message>
    <message>
      <source>Your &amp;name</source>
      <translation>&amp;Nimesi</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Kieli</translation>
    </message>
    <message>
      <source>&amp;Later: work on this laptop only for now</source>
      <translation>&amp;Myöhemmin: työskentelen toistaiseksi vain tällä koneella</translation>
    </message>
    <message>
      <source>With an &amp;enrolment file from central IT</source>
      <translation>&amp;Liittymistiedostolla, jonka keskitetty IT antoi</translation>
    </message>
    <message>
      <source>&amp;Online: sign in to the central database</source>
      <translation>&amp;Verkossa: kirjaudu keskustietokantaan</translation>
    </message>
    <message>
      <source>the .json file central IT gave you</source>
      <translation>.json-tiedosto, jonka sait keskitetyltä IT:ltä</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Selaa…</translation>
    </message>
    <message>
      <source>postgresql://user@server/inventory</source>
      <translation>postgresql://käyttäjä@palvelin/inventaario</translation>
    </message>
    <message>
      <source>password (kept in the system's key store)</source>
      <translation>salasana (tallennetaan järjestelmän avainsäilöön)</translation>
    </message>
    <message>
      <source>Join the central</source>
      <translation>Liity keskukseen</translation>
    </message>
    <message>
      <source>This laptop has already joined the central.</source>
      <translation>Tämä kannettava on jo liittynyt keskukseen.</translation>
    </message>
    <message>
      <source>&amp;Start</source>
      <translation>&amp;Aloita</translation>
    </message>
    <message>
      <source>S&amp;kip</source>
      <translation>&amp;Ohita</translation>
    </message>
    <message>
      <source>The enrolment file</source>
      <translation>Liittymistiedosto</translation>
    </message>
    <message>
      <source>Enrolment files (*.json);;All files (*)</source>
      <translation>Liittymistiedostot (*.json);;Kaikki tiedostot (*)</translation>
    </message>
    <message>
      <source>Choose the enrolment file, or pick “Later”.</source>
      <translation>Valitse liittymistiedosto tai valitse ”Myöhemmin”.</translation>
    </message>
    <message>
      <source>Write central's address, e.g. postgresql://user@server/inventory.</source>
      <translation>Kirjoita keskuksen osoite, esim. postgresql://käyttäjä@palvelin/inventaario.</translation>
    </message>
    <message>
      <source>The password could not be stored: %1</source>
      <translation>Salasanaa ei voitu tallentaa: %1</translation>
    </message>
  </context>
  <context>
    <name>StructureForm</name>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Tallenna</translation>
    </message>
    <message>
      <source>&amp;Bring back into use</source>
      <translation>&amp;Palauta käyttöön</translation>
    </message>
    <message>
      <source>Re&amp;tire</source>
      <translation>&amp;Poista käytöstä</translation>
    </message>
    <message>
      <source>Retired items are kept for history and hidden from pickers; nothing is deleted.</source>
      <translation>Käytöstä poistetut säilyvät historiaa varten mutta eivät näy valinnoissa; mitään ei poisteta.</translation>
    </message>
    <message>
      <source>%1: fill this in.</source>
      <translation>%1: täytä tämä kenttä.</translation>
    </message>
    <message>
      <source>%1: this is already in use.</source>
      <translation>%1: tämä on jo käytössä.</translation>
    </message>
    <message>
      <source>%1: choose one from the list.</source>
      <translation>%1: valitse jokin listasta.</translation>
    </message>
    <message>
      <source>%1: use letters A-Z, digits, '-' or '_' (the code is printed in barcodes).</source>
      <translation>%1: käytä kirjaimia A–Z, numeroita, '-' tai '_' (tunnus tulostuu viivakoodeihin).</translation>
    </message>
    <message>
      <source>%1: write a date as d.m.yyyy, for example 1.8.2026.</source>
      <translation>%1: kirjoita päivämäärä muodossa p.k.vvvv, esim. 1.8.2026.</translation>
    </message>
    <message>
      <source>%1: write an amount in euros, for example 12,50.</source>
      <translation>%1: kirjoita summa euroina, esimerkiksi 12,50.</translation>
    </message>
    <message>
      <source>%1 cannot be negative.</source>
      <translation>%1 ei voi olla negatiivinen.</translation>
    </message>
    <message>
      <source>%1: write a whole number.</source>
      <translation>%1: kirjoita kokonaisluku.</translation>
    </message>
    <message>
      <source>%1 is out of range.</source>
      <translation>%1 on sallitun alueen ulkopuolella.</translation>
    </message>
    <message>
      <source>The end date is before the start date.</source>
      <translation>Päättymispäivä on ennen alkamispäivää.</translation>
    </message>
    <message numerus="yes">
      <source>Cannot retire: %n device(s) are still recorded here; move them first.</source>
      <translation>
        <numerusform>Ei voi poistaa käytöstä: täällä on vielä %n laite; siirrä se ensin.</numerusform>
        <numerusform>Ei voi poistaa käytöstä: täällä on vielä %n laitetta; siirrä ne ensin.</numerusform>
      </translation>
    </message>
    <message>
      <source>%1: the one chosen is retired.</source>
      <translation>%1: valittu on poistettu käytöstä.</translation>
    </message>
    <message>
      <source>%1: not found.</source>
      <translation>%1: ei löydy.</translation>
    </message>
    <message>
      <source>%1 is too long.</source>
      <translation>%1 on liian pitkä.</translation>
    </message>
  </context>
</TS>