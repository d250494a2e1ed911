// The dialog to import a certificate signed elsewhere: a name, the certificate's PEM file
// (chain, leaf first) and its private key's PEM file (empty to complete a pending CSR),
// chosen with file pickers. It reads the files; the Certificates pane sends `tls.import`.
// Security: the key is read only to be sent over the control socket, never kept or shown.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace admin {

class ImportCertificateDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ImportCertificateDialog(const QString &name = {}, QWidget *parent = nullptr);

    QString name() const;
    QString certificatePath() const;
    QString keyPath() const;
    // The files' contents; false (and a sentence under the fields) when one cannot be read.
    bool read(QString *certificate, QString *key);

private:
    void browse(QLineEdit *edit, const QString &title);
    void updateOk();

    QLineEdit *m_name;
    QLineEdit *m_certificate;
    QLineEdit *m_key;
    QLabel *m_error;
    QPushButton *m_ok = nullptr;
};

} // namespace admin
