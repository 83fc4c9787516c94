// outpost-cli queue | send-receive | outbox | inbox | probe | run | sandbox
#include "Cli.h"

#include "Profile.h"
#include "StopSignal.h"
#include "message/AddressParser.h"
#include "message/MessageReader.h"
#include "message/MessageWriter.h"
#include "sandbox/SandboxServer.h"
#include "schedule/AccountProbe.h"
#include "schedule/Clock.h"
#include "schedule/Scheduler.h"
#include "store/InboxStore.h"
#include "store/OutboxStore.h"
#include "usecases/ComposeMessage.h"
#include "usecases/CycleReport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

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

QString stateWords(const OutboxEntry &e)
{
    switch (e.state) {
    case OutboxState::Queued:
        return Cli::tr("waiting");
    case OutboxState::Sending:
        return Cli::tr("sending");
    case OutboxState::Deferred:
        return Cli::tr("will retry at %1")
            .arg(QLocale().toString(e.nextAttempt.toLocalTime(), QLocale::ShortFormat));
    case OutboxState::Failed:
        return Cli::tr("failed");
    case OutboxState::MayHaveBeenSent:
        return Cli::tr("may have been sent");
    case OutboxState::Sent:
        return Cli::tr("sent %1").arg(
            QLocale().toString(e.sentAt.toLocalTime(), QLocale::ShortFormat));
    }
    return {};
}

QJsonObject entryJson(const OutboxEntry &e, const QString &account)
{
    const MessageSummary summary = MessageReader::readSummary(e.messagePath);
    return QJsonObject{
        {QStringLiteral("account"), account},
        {QStringLiteral("id"), e.id},
        {QStringLiteral("state"), OutboxStore::stateName(e.state)},
        {QStringLiteral("subject"), summary.subject},
        {QStringLiteral("sender"), e.envelope.sender},
        {QStringLiteral("recipients"), QJsonArray::fromStringList(e.envelope.recipients)},
        {QStringLiteral("size"), double(e.envelope.size)},
        {QStringLiteral("queuedAt"), e.queuedAt.toString(Qt::ISODate)},
        {QStringLiteral("attempts"), e.attempts},
        {QStringLiteral("nextAttempt"), e.nextAttempt.toString(Qt::ISODate)},
        {QStringLiteral("sentAt"), e.sentAt.toString(Qt::ISODate)},
        {QStringLiteral("lastReply"), e.lastReply},
        {QStringLiteral("rejectedRecipients"), QJsonArray::fromStringList(e.rejectedRecipients)},
        {QStringLiteral("file"), e.messagePath},
    };
}

} // namespace

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

