#include "RelayHandOver.h"

#include "smtp/SmtpClient.h"
#include "store/CredentialStore.h"

#include <QBuffer>

namespace Outpost {

RelayHandOver::RelayHandOver(CredentialStore *credentials, const RelaySettings &settings,
                             QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
    , m_settings(settings)
{}

RelayHandOver::~RelayHandOver() = default;

void RelayHandOver::submit(const QString &accountName, const Envelope &envelope,
                           const QByteArray &data)
{
    m_account = accountName;
    m_envelope = envelope;
    m_data = data;
    if (!m_settings.enabled || m_settings.passwordKey.isEmpty()) {
        finish(Outcome::NotServing,
               tr("Its local relay is off, so the message cannot be handed to it. Turn on \"Use "
                  "Outpost from other programs\" in its preferences (or \"outpost-cli relay "
                  "enable\"), or quit it and try again."));
        return;
    }
    CredentialJob *job =
        m_credentials->read(m_settings.passwordKey, CredentialStore::Server::Relay);
    connect(job, &CredentialJob::finished, this, [this](const CredentialResult &result) {
        if (!result.ok()) {
            finish(
                Outcome::Failed,
                tr("The relay password cannot be read from the keychain: %1").arg(result.message));
            return;
        }
        send(result.password);
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

} // namespace Outpost
