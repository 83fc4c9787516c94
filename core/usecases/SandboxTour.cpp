#include "SandboxTour.h"

#include "message/MessageWriter.h"
#include "sandbox/SandboxServer.h"
#include "schedule/AccountProbe.h"
#include "schedule/Scheduler.h"
#include "store/CredentialStore.h"
#include "store/OutboxStore.h"

namespace Outpost {

QString SandboxTour::accountId()
{
    return QStringLiteral("sandbox-demo");
}

SandboxTour::SandboxTour(Scheduler *scheduler, CredentialStore *credentials, Clock *clock,
                         QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
    , m_credentials(credentials)
    , m_clock(clock)
{}

SandboxTour::~SandboxTour()
{
    if (m_probe)
        m_probe->abort();
}

std::optional<Account> SandboxTour::startServer(QString *error)
{
    m_server = std::make_unique<SandboxServer>();
    m_server->settings().windowMs = 120 * 1000;
    m_server->addUser("demo", "demo");
    m_server->addMessage("demo", "From: Outpost sandbox <postmaster@sandbox.invalid>\r\n"
                                 "To: demo@sandbox.invalid\r\n"
                                 "Subject: Welcome to the Outpost sandbox\r\n"
                                 "Message-ID: <welcome@sandbox.invalid>\r\n"
                                 "Content-Type: text/plain; charset=utf-8\r\n"
                                 "\r\n"
                                 "This message waited on the sandbox's POP3 server.\r\n");
    if (!m_server->listen(QHostAddress::LocalHost)) {
        if (error)
            *error = tr("The sandbox could not start: %1").arg(m_server->errorString());
        m_server.reset();
        return std::nullopt;
    }
    Account a;
    a.id = accountId();
    a.name = tr("Sandbox (until Outpost quits)");
    a.fullName = tr("Demo");
    a.address = QStringLiteral("demo@sandbox.invalid");
    a.popHost = QStringLiteral("127.0.0.1");
    a.popPort = m_server->popPort();
    a.popUser = QStringLiteral("demo");
    a.smtpHost = QStringLiteral("127.0.0.1");
    a.smtpPort = m_server->smtpPort();
    a.popBeforeSmtp = true;
    a.authWindowSeconds = 120;
    a.checkIntervalMinutes = 0;
    a.sendImmediately = false;
    a.checkAtStartup = false;
    m_account = a;
    m_credentials->rememberForSession(a.id, CredentialStore::Server::Incoming,
                                      QStringLiteral("demo"));

    // The server's side of each step, told as it happens.
    connect(m_server.get(), &SandboxServer::relayRefused, this,
            [this](const QHostAddress &, const QByteArray &recipient) {
                if (m_step == Step::PlainSend)
                    narrateAfterReply(tr("The server refused: relaying to %1 is denied, because "
                                         "this computer has not logged in over POP yet. This is "
                                         "the error mail programs show when they send before "
                                         "receiving.")
                                          .arg(QString::fromUtf8(recipient)),
                                      QStringLiteral("Relay access denied"));
            });
    connect(m_server.get(), &SandboxServer::popLoggedIn, this, [this] {
        if (m_step == Step::OutpostCycle)
            narrateAfterReply(tr("Outpost logged in over POP first. The server now relays mail "
                                 "from this computer for 2 minutes."),
                              QStringLiteral("S: +OK Logged in"));
    });
    connect(m_server.get(), &SandboxServer::delivered, this, [this](const SandboxDelivery &d) {
        if (m_step == Step::OutpostCycle)
            narrateAfterReply(tr("The server accepted the message for %1.")
                                  .arg(QString::fromUtf8(d.recipients.join(", "))),
                              QStringLiteral("queued as SBX%1").arg(m_server->deliveries().size()));
    });
    // The cycle's conversation, to tell the server's side after the reply it describes.
    connect(m_scheduler, &Scheduler::transcript, this,
            [this](const QString &account, const QString &line) {
                if (account == accountId())
                    replySeen(line);
            });
    return a;
}

void SandboxTour::narrateAfterReply(const QString &text, const QString &reply)
{
    // The server tells of a step as it answers; the client reads the answer later (and,
    // pipelining, other answers first). Told now, the sentence would stand above the reply
    // it explains in the log.
    m_afterReply.append({text, reply});
}

void SandboxTour::replySeen(const QString &line)
{
    // Lines are "S: …" (the server's) and "C: …", after the probe's "SMTP "/"POP3 ".
    for (qsizetype i = 0; i < m_afterReply.size();) {
        if (line.contains(QLatin1String("S: ")) && line.contains(m_afterReply.at(i).second)) {
            const QString text = m_afterReply.takeAt(i).first;
            Q_EMIT narration(text);
        } else {
            ++i;
        }
    }
}

void SandboxTour::run()
{
    if (!m_account || m_step != Step::NotStarted)
        return;
    OutgoingMessage m;
    m.from = MailAddress(tr("Demo"), QStringLiteral("demo"), QStringLiteral("sandbox.invalid"));
    m.to = {MailAddress(QString(), QStringLiteral("friend"), QStringLiteral("example.com"))};
    m.subject = tr("Hello from the Outpost sandbox");
    m.body = tr("This message was sent the way Outpost always sends: first log in over POP, "
                "then send over SMTP.\n");
    StoreError error;
    OutboxStore *outbox = m_scheduler->outbox(accountId());
    if (!outbox || !outbox->queue(m, &error))
        Q_EMIT problem(outbox ? error.message : tr("The sandbox account is not open."));
    Q_EMIT narration(tr("The sandbox is running: a practice mail server on this computer that, "
                        "like many providers, relays mail only after a POP login. A message is "
                        "waiting in the outbox."));
    takeStep(Step::PlainSend);
}

void SandboxTour::takeStep(Step step)
{
    m_step = step;
    switch (step) {
    case Step::NotStarted:
        return;
    case Step::PlainSend: {
        Q_EMIT narration(tr("Step 1: sending the way a plain mail program does, without logging "
                            "in first…"));
        auto *probe =
            new AccountProbe(*m_account, QStringLiteral("demo"), QString(), m_clock, this);
        m_probe = probe;
        connect(probe, &AccountProbe::transcript, this, [this](const QString &line) {
            Q_EMIT transcript(line);
            replySeen(line);
        });
        connect(probe, &AccountProbe::finished, this, [this, probe](const ProbeReport &report) {
            probe->deleteLater();
            if (report.needsPopBeforeSmtp())
                Q_EMIT narration(tr("So this server needs POP before SMTP."));
            m_server->clearGrants(); // step 2 starts as a fresh computer would
            takeStep(Step::OutpostCycle);
        });
        probe->start();
        return;
    }
    case Step::OutpostCycle:
        Q_EMIT narration(tr("Step 2: now Outpost's Send/Receive: receive first (the POP login "
                            "opens the relay window), then send."));
        m_scheduler->trigger(accountId(), Scheduler::Trigger::Manual);
        return;
    case Step::Done:
        return;
    }
}

void SandboxTour::cycleFinished(const CycleResult &result)
{
    if (m_step != Step::OutpostCycle)
        return;
    takeStep(Step::Done);
    Q_EMIT narration(result.sent > 0
                         ? tr("Step 3: done. The message went out on the first cycle and is now "
                              "in the Sent folder. This is what Outpost does at every check.")
                         : tr("Step 3: the message did not go out; the log above shows why."));
    Q_EMIT finished(result.sent > 0);
}

} // namespace Outpost
