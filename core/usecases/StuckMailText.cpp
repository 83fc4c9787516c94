#include "StuckMailText.h"

#include "OutboxStateText.h"
#include "message/MessageReader.h"
#include "smtp/SmtpReplyClassifier.h"

#include <QRegularExpression>

namespace Outpost {

namespace {

/// The server's reply inside the stored words: a line that starts with a reply code, else
/// one quoted after "said: " (Outpost's own sentence around it).
SmtpReply serverReply(const QString &words)
{
    static const QRegularExpression atLineStart(
        QStringLiteral("^([245]\\d\\d)[ -](?:([245]\\.\\d{1,3}\\.\\d{1,3})\\s)?(.*)$"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression quoted(
        QStringLiteral(":\\s+([245]\\d\\d)[ -](?:([245]\\.\\d{1,3}\\.\\d{1,3})\\s)?(.*)$"),
        QRegularExpression::MultilineOption);
    QRegularExpressionMatch match;
    QRegularExpressionMatchIterator lines = atLineStart.globalMatch(words);
    while (lines.hasNext())
        match = lines.next(); // the last reply is the one that decided
    if (!match.hasMatch())
        match = quoted.match(words);
    SmtpReply reply;
    if (!match.hasMatch())
        return reply;
    reply.code = match.captured(1).toInt();
    reply.enhancedCode = match.captured(2).toLatin1();
    reply.lines = {match.captured(3).toUtf8()};
    return reply;
}

bool enhancedStartsWith(const SmtpReply &reply, const char *prefix)
{
    // "5.1" matches "5.1.1"; the class digit is compared too.
    return reply.enhancedCode.startsWith(QByteArray(prefix) + '.') || reply.enhancedCode == prefix;
}

bool enhancedIs(const SmtpReply &reply, const char *subject)
{
    // The subject and detail, either class: "2.2" for 4.2.2 and 5.2.2.
    return reply.enhancedCode.size() > 2 && reply.enhancedCode.mid(2) == subject;
}

QString firstLine(const QString &words)
{
    return words.section(QLatin1Char('\n'), 0, 0).simplified();
}

bool says(const SmtpReply &reply, const char *text)
{
    return reply.text().toLower().contains(text);
}

} // namespace

StuckMailText::Reason StuckMailText::reason(const StuckMessage &message, const Facts &facts)
{
    switch (message.state) {
    case OutboxState::MayHaveBeenSent:
        return Reason::MayHaveBeenSent;
    case OutboxState::Queued:
        if (facts.status.lastError.isError())
            return Reason::Paused;
        if (facts.account.checkIntervalMinutes == 0)
            return Reason::NotChecked;
        return Reason::Waiting;
    case OutboxState::Sending:
    case OutboxState::Sent:
        return Reason::Other;
    case OutboxState::Deferred:
    case OutboxState::Failed:
        break;
    }
    const SmtpReply reply = serverReply(message.reply);
    const bool failed = message.state == OutboxState::Failed;
    // No reply at all: a deferral is the network's; a failure is Outpost's own decision
    // (too large for the server's announced limit, an unreadable file), told in its words.
    if (reply.isNull())
        return failed ? Reason::Other : Reason::Unreachable;
    // The sender before the relay: "553 5.7.1 <me@x>: Sender address rejected: not owned by
    // user" is about the From address, not about POP before SMTP.
    if (says(reply, "sender address rejected") || reply.enhancedCode.endsWith(".1.7") ||
        reply.enhancedCode.endsWith(".1.8") || says(reply, "sender verify failed"))
        return Reason::Sender;
    if (says(reply, "starttls") || says(reply, "encryption required") ||
        reply.enhancedCode == "5.7.11")
        return Reason::Security;
    if (classifySmtpReply(reply, SmtpStage::RcptTo) == SmtpReplyClass::RelayDenied)
        return Reason::Relay;
    const bool aboutLogin = says(reply, "auth") || says(reply, "credentials") ||
                            says(reply, "password") || says(reply, "login");
    if (reply.code == 535 || reply.code == 534 || reply.enhancedCode == "5.7.8" ||
        ((reply.code == 530 || reply.enhancedCode == "5.7.0" || reply.enhancedCode == "5.7.57") &&
         aboutLogin) ||
        classifySmtpReply(reply, SmtpStage::MailFrom) == SmtpReplyClass::AuthRequired)
        return Reason::Login;
    if (enhancedIs(reply, "2.2") || says(reply, "mailbox full") || says(reply, "mailbox is full") ||
        says(reply, "over quota") || says(reply, "quota exceeded"))
        return Reason::MailboxFull;
    if (enhancedIs(reply, "3.4") || enhancedIs(reply, "2.3") || says(reply, "too large") ||
        says(reply, "size exceeds") || says(reply, "too big") || says(reply, "message size"))
        return Reason::TooLarge;
    // Only a permanent refusal says an address is wrong: greylisting answers "450 4.2.0 <x>:
    // Recipient address rejected: Greylisted".
    if (reply.code / 100 == 5 &&
        (enhancedStartsWith(reply, "5.1") || reply.code == 553 || says(reply, "user unknown") ||
         says(reply, "no such user") || says(reply, "unknown user") ||
         says(reply, "does not exist") || says(reply, "recipient address rejected") ||
         says(reply, "mailbox unavailable") || says(reply, "invalid recipient")))
        return Reason::Recipient;
    // A temporary refusal that ended in a failure: Outpost gave up trying.
    if (reply.code / 100 == 4)
        return failed ? Reason::GaveUp : Reason::TryLater;
    return Reason::Other;
}

QString StuckMailText::advice(Reason reason, const Facts &facts)
{
    switch (reason) {
    case Reason::Unreachable:
        return tr("Check the network connection, and the outgoing server's name, port and "
                  "security in the account's settings. Outpost keeps trying by itself.");
    case Reason::Recipient:
        return tr("Check the address it is sent to: correct it with Edit, then send it again, "
                  "or delete the message.");
    case Reason::Relay:
        return facts.account.smtpAuth != SmtpAuth::None
                   ? tr("The server would not pass the message on. Check the user name and "
                        "password for sending, and that this server is the one your provider "
                        "gave for outgoing mail.")
                   : tr("The server would not pass the message on. Check that the incoming "
                        "(POP) login works and the relay window in the account's settings, or "
                        "turn on SMTP AUTH if your provider asks for it.");
    case Reason::Login:
        if (facts.account.smtpAuth == SmtpAuth::None)
            return tr("The server wants a login for sending (SMTP AUTH). Turn it on in the "
                      "account's settings, with the user name and password your provider gave.");
        return tr("Check the user name and password for sending in the account's settings; "
                  "Outpost tries again when they change.");
    case Reason::Sender:
        return tr("The server refused the sender address. Check the e-mail address in the "
                  "account's settings: many providers send only for their own addresses.");
    case Reason::Security:
        return tr("The server wants an encrypted connection first. Set the outgoing security "
                  "to STARTTLS (or SSL/TLS) in the account's settings.");
    case Reason::GaveUp:
        return tr("Outpost stopped trying after the time set for giving up. Send it again to "
                  "try once more; if it keeps failing, ask your provider.");
    case Reason::TooLarge:
        return tr("The message is larger than the server takes. Remove or shrink attachments "
                  "with Edit, then send it again.");
    case Reason::MailboxFull:
        return tr("The recipient's mailbox is full. Send it again later, or tell them another "
                  "way.");
    case Reason::TryLater:
        return tr("The server asked to try again later, and Outpost does so by itself. If it "
                  "lasts, ask your provider.");
    case Reason::MayHaveBeenSent:
        return tr("The connection broke after the whole message went out, so it may have "
                  "arrived. Check with a recipient, then mark it as sent or send it again.");
    case Reason::Paused:
        return tr("The account stopped: %1 Fix this, and Outpost tries again as soon as the "
                  "settings or the password change.")
            .arg(facts.status.lastError.message.trimmed());
    case Reason::NotChecked:
        return facts.commandLine
                   ? tr("This account sends only when asked: run \"outpost-cli send-receive\", "
                        "or set an automatic check with \"outpost-cli account edit\" and "
                        "--interval.")
                   : tr("This account sends only when you press Send/Receive. Press it now, or "
                        "set an automatic check in the account's settings.");
    case Reason::Waiting:
        if (facts.status.nextCheck.isValid())
            return tr("Outpost tries again at the next check (%1). If it keeps waiting, check "
                      "the account's settings.")
                .arg(OutboxStateText::when(facts.status.nextCheck, facts.now));
        return facts.commandLine ? tr("Run \"outpost-cli send-receive\" to send it now.")
                                 : tr("Press Send/Receive to send it now.");
    case Reason::Other:
        break;
    }
    return tr("Read the reason above; change the message with Edit and send it again, or "
              "delete it.");
}

QString StuckMailText::duration(qint64 seconds)
{
    const qint64 minutes = std::max<qint64>(seconds / 60, 1);
    if (minutes < 120)
        return tr("%n minute(s)", nullptr, int(minutes));
    if (minutes < 48 * 60)
        return tr("%n hour(s)", nullptr, int(minutes / 60));
    return tr("%n day(s)", nullptr, int(minutes / (24 * 60)));
}

QString StuckMailText::name(const OutboxEntry &entry)
{
    QString subject;
    if (!entry.messagePath.isEmpty())
        subject = MessageReader::readSummary(entry.messagePath).subject.simplified();
    if (subject.isEmpty())
        subject = tr("(no subject)");
    const QStringList &to = entry.envelope.recipients;
    if (to.isEmpty())
        return tr("\u201c%1\u201d").arg(subject);
    if (to.size() == 1)
        return tr("\u201c%1\u201d to %2").arg(subject, to.first());
    return tr("\u201c%1\u201d to %2 and %n other(s)", nullptr, int(to.size() - 1))
        .arg(subject, to.first());
}

QString StuckMailText::line(const StuckMessage &message, const OutboxEntry &entry,
                            const QDateTime &now)
{
    const QString ago = duration(message.since.secsTo(now));
    QString head;
    switch (message.state) {
    case OutboxState::Failed:
        head = tr("%1 failed %2 ago").arg(name(entry), ago);
        break;
    case OutboxState::MayHaveBeenSent:
        head = tr("%1 may have been sent %2 ago").arg(name(entry), ago);
        break;
    default:
        head = tr("%1 has waited for %2").arg(name(entry), ago);
        break;
    }
    const QString words = firstLine(message.reply);
    return words.isEmpty() ? head : tr("%1: %2").arg(head, words);
}

StuckMailAlert StuckMailText::alert(const QList<StuckMessage> &stuck, const OutboxStore &outbox,
                                    const Facts &facts)
{
    StuckMailAlert alert;
    if (stuck.isEmpty())
        return alert;
    const StuckMessage &first = stuck.first();
    const std::optional<OutboxEntry> entry = outbox.message(first.id);
    const OutboxEntry shown = entry.value_or(OutboxEntry{});
    alert.messageId = first.id;
    alert.count = int(stuck.size());
    const QString ago = duration(first.since.secsTo(facts.now));
    switch (first.state) {
    case OutboxState::Failed:
        alert.title = tr("A message could not be sent");
        alert.text = tr("%1 could not be sent (%2 ago).").arg(name(shown), ago);
        break;
    case OutboxState::MayHaveBeenSent:
        alert.title = tr("A message may have been sent");
        alert.text = tr("%1 may have been sent %2 ago, but the server did not confirm it.")
                         .arg(name(shown), ago);
        break;
    default:
        alert.title = tr("A message has been waiting for %1").arg(ago);
        alert.text =
            first.state == OutboxState::Deferred
                ? tr("%1 has not gone out for %2; Outpost keeps trying.").arg(name(shown), ago)
                : tr("%1 has waited in the outbox for %2.").arg(name(shown), ago);
        break;
    }
    // Outpost's sentence, with the server's text in it (the raw reply follows in the
    // message's details).
    const QString words = firstLine(first.reply);
    if (!words.isEmpty() && first.state != OutboxState::MayHaveBeenSent)
        alert.text += QLatin1Char('\n') + words;
    if (stuck.size() > 1)
        alert.text +=
            QLatin1Char('\n') + tr("%n more message(s) in this account also need attention.",
                                   nullptr, int(stuck.size() - 1));
    alert.advice = advice(reason(first, facts), facts);
    return alert;
}

} // namespace Outpost
