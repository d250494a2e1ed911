<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ControlClient</name>
    <message>
        <source>The connection to the mail daemon was closed.</source>
        <translation>La connexion au démon de messagerie a été fermée.</translation>
    </message>
    <message>
        <source>The mail daemon is not running (no control socket at %1).</source>
        <translation>Le démon de messagerie ne fonctionne pas (aucun socket de contrôle à %1).</translation>
    </message>
    <message>
        <source>The mail daemon is not running (the control socket %1 refused the connection).</source>
        <translation>Le démon de messagerie ne fonctionne pas (le socket de contrôle %1 a refusé la connexion).</translation>
    </message>
    <message>
        <source>Not allowed: you may not open the control socket %1. Ask for membership of the mail administrators&apos; group.</source>
        <translation>Non autorisé&#xa0;: vous ne pouvez pas ouvrir le socket de contrôle %1. Demandez à faire partie du groupe des administrateurs de la messagerie.</translation>
    </message>
    <message>
        <source>The mail daemon did not answer in time (%1).</source>
        <translation>Le démon de messagerie n&apos;a pas répondu à temps (%1).</translation>
    </message>
    <message>
        <source>Cannot talk to the mail daemon at %1.</source>
        <translation>Impossible de communiquer avec le démon de messagerie à %1.</translation>
    </message>
</context>
<context>
    <name>common::validation</name>
    <message>
        <source>a domain name may not contain an empty label (two dots in a row, or a dot at either end)</source>
        <translation>un nom de domaine ne peut pas contenir de partie vide (deux points de suite, ou un point à une extrémité)</translation>
    </message>
    <message>
        <source>each part of a domain name must be at most 63 characters</source>
        <translation>chaque partie d&apos;un nom de domaine doit compter au plus 63 caractères</translation>
    </message>
    <message>
        <source>a domain name may contain only letters, digits, hyphens and dots</source>
        <translation>un nom de domaine ne peut contenir que des lettres, des chiffres, des tirets et des points</translation>
    </message>
    <message>
        <source>a part of a domain name may not begin or end with a hyphen</source>
        <translation>une partie d&apos;un nom de domaine ne peut ni commencer ni finir par un tiret</translation>
    </message>
    <message>
        <source>the short name is empty</source>
        <translation>le nom court est vide</translation>
    </message>
    <message>
        <source>the short name must be at most 64 characters</source>
        <translation>le nom court doit compter au plus 64 caractères</translation>
    </message>
    <message>
        <source>the short name may contain only lower-case letters a-z, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>le nom court ne peut contenir que des minuscules a-z, des chiffres, &apos;.&apos;, &apos;_&apos; et &apos;-&apos;</translation>
    </message>
    <message>
        <source>the short name must begin with a letter or a digit</source>
        <translation>le nom court doit commencer par une lettre ou un chiffre</translation>
    </message>
    <message>
        <source>the short name may not end with &apos;.&apos;</source>
        <translation>le nom court ne peut pas finir par &apos;.&apos;</translation>
    </message>
    <message>
        <source>the short name may not contain &apos;..&apos;</source>
        <translation>le nom court ne peut pas contenir &apos;..&apos;</translation>
    </message>
    <message>
        <source>the domain name is empty</source>
        <translation>le nom de domaine est vide</translation>
    </message>
    <message>
        <source>a domain name must be at most 253 characters</source>
        <translation>un nom de domaine doit compter au plus 253 caractères</translation>
    </message>
    <message>
        <source>the last part of a domain name may not be all digits</source>
        <translation>la dernière partie d&apos;un nom de domaine ne peut pas être composée uniquement de chiffres</translation>
    </message>
    <message>
        <source>an MX record names a host, not an IP address: give the mail server&apos;s host name</source>
        <translation>un enregistrement MX nomme un hôte, pas une adresse IP : indiquez le nom d&apos;hôte du serveur de messagerie</translation>
    </message>
    <message>
        <source>the host name must be fully qualified, e.g. mail.example.org</source>
        <translation>le nom d&apos;hôte doit être complet, p. ex. mail.example.org</translation>
    </message>
    <message>
        <source>the address is empty</source>
        <translation>l&apos;adresse est vide</translation>
    </message>
    <message>
        <source>an address must be at most 254 characters</source>
        <translation>une adresse doit compter au plus 254 caractères</translation>
    </message>
    <message>
        <source>an address needs an &apos;@&apos; between the name and the domain</source>
        <translation>une adresse a besoin d&apos;un &apos;@&apos; entre le nom et le domaine</translation>
    </message>
    <message>
        <source>the part before &apos;@&apos; is empty</source>
        <translation>la partie avant &apos;@&apos; est vide</translation>
    </message>
    <message>
        <source>the part before &apos;@&apos; must be at most 64 characters</source>
        <translation>la partie avant &apos;@&apos; doit compter au plus 64 caractères</translation>
    </message>
    <message>
        <source>the part before &apos;@&apos; may not begin or end with &apos;.&apos; or contain &apos;..&apos;</source>
        <translation>la partie avant &apos;@&apos; ne peut ni commencer ni finir par &apos;.&apos;, ni contenir &apos;..&apos;</translation>
    </message>
    <message>
        <source>the part before &apos;@&apos; contains a character that is not allowed (quoted names, &apos;@&apos;, &apos;%&apos;, spaces and control characters are refused)</source>
        <translation>la partie avant &apos;@&apos; contient un caractère interdit (noms entre guillemets, &apos;@&apos;, &apos;%&apos;, espaces et caractères de contrôle sont refusés)</translation>
    </message>
    <message>
        <source>the full name must be at most 256 characters</source>
        <translation>le nom complet doit compter au plus 256 caractères</translation>
    </message>
    <message>
        <source>the full name may not contain control characters or line breaks</source>
        <translation>le nom complet ne peut contenir ni caractères de contrôle ni sauts de ligne</translation>
    </message>
    <message>
        <source>the password must be at least 8 characters</source>
        <translation>le mot de passe doit compter au moins 8 caractères</translation>
    </message>
    <message>
        <source>the password must be at most 1024 bytes</source>
        <translation>le mot de passe doit compter au plus 1024 octets</translation>
    </message>
    <message>
        <source>the password may not contain control characters</source>
        <translation>le mot de passe ne peut pas contenir de caractères de contrôle</translation>
    </message>
