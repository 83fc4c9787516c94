#include "PreferencesDialog.h"

#include "Autostart.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QVBoxLayout>

namespace Outpost {

namespace {
QString settingsFile(const QString &profile)
{
    return profile + QStringLiteral("/gui.ini");
}
} // namespace

PreferencesDialog::PreferencesDialog(const QString &profileDirectory, QWidget *parent)
    : QDialog(parent)
    , m_profileDirectory(profileDirectory)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    QSettings settings(settingsFile(profileDirectory), QSettings::IniFormat);

    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("The system's language"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(language(profileDirectory))));
    m_startAtLogin = new QCheckBox(tr("Start Outpost when I log in"));
    m_startAtLogin->setObjectName(QStringLiteral("startAtLogin"));
    m_startAtLogin->setChecked(Autostart::isEnabled());
    m_closeToTray = new QCheckBox(tr("Closing the window keeps Outpost running in the tray"));
    m_closeToTray->setObjectName(QStringLiteral("closeToTray"));
    m_closeToTray->setChecked(settings.value(QStringLiteral("closeToTray"), true).toBool());

    auto *hint = new QLabel(tr("A new language applies the next time Outpost starts."));
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), hint);
    form->addRow(QString(), m_startAtLogin);
    form->addRow(QString(), m_closeToTray);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString PreferencesDialog::language(const QString &profileDirectory)
{
    return QSettings(settingsFile(profileDirectory), QSettings::IniFormat)
        .value(QStringLiteral("language"), QStringLiteral("system"))
        .toString();
}

void PreferencesDialog::accept()
{
    QSettings settings(settingsFile(m_profileDirectory), QSettings::IniFormat);
    settings.setValue(QStringLiteral("language"), m_language->currentData());
    settings.setValue(QStringLiteral("closeToTray"), m_closeToTray->isChecked());
    if (m_startAtLogin->isChecked() != Autostart::isEnabled() &&
        !Autostart::setEnabled(m_startAtLogin->isChecked(), QApplication::applicationFilePath())) {
        QMessageBox::warning(this, tr("Preferences"),
                             tr("Outpost could not change whether it starts at login."));
    }
    QDialog::accept();
}

} // namespace Outpost
