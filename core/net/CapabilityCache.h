#pragma once

#include "AccountTypes.h"

#include <QByteArrayList>
#include <QHash>
#include <QString>

namespace Outpost {

/// What one session learnt about a server: its greeting (without the parts that change per
/// session, such as an APOP timestamp) and the capabilities it announced.
struct KnownServer
{
    QByteArray greeting;         ///< the greeting line as the client compares it
    QByteArrayList capabilities; ///< as announced (upper-case lines)
    bool isNull() const { return greeting.isEmpty(); }
    bool operator==(const KnownServer &other) const = default;
};

/// The capabilities of an account's servers, remembered from the last session so that the
/// next one can skip asking for them (POP3 CAPA costs a round trip). Kept in the account's
/// folder (capabilities.json), beside its other state and away from the settings file the
/// user edits; nothing secret goes in it. A remembered capability is a hint for saving a round
/// trip only: it never decides whether a connection is encrypted or whether a password may go
/// out in plain text (those come from the account's settings), and the clients forget an entry
/// at any sign it no longer holds.
///
/// Without a file the cache lives in memory only (tests).
class CapabilityCache
{
public:
    /// A cache kept in @p file (read now); empty: in memory only.
    explicit CapabilityCache(const QString &file = {});

    /// The file name of the cache in an account's folder.
    static QString fileIn(const QString &accountDirectory);
    /// The key of one server: protocol ("pop3"), host (case-insensitive), port and security
    /// (a server's capabilities differ before and after TLS).
    static QString key(const QString &protocol, const QString &host, quint16 port,
                       Security security);

    /// What was remembered for @p key; null when nothing.
    KnownServer find(const QString &key) const;
    /// Remembers @p server for @p key (written to the file when it changed).
    void remember(const QString &key, const KnownServer &server);
    /// Forgets @p key: the next session asks again.
    void forget(const QString &key);

private:
    void save() const;

    QString m_file;
    QHash<QString, KnownServer> m_servers;
};

} // namespace Outpost
