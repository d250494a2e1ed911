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
        <source>Manage the accounts of the Mailroom mail server.</source>
        <translation>Die Konten des Mailroom-Mailservers verwalten.</translation>
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
        <source>Enter the name and password of an administrator to manage the accounts.</source>
        <translation>Geben Sie Namen und Passwort eines Administrators ein, um die Konten zu verwalten.</translation>
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
<context>
    <name>usermgr::AccountCsv</name>
    <message>
        <source>The file holds no accounts.</source>
        <translation>Die Datei enthält keine Accounts.</translation>
    </message>
    <message>
        <source>The first line must name the columns: %1.</source>
        <translation>Die erste Zeile muss die Spalten benennen: %1.</translation>
    </message>
    <message>
        <source>more fields than columns</source>
        <translation>mehr Felder als Spalten</translation>
    </message>
    <message>
        <source>name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>name: %1 appears twice in the file</source>
        <translation>Name: %1 kommt in der Datei zweimal vor</translation>
    </message>
    <message>
        <source>full name: %1</source>
        <translation>vollständiger Name: %1</translation>
    </message>
    <message>
        <source>address %1: %2</source>
        <translation>Adresse %1: %2</translation>
    </message>
    <message>
        <source>mail state must be enabled, disabled or forward</source>
        <translation>der E-Mail-Status muss enabled, disabled oder forward sein</translation>
    </message>
    <message>
        <source>forward address: %1</source>
        <translation>Weiterleitungsadresse: %1</translation>
    </message>
    <message>
        <source>forwarding needs the address to forward to</source>
        <translation>eine Weiterleitung braucht die Zieladresse</translation>
    </message>
    <message>
        <source>mail server: %1</source>
        <translation>Mail-Server: %1</translation>
    </message>
    <message>
        <source>quota must be a number of bytes (0: no limit)</source>
        <translation>das Kontingent muss eine Anzahl Bytes sein (0: keine Grenze)</translation>
    </message>
    <message>
        <source>access must be both, pop or imap</source>
        <translation>der Zugriff muss both, pop oder imap sein</translation>
    </message>
    <message>
        <source>password: %1</source>
        <translation>Passwort: %1</translation>
    </message>
</context>
<context>
    <name>usermgr::AccountEditor</name>
    <message>
        <source>Basic</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Sichern</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;. Fixed once the account exists.</source>
        <translation>Kleinbuchstaben, Ziffern, „.“, „_“ und „-“. Nicht mehr änderbar, sobald der Account existiert.</translation>
    </message>
    <message>
        <source>Short &amp;name:</source>
        <translation>&amp;Kurzname:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Vollständiger Name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Verify:</source>
        <translation>&amp;Bestätigen:</translation>
    </message>
    <message>
        <source>User can &amp;administer the mail server</source>
        <translation>Benutzer darf den Mail-Server &amp;verwalten</translation>
    </message>
    <message>
        <source>Other addresses of this account, in a local domain. Double-click to edit.</source>
        <translation>Weitere Adressen dieses Accounts in einer lokalen Domain. Zum Bearbeiten doppelklicken.</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Email &amp;aliases:</source>
        <translation>E-Mail-&amp;Aliasse:</translation>
    </message>
    <message>
        <source>No password: the account cannot log in.</source>
        <translation>Kein Passwort: Der Account kann sich nicht anmelden.</translation>
    </message>
    <message>
        <source>Too short: at least %1 characters.</source>
        <translation>Zu kurz: mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Weak: mix letters, digits and symbols, or make it longer.</source>
        <translation>Schwach: Buchstaben, Ziffern und Symbole mischen oder länger wählen.</translation>
    </message>
    <message>
        <source>Fair.</source>
        <translation>Mittel.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Stark.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>No account selected</source>
        <translation>Kein Account ausgewählt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n accounts selected: the Mail tab changes all of them.</source>
        <translation>
            <numerusform>%n Account ausgewählt: Der Reiter E-Mail ändert alle.</numerusform>
            <numerusform>%n Accounts ausgewählt: Der Reiter E-Mail ändert alle.</numerusform>
        </translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Neuer Account</translation>
    </message>
    <message>
        <source>The password and its confirmation differ.</source>
        <translation>Passwort und Bestätigung unterscheiden sich.</translation>
    </message>
    <message>
        <source>%1 of %2 accounts could not be changed.</source>
        <translation>%1 von %2 Accounts konnten nicht geändert werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n accounts changed.</source>
        <translation>
            <numerusform>%n Account geändert.</numerusform>
            <numerusform>%n Accounts geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>Account %1 angelegt.</translation>
    </message>
    <message>
        <source>Account %1 saved.</source>
        <translation>Account %1 gesichert.</translation>
    </message>
</context>
<context>
    <name>usermgr::AccountListModel</name>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Forwarded to %1</source>
        <translation>Weitergeleitet an %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <source>%1 is an administrator of the mail server.</source>
        <translation>%1 ist Administrator des Mailservers.</translation>
    </message>
    <message>
        <source>%1 used of %2</source>
        <translation>%1 von %2 belegt</translation>
    </message>
    <message>
        <source>%1 used, no quota</source>
        <translation>%1 belegt, kein Kontingent</translation>
    </message>
    <message>
        <source>Short Name</source>
        <translation>Kurzname</translation>
    </message>
    <message>
        <source>Full Name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Kontingent</translation>
    </message>
    <message>
        <source>Could not list the accounts: %1</source>
        <translation>Die Konten konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Belegt</translation>
    </message>
