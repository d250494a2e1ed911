// mailctl call METHOD [JSON-PARAMS]: any control method, for what has no command of its
// own; prints the JSON result (indented, or one line with --json). hello needs no login.
#include "commands.h"
#include "console.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace mailctl {

int runCall(Session &session, const Invocation &inv)
{
    const QString method = inv.args.positional.at(0);
    QJsonObject params;
    if (inv.args.positional.size() > 1) {
        QJsonParseError error{};
        const QJsonDocument doc =
            QJsonDocument::fromJson(inv.args.positional.at(1).toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            return inv.usage(Mailctl::tr("JSON-PARAMS: not valid JSON (%1 at offset %2)")
                                 .arg(error.errorString())
                                 .arg(error.offset));
        if (!doc.isObject())
            return inv.usage(Mailctl::tr("JSON-PARAMS: must be a JSON object"));
        params = doc.object();
    }
    if (method == QLatin1String("hello"))
        session.setLoginRequired(false);
    const std::optional<QJsonValue> r = session.call(method, params);
    if (!r)
        return session.exitCode();
    if (session.json()) {
        printJson(*r);
    } else if (r->isObject()) {
        printOut(QString::fromUtf8(QJsonDocument(r->toObject()).toJson(QJsonDocument::Indented))
                     .trimmed());
    } else if (r->isArray()) {
        printOut(QString::fromUtf8(QJsonDocument(r->toArray()).toJson(QJsonDocument::Indented))
                     .trimmed());
    } else {
        printJson(*r);
    }
    return ExitOk;
}

} // namespace mailctl
