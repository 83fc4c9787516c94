#pragma once

#include "session/Session.h"
#include "store/AccountStore.h"
#include "store/CredentialStore.h"

#include <QCommandLineParser>
#include <QJsonValue>
#include <QObject>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

namespace Outpost {

class Clock;
struct Envelope;
class Profile;
class SandboxServer;
class Scheduler;
struct CycleResult;

/// outpost-cli: parses a command line, runs one command on the event loop and emits
/// finished() with the exit code: 0 success, 1 when mail was deferred or failed,
/// 2 for a usage or configuration error.
class Cli : public QObject
{
    Q_OBJECT

public:
    enum ExitCode
    {
        Success = 0,
        MailNotSent = 1,
        UsageError = 2,
    };

    Cli(QTextStream &out, QTextStream &err, QObject *parent = nullptr);
    ~Cli() override;

    /// Runs the command in @p arguments (argv, including the program name).
    void start(const QStringList &arguments);

    /// Where `account password --password-stdin` reads from (tests replace it).
    void setStandardInput(QIODevice *input) { m_stdin = input; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    // Shared by the commands.
    void addCommonOptions(QCommandLineParser &parser, bool printsData);
    void addVerboseOption(QCommandLineParser &parser);
    /// Parses; false (and finished) on an error or after printing --help.
    bool parse(QCommandLineParser &parser, const QStringList &arguments);
    /// Opens the profile through the session (once; later calls return at once). Commands
    /// that change anything ask for write access: one program writes a profile at a time.
    bool openProfile(Session::Access access, int failCode = UsageError, bool *locked = nullptr);
    /// For commands that queue mail: opens the profile for writing or, when another Outpost
    /// program holds it, for reading (the message then goes to that program through its
    /// local relay: handOver()). False (and finished) when neither works.
    bool openForQueueing(bool *handOver, int failCode = UsageError);
    /// Standard input (or the one a test set); nothing (and finished) when it cannot be read.
    std::optional<QByteArray> readStandardInput(int failCode = UsageError);
    /// A password on standard input, without the line end.
    std::optional<QString> readPasswordInput();
    /// Gives the message to the program that holds the profile (RelayHandOver); finishes with
    /// @p queuedCode or, when that fails, @p failedCode (sendmail uses sysexits.h codes).
    void handOver(const Account &account, const Envelope &envelope, const QByteArray &data,
                  int queuedCode, int notServingCode, int failedCode, bool quiet,
                  const QDateTime &notBefore = {});
    /// The plain-text password file; it exists only when the user opted in.
    QString insecurePasswordFile() const;
    const Account *accountArgument(const QString &nameOrId);
    void done(int exitCode);
    void fail(const QString &message, int exitCode = UsageError);
    void print(const QString &text);
    void printJson(const QJsonValue &value);

    // Commands.
    void runAccount(const QStringList &arguments);
    void accountAddOrEdit(const QStringList &arguments, bool add);
    void accountList(const QStringList &arguments);
    void accountRemove(const QStringList &arguments);
    void accountPassword(const QStringList &arguments);
    bool applyAccountOptions(const QCommandLineParser &parser, Account *account);
    void runQueue(const QStringList &arguments);
    void runSendReceive(const QStringList &arguments);
    /// send-receive while another program holds the profile: it runs the cycles, one account
    /// after the other, and @p report prints each result.
    void askRunningProgram(const QList<Account> &accounts, qsizetype index,
                           std::function<void(const QString &, const CycleResult &)> report);
    void runListing(const QStringList &arguments, bool inbox);
    void runProbe(const QStringList &arguments);
    void runScheduler(const QStringList &arguments);
    void runSandbox(const QStringList &arguments);
    void runRelay(const QStringList &arguments);
    void runSendmail(const QStringList &arguments);
    void relayStatus();
    /// `run`: serves the local relay when it is enabled, and says where.
    void serveRelay(bool verbose);
    QList<Account> selectedAccounts(const QString &nameOrId);
    void withPasswords(const Account &account, std::function<void(QString, QString)> then);

    QTextStream &m_out;
    QTextStream &m_err;
    QIODevice *m_stdin = nullptr;
    bool m_json = false;
    bool m_handleHelp = true;
    bool m_finished = false;
    QString m_profileOption;
    QString m_heldBy; ///< openForQueueing(): who holds the profile, for the hand-over's errors
    std::unique_ptr<Session> m_session;
    // The session's parts, for the commands (valid once openProfile() succeeded).
    const Profile *m_profile = nullptr;
    AccountStore *m_accounts = nullptr;
    CredentialStore *m_credentials = nullptr;
    Clock *m_clock = nullptr;
    Scheduler *m_scheduler = nullptr;
    std::unique_ptr<SandboxServer> m_sandbox;
};

} // namespace Outpost
