// Unit tests of core::Settings: every type's check (and the limits and choices), the
// precedence of the sources (command line > stored > --config file > definition default,
// per profile), store() validating everything before writing anything, a key fixed on the
// command line refused as a conflict, stored values that no longer pass being ignored, and
// the text conversion used for --set.
#include "core/coresettings.h"
#include "core/settings.h"
#include "store/settingstable.h"

#include "testdb.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <algorithm>

using namespace maild::core;
using common::model::SettingSource;
using maild::store::SettingsTable;
using maild::testing::TestDb;


namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

// Test definitions, one per type.
void defineTestSettings(Settings &settings)
{
    settings.define({s("t.string"), SettingType::String, s("a string"), s("hello"), QJsonValue::Undefined, {}, 0, 0, {}});
    settings.define({s("t.int"), SettingType::Int, s("an int"), 5, 50, {}, 1, 100, {}});
    settings.define({s("t.bool"), SettingType::Bool, s("a bool"), true, QJsonValue::Undefined, {}, 0, 0, {}});
    settings.define({s("t.choice"), SettingType::Choice, s("a choice"), s("b"), QJsonValue::Undefined,
                     {s("a"), s("b"), s("c")}, 0, 0, {}});
    settings.define({s("t.list"), SettingType::List, s("a list"), QJsonArray{s("x")}, QJsonValue::Undefined, {}, 0, 0, {}});
    settings.define({s("t.even"), SettingType::Int, s("validated"), 2, QJsonValue::Undefined, {}, 0, 10,
                     [](const QJsonValue &v) -> std::optional<QString> {
                         if (v.toInteger() % 2 != 0)
                             return s("must be even");
                         return std::nullopt;
                     }});
}

QJsonArray strings(std::initializer_list<const char *> items)
{
    QJsonArray out;
    for (const char *i : items)
        out.append(s(i));
    return out;
}

} // namespace

class tst_Settings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void check_data();
    void check();
    void defaultsDependOnTheProfile();
    void precedence();
    void storeIsAllOrNothing();
    void storeRefusesAKeyFixedOnTheCommandLine();
    void storeWritesThroughAndNotifies();
    void invalidStoredValuesAreIgnored();
    void configDefaultsAreAllOrNothing();
    void overrideIsChecked();
    void fromText_data();
    void fromText();
    void coreDefinitions();
    void passwordIterationsHaveAFloor();

private:
    std::unique_ptr<TestDb> m_t;
    std::unique_ptr<SettingsTable> m_table;
    std::unique_ptr<Settings> m_settings;
};

void tst_Settings::init()
{
    m_t = std::make_unique<TestDb>();
    QVERIFY2(m_t->ok(), qPrintable(m_t->migrateError()));
    m_table = std::make_unique<SettingsTable>(m_t->db());
    m_settings = std::make_unique<Settings>(common::Profile::Embedded);
    defineTestSettings(*m_settings);
}

void tst_Settings::cleanup()
{
    m_settings.reset();
    m_table.reset();
    m_t.reset();
}

void tst_Settings::check_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("valid");
    auto row = [](const char *name, const char *key, const QJsonValue &v, bool valid) {
        QTest::newRow(name) << s(key) << v << valid;
    };
    row("string", "t.string", s("text"), true);
    row("string empty", "t.string", s(""), true);
    row("string 4096", "t.string", QString(4096, u'x'), true);
    row("string 4097", "t.string", QString(4097, u'x'), false);
    row("string as number", "t.string", 5, false);
    row("string as null", "t.string", QJsonValue(QJsonValue::Null), false);
    row("int min", "t.int", 1, true);
    row("int max", "t.int", 100, true);
    row("int below", "t.int", 0, false);
    row("int above", "t.int", 101, false);
    row("int negative", "t.int", -5, false);
    row("int fraction", "t.int", 2.5, false);
    row("int huge", "t.int", 1e300, false);
    row("int as string", "t.int", s("5"), false);
    row("int as bool", "t.int", true, false);
    row("bool true", "t.bool", true, true);
    row("bool false", "t.bool", false, true);
    row("bool as string", "t.bool", s("true"), false);
    row("bool as number", "t.bool", 1, false);
    row("choice", "t.choice", s("c"), true);
    row("choice other case", "t.choice", s("C"), false);
    row("choice unknown", "t.choice", s("d"), false);
    row("choice empty", "t.choice", s(""), false);
    row("choice as number", "t.choice", 1, false);
    row("list", "t.list", strings({"a", "b"}), true);
    row("list empty", "t.list", QJsonArray(), true);
    row("list with empty string", "t.list", strings({"a", ""}), false);
    row("list with number", "t.list", QJsonArray{s("a"), 1}, false);
    row("list as string", "t.list", s("a,b"), false);
    row("validator passes", "t.even", 4, true);
    row("validator refuses", "t.even", 3, false);
    row("validator after range", "t.even", 12, false);
    row("unknown key", "t.nope", s("x"), false);
}

