// The registered panes (see paneregistry.h): a new pane is one line here.
#include "paneregistry.h"

#include "accountspane.h"
#include "certificatespane.h"
#include "connectionspane.h"
#include "dnspane.h"
#include "graphspane.h"
#include "logspane.h"
#include "overviewpane.h"
#include "settingspane.h"

namespace admin {

namespace {
template <typename T> Pane *make(const PaneContext &context, QWidget *parent)
{
    return new T(context, parent);
}
} // namespace

const QList<PaneFactory> &paneFactories()
{
    // One pane a line, in tab order.
    // clang-format off
    static const QList<PaneFactory> factories{
        &make<OverviewPane>,
        &make<LogsPane>,
        &make<ConnectionsPane>,
        &make<GraphsPane>,
        &make<SettingsPane>,
        &make<DnsPane>,
        &make<CertificatesPane>,
        &make<AccountsPane>,
    };
    // clang-format on
    return factories;
}

} // namespace admin