</context>
<context>
    <name>gui::ConnectionManager</name>
    <message>
        <source>The mail daemon at %1 did not answer in time.</source>
        <translation>Le démon de messagerie à %1 n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <source>You are not allowed to administer this mail server: only root, the user that runs maild and members of its administrators&apos; group may use its control socket.</source>
        <translation>Vous n&apos;êtes pas autorisé à administrer ce serveur de messagerie&#xa0;: seuls root, l&apos;utilisateur qui exécute maild et les membres de son groupe d&apos;administrateurs peuvent utiliser son socket de contrôle.</translation>
    </message>
    <message>
        <source>The connection to the mail daemon was lost.</source>
        <translation>La connexion au démon de messagerie a été perdue.</translation>
    </message>
    <message>
        <source>The mail daemon closed the connection during login.</source>
        <translation>Le démon de messagerie a fermé la connexion pendant l&apos;identification.</translation>
    </message>
    <message>
        <source>This mail daemon is older than this tool, which needs control protocol version %1. Update maild, or use the tools that came with it.</source>
        <translation>Ce démon de messagerie est plus ancien que cet outil, qui nécessite la version %1 du protocole de contrôle. Mettez maild à jour, ou utilisez les outils livrés avec lui.</translation>
    </message>
    <message>
        <source>The mail daemon refused the connection: %1</source>
        <translation>Le démon de messagerie a refusé la connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>This server has no administrator yet. Run `mailctl bootstrap` as the user that runs maild.</source>
        <translation>Ce serveur n&apos;a pas encore d&apos;administrateur. Lancez `mailctl bootstrap` en tant que l&apos;utilisateur qui exécute maild.</translation>
    </message>
    <message>
        <source>Wrong name or password.</source>
        <translation>Nom ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>The mail daemon refused the login: %1</source>
        <translation>Le démon de messagerie a refusé l&apos;identification&#xa0;: %1</translation>
    </message>
    <message>
        <source>Too many failed attempts; try again in %1 seconds.</source>
        <translation>Trop de tentatives échouées&#xa0;; réessayez dans %1 secondes.</translation>
    </message>
    <message>
        <source>The mail daemon failed: %1</source>
        <translation>Le démon de messagerie a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>You are not allowed to administer this mail server: your user may not open the control socket %1. Ask to be made a member of the mail administrators&apos; group.</source>
        <translation>Vous n&apos;êtes pas autorisé à administrer ce serveur de messagerie&#xa0;: votre utilisateur ne peut pas ouvrir le socket de contrôle %1. Demandez à devenir membre du groupe des administrateurs de la messagerie.</translation>
    </message>
    <message>
        <source>The mail daemon is not running: there is no control socket at %1. Start maild, or choose the socket of the daemon you want to administer.</source>
        <translation>Le démon de messagerie ne fonctionne pas&#xa0;: il n&apos;y a pas de socket de contrôle à %1. Démarrez maild, ou choisissez le socket du démon que vous voulez administrer.</translation>
    </message>
    <message>
        <source>%1 is not a control socket. Choose the file control.sock in the run directory of the mail daemon&apos;s data directory.</source>
        <translation>%1 n&apos;est pas un socket de contrôle. Choisissez le fichier control.sock dans le répertoire run du répertoire de données du démon de messagerie.</translation>
    </message>
    <message>
        <source>The mail daemon is not running: nothing answers on the control socket %1.</source>
        <translation>Le démon de messagerie ne fonctionne pas&#xa0;: rien ne répond sur le socket de contrôle %1.</translation>
    </message>