void tst_Settings::check()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(bool, valid);
    const std::optional<QString> reason = m_settings->check(key, value);
    if (valid) {
        QVERIFY2(!reason, qPrintable(reason.value_or(QString())));
    } else {
        QVERIFY2(reason, "accepted");
        QVERIFY(!reason->isEmpty());
    }
}

void tst_Settings::defaultsDependOnTheProfile()
{
    Settings system(common::Profile::System);
    defineTestSettings(system);
    QCOMPARE(m_settings->value(s("t.int")), QJsonValue(5));
    QCOMPARE(system.value(s("t.int")), QJsonValue(50));
    QCOMPARE(system.value(s("t.string")), QJsonValue(s("hello"))); // no system default: the embedded one
    QCOMPARE(system.info(s("t.int")).defaultValue, QJsonValue(50));
}

void tst_Settings::precedence()
{
    const QString key = s("t.int");
    QCOMPARE(m_settings->value(key), QJsonValue(5));
    QCOMPARE(common::model::toString(m_settings->info(key).source), common::model::toString(SettingSource::Default));

    QCOMPARE(m_settings->setConfigDefaults({{key, 10}}), QString());
    QCOMPARE(m_settings->value(key), QJsonValue(10));
    QCOMPARE(m_settings->info(key).defaultValue, QJsonValue(10));
    QCOMPARE(common::model::toString(m_settings->info(key).source), common::model::toString(SettingSource::Default)); // a config file sets defaults

    QVERIFY(m_table->store(key, 20));
    m_settings->loadStored(*m_table);
    QCOMPARE(m_settings->value(key), QJsonValue(20));
    QCOMPARE(common::model::toString(m_settings->info(key).source), common::model::toString(SettingSource::Stored));
    QCOMPARE(m_settings->info(key).defaultValue, QJsonValue(10));

    QCOMPARE(m_settings->setOverride(key, 30), QString());
    QCOMPARE(m_settings->value(key), QJsonValue(30));
    QCOMPARE(common::model::toString(m_settings->info(key).source), common::model::toString(SettingSource::CommandLine));
    QVERIFY(m_settings->isOverridden(key));

    // A newer stored value does not beat the command line either.
    QVERIFY(m_table->store(key, 40));
    m_settings->loadStored(*m_table);
    QCOMPARE(m_settings->value(key), QJsonValue(30));
    QCOMPARE(m_settings->integer(key), 30);
    // Other keys are unaffected.
    QCOMPARE(m_settings->value(s("t.string")), QJsonValue(s("hello")));
    QCOMPARE(common::model::toString(m_settings->info(s("t.string")).source), common::model::toString(SettingSource::Default));
    QCOMPARE(m_settings->value(s("t.nope")), QJsonValue());
}

void tst_Settings::storeIsAllOrNothing()
{
    QSignalSpy changed(m_settings.get(), &Settings::changed);
    const auto refusal = m_settings->store({{s("t.string"), s("new")}, {s("t.int"), 500}, {s("t.bool"), false}},
                                           *m_table);
    QVERIFY(refusal);
    QCOMPARE(refusal->key, s("t.int"));
    QVERIFY(!refusal->reason.isEmpty());
    QVERIFY(!refusal->conflict);
    QVERIFY(m_table->loadAll().isEmpty());
    QCOMPARE(m_settings->value(s("t.string")), QJsonValue(s("hello")));
    QCOMPARE(m_settings->value(s("t.bool")), QJsonValue(true));
    QCOMPARE(changed.count(), 0);

    const auto unknown = m_settings->store({{s("t.string"), s("new")}, {s("t.nope"), 1}}, *m_table);
    QVERIFY(unknown);
    QCOMPARE(unknown->key, s("t.nope"));
    QVERIFY(m_table->loadAll().isEmpty());
    QCOMPARE(changed.count(), 0);
}

