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
    <name>admin::AccountUsageModel</name>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>%1% — past the warning threshold</source>
        <translation>%1&#xa0;% — seuil d&apos;alerte dépassé</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Stocké</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Utilisé</translation>
    </message>
</context>
<context>
    <name>admin::AccountsPane</name>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>The accounts that store the most mail, largest first. Those in red are past their quota warning threshold.</source>
        <translation>Les comptes qui stockent le plus de courrier, du plus gros au plus petit. En rouge, ceux qui ont dépassé leur seuil d&apos;alerte de quota.</translation>
    </message>
    <message>
        <source>Could not list the accounts: %1</source>
        <translation>Impossible de lister les comptes&#xa0;:&#xa0;%1</translation>
    </message>
    <message>
        <source>Accounts: %1; past the warning threshold: %2</source>
        <translation>Comptes&#xa0;:&#xa0;%1&#xa0;; au-delà du seuil d&apos;alerte&#xa0;:&#xa0;%2</translation>
    </message>
</context>
<context>
    <name>admin::CertificateListModel</name>
    <message>
        <source>self-signed</source>
        <translation>auto-signé</translation>
    </message>
    <message>
        <source>waiting for the signed certificate</source>
        <translation>en attente du certificat signé</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (expiré)</translation>
    </message>
    <message>
        <source>%1 (%2 days left)</source>
        <translation>%1 (encore %2 jours)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Host names</source>
        <translation>Noms d&apos;hôte</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valable jusqu&apos;au</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Utilisé par</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>Empreinte SHA-256</translation>
    </message>
</context>
<context>
    <name>admin::CertificatesPane</name>
    <message>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
    <message>
        <source>New Self-Signed…</source>
        <translation>Nouveau auto-signé…</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Attribuer</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Make the selected certificate the one this service presents</source>
        <translation>Faire présenter le certificat choisi par ce service</translation>
    </message>
    <message>
        <source>Use for:</source>
        <translation>Utiliser pour&#xa0;:</translation>
    </message>
    <message>
        <source>Could not list the certificates: %1</source>
        <translation>Impossible de lister les certificats&#xa0;: %1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>Certificate %1 created.</source>
        <translation>Certificat %1 créé.</translation>
    </message>
    <message>
        <source>%1 now presents certificate %2.</source>
        <translation>%1 présente désormais le certificat %2.</translation>
    </message>
    <message>
        <source>Delete certificate %1?</source>
        <translation>Supprimer le certificat %1&#xa0;?</translation>
    </message>
    <message>
        <source>Its private key is deleted too; this cannot be undone.</source>
        <translation>Sa clé privée est supprimée aussi&#xa0;; c&apos;est irréversible.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Certificate %1 deleted.</source>
        <translation>Certificat %1 supprimé.</translation>
    </message>
    <message>
        <source>Signing Request…</source>
        <translation>Demande de signature…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Make a key and a signing request (CSR) to send to a certificate authority; import its answer afterwards</source>
        <translation>Créer une clé et une demande de signature (CSR) à envoyer à une autorité de certification&#xa0;; importer ensuite sa réponse</translation>
    </message>
    <message>
        <source>Signing request %1 made; save it to a file for your certificate authority.</source>
        <translation>Demande de signature %1 créée&#xa0;; enregistrez-la dans un fichier pour votre autorité de certification.</translation>
    </message>
    <message>
        <source>Save Signing Request</source>
        <translation>Enregistrer la demande de signature</translation>
    </message>
    <message>
        <source>Signing requests (*.csr *.pem)</source>
        <translation>Demandes de signature (*.csr *.pem)</translation>
    </message>
    <message>
        <source>Signing request saved to %1.</source>
        <translation>Demande de signature enregistrée dans %1.</translation>
    </message>
    <message>
        <source>Could not save to %1: %2</source>
        <translation>Impossible d&apos;enregistrer dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Nothing imported: a file could not be read.</source>
        <translation>Rien n&apos;a été importé&#xa0;: un fichier n&apos;a pas pu être lu.</translation>
    </message>
    <message>
        <source>Certificate %1 imported.</source>
        <translation>Certificat %1 importé.</translation>
    </message>
