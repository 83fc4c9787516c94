#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace Outpost {

/// What the local relay hands its messages to: the accounts and their outboxes. The
/// session implements it (SessionRelay); tests give their own.
class RelayTarget
{
public:
    virtual ~RelayTarget() = default;

    /// The account a relay user name chooses (an account's name or its address,
    /// case-insensitive); empty when none.
    virtual QString accountForUser(const QString &user) const = 0;
    /// The account whose address is @p sender (for clients accepted without
    /// authentication); empty when none.
    virtual QString accountForSender(const QString &sender) const = 0;
    /// True when @p password is the profile's relay password.
    virtual bool checkPassword(const QByteArray &password) const = 0;

    /// One message the relay accepted the data of.
    struct Submission
    {
        QString accountId;
        QString sender; ///< the reverse-path; empty for the null path
        QStringList recipients;
        QByteArray data;    ///< CRLF line ends, dots unstuffed
        QString clientName; ///< the client's EHLO/HELO name
        QHostAddress client;
        bool needsSmtpUtf8 = false;
        QDateTime notBefore; ///< HOLDUNTIL/HOLDFOR (RFC 4865): sent later; invalid: now
    };
    /// What became of a submission: queued (on the disk, with its id) or refused with the
    /// SMTP reply to give (code, enhanced code and text for people).
    struct Outcome
    {
        QString id;       ///< the outbox id when queued
        QByteArray reply; ///< when refused, e.g. "451 4.3.0 The disk is full."
        bool queued() const { return !id.isEmpty(); }
    };
    /// Writes the message durably into the account's outbox, then calls @p done in the
    /// target's thread: at once or later (the flushes to the disk may run on a worker
    /// thread). The client is answered only then; @p done may come after its session
    /// ended (the message, complete, stays queued, as in any SMTP server).
    virtual void queue(const Submission &submission,
                       std::function<void(const Outcome &outcome)> done) = 0;

    /// The largest message @p accountId's server takes (its SIZE, RFC 1870), in octets; 0
    /// when it is not known (the relay's own limit applies).
    virtual qint64 sizeLimit(const QString &accountId) const
    {
        Q_UNUSED(accountId);
        return 0;
    }

    /// True when @p accountId's server is known not to take 8-bit mail (no 8BITMIME, RFC
    /// 6152): such a message is refused at submission rather than failed later.
    virtual bool refuses8Bit(const QString &accountId) const
    {
        Q_UNUSED(accountId);
        return false;
    }

    /// Runs a receive-then-send cycle of @p accountId (outpost-cli send-receive while this
    /// program holds the profile) and calls @p done, in @p context, with the SMTP reply:
    /// "250 " and the result as one line of JSON, or a refusal.
    virtual void runCycle(const QString &accountId, QObject *context,
                          std::function<void(const QByteArray &reply)> done)
    {
        Q_UNUSED(accountId);
        Q_UNUSED(context);
        done("502 5.5.1 Not offered here");
    }
};

} // namespace Outpost
