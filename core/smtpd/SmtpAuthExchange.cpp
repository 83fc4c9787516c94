#include "SmtpAuthExchange.h"

#include <QByteArrayList>

#include <optional>

namespace Outpost {

namespace {

// Strict base64 (RFC 4954 section 4: a response that is not base64 is refused); "=" is the
// empty initial response.
std::optional<QByteArray> decode(const QByteArray &text)
{
    if (text == "=")
        return QByteArray();
    const auto result =
        QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return *result;
}

} // namespace

SmtpAuthExchange::Outcome SmtpAuthExchange::start(const QByteArray &argument,
                                                  const QByteArray &cramChallenge)
{
    *this = SmtpAuthExchange(m_offerCramMd5);
    const QByteArrayList words = argument.trimmed().split(' ');
    const QByteArray name = words.value(0).toUpper();
    if (words.size() > 2)
        return Outcome::Malformed;
    const bool initial = words.size() == 2;
    if (name == "PLAIN") {
        m_mechanism = Mechanism::Plain;
        if (!initial)
            return challenge(Step::PlainResponse, {});
        if (words[1] == "=") // an empty initial response cannot hold the credentials
            return finish(Outcome::Malformed);
        return plain(words[1]);
    }
    if (name == "LOGIN") {
        m_mechanism = Mechanism::Login;
        if (!initial)
            return challenge(Step::LoginUser, "Username:");
        const std::optional<QByteArray> user = decode(words[1]);
        if (!user)
            return finish(Outcome::Malformed);
        m_user = *user;
        return challenge(Step::LoginPassword, "Password:");
    }
    if (name == "CRAM-MD5" && m_offerCramMd5 && !initial) {
        m_mechanism = Mechanism::CramMd5;
        return challenge(Step::CramResponse, cramChallenge);
    }
    return Outcome::Unsupported;
}

SmtpAuthExchange::Outcome SmtpAuthExchange::respond(const QByteArray &line)
{
    const Step step = m_step;
    m_step = Step::Idle;
    if (line == "*")
        return finish(Outcome::Cancelled);
    switch (step) {
    case Step::Idle:
        return Outcome::Malformed;
    case Step::PlainResponse:
        return plain(line);
    case Step::LoginUser: {
        const std::optional<QByteArray> user = decode(line);
        if (!user)
            return finish(Outcome::Malformed);
        m_user = *user;
        return challenge(Step::LoginPassword, "Password:");
    }
    case Step::LoginPassword: {
        const std::optional<QByteArray> password = decode(line);
        if (!password)
            return finish(Outcome::Malformed);
        m_password = *password;
        return Outcome::Credentials;
    }
    case Step::CramResponse: {
        const std::optional<QByteArray> response = decode(line);
        const qsizetype space = response ? response->lastIndexOf(' ') : -1;
        if (space <= 0)
            return finish(Outcome::Malformed);
        m_user = response->left(space);
        m_digest = response->mid(space + 1).toLower();
        return Outcome::Credentials;
    }
    }
    return Outcome::Malformed;
}

SmtpAuthExchange::Outcome SmtpAuthExchange::plain(const QByteArray &base64)
{
    // authzid NUL authcid NUL passwd (RFC 4616 section 2)
    const std::optional<QByteArray> message = decode(base64);
    if (!message)
        return finish(Outcome::Malformed);
    const QByteArrayList parts = message->split('\0');
    if (parts.size() != 3 || parts[1].isEmpty())
        return finish(Outcome::Malformed);
    m_authzid = parts[0];
    m_user = parts[1];
    m_password = parts[2];
    return Outcome::Credentials;
}

SmtpAuthExchange::Outcome SmtpAuthExchange::challenge(Step next, const QByteArray &text)
{
    m_step = next;
    m_challenge = text.toBase64();
    return Outcome::Challenge;
}

SmtpAuthExchange::Outcome SmtpAuthExchange::finish(Outcome outcome)
{
    m_step = Step::Idle;
    m_user.clear();
    m_password.clear();
    return outcome;
}

} // namespace Outpost
