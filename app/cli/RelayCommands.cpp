// outpost-cli relay enable | disable | password | status: the local relay's settings.
#include "Cli.h"

#include "relay/RelayService.h"

#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>

namespace Outpost {

namespace {

// "127.0.0.1 and ::1, port 2525": what to enter in another program.
QString whereItListens(quint16 port)
{
    return Cli::tr("localhost (127.0.0.1), port %1").arg(port);
}

} // namespace

void Cli::runRelay(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser, true);
    parser.addOption(
        {QStringLiteral("port"),
         tr("relay enable: the port to listen on (default %1).").arg(RelaySettings::defaultPort),
         QStringLiteral("N")});
    parser.addOption({QStringLiteral("listen"),
                      tr("relay enable: also accept mail from other computers on this address "
                         "of the network (0.0.0.0 for all; localhost for this computer only). "
                         "They must use STARTTLS and the relay password."),
                      QStringLiteral("ADDR")});
    parser.addOption(
        {QStringLiteral("allow-unauthenticated"),
         tr("relay enable: accept mail from programs on this computer without the relay "
            "password; the sender's address then chooses the account. Any program on this "
            "computer could then send mail as you.")});
    parser.addOption({QStringLiteral("report-to-sender"),
                      tr("relay enable: also mail delivery reports to the sender through the "
                         "account's server (they always go into the account's inbox)."),
                      QStringLiteral("on|off")});
    parser.addOption({QStringLiteral("password-stdin"),
                      tr("relay password: reads the new relay password from standard input.")});
    parser.addOption({QStringLiteral("generate"),
                      tr("relay password: makes a new random relay password and prints it "
                         "once.")});
    parser.addPositionalArgument(QStringLiteral("action"),
                                 tr("enable, disable, password or status"));
    if (!parse(parser, arguments))
        return;
    const QString action = parser.positionalArguments().value(1);
    if (action == QLatin1String("status")) {
        if (!openProfile(Session::Access::Read))
            return;
        return relayStatus();
    }
    if (action != QLatin1String("enable") && action != QLatin1String("disable") &&
        action != QLatin1String("password")) {
        fail(tr("Say what to do with the relay: enable, disable, password or status."));
        return;
    }
    // Changes need the profile: the program serving the relay must not run meanwhile.
    if (!openProfile(Session::Access::Write))
        return;
    RelayService *relay = m_session->relay();
    RelaySettings settings = relay->settings();
    QString error;
    if (action == QLatin1String("disable")) {
        settings.enabled = false;
        if (!relay->saveSettings(settings, &error))
            return fail(error);
        print(tr("The relay is off. Programs that send through Outpost will get no answer on "
                 "port %1.")
                  .arg(settings.port));
        return done(Success);
    }
    if (action == QLatin1String("enable")) {
        if (parser.isSet(QStringLiteral("port"))) {
            bool ok = false;
            const int port = parser.value(QStringLiteral("port")).toInt(&ok);
            if (!ok || port < 1 || port > 65535) {
                fail(tr("The port must be a number from 1 to 65535."));
                return;
            }
            settings.port = quint16(port);
        }
        if (parser.isSet(QStringLiteral("listen"))) {
            QString address;
            if (!RelaySettings::parseListenAddress(parser.value(QStringLiteral("listen")), &address,
                                                   &error))
                return fail(error);
            if (!address.isEmpty() && !RelayCertificate::canGenerate())
                return fail(tr("This version of Outpost cannot make the certificate that "
                               "listening on the network needs; the relay serves this computer "
                               "only."));
            settings.listenAddress = address;
        }
        settings.enabled = true;
        settings.allowUnauthenticated = parser.isSet(QStringLiteral("allow-unauthenticated"));
        if (parser.isSet(QStringLiteral("report-to-sender"))) {
            const QString value = parser.value(QStringLiteral("report-to-sender"));
            if (value != QLatin1String("on") && value != QLatin1String("off"))
                return fail(tr("--report-to-sender: use on or off."));
            settings.reportToSender = value == QLatin1String("on");
        }
        if (!relay->saveSettings(settings, &error))
            return fail(error);
        if (settings.allowUnauthenticated)
            m_err << tr("Warning: any program on this computer can now send mail through your "
                        "accounts without a password.")
                  << Qt::endl;
        // Make the password now, so that it can be shown; keep one that exists.
        relay->readPassword(this, [this, relay, settings](const CredentialResult &result) {
            auto report = [this, settings](const QString &password) {
                const QString where = whereItListens(settings.port);
                print(settings.allowUnauthenticated
                          ? tr("The relay is on: Outpost serves it while \"outpost-cli run\" or "
                               "the Outpost window runs.\nIn the other program, set the outgoing "
                               "(SMTP) server to %1, with no encryption and no sign-in.")
                                .arg(where)
                          : tr("The relay is on: Outpost serves it while \"outpost-cli run\" or "
                               "the Outpost window runs.\nIn the other program, set the outgoing "
                               "(SMTP) server to %1, with no encryption; sign in with an "
                               "account's name as the user name and the relay password.")
                                .arg(where));
                if (settings.listensOnNetwork())
                    print(tr("Other computers reach it at %1, port %2, with STARTTLS and the "
                             "relay password. Its certificate is made when the relay first "
                             "starts; \"outpost-cli relay status\" then shows the fingerprint "
                             "to compare with the one the other program shows.")
                              .arg(RelaySettings::addressForOthers(settings.listenAddress))
                              .arg(settings.port));
                if (!password.isEmpty())
                    print(tr("The relay password (shown once; \"outpost-cli relay password "
                             "--generate\" makes a new one): %1")
                              .arg(password));
                done(Success);
            };
            if (result.ok())
                return report({});
            if (result.error != CredentialError::NotFound)
                return fail(tr("The relay password cannot be read from the keychain: %1")
                                .arg(result.message));
            relay->generatePassword(this, [this, report](const CredentialResult &made) {
                if (!made.ok())
                    return fail(tr("The relay password cannot be stored in the keychain: %1")
                                    .arg(made.message));
                report(made.password);
            });
        });
        return;
    }
    // password
    const bool generate = parser.isSet(QStringLiteral("generate"));
    if (generate == parser.isSet(QStringLiteral("password-stdin"))) {
        fail(tr("Choose one: --generate makes a new password, --password-stdin reads yours."));
        return;
    }
    auto stored = [this, generate](const CredentialResult &result) {
        if (!result.ok())
            return fail(tr("The relay password was not stored: %1").arg(result.message));
        if (generate)
            print(tr("The new relay password (shown once): %1").arg(result.password));
        else
            print(tr("Stored the relay password."));
        print(tr("Programs that send through Outpost need the new password now."));
        done(Success);
    };
    if (generate)
        return relay->generatePassword(this, stored);
    const std::optional<QString> typed = readPasswordInput();
    if (!typed)
        return;
    const QString password = *typed;
    if (password.size() < 8) {
        fail(tr("The relay password must have at least 8 characters."));
        return;
    }
    relay->setPassword(password, this, stored);
}

