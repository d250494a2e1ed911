// The Settings tab (see settingspane.h).
#include "settingspane.h"

#include "domainseditor.h"
#include "settingfield.h"
#include "settingslayout.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace admin {

using common::model::SettingInfo;

namespace {
QList<SettingInfo> parseSettings(const QJsonObject &result)
{
    QList<SettingInfo> settings;
    for (const QJsonValue &v : result.value(QStringLiteral("settings")).toArray())
        settings.append(SettingInfo::fromJson(v.toObject()));
    return settings;
}
} // namespace

SettingsPane::SettingsPane(const PaneContext &context, QWidget *parent)
    : Pane(context, parent), m_tabs(new QTabWidget(this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsPane"));
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setText(tr("Reading the settings…"));
    auto *buttons = new QDialogButtonBox(this);
    m_apply = buttons->addButton(tr("Apply"), QDialogButtonBox::ApplyRole);
    m_apply->setObjectName(QStringLiteral("applySettingsButton"));
    m_revert = buttons->addButton(tr("Revert"), QDialogButtonBox::ResetRole);
    m_revert->setObjectName(QStringLiteral("revertSettingsButton"));
    connect(m_apply, &QPushButton::clicked, this, &SettingsPane::apply);
    connect(m_revert, &QPushButton::clicked, this, &SettingsPane::revert);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_message, 1);
    bottom->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(bottom);
    updateButtons();
}

void SettingsPane::sessionChanged(bool loggedIn)
{
    if (loggedIn) {
        load({});
        if (m_domains)
            m_domains->reload();
    }
    updateButtons();
}

void SettingsPane::notification(const QString &method, const QJsonObject &params)
{
    if (method != QLatin1String("settings.changed"))
        return;
    QStringList keys;
    for (const QJsonValue &v : params.value(QStringLiteral("keys")).toArray())
        keys.append(v.toString());
    load(keys);
}

void SettingsPane::load(const QStringList &keys)
{
    QJsonObject params;
    if (!keys.isEmpty())
        params.insert(QStringLiteral("keys"), QJsonArray::fromStringList(keys));
    request(QStringLiteral("settings.get"), params,
            [self = QPointer(this)](const common::control::Reply &reply) {
                if (!self)
                    return;
                if (!reply.ok()) {
                    self->m_message->setText(
                        tr("Could not read the settings: %1").arg(reply.error->message));
                    return;
                }
                self->show(parseSettings(reply.object()));
            });
}

void SettingsPane::show(const QList<SettingInfo> &settings)
{
    if (!m_built) {
        build(settings);
        m_message->clear();
    }
    for (const SettingInfo &info : settings) {
        if (SettingField *f = m_fields.value(info.key))
            f->setInfo(info);
    }
    updateButtons();
    emit settingsShown();
}

void SettingsPane::build(const QList<SettingInfo> &settings)
{
    m_built = true;
    QHash<QString, SettingInfo> byKey;
    for (const SettingInfo &info : settings)
        byKey.insert(info.key, info);
    QList<SettingsTab> tabs = settingsTabs();
    // Keys the daemon has and the table does not know: on the last tab, by name.
    for (const SettingInfo &info : settings) {
        bool listed = false;
        for (const SettingsTab &tab : tabs) {
            for (const auto &[key, label] : tab.keys)
                listed = listed || key == info.key;
        }
        if (!listed)
            tabs.last().keys.append({info.key, info.key + QLatin1Char(':')});
    }
    for (const SettingsTab &tab : tabs) {
        auto *page = new QWidget;
        auto *form = new QFormLayout(page);
        if (m_tabs->count() == 0) { // General: the local domains after the host name
            m_domains = new DomainsEditor(requests(), page);
            form->addRow(tr("Local domains:"), m_domains);
            m_domains->reload();
        }
        for (const auto &[key, label] : tab.keys) {
            if (!byKey.contains(key))
                continue; // this daemon has no such setting
            auto *field = new SettingField(byKey.value(key), page);
            connect(field, &SettingField::edited, this, &SettingsPane::updateButtons);
            form->addRow(label, field);
            m_fields.insert(key, field);
        }
        auto *scroll = new QScrollArea(m_tabs);
        scroll->setWidget(page);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        m_tabs->addTab(scroll, QString(tab.title).replace(QLatin1Char('&'), QStringLiteral("&&")));
    }
}

void SettingsPane::apply()
{
    QJsonObject values;
    for (SettingField *f : std::as_const(m_fields)) {
        f->setError({});
        if (f->isModified())
            values.insert(f->key(), f->value());
    }
    if (values.isEmpty())
        return;
    m_applying = true;
    m_message->setText(tr("Applying…"));
    updateButtons();
    request(QStringLiteral("settings.set"), {{QStringLiteral("values"), values}},
            [self = QPointer(this)](const common::control::Reply &reply) {
                if (!self)
                    return;
                self->m_applying = false;
                if (!reply.ok()) {
                    // Nothing was changed; every edit stays for the person to correct.
                    const QString field =
                        reply.error->data.value(QStringLiteral("field")).toString();
                    const QString reason =
                        reply.error->data.value(QStringLiteral("reason")).toString();
                    if (SettingField *f = self->m_fields.value(field)) {
                        f->setError(reason.isEmpty() ? reply.error->message : reason);
                        self->m_message->setText(tr("Not applied: %1").arg(reply.error->message));
                    } else {
                        self->m_message->setText(tr("Not applied: %1").arg(reply.error->message));
                    }
                    self->updateButtons();
                    return;
                }
                const QList<SettingInfo> changed = parseSettings(reply.object());
                for (const SettingInfo &info : changed) {
                    if (SettingField *f = self->m_fields.value(info.key)) {
                        f->setInfo(info);
                        f->revert(); // the edit is now the daemon's value
                    }
                }
                self->m_message->setText(tr("Applied."));
                self->updateButtons();
                emit self->settingsShown();
            });
}

void SettingsPane::revert()
{
    for (SettingField *f : std::as_const(m_fields))
        f->revert();
    m_message->clear();
    updateButtons();
}

void SettingsPane::updateButtons()
{
    bool modified = false;
    for (SettingField *f : std::as_const(m_fields))
        modified = modified || f->isModified();
    const bool can = modified && !m_applying && manager()->isLoggedIn();
    m_apply->setEnabled(can);
    m_revert->setEnabled(modified && !m_applying);
}

} // namespace admin
