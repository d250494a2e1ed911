// The Certificates tab (see certificatespane.h).
#include "certificatespane.h"

#include "certificatelistmodel.h"
#include "confirm.h"
#include "importcertificatedialog.h"
#include "selfsigneddialog.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace admin {

CertificatesPane::CertificatesPane(const PaneContext &context, QWidget *parent)
    : Pane(context, parent), m_model(new CertificateListModel(this)), m_view(new QTreeView(this)),
      m_create(new QPushButton(tr("New Self-Signed…"), this)),
      m_request(new QPushButton(tr("Signing Request…"), this)),
      m_import(new QPushButton(tr("Import…"), this)), m_service(new QComboBox(this)),
      m_assign(new QPushButton(tr("Assign"), this)), m_delete(new QPushButton(tr("Delete…"), this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("certificatesPane"));
    m_view->setObjectName(QStringLiteral("certificateView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setColumnWidth(CertificateListModel::NameColumn, 110);
    m_view->setColumnWidth(CertificateListModel::ValidUntilColumn, 220);
    m_create->setObjectName(QStringLiteral("newCertificateButton"));
    m_request->setObjectName(QStringLiteral("newRequestButton"));
    m_request->setToolTip(tr("Make a key and a signing request (CSR) to send to a "
                             "certificate authority; import its answer afterwards"));
    m_import->setObjectName(QStringLiteral("importCertificateButton"));
    m_service->setObjectName(QStringLiteral("assignServiceCombo"));
    for (const char *service : {"smtp", "pop3", "imap"})
        m_service->addItem(QString::fromLatin1(service).toUpper(), QString::fromLatin1(service));
    m_assign->setObjectName(QStringLiteral("assignCertificateButton"));
    m_assign->setToolTip(tr("Make the selected certificate the one this service presents"));
    m_delete->setObjectName(QStringLiteral("deleteCertificateButton"));
    m_message->setObjectName(QStringLiteral("certificatesMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_create);
    bar->addWidget(m_request);
    bar->addWidget(m_import);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Use for:"), this));
    bar->addWidget(m_service);
    bar->addWidget(m_assign);
    bar->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);

    connect(m_create, &QPushButton::clicked, this, &CertificatesPane::createSelfSigned);
    connect(m_request, &QPushButton::clicked, this, &CertificatesPane::createRequest);
    connect(m_import, &QPushButton::clicked, this, &CertificatesPane::importCertificate);
    connect(m_assign, &QPushButton::clicked, this, &CertificatesPane::assignSelected);
    connect(m_delete, &QPushButton::clicked, this, &CertificatesPane::deleteSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CertificatesPane::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CertificatesPane::updateButtons);
    updateButtons();
}

void CertificatesPane::sessionChanged(bool loggedIn)
{
    if (loggedIn)
        reload();
    updateButtons();
}

void CertificatesPane::notification(const QString &method, const QJsonObject &params)
{
    // An assignment made elsewhere changes a `<service>.certificate` setting.
    if (method != QLatin1String("settings.changed"))
        return;
    for (const QJsonValue &key : params.value(QStringLiteral("keys")).toArray()) {
        if (key.toString().endsWith(QLatin1String(".certificate")) ||
            key.toString() == QLatin1String("tls.defaultCertificate")) {
            reload();
            return;
        }
    }
}

void CertificatesPane::reload()
{
    request(
        QStringLiteral("tls.list"), {}, [self = QPointer(this)](const common::control::Reply &r) {
            if (!self)
                return;
            if (!r.ok()) {
                self->m_message->setText(
                    tr("Could not list the certificates: %1").arg(r.error->message));
                return;
            }
            const QString selected = self->selectedName();
            QList<QJsonObject> certificates;
            for (const QJsonValue &v : r.object().value(QStringLiteral("certificates")).toArray())
                certificates.append(v.toObject());
            self->m_model->setCertificates(certificates);
            const int row = self->m_model->rowOf(selected);
            if (row >= 0)
                self->m_view->setCurrentIndex(self->m_model->index(row, 0));
            emit self->listShown();
        });
}

QString CertificatesPane::selectedName() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->name(rows.first().row());
}

void CertificatesPane::updateButtons()
{
    const bool loggedIn = manager()->isLoggedIn();
    const bool selected = !selectedName().isEmpty();
    m_create->setEnabled(loggedIn);
    m_request->setEnabled(loggedIn);
    m_import->setEnabled(loggedIn);
    m_assign->setEnabled(loggedIn && selected);
    m_delete->setEnabled(loggedIn && selected);
}

void CertificatesPane::callAndReport(const QString &method, const QJsonObject &params,
                                     const QString &done)
{
    m_message->setText(tr("Working…"));
    request(method, params, [self = QPointer(this), done](const common::control::Reply &r) {
        if (!self)
            return;
        self->m_message->setText(r.ok() ? done : r.error->message);
        self->reload();
    });
}

void CertificatesPane::createSelfSigned()
{
    auto *dialog = new SelfSignedDialog(m_host.isEmpty() ? manager()->host() : m_host,
                                        SelfSignedDialog::Kind::SelfSigned, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        callAndReport(QStringLiteral("tls.createSelfSigned"),
                      {{QStringLiteral("name"), dialog->name()},
                       {QStringLiteral("hosts"), QJsonArray::fromStringList(dialog->hosts())},
                       {QStringLiteral("days"), dialog->days()}},
                      tr("Certificate %1 created.").arg(dialog->name()));
    });
    dialog->open();
}

void CertificatesPane::createRequest()
{
    auto *dialog = new SelfSignedDialog(m_host.isEmpty() ? manager()->host() : m_host,
                                        SelfSignedDialog::Kind::SigningRequest, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString name = dialog->name();
        m_message->setText(tr("Working…"));
        request(QStringLiteral("tls.createCsr"),
                {{QStringLiteral("name"), name},
                 {QStringLiteral("hosts"), QJsonArray::fromStringList(dialog->hosts())}},
                [self = QPointer(this), name](const common::control::Reply &r) {
                    if (!self)
                        return;
                    self->reload();
                    if (!r.ok()) {
                        self->m_message->setText(r.error->message);
                        return;
                    }
                    self->m_message->setText(tr("Signing request %1 made; save it to a file for "
                                                "your certificate authority.")
                                                 .arg(name));
                    self->saveRequest(name, r.object().value(QStringLiteral("csr")).toString());
                });
    });
    dialog->open();
}

