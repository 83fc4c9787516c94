#include "MainWindow.h"

#include "AboutDialog.h"
#include "AccountDialog.h"
#include "AccountTreeModel.h"
#include "ComposeWindow.h"
#include "PreferencesDialog.h"
#include "ProtocolLogWindow.h"
#include "message/AddressParser.h"
#include "message/MessageReader.h"
#include "message/MessageWriter.h"
#include "sandbox/SandboxServer.h"
#include "schedule/AccountProbe.h"
#include "schedule/Clock.h"
#include "schedule/Scheduler.h"
#include "store/CredentialStore.h"
#include "store/InboxStore.h"
#include "store/OutboxStore.h"
#include "usecases/CycleReport.h"
#include "usecases/SandboxTour.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkInformation>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Outpost {

namespace {

const QString demoId = SandboxTour::accountId();

QIcon stateIcon(const QColor &badge)
{
    QPixmap pixmap = QIcon(QStringLiteral(":/icons/outpost.svg")).pixmap(64, 64);
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

    m_stack = new QStackedWidget;
    m_stack->addWidget(createWelcomePage());
    m_stack->addWidget(createMailPage());

    auto *splitter = new QSplitter;
    splitter->addWidget(m_accounts);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({220, 700});
    setCentralWidget(splitter);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("accountStatus"));
    statusBar()->addPermanentWidget(m_status, 1);

    createActions();
    createTray();

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
    connect(m_scheduler, &Scheduler::passwordProblem, this, &MainWindow::askPassword);

    m_statusTimer = new QTimer(this);
    m_statusTimer->setObjectName(QStringLiteral("statusTimer"));
    m_statusTimer->setInterval(1000);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    m_countsTimer = new QTimer(this);
    m_countsTimer->setSingleShot(true);
    m_countsTimer->setInterval(150);
    connect(m_countsTimer, &QTimer::timeout, this, &MainWindow::updateCounts);

    resize(1040, 660);