</context>
<context>
    <name>admin::ConnectionListModel</name>
    <message>
        <source>(not logged in)</source>
        <translation>(non connecté)</translation>
    </message>
    <message>
        <source>%1 (IDLE)</source>
        <translation>%1 (IDLE)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Boîte aux lettres</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
</context>
<context>
    <name>admin::ConnectionsPane</name>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Disconnect…</source>
        <translation>Déconnecter…</translation>
    </message>
    <message>
        <source>This daemon does not offer connection.list; update maild to see its connections.</source>
        <translation>Ce démon n&apos;offre pas connection.list&#xa0;; mettez maild à jour pour voir ses connexions.</translation>
    </message>
    <message>
        <source>Could not list the connections: %1</source>
        <translation>Impossible de lister les connexions&#xa0;:&#xa0;%1</translation>
    </message>
    <message>
        <source>Open connections: %1</source>
        <translation>Connexions ouvertes&#xa0;:&#xa0;%1</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 depuis&#xa0;%2</translation>
    </message>
    <message>
        <source>Disconnect %1?</source>
        <translation>Déconnecter&#xa0;%1&#xa0;?</translation>
    </message>
    <message>
        <source>The client&apos;s session ends at once; it may connect again.</source>
        <translation>La session du client prend fin immédiatement&#xa0;; il peut se reconnecter.</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
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
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Check DNS</source>
        <translation>Vérifier le DNS</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Publier…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Ask DNS which MX records the world sees for this domain</source>
        <translation>Demander au DNS quels enregistrements MX le monde voit pour ce domaine</translation>
    </message>
    <message>
        <source>Replace the domain&apos;s MX records at its zone&apos;s primary DNS server with these</source>
        <translation>Remplacer par ceux-ci les enregistrements MX du domaine sur le serveur DNS primaire de sa zone</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>&amp;Domaine :</translation>
    </message>
    <message>
        <source>To publish by hand — the MX records, the mail hosts&apos; addresses, and the SPF and DMARC suggestions (marked as such), in zone-file form:</source>
        <translation>Pour publier à la main — les enregistrements MX, les adresses des serveurs de messagerie et les suggestions SPF et DMARC (signalées comme telles), au format fichier de zone :</translation>
    </message>
    <message>
        <source>Could not read the MX records: %1</source>
        <translation>Impossible de lire les enregistrements MX : %1</translation>
    </message>
    <message>
        <source>There is no local domain yet: add one in Settings, General.</source>
        <translation>Il n&apos;y a pas encore de domaine local : ajoutez-en un dans Réglages, Général.</translation>
    </message>
    <message>
        <source>Remove the MX record %1 of %2?</source>
        <translation>Supprimer l&apos;enregistrement MX %1 de %2 ?</translation>
    </message>
    <message>
        <source>Mail for %1 is no longer sent to %2 once the records are published again.</source>
        <translation>Le courrier pour %1 n&apos;est plus envoyé à %2 dès que les enregistrements sont publiés à nouveau.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Publishing settings of %1 saved.</source>
        <translation>Réglages de publication de %1 enregistrés.</translation>
    </message>
    <message>
        <source>Say first where the records of %1 are published: the DNS server, the key&apos;s name and secret below, then Save.</source>
        <translation>Indiquez d&apos;abord où les enregistrements de %1 sont publiés : le serveur DNS, le nom et le secret de la clé ci-dessous, puis Enregistrer.</translation>
    </message>
    <message>
        <source>Publish the MX records of %1?</source>
        <translation>Publier les enregistrements MX de %1 ?</translation>
    </message>
    <message numerus="yes">
        <source>The MX records of %1 at %2 are replaced by the %n record(s) shown.</source>
        <translation>
            <numerusform>Les enregistrements MX de %1 sur %2 sont remplacés par l&apos;enregistrement affiché.</numerusform>
            <numerusform>Les enregistrements MX de %1 sur %2 sont remplacés par les %n enregistrements affichés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>Publishing the MX records of %1…</source>
        <translation>Publication des enregistrements MX de %1…</translation>
    </message>
    <message>
        <source>Nothing was published: %1</source>
        <translation>Rien n&apos;a été publié : %1</translation>
    </message>
    <message numerus="yes">
        <source>Published %n MX record(s) of %1 to %2.</source>
        <translation>
            <numerusform>%n enregistrement MX de %1 publié sur %2.</numerusform>
            <numerusform>%n enregistrements MX de %1 publiés sur %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking DNS about %1…</source>
        <translation>Interrogation du DNS sur %1…</translation>
    </message>
    <message>
        <source>DNS could not be checked: %1</source>
        <translation>Le DNS n&apos;a pas pu être vérifié : %1</translation>
    </message>
    <message>
        <source>%1 answers: %2 published, %3 missing, %4 unexpected.</source>
        <translation>%1 répond : %2 publiés, %3 manquants, %4 inattendus.</translation>
    </message>
