// Asking before a destructive action (see confirm.h).
#include "confirm.h"

#include <QMessageBox>
#include <QPushButton>

namespace admin {

void confirmThen(QWidget *parent, const QString &question, const QString &details,
                 const QString &actionText, std::function<void()> proceed)
{
    auto *box =
        new QMessageBox(QMessageBox::Warning, question, question, QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("confirmBox"));
    box->setInformativeText(details);
    QPushButton *accept = box->addButton(actionText, QMessageBox::DestructiveRole);
    accept->setObjectName(QStringLiteral("confirmButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QObject::connect(accept, &QPushButton::clicked, box, [proceed = std::move(proceed)] {
        if (proceed)
            proceed();
    });
    box->open();
}

} // namespace admin
