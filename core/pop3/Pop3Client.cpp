#include "Pop3Client.h"

#include "net/Connection.h"

#include <QCryptographicHash>

namespace Outpost {

namespace {

// RETR data is written to the sink in pieces of about this size.
constexpr qsizetype sinkChunk = 64 * 1024;

} // namespace

Pop3Client::Pop3Client(QObject *parent)
    : Pop3Client(std::make_unique<Connection>(), parent)
{}

Pop3Client::Pop3Client(std::unique_ptr<LineTransport> transport, QObject *parent)
    : QObject(parent)
    , m_transport(std::move(transport))
{
    connect(m_transport.get(), &LineTransport::ready, this, &Pop3Client::onReady);
    connect(m_transport.get(), &LineTransport::lineReceived, this, &Pop3Client::onLine);
    connect(m_transport.get(), &LineTransport::failed, this, &Pop3Client::onFailed);
    connect(m_transport.get(), &LineTransport::closed, this, &Pop3Client::onClosed);
    connect(m_transport.get(), &LineTransport::transcript, this, &Pop3Client::transcript);
    connect(m_transport.get(), &LineTransport::encrypted, this, [this] {
        // RFC 2595 section 4: capabilities learnt before TLS are discarded.
        m_stlsDone = true;
        m_capabilities.clear();
        if (m_fromCache) {
            loginWithKnownCapabilities(); // the list remembered is the one after TLS
            return;
        }
        send({Kind::Capa, "CAPA", {}});
    });
}

Pop3Client::~Pop3Client() = default;

void Pop3Client::open()
{
    m_askedAgain = false;
    connectToServer();
}

void Pop3Client::connectToServer()
{
    m_state = Connecting;
    m_finished = false;
    m_sent.clear();
    m_inData = false;
    m_capabilities.clear();
    m_timestamp.clear();
    m_loginMethod.clear();
    m_marked.clear();
    m_loginTime = {};
    m_capaDone = false;
    m_stlsDone = false;
    m_loginSent = false;
    m_greeting.clear();
    m_known = {};
    m_fromCache = false;
    m_credentialsRefused = false;
    m_transport->setQuietReceive(false);
    m_transport->open(m_settings.connection);
}

void Pop3Client::authenticateOnly()
{
    open();
    stat();
    quit();
}

void Pop3Client::stat()
{
    enqueue({Kind::Stat, "STAT", {}});
}

void Pop3Client::listUids()
{
    enqueue({Kind::Uidl, "UIDL", {}});
}

void Pop3Client::listSizes()
{
    enqueue({Kind::List, "LIST", {}});
}

void Pop3Client::retrieve(int number, QIODevice *sink)
{
    enqueue({Kind::Retr, "RETR " + QByteArray::number(number), {}, number, sink});
}

void Pop3Client::remove(int number)
{
    enqueue({Kind::Dele, "DELE " + QByteArray::number(number), {}, number});
}

void Pop3Client::quit()
{
    enqueue({Kind::Quit, "QUIT", {}});
}

void Pop3Client::abort()
{
    if (m_state == Disconnected)
        return;
    m_fromCache = false; // cancelled: no sign that the server changed
    m_transport->abort();
    finish(NetError::make(NetError::Network, tr("The session was cancelled.")));
}

void Pop3Client::enqueue(const Command &command)
{
    m_queued.push_back(command);
    flush();
}

void Pop3Client::flush()
{
    if (m_finished || m_state == Disconnected || m_state == Connecting || m_state == Update)
        return;
    // RFC 2449 section 6.6: with PIPELINING, commands may follow the login unanswered.
    const bool canSend = m_state == Transaction || (m_loginSent && pipelining());
    if (!canSend)
        return;
    while (!m_queued.empty() && (pipelining() || m_sent.empty())) {
        const Command command = m_queued.front();
        m_queued.pop_front();
        send(command);
        if (command.kind == Kind::Quit) {
            m_queued.clear();
            break;
        }
    }
}

void Pop3Client::send(const Command &command)
{
    m_sent.push_back(command);
    m_transport->sendLine(command.line, command.shownAs);
    updateIdle();
}

bool Pop3Client::pipelining() const
{
    return m_settings.usePipelining && m_capabilities.contains("PIPELINING");
}

void Pop3Client::onReady()
{
    m_state = Greeting;
    m_sent.push_back({Kind::Greeting, {}, {}});
    updateIdle();
}

void Pop3Client::onLine(const QByteArray &line)
{
    if (m_inData) {
        handleData(line);
        return;
    }
    if (m_sent.empty()) {
        m_transport->fail(NetError::make(NetError::Protocol,
                                         tr("The server sent a response nobody asked for."), line));
        return;
    }
    const Pop3Response response = Pop3Response::parse(line);
    if (response.status == Pop3Response::Invalid) {
        m_transport->fail(NetError::make(NetError::Protocol,
                                         tr("The server sent something that is not a POP3 "
                                            "response."),
                                         line));
        return;
    }
    if (response.status == Pop3Response::Err && m_fromCache && m_settings.capabilityCache) {
        // Something refused after CAPA was skipped: perhaps the server changed. The next
        // session asks (and this one does too when it has not logged in yet: finish()).
        m_settings.capabilityCache->forget(cacheKey());
        // RFC 3206: [AUTH] is a verdict on the credentials, not on the capabilities.
        m_credentialsRefused = response.code == "AUTH";
    }
    const Command &front = m_sent.front();
    const bool multiLine = front.kind == Kind::Capa || front.kind == Kind::Uidl ||
                           front.kind == Kind::List || front.kind == Kind::Retr;
    if (multiLine && response.status == Pop3Response::Ok) {
        m_inData = true;
        m_bytes = 0;
        m_buffer.clear();
        m_sinkFailed = false;
        m_uids.clear();
        m_sizes.clear();
        if (front.kind != Kind::Capa)
            m_transport->setQuietReceive(true); // contents: summarised, not copied
        if (front.kind == Kind::Retr) {
            // A message's lines go to the sink in blocks, not one by one (a 100 MB message
            // has more than a million lines).
            m_reader.startBlocks();
            m_transport->setBlockReceiver(
                [this](QByteArrayView bytes) { return receiveMessageData(bytes); });
        }
        return;
    }
    const Command command = m_sent.front();
    m_sent.pop_front();
    handleStatus(command, response, line);
    if (!m_finished) {
        flush();
        updateIdle();
    }
}

void Pop3Client::handleStatus(const Command &command, const Pop3Response &response,
                              const QByteArray &line)
{
    const bool ok = response.status == Pop3Response::Ok;
    switch (command.kind) {
    case Kind::Greeting:
        if (!ok) {
            finish(errError(response, line, tr("The server refused the connection: %1"),
                            NetError::Transient));
            return;
        }
        m_timestamp = Pop3Response::apopTimestamp(response.text);
        m_greeting = line;
        if (!m_timestamp.isEmpty())
            m_greeting.replace(m_timestamp, "<>"); // new in every session
        m_state = Authorization;
        if (useKnownCapabilities()) {
            // TLS comes from the settings, never from what was remembered: STLS first.
            if (m_settings.connection.security == Security::StartTls)
                send({Kind::Stls, "STLS", {}});
            else
                loginWithKnownCapabilities();
            return;
        }
        send({Kind::Capa, "CAPA", {}});
        return;
    case Kind::Capa:
        // -ERR: no CAPA (RFC 2449 section 5); carry on without capabilities.
        m_capabilities.clear();
        m_capaDone = true;
        rememberCapabilities();
        if (m_settings.connection.security == Security::StartTls && !m_stlsDone) {
            finish(NetError::make(NetError::Tls,
                                  tr("The server does not offer STLS, so the connection "
                                     "cannot be protected.")));
            return;
        }
        startLogin();
        return;
    case Kind::Stls:
        if (!ok) {
            NetError error =
                errError(response, line, tr("The server refused STLS: %1"), NetError::Tls);
            error.kind = NetError::Tls;
            finish(error);
            return;
        }
        m_transport->startTls();
        return;
    case Kind::User:
        if (!ok) {
            finish(errError(response, line, tr("The server refused the user name: %1"),
                            NetError::Authentication));
            return;
        }
        if (!pipelining()) {
            send({Kind::Pass, "PASS " + m_settings.password.toUtf8(), "PASS ****"});
        }
        return;
    case Kind::AuthPlain:
        if (response.status == Pop3Response::Continuation) {
            // The server wants the response after an empty challenge (RFC 5034 section 4).
            const QByteArray token =
                ('\0' + m_settings.user.toUtf8() + '\0' + m_settings.password.toUtf8()).toBase64();
            send({Kind::AuthPlain, token, "****"});
            return;
        }
        [[fallthrough]];
    case Kind::Pass:
    case Kind::Apop:
        if (!ok) {
            finish(errError(response, line, tr("The server refused the login: %1"),
                            NetError::Authentication));
            return;
        }
        m_loginTime = QDateTime::currentDateTimeUtc();
        m_state = Transaction;
        Q_EMIT loggedIn(m_loginTime);
        return;
    case Kind::Stat: {
        if (!ok) {
            finish(errError(response, line, tr("The server refused STAT: %1"), NetError::Protocol));
            return;
        }
        const QByteArrayList words = response.text.split(' ');
        bool countOk = false;
        bool sizeOk = false;
        const int count = words.value(0).toInt(&countOk);
        const qint64 size = words.value(1).toLongLong(&sizeOk);
        if (!countOk || !sizeOk) {
            m_transport->fail(NetError::make(NetError::Protocol,
                                             tr("The server's STAT answer is malformed."), line));
            return;
        }
        Q_EMIT statReceived(count, size);
        return;
    }
    case Kind::Uidl:
        Q_EMIT uidsReceived({}, false);
        return;
    case Kind::List:
        Q_EMIT sizesReceived({});
        return;
    case Kind::Retr:
        Q_EMIT requestFailed(command.number, errError(response, line,
                                                      tr("The server could not send message "
                                                         "%1: %2")
                                                          .arg(command.number)
                                                          .arg(QStringLiteral("%1")),
                                                      NetError::Permanent));
        return;
    case Kind::Dele:
        if (!ok) {
            Q_EMIT requestFailed(command.number,
                                 errError(response, line,
                                          tr("The server could not delete message %1: %2")
                                              .arg(command.number)
                                              .arg(QStringLiteral("%1")),
                                          NetError::Permanent));
            return;
        }
        m_marked << command.number;
        Q_EMIT markedForDeletion(command.number);
        return;
    case Kind::Quit:
        if (!ok) {
            // RFC 1939 section 6: -ERR means some deletions were not done.
            finish(errError(response, line, tr("The server could not finish the session: %1"),
                            NetError::Permanent));
            return;
        }
        m_state = Update;
        if (!m_marked.isEmpty())
            Q_EMIT deletionsCommitted(m_marked);
        if (m_finished)
            return;
        m_transport->close();
        return;
    }
}

void Pop3Client::handleData(const QByteArray &line)
{
    QByteArray data;
    const Command &command = m_sent.front();
    if (m_reader.addLine(line, &data) == Pop3MultiLineReader::End) {
        endData();
        return;
    }
    switch (command.kind) {
    case Kind::Capa:
        m_capabilities << data.trimmed().toUpper();
        return;
    case Kind::Uidl: {
        const QByteArrayList words = data.simplified().split(' ');
        bool ok = false;
        const int number = words.value(0).toInt(&ok);
        if (ok && words.size() >= 2)
            m_uids << Pop3Uid{number, words[1]};
        return;
    }
    case Kind::List: {
        const QByteArrayList words = data.simplified().split(' ');
        bool numberOk = false;
        bool sizeOk = false;
        const int number = words.value(0).toInt(&numberOk);
        const qint64 size = words.value(1).toLongLong(&sizeOk);
        if (numberOk && sizeOk)
            m_sizes.insert(number, size);
        return;
    }
    default: // RETR data comes in blocks: receiveMessageData()
        return;
    }
}

qsizetype Pop3Client::receiveMessageData(QByteArrayView bytes)
{
    // Straight into the sink's buffer, written out in pieces of sinkChunk.
    bool ended = false;
    const qsizetype before = m_buffer.size();
    const qsizetype used = m_reader.addBlock(bytes, &m_buffer, &ended);
    m_bytes += m_buffer.size() - before;
    if (m_sinkFailed) {
        m_buffer.clear(); // keep reading to the terminator; the failure is reported then
    } else if (m_buffer.size() >= sinkChunk) {
        const Command &command = m_sent.front();
        QIODevice *sink = command.sink;
        if (!sink || sink->write(m_buffer) != m_buffer.size())
            m_sinkFailed = true;
        m_buffer.clear();
        Q_EMIT retrieveProgress(command.number, m_bytes);
    }
    if (ended) {
        m_transport->setBlockReceiver({});
        endData();
    }
    return used;
}

void Pop3Client::endData()
{
    const Command command = m_sent.front();
    m_sent.pop_front();
    m_inData = false;
    m_transport->setQuietReceive(false);
    switch (command.kind) {
    case Kind::Capa:
        m_capaDone = true;
        rememberCapabilities();
        if (m_settings.connection.security == Security::StartTls && !m_stlsDone) {
            if (!m_capabilities.contains("STLS")) {
                // Never fall back to plain text: no credentials go out.
                finish(NetError::make(NetError::Tls,
                                      tr("The server does not offer STLS, so the connection "
                                         "cannot be protected.")));
                return;
            }
            send({Kind::Stls, "STLS", {}});
            return;
        }
        startLogin();
        break;
    case Kind::Uidl:
        m_transport->note(QStringLiteral("S: <%1 unique ids>").arg(m_uids.size()));
        Q_EMIT uidsReceived(m_uids, true);
        break;
    case Kind::List:
        m_transport->note(QStringLiteral("S: <%1 sizes>").arg(m_sizes.size()));
        Q_EMIT sizesReceived(m_sizes);
        break;
    case Kind::Retr: {
        QIODevice *sink = command.sink;
        if (!m_sinkFailed && !m_buffer.isEmpty() &&
            (!sink || sink->write(m_buffer) != m_buffer.size()))
            m_sinkFailed = true;
        m_buffer.clear();
        m_transport->note(QStringLiteral("S: <%1 bytes of message data>").arg(m_bytes));
        m_transport->note(QStringLiteral("S: ."));
        if (m_sinkFailed) {
            Q_EMIT requestFailed(
                command.number,
                NetError::make(NetError::Permanent,
                               tr("Message %1 could not be stored: %2")
                                   .arg(command.number)
                                   .arg(sink ? sink->errorString() : tr("no place to store it"))));
        } else {
            Q_EMIT retrieveProgress(command.number, m_bytes);
            Q_EMIT messageRetrieved(command.number, m_bytes);
        }
        break;
    }
    default:
        break;
    }
    if (!m_finished) {
        flush();
        updateIdle();
    }
}

void Pop3Client::startLogin()
{
    QByteArray method;
    const bool saslPlain =
        std::any_of(m_capabilities.begin(), m_capabilities.end(), [](const QByteArray &capability) {
            return capability.startsWith("SASL ") && capability.split(' ').contains("PLAIN");
        });
    switch (m_settings.login) {
    case PopLogin::Auto:
        method = !m_timestamp.isEmpty() ? "APOP" : saslPlain ? "SASL PLAIN" : "USER";
        break;
    case PopLogin::Apop:
        if (m_timestamp.isEmpty()) {
            finish(NetError::make(NetError::Authentication, tr("The server does not offer APOP.")));
            return;
        }
        method = "APOP";
        break;
    case PopLogin::UserPass:
        method = "USER";
        break;
    case PopLogin::SaslPlain:
        if (m_capaDone && !m_capabilities.isEmpty() && !saslPlain) {
            finish(NetError::make(NetError::Authentication,
                                  tr("The server does not offer SASL PLAIN.")));
            return;
        }
        method = "SASL PLAIN";
        break;
    }
    // USER/PASS and SASL PLAIN carry the password itself (base64 is no protection), so on a
    // connection without TLS they go out only when the user chose that. APOP sends an MD5
    // digest of the greeting's timestamp and the password: the password never crosses the
    // wire, so APOP stays allowed (docs/SECURITY.md says what it still risks).
    if (method != "APOP" && !m_transport->isEncrypted() && !m_settings.allowPlainTextPassword) {
        finish(insecureLoginError());
        return;
    }
    m_loginMethod = method;
    const QByteArray user = m_settings.user.toUtf8();
    const QByteArray password = m_settings.password.toUtf8();
    if (method == "APOP") {
        // RFC 1939 section 7: MD5 of the greeting's timestamp followed by the secret.
        const QByteArray digest =
            QCryptographicHash::hash(m_timestamp + password, QCryptographicHash::Md5).toHex();
        send({Kind::Apop, "APOP " + user + ' ' + digest, "APOP " + user + " ****"});
    } else if (method == "SASL PLAIN") {
        // RFC 5034 section 4 with an initial response (RFC 4616 message).
        const QByteArray token = ('\0' + user + '\0' + password).toBase64();
        send({Kind::AuthPlain, "AUTH PLAIN " + token, "AUTH PLAIN ****"});
    } else {
        send({Kind::User, "USER " + user, {}});
        if (pipelining())
            send({Kind::Pass, "PASS " + password, "PASS ****"});
    }
    m_loginSent = true;
}

NetError Pop3Client::insecureLoginError() const
{
    if (m_capabilities.contains("STLS"))
        return NetError::make(
            NetError::InsecureLogin,
            tr("Outpost did not log in to the incoming server, because the password would have "
               "been sent unencrypted. The server offers encryption: in the account settings, "
               "set the incoming server's security to STARTTLS."));
    return NetError::make(
        NetError::InsecureLogin,
        tr("Outpost did not log in to the incoming server, because the password would have been "
           "sent unencrypted and the server offers no encryption. Ask your provider for "
           "an encrypted connection (POP3 over TLS, usually port 995), or tick \"Allow sending my "
           "password unencrypted when the connection has no security\" on the "
           "Receiving tab of the account settings: anyone on the network between you "
           "and the server could then read the password."));
}

bool Pop3Client::useKnownCapabilities()
{
    if (!m_settings.capabilityCache)
        return false;
    m_known = m_settings.capabilityCache->find(cacheKey());
    // Another greeting is another server (or another version of it): ask.
    m_fromCache = !m_known.isNull() && m_known.greeting == m_greeting;
    if (!m_known.isNull() && !m_fromCache)
        m_transport->note(QStringLiteral("*: the greeting differs from the last session's; "
                                         "asking for the capabilities"));
    return m_fromCache;
}

void Pop3Client::loginWithKnownCapabilities()
{
    m_transport->note(QStringLiteral("*: capabilities as in the last session (CAPA skipped): %1")
                          .arg(QString::fromUtf8(m_known.capabilities.join(' '))));
    m_capabilities = m_known.capabilities;
    m_capaDone = true;
    // startLogin() decides on the password's safety from the connection itself.
    startLogin();
    if (!m_finished) {
        flush();
        updateIdle();
    }
}

void Pop3Client::rememberCapabilities()
{
    if (!m_settings.capabilityCache)
        return;
    // Before STLS the list is not the one the login uses (RFC 2595 section 4).
    if (m_settings.connection.security == Security::StartTls && !m_stlsDone)
        return;
    m_settings.capabilityCache->remember(cacheKey(), {m_greeting, m_capabilities});
}

QString Pop3Client::cacheKey() const
{
    const ConnectionSettings &c = m_settings.connection;
    return CapabilityCache::key(QStringLiteral("pop3"), c.host, c.port, c.security);
}

bool Pop3Client::askAgain(const NetError &error)
{
    // Only a failure before the login, on a session that skipped CAPA, and once: then the
    // session starts again and asks (finish() leaves out an unsafe login, which is refused
    // whatever the capabilities).
    if (!m_fromCache || m_askedAgain || m_loginTime.isValid())
        return false;
    if (m_credentialsRefused)
        return false; // asking again would only try the same password twice
    m_askedAgain = true;
    m_transport->note(QStringLiteral("*: failed with the remembered capabilities (%1); "
                                     "connecting again to ask for them")
                          .arg(error.message));
    // The commands sent behind the login were not carried out: they go again, in order.
    std::deque<Command> again;
    for (const Command &command : m_sent) {
        if (command.kind >= Kind::Stat)
            again.push_back(command);
    }
    again.insert(again.end(), m_queued.begin(), m_queued.end());
    m_queued = std::move(again);
    m_sent.clear();
    m_inData = false;
    m_fromCache = false;
    m_loginSent = false;
    m_state = Connecting;
    m_transport->setBlockReceiver({});
    m_transport->abort();
    // From the event loop: this may run inside the old connection's delivery of lines.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_finished && m_state == Connecting)
                connectToServer();
        },
        Qt::QueuedConnection);
    return true;
}

