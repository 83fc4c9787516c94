#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

class QJsonObject;

namespace Outpost {

/// One try at delivering a message: an SMTP transaction, or a decision Outpost took without
/// one (it gave up, the server cannot take the message, Outpost stopped during the send).
struct DeliveryAttempt
{
    enum class Outcome
    {
        Sent,            ///< the server accepted the data
        Deferred,        ///< a transient failure: tried again later
        Failed,          ///< a permanent failure, or Outpost gave up
        MayHaveBeenSent, ///< the data went out, no reply came
        Interrupted,     ///< Outpost stopped while sending; nothing was delivered
    };

    /// What the server said to one recipient (RCPT).
    struct Recipient
    {
        QString address;
        QString reply; ///< the reply's text, code first ("250 2.1.5 Ok")
        bool accepted = false;
        bool operator==(const Recipient &) const = default;
    };

    QDateTime startedAt; ///< UTC; when the transaction began (invalid: no transaction)
    QDateTime endedAt;   ///< UTC; when the outcome was known
    /// UTC; the POP login that opened the relay window for it (invalid: none was needed).
    QDateTime loginAt;
    bool smtpAuth = false; ///< the transaction was authenticated (SMTP AUTH)
    Outcome outcome = Outcome::Deferred;
    QString reply; ///< the final words: the data's reply when sent, else why not
    /// Per recipient, refused ones first; at most maxRecipients of them.
    QList<Recipient> recipients;
    int moreRecipients = 0; ///< recipients answered but not kept (beyond maxRecipients)

    static constexpr int maxRecipients = 10;
    static constexpr int maxReplyChars = 400;

    static QString outcomeName(Outcome outcome);
    bool operator==(const DeliveryAttempt &) const = default;
};

/// A message's delivery history: its attempts, oldest first, bounded (the first attempt and
/// the latest ones are kept; how many were left out between them is counted). Kept as
/// compact JSON, as it is journaled: most messages have none or one attempt, and only the
/// details pane and `outpost-cli outbox --json` read it, so it is parsed only then.
class DeliveryHistory
{
public:
    /// The attempts a history keeps: the first one and the latest maxKept - 1.
    static constexpr int maxKept = 12;

    bool isEmpty() const { return m_json.isEmpty(); }
    QList<DeliveryAttempt> attempts() const;
    /// Attempts recorded but no longer kept (between the first and the kept latest ones).
    int omitted() const;
    /// Adds @p attempt at the end, dropping the second-oldest when the history is full; the
    /// texts are shortened to their limits.
    void add(DeliveryAttempt attempt);
    /// When the trailing run of deferred attempts began (the start, else the end, of its
    /// first attempt); invalid when the latest attempt was not deferred.
    QDateTime deferredSince() const;

    /// The compact JSON object, as journaled (empty when there is no attempt).
    QByteArray json() const { return m_json; }
    static DeliveryHistory fromJson(const QJsonObject &object);
    bool operator==(const DeliveryHistory &) const = default;

private:
    QByteArray m_json; ///< {"omitted":n,"attempts":[...]} or empty
};

} // namespace Outpost
