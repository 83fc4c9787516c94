#pragma once

#include "ConnectionSettings.h"
#include "LineSplitter.h"
#include "NetError.h"

#include <QHostAddress>
#include <QObject>

namespace Outpost {

/// The line connection a protocol client talks to: Connection on the network, a fake one
/// in tests. Never waits: everything is reported through signals.
///
/// After failed() the transport is closed and emits nothing more.
class LineTransport : public QObject
{
    Q_OBJECT

public:
    /// Takes received bytes in blocks instead of lines (see LineSplitter).
    using BlockReceiver = LineSplitter::BlockReceiver;

    explicit LineTransport(QObject *parent = nullptr);
    ~LineTransport() override;

    /// Connects; emits ready() when the connection can carry the protocol, or failed().
    virtual void open(const ConnectionSettings &settings) = 0;
    /// Starts TLS after the server's go-ahead for STARTTLS/STLS; emits encrypted() or failed().
    virtual void startTls() = 0;
    /// Sends @p line followed by CRLF; the transcript shows @p shownAs instead when given.
    virtual void sendLine(const QByteArray &line, const QByteArray &shownAs = {}) = 0;
    /// Sends bytes as they are (message data); the caller logs a summary with note().
    virtual void sendRaw(const QByteArray &data) = 0;
    /// Adds a line to the transcript without sending anything.
    virtual void note(const QString &line) = 0;
    /// Bytes handed to sendRaw/sendLine that are not written yet.
    virtual qint64 bytesToWrite() const = 0;
    /// While true, received lines are not copied to the transcript (message contents).
    virtual void setQuietReceive(bool quiet) = 0;
    /// While a block receiver is set, received bytes go to it instead of lineReceived();
    /// it ends block mode by setting an empty one, and lines resume after what it used.
    virtual void setBlockReceiver(BlockReceiver receiver) = 0;
    /// While idle, no inactivity timeout runs (nothing is expected from the server).
    virtual void setIdle(bool idle) = 0;
    /// Closes gracefully after pending data is written; emits closed().
    virtual void close() = 0;
    /// Closes at once; emits nothing.
    virtual void abort() = 0;
    /// Reports a failure found by the protocol layer: closes and emits failed() once.
    virtual void fail(const NetError &error) = 0;
    /// True once TLS is active.
    virtual bool isEncrypted() const = 0;
    /// True while connected and not failed.
    virtual bool isOpen() const = 0;
    /// The local address the connection used (valid once ready()).
    virtual QHostAddress localAddress() const = 0;

Q_SIGNALS:
    /// The connection is up (and encrypted for implicit TLS); the greeting comes next.
    void ready();
    /// STARTTLS completed.
    void encrypted();
    /// One line from the server, without its CRLF.
    void lineReceived(const QByteArray &line);
    /// @p bytes (plain text) went to the network; use for flow control.
    void bytesWritten(qint64 bytes);
    /// The connection failed; it is closed and emits nothing more.
    void failed(const Outpost::NetError &error);
    /// The connection closed after close() was called.
    void closed();
    /// One transcript line: "C: ..." sent, "S: ..." received, "*: ..." a note.
    void transcript(const QString &line);
};

} // namespace Outpost
