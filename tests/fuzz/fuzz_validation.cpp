// libFuzzer target: every validation rule (common/validation) on the input read as UTF-8.
// Besides crashes and sanitizer reports, it checks that the rules agree with each other: what
// a rule accepts is inside its documented alphabet and limits, a valid short name makes a
// valid address, and normalising a valid address or domain keeps it valid.
// Security: these rules are what stands between typed or received names and file names,
// SMTP envelopes and SQL parameters.
#include "validation/validation.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace common::validation;

namespace {

[[noreturn]] void broken(const char *invariant, int line)
{
    std::fprintf(stderr, "fuzz_validation.cpp:%d: invariant broken: %s\n", line, invariant);
    std::abort();
}

#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond))                                                                               \
            broken(#cond, __LINE__);                                                               \
    } while (false)

bool onlyPrintableAscii(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return false;
    }
    return true;
}

// A problem, when there is one, is a sentence someone can read.
bool ok(const Problem &p)
{
    FUZZ_CHECK(!p || !p->isEmpty());
    return !p;
}

void probeShortName(const QString &s)
{
    if (!ok(checkShortName(s)))
        return;
    FUZZ_CHECK(!s.isEmpty() && s.size() <= kMaxShortName);
    for (QChar c : s) {
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' ||
                             c == u'_' || c == u'-';
        FUZZ_CHECK(allowed);
    }
    FUZZ_CHECK(!s.contains(QLatin1String("..")));
    // The account receives mail at name@ every local domain.
    FUZZ_CHECK(ok(checkEmailAddress(s + QStringLiteral("@example.org"))));
}

void probeDomain(const QString &s)
{
    if (!ok(checkDomainName(s)))
        return;
    FUZZ_CHECK(s.size() <= kMaxDomain && onlyPrintableAscii(s));
    FUZZ_CHECK(!s.startsWith(QLatin1Char('.')) && !s.endsWith(QLatin1Char('.')));
    FUZZ_CHECK(ok(checkDomainName(normalizeDomain(s))));
    const QString postmaster = QStringLiteral("postmaster@") + s;
    if (postmaster.size() <= kMaxAddress)
        FUZZ_CHECK(ok(checkEmailAddress(postmaster)));
}

void probeAddress(const QString &s)
{
    const QString normal = normalizeAddress(s); // any input: must not crash
    if (!ok(checkEmailAddress(s)))
        return;
    FUZZ_CHECK(s.size() <= kMaxAddress && onlyPrintableAscii(s));
    const qsizetype at = s.lastIndexOf(u'@');
    FUZZ_CHECK(at > 0 && at <= kMaxLocalPart);
    const QString local = s.left(at);
    for (QChar c : {u'@', u'"', u'%', u'!', u'\\', u'<', u'>', u',', u';', u':', u'(', u')'})
        FUZZ_CHECK(!local.contains(c));
    FUZZ_CHECK(ok(checkDomainName(s.mid(at + 1))));
    FUZZ_CHECK(ok(checkEmailAddress(normal)));
    FUZZ_CHECK(normal.left(at) == local);
    FUZZ_CHECK(normalizeAddress(normal) == normal);
}

void probeFullName(const QString &s)
{
    if (!ok(checkFullName(s)))
        return;
    FUZZ_CHECK(s.size() <= kMaxFullName);
    for (QChar c : {u'\0', u'\n', u'\r', u'\t', u'\x1b', u'\x7f', u'\u2028', u'\u2029'})
        FUZZ_CHECK(!s.contains(c));
}

void probePassword(const QString &s)
{
    if (!ok(checkPassword(s)))
        return;
    FUZZ_CHECK(s.size() >= kMinPassword && s.toUtf8().size() <= kMaxPassword);
    for (QChar c : {u'\0', u'\n', u'\r'})
        FUZZ_CHECK(!s.contains(c));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString s = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    probeShortName(s);
    probeDomain(s);
    probeAddress(s);
    probeFullName(s);
    probePassword(s);
    return 0;
}
