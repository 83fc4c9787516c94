#include "TrayIcon.h"

#include <QSettings>

#include "AppIcon.h"
#include "schedule/Scheduler.h"

#include <QIcon>
#include <QMenu>
#include <QPainter>

namespace Outpost {

namespace {

QIcon stateIcon(const QColor &badge)
{
    QPixmap pixmap = appIcon().pixmap(64, 64);
    if (pixmap.isNull()) {
        pixmap = QPixmap(64, 64);
        pixmap.fill(Qt::transparent);
    }
    if (badge.isValid()) {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(Qt::white, 3));
        painter.setBrush(badge);
        painter.drawEllipse(QRectF(36, 36, 26, 26));
    }
    return QIcon(pixmap);
}

} // namespace

TrayIcon::TrayIcon(QWidget *window)
    : QObject(window)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(stateIcon({}), this);
    auto *menu = new QMenu(window);
    menu->addAction(tr("Send/&Receive"), this, &TrayIcon::sendReceiveRequested);
    menu->addAction(tr("&Open Outpost"), this, &TrayIcon::openRequested);
    menu->addSeparator();
    menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(menu);
    m_tray->setToolTip(tr("Outpost"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::messageClicked);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    Q_EMIT toggleRequested();
            });
    m_tray->show();
}

bool TrayIcon::isVisible() const
{
    return m_tray && m_tray->isVisible();
}

void TrayIcon::update(const Scheduler *scheduler)
{
    if (!m_tray)
        return;
    bool error = false;
    for (const Account &a : scheduler->accounts())
        error = error || scheduler->status(a.id).lastError.isError();
    if (scheduler->isBusy()) {
        m_tray->setIcon(stateIcon(QColor(0x1e, 0x88, 0xe5)));
        m_tray->setToolTip(tr("Outpost — working"));
    } else if (error) {
        m_tray->setIcon(stateIcon(QColor(0xd3, 0x2f, 0x2f)));
        m_tray->setToolTip(tr("Outpost — an account needs attention"));
    } else {
        m_tray->setIcon(stateIcon({}));
        m_tray->setToolTip(tr("Outpost"));
    }
}

void TrayIcon::showMessage(const QString &title, const QString &text,
                           QSystemTrayIcon::MessageIcon icon)
{
    if (isVisible())
        m_tray->showMessage(title, text, icon);
}

bool TrayIcon::keepsRunningOnClose(const QString &profileDirectory)
{
    if (!isVisible())
        return false;
    QSettings settings(profileDirectory + QStringLiteral("/gui.ini"), QSettings::IniFormat);
    if (!settings.value(QStringLiteral("closeToTray"), true).toBool())
        return false;
    if (!settings.value(QStringLiteral("trayHintShown"), false).toBool()) {
        settings.setValue(QStringLiteral("trayHintShown"), true);
        showMessage(tr("Outpost keeps running"),
                    tr("Outpost keeps checking and sending in the background. Use Quit in the "
                       "tray menu to stop it."));
    }
    return true;
}

} // namespace Outpost
