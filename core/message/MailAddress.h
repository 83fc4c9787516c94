#pragma once

#include <QByteArray>
#include <QString>

namespace Outpost {

/// One mailbox: an optional display name and local-part@domain (domain in Unicode).
class MailAddress
{
public:
    MailAddress() = default;
    MailAddress(const QString &displayName, const QString &localPart, const QString &domain,
                const QString &group = {});

    QString displayName() const { return m_displayName; }
    QString localPart() const { return m_localPart; }
    QString domain() const { return m_domain; }
    /// The group this mailbox was listed in ("Team: a@x, b@y;"), else empty.
    QString group() const { return m_group; }
    void setDisplayName(const QString &name) { m_displayName = name; }

    bool isNull() const { return m_localPart.isEmpty() && m_domain.isEmpty(); }
    /// local-part@domain as people read it (Unicode domain).
    QString address() const;
    /// "Name <local@domain>", or the bare address without a name.
    QString toDisplayString() const;
    /// Whether the local part needs SMTPUTF8 (RFC 6531): it holds non-ASCII characters.
    bool needsSmtpUtf8() const;
    /// The domain in ASCII (IDNA, via QUrl::toAce); empty when it cannot be converted.
    QByteArray asciiDomain() const;
    /// The address for the SMTP envelope and header: with @p smtpUtf8 the UTF-8 form,
    /// otherwise the domain converted to ASCII. Empty when it cannot be represented.
    QByteArray encoded(bool smtpUtf8) const;

    bool operator==(const MailAddress &other) const = default;

private:
    QString m_displayName;
    QString m_localPart;
    QString m_domain;
    QString m_group;
};

} // namespace Outpost
