<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ControlClient</name>
    <message>
        <source>The connection to the mail daemon was closed.</source>
        <translation>Die Verbindung zum Mail-Daemon wurde geschlossen.</translation>
    </message>
    <message>
        <source>The mail daemon is not running (no control socket at %1).</source>
        <translation>Der Mail-Daemon läuft nicht (kein Steuer-Socket unter %1).</translation>
    </message>
    <message>
        <source>The mail daemon is not running (the control socket %1 refused the connection).</source>
        <translation>Der Mail-Daemon läuft nicht (der Steuer-Socket %1 hat die Verbindung abgelehnt).</translation>
    </message>
    <message>
        <source>Not allowed: you may not open the control socket %1. Ask for membership of the mail administrators&apos; group.</source>
        <translation>Nicht erlaubt: Sie dürfen den Steuer-Socket %1 nicht öffnen. Bitten Sie um Aufnahme in die Gruppe der Mail-Administratoren.</translation>
    </message>
    <message>
        <source>The mail daemon did not answer in time (%1).</source>
        <translation>Der Mail-Daemon hat nicht rechtzeitig geantwortet (%1).</translation>
    </message>
    <message>
        <source>Cannot talk to the mail daemon at %1.</source>
        <translation>Keine Verbindung zum Mail-Daemon unter %1 möglich.</translation>
    </message>
</context>
<context>
    <name>admin::AccountUsageModel</name>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>%1% — past the warning threshold</source>
        <translation>%1 % — Warnschwelle überschritten</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Kontingent</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Belegt</translation>
    </message>
</context>
<context>
    <name>admin::AccountsPane</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>The accounts that store the most mail, largest first. Those in red are past their quota warning threshold.</source>
        <translation>Die Konten mit der meisten gespeicherten Post, größte zuerst. Rot markierte haben ihre Quota-Warnschwelle überschritten.</translation>
    </message>
    <message>
        <source>Could not list the accounts: %1</source>
        <translation>Die Konten konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Accounts: %1; past the warning threshold: %2</source>
        <translation>Konten: %1; über der Warnschwelle: %2</translation>
    </message>
</context>
<context>
    <name>admin::CertificateListModel</name>
    <message>
        <source>self-signed</source>
        <translation>selbstsigniert</translation>
    </message>
    <message>
        <source>waiting for the signed certificate</source>
        <translation>wartet auf das signierte Zertifikat</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (abgelaufen)</translation>
    </message>
    <message>
        <source>%1 (%2 days left)</source>
        <translation>%1 (noch %2 Tage)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Host names</source>
        <translation>Hostnamen</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
</context>
<context>
    <name>admin::CertificatesPane</name>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>New Self-Signed…</source>
        <translation>Neu, selbstsigniert…</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Make the selected certificate the one this service presents</source>
        <translation>Diesen Dienst das gewählte Zertifikat vorzeigen lassen</translation>
    </message>
    <message>
        <source>Use for:</source>
        <translation>Verwenden für:</translation>
    </message>
    <message>
        <source>Could not list the certificates: %1</source>
        <translation>Die Zertifikate konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <source>Certificate %1 created.</source>
        <translation>Zertifikat %1 erstellt.</translation>
    </message>
    <message>
        <source>%1 now presents certificate %2.</source>
        <translation>%1 zeigt jetzt das Zertifikat %2 vor.</translation>
    </message>
    <message>
        <source>Delete certificate %1?</source>
        <translation>Zertifikat %1 löschen?</translation>
    </message>
    <message>
        <source>Its private key is deleted too; this cannot be undone.</source>
        <translation>Sein privater Schlüssel wird ebenfalls gelöscht; das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Certificate %1 deleted.</source>
        <translation>Zertifikat %1 gelöscht.</translation>
    </message>
    <message>
        <source>Signing Request…</source>
        <translation>Signieranforderung…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Make a key and a signing request (CSR) to send to a certificate authority; import its answer afterwards</source>
        <translation>Einen Schlüssel und eine Signieranforderung (CSR) für eine Zertifizierungsstelle erstellen; deren Antwort danach importieren</translation>
    </message>
    <message>
        <source>Signing request %1 made; save it to a file for your certificate authority.</source>
        <translation>Signieranforderung %1 erstellt; speichern Sie sie für Ihre Zertifizierungsstelle in einer Datei.</translation>
    </message>
    <message>
        <source>Save Signing Request</source>
        <translation>Signieranforderung speichern</translation>
    </message>
    <message>
        <source>Signing requests (*.csr *.pem)</source>
        <translation>Signieranforderungen (*.csr *.pem)</translation>
    </message>
    <message>
        <source>Signing request saved to %1.</source>
        <translation>Signieranforderung in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Could not save to %1: %2</source>
        <translation>Speichern in %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Nothing imported: a file could not be read.</source>
        <translation>Nichts importiert: eine Datei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Certificate %1 imported.</source>
        <translation>Zertifikat %1 importiert.</translation>
    </message>