void tst_Settings::storeRefusesAKeyFixedOnTheCommandLine()
{
    QCOMPARE(m_settings->setOverride(s("t.choice"), s("a")), QString());
    QSignalSpy changed(m_settings.get(), &Settings::changed);
    const auto refusal = m_settings->store({{s("t.choice"), s("c")}, {s("t.string"), s("new")}}, *m_table);
    QVERIFY(refusal);
    QCOMPARE(refusal->key, s("t.choice"));
    QVERIFY(refusal->conflict);
    QVERIFY(refusal->reason.contains(s("command line")));
    QVERIFY(m_table->loadAll().isEmpty());
    QCOMPARE(m_settings->value(s("t.choice")), QJsonValue(s("a")));
    QCOMPARE(m_settings->value(s("t.string")), QJsonValue(s("hello")));
    QCOMPARE(changed.count(), 0);
}

void tst_Settings::storeWritesThroughAndNotifies()
{
    QSignalSpy changed(m_settings.get(), &Settings::changed);
    const auto refusal = m_settings->store({{s("t.int"), 7}, {s("t.list"), strings({"a", "b"})}}, *m_table);
    QVERIFY2(!refusal, qPrintable(refusal ? refusal->reason : QString()));
    QCOMPARE(m_settings->integer(s("t.int")), 7);
    QCOMPARE(m_settings->list(s("t.list")), QStringList({s("a"), s("b")}));
    QCOMPARE(common::model::toString(m_settings->info(s("t.int")).source), common::model::toString(SettingSource::Stored));
    QCOMPARE(changed.count(), 1);
    QStringList keys = changed.first().first().toStringList();
    keys.sort();
    QCOMPARE(keys, QStringList({s("t.int"), s("t.list")}));
    // In the table, each value as a one-element JSON array.
    QCOMPARE(m_t->scalar("SELECT count(*) FROM settings WHERE key = 't.int' AND value = '[7]'"), 1);
    QCOMPARE(m_t->scalar("SELECT count(*) FROM settings WHERE key = 't.list' AND value = '[[\"a\",\"b\"]]'"), 1);
    // A fresh Settings reading the same table sees them.
    Settings again(common::Profile::Embedded);
    defineTestSettings(again);
    again.loadStored(*m_table);
    QCOMPARE(again.integer(s("t.int")), 7);
    QCOMPARE(common::model::toString(again.info(s("t.list")).source), common::model::toString(SettingSource::Stored));
    // Storing again replaces the value.
    QVERIFY(!m_settings->store({{s("t.int"), 8}}, *m_table));
    QCOMPARE(m_t->scalar("SELECT count(*) FROM settings"), 2);
    QCOMPARE(m_table->loadAll().value(s("t.int")), QJsonValue(8));
}

void tst_Settings::invalidStoredValuesAreIgnored()
{
    QVERIFY(m_table->store(s("t.int"), 1000));        // out of range
    QVERIFY(m_table->store(s("t.choice"), s("zzz"))); // not a choice
    QVERIFY(m_table->store(s("t.gone"), 1));          // no longer defined
    QVERIFY(m_table->store(s("t.bool"), false));      // fine
    QVERIFY(m_t->db().exec("INSERT INTO settings (key, value) VALUES ('t.string', 'not json')"));
    m_settings->loadStored(*m_table);
    QCOMPARE(m_settings->value(s("t.int")), QJsonValue(5));
    QCOMPARE(common::model::toString(m_settings->info(s("t.int")).source), common::model::toString(SettingSource::Default));
    QCOMPARE(m_settings->value(s("t.choice")), QJsonValue(s("b")));
    QCOMPARE(m_settings->value(s("t.string")), QJsonValue(s("hello")));
    QCOMPARE(m_settings->value(s("t.bool")), QJsonValue(false));
    QVERIFY(!m_settings->isDefined(s("t.gone")));
}

void tst_Settings::configDefaultsAreAllOrNothing()
{
    const QString error = m_settings->setConfigDefaults({{s("t.string"), s("from config")}, {s("t.int"), 0}});
    QVERIFY(error.startsWith(s("t.int: ")));
    QCOMPARE(m_settings->value(s("t.string")), QJsonValue(s("hello")));
    QVERIFY(m_settings->setConfigDefaults({{s("t.nope"), 1}}).startsWith(s("t.nope")));
}

void tst_Settings::overrideIsChecked()
{
    const QString error = m_settings->setOverride(s("t.choice"), s("zzz"));
    QVERIFY(error.startsWith(s("t.choice: ")));
    QVERIFY(!m_settings->isOverridden(s("t.choice")));
    QCOMPARE(m_settings->value(s("t.choice")), QJsonValue(s("b")));
    QVERIFY(!m_settings->setOverride(s("t.nope"), 1).isEmpty());
}

