#include "InboxActions.h"

#include "ComposeWindow.h"
#include "message/MessageReader.h"
#include "schedule/Scheduler.h"
#include "store/InboxStore.h"
#include "usecases/ReplyForward.h"

#include <QAbstractButton>
#include <QAction>
#include <QDir>
#include <QMenu>
#include <QMessageBox>
#include <QToolBar>
#include <QWidget>

namespace Outpost {

namespace {

using Folder = MessageListModel::Folder;

/// Where the copies of messages forwarded as attachments wait until the message is queued.
QString forwardFolder(const QString &profileDirectory)
{
    return profileDirectory + QStringLiteral("/forwarded");
}

} // namespace

InboxActions::InboxActions(Scheduler *scheduler, const QString &profileDirectory, QWidget *window,
                           std::function<ComposeWindow *()> newCompose)
    : QObject(window)
    , m_scheduler(scheduler)
    , m_profileDirectory(profileDirectory)
    , m_window(window)
    , m_newCompose(std::move(newCompose))
{
    m_open = add(tr("&Open"), "actionOpenMessage", &InboxActions::openMessage,
                 QKeySequence(Qt::CTRL | Qt::Key_O));
    m_open->setToolTip(tr("Opens the message in a window of its own (Ctrl+O, or double-click)"));
    m_reply = add(tr("&Reply"), "actionReply", &InboxActions::replyToSelected,
                  QKeySequence(Qt::CTRL | Qt::Key_R));
    m_replyAll = add(tr("Reply &all"), "actionReplyAll", &InboxActions::replyAllToSelected,
                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_forward = add(tr("&Forward"), "actionForward", &InboxActions::forwardSelected,
                    QKeySequence(Qt::CTRL | Qt::Key_F));
    m_forwardAttached = add(tr("Forward as a&ttachment"), "actionForwardAttached",
                            &InboxActions::forwardSelectedAsAttachment,
                            QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F));
    // (Outlook's Ctrl+Q would be Quit here.)
    m_markRead = add(tr("Mark as r&ead"), "actionMarkRead", &InboxActions::markRead);
    m_markUnread = add(tr("Mark as &unread"), "actionMarkUnread", &InboxActions::markUnread,
                       QKeySequence(Qt::CTRL | Qt::Key_U));
    m_delete = add(tr("&Delete"), "actionDeleteReceived", &InboxActions::deleteSelected,
                   QKeySequence::Delete);
    m_restore = add(tr("Move to &Inbox"), "actionRestore", &InboxActions::restoreSelected);
    m_undo =
        add(tr("&Undo delete"), "actionUndoDelete", &InboxActions::undoDelete, QKeySequence::Undo);
    m_empty = add(tr("&Empty Deleted Items…"), "actionEmptyDeleted", &InboxActions::emptyDeleted);
    update();
}

QAction *InboxActions::add(const QString &text, const char *objectName,
                           void (InboxActions::*slot)(), const QKeySequence &shortcut)
{
    auto *action = new QAction(text, this);
    action->setObjectName(QLatin1String(objectName));
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        // The window's shortcut while its list shows received mail; the toolbar holding the
        // action is hidden otherwise, and a disabled action takes no key.
        action->setShortcutContext(Qt::WindowShortcut);
    }
    connect(action, &QAction::triggered, this, slot);
    m_actions.append(action);
    return action;
}

QAction *InboxActions::action(const char *objectName) const
{
    for (QAction *a : m_actions)
        if (a->objectName() == QLatin1String(objectName))
            return a;
    return nullptr;
}

void InboxActions::addTo(QToolBar *bar) const
{
    bar->addAction(m_reply);
    bar->addAction(m_replyAll);
    bar->addAction(m_forward);
    bar->addSeparator();
    bar->addAction(m_delete);
    bar->addAction(m_restore);
    bar->addAction(m_undo);
    bar->addAction(m_empty);
    // In the window too: their shortcuts work wherever the focus is in it (the bar is hidden
    // for the outbox, where the actions are disabled and take no key).
    for (QAction *a : m_actions)
        m_window->addAction(a);
}

void InboxActions::fillMenu(QMenu *menu) const
{
    if (m_path.isEmpty())
        return;
    menu->addAction(m_open);
    menu->addSeparator();
    for (QAction *a : {m_reply, m_replyAll, m_forward, m_forwardAttached})
        if (a->isEnabled())
            menu->addAction(a);
    if (MessageListModel::isReceived(m_folder)) {
        menu->addSeparator();
        menu->addAction(m_unread ? m_markRead : m_markUnread);
        menu->addSeparator();
        if (m_folder == Folder::Deleted)
            menu->addAction(m_restore);
        menu->addAction(m_delete);
    }
}