</context>
<context>
    <name>admin::ConnectionListModel</name>
    <message>
        <source>(not logged in)</source>
        <translation>(nicht angemeldet)</translation>
    </message>
    <message>
        <source>%1 (IDLE)</source>
        <translation>%1 (IDLE)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
</context>
<context>
    <name>admin::ConnectionsPane</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Disconnect…</source>
        <translation>Trennen…</translation>
    </message>
    <message>
        <source>This daemon does not offer connection.list; update maild to see its connections.</source>
        <translation>Dieser Daemon bietet connection.list nicht an; aktualisieren Sie maild, um seine Verbindungen zu sehen.</translation>
    </message>
    <message>
        <source>Could not list the connections: %1</source>
        <translation>Die Verbindungen konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Open connections: %1</source>
        <translation>Offene Verbindungen: %1</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Disconnect %1?</source>
        <translation>%1 trennen?</translation>
    </message>
    <message>
        <source>The client&apos;s session ends at once; it may connect again.</source>
        <translation>Die Sitzung des Clients endet sofort; er kann sich erneut verbinden.</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
</context>
<context>
    <name>admin::DnsPane</name>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Check DNS</source>
        <translation>DNS prüfen</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Veröffentlichen…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Ask DNS which MX records the world sees for this domain</source>
        <translation>Den DNS fragen, welche MX-Einträge die Welt für diese Domain sieht</translation>
    </message>
    <message>
        <source>Replace the domain&apos;s MX records at its zone&apos;s primary DNS server with these</source>
        <translation>Die MX-Einträge der Domain auf dem primären DNS-Server ihrer Zone durch diese ersetzen</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>&amp;Domain:</translation>
    </message>
    <message>
        <source>To publish by hand — the MX records, the mail hosts&apos; addresses, and the SPF and DMARC suggestions (marked as such), in zone-file form:</source>
        <translation>Zum Veröffentlichen von Hand — die MX-Einträge, die Adressen der Mailserver und die SPF- und DMARC-Vorschläge (als solche gekennzeichnet), im Zonendatei-Format:</translation>
    </message>
    <message>
        <source>Could not read the MX records: %1</source>
        <translation>Die MX-Einträge konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>There is no local domain yet: add one in Settings, General.</source>
        <translation>Es gibt noch keine lokale Domain: Fügen Sie eine unter Einstellungen, Allgemein hinzu.</translation>
    </message>
    <message>
        <source>Remove the MX record %1 of %2?</source>
        <translation>Den MX-Eintrag %1 von %2 entfernen?</translation>
    </message>
    <message>
        <source>Mail for %1 is no longer sent to %2 once the records are published again.</source>
        <translation>Post für %1 wird nicht mehr an %2 gesendet, sobald die Einträge erneut veröffentlicht sind.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Publishing settings of %1 saved.</source>
        <translation>Veröffentlichungseinstellungen von %1 gespeichert.</translation>
    </message>
    <message>
        <source>Say first where the records of %1 are published: the DNS server, the key&apos;s name and secret below, then Save.</source>
        <translation>Geben Sie zuerst an, wo die Einträge von %1 veröffentlicht werden: den DNS-Server, Name und Geheimnis des Schlüssels unten, dann Speichern.</translation>
    </message>
    <message>
        <source>Publish the MX records of %1?</source>
        <translation>Die MX-Einträge von %1 veröffentlichen?</translation>
    </message>
    <message numerus="yes">
        <source>The MX records of %1 at %2 are replaced by the %n record(s) shown.</source>
        <translation>
            <numerusform>Die MX-Einträge von %1 auf %2 werden durch den angezeigten Eintrag ersetzt.</numerusform>
            <numerusform>Die MX-Einträge von %1 auf %2 werden durch die %n angezeigten Einträge ersetzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Publishing the MX records of %1…</source>
        <translation>Die MX-Einträge von %1 werden veröffentlicht…</translation>
    </message>
    <message>
        <source>Nothing was published: %1</source>
        <translation>Nichts wurde veröffentlicht: %1</translation>
    </message>
    <message numerus="yes">
        <source>Published %n MX record(s) of %1 to %2.</source>
        <translation>
            <numerusform>%n MX-Eintrag von %1 auf %2 veröffentlicht.</numerusform>
            <numerusform>%n MX-Einträge von %1 auf %2 veröffentlicht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking DNS about %1…</source>
        <translation>Der DNS wird zu %1 befragt…</translation>
    </message>
    <message>
        <source>DNS could not be checked: %1</source>
        <translation>Der DNS konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>%1 answers: %2 published, %3 missing, %4 unexpected.</source>
        <translation>%1 antwortet: %2 veröffentlicht, %3 fehlen, %4 unerwartet.</translation>
    </message>
