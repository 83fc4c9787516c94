#pragma once

#include "sandbox/SandboxSession.h"
#include "smtp/SmtpDataEncoder.h"

#include <QIODevice>

#include <memory>

namespace Outpost {

/// The POP3 side of the sandbox (RFC 1939 with CAPA, STLS, APOP, AUTH PLAIN, PIPELINING):
/// a successful login opens the client address's relay window.
class SandboxPop3Session : public SandboxSession
{
    Q_OBJECT

public:
    explicit SandboxPop3Session(SandboxServer *server);

protected:
    void greet() override;
    void handleLine(const QByteArray &line) override;
    void wroteData() override;

private:
    void command(const QByteArray &verb, const QByteArray &argument);
    void login(const QByteArray &user, bool ok);
    void capa();
    /// The message for a 1-based number of this session, nullptr when none or deleted.
    int index(const QByteArray &argument) const;
    void startRetr(int index);
    void pumpRetr();
    void retrDone();

    QByteArray m_timestamp;
    QByteArray m_user;
    QByteArray m_pendingUser;
    bool m_loggedIn = false;
    bool m_awaitingPlain = false;
    QList<bool> m_deleted;
    std::unique_ptr<QIODevice> m_retr; ///< the message being sent by RETR
    bool m_sending = false;            ///< a RETR answer is under way: later commands wait
    QByteArrayList m_waiting;          ///< pipelined commands that arrived during a RETR
    qint64 m_retrSent = 0;
    SmtpDataEncoder m_retrEncoder; ///< dot-stuffing for RETR
};

} // namespace Outpost
