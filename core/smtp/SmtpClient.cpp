#include "SmtpClient.h"

#include "net/Connection.h"

#include <QMessageAuthenticationCode>

#include <algorithm>

namespace Outpost {

namespace {

constexpr qint64 chunkSize = 64 * 1024;
// Keep at most this much data queued in the socket: enough to keep the link busy, small
// enough that a large message never sits in memory.
constexpr qint64 highWater = 512 * 1024;

QByteArray angle(const QByteArray &address)
{
    return '<' + address + '>';
}

} // namespace

bool SmtpResult::anyRecipientAccepted() const
{
    return std::any_of(recipients.begin(), recipients.end(),
                       [](const SmtpRecipientResult &r) { return r.accepted; });
}

NetError SmtpResult::firstRecipientError() const
{
    for (const SmtpRecipientResult &r : recipients) {
        if (r.error.isError())
            return r.error;
    }
    return {};
}

SmtpClient::SmtpClient(QObject *parent)
    : SmtpClient(std::make_unique<Connection>(), parent)
{}

SmtpClient::SmtpClient(std::unique_ptr<LineTransport> transport, QObject *parent)
    : QObject(parent)
    , m_transport(std::move(transport))
{
    connect(m_transport.get(), &LineTransport::ready, this, &SmtpClient::onReady);
    connect(m_transport.get(), &LineTransport::lineReceived, this, &SmtpClient::onLine);
    connect(m_transport.get(), &LineTransport::failed, this, &SmtpClient::onFailed);
    connect(m_transport.get(), &LineTransport::closed, this, &SmtpClient::onClosed);
    connect(m_transport.get(), &LineTransport::transcript, this, &SmtpClient::transcript);
    connect(m_transport.get(), &LineTransport::bytesWritten, this, [this] { pump(); });
    connect(m_transport.get(), &LineTransport::encrypted, this, [this] {
        // RFC 3207 section 4.2: forget everything learnt before TLS and ask again.
        m_startTlsDone = true;
        m_caps = {};
        sendEhlo();
        updateIdle();
    });
}

SmtpClient::~SmtpClient() = default;

void SmtpClient::open()
{
    m_finished = false;
    m_quitRequested = false;
    m_quitSent = false;
    m_startTlsDone = false;
    m_streaming = 0;
    m_transactions = 0;
    m_mechanism.clear();
    m_caps = {};
    m_expects.clear();
    m_parser = {};
    m_state = Connecting;
    m_transport->open(m_settings.connection);
}

int SmtpClient::send(const SmtpMessage &message)
{
    Job job;
    job.id = m_nextId++;
    job.message = message;
    m_jobs.push_back(job);
    startNext();
    return job.id;
}

int SmtpClient::probeRelay(const QByteArray &sender, const QByteArray &recipient)
{
    Job job;
    job.id = m_nextId++;
    job.probe = true;
    job.message.sender = sender;
    job.message.recipients = {recipient};
    job.probeResult.id = job.id;
    m_jobs.push_back(job);
    startNext();
    return job.id;
}

void SmtpClient::quit()
{
    if (m_state == Disconnected)
        return;
    m_quitRequested = true;
    maybeQuit();
}

void SmtpClient::abort()
{
    if (m_state == Disconnected)
        return;
    m_transport->abort();
    finishSession(NetError::make(NetError::Network, tr("The session was cancelled.")));
}

void SmtpClient::onReady()
{
    m_state = Greeting;
    m_expects.push_back({Step::Greeting});
    updateIdle();
}

void SmtpClient::onLine(const QByteArray &line)
{
    switch (m_parser.addLine(line)) {
    case SmtpReplyParser::NeedMore:
        return;
    case SmtpReplyParser::Invalid:
        m_transport->fail(NetError::make(NetError::Protocol,
                                         tr("The server sent something that is not an SMTP "
                                            "reply."),
                                         line));
        return;
    case SmtpReplyParser::Complete:
        handleReply(m_parser.take());
        return;
    }
}

void SmtpClient::onFailed(const NetError &error)
{
    const bool allDone = std::all_of(m_jobs.begin(), m_jobs.end(),
                                     [](const Job &job) { return job.phase == JobPhase::Done; });
    // A server that closes right after QUIT without its 221 has still ended cleanly.
    finishSession(m_quitSent && allDone ? NetError{} : error);
}

void SmtpClient::onClosed()
{
    finishSession({});
}

void SmtpClient::handleReply(const SmtpReply &reply)
{
    if (m_expects.empty()) {
        m_transport->fail(NetError::make(NetError::Protocol,
                                         tr("The server sent a reply nobody asked for."), reply.raw,
                                         reply.code, reply.enhancedCode));
        return;
    }
    const Expect expect = m_expects.front();
    m_expects.pop_front();
    if (reply.code == 221 && expect.step != Step::Quit && expect.step != Step::Greeting) {
        // QUIT's reply where another was due (QUIT may follow a message's data in the same
        // group): the server skipped a reply and is ending the session. Whatever was in
        // flight has no answer; a message whose data went out may have been delivered.
        finishSession(NetError::make(NetError::Network,
                                     tr("The server ended the session without answering."),
                                     reply.raw, reply.code, reply.enhancedCode));
        return;
    }
    if (reply.code == 421 && expect.step != Step::Quit && expect.step != Step::Greeting) {
        // RFC 5321 section 3.8: the server is closing the channel.
        finishSession(replyError(
            reply, SmtpStage::Greeting,
            tr("The server is closing the connection: %1").arg(QString::fromUtf8(reply.text()))));
        return;
    }
    switch (expect.step) {
    case Step::Greeting:
    case Step::Ehlo:
    case Step::Helo:
    case Step::StartTls:
        handleHandshake(expect, reply);
        break;
    case Step::Auth:
        handleAuth(reply);
        break;
    case Step::Quit:
        m_transport->close();
        return;
    default:
        handleTransaction(expect, reply);
        break;
    }
    if (!m_finished)
        updateIdle();
}

void SmtpClient::handleHandshake(const Expect &expect, const SmtpReply &reply)
{
    const QString text = QString::fromUtf8(reply.text());
    switch (expect.step) {
    case Step::Greeting:
        if (reply.code != 220) {
            finishSession(replyError(reply, SmtpStage::Greeting,
                                     tr("The server refused the connection: %1").arg(text)));
            return;
        }
        m_state = Handshake;
        sendEhlo();
        return;
    case Step::Ehlo:
        if (reply.isCode(250)) {
            m_caps = SmtpCapabilities::fromEhlo(reply);
            afterEhlo();
        } else if (reply.isCode(5) && !m_startTlsDone) {
            // RFC 5321 section 3.2: a server that does not know EHLO gets HELO.
            QByteArray name = m_settings.heloName;
            if (name.isEmpty())
                name = '[' + m_transport->localAddress().toString().toLatin1() + ']';
            sendCommand("HELO " + name, Step::Helo);
        } else {
            finishSession(
                replyError(reply, SmtpStage::Ehlo, tr("The server refused EHLO: %1").arg(text)));
        }
        return;
    case Step::Helo:
        if (!reply.isCode(250)) {
            finishSession(
                replyError(reply, SmtpStage::Ehlo, tr("The server refused HELO: %1").arg(text)));
            return;
        }
        m_caps = {};
        afterEhlo();
        return;
    case Step::StartTls:
        if (reply.code != 220) {
            NetError error = replyError(reply, SmtpStage::StartTls,
                                        tr("The server refused STARTTLS: %1").arg(text));
            error.kind = NetError::Tls;
            finishSession(error);
            return;
        }
        m_transport->startTls();
        return;
    default:
        return;
    }
}

void SmtpClient::sendEhlo()
{
    QByteArray name = m_settings.heloName;
    if (name.isEmpty()) {
        // RFC 5321 section 4.1.3: an address literal when we have no domain name.
        const QHostAddress local = m_transport->localAddress();
        name = local.protocol() == QAbstractSocket::IPv6Protocol
                   ? "[IPv6:" + local.toString().toLatin1() + ']'
                   : '[' + local.toString().toLatin1() + ']';
    }
    sendCommand("EHLO " + name, Step::Ehlo);
}

void SmtpClient::afterEhlo()
{
    if (m_settings.connection.security == Security::StartTls && !m_startTlsDone) {
        if (!m_caps.startTls) {
            // Never fall back to plain text: nothing else (credentials, mail) is sent.
            finishSession(
                NetError::make(NetError::Tls, tr("The server does not offer STARTTLS, so the "
                                                 "connection cannot be protected.")));
            return;
        }
        sendCommand("STARTTLS", Step::StartTls);
        return;
    }
    startAuth();
}

void SmtpClient::startAuth()
{
    if (m_settings.auth == SmtpAuth::None) {
        becomeReady();
        return;
    }
    m_state = Authenticating;
    const bool protectedLink = m_transport->isEncrypted() || m_settings.allowPlainTextPassword;
    QByteArray mechanism;
    switch (m_settings.auth) {
    case SmtpAuth::Auto:
        if (m_caps.hasAuth("CRAM-MD5"))
            mechanism = "CRAM-MD5";
        else if (m_caps.hasAuth("PLAIN"))
            mechanism = "PLAIN";
        else if (m_caps.hasAuth("LOGIN"))
            mechanism = "LOGIN";
        break;
    case SmtpAuth::Plain:
        mechanism = "PLAIN";
        break;
    case SmtpAuth::Login:
        mechanism = "LOGIN";
        break;
    case SmtpAuth::CramMd5:
        mechanism = "CRAM-MD5";
        break;
    case SmtpAuth::None:
        break;
    }
    if ((mechanism.isEmpty() || !m_caps.hasAuth(mechanism)) && !m_transport->isEncrypted() &&
        m_caps.startTls) {
        // Many submission servers list AUTH only once the connection is encrypted
        // (Postfix's smtpd_tls_auth_only): the answer is STARTTLS, not another method.
        finishSession(NetError::make(
            NetError::InsecureLogin,
            tr("The outgoing server accepts a login only over an encrypted connection. The "
               "server offers encryption: in the account settings, set the outgoing server's "
               "security to STARTTLS.")));
        return;
    }
    if (mechanism.isEmpty() || !m_caps.hasAuth(mechanism)) {
        finishSession(NetError::make(
            NetError::Authentication,
            mechanism.isEmpty() ? tr("The server offers no authentication method Outpost supports.")
                                : tr("The server does not offer the authentication method %1.")
                                      .arg(QString::fromLatin1(mechanism))));
        return;
    }
    if (mechanism != "CRAM-MD5" && !protectedLink) {
        // PLAIN and LOGIN reveal the password to anyone on the path (base64 hides nothing).
        // CRAM-MD5 sends a keyed digest of the server's challenge, never the password, so it
        // stays allowed (docs/SECURITY.md).
        finishSession(NetError::make(
            NetError::InsecureLogin,
            m_caps.startTls
                ? tr("Outpost did not log in to the outgoing server, because the password would "
                     "have been sent unencrypted. The server offers encryption: in the account "
                     "settings, set the outgoing server's security to STARTTLS.")
                : tr("Outpost did not log in to the outgoing server, because the password would "
                     "have been sent unencrypted and the server offers no encryption. Ask your "
                     "provider for an encrypted connection (SMTP over TLS, usually port 465, or "
                     "587 with STARTTLS), or tick \"Allow sending my password unencrypted when "
                     "the connection has no security\" on the Receiving tab of the account "
                     "settings: anyone on the network between you and the server could then "
                     "read the password.")));
        return;
    }
    m_mechanism = mechanism;
    m_authStep = 0;
    if (mechanism == "PLAIN") {
        // RFC 4616: authzid NUL authcid NUL passwd, sent as an initial response (RFC 4954).
        const QByteArray token =
            ('\0' + m_settings.user.toUtf8() + '\0' + m_settings.password.toUtf8()).toBase64();
        sendCommand("AUTH PLAIN " + token, Step::Auth, 0, 0, "AUTH PLAIN ****");
    } else {
        sendCommand("AUTH " + mechanism, Step::Auth);
    }
}

void SmtpClient::handleAuth(const SmtpReply &reply)
{
    const QString text = QString::fromUtf8(reply.text());
    if (reply.code == 235) {
        becomeReady();
        return;
    }
    if (reply.code == 334) {
        const QByteArray challenge = QByteArray::fromBase64(reply.lines.value(0).trimmed());
        if (m_mechanism == "LOGIN" && m_authStep < 2) {
            const QString value = m_authStep == 0 ? m_settings.user : m_settings.password;
            ++m_authStep;
            sendCommand(value.toUtf8().toBase64(), Step::Auth, 0, 0, "****");
            return;
        }
        if (m_mechanism == "CRAM-MD5" && m_authStep == 0) {
            // RFC 2195: user name, a space, and the hex HMAC-MD5 of the challenge.
            ++m_authStep;
            const QByteArray digest =
                QMessageAuthenticationCode::hash(challenge, m_settings.password.toUtf8(),
                                                 QCryptographicHash::Md5)
                    .toHex();
            sendCommand((m_settings.user.toUtf8() + ' ' + digest).toBase64(), Step::Auth, 0, 0,
                        "****");
            return;
        }
        finishSession(NetError::make(NetError::Protocol,
                                     tr("The server continued the authentication unexpectedly."),
                                     reply.raw, reply.code, reply.enhancedCode));
        return;
    }
    NetError error =
        replyError(reply, SmtpStage::Auth, tr("The server refused the login: %1").arg(text));
    if (error.kind == NetError::Permanent)
        error.kind = NetError::Authentication;
    finishSession(error);
}

void SmtpClient::becomeReady()
{
    m_state = Ready;
    Q_EMIT ready();
    if (m_finished)
        return;
    startNext();
    maybeQuit();
}

void SmtpClient::sendCommand(const QByteArray &command, Step step, int job, int index,
                             const QByteArray &shownAs)
{
    m_expects.push_back({step, job, index});
    m_transport->sendLine(command, shownAs);
}

void SmtpClient::startNext()
{
    if (m_state != Ready || m_streaming != 0 || m_finished)
        return;
    const bool pipelining = this->pipelining();
    for (const Job &job : m_jobs) {
        if (job.phase == JobPhase::Envelope || job.phase == JobPhase::Streaming)
            return;
    }
    if (!pipelining && !m_expects.empty())
        return;
    // failJob() may remove finished jobs from m_jobs: look the next one up afresh each time.
    for (;;) {
        Job *next = nullptr;
        for (Job &job : m_jobs) {
            if (job.phase == JobPhase::Queued) {
                next = &job;
                break;
            }
        }
        if (!next)
            return;
        Job &job = *next;
        job.result.id = job.id;
        if (!job.probe) {
            QIODevice *body = job.message.body;
            if (!body || !body->isReadable()) {
                failJob(job, NetError::make(NetError::Permanent,
                                            tr("The message file cannot be read.")));
                if (m_finished)
                    return;
                continue;
            }
            job.total = body->size();
            if (m_caps.maxSize > 0 && job.total > m_caps.maxSize) {
                // RFC 1870: do not upload what the server announced it will refuse.
                failJob(job, NetError::make(NetError::Permanent,
                                            tr("The message (%1 bytes) is larger than the "
                                               "server accepts (%2 bytes).")
                                                .arg(job.total)
                                                .arg(m_caps.maxSize)));
                if (m_finished)
                    return;
                continue;
            }
            if (job.message.smtpUtf8 && !m_caps.smtpUtf8) {
                failJob(job, NetError::make(NetError::Permanent,
                                            tr("The server does not accept international "
                                               "addresses (SMTPUTF8).")));
                if (m_finished)
                    return;
                continue;
            }
        }
        sendEnvelope(job);
        return;
    }
}

void SmtpClient::sendEnvelope(Job &job)
{
    job.phase = JobPhase::Envelope;
    if (chunking() && m_transactions > 0)
        sendCommand("RSET", Step::Rset); // a clean slate whatever became of the previous one
    ++m_transactions;
    for (const QByteArray &rcpt : std::as_const(job.message.recipients)) {
        SmtpRecipientResult r;
        r.address = rcpt;
        job.result.recipients << r;
    }
    QByteArray mail = "MAIL FROM:" + angle(job.message.sender);
    if (!job.probe) {
        if (m_caps.sizeAnnounced && job.total >= 0)
            mail += " SIZE=" + QByteArray::number(job.total); // RFC 1870 section 6
        if (job.message.eightBit && m_caps.eightBitMime)
            mail += " BODY=8BITMIME"; // RFC 6152
        if (job.message.smtpUtf8)
            mail += " SMTPUTF8"; // RFC 6531
        if (job.message.holdUntil.isValid() && m_caps.futureRelease)
            mail += " HOLDUNTIL=" + job.message.holdUntil.toUTC()
                                        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))
                                        .toLatin1(); // RFC 4865, RFC 3339 date-time
    }
    sendCommand(mail, Step::Mail, job.id);
    if (pipelining()) {
        // RFC 2920 section 3.1: MAIL and RCPT may go in one group, ended by DATA (or RSET).
        for (int i = 0; i < job.message.recipients.size(); ++i)
            sendCommand("RCPT TO:" + angle(job.message.recipients[i]), Step::Rcpt, job.id, i);
        if (job.probe) {
            sendCommand("RSET", Step::Rset, job.id);
        } else if (chunking()) {
            // RFC 3030 section 4.2: BDAT chunks may follow in the same group.
            job.phase = JobPhase::Streaming;
            m_streaming = job.id;
            m_encoder.reset();
            m_encoder.setDotStuffing(false);
            job.read = 0;
            pump();
        } else {
            sendCommand("DATA", Step::Data, job.id);
        }
    }
}