</context>
<context>
    <name>admin::DnsPublishingBox</name>
    <message>
        <source>Publish to the zone&apos;s primary DNS server</source>
        <translation>Auf dem primären DNS-Server der Zone veröffentlichen</translation>
    </message>
    <message>
        <source>Also publish the suggested SPF record</source>
        <translation>Auch den vorgeschlagenen SPF-Eintrag veröffentlichen</translation>
    </message>
    <message>
        <source>Also publish the suggested DMARC record</source>
        <translation>Auch den vorgeschlagenen DMARC-Eintrag veröffentlichen</translation>
    </message>
    <message>
        <source>Save Publishing Settings</source>
        <translation>Veröffentlichungseinstellungen speichern</translation>
    </message>
    <message>
        <source>the domain itself</source>
        <translation>die Domain selbst</translation>
    </message>
    <message>
        <source>e.g. 192.0.2.53 or 192.0.2.53:5353; empty: do not publish</source>
        <translation>z. B. 192.0.2.53 oder 192.0.2.53:5353; leer: nicht veröffentlichen</translation>
    </message>
    <message>
        <source>the key&apos;s name in the DNS server&apos;s configuration</source>
        <translation>der Name des Schlüssels in der Konfiguration des DNS-Servers</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation>&amp;Zone:</translation>
    </message>
    <message>
        <source>DNS &amp;server:</source>
        <translation>DNS-&amp;Server:</translation>
    </message>
    <message>
        <source>TSIG &amp;key name:</source>
        <translation>TSIG-&amp;Schlüsselname:</translation>
    </message>
    <message>
        <source>Key s&amp;ecret (base64):</source>
        <translation>Schlüssel&amp;geheimnis (base64):</translation>
    </message>
    <message>
        <source>&amp;TTL:</source>
        <translation>&amp;TTL:</translation>
    </message>
    <message>
        <source>DMARC &amp;reports to:</source>
        <translation>DMARC-&amp;Berichte an:</translation>
    </message>
    <message>
        <source>stored; leave empty to keep it</source>
        <translation>gespeichert; leer lassen, um es zu behalten</translation>
    </message>
    <message>
        <source>as in the key statement (tsig-keygen makes one)</source>
        <translation>wie in der key-Anweisung (tsig-keygen erzeugt eine)</translation>
    </message>
</context>
<context>
    <name>admin::DomainsEditor</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>e.g. example.org</source>
        <translation>z. B. example.org</translation>
    </message>
</context>
<context>
    <name>admin::GraphsPane</name>
    <message>
        <source>Graphs</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Messages per minute</source>
        <translation>Nachrichten pro Minute</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>Connections per minute</source>
        <translation>Verbindungen pro Minute</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Kilobytes per minute</source>
        <translation>Kilobyte pro Minute</translation>
    </message>
    <message>
        <source>This daemon does not offer stats.get; update maild to see its traffic.</source>
        <translation>Dieser Daemon bietet stats.get nicht an; aktualisieren Sie maild, um seinen Verkehr zu sehen.</translation>
    </message>
    <message>
        <source>Could not read the traffic figures: %1</source>
        <translation>Die Verkehrszahlen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Today: %1 messages in, %2 out, %3 connections.</source>
        <translation>Heute: %1 Nachrichten eingegangen, %2 ausgegangen, %3 Verbindungen.</translation>
    </message>
</context>
<context>
    <name>admin::ImportCertificateDialog</name>
    <message>
        <source>Import Certificate</source>
        <translation>Zertifikat importieren</translation>
    </message>
    <message>
        <source>empty to complete a signing request made here</source>
        <translation>leer, um eine hier erstellte Signieranforderung abzuschließen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Certificate (PEM):</source>
        <translation>Zertifikat (PEM):</translation>
    </message>
    <message>
        <source>Certificate File</source>
        <translation>Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Private key (PEM):</source>
        <translation>Privater Schlüssel (PEM):</translation>
    </message>
    <message>
        <source>Private Key File</source>
        <translation>Datei des privaten Schlüssels</translation>
    </message>
    <message>
        <source>%1 is too large for a PEM file.</source>
        <translation>%1 ist für eine PEM-Datei zu groß.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key)</translation>
    </message>