void CertificatesPane::saveRequest(const QString &name, const QString &csr)
{
    auto *dialog = new QFileDialog(this, tr("Save Signing Request"), QString(),
                                   tr("Signing requests (*.csr *.pem)"));
    dialog->setObjectName(QStringLiteral("saveRequestDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csr"));
    dialog->selectFile(name + QStringLiteral(".csr"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, csr](const QString &path) {
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
            file.write(csr.toUtf8()) == csr.toUtf8().size() && file.flush())
            m_message->setText(tr("Signing request saved to %1.").arg(path));
        else
            m_message->setText(tr("Could not save to %1: %2").arg(path, file.errorString()));
    });
    dialog->open();
}

void CertificatesPane::importCertificate()
{
    // A pending signing request is completed under its own name.
    const QString selected = selectedName();
    const int row = m_model->rowOf(selected);
    const bool pending = row >= 0 && m_model->certificate(row).value(QStringLiteral("state")) ==
                                         QLatin1String("pending");
    auto *dialog = new ImportCertificateDialog(pending ? selected : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QString certificate;
        QString key;
        if (!dialog->read(&certificate, &key)) {
            m_message->setText(tr("Nothing imported: a file could not be read."));
            return;
        }
        QJsonObject params{{QStringLiteral("name"), dialog->name()},
                           {QStringLiteral("certificate"), certificate}};
        if (!key.isEmpty())
            params.insert(QStringLiteral("key"), key);
        callAndReport(QStringLiteral("tls.import"), params,
                      tr("Certificate %1 imported.").arg(dialog->name()));
    });
    dialog->open();
}

void CertificatesPane::assignSelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    callAndReport(QStringLiteral("tls.assign"),
                  {{QStringLiteral("service"), m_service->currentData().toString()},
                   {QStringLiteral("name"), name}},
                  tr("%1 now presents certificate %2.").arg(m_service->currentText(), name));
}

void CertificatesPane::deleteSelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    confirmThen(this, tr("Delete certificate %1?").arg(name),
                tr("Its private key is deleted too; this cannot be undone."), tr("Delete"),
                [self = QPointer(this), name] {
                    if (self)
                        self->callAndReport(QStringLiteral("tls.delete"),
                                            {{QStringLiteral("name"), name}},
                                            tr("Certificate %1 deleted.").arg(name));
                });
}

} // namespace admin