void SmtpClient::handleTransaction(const Expect &expect, const SmtpReply &reply)
{
    Job *j = job(expect.job);
    const bool pipelining = this->pipelining();
    const QString text = QString::fromUtf8(reply.text());
    if (!j) {
        // RSET after a failed transaction, or a probe already reported.
        startNext();
        maybeQuit();
        return;
    }
    switch (expect.step) {
    case Step::Mail:
        j->mailReply = reply;
        j->probeResult.mailReply = reply;
        j->mailAccepted = reply.isCode(2);
        if (!j->mailAccepted) {
            j->result.error = replyError(reply, SmtpStage::MailFrom,
                                         tr("The server refused the sender %1: %2")
                                             .arg(QString::fromUtf8(j->message.sender), text));
            j->probeResult.error = j->result.error;
            if (!pipelining)
                sendCommand("RSET", Step::Rset, j->probe ? j->id : 0);
            if (!pipelining && !j->probe)
                failJob(*j, j->result.error);
            return;
        }
        if (!pipelining)
            continueEnvelope(*j, 0);
        return;
    case Step::Rcpt: {
        SmtpRecipientResult &r = j->result.recipients[expect.index];
        r.reply = reply;
        r.accepted = reply.isCode(25);
        if (!r.accepted && j->mailAccepted) {
            r.error = replyError(reply, SmtpStage::RcptTo,
                                 tr("The server refused the recipient %1: %2")
                                     .arg(QString::fromUtf8(r.address), text));
        }
        if (j->probe) {
            j->probeResult.rcptReply = reply;
            j->probeResult.relayAllowed = r.accepted;
            if (r.error.isError() && !j->probeResult.error.isError())
                j->probeResult.error = r.error;
        }
        if (!pipelining)
            continueEnvelope(*j, expect.index + 1);
        else if (chunking() && !j->probe && expect.index + 1 == j->message.recipients.size())
            failEnvelope(*j);
        return;
    }
    case Step::Data: {
        const bool anyAccepted = j->result.anyRecipientAccepted();
        if (reply.code == 354) {
            if (j->mailAccepted && anyAccepted) {
                j->phase = JobPhase::Streaming;
                m_streaming = j->id;
                m_encoder.reset();
                m_encoder.setDotStuffing(true);
                j->read = 0;
                pump();
            } else {
                // RFC 2920 section 3.1: DATA accepted although no recipient was: end the
                // empty data at once; the transaction is then discarded.
                j->abandonData = true;
                m_expects.push_back({Step::DataEnd, j->id});
                m_transport->sendRaw(".\r\n");
                m_transport->note(QStringLiteral("C: ."));
            }
            return;
        }
        NetError error = j->result.envelopeError();
        if (!error.isError())
            error = replyError(reply, SmtpStage::Data,
                               tr("The server refused the message: %1").arg(text));
        sendCommand("RSET", Step::Rset);
        failJob(*j, error);
        if (m_finished)
            return;
        startNext(); // with PIPELINING, RSET may start the next group
        maybeQuit();
        return;
    }
    case Step::DataEnd:
        if (j->abandonData) {
            const NetError error = j->result.envelopeError();
            sendCommand("RSET", Step::Rset);
            failJob(*j, error);
            if (m_finished)
                return;
            startNext();
            maybeQuit();
            return;
        }
        j->result.dataReply = reply;
        if (reply.isCode(2)) {
            j->result.sent = true;
            // Sent to the others; say which recipient refused.
            if (const NetError refused = j->result.firstRecipientError(); refused.isError())
                j->result.error = refused;
            finishJob(*j);
        } else {
            // With BDAT the envelope's refusal (when known) says more than the data's.
            failJob(*j, j->result.error.isError()
                            ? j->result.error
                            : replyError(reply, SmtpStage::DataEnd,
                                         tr("The server refused the message: %1").arg(text)));
        }
        if (m_finished)
            return;
        startNext();
        maybeQuit();
        return;
    case Step::Bdat: {
        if (reply.isCode(2))
            return;
        // RFC 3030 section 2: after a refused chunk the transaction has failed; send no more.
        NetError error = j->result.envelopeError();
        if (!error.isError())
            error = replyError(reply, SmtpStage::DataEnd,
                               tr("The server refused the message: %1").arg(text));
        if (m_streaming == j->id)
            m_streaming = 0;
        failJob(*j, error);
        if (m_finished)
            return;
        startNext();
        maybeQuit();
        return;
    }
    case Step::Rset:
        if (j->probe) {
            finishJob(*j);
            if (m_finished)
                return;
        }
        startNext();
        maybeQuit();
        return;
    default:
        return;
    }
}

