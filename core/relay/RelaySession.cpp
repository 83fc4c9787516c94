#include "RelaySession.h"

#include "smtpd/SmtpPath.h"

#include <QPointer>
#include <QRegularExpression>
#include <QSslCipher>
#include <QSslSocket>

namespace Outpost {

namespace {

/// An RFC 3339 date-time (section 5.6: "2026-12-24T09:00:00Z", "...T09:00:00.5+09:00");
/// invalid for anything else.
QDateTime rfc3339(const QByteArray &text)
{
    static const QRegularExpression form(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:\\d{2})$"));
    const QString upper = QString::fromLatin1(text.toUpper());
    if (!form.match(upper).hasMatch())
        return {};
    return QDateTime::fromString(upper, Qt::ISODateWithMs);
}

// The replies are protocol text (RFC 5321 allows ASCII only); the other program shows them
// to its user, so each says in plain words what happened and what to do.
const QByteArray hostName = "outpost.localhost";

QByteArray megabytes(qint64 octets)
{
    return QByteArray::number((octets + 1024 * 1024 - 1) / (1024 * 1024));
}

bool has8BitOctets(QByteArrayView data)
{
    for (const char c : data)
        if (static_cast<unsigned char>(c) >= 0x80)
            return true;
    return false;
}

} // namespace

RelaySession::RelaySession(QTcpSocket *socket, RelayTarget *target, const RelayLimits &limits,
                           QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_target(target)
    , m_limits(limits)
    , m_decoder(limits.maxMessageSize)
{
    m_socket->setParent(this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RelaySession::timedOut);
    connect(m_socket, &QTcpSocket::readyRead, this, &RelaySession::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &RelaySession::close);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_mode == Mode::Handshake) {
            // A failed handshake: nothing more can be said to this client.
            Q_EMIT transcript(QStringLiteral("TLS: ") + m_socket->errorString());
            m_socket->abort();
            close();
            return;
        }
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            close();
    });
}

RelaySession::~RelaySession() = default;

void RelaySession::setTls(const QSslConfiguration &configuration)
{
    if (qobject_cast<QSslSocket *>(m_socket))
        m_tls = configuration;
}

void RelaySession::start()
{
    // Replies are small and each one is awaited by the client (no Nagle delay on them).
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    reply("220 " + hostName + " ESMTP Outpost local relay ready");
    armCommandTimer();
    onReadyRead();
}

void RelaySession::refuse(const QByteArray &text)
{
    replyAndClose(text);
}

void RelaySession::armCommandTimer()
{
    m_timer.start(m_mode == Mode::Data ? m_limits.dataIdleTimeoutMs : m_limits.commandTimeoutMs);
}

void RelaySession::timedOut()
{
    if (m_mode == Mode::Waiting) {
        // The held-back answer to a wrong password.
        m_mode = Mode::Command;
        ++m_authFailures;
        if (m_authFailures >= m_limits.maxAuthFailures) {
            replyAndClose("421 4.7.0 Too many failed sign-ins; check the relay password in "
                          "Outpost's settings");
            return;
        }
        reply("535 5.7.8 Wrong user name or password: use the relay password that Outpost's "
              "settings show, and an account's name or address as the user name");
        armCommandTimer();
        process();
        return;
    }
    if (m_mode == Mode::Handshake) {
        // A client that never finishes the handshake is not answered in the clear.
        Q_EMIT transcript(QStringLiteral("TLS: the handshake took too long"));
        m_socket->abort();
        close();
        return;
    }
    replyAndClose("421 4.4.2 " + hostName + " Timeout: nothing was received for too long");
}

void RelaySession::onReadyRead()
{
    if (m_finished)
        return;
    m_input += m_socket->readAll();
    process();
}

