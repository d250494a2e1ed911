// Reading passwords without ever taking them from argv: on a terminal, a prompt with echo
// turned off (termios); otherwise the next line of stdin, so scripts can pipe them in.
// Security: the terminal's echo is restored even when the prompt is interrupted by a signal;
// the password only lives in memory until it is sent to the daemon.
#pragma once

#include <QString>
#include <optional>

namespace mailctl {

// The administrator's password (one prompt on a terminal).
std::optional<QString> readPassword(const QString &prompt);

// A new password: asked twice on a terminal (the two must match), else one stdin line.
// On failure returns std::nullopt and sets problem to a sentence.
std::optional<QString> readNewPassword(const QString &prompt, QString &problem);

} // namespace mailctl
