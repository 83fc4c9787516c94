#include "SandboxSmtpSession.h"

#include <QDateTime>
#include <QDir>
#include <QMessageAuthenticationCode>

#include "smtpd/SmtpPath.h"

namespace Outpost {

SandboxSmtpSession::SandboxSmtpSession(SandboxServer *server)
    : SandboxSession(server, SandboxFault::Smtp)
{}

void SandboxSmtpSession::greet()
{
    if (applyFault("GREETING"))
        return;
    reply("220 sandbox.invalid ESMTP Outpost sandbox");
}

void SandboxSmtpSession::handleLine(const QByteArray &line)
{
    switch (m_mode) {
    case Mode::Auth:
        m_mode = Mode::Command;
        authStep(m_auth.respond(line));
        return;
    case Mode::Command:
        break;
    }
    const qsizetype space = line.indexOf(' ');
    const QByteArray verb = (space < 0 ? line : line.left(space)).toUpper();
    const QByteArray argument = space < 0 ? QByteArray() : line.mid(space + 1);
    if (applyFault(verb))
        return;
    command(verb, argument, line);
}

void SandboxSmtpSession::command(const QByteArray &verb, const QByteArray &argument,
                                 const QByteArray &)
{
    const SandboxSettings &settings = m_server->m_settings;
    if (verb == "EHLO") {
        if (!settings.ehlo) {
            reply("502 5.5.2 Error: command not recognized");
            return;
        }
        ehlo(true);
    } else if (verb == "HELO") {
        ehlo(false);
    } else if (verb == "STARTTLS") {
        if (settings.smtpSecurity != Security::StartTls || !settings.offerStartTls ||
            isEncrypted()) {
            reply("502 5.5.1 Error: command not implemented");
            return;
        }
        reply("220 2.0.0 Ready to start TLS");
        startTlsAfterReplies();
        // RFC 3207 section 4.2: the session starts over.
        m_greeted = false;
        m_authUser.clear();
        resetTransaction();
    } else if (verb == "AUTH") {
        auth(argument);
    } else if (verb == "MAIL") {
        const SmtpPath path = SmtpPath::parse(argument, "FROM:", true);
        if (!m_greeted) {
            reply("503 5.5.1 Error: send HELO/EHLO first");
        } else if (m_haveMail) {
            reply("503 5.5.1 Error: nested MAIL command");
        } else if (path.problem == SmtpPath::Problem::Syntax) {
            reply("501 5.5.4 Syntax: MAIL FROM:<address>");
        } else if (!path.ok()) {
            reply("501 5.1.7 Bad sender address syntax");
        } else if (settings.smtpAuthRequired && m_authUser.isEmpty()) {
            reply("530 5.7.0 Authentication required");
        } else {
            const qint64 size = path.parameter("SIZE").toLongLong();
            if (settings.maxSize > 0 && size > settings.maxSize) {
                reply("552 5.3.4 Message size exceeds fixed limit");
                return;
            }
            m_haveMail = true;
            m_delivery = {};
            m_delivery.sender = path.address.toUtf8();
            reply("250 2.1.0 Ok");
        }
    } else if (verb == "RCPT") {
        const SmtpPath path = SmtpPath::parse(argument, "TO:", false);
        if (!m_haveMail) {
            reply("503 5.5.1 Error: need MAIL command");
        } else if (path.problem == SmtpPath::Problem::Syntax) {
            reply("501 5.5.4 Syntax: RCPT TO:<address>");
        } else if (!path.ok()) {
            reply("501 5.1.3 Bad recipient address syntax");
        } else if (!allowsRelay()) {
            const QByteArray address = path.address.toUtf8();
            Q_EMIT m_server->relayRefused(peer(), address);
            reply("554 5.7.1 <" + address + ">: Relay access denied");
        } else {
            m_delivery.recipients << path.address.toUtf8();
            reply("250 2.1.5 Ok");
        }
    } else if (verb == "DATA") {
        if (!m_haveMail) {
            reply("503 5.5.1 Error: need RCPT command");
        } else if (m_delivery.recipients.isEmpty()) {
            reply("554 5.5.1 Error: no valid recipients");
        } else {
            startData();
            m_decoder.reset();
            m_streaming = true;
            reply("354 End data with <CR><LF>.<CR><LF>");
        }
    } else if (verb == "BDAT") {
        const QByteArrayList words = argument.simplified().split(' ');
        bool ok = false;
        const qint64 size = words.value(0).toLongLong(&ok);
        const bool last = words.size() == 2 && words[1].toUpper() == "LAST";
        if (!settings.chunking || !ok || size < 0 || words.size() > 2 ||
            (words.size() == 2 && !last)) {
            reply("501 5.5.4 Syntax: BDAT count [LAST]");
            return;
        }
        if (!m_bdat) {
            // RFC 3030 section 2: a refused transaction still takes (and discards) its data.
            m_bdat = true;
            m_bdatRefusal = !m_haveMail ? QByteArray("503 5.5.1 Error: need MAIL command")
                            : m_delivery.recipients.isEmpty()
                                ? QByteArray("554 5.5.1 Error: no valid recipients")
                                : QByteArray();
            startData();
        }
        m_bdatLast = last;
        m_rawBytes = size;
        if (size == 0)
            bdatChunkDone();
    } else if (verb == "RSET") {
        resetTransaction();
        reply("250 2.0.0 Ok");
    } else if (verb == "NOOP") {
        reply("250 2.0.0 Ok");
    } else if (verb == "QUIT") {
        reply("221 2.0.0 Bye");
        closeAfterReplies();
    } else {
        reply("502 5.5.2 Error: command not recognized");
    }
}

void SandboxSmtpSession::ehlo(bool extended)
{
    const SandboxSettings &settings = m_server->m_settings;
    m_greeted = true;
    resetTransaction();
    if (!extended) {
        reply("250 sandbox.invalid");
        return;
    }
    QByteArrayList lines{"sandbox.invalid"};
    if (settings.pipelining)
        lines << "PIPELINING";
    if (settings.chunking)
        lines << "CHUNKING";
    lines << "SIZE " + QByteArray::number(settings.maxSize);
    if (settings.smtpSecurity == Security::StartTls && settings.offerStartTls && !isEncrypted())
        lines << "STARTTLS";
    if (settings.smtpAuth)
        lines << "AUTH PLAIN LOGIN CRAM-MD5";
    lines << "ENHANCEDSTATUSCODES";
    if (settings.eightBitMime)
        lines << "8BITMIME";
    lines << "SMTPUTF8";
    QByteArray text;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        text += (i + 1 < lines.size() ? "250-" : "250 ") + lines[i];
        if (i + 1 < lines.size())
            text += "\r\n";
    }
    reply(text);
}

