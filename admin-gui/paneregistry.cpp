// The registered panes (see paneregistry.h): a new pane is one line here.
#include "paneregistry.h"

#include "certificatespane.h"
#include "logspane.h"
#include "overviewpane.h"
#include "settingspane.h"

namespace admin {

namespace {
template <typename T>
Pane *make(const PaneContext &context, QWidget *parent)
{
    return new T(context, parent);
}
} // namespace

const QList<PaneFactory> &paneFactories()
{
    static const QList<PaneFactory> factories{
        &make<OverviewPane>,
        &make<LogsPane>,
        &make<SettingsPane>,
        &make<CertificatesPane>,
    };
    return factories;
}

} // namespace admin