</context>
<context>
    <name>admin::LogListModel</name>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>admin::LogsPane</name>
    <message>
        <source>Logs</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>At least:</source>
        <translation>Mindestens:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Dienst:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Not connected: new lines appear once the connection is back.</source>
        <translation>Nicht verbunden: neue Zeilen erscheinen, sobald die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Protokoll wird gelesen…</translation>
    </message>
    <message>
        <source>The daemon does not send its log: %1</source>
        <translation>Der Daemon sendet sein Protokoll nicht: %1</translation>
    </message>
    <message>
        <source>Paused: new lines held back: %1</source>
        <translation>Angehalten: zurückgehaltene neue Zeilen: %1</translation>
    </message>
    <message>
        <source>Paused: new lines are held back.</source>
        <translation>Angehalten: neue Zeilen werden zurückgehalten.</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>Protokolldateien (*.log *.txt)</translation>
    </message>
    <message>
        <source>Lines saved to %1: %2</source>
        <translation>In %1 gespeicherte Zeilen: %2</translation>
    </message>
    <message>
        <source>Could not save the log to %1: %2</source>
        <translation>Das Protokoll konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>admin::MainWindow</name>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Log In Again…</source>
        <translation>Erneut &amp;anmelden…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Mail Server Admin</source>
        <translation>Ü&amp;ber die Mailserver-Verwaltung</translation>
    </message>
    <message>
        <source>Could not read the server&apos;s status: %1</source>
        <translation>Der Serverstatus konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Mail Server</source>
        <translation>Mailserver</translation>
    </message>
    <message>
        <source>Mail Server · maild %1</source>
        <translation>Mailserver · maild %1</translation>
    </message>
    <message>
        <source>The connection to the mail daemon ended: %1</source>
        <translation>Die Verbindung zum Mail-Daemon wurde beendet: %1</translation>
    </message>
    <message>
        <source>Mail Server — %1</source>
        <translation>Mailserver — %1</translation>
    </message>
    <message>
        <source>About Mail Server Admin</source>
        <translation>Über die Mailserver-Verwaltung</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mail Server Admin&lt;/b&gt; %1&lt;br&gt;Runs the Mailroom mail daemon: its services, settings and logs.</source>
        <translation>&lt;b&gt;Mailserver-Verwaltung&lt;/b&gt; %1&lt;br&gt;Steuert den Mailroom-Mail-Daemon: seine Dienste, Einstellungen und Protokolle.</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Dienste</translation>
    </message>
    <message>
        <source>Waiting for the mail daemon…</source>
        <translation>Warten auf den Mail-Daemon…</translation>
    </message>
</context>
<context>
    <name>admin::MxRecordDialog</name>
    <message>
        <source>New MX Record</source>
        <translation>Neuer MX-Eintrag</translation>
    </message>
    <message>
        <source>Edit MX Record</source>
        <translation>MX-Eintrag bearbeiten</translation>
    </message>
    <message>
        <source>e.g. mail.%1</source>
        <translation>z. B. mail.%1</translation>
    </message>
    <message>
        <source>The host name of the mail server that receives mail for %1 (not an IP address)</source>
        <translation>Der Hostname des Mailservers, der Post für %1 empfängt (keine IP-Adresse)</translation>
    </message>
    <message>
        <source>Other servers try the record with the lowest preference first</source>
        <translation>Andere Server versuchen zuerst den Eintrag mit der niedrigsten Präferenz</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation>Domain:</translation>
    </message>
    <message>
        <source>Mail &amp;server:</source>
        <translation>Mail&amp;server:</translation>
    </message>
    <message>
        <source>&amp;Preference:</source>
        <translation>&amp;Präferenz:</translation>
    </message>
</context>
<context>
    <name>admin::MxRecordModel</name>
    <message>
        <source>published</source>
        <translation>veröffentlicht</translation>
    </message>
    <message>
        <source>not published yet</source>
        <translation>noch nicht veröffentlicht</translation>
    </message>
    <message>
        <source>published (DNS answers it)</source>
        <translation>veröffentlicht (der DNS liefert ihn)</translation>
    </message>
    <message>
        <source>missing (DNS does not answer it)</source>
        <translation>fehlt (der DNS liefert ihn nicht)</translation>
    </message>
    <message>
        <source>unexpected (in DNS, not configured)</source>
        <translation>unerwartet (im DNS, nicht konfiguriert)</translation>
    </message>
    <message>
        <source>%1, TTL %2 s</source>
        <translation>%1, TTL %2 s</translation>
    </message>
    <message>
        <source>Preference</source>
        <translation>Präferenz</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Mailserver</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
</context>
<context>
    <name>admin::OverviewPane</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Daemon version:</source>
        <translation>Daemon-Version:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>Laufzeit:</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>Datenverzeichnis:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Open connections:</source>
        <translation>Offene Verbindungen:</translation>
    </message>
    <message>
        <source>Messages today:</source>
        <translation>Nachrichten heute:</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>No mail services are registered yet.</source>
        <translation>Es sind noch keine Maildienste registriert.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Listening on:</source>
        <translation>Lauscht auf:</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
    <message>
        <source>Counters since start:</source>
        <translation>Zähler seit dem Start:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Embedded (an ordinary user, high ports)</source>
        <translation>Eingebettet (gewöhnlicher Benutzer, hohe Ports)</translation>
    </message>
    <message>
        <source>System service (standard ports)</source>
        <translation>Systemdienst (Standardports)</translation>
    </message>
    <message>
        <source>not counted by this daemon</source>
        <translation>von diesem Daemon nicht gezählt</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Gestartet am %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