void InboxActions::setSelection(const QString &accountId, MessageListModel::Folder folder,
                                const QString &path, bool unread)
{
    m_accountId = accountId;
    m_folder = folder;
    m_path = path;
    m_unread = unread;
    update();
}

void InboxActions::update()
{
    const bool received = MessageListModel::isReceived(m_folder);
    const bool message = !m_path.isEmpty() && (received || m_folder == Folder::Sent);
    m_open->setEnabled(message);
    for (QAction *a : {m_reply, m_replyAll, m_forward, m_forwardAttached})
        a->setEnabled(message);
    m_markRead->setEnabled(received && !m_path.isEmpty() && m_unread);
    m_markUnread->setEnabled(received && !m_path.isEmpty() && !m_unread);
    m_delete->setEnabled(received && !m_path.isEmpty());
    m_delete->setText(m_folder == Folder::Deleted ? tr("&Delete for good…") : tr("&Delete"));
    m_restore->setEnabled(m_folder == Folder::Deleted && !m_path.isEmpty());
    m_restore->setVisible(m_folder == Folder::Deleted);
    m_undo->setEnabled(!m_undoPath.isEmpty() && received);
    m_undo->setVisible(m_folder == Folder::Inbox);
    InboxStore *store = inbox(m_accountId);
    m_empty->setVisible(m_folder == Folder::Deleted);
    m_empty->setEnabled(m_folder == Folder::Deleted && store &&
                        !store->deletedMessages().isEmpty());
}

InboxStore *InboxActions::inbox(const QString &accountId) const
{
    return accountId.isEmpty() ? nullptr : m_scheduler->inbox(accountId);
}

void InboxActions::openMessage()
{
    if (m_open->isEnabled())
        Q_EMIT openRequested(m_accountId, m_folder, m_path);
}

ComposeWindow *InboxActions::reply(const QString &accountId, const QString &path, bool all)
{
    const Account *account = m_scheduler->account(accountId);
    InboxStore *store = inbox(accountId);
    const QString file = store ? store->currentPath(path) : path;
    MessageError error;
    const std::optional<ParsedMessage> original =
        account ? MessageReader::parseFile(file.isEmpty() ? path : file, &error) : std::nullopt;
    if (!original) {
        Q_EMIT notice(
            tr("The message cannot be answered: it cannot be read. %1").arg(error.message));
        return nullptr;
    }
    ComposeWindow *compose = m_newCompose();
    compose->setContent(ReplyForward::reply(*original, *account, all));
    compose->focusBody();
    compose->raise();
    compose->activateWindow(); // the keyboard goes on in the reply
    return compose;
}

ComposeWindow *InboxActions::forward(const QString &accountId, const QString &path,
                                     bool asAttachment)
{
    const Account *account = m_scheduler->account(accountId);
    InboxStore *store = inbox(accountId);
    QString file = store ? store->currentPath(path) : path;
    if (file.isEmpty())
        file = path;
    MessageError error;
    const std::optional<ParsedMessage> original =
        account ? MessageReader::parseFile(file, &error) : std::nullopt;
    if (!original) {
        Q_EMIT notice(
            tr("The message cannot be forwarded: it cannot be read. %1").arg(error.message));
        return nullptr;
    }
    ComposeContent content;
    if (asAttachment) {
        StoreError copyError;
        const std::optional<ComposeContent> attached = ReplyForward::forwardAsAttachment(
            file, *original, *account, forwardFolder(m_profileDirectory), &copyError);
        if (!attached) {
            Q_EMIT notice(copyError.message);
            return nullptr;
        }
        content = *attached;
    } else {
        content = ReplyForward::forward(*original, *account);
    }
    ComposeWindow *compose = m_newCompose();
    compose->setContent(content);
    compose->focusRecipients();
    compose->raise();
    compose->activateWindow();
    return compose;
}

QString InboxActions::setRead(const QString &accountId, const QString &path, bool read)
{
    InboxStore *store = inbox(accountId);
    if (!store)
        return QString();
    StoreError error;
    const QString current = store->currentPath(path);
    const std::optional<QString> moved =
        store->setRead(current.isEmpty() ? path : current, read, &error);
    if (!moved) {
        Q_EMIT notice(error.message);
        return QString();
    }
    if (path == m_path) {
        m_path = *moved;
        m_unread = !read;
        update();
    }
    return *moved;
}

