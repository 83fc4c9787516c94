#include "RelayHandOver.h"

#include "smtp/SmtpClient.h"
#include "smtp/SmtpReply.h"
#include "store/CredentialStore.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QTcpSocket>

namespace Outpost {

RelayHandOver::RelayHandOver(CredentialStore *credentials, const RelaySettings &settings,
                             QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
    , m_settings(settings)
{}

RelayHandOver::~RelayHandOver() = default;

void RelayHandOver::submit(const QString &accountName, const Envelope &envelope,
                           const QByteArray &data, const QDateTime &notBefore)
{
    m_account = accountName;
    m_notBefore = notBefore;
    m_envelope = envelope;
    m_data = data;
    if (!m_settings.enabled || m_settings.passwordKey.isEmpty()) {
        finish(Outcome::NotServing,
               tr("Its local relay is off, so the message cannot be handed to it. Turn on \"Use "
                  "Outpost from other programs\" in its preferences (or \"outpost-cli relay "
                  "enable\"), or quit it and try again."));
        return;
    }
    withPassword([this](const QString &password) { send(password); },
                 [this](Outcome outcome, const QString &message) { finish(outcome, message); });
}

void RelayHandOver::withPassword(std::function<void(const QString &)> then,
                                 std::function<void(Outcome, const QString &)> fail)
{
    CredentialJob *job =
        m_credentials->read(m_settings.passwordKey, CredentialStore::Server::Relay);
    connect(job, &CredentialJob::finished, this, [then, fail](const CredentialResult &result) {
        if (!result.ok()) {
            fail(Outcome::Failed,
                 tr("The relay password cannot be read from the keychain: %1").arg(result.message));
            return;
        }
        then(result.password);
    });
}

void RelayHandOver::send(const QString &password)
{
    SmtpSettings settings;
    settings.connection.host = QStringLiteral("127.0.0.1");
    settings.connection.port = m_settings.port;
    settings.connection.security = Security::None;
    settings.connection.connectTimeoutMs = 10000;
    settings.connection.commandTimeoutMs = 60000;
    settings.auth = SmtpAuth::Plain;
    settings.user = m_account;
    settings.password = password;
    // The connection never leaves this computer.
    settings.allowPlainTextPassword = true;
    settings.heloName = "outpost-cli.localhost";
    m_client = std::make_unique<SmtpClient>();
    m_client->setSettings(settings);
    connect(m_client.get(), &SmtpClient::ready, this, [this] {
        m_ready = true;
        m_body = std::make_unique<QBuffer>(&m_data);
        m_body->open(QIODevice::ReadOnly);
        SmtpMessage message;
        message.sender = m_envelope.sender.toUtf8();
        for (const QString &r : m_envelope.recipients)
            message.recipients << r.toUtf8();
        message.body = m_body.get();
        message.eightBit = m_envelope.needs8BitMime;
        if (m_notBefore.isValid()) {
            if (!m_client->capabilities().futureRelease) {
                m_client->quit();
                finish(Outcome::Failed,
                       tr("The Outpost program that is running is older and cannot keep a "
                          "message for later. Update it, or quit it and try again."));
                return;
            }
            message.holdUntil = m_notBefore;
        }
        m_client->send(message);
        m_client->quit();
    });
    connect(m_client.get(), &SmtpClient::messageFinished, this, [this](const SmtpResult &result) {
        if (result.sent) {
            finish(Outcome::Queued, QString::fromUtf8(result.dataReply.text()));
            return;
        }
        finish(Outcome::Refused, result.envelopeError().isError()
                                     ? result.envelopeError().message
                                     : QString::fromUtf8(result.dataReply.text()));
    });
    connect(m_client.get(), &SmtpClient::sessionFinished, this, [this](const NetError &error) {
        if (!error.isError())
            return;
        if (!m_ready && (error.kind == NetError::Network || error.kind == NetError::ConnectTimeout))
            finish(Outcome::NotServing,
                   tr("Nothing answers on its relay's port %1, so the message cannot be handed "
                      "to it.")
                       .arg(m_settings.port));
        else
            finish(error.kind == NetError::Authentication ? Outcome::Refused : Outcome::Failed,
                   error.message);
    });
    m_client->open();
}

void RelayHandOver::finish(Outcome outcome, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(outcome, message);
}

void RelayHandOver::runCycle(const QString &accountName)
{
    m_account = accountName;
    if (!m_settings.enabled || m_settings.passwordKey.isEmpty()) {
        finishCycle(Outcome::NotServing, {},
                    tr("Its local relay is off, so it cannot be asked to send and receive. Turn "
                       "on \"Use Outpost from other programs\" in its preferences (or "
                       "\"outpost-cli relay enable\"), or quit it and try again."));
        return;
    }
    withPassword(
        [this](const QString &password) { converse(password); },
        [this](Outcome outcome, const QString &message) { finishCycle(outcome, {}, message); });
}

void RelayHandOver::converse(const QString &password)
{
    // greeting, EHLO, AUTH PLAIN, XCYCLE, QUIT: one reply each, in order.
    m_socket = new QTcpSocket(this);
    auto parser = std::make_shared<SmtpReplyParser>();
    auto step = std::make_shared<int>(0);
    auto buffer = std::make_shared<QByteArray>();
    const QByteArray auth =
        "AUTH PLAIN " +
        (QByteArray(1, '\0') + m_account.toUtf8() + '\0' + password.toUtf8()).toBase64() + "\r\n";
    connect(m_socket, &QTcpSocket::readyRead, this, [this, parser, step, buffer, auth] {
        *buffer += m_socket->readAll();
        qsizetype end;
        while ((end = buffer->indexOf("\r\n")) >= 0) {
            const QByteArray line = buffer->left(end);
            buffer->remove(0, end + 2);
            const SmtpReplyParser::Status status = parser->addLine(line);
            if (status == SmtpReplyParser::Invalid)
                return finishCycle(Outcome::Failed, {},
                                   tr("The running program answered something unexpected."));
            if (status != SmtpReplyParser::Complete)
                continue;
            const SmtpReply reply = parser->take();
            const QString words = QString::fromUtf8(reply.text());
            switch ((*step)++) {
            case 0: // greeting
                if (!reply.isCode(220))
                    return finishCycle(Outcome::Refused, {}, words);
                m_socket->write("EHLO outpost-cli.localhost\r\n");
                break;
            case 1: // EHLO
                if (!reply.isCode(250))
                    return finishCycle(Outcome::Refused, {}, words);
                m_socket->write(auth);
                break;
            case 2: // AUTH
                if (!reply.isCode(235))
                    return finishCycle(Outcome::Refused, {}, words);
                m_socket->write("XCYCLE\r\n");
                break;
            case 3: { // the cycle's result
                m_socket->write("QUIT\r\n");
                if (!reply.isCode(250))
                    return finishCycle(Outcome::Refused, {}, words);
                const QJsonDocument json = QJsonDocument::fromJson(reply.lines.value(0));
                if (!json.isObject())
                    return finishCycle(Outcome::Failed, {},
                                       tr("The running program's answer cannot be read."));
                return finishCycle(Outcome::Queued, json.object(), {});
            }
            default:
                return;
            }
        }
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this, step] {
        if (*step == 0)
            finishCycle(Outcome::NotServing, {},
                        tr("Nothing answers on its relay's port %1, so it cannot be asked to "
                           "send and receive.")
                            .arg(m_settings.port));
        else if (*step <= 3)
            finishCycle(Outcome::Failed, {}, m_socket->errorString());
    });
    m_socket->connectToHost(QHostAddress(QHostAddress::LocalHost), m_settings.port);
}

void RelayHandOver::finishCycle(Outcome outcome, const QJsonObject &result, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT cycleFinished(outcome, result, message);
}

} // namespace Outpost
