// Validation of the names people type: account short names, email addresses, domain names,
// full names, passwords. Shared by maild (which decides) and the tools (which warn early).
// Each check returns std::nullopt when the value is acceptable, else the reason in a sentence.
// Security: short names become folder names (hence the narrow alphabet); addresses reach SMTP
// envelopes and SQL parameters (always bound). Addresses are narrower than the RFCs allow: no
// quoted local parts, no address literals, no '%' or '!' relay syntax.
#pragma once

#include <QString>
#include <optional>

namespace common::validation {

using Problem = std::optional<QString>;

inline constexpr int kMaxShortName = 64;
inline constexpr int kMaxLocalPart = 64;
inline constexpr int kMaxDomain = 253;
inline constexpr int kMaxAddress = 254;
inline constexpr int kMaxFullName = 256;
inline constexpr int kMinPassword = 8;
inline constexpr int kMaxPassword = 1024;

Problem checkShortName(const QString &name);
Problem checkDomainName(const QString &domain);
// The host of an MX record: a fully qualified host name, never an IP address (RFC 5321 5.1:
// an MX names a host whose address records are looked up).
Problem checkMailHostName(const QString &host);
Problem checkEmailAddress(const QString &address);
Problem checkFullName(const QString &fullName);
Problem checkPassword(const QString &password);

// Lower-cases the domain part (local parts are kept as typed).
QString normalizeAddress(const QString &address);
QString normalizeDomain(const QString &domain);

} // namespace common::validation