void SmtpClient::continueEnvelope(Job &job, int rcptDone)
{
    if (rcptDone < job.message.recipients.size()) {
        sendCommand("RCPT TO:" + angle(job.message.recipients[rcptDone]), Step::Rcpt, job.id,
                    rcptDone);
        return;
    }
    if (job.probe) {
        sendCommand("RSET", Step::Rset, job.id);
        return;
    }
    const bool anyAccepted = job.result.anyRecipientAccepted();
    if (anyAccepted) {
        sendCommand("DATA", Step::Data, job.id);
        return;
    }
    NetError error = job.result.firstRecipientError();
    if (!error.isError())
        error = NetError::make(NetError::Permanent, tr("The message has no recipients."));
    sendCommand("RSET", Step::Rset);
    failJob(job, error);
}

void SmtpClient::pump()
{
    while (m_streaming != 0 && m_transport->bytesToWrite() < highWater) {
        Job *j = job(m_streaming);
        if (!j)
            return;
        QIODevice *body = j->message.body;
        if (!body) {
            m_streaming = 0;
            failJob(*j, NetError::make(NetError::Permanent,
                                       tr("The message file went away while it was sent.")));
            finishSession(NetError::make(NetError::Network,
                                         tr("The session ended because a message could not "
                                            "be read.")));
            return;
        }
        const QByteArray chunk = body->read(chunkSize);
        if (chunk.isEmpty()) {
            if (!body->atEnd()) {
                const QString reason = body->errorString();
                m_streaming = 0;
                failJob(*j,
                        NetError::make(NetError::Permanent,
                                       tr("The message file could not be read: %1").arg(reason)));
                finishSession(NetError::make(NetError::Network,
                                             tr("The session ended because a message could "
                                                "not be read.")));
                return;
            }
            if (chunking() && !j->abandonData) {
                // An empty message, or one whose end came with an empty read.
                const QByteArray tail = m_encoder.endLastLine();
                sendCommand("BDAT " + QByteArray::number(tail.size()) + " LAST", Step::DataEnd,
                            j->id);
                m_transport->sendRaw(tail);
            } else {
                m_transport->sendRaw(m_encoder.finish());
                m_transport->note(QStringLiteral("C: <%1 bytes of message data>").arg(j->read));
                m_transport->note(QStringLiteral("C: ."));
                m_expects.push_back({Step::DataEnd, j->id});
            }
            dataWritten(*j);
            return;
        }
        j->read += chunk.size();
        if (chunking() && !j->abandonData) {
            // RFC 3030: "BDAT size [LAST]" then exactly that many octets, not dot-stuffed.
            QByteArray data = m_encoder.encode(chunk);
            const bool last = body->atEnd();
            if (last)
                data += m_encoder.endLastLine();
            if (data.isEmpty() && !last)
                continue;
            const int id = j->id;
            sendCommand("BDAT " + QByteArray::number(data.size()) + (last ? " LAST" : ""),
                        last ? Step::DataEnd : Step::Bdat, id);
            m_transport->sendRaw(data);
            Q_EMIT messageProgress(id, j->read, j->total);
            if (m_finished)
                return;
            if (last) {
                if (Job *done = job(id))
                    dataWritten(*done);
                return;
            }
            continue;
        }
        m_transport->sendRaw(m_encoder.encode(chunk));
        Q_EMIT messageProgress(j->id, j->read, j->total);
        if (m_finished)
            return;
    }
}

