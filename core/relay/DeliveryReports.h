#pragma once

#include "store/OutboxStore.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace Outpost {

class Scheduler;

/// Delivery status notifications (RFC 3464) for mail other programs handed over: when a
/// relayed message fails for good (refused, or too old to retry) or some of its recipients
/// were refused, a multipart/report with the server's words goes into the account's inbox,
/// and with sendToSender also to the envelope sender through the account's server. Never
/// for an empty envelope sender (no report about a report), and at most one per message:
/// the reported messages are remembered in the account's reports.journal.
class DeliveryReports : public QObject
{
    Q_OBJECT

public:
    explicit DeliveryReports(Scheduler *scheduler, QObject *parent = nullptr);

    void setSendToSender(bool send) { m_sendToSender = send; }

    /// Looks at one message after a change; writes its report when one is due.
    void consider(const QString &accountId, const QString &messageId);

    struct Report
    {
        QByteArray bytes;
        QStringList failedRecipients;
        bool permanent = true; ///< false: the message aged out
    };
    /// The report for @p entry (whose message bytes are @p original), or nothing when none
    /// is due. @p now is the report's Date.
    static std::optional<Report> build(const OutboxEntry &entry, const QByteArray &original,
                                       const QDateTime &now);

Q_SIGNALS:
    /// A report was written for @p messageId; @p text says so in people's words.
    void reported(const QString &accountId, const QString &messageId, const QString &text);

private:
    bool wasReported(const QString &accountId, const QString &messageId);
    bool remember(const QString &accountId, const QString &messageId);
    QString journal(const QString &accountId) const;

    Scheduler *m_scheduler;
    bool m_sendToSender = false;
    QHash<QString, QSet<QString>> m_reported; ///< per account, loaded on first use
    QList<QPointer<OutboxStore>> m_watched;   ///< outboxes connected to consider()
};

} // namespace Outpost