</context>
<context>
    <name>admin::DnsPublishingBox</name>
    <message>
        <source>Publish to the zone&apos;s primary DNS server</source>
        <translation>Publier sur le serveur DNS primaire de la zone</translation>
    </message>
    <message>
        <source>Also publish the suggested SPF record</source>
        <translation>Publier aussi l&apos;enregistrement SPF suggéré</translation>
    </message>
    <message>
        <source>Also publish the suggested DMARC record</source>
        <translation>Publier aussi l&apos;enregistrement DMARC suggéré</translation>
    </message>
    <message>
        <source>Save Publishing Settings</source>
        <translation>Enregistrer les réglages de publication</translation>
    </message>
    <message>
        <source>the domain itself</source>
        <translation>le domaine lui-même</translation>
    </message>
    <message>
        <source>e.g. 192.0.2.53 or 192.0.2.53:5353; empty: do not publish</source>
        <translation>p. ex. 192.0.2.53 ou 192.0.2.53:5353 ; vide : ne pas publier</translation>
    </message>
    <message>
        <source>the key&apos;s name in the DNS server&apos;s configuration</source>
        <translation>le nom de la clé dans la configuration du serveur DNS</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation>&amp;Zone :</translation>
    </message>
    <message>
        <source>DNS &amp;server:</source>
        <translation>&amp;Serveur DNS :</translation>
    </message>
    <message>
        <source>TSIG &amp;key name:</source>
        <translation>Nom de la &amp;clé TSIG :</translation>
    </message>
    <message>
        <source>Key s&amp;ecret (base64):</source>
        <translation>S&amp;ecret de la clé (base64) :</translation>
    </message>
    <message>
        <source>&amp;TTL:</source>
        <translation>&amp;TTL :</translation>
    </message>
    <message>
        <source>DMARC &amp;reports to:</source>
        <translation>&amp;Rapports DMARC à :</translation>
    </message>
    <message>
        <source>stored; leave empty to keep it</source>
        <translation>enregistré ; laisser vide pour le conserver</translation>
    </message>
    <message>
        <source>as in the key statement (tsig-keygen makes one)</source>
        <translation>comme dans la déclaration key (tsig-keygen en crée une)</translation>
    </message>
</context>
<context>
    <name>admin::DomainsEditor</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>e.g. example.org</source>
        <translation>p. ex. example.org</translation>
    </message>
