// Unit tests of control::Params, the strict reader of a request's params: an unknown key is
// refused by name, each typed accessor refuses the wrong type, out-of-range numbers,
// over-long strings and NUL characters, the first problem is the one reported (as
// InvalidParams with data.field), and absent optional keys are simply absent.
// Security: every value read through Params comes from a control-socket peer.
#include "control/params.h"

#include <QJsonArray>
#include <QTest>

using maild::control::Params;
using common::control::ErrorCode;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

QString withNul() { return s("ab") + QChar(0) + s("cd"); }

} // namespace

#define VERIFY_REFUSED(p, fieldName)                                                                 \
    do {                                                                                             \
        QVERIFY2(!(p).ok(), "expected a refusal of " fieldName);                                     \
        QCOMPARE((p).error()->code, int(ErrorCode::InvalidParams));                                  \
        QCOMPARE((p).error()->data.value(QStringLiteral("field")).toString(), s(fieldName));         \
        QVERIFY(!(p).error()->data.value(QStringLiteral("reason")).toString().isEmpty());            \
        QVERIFY((p).error()->message.contains(s(fieldName)));                                        \
    } while (false)

class tst_Params : public QObject
{
    Q_OBJECT

private slots:
    void unknownKeyIsRefusedByName();
    void knownKeysPass();
    void requiredString();
    void optionalString();
    void optionalInt_data();
    void optionalInt();
    void optionalBool();
    void optionalObject();
    void optionalStringList();
    void nulInListItems();
    void firstProblemIsKept();
};

void tst_Params::unknownKeyIsRefusedByName()
{
    Params p({{s("name"), s("alice")}, {s("nmae"), s("typo")}}, {"name"});
    VERIFY_REFUSED(p, "nmae");
    Params none({{s("anything"), 1}}, {});
    VERIFY_REFUSED(none, "anything");
    Params empty(QJsonObject(), {});
    QVERIFY(empty.ok());
}

void tst_Params::knownKeysPass()
{
    Params p({{s("name"), s("alice")}, {s("limit"), 5}}, {"name", "limit", "offset"});
    QVERIFY(p.ok());
    QVERIFY(p.has("name"));
    QVERIFY(!p.has("offset"));
    QCOMPARE(p.requiredString("name"), s("alice"));
    QCOMPARE(p.optionalInt("limit", 1, 10), 5);
    QCOMPARE(p.optionalInt("offset", 0, 10), std::nullopt);
    QVERIFY(p.ok());
}

void tst_Params::requiredString()
{
    {
        Params p(QJsonObject(), {"name"});
        QCOMPARE(p.requiredString("name"), QString());
        VERIFY_REFUSED(p, "name");
    }
    {
        Params p({{s("name"), 42}}, {"name"});
        p.requiredString("name");
        VERIFY_REFUSED(p, "name");
    }
    {
        Params p({{s("name"), QJsonValue(QJsonValue::Null)}}, {"name"});
        p.requiredString("name");
        VERIFY_REFUSED(p, "name");
    }
    {
        Params p({{s("name"), withNul()}}, {"name"});
        p.requiredString("name");
        VERIFY_REFUSED(p, "name");
    }
    {
        Params p({{s("name"), QString(11, u'x')}}, {"name"});
        p.requiredString("name", 10);
        VERIFY_REFUSED(p, "name");
    }
    {
        Params p({{s("name"), QString(10, u'x')}}, {"name"});
        QCOMPARE(p.requiredString("name", 10), QString(10, u'x'));
        QVERIFY(p.ok());
    }
    {
        Params p({{s("name"), s("")}}, {"name"}); // present but empty: the caller judges
        QCOMPARE(p.requiredString("name"), QString());
        QVERIFY(p.ok());
    }
}

void tst_Params::optionalString()
{
    Params absent(QJsonObject(), {"filter"});
    QCOMPARE(absent.optionalString("filter"), std::nullopt);
    QVERIFY(absent.ok());
    Params ok({{s("filter"), s("ünïcödé ' \" ; --")}}, {"filter"});
    QCOMPARE(ok.optionalString("filter"), s("ünïcödé ' \" ; --"));
    QVERIFY(ok.ok());
    Params defaultLimit({{s("filter"), QString(4097, u'x')}}, {"filter"});
    QCOMPARE(defaultLimit.optionalString("filter"), std::nullopt);
    VERIFY_REFUSED(defaultLimit, "filter");
    Params nul({{s("filter"), withNul()}}, {"filter"});
    QCOMPARE(nul.optionalString("filter"), std::nullopt);
    VERIFY_REFUSED(nul, "filter");
    Params nulAtEnd({{s("filter"), QString(s("abc") + QChar(0))}}, {"filter"});
    nulAtEnd.optionalString("filter");
    VERIFY_REFUSED(nulAtEnd, "filter");
    Params array({{s("filter"), QJsonArray{s("a")}}}, {"filter"});
    array.optionalString("filter");
    VERIFY_REFUSED(array, "filter");
}

