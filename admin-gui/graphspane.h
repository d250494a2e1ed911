// The Graphs tab (for the server): messages in and out, connections, and bytes in and out
// per minute over the last hour (`stats.get`), drawn with Qt Charts and re-read every few
// seconds while the tab is shown. A daemon without stats.get gets a sentence instead.
#pragma once

#include "pane.h"
#include "trafficstats.h"

#include <QTimer>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;
class QDateTimeAxis;

namespace admin {

class GraphsPane : public Pane
{
    Q_OBJECT
public:
    GraphsPane(const PaneContext &context, QWidget *parent);

    QString title() const override { return tr("Graphs"); }
    bool showsFor(const QString &service) const override { return service.isEmpty(); }
    void visibilityChanged(bool visible) override;

    const TrafficStats &stats() const { return m_stats; }

public slots:
    void reload();

signals:
    // A stats.get answer has been drawn.
    void statsShown();

private:
    struct Graph
    {
        QChart *chart = nullptr;
        QList<QLineSeries *> series;
        QDateTimeAxis *time = nullptr;
        QValueAxis *values = nullptr;
    };
    Graph addGraph(const QString &title, const QStringList &seriesNames, QWidget *grid);
    void draw(Graph &graph, const QList<QList<qint64>> &values);

    TrafficStats m_stats;
    Graph m_messages;
    Graph m_connections;
    Graph m_bytes;
    QLabel *m_message;
    QTimer m_timer;
    bool m_loading = false;
};

} // namespace admin
