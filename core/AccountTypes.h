#pragma once

// Small enums shared by the account settings, the protocol clients and the scheduler.

namespace Outpost {

/// How a connection is protected.
enum class Security
{
    None,     ///< plain text (only when the user chose it)
    StartTls, ///< plain connect, then STARTTLS/STLS before anything else; never falls back
    Tls,      ///< implicit TLS from the first byte (POP3S 995, SMTPS 465)
};

/// Which protocol the incoming server speaks.
enum class IncomingProtocol
{
    Pop3, ///< POP3 (RFC 1939)
    Imap, ///< IMAP4rev1 (RFC 3501) or IMAP4rev2 (RFC 9051); the mailbox is never changed
};

/// How Outpost logs in to the POP3 server.
enum class PopLogin
{
    Auto,      ///< APOP when the greeting offers it, else SASL PLAIN when offered, else USER/PASS
    Apop,      ///< APOP only (RFC 1939 section 7)
    UserPass,  ///< USER and PASS
    SaslPlain, ///< AUTH PLAIN (RFC 5034)
};

/// How Outpost authenticates to the SMTP server.
enum class SmtpAuth
{
    None,    ///< no SMTP AUTH (typical for POP before SMTP)
    Auto,    ///< the strongest mechanism the server offers
    Plain,   ///< AUTH PLAIN (RFC 4616)
    Login,   ///< AUTH LOGIN
    CramMd5, ///< AUTH CRAM-MD5 (RFC 2195)
};

/// What a cycle's receive step does.
enum class ReceiveMode
{
    Download, ///< fetch new messages into the local inbox
    AuthOnly, ///< only log in (opens the relay window); for people who read mail elsewhere
};

} // namespace Outpost