</context>
<context>
    <name>admin::SelfSignedDialog</name>
    <message>
        <source>New Self-Signed Certificate</source>
        <translation>Neues selbstsigniertes Zertifikat</translation>
    </message>
    <message>
        <source>e.g. mail-2027</source>
        <translation>z. B. mail-2027</translation>
    </message>
    <message>
        <source>The names clients use to reach this server, separated by commas</source>
        <translation>Die Namen, unter denen Clients diesen Server erreichen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Host names:</source>
        <translation>Hostnamen:</translation>
    </message>
    <message>
        <source>Valid for:</source>
        <translation>Gültig für:</translation>
    </message>
    <message>
        <source>New Certificate Signing Request</source>
        <translation>Neue Zertifikatsignieranforderung</translation>
    </message>
</context>
<context>
    <name>admin::ServiceActions</name>
    <message>
        <source>Start Service</source>
        <translation>Dienst starten</translation>
    </message>
    <message>
        <source>Stop Service</source>
        <translation>Dienst stoppen</translation>
    </message>
    <message>
        <source>Start All</source>
        <translation>Alle starten</translation>
    </message>
    <message>
        <source>Start every mail service that is not running</source>
        <translation>Jeden nicht laufenden Maildienst starten</translation>
    </message>
    <message>
        <source>Stop All</source>
        <translation>Alle stoppen</translation>
    </message>
    <message>
        <source>Stop every running mail service</source>
        <translation>Jeden laufenden Maildienst stoppen</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>%1 starten</translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation>%1 stoppen</translation>
    </message>
    <message>
        <source>Stop %1?</source>
        <translation>%1 stoppen?</translation>
    </message>
    <message>
        <source>Stop all mail services?</source>
        <translation>Alle Maildienste stoppen?</translation>
    </message>
    <message>
        <source>Clients connected to %1 are disconnected, and no mail is received there until it is started again.</source>
        <translation>Mit %1 verbundene Clients werden getrennt, und dort wird keine Post empfangen, bis der Dienst wieder gestartet wird.</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Could not stop %1: %2</source>
        <translation>%1 konnte nicht gestoppt werden: %2</translation>
    </message>
</context>
<context>
    <name>admin::ServiceListModel</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 does not start with the daemon.</source>
        <translation>%1 startet nicht mit dem Daemon.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Listening on</source>
        <translation>Lauscht auf</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>admin::SettingField</name>
    <message>
        <source>One per line</source>
        <translation>Eine pro Zeile</translation>
    </message>
    <message>
        <source>Fixed on the daemon&apos;s command line; it cannot be changed here.</source>
        <translation>Auf der Befehlszeile des Daemons festgelegt; hier nicht änderbar.</translation>
    </message>
</context>
<context>
    <name>admin::SettingsLayout</name>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Host name:</source>
        <translation>Hostname:</translation>
    </message>
    <message>
        <source>SMTP enabled:</source>
        <translation>SMTP aktiviert:</translation>
    </message>
    <message>
        <source>POP3 enabled:</source>
        <translation>POP3 aktiviert:</translation>
    </message>
    <message>
        <source>IMAP enabled:</source>
        <translation>IMAP aktiviert:</translation>
    </message>
    <message>
        <source>Listen on addresses:</source>
        <translation>Auf Adressen lauschen:</translation>
    </message>
    <message>
        <source>SMTP port:</source>
        <translation>SMTP-Port:</translation>
    </message>
    <message>
        <source>Submission port:</source>
        <translation>Submission-Port:</translation>
    </message>
    <message>
        <source>SMTPS port:</source>
        <translation>SMTPS-Port:</translation>
    </message>
    <message>
        <source>POP3 port:</source>
        <translation>POP3-Port:</translation>
    </message>
    <message>
        <source>POP3S port:</source>
        <translation>POP3S-Port:</translation>
    </message>
    <message>
        <source>IMAP port:</source>
        <translation>IMAP-Port:</translation>
    </message>
    <message>
        <source>IMAPS port:</source>
        <translation>IMAPS-Port:</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>Weiterleitung</translation>
    </message>
    <message>
        <source>Trusted networks (may relay):</source>
        <translation>Vertrauenswürdige Netze (dürfen weiterleiten):</translation>
    </message>
    <message>
        <source>Relay requires authentication:</source>
        <translation>Weiterleitung erfordert Anmeldung:</translation>
    </message>
    <message>
        <source>Filters &amp; limits</source>
        <translation>Filter und Grenzen</translation>
    </message>
    <message>
        <source>Largest message (bytes):</source>
        <translation>Größte Nachricht (Bytes):</translation>
    </message>
    <message>
        <source>Recipients per message:</source>
        <translation>Empfänger pro Nachricht:</translation>
    </message>
    <message>
        <source>SMTP connections per address:</source>
        <translation>SMTP-Verbindungen pro Adresse:</translation>
    </message>
    <message>
        <source>SMTP connections in all:</source>
        <translation>SMTP-Verbindungen insgesamt:</translation>
    </message>
    <message>
        <source>Received: headers before a loop:</source>
        <translation>Received:-Kopfzeilen bis zur Schleife:</translation>
    </message>
    <message>
        <source>POP3 connections per address:</source>
        <translation>POP3-Verbindungen pro Adresse:</translation>
    </message>
    <message>
        <source>IMAP connections per address:</source>
        <translation>IMAP-Verbindungen pro Adresse:</translation>
    </message>
    <message>
        <source>IMAP connections in all:</source>
        <translation>IMAP-Verbindungen insgesamt:</translation>
    </message>
    <message>
        <source>Largest IMAP upload (bytes):</source>
        <translation>Größter IMAP-Upload (Bytes):</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Protokollierung</translation>
    </message>
    <message>
        <source>Least severe level:</source>
        <translation>Niedrigste Stufe:</translation>
    </message>
    <message>
        <source>Also write to a file:</source>
        <translation>Auch in eine Datei schreiben:</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>SMTP TLS:</source>
        <translation>SMTP-TLS:</translation>
    </message>
    <message>
        <source>POP3 TLS:</source>
        <translation>POP3-TLS:</translation>
    </message>
    <message>
        <source>IMAP TLS:</source>
        <translation>IMAP-TLS:</translation>
    </message>
    <message>
        <source>Default certificate:</source>
        <translation>Standardzertifikat:</translation>
    </message>
    <message>
        <source>SMTP certificate:</source>
        <translation>SMTP-Zertifikat:</translation>
    </message>
    <message>
        <source>POP3 certificate:</source>
        <translation>POP3-Zertifikat:</translation>
    </message>
    <message>
        <source>IMAP certificate:</source>
        <translation>IMAP-Zertifikat:</translation>
    </message>
    <message>
        <source>Quota warning threshold (%):</source>
        <translation>Quota-Warnschwelle (%):</translation>
    </message>