</context>
<context>
    <name>admin::GraphsPane</name>
    <message>
        <source>Graphs</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>Messages per minute</source>
        <translation>Messages par minute</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrants</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Sortants</translation>
    </message>
    <message>
        <source>Connections per minute</source>
        <translation>Connexions par minute</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Kilobytes per minute</source>
        <translation>Kilo-octets par minute</translation>
    </message>
    <message>
        <source>This daemon does not offer stats.get; update maild to see its traffic.</source>
        <translation>Ce démon n&apos;offre pas stats.get&#xa0;; mettez maild à jour pour voir son trafic.</translation>
    </message>
    <message>
        <source>Could not read the traffic figures: %1</source>
        <translation>Impossible de lire les chiffres du trafic&#xa0;: %1</translation>
    </message>
    <message>
        <source>Today: %1 messages in, %2 out, %3 connections.</source>
        <translation>Aujourd&apos;hui&#xa0;: %1 messages entrants, %2 sortants, %3 connexions.</translation>
    </message>
</context>
<context>
    <name>admin::ImportCertificateDialog</name>
    <message>
        <source>Import Certificate</source>
        <translation>Importer un certificat</translation>
    </message>
    <message>
        <source>empty to complete a signing request made here</source>
        <translation>vide pour compléter une demande de signature faite ici</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Certificate (PEM):</source>
        <translation>Certificat (PEM)&#xa0;:</translation>
    </message>
    <message>
        <source>Certificate File</source>
        <translation>Fichier du certificat</translation>
    </message>
    <message>
        <source>Private key (PEM):</source>
        <translation>Clé privée (PEM)&#xa0;:</translation>
    </message>
    <message>
        <source>Private Key File</source>
        <translation>Fichier de la clé privée</translation>
    </message>
    <message>
        <source>%1 is too large for a PEM file.</source>
        <translation>%1 est trop gros pour un fichier PEM.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key)</source>
        <translation>Fichiers PEM (*.pem *.crt *.key)</translation>
    </message>
</context>
<context>
    <name>admin::LogListModel</name>
    <message>
        <source>Debug</source>
        <translation>Débogage</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>admin::LogsPane</name>
    <message>
        <source>Logs</source>
        <translation>Journaux</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>At least:</source>
        <translation>Au moins&#xa0;:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Service&#xa0;:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Not connected: new lines appear once the connection is back.</source>
        <translation>Non connecté : les nouvelles lignes apparaîtront au retour de la connexion.</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Lecture du journal…</translation>
    </message>
    <message>
        <source>The daemon does not send its log: %1</source>
        <translation>Le démon n&apos;envoie pas son journal&#xa0;: %1</translation>
    </message>
    <message>
        <source>Paused: new lines held back: %1</source>
        <translation>En pause : nouvelles lignes retenues&#xa0;: %1</translation>
    </message>
    <message>
        <source>Paused: new lines are held back.</source>
        <translation>En pause : les nouvelles lignes sont retenues.</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Enregistrer le journal</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>Fichiers journaux (*.log *.txt)</translation>
    </message>
    <message>
        <source>Lines saved to %1: %2</source>
        <translation>Lignes enregistrées dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not save the log to %1: %2</source>
        <translation>Impossible d&apos;enregistrer le journal dans %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>admin::MainWindow</name>
    <message>
        <source>Services</source>
        <translation>Services</translation>
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
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Mail Server Admin</source>
        <translation>À &amp;propos de l&apos;Administration du serveur de messagerie</translation>
    </message>
    <message>
        <source>Could not read the server&apos;s status: %1</source>
        <translation>Impossible de lire l&apos;état du serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Mail Server</source>
        <translation>Serveur de messagerie</translation>
    </message>
    <message>
        <source>Mail Server · maild %1</source>
        <translation>Serveur de messagerie · maild %1</translation>
    </message>
    <message>
        <source>The connection to the mail daemon ended: %1</source>
        <translation>La connexion au démon de messagerie a pris fin&#xa0;: %1</translation>
    </message>
    <message>
        <source>Mail Server — %1</source>
        <translation>Serveur de messagerie — %1</translation>
    </message>
    <message>
        <source>About Mail Server Admin</source>
        <translation>À propos de l&apos;Administration du serveur de messagerie</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mail Server Admin&lt;/b&gt; %1&lt;br&gt;Runs the Mailroom mail daemon: its services, settings and logs.</source>
        <translation>&lt;b&gt;Administration du serveur de messagerie&lt;/b&gt; %1&lt;br&gt;Pilote le démon de messagerie Mailroom&#xa0;: ses services, ses réglages et ses journaux.</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Services</translation>
    </message>
    <message>
        <source>Waiting for the mail daemon…</source>
        <translation>En attente du démon de messagerie…</translation>
    </message>
