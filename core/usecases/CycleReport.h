#pragma once

#include "schedule/Cycle.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Outpost {

class OutboxStore;

/// What one cycle of one account did, in people's words: the desktop program shows each item
/// as a notification or in its status line, outpost-cli prints them. One wording for both.
struct CycleReportItem
{
    enum class Kind
    {
        NewMail,           ///< messages were downloaded
        Sent,              ///< messages went out
        SentAfterRetrying, ///< one message went out only after earlier attempts failed
        Deferred,          ///< messages wait for a retry
        Failed,            ///< messages could not be sent (permanent)
        MayHaveBeenSent,   ///< the connection broke after the data, before the reply
        Paused,            ///< the account stopped (wrong password, server down, TLS, …)
        ReceiveError,      ///< receiving went wrong, sending went on
        StoreError,        ///< the disk could not record something
        NothingToDo,       ///< the check found nothing new and had nothing to send
    };
    enum class Severity
    {
        Information,
        Warning,
        Critical,
    };

    Kind kind;
    Severity severity;
    QString title; ///< a short heading (for a notification)
    QString text;  ///< the sentence, starting with the account's name
};

/// Turns a cycle's result into report items, most important first.
class CycleReport
{
    Q_DECLARE_TR_FUNCTIONS(CycleReport)

public:
    /// @p outbox (may be null) names the messages that went out after retrying.
    static QList<CycleReportItem> describe(const QString &accountName, const CycleResult &result,
                                           const OutboxStore *outbox);

    /// The result as `outpost-cli send-receive --json` prints it (and as a running program
    /// hands it to outpost-cli).
    static QJsonObject toJson(const QString &accountId, const CycleResult &result);
    /// The counts and errors back from toJson() (the messages' ids are not in it).
    static CycleResult fromJson(const QJsonObject &object);
};

} // namespace Outpost