    if (opened.isError())
        showNotice(opened.message);
    applyAccounts();
    m_scheduler->start();
    showRecoveryReport();
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

QWidget *MainWindow::createWelcomePage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("welcomePage"));
    auto *title = new QLabel(tr("<h2>Welcome to Outpost</h2>"));
    auto *text = new QLabel(
        tr("Outpost sends your mail through servers that only accept it after you have "
           "checked for new mail (\"POP before SMTP\"). Every Send/Receive logs in over POP "
           "first and then sends, so your messages go out on the first try.\n\n"
           "Add your mail account to start, or try Outpost with a practice server on this "
           "computer: no account or Internet connection needed."));
    text->setObjectName(QStringLiteral("placeholder"));
    text->setWordWrap(true);
    auto *add = new QPushButton(tr("&Add an account…"));
    add->setObjectName(QStringLiteral("addAccountButton"));
    auto *sandbox = new QPushButton(tr("&Try the sandbox"));
    sandbox->setObjectName(QStringLiteral("trySandboxButton"));
    connect(add, &QPushButton::clicked, this, &MainWindow::addAccount);
    connect(sandbox, &QPushButton::clicked, this, &MainWindow::startSandbox);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(sandbox);
    buttons->addStretch();
    auto *inner = new QVBoxLayout;
    inner->addWidget(title);
    inner->addWidget(text);
    inner->addSpacing(12);
    inner->addLayout(buttons);
    auto *box = new QWidget;
    box->setMaximumWidth(560);
    box->setLayout(inner);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(box, 4);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    return page;
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
    connect(m_list, &QTreeView::doubleClicked, this, [this] {
        if (auto e = selectedEntry(); e && e->state == OutboxState::Failed)
            editMessage();
    });

    m_outboxBar = new QToolBar;
    m_outboxBar->setObjectName(QStringLiteral("outboxBar"));
    m_outboxBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_sendNow = m_outboxBar->addAction(tr("Send now"), this, &MainWindow::sendNow);
    m_sendNow->setObjectName(QStringLiteral("actionSendNow"));
    m_edit = m_outboxBar->addAction(tr("Edit"), this, &MainWindow::editMessage);
    m_edit->setObjectName(QStringLiteral("actionEdit"));
    m_edit->setToolTip(tr("Opens the message in a new window to correct it and send it again."));
    m_resend = m_outboxBar->addAction(tr("Resend"), this, &MainWindow::resendMessage);
    m_resend->setObjectName(QStringLiteral("actionResend"));
    m_resend->setToolTip(tr("Sends the message again. If it did go out, the recipients get it "
                            "twice."));
    m_markSent = m_outboxBar->addAction(tr("Mark as sent"), this, &MainWindow::markMessageAsSent);
    m_markSent->setObjectName(QStringLiteral("actionMarkSent"));
    m_outboxBar->addSeparator();
    m_delete = m_outboxBar->addAction(tr("Delete"), this, &MainWindow::deleteMessage);
    m_delete->setObjectName(QStringLiteral("actionDelete"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_previewHeader = new QLabel;
    m_previewHeader->setObjectName(QStringLiteral("previewHeader"));
    m_previewHeader->setWordWrap(true);
    m_previewHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview = new QTextBrowser;
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setOpenLinks(false);
    m_attachments = new QListWidget;
    m_attachments->setObjectName(QStringLiteral("previewAttachments"));
    m_attachments->setFlow(QListView::LeftToRight);
    m_attachments->setMaximumHeight(56);
    m_saveAttachment = new QPushButton(tr("&Save attachment…"));
    m_saveAttachment->setObjectName(QStringLiteral("saveAttachment"));
    connect(m_saveAttachment, &QPushButton::clicked, this, [this] {
        const int index = m_attachments->currentRow() >= 0 ? m_attachments->currentRow() : 0;
        if (!m_parsed || index >= m_parsed->attachments().size())
            return;
        auto *dialog = new QFileDialog(this, tr("Save attachment"),
                                       m_parsed->attachments().at(index).fileName);
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        const ParsedMessage parsed = *m_parsed;
        connect(dialog, &QFileDialog::fileSelected, this,
                [this, parsed, index](const QString &path) {
                    MessageError error;
                    if (!parsed.saveAttachment(index, path, &error))
                        showNotice(tr("The attachment was not saved: %1").arg(error.message));
                    else
                        showNotice(tr("Saved %1.").arg(path));
                });
        dialog->open();
    });
    auto *attachRow = new QHBoxLayout;
    attachRow->addWidget(m_attachments, 1);
    attachRow->addWidget(m_saveAttachment);
    auto *previewBox = new QWidget;
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_previewHeader);
    previewLayout->addWidget(m_preview, 1);
    previewLayout->addLayout(attachRow);

    auto *listBox = new QWidget;
    auto *listLayout = new QVBoxLayout(listBox);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_outboxBar);
    listLayout->addWidget(m_list, 1);

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(listBox);
    split->addWidget(previewBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    showSelectedMessage();
    return split;
}

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
        const QStringList drafts = ComposeWindow::drafts(m_session->profile().directory());
        if (drafts.isEmpty())
            m_draftsMenu->addAction(tr("No drafts"))->setEnabled(false);
        for (const QString &path : drafts) {
            const QString subject = ComposeWindow::draftSubject(path);
            const QString title = subject.isEmpty() ? tr("(no subject)") : subject;
            m_draftsMenu->addAction(title, this, [this, path] {
                ComposeWindow *window = this->newMessage();
                window->loadDraft(path);
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

void MainWindow::createTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(stateIcon({}), this);
    auto *menu = new QMenu(this);
    menu->addAction(tr("Send/&Receive"), this, &MainWindow::sendReceiveAll);
    menu->addAction(tr("&Open Outpost"), this, &MainWindow::bringToFront);
    menu->addSeparator();
    menu->addAction(tr("&Quit"), this, &MainWindow::quit);
    m_tray->setContextMenu(menu);
    m_tray->setToolTip(tr("Outpost"));
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    isVisible() && !isMinimized() ? hide() : bringToFront();
            });
    m_tray->show();
}

QList<Account> MainWindow::allAccounts() const
{
    QList<Account> accounts = m_store->accounts();
    if (m_demoAccount)
        accounts.append(*m_demoAccount);
    return accounts;
}

void MainWindow::reloadAccounts()
{
    QString error;
    if (!m_store->load(&error))
        showNotice(error);
    applyAccounts();
}

