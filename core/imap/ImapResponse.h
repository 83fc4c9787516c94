#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Outpost {

/// One value in an IMAP response (RFC 3501 section 4, RFC 9051 section 4): an atom (also
/// flags such as \Seen and section names such as BODY[HEADER.FIELDS (DATE)]), a number, a
/// string (quoted or literal), NIL or a parenthesised list.
struct ImapValue
{
    enum class Type
    {
        Atom,
        Number,
        String,
        Nil,
        List,
    };

    Type type = Type::Nil;
    QByteArray bytes;       ///< the atom's or string's bytes (the number's digits)
    quint64 number = 0;     ///< for Number
    QList<ImapValue> items; ///< for List
    /// A literal whose content went to a sink instead of into bytes (a message body).
    bool streamed = false;
    qint64 literalSize = -1; ///< the size announced by a literal, -1 for other values

    bool isAtom(QByteArrayView name) const;
    bool isList() const { return type == Type::List; }
    /// Atom, number or string: its text; empty for NIL and lists.
    QByteArray text() const
    {
        return type == Type::List || type == Type::Nil ? QByteArray() : bytes;
    }
    /// Declared, not defaulted: a defaulted comparison of a type that holds a list of itself
    /// does not compile with every Qt (its container comparison traits recurse).
    bool operator==(const ImapValue &other) const;

    static ImapValue atom(const QByteArray &bytes);
    static ImapValue string(const QByteArray &bytes);
    static ImapValue num(quint64 number);
    static ImapValue nil();
    static ImapValue list(const QList<ImapValue> &items);
};

/// One whole server response: a status (tagged or untagged), untagged data or a
/// continuation request (RFC 3501 section 7).
struct ImapResponse
{
    enum class Type
    {
        Tagged,       ///< "a1 OK ...": the end of the command tagged a1
        Untagged,     ///< "* ...": status or data
        Continuation, ///< "+ ...": the server waits for the rest of a command
    };
    enum class Status
    {
        None, ///< untagged data (CAPABILITY, EXISTS, FETCH, ...) or a continuation
        Ok,
        No,
        Bad,
        Bye,
        PreAuth,
    };

    Type type = Type::Untagged;
    QByteArray tag; ///< for Tagged
    Status status = Status::None;
    /// The response code in brackets, upper case ("UIDVALIDITY", "CAPABILITY", "ALERT",
    /// "AUTHENTICATIONFAILED", ...), empty when none; codeData holds what follows it.
    QByteArray code;
    QList<ImapValue> codeData;
    /// The human-readable text (status responses) or the continuation's text/base64.
    QByteArray text;
    /// Untagged data: its name, upper case ("CAPABILITY", "EXISTS", "FETCH", "FLAGS", ...).
    QByteArray name;
    /// "* 3 EXISTS", "* 7 FETCH (...)": the number before the name.
    std::optional<quint64> number;
    /// The values after the name (for FETCH a single list of attribute/value pairs).
    QList<ImapValue> data;

    bool isStatus() const { return status != Status::None; }
    /// For FETCH: the value of attribute @p name ("UID", "RFC822.SIZE", "BODY[]", "FLAGS"),
    /// or nothing.
    const ImapValue *fetchItem(QByteArrayView name) const;
    /// The capabilities of a CAPABILITY response or a [CAPABILITY ...] code, upper case.
    QByteArrayList capabilities() const;
    bool operator==(const ImapResponse &other) const = default;
};

/// Puts IMAP responses together from lines and literals, as they arrive, and parses each
/// one when it is complete. Pure: no I/O. The client feeds each received line with
/// addLine(); a line that ends in a literal announcement ("{123}", or "{123+}") is not
/// complete: the reader then wants literalSize() bytes, which the client hands over with
/// addLiteral() (kept) or addStreamedLiteral() (they went to a sink), and the response
/// goes on with the next line.
class ImapResponseReader
{
    Q_DECLARE_TR_FUNCTIONS(ImapResponseReader)

public:
    enum class Result
    {
        Complete,    ///< take() returns the response
        NeedLiteral, ///< the next literalSize() bytes are a literal
        Incomplete,  ///< the response goes on with the next line
        Error,       ///< the response does not parse; error() says why
    };

    /// At most this much text (lines and kept literals) in one response.
    static constexpr qsizetype maxResponseBytes = 4 * 1024 * 1024;
    /// At most this many lists inside each other.
    static constexpr int maxDepth = 32;

    Result addLine(QByteArrayView line);
    Result addLiteral(QByteArrayView bytes);
    Result addStreamedLiteral(qint64 size);

    /// The size of the literal wanted after NeedLiteral.
    qint64 literalSize() const { return m_literalSize; }
    /// Whether the literal wanted is a FETCH response's whole message ("BODY[]" or
    /// "BODY[]<0>" right before it, or "RFC822"), which a client streams to disk.
    bool literalIsMessageBody() const;
    /// The untagged response number seen so far ("* 12 FETCH ..." gives 12), if any.
    std::optional<quint64> pendingNumber() const;
    /// The UID of the FETCH response under way, when "UID n" came before the literal.
    std::optional<quint64> pendingUid() const;
    /// The response parsed after Complete.
    ImapResponse take();
    QString error() const { return m_error; }
    /// Forgets the response under way.
    void reset();

    /// Parses a whole response whose literals were replaced by the marker byte 0 (literal
    /// contents in order in @p literals). For tests and the fuzzer too.
    static std::optional<ImapResponse> parse(QByteArrayView text, const QList<ImapValue> &literals,
                                             QString *error);

private:
    Result finishLine();

    QByteArray m_text; ///< the response so far, literals replaced by a 0 byte
    QList<ImapValue> m_literals;
    qsizetype m_bytes = 0; ///< lines and kept literals of the response so far
    qint64 m_literalSize = -1;
    ImapResponse m_response;
    QString m_error;
};

} // namespace Outpost
