// The TRANSACTION commands over the maildrop snapshot (RFC 1939 5, RFC 2449): STAT, LIST,
// UIDL, RETR, TOP, DELE, RSET, NOOP, and QUIT, which enters UPDATE.
#include "pop3/commands/commands.h"

#include "pop3/pop3session.h"

namespace maild::pop3::commands {

namespace {

QString uidOf(Pop3Session &s, const mailstore::StoredMessage &m)
{
    return QStringLiteral("%1.%2").arg(s.uidValidity()).arg(m.uid);
}

// LIST and UIDL share their shape: one message, or all that are not deleted.
void listing(Pop3Session &s, const QByteArray &argument, bool uids)
{
    const auto value = [&](const mailstore::StoredMessage &m) {
        return uids ? uidOf(s, m) : QString::number(m.size);
    };
    if (!argument.trimmed().isEmpty()) {
        QString error;
        const mailstore::StoredMessage *m = s.message(argument, &error);
        if (!m)
            return s.err(error);
        return s.ok(QString::fromLatin1(argument.trimmed()) + QLatin1Char(' ') + value(*m));
    }
    QStringList lines;
    for (int n = 1; n <= s.count(); ++n) {
        if (s.isDeleted(n))
            continue;
        QString ignored;
        lines.append(QString::number(n) + QLatin1Char(' ') + value(*s.message(QByteArray::number(n), &ignored)));
    }
    s.okLines(uids ? QStringLiteral("unique-id listing follows") : QStringLiteral("scan listing follows"), lines);
}

} // namespace

void stat(Pop3Session &s, const QByteArray &)
{
    int count = 0;
    qint64 size = 0;
    for (int n = 1; n <= s.count(); ++n) {
        QString ignored;
        if (const mailstore::StoredMessage *m = s.message(QByteArray::number(n), &ignored)) {
            ++count;
            size += m->size;
        }
    }
    s.ok(QStringLiteral("%1 %2").arg(count).arg(size));
}

void list(Pop3Session &s, const QByteArray &argument) { listing(s, argument, false); }
void uidl(Pop3Session &s, const QByteArray &argument) { listing(s, argument, true); }

void retr(Pop3Session &s, const QByteArray &argument)
{
    QString error;
    const mailstore::StoredMessage *m = s.message(argument, &error);
    if (!m)
        return s.err(error);
    s.stream(*m, -1);
}

void top(Pop3Session &s, const QByteArray &argument)
{
    const QList<QByteArray> parts = argument.trimmed().split(' ');
    bool ok = false;
    const qlonglong lines = parts.size() == 2 ? parts[1].toLongLong(&ok) : -1;
    if (parts.size() != 2 || !ok || lines < 0)
        return s.err(QStringLiteral("syntax: TOP <message> <lines>"));
    QString error;
    const mailstore::StoredMessage *m = s.message(parts[0], &error);
    if (!m)
        return s.err(error);
    s.stream(*m, lines);
}

void dele(Pop3Session &s, const QByteArray &argument)
{
    QString error;
    if (!s.message(argument, &error))
        return s.err(error);
    const int n = argument.trimmed().toInt();
    s.markDeleted(n);
    s.ok(QStringLiteral("message %1 deleted").arg(n));
}

void rset(Pop3Session &s, const QByteArray &)
{
    s.undeleteAll();
    s.ok(QStringLiteral("maildrop has %1 message(s)").arg(s.count()));
}

void noop(Pop3Session &s, const QByteArray &)
{
    s.ok(QString());
}

void quit(Pop3Session &s, const QByteArray &)
{
    s.quit();
}

} // namespace maild::pop3::commands