void RelaySession::process()
{
    QPointer<RelaySession> self(this);
    while (self && !m_finished && m_mode != Mode::Waiting && m_mode != Mode::Cycling &&
           m_mode != Mode::Queuing && m_mode != Mode::Handshake && m_mode != Mode::Closing &&
           m_inputPos < m_input.size()) {
        if (m_mode == Mode::Data) {
            const QByteArrayView rest(m_input.constData() + m_inputPos,
                                      m_input.size() - m_inputPos);
            const SmtpDataDecoder::Step step = m_decoder.feed(rest);
            m_inputPos += step.consumed;
            armCommandTimer();
            if (step.finished)
                endOfData();
            continue;
        }
        const qsizetype end = m_input.indexOf('\n', m_inputPos);
        if (end < 0) {
            if (m_input.size() - m_inputPos > m_limits.maxCommandLine) {
                // Too long to be a command: skip it up to its end, then answer once.
                m_discardingLine = true;
                m_inputPos = m_input.size();
            }
            break;
        }
        qsizetype length = end - m_inputPos;
        if (length > 0 && m_input.at(end - 1) == '\r')
            --length;
        const QByteArray line = m_input.mid(m_inputPos, length);
        m_inputPos = end + 1;
        if (m_discardingLine || length + 2 > m_limits.maxCommandLine) {
            m_discardingLine = false;
            if (m_mode != Mode::Command)
                m_mode = Mode::Command;
            reply("500 5.5.2 Line too long (the limit is " +
                  QByteArray::number(m_limits.maxCommandLine) + " octets)");
            continue;
        }
        handleLine(line);
        if (self && (m_mode == Mode::Command || m_mode == Mode::Auth))
            armCommandTimer();
    }
    if (!self || m_finished)
        return;
    // Keep only what was not used.
    if (m_inputPos > 0) {
        m_input.remove(0, m_inputPos);
        m_inputPos = 0;
    }
}

void RelaySession::handleLine(const QByteArray &line)
{
    switch (m_mode) {
    case Mode::Auth:
        Q_EMIT transcript(QStringLiteral("C: (credentials)"));
        m_mode = Mode::Command;
        authStep(m_auth.respond(line));
        return;
    case Mode::Command:
        break;
    case Mode::Data:
    case Mode::Waiting:
    case Mode::Cycling:
    case Mode::Queuing:
    case Mode::Handshake:
    case Mode::Closing:
        return;
    }
    const qsizetype space = line.indexOf(' ');
    const QByteArray verb = (space < 0 ? line : line.left(space)).toUpper();
    const QByteArray argument = space < 0 ? QByteArray() : line.mid(space + 1);
    Q_EMIT transcript(
        QStringLiteral("C: ") +
        (verb == "AUTH"
             ? QString::fromLatin1(argument.split(' ').value(0)).prepend(QStringLiteral("AUTH "))
             : QString::fromUtf8(line)));
    command(verb, argument);
}

void RelaySession::command(const QByteArray &verb, const QByteArray &argument)
{
    if (verb == "EHLO" || verb == "HELO") {
        ehlo(argument, verb == "EHLO");
    } else if (verb == "AUTH") {
        auth(argument);
    } else if (verb == "MAIL") {
        mail(argument);
    } else if (verb == "RCPT") {
        rcpt(argument);
    } else if (verb == "DATA") {
        data();
    } else if (verb == "RSET") {
        resetTransaction();
        reply("250 2.0.0 Ok");
    } else if (verb == "NOOP") {
        reply("250 2.0.0 Ok");
    } else if (verb == "QUIT") {
        replyAndClose("221 2.0.0 Bye");
    } else if (verb == "VRFY") {
        reply("252 2.5.0 Cannot check addresses here; send the message and Outpost will try");
    } else if (verb == "HELP") {
        reply("214 2.0.0 Outpost local relay: see the settings page \"Use Outpost from other "
              "programs\"");
    } else if (verb == "STARTTLS") {
        startTls(argument);
    } else if (verb == "XCYCLE") {
        cycle();
    } else if (verb == "BDAT") {
        reply("502 5.5.1 BDAT is not offered; use DATA");
    } else {
        reply("500 5.5.2 Command not recognised");
    }
}

