// The CSV import preview: every row of the file with its errors, checked locally before
// anything is written. Import creates the valid rows one account.create after another (each
// with a password costs the daemon a slow hash) under a progress bar; refused rows are
// listed by row number and never sent.
#pragma once

#include "accountcsv.h"
#include "control/controlclient.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace usermgr {

class ImportPreviewModel;
class RequestQueue;

class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(common::control::ControlClient *client, const QList<ImportRow> &rows,
                 QWidget *parent = nullptr);

    ImportPreviewModel *model() const { return m_model; }
    QPushButton *importButton() const { return m_importButton; }
    bool isImporting() const;
    // True once the import ran to its end.
    bool isFinished() const { return m_finished; }

public slots:
    void startImport();

signals:
    void imported(int created, int failed);

protected:
    void reject() override;

private:
    void onFinished();

    common::control::ControlClient *m_client;
    ImportPreviewModel *m_model;
    RequestQueue *m_queue;
    QList<int> m_sent; // model rows, in the order their requests were queued
    QLabel *m_summary;
    QTableView *m_table;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    QPushButton *m_importButton;
    bool m_finished = false;
};

} // namespace usermgr