void Cli::runQueue(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Usage: outpost-cli queue NAME FILE.eml\n"
           "       outpost-cli queue NAME --to ADDR --subject TEXT (--body TEXT | --body-file "
           "FILE) [--attach FILE]"));
    addCommonOptions(parser, false);
    parser.addOption({QStringLiteral("to"),
                      tr("A recipient (repeatable; or a comma-separated list)."),
                      QStringLiteral("ADDR")});
    parser.addOption(
        {QStringLiteral("cc"), tr("A copy recipient (repeatable)."), QStringLiteral("ADDR")});
    parser.addOption({QStringLiteral("bcc"), tr("A blind copy recipient (repeatable)."),
                      QStringLiteral("ADDR")});
    parser.addOption({QStringLiteral("subject"), tr("The subject."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("body"), tr("The message text."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("body-file"), tr("Reads the message text (UTF-8) from FILE."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("attach"), tr("Attaches FILE (repeatable)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("encoding"),
                      tr("How Japanese text is written: auto, utf-8 or iso-2022-jp (default: the "
                         "account's choice)."),
                      QStringLiteral("auto|utf-8|iso-2022-jp")});
    if (!parse(parser, arguments))
        return;
    const QStringList positional = parser.positionalArguments();
    if (!openProfile(Session::Access::Write))
        return;
    const Account *account = accountArgument(positional.value(1));
    if (!account)
        return;
    const Account a = *account;
    if (!openProfile(Session::Access::Write))
        return;
    OutboxStore *outbox = m_scheduler->outbox(a.id);

    StoreError storeError;
    std::optional<QString> id;
    if (positional.size() == 3) {
        if (parser.isSet(QStringLiteral("to")) || parser.isSet(QStringLiteral("body"))) {
            fail(tr("Give either a .eml file or --to/--subject/--body, not both."));
            return;
        }
        if (!QFileInfo(positional.at(2)).isFile()) {
            fail(tr("%1 is not a file.").arg(positional.at(2)));
            return;
        }
        id = outbox->queueFile(positional.at(2), &storeError);
    } else if (positional.size() == 2) {
        ComposeInput input;
        input.to = parser.values(QStringLiteral("to")).join(QStringLiteral(", "));
        input.cc = parser.values(QStringLiteral("cc")).join(QStringLiteral(", "));
        input.bcc = parser.values(QStringLiteral("bcc")).join(QStringLiteral(", "));
        if (!parser.isSet(QStringLiteral("subject"))) {
            fail(tr("Give a subject with --subject (it may be empty: --subject \"\")."));
            return;
        }
        input.subject = parser.value(QStringLiteral("subject"));
        if (parser.isSet(QStringLiteral("body")) == parser.isSet(QStringLiteral("body-file"))) {
            fail(tr("Give the text with either --body or --body-file."));
            return;
        }
        if (parser.isSet(QStringLiteral("body-file"))) {
            QFile file(parser.value(QStringLiteral("body-file")));
            if (!file.open(QIODevice::ReadOnly)) {
                fail(tr("Could not read %1: %2").arg(file.fileName(), file.errorString()));
                return;
            }
            input.body = QString::fromUtf8(file.readAll());
        } else {
            input.body = parser.value(QStringLiteral("body"));
        }
        input.attachments = parser.values(QStringLiteral("attach"));
        if (parser.isSet(QStringLiteral("encoding"))) {
            JapaneseEncoding encoding = a.japaneseEncoding;
            if (!AccountWords::fromString(parser.value(QStringLiteral("encoding")), &encoding)) {
                fail(tr("--encoding: use auto, utf-8 or iso-2022-jp."));
                return;
            }
            input.encoding = ComposeMessage::textEncodingFor(encoding);
        }
        // The same rules and words as the compose window (core/usecases).
        const ComposeMessage::Result built = ComposeMessage::build(a, input);
        if (!built.ok()) {
            // Named by the option that holds the problem, as typed on the command line.
            using Field = ComposeProblem::Field;
            const Field field = built.problem.field;
            const QString option = field == Field::To           ? QStringLiteral("--to")
                                   : field == Field::Cc         ? QStringLiteral("--cc")
                                   : field == Field::Bcc        ? QStringLiteral("--bcc")
                                   : field == Field::Attachment ? QStringLiteral("--attach")
                                   : field == Field::Recipients ? QStringLiteral("--to/--cc/--bcc")
                                                                : QString();
            fail(option.isEmpty() ? built.problem.message
                                  : tr("%1: %2").arg(option, built.problem.message));
            return;
        }
        const OutgoingMessage &m = *built.message;
        id = outbox->queue(m, &storeError);
    } else {
        fail(tr("Usage: outpost-cli queue NAME FILE.eml, or outpost-cli queue NAME --to ADDR "
                "--subject TEXT --body TEXT"));
        return;
    }
    if (!id) {
        fail(tr("The message was not queued: %1").arg(storeError.message));
        return;
    }
    print(*id);
    done(Success);
}

void Cli::runSendReceive(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser, true);
    addVerboseOption(parser);
    if (!parse(parser, arguments))
        return;
    if (!openProfile(Session::Access::Write))
        return;
    const QList<Account> selected = selectedAccounts(parser.positionalArguments().value(1));
    if (selected.isEmpty())
        return;
    if (!openProfile(Session::Access::Write))
        return;
    const bool verbose = parser.isSet(QStringLiteral("verbose"));
    connect(m_scheduler, &Scheduler::transcript, this,
            [this, verbose](const QString &id, const QString &line) {
                if (verbose && !m_json)
                    m_out << id << QStringLiteral(": ") << line << Qt::endl;
            });
    connect(m_scheduler, &Scheduler::note, this, [this](const QString &id, const QString &text) {
        if (!m_json)
            m_out << id << QStringLiteral(": ") << text << Qt::endl;
    });
    auto remaining = std::make_shared<int>(int(selected.size()));
    auto worst = std::make_shared<int>(Success);
    auto results = std::make_shared<QJsonArray>();
    connect(m_scheduler, &Scheduler::cycleFinished, this,
            [this, remaining, worst, results](const QString &id, const CycleResult &r) {
                const Account *a = m_scheduler->account(id);
                const QString name = a ? a->name : id;
                if (!r.ok())
                    *worst = MailNotSent;
                if (m_json) {
                    results->append(QJsonObject{
                        {QStringLiteral("account"), id},
                        {QStringLiteral("received"), r.received},
                        {QStringLiteral("sent"), r.sent},
                        {QStringLiteral("deferred"), r.deferred},
                        {QStringLiteral("failed"), r.failed},
                        {QStringLiteral("mayHaveBeenSent"), r.mayHaveBeenSent},
                        {QStringLiteral("waiting"), r.waiting},
                        {QStringLiteral("popLogins"), r.popLogins},
                        {QStringLiteral("error"), r.accountError.message},
                        {QStringLiteral("errorKind"), NetError::kindName(r.accountError.kind)},
                        {QStringLiteral("storeError"), r.storeError.message},
                    });
                } else {
                    print(tr("%1: received %2, sent %3, deferred %4, failed %5")
                              .arg(name)
                              .arg(r.received)
                              .arg(r.sent)
                              .arg(r.deferred)
                              .arg(r.failed));
                    // The same sentences as the desktop program's (core/usecases).
                    for (const CycleReportItem &item :
                         CycleReport::describe(name, r, m_scheduler->outbox(id))) {
                        using Kind = CycleReportItem::Kind;
                        if (item.kind != Kind::NewMail && item.kind != Kind::Sent &&
                            item.kind != Kind::Deferred && item.kind != Kind::Failed &&
                            item.kind != Kind::NothingToDo)
                            print(item.text); // the counts are in the line above
                    }
                    // The messages that did not go, with the server's words.
                    for (const OutboxEntry &e : m_scheduler->outbox(id)->messages()) {
                        if (e.state == OutboxState::Failed || e.state == OutboxState::Deferred)
                            print(tr("  %1 %2: %3").arg(e.id, stateWords(e), e.lastReply));
                    }
                }
                if (--*remaining == 0) {
                    if (m_json)
                        printJson(*results);
                    done(*worst);
                }
            });
    for (const Account &a : selected)
        m_scheduler->trigger(a.id, Scheduler::Trigger::Manual);
}

void Cli::runListing(const QStringList &arguments, bool inbox)
{
    QCommandLineParser parser;
    addCommonOptions(parser, true);
    if (!inbox)
        parser.addOption({QStringLiteral("all"), tr("Also lists the Sent folder.")});
    if (!parse(parser, arguments))
        return;
    if (!openProfile(Session::Access::Read))
        return;
    const QList<Account> selected = selectedAccounts(parser.positionalArguments().value(1));
    if (selected.isEmpty())
        return;
    if (!openProfile(Session::Access::Read))
        return;
    QJsonArray list;
    for (const Account &a : selected) {
        if (inbox) {
            const QList<InboxMessage> messages = m_scheduler->inbox(a.id)->messages();
            if (!m_json)
                print(tr("%1: %n message(s) in %2", nullptr, int(messages.size()))
                          .arg(a.name, m_scheduler->inbox(a.id)->maildirPath()));
            for (const InboxMessage &m : messages) {
                const MessageSummary s = MessageReader::readSummary(m.path());
                if (m_json) {
                    list.append(QJsonObject{{QStringLiteral("account"), a.id},
                                            {QStringLiteral("from"), s.from},
                                            {QStringLiteral("fromAddress"), s.fromAddress},
                                            {QStringLiteral("subject"), s.subject},
                                            {QStringLiteral("date"), s.date.toString(Qt::ISODate)},
                                            {QStringLiteral("size"), double(m.size)},
                                            {QStringLiteral("uidl"), m.uidl},
                                            {QStringLiteral("new"), m.isNew},
                                            {QStringLiteral("file"), m.path()}});
                } else {
                    print(QStringLiteral("  %1  %2  %3")
                              .arg(QLocale().toString(s.date.toLocalTime(), QLocale::ShortFormat),
                                   s.from, s.subject));
                }
            }
            continue;
        }
        OutboxStore *outbox = m_scheduler->outbox(a.id);
        QList<OutboxEntry> entries = outbox->messages();
        if (parser.isSet(QStringLiteral("all")))
            entries += outbox->sentMessages();
        if (!m_json)
            print(tr("%1: %n message(s)", nullptr, int(entries.size())).arg(a.name));
        for (const OutboxEntry &e : entries) {
            if (m_json) {
                list.append(entryJson(e, a.id));
                continue;
            }
            const MessageSummary s = MessageReader::readSummary(e.messagePath);
            print(QStringLiteral("  %1  %2  %3  %4")
                      .arg(e.id, stateWords(e), e.envelope.recipients.join(QStringLiteral(", ")),
                           s.subject));
            if (!e.lastReply.isEmpty() && e.state != OutboxState::Sent)
                print(QStringLiteral("      ") + e.lastReply.simplified());
        }
    }
    if (m_json)
        printJson(list);
    done(Success);
}

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

void Cli::runScheduler(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser, false);
    addVerboseOption(parser);
    if (!parse(parser, arguments))
        return;
    if (!openProfile(Session::Access::Write))
        return;
    if (m_accounts->accounts().isEmpty()) {
        fail(tr("There are no accounts yet. Add one with \"outpost-cli account add\"."));
        return;
    }
    const bool verbose = parser.isSet(QStringLiteral("verbose"));
    auto stamp = [] {
        return QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat);
    };
    connect(m_scheduler, &Scheduler::cycleStarted, this, [this, stamp](const QString &id) {
        print(tr("%1 %2: send/receive started").arg(stamp(), id));
    });
    connect(m_scheduler, &Scheduler::cycleFinished, this,
            [this, stamp](const QString &id, const CycleResult &r) {
                print(tr("%1 %2: received %3, sent %4, deferred %5, failed %6%7")
                          .arg(stamp(), id)
                          .arg(r.received)
                          .arg(r.sent)
                          .arg(r.deferred)
                          .arg(r.failed)
                          .arg(r.accountError.isError()
                                   ? tr(" — paused: %1").arg(r.accountError.message)
                                   : QString()));
                const Scheduler::Status st = m_scheduler->status(id);
                if (st.nextCheck.isValid())
                    print(tr("%1 %2: next check at %3")
                              .arg(stamp(), id,
                                   QLocale().toString(st.nextCheck.toLocalTime().time(),
                                                      QLocale::ShortFormat)));
            });
    connect(m_scheduler, &Scheduler::note, this,
            [this, stamp](const QString &id, const QString &text) {
                print(QStringLiteral("%1 %2: %3").arg(stamp(), id, text));
            });
    connect(m_scheduler, &Scheduler::transcript, this,
            [this, verbose](const QString &id, const QString &line) {
                if (verbose)
                    print(id + QStringLiteral(": ") + line);
            });
    auto *stop = new StopSignal(this);
    connect(stop, &StopSignal::stopRequested, this, [this] {
        print(tr("Stopping."));
        m_scheduler->abortAll();
        done(Success);
    });
    print(tr("Outpost is running %n account(s). Press Ctrl+C to stop.", nullptr,
             int(m_accounts->accounts().size())));
    m_scheduler->start();
}

