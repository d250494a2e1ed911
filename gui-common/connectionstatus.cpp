// The status-bar connection label (see connectionstatus.h).
#include "connectionstatus.h"

#include "icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace gui {

ConnectionStatus::ConnectionStatus(ConnectionManager *manager, QWidget *parent)
    : QWidget(parent), m_manager(manager), m_icon(new QLabel(this)), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionStatus"));
    m_label->setObjectName(QStringLiteral("connectionLabel"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_icon);
    layout->addWidget(m_label);
    layout->addStretch(1);
    m_icon->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(manager, &ConnectionManager::stateChanged, this, &ConnectionStatus::update);
    connect(manager, &ConnectionManager::reconnectFailed, this,
            [this](ConnectionManager::FailureKind, const QString &sentence) {
                m_lastFailure = sentence;
                update(m_manager->state());
            });
    connect(manager, &ConnectionManager::loginFailed, this,
            [this](ConnectionManager::FailureKind, const QString &sentence) {
                m_lastFailure = sentence;
                update(m_manager->state());
            });
    update(manager->state());
}

QString ConnectionStatus::text() const
{
    return m_label->text();
}

void ConnectionStatus::update(ConnectionManager::State state)
{
    switch (state) {
    case ConnectionManager::State::LoggedIn:
        m_lastFailure.clear();
        show(QStringLiteral("service-running"),
             tr("Connected to %1 as %2").arg(m_manager->socketPath(), m_manager->user()));
        break;
    case ConnectionManager::State::Connecting:
        show(QStringLiteral("service-stopped"),
             tr("Connecting to %1…").arg(m_manager->socketPath()));
        break;
    case ConnectionManager::State::Reconnecting:
        show(QStringLiteral("service-failed"), tr("Connection lost — reconnecting…"));
        break;
    case ConnectionManager::State::Disconnected:
        show(QStringLiteral("service-failed"), m_lastFailure.isEmpty()
                                                   ? tr("Disconnected")
                                                   : tr("Disconnected: %1").arg(m_lastFailure));
        break;
    }
}

void ConnectionStatus::show(const QString &iconName, const QString &text)
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(icon(iconName).pixmap(size, size));
    m_label->setText(text);
    m_label->setToolTip(text);
}

} // namespace gui
