// Unit tests of common::model: enum wire names both ways, the JSON round trip of every model
// value (Account, MailOptions, ServiceInfo, LogEntry, SettingInfo), the quota warning
// threshold, and the log file's line format.
#include "model/account.h"
#include "model/enums.h"
#include "model/logentry.h"
#include "model/service.h"
#include "model/setting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>
#include <limits>

using namespace common::model;

namespace {

// Through bytes and back, as the value travels over the control socket.
QJsonObject overTheWire(const QJsonObject &o)
{
    return QJsonDocument::fromJson(QJsonDocument(o).toJson(QJsonDocument::Compact)).object();
}

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc());
}

template <typename E>
void verifyRoundTrip(const QList<E> &values, const QStringList &names,
                     std::optional<E> (*fromString)(const QString &))
{
    QCOMPARE(values.size(), names.size());
    QStringList seen;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QString name = toString(values[i]);
        QCOMPARE(name, names[i]);
        QVERIFY(!seen.contains(name));
        seen.append(name);
        QVERIFY(fromString(name) == std::optional<E>(values[i]));
    }
    const QStringList unknowns{QString(), QStringLiteral("unknown"), names[0].toUpper(),
                               names[0] + QLatin1Char(' '), QLatin1Char(' ') + names[0]};
    for (const QString &unknown : unknowns) {
        QVERIFY2(!fromString(unknown).has_value(), qPrintable(unknown));
    }
}

} // namespace

class tst_Model : public QObject
{
    Q_OBJECT

private slots:
    void enumRoundTrips();
    void enumNameLists();
    void mailOptionsRoundTrip_data();
    void mailOptionsRoundTrip();
    void mailOptionsDefaultsForMissingOrUnknown();
    void accountRoundTrip();
    void accountJsonMatchesProtocol();
    void pastQuotaWarning_data();
    void pastQuotaWarning();
    void pastQuotaWarningHugeValues_data();
    void pastQuotaWarningHugeValues();
    void serviceInfoRoundTrip();
    void logEntryRoundTrip();
    void logEntryToLine_data();
    void logEntryToLine();
    void settingInfoRoundTrip_data();
    void settingInfoRoundTrip();
    void settingTypeAndSourceNames();
};

void tst_Model::enumRoundTrips()
{
    verifyRoundTrip<MailState>(
        {MailState::Enabled, MailState::Disabled, MailState::Forward},
        {QStringLiteral("enabled"), QStringLiteral("disabled"), QStringLiteral("forward")},
        mailStateFromString);
    verifyRoundTrip<MailAccess>(
        {MailAccess::Both, MailAccess::PopOnly, MailAccess::ImapOnly},
        {QStringLiteral("both"), QStringLiteral("pop"), QStringLiteral("imap")},
        mailAccessFromString);
    verifyRoundTrip<ServiceState>(
        {ServiceState::Stopped, ServiceState::Running, ServiceState::Failed},
        {QStringLiteral("stopped"), QStringLiteral("running"), QStringLiteral("failed")},
        serviceStateFromString);
    verifyRoundTrip<LogLevel>(
        {LogLevel::Debug, LogLevel::Info, LogLevel::Notice, LogLevel::Warning, LogLevel::Error},
        {QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("notice"),
         QStringLiteral("warning"), QStringLiteral("error")},
        logLevelFromString);
}

void tst_Model::enumNameLists()
{
    QCOMPARE(mailStateNames(), (QStringList{QStringLiteral("enabled"), QStringLiteral("disabled"),
                                            QStringLiteral("forward")}));
    QCOMPARE(mailAccessNames(),
             (QStringList{QStringLiteral("both"), QStringLiteral("pop"), QStringLiteral("imap")}));
    QCOMPARE(logLevelNames(),
             (QStringList{QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("notice"),
                          QStringLiteral("warning"), QStringLiteral("error")}));
}

