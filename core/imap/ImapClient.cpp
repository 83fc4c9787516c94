#include "ImapClient.h"

#include "net/Connection.h"

#include <limits>

namespace Outpost {

namespace {

// Message data is written to the sink in pieces of about this size.
constexpr qsizetype sinkChunk = 64 * 1024;

// The header fields that identify a message when the server renumbers its mailbox.
constexpr char identityFields[] = "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID DATE FROM SUBJECT)]";

// A string as an IMAP quoted string, or nothing when it needs a literal (RFC 3501 section 4.3:
// quoted strings hold 7-bit text without CR, LF and NUL).
std::optional<QByteArray> quoted(const QByteArray &text)
{
    QByteArray out = "\"";
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0 || u == '\r' || u == '\n' || u > 0x7f)
            return std::nullopt;
        if (c == '"' || c == '\\')
            out.append('\\');
        out.append(c);
    }
    out.append('"');
    return out;
}

QString serverText(const ImapResponse &response)
{
    return QString::fromUtf8(response.text).trimmed();
}

} // namespace

ImapClient::ImapClient(QObject *parent)
    : ImapClient(std::make_unique<Connection>(), parent)
{}

ImapClient::ImapClient(std::unique_ptr<LineTransport> transport, QObject *parent)
    : QObject(parent)
    , m_transport(std::move(transport))
{
    connect(m_transport.get(), &LineTransport::ready, this, &ImapClient::onReady);
    connect(m_transport.get(), &LineTransport::lineReceived, this, &ImapClient::onLine);
    connect(m_transport.get(), &LineTransport::failed, this, &ImapClient::onFailed);
    connect(m_transport.get(), &LineTransport::closed, this, &ImapClient::onClosed);
    connect(m_transport.get(), &LineTransport::transcript, this, &ImapClient::transcript);
    connect(m_transport.get(), &LineTransport::encrypted, this, [this] {
        // RFC 3501 section 6.2.1: what the server said before TLS is forgotten.
        m_tlsDone = true;
        m_capabilities.clear();
        m_capabilitiesKnown = false;
        nextLoginStep();
    });
}

ImapClient::~ImapClient() = default;

void ImapClient::open()
{
    m_state = Connecting;
    m_finished = false;
    m_sent.clear();
    m_reader.reset();
    m_capabilities.clear();
    m_capabilitiesKnown = false;
    m_tlsDone = false;
    m_loginSent = false;
    m_logoutSent = false;
    m_loginMethod.clear();
    m_loginTime = {};
    m_byeError = {};
    m_literalLeft = -1;
    m_transport->setQuietReceive(false);
    m_transport->open(m_settings.connection);
}

void ImapClient::authenticateOnly()
{
    open();
    logout();
}

void ImapClient::examine(const QByteArray &mailbox)
{
    enqueue({Kind::Examine, {"EXAMINE " + quoted(mailbox).value_or("INBOX")}});
}

void ImapClient::listMessages(quint64 firstUid, bool withIdentity)
{
    QByteArray line =
        "UID FETCH " + QByteArray::number(qMax<quint64>(firstUid, 1)) + ":* (UID RFC822.SIZE";
    if (withIdentity)
        line += QByteArray(" ") + identityFields;
    line += ')';
    Command c{Kind::List, {line}};
    c.uid = qMax<quint64>(firstUid, 1);
    enqueue(std::move(c));
}

void ImapClient::fetchMessage(quint64 uid, QIODevice *sink)
{
    Command c{Kind::Fetch, {"UID FETCH " + QByteArray::number(uid) + " BODY.PEEK[]"}};
    c.uid = uid;
    c.sink = sink;
    enqueue(std::move(c));
}

void ImapClient::logout()
{
    enqueue({Kind::Logout, {"LOGOUT"}});
}

void ImapClient::abort()
{
    if (m_state == Disconnected)
        return;
    m_transport->abort();
    finish(NetError::make(NetError::Network, tr("The session was cancelled.")));
}

void ImapClient::enqueue(Command command)
{
    m_queued.push_back(std::move(command));
    flush();
}

