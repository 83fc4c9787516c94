#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace Outpost {

struct Account;

/// What went wrong when reading or writing a password.
enum class CredentialError
{
    None,
    NotFound,     ///< no password stored for this account and server
    Locked,       ///< the keychain is locked (or refused to unlock)
    NoKeychain,   ///< no keychain service on this system (e.g. no Secret Service on D-Bus)
    AccessDenied, ///< the user or the system refused Outpost access
    Other,        ///< anything else, with the keychain's own words
};

/// The outcome of one credential request.
struct CredentialResult
{
    CredentialError error = CredentialError::None;
    QString message;  ///< for people; empty on success
    QString password; ///< only for a successful read
    bool ok() const { return error == CredentialError::None; }
};

/// One asynchronous request. Emits finished() exactly once, from the event loop, and
/// then deletes itself. Connect to finished() right after the store returns it.
class CredentialJob : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void finished(const Outpost::CredentialResult &result);
};

/// Passwords in the system keychain (QtKeychain: Secret Service, KWallet, Windows
/// Credential Manager, macOS Keychain), one entry per account and server.
///
/// Nothing is ever written to a file unless the user explicitly chose that with
/// setPlainFileFallback(); passwords typed for this session only (the "ask me each
/// time" choice when there is no keychain) are kept in memory with rememberForSession().
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    /// Which of an account's two passwords.
    enum class Server
    {
        Incoming,    ///< POP3
        Outgoing,    ///< SMTP AUTH, when it differs from the POP3 password
        Relay,       ///< the local relay's password (the "account" is the profile's relay key)
        RelayTlsKey, ///< the private key of the relay's certificate (PEM), same "account"
    };

    /// @p service names the keychain entries' owner; tests use their own.
    explicit CredentialStore(const QString &service = QStringLiteral("Outpost"),
                             QObject *parent = nullptr);

    CredentialJob *read(const QString &accountId, Server server);

    /// The passwords one cycle of an account needs.
    struct AccountPasswords
    {
        CredentialResult result;          ///< success, or the first failure
        Server failed = Server::Incoming; ///< which read failed, when one did
        QString incoming;                 ///< POP3
        QString outgoing;                 ///< SMTP AUTH (the POP3 one when they are the same)
        bool ok() const { return result.ok(); }
    };
    /// Reads the POP3 password and, when SMTP AUTH uses its own, the SMTP password; calls
    /// @p done once from the event loop (never when @p context is gone by then).
    void readAccountPasswords(const Account &account, QObject *context,
                              std::function<void(const AccountPasswords &)> done);
    CredentialJob *write(const QString &accountId, Server server, const QString &password);
    /// Removes the entry; a missing entry is not an error.
    CredentialJob *remove(const QString &accountId, Server server);

    /// Keeps a password in memory for this run; read() returns it before asking the keychain.
    void rememberForSession(const QString &accountId, Server server, const QString &password);
    void forgetSession(const QString &accountId, Server server);

    /// Opt-in, insecure: when the keychain is unavailable, keep passwords in @p path
    /// (readable only by the user, but plain text). Empty to turn it off.
    void setPlainFileFallback(const QString &path);
    QString plainFileFallback() const { return m_plainFile; }

    /// The keychain key for an account's password, e.g. "work:pop".
    static QString key(const QString &accountId, Server server);

    /// A sentence for people that explains @p error.
    static QString describe(CredentialError error, const QString &detail = {});

Q_SIGNALS:
    /// A password of @p accountId was stored (in the keychain, or for this session).
    void passwordChanged(const QString &accountId, Outpost::CredentialStore::Server server);

private:
    CredentialJob *finishLater(CredentialJob *job, const CredentialResult &result);
    bool readPlainFile(const QString &key, QString *password) const;
    bool writePlainFile(const QString &key, const QString *password, QString *error) const;

    QString m_service;
    QString m_plainFile;
    QHash<QString, QString> m_session;
};

} // namespace Outpost

Q_DECLARE_METATYPE(Outpost::CredentialResult)
