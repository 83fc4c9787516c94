#include "OutboxStateText.h"

#include <QLocale>

namespace Outpost {

namespace {

QDateTime nowOr(const QDateTime &now)
{
    return now.isValid() ? now : QDateTime::currentDateTime();
}

/// The server's words on one line.
QString reason(const OutboxEntry &entry)
{
    return entry.lastReply.simplified();
}

/// A sentence for people as a part of another: no full stop at its end.
QString clause(const QString &sentence)
{
    QString words = sentence.simplified();
    while (words.endsWith(QLatin1Char('.')))
        words.chop(1);
    return words;
}

/// The message waits on its account (not on a time of its own).
bool waitsOnAccount(const OutboxEntry &e, const QDateTime &now)
{
    if (e.state == OutboxState::Queued)
        return !(e.notBefore.isValid() && e.notBefore > now);
    return e.state == OutboxState::Deferred;
}

} // namespace

OutboxStateContext OutboxStateContext::forAccount(const Account &account,
                                                  const Scheduler::Status &status,
                                                  const QDateTime &now, bool commandLine)
{
    OutboxStateContext c;
    c.now = now;
    c.accountKnown = true;
    c.accountError = status.lastError;
    c.errorOnSend = status.lastErrorOnSend;
    c.storeError = status.lastStoreError.message;
    c.nextTry = status.nextRetry;
    if (status.nextCheck.isValid() && (!c.nextTry.isValid() || status.nextCheck < c.nextTry))
        c.nextTry = status.nextCheck;
    // A running cycle is about to take the message: nobody has to press anything.
    c.manualOnly = account.checkIntervalMinutes <= 0 && !status.running;
    c.commandLine = commandLine;
    return c;
}

QString OutboxStateText::accountReason(const Context &c)
{
    if (!c.accountKnown)
        return {};
    const NetError &e = c.accountError;
    if (!e.isError() && c.storeError.isEmpty())
        return {};
    const QDateTime now = nowOr(c.now);
    // When it goes on by itself, or what makes it go on.
    QString next;
    if (c.nextTry.isValid())
        next = tr("next try %1").arg(when(c.nextTry, now));
    else if (c.manualOnly)
        next = c.commandLine ? tr("run \"outpost-cli send-receive\" to try again")
                             : tr("press Send/Receive to try again");
    auto then = [&next](const QString &what) {
        return next.isEmpty() ? what : tr("%1 — %2").arg(what, next);
    };
    switch (e.kind) {
    case NetError::None:
        return then(tr("Outpost could not save its work (%1)").arg(clause(c.storeError)));
    case NetError::Authentication:
        // No reply: Outpost did not get as far as sending a password (none could be read,
        // or the server lacks the login method).
        if (e.reply.isEmpty())
            return tr("%1 — check the password and the account's settings").arg(clause(e.message));
        return tr("the server refused the password — enter it again");
    case NetError::Network:
    case NetError::ConnectTimeout:
    case NetError::Timeout:
        return then(tr("the server could not be reached"));
    case NetError::Tls:
        return e.certificate.isNull()
                   ? tr("no secure connection could be made — check the account's settings")
                   : tr("the server's certificate was not accepted — check it in the account's "
                        "settings");
    case NetError::InsecureLogin:
        return tr("the password would have crossed the network unencrypted — check the "
                  "security in the account's settings");
    case NetError::RelayDenied:
        return tr("the server would not pass the mail on — check the account's settings");
    case NetError::Transient:
    case NetError::Permanent:
    case NetError::Protocol:
        break;
    }
    return then(clause(e.message));
}

QString OutboxStateText::when(const QDateTime &moment, const QDateTime &now)
{
    const QLocale locale;
    const QDateTime local = moment.toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QString time = locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date() == today)
        return tr("at %1").arg(time);
    if (local.date() == today.addDays(1))
        return tr("tomorrow at %1").arg(time);
    return tr("on %1").arg(locale.toString(local, QLocale::ShortFormat));
}

QString OutboxStateText::label(const OutboxEntry &e, const Context &context)
{
    const QDateTime now = nowOr(context.now);
    switch (e.state) {
    case OutboxState::Queued:
        if (e.held && e.notBefore.isValid() && e.notBefore > now)
            return tr("Held for Undo until %1")
                .arg(e.notBefore.toLocalTime().time().toString(QStringLiteral("HH:mm:ss")));
        if (e.notBefore.isValid() && e.notBefore > now)
            return tr("To be sent %1").arg(when(e.notBefore, now));
        if (const QString why = accountReason(context); !why.isEmpty())
            return tr("Waiting: %1").arg(why);
        if (context.accountKnown && context.manualOnly && !context.nextTry.isValid())
            return context.commandLine ? tr("Waiting for \"outpost-cli send-receive\"")
                                       : tr("Waiting for you to press Send/Receive");
        return context.waitingForLogin ? tr("Waiting for the POP login") : tr("Waiting");
    case OutboxState::Sending:
        return context.percent >= 0 ? tr("Sending (%1%)").arg(context.percent) : tr("Sending");
    case OutboxState::Deferred:
        // A paused account does not keep the message's own retry time: its reason is the one.
        if (const QString why = accountReason(context); !why.isEmpty())
            return tr("Waiting: %1").arg(why);
        return e.nextAttempt.isValid() ? tr("Will retry %1").arg(when(e.nextAttempt, now))
                                       : tr("Will retry");
    case OutboxState::Failed:
        return tr("Failed");
    case OutboxState::MayHaveBeenSent:
        return tr("May have been sent");
    case OutboxState::Sent:
        return tr("Sent %1").arg(QLocale().toString(e.sentAt.toLocalTime(), QLocale::ShortFormat));
    }
    return {};
}

