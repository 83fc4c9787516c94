#pragma once

#include "MessageListModel.h"

#include <QKeySequence>
#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QMenu;
class QToolBar;
class QWidget;

namespace Outpost {

class ComposeWindow;
class InboxStore;
class Scheduler;

/// What can be done with received mail (and, where it makes sense, sent mail): Open, Reply,
/// Reply all, Forward, Forward as attachment, Mark as read or unread, Delete (to Deleted
/// Items, with Undo), Restore, and Empty Deleted Items. The shortcuts are the ones Outlook
/// users know: Ctrl+R, Ctrl+Shift+R, Ctrl+F, Ctrl+U, Delete and Ctrl+Z (and Ctrl+O).
class InboxActions : public QObject
{
    Q_OBJECT

public:
    /// Questions open over @p window; @p newCompose opens a compose window.
    InboxActions(Scheduler *scheduler, const QString &profileDirectory, QWidget *window,
                 std::function<ComposeWindow *()> newCompose);

    /// Puts the actions on @p bar.
    void addTo(QToolBar *bar) const;
    /// Fills @p menu with the actions that apply to the selected message.
    void fillMenu(QMenu *menu) const;
    /// The folder shown and the message selected in it (@p path empty: none).
    void setSelection(const QString &accountId, MessageListModel::Folder folder,
                      const QString &path, bool unread);
    /// The action called @p objectName (for the message window's toolbar and tests).
    QAction *action(const char *objectName) const;

    /// A reply (to all) to the message in @p path, from @p accountId, in a compose window.
    ComposeWindow *reply(const QString &accountId, const QString &path, bool all);
    /// The message in @p path passed on, inline or attached whole.
    ComposeWindow *forward(const QString &accountId, const QString &path, bool asAttachment);
    /// Marks the received message in @p path read or unread; its new path (empty: it could
    /// not be, and the reason was told).
    QString setRead(const QString &accountId, const QString &path, bool read);

public Q_SLOTS:
    void openMessage();
    void replyToSelected();
    void replyAllToSelected();
    void forwardSelected();
    void forwardSelectedAsAttachment();
    void markRead();
    void markUnread();
    /// Inbox: moves the message to Deleted Items (Undo brings it back). Deleted Items: asks,
    /// then deletes it for good.
    void deleteSelected();
    /// Moves the message in Deleted Items back to the inbox.
    void restoreSelected();
    /// Brings back the message deleted last.
    void undoDelete();
    /// Asks, then deletes everything in the account's Deleted Items for good.
    void emptyDeleted();

Q_SIGNALS:
    /// Something to tell in the status bar.
    void notice(const QString &text);
    /// Open the message in @p path (of @p accountId's @p folder) in a window of its own.
    void openRequested(const QString &accountId, MessageListModel::Folder folder,
                       const QString &path);

private:
    QAction *add(const QString &text, const char *objectName, void (InboxActions::*slot)(),
                 const QKeySequence &shortcut = {});
    InboxStore *inbox(const QString &accountId) const;
    void update();

    Scheduler *m_scheduler;
    QString m_profileDirectory;
    QWidget *m_window;
    std::function<ComposeWindow *()> m_newCompose;
    QString m_accountId;
    MessageListModel::Folder m_folder = MessageListModel::Folder::Inbox;
    QString m_path;
    bool m_unread = false;
    /// The message deleted last, for Undo: its account and where it is in Deleted Items.
    QString m_undoAccount;
    QString m_undoPath;

    QList<QAction *> m_actions;
    QAction *m_open;
    QAction *m_reply;
    QAction *m_replyAll;
    QAction *m_forward;
    QAction *m_forwardAttached;
    QAction *m_markRead;
    QAction *m_markUnread;
    QAction *m_delete;
    QAction *m_restore;
    QAction *m_undo;
    QAction *m_empty;
};

} // namespace Outpost
