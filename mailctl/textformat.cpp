// Readable values and size parsing (see textformat.h).
#include "textformat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <cmath>
#include <limits>

namespace mailctl {

namespace {
constexpr const char *kUnits[] = {"B", "KB", "MB", "GB", "TB", "PB"};
}

QString formatSize(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit + 1 < int(std::size(kUnits))) {
        value /= 1024.0;
        ++unit;
    }
    QString number = QString::number(value, 'f', value < 10 ? 1 : 0);
    if (number.endsWith(QLatin1String(".0")))
        number.chop(2);
    return number + QLatin1Char(' ') + QLatin1String(kUnits[unit]);
}

std::optional<qint64> parseSize(const QString &text)
{
    QString t = text.trimmed().toUpper();
    int shift = 0;
    if (t.endsWith(QLatin1Char('B')))
        t.chop(1);
    if (!t.isEmpty()) {
        const QChar last = t.back();
        const QString suffixes = QStringLiteral("KMGT");
        if (const qsizetype i = suffixes.indexOf(last); i >= 0) {
            shift = int(10 * (i + 1));
            t.chop(1);
        }
    }
    if (t.isEmpty())
        return std::nullopt;
    for (const QChar c : t) { // digits and at most one point: no signs, exponents or spaces
        if (!c.isDigit() && c != QLatin1Char('.'))
            return std::nullopt;
    }
    if (t.count(QLatin1Char('.')) > 1 || (t.contains(QLatin1Char('.')) && shift == 0))
        return std::nullopt;
    bool ok = false;
    const double number = t.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    const double bytes = std::round(std::ldexp(number, shift));
    if (bytes > double(std::numeric_limits<qint64>::max() / 2))
        return std::nullopt;
    return qint64(bytes);
}

QString formatDuration(qint64 seconds)
{
    const qint64 d = seconds / 86400, h = seconds / 3600 % 24, m = seconds / 60 % 60,
                 s = seconds % 60;
    if (d > 0)
        return QStringLiteral("%1d %2h %3m").arg(d).arg(h).arg(m);
    if (h > 0)
        return QStringLiteral("%1h %2m").arg(h).arg(m);
    if (m > 0)
        return QStringLiteral("%1m %2s").arg(m).arg(s);
    return QStringLiteral("%1s").arg(s);
}

QString yesNo(bool value)
{
    return value ? QCoreApplication::translate("Mailctl", "yes")
                 : QCoreApplication::translate("Mailctl", "no");
}

QString compactJson(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString displayValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts.append(displayValue(v));
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Undefined:
        return {};
    default:
        return compactJson(value);
    }
}

QJsonValue parseLooseJson(const QString &text)
{
    // QJsonDocument only takes arrays and objects at the top level: wrap the text in one.
    QJsonParseError error{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"), &error);
    if (error.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1)
        return doc.array().first();
    return text;
}

} // namespace mailctl
