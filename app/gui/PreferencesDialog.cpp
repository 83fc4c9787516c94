#include "PreferencesDialog.h"

#include "Autostart.h"
#include "MailtoHandler.h"
#include "RelayPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Outpost {

namespace {
QString settingsFile(const QString &profile)
{
    return profile + QStringLiteral("/gui.ini");
}
} // namespace

PreferencesDialog::PreferencesDialog(const QString &profileDirectory, RelayService *relay,
                                     const AccountStore *accounts, QWidget *parent)
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
    if (MailtoHandler::isSupported()) {
        m_openMailto = new QCheckBox(tr("Open e-mail links (mailto:) with Outpost"));
        m_openMailto->setObjectName(QStringLiteral("openMailto"));
        m_openMailto->setChecked(MailtoHandler::isRegistered(QApplication::applicationFilePath()));
    }
    m_closeToTray = new QCheckBox(tr("Closing the window keeps Outpost running in the tray"));
    m_closeToTray->setObjectName(QStringLiteral("closeToTray"));
    m_closeToTray->setChecked(settings.value(QStringLiteral("closeToTray"), true).toBool());

    m_undoSend = new QComboBox;
    m_undoSend->setObjectName(QStringLiteral("undoSend"));
    m_undoSend->addItem(tr("Off: send at once"), 0);
    for (const int seconds : {5, 10, 30, 60})
        m_undoSend->addItem(tr("%1 seconds").arg(seconds), seconds);
    m_undoSend->setCurrentIndex(qMax(0, m_undoSend->findData(undoSendSeconds(profileDirectory))));
    m_undoSend->setToolTip(tr("Each message waits this long in the outbox; until then, Undo in "
                              "the status bar brings it back to its window."));

    auto *hint = new QLabel(tr("A new language applies the next time Outpost starts."));
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), hint);
    form->addRow(QString(), m_startAtLogin);
    if (m_openMailto)
        form->addRow(QString(), m_openMailto);
    form->addRow(QString(), m_closeToTray);
    form->addRow(tr("&Undo send:"), m_undoSend);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    auto *general = new QWidget;
    auto *generalLayout = new QVBoxLayout(general);
    generalLayout->addLayout(form);
    generalLayout->addStretch(1);
    m_relayPage = new RelayPage(relay, accounts);
    // The steps for other programs are long: they scroll on a small screen.
    auto *relayScroll = new QScrollArea;
    relayScroll->setWidget(m_relayPage);
    relayScroll->setWidgetResizable(true);
    relayScroll->setFrameShape(QFrame::NoFrame);
    m_tabs = new QTabWidget;
    m_tabs->addTab(general, tr("General"));
    m_tabs->addTab(relayScroll, tr("Use Outpost from other programs"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(660, 700);
}

void PreferencesDialog::showRelayPage()
{
    m_tabs->setCurrentIndex(1);
}

int PreferencesDialog::undoSendSeconds(const QString &profileDirectory)
{
    const int seconds = QSettings(settingsFile(profileDirectory), QSettings::IniFormat)
                            .value(QStringLiteral("undoSendSeconds"), 0)
                            .toInt();
    return qBound(0, seconds, 60);
}

QString PreferencesDialog::language(const QString &profileDirectory)
{
    return QSettings(settingsFile(profileDirectory), QSettings::IniFormat)
        .value(QStringLiteral("language"), QStringLiteral("system"))
        .toString();
}

void PreferencesDialog::accept()
{
    QString relayError;
    if (!m_relayPage->apply(&relayError)) {
        showRelayPage();
        QMessageBox::warning(this, tr("Preferences"), relayError);
        return; // nothing is lost: the dialog stays open
    }
    QSettings settings(settingsFile(m_profileDirectory), QSettings::IniFormat);
    settings.setValue(QStringLiteral("language"), m_language->currentData());
    settings.setValue(QStringLiteral("closeToTray"), m_closeToTray->isChecked());
    settings.setValue(QStringLiteral("undoSendSeconds"), m_undoSend->currentData());
    if (m_startAtLogin->isChecked() != Autostart::isEnabled() &&
        !Autostart::setEnabled(m_startAtLogin->isChecked(), QApplication::applicationFilePath())) {
        QMessageBox::warning(this, tr("Preferences"),
                             tr("Outpost could not change whether it starts at login."));
    }
    const QString program = QApplication::applicationFilePath();
    if (m_openMailto && m_openMailto->isChecked() != MailtoHandler::isRegistered(program) &&
        !MailtoHandler::setRegistered(m_openMailto->isChecked(), program)) {
        QMessageBox::warning(this, tr("Preferences"),
                             tr("Outpost could not change whether it opens e-mail links."));
    }
    QDialog::accept();
}

} // namespace Outpost
