#include "Cli.h"

#include "Profile.h"
#include "relay/RelayHandOver.h"
#include "relay/RelayService.h"
#include "sandbox/SandboxServer.h"
#include "schedule/Clock.h"
#include "schedule/Scheduler.h"

#include <outpost/Version.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace Outpost {
namespace {

/// The command word: the first argument that is neither an option nor an option's value.
QStringList commandWords(const QStringList &arguments)
{
    QStringList words;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--profile")) {
            ++i;
            continue;
        }
        if (arg.startsWith(QLatin1Char('-')))
            continue;
        words.append(arg);
    }
    return words;
}

} // namespace

Cli::Cli(QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{}

Cli::~Cli() = default;

void Cli::start(const QStringList &arguments)
{
    // Installed as "sendmail" (a symlink or a copy), it is the sendmail command.
    if (!arguments.isEmpty() &&
        QFileInfo(arguments.first())
                .completeBaseName()
                .compare(QLatin1String("sendmail"), Qt::CaseInsensitive) == 0 &&
        arguments.value(1) != QLatin1String("sendmail")) {
        QStringList asSendmail = arguments;
        asSendmail.insert(1, QStringLiteral("sendmail"));
        return runSendmail(asSendmail);
    }
    const QStringList words = commandWords(arguments);
    const QString command = words.value(0);
    if (command == QLatin1String("account"))
        return runAccount(arguments);
    if (command == QLatin1String("queue"))
        return runQueue(arguments);
    if (command == QLatin1String("send-receive"))
        return runSendReceive(arguments);
    if (command == QLatin1String("outbox"))
        return runListing(arguments, false);
    if (command == QLatin1String("inbox"))
        return runListing(arguments, true);
    if (command == QLatin1String("probe"))
        return runProbe(arguments);
    if (command == QLatin1String("run"))
        return runScheduler(arguments);
    if (command == QLatin1String("sandbox"))
        return runSandbox(arguments);
    if (command == QLatin1String("relay"))
        return runRelay(arguments);
    if (command == QLatin1String("sendmail"))
        return runSendmail(arguments);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Outpost's console program: manage accounts and the outbox, and run "
           "receive-then-send cycles without a window."));
    addCommonOptions(parser, false);
    const QCommandLineOption version(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                     tr("Shows the version and exits."));
    parser.addOption(version);
    m_handleHelp = false; // the overview below adds the list of commands
    parser.addPositionalArgument(QStringLiteral("command"),
                                 tr("account, queue, send-receive, outbox, inbox, probe, run, "
                                    "relay or sandbox"),
                                 QStringLiteral("<command>"));
    if (!parse(parser, arguments))
        return;
    if (parser.isSet(version)) {
        print(QStringLiteral("outpost-cli %1").arg(QString::fromLatin1(versionString)));
        return done(Success);
    }
    if (parser.isSet(QStringLiteral("help")) || command.isEmpty()) {
        print(parser.helpText());
        print(tr("\nCommands:\n"
                 "  account add NAME --address ADDR --pop-host H --smtp-host H [options]\n"
                 "  account edit NAME [options]\n"
                 "  account list [--json]\n"
                 "  account remove NAME\n"
                 "  account password NAME [--smtp] --password-stdin\n"
                 "  queue NAME FILE.eml\n"
                 "  queue NAME --to ADDR [--cc ADDR] [--bcc ADDR] --subject TEXT (--body TEXT | "
                 "--body-file FILE) [--attach FILE]\n"
                 "  send-receive [NAME] [--verbose] [--json]\n"
                 "  outbox [NAME] [--all] [--json]\n"
                 "  inbox [NAME] [--json]\n"
                 "  probe NAME [--measure-window] [--json]\n"
                 "  run [--verbose]\n"
                 "  relay enable [--port N] [--listen ADDR] [--allow-unauthenticated] "
                 "[--report-to-sender on|off]\n"
                 "  relay disable\n"
                 "  relay password (--generate | --password-stdin)\n"
                 "  relay status [--json]\n"
                 "  sendmail [-t] [-i] [-f ADDR] [-F NAME] [--account NAME] [ADDR...] < FILE\n"
                 "  sandbox [--window SECONDS]\n"
                 "Exit status: 0 when every due message was sent, 1 when one was deferred or "
                 "failed, 2 for a usage or configuration error.\n"
                 "Run \"outpost-cli COMMAND --help\" for the options of a command."));
        return done(command.isEmpty() && !parser.isSet(QStringLiteral("help")) ? UsageError
                                                                               : Success);
    }
    fail(tr("Unknown command \"%1\". Run \"outpost-cli --help\" for the list of commands.")
             .arg(command));
}

void Cli::addCommonOptions(QCommandLineParser &parser, bool printsData)
{
    parser.addOption({QStringList{QStringLiteral("h"), QStringLiteral("help")},
                      tr("Shows this help and exits.")});
    parser.addOption({QStringLiteral("profile"),
                      tr("Uses the profile in DIR instead of the default (also: "
                         "the OUTPOST_PROFILE environment variable)."),
                      QStringLiteral("DIR")});
    if (printsData)
        parser.addOption({QStringLiteral("json"), tr("Prints the result as JSON.")});
}

void Cli::addVerboseOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("verbose"),
                      tr("Prints the conversation with the servers (passwords masked).")});
}

