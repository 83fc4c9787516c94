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
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>

namespace Outpost {

namespace {

/// Names an alert's messages and their states: a dismissed alert comes back when it changes.
QString alertKey(const QList<StuckMessage> &stuck)
{
    QStringList parts;
    for (const StuckMessage &m : stuck)
        parts.append(m.id + QLatin1Char('/') + OutboxStore::stateName(m.state));
    return parts.join(QLatin1Char(' '));
}

} // namespace

void MainWindow::watchStuckMail()
{
    StuckMailWatch *watch = m_session->stuckMail();
    connect(watch, &StuckMailWatch::changed, this,
            [this](const QString &accountId) { updateStuckMail(accountId, false); });
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

StuckMailAlert MainWindow::stuckMailAlert(const QString &accountId,
                                          StuckMailText::Reason *reason) const
{
    const Account *account = m_scheduler->account(accountId);
    const OutboxStore *outbox = m_scheduler->outbox(accountId);
    if (!account || !outbox)
        return {};
    const QList<StuckMessage> stuck = m_session->stuckMail()->messages(accountId);
    const StuckMailFacts facts{*account, m_scheduler->status(accountId), m_clock->now()};
    if (reason && !stuck.isEmpty())
        *reason = StuckMailText::reason(stuck.first(), facts);
    return StuckMailText::alert(stuck, *outbox, facts);
}

void MainWindow::updateStuckMail(const QString &accountId, bool startup)
{
    const StuckMailAlert alert = stuckMailAlert(accountId);
    m_accountModel->setAlert(accountId, alert.title);
    if (accountId == currentAccountId())
        showStuckBar();
    const Account *account = m_scheduler->account(accountId);
    const OutboxStore *outbox = m_scheduler->outbox(accountId);
    if (!account || !outbox)
        return;
    // A notification for mail that became stuck by waiting: a failure is told already by the
    // cycle's own report, except what was left from the last run.
    QList<StuckMessage> news;
    const QList<StuckMessage> fresh =
        m_stuckNews.takeNew(accountId, m_session->stuckMail()->messages(accountId));
    for (const StuckMessage &m : fresh) {
        if (startup || m.state == OutboxState::Queued || m.state == OutboxState::Deferred)
            news.append(m);
    }
    if (news.isEmpty())
        return;
    const StuckMailFacts facts{*account, m_scheduler->status(accountId), m_clock->now()};
    const StuckMailAlert told = StuckMailText::alert(news, *outbox, facts);
    notify(told.title, tr("%1: %2").arg(account->name, told.text) + QLatin1Char('\n') + told.advice,
           QSystemTrayIcon::Warning);
}

void MainWindow::showStuckBar()
{
    const QString accountId = currentAccountId();
    StuckMailText::Reason reason = StuckMailText::Reason::Other;
    const StuckMailAlert alert = stuckMailAlert(accountId, &reason);
    m_stuckBar->setAlert(accountId, alert, reason,
                         alertKey(m_session->stuckMail()->messages(accountId)));
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
    if (entry && entry->state == OutboxState::Failed) {
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
    QString manualAccount;
    for (const Account &account : m_scheduler->accounts()) {
        const OutboxStore *outbox = m_scheduler->outbox(account.id);
        if (!outbox)
            continue;
        const int due = outbox->countDue(now);
        const int later = outbox->countPlanned(now);
        if (!startsAtLogin) {
            waiting += due + later;
            continue;
        }
        // Started at login: planned mail goes at its time; due mail only when the account
        // checks by itself.
        if (due > 0 && account.checkIntervalMinutes == 0 && !account.checkAtStartup) {
            waiting += due;
            manualAccount = account.name;
        }
    }
    if (waiting == 0)
        return {};
    if (!startsAtLogin)
        return tr("%n message(s) in the outbox will not be sent once Outpost quits: it does not "
                  "start when you log in.",
                  nullptr, waiting);
    return tr("%n message(s) in the outbox will not be sent once Outpost quits: the account %1 "
              "sends only when you press Send/Receive.",
              nullptr, waiting)
        .arg(manualAccount);
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
    if (!unsentAtQuit().isEmpty()) {
        // Something could not go: say so, rather than quit with it left behind.
        bringToFront();
        showNotice(tr("Not all the mail could be sent, so Outpost keeps running."));
        return;
    }
    m_quitConfirmed = true;
    quit();
}

} // namespace Outpost