void tst_Model::mailOptionsRoundTrip_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("access");
    QTest::addColumn<qint64>("quota");
    QTest::addColumn<int>("warnPercent");

    QTest::newRow("defaults") << int(MailState::Enabled) << int(MailAccess::Both) << qint64(0)
                              << 90;
    QTest::newRow("disabled, pop")
        << int(MailState::Disabled) << int(MailAccess::PopOnly) << qint64(1024) << 1;
    QTest::newRow("forward, imap, 5 TiB")
        << int(MailState::Forward) << int(MailAccess::ImapOnly) << (qint64(5) << 40) << 100;
}

void tst_Model::mailOptionsRoundTrip()
{
    QFETCH(int, state);
    QFETCH(int, access);
    QFETCH(qint64, quota);
    QFETCH(int, warnPercent);

    MailOptions m;
    m.state = MailState(state);
    m.access = MailAccess(access);
    m.quotaBytes = quota;
    m.quotaWarnPercent = warnPercent;
    m.forwardAddress = QStringLiteral("alice@elsewhere.example");
    m.server = QStringLiteral("mail2.example.org");
    const MailOptions back = MailOptions::fromJson(overTheWire(m.toJson()));
    QCOMPARE(back, m);
}

void tst_Model::mailOptionsDefaultsForMissingOrUnknown()
{
    const MailOptions fromEmpty = MailOptions::fromJson({});
    QCOMPARE(fromEmpty, MailOptions());
    const MailOptions fromUnknown =
        MailOptions::fromJson({{QStringLiteral("state"), QStringLiteral("bogus")},
                               {QStringLiteral("access"), QStringLiteral("smtp")}});
    QCOMPARE(int(fromUnknown.state), int(MailState::Enabled));
    QCOMPARE(int(fromUnknown.access), int(MailAccess::Both));
}

void tst_Model::accountRoundTrip()
{
    Account a;
    a.name = QStringLiteral("alice");
    a.fullName = QStringLiteral("Alice Liddell \u00e9");
    a.admin = true;
    a.hasPassword = true;
    a.addresses = {QStringLiteral("alice.liddell@example.org"), QStringLiteral("al@example.net")};
    a.mail.state = MailState::Forward;
    a.mail.forwardAddress = QStringLiteral("alice@elsewhere.example");
    a.mail.quotaBytes = qint64(3) << 30;
    a.mail.quotaWarnPercent = 75;
    a.mail.access = MailAccess::ImapOnly;
    a.usageBytes = 123456789012;
    a.created = utc(2026, 11, 21, 22, 0, 0);
    // A local (non-UTC) time travels as the same instant.
    a.modified = QDateTime(QDate(2026, 11, 22), QTime(10, 30, 5), QTimeZone(3600 * 2));

    const Account b = Account::fromJson(overTheWire(a.toJson()));
    QCOMPARE(b.name, a.name);
    QCOMPARE(b.fullName, a.fullName);
    QCOMPARE(b.admin, a.admin);
    QCOMPARE(b.hasPassword, a.hasPassword);
    QCOMPARE(b.addresses, a.addresses);
    QCOMPARE(b.mail, a.mail);
    QCOMPARE(b.usageBytes, a.usageBytes);
    QCOMPARE(b.created, a.created);
    QCOMPARE(b.modified, a.modified);

    const Account empty = Account::fromJson(overTheWire(Account().toJson()));
    QVERIFY(empty.name.isEmpty());
    QVERIFY(!empty.admin);
    QVERIFY(empty.addresses.isEmpty());
    QCOMPARE(empty.mail, MailOptions());
    QVERIFY(!empty.created.isValid());
}