</context>
<context>
    <name>gui::ConnectionStatus</name>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Connecté à %1 en tant que %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting…</source>
        <translation>Connexion perdue — reconnexion…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation>Déconnecté&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>gui::DisplayFormat</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1&#xa0;j %2&#xa0;h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1&#xa0;h %2&#xa0;min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1&#xa0;min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
</context>
<context>
    <name>gui::LoginDialog</name>
    <message>
        <source>Log In</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>&lt;b&gt;Log in to the mail server&lt;/b&gt;</source>
        <translation>&lt;b&gt;Connexion au serveur de messagerie&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Enter the name and password of an administrator of the mail server.</source>
        <translation>Saisissez le nom et le mot de passe d&apos;un administrateur du serveur de messagerie.</translation>
    </message>
    <message>
        <source>The control socket of the mail daemon: control.sock in the run directory of its data directory.</source>
        <translation>Le socket de contrôle du démon de messagerie&#xa0;: control.sock dans le répertoire run de son répertoire de données.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Control socket:</source>
        <translation>Socket de &amp;contrôle&#xa0;:</translation>
    </message>
    <message>
        <source>Administrator &amp;name:</source>
        <translation>&amp;Nom de l&apos;administrateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <source>Enter the path of the mail daemon&apos;s control socket.</source>
        <translation>Saisissez le chemin du socket de contrôle du démon de messagerie.</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s name.</source>
        <translation>Saisissez le nom de l&apos;administrateur.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Saisissez le mot de passe.</translation>
    </message>
    <message>
        <source>Connecting to the mail daemon…</source>
        <translation>Connexion au démon de messagerie…</translation>
    </message>
    <message>
        <source>Login cancelled.</source>
        <translation>Connexion annulée.</translation>
    </message>
    <message>
        <source>Logged in.</source>
        <translation>Connecté.</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Vous pouvez réessayer maintenant.</translation>
    </message>
    <message>
        <source>Choose the Control Socket</source>
        <translation>Choisir le socket de contrôle</translation>
    </message>
    <message>
        <source>Control sockets (*.sock)</source>
        <translation>Sockets de contrôle (*.sock)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Manage the accounts of the Mailroom mail server.</source>
        <translation>Gérer les comptes du serveur de messagerie Mailroom.</translation>
    </message>
    <message>
        <source>The control socket of the mail daemon.</source>
        <translation>Le socket de contrôle du démon de messagerie.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>chemin</translation>
    </message>
    <message>
        <source>The administrator&apos;s name.</source>
        <translation>Le nom de l&apos;administrateur.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Enter the name and password of an administrator to manage the accounts.</source>
        <translation>Saisissez le nom et le mot de passe d&apos;un administrateur pour gérer les comptes.</translation>
    </message>
    <message>
        <source>The mail daemon is reached through its control socket: the path given with --socket, else $MAILROOM_SOCKET, else the path used at the last login, else the embedded daemon&apos;s socket (%1).</source>
        <translation>Le démon de messagerie est joint par son socket de contrôle : le chemin donné avec --socket, sinon $MAILROOM_SOCKET, sinon le chemin de la dernière connexion, sinon le socket du démon intégré (%1).</translation>
    </message>
    <message>
        <source>The language follows the locale: LANG=fr_FR.UTF-8 for French, LANG=de_DE.UTF-8 for German, LANG=C.UTF-8 for English.</source>
        <translation>La langue suit la locale : LANG=fr_FR.UTF-8 pour le français, LANG=de_DE.UTF-8 pour l’allemand, LANG=C.UTF-8 pour l’anglais.</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos;.</source>
        <translation>Essayez « %1 --help ».</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>argument inattendu : %1</translation>
    </message>
