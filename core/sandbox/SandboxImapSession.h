#pragma once

#include "sandbox/SandboxSession.h"

namespace Outpost {

/// The IMAP side of the sandbox (RFC 3501, the part a mail downloader uses): CAPABILITY,
/// STARTTLS, LOGIN (quoted strings and atoms), AUTHENTICATE PLAIN with or without SASL-IR,
/// EXAMINE/SELECT INBOX, UID FETCH of UID, RFC822.SIZE, FLAGS, BODY[HEADER.FIELDS (...)],
/// BODY[] and BODY.PEEK[], NOOP and LOGOUT. A successful login opens the client address's
/// relay window, as a POP3 login does. The mailbox is the same as POP3's; BODY[] without
/// PEEK sets \Seen on the message, so tests can tell a client that peeks.
class SandboxImapSession : public SandboxSession
{
    Q_OBJECT

public:
    explicit SandboxImapSession(SandboxServer *server);

protected:
    void greet() override;
    void handleLine(const QByteArray &line) override;

private:
    QByteArray capabilities() const;
    void command(const QByteArray &tag, const QByteArray &verb, const QByteArray &arguments);
    void login(const QByteArray &tag, const QByteArray &user, bool ok);
    void examine(const QByteArray &tag, const QByteArray &verb, const QByteArray &mailbox);
    void uidFetch(const QByteArray &tag, const QByteArray &arguments);

    bool m_loggedIn = false;
    bool m_selected = false;
    QByteArray m_user;
    QByteArray m_plainTag; ///< AUTHENTICATE PLAIN waiting for its response line
};

} // namespace Outpost