void RelaySession::ehlo(const QByteArray &argument, bool extended)
{
    const QByteArray name = argument.trimmed();
    if (name.isEmpty()) {
        reply(extended ? "501 5.5.4 Syntax: EHLO hostname" : "501 5.5.4 Syntax: HELO hostname");
        return;
    }
    resetTransaction();
    m_clientName = name.left(255);
    m_extended = extended;
    if (!extended) {
        reply("250 " + hostName);
        return;
    }
    reply("250-" + hostName + " Hello " + m_clientName);
    reply("250-PIPELINING");
    reply("250-SIZE " + QByteArray::number(m_limits.maxMessageSize));
    reply("250-8BITMIME");
    // RFC 4865: the longest hold in seconds, and the latest release time.
    reply("250-FUTURERELEASE " + QByteArray::number(m_limits.maxHoldSeconds) + ' ' +
          QDateTime::currentDateTimeUtc()
              .addSecs(m_limits.maxHoldSeconds)
              .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))
              .toLatin1());
    reply("250-ENHANCEDSTATUSCODES");
    if (!m_tls.isNull() && !m_encrypted)
        reply(needsEncryption().isEmpty() ? "250-STARTTLS" : "250 STARTTLS");
    // Passwords from another computer only over TLS (RFC 4954 section 4).
    if (needsEncryption().isEmpty())
        reply("250 AUTH PLAIN LOGIN");
}

QByteArray RelaySession::needsEncryption() const
{
    if (m_local || m_encrypted)
        return {};
    return "530 5.7.0 Send STARTTLS first: from another computer, Outpost accepts mail and "
           "passwords only over an encrypted connection";
}

void RelaySession::startTls(const QByteArray &argument)
{
    if (m_tls.isNull()) {
        reply("502 5.5.1 STARTTLS is not offered: the relay serves this computer only");
        return;
    }
    if (m_encrypted) {
        reply("503 5.5.1 The connection is already encrypted");
        return;
    }
    if (!argument.trimmed().isEmpty()) {
        reply("501 5.5.4 Syntax: STARTTLS");
        return;
    }
    reply("220 2.0.0 Ready to start TLS");
    // What the client sent after STARTTLS in the clear is not taken as said over TLS: a
    // man in the middle could have added it (CVE-2011-0411).
    m_input.truncate(m_inputPos);
    m_mode = Mode::Handshake;
    auto *socket = qobject_cast<QSslSocket *>(m_socket);
    socket->setSslConfiguration(m_tls);
    connect(socket, &QSslSocket::encrypted, this, &RelaySession::encrypted, Qt::UniqueConnection);
    armCommandTimer(); // the handshake has as long as a command
    socket->startServerEncryption();
}

void RelaySession::encrypted()
{
    auto *socket = qobject_cast<QSslSocket *>(m_socket);
    m_encrypted = true;
    Q_EMIT transcript(
        QStringLiteral("TLS: %1, %2")
            .arg(socket->sessionCipher().protocolString(), socket->sessionCipher().name()));
    // RFC 3207 section 4.2: the client starts again, knowing nothing from before.
    resetTransaction();
    m_clientName.clear();
    m_extended = false;
    m_accountId.clear();
    m_mode = Mode::Command;
    armCommandTimer();
    onReadyRead();
}

void RelaySession::auth(const QByteArray &argument)
{
    if (m_clientName.isEmpty()) {
        reply("503 5.5.1 Send EHLO first");
        return;
    }
    if (const QByteArray refusal = needsEncryption(); !refusal.isEmpty()) {
        reply(refusal);
        return;
    }
    if (!m_accountId.isEmpty()) {
        reply("503 5.5.1 Already signed in");
        return;
    }
    if (m_haveMail) {
        reply("503 5.5.1 Sign in before MAIL, not during a message");
        return;
    }
    authStep(m_auth.start(argument));
}