</context>
<context>
    <name>usermgr::AccountCsv</name>
    <message>
        <source>The file holds no accounts.</source>
        <translation>Le fichier ne contient aucun compte.</translation>
    </message>
    <message>
        <source>The first line must name the columns: %1.</source>
        <translation>La première ligne doit nommer les colonnes : %1.</translation>
    </message>
    <message>
        <source>more fields than columns</source>
        <translation>plus de champs que de colonnes</translation>
    </message>
    <message>
        <source>name: %1</source>
        <translation>nom : %1</translation>
    </message>
    <message>
        <source>name: %1 appears twice in the file</source>
        <translation>nom : %1 figure deux fois dans le fichier</translation>
    </message>
    <message>
        <source>full name: %1</source>
        <translation>nom complet : %1</translation>
    </message>
    <message>
        <source>address %1: %2</source>
        <translation>adresse %1 : %2</translation>
    </message>
    <message>
        <source>mail state must be enabled, disabled or forward</source>
        <translation>l&apos;état du courrier doit être enabled, disabled ou forward</translation>
    </message>
    <message>
        <source>forward address: %1</source>
        <translation>adresse de réexpédition : %1</translation>
    </message>
    <message>
        <source>forwarding needs the address to forward to</source>
        <translation>la réexpédition exige l&apos;adresse de destination</translation>
    </message>
    <message>
        <source>mail server: %1</source>
        <translation>serveur de courrier : %1</translation>
    </message>
    <message>
        <source>quota must be a number of bytes (0: no limit)</source>
        <translation>le quota doit être un nombre d&apos;octets (0 : aucune limite)</translation>
    </message>
    <message>
        <source>access must be both, pop or imap</source>
        <translation>l&apos;accès doit être both, pop ou imap</translation>
    </message>
    <message>
        <source>password: %1</source>
        <translation>mot de passe : %1</translation>
    </message>