void ImapClient::flush()
{
    if (m_finished || m_logoutSent)
        return;
    // Commands go once logged in; with pipelining also right behind the login command.
    const bool loggedIn = m_state == Authenticated || m_state == Selected;
    if (!loggedIn && !(m_loginSent && m_settings.usePipelining))
        return;
    while (!m_queued.empty()) {
        // Nothing passes a command that waits for a continuation request.
        if (!m_sent.empty() && m_sent.back().nextPart < m_sent.back().parts.size())
            return;
        if (!m_settings.usePipelining && !m_sent.empty())
            return;
        Command c = std::move(m_queued.front());
        m_queued.pop_front();
        const bool isLogout = c.kind == Kind::Logout;
        send(std::move(c));
        if (isLogout) {
            m_queued.clear();
            return;
        }
    }
}

void ImapClient::send(Command command)
{
    command.tag = 'a' + QByteArray::number(++m_tagCounter);
    const QByteArray line = command.tag + ' ' + command.parts.front();
    const QByteArray shown =
        command.shownAs.isEmpty() ? QByteArray() : command.tag + ' ' + command.shownAs;
    if (command.kind == Kind::Logout) {
        m_logoutSent = true;
        m_state = Logout;
    }
    m_transport->sendLine(line, shown);
    m_sent.push_back(std::move(command));
    updateIdle();
}

ImapClient::Command *ImapClient::fetchOf(quint64 uid)
{
    // RFC 3501 section 5.5: a server may run pipelined fetches at once and interleave their
    // responses, so a response goes to the fetch of its UID, not to the oldest command.
    for (Command &c : m_sent) {
        if (c.kind == Kind::Fetch && c.uid == uid)
            return &c;
    }
    return nullptr;
}

void ImapClient::onReady()
{
    m_state = Greeting;
}

void ImapClient::onLine(const QByteArray &line)
{
    if (m_finished)
        return;
    switch (m_reader.addLine(line)) {
    case ImapResponseReader::Result::Complete:
        handle(m_reader.take());
        return;
    case ImapResponseReader::Result::NeedLiteral:
        takeLiteral();
        return;
    case ImapResponseReader::Result::Incomplete:
        return;
    case ImapResponseReader::Result::Error:
        m_transport->fail(
            NetError::make(NetError::Protocol,
                           tr("The incoming server sent a response Outpost cannot read (%1).")
                               .arg(m_reader.error()),
                           line.left(200)));
        return;
    }
}

void ImapClient::takeLiteral()
{
    const qint64 size = m_reader.literalSize();
    Command *c = nullptr;
    if (m_reader.literalIsMessageBody()) {
        std::optional<quint64> uid = m_reader.pendingUid();
        if (!uid) {
            if (const std::optional<quint64> seq = m_reader.pendingNumber();
                seq && m_seqToUid.contains(*seq))
                uid = m_seqToUid.value(*seq);
        }
        if (uid)
            c = fetchOf(*uid);
        if (!c && uid) {
            m_transport->fail(NetError::make(NetError::Protocol,
                                             tr("The incoming server sent another message than "
                                                "the one Outpost asked for.")));
            return;
        }
        if (!c) {
            // Neither the UID nor a listed sequence number came first: only one fetch can be
            // meant, or none.
            int fetches = 0;
            for (Command &candidate : m_sent) {
                if (candidate.kind == Kind::Fetch && !candidate.bodySeen) {
                    c = &candidate;
                    ++fetches;
                }
            }
            if (fetches != 1)
                c = nullptr;
        }
    }
    m_literalStreamed = c != nullptr;
    m_literalTag = c ? c->tag : QByteArray();
    if (!m_literalStreamed && size > ImapResponseReader::maxResponseBytes) {
        m_transport->fail(
            NetError::make(NetError::Protocol,
                           tr("The incoming server sent %n bytes of data Outpost did not ask for.",
                              nullptr, int(qMin<qint64>(size, std::numeric_limits<int>::max())))));
        return;
    }
    if (m_literalStreamed) {
        c->bodySeen = true;
        c->bodyBytes = 0;
        c->sinkFailed = !c->sink;
        m_transport->setQuietReceive(true);
        m_transport->note(QStringLiteral("(message data: %1 octets)").arg(size));
    }
    m_literal.clear();
    m_literalLeft = size;
    if (size == 0) {
        literalDone();
        return;
    }
    m_transport->setBlockReceiver([this](QByteArrayView bytes) { return receiveLiteral(bytes); });
}

