// The Mail tab of the account editor: mail on/off/forwarded, the server that holds it, the
// quota with a usage bar, and POP/IMAP access. Edits one account or several at once: a
// field whose values differ shows as mixed (no radio checked and a "Mixed" label, or the
// spin box's "Mixed" text) and is only sent if the administrator changes it.
#pragma once

#include "model/account.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;
class QSpinBox;

namespace usermgr {

class MailTab : public QWidget
{
    Q_OBJECT
public:
    explicit MailTab(QWidget *parent = nullptr);

    // Shows the accounts' options; several accounts may show mixed fields.
    void setAccounts(const QList<common::model::Account> &accounts);
    // A new account: every field counts as changed.
    void setNewAccount(const common::model::MailOptions &mail);
    bool isModified() const;
    // The `mail` object of account.update / account.create: the changed fields only.
    QJsonObject mailPatch() const;
    // Shows the daemon's complaint under the field ("mail.forwardAddress", ...); false if the
    // field is not on this tab.
    bool showFieldError(const QString &field, const QString &sentence);
    void clearErrors();

signals:
    void modified();

private:
    enum Dirty
    {
        StateField = 1,
        ForwardField = 2,
        ServerField = 4,
        QuotaField = 8,
        AccessField = 16,
        AllFields = 31
    };
    void markDirty(int field);
    void setQuotaMixed(bool mixed);
    qint64 quotaBytes() const;
    void updateForwardEnabled();
    void updateUsage(const QList<common::model::Account> &accounts);
    static QLabel *errorLabel(QWidget *parent, const QString &name);

    QButtonGroup *m_stateGroup;
    QLabel *m_stateMixed;
    QLineEdit *m_forwardEdit;
    QLabel *m_forwardError;
    QLineEdit *m_serverEdit;
    QLabel *m_serverError;
    QSpinBox *m_quotaSpin;
    QComboBox *m_quotaUnit;
    QLabel *m_quotaError;
    QProgressBar *m_usageBar;
    QButtonGroup *m_accessGroup;
    QLabel *m_accessMixed;
    int m_dirty = 0;
    bool m_loading = false;
};

} // namespace usermgr