void SandboxSmtpSession::auth(const QByteArray &argument)
{
    if (!m_server->m_settings.smtpAuth) {
        reply("502 5.5.1 Error: authentication not enabled");
        return;
    }
    if (!m_authUser.isEmpty()) {
        reply("503 5.5.1 Error: already authenticated");
        return;
    }
    m_challenge =
        "<" + QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + "@sandbox.invalid>";
    authStep(m_auth.start(argument, m_challenge));
}

void SandboxSmtpSession::authStep(SmtpAuthExchange::Outcome outcome)
{
    switch (outcome) {
    case SmtpAuthExchange::Outcome::Challenge:
        m_mode = Mode::Auth;
        reply("334 " + m_auth.challenge());
        return;
    case SmtpAuthExchange::Outcome::Credentials:
        if (m_auth.mechanism() == SmtpAuthExchange::Mechanism::CramMd5) {
            const auto it = m_server->m_users.constFind(m_auth.user());
            const bool right =
                it != m_server->m_users.constEnd() &&
                QMessageAuthenticationCode::hash(m_challenge, it->password, QCryptographicHash::Md5)
                        .toHex() == m_auth.digest();
            authenticated(m_auth.user(), right ? it->password : QByteArray());
        } else {
            authenticated(m_auth.user(), m_auth.password());
        }
        return;
    case SmtpAuthExchange::Outcome::Cancelled:
        reply("501 5.7.0 Authentication cancelled");
        return;
    case SmtpAuthExchange::Outcome::Malformed:
        reply("501 5.5.2 Cannot decode response");
        return;
    case SmtpAuthExchange::Outcome::Unsupported:
        reply("504 5.5.4 Unrecognized authentication type");
        return;
    }
}

