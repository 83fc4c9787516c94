// The main window's stuck-mail alert (the banner, the account tree's warning, the tray
// notification) and the warning at quit about mail nothing will send.
#include "AccountTreeModel.h"
#include "Autostart.h"
#include "MainWindow.h"
#include "StuckMailBar.h"
#include "TrayIcon.h"
#include "schedule/Clock.h"
#include "schedule/Scheduler.h"
#include "store/OutboxStore.h"
#include "usecases/StuckMail.h"
#include "usecases/StuckMailText.h"

#include <QApplication>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QTreeView>

#include <utility>

namespace Outpost {

namespace {

/// Names an alert's messages and their states: a dismissed alert comes back when it changes.
QString alertKey(const QList<StuckMessage> &stuck)
{
    QStringList parts;
    for (const StuckMessage &m : stuck)
        parts.append(m.key());
    return parts.join(QLatin1Char(' '));
}

} // namespace

MainWindow::AccountAlert MainWindow::accountAlert(const QString &accountId) const
{
    AccountAlert result;
    const Account *account = m_scheduler->account(accountId);
    const OutboxStore *outbox = m_scheduler->outbox(accountId);
    if (!account || !outbox)
        return result;
    result.stuck = m_session->stuckMail()->messages(accountId);
    result.facts = {*account, m_scheduler->status(accountId), m_clock->now()};
    result.alert = StuckMailText::alert(result.stuck, *outbox, result.facts);
    if (!result.stuck.isEmpty())
        result.reason = StuckMailText::reason(result.stuck.first(), result.facts);
    result.key = alertKey(result.stuck);
    return result;
}

void MainWindow::watchStuckMail()
{
    StuckMailWatch *watch = m_session->stuckMail();
    // Coalesced: a queue draining many stuck messages changes the alert once per message.
    m_stuckTimer = new QTimer(this);
    m_stuckTimer->setSingleShot(true);
    m_stuckTimer->setInterval(150);
    connect(m_stuckTimer, &QTimer::timeout, this, [this] {
        const QSet<QString> accounts = std::exchange(m_stuckDirty, {});
        for (const QString &accountId : accounts)
            updateStuckMail(accountId, false);
    });
    connect(watch, &StuckMailWatch::changed, this, [this](const QString &accountId) {
        m_stuckDirty.insert(accountId);
        if (!m_stuckTimer->isActive())
            m_stuckTimer->start();
    });
    // "Waiting for 35 minutes" goes on counting while it is shown (and only then: an idle
    // window wakes for nothing).
    auto *minutes = new QTimer(this);
    minutes->setInterval(60 * 1000);
    connect(minutes, &QTimer::timeout, this, &MainWindow::showStuckBar);
    connect(m_stuckBar, &StuckMailBar::shownChanged, minutes, [minutes](bool shown) {
        if (shown)
            minutes->start();
        else
            minutes->stop();
    });
    connect(m_stuckBar, &StuckMailBar::showRequested, this, &MainWindow::showStuckMessage);
    connect(m_stuckBar, &StuckMailBar::retryRequested, this, &MainWindow::retryStuckMessage);
    connect(m_stuckBar, &StuckMailBar::settingsRequested, this,
            [this](const QString &accountId) { editAccount(accountId); });
    // The accounts' status (a pause, the next check) is part of what the alert advises.
    connect(m_scheduler, &Scheduler::statusChanged, this, [this](const QString &accountId) {
        if (accountId == currentAccountId())
            showStuckBar();
    });
    // What the last run left stuck is told at start-up, once.
    for (const QString &accountId : watch->accounts())
        updateStuckMail(accountId, true);
}

void MainWindow::updateStuckMail(const QString &accountId, bool startup)
{
    const AccountAlert a = accountAlert(accountId);
    m_accountModel->setAlert(accountId, a.alert.title);
    if (accountId == currentAccountId())
        m_stuckBar->setAlert(accountId, a.alert, a.reason, a.key);
    const OutboxStore *outbox = m_scheduler->outbox(accountId);
    if (!outbox)
        return;
    // A notification for mail that became stuck by waiting: a failure is told already by the
    // cycle's own report, except what was left from the last run.
    QList<StuckMessage> news;
    for (const StuckMessage &m : m_stuckNews.takeNew(accountId, a.stuck)) {
        if (startup || m.state == OutboxState::Queued || m.state == OutboxState::Deferred)
            news.append(m);
    }
    if (news.isEmpty())
        return;
    const StuckMailAlert told = StuckMailText::alert(news, *outbox, a.facts);
    notify(told.title,
           tr("%1: %2").arg(a.facts.account.name, told.text) + QLatin1Char('\n') + told.advice,
           QSystemTrayIcon::Warning);
}

void MainWindow::showStuckBar()
{
    const QString accountId = currentAccountId();
    const AccountAlert a = accountAlert(accountId);
    m_stuckBar->setAlert(accountId, a.alert, a.reason, a.key);
}

void MainWindow::markStuckAccounts()
{
    // After the tree got its rows: a new account's alert came before its row.
    for (const Account &account : m_scheduler->accounts())
        m_accountModel->setAlert(account.id, accountAlert(account.id).alert.title);
}

QString MainWindow::stuckMailText() const
{
    return m_stuckBar->text();
}

void MainWindow::showStuckMessage(const QString &accountId, const QString &id)
{
    const OutboxStore *outbox = m_scheduler->outbox(accountId);
    const std::optional<OutboxEntry> entry = outbox ? outbox->message(id) : std::nullopt;
    if (!entry)
        return;
    selectFolder(accountId, entry->state == OutboxState::Failed ? MessageListModel::Folder::Failed
                                                                : MessageListModel::Folder::Outbox);
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(MessageListModel::IdRole).toString() == id) {
            m_list->setCurrentIndex(index);
            m_list->scrollTo(index);
            m_list->setFocus();
            return;
        }
    }
}