void MainWindow::applyAccounts()
{
    const QString current = currentAccountId();
    const auto folder = m_model->folder();
    const QList<Account> accounts = allAccounts();
    StoreError error;
    if (!m_scheduler->setAccounts(accounts, &error))
        showNotice(error.message);
    for (const Account &a : accounts) {
        if (OutboxStore *outbox = m_scheduler->outbox(a.id))
            connect(outbox, &OutboxStore::changed, m_countsTimer, qOverload<>(&QTimer::start),
                    Qt::UniqueConnection);
        if (InboxStore *inbox = m_scheduler->inbox(a.id))
            connect(inbox, &InboxStore::delivered, m_countsTimer, qOverload<>(&QTimer::start),
                    Qt::UniqueConnection);
    }
    QList<QPair<QString, QString>> names;
    m_sendReceiveMenu->clear();
    for (const Account &a : accounts) {
        names.append({a.id, a.name});
        const QString id = a.id;
        m_sendReceiveMenu->addAction(a.name, this, [this, id] { sendReceive(id); });
    }
    m_sendReceiveMenu->setEnabled(!accounts.isEmpty());
    for (const char *name :
         {"actionNewMessage", "actionSendReceive", "actionAccountSettings", "actionRemoveAccount"})
        findChild<QAction *>(QLatin1String(name))->setEnabled(!accounts.isEmpty());
    m_log->setAccounts(names);
    m_accountModel->setAccounts(accounts);
    updateCounts();
    m_stack->setCurrentIndex(accounts.isEmpty() ? 0 : 1);
    if (!accounts.isEmpty()) {
        const bool keep = std::any_of(accounts.begin(), accounts.end(),
                                      [&](const Account &a) { return a.id == current; });
        selectFolder(keep ? current : accounts.first().id,
                     keep ? folder : MessageListModel::Folder::Inbox);
    } else {
        m_model->setFolder(MessageListModel::Folder::Inbox, nullptr, nullptr);
    }
    updateStatus();
    updateTray();
}

void MainWindow::updateCounts()
{
    // Counted once per change (debounced), not on every status-line refresh.
    m_waiting.clear();
    for (const Account &a : m_scheduler->accounts()) {
        int waiting = 0;
        if (OutboxStore *outbox = m_scheduler->outbox(a.id)) {
            const std::array<int, 6> counts = outbox->countByState();
            waiting = counts[size_t(OutboxState::Queued)] + counts[size_t(OutboxState::Deferred)];
        }
        m_waiting.insert(a.id, waiting);
    }
    m_accountModel->updateCounts(m_scheduler);
    updateStatus();
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
    m_list->header()->setSectionHidden(MessageListModel::StateColumn,
                                       folder == int(MessageListModel::Folder::Inbox) ||
                                           folder == int(MessageListModel::Folder::Sent));
    m_outboxBar->setVisible(folder == int(MessageListModel::Folder::Outbox) ||
                            folder == int(MessageListModel::Folder::Failed));
    showSelectedMessage();
    updateStatus();
}

void MainWindow::selectRow(int row)
{
    const QModelIndex index = m_proxy->index(row, 0);
    m_list->setCurrentIndex(index);
}

std::optional<OutboxEntry> MainWindow::selectedEntry() const
{
    const QModelIndex index = m_proxy->mapToSource(m_list->currentIndex());
    return index.isValid() ? m_model->entry(index.row()) : std::nullopt;
}

QString MainWindow::selectedPath() const
{
    const QModelIndex index = m_proxy->mapToSource(m_list->currentIndex());
    return index.isValid() ? m_model->path(index.row()) : QString();
}

