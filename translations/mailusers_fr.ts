<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ControlClient</name>
    <message>
        <source>The connection to the mail daemon was closed.</source>
        <translation>La connexion au démon de messagerie a été fermée.</translation>
    </message>
</context>
<context>
    <name>common::control::ControlClient</name>
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
</context>
</TS>
