#include "CycleReport.h"

#include "message/MessageReader.h"
#include "store/OutboxStore.h"

namespace Outpost {

QList<CycleReportItem> CycleReport::describe(const QString &name, const CycleResult &r,
                                             const OutboxStore *outbox)
{
    using Kind = CycleReportItem::Kind;
    using Severity = CycleReportItem::Severity;
    QList<CycleReportItem> items;
    if (r.accountError.isError())
        items.append({Kind::Paused, Severity::Critical, tr("Sending and receiving stopped"),
                      r.waiting > 0 ? tr("%1: %2 (%n message(s) waiting)", nullptr, r.waiting)
                                          .arg(name, r.accountError.message)
                                    : tr("%1: %2").arg(name, r.accountError.message)});
    if (r.storeError.isError())
        items.append({Kind::StoreError, Severity::Critical, tr("Outpost could not save its work"),
                      tr("%1: %2").arg(name, r.storeError.message)});
    if (r.failed > 0)
        items.append({Kind::Failed, Severity::Warning, tr("A message could not be sent"),
                      tr("%1: %n message(s) could not be sent. The Failed folder shows the "
                         "server's reply.",
                         nullptr, r.failed)
                          .arg(name)});
    if (r.mayHaveBeenSent > 0)
        items.append({Kind::MayHaveBeenSent, Severity::Warning, tr("A message may have been sent"),
                      tr("%1: the connection broke before the server confirmed %n message(s). "
                         "Check with the recipients, then choose Resend or Mark as sent.",
                         nullptr, r.mayHaveBeenSent)
                          .arg(name)});
    if (r.receiveError.isError())
        items.append({Kind::ReceiveError, Severity::Warning, tr("Receiving did not finish"),
                      tr("%1: receiving: %2").arg(name, r.receiveError.message)});
    if (r.deferred > 0)
        items.append(
            {Kind::Deferred, Severity::Information, tr("Sending will be retried"),
             tr("%1: %n message(s) will be retried later.", nullptr, r.deferred).arg(name)});
    if (r.received > 0)
        items.append({Kind::NewMail, Severity::Information, tr("New mail"),
                      tr("%1: %n new message(s)", nullptr, r.received).arg(name)});
    if (r.sent > 0)
        items.append({Kind::Sent, Severity::Information, tr("Mail sent"),
                      tr("%1: %n message(s) sent", nullptr, r.sent).arg(name)});
    for (const QString &id : r.sentAfterRetrying) {
        const std::optional<OutboxEntry> e = outbox ? outbox->message(id) : std::nullopt;
        if (!e)
            continue;
        const MessageSummary s = MessageReader::readSummary(e->messagePath);
        items.append({Kind::SentAfterRetrying, Severity::Information, tr("Sent after retrying"),
                      tr("%1: \"%2\" went out after %n attempt(s).", nullptr, e->attempts)
                          .arg(name, s.subject)});
    }
    if (items.isEmpty())
        items.append({Kind::NothingToDo, Severity::Information, tr("Nothing new"),
                      tr("%1: no new mail, nothing to send.").arg(name)});
    return items;
}

QJsonObject CycleReport::toJson(const QString &accountId, const CycleResult &r)
{
    return QJsonObject{
        {QStringLiteral("account"), accountId},
        {QStringLiteral("received"), r.received},
        {QStringLiteral("sent"), r.sent},
        {QStringLiteral("deferred"), r.deferred},
        {QStringLiteral("failed"), r.failed},
        {QStringLiteral("mayHaveBeenSent"), r.mayHaveBeenSent},
        {QStringLiteral("waiting"), r.waiting},
        {QStringLiteral("popLogins"), r.popLogins},
        {QStringLiteral("error"), r.accountError.message},
        {QStringLiteral("errorKind"), NetError::kindName(r.accountError.kind)},
        {QStringLiteral("receiveError"), r.receiveError.message},
        {QStringLiteral("receiveErrorKind"), NetError::kindName(r.receiveError.kind)},
        {QStringLiteral("storeError"), r.storeError.message},
    };
}

CycleResult CycleReport::fromJson(const QJsonObject &o)
{
    auto kind = [](const QString &name) {
        for (int k = NetError::None; k <= NetError::Protocol; ++k)
            if (NetError::kindName(NetError::Kind(k)) == name)
                return NetError::Kind(k);
        return NetError::Protocol; // an error of a kind this build does not know
    };
    CycleResult r;
    r.received = o.value(QStringLiteral("received")).toInt();
    r.sent = o.value(QStringLiteral("sent")).toInt();
    r.deferred = o.value(QStringLiteral("deferred")).toInt();
    r.failed = o.value(QStringLiteral("failed")).toInt();
    r.mayHaveBeenSent = o.value(QStringLiteral("mayHaveBeenSent")).toInt();
    r.waiting = o.value(QStringLiteral("waiting")).toInt();
    r.popLogins = o.value(QStringLiteral("popLogins")).toInt();
    const QString error = o.value(QStringLiteral("errorKind")).toString();
    if (!error.isEmpty() && error != QLatin1String("none"))
        r.accountError = NetError::make(kind(error), o.value(QStringLiteral("error")).toString());
    const QString receive = o.value(QStringLiteral("receiveErrorKind")).toString();
    if (!receive.isEmpty() && receive != QLatin1String("none"))
        r.receiveError =
            NetError::make(kind(receive), o.value(QStringLiteral("receiveError")).toString());
    const QString store = o.value(QStringLiteral("storeError")).toString();
    if (!store.isEmpty())
        r.storeError = {StoreError::Kind::NotWritable, store, {}};
    return r;
}

} // namespace Outpost
