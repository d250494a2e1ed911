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