void InboxActions::replyToSelected()
{
    if (m_open->isEnabled())
        reply(m_accountId, m_path, false);
}

void InboxActions::replyAllToSelected()
{
    if (m_open->isEnabled())
        reply(m_accountId, m_path, true);
}

void InboxActions::forwardSelected()
{
    if (m_open->isEnabled())
        forward(m_accountId, m_path, false);
}

void InboxActions::forwardSelectedAsAttachment()
{
    if (m_open->isEnabled())
        forward(m_accountId, m_path, true);
}

void InboxActions::markRead()
{
    if (m_markRead->isEnabled())
        setRead(m_accountId, m_path, true);
}

void InboxActions::markUnread()
{
    if (m_markUnread->isEnabled())
        setRead(m_accountId, m_path, false);
}

void InboxActions::deleteSelected()
{
    InboxStore *store = inbox(m_accountId);
    if (!store || !m_delete->isEnabled())
        return;
    const QString path = m_path;
    if (m_folder == Folder::Deleted) {
        auto *box = new QMessageBox(
            QMessageBox::Question, tr("Delete for good"),
            tr("Delete this message for good? It cannot be brought back. The copy on the server "
               "is not touched."),
            QMessageBox::Cancel, m_window);
        box->setObjectName(QStringLiteral("deleteForGood"));
        box->addButton(tr("Delete for good"), QMessageBox::DestructiveRole);
        box->setAttribute(Qt::WA_DeleteOnClose);
        const QString accountId = m_accountId;
        connect(box, &QMessageBox::buttonClicked, this, [this, box, accountId, path] {
            if (box->buttonRole(box->clickedButton()) != QMessageBox::DestructiveRole)
                return;
            InboxStore *s = inbox(accountId);
            StoreError error;
            if (s && !s->removeDeleted(s->currentPath(path), &error))
                Q_EMIT notice(error.message);
            else
                Q_EMIT notice(tr("The message was deleted for good."));
        });
        box->open();
        return;
    }
    StoreError error;
    const std::optional<QString> moved = store->moveToDeleted(store->currentPath(path), &error);
    if (!moved) {
        Q_EMIT notice(error.message);
        return;
    }
    m_undoAccount = m_accountId;
    m_undoPath = *moved;
    update();
    Q_EMIT notice(tr("Moved to Deleted Items. Press Ctrl+Z to bring it back."));
}

void InboxActions::restoreSelected()
{
    InboxStore *store = inbox(m_accountId);
    if (!store || !m_restore->isEnabled())
        return;
    StoreError error;
    if (!store->restore(store->currentPath(m_path), &error))
        Q_EMIT notice(error.message);
    else
        Q_EMIT notice(tr("The message is back in the Inbox."));
}

void InboxActions::undoDelete()
{
    InboxStore *store = inbox(m_undoAccount);
    if (!store || m_undoPath.isEmpty())
        return;
    const QString path = store->currentPath(m_undoPath);
    m_undoPath.clear();
    update();
    StoreError error;
    if (path.isEmpty() || !store->restore(path, &error)) {
        Q_EMIT notice(path.isEmpty() ? tr("The message is no longer in Deleted Items.")
                                     : error.message);
        return;
    }
    Q_EMIT notice(tr("The message is back in the Inbox."));
}

void InboxActions::emptyDeleted()
{
    InboxStore *store = inbox(m_accountId);
    if (!store)
        return;
    const int n = int(store->deletedMessages().size());
    if (n == 0)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Empty Deleted Items"),
                                tr("Delete the %n message(s) in Deleted Items for good? They "
                                   "cannot be brought back. The copies on the server are not "
                                   "touched.",
                                   nullptr, n),
                                QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("emptyDeleted"));
    box->addButton(tr("Empty Deleted Items"), QMessageBox::DestructiveRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QString accountId = m_accountId;
    connect(box, &QMessageBox::buttonClicked, this, [this, box, accountId, n] {
        if (box->buttonRole(box->clickedButton()) != QMessageBox::DestructiveRole)
            return;
        InboxStore *s = inbox(accountId);
        StoreError error;
        if (!s)
            return;
        if (!s->emptyDeleted(&error)) {
            Q_EMIT notice(error.message);
            return;
        }
        if (accountId == m_undoAccount)
            m_undoPath.clear();
        update();
        Q_EMIT notice(tr("%n message(s) deleted for good.", nullptr, n));
    });
    box->open();
}

} // namespace Outpost
