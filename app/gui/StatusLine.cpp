#include "StatusLine.h"

#include "schedule/Clock.h"
#include "schedule/Scheduler.h"
#include "usecases/AccountStatusText.h"

#include <QLabel>
#include <QNetworkInformation>
#include <QTimer>

namespace Outpost {

StatusLine::StatusLine(Scheduler *scheduler, Clock *clock, std::function<QString()> currentAccount,
                       QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
    , m_clock(clock)
    , m_currentAccount(std::move(currentAccount))
    , m_label(new QLabel)
    , m_timer(new QTimer(this))
{
    m_label->setObjectName(QStringLiteral("accountStatus"));
    m_timer->setObjectName(QStringLiteral("statusTimer"));
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &StatusLine::update);
}

void StatusLine::setWaiting(const QHash<QString, int> &waiting, const QHash<QString, int> &planned)
{
    m_waiting = waiting;
    m_planned = planned;
    update();
}

QString StatusLine::text(const QString &accountId) const
{
    const Account *a = m_scheduler->account(accountId);
    if (!a)
        return {};
    const QNetworkInformation *network = QNetworkInformation::instance();
    AccountStatusText::Facts facts;
    facts.waiting = m_waiting.value(accountId);
    facts.planned = m_planned.value(accountId);
    facts.offline =
        network && network->reachability() == QNetworkInformation::Reachability::Disconnected;
    facts.now = m_clock->now();
    return AccountStatusText::describe(*a, m_scheduler->status(accountId), facts);
}

void StatusLine::update()
{
    QStringList lines;
    const QList<Account> accounts = m_scheduler->accounts();
    const QString current = m_currentAccount();
    for (const Account &a : accounts) {
        const QString line = text(a.id);
        if (accounts.size() == 1)
            lines.append(line);
        else if (a.id == current || m_scheduler->isRunning(a.id))
            lines.append(tr("%1: %2").arg(a.name, line));
    }
    m_label->setText(accounts.isEmpty() ? tr("No accounts") : lines.join(QStringLiteral("   ")));
    QStringList tooltip;
    for (const Account &a : accounts)
        tooltip.append(tr("%1: %2").arg(a.name, text(a.id)));
    m_label->setToolTip(tooltip.join(u'\n'));

    // The line changes by itself only while a cycle runs or a relay window counts down;
    // otherwise the timer stays off, so an idle Outpost costs no CPU.
    const QDateTime now = m_clock->now();
    bool ticking = false;
    for (const Account &a : accounts) {
        const Scheduler::Status st = m_scheduler->status(a.id);
        ticking = ticking || st.running ||
                  (a.popBeforeSmtp && st.windowClosesAt.isValid() && st.windowClosesAt > now);
    }
    if (ticking && !m_timer->isActive())
        m_timer->start();
    else if (!ticking && m_timer->isActive())
        m_timer->stop();
}

} // namespace Outpost
