// BODY and BODYSTRUCTURE of RFC 3501 7.4.2 rendered from a MimeParser tree.
// Called by FETCH; the tree's depth is already bounded by MimeLimits::maxDepth.
#pragma once

#include "imap/grammar/mimeparser.h"

#include <QByteArray>

namespace maild::imap {

// extended: BODYSTRUCTURE (with MD5, disposition, language, location); else BODY.
QByteArray bodyStructure(const MimePart &part, bool extended);

} // namespace maild::imap
