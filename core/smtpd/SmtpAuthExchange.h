#pragma once

#include <QByteArray>

namespace Outpost {

/// The server side of SMTP AUTH (RFC 4954) for PLAIN (RFC 4616), LOGIN and, for the sandbox,
/// CRAM-MD5 (RFC 2195): reads the AUTH command and the client's continuation lines and says
/// what to answer. Whether the credentials are right is the caller's to decide.
class SmtpAuthExchange
{
public:
    enum class Mechanism
    {
        None,
        Plain,
        Login,
        CramMd5,
    };

    enum class Outcome
    {
        Challenge,   ///< send "334 " + challenge() and feed the client's next line to respond()
        Credentials, ///< done: check user() with password() (CRAM-MD5: with digest())
        Cancelled,   ///< the client sent "*" (501)
        Malformed,   ///< not base64, or not the mechanism's form (501)
        Unsupported, ///< a mechanism not offered (504)
    };

    /// Which mechanisms the server offers besides PLAIN and LOGIN.
    explicit SmtpAuthExchange(bool offerCramMd5 = false)
        : m_offerCramMd5(offerCramMd5)
    {}

    /// The argument of "AUTH": the mechanism and, maybe, an initial response. For CRAM-MD5,
    /// @p cramChallenge is the server's challenge ("<unique@host>").
    Outcome start(const QByteArray &argument, const QByteArray &cramChallenge = {});
    /// A continuation line from the client.
    Outcome respond(const QByteArray &line);

    /// True while a continuation line is awaited.
    bool waiting() const { return m_step != Step::Idle; }
    Mechanism mechanism() const { return m_mechanism; }
    /// The base64 text to send after "334 ".
    const QByteArray &challenge() const { return m_challenge; }
    const QByteArray &authorizationId() const { return m_authzid; }
    const QByteArray &user() const { return m_user; }
    const QByteArray &password() const { return m_password; }
    /// CRAM-MD5: the client's HMAC-MD5 of the challenge, as hex digits.
    const QByteArray &digest() const { return m_digest; }

private:
    enum class Step
    {
        Idle,
        PlainResponse,
        LoginUser,
        LoginPassword,
        CramResponse,
    };

    Outcome plain(const QByteArray &base64);
    Outcome challenge(Step next, const QByteArray &text);
    Outcome finish(Outcome outcome);

    bool m_offerCramMd5;
    Step m_step = Step::Idle;
    Mechanism m_mechanism = Mechanism::None;
    QByteArray m_challenge;
    QByteArray m_authzid;
    QByteArray m_user;
    QByteArray m_password;
    QByteArray m_digest;
};

} // namespace Outpost
