// Unit tests of common::control::ControlClient against a fake daemon: a real QLocalServer in
// a temporary directory that speaks line-framed JSON-RPC, written here without the library's
// codec so the two sides are independent. Covers answers matched to callbacks, errors,
// notifications, answers split across writes, the daemon going away with calls pending, and
// the connection failures a person sees (missing socket, refused socket, peer refused).
#include "control/controlclient.h"
#include "control/errorcode.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace common::control;

namespace {

QByteArray line(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QJsonObject result(const QJsonValue &id, const QJsonValue &value)
{
    return {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
            {QStringLiteral("id"), id},
            {QStringLiteral("result"), value}};
}

QJsonObject error(const QJsonValue &id, int code, const QString &message,
                  const QJsonObject &data = {})
{
    QJsonObject e{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!data.isEmpty())
        e.insert(QStringLiteral("data"), data);
    return {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
            {QStringLiteral("id"), id},
            {QStringLiteral("error"), e}};
}

QJsonObject daemonNotification(const QString &method, const QJsonObject &params)
{
    return {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
            {QStringLiteral("method"), method},
            {QStringLiteral("params"), params}};
}

// The daemon side. Methods: "echo" answers its params, "fail" answers error 1100, "hold"
// answers nothing (the test answers later, or closes the connection).
class FakeDaemon
{
public:
    explicit FakeDaemon(QString path) : m_path(std::move(path))
    {
        QObject::connect(&m_server, &QLocalServer::newConnection, &m_server, [this] {
            while (QLocalSocket *socket = m_server.nextPendingConnection()) {
                clients.append(socket);
                QObject::connect(socket, &QLocalSocket::readyRead, &m_server,
                                 [this, socket] { readFrom(socket); });
                if (onConnect)
                    onConnect(socket);
            }
        });
    }

    bool listen() { return m_server.listen(m_path); }

    void send(const QByteArray &bytes)
    {
        for (QLocalSocket *socket : std::as_const(clients)) {
            socket->write(bytes);
            socket->flush();
        }
    }

    void closeAll()
    {
        for (QLocalSocket *socket : std::as_const(clients))
            socket->disconnectFromServer();
    }

    QList<QLocalSocket *> clients;
    QList<QJsonObject> received;
    std::function<void(QLocalSocket *)> onConnect;

private:
    void readFrom(QLocalSocket *socket)
    {
        while (socket->canReadLine()) {
            const QJsonObject request = QJsonDocument::fromJson(socket->readLine()).object();
            received.append(request);
            const QJsonValue id = request.value(QStringLiteral("id"));
            const QString method = request.value(QStringLiteral("method")).toString();
            if (method == QLatin1String("echo")) {
                socket->write(line(result(id, request.value(QStringLiteral("params")))));
            } else if (method == QLatin1String("fail")) {
                socket->write(line(error(id, 1100, QStringLiteral("There is no account \"bob\"."),
                                         {{QStringLiteral("field"), QStringLiteral("name")}})));
            }
            socket->flush();
        }
    }

    QString m_path;
    QLocalServer m_server;
};

struct Recorder
{
    QList<Reply> replies;
    ControlClient::Callback callback()
    {
        return [this](const Reply &r) { replies.append(r); };
    }
};

} // namespace

class tst_ControlClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void callGetsResult();
    void answersMatchedById();
    void errorReply();
    void notification();
    void answerSplitAcrossWrites();
    void strayLinesIgnored();
    void callAndWait();
    void serverClosesWithPendingCalls();
    void missingSocket();
    void refusedSocket();
    void callWhileUnconnected();
    void peerRefusedByDaemon();
    void otherNullIdErrorIsNotARefusal();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void tst_ControlClient::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("control.sock"));
}