bool Cli::parse(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(arguments)) {
        fail(parser.errorText());
        return false;
    }
    m_profileOption = parser.value(QStringLiteral("profile"));
    m_json = parser.optionNames().contains(QLatin1String("json")); // set, and defined
    if (m_handleHelp && parser.isSet(QStringLiteral("help"))) {
        print(parser.helpText());
        done(Success);
        return false;
    }
    return true;
}

QString Cli::insecurePasswordFile() const
{
    return m_session->insecurePasswordFile();
}

bool Cli::openProfile(Session::Access access, int failCode, bool *locked)
{
    if (m_session)
        return true;
    Session::Options options;
    options.access = access;
    options.programName = QStringLiteral("outpost-cli");
    auto session = std::make_unique<Session>(Profile::resolveDirectory(m_profileOption), options);
    const SessionError error = session->open();
    if (locked && error.kind == SessionError::Locked) {
        *locked = true;
        m_heldBy = error.message; // for the hand-over's errors
        return false;
    }
    if (error.isError()) {
        if (!error.detail.isEmpty()) // the path and the system's words, for whoever fixes it
            m_err << QStringLiteral("outpost-cli: ") << error.detail << Qt::endl;
        fail(error.message, failCode);
        return false;
    }
    m_session = std::move(session);
    m_profile = &m_session->profile();
    m_accounts = m_session->accounts();
    m_credentials = m_session->credentials();
    m_clock = m_session->clock();
    m_scheduler = m_session->scheduler();
    // What an interrupted run left, said once, where the mail is handled.
    for (const QString &sentence : m_session->recoveryReport())
        m_err << QStringLiteral("outpost-cli: ") << sentence << Qt::endl;
    return true;
}

bool Cli::openForQueueing(bool *handOver, int failCode)
{
    *handOver = false;
    if (openProfile(Session::Access::Write, failCode, handOver))
        return true;
    return *handOver && openProfile(Session::Access::Read, failCode);
}

std::optional<QByteArray> Cli::readStandardInput(int failCode)
{
    QFile standardInput;
    QIODevice *input = m_stdin;
    if (!input) {
        if (!standardInput.open(stdin, QIODevice::ReadOnly)) {
            fail(tr("Could not read standard input."), failCode);
            return std::nullopt;
        }
        input = &standardInput;
    }
    return input->readAll();
}

std::optional<QString> Cli::readPasswordInput()
{
    const std::optional<QByteArray> bytes = readStandardInput();
    if (!bytes)
        return std::nullopt;
    QString password = QString::fromUtf8(*bytes);
    while (password.endsWith(QLatin1Char('\n')) || password.endsWith(QLatin1Char('\r')))
        password.chop(1);
    return password;
}

void Cli::handOver(const Account &account, const Envelope &envelope, const QByteArray &data,
                   int queuedCode, int notServingCode, int failedCode, bool quiet,
                   const QDateTime &notBefore)
{
    auto *handOver = new RelayHandOver(m_credentials, m_session->relay()->settings(), this);
    connect(handOver, &RelayHandOver::finished, this,
            [this, handOver, queuedCode, notServingCode, failedCode,
             quiet](RelayHandOver::Outcome outcome, const QString &message) {
                handOver->deleteLater();
                switch (outcome) {
                case RelayHandOver::Outcome::Queued:
                    if (!quiet)
                        print(tr("Handed to the Outpost program that is running: %1").arg(message));
                    return done(queuedCode);
                case RelayHandOver::Outcome::NotServing:
                    return fail(m_heldBy + QLatin1Char(' ') + message, notServingCode);
                case RelayHandOver::Outcome::Refused:
                case RelayHandOver::Outcome::Failed:
                    return fail(
                        tr("The running Outpost program did not take the message: %1").arg(message),
                        failedCode);
                }
            });
    handOver->submit(account.name, envelope, data, notBefore);
}

const Account *Cli::accountArgument(const QString &nameOrId)
{
    if (nameOrId.isEmpty()) {
        fail(tr("Name the account."));
        return nullptr;
    }
    const Account *account = m_accounts->find(nameOrId);
    if (!account)
        fail(tr("There is no account \"%1\". \"outpost-cli account list\" shows the accounts.")
                 .arg(nameOrId));
    return account;
}

void Cli::done(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_out.flush();
    m_err.flush();
    // Queued, so that a caller that connects after start() still hears it.
    QTimer::singleShot(0, this, [this, exitCode] { Q_EMIT finished(exitCode); });
}

void Cli::fail(const QString &message, int exitCode)
{
    m_err << QStringLiteral("outpost-cli: ") << message << Qt::endl;
    done(exitCode);
}

void Cli::print(const QString &text)
{
    m_out << text;
    if (!text.endsWith(QLatin1Char('\n')))
        m_out << Qt::endl;
}

void Cli::printJson(const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

QList<Account> Cli::selectedAccounts(const QString &nameOrId)
{
    if (nameOrId.isEmpty()) {
        if (m_accounts->accounts().isEmpty())
            fail(tr("There are no accounts yet. Add one with \"outpost-cli account add\"."));
        return m_accounts->accounts();
    }
    const Account *account = accountArgument(nameOrId);
    return account ? QList<Account>{*account} : QList<Account>{};
}

} // namespace Outpost