void RelaySession::authStep(SmtpAuthExchange::Outcome outcome)
{
    switch (outcome) {
    case SmtpAuthExchange::Outcome::Challenge:
        m_mode = Mode::Auth;
        reply("334 " + m_auth.challenge());
        return;
    case SmtpAuthExchange::Outcome::Credentials:
        checkCredentials(m_auth.authorizationId(), m_auth.user(), m_auth.password());
        return;
    case SmtpAuthExchange::Outcome::Cancelled:
        reply("501 5.7.0 Sign-in cancelled");
        return;
    case SmtpAuthExchange::Outcome::Malformed:
        reply("501 5.5.2 Cannot read the credentials");
        return;
    case SmtpAuthExchange::Outcome::Unsupported:
        reply("504 5.5.4 Sign-in method not offered; use PLAIN or LOGIN");
        return;
    }
}

void RelaySession::checkCredentials(const QByteArray &authzid, const QByteArray &user,
                                    const QByteArray &password)
{
    const QString account = m_target->accountForUser(QString::fromUtf8(user));
    const bool passwordOk = m_target->checkPassword(password);
    if (!account.isEmpty() && passwordOk && (authzid.isEmpty() || authzid == user)) {
        m_accountId = account;
        reply("235 2.7.0 Signed in");
        return;
    }
    // A wrong password is answered late, so that guessing takes long; nothing more is read
    // from the client meanwhile (its pipelined commands wait).
    m_mode = Mode::Waiting;
    m_timer.start(m_limits.authFailureDelayMs);
}

void RelaySession::mail(const QByteArray &argument)
{
    if (m_clientName.isEmpty()) {
        reply("503 5.5.1 Send EHLO first");
        return;
    }
    if (m_haveMail) {
        reply("503 5.5.1 A message is already under way; send RSET to start again");
        return;
    }
    if (const QByteArray refusal = needsEncryption(); !refusal.isEmpty()) {
        reply(refusal);
        return;
    }
    // Without signing in only from this computer, and only when the user chose so.
    if ((m_limits.requireAuth || !m_local) && m_accountId.isEmpty()) {
        reply("530 5.7.0 Sign in first: use an account's name and the relay password that "
              "Outpost's settings show");
        return;
    }
    const SmtpPath path = SmtpPath::parse(argument, "FROM:", true);
    if (path.problem == SmtpPath::Problem::Syntax) {
        reply("501 5.5.4 Syntax: MAIL FROM:<address>");
        return;
    }
    if (!path.ok()) {
        reply("501 5.1.7 The sender address cannot be read");
        return;
    }
    qint64 announced = 0;
    QDateTime notBefore;
    bool held = false;
    for (const auto &[keyword, value] : path.parameters) {
        if (keyword == "HOLDFOR" || keyword == "HOLDUNTIL") {
            // RFC 4865: one of the two, seconds from now or an RFC 3339 date-time.
            const QDateTime now = QDateTime::currentDateTimeUtc();
            bool ok = !held;
            if (ok && keyword == "HOLDFOR") {
                const qint64 seconds = value.toLongLong(&ok);
                ok = ok && seconds >= 0 && !value.startsWith('+');
                // Bounded before the addition: a huge number must not wrap to "no hold".
                notBefore = now.addSecs(qMin(seconds, m_limits.maxHoldSeconds + 1));
            } else if (ok) {
                notBefore = rfc3339(value);
                ok = notBefore.isValid();
            }
            if (!ok) {
                reply("501 5.5.4 Syntax: HOLDFOR=seconds or HOLDUNTIL=YYYY-MM-DDThh:mm:ssZ, "
                      "one of them");
                return;
            }
            if (now.secsTo(notBefore) > m_limits.maxHoldSeconds) {
                reply("501 5.5.4 Outpost keeps a message for later for at most " +
                      QByteArray::number(m_limits.maxHoldSeconds / 86400) + " days");
                return;
            }
            held = true;
            continue;
        }
        if (keyword == "SIZE") {
            bool ok = false;
            const qint64 size = value.toLongLong(&ok);
            if (!ok || size < 0) {
                reply("501 5.5.4 Syntax: SIZE=octets");
                return;
            }
            announced = size;
        } else if (keyword == "BODY") {
            if (value.toUpper() != "7BIT" && value.toUpper() != "8BITMIME") {
                reply("501 5.5.4 Syntax: BODY=7BIT or BODY=8BITMIME");
                return;
            }
        } else if (keyword == "AUTH") {
            // RFC 4954 section 5: accepted and not passed on.
        } else {
            reply("555 5.5.4 Parameter " + keyword.left(64) + " is not supported");
            return;
        }
    }
    QString account = m_accountId;
    if (account.isEmpty()) {
        account = m_target->accountForSender(path.address);
        if (account.isEmpty()) {
            reply("550 5.7.1 <" + path.address.toUtf8().left(256) +
                  "> is not the address of an Outpost account: without signing in, the sender "
                  "chooses the account; sign in, or add this address to an account");
            return;
        }
    }
    // The account's server's limit, once a cycle has seen it, when it is below the relay's:
    // refused here rather than accepted and failed later.
    const qint64 serverLimit = m_target->sizeLimit(account);
    const bool serverIsLower = serverLimit > 0 && serverLimit < m_limits.maxMessageSize;
    const qint64 limit = serverIsLower ? serverLimit : m_limits.maxMessageSize;
    if (announced > limit) {
        reply(serverIsLower ? "552 5.3.4 The message is larger than the " + megabytes(limit) +
                                  " MB the account's mail server accepts"
                            : "552 5.3.4 The message is larger than the limit of " +
                                  megabytes(limit) + " MB");
        return;
    }
    m_haveMail = true;
    m_transactionLimit = limit;
    m_sender = path.address;
    m_needsSmtpUtf8 = path.needsSmtpUtf8;
    m_transactionAccount = account;
    // A time already past releases the message at once (nothing to wait for).
    m_notBefore = notBefore.isValid() && notBefore > QDateTime::currentDateTimeUtc()
                      ? notBefore.toUTC()
                      : QDateTime();
    reply("250 2.1.0 Sender ok");
}

