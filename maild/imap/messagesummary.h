// The summary the mail store keeps of each delivered message (mailstore::MessageSummary):
// FETCH's ENVELOPE, BODY and BODYSTRUCTURE, computed once from the message's bytes so that
// `FETCH 1:* (ENVELOPE BODYSTRUCTURE)` need not open and parse every file. Pure: it runs on
// the delivery worker's thread.
#pragma once

#include "mailstore/delivery.h"

#include <QByteArrayView>

namespace maild::imap {

mailstore::MessageSummary summarizeMessage(QByteArrayView message);

} // namespace maild::imap