qsizetype ImapClient::receiveLiteral(QByteArrayView bytes)
{
    const qsizetype used = qsizetype(qMin<qint64>(bytes.size(), m_literalLeft));
    m_literal.append(bytes.first(used));
    m_literalLeft -= used;
    if (m_literalStreamed) {
        auto it = std::find_if(m_sent.begin(), m_sent.end(),
                               [this](const Command &c) { return c.tag == m_literalTag; });
        Command *c = &*it; // outstanding until its tagged answer, which comes after the data
        c->bodyBytes += used;
        if (m_literal.size() >= sinkChunk || m_literalLeft == 0) {
            if (c->sinkFailed || !c->sink || c->sink->write(m_literal) != m_literal.size())
                c->sinkFailed = true;
            m_literal.clear();
            Q_EMIT fetchProgress(c->uid, c->bodyBytes);
        }
    }
    if (m_literalLeft == 0) {
        m_transport->setBlockReceiver({});
        literalDone();
    }
    return used;
}

void ImapClient::literalDone()
{
    m_literalLeft = -1;
    ImapResponseReader::Result result;
    if (m_literalStreamed) {
        m_transport->setQuietReceive(false);
        result = m_reader.addStreamedLiteral(m_reader.literalSize());
    } else {
        result = m_reader.addLiteral(m_literal);
    }
    m_literal.clear();
    if (result == ImapResponseReader::Result::Error)
        m_transport->fail(NetError::make(
            NetError::Protocol, tr("The incoming server sent a response Outpost cannot read (%1).")
                                    .arg(m_reader.error())));
}

void ImapClient::handle(ImapResponse response)
{
    switch (response.type) {
    case ImapResponse::Type::Continuation:
        handleContinuation(response);
        return;
    case ImapResponse::Type::Untagged:
        handleUntagged(response);
        return;
    case ImapResponse::Type::Tagged:
        break;
    }
    auto it = std::find_if(m_sent.begin(), m_sent.end(),
                           [&](const Command &c) { return c.tag == response.tag; });
    if (it == m_sent.end()) {
        m_transport->fail(NetError::make(
            NetError::Protocol, tr("The incoming server answered a command Outpost did not send."),
            response.tag));
        return;
    }
    Command command = std::move(*it);
    m_sent.erase(it);
    updateIdle();
    handleTagged(std::move(command), response);
    flush(); // without pipelining the next command waits for this answer
}

void ImapClient::handleContinuation(const ImapResponse &)
{
    // The last command sent is the one that can wait for the rest of itself.
    if (m_sent.empty()) {
        m_transport->fail(
            NetError::make(NetError::Protocol, tr("The incoming server asked for more of a command "
                                                  "Outpost did not send.")));
        return;
    }
    Command &c = m_sent.back();
    if (c.nextPart < c.parts.size()) {
        const QByteArray part = c.parts[c.nextPart++];
        m_transport->sendLine(part, c.kind == Kind::Login || c.kind == Kind::Authenticate
                                        ? QByteArrayLiteral("****")
                                        : QByteArray());
        flush();
        return;
    }
    if (c.kind == Kind::Authenticate) {
        // A challenge PLAIN does not have: cancel the exchange (RFC 3501 section 6.2.2).
        m_transport->sendLine("*");
        return;
    }
    m_transport->fail(NetError::make(NetError::Protocol,
                                     tr("The incoming server asked for more of a command that "
                                        "was complete.")));
}

