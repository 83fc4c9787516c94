#pragma once

#include "ConnectionSettings.h"

#include <QByteArray>
#include <QString>

namespace Outpost {

/// TLS sessions (session tickets, RFC 8446 section 2.2; RFC 5077 for TLS 1.2) kept for this
/// run of the program, so that the next connection to the same server resumes instead of
/// doing a full handshake: no certificate chain to send and check, no signature. A ticket
/// holds the session's secret, so it stays in memory and is never written anywhere.
///
/// A resumed session was verified when it was made; the key therefore holds everything that
/// decides trust (host, port, the extra CAs and the pinned certificates): a change of any of
/// them starts a full, verified handshake.
class TlsSessionCache
{
public:
    /// The key of the server and trust in @p settings.
    static QString keyFor(const ConnectionSettings &settings);
    /// The last ticket kept for @p key; empty when none.
    static QByteArray find(const QString &key);
    /// Keeps @p ticket for @p key (the newest one wins).
    static void remember(const QString &key, const QByteArray &ticket);
    /// Forgets @p key (a handshake that offered its ticket failed).
    static void forget(const QString &key);
};

} // namespace Outpost
