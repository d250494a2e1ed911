// The certificate import dialog (see importcertificatedialog.h).
#include "importcertificatedialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace admin {

namespace {
constexpr qint64 kMaxPemBytes = 1024 * 1024;
}

ImportCertificateDialog::ImportCertificateDialog(const QString &name, QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(name, this)), m_certificate(new QLineEdit(this)),
      m_key(new QLineEdit(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("importCertificateDialog"));
    setWindowTitle(tr("Import Certificate"));
    m_name->setObjectName(QStringLiteral("importNameEdit"));
    m_certificate->setObjectName(QStringLiteral("importCertificateEdit"));
    m_key->setObjectName(QStringLiteral("importKeyEdit"));
    m_key->setPlaceholderText(tr("empty to complete a signing request made here"));
    m_error->setObjectName(QStringLiteral("importError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    auto withBrowse = [this](QLineEdit *edit, const QString &title) {
        auto *row = new QHBoxLayout;
        auto *button = new QPushButton(tr("Browse…"), this);
        connect(button, &QPushButton::clicked, this, [this, edit, title] { browse(edit, title); });
        row->addWidget(edit, 1);
        row->addWidget(button);
        return row;
    };
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("importButton"));
    m_ok->setText(tr("Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &ImportCertificateDialog::updateOk);
    connect(m_certificate, &QLineEdit::textChanged, this, &ImportCertificateDialog::updateOk);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Certificate (PEM):"), withBrowse(m_certificate, tr("Certificate File")));
    form->addRow(tr("Private key (PEM):"), withBrowse(m_key, tr("Private Key File")));
    form->addRow(m_error);
    form->addRow(buttons);
    resize(520, sizeHint().height());
    updateOk();
}

QString ImportCertificateDialog::name() const
{
    return m_name->text().trimmed();
}

QString ImportCertificateDialog::certificatePath() const
{
    return m_certificate->text().trimmed();
}

QString ImportCertificateDialog::keyPath() const
{
    return m_key->text().trimmed();
}

bool ImportCertificateDialog::read(QString *certificate, QString *key)
{
    auto load = [this](const QString &path, QString *into) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxPemBytes) {
            m_error->setText(file.size() > kMaxPemBytes
                                 ? tr("%1 is too large for a PEM file.").arg(path)
                                 : tr("Cannot read %1: %2").arg(path, file.errorString()));
            m_error->show();
            return false;
        }
        *into = QString::fromUtf8(file.readAll());
        return true;
    };
    if (!load(certificatePath(), certificate))
        return false;
    key->clear();
    return keyPath().isEmpty() || load(keyPath(), key);
}

void ImportCertificateDialog::browse(QLineEdit *edit, const QString &title)
{
    auto *dialog = new QFileDialog(this, title, QString(), tr("PEM files (*.pem *.crt *.key)"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, edit, &QLineEdit::setText);
    dialog->open();
}

void ImportCertificateDialog::updateOk()
{
    m_ok->setEnabled(!name().isEmpty() && !certificatePath().isEmpty());
}

} // namespace admin