void SandboxSmtpSession::authenticated(const QByteArray &user, const QByteArray &password)
{
    const auto it = m_server->m_users.constFind(user);
    if (it == m_server->m_users.constEnd() || password.isEmpty() || it->password != password) {
        reply("535 5.7.8 Error: authentication failed");
        return;
    }
    m_authUser = user;
    reply("235 2.7.0 Authentication successful");
}

bool SandboxSmtpSession::allowsRelay() const
{
    if (!m_authUser.isEmpty())
        return true;
    if (!m_server->m_settings.popBeforeSmtp)
        return true;
    return m_server->relayAllowed(peer());
}

void SandboxSmtpSession::startData()
{
    const SandboxSettings &settings = m_server->m_settings;
    m_dataBytes = 0;
    m_tooBig = false;
    m_delivery.data.clear();
    if (!settings.deliveryFolder.isEmpty()) {
        QDir().mkpath(settings.deliveryFolder);
        m_file =
            std::make_unique<QFile>(QDir(settings.deliveryFolder)
                                        .filePath(QStringLiteral("%1-%2.eml")
                                                      .arg(QDateTime::currentMSecsSinceEpoch())
                                                      .arg(m_server->m_deliveries.size() + 1)));
        if (!m_file->open(QIODevice::WriteOnly))
            m_file.reset();
    }
}

void SandboxSmtpSession::finishMessage()
{
    if (m_file)
        m_file->close();
    if (applyFault("DATAEND")) {
        resetTransaction();
        return;
    }
    if (m_tooBig) {
        resetTransaction();
        reply("552 5.3.4 Message size exceeds fixed limit");
        return;
    }
    m_delivery.size = m_dataBytes;
    m_delivery.client = peer();
    m_delivery.authenticatedUser = m_authUser;
    if (m_file)
        m_delivery.filePath = m_file->fileName();
    m_server->recordDelivery(m_delivery);
    const int id = static_cast<int>(m_server->m_deliveries.size());
    resetTransaction();
    reply("250 2.0.0 Ok: queued as SBX" + QByteArray::number(id));
}

void SandboxSmtpSession::handleRaw(const QByteArray &data)
{
    if (m_bdatRefusal.isEmpty())
        storeData(data);
    if (m_rawBytes == 0)
        bdatChunkDone();
}

void SandboxSmtpSession::bdatChunkDone()
{
    if (!m_bdatRefusal.isEmpty()) {
        reply(m_bdatRefusal);
        if (m_bdatLast)
            resetTransaction();
        return;
    }
    if (m_bdatLast) {
        finishMessage();
        return;
    }
    reply("250 2.0.0 Ok: " + QByteArray::number(m_dataBytes) + " octets received");
}

qsizetype SandboxSmtpSession::handleStream(QByteArrayView bytes)
{
    const SmtpDataDecoder::Step step = m_decoder.feed(bytes);
    const QByteArray lines = m_decoder.takeCompleteLines();
    if (!lines.isEmpty())
        storeData(lines);
    if (isDead())
        return bytes.size();
    if (step.finished && m_streaming) {
        m_streaming = false;
        finishMessage();
    }
    return step.consumed;
}

void SandboxSmtpSession::storeData(const QByteArray &data)
{
    m_dataBytes += data.size();
    if (m_dropAfterBytes >= 0 && m_dataBytes >= m_dropAfterBytes) {
        m_dropAfterBytes = -1;
        drop();
        return;
    }
    const qint64 max = m_server->m_settings.maxSize;
    if (max > 0 && m_dataBytes > max) {
        m_tooBig = true;
        return;
    }
    if (m_file)
        m_file->write(data);
    else
        m_delivery.data += data;
}

void SandboxSmtpSession::resetTransaction()
{
    m_haveMail = false;
    m_delivery = {};
    m_file.reset();
    m_bdat = false;
    m_bdatLast = false;
    m_bdatRefusal.clear();
}

} // namespace Outpost
