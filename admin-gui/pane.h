// The interface of one tab of the Server Admin window (Overview, Logs, Settings...). A pane
// is created once with the window's context; the window tells it which sidebar entry is
// selected (the server, or one service), what server.status said and which notifications
// arrived. Adding a pane: one new class, one line in paneregistry.cpp.
#pragma once

#include "connectionmanager.h"
#include "requesttracker.h"
#include "serverstatus.h"

#include <QJsonObject>
#include <QWidget>

namespace admin {

class ServiceListModel;

// What every pane may use; owned by the window, outlives the panes.
struct PaneContext
{
    gui::ConnectionManager *manager = nullptr;
    ServiceListModel *services = nullptr;
    RequestTracker *requests = nullptr;
};

class Pane : public QWidget
{
    Q_OBJECT
public:
    Pane(const PaneContext &context, QWidget *parent) : QWidget(parent), m_context(context) {}

    // The tab's title, translated.
    virtual QString title() const = 0;
    // Whether the pane has a tab for this selection: "" is the whole server, else a service.
    virtual bool showsFor(const QString &service) const
    {
        Q_UNUSED(service);
        return true;
    }
    // The sidebar selection changed (only called when showsFor() is true).
    virtual void setService(const QString &service) { m_service = service; }
    // A fresh server.status answer.
    virtual void statusChanged(const ServerStatus &status) { Q_UNUSED(status); }
    // Every notification the daemon pushes (log.entry, settings.changed, service.state...).
    virtual void notification(const QString &method, const QJsonObject &params)
    {
        Q_UNUSED(method);
        Q_UNUSED(params);
    }
    // The session is (again) logged in, or it is lost; panes re-read what they show.
    virtual void sessionChanged(bool loggedIn) { Q_UNUSED(loggedIn); }
    // The pane became the visible tab, or stopped being it.
    virtual void visibilityChanged(bool visible) { Q_UNUSED(visible); }

    QString service() const { return m_service; }

signals:
    // The pane wants a fresh server.status for every pane (statusChanged() follows).
    void statusWanted();

protected:
    gui::ConnectionManager *manager() const { return m_context.manager; }
    ServiceListModel *services() const { return m_context.services; }
    RequestTracker *requests() const { return m_context.requests; }
    // A call to the daemon, counted for the window's busy indicator.
    void request(const QString &method, const QJsonObject &params,
                 common::control::ControlClient::Callback done)
    {
        m_context.requests->call(method, params, std::move(done));
    }

private:
    PaneContext m_context;
    QString m_service;
};

} // namespace admin
