// The Graphs tab (see graphspane.h).
#include "graphspane.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPointer>
#include <QVBoxLayout>
#include <QValueAxis>

namespace admin {

namespace {
constexpr int kGraphsRefreshMs = 5000;
constexpr int kMinutes = 60;
} // namespace

GraphsPane::GraphsPane(const PaneContext &context, QWidget *parent)
    : Pane(context, parent), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("graphsPane"));
    m_message->setObjectName(QStringLiteral("graphsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    auto *grid = new QWidget(this);
    auto *gridLayout = new QGridLayout(grid);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    m_messages = addGraph(tr("Messages per minute"), {tr("In"), tr("Out")}, grid);
    m_connections = addGraph(tr("Connections per minute"), {tr("Connections")}, grid);
    m_bytes = addGraph(tr("Kilobytes per minute"), {tr("In"), tr("Out")}, grid);
    const QList<QChartView *> views = grid->findChildren<QChartView *>();
    for (int i = 0; i < views.size(); ++i)
        gridLayout->addWidget(views.at(i), i / 2, i % 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(grid, 1);
    layout->addWidget(m_message);
    m_timer.setInterval(kGraphsRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &GraphsPane::reload);
}

GraphsPane::Graph GraphsPane::addGraph(const QString &title, const QStringList &seriesNames,
                                       QWidget *grid)
{
    Graph graph;
    graph.chart = new QChart;
    graph.chart->setTitle(title);
    graph.chart->legend()->setVisible(seriesNames.size() > 1);
    graph.chart->legend()->setAlignment(Qt::AlignBottom);
    graph.chart->setMargins(QMargins(4, 4, 4, 4));
    graph.time = new QDateTimeAxis;
    graph.time->setFormat(QStringLiteral("HH:mm"));
    graph.time->setTickCount(5);
    graph.values = new QValueAxis;
    graph.values->setLabelFormat(QStringLiteral("%d"));
    graph.values->setMin(0);
    graph.chart->addAxis(graph.time, Qt::AlignBottom);
    graph.chart->addAxis(graph.values, Qt::AlignLeft);
    for (const QString &name : seriesNames) {
        auto *series = new QLineSeries;
        series->setName(name);
        graph.chart->addSeries(series);
        series->attachAxis(graph.time);
        series->attachAxis(graph.values);
        graph.series.append(series);
    }
    auto *view = new QChartView(graph.chart, grid);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(240, 180);
    return graph;
}

void GraphsPane::visibilityChanged(bool visible)
{
    if (visible) {
        reload();
        m_timer.start();
    } else {
        m_timer.stop();
    }
}

void GraphsPane::reload()
{
    if (m_loading || !manager()->isLoggedIn())
        return;
    m_loading = true;
    request(
        QStringLiteral("stats.get"), {{QStringLiteral("minutes"), kMinutes}},
        [self = QPointer(this)](const common::control::Reply &reply) {
            if (!self)
                return;
            self->m_loading = false;
            if (!reply.ok()) {
                self->m_message->setText(
                    reply.error->is(common::control::ErrorCode::MethodNotFound)
                        ? tr("This daemon does not offer stats.get; update maild to see its "
                             "traffic.")
                        : tr("Could not read the traffic figures: %1").arg(reply.error->message));
                return;
            }
            self->m_stats = TrafficStats::fromJson(reply.object());
            const TrafficStats &s = self->m_stats;
            auto kilo = [](const QList<qint64> &bytes) {
                QList<qint64> out;
                for (qint64 b : bytes)
                    out.append((b + 1023) / 1024);
                return out;
            };
            self->draw(self->m_messages, {s.messagesIn, s.messagesOut});
            self->draw(self->m_connections, {s.connections});
            self->draw(self->m_bytes, {kilo(s.bytesIn), kilo(s.bytesOut)});
            self->m_message->setText(tr("Today: %1 messages in, %2 out, %3 connections.")
                                         .arg(s.todayMessagesIn)
                                         .arg(s.todayMessagesOut)
                                         .arg(s.todayConnections));
            emit self->statsShown();
        });
}

void GraphsPane::draw(Graph &graph, const QList<QList<qint64>> &values)
{
    const QDateTime start = m_stats.minuteStart.isValid() ? m_stats.minuteStart.toLocalTime()
                                                          : QDateTime::currentDateTime();
    qint64 highest = 1;
    qsizetype minutes = 1;
    for (int i = 0; i < graph.series.size() && i < values.size(); ++i) {
        QList<QPointF> points;
        const QList<qint64> &column = values.at(i);
        for (qsizetype m = 0; m < column.size(); ++m) {
            points.append(
                QPointF(double(start.addSecs(m * 60).toMSecsSinceEpoch()), double(column.at(m))));
            highest = qMax(highest, column.at(m));
        }
        minutes = qMax(minutes, column.size());
        graph.series.at(i)->replace(points);
    }
    graph.time->setRange(start, start.addSecs((minutes - 1) * 60));
    graph.values->setRange(0, double(highest + highest / 5 + 1));
}

} // namespace admin
