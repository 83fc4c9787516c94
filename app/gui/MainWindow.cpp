#include "MainWindow.h"

#include "AboutDialog.h"
#include "AccountDialog.h"
#include "AccountProblemBar.h"
#include "AccountTreeModel.h"
#include "ComposeWindow.h"
#include "MessagePreview.h"
#include "OutboxActions.h"
#include "PasswordPrompt.h"
#include "ProtocolLogWindow.h"
#include "RelayNotices.h"
#include "StatusLine.h"
#include "StuckMailBar.h"
#include "TrayIcon.h"
#include "UndoSendBar.h"
#include "WelcomePage.h"
#include "message/MessageReader.h"
#include "relay/RelayService.h"
#include "sandbox/SandboxServer.h"
#include "schedule/Clock.h"
#include "schedule/Scheduler.h"
#include "store/CredentialStore.h"
#include "store/InboxStore.h"
#include "store/OutboxStore.h"
#include "usecases/CycleReport.h"
#include "usecases/DraftStore.h"
#include "usecases/OutboxStateText.h"
#include "usecases/SandboxTour.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Outpost {

namespace {

const QString demoId = SandboxTour::accountId();
/// The protocol log's entry for the local relay's sessions (no account has this id: ids are
/// made of letters, digits and '-').
const QString relayLogId = QStringLiteral("(relay)");

} // namespace

Session::Options MainWindow::sessionOptions(const QString &keychainService)
{
    Session::Options options;
    options.keychainService = keychainService;
    options.programName = tr("the Outpost window");
    return options;
}

MainWindow::MainWindow(const QString &profileDirectory, QWidget *parent,
                       const QString &keychainService)
    : QMainWindow(parent)
    , m_session(std::make_unique<Session>(profileDirectory, sessionOptions(keychainService)))
{
    init(m_session->open());
}

MainWindow::MainWindow(std::unique_ptr<Session> session, const SessionError &opened,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_session(std::move(session))
{
    init(opened);
}

void MainWindow::init(const SessionError &opened)
{
    setWindowTitle(tr("Outpost"));
    setObjectName(QStringLiteral("mainWindow"));

    m_store = m_session->accounts();
    m_credentials = m_session->credentials();
    m_clock = m_session->clock();
    m_scheduler = m_session->scheduler();
    m_log = new ProtocolLogWindow(this);

    m_accountModel = new AccountTreeModel(this);
    m_accounts = new QTreeView;
    m_accounts->setObjectName(QStringLiteral("accountTree"));
    m_accounts->setModel(m_accountModel);
    m_accounts->setRootIsDecorated(true);
    m_accounts->setUniformRowHeights(true);
    connect(m_accounts->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::folderSelected);
    // A new account shows its folders.
    connect(m_accountModel, &QAbstractItemModel::rowsInserted, m_accounts,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid())
                    return;
                for (int row = first; row <= last; ++row)
                    m_accounts->expand(m_accountModel->index(row, 0));
            });

    auto *welcome = new WelcomePage;
    connect(welcome, &WelcomePage::addAccountRequested, this, &MainWindow::addAccount);
    connect(welcome, &WelcomePage::sandboxRequested, this, &MainWindow::startSandbox);
    m_stack = new QStackedWidget;
    m_stack->addWidget(welcome);
    m_stack->addWidget(createMailPage());

    auto *splitter = new QSplitter;
    splitter->addWidget(m_accounts);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({220, 700});
    setCentralWidget(splitter);

    m_status = new StatusLine(
        m_scheduler, m_clock, [this] { return currentAccountId(); }, this);
    // A normal widget: a notice (showNotice) takes its place for a while, then it is back.
    statusBar()->addWidget(m_status->label(), 1);
    m_undoBar = new UndoSendBar(this);
    statusBar()->addPermanentWidget(m_undoBar);
    connect(m_undoBar, &UndoSendBar::undoRequested, m_outboxActions, &OutboxActions::undoSend);

    createActions();
    m_tray = new TrayIcon(this);
    connect(m_tray, &TrayIcon::sendReceiveRequested, this, &MainWindow::sendReceiveAll);
    connect(m_tray, &TrayIcon::openRequested, this, &MainWindow::bringToFront);
    connect(m_tray, &TrayIcon::quitRequested, this, &MainWindow::quit);
    connect(m_tray, &TrayIcon::messageClicked, m_undoBar, &UndoSendBar::undo);
    connect(m_tray, &TrayIcon::toggleRequested, this,
            [this] { isVisible() && !isMinimized() ? hide() : bringToFront(); });

    connect(m_scheduler, &Scheduler::cycleStarted, this, [this] {
        updateStatus();
        updateTray();
    });
    connect(m_scheduler, &Scheduler::phaseChanged, this, [this](const QString &id) {
        if (id == currentAccountId())
            m_model->setWaitingForLogin(false);
        updateStatus();
        updateTray();
    });
    connect(m_scheduler, &Scheduler::sendProgress, this,
            [this](const QString &id, int, int, qint64 bytes, qint64 size) {
                m_bytes.insert(id, {bytes, size});
                if (id == currentAccountId())
                    m_model->setSendProgress(bytes, size);
                updateStatus();
            });
    connect(m_scheduler, &Scheduler::cycleFinished, this, &MainWindow::onCycleFinished);
    connect(m_scheduler, &Scheduler::transcript, m_log, &ProtocolLogWindow::appendLine);
    connect(m_scheduler, &Scheduler::note, this, [this](const QString &id, const QString &text) {
        m_log->appendLine(id, QStringLiteral("— ") + text);
    });
    connect(m_scheduler, &Scheduler::statusChanged, this, [this] {
        updateStatus();
        updateTray();
    });
    m_prompt = new PasswordPrompt(m_scheduler, m_credentials, this);
    connect(m_prompt, &PasswordPrompt::notice, this, &MainWindow::showNotice);
    connect(m_scheduler, &Scheduler::passwordProblem, m_prompt, &PasswordPrompt::ask);

    m_countsTimer = new QTimer(this);
    m_countsTimer->setSingleShot(true);
    m_countsTimer->setInterval(150);
    connect(m_countsTimer, &QTimer::timeout, this, &MainWindow::updateCounts);

    resize(1040, 660);

    if (opened.isError())
        showNotice(opened.message);
    applyAccounts();
    watchStuckMail();
    watchAccountProblems();
    m_scheduler->start();
    serveRelay();
    showRecoveryReport();
}

