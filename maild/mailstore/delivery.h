// A message to deliver (the spool file plus where it goes) and what became of it. Built by
// the SMTP session, carried out by the delivery worker, answered back on the event loop.
#pragma once

#include <QDateTime>
#include <QStringList>

namespace maild::mailstore {

struct LocalRecipient
{
    QString account;
    qint64 quotaBytes = 0; // 0: none
};

struct DeliveryJob
{
    QString messageId;
    QString sender;
    QString spoolPath;
    int spoolFd = -1; // owned by the job until the worker closes it
    qint64 size = 0;
    qint64 headerOffset = 0; // bytes of Return-Path: that a relayed copy skips
    QDateTime internalDate;
    QList<LocalRecipient> local;
    QStringList remote;
};

struct DeliveryResult
{
    bool ok = false;
    bool temporary = true;  // a failure the client may retry
    bool quotaExceeded = false;
    QString failedRecipient; // the account whose quota was exceeded
    QString error;
};

} // namespace maild::mailstore
