#include "SandboxPop3Session.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>

namespace Outpost {

namespace {

constexpr qint64 retrChunk = 64 * 1024;
constexpr qint64 retrHighWater = 512 * 1024;

} // namespace

SandboxPop3Session::SandboxPop3Session(SandboxServer *server)
    : SandboxSession(server, SandboxFault::Pop3)
{}

void SandboxPop3Session::greet()
{
    if (applyFault("GREETING"))
        return;
    QByteArray text = "+OK Outpost sandbox POP3 ready";
    if (m_server->m_settings.apop) {
        // RFC 1939 section 7: a unique timestamp in msg-id form.
        m_timestamp = '<' + QByteArray::number(QCoreApplication::applicationPid()) + '.' +
                      QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + '.' +
                      QByteArray::number(reinterpret_cast<quintptr>(this) & 0xffff) +
                      "@sandbox.invalid>";
        text += ' ' + m_timestamp;
    }
    reply(text);
}

void SandboxPop3Session::handleLine(const QByteArray &line)
{
    if (m_sending) {
        m_waiting << line; // answered in order once the message has gone out
        return;
    }
    if (m_awaitingPlain) {
        m_awaitingPlain = false;
        const QByteArrayList parts = QByteArray::fromBase64(line).split('\0');
        const auto it = m_server->m_users.constFind(parts.value(1));
        login(parts.value(1), it != m_server->m_users.constEnd() && !parts.value(2).isEmpty() &&
                                  it->password == parts.value(2));
        return;
    }
    const qsizetype space = line.indexOf(' ');
    const QByteArray verb = (space < 0 ? line : line.left(space)).toUpper();
    const QByteArray argument = space < 0 ? QByteArray() : line.mid(space + 1);
    if (applyFault(verb))
        return;
    command(verb, argument);
}

void SandboxPop3Session::command(const QByteArray &verb, const QByteArray &argument)
{
    const SandboxSettings &settings = m_server->m_settings;
    const auto user = m_server->m_users.find(m_user);
    if (verb == "QUIT") {
        if (m_loggedIn && user != m_server->m_users.end()) {
            // RFC 1939 section 6: the UPDATE state removes the marked messages.
            for (qsizetype i = qMin(m_deleted.size(), user->mailbox.size()) - 1; i >= 0; --i) {
                if (m_deleted[i])
                    user->mailbox.removeAt(i);
            }
        }
        reply("+OK Outpost sandbox signing off");
        closeAfterReplies();
        return;
    }
    if (verb == "CAPA") {
        capa();
        return;
    }
    if (verb == "NOOP") {
        reply("+OK");
        return;
    }
    if (!m_loggedIn) {
        if (verb == "STLS") {
            if (settings.popSecurity != Security::StartTls || !settings.offerStartTls ||
                isEncrypted()) {
                reply("-ERR STLS not available");
                return;
            }
            reply("+OK Begin TLS negotiation");
            startTlsAfterReplies();
        } else if (verb == "USER") {
            m_pendingUser = argument;
            reply("+OK");
        } else if (verb == "PASS") {
            const auto it = m_server->m_users.constFind(m_pendingUser);
            login(m_pendingUser, !m_pendingUser.isEmpty() && it != m_server->m_users.constEnd() &&
                                     it->password == argument);
        } else if (verb == "APOP") {
            const QByteArrayList words = argument.split(' ');
            const auto it = m_server->m_users.constFind(words.value(0));
            const bool ok =
                !m_timestamp.isEmpty() && it != m_server->m_users.constEnd() &&
                QCryptographicHash::hash(m_timestamp + it->password, QCryptographicHash::Md5)
                        .toHex() == words.value(1);
            login(words.value(0), ok);
        } else if (verb == "AUTH") {
            const QByteArrayList words = argument.split(' ');
            if (words.value(0).toUpper() != "PLAIN" || !settings.saslPlain) {
                reply("-ERR Unsupported authentication mechanism");
            } else if (words.size() > 1) {
                m_awaitingPlain = true;
                handleLine(words[1]);
            } else {
                m_awaitingPlain = true;
                reply("+ ");
            }
        } else {
            reply("-ERR Not logged in");
        }
        return;
    }
    if (user == m_server->m_users.end()) {
        reply("-ERR [SYS/TEMP] Mailbox gone");
        return;
    }
    const QList<SandboxServer::MailboxMessage> &mailbox = user->mailbox;
    if (verb == "STAT") {
        int count = 0;
        qint64 size = 0;
        for (qsizetype i = 0; i < qMin(mailbox.size(), m_deleted.size()); ++i) {
            if (!m_deleted[i]) {
                ++count;
                size += mailbox[i].size;
            }
        }
        reply("+OK " + QByteArray::number(count) + ' ' + QByteArray::number(size));
    } else if (verb == "LIST" || (verb == "UIDL" && settings.uidl)) {
        const bool uidl = verb == "UIDL";
        const auto value = [&](int i) {
            return uidl ? mailbox[i].uid : QByteArray::number(mailbox[i].size);
        };
        if (!argument.isEmpty()) {
            const int i = index(argument);
            if (i < 0)
                reply("-ERR No such message");
            else
                reply("+OK " + argument + ' ' + value(i));
            return;
        }
        QByteArray text = "+OK";
        for (qsizetype i = 0; i < qMin(mailbox.size(), m_deleted.size()); ++i) {
            if (!m_deleted[i])
                text += "\r\n" + QByteArray::number(i + 1) + ' ' + value(static_cast<int>(i));
        }
        reply(text + "\r\n.");
    } else if (verb == "RETR") {
        const int i = index(argument);
        if (i < 0) {
            reply("-ERR No such message");
            return;
        }
        reply("+OK " + QByteArray::number(mailbox[i].size) + " octets");
        m_sending = true;
        then([this, i] { startRetr(i); });
    } else if (verb == "DELE") {
        const int i = index(argument);
        if (i < 0) {
            reply("-ERR No such message");
            return;
        }
        m_deleted[i] = true;
        reply("+OK Marked to be deleted");
    } else if (verb == "RSET") {
        m_deleted.fill(false);
        reply("+OK");
    } else {
        reply("-ERR Unknown command");
    }
}

void SandboxPop3Session::capa()
{
    const SandboxSettings &settings = m_server->m_settings;
    QByteArray text = "+OK Capability list follows\r\nUSER\r\nRESP-CODES\r\nAUTH-RESP-CODE";
    if (settings.uidl)
        text += "\r\nUIDL";
    if (settings.pipelining)
        text += "\r\nPIPELINING";
    if (settings.saslPlain)
        text += "\r\nSASL PLAIN";
    if (settings.popSecurity == Security::StartTls && settings.offerStartTls && !isEncrypted())
        text += "\r\nSTLS";
    reply(text + "\r\n.");
}

void SandboxPop3Session::login(const QByteArray &user, bool ok)
{
    if (!ok) {
        reply("-ERR [AUTH] Authentication failed");
        return;
    }
    m_loggedIn = true;
    m_user = user;
    m_deleted = QList<bool>(m_server->m_users[user].mailbox.size(), false);
    m_server->recordPopLogin(peer(), user);
    reply("+OK Logged in");
}

int SandboxPop3Session::index(const QByteArray &argument) const
{
    bool ok = false;
    const int number = argument.trimmed().toInt(&ok);
    if (!ok || number < 1 || number > m_deleted.size() || m_deleted[number - 1])
        return -1;
    return number - 1;
}

void SandboxPop3Session::startRetr(int index)
{
    const SandboxServer::MailboxMessage &message = m_server->m_users[m_user].mailbox[index];
    if (message.path.isEmpty()) {
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(message.data);
        buffer->open(QIODevice::ReadOnly);
        m_retr = std::move(buffer);
    } else {
        auto file = std::make_unique<QFile>(message.path);
        if (!file->open(QIODevice::ReadOnly)) {
            drop();
            return;
        }
        m_retr = std::move(file);
    }
    m_retrSent = 0;
    m_retrEncoder.reset();
    pumpRetr();
}

void SandboxPop3Session::wroteData()
{
    if (m_retr)
        pumpRetr();
}

void SandboxPop3Session::pumpRetr()
{
    while (m_retr && pendingBytes() < retrHighWater) {
        const QByteArray chunk = m_retr->read(retrChunk);
        if (chunk.isEmpty()) {
            m_retr.reset();
            // RFC 1939 section 3: end the last line, then the terminator.
            write(m_retrEncoder.finish());
            retrDone();
            return;
        }
        // RFC 1939 section 3: the same byte-stuffing (and CRLF line ends) as SMTP DATA.
        const QByteArray out = m_retrEncoder.encode(chunk);
        if (m_dropAfterBytes >= 0 && m_retrSent + out.size() >= m_dropAfterBytes) {
            write(out.left(m_dropAfterBytes - m_retrSent));
            m_dropAfterBytes = -1;
            m_retr.reset();
            m_socket->flush();
            drop();
            return;
        }
        m_retrSent += out.size();
        write(out);
    }
}

} // namespace Outpost

namespace Outpost {

void SandboxPop3Session::retrDone()
{
    m_sending = false;
    const QByteArrayList waiting = m_waiting;
    m_waiting.clear();
    for (qsizetype i = 0; i < waiting.size(); ++i) {
        handleLine(waiting[i]);
        if (m_sending) { // another RETR: keep the rest for later
            m_waiting = waiting.mid(i + 1) + m_waiting;
            return;
        }
    }
}

} // namespace Outpost