</context>
<context>
    <name>admin::SettingsPane</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Reading the settings…</source>
        <translation>Einstellungen werden gelesen…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Could not read the settings: %1</source>
        <translation>Die Einstellungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird übernommen…</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht übernommen: %1</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Übernommen.</translation>
    </message>
    <message>
        <source>Local domains:</source>
        <translation>Lokale Domains:</translation>
    </message>
</context>
<context>
    <name>admin::Sidebar</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>common::validation</name>
    <message>
        <source>a domain name may not contain an empty label (two dots in a row, or a dot at either end)</source>
        <translation>ein Domainname darf keinen leeren Teil enthalten (zwei Punkte hintereinander oder ein Punkt am Anfang oder Ende)</translation>
    </message>
    <message>
        <source>each part of a domain name must be at most 63 characters</source>
        <translation>jeder Teil eines Domainnamens darf höchstens 63 Zeichen lang sein</translation>
    </message>
    <message>
        <source>a domain name may contain only letters, digits, hyphens and dots</source>
        <translation>ein Domainname darf nur Buchstaben, Ziffern, Bindestriche und Punkte enthalten</translation>
    </message>
    <message>
        <source>a part of a domain name may not begin or end with a hyphen</source>
        <translation>ein Teil eines Domainnamens darf nicht mit einem Bindestrich beginnen oder enden</translation>
    </message>
    <message>
        <source>the short name is empty</source>
        <translation>der Kurzname ist leer</translation>
    </message>
    <message>
        <source>the short name must be at most 64 characters</source>
        <translation>der Kurzname darf höchstens 64 Zeichen lang sein</translation>
    </message>
    <message>
        <source>the short name may contain only lower-case letters a-z, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>der Kurzname darf nur Kleinbuchstaben a-z, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos; enthalten</translation>
    </message>
    <message>
        <source>the short name must begin with a letter or a digit</source>
        <translation>der Kurzname muss mit einem Buchstaben oder einer Ziffer beginnen</translation>
    </message>
    <message>
        <source>the short name may not end with &apos;.&apos;</source>
        <translation>der Kurzname darf nicht mit &apos;.&apos; enden</translation>
    </message>
    <message>
        <source>the short name may not contain &apos;..&apos;</source>
        <translation>der Kurzname darf kein &apos;..&apos; enthalten</translation>
    </message>
    <message>
        <source>the domain name is empty</source>
        <translation>der Domainname ist leer</translation>
    </message>
    <message>
        <source>a domain name must be at most 253 characters</source>
        <translation>ein Domainname darf höchstens 253 Zeichen lang sein</translation>
    </message>
    <message>
        <source>the last part of a domain name may not be all digits</source>
        <translation>der letzte Teil eines Domainnamens darf nicht nur aus Ziffern bestehen</translation>
    </message>
    <message>
        <source>an MX record names a host, not an IP address: give the mail server&apos;s host name</source>
        <translation>ein MX-Eintrag nennt einen Host, keine IP-Adresse: Geben Sie den Hostnamen des Mailservers an</translation>
    </message>
    <message>
        <source>the host name must be fully qualified, e.g. mail.example.org</source>
        <translation>der Hostname muss vollständig sein, z. B. mail.example.org</translation>
    </message>
    <message>
        <source>the address is empty</source>
        <translation>die Adresse ist leer</translation>
    </message>
    <message>
        <source>an address must be at most 254 characters</source>
        <translation>eine Adresse darf höchstens 254 Zeichen lang sein</translation>
    </message>
    <message>
        <source>an address needs an &apos;@&apos; between the name and the domain</source>
        <translation>eine Adresse braucht ein &apos;@&apos; zwischen Name und Domain</translation>
    </message>
    <message>
        <source>the part before &apos;@&apos; is empty</source>
        <translation>der Teil vor &apos;@&apos; ist leer</translation>
    </message>
    <message>
        <source>the part before &apos;@&apos; must be at most 64 characters</source>
        <translation>der Teil vor &apos;@&apos; darf höchstens 64 Zeichen lang sein</translation>
    </message>
    <message>
        <source>the part before &apos;@&apos; may not begin or end with &apos;.&apos; or contain &apos;..&apos;</source>
        <translation>der Teil vor &apos;@&apos; darf nicht mit &apos;.&apos; beginnen oder enden und kein &apos;..&apos; enthalten</translation>
    </message>
    <message>
        <source>the part before &apos;@&apos; contains a character that is not allowed (quoted names, &apos;@&apos;, &apos;%&apos;, spaces and control characters are refused)</source>
        <translation>der Teil vor &apos;@&apos; enthält ein unzulässiges Zeichen (Namen in Anführungszeichen, &apos;@&apos;, &apos;%&apos;, Leerzeichen und Steuerzeichen werden abgelehnt)</translation>
    </message>
    <message>
        <source>the full name must be at most 256 characters</source>
        <translation>der vollständige Name darf höchstens 256 Zeichen lang sein</translation>
    </message>
    <message>
        <source>the full name may not contain control characters or line breaks</source>
        <translation>der vollständige Name darf keine Steuerzeichen oder Zeilenumbrüche enthalten</translation>
    </message>
    <message>
        <source>the password must be at least 8 characters</source>
        <translation>das Passwort muss mindestens 8 Zeichen lang sein</translation>
    </message>
    <message>
        <source>the password must be at most 1024 bytes</source>
        <translation>das Passwort darf höchstens 1024 Byte lang sein</translation>
    </message>
    <message>
        <source>the password may not contain control characters</source>
        <translation>das Passwort darf keine Steuerzeichen enthalten</translation>
    </message>
