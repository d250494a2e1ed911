// One daemon setting as an editor in the Settings pane: a line, number, check box, choice or
// list editor chosen by the setting's type, limits from its min/max, its description as the
// tooltip, and a line under it for the daemon's refusal. Tracks whether the person has an
// unapplied edit, so that a value pushed from elsewhere never overwrites it.
#pragma once

#include "model/setting.h"

#include <QJsonValue>
#include <QWidget>

class QLabel;

namespace admin {

class SettingField : public QWidget
{
    Q_OBJECT
public:
    explicit SettingField(const common::model::SettingInfo &info, QWidget *parent = nullptr);

    QString key() const { return m_info.key; }
    const common::model::SettingInfo &info() const { return m_info; }
    // The daemon's current value: shown unless an edit is pending (then only remembered).
    void setInfo(const common::model::SettingInfo &info);
    // What the editor holds, in the setting's JSON type.
    QJsonValue value() const;
    bool isModified() const { return m_modified; }
    // Back to the daemon's value.
    void revert();
    // The daemon's reason for refusing the value, shown under the editor; empty hides it.
    void setError(const QString &reason);
    QWidget *editor() const { return m_editor; }

signals:
    void edited();

private:
    void createEditor();
    void show(const QJsonValue &value);
    void onEdited();

    common::model::SettingInfo m_info;
    QWidget *m_editor = nullptr;
    QLabel *m_error = nullptr;
    bool m_modified = false;
    bool m_showing = false; // the editor is being filled in, not edited
};

} // namespace admin
