// Every control method's handler, one per file in this folder, registered in
// control/methodtable.cpp. Each handler checks first (params, permission, state) and only
// then proceeds.
#pragma once

#include "control/method.h"

namespace maild::control::handlers {

Outcome hello(CallContext &, const QJsonObject &);
void authLogin(CallContext &, const QJsonObject &, Responder);
Outcome authBootstrap(CallContext &, const QJsonObject &);
Outcome serverStatus(CallContext &, const QJsonObject &);
Outcome serviceList(CallContext &, const QJsonObject &);
Outcome serviceStart(CallContext &, const QJsonObject &);
Outcome serviceStop(CallContext &, const QJsonObject &);
Outcome settingsGet(CallContext &, const QJsonObject &);
Outcome settingsSet(CallContext &, const QJsonObject &);
Outcome accountList(CallContext &, const QJsonObject &);
Outcome accountGet(CallContext &, const QJsonObject &);
Outcome accountCreate(CallContext &, const QJsonObject &);
Outcome accountUpdate(CallContext &, const QJsonObject &);
Outcome accountDelete(CallContext &, const QJsonObject &);
Outcome accountSetPassword(CallContext &, const QJsonObject &);
Outcome aliasList(CallContext &, const QJsonObject &);
Outcome aliasAdd(CallContext &, const QJsonObject &);
Outcome aliasRemove(CallContext &, const QJsonObject &);
Outcome domainList(CallContext &, const QJsonObject &);
Outcome domainAdd(CallContext &, const QJsonObject &);
Outcome domainRemove(CallContext &, const QJsonObject &);
Outcome logTail(CallContext &, const QJsonObject &);
Outcome logSubscribe(CallContext &, const QJsonObject &);
Outcome logUnsubscribe(CallContext &, const QJsonObject &);
Outcome auditList(CallContext &, const QJsonObject &);
Outcome tlsList(CallContext &, const QJsonObject &);
Outcome tlsGet(CallContext &, const QJsonObject &);
Outcome tlsCreateSelfSigned(CallContext &, const QJsonObject &);
Outcome tlsCreateCsr(CallContext &, const QJsonObject &);
Outcome tlsImport(CallContext &, const QJsonObject &);
Outcome tlsAssign(CallContext &, const QJsonObject &);
Outcome tlsDelete(CallContext &, const QJsonObject &);
Outcome connectionList(CallContext &, const QJsonObject &);
Outcome connectionClose(CallContext &, const QJsonObject &);
Outcome statsGet(CallContext &, const QJsonObject &);
Outcome mxList(CallContext &, const QJsonObject &);
Outcome mxAdd(CallContext &, const QJsonObject &);
Outcome mxUpdate(CallContext &, const QJsonObject &);
Outcome mxRemove(CallContext &, const QJsonObject &);
Outcome mxZoneText(CallContext &, const QJsonObject &);
Outcome mxSetPublishing(CallContext &, const QJsonObject &);
void mxPublish(CallContext &, const QJsonObject &, Responder);
void mxCheck(CallContext &, const QJsonObject &, Responder);

} // namespace maild::control::handlers
