#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Outpost {

/// The argument of MAIL FROM or RCPT TO (RFC 5321 section 4.1.2): the address between
/// angle brackets and the ESMTP parameters after it.
struct SmtpPath
{
    enum class Problem
    {
        None,
        Syntax,  ///< not "FROM:<...>" / "TO:<...>" (501 5.5.4)
        Address, ///< the address between the brackets is not a mailbox (501 5.1.7 / 5.1.3)
    };

    /// Reads @p argument, which must start with @p prefix ("FROM:" or "TO:", any case). A
    /// space after the colon is tolerated (many clients send one); a source route is dropped.
    /// The null path "<>" is accepted when @p allowNull (the reverse-path of a report).
    static SmtpPath parse(const QByteArray &argument, QByteArrayView prefix, bool allowNull);

    Problem problem = Problem::None;
    QString address; ///< local@domain (Unicode domain); empty for the null path
    bool needsSmtpUtf8 = false;
    /// The parameters in order: keyword (upper case) and value (empty when none).
    QList<QPair<QByteArray, QByteArray>> parameters;

    bool ok() const { return problem == Problem::None; }
    /// The value of @p keyword, or a null QByteArray when absent.
    QByteArray parameter(QByteArrayView keyword) const;
    bool hasParameter(QByteArrayView keyword) const;
};

} // namespace Outpost
