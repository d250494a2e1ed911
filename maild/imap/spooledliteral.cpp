// A large APPEND literal written to a spool file as it arrives (see spooledliteral.h).
#include "imap/spooledliteral.h"

#include "mailstore/mailstore.h"

#include <QRandomGenerator>

namespace maild::imap {

SpooledLiteral::SpooledLiteral(mailstore::MailStore &store)
    : m_id(QString::number(QRandomGenerator::system()->generate64(), 16).toUpper())
{
    m_spool = store.createSpool(m_id, &m_error);
}

void SpooledLiteral::write(QByteArrayView bytes)
{
    if (m_spool && !m_spool->write(bytes.data(), bytes.size()))
        m_error = QStringLiteral("cannot write %1").arg(m_spool->path());
}

std::unique_ptr<mailstore::SpoolFile> SpooledLiteral::take(QString *error)
{
    if (m_spool && (!m_spool->flush() || m_spool->failed()) && m_error.isEmpty())
        m_error = QStringLiteral("cannot write %1").arg(m_spool->path());
    if (!m_error.isEmpty() || !m_spool) {
        *error = m_error;
        m_spool.reset();
        return nullptr;
    }
    return std::move(m_spool);
}

} // namespace maild::imap