void tst_ControlClient::callGetsResult()
{
    FakeDaemon daemon(m_path);
    QVERIFY(daemon.listen());
    ControlClient client;
    QSignalSpy connected(&client, &ControlClient::connected);
    QCOMPARE(client.connectAndWait(m_path), QString());
    QVERIFY(client.isConnected());
    QCOMPARE(connected.count(), 1);
    QCOMPARE(client.socketPath(), m_path);

    const QJsonObject params{{QStringLiteral("name"), QStringLiteral("alice")},
                             {QStringLiteral("limit"), 5}};
    Recorder rec;
    const qint64 id = client.call(QStringLiteral("echo"), params, rec.callback());
    QTRY_COMPARE(rec.replies.size(), 1);
    QVERIFY(rec.replies[0].ok());
    QCOMPARE(rec.replies[0].object(), params);

    // What went over the wire is a JSON-RPC 2.0 request with that id.
    QCOMPARE(daemon.received.size(), 1);
    const QJsonObject sent = daemon.received[0];
    QCOMPARE(sent.value(QStringLiteral("jsonrpc")), QJsonValue(QStringLiteral("2.0")));
    QCOMPARE(sent.value(QStringLiteral("method")), QJsonValue(QStringLiteral("echo")));
    QCOMPARE(sent.value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(sent.value(QStringLiteral("params")).toObject(), params);

    // A second call gets a new id and its own answer; the first callback is not run again.
    const qint64 id2 =
        client.call(QStringLiteral("echo"), {{QStringLiteral("n"), 2}}, rec.callback());
    QVERIFY(id2 != id);
    QTRY_COMPARE(rec.replies.size(), 2);
    QCOMPARE(rec.replies[1].object().value(QStringLiteral("n")), QJsonValue(2));
    QTest::qWait(50);
    QCOMPARE(rec.replies.size(), 2);
}

void tst_ControlClient::answersMatchedById()
{
    FakeDaemon daemon(m_path);
    QVERIFY(daemon.listen());
    ControlClient client;
    QCOMPARE(client.connectAndWait(m_path), QString());

    Recorder first, second, third;
    const qint64 id1 = client.call(QStringLiteral("hold"), {}, first.callback());
    const qint64 id2 = client.call(QStringLiteral("hold"), {}, second.callback());
    const qint64 id3 = client.call(QStringLiteral("hold"), {}, third.callback());
    QTRY_COMPARE(daemon.received.size(), 3);

    // Answered out of order, all in one write.
    daemon.send(line(result(id3, QStringLiteral("three"))) +
                line(result(id1, QStringLiteral("one"))) +
                line(result(id2, QStringLiteral("two"))));
    QTRY_COMPARE(second.replies.size(), 1);
    QCOMPARE(first.replies.size(), 1);
    QCOMPARE(third.replies.size(), 1);
    QCOMPARE(first.replies[0].result, QJsonValue(QStringLiteral("one")));
    QCOMPARE(second.replies[0].result, QJsonValue(QStringLiteral("two")));
    QCOMPARE(third.replies[0].result, QJsonValue(QStringLiteral("three")));
}

void tst_ControlClient::errorReply()
{
    FakeDaemon daemon(m_path);
    QVERIFY(daemon.listen());
    ControlClient client;
    QCOMPARE(client.connectAndWait(m_path), QString());

    Recorder rec;
    client.call(QStringLiteral("fail"), {{QStringLiteral("name"), QStringLiteral("bob")}},
                rec.callback());
    QTRY_COMPARE(rec.replies.size(), 1);
    const Reply &reply = rec.replies[0];
    QVERIFY(!reply.ok());
    QVERIFY(reply.error->is(ErrorCode::NotFound));
    QCOMPARE(reply.error->message, QStringLiteral("There is no account \"bob\"."));
    QCOMPARE(reply.error->data.value(QStringLiteral("field")), QJsonValue(QStringLiteral("name")));
    QVERIFY(client.isConnected());
}

void tst_ControlClient::notification()
{
    FakeDaemon daemon(m_path);
    QVERIFY(daemon.listen());
    ControlClient client;
    QSignalSpy notified(&client, &ControlClient::notificationReceived);
    QCOMPARE(client.connectAndWait(m_path), QString());
    QTRY_COMPARE(daemon.clients.size(), 1);

    const QJsonObject params{{QStringLiteral("name"), QStringLiteral("alice")},
                             {QStringLiteral("change"), QStringLiteral("updated")}};
    daemon.send(line(daemonNotification(QStringLiteral("account.changed"), params)));
    QTRY_COMPARE(notified.count(), 1);
    QCOMPARE(notified[0][0].toString(), QStringLiteral("account.changed"));
    QCOMPARE(notified[0][1].toJsonObject(), params);

    // Notifications interleaved with an answer: each goes to its place.
    Recorder rec;
    const qint64 id = client.call(QStringLiteral("hold"), {}, rec.callback());
    QTRY_COMPARE(daemon.received.size(), 1);
    daemon.send(line(daemonNotification(QStringLiteral("settings.changed"), {})) +
                line(result(id, 1)) +
                line(daemonNotification(QStringLiteral("service.state"), {})));
    QTRY_COMPARE(notified.count(), 3);
    QCOMPARE(rec.replies.size(), 1);
    QCOMPARE(notified[1][0].toString(), QStringLiteral("settings.changed"));
    QCOMPARE(notified[2][0].toString(), QStringLiteral("service.state"));
}

void tst_ControlClient::answerSplitAcrossWrites()
{
    FakeDaemon daemon(m_path);
    QVERIFY(daemon.listen());
    ControlClient client;
    QCOMPARE(client.connectAndWait(m_path), QString());

    Recorder rec;
    const qint64 id = client.call(QStringLiteral("hold"), {}, rec.callback());
    QTRY_COMPARE(daemon.received.size(), 1);
    const QByteArray answer = line(
        result(id, QJsonObject{{QStringLiteral("text"), QStringLiteral("split \u00e9 here")}}));
    // One byte per write, with the event loop running in between, across the UTF-8 pair too.
    for (char c : answer) {
        QCOMPARE(rec.replies.size(), 0);
        daemon.send(QByteArray(1, c));
        QTest::qWait(1);
    }
    QTRY_COMPARE(rec.replies.size(), 1);
    QCOMPARE(rec.replies[0].object().value(QStringLiteral("text")),
             QJsonValue(QStringLiteral("split \u00e9 here")));
}

void tst_ControlClient::strayLinesIgnored()
{
    FakeDaemon daemon(m_path);
    QVERIFY(daemon.listen());
    ControlClient client;
    QSignalSpy failed(&client, &ControlClient::connectionFailed);
    QSignalSpy notified(&client, &ControlClient::notificationReceived);
    QCOMPARE(client.connectAndWait(m_path), QString());

    Recorder rec;
    const qint64 id = client.call(QStringLiteral("hold"), {}, rec.callback());
    QTRY_COMPARE(daemon.received.size(), 1);
    daemon.send(QByteArray("not json\n\r\n[1,2]\n{}\n") +
                line(result(id + 1000, QStringLiteral("stray"))) +
                line(result(QStringLiteral("x"), 1)) + line(result(id, QStringLiteral("mine"))));
    QTRY_COMPARE(rec.replies.size(), 1);
    QCOMPARE(rec.replies[0].result, QJsonValue(QStringLiteral("mine")));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(notified.count(), 0);
    QVERIFY(client.isConnected());
}

void tst_ControlClient::callAndWait()
{
    FakeDaemon daemon(m_path);
    QVERIFY(daemon.listen());
    ControlClient client;
    QCOMPARE(client.connectAndWait(m_path), QString());

    const Reply reply = client.callAndWait(QStringLiteral("echo"), {{QStringLiteral("k"), 1}});
    QVERIFY(reply.ok());
    QCOMPARE(reply.object().value(QStringLiteral("k")), QJsonValue(1));

    const Reply failed = client.callAndWait(QStringLiteral("fail"));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error->code, 1100);

    QElapsedTimer timer;
    timer.start();
    const Reply late = client.callAndWait(QStringLiteral("hold"), {}, 200);
    QVERIFY(!late.ok());
    QVERIFY2(late.error->message.contains(m_path), qPrintable(late.error->message));
    QVERIFY(timer.elapsed() >= 150);
}

