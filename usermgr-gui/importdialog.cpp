// The CSV import preview dialog (see importdialog.h).
#include "importdialog.h"

#include "importpreviewmodel.h"
#include "requestqueue.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace usermgr {

ImportDialog::ImportDialog(common::control::ControlClient *client, const QList<ImportRow> &rows,
                           QWidget *parent)
    : QDialog(parent), m_client(client), m_model(new ImportPreviewModel(this)),
      m_queue(new RequestQueue(client, this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import Accounts"));
    m_model->setRows(rows);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    const QList<int> refused = m_model->refusedRows();
    QString text = tr("%n account(s) ready to import.", nullptr, m_model->validCount());
    if (!refused.isEmpty()) {
        QStringList numbers;
        for (int row : refused)
            numbers.append(QString::number(row));
        text += QLatin1Char(' ') +
                tr("Refused because of errors, and not imported: row(s) %1.")
                    .arg(numbers.join(QStringLiteral(", ")));
    }
    text += QLatin1Char(' ') + tr("Nothing is written until you click Import.");
    m_summary->setText(text);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("importTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->resizeColumnsToContents();

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_importButton = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setEnabled(m_model->validCount() > 0);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);
    resize(820, 420);

    connect(m_queue, &RequestQueue::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_queue, &RequestQueue::answered, this,
            [this](int index, const common::control::Reply &reply) {
                m_model->setResult(m_sent.value(index, -1),
                                   reply.ok() ? QString() : reply.error->message);
            });
    connect(m_queue, &RequestQueue::finished, this, &ImportDialog::onFinished);
}

bool ImportDialog::isImporting() const
{
    return m_queue->isRunning();
}

void ImportDialog::startImport()
{
    if (m_queue->isRunning() || m_finished)
        return;
    QList<QueuedRequest> requests;
    m_sent.clear();
    for (int i = 0; i < m_model->rows().size(); ++i) {
        const ImportRow &row = m_model->rows().at(i);
        if (!row.ok())
            continue;
        m_sent.append(i);
        requests.append({QStringLiteral("account.create"), accountcsv::createParams(row)});
    }
    if (requests.isEmpty())
        return;
    m_importButton->setEnabled(false);
    m_progress->show();
    m_summary->setText(tr("Creating %n account(s)…", nullptr, int(requests.size())));
    m_queue->start(requests);
}

void ImportDialog::onFinished()
{
    m_finished = true;
    const int failed = m_queue->failures();
    const int created = m_queue->done() - failed;
    m_summary->setText(failed == 0 ? tr("%n account(s) created.", nullptr, created)
                                   : tr("%1 account(s) created, %2 failed (see Status).")
                                         .arg(created)
                                         .arg(failed));
    emit imported(created, failed);
}

void ImportDialog::reject()
{
    // Closing stops sending; the account being created still is.
    m_queue->cancel();
    QDialog::reject();
}

} // namespace usermgr