void ImapClient::handleUntagged(const ImapResponse &r)
{
    if (!r.code.isEmpty()) {
        if (r.code == "CAPABILITY") {
            m_capabilities = r.capabilities();
            m_capabilitiesKnown = true;
        } else if (r.code == "UIDVALIDITY" && !r.codeData.isEmpty()) {
            m_mailbox.uidValidity = r.codeData.front().number;
        } else if (r.code == "UIDNEXT" && !r.codeData.isEmpty()) {
            m_mailbox.uidNext = r.codeData.front().number;
        } else if (r.code == "ALERT") {
            Q_EMIT alert(serverText(r));
        }
    }
    if (m_state == Greeting) {
        if (r.status == ImapResponse::Status::Ok) {
            m_state = NotAuthenticated;
            nextLoginStep();
        } else if (r.status == ImapResponse::Status::PreAuth) {
            if (m_settings.connection.security == Security::StartTls) {
                // RFC 3501 section 6.2.1: no STARTTLS once authenticated, so this session
                // could not be encrypted. Refuse it rather than talk in clear.
                m_transport->fail(NetError::make(
                    NetError::Tls,
                    tr("The incoming server logged Outpost in before encryption was started "
                       "(PREAUTH), so the connection cannot be protected with STARTTLS. "
                       "Outpost did not go on.")));
                return;
            }
            loginSucceeded("PREAUTH");
        } else if (r.status == ImapResponse::Status::Bye) {
            m_transport->fail(NetError::make(
                NetError::Transient,
                tr("The incoming server refused the connection: %1").arg(serverText(r)), r.text));
        } else {
            m_transport->fail(
                NetError::make(NetError::Protocol, tr("The incoming server did not greet Outpost "
                                                      "the way IMAP servers do.")));
        }
        return;
    }
    if (r.status == ImapResponse::Status::Bye) {
        // The answer to LOGOUT only when LOGOUT is the command being answered.
        if (m_sent.empty() || m_sent.front().kind != Kind::Logout)
            m_byeError = NetError::make(
                NetError::Transient,
                tr("The incoming server ended the session: %1").arg(serverText(r)), r.text);
        return;
    }
    if (r.name == "CAPABILITY") {
        m_capabilities = r.capabilities();
        m_capabilitiesKnown = true;
    } else if (r.name == "EXISTS" && r.number) {
        m_mailbox.exists = *r.number;
    } else if (r.name == "FETCH") {
        handleFetch(r);
    }
    // EXPUNGE, RECENT, FLAGS and the rest change nothing Outpost keeps.
}

void ImapClient::handleFetch(const ImapResponse &r)
{
    const ImapValue *uidItem = r.fetchItem("UID");
    if (uidItem && uidItem->type == ImapValue::Type::Number && r.number)
        m_seqToUid.insert(*r.number, uidItem->number);
    if (const ImapValue *body = r.fetchItem("BODY[]"); body && !body->streamed) {
        // A message nobody asked for (or whose fetch could not be told): never kept.
        m_transport->fail(
            NetError::make(NetError::Protocol, tr("The incoming server sent another message than "
                                                  "the one Outpost asked for.")));
        return;
    }
    // Listings: every outstanding one gets what it asked for (UID >= its first).
    bool listing = false;
    for (const Command &c : m_sent)
        listing = listing || c.kind == Kind::List;
    if (!listing || !uidItem || uidItem->type != ImapValue::Type::Number)
        return;
    ImapMessageInfo info;
    info.uid = uidItem->number;
    if (const ImapValue *size = r.fetchItem("RFC822.SIZE");
        size && size->type == ImapValue::Type::Number)
        info.size = qint64(size->number);
    bool listed = false;
    const QList<ImapValue> &items = r.data.front().items;
    for (qsizetype i = 0; i + 1 < items.size(); i += 2) {
        if (items[i].type == ImapValue::Type::Atom &&
            items[i].bytes.toUpper().startsWith("BODY[HEADER.FIELDS")) {
            info.identity = items[i + 1].text();
            listed = true;
        }
    }
    // A FETCH that only reports flags (another client changed them) is no listing entry.
    if (listed || r.fetchItem("RFC822.SIZE"))
        m_listing.append(info);
}