void MainWindow::serveRelay()
{
    RelayService *relay = m_session->relay();
    connect(relay, &RelayService::transcript, this,
            [this](const QString &line) { m_log->appendLine(relayLogId, line); });
    auto *notices = new RelayNotices(relay, m_scheduler, this);
    connect(notices, &RelayNotices::notice, this, &MainWindow::showNotice);
    connect(notices, &RelayNotices::warning, this,
            [this](const QString &title, const QString &text) {
                notify(title, text, QSystemTrayIcon::Warning);
            });
    relay->start();
}

void MainWindow::showRecoveryReport()
{
    // What an interrupted run left: said once, at start-up, without blocking the window.
    const QStringList sentences = m_session->recoveryReport();
    if (sentences.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Outpost stopped unexpectedly"),
                                tr("Outpost was interrupted the last time it ran, and it checked "
                                   "the outbox:"),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("recoveryReport"));
    box->setInformativeText(sentences.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    showNotice(sentences.first());
}

MainWindow::~MainWindow()
{
    // Before the windows that show it (compose windows keep the scheduler).
    m_session.reset();
    m_scheduler = nullptr;
}

QWidget *MainWindow::createMailPage()
{
    m_model = new MessageListModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(MessageListModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_list = new QTreeView;
    m_list->setObjectName(QStringLiteral("messageList"));
    m_list->setModel(m_proxy);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSortingEnabled(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->sortByColumn(MessageListModel::DateColumn, Qt::DescendingOrder);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->resizeSection(MessageListModel::PeopleColumn, 170);
    m_list->header()->resizeSection(MessageListModel::SubjectColumn, 240);
    m_list->header()->resizeSection(
        MessageListModel::DateColumn,
        m_list->fontMetrics().horizontalAdvance(QLocale().toString(
            QDateTime(QDate(2026, 12, 28), QTime(22, 58)), QLocale::ShortFormat)) +
            24);
    m_list->header()->resizeSection(MessageListModel::SizeColumn, 80);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showSelectedMessage);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::showSelectedMessage);
    m_outboxActions = new OutboxActions(m_scheduler, m_session->profile().directory(), this,
                                        [this] { return newMessage(); });
    connect(m_outboxActions, &OutboxActions::notice, this, &MainWindow::showNotice);
    QToolBar *inboxBar = createInboxActions();

    m_outboxBar = new QToolBar;
    m_outboxBar->setObjectName(QStringLiteral("outboxBar"));
    m_outboxBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_outboxActions->addTo(m_outboxBar);

    m_preview = new MessagePreview;
    connect(m_preview, &MessagePreview::notice, this, &MainWindow::showNotice);

    m_stuckBar = new StuckMailBar;
    m_problemBar = new AccountProblemBar;

    auto *listBox = new QWidget;
    auto *listLayout = new QVBoxLayout(listBox);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_problemBar);
    listLayout->addWidget(m_stuckBar);
    listLayout->addWidget(m_outboxBar);
    listLayout->addWidget(inboxBar);
    listLayout->addWidget(m_list, 1);

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(listBox);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    showSelectedMessage();
    return split;
}

