// The main window's actions on messages: the inbox's toolbar and shortcuts, the context menu
// of the message list, opening a message in its own window, and marking shown mail read.
#include "MainWindow.h"

#include "ComposeWindow.h"
#include "InboxActions.h"
#include "MessageWindow.h"
#include "OutboxActions.h"
#include "schedule/Scheduler.h"

#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

namespace Outpost {

namespace {

/// How long a received message is shown before it counts as read (Outlook's reading pane
/// waits a moment too, so that moving through the list with the arrow keys marks nothing).
constexpr int markReadAfterMs = 1500;

} // namespace

QToolBar *MainWindow::createInboxActions()
{
    m_inboxActions = new InboxActions(m_scheduler, m_session->profile().directory(), this,
                                      [this] { return newMessage(); });
    connect(m_inboxActions, &InboxActions::notice, this, &MainWindow::showNotice);
    connect(m_inboxActions, &InboxActions::openRequested, this, &MainWindow::openMessage);

    m_inboxBar = new QToolBar;
    m_inboxBar->setObjectName(QStringLiteral("inboxBar"));
    m_inboxBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_inboxActions->addTo(m_inboxBar);

    m_markReadTimer = new QTimer(this);
    m_markReadTimer->setObjectName(QStringLiteral("markReadTimer"));
    m_markReadTimer->setSingleShot(true);
    m_markReadTimer->setInterval(markReadAfterMs);
    connect(m_markReadTimer, &QTimer::timeout, this, [this] {
        const QModelIndex index = selectedSourceIndex();
        if (!index.isValid() || !index.data(MessageListModel::UnreadRole).toBool() ||
            index.data(MessageListModel::PathRole).toString() != m_markReadPath)
            return; // another message is shown now
        m_inboxActions->setRead(currentAccountId(), m_markReadPath, true);
    });

    // Double-click or Enter: received and sent mail opens in a window of its own; a failed or
    // waiting message opens for correcting.
    connect(m_list, &QTreeView::activated, this, [this] {
        if (auto e = selectedEntry();
            e && (e->state == OutboxState::Failed || e->state == OutboxState::Queued ||
                  e->state == OutboxState::Deferred))
            m_outboxActions->editMessage();
        else
            m_inboxActions->openMessage();
    });
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QModelIndex index = m_list->indexAt(at);
        if (!index.isValid())
            return;
        m_list->setCurrentIndex(index); // the menu acts on the row clicked
        auto *menu = new QMenu(this);
        menu->setObjectName(QStringLiteral("messageMenu"));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        if (MessageListModel::isReceived(m_model->folder()) ||
            m_model->folder() == MessageListModel::Folder::Sent)
            m_inboxActions->fillMenu(menu);
        else
            m_outboxActions->fillMenu(menu);
        if (menu->isEmpty()) {
            delete menu;
            return;
        }
        menu->popup(m_list->viewport()->mapToGlobal(at));
    });
    return m_inboxBar;
}

void MainWindow::updateInboxSelection()
{
    const QModelIndex index = selectedSourceIndex();
    const QString path = index.isValid() ? m_model->path(index.row()) : QString();
    const bool unread = index.isValid() && index.data(MessageListModel::UnreadRole).toBool();
    m_inboxActions->setSelection(currentAccountId(), m_model->folder(), path, unread);
    const bool markLater = unread && MessageListModel::isReceived(m_model->folder());
    if (markLater && path == m_markReadPath && m_markReadTimer->isActive())
        return; // the same message shown again (a refresh): its moment goes on
    m_markReadTimer->stop();
    m_markReadPath.clear();
    if (markLater) {
        m_markReadPath = path;
        m_markReadTimer->start();
    }
}

MessageWindow *MainWindow::openMessage(const QString &accountId, MessageListModel::Folder folder,
                                       const QString &path)
{
    auto *window = new MessageWindow(m_inboxActions, accountId, folder, path, this);
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

InboxActions *MainWindow::inboxActions() const
{
    return m_inboxActions;
}

} // namespace Outpost
