// outpost-cli sandbox: the built-in POP-before-SMTP server in the foreground.
#include "Cli.h"

#include "StopSignal.h"
#include "sandbox/SandboxServer.h"

#include <QDateTime>
#include <QHostAddress>
#include <QLocale>

namespace Outpost {

void Cli::runSandbox(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser, false);
    parser.addOption({QStringLiteral("smtp-port"), tr("The SMTP port (default: any free port)."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("pop-port"), tr("The POP3 port (default: any free port)."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("imap-port"), tr("The IMAP port (default: any free port)."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("window"),
                      tr("How long a POP login allows relaying, in seconds (default 120)."),
                      QStringLiteral("SECONDS"), QStringLiteral("120")});
    if (!parse(parser, arguments))
        return;
    bool ok1 = false, ok2 = false, ok3 = false;
    const uint smtpPort = parser.value(QStringLiteral("smtp-port")).toUInt(&ok1);
    const uint popPort = parser.value(QStringLiteral("pop-port")).toUInt(&ok2);
    bool ok4 = false;
    const uint imapPort = parser.value(QStringLiteral("imap-port")).toUInt(&ok4);
    const int window = parser.value(QStringLiteral("window")).toInt(&ok3);
    if (!ok1 || !ok2 || !ok3 || !ok4 || smtpPort > 65535 || popPort > 65535 || imapPort > 65535 ||
        window < 1) {
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
    if (!m_sandbox->listen(QHostAddress::LocalHost, quint16(smtpPort), quint16(popPort),
                           quint16(imapPort))) {
        fail(tr("The sandbox could not start: %1").arg(m_sandbox->errorString()));
        return;
    }
    auto now = [] {
        return QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat);
    };
    connect(m_sandbox.get(), &SandboxServer::popLoggedIn, this,
            [this, now, window](const QHostAddress &client, const QByteArray &user) {
                print(tr("%1 %2 logged in (POP3 or IMAP) from %3: relaying allowed for %4 seconds")
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
             "The same mailbox is served over IMAP on 127.0.0.1:%5: add the account with "
             "--incoming imap --pop-port %5 to use it.\n"
             "Press Ctrl+C to stop the sandbox.")
              .arg(m_sandbox->popPort())
              .arg(m_sandbox->smtpPort())
              .arg(window)
              .arg(profile)
              .arg(m_sandbox->imapPort()));
    auto *stop = new StopSignal(this);
    connect(stop, &StopSignal::stopRequested, this, [this] {
        m_sandbox->close();
        done(Success);
    });
}

} // namespace Outpost