void MainWindow::showSelectedMessage()
{
    updateOutboxActions();
    const QString path = selectedPath();
    m_parsed.reset();
    m_attachments->clear();
    if (path.isEmpty()) {
        m_previewHeader->clear();
        m_preview->setPlainText(QString());
        m_saveAttachment->setEnabled(false);
        m_attachments->hide();
        m_saveAttachment->hide();
        return;
    }
    MessageError error;
    std::optional<ParsedMessage> parsed = MessageReader::parseFile(path, &error);
    if (!parsed) {
        m_previewHeader->setText(tr("This message could not be read: %1").arg(error.message));
        m_preview->clear();
        return;
    }
    m_parsed = std::make_unique<ParsedMessage>(*parsed);
    auto list = [](const QList<MailAddress> &addresses) {
        QStringList out;
        for (const MailAddress &a : addresses)
            out.append(a.toDisplayString());
        return out.join(QStringLiteral(", ")).toHtmlEscaped();
    };
    QString header = tr("<b>From:</b> %1").arg(list(parsed->from()));
    header += QStringLiteral("<br>") + tr("<b>To:</b> %1").arg(list(parsed->to()));
    if (!parsed->cc().isEmpty())
        header += QStringLiteral("<br>") + tr("<b>Cc:</b> %1").arg(list(parsed->cc()));
    header +=
        QStringLiteral("<br>") + tr("<b>Subject:</b> %1").arg(parsed->subject().toHtmlEscaped());
    if (parsed->date().isValid())
        header += QStringLiteral("<br>") +
                  tr("<b>Date:</b> %1")
                      .arg(QLocale().toString(parsed->date().toLocalTime(), QLocale::LongFormat));
    if (selectedEntry()) {
        const QModelIndex state = m_proxy->mapToSource(m_list->currentIndex())
                                      .siblingAtColumn(MessageListModel::StateColumn);
        header += QStringLiteral("<br>") +
                  tr("<b>State:</b> %1").arg(state.data().toString().toHtmlEscaped());
    }
    m_previewHeader->setText(header);
    m_preview->setPlainText(parsed->text());
    const QList<AttachmentInfo> attachments = parsed->attachments();
    for (const AttachmentInfo &a : attachments)
        m_attachments->addItem(tr("%1 (%2)").arg(a.fileName, QLocale().formattedDataSize(a.size)));
    if (!attachments.isEmpty())
        m_attachments->setCurrentRow(0);
    m_attachments->setVisible(!attachments.isEmpty());
    m_saveAttachment->setVisible(!attachments.isEmpty());
    m_saveAttachment->setEnabled(!attachments.isEmpty());
}

bool MainWindow::showsWelcome() const
{
    return m_stack->currentIndex() == 0;
}

QString MainWindow::previewText() const
{
    return m_preview->toPlainText();
}

void MainWindow::updateOutboxActions()
{
    const std::optional<OutboxEntry> e = selectedEntry();
    const bool selected = e.has_value();
    const OutboxState state = selected ? e->state : OutboxState::Sent;
    auto is = [&](OutboxState wanted) { return selected && state == wanted; };
    m_sendNow->setEnabled(is(OutboxState::Queued) || is(OutboxState::Deferred));
    m_edit->setEnabled(is(OutboxState::Failed));
    m_resend->setEnabled(is(OutboxState::MayHaveBeenSent) || is(OutboxState::Failed));
    m_markSent->setEnabled(is(OutboxState::MayHaveBeenSent));
    m_delete->setEnabled(selected && !is(OutboxState::Sending));
}

void MainWindow::showNotice(const QString &text)
{
    m_lastNotice = text;
    statusBar()->showMessage(text, 15000);
}

QString MainWindow::statusText(const QString &accountId) const
{
    const Account *a = m_scheduler->account(accountId);
    if (!a)
        return {};
    const Scheduler::Status s = m_scheduler->status(accountId);
    const QLocale locale;
    if (s.running) {
        switch (s.phase) {
        case Cycle::Phase::Receiving:
            return tr("Receiving…");
        case Cycle::Phase::WaitingAfterPop:
            return tr("Waiting a moment after the POP login…");
        case Cycle::Phase::Connecting:
            return tr("Connecting to the outgoing server…");
        case Cycle::Phase::Sending:
            return tr("Sending %1 of %2").arg(qMin(s.done + 1, s.total)).arg(s.total);
        case Cycle::Phase::Reauthenticating:
            return tr("Logging in over POP again to keep the relay window open…");
        case Cycle::Phase::WaitingForRelay:
            return tr("The server refused to relay; waiting a moment before trying again…");
        case Cycle::Phase::Idle:
        case Cycle::Phase::Done:
            break;
        }
        return tr("Working…");
    }
    if (s.lastError.isError())
        return tr("Paused: %1").arg(s.lastError.message);
    if (s.lastStoreError.isError())
        return tr("Paused: %1").arg(s.lastStoreError.message);

    const int waiting = m_waiting.value(accountId);
    const QNetworkInformation *network = QNetworkInformation::instance();
    if (network && network->reachability() == QNetworkInformation::Reachability::Disconnected)
        return waiting > 0 ? (waiting == 1 ? tr("Offline — 1 message waiting")
                                           : tr("Offline — %1 messages waiting").arg(waiting))
                           : tr("Offline");
    QStringList parts;
    const QDateTime now = m_clock->now();
    if (s.windowClosesAt.isValid() && s.windowClosesAt > now && a->popBeforeSmtp) {
        const qint64 left = now.secsTo(s.windowClosesAt);
        parts.append(tr("Relay window open for %1:%2")
                         .arg(left / 60)
                         .arg(left % 60, 2, 10, QLatin1Char('0')));
    }
    if (waiting > 0)
        parts.append(waiting == 1 ? tr("1 message waiting")
                                  : tr("%1 messages waiting").arg(waiting));
    if (s.nextCheck.isValid())
        parts.append(
            tr("Next check at %1")
                .arg(locale.toString(s.nextCheck.toLocalTime().time(), QLocale::ShortFormat)));
    else
        parts.append(tr("Checks only when you press Send/Receive"));
    return parts.join(QStringLiteral(" · "));
}

