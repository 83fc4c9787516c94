#pragma once

#include "relay/DeliveryReports.h"
#include "relay/RelayCertificate.h"
#include "relay/RelayServer.h"
#include "relay/RelaySettings.h"
#include "store/CredentialStore.h"

#include <QObject>

#include <functional>

namespace Outpost {

class Profile;
class Scheduler;

/// The local relay as one service of the application session: its settings, its password
/// in the keychain, the listener, and the hand-over of what it receives to the accounts'
/// outboxes and the scheduler. The desktop program and `outpost-cli run` both start it.
class RelayService : public QObject, public RelayTarget
{
    Q_OBJECT

public:
    RelayService(const Profile &profile, Scheduler *scheduler, CredentialStore *credentials,
                 QObject *parent = nullptr);
    ~RelayService() override;

    /// Reads the settings (false with a sentence for people when they cannot be read).
    [[nodiscard]] bool loadSettings(QString *error);
    const RelaySettings &settings() const { return m_settings; }
    /// Saves new settings and, in a program that serves the relay (start() was called),
    /// applies them: listens, stops or listens anew.
    [[nodiscard]] bool saveSettings(const RelaySettings &settings, QString *error);

    /// This program serves the relay from now on: listens whenever the settings enable it,
    /// after reading the relay password (made when there is none yet). Reports with
    /// started(); a problem (port in use, keychain locked) stays in problem() until the next
    /// try.
    void start();
    /// Stops serving; connected clients finish.
    void stop();
    /// True between start() and stop().
    bool isServing() const { return m_serving; }
    bool isListening() const { return m_server.isListening(); }
    /// Why the relay does not listen although enabled (for people); empty when it does.
    QString problem() const { return m_problem; }
    RelayServer *server() { return &m_server; }
    DeliveryReports *reports() { return &m_reports; }

    /// The relay password, read from the keychain (empty result with the keychain's words
    /// when it cannot be read; NotFound when none was made yet).
    void readPassword(QObject *context, std::function<void(const CredentialResult &)> done);
    /// Makes a new random password and stores it (the old one stops working at once).
    void generatePassword(QObject *context, std::function<void(const CredentialResult &)> done);
    /// Stores @p password as the relay password.
    void setPassword(const QString &password, QObject *context,
                     std::function<void(const CredentialResult &)> done);
    /// The fingerprint of the certificate the relay shows to other computers (SHA-256), made
    /// the first time it listens on the network; empty before.
    QString certificateFingerprint() const;
    /// The same from the profile alone, for a program that does not serve the relay.
    static QString storedFingerprint(const QString &profileDirectory);
    /// A new random password of 20 letters and digits, easy to read and to type.
    static QString makePassword();

    // RelayTarget
    QString accountForUser(const QString &user) const override;
    QString accountForSender(const QString &sender) const override;
    bool checkPassword(const QByteArray &password) const override;
    void queue(const Submission &submission,
               std::function<void(const Outcome &outcome)> done) override;
    qint64 sizeLimit(const QString &accountId) const override;
    bool refuses8Bit(const QString &accountId) const override;
    void runCycle(const QString &accountId, QObject *context,
                  std::function<void(const QByteArray &reply)> done) override;

Q_SIGNALS:
    /// The relay started listening (or could not: problem() says why).
    void started(bool listening);
    void transcript(const QString &line);
    /// A message from another program is in an account's outbox.
    void queued(const QString &accountId, const QString &id);
    /// A relayed message could not be delivered; a report is in the account's inbox.
    void reported(const QString &accountId, const QString &id, const QString &text);

private:
    void listenNow();
    /// Loads (or makes, the first time) the certificate for listening on the network, then
    /// calls @p done with it (null, and m_problem set, when there is none).
    void withCertificate(int generation, std::function<void(const RelayCertificate &)> done);
    void listenWith(const RelayCertificate &certificate);
    void restart();
    QString passwordKey();

    QString m_profileDirectory;
    Scheduler *m_scheduler;
    CredentialStore *m_credentials;
    RelaySettings m_settings;
    RelayServer m_server;
    DeliveryReports m_reports;
    QByteArray m_password; ///< the relay password while the relay runs (memory only)
    QString m_problem;
    QString m_fingerprint; ///< of the certificate in use
    int m_generation = 0;  ///< a start() superseded by a later one or a stop() does nothing
    bool m_serving = false;
};

} // namespace Outpost
