#pragma once

#include "MessageListModel.h"
#include "Profile.h"
#include "schedule/Cycle.h"
#include "session/Session.h"
#include "store/Account.h"
#include "store/AccountStore.h"
#include "store/CredentialStore.h"
#include "usecases/OutboxStateText.h"
#include "usecases/StuckMail.h"
#include "usecases/StuckMailText.h"

#include <QDateTime>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QSystemTrayIcon>

#include <memory>
#include <optional>

class QMenu;
class QSortFilterProxyModel;
class QStackedWidget;
class QToolBar;
class QToolButton;
class QTreeView;

namespace Outpost {

class AccountDialog;
class AccountProblemBar;
class PasswordPrompt;
class AccountTreeModel;
class ComposeWindow;
class InboxActions;
class MessageWindow;
class CredentialStore;
class MessagePreview;
class OutboxActions;
class UndoSendBar;
class StuckMailBar;
class ProtocolLogWindow;
class StatusLine;
class TrayIcon;
class Clock;
class SandboxServer;
class SandboxTour;
class Scheduler;

/// The main window: accounts and their folders on the left, the message list and the
/// preview on the right, a status line per account. It shows an application session (the
/// profile, its stores and the scheduler) and composes the parts that do the work: the
/// account tree model, the message preview, the outbox actions, the status line, the tray
/// icon and the password prompt; everything network runs on signals, never blocking.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// Shows @p session, opened by the caller (the program's main()); @p opened is what its
    /// open() said, shown in the window when it is an error.
    MainWindow(std::unique_ptr<Session> session, const SessionError &opened,
               QWidget *parent = nullptr);
    /// Opens a session on the profile in @p profileDirectory with the keychain entries of
    /// @p keychainService; a problem opening it is shown in the window.
    explicit MainWindow(const QString &profileDirectory, QWidget *parent = nullptr,
                        const QString &keychainService = QStringLiteral("Outpost"));
    ~MainWindow() override;

    /// How the desktop program opens its session (write access, named to other programs).
    static Session::Options
    sessionOptions(const QString &keychainService = QStringLiteral("Outpost"));

    QTreeView *accountTree() const { return m_accounts; }
    AccountTreeModel *accountModel() const { return m_accountModel; }
    QTreeView *messageView() const { return m_list; }
    MessageListModel *messageModel() const { return m_model; }
    QSortFilterProxyModel *sortModel() const { return m_proxy; }
    Scheduler *scheduler() const { return m_scheduler; }
    CredentialStore *credentials() const { return m_credentials; }
    AccountStore *accountStore() { return m_store; }
    ProtocolLogWindow *protocolLog() const { return m_log; }
    const Profile &profile() const { return m_session->profile(); }
    Session *session() const { return m_session.get(); }
    /// The welcome page is shown (no account yet).
    bool showsWelcome() const;
    /// The status line of one account, in plain words.
    QString statusText(const QString &accountId) const;
    /// The text in the preview pane.
    QString previewText() const;
    /// The last message shown in the status bar (errors and notices).
    QString lastNotice() const { return m_lastNotice; }
    /// The titles of the notifications shown so far, oldest first (for tests).
    QStringList notified() const { return m_notified; }
    /// The sandbox of "Try the sandbox", when running.
    SandboxServer *sandbox() const;
    /// The stuck-mail banner's text (empty while it is hidden).
    QString stuckMailText() const;
    StuckMailBar *stuckMailBar() const { return m_stuckBar; }
    /// The banner of an account that stopped working.
    AccountProblemBar *accountProblemBar() const { return m_problemBar; }
    /// What quitting now would leave unsent with nothing to send it (empty: nothing).
    QString unsentAtQuit() const;