// The shape documented in docs/control-protocol.md, "Account".
void tst_Model::accountJsonMatchesProtocol()
{
    Account a;
    a.name = QStringLiteral("alice");
    a.created = utc(2026, 11, 21, 22, 0, 0);
    a.modified = a.created;
    const QJsonObject o = a.toJson();
    QCOMPARE(o.value(QStringLiteral("created")),
             QJsonValue(QStringLiteral("2026-11-21T22:00:00Z")));
    QVERIFY(o.value(QStringLiteral("addresses")).isArray());
    const QJsonObject mail = o.value(QStringLiteral("mail")).toObject();
    QCOMPARE(mail.value(QStringLiteral("state")), QJsonValue(QStringLiteral("enabled")));
    QCOMPARE(mail.value(QStringLiteral("access")), QJsonValue(QStringLiteral("both")));
    QCOMPARE(mail.value(QStringLiteral("quotaWarnPercent")), QJsonValue(90));
    const QStringList keys = o.keys();
    QCOMPARE(
        QSet<QString>(keys.begin(), keys.end()),
        (QSet<QString>{QStringLiteral("name"), QStringLiteral("fullName"), QStringLiteral("admin"),
                       QStringLiteral("hasPassword"), QStringLiteral("addresses"),
                       QStringLiteral("mail"), QStringLiteral("usageBytes"),
                       QStringLiteral("created"), QStringLiteral("modified")}));
}

void tst_Model::pastQuotaWarning_data()
{
    QTest::addColumn<qint64>("quota");
    QTest::addColumn<int>("percent");
    QTest::addColumn<qint64>("usage");
    QTest::addColumn<bool>("warn");

    QTest::newRow("no quota, no usage") << qint64(0) << 90 << qint64(0) << false;
    QTest::newRow("no quota, huge usage") << qint64(0) << 90 << (qint64(1) << 50) << false;
    QTest::newRow("just below 90%") << qint64(1000) << 90 << qint64(899) << false;
    QTest::newRow("exactly 90%") << qint64(1000) << 90 << qint64(900) << true;
    QTest::newRow("over 90%") << qint64(1000) << 90 << qint64(901) << true;
    QTest::newRow("over quota") << qint64(1000) << 90 << qint64(5000) << true;
    QTest::newRow("100%: one byte short") << qint64(1000) << 100 << qint64(999) << false;
    QTest::newRow("100%: full") << qint64(1000) << 100 << qint64(1000) << true;
    QTest::newRow("1%: empty") << qint64(1000) << 1 << qint64(0) << false;
    QTest::newRow("1%: threshold") << qint64(1000) << 1 << qint64(10) << true;
    QTest::newRow("fractional threshold below") << qint64(7) << 50 << qint64(3) << false;
    QTest::newRow("fractional threshold above") << qint64(7) << 50 << qint64(4) << true;
    QTest::newRow("10 GiB, 90%, one byte short")
        << (qint64(10) << 30) << 90 << ((qint64(9) << 30) - 1) << false;
    QTest::newRow("10 GiB, 90%, at threshold")
        << (qint64(10) << 30) << 90 << (qint64(9) << 30) << true;
}

void tst_Model::pastQuotaWarning()
{
    QFETCH(qint64, quota);
    QFETCH(int, percent);
    QFETCH(qint64, usage);
    QFETCH(bool, warn);

    Account a;
    a.mail.quotaBytes = quota;
    a.mail.quotaWarnPercent = percent;
    a.usageBytes = usage;
    QCOMPARE(a.pastQuotaWarning(), warn);
}

void tst_Model::pastQuotaWarningHugeValues_data()
{
    QTest::addColumn<qint64>("quota");
    QTest::addColumn<int>("percent");
    QTest::addColumn<qint64>("usage");
    QTest::addColumn<bool>("warn");

    // Values a peer can send (exact in a JSON double) whose product with 100 passes 2^63.
    const qint64 e17 = 100000000000000000; // 1e17 bytes
    QTest::newRow("95% of 1e17, warn at 90%") << e17 << 90 << (e17 / 100 * 95) << true;
    QTest::newRow("50% of 2^62, warn at 90%")
        << (qint64(1) << 62) << 90 << (qint64(1) << 61) << false;
}