void SmtpClient::dataWritten(Job &job)
{
    job.phase = JobPhase::AwaitingDataReply;
    job.result.dataWritten = true;
    m_streaming = 0;
    const int id = job.id;
    Q_EMIT messageDataSent(id);
    if (m_finished)
        return;
    // With PIPELINING the next envelope follows the data at once (RFC 2920 section 3.1:
    // the message content may start a group).
    startNext();
    maybeQuit();
    updateIdle();
}

void SmtpClient::failEnvelope(Job &job)
{
    // With BDAT nothing waits for the envelope: when MAIL or every RCPT was refused, the
    // message has failed now; stop its data if it is still being written.
    const bool anyAccepted = job.result.anyRecipientAccepted();
    if (job.mailAccepted && anyAccepted)
        return;
    NetError error = job.result.envelopeError();
    if (!error.isError())
        error = NetError::make(NetError::Permanent, tr("The message has no recipients."));
    if (m_streaming == job.id)
        m_streaming = 0;
    failJob(job, error);
    if (m_finished)
        return;
    startNext();
    maybeQuit();
}

void SmtpClient::finishJob(Job &job)
{
    job.phase = JobPhase::Done;
    if (job.probe) {
        const SmtpProbeResult result = job.probeResult;
        while (!m_jobs.empty() && m_jobs.front().phase == JobPhase::Done)
            m_jobs.pop_front();
        Q_EMIT relayProbeFinished(result);
    } else {
        const SmtpResult result = job.result;
        while (!m_jobs.empty() && m_jobs.front().phase == JobPhase::Done)
            m_jobs.pop_front();
        Q_EMIT messageFinished(result);
    }
}