</context>
<context>
    <name>admin::MxRecordDialog</name>
    <message>
        <source>New MX Record</source>
        <translation>Nouvel enregistrement MX</translation>
    </message>
    <message>
        <source>Edit MX Record</source>
        <translation>Modifier l&apos;enregistrement MX</translation>
    </message>
    <message>
        <source>e.g. mail.%1</source>
        <translation>p. ex. mail.%1</translation>
    </message>
    <message>
        <source>The host name of the mail server that receives mail for %1 (not an IP address)</source>
        <translation>Le nom d&apos;hôte du serveur qui reçoit le courrier pour %1 (pas une adresse IP)</translation>
    </message>
    <message>
        <source>Other servers try the record with the lowest preference first</source>
        <translation>Les autres serveurs essaient d&apos;abord l&apos;enregistrement de plus petite préférence</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation>Domaine :</translation>
    </message>
    <message>
        <source>Mail &amp;server:</source>
        <translation>&amp;Serveur de messagerie :</translation>
    </message>
    <message>
        <source>&amp;Preference:</source>
        <translation>&amp;Préférence :</translation>
    </message>
</context>
<context>
    <name>admin::MxRecordModel</name>
    <message>
        <source>published</source>
        <translation>publié</translation>
    </message>
    <message>
        <source>not published yet</source>
        <translation>pas encore publié</translation>
    </message>
    <message>
        <source>published (DNS answers it)</source>
        <translation>publié (le DNS le donne)</translation>
    </message>
    <message>
        <source>missing (DNS does not answer it)</source>
        <translation>manquant (le DNS ne le donne pas)</translation>
    </message>
    <message>
        <source>unexpected (in DNS, not configured)</source>
        <translation>inattendu (dans le DNS, non configuré)</translation>
    </message>
    <message>
        <source>%1, TTL %2 s</source>
        <translation>%1, TTL %2 s</translation>
    </message>
    <message>
        <source>Preference</source>
        <translation>Préférence</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>Serveur de messagerie</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adresses</translation>
    </message>
</context>
<context>
    <name>admin::OverviewPane</name>
    <message>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Daemon version:</source>
        <translation>Version du démon&#xa0;:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>En service depuis&#xa0;:</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>Répertoire de données&#xa0;:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil&#xa0;:</translation>
    </message>
    <message>
        <source>Open connections:</source>
        <translation>Connexions ouvertes&#xa0;:</translation>
    </message>
    <message>
        <source>Messages today:</source>
        <translation>Messages aujourd&apos;hui&#xa0;:</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>No mail services are registered yet.</source>
        <translation>Aucun service de messagerie n&apos;est encore enregistré.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <source>Listening on:</source>
        <translation>À l&apos;écoute sur&#xa0;:</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problème&#xa0;:</translation>
    </message>
    <message>
        <source>Counters since start:</source>
        <translation>Compteurs depuis le démarrage&#xa0;:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Embedded (an ordinary user, high ports)</source>
        <translation>Intégré (utilisateur ordinaire, ports élevés)</translation>
    </message>
    <message>
        <source>System service (standard ports)</source>
        <translation>Service système (ports standard)</translation>
    </message>
    <message>
        <source>not counted by this daemon</source>
        <translation>non compté par ce démon</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Avertissements&#xa0;:</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Démarré le %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