void RelaySession::rcpt(const QByteArray &argument)
{
    if (!m_haveMail) {
        reply("503 5.5.1 Send MAIL first");
        return;
    }
    const SmtpPath path = SmtpPath::parse(argument, "TO:", false);
    if (path.problem == SmtpPath::Problem::Syntax) {
        reply("501 5.5.4 Syntax: RCPT TO:<address>");
        return;
    }
    if (!path.ok()) {
        reply("501 5.1.3 The recipient address cannot be read");
        return;
    }
    if (!path.parameters.isEmpty()) {
        reply("555 5.5.4 Parameter " + path.parameters.first().first.left(64) +
              " is not supported");
        return;
    }
    if (m_recipients.size() >= m_limits.maxRecipients) {
        reply("452 4.5.3 Too many recipients: at most " +
              QByteArray::number(m_limits.maxRecipients) + " per message");
        return;
    }
    if (!m_recipients.contains(path.address))
        m_recipients.append(path.address);
    m_needsSmtpUtf8 = m_needsSmtpUtf8 || path.needsSmtpUtf8;
    reply("250 2.1.5 Recipient ok");
}

void RelaySession::data()
{
    if (!m_haveMail) {
        reply("503 5.5.1 Send MAIL first");
        return;
    }
    if (m_recipients.isEmpty()) {
        reply("554 5.5.1 No valid recipients");
        return;
    }
    m_decoder = SmtpDataDecoder(m_transactionLimit);
    m_mode = Mode::Data;
    reply("354 End data with <CR><LF>.<CR><LF>");
}

