#include "SandboxImapSession.h"

#include <QFile>

namespace Outpost {

namespace {

/// The next astring (atom or quoted string) of @p text from @p pos; nothing for literals,
/// which the sandbox does not take.
std::optional<QByteArray> astring(const QByteArray &text, qsizetype *pos)
{
    while (*pos < text.size() && text[*pos] == ' ')
        ++*pos;
    if (*pos >= text.size() || text[*pos] == '{')
        return std::nullopt;
    QByteArray out;
    if (text[*pos] == '"') {
        for (++*pos; *pos < text.size(); ++*pos) {
            const char c = text[*pos];
            if (c == '"') {
                ++*pos;
                return out;
            }
            if (c == '\\' && *pos + 1 < text.size())
                ++*pos;
            out.append(text[*pos]);
        }
        return std::nullopt;
    }
    while (*pos < text.size() && text[*pos] != ' ')
        out.append(text[(*pos)++]);
    return out;
}

/// Whether @p uid is in the UID set @p set ("1:*", "4,7:9", "12"); "*" is @p highest, and
/// "n:*" names the highest message even when n is above it (RFC 3501 section 6.4.8).
bool inSet(const QByteArray &set, quint64 uid, quint64 highest)
{
    for (const QByteArray &range : set.split(',')) {
        const QByteArrayList ends = range.split(':');
        auto value = [highest](const QByteArray &v) {
            return v == "*" ? highest : v.toULongLong();
        };
        quint64 a = value(ends.value(0));
        quint64 b = ends.size() > 1 ? value(ends[1]) : a;
        if (a > b)
            std::swap(a, b);
        if (uid >= a && uid <= b)
            return true;
    }
    return false;
}

/// The header fields named in @p names of @p message, as RFC 3501 returns them: each field
/// with its continuation lines, then an empty line.
QByteArray headerFields(const QByteArray &message, const QByteArrayList &names)
{
    QByteArray out;
    bool keep = false;
    for (const QByteArray &raw : message.split('\n')) {
        const QByteArray line = raw.endsWith('\r') ? raw.chopped(1) : raw;
        if (line.isEmpty())
            break;
        if (line.front() != ' ' && line.front() != '\t') {
            const QByteArray name = line.left(line.indexOf(':')).trimmed().toUpper();
            keep = names.contains(name);
        }
        if (keep)
            out += line + "\r\n";
    }
    return out + "\r\n";
}

} // namespace

SandboxImapSession::SandboxImapSession(SandboxServer *server)
    : SandboxSession(server, SandboxFault::Imap)
{}

QByteArray SandboxImapSession::capabilities() const
{
    const SandboxSettings &settings = m_server->m_settings;
    QByteArray caps = "IMAP4rev1 LITERAL+ ID";
    if (settings.saslPlain)
        caps += " SASL-IR AUTH=PLAIN";
    if (!m_loggedIn && !isEncrypted() && settings.popSecurity == Security::StartTls &&
        settings.offerStartTls)
        caps += " STARTTLS";
    return caps;
}

void SandboxImapSession::greet()
{
    if (applyFault("GREETING"))
        return;
    reply("* OK [CAPABILITY " + capabilities() + "] Outpost sandbox IMAP ready");
}

void SandboxImapSession::handleLine(const QByteArray &line)
{
    if (!m_plainTag.isEmpty()) {
        const QByteArray tag = std::exchange(m_plainTag, {});
        if (line == "*") {
            reply(tag + " BAD Authentication cancelled");
            return;
        }
        const QByteArrayList parts = QByteArray::fromBase64(line).split('\0');
        const auto it = m_server->m_users.constFind(parts.value(1));
        login(tag, parts.value(1),
              it != m_server->m_users.constEnd() && !parts.value(2).isEmpty() &&
                  it->password == parts.value(2));
        return;
    }
    const qsizetype space = line.indexOf(' ');
    if (space <= 0) {
        reply("* BAD Missing tag or command");
        return;
    }
    const QByteArray tag = line.left(space);
    const QByteArray rest = line.mid(space + 1);
    const qsizetype end = rest.indexOf(' ');
    QByteArray verb = (end < 0 ? rest : rest.left(end)).toUpper();
    QByteArray arguments = end < 0 ? QByteArray() : rest.mid(end + 1);
    if (verb == "UID") {
        const qsizetype next = arguments.indexOf(' ');
        verb = "UID " + (next < 0 ? arguments : arguments.left(next)).toUpper();
        arguments = next < 0 ? QByteArray() : arguments.mid(next + 1);
    }
    if (applyFault(verb))
        return;
    command(tag, verb, arguments);
}

void SandboxImapSession::command(const QByteArray &tag, const QByteArray &verb,
                                 const QByteArray &arguments)
{
    const SandboxSettings &settings = m_server->m_settings;
    if (verb == "CAPABILITY") {
        reply("* CAPABILITY " + capabilities());
        reply(tag + " OK CAPABILITY completed");
    } else if (verb == "NOOP") {
        reply(tag + " OK NOOP completed");
    } else if (verb == "LOGOUT") {
        reply("* BYE Outpost sandbox signing off");
        reply(tag + " OK LOGOUT completed");
        closeAfterReplies();
    } else if (verb == "STARTTLS") {
        if (m_loggedIn || isEncrypted() || settings.popSecurity != Security::StartTls ||
            !settings.offerStartTls) {
            reply(tag + " BAD STARTTLS not available");
            return;
        }
        reply(tag + " OK Begin TLS negotiation now");
        startTlsAfterReplies();
    } else if (verb == "LOGIN") {
        if (m_loggedIn) {
            reply(tag + " BAD Already logged in");
            return;
        }
        qsizetype pos = 0;
        const std::optional<QByteArray> user = astring(arguments, &pos);
        const std::optional<QByteArray> password = astring(arguments, &pos);
        if (!user || !password) {
            reply(tag + " BAD The sandbox takes LOGIN with quoted strings or atoms only");
            return;
        }
        const auto it = m_server->m_users.constFind(*user);
        login(tag, *user, it != m_server->m_users.constEnd() && it->password == *password);
    } else if (verb == "AUTHENTICATE") {
        const QByteArrayList words = arguments.split(' ');
        if (m_loggedIn || words.value(0).toUpper() != "PLAIN" || !settings.saslPlain) {
            reply(tag + " NO Unsupported authentication mechanism");
        } else if (words.size() > 1) {
            m_plainTag = tag;
            handleLine(words[1]);
        } else {
            m_plainTag = tag;
            reply("+ ");
        }
    } else if (!m_loggedIn) {
        reply(tag + " BAD Log in first");
    } else if (verb == "EXAMINE" || verb == "SELECT") {
        examine(tag, verb, arguments);
    } else if (verb == "UID FETCH") {
        uidFetch(tag, arguments);
    } else {
        reply(tag + " BAD The sandbox does not know " + verb);
    }
}

void SandboxImapSession::login(const QByteArray &tag, const QByteArray &user, bool ok)
{
    if (!ok) {
        reply(tag + " NO [AUTHENTICATIONFAILED] Authentication failed.");
        return;
    }
    m_loggedIn = true;
    m_user = user;
    m_server->recordPopLogin(peer(), user);
    reply(tag + " OK [CAPABILITY " + capabilities() + "] Logged in");
}

void SandboxImapSession::examine(const QByteArray &tag, const QByteArray &verb,
                                 const QByteArray &arguments)
{
    qsizetype pos = 0;
    const std::optional<QByteArray> mailbox = astring(arguments, &pos);
    if (!mailbox || mailbox->toUpper() != "INBOX") {
        m_selected = false;
        reply(tag + " NO [NONEXISTENT] The sandbox has only INBOX");
        return;
    }
    const QList<SandboxServer::MailboxMessage> &box = m_server->m_users[m_user].mailbox;
    m_selected = true;
    reply("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)");
    reply("* " + QByteArray::number(box.size()) + " EXISTS");
    reply("* 0 RECENT");
    reply("* OK [UIDVALIDITY " + QByteArray::number(m_server->m_settings.imapUidValidity) +
          "] UIDs valid");
    reply("* OK [UIDNEXT " + QByteArray::number(m_server->m_nextImapUid) + "] Predicted next UID");
    reply(tag + (verb == "EXAMINE" ? " OK [READ-ONLY] EXAMINE completed"
                                   : " OK [READ-WRITE] SELECT completed"));
}

void SandboxImapSession::uidFetch(const QByteArray &tag, const QByteArray &arguments)
{
    if (!m_selected) {
        reply(tag + " BAD No mailbox selected");
        return;
    }
    const qsizetype space = arguments.indexOf(' ');
    const QByteArray set = arguments.left(space);
    const QByteArray items = space < 0 ? QByteArray() : arguments.mid(space + 1).toUpper();
    QList<SandboxServer::MailboxMessage> &box = m_server->m_users[m_user].mailbox;
    const quint64 highest = box.isEmpty() ? 0 : box.back().imapUid;
    QByteArrayList fieldNames;
    const qsizetype fields = items.indexOf("HEADER.FIELDS (");
    if (fields >= 0) {
        const qsizetype open = fields + qsizetype(qstrlen("HEADER.FIELDS ("));
        fieldNames = items.mid(open, items.indexOf(')', open) - open).split(' ');
    }
    const bool body = items.contains("BODY[]") || items.contains("BODY.PEEK[]");
    for (qsizetype i = 0; i < box.size(); ++i) {
        SandboxServer::MailboxMessage &m = box[i];
        if (!inSet(set, m.imapUid, highest))
            continue;
        QByteArray data = m.data;
        if (!m.path.isEmpty()) {
            QFile file(m.path);
            if (file.open(QIODevice::ReadOnly))
                data = file.readAll();
        }
        if (items.contains("BODY[]"))
            m.imapSeen = true; // RFC 3501 section 6.4.5: BODY[] sets \Seen, BODY.PEEK[] not
        QByteArray out =
            "* " + QByteArray::number(i + 1) + " FETCH (UID " + QByteArray::number(m.imapUid);
        if (items.contains("RFC822.SIZE"))
            out += " RFC822.SIZE " + QByteArray::number(data.size());
        if (items.contains("FLAGS"))
            out += m.imapSeen ? " FLAGS (\\Seen)" : " FLAGS ()";
        if (fields >= 0) {
            const QByteArray h = headerFields(data, fieldNames);
            out += " BODY[HEADER.FIELDS (" + fieldNames.join(' ') + ")] {" +
                   QByteArray::number(h.size()) + "}\r\n" + h;
        }
        if (body)
            out += " BODY[] {" + QByteArray::number(data.size()) + "}\r\n" + data;
        reply(out + ')');
    }
    reply(tag + " OK UID FETCH completed");
}

} // namespace Outpost