</context>
<context>
    <name>gui::ConnectionManager</name>
    <message>
        <source>The mail daemon at %1 did not answer in time.</source>
        <translation>Der Mail-Daemon unter %1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>You are not allowed to administer this mail server: only root, the user that runs maild and members of its administrators&apos; group may use its control socket.</source>
        <translation>Sie dürfen diesen Mailserver nicht verwalten: Nur root, der Benutzer, unter dem maild läuft, und die Mitglieder seiner Administratorengruppe dürfen seinen Steuer-Socket benutzen.</translation>
    </message>
    <message>
        <source>The connection to the mail daemon was lost.</source>
        <translation>Die Verbindung zum Mail-Daemon ist abgebrochen.</translation>
    </message>
    <message>
        <source>The mail daemon closed the connection during login.</source>
        <translation>Der Mail-Daemon hat die Verbindung während der Anmeldung geschlossen.</translation>
    </message>
    <message>
        <source>This mail daemon is older than this tool, which needs control protocol version %1. Update maild, or use the tools that came with it.</source>
        <translation>Dieser Mail-Daemon ist älter als dieses Programm, das Version %1 des Steuerprotokolls benötigt. Aktualisieren Sie maild oder verwenden Sie die Programme, die mit ihm geliefert wurden.</translation>
    </message>
    <message>
        <source>The mail daemon refused the connection: %1</source>
        <translation>Der Mail-Daemon hat die Verbindung abgelehnt: %1</translation>
    </message>
    <message>
        <source>This server has no administrator yet. Run `mailctl bootstrap` as the user that runs maild.</source>
        <translation>Dieser Server hat noch keinen Administrator. Führen Sie `mailctl bootstrap` als der Benutzer aus, unter dem maild läuft.</translation>
    </message>
    <message>
        <source>Wrong name or password.</source>
        <translation>Falscher Name oder falsches Passwort.</translation>
    </message>
    <message>
        <source>The mail daemon refused the login: %1</source>
        <translation>Der Mail-Daemon hat die Anmeldung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Too many failed attempts; try again in %1 seconds.</source>
        <translation>Zu viele fehlgeschlagene Versuche; versuchen Sie es in %1 Sekunden erneut.</translation>
    </message>
    <message>
        <source>The mail daemon failed: %1</source>
        <translation>Der Mail-Daemon ist gescheitert: %1</translation>
    </message>
    <message>
        <source>You are not allowed to administer this mail server: your user may not open the control socket %1. Ask to be made a member of the mail administrators&apos; group.</source>
        <translation>Sie dürfen diesen Mailserver nicht verwalten: Ihr Benutzer darf den Steuer-Socket %1 nicht öffnen. Bitten Sie darum, in die Gruppe der Mail-Administratoren aufgenommen zu werden.</translation>
    </message>
    <message>
        <source>The mail daemon is not running: there is no control socket at %1. Start maild, or choose the socket of the daemon you want to administer.</source>
        <translation>Der Mail-Daemon läuft nicht: Unter %1 gibt es keinen Steuer-Socket. Starten Sie maild oder wählen Sie den Socket des Daemons, den Sie verwalten möchten.</translation>
    </message>
    <message>
        <source>%1 is not a control socket. Choose the file control.sock in the run directory of the mail daemon&apos;s data directory.</source>
        <translation>%1 ist kein Steuer-Socket. Wählen Sie die Datei control.sock im Verzeichnis run des Datenverzeichnisses des Mail-Daemons.</translation>
    </message>
    <message>
        <source>The mail daemon is not running: nothing answers on the control socket %1.</source>
        <translation>Der Mail-Daemon läuft nicht: Am Steuer-Socket %1 antwortet niemand.</translation>
    </message>
