#pragma once

#include "message/Envelope.h"
#include "relay/RelaySettings.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

class QBuffer;
class QTcpSocket;

#include <memory>

namespace Outpost {

class CredentialStore;
class SmtpClient;

/// Hands a message to the Outpost program that serves this profile's local relay (the
/// window or `outpost-cli run`), as a submission on loopback signed in with the relay
/// password: how `outpost-cli sendmail` and `queue` deliver while another program holds the
/// profile. The running program then owns the message: it is in its outbox on the disk when
/// this reports Queued.
class RelayHandOver : public QObject
{
    Q_OBJECT

public:
    enum class Outcome
    {
        Queued,     ///< the running program has the message on its disk
        NotServing, ///< the relay is off, or no program answers on its port
        Refused,    ///< the running program refused the message (message says why)
        Failed,     ///< the keychain or the connection failed (message says why)
    };

    RelayHandOver(CredentialStore *credentials, const RelaySettings &settings,
                  QObject *parent = nullptr);
    ~RelayHandOver() override;

    /// Submits @p data (CRLF line ends) for @p envelope through the account named
    /// @p accountName; reports with finished().
    /// @p notBefore: sent later (the running program must offer FUTURERELEASE).
    void submit(const QString &accountName, const Envelope &envelope, const QByteArray &data,
                const QDateTime &notBefore = {});
    /// Asks the running program to run a cycle of @p accountName and waits for its result;
    /// reports with cycleFinished().
    void runCycle(const QString &accountName);

Q_SIGNALS:
    /// @p message: for people (why it failed, or the running program's words).
    void finished(Outpost::RelayHandOver::Outcome outcome, const QString &message);
    /// @p result: the cycle's result as CycleReport::toJson() gives it (when Queued).
    void cycleFinished(Outpost::RelayHandOver::Outcome outcome, const QJsonObject &result,
                       const QString &message);

private:
    void send(const QString &password);
    void converse(const QString &password);
    void finishCycle(Outcome outcome, const QJsonObject &result, const QString &message);
    /// Reads the relay password, then calls @p then (or reports the failure).
    void withPassword(std::function<void(const QString &)> then,
                      std::function<void(Outcome, const QString &)> fail);
    void finish(Outcome outcome, const QString &message);

    CredentialStore *m_credentials;
    RelaySettings m_settings;
    QString m_account;
    Envelope m_envelope;
    QByteArray m_data;
    QDateTime m_notBefore;
    std::unique_ptr<SmtpClient> m_client;
    std::unique_ptr<QBuffer> m_body;
    QTcpSocket *m_socket = nullptr; ///< runCycle(): the conversation
    bool m_done = false;
    bool m_ready = false;
};

} // namespace Outpost
