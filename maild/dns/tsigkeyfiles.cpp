// TSIG secrets on disk (see tsigkeyfiles.h).
#include "dns/tsigkeyfiles.h"

#include "core/durablefile.h"

#include <validation/validation.h>

#include <QDir>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace maild::dns {

TsigKeyFiles::TsigKeyFiles(const QString &dataDir) : m_dir(dataDir + QStringLiteral("/dns/keys")) {}

QString TsigKeyFiles::path(const QString &domain) const
{
    return m_dir + QLatin1Char('/') + domain.toLower() + QStringLiteral(".key");
}

QString TsigKeyFiles::store(const QString &domain, const QByteArray &secret)
{
    if (common::validation::checkDomainName(domain))
        return QStringLiteral("%1 is not a domain name").arg(domain);
    for (const QString &dir : {QFileInfo(m_dir).path(), m_dir}) {
        if (::mkdir(QFile::encodeName(dir).constData(), 0700) != 0 && errno != EEXIST)
            return QStringLiteral("cannot create %1: %2").arg(dir, QString::fromLocal8Bit(std::strerror(errno)));
    }
    if (!core::replaceFile(path(domain), secret.toBase64() + '\n', 0600))
        return QStringLiteral("cannot write the key of %1: %2").arg(domain, QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

std::optional<QByteArray> TsigKeyFiles::load(const QString &domain) const
{
    if (common::validation::checkDomainName(domain))
        return std::nullopt;
    const QByteArray text = core::readSmallFile(path(domain), 4096).trimmed();
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (text.isEmpty() || !decoded)
        return std::nullopt;
    return decoded.decoded;
}

bool TsigKeyFiles::has(const QString &domain) const
{
    return load(domain).has_value();
}

void TsigKeyFiles::remove(const QString &domain)
{
    if (!common::validation::checkDomainName(domain))
        QFile::remove(path(domain));
}

} // namespace maild::dns