void ImapClient::handleTagged(Command command, const ImapResponse &r)
{
    const bool ok = r.status == ImapResponse::Status::Ok;
    if (r.code == "CAPABILITY") {
        m_capabilities = r.capabilities();
        m_capabilitiesKnown = true;
    }
    switch (command.kind) {
    case Kind::Capability:
        if (!ok) {
            m_transport->fail(
                refusal(r, tr("The incoming server refused CAPABILITY: %1"), NetError::Protocol));
            return;
        }
        m_capabilitiesKnown = true;
        nextLoginStep();
        return;
    case Kind::StartTls:
        if (!ok) {
            m_transport->fail(refusal(r, tr("The incoming server refused to start encryption: %1"),
                                      NetError::Tls));
            return;
        }
        m_transport->startTls();
        return;
    case Kind::Login:
    case Kind::Authenticate:
        if (!ok) {
            // RFC 5530: UNAVAILABLE is a passing trouble; everything else is the password.
            const NetError::Kind kind =
                r.code == "UNAVAILABLE" ? NetError::Transient : NetError::Authentication;
            m_transport->fail(refusal(r, tr("The incoming server refused the login: %1"), kind));
            return;
        }
        loginSucceeded(command.kind == Kind::Login ? "LOGIN" : "AUTHENTICATE PLAIN");
        return;
    case Kind::Examine:
        if (!ok) {
            Q_EMIT mailboxFailed(refusal(r, tr("The incoming server could not open the inbox: %1"),
                                         NetError::Permanent));
            return;
        }
        m_state = Selected;
        m_mailbox.readOnly = r.code == "READ-ONLY";
        Q_EMIT mailboxOpened(m_mailbox);
        return;
    case Kind::List: {
        // "n:*" also names the last message when no UID is >= n.
        QList<ImapMessageInfo> listing;
        for (const ImapMessageInfo &m : std::as_const(m_listing)) {
            if (m.uid >= command.uid &&
                std::none_of(listing.cbegin(), listing.cend(),
                             [&](const ImapMessageInfo &o) { return o.uid == m.uid; }))
                listing.append(m);
        }
        if (std::none_of(m_sent.cbegin(), m_sent.cend(),
                         [](const Command &c) { return c.kind == Kind::List; }))
            m_listing.clear();
        if (!ok) {
            Q_EMIT mailboxFailed(
                refusal(r, tr("The incoming server could not list the new messages: %1"),
                        NetError::Transient));
            return;
        }
        Q_EMIT messagesListed(listing);
        return;
    }
    case Kind::Fetch:
        if (!ok) {
            Q_EMIT fetchFailed(command.uid,
                               refusal(r, tr("The incoming server could not send a message: %1"),
                                       NetError::Transient));
        } else if (!command.bodySeen) {
            Q_EMIT fetchFailed(
                command.uid,
                NetError::make(NetError::Transient,
                               tr("The message is no longer on the incoming server.")));
        } else if (command.sinkFailed || !command.sink) {
            Q_EMIT fetchFailed(command.uid,
                               NetError::make(NetError::Permanent,
                                              tr("The message could not be written to the disk.")));
        } else {
            Q_EMIT messageFetched(command.uid, command.bodyBytes);
        }
        return;
    case Kind::Logout:
        m_transport->close();
        return;
    }
}

void ImapClient::nextLoginStep()
{
    if (m_finished || m_loginSent || m_state != NotAuthenticated)
        return;
    if (!m_capabilitiesKnown) {
        send({Kind::Capability, {"CAPABILITY"}});
        return;
    }
    const bool wantTls = m_settings.connection.security == Security::StartTls;
    if (wantTls && !m_tlsDone) {
        if (!m_capabilities.contains("STARTTLS")) {
            m_transport->fail(
                NetError::make(NetError::Tls, tr("The incoming server does not offer STARTTLS, "
                                                 "so the connection cannot be protected. Outpost "
                                                 "did not send the password.")));
            return;
        }
        send({Kind::StartTls, {"STARTTLS"}});
        return;
    }
    sendLogin();
}