void tst_Params::optionalInt_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("min") << QJsonValue(1) << true;
    QTest::newRow("max") << QJsonValue(1000) << true;
    QTest::newRow("below") << QJsonValue(0) << false;
    QTest::newRow("above") << QJsonValue(1001) << false;
    QTest::newRow("negative") << QJsonValue(-1) << false;
    QTest::newRow("fraction") << QJsonValue(1.5) << false;
    QTest::newRow("whole double") << QJsonValue(2.0) << true;
    QTest::newRow("huge") << QJsonValue(1e300) << false;
    QTest::newRow("-huge") << QJsonValue(-1e300) << false;
    QTest::newRow("string") << QJsonValue(s("5")) << false;
    QTest::newRow("bool") << QJsonValue(true) << false;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << false;
    QTest::newRow("array") << QJsonValue(QJsonArray{5}) << false;
}

void tst_Params::optionalInt()
{
    QFETCH(QJsonValue, value);
    QFETCH(bool, valid);
    Params p({{s("limit"), value}}, {"limit"});
    const std::optional<qint64> n = p.optionalInt("limit", 1, 1000);
    if (valid) {
        QVERIFY(p.ok());
        QCOMPARE(n, qint64(value.toDouble()));
    } else {
        QCOMPARE(n, std::nullopt);
        VERIFY_REFUSED(p, "limit");
    }
}

void tst_Params::optionalBool()
{
    Params yes({{s("admin"), true}}, {"admin"});
    QCOMPARE(yes.optionalBool("admin"), true);
    Params no({{s("admin"), false}}, {"admin"});
    QCOMPARE(no.optionalBool("admin"), false);
    QVERIFY(yes.ok() && no.ok());
    for (const QJsonValue &bad : {QJsonValue(s("true")), QJsonValue(1), QJsonValue(0), QJsonValue(QJsonValue::Null)}) {
        Params p({{s("admin"), bad}}, {"admin"});
        QCOMPARE(p.optionalBool("admin"), std::nullopt);
        VERIFY_REFUSED(p, "admin");
    }
}

void tst_Params::optionalObject()
{
    Params ok({{s("mail"), QJsonObject{{s("state"), s("enabled")}}}}, {"mail"});
    QCOMPARE(ok.optionalObject("mail")->value(s("state")).toString(), s("enabled"));
    for (const QJsonValue &bad : {QJsonValue(QJsonArray()), QJsonValue(s("{}")), QJsonValue(QJsonValue::Null)}) {
        Params p({{s("mail"), bad}}, {"mail"});
        QCOMPARE(p.optionalObject("mail"), std::nullopt);
        VERIFY_REFUSED(p, "mail");
    }
}

void tst_Params::optionalStringList()
{
    Params ok({{s("keys"), QJsonArray{s("a"), s("b")}}}, {"keys"});
    QCOMPARE(ok.optionalStringList("keys"), QStringList({s("a"), s("b")}));
    QVERIFY(ok.ok());
    Params empty({{s("keys"), QJsonArray()}}, {"keys"});
    QCOMPARE(empty.optionalStringList("keys"), QStringList());
    QVERIFY(empty.ok());

    QJsonArray three{s("a"), s("b"), s("c")};
    Params tooMany({{s("keys"), three}}, {"keys"});
    QCOMPARE(tooMany.optionalStringList("keys", 2), std::nullopt);
    VERIFY_REFUSED(tooMany, "keys");
    Params notList({{s("keys"), s("a,b")}}, {"keys"});
    notList.optionalStringList("keys");
    VERIFY_REFUSED(notList, "keys");
    Params number({{s("keys"), QJsonArray{s("a"), 1}}}, {"keys"});
    number.optionalStringList("keys");
    VERIFY_REFUSED(number, "keys");
    Params nested({{s("keys"), QJsonArray{QJsonArray{s("a")}}}}, {"keys"});
    nested.optionalStringList("keys");
    VERIFY_REFUSED(nested, "keys");
    Params longItem({{s("keys"), QJsonArray{QString(4097, u'x')}}}, {"keys"});
    longItem.optionalStringList("keys");
    VERIFY_REFUSED(longItem, "keys");
}

void tst_Params::nulInListItems()
{
    // The same rule as for a single string: a NUL never gets past the reader.
    Params p({{s("addresses"), QJsonArray{s("ok@example.org"), withNul()}}}, {"addresses"});
    QCOMPARE(p.optionalStringList("addresses"), std::nullopt);
    VERIFY_REFUSED(p, "addresses");
}

void tst_Params::firstProblemIsKept()
{
    Params p({{s("name"), 1}, {s("limit"), s("x")}}, {"name", "limit"});
    p.optionalInt("limit", 1, 10);
    p.requiredString("name");
    VERIFY_REFUSED(p, "limit");
    // An unknown key is found first, before any accessor runs.
    Params q({{s("zzz"), 1}, {s("name"), 1}}, {"name"});
    q.requiredString("name");
    VERIFY_REFUSED(q, "zzz");
    // Later accessors still answer sensibly.
    Params r({{s("limit"), s("x")}, {s("name"), s("alice")}}, {"name", "limit"});
    r.optionalInt("limit", 1, 10);
    QCOMPARE(r.requiredString("name"), s("alice"));
    VERIFY_REFUSED(r, "limit");
}

QTEST_APPLESS_MAIN(tst_Params)
#include "tst_params.moc"
