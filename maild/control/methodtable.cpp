// The table of control methods with their flags (see method.h and
// docs/control-protocol.md).
#include "control/handlers/handlers.h"

#include <array>

namespace maild::control {

namespace {

using namespace handlers;

constexpr std::array<MethodSpec, 43> kMethods{{
    {"hello", Public, hello, nullptr, nullptr},
    {"auth.login", Public | NoBatch, nullptr, authLogin, nullptr},
    {"auth.bootstrap", Public | Mutates | NoBatch, authBootstrap, nullptr, "password"},
    {"server.status", 0, serverStatus, nullptr, nullptr},
    {"service.list", 0, serviceList, nullptr, nullptr},
    {"service.start", Mutates | NoBatch, serviceStart, nullptr, nullptr},
    {"service.stop", Mutates | NoBatch, serviceStop, nullptr, nullptr},
    {"settings.get", 0, settingsGet, nullptr, nullptr},
    {"settings.set", Mutates, settingsSet, nullptr, nullptr},
    {"account.list", 0, accountList, nullptr, nullptr},
    {"account.get", 0, accountGet, nullptr, nullptr},
    {"account.create", Mutates, accountCreate, nullptr, "password"},
    {"account.update", Mutates, accountUpdate, nullptr, nullptr},
    {"account.delete", Mutates, accountDelete, nullptr, nullptr},
    {"account.setPassword", Mutates, accountSetPassword, nullptr, "password"},
    {"alias.list", 0, aliasList, nullptr, nullptr},
    {"alias.add", Mutates, aliasAdd, nullptr, nullptr},
    {"alias.remove", Mutates, aliasRemove, nullptr, nullptr},
    {"domain.list", 0, domainList, nullptr, nullptr},
    {"domain.add", Mutates, domainAdd, nullptr, nullptr},
    {"domain.remove", Mutates, domainRemove, nullptr, nullptr},
    {"log.tail", 0, logTail, nullptr, nullptr},
    {"log.subscribe", 0, logSubscribe, nullptr, nullptr},
    {"log.unsubscribe", 0, logUnsubscribe, nullptr, nullptr},
    {"audit.list", 0, auditList, nullptr, nullptr},
    {"tls.list", 0, tlsList, nullptr, nullptr},
    {"tls.get", 0, tlsGet, nullptr, nullptr},
    {"tls.createSelfSigned", Mutates | NoBatch, tlsCreateSelfSigned, nullptr, nullptr},
    {"tls.createCsr", Mutates | NoBatch, tlsCreateCsr, nullptr, nullptr},
    {"tls.import", Mutates | NoBatch, tlsImport, nullptr, nullptr},
    {"tls.assign", Mutates, tlsAssign, nullptr, nullptr},
    {"tls.delete", Mutates | NoBatch, tlsDelete, nullptr, nullptr},
    {"connection.list", 0, connectionList, nullptr, nullptr},
    {"connection.close", Mutates, connectionClose, nullptr, nullptr},
    {"stats.get", 0, statsGet, nullptr, nullptr},
    {"mx.list", 0, mxList, nullptr, nullptr},
    {"mx.add", Mutates, mxAdd, nullptr, nullptr},
    {"mx.update", Mutates, mxUpdate, nullptr, nullptr},
    {"mx.remove", Mutates, mxRemove, nullptr, nullptr},
    {"mx.zoneText", 0, mxZoneText, nullptr, nullptr},
    {"mx.setPublishing", Mutates, mxSetPublishing, nullptr, nullptr},
    {"mx.publish", Mutates | NoBatch, nullptr, mxPublish, nullptr},
    {"mx.check", NoBatch, nullptr, mxCheck, nullptr},
}};

} // namespace

const MethodSpec *findMethod(const QString &name)
{
    for (const MethodSpec &m : kMethods) {
        if (name == QLatin1String(m.name))
            return &m;
    }
    return nullptr;
}

} // namespace maild::control