void MainWindow::retryStuckMessage(const QString &accountId, const QString &id)
{
    OutboxStore *outbox = m_scheduler->outbox(accountId);
    const std::optional<OutboxEntry> entry = outbox ? outbox->message(id) : std::nullopt;
    // A failed message goes back to the queue, a deferred one stops waiting for its retry.
    if (entry && (entry->state == OutboxState::Failed || entry->state == OutboxState::Deferred)) {
        StoreError error;
        if (!outbox->requeue(id, &error)) {
            showNotice(error.message);
            return;
        }
    }
    sendReceive(accountId);
}

QString MainWindow::unsentAtQuit() const
{
    const QDateTime now = m_clock->now();
    const bool startsAtLogin = Autostart::isEnabled();
    int waiting = 0;
    QStringList manualAccounts;
    for (const Account &account : m_scheduler->accounts()) {
        const OutboxStore *outbox = m_scheduler->outbox(account.id);
        if (!outbox)
            continue;
        // Everything not yet sent: queued, planned, waiting for a retry.
        const int all = outbox->countWaiting();
        if (!startsAtLogin) {
            waiting += all;
            continue;
        }
        // Started at login: planned and deferred mail goes at its time; due mail only when
        // the account checks by itself.
        const int due = outbox->countDue(now);
        if (due > 0 && account.checkIntervalMinutes == 0 && !account.checkAtStartup) {
            waiting += due;
            manualAccounts.append(account.name);
        }
    }
    if (waiting == 0)
        return {};
    if (!startsAtLogin)
        return tr("%n message(s) in the outbox will not be sent once Outpost quits: it does not "
                  "start when you log in.",
                  nullptr, waiting);
    return tr("%n message(s) in the outbox will not be sent once Outpost quits: %1 sends only "
              "when you press Send/Receive.",
              nullptr, waiting)
        .arg(QLocale().createSeparatedList(manualAccounts));
}

bool MainWindow::confirmQuit()
{
    const QString unsent = unsentAtQuit();
    if (unsent.isEmpty())
        return true;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Mail is waiting"), unsent,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("quitWarning"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Send it now, or keep Outpost running so that it sends the mail "
                               "when it can."));
    QPushButton *send = box->addButton(tr("&Send now, then quit"), QMessageBox::AcceptRole);
    send->setObjectName(QStringLiteral("quitSendNow"));
    // Without a tray (some desktops have none) the window stays open instead.
    const bool tray = m_tray->isVisible();
    QPushButton *keep = box->addButton(tray ? tr("&Keep running in the tray") : tr("&Keep running"),
                                       QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("quitKeepRunning"));
    QPushButton *anyway = box->addButton(tr("&Quit anyway"), QMessageBox::DestructiveRole);
    anyway->setObjectName(QStringLiteral("quitAnyway"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, send, keep, anyway](QAbstractButton *b) {
        if (b == anyway) {
            m_quitConfirmed = true;
            quit();
        } else if (b == send) {
            m_quitWhenSent = true;
            showNotice(tr("Sending; Outpost quits when the mail has gone out."));
            sendReceiveAll();
            // Nothing started (no account could): decide now rather than on a later cycle.
            QTimer::singleShot(0, this, &MainWindow::quitIfSent);
        } else if (b == keep && m_tray->isVisible()) {
            hide(); // on in the tray
        }
    });
    box->open();
    return false;
}

void MainWindow::quitIfSent()
{
    if (!m_quitWhenSent || m_scheduler->isBusy())
        return;
    m_quitWhenSent = false;
    const QString unsent = unsentAtQuit();
    if (!unsent.isEmpty()) {
        // Something could not go (or is planned for later): say so, rather than quit with it
        // left behind.
        bringToFront();
        showNotice(tr("Outpost keeps running: %1").arg(unsent));
        return;
    }
    m_quitConfirmed = true;
    quit();
}

} // namespace Outpost