// Fails while pastQuotaWarning multiplies in qint64 without guarding overflow (model/account.cpp).
void tst_Model::pastQuotaWarningHugeValues()
{
    QFETCH(qint64, quota);
    QFETCH(int, percent);
    QFETCH(qint64, usage);
    QFETCH(bool, warn);

    QJsonObject json = Account().toJson();
    QJsonObject mail = json.value(QStringLiteral("mail")).toObject();
    mail.insert(QStringLiteral("quotaBytes"), quota);
    mail.insert(QStringLiteral("quotaWarnPercent"), percent);
    json.insert(QStringLiteral("mail"), mail);
    json.insert(QStringLiteral("usageBytes"), usage);
    const Account a = Account::fromJson(overTheWire(json));
    QCOMPARE(a.mail.quotaBytes, quota);
    QCOMPARE(a.usageBytes, usage);
    QCOMPARE(a.pastQuotaWarning(), warn);
}

void tst_Model::serviceInfoRoundTrip()
{
    ServiceInfo s;
    s.name = QStringLiteral("smtp");
    s.displayName = QStringLiteral("SMTP");
    s.state = ServiceState::Failed;
    s.enabled = true;
    s.listeners = {QStringLiteral("127.0.0.1:2525"), QStringLiteral("[::1]:2525")};
    s.error = QStringLiteral("port 2525 is in use");
    s.counters = {{QStringLiteral("connections"), 12}, {QStringLiteral("messages"), 3}};

    const QJsonObject o = s.toJson();
    QCOMPARE(o.value(QStringLiteral("state")), QJsonValue(QStringLiteral("failed")));
    const ServiceInfo t = ServiceInfo::fromJson(overTheWire(o));
    QCOMPARE(t.name, s.name);
    QCOMPARE(t.displayName, s.displayName);
    QCOMPARE(int(t.state), int(s.state));
    QCOMPARE(t.enabled, s.enabled);
    QCOMPARE(t.listeners, s.listeners);
    QCOMPARE(t.error, s.error);
    QCOMPARE(t.counters, s.counters);

    for (ServiceState state : {ServiceState::Stopped, ServiceState::Running}) {
        s.state = state;
        QCOMPARE(int(ServiceInfo::fromJson(overTheWire(s.toJson())).state), int(state));
    }
}

void tst_Model::logEntryRoundTrip()
{
    for (LogLevel level :
         {LogLevel::Debug, LogLevel::Info, LogLevel::Notice, LogLevel::Warning, LogLevel::Error}) {
        LogEntry e;
        e.time = utc(2026, 11, 21, 22, 0, 0, 123);
        e.level = level;
        e.service = QStringLiteral("control");
        e.message = QStringLiteral("account \"alice\" created\tby root");
        const QJsonObject o = e.toJson();
        QCOMPARE(o.value(QStringLiteral("time")),
                 QJsonValue(QStringLiteral("2026-11-21T22:00:00.123Z")));
        const LogEntry f = LogEntry::fromJson(overTheWire(o));
        QCOMPARE(f.time, e.time);
        QCOMPARE(int(f.level), int(e.level));
        QCOMPARE(f.service, e.service);
        QCOMPARE(f.message, e.message);
    }
}

void tst_Model::logEntryToLine_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("line");

    QTest::newRow("documented example")
        << utc(2026, 11, 21, 22, 0, 0, 123) << int(LogLevel::Info) << QStringLiteral("control")
        << QStringLiteral("message")
        << QStringLiteral("2026-11-21T22:00:00.123Z info control: message");
    QTest::newRow("whole second keeps .000")
        << utc(2026, 1, 2, 3, 4, 5) << int(LogLevel::Warning) << QStringLiteral("smtp")
        << QStringLiteral("slow client")
        << QStringLiteral("2026-01-02T03:04:05.000Z warning smtp: slow client");
    QTest::newRow("offset time written as UTC")
        << QDateTime(QDate(2026, 11, 22), QTime(0, 30, 0, 5), QTimeZone(2 * 3600))
        << int(LogLevel::Error) << QStringLiteral("maild") << QStringLiteral("x")
        << QStringLiteral("2026-11-21T22:30:00.005Z error maild: x");
}