    /// Shows @p folder of @p accountId.
    void selectFolder(const QString &accountId, MessageListModel::Folder folder);
    /// Selects the message in row @p row of the (sorted) list.
    void selectRow(int row);
    /// What can be done with received mail (reply, forward, delete, read state).
    InboxActions *inboxActions() const;

public Q_SLOTS:
    void showAbout();
    /// Opens a new compose window (and returns it).
    ComposeWindow *newMessage();
    /// Opens the message in @p path of @p accountId's @p folder in a window of its own (read).
    MessageWindow *openMessage(const QString &accountId, MessageListModel::Folder folder,
                               const QString &path);
    /// Opens a compose window for a mailto: link.
    void openMailto(const QUrl &url);
    /// Send/Receive for every account.
    void sendReceiveAll();
    /// Send/Receive for one account.
    void sendReceive(const QString &accountId);
    /// Opens the settings of the selected account (or a new one).
    AccountDialog *editAccount(const QString &accountId = {});
    /// Opens the dialog for a new account.
    AccountDialog *addAccount();
    /// Asks, then removes the selected account.
    void removeAccount();
    void showProtocolLog();
    void showPreferences();
    /// Starts the in-process sandbox with a demo account and shows the first send refused,
    /// then Outpost's receive-then-send cycle delivering it. False when it could not start.
    bool startSandbox();
    /// Brings the window to the front (a second start of Outpost).
    void bringToFront();
    /// Handles what a second start of Outpost passed on (mailto: links).
    void handleArguments(const QStringList &arguments);
    /// Quits Outpost (not just to the tray).
    void quit();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void init(const SessionError &opened);
    /// The menus and the main toolbar (MainWindowMenus.cpp; the accounts and the sandbox
    /// demo are in MainWindowAccounts.cpp).
    void createActions();
    QWidget *createMailPage();
    /// The actions on received mail, their toolbar (returned), the list's context menu and
    /// double-click (MainWindowMail.cpp).
    QToolBar *createInboxActions();
    /// Tells the actions which message is selected, and marks it read after a moment.
    void updateInboxSelection();
    void reloadAccounts();
    void applyAccounts();
    void updateCounts();
    void updateStatus();
    void updateTray();
    void showSelectedMessage();
    void folderSelected();
    void notify(const QString &title, const QString &text,
                QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information);
    void showNotice(const QString &text);
    void showRecoveryReport();
    /// Serves the local relay while the window runs; its sessions go to the protocol log.
    void serveRelay();
    void onCycleFinished(const QString &accountId, const CycleResult &result);
    /// The stuck-mail alert (MainWindowStuckMail.cpp).
    struct AccountAlert
    {
        QList<StuckMessage> stuck;
        StuckMailFacts facts;
        StuckMailAlert alert; ///< empty for no alert (or no such account)
        StuckMailText::Reason reason = StuckMailText::Reason::Other;
        QString key; ///< its messages and their states, for Dismiss
    };
    AccountAlert accountAlert(const QString &accountId) const;
    void watchStuckMail();
    void updateStuckMail(const QString &accountId, bool startup);
    void showStuckBar();
    void markStuckAccounts();
    void showStuckMessage(const QString &accountId, const QString &id);
    void retryStuckMessage(const QString &accountId, const QString &id);
    /// The banner and the notification of an account that stopped working
    /// (MainWindowProblems.cpp).
    void watchAccountProblems();
    void updateAccountProblem(const QString &accountId);
    void showAccountProblem();
    void enterPassword(const QString &accountId, bool outgoing);
    /// What the outbox of @p accountId tells about its account (the reason a message waits).
    OutboxStateContext situation(const QString &accountId) const;
    /// Asks before quitting with mail nothing will send; false: not now (the box decides).
    bool confirmQuit();
    void quitIfSent();
    void demoLog(const QString &text);
    QString currentAccountId() const;
    /// The selected message's row in the model (invalid: none selected).
    QModelIndex selectedSourceIndex() const;
    std::optional<OutboxEntry> selectedEntry() const;
    QString selectedPath() const;
    QList<Account> allAccounts() const;

    std::unique_ptr<Session> m_session;
    // The session's parts (set in init()).
    AccountStore *m_store = nullptr;
    CredentialStore *m_credentials = nullptr;
    Clock *m_clock = nullptr;
    Scheduler *m_scheduler = nullptr;
    std::unique_ptr<SandboxTour> m_tour; ///< "Try the sandbox", while it runs
    std::optional<Account> m_demoAccount;

    QTreeView *m_accounts = nullptr;
    AccountTreeModel *m_accountModel = nullptr;
    QStackedWidget *m_stack = nullptr;
    MessageListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_list = nullptr;
    QToolBar *m_outboxBar = nullptr;
    OutboxActions *m_outboxActions = nullptr;
    QToolBar *m_inboxBar = nullptr;
    InboxActions *m_inboxActions = nullptr;
    QTimer *m_markReadTimer = nullptr;
    QString m_markReadPath; ///< the unread message shown, read when the timer fires
    UndoSendBar *m_undoBar = nullptr;
    StuckMailBar *m_stuckBar = nullptr;
    StuckMailNews m_stuckNews;
    AccountProblemBar *m_problemBar = nullptr;
    QHash<QString, QString> m_problemsTold; ///< account -> the failure notified (its key)
    PasswordPrompt *m_prompt = nullptr;
    QTimer *m_stuckTimer = nullptr;
    QSet<QString> m_stuckDirty;   ///< accounts whose alert changed, for m_stuckTimer
    bool m_quitConfirmed = false; ///< the user chose to quit with mail waiting
    bool m_quitWhenSent = false;  ///< "Send now, then quit"

    MessagePreview *m_preview = nullptr;
    StatusLine *m_status = nullptr;
    QString m_lastNotice;
    QStringList m_notified;
    ProtocolLogWindow *m_log = nullptr;
    QMenu *m_sendReceiveMenu = nullptr;
    QMenu *m_draftsMenu = nullptr;
    TrayIcon *m_tray = nullptr;
    QHash<QString, QPair<qint64, qint64>> m_bytes;
    bool m_quitting = false;
    QTimer *m_countsTimer = nullptr;
};

} // namespace Outpost
