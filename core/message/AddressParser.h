#pragma once

#include "MailAddress.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Outpost {

/// The outcome of parsing an address list: the mailboxes, or where and why it failed.
struct AddressParseResult
{
    QList<MailAddress> addresses; ///< every mailbox, groups flattened in order
    int errorPosition = -1;       ///< index (in UTF-16 units) of the offending character
    QString errorMessage;         ///< a translated sentence naming what is wrong (not where)

    bool ok() const { return errorPosition < 0; }
};

/// Parser for RFC 5322 section 3.4 address lists as people type them and as headers hold
/// them: display names (quoted, RFC 2047 words), angle addresses, groups and comments.
class AddressParser
{
    Q_DECLARE_TR_FUNCTIONS(AddressParser)

public:
    /// Parses a comma-separated list; empty elements are skipped.
    static AddressParseResult parseList(const QString &text);
    /// Parses a header value as received (raw bytes, RFC 2047 words, 8-bit guessed).
    static AddressParseResult parseHeader(const QByteArray &value);
    /// Parses exactly one mailbox (a From field, an account address).
    static AddressParseResult parseMailbox(const QString &text);
};

} // namespace Outpost
