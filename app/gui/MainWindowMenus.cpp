// The main window's menus and toolbar: what each action does is MainWindow's or its parts'.
#include "MainWindow.h"

#include "PreferencesDialog.h"
#include "ProtocolLogWindow.h"

#include "ComposeWindow.h"
#include "InboxActions.h"
#include "usecases/DraftStore.h"

#include <QAction>
#include <QIcon>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QToolButton>

namespace Outpost {

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *newMessage = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("mail-message-new")),
                                           tr("&New message"), this, &MainWindow::newMessage);
    newMessage->setObjectName(QStringLiteral("actionNewMessage"));
    newMessage->setShortcut(QKeySequence::New);
    m_draftsMenu = fileMenu->addMenu(tr("Open &draft"));
    connect(m_draftsMenu, &QMenu::aboutToShow, this, [this] {
        m_draftsMenu->clear();
        const QList<DraftStore::Entry> drafts = DraftStore(m_session->profile().directory()).list();
        if (drafts.isEmpty())
            m_draftsMenu->addAction(tr("No drafts"))->setEnabled(false);
        for (const DraftStore::Entry &draft : drafts) {
            const QString title = draft.error.isError()     ? tr("(damaged draft)")
                                  : draft.subject.isEmpty() ? tr("(no subject)")
                                                            : draft.subject;
            const QString path = draft.path;
            m_draftsMenu->addAction(title, this, [this, path] {
                StoreError error;
                if (!DraftStore(m_session->profile().directory()).load(path, &error)) {
                    showNotice(error.message); // the file is left as it is
                    return;
                }
                this->newMessage()->loadDraft(path);
            });
        }
    });
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"), this, &MainWindow::quit);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *mailMenu = menuBar()->addMenu(tr("&Mail"));
    auto *sendReceive = mailMenu->addAction(QIcon::fromTheme(QStringLiteral("mail-send-receive")),
                                            tr("Send/&Receive"), this, &MainWindow::sendReceiveAll);
    sendReceive->setObjectName(QStringLiteral("actionSendReceive"));
    sendReceive->setShortcut(QKeySequence(Qt::Key_F5));
    sendReceive->setToolTip(tr("Receives, then sends, for every account (F5)"));
    m_sendReceiveMenu = mailMenu->addMenu(tr("Send/Receive &one account"));
    mailMenu->addSeparator();
    // The selected message's actions, with their shortcuts shown (InboxActions).
    for (const char *name :
         {"actionOpenMessage", "actionReply", "actionReplyAll", "actionForward",
          "actionForwardAttached", "", "actionMarkRead", "actionMarkUnread", "actionDeleteReceived",
          "actionUndoDelete", "actionEmptyDeleted", ""}) {
        if (!*name)
            mailMenu->addSeparator();
        else
            mailMenu->addAction(m_inboxActions->action(name));
    }
    auto *log = mailMenu->addAction(tr("&Protocol log"), this, &MainWindow::showProtocolLog);
    log->setObjectName(QStringLiteral("actionProtocolLog"));
    log->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));

    QMenu *accountMenu = menuBar()->addMenu(tr("&Accounts"));
    auto *add = accountMenu->addAction(tr("&Add an account…"), this, &MainWindow::addAccount);
    add->setObjectName(QStringLiteral("actionAddAccount"));
    auto *settings =
        accountMenu->addAction(QIcon::fromTheme(QStringLiteral("configure")),
                               tr("Account &settings…"), this, [this] { editAccount(); });
    settings->setObjectName(QStringLiteral("actionAccountSettings"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    auto *remove = accountMenu->addAction(tr("&Remove account…"), this, &MainWindow::removeAccount);
    remove->setObjectName(QStringLiteral("actionRemoveAccount"));
    accountMenu->addSeparator();
    auto *sandbox = accountMenu->addAction(tr("Try the &sandbox"), this, &MainWindow::startSandbox);
    sandbox->setObjectName(QStringLiteral("actionSandbox"));
    auto *preferences =
        accountMenu->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setObjectName(QStringLiteral("actionPreferences"));
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    auto *about = helpMenu->addAction(tr("&About Outpost"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);

    QToolBar *toolbar = addToolBar(tr("Main toolbar"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setMovable(false);
    toolbar->addAction(newMessage);
    auto *sendReceiveButton = new QToolButton;
    sendReceiveButton->setObjectName(QStringLiteral("sendReceiveButton"));
    sendReceiveButton->setDefaultAction(sendReceive);
    sendReceiveButton->setMenu(m_sendReceiveMenu);
    sendReceiveButton->setPopupMode(QToolButton::MenuButtonPopup);
    sendReceiveButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addWidget(sendReceiveButton);
    toolbar->addAction(settings);
    toolbar->addAction(log);
}

void MainWindow::showProtocolLog()
{
    const QString id = currentAccountId();
    if (!id.isEmpty())
        m_log->selectAccount(id);
    m_log->show();
    m_log->raise();
    m_log->activateWindow();
}

void MainWindow::showPreferences()
{
    auto *dialog = new PreferencesDialog(m_session->profile().directory(), m_session->relay(),
                                         m_session->accounts(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace Outpost
