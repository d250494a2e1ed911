// The Logs tab (see logspane.h).
#include "logspane.h"

#include "logfiltermodel.h"
#include "loglistmodel.h"
#include "servicelistmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace admin {

using common::model::LogEntry;
using common::model::LogLevel;

namespace {
constexpr int kTailLines = 500;
constexpr int kHeldLines = 5000;
} // namespace

LogsPane::LogsPane(const PaneContext &context, QWidget *parent)
    : Pane(context, parent), m_model(new LogListModel(5000, this)),
      m_filter(new LogFilterModel(this))
{
    setObjectName(QStringLiteral("logsPane"));
    m_filter->setSourceModel(m_model);

    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("logLevelFilter"));
    for (LogLevel level :
         {LogLevel::Debug, LogLevel::Info, LogLevel::Notice, LogLevel::Warning, LogLevel::Error})
        m_level->addItem(LogListModel::levelText(level), static_cast<int>(level));
    m_level->setCurrentIndex(1);
    m_filter->setMinimumLevel(LogLevel::Info);
    m_serviceFilter = new QComboBox(this);
    m_serviceFilter->setObjectName(QStringLiteral("logServiceFilter"));
    updateServiceChoices();
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setPlaceholderText(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_pause = new QCheckBox(tr("Pause"), this);
    m_pause->setObjectName(QStringLiteral("logPause"));
    m_save = new QPushButton(tr("Save…"), this);
    m_save->setObjectName(QStringLiteral("logSave"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("At least:"), this));
    bar->addWidget(m_level);
    bar->addWidget(new QLabel(tr("Service:"), this));
    bar->addWidget(m_serviceFilter);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_pause);
    bar->addWidget(m_save);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_filter);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(LogListModel::TimeColumn, 170);
    m_view->setColumnWidth(LogListModel::LevelColumn, 70);
    m_view->setColumnWidth(LogListModel::ServiceColumn, 70);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("logStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_statusLabel);

    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumLevel(static_cast<LogLevel>(m_level->currentData().toInt()));
    });
    connect(m_serviceFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setService(m_serviceFilter->currentData().toString()); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &LogFilterModel::setSearchText);
    connect(m_pause, &QCheckBox::toggled, this, &LogsPane::setPaused);
    connect(m_save, &QPushButton::clicked, this, &LogsPane::chooseFileAndSave);
    connect(services(), &QAbstractItemModel::modelReset, this, &LogsPane::updateServiceChoices);
    connect(services(), &QAbstractItemModel::rowsInserted, this, &LogsPane::updateServiceChoices);
}

void LogsPane::updateServiceChoices()
{
    const QString current = m_serviceFilter->currentData().toString();
    const QSignalBlocker blocker(m_serviceFilter);
    m_serviceFilter->clear();
    m_serviceFilter->addItem(tr("All"), QString());
    QStringList names{QStringLiteral("maild"), QStringLiteral("control")};
    for (int row = 0; row < services()->rowCount(); ++row)
        names.append(services()->service(row).name);
    for (const QString &name : names) {
        if (m_serviceFilter->findData(name) < 0)
            m_serviceFilter->addItem(name, name);
    }
    m_serviceFilter->setCurrentIndex(qMax(0, m_serviceFilter->findData(current)));
}

void LogsPane::setService(const QString &service)
{
    Pane::setService(service);
    // A service's Logs tab starts filtered to it; the server's shows everything.
    if (m_serviceFilter->findData(service) < 0 && !service.isEmpty())
        m_serviceFilter->addItem(service, service);
    m_serviceFilter->setCurrentIndex(qMax(0, m_serviceFilter->findData(service)));
}

void LogsPane::sessionChanged(bool loggedIn)
{
    if (loggedIn)
        subscribe();
    else
        m_statusLabel->setText(tr("Not connected: new lines appear once the connection is back."));
}

void LogsPane::subscribe()
{
    m_statusLabel->setText(tr("Reading the log…"));
    QPointer self(this);
    request(QStringLiteral("log.subscribe"), {}, [self](const common::control::Reply &reply) {
        if (!self)
            return;
        if (!reply.ok()) {
            self->m_statusLabel->setText(
                tr("The daemon does not send its log: %1").arg(reply.error->message));
            return;
        }
        self->m_statusLabel->clear();
    });
    // What was written before: replaces what is shown, the session may have been away.
    request(QStringLiteral("log.tail"), {{QStringLiteral("limit"), kTailLines}},
            [self](const common::control::Reply &reply) {
                if (!self || !reply.ok())
                    return;
                QList<LogEntry> entries;
                for (const QJsonValue &v :
                     reply.object().value(QStringLiteral("entries")).toArray())
                    entries.append(LogEntry::fromJson(v.toObject()));
                // Lines pushed before the tail arrived are in both; keep the newest of them.
                QList<LogEntry> pushed;
                const QDateTime last = entries.isEmpty() ? QDateTime() : entries.last().time;
                for (int row = 0; row < self->m_model->rowCount(); ++row) {
                    if (last.isValid() && self->m_model->entry(row).time > last)
                        pushed.append(self->m_model->entry(row));
                }
                self->m_model->clear();
                self->m_model->append(entries + pushed);
                self->m_view->scrollToBottom();
            });
}

void LogsPane::notification(const QString &method, const QJsonObject &params)
{
    if (method == QLatin1String("log.entry"))
        append({LogEntry::fromJson(params)});
}

void LogsPane::append(const QList<LogEntry> &entries)
{
    if (m_pause->isChecked()) {
        m_held.append(entries);
        if (m_held.size() > kHeldLines)
            m_held.remove(0, m_held.size() - kHeldLines);
        m_statusLabel->setText(tr("Paused: new lines held back: %1").arg(m_held.size()));
        return;
    }
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    m_model->append(entries);
    if (atBottom)
        m_view->scrollToBottom();
}

void LogsPane::setPaused(bool paused)
{
    if (paused) {
        m_statusLabel->setText(tr("Paused: new lines are held back."));
        return;
    }
    m_statusLabel->clear();
    const QList<LogEntry> held = std::exchange(m_held, {});
    append(held);
}

bool LogsPane::saveTo(const QString &path, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const int source = m_filter->mapToSource(m_filter->index(row, 0)).row();
        file.write(m_model->entry(source).toLine().toUtf8());
        file.write("\n");
    }
    if (!file.flush()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void LogsPane::chooseFileAndSave()
{
    auto *dialog = new QFileDialog(this, tr("Save Log"), QString(), tr("Log files (*.log *.txt)"));
    dialog->setObjectName(QStringLiteral("saveLogDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("log"));
    dialog->selectFile(QStringLiteral("maild.log"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (saveTo(path, &error))
            m_statusLabel->setText(tr("Lines saved to %1: %2").arg(path).arg(m_filter->rowCount()));
        else
            m_statusLabel->setText(tr("Could not save the log to %1: %2").arg(path, error));
    });
    dialog->open();
}

} // namespace admin