void Pop3Client::finish(const NetError &error)
{
    if (m_finished)
        return;
    // Outpost's own refusal to send a password unencrypted says nothing about the server.
    if (error.isError() && m_fromCache && error.kind != NetError::InsecureLogin) {
        if (m_settings.capabilityCache)
            m_settings.capabilityCache->forget(cacheKey());
        if (askAgain(error))
            return;
    }
    m_finished = true;
    m_state = Disconnected;
    if (error.isError())
        m_transport->abort();
    m_sent.clear();
    m_queued.clear();
    m_inData = false;
    m_buffer.clear();
    Q_EMIT finished(error);
}

void Pop3Client::onFailed(const NetError &error)
{
    finish(error);
}

void Pop3Client::onClosed()
{
    finish({});
}

void Pop3Client::updateIdle()
{
    m_transport->setIdle(m_sent.empty());
}

NetError Pop3Client::errError(const Pop3Response &response, const QByteArray &line,
                              const QString &message, NetError::Kind fallback) const
{
    NetError::Kind kind = fallback;
    // RFC 2449 section 8.1 and RFC 3206: temporary conditions are worth a retry.
    if (response.code == "IN-USE" || response.code == "LOGIN-DELAY" || response.code == "SYS/TEMP")
        kind = NetError::Transient;
    else if (response.code == "AUTH")
        kind = NetError::Authentication;
    else if (response.code == "SYS/PERM" && fallback != NetError::Authentication)
        kind = NetError::Permanent;
    return NetError::make(kind, message.arg(QString::fromUtf8(response.text)), line);
}

} // namespace Outpost