void tst_Settings::fromText_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QJsonValue>("expected");
    QTest::newRow("int") << s("t.int") << s("42") << QJsonValue(42);
    QTest::newRow("int negative") << s("t.int") << s("-3") << QJsonValue(-3);
    QTest::newRow("int not a number stays text") << s("t.int") << s("four") << QJsonValue(s("four"));
    QTest::newRow("bool true") << s("t.bool") << s("true") << QJsonValue(true);
    QTest::newRow("bool yes") << s("t.bool") << s("yes") << QJsonValue(true);
    QTest::newRow("bool on") << s("t.bool") << s("on") << QJsonValue(true);
    QTest::newRow("bool no") << s("t.bool") << s("no") << QJsonValue(false);
    QTest::newRow("bool off") << s("t.bool") << s("off") << QJsonValue(false);
    QTest::newRow("bool other stays text") << s("t.bool") << s("maybe") << QJsonValue(s("maybe"));
    QTest::newRow("list commas") << s("t.list") << s("a, b,,c") << QJsonValue(strings({"a", "b", "c"}));
    QTest::newRow("list json") << s("t.list") << s("[\"x,y\"]") << QJsonValue(strings({"x,y"}));
    QTest::newRow("choice") << s("t.choice") << s("c") << QJsonValue(s("c"));
    QTest::newRow("string keeps digits") << s("t.string") << s("42") << QJsonValue(s("42"));
}

void tst_Settings::fromText()
{
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(QJsonValue, expected);
    QCOMPARE(m_settings->fromText(key, text), expected);
}

void tst_Settings::coreDefinitions()
{
    Settings core(common::Profile::Embedded);
    defineCoreSettings(core);
    const QStringList keys = core.keys();
    for (const char *key : {"server.hostname", "listen.addresses", "log.level", "log.toFile", "control.adminGroup",
                            "control.maxFrameBytes", "control.loginFailuresBeforeLockout",
                            "control.loginLockoutSeconds"})
        QVERIFY2(keys.contains(s(key)), key);
    QVERIFY(std::is_sorted(keys.begin(), keys.end()));
    for (const QString &key : keys) {
        QVERIFY2(!core.info(key).description.isEmpty(), qPrintable(key));
        const std::optional<QString> reason = core.check(key, core.value(key));
        QVERIFY2(!reason, qPrintable(key + s(": the default is refused: ") + reason.value_or(QString())));
    }
    QCOMPARE(core.value(s("log.level")), QJsonValue(s("info")));
    QCOMPARE(core.integer(s("control.maxFrameBytes")), 1024 * 1024);
    QVERIFY(core.check(s("control.maxFrameBytes"), 4095));
    QVERIFY(!core.check(s("control.maxFrameBytes"), 4096));
    QVERIFY(core.check(s("listen.addresses"), QJsonArray()));
    QVERIFY(core.check(s("listen.addresses"), strings({"127.0.0.1", "localhost"})));
    QVERIFY(!core.check(s("listen.addresses"), strings({"127.0.0.1", "::1"})));
    QVERIFY(core.check(s("server.hostname"), s("bad host")));
    QVERIFY(core.check(s("control.adminGroup"), s("wheel;rm")));
    QVERIFY(!core.check(s("control.adminGroup"), s("mail-admins")));
    Settings system(common::Profile::System);
    defineCoreSettings(system);
    QCOMPARE(system.value(s("listen.addresses")), QJsonValue(strings({"0.0.0.0", "::"})));
}

// The hash cost is a setting, but one the daemon refuses to lower past the floor unless it
// was started for a test suite (--allow-weak-password-hashing).
void tst_Settings::passwordIterationsHaveAFloor()
{
    const QString key = s("auth.passwordIterations");
    Settings normal(common::Profile::Embedded);
    defineCoreSettings(normal);
    QCOMPARE(passwordIterations(normal), 600000);
    const std::optional<QString> refusal = normal.check(key, 99999);
    QVERIFY(refusal);
    QVERIFY2(refusal->contains(s("100000")), qPrintable(*refusal));
    QVERIFY(!normal.check(key, 100000));
    QCOMPARE(normal.setOverride(key, 5000).isEmpty(), false);

    Settings weak(common::Profile::Embedded);
    defineCoreSettings(weak, true);
    QVERIFY(!weak.check(key, 1000));
    QVERIFY(weak.check(key, 999)); // below what any stored hash may have
    QVERIFY(weak.setOverride(key, 1000).isEmpty());
    QCOMPARE(passwordIterations(weak), 1000);
}

QTEST_GUILESS_MAIN(tst_Settings)
#include "tst_settings.moc"