QString MainWindow::currentAccountId() const
{
    return m_accounts->currentIndex().data(AccountTreeModel::AccountIdRole).toString();
}

void MainWindow::selectFolder(const QString &accountId, MessageListModel::Folder folder)
{
    const QModelIndex index = m_accountModel->folderIndex(accountId, folder);
    if (!index.isValid())
        return;
    if (m_accounts->currentIndex() == index)
        folderSelected(); // shown again (e.g. after the accounts changed)
    else
        m_accounts->setCurrentIndex(index);
}

void MainWindow::folderSelected()
{
    const QModelIndex current = m_accounts->currentIndex();
    if (!current.isValid())
        return;
    const QString id = current.data(AccountTreeModel::AccountIdRole).toString();
    int folder = current.data(AccountTreeModel::FolderRole).toInt();
    if (folder < 0)
        folder = int(MessageListModel::Folder::Inbox);
    m_model->setFolder(MessageListModel::Folder(folder), m_scheduler->outbox(id),
                       m_scheduler->inbox(id));
    const auto bytes = m_bytes.value(id);
    m_model->setSendProgress(bytes.first, bytes.second);
    const Account *a = m_scheduler->account(id);
    const AuthWindow *window = m_scheduler->authWindow(id);
    m_model->setWaitingForLogin(a && a->popBeforeSmtp && window && !window->isOpen(m_clock->now()));
    m_model->setAccountSituation(situation(id));
    const auto shown = MessageListModel::Folder(folder);
    const bool outgoing =
        shown == MessageListModel::Folder::Outbox || shown == MessageListModel::Folder::Failed;
    m_list->header()->setSectionHidden(MessageListModel::StateColumn, !outgoing);
    m_outboxBar->setVisible(outgoing);
    m_inboxBar->setVisible(!outgoing);
    showSelectedMessage();
    showStuckBar();
    showAccountProblem();
    updateStatus();
}

void MainWindow::selectRow(int row)
{
    const QModelIndex index = m_proxy->index(row, 0);
    m_list->setCurrentIndex(index);
}

QModelIndex MainWindow::selectedSourceIndex() const
{
    // The current row counts only while it is selected: a list whose selection was cleared
    // (Ctrl+click, a refresh) shows no message, though the current index stays.
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid() || !m_list->selectionModel()->isSelected(current))
        return {};
    return m_proxy->mapToSource(current);
}

std::optional<OutboxEntry> MainWindow::selectedEntry() const
{
    const QModelIndex index = selectedSourceIndex();
    return index.isValid() ? m_model->entry(index.row()) : std::nullopt;
}

QString MainWindow::selectedPath() const
{
    const QModelIndex index = selectedSourceIndex();
    return index.isValid() ? m_model->path(index.row()) : QString();
}

void MainWindow::showSelectedMessage()
{
    const std::optional<OutboxEntry> entry = selectedEntry();
    m_outboxActions->setSelection(currentAccountId(), entry);
    updateInboxSelection();
    QString state;
    if (entry)
        state =
            selectedSourceIndex().siblingAtColumn(MessageListModel::StateColumn).data().toString();
    // A message waiting to be sent later gets its Date when it leaves.
    const bool dateAtSend = entry && entry->dateAtSend && entry->state != OutboxState::Sent &&
                            m_model->folder() != MessageListModel::Folder::Sent;
    m_preview->showMessage(selectedPath(), state, dateAtSend);
    // The delivery history, as a timeline (outbox, Failed and Sent messages).
    m_preview->setHistory(entry ? OutboxStateText::timeline(*entry, situation(currentAccountId()))
                                : QStringList());
}
bool MainWindow::showsWelcome() const
{
    return m_stack->currentIndex() == 0;
}

QString MainWindow::previewText() const
{
    return m_preview->text();
}
void MainWindow::showNotice(const QString &text)
{
    m_lastNotice = text;
    statusBar()->showMessage(text, 15000);
}