void MainWindow::updateStatus()
{
    QStringList lines;
    const QList<Account> accounts = m_scheduler->accounts();
    const QString current = currentAccountId();
    for (const Account &a : accounts) {
        const QString text = statusText(a.id);
        if (accounts.size() == 1)
            lines.append(text);
        else if (a.id == current || m_scheduler->isRunning(a.id))
            lines.append(tr("%1: %2").arg(a.name, text));
    }
    m_status->setText(accounts.isEmpty() ? tr("No accounts") : lines.join(QStringLiteral("   ")));
    QStringList tooltip;
    for (const Account &a : accounts)
        tooltip.append(tr("%1: %2").arg(a.name, statusText(a.id)));
    m_status->setToolTip(tooltip.join(u'\n'));

    if (!m_statusTimer)
        return;
    // The line changes by itself only while a cycle runs or a relay window counts down;
    // otherwise the timer stays off, so an idle Outpost costs no CPU.
    const QDateTime now = m_clock->now();
    bool ticking = false;
    for (const Account &a : accounts) {
        const Scheduler::Status st = m_scheduler->status(a.id);
        ticking = ticking || st.running ||
                  (a.popBeforeSmtp && st.windowClosesAt.isValid() && st.windowClosesAt > now);
    }
    if (ticking && !m_statusTimer->isActive())
        m_statusTimer->start();
    else if (!ticking && m_statusTimer->isActive())
        m_statusTimer->stop();
}