void tst_Model::logEntryToLine()
{
    QFETCH(QDateTime, time);
    QFETCH(int, level);
    QFETCH(QString, service);
    QFETCH(QString, message);
    QFETCH(QString, line);

    LogEntry e;
    e.time = time;
    e.level = LogLevel(level);
    e.service = service;
    e.message = message;
    QCOMPARE(e.toLine(), line);
}

void tst_Model::settingInfoRoundTrip_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("source");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QJsonValue>("defaultValue");

    QTest::newRow("string, default") << int(SettingType::String) << int(SettingSource::Default)
                                     << QJsonValue(QStringLiteral("mail.example.org"))
                                     << QJsonValue(QStringLiteral("localhost"));
    QTest::newRow("int, stored") << int(SettingType::Int) << int(SettingSource::Stored)
                                 << QJsonValue(2525) << QJsonValue(25);
    QTest::newRow("bool, command line") << int(SettingType::Bool) << int(SettingSource::CommandLine)
                                        << QJsonValue(true) << QJsonValue(false);
    QTest::newRow("choice") << int(SettingType::Choice) << int(SettingSource::Stored)
                            << QJsonValue(QStringLiteral("debug"))
                            << QJsonValue(QStringLiteral("info"));
    QTest::newRow("list") << int(SettingType::List) << int(SettingSource::Default)
                          << QJsonValue(QJsonArray{QStringLiteral("a"), QStringLiteral("b")})
                          << QJsonValue(QJsonArray{});
}

void tst_Model::settingInfoRoundTrip()
{
    QFETCH(int, type);
    QFETCH(int, source);
    QFETCH(QJsonValue, value);
    QFETCH(QJsonValue, defaultValue);

    SettingInfo s;
    s.key = QStringLiteral("some.key");
    s.type = SettingType(type);
    s.source = SettingSource(source);
    s.value = value;
    s.defaultValue = defaultValue;
    s.description = QStringLiteral("What it does.");
    if (s.type == SettingType::Choice)
        s.choices = {QStringLiteral("debug"), QStringLiteral("info")};
    if (s.type == SettingType::Int) {
        s.min = 1;
        s.max = 65535;
    }

    const QJsonObject o = s.toJson();
    QCOMPARE(o.contains(QStringLiteral("choices")), s.type == SettingType::Choice);
    QCOMPARE(o.contains(QStringLiteral("min")), s.type == SettingType::Int);
    QCOMPARE(o.value(QStringLiteral("type")), QJsonValue(toString(s.type)));
    QCOMPARE(o.value(QStringLiteral("source")), QJsonValue(toString(s.source)));

    const SettingInfo t = SettingInfo::fromJson(overTheWire(o));
    QCOMPARE(t.key, s.key);
    QCOMPARE(int(t.type), int(s.type));
    QCOMPARE(int(t.source), int(s.source));
    QCOMPARE(t.value, s.value);
    QCOMPARE(t.defaultValue, s.defaultValue);
    QCOMPARE(t.description, s.description);
    QCOMPARE(t.choices, s.choices);
    QCOMPARE(t.min, s.min);
    QCOMPARE(t.max, s.max);
}

void tst_Model::settingTypeAndSourceNames()
{
    QCOMPARE(toString(SettingType::String), QStringLiteral("string"));
    QCOMPARE(toString(SettingType::Int), QStringLiteral("int"));
    QCOMPARE(toString(SettingType::Bool), QStringLiteral("bool"));
    QCOMPARE(toString(SettingType::Choice), QStringLiteral("choice"));
    QCOMPARE(toString(SettingType::List), QStringLiteral("list"));
    QCOMPARE(toString(SettingSource::Default), QStringLiteral("default"));
    QCOMPARE(toString(SettingSource::Stored), QStringLiteral("stored"));
    QCOMPARE(toString(SettingSource::CommandLine), QStringLiteral("command-line"));
}

QTEST_APPLESS_MAIN(tst_Model)
#include "tst_model.moc"