<context>
    <name>admin::SelfSignedDialog</name>
    <message>
        <source>New Self-Signed Certificate</source>
        <translation>Nouveau certificat auto-signé</translation>
    </message>
    <message>
        <source>e.g. mail-2027</source>
        <translation>p. ex. mail-2027</translation>
    </message>
    <message>
        <source>The names clients use to reach this server, separated by commas</source>
        <translation>Les noms par lesquels les clients joignent ce serveur, séparés par des virgules</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Host names:</source>
        <translation>Noms d&apos;hôte&#xa0;:</translation>
    </message>
    <message>
        <source>Valid for:</source>
        <translation>Valable&#xa0;:</translation>
    </message>
    <message>
        <source>New Certificate Signing Request</source>
        <translation>Nouvelle demande de signature de certificat</translation>
    </message>
</context>
<context>
    <name>admin::ServiceActions</name>
    <message>
        <source>Start Service</source>
        <translation>Démarrer le service</translation>
    </message>
    <message>
        <source>Stop Service</source>
        <translation>Arrêter le service</translation>
    </message>
    <message>
        <source>Start All</source>
        <translation>Tout démarrer</translation>
    </message>
    <message>
        <source>Start every mail service that is not running</source>
        <translation>Démarrer chaque service de messagerie arrêté</translation>
    </message>
    <message>
        <source>Stop All</source>
        <translation>Tout arrêter</translation>
    </message>
    <message>
        <source>Stop every running mail service</source>
        <translation>Arrêter chaque service de messagerie en marche</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>Démarrer %1</translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation>Arrêter %1</translation>
    </message>
    <message>
        <source>Stop %1?</source>
        <translation>Arrêter %1&#xa0;?</translation>
    </message>
    <message>
        <source>Stop all mail services?</source>
        <translation>Arrêter tous les services de messagerie&#xa0;?</translation>
    </message>
    <message>
        <source>Clients connected to %1 are disconnected, and no mail is received there until it is started again.</source>
        <translation>Les clients connectés à %1 sont déconnectés, et aucun courrier n&apos;y est reçu jusqu&apos;à son redémarrage.</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>Impossible de démarrer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not stop %1: %2</source>
        <translation>Impossible d&apos;arrêter %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>admin::ServiceListModel</name>
    <message>
        <source>Running</source>
        <translation>En marche</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>%1 does not start with the daemon.</source>
        <translation>%1 ne démarre pas avec le démon.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Listening on</source>
        <translation>À l&apos;écoute sur</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
</context>
<context>
    <name>admin::SettingField</name>
    <message>
        <source>One per line</source>
        <translation>Un par ligne</translation>
    </message>
    <message>
        <source>Fixed on the daemon&apos;s command line; it cannot be changed here.</source>
        <translation>Fixé sur la ligne de commande du démon&#xa0;; non modifiable ici.</translation>
    </message>