</context>
<context>
    <name>gui::ConnectionStatus</name>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Verbunden mit %1 als %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting…</source>
        <translation>Verbindung verloren — neuer Verbindungsversuch…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation>Getrennt: %1</translation>
    </message>
</context>
<context>
    <name>gui::DisplayFormat</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1&#xa0;T. %2&#xa0;Std.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1&#xa0;Std. %2&#xa0;Min.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1&#xa0;Min.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;Sek.</translation>
    </message>
</context>
<context>
    <name>gui::LoginDialog</name>
    <message>
        <source>Log In</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>&lt;b&gt;Log in to the mail server&lt;/b&gt;</source>
        <translation>&lt;b&gt;Am Mailserver anmelden&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Enter the name and password of an administrator of the mail server.</source>
        <translation>Geben Sie Namen und Passwort eines Administrators des Mailservers ein.</translation>
    </message>
    <message>
        <source>The control socket of the mail daemon: control.sock in the run directory of its data directory.</source>
        <translation>Der Steuer-Socket des Mail-Daemons: control.sock im Verzeichnis run seines Datenverzeichnisses.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Control socket:</source>
        <translation>&amp;Steuer-Socket:</translation>
    </message>
    <message>
        <source>Administrator &amp;name:</source>
        <translation>&amp;Name des Administrators:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Enter the path of the mail daemon&apos;s control socket.</source>
        <translation>Geben Sie den Pfad des Steuer-Sockets des Mail-Daemons ein.</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s name.</source>
        <translation>Geben Sie den Namen des Administrators ein.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Geben Sie das Passwort ein.</translation>
    </message>
    <message>
        <source>Connecting to the mail daemon…</source>
        <translation>Verbindung mit dem Mail-Daemon wird hergestellt…</translation>
    </message>
    <message>
        <source>Login cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <source>Logged in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Sie können es jetzt erneut versuchen.</translation>
    </message>
    <message>
        <source>Choose the Control Socket</source>
        <translation>Steuer-Socket auswählen</translation>
    </message>
    <message>
        <source>Control sockets (*.sock)</source>
        <translation>Steuer-Sockets (*.sock)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Administer the Mailroom mail server.</source>
        <translation>Den Mailroom-Mailserver verwalten.</translation>
    </message>
    <message>
        <source>The control socket of the mail daemon.</source>
        <translation>Der Steuer-Socket des Mail-Daemons.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>pfad</translation>
    </message>
    <message>
        <source>The administrator&apos;s name.</source>
        <translation>Der Name des Administrators.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>The mail daemon is reached through its control socket: the path given with --socket, else $MAILROOM_SOCKET, else the path used at the last login, else the embedded daemon&apos;s socket (%1).</source>
        <translation>Der Mail-Dienst wird über seinen Steuer-Socket erreicht: den mit --socket angegebenen Pfad, sonst $MAILROOM_SOCKET, sonst den Pfad der letzten Anmeldung, sonst den Socket des eingebetteten Dienstes (%1).</translation>
    </message>
    <message>
        <source>The language follows the locale: LANG=fr_FR.UTF-8 for French, LANG=de_DE.UTF-8 for German, LANG=C.UTF-8 for English.</source>
        <translation>Die Sprache folgt der Locale: LANG=fr_FR.UTF-8 für Französisch, LANG=de_DE.UTF-8 für Deutsch, LANG=C.UTF-8 für Englisch.</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos;.</source>
        <translation>Siehe »%1 --help«.</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>unerwartetes Argument: %1</translation>
    </message>
</context>
</TS>
