// A real DNS server for the GUI tests: BIND 9's named on 127.0.0.1 and a free port, primary
// for one zone that takes updates signed with one TSIG key (HMAC-SHA256); dig reads back what
// it serves. Started with QProcess on a temporary folder and stopped by PID.
#pragma once

#include <QProcess>
#include <QSet>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace guitest {

class NamedFixture
{
public:
    NamedFixture(const QString &zone, const QStringList &records);
    ~NamedFixture();
    NamedFixture(const NamedFixture &) = delete;
    NamedFixture &operator=(const NamedFixture &) = delete;

    bool start(int timeoutMs = 30000);
    void stop();

    QString server() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    static QString keyName() { return QStringLiteral("mailroom-key"); }
    QString secret() const { return m_secret; }
    QString errorString() const { return m_error; }
    // The zone's MX records as dig reads them: "preference host" (host without the final dot).
    QSet<QString> mx();

private:
    QString dig(const QString &name, const QString &type);

    QTemporaryDir m_dir;
    QString m_zone;
    QStringList m_records;
    QString m_secret;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
    QString m_error;
};

} // namespace guitest