QString MainWindow::statusText(const QString &accountId) const
{
    return m_status->text(accountId);
}
void MainWindow::updateStatus()
{
    m_status->update();
}
void MainWindow::updateTray()
{
    m_tray->update(m_scheduler);
}
void MainWindow::notify(const QString &title, const QString &text,
                        QSystemTrayIcon::MessageIcon icon)
{
    showNotice(text);
    m_notified.append(title);
    if (m_notified.size() > 100) // for tests; a window open for weeks keeps the latest only
        m_notified.removeFirst();
    m_tray->showMessage(title, text, icon);
}
void MainWindow::onCycleFinished(const QString &accountId, const CycleResult &result)
{
    const Account *a = m_scheduler->account(accountId);
    const QString name = a ? a->name : accountId;
    m_bytes.remove(accountId);
    // One wording with outpost-cli (core/usecases/CycleReport): pop-ups for what needs the
    // user or is news, and the most important sentence in the status line.
    const QList<CycleReportItem> items =
        CycleReport::describe(name, result, m_scheduler->outbox(accountId));
    for (const CycleReportItem &item : items) {
        using Kind = CycleReportItem::Kind;
        const bool popUp =
            item.kind == Kind::NewMail || item.kind == Kind::SentAfterRetrying ||
            (item.severity != CycleReportItem::Severity::Information && item.kind != Kind::Paused);
        if (popUp)
            notify(item.title, item.text,
                   item.severity == CycleReportItem::Severity::Information
                       ? QSystemTrayIcon::Information
                       : QSystemTrayIcon::Warning);
    }
    // The status line confirms what went well together ("2 messages sent" beside new mail);
    // a problem alone, as it matters most.
    QStringList told;
    for (const CycleReportItem &item : items) {
        if (item.severity == items.first().severity)
            told.append(item.text);
    }
    showNotice(items.first().severity == CycleReportItem::Severity::Information
                   ? told.join(QStringLiteral(" · "))
                   : items.first().text);
    if (accountId == demoId && m_tour)
        m_tour->cycleFinished(result);
    updateCounts();
    updateStatus();
    updateTray();
    // After a rerun that was asked for during this cycle has begun.
    QTimer::singleShot(0, this, &MainWindow::quitIfSent);
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

ComposeWindow *MainWindow::newMessage()
{
    auto *compose = new ComposeWindow(m_scheduler, m_session->profile().directory(), this);
    const QString current = currentAccountId();
    if (!current.isEmpty())
        compose->setAccount(current);
    connect(compose, &ComposeWindow::queued, this,
            [this](const QString &accountId, const QString &id, const QString &how) {
                showNotice(how);
                // Undo send: in the status bar, and in a notification when hidden in the tray.
                if (m_undoBar->offerIfHeld(m_scheduler, accountId, id) && !isVisible())
                    m_tray->showMessage(tr("Sending soon"),
                                        how + QLatin1Char(' ') + tr("Click here to undo."));
                m_countsTimer->start();
                updateStatus();
            });
    compose->show();
    return compose;
}

void MainWindow::openMailto(const QUrl &url)
{
    ComposeWindow *compose = newMessage();
    compose->setMailto(url);
    compose->raise();
    compose->activateWindow();
}

void MainWindow::handleArguments(const QStringList &arguments)
{
    bringToFront();
    for (const QString &argument : arguments) {
        if (argument.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
            openMailto(QUrl(argument));
    }
}

void MainWindow::bringToFront()
{
    show();
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    raise();
    activateWindow();
}

void MainWindow::sendReceiveAll()
{
    if (m_scheduler->accounts().isEmpty()) {
        showNotice(tr("There is no account yet. Add one first."));
        return;
    }
    m_scheduler->triggerAll(Scheduler::Trigger::Manual);
    updateStatus();
}

void MainWindow::sendReceive(const QString &accountId)
{
    m_scheduler->trigger(accountId, Scheduler::Trigger::Manual);
    updateStatus();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitting && m_tray->keepsRunningOnClose(m_session->profile().directory())) {
        hide();
        event->ignore();
        return;
    }
    // The user closing the window is asked about waiting mail; the program quitting for
    // another reason (QCoreApplication::quit() closes the windows too) is not stopped.
    if (event->spontaneous() && !m_quitting && !m_quitConfirmed && !confirmQuit()) {
        event->ignore(); // the warning asks what to do with the waiting mail
        return;
    }
    QMainWindow::closeEvent(event);
    if (!m_quitting) {
        if (!event->spontaneous())
            m_quitConfirmed = true; // quitting already
        quit();
    }
}

void MainWindow::quit()
{
    if (!m_quitting && !m_quitConfirmed && !confirmQuit())
        return;
    m_quitConfirmed = true;
    m_quitting = true;
    m_scheduler->abortAll();
    qApp->quit();
}

} // namespace Outpost
