// The shape of a control method: its name, its flags (callable before login, changes
// state, may be batched), and its handler. A method that takes a password names the
// parameter; the session validates and hashes it on a worker thread before the handler
// runs, so the slow hash never stalls the event loop.
#pragma once

#include "core/context.h"

#include <control/errorcode.h>

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <functional>
#include <optional>

namespace maild::control {

using common::control::ErrorCode;
using common::control::RpcError;

class ControlSession;

struct Outcome
{
    QJsonValue result;
    std::optional<RpcError> error;

    static Outcome ok(QJsonValue value) { return {std::move(value), std::nullopt}; }
    static Outcome fail(RpcError error) { return {QJsonValue(), std::move(error)}; }
    // From a Params reader's or store's optional error.
    static Outcome fail(const std::optional<RpcError> &error) { return {QJsonValue(), error}; }
};

struct Notification
{
    QString method;
    QJsonObject params;
};

struct CallContext
{
    core::Context &d;
    ControlSession &session;
    QString passwordHash; // set when the method names a passwordParam that was given
    QList<Notification> notifications; // broadcast after the change is committed
    QList<std::function<void()>> afterCommit; // work that must wait for the commit (removing files)
};

enum MethodFlag : unsigned {
    Public = 1u << 0,  // answered before login
    Mutates = 1u << 1, // runs in a transaction, is audited, may notify
    NoBatch = 1u << 2, // refused inside a batch
};

using SyncHandler = Outcome (*)(CallContext &, const QJsonObject &);
using Responder = std::function<void(Outcome)>;
using AsyncHandler = void (*)(CallContext &, const QJsonObject &, Responder);

struct MethodSpec
{
    const char *name;
    unsigned flags;
    SyncHandler run;
    AsyncHandler runAsync;
    const char *passwordParam;
};

const MethodSpec *findMethod(const QString &name);

} // namespace maild::control