void ImapClient::sendLogin()
{
    if (!m_transport->isEncrypted() && !m_settings.allowPlainTextPassword) {
        if (m_capabilities.contains("STARTTLS"))
            m_transport->fail(NetError::make(
                NetError::InsecureLogin,
                tr("Outpost did not log in to the incoming server, because the password would "
                   "have been sent unencrypted. The server offers encryption: in the account "
                   "settings, set the incoming server's security to STARTTLS.")));
        else
            m_transport->fail(NetError::make(
                NetError::InsecureLogin,
                tr("Outpost did not log in to the incoming server, because the password would "
                   "have been sent unencrypted and the server offers no encryption. Ask your "
                   "provider for an encrypted connection (IMAP over TLS, usually port 993), or "
                   "tick \"Allow sending my password unencrypted when the connection has no "
                   "security\" on the Receiving tab of the account settings: anyone on the "
                   "network between you and the server could then read the password.")));
        return;
    }
    const QByteArray user = m_settings.user.toUtf8();
    const QByteArray password = m_settings.password.toUtf8();
    m_loginSent = true;
    if (m_capabilities.contains("AUTH=PLAIN")) {
        // RFC 4616: authorization id (empty), user, password; RFC 4959 sends it at once.
        const QByteArray response = (QByteArray(1, '\0') + user + '\0' + password).toBase64();
        if (m_capabilities.contains("SASL-IR"))
            send({Kind::Authenticate,
                  {"AUTHENTICATE PLAIN " + response},
                  "AUTHENTICATE PLAIN ****"});
        else
            send({Kind::Authenticate, {"AUTHENTICATE PLAIN", response}, "AUTHENTICATE PLAIN"});
    } else if (m_capabilities.contains("LOGINDISABLED")) {
        m_transport->fail(NetError::make(NetError::Authentication,
                                         tr("The incoming server does not allow logging in "
                                            "on this connection (LOGINDISABLED). Choose TLS or "
                                            "STARTTLS for the incoming server.")));
        return;
    } else {
        const std::optional<QByteArray> qUser = quoted(user);
        const std::optional<QByteArray> qPassword = quoted(password);
        const QByteArray shownUser = qUser.value_or("{" + QByteArray::number(user.size()) + "}");
        if (qUser && qPassword) {
            send({Kind::Login,
                  {"LOGIN " + *qUser + ' ' + *qPassword},
                  "LOGIN " + shownUser + " ****"});
        } else if (m_capabilities.contains("LITERAL+")) {
            // RFC 7888: literals that need no go-ahead.
            const auto lit = [](const std::optional<QByteArray> &q, const QByteArray &s) {
                return q ? *q : "{" + QByteArray::number(s.size()) + "+}\r\n" + s;
            };
            send({Kind::Login,
                  {"LOGIN " + lit(qUser, user) + ' ' + lit(qPassword, password)},
                  "LOGIN " + shownUser + " ****"});
        } else {
            // Synchronising literals: the rest of the line after each waits for "+".
            const auto size = [](const QByteArray &s) {
                return "{" + QByteArray::number(s.size()) + "}";
            };
            Command c{Kind::Login, {}, "LOGIN " + shownUser + " ****"};
            if (qUser) {
                c.parts = {"LOGIN " + *qUser + ' ' + size(password), password};
            } else {
                c.parts = {"LOGIN " + size(user), user + ' ' + qPassword.value_or(size(password))};
                if (!qPassword)
                    c.parts.append(password);
            }
            send(std::move(c));
        }
    }
    flush();
}

void ImapClient::loginSucceeded(const QByteArray &method)
{
    m_loginMethod = method;
    m_loginTime = QDateTime::currentDateTimeUtc();
    m_state = Authenticated;
    Q_EMIT loggedIn(m_loginTime);
    flush();
}

void ImapClient::onFailed(const NetError &error)
{
    // A server that closes right after LOGOUT's BYE has done what was asked.
    if (m_logoutSent && m_sent.size() == 1 && m_sent.front().kind == Kind::Logout &&
        error.kind == NetError::Network) {
        finish(m_byeError);
        return;
    }
    finish(m_byeError.isError() && error.kind == NetError::Network ? m_byeError : error);
}

void ImapClient::onClosed()
{
    finish(m_byeError);
}

void ImapClient::finish(const NetError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_state = Disconnected;
    if (error.isError())
        m_transport->abort();
    m_sent.clear();
    m_queued.clear();
    m_literal.clear();
    m_literalLeft = -1;
    m_listing.clear();
    Q_EMIT finished(error);
}

void ImapClient::updateIdle()
{
    m_transport->setIdle(m_sent.empty());
}

NetError ImapClient::refusal(const ImapResponse &r, const QString &message,
                             NetError::Kind kind) const
{
    static const char *const words[] = {"", "OK", "NO", "BAD", "BYE", "PREAUTH"};
    QByteArray line = r.tag + ' ' + words[int(r.status)];
    if (!r.code.isEmpty())
        line += " [" + r.code + ']';
    if (!r.text.isEmpty())
        line += ' ' + r.text;
    return NetError::make(kind, message.arg(serverText(r)), line);
}

} // namespace Outpost