void tst_ControlClient::serverClosesWithPendingCalls()
{
    FakeDaemon daemon(m_path);
    QVERIFY(daemon.listen());
    ControlClient client;
    QSignalSpy disconnected(&client, &ControlClient::disconnected);
    QCOMPARE(client.connectAndWait(m_path), QString());

    Recorder first, second;
    client.call(QStringLiteral("hold"), {}, first.callback());
    client.call(QStringLiteral("hold"), {}, second.callback());
    QTRY_COMPARE(daemon.received.size(), 2);
    daemon.closeAll();

    QTRY_COMPARE(first.replies.size(), 1);
    QTRY_COMPARE(second.replies.size(), 1);
    for (const Reply &r : {first.replies[0], second.replies[0]}) {
        QVERIFY(!r.ok());
        QVERIFY(r.error->is(ErrorCode::InternalError));
        QVERIFY(!r.error->message.isEmpty());
    }
    QTRY_COMPARE(disconnected.count(), 1);
    QVERIFY(!client.isConnected());
    QTest::qWait(50);
    QCOMPARE(first.replies.size(), 1);
    QCOMPARE(second.replies.size(), 1);
}

void tst_ControlClient::missingSocket()
{
    const QString missing = m_dir->filePath(QStringLiteral("no-daemon-here.sock"));
    ControlClient client;
    QSignalSpy failed(&client, &ControlClient::connectionFailed);
    QSignalSpy connected(&client, &ControlClient::connected);
    client.connectToDaemon(missing);
    QTRY_COMPARE(failed.count(), 1);
    const QString reason = failed[0][0].toString();
    QVERIFY2(reason.contains(missing), qPrintable(reason));
    QVERIFY2(reason.endsWith(QLatin1Char('.')), qPrintable(reason)); // a sentence
    QCOMPARE(connected.count(), 0);
    QVERIFY(!client.isConnected());
    QTest::qWait(50);
    QCOMPARE(failed.count(), 1); // reported once

    const QString again = client.connectAndWait(missing, 1000);
    QVERIFY2(again.contains(missing), qPrintable(again));
}