</context>
<context>
    <name>usermgr::AccountEditor</name>
    <message>
        <source>Basic</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;. Fixed once the account exists.</source>
        <translation>Lettres minuscules, chiffres, « . », « _ » et « - ». Ne peut plus changer une fois le compte créé.</translation>
    </message>
    <message>
        <source>Short &amp;name:</source>
        <translation>&amp;Nom court :</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nom &amp;complet :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>&amp;Verify:</source>
        <translation>&amp;Confirmer :</translation>
    </message>
    <message>
        <source>User can &amp;administer the mail server</source>
        <translation>L&apos;utilisateur peut &amp;administrer le serveur de messagerie</translation>
    </message>
    <message>
        <source>Other addresses of this account, in a local domain. Double-click to edit.</source>
        <translation>Autres adresses de ce compte, dans un domaine local. Double-cliquez pour modifier.</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Email &amp;aliases:</source>
        <translation>&amp;Alias de messagerie :</translation>
    </message>
    <message>
        <source>No password: the account cannot log in.</source>
        <translation>Aucun mot de passe : le compte ne peut pas se connecter.</translation>
    </message>
    <message>
        <source>Too short: at least %1 characters.</source>
        <translation>Trop court : au moins %1 caractères.</translation>
    </message>
    <message>
        <source>Weak: mix letters, digits and symbols, or make it longer.</source>
        <translation>Faible : mélangez lettres, chiffres et symboles, ou allongez-le.</translation>
    </message>
    <message>
        <source>Fair.</source>
        <translation>Moyen.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Fort.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>No account selected</source>
        <translation>Aucun compte sélectionné</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n accounts selected: the Mail tab changes all of them.</source>
        <translation>
            <numerusform>%n compte sélectionné : l&apos;onglet Courrier les modifie tous.</numerusform>
            <numerusform>%n comptes sélectionnés : l&apos;onglet Courrier les modifie tous.</numerusform>
        </translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <source>The password and its confirmation differ.</source>
        <translation>Le mot de passe et sa confirmation diffèrent.</translation>
    </message>
    <message>
        <source>%1 of %2 accounts could not be changed.</source>
        <translation>%1 comptes sur %2 n&apos;ont pas pu être modifiés.</translation>
    </message>
    <message numerus="yes">
        <source>%n accounts changed.</source>
        <translation>
            <numerusform>%n compte modifié.</numerusform>
            <numerusform>%n comptes modifiés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>Compte %1 créé.</translation>
    </message>
    <message>
        <source>Account %1 saved.</source>
        <translation>Compte %1 enregistré.</translation>
    </message>
</context>
<context>
    <name>usermgr::AccountListModel</name>
    <message>
        <source>Enabled</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Forwarded to %1</source>
        <translation>Réexpédié à %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>%1 is an administrator of the mail server.</source>
        <translation>%1 est administrateur du serveur de messagerie.</translation>
    </message>
    <message>
        <source>%1 used of %2</source>
        <translation>%1 utilisés sur %2</translation>
    </message>
    <message>
        <source>%1 used, no quota</source>
        <translation>%1 utilisés, sans quota</translation>
    </message>
    <message>
        <source>Short Name</source>
        <translation>Nom court</translation>
    </message>
    <message>
        <source>Full Name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>Could not list the accounts: %1</source>
        <translation>Impossible de lister les comptes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Utilisé</translation>
    </message>
</context>
<context>
    <name>usermgr::ImportDialog</name>
    <message>
        <source>Import Accounts</source>
        <translation>Importer des comptes</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) ready to import.</source>
        <translation>
            <numerusform>%n compte prêt à être importé.</numerusform>
            <numerusform>%n comptes prêts à être importés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused because of errors, and not imported: row(s) %1.</source>
        <translation>Refusées pour cause d&apos;erreurs et non importées : ligne(s) %1.</translation>
    </message>
    <message>
        <source>Nothing is written until you click Import.</source>
        <translation>Rien n&apos;est écrit avant que vous cliquiez sur Importer.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message numerus="yes">
        <source>Creating %n account(s)…</source>
        <translation>
            <numerusform>Création de %n compte…</numerusform>
            <numerusform>Création de %n comptes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) created.</source>
        <translation>
            <numerusform>%n compte créé.</numerusform>
            <numerusform>%n comptes créés.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 account(s) created, %2 failed (see Status).</source>
        <translation>%1 compte(s) créé(s), %2 en échec (voir État).</translation>
    </message>
