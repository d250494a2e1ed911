// Password hashing for stored credentials: PBKDF2-HMAC-SHA256 (OpenSSL) with a random
// 16-byte salt and a high iteration count, encoded as
//   $pbkdf2-sha256$<iterations>$<salt, base64>$<key, base64>
// Security: verification compares in constant time; hashing is deliberately slow (about a
// quarter second), so callers on an event loop run it on a worker thread.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace common::crypto {

inline constexpr int kDefaultIterations = 600000; // OWASP 2023 for PBKDF2-HMAC-SHA256
// The daemon refuses to hash new passwords with fewer iterations unless it was started for a
// test suite or a benchmark (maild --allow-weak-password-hashing).
inline constexpr int kIterationFloor = 100000;
// The least any stored hash may have (a hash with fewer is malformed).
inline constexpr int kMinIterations = 1000;

// The iteration count is recorded in the hash, so a hash made under another setting still
// verifies.
QString hashPassword(const QString &password, int iterations = kDefaultIterations);
// False for a wrong password and for a malformed stored hash.
bool verifyPassword(const QString &password, const QString &encoded);
// A valid hash of a random secret with that many iterations, to spend the same time when the
// user does not exist. Thread-safe; made once per iteration count.
QString dummyHash(int iterations = kDefaultIterations);

// The parts of a stored hash. The key is PBKDF2-HMAC-SHA256(password, salt, iterations),
// which is exactly SCRAM-SHA-256's SaltedPassword (RFC 5802/7677), so SCRAM needs no
// other stored secret.
struct HashParts
{
    QByteArray salt;
    int iterations = 0;
    QByteArray key;
};
std::optional<HashParts> parseHash(const QString &encoded);

// Frees OpenSSL's state of the calling thread. Worker threads call it when they finish a
// hash, so that nothing of OpenSSL lingers in idle pool threads.
void releaseThreadState();

} // namespace common::crypto
