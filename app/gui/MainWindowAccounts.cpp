// The main window's accounts: adding, editing and removing them, what the window shows of
// them, and the sandbox demo account of "Try the sandbox" (the tour itself is core's).
#include "MainWindow.h"

#include "AccountDialog.h"
#include "AccountTreeModel.h"
#include "ProtocolLogWindow.h"
#include "StatusLine.h"
#include "schedule/Clock.h"
#include "schedule/Scheduler.h"
#include "store/InboxStore.h"
#include "store/OutboxStore.h"
#include "usecases/SandboxTour.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

namespace Outpost {

namespace {
const QString demoId = SandboxTour::accountId();
} // namespace

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
        if (InboxStore *inbox = m_scheduler->inbox(a.id)) {
            connect(inbox, &InboxStore::delivered, m_countsTimer, qOverload<>(&QTimer::start),
                    Qt::UniqueConnection);
            // Read, unread, deleted, restored: the unread counts follow.
            connect(inbox, &InboxStore::changed, m_countsTimer, qOverload<>(&QTimer::start),
                    Qt::UniqueConnection);
        }
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
    names.append({QStringLiteral("(relay)"), tr("Local relay")});
    m_log->setAccounts(names);
    m_accountModel->setAccounts(accounts);
    markStuckAccounts();
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
    QHash<QString, int> waiting, planned;
    for (const Account &a : m_scheduler->accounts()) {
        int n = 0;
        if (OutboxStore *outbox = m_scheduler->outbox(a.id)) {
            const std::array<int, 6> counts = outbox->countByState();
            n = counts[size_t(OutboxState::Queued)] + counts[size_t(OutboxState::Deferred)];
            planned.insert(a.id, outbox->countPlanned(m_clock->now()));
        }
        waiting.insert(a.id, n);
    }
    m_accountModel->updateCounts(m_scheduler);
    m_status->setWaiting(waiting, planned);
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

} // namespace Outpost
