#pragma once

#include "store/OutboxStore.h"

#include <QObject>

#include <functional>
#include <optional>

class QAction;
class QMenu;
class QToolBar;
class QWidget;

namespace Outpost {

class ComposeWindow;
class Scheduler;

/// What can be done with the selected outbox message: Send now, Change time (send later),
/// Edit, Resend, Mark as sent and Delete, each enabled only where it applies to the message's
/// state.
class OutboxActions : public QObject
{
    Q_OBJECT

public:
    /// Questions open over @p window; @p newCompose opens a compose window for Edit.
    OutboxActions(Scheduler *scheduler, const QString &profileDirectory, QWidget *window,
                  std::function<ComposeWindow *()> newCompose);

    /// Puts the actions on @p bar.
    void addTo(QToolBar *bar) const;
    /// Fills @p menu with the actions that apply to the selected message.
    void fillMenu(QMenu *menu) const;
    /// The message the actions act on (none: inbox or Sent, or nothing selected).
    void setSelection(const QString &accountId, const std::optional<OutboxEntry> &entry);

public Q_SLOTS:
    void sendNow();
    /// Asks when the message is to be sent (send later), or a new time for a planned one.
    void changeTime();
    /// Opens the message in a compose window; sending it replaces the message.
    void editMessage();
    /// Undo send: takes a held message back into a compose window; nothing is sent.
    void undoSend(const QString &accountId, const QString &id);
    void resendMessage();
    void markMessageAsSent();
    /// Asks, then deletes the message.
    void deleteMessage();

Q_SIGNALS:
    /// Something to tell in the status bar.
    void notice(const QString &text);

private:
    QAction *add(const QString &text, const char *objectName, void (OutboxActions::*slot)());
    OutboxStore *outbox() const;

    Scheduler *m_scheduler;
    QString m_profileDirectory;
    QWidget *m_window;
    std::function<ComposeWindow *()> m_newCompose;
    QString m_accountId;
    std::optional<OutboxEntry> m_entry;

    QAction *m_sendNow;
    QAction *m_changeTime;
    QAction *m_edit;
    QAction *m_resend;
    QAction *m_markSent;
    QAction *m_delete;
};

} // namespace Outpost
