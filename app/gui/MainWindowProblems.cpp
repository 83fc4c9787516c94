// The main window's banner and notification for an account that stopped working (a refused
// password, a server out of reach, a certificate): what happened in people's words and the
// fitting action, until the account works again.
#include "MainWindow.h"

#include "AccountProblemBar.h"
#include "PasswordPrompt.h"
#include "schedule/Clock.h"
#include "schedule/Scheduler.h"
#include "usecases/AccountProblemText.h"

namespace Outpost {

void MainWindow::watchAccountProblems()
{
    connect(m_scheduler, &Scheduler::statusChanged, this, &MainWindow::updateAccountProblem);
    connect(m_scheduler, &Scheduler::accountsChanged, this, [this] {
        // A removed account's failure is forgotten (told again if it comes back).
        for (const QString &id : m_problemsTold.keys()) {
            if (!m_scheduler->account(id))
                m_problemsTold.remove(id);
        }
        showAccountProblem();
    });
    connect(m_problemBar, &AccountProblemBar::passwordRequested, this, &MainWindow::enterPassword);
    connect(m_problemBar, &AccountProblemBar::settingsRequested, this,
            [this](const QString &accountId) { editAccount(accountId); });
    connect(m_problemBar, &AccountProblemBar::retryRequested, this, &MainWindow::sendReceive);
}

OutboxStateContext MainWindow::situation(const QString &accountId) const
{
    const Account *a = m_scheduler->account(accountId);
    if (!a)
        return {};
    return OutboxStateContext::forAccount(*a, m_scheduler->status(accountId), m_clock->now());
}

void MainWindow::updateAccountProblem(const QString &accountId)
{
    const Account *a = m_scheduler->account(accountId);
    if (!a)
        return;
    const AccountProblem problem =
        AccountProblemText::describe(*a, m_scheduler->status(accountId), m_clock->now());
    if (problem.isEmpty()) {
        m_problemsTold.remove(accountId); // it works again: a new failure is news
    } else if (m_problemsTold.value(accountId) != problem.key) {
        // Once per failure, not on every retry that fails the same way.
        m_problemsTold.insert(accountId, problem.key);
        notify(problem.title, problem.text, QSystemTrayIcon::Critical);
    }
    if (accountId == currentAccountId()) {
        m_model->setAccountSituation(situation(accountId));
        if (selectedEntry())
            showSelectedMessage(); // the preview's reason too (outbox messages only)
    }
    showAccountProblem();
}

void MainWindow::showAccountProblem()
{
    // The selected account's problem first, else the first account that stopped: a failure
    // is seen whichever account is shown.
    const QDateTime now = m_clock->now();
    QStringList ids{currentAccountId()};
    for (const Account &a : m_scheduler->accounts())
        ids.append(a.id);
    for (const QString &id : std::as_const(ids)) {
        const Account *a = m_scheduler->account(id);
        if (!a)
            continue;
        const AccountProblem problem =
            AccountProblemText::describe(*a, m_scheduler->status(id), now);
        if (!problem.isEmpty()) {
            m_problemBar->setProblem(id, problem);
            return;
        }
    }
    m_problemBar->setProblem({}, {});
}

void MainWindow::enterPassword(const QString &accountId, bool outgoing)
{
    m_prompt->askAgain(accountId, outgoing ? CredentialStore::Server::Outgoing
                                           : CredentialStore::Server::Incoming);
}

} // namespace Outpost
