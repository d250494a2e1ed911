// The dialog that asks for a new certificate's name, host names and (self-signed) validity,
// for a self-signed certificate or for a signing request (CSR). It only collects the
// values; the Certificates pane sends `tls.createSelfSigned` or `tls.createCsr`.
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
    enum class Kind
    {
        SelfSigned,
        SigningRequest
    };
    SelfSignedDialog(const QString &hostName, Kind kind = Kind::SelfSigned,
                     QWidget *parent = nullptr);

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
