#include "AccountProblemText.h"

#include "OutboxStateText.h"

#include <QRegularExpression>

namespace Outpost {

namespace {

/// The sentences of a banner are joined with a space, as English writes them; Japanese
/// writes none after its full stop (。).
QString tidySentences(QString text)
{
    static const QRegularExpression afterFullStop(QStringLiteral("(?<=[。！？])[ \\t]+"));
    return text.replace(afterFullStop, QString());
}

} // namespace

AccountProblem AccountProblemText::describe(const Account &a, const Scheduler::Status &s,
                                            const QDateTime &now)
{
    AccountProblem p = describeSentences(a, s, now);
    p.text = tidySentences(p.text);
    return p;
}

AccountProblem AccountProblemText::describeSentences(const Account &a, const Scheduler::Status &s,
                                                     const QDateTime &now)
{
    AccountProblem p;
    const NetError &e = s.lastError;
    if (!e.isError() && !s.lastStoreError.isError())
        return p;
    QString next;
    if (s.nextRetry.isValid())
        next = tr("Outpost tries again %1.").arg(OutboxStateText::when(s.nextRetry, now));
    else if (s.nextCheck.isValid())
        next = tr("Outpost tries again at the next check, %1.")
                   .arg(OutboxStateText::when(s.nextCheck, now));
    else
        next = tr("Outpost tries again when you press Send/Receive.");
    const QString waits = tr("Mail for this account waits in the outbox; nothing is lost.");
    const QString name = a.name;
    p.key = QStringLiteral("%1:%2:%3")
                .arg(NetError::kindName(e.kind), e.message, s.lastStoreError.message);
    switch (e.kind) {
    case NetError::None:
        p.title = tr("Outpost could not save its work for “%1”").arg(name);
        p.text = s.lastStoreError.message + QLatin1Char(' ') +
                 tr("Make room on the disk or check the profile folder, then try again.");
        p.action = AccountProblem::Action::TryAgain;
        p.offersSettings = false;
        p.offersTryAgain = true;
        return p;
    case NetError::Authentication:
        p.action = AccountProblem::Action::EnterPassword;
        p.outgoingPassword =
            s.lastErrorOnSend && a.smtpAuth != SmtpAuth::None && !a.smtpSamePassword;
        if (e.reply.isEmpty()) {
            p.title = tr("Outpost could not log in to “%1”").arg(name);
            p.text = e.message.trimmed() + QLatin1Char(' ') + waits;
        } else {
            p.title = tr("The server refused the password for “%1”").arg(name);
            p.text =
                (p.outgoingPassword
                     ? tr("The outgoing server did not accept the user name and password "
                          "(%1).")
                     : tr("The server did not accept the user name and password (%1)."))
                    .arg(QString::fromUtf8(e.reply).section(QLatin1Char('\n'), 0, 0).simplified()) +
                QLatin1Char(' ') + waits + QLatin1Char(' ') +
                tr("Enter the password again, and Outpost sends it at once.");
        }
        p.offersTryAgain = false;
        return p;
    case NetError::Network:
    case NetError::ConnectTimeout:
    case NetError::Timeout:
        p.title = tr("The server for “%1” could not be reached").arg(name);
        p.text = tr("Check the network connection, and the server's name and port in the "
                    "account's settings.") +
                 QLatin1Char(' ') + waits + QLatin1Char(' ') + next;
        p.action = AccountProblem::Action::TryAgain;
        return p;
    case NetError::Tls:
        p.title = e.certificate.isNull()
                      ? tr("No secure connection to the server for “%1”").arg(name)
                      : tr("The server's certificate for “%1” was not accepted").arg(name);
        p.text = e.message.trimmed() + QLatin1Char(' ') + waits + QLatin1Char(' ') +
                 tr("Check the security settings of the account (or the certificate, if you "
                    "trust it); Outpost tries again as soon as they change.");
        p.action = AccountProblem::Action::Settings;
        return p;
    case NetError::InsecureLogin:
        p.title = tr("Outpost did not send the password of “%1” unencrypted").arg(name);
        p.text = e.message.trimmed() + QLatin1Char(' ') + waits + QLatin1Char(' ') +
                 tr("Choose STARTTLS or SSL/TLS in the account's settings, if the server offers "
                    "it.");
        p.action = AccountProblem::Action::Settings;
        p.offersTryAgain = false;
        return p;
    case NetError::RelayDenied:
        p.title = tr("The server would not pass on the mail of “%1”").arg(name);
        p.text = e.message.trimmed() + QLatin1Char(' ') + waits;
        p.action = AccountProblem::Action::Settings;
        return p;
    case NetError::Transient:
    case NetError::Permanent:
    case NetError::Protocol:
        break;
    }
    p.title = tr("Sending and receiving stopped for “%1”").arg(name);
    p.text = e.message.trimmed() + QLatin1Char(' ') + waits + QLatin1Char(' ') + next;
    p.action = AccountProblem::Action::TryAgain;
    return p;
}

} // namespace Outpost
