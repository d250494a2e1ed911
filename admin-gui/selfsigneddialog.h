// The dialog that asks for a new self-signed certificate's name, host names and validity.
// It only collects the values; the Certificates pane sends `tls.createSelfSigned`.
#pragma once

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QSpinBox;

namespace admin {

class SelfSignedDialog : public QDialog
{
    Q_OBJECT
public:
    SelfSignedDialog(const QString &hostName, QWidget *parent = nullptr);

    QString name() const;
    // Separated by commas or spaces.
    QStringList hosts() const;
    int days() const;

private:
    void updateOk();

    QLineEdit *m_name;
    QLineEdit *m_hosts;
    QSpinBox *m_days;
    QPushButton *m_ok = nullptr;
};

} // namespace admin
