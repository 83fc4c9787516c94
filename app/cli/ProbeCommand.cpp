// outpost-cli probe: "Test settings" from the console.
#include "Cli.h"

#include "schedule/AccountProbe.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonObject>

namespace Outpost {
namespace {

/// @p word as one argument for a shell command line: as it is when it is safe, else quoted.
QString shellWord(const QString &word)
{
    const bool safe = !word.isEmpty() && !word.startsWith(QLatin1Char('-')) &&
                      std::all_of(word.begin(), word.end(), [](QChar c) {
                          return c.isLetterOrNumber() || QStringLiteral("._@+").contains(c);
                      });
    if (safe)
        return word;
#ifdef Q_OS_WIN
    return QLatin1Char('"') + QString(word).replace(QLatin1Char('"'), QLatin1String("\\\"")) +
           QLatin1Char('"');
#else
    return QLatin1Char('\'') + QString(word).replace(QLatin1Char('\''), QLatin1String("'\\''")) +
           QLatin1Char('\'');
#endif
}

} // namespace

void Cli::runProbe(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser, true);
    parser.addOption({QStringLiteral("measure-window"),
                      tr("Also measures how long the relay window lasts (probes every 30 seconds, "
                         "at most 30 minutes).")});
    addVerboseOption(parser);
    if (!parse(parser, arguments))
        return;
    if (!openProfile(Session::Access::Read))
        return;
    const Account *account = accountArgument(parser.positionalArguments().value(1));
    if (!account)
        return;
    const Account a = *account;
    const bool measure = parser.isSet(QStringLiteral("measure-window"));
    const bool verbose = parser.isSet(QStringLiteral("verbose"));
    withPasswords(a, [this, a, measure, verbose](const QString &pop, const QString &smtp) {
        auto *probe = new AccountProbe(a, pop, smtp, m_clock, this);
        probe->setMeasureWindow(measure);
        connect(probe, &AccountProbe::step, this, [this](const QString &text) {
            if (!m_json)
                print(text);
        });
        connect(probe, &AccountProbe::transcript, this, [this, verbose](const QString &line) {
            if (verbose && !m_json)
                print(line);
        });
        connect(probe, &AccountProbe::finished, this, [this, probe, a](const ProbeReport &r) {
            probe->deleteLater();
            if (m_json) {
                auto relay = [](ProbeReport::Relay v) {
                    switch (v) {
                    case ProbeReport::Relay::Allowed:
                        return QStringLiteral("allowed");
                    case ProbeReport::Relay::Refused:
                        return QStringLiteral("refused");
                    case ProbeReport::Relay::Failed:
                        return QStringLiteral("failed");
                    case ProbeReport::Relay::NotTried:
                        break;
                    }
                    return QStringLiteral("not-tried");
                };
                printJson(QJsonObject{
                    {QStringLiteral("popOk"), r.popOk},
                    {QStringLiteral("popError"), r.popError.message},
                    {QStringLiteral("popErrorKind"), NetError::kindName(r.popError.kind)},
                    {QStringLiteral("popStartTlsAvailable"), r.popStartTlsAvailable},
                    {QStringLiteral("popNoEncryption"), r.popNoEncryption},
                    {QStringLiteral("popPasswordInClear"), r.popPasswordInClear},
                    {QStringLiteral("smtpErrorKind"), NetError::kindName(r.smtpError.kind)},
                    {QStringLiteral("smtpStartTlsAvailable"), r.smtpStartTlsAvailable},
                    {QStringLiteral("smtpNoEncryption"), r.smtpNoEncryption},
                    {QStringLiteral("smtpPasswordInClear"), r.smtpPasswordInClear},
                    {QStringLiteral("popLogin"), QString::fromLatin1(r.popLoginMethod)},
                    {QStringLiteral("smtpOk"), r.smtpOk},
                    {QStringLiteral("smtpError"), r.smtpError.message},
                    {QStringLiteral("smtpEncrypted"), r.smtpEncrypted},
                    {QStringLiteral("smtpAuth"), QString::fromLatin1(r.smtpAuthMechanism)},
                    {QStringLiteral("pipelining"), r.pipelining},
                    {QStringLiteral("sizeLimit"), double(r.sizeLimit)},
                    {QStringLiteral("relayBeforeLogin"), relay(r.relayBeforeLogin)},
                    {QStringLiteral("relayAfterLogin"), relay(r.relayAfterLogin)},
                    {QStringLiteral("needsPopBeforeSmtp"), r.needsPopBeforeSmtp()},
                    {QStringLiteral("windowOpenSeconds"), r.windowOpenSeconds},
                    {QStringLiteral("windowClosedSeconds"), r.windowClosedSeconds},
                    {QStringLiteral("certificateSha256"),
                     QString::fromLatin1(r.smtpError.certificate.sha256.isEmpty()
                                             ? r.popError.certificate.sha256
                                             : r.smtpError.certificate.sha256)},
                    {QStringLiteral("verdict"), QJsonArray::fromStringList(r.verdict())},
                });
            } else {
                for (const QString &line : r.verdict())
                    print(QStringLiteral("• ") + line);
                QStringList change;
                if (r.popStartTlsAvailable)
                    change
                        << QStringLiteral("--pop-security starttls --pop-port %1").arg(a.popPort);
                if (r.smtpStartTlsAvailable)
                    change << QStringLiteral("--smtp-security starttls --smtp-port %1")
                                  .arg(a.smtpPort);
                if (!change.isEmpty())
                    print(tr("To switch: outpost-cli account edit %1 %2")
                              .arg(shellWord(a.name), change.join(QLatin1Char(' '))));
            }
            done(r.popOk && r.smtpOk ? Success : MailNotSent);
        });
        probe->start();
    });
}

void Cli::withPasswords(const Account &a, std::function<void(QString, QString)> then)
{
    m_credentials->readAccountPasswords(
        a, this, [this, a, then](const CredentialStore::AccountPasswords &passwords) {
            if (passwords.ok())
                then(passwords.incoming, passwords.outgoing);
            else if (passwords.failed == CredentialStore::Server::Outgoing)
                fail(tr("No SMTP password for \"%1\": %2").arg(a.name, passwords.result.message));
            else
                fail(tr("No password for \"%1\": %2 Store it with: outpost-cli account password "
                        "\"%1\" --password-stdin")
                         .arg(a.name, passwords.result.message));
        });
}

} // namespace Outpost
