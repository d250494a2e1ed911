// One setting's editor (see settingfield.h).
#include "settingfield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>
#include <limits>

namespace admin {

using common::model::SettingInfo;
using common::model::SettingSource;
using common::model::SettingType;

SettingField::SettingField(const SettingInfo &info, QWidget *parent) : QWidget(parent), m_info(info)
{
    setObjectName(QStringLiteral("setting:") + info.key);
    createEditor();
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("settingError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_editor);
    layout->addWidget(m_error);
    layout->addStretch(1);
    setInfo(info);
}

void SettingField::createEditor()
{
    const bool fitsInt = m_info.max <= std::numeric_limits<int>::max() &&
                         m_info.min >= std::numeric_limits<int>::min();
    switch (m_info.type) {
    case SettingType::Bool: {
        auto *box = new QCheckBox(this);
        connect(box, &QCheckBox::toggled, this, &SettingField::onEdited);
        m_editor = box;
        break;
    }
    case SettingType::Choice: {
        auto *box = new QComboBox(this);
        box->addItems(m_info.choices);
        connect(box, &QComboBox::currentIndexChanged, this, &SettingField::onEdited);
        m_editor = box;
        break;
    }
    case SettingType::List: {
        auto *edit = new QPlainTextEdit(this);
        edit->setTabChangesFocus(true);
        edit->setMaximumHeight(90);
        edit->setPlaceholderText(tr("One per line"));
        connect(edit, &QPlainTextEdit::textChanged, this, &SettingField::onEdited);
        m_editor = edit;
        break;
    }
    case SettingType::Int:
        if (fitsInt && m_info.max > m_info.min) {
            auto *spin = new QSpinBox(this);
            spin->setRange(int(m_info.min), int(m_info.max));
            spin->setGroupSeparatorShown(m_info.max > 65535); // never on port numbers
            connect(spin, &QSpinBox::valueChanged, this, &SettingField::onEdited);
            m_editor = spin;
            break;
        }
        [[fallthrough]];
    case SettingType::String: {
        auto *edit = new QLineEdit(this);
        connect(edit, &QLineEdit::textEdited, this, &SettingField::onEdited);
        m_editor = edit;
        break;
    }
    }
    m_editor->setObjectName(QStringLiteral("editor"));
}

void SettingField::setInfo(const SettingInfo &info)
{
    m_info.value = info.value;
    m_info.defaultValue = info.defaultValue;
    m_info.source = info.source;
    m_info.description = info.description;
    const bool fixed = info.source == SettingSource::CommandLine;
    m_editor->setEnabled(!fixed);
    setToolTip(fixed ? info.description + QLatin1Char('\n') +
                           tr("Fixed on the daemon's command line; it cannot be changed here.")
                     : info.description);
    if (!m_modified)
        show(info.value);
}

void SettingField::show(const QJsonValue &value)
{
    m_showing = true;
    if (auto *box = qobject_cast<QCheckBox *>(m_editor)) {
        box->setChecked(value.toBool());
    } else if (auto *combo = qobject_cast<QComboBox *>(m_editor)) {
        combo->setCurrentIndex(combo->findText(value.toString()));
    } else if (auto *list = qobject_cast<QPlainTextEdit *>(m_editor)) {
        QStringList lines;
        for (const QJsonValue &v : value.toArray())
            lines.append(v.toString());
        list->setPlainText(lines.join(QLatin1Char('\n')));
    } else if (auto *spin = qobject_cast<QSpinBox *>(m_editor)) {
        spin->setValue(int(value.toInteger()));
    } else if (auto *line = qobject_cast<QLineEdit *>(m_editor)) {
        line->setText(value.isDouble() ? QString::number(value.toInteger()) : value.toString());
    }
    m_showing = false;
}

QJsonValue SettingField::value() const
{
    if (auto *box = qobject_cast<QCheckBox *>(m_editor))
        return box->isChecked();
    if (auto *combo = qobject_cast<QComboBox *>(m_editor))
        return combo->currentText();
    if (auto *list = qobject_cast<QPlainTextEdit *>(m_editor)) {
        QJsonArray items;
        for (const QString &line : list->toPlainText().split(QLatin1Char('\n'))) {
            if (!line.trimmed().isEmpty())
                items.append(line.trimmed());
        }
        return items;
    }
    if (auto *spin = qobject_cast<QSpinBox *>(m_editor))
        return spin->value();
    const QString text = static_cast<QLineEdit *>(m_editor)->text();
    if (m_info.type == SettingType::Int) {
        bool ok = false;
        const qint64 number = text.trimmed().toLongLong(&ok);
        return ok ? QJsonValue(number) : QJsonValue(text); // the daemon names the mistake
    }
    return text;
}

void SettingField::revert()
{
    m_modified = false;
    setError({});
    show(m_info.value);
}

void SettingField::setError(const QString &reason)
{
    m_error->setText(reason);
    m_error->setVisible(!reason.isEmpty());
}

void SettingField::onEdited()
{
    if (m_showing)
        return;
    m_modified = value() != m_info.value;
    setError({});
    emit edited();
}

} // namespace admin
