// A loopback named for the GUI tests (see namedfixture.h).
#include "namedfixture.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QThread>
#include <QUdpSocket>

namespace guitest {

namespace {

// A port free for both TCP and UDP a moment ago.
quint16 freeDnsPort()
{
    for (int i = 0; i < 50; ++i) {
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, 0))
            continue;
        QUdpSocket udp;
        if (udp.bind(QHostAddress::LocalHost, tcp.serverPort()))
            return tcp.serverPort();
    }
    return 0;
}

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) >= 0;
}

} // namespace

NamedFixture::NamedFixture(const QString &zone, const QStringList &records) : m_zone(zone), m_records(records)
{
    QByteArray secret(32, Qt::Uninitialized);
    for (char &c : secret)
        c = char(QRandomGenerator::system()->bounded(256));
    m_secret = QString::fromLatin1(secret.toBase64());
}

NamedFixture::~NamedFixture()
{
    stop();
}

bool NamedFixture::start(int timeoutMs)
{
    m_port = freeDnsPort();
    const QString dir = m_dir.path();
    QString zoneText = QStringLiteral("$TTL 300\n@ IN SOA ns.%1. hostmaster.%1. 1 3600 600 86400 300\n"
                                      "@ IN NS ns.%1.\nns IN A 127.0.0.1\n")
                           .arg(m_zone);
    for (const QString &r : std::as_const(m_records))
        zoneText += r + QLatin1Char('\n');
    const QString conf = QStringLiteral(
        "options {\n directory \"%1\";\n listen-on port %2 { 127.0.0.1; };\n listen-on-v6 { none; };\n"
        " pid-file \"%1/named.pid\";\n session-keyfile \"%1/session.key\";\n recursion no;\n"
        " dnssec-validation no;\n notify no;\n allow-query { any; };\n};\ncontrols { };\n"
        "key \"%3\" { algorithm hmac-sha256; secret \"%4\"; };\n"
        "zone \"%5\" { type primary; file \"%1/zone\"; allow-update { key \"%3\"; }; };\n")
                             .arg(dir)
                             .arg(m_port)
                             .arg(keyName(), m_secret, m_zone);
    if (m_port == 0 || !writeFile(dir + QStringLiteral("/zone"), zoneText) ||
        !writeFile(dir + QStringLiteral("/named.conf"), conf)) {
        m_error = QStringLiteral("cannot prepare named in %1").arg(dir);
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(dir + QStringLiteral("/named.log"));
    m_process->start(QStringLiteral("named"), {QStringLiteral("-g"), QStringLiteral("-4"), QStringLiteral("-n"),
                                               QStringLiteral("1"), QStringLiteral("-c"), dir + QStringLiteral("/named.conf")});
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start named: %1").arg(m_process->errorString());
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running)
            break;
        if (!dig(m_zone, QStringLiteral("SOA")).isEmpty())
            return true;
        QThread::msleep(100);
    }
    QFile log(dir + QStringLiteral("/named.log"));
    log.open(QIODevice::ReadOnly);
    m_error = QStringLiteral("named did not start:\n") + QString::fromUtf8(log.readAll());
    return false;
}

void NamedFixture::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(15000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QString NamedFixture::dig(const QString &name, const QString &type)
{
    QProcess dig;
    dig.start(QStringLiteral("dig"), {QStringLiteral("+short"), QStringLiteral("+tries=1"), QStringLiteral("+time=2"),
                                      QStringLiteral("-p"), QString::number(m_port), QStringLiteral("@127.0.0.1"), name,
                                      type});
    if (!dig.waitForFinished(15000)) {
        dig.kill();
        dig.waitForFinished(5000);
        return {};
    }
    return QString::fromUtf8(dig.readAllStandardOutput()).trimmed();
}

QSet<QString> NamedFixture::mx()
{
    QSet<QString> out;
    for (QString line : dig(m_zone, QStringLiteral("MX")).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        line = line.trimmed();
        if (line.endsWith(QLatin1Char('.')))
            line.chop(1);
        out.insert(line.toLower());
    }
    return out;
}

} // namespace guitest
