// The Settings pane's tabs (see settingslayout.h).
#include "settingslayout.h"

#include <QCoreApplication>

namespace admin {

namespace {
QString translated(const char *text)
{
    return QCoreApplication::translate("admin::SettingsLayout", text);
}
std::pair<QString, QString> row(const char *key, const char *label)
{
    return {QString::fromLatin1(key), translated(label)};
}
} // namespace

QList<SettingsTab> settingsTabs()
{
    return {
        {translated(QT_TRANSLATE_NOOP("admin::SettingsLayout", "General")),
         {row("server.hostname", QT_TRANSLATE_NOOP("admin::SettingsLayout", "Host name:")),
          row("smtp.enabled", QT_TRANSLATE_NOOP("admin::SettingsLayout", "SMTP enabled:")),
          row("pop3.enabled", QT_TRANSLATE_NOOP("admin::SettingsLayout", "POP3 enabled:")),
          row("imap.enabled", QT_TRANSLATE_NOOP("admin::SettingsLayout", "IMAP enabled:")),
          row("listen.addresses",
              QT_TRANSLATE_NOOP("admin::SettingsLayout", "Listen on addresses:")),
          row("smtp.port", QT_TRANSLATE_NOOP("admin::SettingsLayout", "SMTP port:")),
          row("submission.port", QT_TRANSLATE_NOOP("admin::SettingsLayout", "Submission port:")),
          row("smtps.port", QT_TRANSLATE_NOOP("admin::SettingsLayout", "SMTPS port:")),
          row("pop3.port", QT_TRANSLATE_NOOP("admin::SettingsLayout", "POP3 port:")),
          row("pop3s.port", QT_TRANSLATE_NOOP("admin::SettingsLayout", "POP3S port:")),
          row("imap.port", QT_TRANSLATE_NOOP("admin::SettingsLayout", "IMAP port:")),
          row("imaps.port", QT_TRANSLATE_NOOP("admin::SettingsLayout", "IMAPS port:"))}},
        {translated(QT_TRANSLATE_NOOP("admin::SettingsLayout", "Relay")),
         {row("smtp.trustedNetworks",
              QT_TRANSLATE_NOOP("admin::SettingsLayout", "Trusted networks (may relay):")),
          row("smtp.relayRequiresAuth",
              QT_TRANSLATE_NOOP("admin::SettingsLayout", "Relay requires authentication:"))}},
        {translated(QT_TRANSLATE_NOOP("admin::SettingsLayout", "Filters & limits")),
         {row("smtp.maxMessageBytes",
              QT_TRANSLATE_NOOP("admin::SettingsLayout", "Largest message (bytes):")),
          row("smtp.maxRecipients",
              QT_TRANSLATE_NOOP("admin::SettingsLayout", "Recipients per message:")),
          row("smtp.maxConnectionsPerAddress",
              QT_TRANSLATE_NOOP("admin::SettingsLayout", "SMTP connections per address:")),
          row("smtp.maxConnections",
              QT_TRANSLATE_NOOP("admin::SettingsLayout", "SMTP connections in all:")),
          row("smtp.maxReceivedHeaders",
              QT_TRANSLATE_NOOP("admin::SettingsLayout", "Received: headers before a loop:")),
          row("pop3.maxConnectionsPerAddress",
              QT_TRANSLATE_NOOP("admin::SettingsLayout", "POP3 connections per address:")),
          row("imap.maxConnectionsPerAddress",
              QT_TRANSLATE_NOOP("admin::SettingsLayout", "IMAP connections per address:")),
          row("imap.maxConnections",
              QT_TRANSLATE_NOOP("admin::SettingsLayout", "IMAP connections in all:")),
          row("imap.maxAppendBytes",
              QT_TRANSLATE_NOOP("admin::SettingsLayout", "Largest IMAP upload (bytes):"))}},
        {translated(QT_TRANSLATE_NOOP("admin::SettingsLayout", "Logging")),
         {row("log.level", QT_TRANSLATE_NOOP("admin::SettingsLayout", "Least severe level:")),
          row("log.toFile", QT_TRANSLATE_NOOP("admin::SettingsLayout", "Also write to a file:"))}},
        {translated(QT_TRANSLATE_NOOP("admin::SettingsLayout", "Advanced")),
         {row("smtp.tls", QT_TRANSLATE_NOOP("admin::SettingsLayout", "SMTP TLS:")),
          row("pop3.tls", QT_TRANSLATE_NOOP("admin::SettingsLayout", "POP3 TLS:")),
          row("imap.tls", QT_TRANSLATE_NOOP("admin::SettingsLayout", "IMAP TLS:")),
          row("tls.defaultCertificate",
              QT_TRANSLATE_NOOP("admin::SettingsLayout", "Default certificate:")),
          row("smtp.certificate", QT_TRANSLATE_NOOP("admin::SettingsLayout", "SMTP certificate:")),
          row("pop3.certificate", QT_TRANSLATE_NOOP("admin::SettingsLayout", "POP3 certificate:")),
          row("imap.certificate", QT_TRANSLATE_NOOP("admin::SettingsLayout", "IMAP certificate:")),
          row("quota.warnPercent",
              QT_TRANSLATE_NOOP("admin::SettingsLayout", "Quota warning threshold (%):"))}},
    };
}

} // namespace admin
