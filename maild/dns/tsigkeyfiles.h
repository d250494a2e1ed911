// The TSIG secrets with which a domain's MX records are published, one file per domain
// under <data>/dns/keys/ (mode 0600, folder 0700), kept like a private key: never in
// maild.db, a log line, an answer or the audit.
// Security: domain names are validated before they become file names.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace maild::dns {

class TsigKeyFiles
{
public:
    explicit TsigKeyFiles(const QString &dataDir);

    // Stores the raw secret of domain durably; an error sentence, or "" on success.
    QString store(const QString &domain, const QByteArray &secret);
    std::optional<QByteArray> load(const QString &domain) const;
    bool has(const QString &domain) const;
    void remove(const QString &domain);

private:
    QString path(const QString &domain) const;

    QString m_dir;
};

} // namespace maild::dns
