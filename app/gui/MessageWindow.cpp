#include "MessageWindow.h"

#include "InboxActions.h"
#include "MessagePreview.h"
#include "message/MessageReader.h"

#include <QAction>
#include <QKeySequence>
#include <QToolBar>

namespace Outpost {

MessageWindow::MessageWindow(InboxActions *actions, const QString &accountId,
                             MessageListModel::Folder folder, const QString &path, QWidget *parent)
    : QMainWindow(parent)
    , m_actions(actions)
    , m_accountId(accountId)
    , m_path(path)
    , m_preview(new MessagePreview)
{
    setObjectName(QStringLiteral("messageWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowFlag(Qt::Window);
    const QString subject = MessageReader::readSummary(path).subject;
    setWindowTitle(subject.isEmpty() ? tr("(no subject)") : subject);

    QToolBar *bar = addToolBar(tr("Message"));
    bar->setObjectName(QStringLiteral("messageToolbar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto add = [&](const QString &text, const char *name, const QKeySequence &key, auto &&what) {
        QAction *a = bar->addAction(text, this, what);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(key);
        return a;
    };
    add(tr("&Reply"), "windowReply", QKeySequence(Qt::CTRL | Qt::Key_R),
        [this] { m_actions->reply(m_accountId, m_path, false); });
    add(tr("Reply &all"), "windowReplyAll", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
        [this] { m_actions->reply(m_accountId, m_path, true); });
    add(tr("&Forward"), "windowForward", QKeySequence(Qt::CTRL | Qt::Key_F),
        [this] { m_actions->forward(m_accountId, m_path, false); });
    add(tr("Forward as a&ttachment"), "windowForwardAttached",
        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F),
        [this] { m_actions->forward(m_accountId, m_path, true); });
    add(tr("&Close"), "windowClose", QKeySequence(Qt::Key_Escape), [this] { close(); });

    // Received mail shown in a window is read.
    if (MessageListModel::isReceived(folder)) {
        const QString read = m_actions->setRead(accountId, path, true);
        if (!read.isEmpty())
            m_path = read;
    }
    m_preview->showMessage(m_path);
    setCentralWidget(m_preview);
    resize(760, 620);
}

QString MessageWindow::text() const
{
    return m_preview->text();
}

} // namespace Outpost