void RelaySession::cycle()
{
    // Outpost's own command (RFC 5321 section 4.1.5: X verbs are private): another Outpost
    // program asks this one to run a cycle of the account it signed in for.
    if (m_accountId.isEmpty()) {
        reply("530 5.7.0 Sign in first");
        return;
    }
    if (m_haveMail) {
        reply("503 5.5.1 Not during a message");
        return;
    }
    m_mode = Mode::Cycling;
    m_timer.stop(); // a cycle may take minutes: the client waits, as it should
    QPointer<RelaySession> self(this);
    m_target->runCycle(m_accountId, this, [this, self](const QByteArray &text) {
        if (!self || m_finished)
            return;
        m_mode = Mode::Command;
        reply(text);
        armCommandTimer();
        process();
    });
}

void RelaySession::endOfData()
{
    m_mode = Mode::Command;
    Q_EMIT transcript(QStringLiteral("C: (message, %1 octets)").arg(m_decoder.size()));
    if (m_decoder.tooBig()) {
        const qint64 limit = m_transactionLimit;
        const bool server = limit < m_limits.maxMessageSize;
        resetTransaction();
        reply(server ? "552 5.3.4 The message is larger than the " + megabytes(limit) +
                           " MB the account's mail server accepts"
                     : "552 5.3.4 The message is larger than the limit of " + megabytes(limit) +
                           " MB");
        return;
    }
    if (m_target->refuses8Bit(m_transactionAccount) && has8BitOctets(m_decoder.content())) {
        resetTransaction();
        // RFC 6152: 8-bit data would arrive broken; Outpost does not rewrite the MIME
        // structure of another program's message, so that program must encode it.
        reply("554 5.6.3 The account's mail server does not accept 8-bit mail (no 8BITMIME): "
              "set the program to send 7-bit (quoted-printable or base64)");
        return;
    }
    RelayTarget::Submission submission;
    submission.accountId = m_transactionAccount;
    submission.sender = m_sender;
    submission.recipients = m_recipients;
    submission.data = m_decoder.takeContent();
    submission.clientName = QString::fromUtf8(m_clientName);
    submission.client = m_socket->peerAddress();
    submission.needsSmtpUtf8 = m_needsSmtpUtf8;
    submission.notBefore = m_notBefore;
    const QString account = m_transactionAccount;
    resetTransaction();
    // Commands pipelined after the data wait for its answer (RFC 2920: in order).
    m_mode = Mode::Queuing;
    m_timer.stop();
    QPointer<RelaySession> self(this);
    m_target->queue(submission, [this, self, account](const RelayTarget::Outcome &outcome) {
        if (!self || m_finished)
            return; // the client left: the message, complete, stays queued
        m_mode = Mode::Command;
        if (outcome.queued()) {
            reply("250 2.0.0 Queued in Outpost's outbox as " + outcome.id.toLatin1());
            Q_EMIT queued(account, outcome.id);
        } else {
            reply(outcome.reply);
        }
        if (!self || m_finished)
            return;
        armCommandTimer();
        process();
    });
}

void RelaySession::resetTransaction()
{
    m_haveMail = false;
    m_sender.clear();
    m_recipients.clear();
    m_transactionAccount.clear();
    m_transactionLimit = 0;
    m_needsSmtpUtf8 = false;
    m_notBefore = {};
    m_decoder.reset();
}

void RelaySession::reply(const QByteArray &text)
{
    if (m_finished)
        return;
    Q_EMIT transcript(QStringLiteral("S: ") + QString::fromUtf8(text));
    m_socket->write(text + "\r\n");
}

void RelaySession::replyAndClose(const QByteArray &text)
{
    reply(text);
    m_mode = Mode::Closing;
    m_timer.stop();
    m_socket->disconnectFromHost(); // after what was written
}

void RelaySession::close()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    // An unfinished message is dropped here: nothing of it was queued.
    resetTransaction();
    Q_EMIT finished();
    deleteLater();
}

} // namespace Outpost
