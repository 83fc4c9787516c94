#pragma once

#include "sandbox/SandboxServer.h"

#include <QObject>
#include <QSslSocket>
#include <QTimer>

#include <deque>
#include <functional>

namespace Outpost {

/// One connection to the sandbox: line input, ordered (possibly delayed) output, TLS and the
/// fault hooks shared by the SMTP and POP3 sides.
class SandboxSession : public QObject
{
    Q_OBJECT

public:
    SandboxSession(SandboxServer *server, SandboxFault::Protocol protocol);
    ~SandboxSession() override;

    /// Takes over the accepted socket @p descriptor; greets (after TLS when @p implicitTls).
    void start(qintptr descriptor, bool implicitTls);

protected:
    /// Sends the greeting.
    virtual void greet() = 0;
    /// Handles one line from the client (without CRLF).
    virtual void handleLine(const QByteArray &line) = 0;
    /// The socket wrote data: subclasses streaming large data write more.
    virtual void wroteData() {}
    /// Raw bytes asked for with m_rawBytes (SMTP BDAT chunks).
    virtual void handleRaw(const QByteArray &) {}
    /// While m_streaming: received bytes (SMTP DATA); returns how many it used. Clearing
    /// m_streaming hands the rest back to handleLine().
    virtual qsizetype handleStream(QByteArrayView) { return 0; }

    /// Queues @p text followed by CRLF, after the configured reply delay plus @p extraDelay.
    void reply(const QByteArray &text, int extraDelay = 0);
    /// Queues an action to run in order with the replies (e.g. start streaming).
    void then(std::function<void()> action);
    /// Writes bytes now (message streaming, after its reply has gone).
    void write(const QByteArray &bytes);
    /// Closes after the queued replies.
    void closeAfterReplies();
    /// Drops the connection now.
    void drop();
    /// Starts server-side TLS after the queued replies (STARTTLS/STLS).
    void startTlsAfterReplies();
    /// Applies a fault for @p command. Returns true when the fault replaced the normal
    /// handling (reply, disconnect, silence); a delay is applied to the next reply.
    bool applyFault(const QByteArray &command);

    bool isEncrypted() const { return m_socket->isEncrypted(); }
    /// The connection was dropped (by a fault or the client).
    bool isDead() const { return m_dead; }
    QHostAddress peer() const { return m_peer; }
    /// Bytes written but not yet sent, plain and (over TLS) encrypted.
    qint64 pendingBytes() const
    {
        return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
    }

    SandboxServer *m_server;
    QSslSocket *m_socket;
    qint64 m_dropAfterBytes = -1; ///< DisconnectMidData fault armed for the next data transfer
    qint64 m_rawBytes = 0;        ///< this many bytes go to handleRaw() before lines resume
    bool m_streaming = false;     ///< bytes go to handleStream() until it clears this

private:
    struct Out
    {
        QByteArray bytes;
        int delay = 0;
        std::function<void()> action;
    };
    void onReadyRead();
    void process();
    void beginTls();

    SandboxFault::Protocol m_protocol;
    QHostAddress m_peer;
    std::deque<Out> m_out;
    QTimer m_timer;
    QByteArray m_input;
    int m_nextDelay = 0;
    bool m_implicitTls = false;
    bool m_dead = false;
    bool m_hung = false; ///< a Silence fault fired: input is read and ignored from then on
};

} // namespace Outpost