</context>
<context>
    <name>usermgr::ImportPreviewModel</name>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>POP and IMAP</source>
        <translation>POP et IMAP</translation>
    </message>
    <message>
        <source>POP only</source>
        <translation>POP seulement</translation>
    </message>
    <message>
        <source>IMAP only</source>
        <translation>IMAP seulement</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusée : %1</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Short Name</source>
        <translation>Nom court</translation>
    </message>
    <message>
        <source>Full Name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adresses</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>usermgr::MailTab</name>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Aucun</translation>
    </message>
    <message>
        <source>Mail for this account is refused.</source>
        <translation>Le courrier pour ce compte est refusé.</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Activé</translation>
    </message>
    <message>
        <source>&amp;Forward to:</source>
        <translation>&amp;Réexpédier à :</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Mixte</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nom@example.org</translation>
    </message>
    <message>
        <source>Mail:</source>
        <translation>Courrier :</translation>
    </message>
    <message>
        <source>this server</source>
        <translation>ce serveur</translation>
    </message>
    <message>
        <source>Mail &amp;server:</source>
        <translation>&amp;Serveur de courrier :</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Aucune limite</translation>
    </message>
    <message>
        <source>0 means no limit.</source>
        <translation>0 signifie aucune limite.</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>Go</translation>
    </message>
    <message>
        <source>Mail &amp;quota:</source>
        <translation>&amp;Quota de courrier :</translation>
    </message>
    <message>
        <source>&amp;Both POP and IMAP</source>
        <translation>POP &amp;et IMAP</translation>
    </message>
    <message>
        <source>&amp;POP only</source>
        <translation>&amp;POP seulement</translation>
    </message>
    <message>
        <source>&amp;IMAP only</source>
        <translation>&amp;IMAP seulement</translation>
    </message>
    <message>
        <source>Mail access:</source>
        <translation>Accès au courrier :</translation>
    </message>
    <message>
        <source>%1 used, no limit</source>
        <translation>%1 utilisé(s), aucune limite</translation>
    </message>
    <message>
        <source>%1 of %2 used (%3%)</source>
        <translation>%1 sur %2 utilisé(s) (%3 %)</translation>
    </message>
    <message>
        <source>A warning is sent past %1% of the quota.</source>
        <translation>Un avertissement est envoyé au-delà de %1 % du quota.</translation>
    </message>
</context>
<context>
    <name>usermgr::MainWindow</name>
    <message>
        <source>Find accounts by name, full name or address</source>
        <translation>Rechercher des comptes par nom, nom complet ou adresse</translation>
    </message>
    <message>
        <source>The connection to the mail daemon ended: %1</source>
        <translation>La connexion au démon de messagerie a pris fin&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Log In Again…</source>
        <translation>Se &amp;reconnecter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Find Accounts</source>
        <translation>&amp;Rechercher des comptes</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Accounts — %1</source>
        <translation>Comptes — %1</translation>
    </message>
    <message>
        <source>Loading accounts…</source>
        <translation>Chargement des comptes…</translation>
    </message>
    <message>
        <source>No account matches “%1”.</source>
        <translation>Aucun compte ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Accounts: %1 of %2 loaded</source>
        <translation>Comptes&#xa0;: %1 sur %2 chargés</translation>
    </message>
    <message>
        <source>Accounts: %1</source>
        <translation>Comptes&#xa0;: %1</translation>
    </message>
    <message>
        <source>F&amp;ind:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>Delete Account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) deleted.</source>
        <translation>
            <numerusform>%n compte supprimé.</numerusform>
            <numerusform>%n comptes supprimés.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Compte</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Créer un compte</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Dupliquer</translation>
    </message>
    <message>
        <source>Create an account with the selected account&apos;s settings</source>
        <translation>Créer un compte avec les réglages du compte sélectionné</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Import Accounts</source>
        <translation>Importer des comptes</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Export Accounts</source>
        <translation>Exporter les comptes</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The account has changes that are not saved. Save them?</source>
        <translation>Le compte a des modifications non enregistrées. Les enregistrer ?</translation>
    </message>
    <message>
        <source>Delete the account “%1”? Its mail on this server is deleted with it. This cannot be undone.</source>
        <translation>Supprimer le compte « %1 » ? Son courrier sur ce serveur est supprimé avec lui. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete %1 accounts (%2)? Their mail on this server is deleted with them. This cannot be undone.</source>
        <translation>Supprimer %1 comptes (%2) ? Leur courrier sur ce serveur est supprimé avec eux. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Import: %1 account(s) created, %2 failed.</source>
        <translation>Importation : %1 compte(s) créé(s), %2 en échec.</translation>
    </message>
    <message>
        <source>Could not export the accounts: %1</source>
        <translation>Impossible d&apos;exporter les comptes : %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) exported to %1.</source>
        <translation>
            <numerusform>%n compte exporté vers %1.</numerusform>
            <numerusform>%n comptes exportés vers %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