</context>
<context>
    <name>usermgr::ImportDialog</name>
    <message>
        <source>Import Accounts</source>
        <translation>Accounts importieren</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) ready to import.</source>
        <translation>
            <numerusform>%n Account bereit zum Import.</numerusform>
            <numerusform>%n Accounts bereit zum Import.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused because of errors, and not imported: row(s) %1.</source>
        <translation>Wegen Fehlern abgelehnt und nicht importiert: Zeile(n) %1.</translation>
    </message>
    <message>
        <source>Nothing is written until you click Import.</source>
        <translation>Nichts wird geschrieben, bevor Sie auf Importieren klicken.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message numerus="yes">
        <source>Creating %n account(s)…</source>
        <translation>
            <numerusform>%n Account wird angelegt…</numerusform>
            <numerusform>%n Accounts werden angelegt…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) created.</source>
        <translation>
            <numerusform>%n Account angelegt.</numerusform>
            <numerusform>%n Accounts angelegt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 account(s) created, %2 failed (see Status).</source>
        <translation>%1 Account(s) angelegt, %2 fehlgeschlagen (siehe Status).</translation>
    </message>
</context>
<context>
    <name>usermgr::ImportPreviewModel</name>
    <message>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <source>POP and IMAP</source>
        <translation>POP und IMAP</translation>
    </message>
    <message>
        <source>POP only</source>
        <translation>Nur POP</translation>
    </message>
    <message>
        <source>IMAP only</source>
        <translation>Nur IMAP</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Short Name</source>
        <translation>Kurzname</translation>
    </message>
    <message>
        <source>Full Name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Kontingent</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>usermgr::MailTab</name>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Keine</translation>
    </message>
    <message>
        <source>Mail for this account is refused.</source>
        <translation>E-Mail für diesen Account wird abgelehnt.</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Aktiviert</translation>
    </message>
    <message>
        <source>&amp;Forward to:</source>
        <translation>&amp;Weiterleiten an:</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Gemischt</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>Mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>this server</source>
        <translation>dieser Server</translation>
    </message>
    <message>
        <source>Mail &amp;server:</source>
        <translation>Mail-&amp;Server:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source>0 means no limit.</source>
        <translation>0 bedeutet keine Grenze.</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <source>Mail &amp;quota:</source>
        <translation>E-Mail-&amp;Kontingent:</translation>
    </message>
    <message>
        <source>&amp;Both POP and IMAP</source>
        <translation>&amp;POP und IMAP</translation>
    </message>
    <message>
        <source>&amp;POP only</source>
        <translation>Nur P&amp;OP</translation>
    </message>
    <message>
        <source>&amp;IMAP only</source>
        <translation>Nur &amp;IMAP</translation>
    </message>
    <message>
        <source>Mail access:</source>
        <translation>E-Mail-Zugriff:</translation>
    </message>
    <message>
        <source>%1 used, no limit</source>
        <translation>%1 belegt, keine Grenze</translation>
    </message>
    <message>
        <source>%1 of %2 used (%3%)</source>
        <translation>%1 von %2 belegt (%3 %)</translation>
    </message>
    <message>
        <source>A warning is sent past %1% of the quota.</source>
        <translation>Ab %1 % des Kontingents wird eine Warnung gesendet.</translation>
    </message>
</context>
<context>
    <name>usermgr::MainWindow</name>
    <message>
        <source>Find accounts by name, full name or address</source>
        <translation>Konten nach Name, vollständigem Namen oder Adresse suchen</translation>
    </message>
    <message>
        <source>The connection to the mail daemon ended: %1</source>
        <translation>Die Verbindung zum Mail-Daemon wurde beendet: %1</translation>
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
        <source>&amp;Find Accounts</source>
        <translation>Konten &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Accounts — %1</source>
        <translation>Konten — %1</translation>
    </message>
    <message>
        <source>Loading accounts…</source>
        <translation>Konten werden geladen…</translation>
    </message>
    <message>
        <source>No account matches “%1”.</source>
        <translation>Kein Konto passt zu „%1“.</translation>
    </message>
    <message>
        <source>Accounts: %1 of %2 loaded</source>
        <translation>Konten: %1 von %2 geladen</translation>
    </message>
    <message>
        <source>Accounts: %1</source>
        <translation>Konten: %1</translation>
    </message>
    <message>
        <source>F&amp;ind:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Delete Account</source>
        <translation>Account löschen</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) deleted.</source>
        <translation>
            <numerusform>%n Account gelöscht.</numerusform>
            <numerusform>%n Accounts gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Einen Account anlegen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>Create an account with the selected account&apos;s settings</source>
        <translation>Einen Account mit den Einstellungen des ausgewählten Accounts anlegen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import Accounts</source>
        <translation>Accounts importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Export Accounts</source>
        <translation>Accounts exportieren</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungesicherte Änderungen</translation>
    </message>
    <message>
        <source>The account has changes that are not saved. Save them?</source>
        <translation>Der Account hat ungesicherte Änderungen. Sichern?</translation>
    </message>
    <message>
        <source>Delete the account “%1”? Its mail on this server is deleted with it. This cannot be undone.</source>
        <translation>Den Account „%1“ löschen? Seine E-Mails auf diesem Server werden mit gelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete %1 accounts (%2)? Their mail on this server is deleted with them. This cannot be undone.</source>
        <translation>%1 Accounts (%2) löschen? Ihre E-Mails auf diesem Server werden mit gelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Import: %1 account(s) created, %2 failed.</source>
        <translation>Import: %1 Account(s) angelegt, %2 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Could not export the accounts: %1</source>
        <translation>Die Accounts konnten nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) exported to %1.</source>
        <translation>
            <numerusform>%n Account nach %1 exportiert.</numerusform>
            <numerusform>%n Accounts nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
</TS>
