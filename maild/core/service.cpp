// Service state bookkeeping (see service.h).
#include "core/service.h"

namespace maild::core {

void Service::setState(ServiceState state, const QString &error)
{
    if (state == m_state && error == m_error)
        return;
    m_state = state;
    m_error = error;
    emit stateChanged();
}

} // namespace maild::core