void MainWindow::updateTray()
{
    if (!m_tray)
        return;
    bool error = false;
    for (const Account &a : m_scheduler->accounts())
        error = error || m_scheduler->status(a.id).lastError.isError();
    if (m_scheduler->isBusy()) {
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

void MainWindow::notify(const QString &title, const QString &text,
                        QSystemTrayIcon::MessageIcon icon)
{
    showNotice(text);
    if (m_tray && m_tray->isVisible())
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
    showNotice(items.first().text);
    if (accountId == demoId && m_tour)
        m_tour->cycleFinished(result);
    updateCounts();
    updateStatus();
    updateTray();
}

void MainWindow::askPassword(const QString &accountId, CredentialStore::Server server,
                             const CredentialResult &result)
{
    const Account *a = m_scheduler->account(accountId);
    if (!a)
        return;
    const QString key = CredentialStore::key(accountId, server);
    if (m_askingPassword.contains(key))
        return;
    showNotice(tr("%1: no password available (%2).").arg(a->name, result.message));
    // "Ask me each time": the password is kept in memory until Outpost quits.
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("passwordPrompt"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Password for %1").arg(a->name));
    dialog->setLabelText(
        (server == CredentialStore::Server::Incoming
             ? tr("Outpost needs the password of %1 (receiving, user %2) to continue.")
                   .arg(a->name, a->popUser)
             : tr("Outpost needs the password of %1 (sending, user %2) to continue.")
                   .arg(a->name, a->effectiveSmtpUser())) +
        u'\n' + tr("It is kept in memory until Outpost quits."));
    dialog->setTextEchoMode(QLineEdit::Password);
    m_askingPassword.insert(key);
    connect(dialog, &QInputDialog::finished, this,
            [this, key](int) { m_askingPassword.remove(key); });
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, accountId, server](const QString &password) {
                if (password.isEmpty())
                    return;
                m_credentials->rememberForSession(accountId, server, password);
                m_scheduler->trigger(accountId, Scheduler::Trigger::Manual);
            });
    dialog->open();
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
    if (!current.isEmpty()) {
        ComposeWindow::Content c = compose->content();
        c.accountId = current;
        compose->setContent(c);
    }
    connect(compose, &ComposeWindow::queued, this,
            [this](const QString &accountId, const QString &, const QString &how) {
                showNotice(how);
                m_countsTimer->start();
                updateStatus();
                Q_UNUSED(accountId);
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

AccountDialog *MainWindow::addAccount()
{
    return editAccount(QStringLiteral("\n")); // no account has this id: a new one
}

AccountDialog *MainWindow::editAccount(const QString &accountId)
{
    QString id = accountId;
    if (id.isEmpty())
        id = currentAccountId();
    if (id == QLatin1String("\n"))
        id.clear();
    if (id == demoId) {
        showNotice(tr("The sandbox account is only for this session and cannot be edited."));
        return nullptr;
    }
    auto *dialog = new AccountDialog(m_store, m_credentials, m_scheduler, m_clock, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountDialog::saved, this, [this](const QString &savedId) {
        applyAccounts();
        selectFolder(savedId, MessageListModel::Folder::Inbox);
    });
    dialog->open();
    return dialog;
}

void MainWindow::removeAccount()
{
    const QString id = currentAccountId();
    const Account *a = m_scheduler->account(id);
    if (!a)
        return;
    if (id == demoId) {
        m_demoAccount.reset();
        applyAccounts();
        m_tour.reset(); // after its account left the scheduler
        return;
    }
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Remove account"),
        tr("Remove the account \"%1\"? Its settings and saved password are removed. Its "
           "messages stay in the profile folder.")
            .arg(a->name),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeAccountQuestion"));
    box->button(QMessageBox::Yes)->setText(tr("&Remove"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, id] {
        QString error;
        if (!m_store->remove(id, &error) || !m_store->save(&error)) {
            showNotice(error);
            return;
        }
        m_credentials->remove(id, CredentialStore::Server::Incoming);
        m_credentials->remove(id, CredentialStore::Server::Outgoing);
        applyAccounts();
    });
    box->open();
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
    auto *dialog = new PreferencesDialog(m_session->profile().directory(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::sendNow()
{
    const QString account = currentAccountId();
    const std::optional<OutboxEntry> e = selectedEntry();
    OutboxStore *outbox = m_scheduler->outbox(account);
    if (!e || !outbox)
        return;
    StoreError error;
    if (e->state == OutboxState::Deferred && !outbox->requeue(e->id, &error)) {
        showNotice(error.message);
        return;
    }
    m_scheduler->trigger(account, Scheduler::Trigger::Manual);
}

void MainWindow::resendMessage()
{
    const QString account = currentAccountId();
    const std::optional<OutboxEntry> e = selectedEntry();
    OutboxStore *outbox = m_scheduler->outbox(account);
    if (!e || !outbox)
        return;
    StoreError error;
    if (!outbox->requeue(e->id, &error)) {
        showNotice(error.message);
        return;
    }
    showNotice(tr("The message is queued again."));
    m_scheduler->trigger(account, Scheduler::Trigger::Manual);
}

void MainWindow::markMessageAsSent()
{
    const std::optional<OutboxEntry> e = selectedEntry();
    OutboxStore *outbox = m_scheduler->outbox(currentAccountId());
    if (!e || !outbox)
        return;
    StoreError error;
    if (!outbox->markAsSent(e->id, &error))
        showNotice(error.message);
    else
        showNotice(tr("The message was moved to Sent."));
}

void MainWindow::deleteMessage()
{
    const std::optional<OutboxEntry> e = selectedEntry();
    const QString account = currentAccountId();
    if (!e || !m_scheduler->outbox(account))
        return;
    const MessageSummary s = MessageReader::readSummary(e->messagePath);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete message"),
                                tr("Delete \"%1\"? It cannot be recovered.")
                                    .arg(s.subject.isEmpty() ? tr("(no subject)") : s.subject),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteQuestion"));
    box->button(QMessageBox::Yes)->setText(tr("&Delete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = e->id;
    connect(box, &QMessageBox::accepted, this, [this, account, id] {
        OutboxStore *outbox = m_scheduler->outbox(account);
        StoreError error;
        if (outbox && !outbox->remove(id, &error))
            showNotice(error.message);
    });
    box->open();
}

void MainWindow::editMessage()
{
    const std::optional<OutboxEntry> e = selectedEntry();
    const QString account = currentAccountId();
    if (!e || !m_parsed)
        return;
    auto list = [](const QList<MailAddress> &addresses) {
        QStringList out;
        for (const MailAddress &a : addresses)
            out.append(a.toDisplayString());
        return out;
    };
    ComposeWindow::Content c;
    c.accountId = account;
    const QStringList to = list(m_parsed->to());
    const QStringList cc = list(m_parsed->cc());
    c.to = to.join(QStringLiteral(", "));
    c.cc = cc.join(QStringLiteral(", "));
    QStringList visible;
    for (const MailAddress &a : m_parsed->to() + m_parsed->cc())
        visible.append(a.address().toLower());
    QStringList bcc;
    for (const QString &r : e->envelope.recipients) {
        if (!visible.contains(r.toLower()))
            bcc.append(r);
    }
    c.bcc = bcc.join(QStringLiteral(", "));
    c.subject = m_parsed->subject();
    c.body = m_parsed->text();
    // The attachments go along: saved into the profile for the new message to read.
    const QString folder = m_session->profile().directory() + QStringLiteral("/edited/") + e->id;
    for (int i = 0; i < m_parsed->attachments().size(); ++i) {
        const QString path = folder + QStringLiteral("/%1/").arg(i) +
                             QFileInfo(m_parsed->attachments().at(i).fileName).fileName();
        MessageError error;
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (m_parsed->saveAttachment(i, path, &error))
            c.attachments.append(path);
        else
            showNotice(tr("An attachment could not be copied: %1").arg(error.message));
    }
    ComposeWindow *compose = newMessage();
    compose->setContent(c);
    const QString oldId = e->id;
    // The corrected message replaces the failed one once it is queued.
    connect(compose, &ComposeWindow::queued, this, [this, account, oldId, folder] {
        StoreError error;
        if (OutboxStore *outbox = m_scheduler->outbox(account);
            outbox && !outbox->remove(oldId, &error))
            showNotice(tr("The corrected message is in the outbox, but the old one could not be "
                          "deleted: %1")
                           .arg(error.message));
        QDir(folder).removeRecursively(); // the queued message holds its own copy
    });
}

bool MainWindow::startSandbox()
{
    if (m_tour) {
        selectFolder(demoId, MessageListModel::Folder::Outbox);
        showProtocolLog();
        return true;
    }
    auto tour = std::make_unique<SandboxTour>(m_scheduler, m_credentials, m_clock);
    QString error;
    const std::optional<Account> account = tour->startServer(&error);
    if (!account) {
        showNotice(error);
        return false;
    }
    m_tour = std::move(tour);
    m_demoAccount = *account;
    connect(m_tour.get(), &SandboxTour::narration, this, &MainWindow::demoLog);
    connect(m_tour.get(), &SandboxTour::transcript, this,
            [this](const QString &line) { m_log->appendLine(demoId, line); });
    connect(m_tour.get(), &SandboxTour::problem, this, &MainWindow::showNotice);
    connect(m_tour.get(), &SandboxTour::finished, this,
            [this] { selectFolder(demoId, MessageListModel::Folder::Sent); });
    applyAccounts();
    selectFolder(demoId, MessageListModel::Folder::Outbox);
    showProtocolLog();
    m_log->selectAccount(demoId);
    m_tour->run();
    return true;
}

SandboxServer *MainWindow::sandbox() const
{
    return m_tour ? m_tour->server() : nullptr;
}

void MainWindow::demoLog(const QString &text)
{
    m_log->appendLine(demoId, QStringLiteral("★ ") + text);
    showNotice(text);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitting && m_tray && m_tray->isVisible()) {
        QSettings settings(m_session->profile().directory() + QStringLiteral("/gui.ini"),
                           QSettings::IniFormat);
        if (settings.value(QStringLiteral("closeToTray"), true).toBool()) {
            hide();
            event->ignore();
            if (!settings.value(QStringLiteral("trayHintShown"), false).toBool()) {
                settings.setValue(QStringLiteral("trayHintShown"), true);
                m_tray->showMessage(tr("Outpost keeps running"),
                                    tr("Outpost keeps checking and sending in the background. "
                                       "Use Quit in the tray menu to stop it."));
            }
            return;
        }
    }
    QMainWindow::closeEvent(event);
    if (!m_quitting)
        quit();
}

void MainWindow::quit()
{
    m_quitting = true;
    m_scheduler->abortAll();
    qApp->quit();
}

} // namespace Outpost