void SmtpClient::failJob(Job &job, const NetError &error)
{
    job.result.sent = false;
    job.result.error = error;
    job.probeResult.error = error;
    finishJob(job);
}

void SmtpClient::maybeQuit()
{
    if (!m_quitRequested || m_quitSent || m_state != Ready || m_streaming != 0 || m_finished)
        return;
    for (const Job &job : m_jobs) {
        if (job.phase == JobPhase::Queued || job.phase == JobPhase::Envelope ||
            job.phase == JobPhase::Streaming)
            return;
    }
    // RFC 2920 section 3.1: QUIT may end a group, so it can follow the last data at once.
    if (!pipelining() && !m_expects.empty())
        return;
    m_quitSent = true;
    m_state = Quitting;
    sendCommand("QUIT", Step::Quit);
}

void SmtpClient::finishSession(const NetError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_state = Disconnected;
    m_streaming = 0;
    m_expects.clear();
    if (error.isError())
        m_transport->abort();
    std::deque<Job> jobs;
    jobs.swap(m_jobs);
    for (Job &job : jobs) {
        if (job.phase == JobPhase::Done)
            continue;
        job.phase = JobPhase::Done;
        NetError jobError =
            error.isError()
                ? error
                : NetError::make(NetError::Network, tr("The session ended before the message "
                                                       "was sent."));
        if (job.probe) {
            job.probeResult.error = jobError;
            Q_EMIT relayProbeFinished(job.probeResult);
        } else {
            job.result.sent = false;
            job.result.error = jobError;
            Q_EMIT messageFinished(job.result);
        }
    }
    Q_EMIT sessionFinished(error);
}

void SmtpClient::updateIdle()
{
    m_transport->setIdle(m_expects.empty() && m_streaming == 0);
}

SmtpClient::Job *SmtpClient::job(int id)
{
    for (Job &j : m_jobs) {
        if (j.id == id)
            return &j;
    }
    return nullptr;
}

NetError SmtpClient::replyError(const SmtpReply &reply, SmtpStage stage,
                                const QString &message) const
{
    const SmtpReplyClass replyClass = classifySmtpReply(reply, stage);
    QString text = message;
    if (replyClass == SmtpReplyClass::RelayDenied)
        text = tr("The server refused to relay: %1").arg(QString::fromUtf8(reply.text()));
    return NetError::make(errorKindFor(replyClass), text, reply.raw, reply.code,
                          reply.enhancedCode);
}

} // namespace Outpost
