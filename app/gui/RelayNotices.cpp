#include "RelayNotices.h"

#include "relay/RelayService.h"
#include "schedule/Scheduler.h"
#include "store/OutboxStore.h"

namespace Outpost {

RelayNotices::RelayNotices(RelayService *relay, Scheduler *scheduler, QObject *parent)
    : QObject(parent)
{
    // Also when it listens on this computer but not on the network (its certificate).
    connect(relay, &RelayService::started, this, [this, relay] {
        if (!relay->problem().isEmpty())
            Q_EMIT notice(relay->problem());
    });
    connect(relay, &RelayService::queued, this,
            [this, scheduler](const QString &accountId, const QString &id) {
                const Account *account = scheduler->account(accountId);
                const std::optional<OutboxEntry> entry = scheduler->outbox(accountId)->message(id);
                if (account && entry)
                    Q_EMIT notice(tr("%1: a message from %2 is in the outbox.")
                                      .arg(account->name, entry->envelope.origin));
            });
    connect(relay, &RelayService::reported, this,
            [this](const QString &, const QString &, const QString &text) {
                Q_EMIT warning(tr("Mail from another program was not delivered"), text);
                Q_EMIT notice(text);
            });
}

} // namespace Outpost
