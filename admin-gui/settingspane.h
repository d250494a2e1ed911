// The Settings tab (for the server): the daemon's settings (`settings.get`) on the tabs of
// settingslayout.cpp, each with its own editor (SettingField), and the local domains
// (DomainsEditor) on General. Apply sends every edited value in one all-or-nothing
// `settings.set`; a refusal is shown next to the field it names and every edit is kept. Revert
// drops the edits. `settings.changed` notifications re-read the changed keys, so a change made
// elsewhere shows at once, except over an unapplied edit.
#pragma once

#include "model/setting.h"
#include "pane.h"

#include <QHash>

class QLabel;
class QPushButton;
class QTabWidget;

namespace admin {

class DomainsEditor;
class SettingField;

class SettingsPane : public Pane
{
    Q_OBJECT
public:
    SettingsPane(const PaneContext &context, QWidget *parent);

    QString title() const override { return tr("Settings"); }
    bool showsFor(const QString &service) const override { return service.isEmpty(); }
    void notification(const QString &method, const QJsonObject &params) override;
    void sessionChanged(bool loggedIn) override;

    SettingField *field(const QString &key) const { return m_fields.value(key); }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *revertButton() const { return m_revert; }
    DomainsEditor *domainsEditor() const { return m_domains; }

public slots:
    void apply();
    void revert();

signals:
    // The last settings.get or settings.set answer has been shown.
    void settingsShown();

private:
    void load(const QStringList &keys);
    void show(const QList<common::model::SettingInfo> &settings);
    void build(const QList<common::model::SettingInfo> &settings);
    void updateButtons();

    QTabWidget *m_tabs;
    QLabel *m_message;
    QPushButton *m_apply;
    QPushButton *m_revert;
    QHash<QString, SettingField *> m_fields;
    DomainsEditor *m_domains = nullptr;
    bool m_built = false;
    bool m_applying = false;
};

} // namespace admin