void Cli::relayStatus()
{
    const RelaySettings settings = m_session->relay()->settings();
    const QString fingerprint = RelayService::storedFingerprint(m_session->profile().directory());
    // Whether a program serves it now: an Outpost relay greets on the port.
    auto *socket = new QTcpSocket(this);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    auto finish = [this, settings, fingerprint, socket, timer](bool serving) {
        timer->stop();
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        timer->deleteLater();
        if (m_json) {
            printJson(
                QJsonObject{{QStringLiteral("enabled"), settings.enabled},
                            {QStringLiteral("port"), int(settings.port)},
                            {QStringLiteral("allowUnauthenticated"), settings.allowUnauthenticated},
                            {QStringLiteral("listen"), settings.listenAddress},
                            {QStringLiteral("certificateFingerprint"), fingerprint},
                            {QStringLiteral("serving"), serving}});
            return done(Success);
        }
        if (!settings.enabled) {
            print(tr("The relay is off. \"outpost-cli relay enable\" turns it on."));
            return done(Success);
        }
        print(
            settings.allowUnauthenticated
                ? tr("The relay is on at %1; no sign-in needed.").arg(whereItListens(settings.port))
                : tr("The relay is on at %1; programs sign in with the relay password.")
                      .arg(whereItListens(settings.port)));
        if (settings.listensOnNetwork())
            print(fingerprint.isEmpty()
                      ? tr("Other computers: %1, port %2, with STARTTLS and the relay password. "
                           "The certificate is made when the relay first starts.")
                            .arg(RelaySettings::addressForOthers(settings.listenAddress))
                            .arg(settings.port)
                      : tr("Other computers: %1, port %2, with STARTTLS and the relay password. "
                           "Certificate fingerprint (SHA-256): %3")
                            .arg(RelaySettings::addressForOthers(settings.listenAddress))
                            .arg(settings.port)
                            .arg(fingerprint));
        print(serving ? tr("Outpost is serving it now.")
                      : tr("No Outpost program serves it right now: start the Outpost window or "
                           "\"outpost-cli run\"."));
        done(Success);
    };
    if (!settings.enabled)
        return finish(false);
    connect(timer, &QTimer::timeout, this, [finish] { finish(false); });
    connect(socket, &QTcpSocket::errorOccurred, this, [finish] { finish(false); });
    connect(socket, &QTcpSocket::readyRead, this, [socket, finish] {
        if (socket->canReadLine())
            finish(socket->readLine().contains("Outpost local relay"));
    });
    timer->start(3000);
    socket->connectToHost(QHostAddress(QHostAddress::LocalHost), settings.port);
}

} // namespace Outpost
