#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QString>

namespace Outpost {

/// The local relay's settings, kept in the profile's relay.json (the password is in the
/// keychain, under passwordKey).
struct RelaySettings
{
    Q_DECLARE_TR_FUNCTIONS(RelaySettings)

public:
    /// Above 1024, so no administrator rights are needed; 2525 is the port mail programs
    /// know as the alternative submission port.
    static constexpr quint16 defaultPort = 2525;

    bool enabled = false;
    quint16 port = defaultPort; ///< 0: any free port (tests)
    /// Clients on this machine may send without signing in; the sender's address then
    /// chooses the account (an explicit choice: any program here could send as the user).
    bool allowUnauthenticated = false;
    /// A delivery report also goes to the envelope sender through the account's server (it
    /// always goes into the account's inbox).
    bool reportToSender = false;
    /// Also listen on this address of the network (another computer's programs send through
    /// Outpost; "0.0.0.0" or "::" for every address). Empty: this computer only. Clients from
    /// elsewhere must use STARTTLS and sign in, whatever allowUnauthenticated says.
    QString listenAddress;
    /// Names the relay password in the keychain; made when the password is first made.
    QString passwordKey;

    /// The settings in @p profileDirectory; defaults when there is no file. False with a
    /// sentence for people when the file cannot be read.
    static bool load(const QString &profileDirectory, RelaySettings *settings, QString *error);
    /// Writes them atomically.
    bool save(const QString &profileDirectory, QString *error) const;
    static QString fileName(const QString &profileDirectory);
    /// @p text as a listen address: empty for "localhost" (or nothing), else an IP address
    /// with no scope; false with a sentence for people when it is neither.
    static bool parseListenAddress(const QString &text, QString *address, QString *error);
    /// The addresses to listen on: this computer's loopback ones, and the network one.
    QList<QHostAddress> listenAddresses() const;
    bool listensOnNetwork() const { return !listenAddress.isEmpty(); }
    /// What another computer enters as the server for the network address @p chosen: that
    /// address, or for "every network" (0.0.0.0, ::) this computer's first network address
    /// (its name when it has none).
    static QString addressForOthers(const QString &chosen);

    bool operator==(const RelaySettings &other) const = default;
};

} // namespace Outpost