void Cli::runSandbox(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser, false);
    parser.addOption({QStringLiteral("smtp-port"), tr("The SMTP port (default: any free port)."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("pop-port"), tr("The POP3 port (default: any free port)."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("window"),
                      tr("How long a POP login allows relaying, in seconds (default 120)."),
                      QStringLiteral("SECONDS"), QStringLiteral("120")});
    if (!parse(parser, arguments))
        return;
    bool ok1 = false, ok2 = false, ok3 = false;
    const uint smtpPort = parser.value(QStringLiteral("smtp-port")).toUInt(&ok1);
    const uint popPort = parser.value(QStringLiteral("pop-port")).toUInt(&ok2);
    const int window = parser.value(QStringLiteral("window")).toInt(&ok3);
    if (!ok1 || !ok2 || !ok3 || smtpPort > 65535 || popPort > 65535 || window < 1) {
        fail(tr("--smtp-port and --pop-port take a port number, --window a number of seconds."));
        return;
    }
    m_sandbox = std::make_unique<SandboxServer>();
    m_sandbox->settings().windowMs = qint64(window) * 1000;
    m_sandbox->addUser("demo", "demo");
    m_sandbox->addMessage("demo", "From: Outpost sandbox <postmaster@sandbox.invalid>\r\n"
                                  "To: demo@sandbox.invalid\r\n"
                                  "Subject: Welcome to the Outpost sandbox\r\n"
                                  "Message-ID: <welcome@sandbox.invalid>\r\n"
                                  "\r\n"
                                  "This message waited on the sandbox's POP3 server.\r\n");
    if (!m_sandbox->listen(QHostAddress::LocalHost, quint16(smtpPort), quint16(popPort))) {
        fail(tr("The sandbox could not start: %1").arg(m_sandbox->errorString()));
        return;
    }
    auto now = [] {
        return QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat);
    };
    connect(m_sandbox.get(), &SandboxServer::popLoggedIn, this,
            [this, now, window](const QHostAddress &client, const QByteArray &user) {
                print(tr("%1 POP3 login by %2 from %3: relaying allowed for %4 seconds")
                          .arg(now(), QString::fromUtf8(user), client.toString())
                          .arg(window));
            });
    connect(m_sandbox.get(), &SandboxServer::relayRefused, this,
            [this, now](const QHostAddress &client, const QByteArray &recipient) {
                print(tr("%1 SMTP relay to %2 refused for %3: no POP login in the window")
                          .arg(now(), QString::fromUtf8(recipient), client.toString()));
            });
    connect(m_sandbox.get(), &SandboxServer::delivered, this,
            [this, now](const SandboxDelivery &d) {
                print(tr("%1 SMTP accepted a message from %2 to %3 (%4 bytes)")
                          .arg(now(), QString::fromUtf8(d.sender),
                               QString::fromUtf8(d.recipients.join(", ")))
                          .arg(d.size));
            });
    const QString profile =
        m_profileOption.isEmpty() ? QString() : QStringLiteral(" --profile ") + m_profileOption;
    print(tr("The Outpost sandbox is running: a POP-before-SMTP mail server on this computer.\n"
             "  POP3 127.0.0.1:%1, SMTP 127.0.0.1:%2, user \"demo\", password \"demo\", relay "
             "window %3 seconds.\n"
             "Add it as an account and send through it (in another terminal):\n"
             "  outpost-cli%4 account add sandbox --address demo@sandbox.invalid --pop-host "
             "127.0.0.1 --pop-port %1 --pop-user demo --smtp-host 127.0.0.1 --smtp-port %2 "
             "--interval 0\n"
             "  echo demo | outpost-cli%4 account password sandbox --password-stdin\n"
             "  outpost-cli%4 queue sandbox --to friend@example.com --subject Hello --body Hi\n"
             "  outpost-cli%4 send-receive sandbox --verbose\n"
             "Press Ctrl+C to stop the sandbox.")
              .arg(m_sandbox->popPort())
              .arg(m_sandbox->smtpPort())
              .arg(window)
              .arg(profile));
    auto *stop = new StopSignal(this);
    connect(stop, &StopSignal::stopRequested, this, [this] {
        m_sandbox->close();
        done(Success);
    });
}

} // namespace Outpost