QString OutboxStateText::describe(const OutboxEntry &e, const Context &context)
{
    const QString words = label(e, context);
    const QString why = reason(e);
    switch (e.state) {
    case OutboxState::Deferred:
        if (!accountReason(context).isEmpty())
            return words; // the account's reason, not this message's
        [[fallthrough]];
    case OutboxState::Failed:
        return why.isEmpty() ? words : tr("%1 because: %2").arg(words, why);
    case OutboxState::MayHaveBeenSent:
        return tr("May have been sent: the connection broke before the server confirmed it");
    case OutboxState::Sent:
        return e.rejectedRecipients.isEmpty()
                   ? words
                   : tr("%1, but not to %2")
                         .arg(words, e.rejectedRecipients.join(QStringLiteral(", ")));
    case OutboxState::Queued:
    case OutboxState::Sending:
        break;
    }
    return words;
}

QString OutboxStateText::origin(const OutboxEntry &entry)
{
    if (entry.envelope.origin.isEmpty())
        return {};
    return tr("Handed over by %1 through the local relay").arg(entry.envelope.origin);
}

QStringList OutboxStateText::timeline(const OutboxEntry &entry, const Context &context)
{
    QStringList lines = timeline(entry, context.now);
    const QDateTime now = nowOr(context.now);
    if (!waitsOnAccount(entry, now))
        return lines;
    const QString state = label(entry, context);
    // Only a reason worth telling: what the account waits for, not a plain "Waiting".
    if (!accountReason(context).isEmpty() ||
        (context.accountKnown && context.manualOnly && !context.nextTry.isValid())) {
        if (lines.isEmpty() && entry.queuedAt.isValid())
            lines.append(tr("Queued %1").arg(when(entry.queuedAt, now)));
        lines.append(tr("Now: %1").arg(state));
    }
    return lines;
}

QStringList OutboxStateText::timeline(const OutboxEntry &entry, const QDateTime &now)
{
    const QList<DeliveryAttempt> attempts = entry.history.attempts();
    if (attempts.isEmpty())
        return {};
    const QDateTime today = nowOr(now);
    QStringList lines;
    if (entry.queuedAt.isValid())
        lines.append(tr("Queued %1").arg(when(entry.queuedAt, today)));
    for (int i = 0; i < attempts.size(); ++i) {
        const DeliveryAttempt &a = attempts.at(i);
        if (i == 1 && entry.history.omitted() > 0)
            lines.append(
                tr("\u2026 %n earlier attempt(s) not kept", nullptr, entry.history.omitted()));
        QString outcome;
        switch (a.outcome) {
        case DeliveryAttempt::Outcome::Sent:
            outcome = tr("sent");
            break;
        case DeliveryAttempt::Outcome::Deferred:
            outcome = tr("to be tried again");
            break;
        case DeliveryAttempt::Outcome::Failed:
            outcome = tr("failed");
            break;
        case DeliveryAttempt::Outcome::MayHaveBeenSent:
            outcome = tr("may have been sent (no confirmation came)");
            break;
        case DeliveryAttempt::Outcome::Interrupted:
            outcome = tr("interrupted when Outpost stopped; nothing was delivered");
            break;
        }
        const QString reply = a.reply.section(QLatin1Char('\n'), 0, 0).simplified();
        if (!reply.isEmpty())
            outcome = tr("%1 (%2)").arg(outcome, reply);
        const QDateTime at = a.startedAt.isValid() ? a.startedAt : a.endedAt;
        QString line;
        if (!a.startedAt.isValid())
            line = tr("Outpost decided %1: %2").arg(when(at, today), outcome);
        else if (a.loginAt.isValid())
            line = tr("Tried %1 after the POP login %2: %3")
                       .arg(when(at, today), when(a.loginAt, today), outcome);
        else if (a.smtpAuth)
            line = tr("Tried %1 with SMTP AUTH: %2").arg(when(at, today), outcome);
        else
            line = tr("Tried %1: %2").arg(when(at, today), outcome);
        lines.append(line);
        for (const DeliveryAttempt::Recipient &r : a.recipients)
            lines.append(QStringLiteral("    ") +
                         tr("%1: %2").arg(r.address, r.reply.simplified()));
        if (a.moreRecipients > 0)
            lines.append(QStringLiteral("    ") +
                         tr("%n more recipient(s)", nullptr, a.moreRecipients));
    }
    return lines;
}

} // namespace Outpost