</context>
<context>
    <name>admin::SettingsLayout</name>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Host name:</source>
        <translation>Nom d&apos;hôte&#xa0;:</translation>
    </message>
    <message>
        <source>SMTP enabled:</source>
        <translation>SMTP activé&#xa0;:</translation>
    </message>
    <message>
        <source>POP3 enabled:</source>
        <translation>POP3 activé&#xa0;:</translation>
    </message>
    <message>
        <source>IMAP enabled:</source>
        <translation>IMAP activé&#xa0;:</translation>
    </message>
    <message>
        <source>Listen on addresses:</source>
        <translation>Écouter sur les adresses&#xa0;:</translation>
    </message>
    <message>
        <source>SMTP port:</source>
        <translation>Port SMTP&#xa0;:</translation>
    </message>
    <message>
        <source>Submission port:</source>
        <translation>Port de soumission&#xa0;:</translation>
    </message>
    <message>
        <source>SMTPS port:</source>
        <translation>Port SMTPS&#xa0;:</translation>
    </message>
    <message>
        <source>POP3 port:</source>
        <translation>Port POP3&#xa0;:</translation>
    </message>
    <message>
        <source>POP3S port:</source>
        <translation>Port POP3S&#xa0;:</translation>
    </message>
    <message>
        <source>IMAP port:</source>
        <translation>Port IMAP&#xa0;:</translation>
    </message>
    <message>
        <source>IMAPS port:</source>
        <translation>Port IMAPS&#xa0;:</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>Relais</translation>
    </message>
    <message>
        <source>Trusted networks (may relay):</source>
        <translation>Réseaux de confiance (peuvent relayer)&#xa0;:</translation>
    </message>
    <message>
        <source>Relay requires authentication:</source>
        <translation>Le relais exige l&apos;authentification&#xa0;:</translation>
    </message>
    <message>
        <source>Filters &amp; limits</source>
        <translation>Filtres et limites</translation>
    </message>
    <message>
        <source>Largest message (bytes):</source>
        <translation>Plus grand message (octets)&#xa0;:</translation>
    </message>
    <message>
        <source>Recipients per message:</source>
        <translation>Destinataires par message&#xa0;:</translation>
    </message>
    <message>
        <source>SMTP connections per address:</source>
        <translation>Connexions SMTP par adresse&#xa0;:</translation>
    </message>
    <message>
        <source>SMTP connections in all:</source>
        <translation>Connexions SMTP au total&#xa0;:</translation>
    </message>
    <message>
        <source>Received: headers before a loop:</source>
        <translation>En-têtes Received: avant une boucle&#xa0;:</translation>
    </message>
    <message>
        <source>POP3 connections per address:</source>
        <translation>Connexions POP3 par adresse&#xa0;:</translation>
    </message>
    <message>
        <source>IMAP connections per address:</source>
        <translation>Connexions IMAP par adresse&#xa0;:</translation>
    </message>
    <message>
        <source>IMAP connections in all:</source>
        <translation>Connexions IMAP au total&#xa0;:</translation>
    </message>
    <message>
        <source>Largest IMAP upload (bytes):</source>
        <translation>Plus grand envoi IMAP (octets)&#xa0;:</translation>
    </message>
    <message>
        <source>Logging</source>
        <translation>Journalisation</translation>
    </message>
    <message>
        <source>Least severe level:</source>
        <translation>Niveau le moins grave&#xa0;:</translation>
    </message>
    <message>
        <source>Also write to a file:</source>
        <translation>Écrire aussi dans un fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>SMTP TLS:</source>
        <translation>TLS SMTP&#xa0;:</translation>
    </message>
    <message>
        <source>POP3 TLS:</source>
        <translation>TLS POP3&#xa0;:</translation>
    </message>
    <message>
        <source>IMAP TLS:</source>
        <translation>TLS IMAP&#xa0;:</translation>
    </message>
    <message>
        <source>Default certificate:</source>
        <translation>Certificat par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>SMTP certificate:</source>
        <translation>Certificat SMTP&#xa0;:</translation>
    </message>
    <message>
        <source>POP3 certificate:</source>
        <translation>Certificat POP3&#xa0;:</translation>
    </message>
    <message>
        <source>IMAP certificate:</source>
        <translation>Certificat IMAP&#xa0;:</translation>
    </message>
    <message>
        <source>Quota warning threshold (%):</source>
        <translation>Seuil d&apos;alerte de quota (%)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>admin::SettingsPane</name>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Reading the settings…</source>
        <translation>Lecture des réglages…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Could not read the settings: %1</source>
        <translation>Impossible de lire les réglages&#xa0;: %1</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Application…</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Non appliqué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Applied.</source>
        <translation>Appliqué.</translation>
    </message>
    <message>
        <source>Local domains:</source>
        <translation>Domaines locaux&#xa0;:</translation>
    </message>
</context>
<context>
    <name>admin::Sidebar</name>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
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
        <source>Administer the Mailroom mail server.</source>
        <translation>Administrer le serveur de messagerie Mailroom.</translation>
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
</TS>
