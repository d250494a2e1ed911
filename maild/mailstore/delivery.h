// A message to deliver (the spool file plus where it goes) and what became of it. Built by
// the SMTP session, carried out by the delivery worker, answered back on the event loop.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QStringList>
#include <functional>

namespace maild::mailstore {

// What FETCH ENVELOPE, BODY and BODYSTRUCTURE answer for a message: computed once, when it
// is delivered, by the summarizer the daemon installs (MailStore::setSummarizer; the store
// itself knows nothing of IMAP), and kept in the index beside the message's row. Empty when
// unknown (a message stored before the cache existed): FETCH then parses the file.
struct MessageSummary
{
    QByteArray envelope;
    QByteArray body;
    QByteArray bodyStructure;

    bool isEmpty() const { return envelope.isEmpty(); }
};
using Summarizer = std::function<MessageSummary(QByteArrayView message)>;

struct LocalRecipient
{
    QString account;
    qint64 quotaBytes = 0; // 0: none
    QString mailbox = QStringLiteral("INBOX"); // IMAP APPEND names another
    QString flags;                             // IMAP APPEND's flags, space-separated
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
    QString failedRecipient; // the account whose quota was exceeded, or that was deleted
    QString error;
    // Where the message landed for the first local recipient (IMAP APPENDUID, RFC 4315).
    qint64 uidValidity = 0;
    qint64 uid = 0;
    bool accountDeleted = false; // failedRecipient's account was deleted after its RCPT
};

// A change of one account's index on the delivery worker (IMAP STORE, COPY, CREATE...): work
// runs inside a transaction and returns its result, or sets error to roll back.
struct IndexUpdate
{
    class MailIndex &index;
    QString accountDir;
    QStringList filesToRemove;      // relative to accountDir, removed after the commit
    QStringList changedMailboxes;   // announced with MailStore::mailboxChanged
    bool syncMessageDir = false;    // files were linked: fsync msg/ before the commit
    QString error;
};

} // namespace maild::mailstore