void tst_ControlClient::refusedSocket()
{
    // A socket file nobody listens on (a daemon that died without removing it).
    const QString stale = m_dir->filePath(QStringLiteral("stale.sock"));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const QByteArray encoded = stale.toLocal8Bit();
    QVERIFY(size_t(encoded.size()) < sizeof(addr.sun_path));
    memcpy(addr.sun_path, encoded.constData(), size_t(encoded.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)), 0);

    ControlClient client;
    const QString reason = client.connectAndWait(stale, 2000);
    ::close(fd);
    QVERIFY2(reason.contains(stale), qPrintable(reason));
    QVERIFY(!client.isConnected());
}

void tst_ControlClient::callWhileUnconnected()
{
    const QString missing = m_dir->filePath(QStringLiteral("absent.sock"));
    ControlClient client;
    QVERIFY(!client.connectAndWait(missing, 1000).isEmpty());
    Recorder rec;
    client.call(QStringLiteral("echo"), {}, rec.callback());
    QCOMPARE(rec.replies.size(), 0); // never synchronously, so callers can finish setting up
    QTRY_COMPARE(rec.replies.size(), 1);
    QVERIFY(!rec.replies[0].ok());
    QVERIFY2(rec.replies[0].error->message.contains(missing),
             qPrintable(rec.replies[0].error->message));
}

// The daemon answers a peer without the right credentials with one 1003 error (id null) and
// closes: the client reports exactly that sentence and fails what was pending with it.
void tst_ControlClient::peerRefusedByDaemon()
{
    const QString sentence = QStringLiteral(
        "Permission denied: uid 1000 is not root, maild's user or in group mailadmin.");
    FakeDaemon daemon(m_path);
    QVERIFY(daemon.listen());
    ControlClient client;
    QSignalSpy failed(&client, &ControlClient::connectionFailed);
    QCOMPARE(client.connectAndWait(m_path), QString());

    Recorder rec;
    client.call(QStringLiteral("hold"), {}, rec.callback());
    QTRY_COMPARE(daemon.received.size(), 1);
    daemon.send(line(error(QJsonValue::Null, 1003, sentence)));
    daemon.closeAll();

    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed[0][0].toString(), sentence);
    QTRY_COMPARE(rec.replies.size(), 1);
    QVERIFY(!rec.replies[0].ok());
    QCOMPARE(rec.replies[0].error->message, sentence);
    QTest::qWait(50);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(rec.replies.size(), 1);
}

void tst_ControlClient::otherNullIdErrorIsNotARefusal()
{
    FakeDaemon daemon(m_path);
    QVERIFY(daemon.listen());
    ControlClient client;
    QSignalSpy failed(&client, &ControlClient::connectionFailed);
    QCOMPARE(client.connectAndWait(m_path), QString());
    QTRY_COMPARE(daemon.clients.size(), 1);

    // The daemon's answer to an oversized frame, say; the connection stays usable.
    daemon.send(line(error(QJsonValue::Null, 1006, QStringLiteral("The frame is too large."))));
    const Reply reply = client.callAndWait(QStringLiteral("echo"), {{QStringLiteral("ok"), true}});
    QVERIFY(reply.ok());
    QCOMPARE(failed.count(), 0);
    QVERIFY(client.isConnected());
}

QTEST_GUILESS_MAIN(tst_ControlClient)
#include "tst_controlclient.moc"
