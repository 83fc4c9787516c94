#pragma once

#include "schedule/Cycle.h"
#include "store/Account.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <memory>
#include <optional>

namespace Outpost {

class AccountProbe;
class Clock;
class CredentialStore;
class SandboxServer;
class Scheduler;

/// "Try the sandbox": a practice POP-before-SMTP server on this computer and a guided run
/// that shows the problem and Outpost's answer, as an explicit sequence of steps:
/// 1. a plain send, refused because nobody logged in over POP (the relay probe);
/// 2. Outpost's Send/Receive: POP login first, then the message goes out;
/// 3. done, the message is in the Sent folder.
/// It narrates each step in people's words; the window shows the narration in its protocol
/// log, each of the server's moves after the reply it describes. The account lives only as
/// long as the tour (it is not saved in the profile), and its name says so.
class SandboxTour : public QObject
{
    Q_OBJECT

public:
    enum class Step
    {
        NotStarted,
        PlainSend,    ///< step 1
        OutpostCycle, ///< step 2
        Done,         ///< step 3
    };
    Q_ENUM(Step)

    /// The sandbox account's id.
    static QString accountId();

    /// The tour drives @p scheduler and keeps the demo password in @p credentials' session
    /// memory; all must outlive it.
    SandboxTour(Scheduler *scheduler, CredentialStore *credentials, Clock *clock,
                QObject *parent = nullptr);
    ~SandboxTour() override;

    /// Starts the practice server; the account to hand to the scheduler with the others, or
    /// nothing with @p error set (for people).
    std::optional<Account> startServer(QString *error);
    /// Once the scheduler has the account: queues the demo message and takes step 1.
    void run();
    /// The scheduler finished a cycle of the sandbox account.
    void cycleFinished(const CycleResult &result);

    Step step() const { return m_step; }
    SandboxServer *server() const { return m_server.get(); }

Q_SIGNALS:
    /// One sentence of the tour.
    void narration(const QString &text);
    /// The relay probe's conversation in step 1 (credentials masked).
    void transcript(const QString &line);
    /// Step 3 reached; @p sent is false when the message did not go out.
    void finished(bool sent);
    /// Something the user must be told (the demo message could not be queued).
    void problem(const QString &message);

private:
    void takeStep(Step step);
    /// Tells @p text once the client has read the server's reply that contains @p reply.
    void narrateAfterReply(const QString &text, const QString &reply);
    /// A line of a conversation: tells what waited for a reply of the server's.
    void replySeen(const QString &line);

    Scheduler *m_scheduler;
    CredentialStore *m_credentials;
    Clock *m_clock;
    std::unique_ptr<SandboxServer> m_server;
    std::optional<Account> m_account;
    QPointer<AccountProbe> m_probe;
    Step m_step = Step::NotStarted;
    /// Narration waiting for the reply it describes (text, words of the reply).
    QList<QPair<QString, QString>> m_afterReply;
};

} // namespace Outpost
