// mailctl domain list|add|remove: the domains this server receives mail for
// (domain.list, domain.add, domain.remove).
#include "commands.h"
#include "console.h"
#include "tableprinter.h"

#include <QCoreApplication>

namespace mailctl {

namespace {

int change(Session &session, const Invocation &inv, const QString &method, const char *done)
{
    const QString name = inv.args.positional.at(0);
    const std::optional<QJsonObject> r =
        session.callObject(method, {{QStringLiteral("name"), name}});
    if (!r)
        return session.exitCode();
    if (session.json())
        printJson(*r);
    else
        printOut(QCoreApplication::translate("Mailctl", done).arg(name));
    return ExitOk;
}

} // namespace

int runDomainList(Session &session, const Invocation &)
{
    const std::optional<QJsonObject> r = session.callObject(QStringLiteral("domain.list"));
    if (!r)
        return session.exitCode();
    if (session.json()) {
        printJson(*r);
        return ExitOk;
    }
    TablePrinter table({Mailctl::tr("DOMAIN")});
    for (const QJsonValue &v : r->value(QStringLiteral("domains")).toArray())
        table.addRow({v.toObject().value(QStringLiteral("name")).toString()});
    table.print();
    return ExitOk;
}

int runDomainAdd(Session &session, const Invocation &inv)
{
    return change(session, inv, QStringLiteral("domain.add"),
                  QT_TRANSLATE_NOOP("Mailctl", "Added the domain %1."));
}

int runDomainRemove(Session &session, const Invocation &inv)
{
    return change(session, inv, QStringLiteral("domain.remove"),
                  QT_TRANSLATE_NOOP("Mailctl", "Removed the domain %1."));
}

} // namespace mailctl
