// The dialog that adds or edits one MX record: the mail server's host name and its
// preference (a lower one is tried first). It checks the host name as the daemon will
// (never an IP address) and shows the daemon's refusal beside the field it concerns; the DNS
// pane sends mx.add or mx.update and closes it on success.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace admin {

class MxRecordDialog : public QDialog
{
    Q_OBJECT
public:
    // host empty: a new record.
    MxRecordDialog(const QString &domain, const QString &host, int preference, QWidget *parent = nullptr);

    QString host() const;
    int preference() const;
    // The daemon refused: the sentence beside its field ("host", "newHost" or "preference").
    void showError(const QString &field, const QString &message);
    void setBusy(bool busy);

signals:
    void submitted();

private:
    void validate();

    QLineEdit *m_host;
    QSpinBox *m_preference;
    QLabel *m_hostError;
    QLabel *m_preferenceError;
    QPushButton *m_ok;
};

} // namespace admin
