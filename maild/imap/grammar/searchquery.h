// SEARCH criteria (RFC 3501 6.4.4, the MODSEQ key of RFC 7162 3.1.5): the command's tokens
// parsed into a tree of keys (SearchQuery), and that tree evaluated against one message at a
// time (SearchMatcher), reading the message's bytes only when a header or body key needs
// them and the cheaper keys beside it did not already decide. Called by commands/search.cpp.
// Security: the keys are the client's (nesting capped, sequence sets never expanded), the
// messages are strangers' (decoded by the linear decoders of mimetext.h and MimeParser).
#pragma once

#include "imap/grammar/commandparser.h"
#include "imap/grammar/mimeparser.h"
#include "imap/grammar/sequenceset.h"

#include <QByteArrayList>
#include <QByteArrayMatcher>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringMatcher>
#include <functional>
#include <optional>

namespace maild::imap {

struct SearchKey
{
    enum class Kind
    {
        All,
        And,  // children: all match
        Or,   // children: two, either matches
        Not,  // children: one, which must not match
        Flag, // name: a flag or keyword is set (case-insensitive)
        Recent,
        Sequence, // set: sequence numbers
        Uid,      // set: UIDs
        Larger,   // number: RFC822.SIZE above
        Smaller,  // number: RFC822.SIZE below
        Before,   // date: internal date, day only
        On,
        Since,
        SentBefore, // date: the Date: header's day
        SentOn,
        SentSince,
        ModSeq, // number: MODSEQ at least
        Header, // name: the field; text: in its decoded value ("" = the field exists)
        Body,   // text: in the decoded text parts of the body
        Text,   // text: in the decoded header or body
    };
    enum Cost
    {
        Metadata = 0,
        HeaderBytes = 1,
        BodyBytes = 2
    };

    Kind kind = Kind::All;
    QByteArray name;
    QString text;
    qint64 number = 0;
    QDate date;
    std::optional<SequenceSet> set;
    QList<SearchKey> children;
    int cost = Metadata; // the most expensive key in this subtree
};

struct SearchError
{
    bool badCharset = false; // NO [BADCHARSET (UTF-8 US-ASCII)] rather than BAD text
    QByteArray text;         // the reason, for "tag BAD <text>"
};

class SearchQuery
{
public:
    // The arguments after SEARCH (or UID SEARCH): [CHARSET name] key [key ...]. Keys of an
    // implicit AND are ordered cheapest first, which does not change their meaning.
    static std::optional<SearchQuery> parse(const QList<Token> &arguments, SearchError &error);

    const SearchKey &root() const { return m_root; }
    // A MODSEQ key was given: the answer ends with (MODSEQ n) (RFC 7162 3.1.5).
    bool usesModSeq() const { return m_usesModSeq; }
    // Some key reads the message file.
    bool needsContent() const { return m_root.cost > SearchKey::Metadata; }

private:
    SearchKey m_root;
    bool m_usesModSeq = false;
};

// One message as SEARCH sees it: what the index knows, and the file's bytes on demand.
struct SearchMessage
{
    quint32 seq = 0;
    quint32 uid = 0;
    QByteArrayList flags; // as stored, without \Recent
    bool recent = false;
    qint64 size = 0;
    QDateTime internalDate; // compared by its date in its own offset
    qint64 modseq = 0;
    // The message as stored; nullopt when it cannot be read (the message then matches
    // nothing that needs its bytes). Called at most once per matches().
    std::function<std::optional<QByteArray>()> content;
};

class SearchMatcher
{
public:
    // lastSeq and maxUid stand for '*' in sequence sets. The matcher keeps its own copy of
    // the query.
    SearchMatcher(const SearchQuery &query, quint32 lastSeq, quint32 maxUid);
    Q_DISABLE_COPY_MOVE(SearchMatcher)

    // False also when a key needed the bytes and they could not be read.
    bool matches(const SearchMessage &message);

private:
    struct Node
    {
        const SearchKey *key;
        QList<SequenceSet::Range> ranges; // Sequence, Uid: resolved once
        QStringMatcher finder;            // Header, Body, Text: case-insensitive
        // An ASCII text, lower-cased: found in the bytes of ASCII-compatible text without
        // decoding its charset (of simple case folding, only the Kelvin and long-s signs
        // map non-ASCII to ASCII letters; those two are not found this way).
        QByteArrayMatcher asciiFinder;
        bool ascii = false;
        QList<Node> children;
    };
    void prepare(const SearchKey &key, Node &node);
    bool eval(const Node &node);
    bool inRanges(const QList<SequenceSet::Range> &ranges, quint32 n) const;
    bool hasFlag(QByteArrayView flag) const;
    bool loadBytes();
    const MimePart *header();
    const MimePart *fullPart();
    std::optional<QDate> sentDate();
    bool findInHeader(const MimeHeader &header, const Node &node, bool withNames);
    static bool isAddressField(QByteArrayView name);
    bool findInPart(const MimePart &part, const Node &node);
    static bool cutShort(const MimePart &part);
    bool findInText(QByteArrayView encoding, QByteArrayView charset, QByteArrayView raw,
                    const Node &node);
    bool findInUnparsedRest(const MimePart &root, const Node &node);

    SearchQuery m_query;
    quint32 m_lastSeq;
    quint32 m_maxUid;
    Node m_root; // points into m_query

    // Per message, reset by matches().
    const SearchMessage *m_message = nullptr;
    bool m_triedBytes = false;
    bool m_unreadable = false;
    std::optional<QByteArray> m_bytes;
    MimePart m_part;
    enum class Parsed
    {
        None,
        Header,
        Full
    } m_parsed = Parsed::None;
    bool m_triedSentDate = false;
    std::optional<QDate> m_sentDate;

    // Scratch buffers reused from message to message.
    QByteArray m_decoded;
    QByteArray m_lower;
    QString m_text;
};

} // namespace maild::imap
