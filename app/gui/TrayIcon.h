#pragma once

#include <QObject>
#include <QSystemTrayIcon>

class QWidget;

namespace Outpost {

class Scheduler;

/// The icon in the system tray (when there is one): a badge for "working" and "needs
/// attention", a menu (Send/Receive, Open, Quit) and notifications.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    /// The menu belongs to @p window.
    explicit TrayIcon(QWidget *window);

    /// Whether the tray shows the icon (false where there is no tray).
    bool isVisible() const;
    /// Shows what the accounts of @p scheduler are doing.
    void update(const Scheduler *scheduler);
    void showMessage(const QString &title, const QString &text,
                     QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information);
    /// Whether closing the window keeps Outpost running here (the user's choice in the
    /// profile's gui.ini, and a tray to come back from); says so once, the first time.
    bool keepsRunningOnClose(const QString &profileDirectory);

Q_SIGNALS:
    void sendReceiveRequested();
    void openRequested();
    void quitRequested();
    /// A click on the icon: show or hide the window.
    void toggleRequested();
    /// A notification was clicked.
    void messageClicked();

private:
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace Outpost
