// The DNS tab (see dnspane.h).
#include "dnspane.h"

#include "confirm.h"
#include "dnspublishingbox.h"
#include "mxrecorddialog.h"
#include "mxrecordmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace admin {

using common::control::Reply;

DnsPane::DnsPane(const PaneContext &context, QWidget *parent)
    : Pane(context, parent), m_domainCombo(new QComboBox(this)), m_warnings(new QLabel(this)),
      m_model(new MxRecordModel(this)), m_view(new QTreeView(this)), m_add(new QPushButton(tr("Add…"), this)),
      m_edit(new QPushButton(tr("Edit…"), this)), m_remove(new QPushButton(tr("Remove…"), this)),
      m_check(new QPushButton(tr("Check DNS"), this)), m_publish(new QPushButton(tr("Publish…"), this)),
      m_message(new QLabel(this)), m_publishing(new DnsPublishingBox(this)), m_zoneText(new QPlainTextEdit(this)),
      m_copy(new QPushButton(tr("Copy"), this))
{
    setObjectName(QStringLiteral("dnsPane"));
    m_domainCombo->setObjectName(QStringLiteral("dnsDomainCombo"));
    m_domainCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_warnings->setObjectName(QStringLiteral("dnsWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setStyleSheet(QStringLiteral("color: #a05000"));
    m_view->setObjectName(QStringLiteral("mxRecordView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    m_add->setObjectName(QStringLiteral("mxAddButton"));
    m_edit->setObjectName(QStringLiteral("mxEditButton"));
    m_remove->setObjectName(QStringLiteral("mxRemoveButton"));
    m_check->setObjectName(QStringLiteral("mxCheckButton"));
    m_check->setToolTip(tr("Ask DNS which MX records the world sees for this domain"));
    m_publish->setObjectName(QStringLiteral("mxPublishButton"));
    m_publish->setToolTip(tr("Replace the domain's MX records at its zone's primary DNS server with these"));
    m_message->setObjectName(QStringLiteral("dnsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_zoneText->setObjectName(QStringLiteral("dnsZoneText"));
    m_zoneText->setReadOnly(true);
    m_zoneText->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_zoneText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copy->setObjectName(QStringLiteral("dnsCopyButton"));

    auto *top = new QHBoxLayout;
    auto *domainLabel = new QLabel(tr("&Domain:"), this);
    domainLabel->setBuddy(m_domainCombo);
    top->addWidget(domainLabel);
    top->addWidget(m_domainCombo);
    top->addStretch(1);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_edit, m_remove})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_check);
    buttons->addWidget(m_publish);
    auto *zoneBox = new QVBoxLayout;
    zoneBox->addWidget(new QLabel(tr("To publish by hand — the MX records, the mail hosts' addresses, and the "
                                     "SPF and DMARC suggestions (marked as such), in zone-file form:"),
                                  this));
    zoneBox->itemAt(0)->widget()->setProperty("wordWrap", true);
    zoneBox->addWidget(m_zoneText, 1);
    auto *copyRow = new QHBoxLayout;
    copyRow->addStretch(1);
    copyRow->addWidget(m_copy);
    zoneBox->addLayout(copyRow);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_publishing, 1);
    bottom->addLayout(zoneBox, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_warnings);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addLayout(bottom, 1);

    connect(m_domainCombo, &QComboBox::currentIndexChanged, this, [this] { showDomain(true); });
    connect(m_add, &QPushButton::clicked, this, &DnsPane::addRecord);
    connect(m_edit, &QPushButton::clicked, this, &DnsPane::editRecord);
    connect(m_view, &QTreeView::doubleClicked, this, &DnsPane::editRecord);
    connect(m_remove, &QPushButton::clicked, this, &DnsPane::removeRecord);
    connect(m_check, &QPushButton::clicked, this, &DnsPane::checkDns);
    connect(m_publish, &QPushButton::clicked, this, &DnsPane::publish);
    connect(m_publishing, &DnsPublishingBox::saveRequested, this, &DnsPane::savePublishing);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_zoneText->toPlainText()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DnsPane::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DnsPane::updateButtons);
    updateButtons();
}

void DnsPane::sessionChanged(bool loggedIn)
{
    if (loggedIn)
        reload();
    updateButtons();
}

void DnsPane::notification(const QString &method, const QJsonObject &params)
{
    // Records changed here or elsewhere (mailctl, another window), or a domain came or went.
    if (method == QLatin1String("mx.changed") ||
        (method == QLatin1String("settings.changed") &&
         params.value(QStringLiteral("keys")).toArray().contains(QStringLiteral("server.hostname"))))
        reload();
}

QString DnsPane::currentDomain() const
{
    return m_domainCombo->currentData().toString();
}

void DnsPane::selectDomain(const QString &domain)
{
    m_domainCombo->setCurrentIndex(m_domainCombo->findData(domain));
}

void DnsPane::reload()
{
    request(QStringLiteral("mx.list"), {}, [self = QPointer(this)](const Reply &r) {
        if (!self)
            return;
        if (!r.ok()) {
            self->setMessage(tr("Could not read the MX records: %1").arg(r.error->message), true);
            return;
        }
        self->m_domains.clear();
        for (const QJsonValue &v : r.object().value(QStringLiteral("domains")).toArray())
            self->m_domains.append(common::model::MxDomain::fromJson(v.toObject()));
        const QString current = self->currentDomain();
        {
            const QSignalBlocker block(self->m_domainCombo);
            self->m_domainCombo->clear();
            for (const common::model::MxDomain &d : std::as_const(self->m_domains))
                self->m_domainCombo->addItem(d.domain, d.domain);
            const int index = self->m_domainCombo->findData(current);
            self->m_domainCombo->setCurrentIndex(index >= 0 ? index : 0);
        }
        // The publishing fields are refilled only for another domain, never over an edit.
        self->showDomain(self->currentDomain() != self->m_shownDomain);
        emit self->listShown();
    });
}

void DnsPane::showDomain(bool refillPublishing)
{
    const QString name = currentDomain();
    const common::model::MxDomain *d = nullptr;
    for (const common::model::MxDomain &candidate : std::as_const(m_domains)) {
        if (candidate.domain == name)
            d = &candidate;
    }
    if (!d) {
        m_model->setDomain({});
        m_warnings->setText(m_domains.isEmpty() ? tr("There is no local domain yet: add one in Settings, General.")
                                                : QString());
        m_zoneText->clear();
        m_shownDomain.clear();
        updateButtons();
        return;
    }
    const QString host = selectedRow() >= 0 ? m_model->host(selectedRow()) : QString();
    m_model->setDomain(*d);
    if (const int row = m_model->rowOf(host); row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
    m_warnings->setText(d->warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!d->warnings.isEmpty());
    if (refillPublishing || m_shownDomain != d->domain)
        m_publishing->setDomain(*d);
    m_shownDomain = d->domain;
    loadZoneText();
    updateButtons();
}

void DnsPane::loadZoneText()
{
    const QString domain = currentDomain();
    request(QStringLiteral("mx.zoneText"), {{QStringLiteral("domain"), domain}},
            [self = QPointer(this), domain](const Reply &r) {
                if (self && r.ok() && self->currentDomain() == domain)
                    self->m_zoneText->setPlainText(r.object().value(QStringLiteral("text")).toString());
            });
}

int DnsPane::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void DnsPane::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
}

void DnsPane::updateButtons()
{
    const bool ready = manager()->isLoggedIn() && !currentDomain().isEmpty() && !m_working;
    const int row = selectedRow();
    const bool configured = row >= 0 && m_model->isConfigured(row);
    m_domainCombo->setEnabled(manager()->isLoggedIn());
    m_add->setEnabled(ready);
    m_edit->setEnabled(ready && configured);
    m_remove->setEnabled(ready && configured);
    m_check->setEnabled(ready);
    m_publish->setEnabled(ready);
    m_publishing->setEnabled(ready);
}

void DnsPane::addRecord()
{
    openDialog({}, m_model->rowCount() == 0 ? 10 : m_model->preference(m_model->rowCount() - 1) + 10);
}

void DnsPane::editRecord()
{
    const int row = selectedRow();
    if (row >= 0 && m_model->isConfigured(row))
        openDialog(m_model->host(row), m_model->preference(row));
}

void DnsPane::openDialog(const QString &host, int preference)
{
    const QString domain = currentDomain();
    auto *dialog = new MxRecordDialog(domain, host, std::min(preference, 65535), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MxRecordDialog::submitted, this, [this, dialog, domain, host] {
        QJsonObject params{{QStringLiteral("domain"), domain}, {QStringLiteral("preference"), dialog->preference()}};
        if (host.isEmpty()) {
            params.insert(QStringLiteral("host"), dialog->host());
        } else {
            params.insert(QStringLiteral("host"), host);
            if (dialog->host().compare(host, Qt::CaseInsensitive) != 0)
                params.insert(QStringLiteral("newHost"), dialog->host());
        }
        dialog->setBusy(true);
        request(host.isEmpty() ? QStringLiteral("mx.add") : QStringLiteral("mx.update"), params,
                [self = QPointer(this), dialog = QPointer(dialog)](const Reply &r) {
                    if (!dialog)
                        return;
                    dialog->setBusy(false);
                    if (!r.ok()) {
                        dialog->showError(r.error->data.value(QStringLiteral("field")).toString(), r.error->message);
                        return;
                    }
                    dialog->accept();
                    if (self)
                        self->setMessage({}, false);
                });
    });
    dialog->open();
}

void DnsPane::removeRecord()
{
    const int row = selectedRow();
    if (row < 0 || !m_model->isConfigured(row))
        return;
    const QString domain = currentDomain();
    const QString host = m_model->host(row);
    confirmThen(this, tr("Remove the MX record %1 of %2?").arg(host, domain),
                tr("Mail for %1 is no longer sent to %2 once the records are published again.").arg(domain, host),
                tr("Remove"), [this, domain, host] {
                    request(QStringLiteral("mx.remove"), {{QStringLiteral("domain"), domain}, {QStringLiteral("host"), host}},
                            [self = QPointer(this)](const Reply &r) {
                                if (self && !r.ok())
                                    self->setMessage(r.error->message, true);
                            });
                });
}

void DnsPane::savePublishing()
{
    m_publishing->clearErrors();
    m_publishing->setBusy(true);
    request(QStringLiteral("mx.setPublishing"), m_publishing->params(), [self = QPointer(this)](const Reply &r) {
        if (!self)
            return;
        self->m_publishing->setBusy(false);
        if (!r.ok()) {
            self->m_publishing->showError(r.error->data.value(QStringLiteral("field")).toString(), r.error->message);
            return;
        }
        const auto saved = common::model::MxDomain::fromJson(r.object());
        self->m_publishing->setDomain(saved);
        self->setMessage(tr("Publishing settings of %1 saved.").arg(saved.domain), false);
    });
}

void DnsPane::publish()
{
    const QString domain = currentDomain();
    const common::model::MxPublishing target = [&] {
        for (const auto &d : std::as_const(m_domains)) {
            if (d.domain == domain)
                return d.publishing;
        }
        return common::model::MxPublishing{};
    }();
    if (!target.configured()) {
        setMessage(tr("Say first where the records of %1 are published: the DNS server, the key's name and "
                      "secret below, then Save.")
                       .arg(domain),
                   true);
        return;
    }
    confirmThen(this, tr("Publish the MX records of %1?").arg(domain),
                tr("The MX records of %1 at %2 are replaced by the %n record(s) shown.", "", m_model->rowCount())
                    .arg(domain, target.server),
                tr("Publish"), [this, domain] {
                    m_working = true;
                    updateButtons();
                    setMessage(tr("Publishing the MX records of %1…").arg(domain), false);
                    request(QStringLiteral("mx.publish"), {{QStringLiteral("domain"), domain}},
                            [self = QPointer(this), domain](const Reply &r) {
                                if (!self)
                                    return;
                                self->m_working = false;
                                self->updateButtons();
                                if (!r.ok()) {
                                    self->setMessage(tr("Nothing was published: %1").arg(r.error->message), true);
                                    return;
                                }
                                self->setMessage(tr("Published %n MX record(s) of %1 to %2.", "",
                                                    r.object().value(QStringLiteral("records")).toInt())
                                                     .arg(domain, r.object().value(QStringLiteral("server")).toString()),
                                                 false);
                            });
                });
}

void DnsPane::checkDns()
{
    const QString domain = currentDomain();
    m_working = true;
    updateButtons();
    setMessage(tr("Asking DNS about %1…").arg(domain), false);
    request(QStringLiteral("mx.check"), {{QStringLiteral("domain"), domain}}, [self = QPointer(this), domain](const Reply &r) {
        if (!self)
            return;
        self->m_working = false;
        self->updateButtons();
        if (self->currentDomain() != domain)
            return;
        if (!r.ok()) {
            self->m_model->clearCheck();
            self->setMessage(tr("DNS could not be checked: %1").arg(r.error->message), true);
            emit self->checkShown();
            return;
        }
        const QJsonObject check = r.object();
        self->m_model->setCheck(check);
        int published = 0, missing = 0;
        for (const QJsonValue &v : check.value(QStringLiteral("records")).toArray())
            (v.toObject().value(QStringLiteral("state")).toString() == QLatin1String("published") ? published : missing)++;
        const int unexpected = int(check.value(QStringLiteral("unexpected")).toArray().size());
        self->setMessage(tr("%1 answers: %2 published, %3 missing, %4 unexpected.")
                             .arg(check.value(QStringLiteral("server")).toString())
                             .arg(published)
                             .arg(missing)
                             .arg(unexpected),
                         missing + unexpected > 0);
        emit self->checkShown();
    });
}

} // namespace admin
